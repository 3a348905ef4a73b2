//! What the window says about itself: the legend of its colours and marks, and on the bundled
//! samples a first view that explains what the reader is looking at.

use egui::{Color32, RichText, Stroke};

use super::{Command, ParallaxApp, theme};
use crate::comparison::{Verdict, document_index};

impl ParallaxApp {
    /// Above the columns, when the articles do not all report one event: what they report,
    /// which of them belong together, and a way to compare each event on its own.
    pub(super) fn story_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let story = &self.comparison.story;
        if story.verdict == Verdict::SameEvent || story.groups.len() < 2 {
            return;
        }
        let dark = ui.visuals().dark_mode;
        let names = &self.highlights.names;
        egui::Frame::group(ui.style())
            .fill(ui.visuals().faint_bg_color)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("Same story? {}.", story.verdict.heading())).strong(),
                    );
                    ui.label(&story.summary);
                });
                let events: Vec<Vec<usize>> = story
                    .groups
                    .iter()
                    .map(|g| g.iter().filter_map(|id| document_index(id)).collect())
                    .collect();
                for (k, docs) in events.iter().enumerate().filter(|(_, d)| d.len() >= 2) {
                    ui.horizontal_wrapped(|ui| {
                        const NAMED: usize = 4;
                        let mut members: Vec<String> = docs
                            .iter()
                            .take(NAMED)
                            .map(|&d| names.numbered(d))
                            .collect();
                        if docs.len() > NAMED {
                            members.push(format!("and {} more", docs.len() - NAMED));
                        }
                        ui.label(
                            RichText::new(format!("Event {}: {}", k + 1, members.join(", ")))
                                .color(theme::muted(dark)),
                        );
                        if ui
                            .button(format!("Compare these {} alone", docs.len()))
                            .on_hover_text("Close the other articles and compare this event")
                            .clicked()
                        {
                            commands.push(Command::CompareOnly(docs.clone()));
                        }
                    });
                }
            });
    }

    /// Whether the comparison is the bundled samples (the first view of a new user).
    pub(super) fn showing_samples(&self) -> bool {
        !self.inputs.is_empty()
            && self
                .inputs
                .iter()
                .all(|input| input.source.path.starts_with("samples/"))
    }

    /// A short explanation above the columns of the samples, until the reader dismisses it.
    pub(super) fn welcome_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let dark = ui.visuals().dark_mode;
        egui::Frame::group(ui.style())
            .fill(ui.visuals().faint_bg_color)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new("Three sample articles about one invented event.").strong(),
                    );
                    ui.label(
                        "Passages with the same background colour say the same thing in each \
                         article; click one to line the columns up on it and see what each \
                         article changed. Words underlined in orange are worded differently \
                         elsewhere: hover for how. The panel on the right lists the quotes, the \
                         framing differences and what each article leaves out.",
                    );
                    ui.label(
                        RichText::new(
                            "Open your own articles with File › Open (Ctrl+O) or drop them here.",
                        )
                        .color(theme::muted(dark)),
                    );
                    if ui.button("Got it").clicked() {
                        commands.push(Command::DismissWelcome);
                    }
                    if ui.button("What do the colours mean?").clicked() {
                        commands.push(Command::ShowLegend(true));
                    }
                });
            });
        ui.add_space(4.0);
    }

    /// The legend: what each colour and mark in the window means.
    pub(super) fn legend_ui(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let mut open = true;
        egui::Window::new("What the colours mean")
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .default_width(420.0)
            .show(ctx, |ui| {
                let dark = ui.visuals().dark_mode;
                let swatch = |ui: &mut egui::Ui, fill: Color32, underline: Option<Color32>| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(38.0, 16.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, fill);
                    if let Some(colour) = underline {
                        ui.painter().hline(
                            rect.x_range(),
                            rect.bottom() - 1.0,
                            Stroke::new(2.0, colour),
                        );
                    }
                };
                let row =
                    |ui: &mut egui::Ui, fill: Color32, underline: Option<Color32>, text: &str| {
                        ui.horizontal(|ui| {
                            swatch(ui, fill, underline);
                            ui.label(text);
                        });
                    };
                row(
                    ui,
                    theme::group_colour(0, dark, false),
                    None,
                    "A quote or fact several articles share: the same colour in every column. \
                     Each shared passage has its own colour.",
                );
                row(
                    ui,
                    theme::group_colour(0, dark, true),
                    None,
                    "The selected quote or fact, lined up in every column.",
                );
                row(
                    ui,
                    Color32::TRANSPARENT,
                    Some(theme::FRAMING),
                    "Worded differently elsewhere (framing): hover for how the others put it.",
                );
                row(
                    ui,
                    theme::FOUND,
                    None,
                    "A match of Find (Ctrl+F); the current one is orange.",
                );
                ui.separator();
                ui.label(RichText::new("In the selection panel").strong());
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new("struck through")
                            .strikethrough()
                            .color(theme::deleted_text(dark)),
                    );
                    ui.label("words an article left out of the first version;");
                });
                ui.horizontal(|ui| {
                    ui.label(
                        RichText::new("underlined")
                            .underline()
                            .color(theme::inserted_text(dark)),
                    );
                    ui.label("words it added or changed.");
                });
                ui.separator();
                ui.label(RichText::new("In the overview and Coverage").strong());
                for (share, text) in [
                    (
                        super::highlights::Share::Shared,
                        "a sentence another article carries word for word",
                    ),
                    (
                        super::highlights::Share::Altered,
                        "a sentence another article carries in other words",
                    ),
                    (
                        super::highlights::Share::Unique,
                        "a sentence only this article carries",
                    ),
                ] {
                    row(ui, theme::share(share, dark), None, text);
                }
                ui.separator();
                ui.label(RichText::new("In the quote matrix").strong());
                for carried in [
                    crate::report::matrix::Carried::Whole,
                    crate::report::matrix::Carried::Trimmed,
                    crate::report::matrix::Carried::Altered,
                    crate::report::matrix::Carried::Absent,
                ] {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(carried.reader_word())
                                .strong()
                                .color(theme::carried(carried, dark)),
                        );
                        ui.label(match carried {
                            crate::report::matrix::Carried::Whole => {
                                "every word of the fullest version"
                            }
                            crate::report::matrix::Carried::Trimmed => {
                                "words left out, none changed"
                            }
                            crate::report::matrix::Carried::Altered => "words changed or added",
                            crate::report::matrix::Carried::Absent => {
                                "the article does not carry the quote"
                            }
                        });
                    });
                }
            });
        if !open {
            commands.push(Command::ShowLegend(false));
        }
    }
}
