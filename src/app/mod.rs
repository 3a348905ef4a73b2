//! The desktop app: the articles side by side, their shared quotes and facts coloured alike,
//! framing marked, and panels that list what differs.
//!
//! UI code only emits [`Command`]s; [`ParallaxApp::handle`] applies them, so every state
//! change is testable without a window (rerun's habit). Loading and analysis run on a worker
//! thread when the inputs change, never per frame: the window stays responsive and shows that
//! work is under way, and a newer request supersedes an older one. The columns lay their text
//! out once per change and draw only what is on screen ([`columns`]).

mod columns;
mod commands;
mod guide;
pub use crate::report::highlights;
mod menus;
mod overview;
mod panels;
mod platform;
mod settings;
mod theme;
mod worker;

use std::path::PathBuf;
use std::sync::mpsc;

use crate::analysis::Input;
use crate::analysis::segment::Span;
use crate::comparison::{Comparison, Problem};
use crate::saved::Lexicons;
use columns::Column;
pub use commands::{Command, Export};
use highlights::Highlights;
pub use highlights::Target;
pub use panels::Panel;
pub use platform::PromptFor;
use platform::Shot;
pub use settings::{Settings, Theme};
use worker::Done;

/// A message for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The find bar's state.
#[derive(Debug, Default)]
struct Find {
    open: bool,
    query: String,
    /// Every match, by document and position.
    matches: Vec<(usize, Span)>,
    current: Option<usize>,
    /// Give the query field the keyboard on the next frame.
    focus: bool,
}

pub struct ParallaxApp {
    inputs: Vec<Input>,
    /// The user's additions to the shipped lexicons (from saved comparisons).
    lexicons: Lexicons,
    /// Files asked for and not loaded yet (the worker loads them).
    loading: Vec<PathBuf>,
    load_problems: Vec<Problem>,
    comparison: Comparison,
    /// The input behind each document (an input with no article text has no document).
    doc_inputs: Vec<usize>,
    /// The work under way, if any: its result arrives here.
    pending: Option<mpsc::Receiver<Done>>,
    highlights: Highlights,
    columns: Vec<Column>,
    selection: Option<Target>,
    /// Per document, the stretches of the selection.
    focus: Vec<Vec<Span>>,
    /// A selection whose columns still have to scroll (after they are laid out).
    scroll_pending: bool,
    find: Find,
    /// Per document, the find matches.
    found: Vec<Vec<Span>>,
    /// Bumped whenever what the columns show changes, so they lay their text out again.
    generation: u64,
    status: Option<Status>,
    shot: Option<Shot>,
    /// `--screenshot`: save a picture once the comparison is shown, then close.
    screenshot_and_exit: Option<PathBuf>,
    /// Frames drawn since the last comparison arrived.
    frames_shown: u32,
    /// The document list's edit fields: outlet and date per document.
    edits: Vec<(String, String)>,
    /// The document whose outlet and date are being edited.
    editing: Option<usize>,
    pasted: usize,
    /// Bumped when another set of articles is compared, so scroll positions start afresh.
    epoch: u64,
    /// The articles pinned side by side (positions, in order); none: every article's column.
    pinned: Vec<usize>,
    /// An article whose column should come into view on the next frame.
    reveal: Option<usize>,
    /// The articles whose columns were wholly in view on the last frame.
    in_view: Vec<usize>,
    legend_open: bool,
    /// The app's own prompt for a path, open when the desktop has no file dialog.
    prompt: Option<platform::PathPrompt>,
    pub settings: Settings,
}

impl ParallaxApp {
    /// An app comparing `inputs`; `load_problems` are inputs that failed to load.
    #[must_use]
    pub fn new(inputs: Vec<Input>, load_problems: Vec<Problem>) -> Self {
        let mut app = ParallaxApp {
            inputs,
            lexicons: Lexicons::default(),
            loading: Vec::new(),
            load_problems,
            comparison: Comparison::default(),
            doc_inputs: Vec::new(),
            pending: None,
            highlights: Highlights::default(),
            columns: Vec::new(),
            selection: None,
            focus: Vec::new(),
            scroll_pending: false,
            find: Find::default(),
            found: Vec::new(),
            generation: 0,
            status: None,
            shot: None,
            screenshot_and_exit: None,
            frames_shown: 0,
            edits: Vec::new(),
            editing: None,
            pasted: 0,
            epoch: 0,
            pinned: Vec::new(),
            reveal: None,
            in_view: Vec::new(),
            legend_open: false,
            prompt: None,
            settings: Settings::default(),
        };
        app.reanalyze();
        app
    }

