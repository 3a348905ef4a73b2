//! What the user can ask for ([`Command`]) and how the app carries it out: every state change
//! goes through [`ParallaxApp::handle`], so it can be tested without a window.

use std::path::{Path, PathBuf};

use super::highlights::{self, Target};
use super::platform::{PathPrompt, PromptFor, Shot};
use super::{Panel, ParallaxApp, Status, Theme, columns};
use crate::analysis::segment::Span;
use crate::analysis::{self, Input};
use crate::comparison::Problem;
use crate::report::{self, ReportFormat};
use crate::saved::{self, Lexicons, SavedComparison, View};
use crate::{ingest, load, save};

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// A report in one of the report formats.
    Report(ReportFormat),
    /// The comparison itself, to reopen later (`.parallax`).
    Saved,
    /// A picture of the window as it is.
    Png,
}

impl Export {
    /// Every export the app offers, in menu order.
    pub const ALL: [Export; 6] = [
        Export::Report(ReportFormat::Html),
        Export::Report(ReportFormat::Md),
        Export::Report(ReportFormat::Json),
        Export::Report(ReportFormat::Csv),
        Export::Saved,
        Export::Png,
    ];

    /// The menu's name for it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Export::Report(format) => format.describe(),
            Export::Saved => "Saved comparison, to reopen (.parallax)",
            Export::Png => "Picture of the window (.png)",
        }
    }

    pub(super) fn extension(self) -> &'static str {
        match self {
            Export::Report(format) => format.extension(),
            Export::Saved => saved::EXTENSION,
            Export::Png => "png",
        }
    }

    /// The export a file name asks for, by its extension.
    pub(super) fn for_path(path: &Path) -> Option<Export> {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("png") => Some(Export::Png),
            Some(e) if e.eq_ignore_ascii_case(saved::EXTENSION) => Some(Export::Saved),
            _ => ReportFormat::from_extension(path).map(Export::Report),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show or hide the lines removed as page furniture.
    ShowRemoved(bool),
    /// Whether scrolling one column moves the others along the alignment.
    SyncScroll(bool),
    /// Leave the folders out of the file names in exported reports and saved comparisons.
    HideFolders(bool),
    SetTheme(Theme),
    /// Which side panel is open, if any.
    ShowPanel(Option<Panel>),
    /// Add these files to the comparison.
    Open(Vec<PathBuf>),
    /// Add an article from the clipboard: its HTML flavour when it has one, else its text.
    Paste {
        html: Option<String>,
        text: Option<String>,
    },
    /// Replace everything with the bundled samples.
    OpenSamples,
    /// Close every document.
    CloseAll,
    /// Forget the recent files.
    ClearRecent,
    /// Close one document (by its position).
    Remove(usize),
    /// Keep only these documents (by position): one event of a mixed set, as its own comparison.
    CompareOnly(Vec<usize>),
    /// Move a document to another position.
    Move {
        from: usize,
        to: usize,
    },
    /// Set a document's outlet name (empty: back to the detected one).
    SetOutlet(usize, String),
    /// Set a document's date, `YYYY-MM-DD` (empty: back to the detected one).
    SetDate(usize, String),
    /// Select something: every column scrolls to it.
    Select(Option<Target>),
    /// Show or hide the find bar.
    ShowFind(bool),
    /// Find this text in every column.
    Find(String),
    /// Go to the next (or, with `false`, the previous) match.
    FindNext(bool),
    /// Write the comparison, or a picture of the window, to a file.
    Export(PathBuf, Export),
    /// Show or hide the article list.
    ShowArticles(bool),
    /// Pin an article (by its position) to read it side by side with the other pinned ones,
    /// or unpin it.
    Pin(usize, bool),
    /// Show every article's column again.
    UnpinAll,
    /// Bring an article's column into view.
    Reveal(usize),
    /// Show or hide the legend of colours and marks.
    ShowLegend(bool),
    /// The widths the reader dragged the article list and the side panel to.
    RememberWidths {
        articles: Option<f32>,
        panel: Option<f32>,
    },
    /// The first view's explanation was read.
    DismissWelcome,
    /// Show the first view's explanation again.
    ShowWelcome,
    /// Ask for articles to open (the desktop's dialog, or the app's prompt without one).
    ChooseFiles,
    /// Ask where to write an export.
    ChooseExport(Export),
    /// Ask for a path in the app's own prompt (when the desktop has no file dialog).
    AskPath(PromptFor),
}

