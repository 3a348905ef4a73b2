//! The overview strip above the columns: every article in the comparison, however many, with
//! a bar of how much of it the others share, the ones in view outlined and the pinned ones
//! marked (as Beyond Compare's thumbnail pane and Meld's overview show where the view is).
//! Clicking an article brings its column into view; pinning chooses the two or three read
//! side by side while the others wait in the strip.

use egui::{RichText, Stroke};

use super::highlights::Highlights;
use super::{Command, panels, theme};
use crate::comparison::Comparison;

/// One article's place in the strip: as wide as there is room for, between these.
const CHIP_WIDTH: f32 = 168.0;
const NARROW_CHIP: f32 = 112.0;

/// What the strip needs to know about the window's state.
pub struct Strip<'a> {
    pub comparison: &'a Comparison,
    pub highlights: &'a Highlights,
    /// The articles whose columns are wholly in view.
    pub in_view: &'a [usize],
    pub pinned: &'a [usize],
    pub articles_shown: bool,
    pub epoch: u64,
}

/// Draws the strip.
pub fn strip_ui(ui: &mut egui::Ui, strip: &Strip<'_>, commands: &mut Vec<Command>) {
    let dark = ui.visuals().dark_mode;
    let muted = theme::muted(dark);
    let accent = ui.visuals().selection.stroke.color;
    ui.horizontal(|ui| {
        if ui
            .selectable_label(strip.articles_shown, "Articles")
            .on_hover_text("Show or hide the article list: rename, date, reorder or close")
            .clicked()
        {
            commands.push(Command::ShowArticles(!strip.articles_shown));
        }
        let problems = strip.comparison.problems.len();
        if problems > 0 {
            let text = RichText::new(format!("{problems} not compared"))
                .color(theme::error_text(dark))
                .strong();
            if ui
                .button(text)
                .on_hover_text("Files that could not be read or compared, and why")
                .clicked()
            {
                commands.push(Command::ShowArticles(true));
            }
        }
        ui.separator();
        if !strip.pinned.is_empty() {
            ui.label(
                RichText::new(format!("{} pinned side by side", strip.pinned.len())).color(muted),
            );
            if ui
                .button("Show all")
                .on_hover_text("Show every article's column again")
                .clicked()
            {
                commands.push(Command::UnpinAll);
            }
            ui.separator();
        }
        let count = strip.comparison.documents.len().max(1);
        #[expect(clippy::cast_precision_loss, reason = "a count of articles")]
        let room = ui.available_width() / count as f32 - 3.0 * ui.spacing().item_spacing.x - 12.0;
        let chip_width = room.clamp(NARROW_CHIP, CHIP_WIDTH);
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal()
            .id_salt(("overview", strip.epoch))
            .auto_shrink([false, true])
            .show_viewport(ui, |ui, viewport| {
                // Every chip is as wide as the others: only those in view are drawn, however
                // many articles there are.
                let stride = chip_width + 12.0 + 2.0 * ui.spacing().item_spacing.x;
                #[expect(clippy::cast_precision_loss, reason = "a count of articles")]
                let total = stride * count as f32;
                ui.set_min_width(total);
                let height = ui.spacing().interact_size.y + 12.0;
                let origin = ui.max_rect().min;
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "clamped to the article count"
                )]
                let first = ((viewport.min.x / stride).floor().max(0.0) as usize).min(count);
                for d in first..strip.comparison.documents.len() {
                    #[expect(clippy::cast_precision_loss, reason = "an article's place")]
                    let left = d as f32 * stride;
                    if left > viewport.max.x {
                        break;
                    }
                    let rect = egui::Rect::from_min_size(
                        origin + egui::vec2(left, 0.0),
                        egui::vec2(stride, height + 10.0),
                    );
                    let builder = egui::UiBuilder::new()
                        .max_rect(rect)
                        .id_salt(("chip", d))
                        .layout(egui::Layout::left_to_right(egui::Align::Min));
                    ui.scope_builder(builder, |ui| {
                        chip_ui(ui, strip, d, chip_width, accent, commands);
                    });
                }
            });
    });
}

/// One article in the strip: its pin, its number and name, its coverage bar.
fn chip_ui(
    ui: &mut egui::Ui,
    strip: &Strip<'_>,
    d: usize,
    chip_width: f32,
    accent: egui::Color32,
    commands: &mut Vec<Command>,
) {
    let seen = strip.in_view.contains(&d);
    let pinned = strip.pinned.contains(&d);
    let stroke = if seen {
        Stroke::new(2.0, accent)
    } else {
        ui.visuals().widgets.noninteractive.bg_stroke
    };
    let frame = egui::Frame::group(ui.style())
        .stroke(stroke)
        .inner_margin(egui::Margin::symmetric(6, 3));
    frame.show(ui, |ui| {
        ui.set_width(chip_width);
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                if pin_ui(ui, pinned)
                    .on_hover_text(if pinned {
                        "Unpin: back among the others"
                    } else {
                        "Pin: read it side by side with the other pinned articles"
                    })
                    .clicked()
                {
                    commands.push(Command::Pin(d, !pinned));
                }
                let name = strip.highlights.names.numbered(d);
                if ui
                    .add(
                        egui::Label::new(RichText::new(&name).strong())
                            .truncate()
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text(format!("{name}\nClick to bring its column into view"))
                    .clicked()
                {
                    commands.push(Command::Reveal(d));
                }
            });
            if let Some(shares) = strip.highlights.shares.get(d) {
                panels::coverage_bar_ui(ui, shares, chip_width, 6.0);
            }
        });
    });
}

/// A pin: a round head on a short needle, filled when pinned.
fn pin_ui(ui: &mut egui::Ui, pinned: bool) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(14.0, 16.0), egui::Sense::click());
    let visuals = ui.style().interact_selectable(&response, pinned);
    let colour = if pinned {
        ui.visuals().selection.stroke.color
    } else {
        visuals.fg_stroke.color
    };
    let head = egui::pos2(rect.center().x, rect.top() + 5.0);
    let painter = ui.painter();
    painter.line_segment(
        [
            egui::pos2(head.x, head.y + 3.0),
            egui::pos2(head.x, rect.bottom() - 1.0),
        ],
        Stroke::new(1.5, colour),
    );
    if pinned {
        painter.circle_filled(head, 4.0, colour);
    } else {
        painter.circle_stroke(head, 4.0, Stroke::new(1.5, colour));
    }
    response
}