    /// The app on the bundled samples.
    #[must_use]
    pub fn with_samples() -> Self {
        let mut app = ParallaxApp::new(Vec::new(), Vec::new());
        app.handle(Command::OpenSamples);
        app
    }

    #[must_use]
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    #[must_use]
    pub fn selection(&self) -> Option<Target> {
        self.selection
    }

    #[must_use]
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The find matches, by document and position.
    #[must_use]
    pub fn found(&self) -> &[(usize, Span)] {
        &self.find.matches
    }

    /// The source byte ranges of the paragraphs column `doc` shows now (empty when the column
    /// has not been drawn).
    #[must_use]
    pub fn visible_in(&self, doc: usize) -> Vec<Span> {
        self.columns
            .get(doc)
            .map(Column::visible)
            .unwrap_or_default()
    }

    /// Each column's scroll offset, as drawn on the last frame.
    #[must_use]
    pub fn scroll_offsets(&self) -> Vec<f32> {
        self.columns.iter().map(|c| c.offset).collect()
    }

    /// Once the comparison is on screen, save a picture of the window to `path` and close.
    pub fn screenshot_and_exit(&mut self, path: PathBuf) {
        self.screenshot_and_exit = Some(path);
    }
}

impl eframe::App for ParallaxApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let _ = frame;
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    /// Only [`Settings`] are kept between runs: egui's own memory holds every scroll position
    /// of the last comparison, and a new comparison must open at the top.
    fn persist_egui_memory(&self) -> bool {
        false
    }
}

impl ParallaxApp {
    /// One frame of the whole window (what eframe calls each frame; public so benchmarks can
    /// drive it on a bare egui context).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.poll() {
            ctx.request_repaint();
        }
        if self.is_busy() {
            // Look again soon: the result arrives without any input event.
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        ctx.set_theme(match self.settings.theme {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        });
        let mut commands = Vec::new();
        self.keys_ui(ui, &mut commands);
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui, &mut commands));
        if self.find.open {
            egui::Panel::top("find").show(ui, |ui| self.find_ui(ui, &mut commands));
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if !self.comparison.documents.is_empty() {
            egui::Panel::top("overview").show(ui, |ui| {
                let strip = overview::Strip {
                    comparison: &self.comparison,
                    highlights: &self.highlights,
                    in_view: &self.in_view,
                    pinned: &self.pinned,
                    articles_shown: self.settings.show_articles,
                    epoch: self.epoch,
                };
                overview::strip_ui(ui, &strip, &mut commands);
            });
        }
        if let Some(target) = self.selection
            && matches!(target, Target::QuoteGroup(_) | Target::Fact(_))
        {
            egui::Panel::bottom("selection")
                .resizable(true)
                .default_size(170.0)
                .show(ui, |ui| {
                    panels::selection_ui(
                        ui,
                        &self.comparison,
                        &self.highlights,
                        target,
                        &mut commands,
                    );
                });
        }
        let busy = self.is_busy();
        let mut widths = (None, None);
        if self.settings.show_articles {
            let shown = egui::Panel::left("articles")
                .resizable(true)
                .default_size(self.settings.articles_width)
                .show(ui, |ui| {
                    panels::documents_ui(
                        ui,
                        &self.comparison,
                        &self.highlights,
                        &mut self.edits,
                        &mut self.editing,
                        busy,
                        &mut commands,
                    );
                });
            widths.0 = Some(shown.response.rect.width());
        }
        if let Some(panel) = self.settings.panel {
            let shown = egui::Panel::right("panel")
                .resizable(true)
                .default_size(self.settings.panel_width)
                .show(ui, |ui| {
                    panels::panel_ui(
                        ui,
                        panel,
                        &self.comparison,
                        &self.highlights,
                        self.selection,
                        self.epoch,
                        &mut commands,
                    );
                });
            widths.1 = Some(shown.response.rect.width());
        }
        let changed = |now: Option<f32>, kept: f32| now.filter(|w| (w - kept).abs() > 1.0);
        let articles = changed(widths.0, self.settings.articles_width);
        let panel = changed(widths.1, self.settings.panel_width);
        if articles.is_some() || panel.is_some() {
            commands.push(Command::RememberWidths { articles, panel });
        }
        if self.legend_open {
            self.legend_ui(&ctx, &mut commands);
        }
        self.prompt_ui(&ctx, &mut commands);
        egui::CentralPanel::default().show(ui, |ui| self.columns_ui(ui, &mut commands));
        for command in commands {
            self.handle(command);
        }
        self.frames_shown = self.frames_shown.saturating_add(1);
        self.shoot(&ctx);
    }

    fn columns_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if self.comparison.documents.is_empty() {
            ui.centered_and_justified(|ui| {
                ui.label(if self.is_busy() {
                    "Reading the articles…"
                } else {
                    "No articles open. Open some with File › Open… (Ctrl+O), drop files here, \
                     paste one (Ctrl+V), or load the sample articles."
                });
            });
            return;
        }
        let current = self
            .find
            .current
            .and_then(|k| self.find.matches.get(k).copied());
        if self.showing_samples() && !self.settings.welcome_seen {
            self.welcome_ui(ui, commands);
        }
        self.story_ui(ui, commands);
        let shown: Vec<usize> = if self.pinned.is_empty() {
            (0..self.comparison.documents.len()).collect()
        } else {
            self.pinned.clone()
        };
        let view = columns::View {
            comparison: &self.comparison,
            highlights: &self.highlights,
            focus: &self.focus,
            found: &self.found,
            current_found: current,
            show_removed: self.settings.show_removed,
            generation: self.generation,
            shown: &shown,
            epoch: self.epoch,
            reveal: self.reveal.take(),
        };
        let events = columns::columns_ui(ui, &mut self.columns, &view);
        if events.in_view != self.in_view {
            self.in_view = events.in_view.clone();
            ui.ctx().request_repaint();
        }
        if let Some(target) = events.clicked {
            commands.push(Command::Select(Some(target)));
        }
        if self.scroll_pending {
            self.scroll_pending = false;
            if let Some(target) = self.selection {
                columns::scroll_to_target(&mut self.columns, &self.comparison, target);
                ui.ctx().request_repaint();
            }
        } else if let Some(leader) = events.scrolled
            && self.settings.sync_scroll
        {
            columns::follow(&mut self.columns, &self.highlights, leader);
            ui.ctx().request_repaint();
        }
    }
}