impl ParallaxApp {
    /// Applies one command.
    pub fn handle(&mut self, command: Command) {
        match command {
            Command::ShowRemoved(show) => {
                self.settings.show_removed = show;
                self.generation += 1;
            }
            Command::SyncScroll(sync) => self.settings.sync_scroll = sync,
            Command::HideFolders(hide) => self.settings.hide_folders = hide,
            Command::SetTheme(theme) => {
                self.settings.theme = theme;
                self.generation += 1;
            }
            Command::ShowPanel(panel) => self.settings.panel = panel,
            Command::Open(paths) => {
                self.loading.extend(paths);
                self.reanalyze();
            }
            Command::Paste { html, text } => self.paste(html, text),
            Command::ClearRecent => self.settings.recent.clear(),
            Command::OpenSamples => {
                self.inputs.clear();
                self.loading.clear();
                self.load_problems.clear();
                match load::samples() {
                    Ok(sources) => self.inputs.extend(sources.into_iter().map(Input::from)),
                    Err(error) => self.load_problems.push(Problem {
                        path: "samples".to_owned(),
                        message: error.to_string(),
                    }),
                }
                self.reanalyze();
            }
            Command::CloseAll => {
                self.inputs.clear();
                self.lexicons = Lexicons::default();
                self.loading.clear();
                self.load_problems.clear();
                self.reanalyze();
            }
            Command::Remove(doc) => {
                if let Some(&input) = self.doc_inputs.get(doc) {
                    self.inputs.remove(input);
                    self.reanalyze();
                }
            }
            Command::CompareOnly(docs) => {
                let keep: Vec<usize> = docs
                    .iter()
                    .filter_map(|&d| self.doc_inputs.get(d).copied())
                    .collect();
                if !keep.is_empty() {
                    let mut k = 0;
                    self.inputs.retain(|_| {
                        k += 1;
                        keep.contains(&(k - 1))
                    });
                    self.loading.clear();
                    self.load_problems.clear();
                    self.reanalyze();
                }
            }
            Command::Move { from, to } => {
                if let (Some(&a), Some(&b)) = (self.doc_inputs.get(from), self.doc_inputs.get(to)) {
                    let input = self.inputs.remove(a);
                    self.inputs.insert(b, input);
                    self.reanalyze();
                }
            }
            Command::SetOutlet(doc, name) => self.set_outlet(doc, &name),
            Command::SetDate(doc, date) => self.set_date(doc, &date),
            Command::Select(target) => self.select(target),
            Command::ShowFind(open) => {
                self.find.open = open;
                self.find.focus = open;
                if !open {
                    self.handle(Command::Find(String::new()));
                }
            }
            Command::Find(query) => {
                self.find.query = query;
                self.find.open |= !self.find.query.is_empty();
                self.refind();
                if !self.find.matches.is_empty() {
                    self.go_to_match(0);
                }
            }
            Command::FindNext(forward) => {
                let count = self.find.matches.len();
                if count > 0 {
                    let next = match (self.find.current, forward) {
                        (None, _) => 0,
                        (Some(k), true) => (k + 1) % count,
                        (Some(k), false) => (k + count - 1) % count,
                    };
                    self.go_to_match(next);
                }
            }
            Command::Export(path, export) => self.export(path, export),
            Command::ShowArticles(show) => self.settings.show_articles = show,
            Command::Pin(doc, pin) => {
                self.pinned.retain(|&d| d != doc);
                if pin && doc < self.comparison.documents.len() {
                    self.pinned.push(doc);
                    self.pinned.sort_unstable();
                }
                self.reveal = Some(doc);
            }
            Command::UnpinAll => self.pinned.clear(),
            Command::Reveal(doc) => {
                if !self.pinned.is_empty() && !self.pinned.contains(&doc) {
                    self.pinned.push(doc);
                    self.pinned.sort_unstable();
                }
                self.reveal = Some(doc);
            }
            Command::ShowLegend(open) => self.legend_open = open,
            Command::RememberWidths { articles, panel } => {
                if let Some(width) = articles {
                    self.settings.articles_width = width;
                }
                if let Some(width) = panel {
                    self.settings.panel_width = width;
                }
            }
            Command::DismissWelcome => self.settings.welcome_seen = true,
            Command::ShowWelcome => self.settings.welcome_seen = false,
            Command::ChooseFiles => self.choose_files(),
            Command::ChooseExport(export) => self.choose_export(export),
            Command::AskPath(purpose) => self.prompt = Some(PathPrompt::new(purpose)),
        }
    }

    pub(super) fn paste(&mut self, html: Option<String>, text: Option<String>) {
        self.pasted += 1;
        let name = |ext: &str| format!("pasted-{}.{ext}", self.pasted);
        let attempt = html
            .filter(|h| !h.trim().is_empty())
            .map(|h| ingest::ingest(&name("html"), h.as_bytes()))
            .filter(Result::is_ok)
            .or_else(|| {
                text.filter(|t| !t.trim().is_empty())
                    .map(|t| ingest::ingest(&name("txt"), t.as_bytes()))
            });
        match attempt {
            Some(Ok(source)) => {
                self.inputs.push(Input::from(source));
                self.reanalyze();
            }
            Some(Err(error)) => self.say(format!("The pasted text cannot be read: {error}"), true),
            None => self.say("The clipboard holds no text to paste.".to_owned(), true),
        }
    }

