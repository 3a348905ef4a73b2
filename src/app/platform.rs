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

/// The native open dialog: with [`save_file`], the only places that call rfd.
pub(super) fn pick_files() -> Option<Vec<PathBuf>> {
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
pub(super) fn save_file(export: Export) -> Option<PathBuf> {
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
pub(super) fn read_clipboard(fallback: Option<String>) -> Command {
    let mut clipboard = arboard::Clipboard::new().ok();
    let html = clipboard.as_mut().and_then(|c| c.get().html().ok());
    let text = clipboard
        .as_mut()
        .and_then(|c| c.get_text().ok())
        .or(fallback);
    Command::Paste { html, text }
}
