//! The desktop app: the articles side by side, their shared quotes and facts coloured alike,
//! framing marked, and panels that list what differs.
//!
//! UI code only emits [`Command`]s; [`ParallaxApp::handle`] applies them, so every state
//! change is testable without a window (rerun's habit). Loading and analysis run on a worker
//! thread when the inputs change, never per frame: the window stays responsive and shows that
//! work is under way, and a newer request supersedes an older one. The columns lay their text
//! out once per change and draw only what is on screen ([`columns`]).

mod columns;
pub use crate::report::highlights;
mod panels;
mod theme;

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::analysis::segment::Span;
use crate::analysis::{self, Input};
use crate::comparison::{Comparison, Problem};
use crate::ingest;
use crate::load;
use crate::report::{self, ReportFormat};
use crate::save;
use crate::saved::{self, Lexicons, SavedComparison, View};
use columns::Column;
use highlights::Highlights;
pub use highlights::Target;
pub use panels::Panel;

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

    fn extension(self) -> &'static str {
        match self {
            Export::Report(format) => format.extension(),
            Export::Saved => saved::EXTENSION,
            Export::Png => "png",
        }
    }

    /// The export a file name asks for, by its extension.
    fn for_path(path: &Path) -> Option<Export> {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("png") => Some(Export::Png),
            Some(e) if e.eq_ignore_ascii_case(saved::EXTENSION) => Some(Export::Saved),
            _ => ReportFormat::from_extension(path).map(Export::Report),
        }
    }
}

/// Light, dark, or as the system says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

/// What the user keeps between runs (the window's size and the panels' widths are kept by
/// eframe and egui themselves).
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
            recent: Vec::new(),
        }
    }
}

/// How many recent files are remembered.
const RECENT: usize = 10;

impl Settings {
    /// Puts a file opened just now first among the recent ones.
    fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT);
    }
}

/// A message for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// What the worker is asked to do: load these files after the inputs, then compare with the
/// shipped lexicons plus the user's additions.
struct Job {
    inputs: Vec<Input>,
    load: Vec<PathBuf>,
    lexicons: Lexicons,
}

/// What the worker sends back.
struct Done {
    inputs: Vec<Input>,
    /// The input behind each document.
    compared: Vec<usize>,
    /// Files that loaded, to remember as recent.
    loaded: Vec<PathBuf>,
    problems: Vec<Problem>,
    lexicons: Lexicons,
    /// The view of the last saved comparison opened, if any.
    view: Option<View>,
    comparison: Comparison,
}