    pub(super) fn set_outlet(&mut self, doc: usize, name: &str) {
        let Some(&input) = self.doc_inputs.get(doc) else {
            return;
        };
        let name = name.trim();
        self.inputs[input].user.outlet = (!name.is_empty()).then(|| name.to_owned());
        // Names are in the notes and the lists: the comparison is made again with the new one
        // (in the background; the columns keep their places).
        self.reanalyze();
    }

    pub(super) fn set_date(&mut self, doc: usize, date: &str) {
        let Some(&input) = self.doc_inputs.get(doc) else {
            return;
        };
        let date = date.trim();
        if !date.is_empty() && analysis::metadata::find_date(date).as_deref() != Some(date) {
            self.say(
                format!("“{date}” is not a date: write it YYYY-MM-DD, e.g. 2026-03-12."),
                true,
            );
            if let Some(edit) = self.edits.get_mut(doc) {
                edit.1 = self.comparison.documents[doc]
                    .date
                    .clone()
                    .unwrap_or_default();
            }
            return;
        }
        self.inputs[input].user.date = (!date.is_empty()).then(|| date.to_owned());
        if date.is_empty() || self.is_busy() {
            self.reanalyze();
        } else if let Some(document) = self.comparison.documents.get_mut(doc) {
            document.date = Some(date.to_owned());
        }
    }

    pub(super) fn select(&mut self, target: Option<Target>) {
        self.selection = target;
        self.focus = vec![Vec::new(); self.comparison.documents.len()];
        if let Some(target) = target {
            for (doc, span) in highlights::ranges(&self.comparison, target) {
                self.focus[doc].push(span);
            }
            self.scroll_pending = true;
        }
        self.generation += 1;
    }

    /// Finds the query in every document's article text (case-insensitive; white space in
    /// the query matches any run of white space).
    pub(super) fn refind(&mut self) {
        self.find.matches.clear();
        self.find.current = None;
        self.found = vec![Vec::new(); self.comparison.documents.len()];
        self.generation += 1;
        let words: Vec<String> = self
            .find
            .query
            .split_whitespace()
            .map(regex::escape)
            .collect();
        if words.is_empty() {
            return;
        }
        let Ok(pattern) = regex::RegexBuilder::new(&words.join(r"\s+"))
            .case_insensitive(true)
            .build()
        else {
            return;
        };
        for (d, document) in self.comparison.documents.iter().enumerate() {
            for paragraph in &document.paragraphs {
                let text = &document.text[paragraph.start..paragraph.end];
                for found in pattern.find_iter(text) {
                    let span = Span {
                        start: paragraph.start + found.start(),
                        end: paragraph.start + found.end(),
                    };
                    self.find.matches.push((d, span));
                    self.found[d].push(span);
                }
            }
        }
    }

    pub(super) fn go_to_match(&mut self, k: usize) {
        self.find.current = Some(k);
        self.generation += 1;
        if let Some(&(doc, span)) = self.find.matches.get(k) {
            columns::scroll_column(&mut self.columns, doc, span.start);
        }
    }

    pub(super) fn export(&mut self, path: PathBuf, export: Export) {
        // Never over one of the files being compared, whatever its name.
        let given: Vec<&str> = self
            .inputs
            .iter()
            .flat_map(|input| [Some(input.source.path.as_str()), input.saved_in.as_deref()])
            .flatten()
            .collect();
        if let Err(conflict) = save::check_outputs(&[("the export", path.as_path())], &given) {
            self.say(format!("Cannot save: {conflict}"), true);
            return;
        }
        match export {
            Export::Report(format) => {
                let text = if self.settings.hide_folders {
                    report::render(&self.comparison.without_folders(), format)
                } else {
                    report::render(&self.comparison, format)
                };
                let result = save::write_file(&path, text.as_bytes());
                self.report_saved(&path, result);
            }
            Export::Saved => {
                let view = View {
                    panel: self.settings.panel.map(|p| p.name().to_owned()),
                    show_removed: self.settings.show_removed,
                    selection: self.selection,
                };
                // What was compared, not the inputs left out of it.
                let compared: Vec<Input> = self
                    .doc_inputs
                    .iter()
                    .filter_map(|&k| self.inputs.get(k).cloned())
                    .collect();
                let mut saved = SavedComparison::new(&compared, self.lexicons.clone(), view);
                if self.settings.hide_folders {
                    saved = saved.without_folders();
                }
                let result = save::write_file(&path, saved.to_json().as_bytes());
                self.report_saved(&path, result);
            }
            // The picture is taken by the window on its next frame.
            Export::Png => {
                self.shot = Some(Shot {
                    path,
                    receiver: None,
                });
            }
        }
    }

    pub(super) fn report_saved(&mut self, path: &Path, result: Result<(), save::SaveError>) {
        match result {
            Ok(()) => self.say(format!("Saved {}", path.display()), false),
            Err(error) => self.say(
                format!("Cannot save ({}): {}", error.kind, error.path),
                true,
            ),
        }
    }

    pub(super) fn say(&mut self, text: String, error: bool) {
        self.status = Some(Status { text, error });
    }
}