/// Opens the window on `files`, or on the bundled samples when there are none. With
/// `screenshot`, saves a picture of the window once the comparison is shown, then closes.
///
/// # Errors
/// When no renderer could open a window, or the picture could not be saved.
pub fn run(files: &[PathBuf], screenshot: Option<PathBuf>) -> anyhow::Result<()> {
    let files: Vec<PathBuf> = files.to_vec();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Parallax")
        .with_app_id("parallax")
        .with_inner_size([1400.0, 860.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    let outcome = std::sync::Arc::new(std::sync::Mutex::new(None::<Status>));
    let seen = outcome.clone();
    let shot = screenshot.clone();
    let creator: eframe::AppCreator<'static> = Box::new(move |cc| {
        let mut app = if files.is_empty() {
            ParallaxApp::with_samples()
        } else {
            let mut app = ParallaxApp::new(Vec::new(), Vec::new());
            app.handle(Command::Open(files));
            app
        };
        if let Some(settings) = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, eframe::APP_KEY))
        {
            app.settings = settings;
        }
        if let Some(path) = shot {
            app.screenshot_and_exit(path);
            Ok(Box::new(Reporting { app, outcome: seen }))
        } else {
            Ok(Box::new(app))
        }
    });
    // eframe's default renderer is wgpu, which picks Vulkan, Metal, DirectX or OpenGL, whichever
    // the machine has.
    eframe::run_native("Parallax", options, creator)
        .map_err(|error| anyhow::anyhow!("cannot open a window: {error}"))?;
    if let Some(path) = screenshot {
        let status = outcome.lock().ok().and_then(|mut s| s.take());
        match status {
            Some(Status { error: false, .. }) => {}
            Some(Status { text, .. }) => anyhow::bail!("{text}"),
            None => anyhow::bail!(
                "the window closed before the picture was taken: {}",
                path.display()
            ),
        }
    }
    Ok(())
}

/// Parallax's icon (assets/desktop/parallax.png), for the window and the task bar.
fn icon() -> Option<egui::IconData> {
    let png = include_bytes!("../../assets/desktop/parallax.png");
    let image = image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .ok()?
        .into_rgba8();
    Some(egui::IconData {
        width: image.width(),
        height: image.height(),
        rgba: image.into_raw(),
    })
}

/// The app under `--screenshot`: hands the export's outcome back to [`run`].
struct Reporting {
    app: ParallaxApp,
    outcome: std::sync::Arc<std::sync::Mutex<Option<Status>>>,
}

impl eframe::App for Reporting {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        if let Some(status) = &self.app.status
            && let Ok(mut outcome) = self.outcome.lock()
        {
            *outcome = Some(status.clone());
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod icon_tests {
    #[test]
    fn the_window_has_parallax_icon() {
        let icon = super::icon().expect("the bundled icon decodes");
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