fn work(job: Job) -> Done {
    let Job {
        mut inputs,
        load,
        mut lexicons,
    } = job;
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    let mut view = None;
    for path in load {
        if load::is_saved_comparison(&path) {
            match load::load_saved(&path) {
                Ok(saved) => {
                    let name = path.to_string_lossy().into_owned();
                    inputs.extend(saved.inputs_from(&name));
                    for message in lexicons.append_checked(saved.lexicons) {
                        problems.push(Problem {
                            path: name.clone(),
                            message,
                        });
                    }
                    view = Some(saved.view);
                    loaded.push(path);
                }
                Err(error) => problems.push(error.to_problem()),
            }
            continue;
        }
        match load::load_path(&path) {
            Ok(source) => {
                inputs.push(Input::from(source));
                loaded.push(path);
            }
            Err(error) => problems.push(error.to_problem()),
        }
    }
    let options = lexicons.options().unwrap_or_else(|message| {
        problems.push(Problem {
            path: "lexicon additions".to_owned(),
            message: format!("{message}; the shipped lexicons are used alone"),
        });
        analysis::Options::default()
    });
    let (comparison, compared) = analysis::analyze_inputs(&inputs, &options);
    Done {
        inputs,
        compared,
        loaded,
        problems,
        lexicons,
        view,
        comparison,
    }
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

/// A picture of the window on its way to a file.
struct Shot {
    path: PathBuf,
    receiver: Option<mpsc::Receiver<std::sync::Arc<egui::ColorImage>>>,
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
        }
    }

    fn paste(&mut self, html: Option<String>, text: Option<String>) {
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

    fn set_outlet(&mut self, doc: usize, name: &str) {
        let Some(&input) = self.doc_inputs.get(doc) else {
            return;
        };
        let name = name.trim();
        self.inputs[input].user.outlet = (!name.is_empty()).then(|| name.to_owned());
        if name.is_empty() || self.is_busy() {
            // Back to the detected name, or a result on its way without this edit.
            self.reanalyze();
        } else if let Some(document) = self.comparison.documents.get_mut(doc) {
            document.outlet = Some(name.to_owned());
        }
    }

    fn set_date(&mut self, doc: usize, date: &str) {
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

    fn select(&mut self, target: Option<Target>) {
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
    fn refind(&mut self) {
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

    fn go_to_match(&mut self, k: usize) {
        self.find.current = Some(k);
        self.generation += 1;
        if let Some(&(doc, span)) = self.find.matches.get(k) {
            columns::scroll_column(&mut self.columns, doc, span.start);
        }
    }

    fn export(&mut self, path: PathBuf, export: Export) {
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

    fn report_saved(&mut self, path: &Path, result: Result<(), save::SaveError>) {
        match result {
            Ok(()) => self.say(format!("Saved {}", path.display()), false),
            Err(error) => self.say(
                format!("Cannot save ({}): {}", error.kind, error.path),
                true,
            ),
        }
    }

    fn say(&mut self, text: String, error: bool) {
        self.status = Some(Status { text, error });
    }

    /// Starts loading and analysing on a worker thread. A request still running is
    /// superseded: its result, when it comes, has nowhere to go and is dropped; the files it
    /// was loading are in this request too.
    fn reanalyze(&mut self) {
        let (sender, receiver) = mpsc::channel();
        let job = Job {
            inputs: self.inputs.clone(),
            load: self.loading.clone(),
            lexicons: self.lexicons.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name("parallax-analysis".to_owned())
            .spawn(move || {
                let _ = sender.send(work(job));
            });
        match spawned {
            Ok(_) => self.pending = Some(receiver),
            // No thread to be had: do the work here rather than not at all.
            Err(_) => {
                self.pending = None;
                let done = work(Job {
                    inputs: self.inputs.clone(),
                    load: self.loading.clone(),
                    lexicons: self.lexicons.clone(),
                });
                self.install(done);
            }
        }
    }

    /// Whether loading or analysis is under way.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes the worker's result if it has arrived. Returns whether it did.
    pub fn poll(&mut self) -> bool {
        let Some(receiver) = &self.pending else {
            return false;
        };
        match receiver.try_recv() {
            Ok(done) => {
                self.pending = None;
                self.install(done);
                true
            }
            Err(mpsc::TryRecvError::Empty) => false,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                self.analysis_failed();
                true
            }
        }
    }

    /// Waits for the work under way, if any (for tests and headless use).
    pub fn wait(&mut self) {
        if let Some(receiver) = self.pending.take() {
            match receiver.recv() {
                Ok(done) => self.install(done),
                Err(_) => self.analysis_failed(),
            }
        }
    }

    fn install(&mut self, done: Done) {
        let Done {
            inputs,
            compared,
            loaded,
            mut problems,
            lexicons,
            view,
            mut comparison,
        } = done;
        self.inputs = inputs;
        self.lexicons = lexicons;
        self.loading.clear();
        for path in &loaded {
            self.settings.remember(path);
        }
        self.load_problems.append(&mut problems);
        let mut all = self.load_problems.clone();
        all.append(&mut comparison.problems);
        comparison.problems = all;
        self.doc_inputs = compared;
        self.highlights = Highlights::new(&comparison);
        self.columns = comparison
            .documents
            .iter()
            .map(|_| Column::default())
            .collect();
        self.edits = comparison
            .documents
            .iter()
            .map(|d| {
                (
                    d.outlet.clone().unwrap_or_default(),
                    d.date.clone().unwrap_or_default(),
                )
            })
            .collect();
        self.comparison = comparison;
        self.editing = None;
        self.frames_shown = 0;
        self.select(None);
        self.refind();
        if let Some(view) = view {
            self.settings.show_removed = view.show_removed;
            self.settings.panel = view
                .panel
                .and_then(|name| Panel::ALL.into_iter().find(|p| p.name() == name));
            self.select(view.selection);
        }
    }

    /// The worker ended without a result (it panicked): say so and keep the window usable.
    fn analysis_failed(&mut self) {
        let inputs = std::mem::take(&mut self.inputs);
        let lexicons = std::mem::take(&mut self.lexicons);
        self.install(Done {
            inputs,
            compared: Vec::new(),
            loaded: Vec::new(),
            problems: Vec::new(),
            lexicons,
            view: None,
            comparison: Comparison::default(),
        });
        self.load_problems.push(Problem {
            path: "analysis".to_owned(),
            message: "the analysis stopped unexpectedly; the articles could not be compared"
                .to_owned(),
        });
        self.comparison.problems = self.load_problems.clone();
    }

    /// Takes a pending picture of the window, and saves one that has arrived.
    fn shoot(&mut self, ctx: &egui::Context) {
        if self.shot.is_none()
            && let Some(path) = &self.screenshot_and_exit
            && !self.is_busy()
            && self.frames_shown >= 3
        {
            self.shot = Some(Shot {
                path: path.clone(),
                receiver: None,
            });
        }
        let Some(shot) = &mut self.shot else {
            return;
        };
        match &shot.receiver {
            None => {
                let (sender, receiver) = mpsc::channel();
                let repaint = ctx.clone();
                ctx.request_screenshot(move |image| {
                    let _ = sender.send(image);
                    repaint.request_repaint();
                });
                shot.receiver = Some(receiver);
                ctx.request_repaint();
            }
            Some(receiver) => {
                let Ok(image) = receiver.try_recv() else {
                    return;
                };
                let path = shot.path.clone();
                self.shot = None;
                match encode_png(&image) {
                    Ok(png) => {
                        let result = save::write_file(&path, &png);
                        self.report_saved(&path, result);
                    }
                    Err(detail) => self.say(detail, true),
                }
                if self.screenshot_and_exit.is_some() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }
}

/// The window's pixels as a PNG file.
fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let pixels: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let mut png = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new(&mut png);
    image::ImageEncoder::write_image(
        encoder,
        &pixels,
        u32::try_from(width).unwrap_or(u32::MAX),
        u32::try_from(height).unwrap_or(u32::MAX),
        image::ExtendedColorType::Rgba8,
    )
    .map_err(|error| format!("Cannot make the picture: {error}"))?;
    Ok(png)
}

/// The native open dialog: with [`save_file`], the only places that call rfd.
fn pick_files() -> Option<Vec<PathBuf>> {
    rfd::FileDialog::new()
        .set_title("Open articles")
        .add_filter(
            "Articles and saved comparisons",
            &[
                "txt",
                "text",
                "md",
                "markdown",
                "html",
                "htm",
                saved::EXTENSION,
            ],
        )
        .add_filter("Text", &["txt", "text"])
        .add_filter("Markdown", &["md", "markdown"])
        .add_filter("HTML", &["html", "htm"])
        .add_filter("Saved comparisons", &[saved::EXTENSION])
        .add_filter("All files", &["*"])
        .pick_files()
}

/// The native save dialog for an export.
fn save_file(export: Export) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new()
        .set_title("Export")
        .set_file_name(format!("parallax-comparison.{}", export.extension()))
        .add_filter(export.name(), &[export.extension()]);
    // The other formats too: the name's extension decides.
    for other in Export::ALL.into_iter().filter(|e| *e != export) {
        dialog = dialog.add_filter(other.name(), &[other.extension()]);
    }
    dialog.save_file()
}

/// The clipboard's article: its HTML flavour and its text. The only place that reads the
/// clipboard directly (egui's paste event carries text only).
fn read_clipboard(fallback: Option<String>) -> Command {
    let mut clipboard = arboard::Clipboard::new().ok();
    let html = clipboard.as_mut().and_then(|c| c.get().html().ok());
    let text = clipboard
        .as_mut()
        .and_then(|c| c.get_text().ok())
        .or(fallback);
    Command::Paste { html, text }
}

impl eframe::App for ParallaxApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let _ = frame;
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
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
        if let Some(target) = self.selection
            && matches!(target, Target::QuoteGroup(_) | Target::Fact(_))
        {
            egui::Panel::bottom("difference")
                .resizable(true)
                .default_size(150.0)
                .show(ui, |ui| {
                    panels::difference_ui(ui, &self.comparison, target, &mut commands);
                });
        }
        let busy = self.is_busy();
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(230.0)
            .show(ui, |ui| {
                panels::documents_ui(
                    ui,
                    &self.comparison,
                    &mut self.edits,
                    &mut self.editing,
                    busy,
                    &mut commands,
                );
            });
        if let Some(panel) = self.settings.panel {
            egui::Panel::right("panel")
                .resizable(true)
                .default_size(420.0)
                .show(ui, |ui| {
                    panels::panel_ui(
                        ui,
                        panel,
                        &self.comparison,
                        &self.highlights,
                        self.selection,
                        &mut commands,
                    );
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.columns_ui(ui, &mut commands));
        for command in commands {
            self.handle(command);
        }
        self.frames_shown = self.frames_shown.saturating_add(1);
        self.shoot(&ctx);
    }

    /// Keyboard shortcuts, dropped files and pasted articles.
    fn keys_ui(&mut self, ui: &egui::Ui, commands: &mut Vec<Command>) {
        let ctx = ui.ctx();
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O))
            && let Some(paths) = pick_files()
        {
            commands.push(Command::Open(paths));
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::E))
            && let Some(path) = save_file(Export::Report(ReportFormat::Html))
        {
            // The name's extension says the format; HTML when it says none we know.
            let export = Export::for_path(&path).unwrap_or(Export::Report(ReportFormat::Html));
            commands.push(Command::Export(path, export));
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            commands.push(Command::ShowFind(true));
        }
        if self.find.open
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            commands.push(Command::ShowFind(false));
        }
        // Files dropped on the window join the comparison.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::Open(dropped));
        }
        // Ctrl+V outside a text field pastes an article.
        if !ctx.egui_wants_keyboard_input() {
            let pasted = ctx.input(|i| {
                i.events.iter().find_map(|e| match e {
                    egui::Event::Paste(text) => Some(text.clone()),
                    _ => None,
                })
            });
            if let Some(text) = pasted {
                commands.push(read_clipboard(Some(text)));
            }
        }
    }

    fn menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open…").clicked()
                    && let Some(paths) = pick_files()
                {
                    commands.push(Command::Open(paths));
                }
                if ui.button("Paste article").clicked() {
                    commands.push(read_clipboard(None));
                }
                ui.menu_button("Recent", |ui| self.recent_ui(ui, commands));
                if ui.button("Sample articles").clicked() {
                    commands.push(Command::OpenSamples);
                }
                ui.separator();
                ui.menu_button("Export", |ui| {
                    for export in Export::ALL {
                        if ui.button(export.name()).clicked()
                            && let Some(path) = save_file(export)
                        {
                            let chosen = Export::for_path(&path).unwrap_or(export);
                            commands.push(Command::Export(path, chosen));
                        }
                    }
                    ui.separator();
                    let mut hide = self.settings.hide_folders;
                    if ui
                        .checkbox(&mut hide, "Leave folders out of file names")
                        .on_hover_text(
                            "Reports and saved comparisons name each article by its file \
                             name, not by where it sits on this computer",
                        )
                        .changed()
                    {
                        commands.push(Command::HideFolders(hide));
                    }
                });
                ui.separator();
                if ui.button("Close all").clicked() {
                    commands.push(Command::CloseAll);
                }
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| self.view_menu_ui(ui, commands));
            ui.separator();
            if ui
                .button("Open…")
                .on_hover_text("Open articles (Ctrl+O)")
                .clicked()
                && let Some(paths) = pick_files()
            {
                commands.push(Command::Open(paths));
            }
            if ui
                .button("Paste")
                .on_hover_text("Add the article on the clipboard (Ctrl+V)")
                .clicked()
            {
                commands.push(read_clipboard(None));
            }
            if ui
                .button("Find")
                .on_hover_text("Find in every article (Ctrl+F)")
                .clicked()
            {
                commands.push(Command::ShowFind(true));
            }
            if self.is_busy() {
                ui.separator();
                ui.spinner();
                let files = self.inputs.len() + self.loading.len();
                ui.label(if self.loading.is_empty() {
                    format!("Comparing {files} articles…")
                } else {
                    format!("Reading and comparing {files} articles…")
                });
            }
        });
    }

    fn recent_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if self.settings.recent.is_empty() {
            ui.label("No recent files");
        }
        for path in &self.settings.recent {
            let name = path
                .file_name()
                .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy());
            if ui
                .button(name.as_ref())
                .on_hover_text(path.to_string_lossy())
                .clicked()
            {
                commands.push(Command::Open(vec![path.clone()]));
            }
        }
        if !self.settings.recent.is_empty() {
            ui.separator();
            if ui.button("Clear recent files").clicked() {
                commands.push(Command::ClearRecent);
            }
        }
    }

    fn view_menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let mut show = self.settings.show_removed;
        if ui.checkbox(&mut show, "Show removed lines").changed() {
            commands.push(Command::ShowRemoved(show));
        }
        let mut sync = self.settings.sync_scroll;
        if ui.checkbox(&mut sync, "Scroll columns together").changed() {
            commands.push(Command::SyncScroll(sync));
        }
        ui.separator();
        ui.label("Side panel");
        let mut panel = self.settings.panel;
        ui.radio_value(&mut panel, None, "Hidden");
        for option in Panel::ALL {
            ui.radio_value(&mut panel, Some(option), option.name());
        }
        if panel != self.settings.panel {
            commands.push(Command::ShowPanel(panel));
        }
        ui.separator();
        ui.label("Theme");
        let mut theme = self.settings.theme;
        ui.radio_value(&mut theme, Theme::System, "As the system");
        ui.radio_value(&mut theme, Theme::Light, "Light");
        ui.radio_value(&mut theme, Theme::Dark, "Dark");
        if theme != self.settings.theme {
            commands.push(Command::SetTheme(theme));
        }
    }

    fn find_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            let mut query = self.find.query.clone();
            let field = ui.add(
                egui::TextEdit::singleline(&mut query)
                    .hint_text("words in any article")
                    .desired_width(260.0),
            );
            let field = field.labelled_by(label.id);
            if self.find.focus {
                field.request_focus();
                self.find.focus = false;
            }
            if field.changed() {
                commands.push(Command::Find(query));
            }
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let back = ui.input(|i| i.modifiers.shift);
                commands.push(Command::FindNext(!back));
                field.request_focus();
            }
            if ui.button("Previous").clicked() {
                commands.push(Command::FindNext(false));
            }
            if ui.button("Next").clicked() {
                commands.push(Command::FindNext(true));
            }
            let total = self.find.matches.len();
            let articles = self.found.iter().filter(|f| !f.is_empty()).count();
            if !self.find.query.trim().is_empty() {
                ui.label(match (total, self.find.current) {
                    (0, _) => "No match".to_owned(),
                    (n, Some(k)) => format!("{} of {n} in {articles} articles", k + 1),
                    (n, None) => format!("{n} in {articles} articles"),
                });
            }
            if ui
                .button("Close")
                .on_hover_text("Close the find bar (Esc)")
                .clicked()
            {
                commands.push(Command::ShowFind(false));
            }
        });
    }

    fn status_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(status) = &self.status {
                let text = egui::RichText::new(&status.text);
                ui.label(if status.error {
                    text.color(theme::ERROR)
                } else {
                    text
                });
                ui.separator();
            }
            let c = &self.comparison;
            ui.label(format!(
                "{} articles · {} shared quotes · {} shared facts · {} framing differences",
                c.documents.len(),
                c.quote_groups.len(),
                c.sentence_groups.len(),
                c.framing.len()
            ));
        });
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
        let view = columns::View {
            comparison: &self.comparison,
            highlights: &self.highlights,
            focus: &self.focus,
            found: &self.found,
            current_found: current,
            show_removed: self.settings.show_removed,
            generation: self.generation,
        };
        let events = columns::columns_ui(ui, &mut self.columns, &view);
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
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Parallax")
            .with_inner_size([1400.0, 860.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
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
mod tests {
    use super::*;

    fn samples() -> ParallaxApp {
        let mut app = ParallaxApp::with_samples();
        app.wait();
        app
    }

    fn outlets(app: &ParallaxApp) -> Vec<String> {
        app.comparison()
            .documents
            .iter()
            .map(crate::comparison::Document::outlet_or_file)
            .collect()
    }

    #[test]
    fn commands_change_state_without_a_window() {
        let mut app = samples();
        assert_eq!(app.comparison().documents.len(), 3);
        assert!(app.comparison().problems.is_empty());
        assert_eq!(app.highlights.marks.len(), 3);
        assert!(app.highlights.marks.iter().all(|m| !m.is_empty()));

        app.handle(Command::ShowRemoved(true));
        assert!(app.settings.show_removed);

        app.handle(Command::Open(vec![PathBuf::from(
            "/nonexistent/parallax.txt",
        )]));
        app.wait();
        assert_eq!(app.comparison().documents.len(), 3, "the others stay open");
        assert_eq!(app.comparison().problems.len(), 1);
        assert!(
            app.comparison().problems[0]
                .message
                .contains("file not found")
        );

        app.handle(Command::CloseAll);
        app.wait();
        assert!(app.comparison().documents.is_empty());
        assert!(app.comparison().problems.is_empty());
    }

    #[test]
    fn opened_files_are_remembered_latest_first_and_failures_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let paths: Vec<PathBuf> = (0..12)
            .map(|k| {
                let path = dir.path().join(format!("article-{k}.txt"));
                std::fs::write(&path, format!("Article {k} says the ferry runs again.\n")).unwrap();
                path
            })
            .collect();
        let mut app = ParallaxApp::new(Vec::new(), Vec::new());
        app.handle(Command::Open(vec![
            paths[0].clone(),
            dir.path().join("missing.txt"),
            paths[1].clone(),
        ]));
        app.wait();
        app.handle(Command::Open(vec![paths[0].clone()]));
        app.wait();
        assert_eq!(app.settings.recent, [paths[0].clone(), paths[1].clone()]);
        app.handle(Command::Open(paths[2..].to_vec()));
        app.wait();
        assert_eq!(app.settings.recent.len(), RECENT);
        assert_eq!(app.settings.recent[0], paths[11]);
        assert_eq!(app.comparison().documents.len(), 13);
        assert_eq!(app.comparison().problems.len(), 1);
        app.handle(Command::ClearRecent);
        assert!(app.settings.recent.is_empty());
    }

    #[test]
    fn work_runs_off_the_ui_thread_and_the_newest_request_wins() {
        let mut app = ParallaxApp::new(Vec::new(), Vec::new());
        app.wait();
        app.handle(Command::OpenSamples);
        // The command returns at once; the result arrives later, by polling.
        assert!(app.is_busy());
        let started = std::time::Instant::now();
        while !app.poll() {
            assert!(
                started.elapsed().as_secs() < 60,
                "no result from the worker"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(!app.is_busy());
        assert_eq!(app.comparison().documents.len(), 3);
        // Two requests in a row: the second supersedes the first.
        app.handle(Command::OpenSamples);
        app.handle(Command::CloseAll);
        app.wait();
        assert!(app.comparison().documents.is_empty());
        assert!(!app.poll(), "nothing left to take");
        // Files still loading when a second Open comes are loaded by the second request.
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "The ferry runs again from Monday.\n").unwrap();
        std::fs::write(&b, "The ferry will not run on Sundays.\n").unwrap();
        app.handle(Command::Open(vec![a]));
        app.handle(Command::Open(vec![b]));
        app.wait();
        assert_eq!(app.comparison().documents.len(), 2);
    }

    #[test]
    fn documents_can_be_closed_reordered_renamed_and_dated() {
        let mut app = samples();
        let before = outlets(&app);
        app.handle(Command::Move { from: 0, to: 2 });
        app.wait();
        assert_eq!(
            outlets(&app),
            [&before[1], &before[2], &before[0]].map(String::as_str)
        );
        app.handle(Command::SetOutlet(0, "  The Ledger ".to_owned()));
        assert_eq!(
            app.comparison().documents[0].outlet.as_deref(),
            Some("The Ledger")
        );
        app.handle(Command::SetDate(0, "2026-04-01".to_owned()));
        assert_eq!(
            app.comparison().documents[0].date.as_deref(),
            Some("2026-04-01")
        );
        // The edits are the user's: they survive a new analysis.
        app.handle(Command::Remove(2));
        app.wait();
        assert_eq!(app.comparison().documents.len(), 2);
        assert_eq!(
            app.comparison().documents[0].outlet.as_deref(),
            Some("The Ledger")
        );
        assert_eq!(
            app.comparison().documents[0].date.as_deref(),
            Some("2026-04-01")
        );
        // A date that is not a date is refused with a message, and nothing changes.
        app.handle(Command::SetDate(0, "April".to_owned()));
        assert!(app.status().unwrap().error);
        assert!(app.status().unwrap().text.contains("YYYY-MM-DD"));
        assert_eq!(
            app.comparison().documents[0].date.as_deref(),
            Some("2026-04-01")
        );
        // An empty name goes back to the detected one.
        app.handle(Command::SetOutlet(0, String::new()));
        app.wait();
        assert_eq!(
            app.comparison().documents[0].outlet.as_deref(),
            Some(before[1].as_str())
        );
    }

    #[test]
    fn find_lists_matches_in_every_column_and_steps_through_them() {
        let mut app = samples();
        app.handle(Command::Find("wharf   row".to_owned()));
        let found = app.found().to_vec();
        assert!(found.len() >= 3);
        let docs: std::collections::BTreeSet<usize> = found.iter().map(|(d, _)| *d).collect();
        assert_eq!(docs.len(), 3, "every article mentions it");
        for (d, span) in &found {
            let text = &app.comparison().documents[*d].text[span.start..span.end];
            assert!(text.eq_ignore_ascii_case("wharf row"), "{text}");
        }
        assert_eq!(app.find.current, Some(0));
        app.handle(Command::FindNext(false));
        assert_eq!(app.find.current, Some(found.len() - 1), "wraps backwards");
        app.handle(Command::FindNext(true));
        assert_eq!(app.find.current, Some(0));
        app.handle(Command::ShowFind(false));
        assert!(app.found().is_empty());
    }

    #[test]
    fn selecting_marks_every_version() {
        let mut app = samples();
        app.handle(Command::Select(Some(Target::QuoteGroup(0))));
        let marked: Vec<usize> = app
            .focus
            .iter()
            .enumerate()
            .filter(|(_, spans)| !spans.is_empty())
            .map(|(d, _)| d)
            .collect();
        assert!(marked.len() >= 2);
        app.handle(Command::Select(None));
        assert!(app.focus.iter().all(Vec::is_empty));
    }

    #[test]
    fn exports_write_reports_and_a_read_only_place_says_so() {
        let mut app = samples();
        let dir = tempfile::tempdir().unwrap();
        let md = dir.path().join("report.md");
        app.handle(Command::Export(
            md.clone(),
            Export::Report(ReportFormat::Md),
        ));
        let written = std::fs::read_to_string(&md).unwrap();
        assert!(written.starts_with("# Parallax comparison"));
        assert!(!app.status().unwrap().error);
        let json = dir.path().join("report.json");
        app.handle(Command::Export(
            json.clone(),
            Export::Report(ReportFormat::Json),
        ));
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
        assert_eq!(value["documents"].as_array().unwrap().len(), 3);

        let missing = dir.path().join("no-such-folder").join("report.md");
        app.handle(Command::Export(missing, Export::Report(ReportFormat::Md)));
        let status = app.status().unwrap();
        assert!(status.error);
        assert!(status.text.contains("does not exist"), "{}", status.text);
    }

    #[test]
    fn an_export_never_goes_over_an_article_being_compared() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("ferry.txt");
        let text = "The ferry runs again from Monday, the council said on Friday.\n";
        std::fs::write(&article, text).unwrap();
        let mut app = ParallaxApp::new(Vec::new(), Vec::new());
        app.wait();
        app.handle(Command::Open(vec![article.clone()]));
        app.wait();
        // By another name for the same file, as a save dialog might give it.
        let same = dir.path().join(".").join("ferry.txt");
        app.handle(Command::Export(same, Export::Report(ReportFormat::Md)));
        let status = app.status().unwrap();
        assert!(status.error);
        assert!(
            status.text.contains("one of the files being compared"),
            "{}",
            status.text
        );
        assert_eq!(std::fs::read_to_string(&article).unwrap(), text);
    }

    #[test]
    fn exports_leave_folders_out_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let mut paths = Vec::new();
        for (folder, text) in [
            (
                "morning",
                "The ferry runs again from Monday, the council said.",
            ),
            (
                "evening",
                "The ferry will run from Monday, a council officer said.",
            ),
        ] {
            std::fs::create_dir(dir.path().join(folder)).unwrap();
            let path = dir.path().join(folder).join("ferry.txt");
            std::fs::write(&path, text).unwrap();
            paths.push(path);
        }
        let mut app = ParallaxApp::new(Vec::new(), Vec::new());
        app.wait();
        app.handle(Command::Open(paths.clone()));
        app.wait();
        assert!(app.settings.hide_folders, "on by default");
        let export = |app: &mut ParallaxApp, export: Export, name: &str| {
            let out = dir.path().join(name);
            app.handle(Command::Export(out.clone(), export));
            std::fs::read_to_string(out).unwrap()
        };
        let folder = dir.path().to_string_lossy().into_owned();
        let json = export(&mut app, Export::Report(ReportFormat::Json), "hidden.json");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["documents"][0]["path"], "morning/ferry.txt");
        assert_eq!(value["documents"][1]["path"], "evening/ferry.txt");
        for (format, name) in [
            (Export::Report(ReportFormat::Html), "hidden.html"),
            (Export::Report(ReportFormat::Md), "hidden.md"),
            (Export::Saved, "hidden.parallax"),
        ] {
            let text = export(&mut app, format, name);
            assert!(!text.contains(&folder), "{name} names the folder");
            assert!(text.contains("morning/ferry.txt"), "{name}");
        }
        app.handle(Command::HideFolders(false));
        let json = export(&mut app, Export::Report(ReportFormat::Json), "full.json");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value["documents"][0]["path"].as_str().unwrap(),
            paths[0].to_string_lossy()
        );
    }

    #[test]
    fn pasting_prefers_the_html_flavour_and_refuses_nothing_gracefully() {
        let mut app = ParallaxApp::new(Vec::new(), Vec::new());
        app.wait();
        app.handle(Command::Paste {
            html: Some(
                "<html><head><title>Ferry back</title></head><body><article><h1>Ferry back</h1>\
                 <p>The island ferry runs again from Monday, the council said on Friday after \
                 a winter of repairs to the pier.</p><p>Tickets cost four pounds.</p>\
                 </article></body></html>"
                    .to_owned(),
            ),
            text: Some("Ferry back. The island ferry runs again.".to_owned()),
        });
        app.wait();
        assert_eq!(app.comparison().documents.len(), 1);
        assert_eq!(app.comparison().documents[0].format, ingest::Format::Html);
        app.handle(Command::Paste {
            html: None,
            text: Some("The ferry will not run on Sundays, the operator said.".to_owned()),
        });
        app.wait();
        assert_eq!(app.comparison().documents.len(), 2);
        assert_eq!(app.comparison().documents[1].format, ingest::Format::Text);
        app.handle(Command::Paste {
            html: None,
            text: Some("   ".to_owned()),
        });
        assert!(app.status().unwrap().error);
        assert!(!app.is_busy());
    }

    #[test]
    fn a_saved_comparison_reopens_with_its_edits_and_view() {
        let mut app = samples();
        app.handle(Command::SetOutlet(1, "Ledger Weekly".to_owned()));
        app.handle(Command::Move { from: 2, to: 0 });
        app.wait();
        app.handle(Command::ShowPanel(Some(Panel::Labels)));
        app.handle(Command::Select(Some(Target::QuoteGroup(0))));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.parallax");
        app.handle(Command::Export(path.clone(), Export::Saved));
        assert!(!app.status().unwrap().error, "{:?}", app.status());

        let mut reopened = ParallaxApp::new(Vec::new(), Vec::new());
        reopened.wait();
        reopened.handle(Command::Open(vec![path]));
        reopened.wait();
        assert_eq!(outlets(&reopened), outlets(&app));
        // The same documents, named without their folders as the export does by default.
        assert_eq!(
            reopened.comparison().documents,
            app.comparison().without_folders().documents
        );
        assert_eq!(reopened.settings.panel, Some(Panel::Labels));
        assert_eq!(reopened.selection(), Some(Target::QuoteGroup(0)));

        // Every report format is written too, each as its own kind of file.
        for format in ReportFormat::ALL {
            let path = dir.path().join(format!("report.{}", format.extension()));
            app.handle(Command::Export(path.clone(), Export::Report(format)));
            assert!(std::fs::metadata(&path).unwrap().len() > 100, "{format:?}");
        }
    }
}
