//! The desktop app: the articles side by side.
//!
//! This first window lists the documents and shows their cleaned text in columns, with the
//! removed page furniture optionally greyed in place. UI code only emits [`Command`]s;
//! [`ParallaxApp::handle`] applies them, so state changes are testable without a window.
//! Analysis runs when the inputs change, never per frame, and on a worker thread: the window
//! stays responsive and shows that work is under way; a newer request supersedes an older one.

mod theme;

use std::path::PathBuf;
use std::sync::mpsc;

use crate::analysis::{self, Input, clean::Role};
use crate::comparison::{Comparison, Document, Problem};
use crate::load;

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Show or hide the lines removed as page furniture.
    ShowRemoved(bool),
    /// Add these files to the comparison.
    Open(Vec<PathBuf>),
    /// Replace everything with the bundled samples.
    OpenSamples,
    /// Close every document.
    CloseAll,
    /// Forget the recent files.
    ClearRecent,
}

/// What the user keeps between runs.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub show_removed: bool,
    /// Files opened lately, the latest first.
    pub recent: Vec<PathBuf>,
}

/// How many recent files are remembered.
const RECENT: usize = 10;

impl Settings {
    /// Puts a file opened just now first among the recent ones.
    fn remember(&mut self, path: &std::path::Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT);
    }
}

/// One line of a column: a kept paragraph or a removed line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Row {
    Paragraph { role: Role, text: String },
    Removed { text: String, reason: &'static str },
}

pub struct ParallaxApp {
    inputs: Vec<Input>,
    load_problems: Vec<Problem>,
    comparison: Comparison,
    /// The analysis under way, if any: its result arrives here.
    pending: Option<mpsc::Receiver<Comparison>>,
    /// Rows per document, rebuilt when the comparison changes.
    columns: Vec<Vec<(usize, Row)>>,
    pub settings: Settings,
}

