//! What the app asks of the desktop: file dialogs, the clipboard and pictures of the window.
//! The only places that call rfd, arboard and the PNG encoder.

use std::path::PathBuf;
use std::sync::mpsc;

use super::{Command, Export, ParallaxApp};
use crate::save;
use crate::saved;

/// A picture of the window on its way to a file.
pub(super) struct Shot {
    pub(super) path: PathBuf,
    pub(super) receiver: Option<mpsc::Receiver<std::sync::Arc<egui::ColorImage>>>,
}

impl ParallaxApp {
    /// Takes a pending picture of the window, and saves one that has arrived.
    pub(super) fn shoot(&mut self, ctx: &egui::Context) {
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

/// What a file dialog came back with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Dialog<T> {
    Chosen(T),
    Cancelled,
    /// No dialog could be shown: this desktop has no file-dialog service (the XDG desktop
    /// portal) and no `zenity` to fall back on.
    Unavailable,
}

/// Counts what rfd reports as failed, so that a dialog that could not be shown is told apart
/// from one the reader cancelled: rfd says so only in its log.
struct DialogLog;

static DIALOG_FAILURES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static DIALOG_LOG: DialogLog = DialogLog;

impl log::Log for DialogLog {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.target().starts_with("rfd") && metadata.level() <= log::Level::Error
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            DIALOG_FAILURES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }

    fn flush(&self) {}
}

/// Runs a dialog, telling "nothing chosen" apart from "no dialog could be shown".
fn run_dialog<T>(show: impl FnOnce() -> Option<T>) -> Dialog<T> {
    // Only the first call installs it; a logger set by someone else wins, and then a dialog
    // that fails reads as cancelled, as before.
    if log::set_logger(&DIALOG_LOG).is_ok() {
        log::set_max_level(log::LevelFilter::Error);
    }
    let before = DIALOG_FAILURES.load(std::sync::atomic::Ordering::Relaxed);
    let chosen = show();
    let failed = DIALOG_FAILURES.load(std::sync::atomic::Ordering::Relaxed) != before;
    match chosen {
        Some(chosen) => Dialog::Chosen(chosen),
        None if failed => Dialog::Unavailable,
        None => Dialog::Cancelled,
    }
}

/// The native open dialog: with [`save_file`], the only places that call rfd.
pub(super) fn pick_files() -> Dialog<Vec<PathBuf>> {
    run_dialog(|| {
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
    })
}

/// The native save dialog for an export.
pub(super) fn save_file(export: Export) -> Dialog<PathBuf> {
    run_dialog(|| {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Export")
            .set_file_name(format!("parallax-comparison.{}", export.extension()))
            .add_filter(export.name(), &[export.extension()]);
        // The other formats too: the name's extension decides.
        for other in Export::ALL.into_iter().filter(|e| *e != export) {
            dialog = dialog.add_filter(other.name(), &[other.extension()]);
        }
        dialog.save_file()
    })
}

impl ParallaxApp {
    /// Asks for articles to open: the desktop's dialog, or the app's own prompt when there is
    /// none.
    pub(super) fn choose_files(&mut self) {
        match pick_files() {
            Dialog::Chosen(paths) => self.handle(Command::Open(paths)),
            Dialog::Cancelled => {}
            Dialog::Unavailable => {
                self.say(NO_DIALOG.to_owned(), true);
                self.prompt = Some(PathPrompt::new(PromptFor::Open));
            }
        }
    }

    /// Asks where to export: the desktop's dialog, or the app's own prompt when there is none.
    pub(super) fn choose_export(&mut self, export: Export) {
        match save_file(export) {
            Dialog::Chosen(path) => {
                // The name's extension says the format; the one asked for when it says none.
                let chosen = Export::for_path(&path).unwrap_or(export);
                self.handle(Command::Export(path, chosen));
            }
            Dialog::Cancelled => {}
            Dialog::Unavailable => {
                self.say(NO_DIALOG.to_owned(), true);
                self.prompt = Some(PathPrompt::new(PromptFor::Export(export)));
            }
        }
    }

    /// The app's own prompt for a path, when the desktop has no file dialog.
    pub(super) fn prompt_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let (title, hint, action) = match prompt.purpose {
            PromptFor::Open => (
                "Open articles",
                "One path a line, e.g. /home/me/news/story.html",
                "Open",
            ),
            PromptFor::Export(_) => (
                "Export",
                "The file to write, e.g. /home/me/comparison.html",
                "Save",
            ),
        };
        let mut open = true;
        let mut done = None;
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.label(
                    "This desktop has no file dialog (no XDG desktop portal and no zenity). \
                     Type the path instead:",
                );
                let field = ui.add(
                    egui::TextEdit::multiline(&mut prompt.text)
                        .hint_text(hint)
                        .desired_rows(if matches!(prompt.purpose, PromptFor::Open) {
                            3
                        } else {
                            1
                        })
                        .desired_width(f32::INFINITY),
                );
                if prompt.focus {
                    field.request_focus();
                    prompt.focus = false;
                }
                ui.horizontal(|ui| {
                    if ui.button(action).clicked() {
                        done = Some(true);
                    }
                    if ui.button("Cancel").clicked() {
                        done = Some(false);
                    }
                });
            });
        if !open {
            done = Some(false);
        }
        match done {
            Some(true) => {
                let paths: Vec<PathBuf> = prompt
                    .text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(PathBuf::from)
                    .collect();
                match (prompt.purpose, paths.first()) {
                    (_, None) => return,
                    (PromptFor::Open, _) => commands.push(Command::Open(paths)),
                    (PromptFor::Export(export), Some(path)) => {
                        let chosen = Export::for_path(path).unwrap_or(export);
                        commands.push(Command::Export(path.clone(), chosen));
                    }
                }
                self.prompt = None;
                self.status = None;
            }
            Some(false) => self.prompt = None,
            None => {}
        }
    }
}

/// What the status line says when no dialog can be shown.
const NO_DIALOG: &str = "No file dialog is available on this desktop: type the path instead.";

/// What the app's own path prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptFor {
    Open,
    Export(Export),
}

/// The app's own prompt for a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PathPrompt {
    pub(super) purpose: PromptFor,
    pub(super) text: String,
    focus: bool,
}

impl PathPrompt {
    pub(super) fn new(purpose: PromptFor) -> Self {
        PathPrompt {
            purpose,
            text: String::new(),
            focus: true,
        }
    }
}

/// The clipboard's article: its HTML flavour and its text. The only place that reads the
/// clipboard directly (egui's paste event carries text only).
pub(super) fn read_clipboard(fallback: Option<String>) -> Command {
    let mut clipboard = arboard::Clipboard::new().ok();
    let html = clipboard.as_mut().and_then(|c| c.get().html().ok());
    let text = clipboard
        .as_mut()
        .and_then(|c| c.get_text().ok())
        .or(fallback);
    Command::Paste { html, text }
}
