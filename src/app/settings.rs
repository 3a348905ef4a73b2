//! What the user keeps between runs: preferences and recent files, never positions within a
//! comparison.

use std::path::{Path, PathBuf};

use super::Panel;

/// Light, dark, or as the system says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// What the user keeps between runs: preferences, the panels' widths and recent files. Never a
/// position within a comparison: a new comparison always opens at the top.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub show_removed: bool,
    pub sync_scroll: bool,
    /// Exports name files without the folders they sit in (on unless the user turns it off:
    /// a report shared with others should not show the layout of the user's disk).
    pub hide_folders: bool,
    pub theme: Theme,
    pub panel: Option<Panel>,
    /// Whether the article list is shown beside the columns.
    pub show_articles: bool,
    /// The widths the reader gave the article list and the side panel.
    pub articles_width: f32,
    pub panel_width: f32,
    /// The reader dismissed the first view's explanation of the samples.
    pub welcome_seen: bool,
    /// Files opened lately, the latest first.
    pub recent: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            show_removed: false,
            sync_scroll: true,
            hide_folders: true,
            theme: Theme::System,
            panel: Some(Panel::Quotes),
            show_articles: false,
            articles_width: 230.0,
            panel_width: 380.0,
            welcome_seen: false,
            recent: Vec::new(),
        }
    }
}

/// How many recent files are remembered.
pub(super) const RECENT: usize = 10;

impl Settings {
    /// Puts a file opened just now first among the recent ones.
    pub(super) fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT);
    }
}