impl ParallaxApp {
    /// An app comparing `inputs`; `load_problems` are inputs that failed to load.
    #[must_use]
    pub fn new(inputs: Vec<Input>, load_problems: Vec<Problem>) -> Self {
        let mut app = ParallaxApp {
            inputs,
            load_problems,
            comparison: Comparison::default(),
            pending: None,
            columns: Vec::new(),
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

    /// Applies one command.
    pub fn handle(&mut self, command: Command) {
        match command {
            Command::ShowRemoved(show) => self.settings.show_removed = show,
            Command::Open(paths) => {
                for path in paths {
                    match load::load_path(&path) {
                        Ok(source) => {
                            self.inputs.push(Input::from(source));
                            self.settings.remember(&path);
                        }
                        Err(error) => self.load_problems.push(error.to_problem()),
                    }
                }
                self.reanalyze();
            }
            Command::ClearRecent => self.settings.recent.clear(),
            Command::OpenSamples => {
                self.inputs.clear();
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
                self.load_problems.clear();
                self.reanalyze();
            }
        }
    }

    /// Starts analysing the inputs on a worker thread. A request still running is superseded:
    /// its result, when it comes, has nowhere to go and is dropped.
    fn reanalyze(&mut self) {
        let (sender, receiver) = mpsc::channel();
        let inputs = self.inputs.clone();
        let spawned = std::thread::Builder::new()
            .name("parallax-analysis".to_owned())
            .spawn(move || {
                let _ = sender.send(analysis::analyze(&inputs));
            });
        match spawned {
            Ok(_) => self.pending = Some(receiver),
            // No thread to be had: analyse here rather than not at all.
            Err(_) => {
                self.pending = None;
                let comparison = analysis::analyze(&self.inputs);
                self.install(comparison);
            }
        }
    }

    /// Whether an analysis is under way.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes the analysis's result if it has arrived. Returns whether it did.
    pub fn poll(&mut self) -> bool {
        let Some(receiver) = &self.pending else {
            return false;
        };
        match receiver.try_recv() {
            Ok(comparison) => {
                self.pending = None;
                self.install(comparison);
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

    /// Waits for the analysis under way, if any (for tests and headless use).
    pub fn wait(&mut self) {
        if let Some(receiver) = self.pending.take() {
            match receiver.recv() {
                Ok(comparison) => self.install(comparison),
                Err(_) => self.analysis_failed(),
            }
        }
    }

    fn install(&mut self, mut comparison: Comparison) {
        let mut problems = self.load_problems.clone();
        problems.append(&mut comparison.problems);
        comparison.problems = problems;
        self.columns = comparison.documents.iter().map(rows).collect();
        self.comparison = comparison;
    }

    /// The worker ended without a result (it panicked): say so and keep the window usable.
    fn analysis_failed(&mut self) {
        let mut comparison = Comparison::default();
        comparison.problems.push(Problem {
            path: "analysis".to_owned(),
            message: "the analysis stopped unexpectedly; the articles could not be compared"
                .to_owned(),
        });
        self.install(comparison);
    }

    fn menu_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if ui
                .button("Open…")
                .on_hover_text("Open articles (Ctrl+O)")
                .clicked()
                && let Some(paths) = pick_files()
            {
                commands.push(Command::Open(paths));
            }
            ui.menu_button("Recent", |ui| {
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
            });
            if ui
                .button("Samples")
                .on_hover_text("Compare the bundled sample articles")
                .clicked()
            {
                commands.push(Command::OpenSamples);
            }
            if ui.button("Close all").clicked() {
                commands.push(Command::CloseAll);
            }
            ui.separator();
            let mut show = self.settings.show_removed;
            if ui.checkbox(&mut show, "Show removed lines").changed() {
                commands.push(Command::ShowRemoved(show));
            }
            if self.is_busy() {
                ui.separator();
                ui.spinner();
                ui.label(format!("Comparing {} articles…", self.inputs.len()));
            }
        });
    }

    fn documents_ui(&self, ui: &mut egui::Ui) {
        ui.heading("Documents");
        for document in &self.comparison.documents {
            ui.add_space(6.0);
            ui.label(egui::RichText::new(document_name(document)).strong());
            if let Some(title) = &document.title {
                ui.label(title);
            }
            ui.label(
                egui::RichText::new(&document.path)
                    .small()
                    .color(theme::MUTED),
            );
            if let Some(source) = &document.syndicated_from {
                ui.label(
                    egui::RichText::new(format!("Reprint of {source}"))
                        .small()
                        .color(theme::MUTED),
                );
            }
        }
        if !self.comparison.problems.is_empty() {
            ui.add_space(12.0);
            ui.heading("Not compared");
            for problem in &self.comparison.problems {
                ui.label(
                    egui::RichText::new(format!("{}: {}", problem.path, problem.message))
                        .color(theme::ERROR),
                );
            }
        }
    }

    fn columns_ui(&self, ui: &mut egui::Ui) {
        if self.comparison.documents.is_empty() {
            ui.centered_and_justified(|ui| {
                ui.label("No articles open. Open some with Open… (Ctrl+O), or load the samples.");
            });
            return;
        }
        // Columns share the width; past a few articles they keep a readable minimum and scroll.
        let count = self.comparison.documents.len() as f32;
        // Between columns: a separator with spacing either side; inside each: its scroll bar.
        let gaps = (count - 1.0) * (ui.spacing().item_spacing.x * 2.0 + 1.0)
            + count
                * (ui.spacing().scroll.bar_width
                    + ui.spacing().scroll.bar_inner_margin
                    + ui.spacing().scroll.bar_outer_margin);
        let width = ((ui.available_width() - gaps) / count).max(theme::MIN_COLUMN_WIDTH);
        egui::ScrollArea::horizontal()
            .id_salt("columns")
            .show(ui, |ui| {
                ui.horizontal_top(|ui| {
                    let columns = self.comparison.documents.iter().zip(&self.columns);
                    for (index, (document, rows)) in columns.enumerate() {
                        if index > 0 {
                            ui.separator();
                        }
                        ui.vertical(|ui| {
                            ui.set_width(width);
                            column_ui(ui, document, rows, self.settings.show_removed);
                        });
                    }
                });
            });
    }
}

fn document_name(document: &Document) -> String {
    let outlet = document.outlet.as_deref().unwrap_or("Unknown outlet");
    match &document.date {
        Some(date) => format!("{outlet} · {date}"),
        None => outlet.to_owned(),
    }
}

/// The rows of one column in source order: paragraphs, and removed lines where they stood.
fn rows(document: &Document) -> Vec<(usize, Row)> {
    let paragraphs = document.paragraphs.iter().map(|p| {
        let text = document.text[p.start..p.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (p.first_line, Row::Paragraph { role: p.role, text })
    });
    let removed = document.removed.iter().map(|r| {
        (
            r.line,
            Row::Removed {
                text: r.text.clone(),
                reason: r.reason.describe(),
            },
        )
    });
    let mut rows: Vec<(usize, Row)> = paragraphs.chain(removed).collect();
    rows.sort_by_key(|(line, _)| *line);
    rows
}

fn column_ui(ui: &mut egui::Ui, document: &Document, rows: &[(usize, Row)], show_removed: bool) {
    ui.label(egui::RichText::new(document_name(document)).heading());
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt(&document.id)
        .show(ui, |ui| {
            for (_, row) in rows {
                match row {
                    Row::Paragraph { role, text } => {
                        let rich = egui::RichText::new(text);
                        let rich = match role {
                            Role::Title => rich.size(20.0).strong(),
                            Role::Standfirst => rich.italics(),
                            Role::Subheading => rich.strong(),
                            Role::Body => rich.size(15.0),
                        };
                        ui.add(egui::Label::new(rich).wrap());
                        ui.add_space(8.0);
                    }
                    Row::Removed { text, reason } if show_removed => {
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(text).small().color(theme::REMOVED),
                            )
                            .wrap(),
                        )
                        .on_hover_text(format!("Removed: {reason}"));
                    }
                    Row::Removed { .. } => {}
                }
            }
        });
}

/// The native file dialog: the only place that calls rfd.
fn pick_files() -> Option<Vec<PathBuf>> {
    rfd::FileDialog::new()
        .set_title("Open articles")
        .add_filter(
            "Articles",
            &["txt", "text", "md", "markdown", "html", "htm"],
        )
        .add_filter("All files", &["*"])
        .pick_files()
}

impl eframe::App for ParallaxApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let _ = frame;
        self.poll();
        if self.is_busy() {
            // Look again soon: the result arrives without any input event.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        let mut commands = Vec::new();
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O))
            && let Some(paths) = pick_files()
        {
            commands.push(Command::Open(paths));
        }
        // Files dropped on the window join the comparison.
        let dropped: Vec<PathBuf> = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::Open(dropped));
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui, &mut commands));
        egui::Panel::left("documents")
            .resizable(true)
            .default_size(240.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.documents_ui(ui));
            });
        egui::CentralPanel::default().show(ui, |ui| self.columns_ui(ui));
        for command in commands {
            self.handle(command);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

/// Opens the window on `files`, or on the bundled samples when there are none.
///
/// # Errors
/// When no renderer could open a window.
pub fn run(files: &[PathBuf]) -> anyhow::Result<()> {
    let files: Vec<PathBuf> = files.to_vec();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Parallax")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
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
        Ok(Box::new(app))
    });
    // eframe's default renderer is wgpu, which picks Vulkan, Metal, DirectX or OpenGL, whichever
    // the machine has.
    eframe::run_native("Parallax", options, creator)
        .map_err(|error| anyhow::anyhow!("cannot open a window: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_change_state_without_a_window() {
        let mut app = ParallaxApp::with_samples();
        app.wait();
        assert_eq!(app.comparison().documents.len(), 3);
        assert!(app.comparison().problems.is_empty());
        // Each column starts with the title and carries the removed lines too.
        let first = &app.columns[0];
        assert!(matches!(
            &first
                .iter()
                .find(|(_, r)| matches!(r, Row::Paragraph { .. }))
                .unwrap()
                .1,
            Row::Paragraph {
                role: Role::Title,
                ..
            }
        ));
        assert!(first.iter().any(|(_, r)| matches!(
            r,
            Row::Removed {
                reason: "navigation",
                ..
            }
        )));
        assert!(
            first.windows(2).all(|w| w[0].0 <= w[1].0),
            "rows in source order"
        );

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
        app.handle(Command::Open(vec![paths[0].clone()]));
        assert_eq!(app.settings.recent, [paths[0].clone(), paths[1].clone()]);
        app.handle(Command::Open(paths[2..].to_vec()));
        assert_eq!(app.settings.recent.len(), RECENT);
        assert_eq!(app.settings.recent[0], paths[11]);
        app.wait();
        assert_eq!(app.comparison().documents.len(), 13);
        assert_eq!(app.comparison().problems.len(), 1);
        app.handle(Command::ClearRecent);
        assert!(app.settings.recent.is_empty());
    }

    #[test]
    fn analysis_runs_off_the_ui_thread_and_the_newest_request_wins() {
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
    }
}
