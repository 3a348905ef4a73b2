//! The desktop app: the articles side by side.
//!
//! This first window lists the documents and shows their cleaned text in columns, with the
//! removed page furniture optionally greyed in place. UI code only emits [`Command`]s;
//! [`ParallaxApp::handle`] applies them, so state changes are testable without a window.
//! Analysis runs when the inputs change, never per frame.

mod theme;

use std::path::PathBuf;

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
}

/// What the user keeps between runs.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub show_removed: bool,
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
                let (sources, errors) = load::load_paths(&paths);
                self.inputs.extend(sources.into_iter().map(Input::from));
                self.load_problems
                    .extend(errors.iter().map(load::LoadError::to_problem));
                self.reanalyze();
            }
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

    fn reanalyze(&mut self) {
        self.comparison = analysis::analyze(&self.inputs);
        let mut problems = self.load_problems.clone();
        problems.append(&mut self.comparison.problems);
        self.comparison.problems = problems;
        self.columns = self.comparison.documents.iter().map(rows).collect();
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
        let mut commands = Vec::new();
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O))
            && let Some(paths) = pick_files()
        {
            commands.push(Command::Open(paths));
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
        assert_eq!(app.comparison().documents.len(), 3, "the others stay open");
        assert_eq!(app.comparison().problems.len(), 1);
        assert!(
            app.comparison().problems[0]
                .message
                .contains("file not found")
        );

        app.handle(Command::CloseAll);
        assert!(app.comparison().documents.is_empty());
        assert!(app.comparison().problems.is_empty());
    }
}
