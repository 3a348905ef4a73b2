//! The panels around the columns: the article list, the lists of what differs (quotes,
//! framing, labels, omissions, coverage), and the selection panel, which says what is selected
//! and how every article carries it.
//!
//! Every list here reads the comparison as it is and emits commands; clicking an entry
//! selects it, which scrolls every column to it. Articles are named as a reader names them
//! (their number and outlet, see [`crate::comparison::ReaderNames`]), and text is at the body
//! size with secondary text kept readable in either theme.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText, Stroke};
use egui_extras::{Column as TableColumn, TableBuilder};

use super::highlights::{Highlights, Piece, Share, Target, inline_diff, versions};
use super::{Command, theme};
use crate::comparison::{Comparison, FramingDifference, ReaderNames};
use crate::report::matrix::Carried;

/// The side panel's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Panel {
    Quotes,
    Framing,
    Labels,
    Omissions,
    Coverage,
}

impl Panel {
    pub const ALL: [Panel; 5] = [
        Panel::Quotes,
        Panel::Framing,
        Panel::Labels,
        Panel::Omissions,
        Panel::Coverage,
    ];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Panel::Quotes => "Quotes",
            Panel::Framing => "Framing",
            Panel::Labels => "Labels",
            Panel::Omissions => "Omissions",
            Panel::Coverage => "Coverage",
        }
    }

    /// What the view shows, for its tab's tooltip.
    #[must_use]
    pub fn about(self) -> &'static str {
        match self {
            Panel::Quotes => "Each quote, and how each article carries it",
            Panel::Framing => "Where the articles word the same thing differently",
            Panel::Labels => "How each article describes each person",
            Panel::Omissions => "What each article carries that others leave out",
            Panel::Coverage => "How much of each article the others share",
        }
    }
}

/// The height of one entry of the article list: every entry has the same, so the list draws
/// only the entries in view however many articles are open.
const DOCUMENT_HEIGHT: f32 = 74.0;

/// The article list: each article's number, name and date (editable), its place in the
/// order, and the inputs that could not be compared.
pub fn documents_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    highlights: &Highlights,
    edits: &mut [(String, String)],
    editing: &mut Option<usize>,
    busy: bool,
    commands: &mut Vec<Command>,
) {
    ui.heading("Articles");
    let count = comparison.documents.len().min(edits.len());
    let problems = &comparison.problems;
    let height = if problems.is_empty() {
        ui.available_height()
    } else {
        ui.available_height() * 0.7
    };
    egui::ScrollArea::vertical()
        .id_salt("documents")
        .max_height(height)
        .auto_shrink([false, true])
        .show_rows(ui, DOCUMENT_HEIGHT, count, |ui, range| {
            for d in range {
                let width = ui.available_width();
                let (rect, _) = ui
                    .allocate_exact_size(egui::vec2(width, DOCUMENT_HEIGHT), egui::Sense::hover());
                let builder = egui::UiBuilder::new()
                    .max_rect(rect)
                    .id_salt(("document", d))
                    .layout(egui::Layout::top_down(egui::Align::Min));
                ui.scope_builder(builder, |ui| {
                    ui.set_clip_rect(rect.intersect(ui.clip_rect()));
                    document_ui(
                        ui,
                        d,
                        comparison,
                        highlights,
                        &mut edits[d],
                        editing,
                        busy,
                        commands,
                    );
                });
            }
        });
    if !problems.is_empty() {
        ui.add_space(8.0);
        ui.heading("Not compared");
        let error = theme::error_text(ui.visuals().dark_mode);
        egui::ScrollArea::vertical()
            .id_salt("problems")
            .show(ui, |ui| {
                for problem in problems {
                    ui.label(RichText::new(&problem.path).strong());
                    ui.label(RichText::new(&problem.message).color(error));
                }
            });
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "one entry of the list: the comparison, its names, the edit fields and the output"
)]
fn document_ui(
    ui: &mut egui::Ui,
    d: usize,
    comparison: &Comparison,
    highlights: &Highlights,
    edit: &mut (String, String),
    editing: &mut Option<usize>,
    busy: bool,
    commands: &mut Vec<Command>,
) {
    let document = &comparison.documents[d];
    let count = comparison.documents.len();
    let muted = theme::muted(ui.visuals().dark_mode);
    if *editing == Some(d) {
        // Editing: the outlet and date fields, kept when they lose the keyboard.
        let mut done = false;
        ui.horizontal(|ui| {
            let label = ui.label("Outlet");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut edit.0)
                        .hint_text("outlet name")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if field.lost_focus() && document.outlet.as_deref().unwrap_or("") != edit.0 {
                commands.push(Command::SetOutlet(d, edit.0.clone()));
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Date");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut edit.1)
                        .hint_text("YYYY-MM-DD")
                        .desired_width(92.0),
                )
                .labelled_by(label.id);
            if field.lost_focus() && document.date.as_deref().unwrap_or("") != edit.1 {
                commands.push(Command::SetDate(d, edit.1.clone()));
            }
            done = ui.button("Done").clicked();
        });
        if done {
            if document.outlet.as_deref().unwrap_or("") != edit.0 {
                commands.push(Command::SetOutlet(d, edit.0.clone()));
            }
            if document.date.as_deref().unwrap_or("") != edit.1 {
                commands.push(Command::SetDate(d, edit.1.clone()));
            }
            *editing = None;
        }
    } else {
        ui.add(egui::Label::new(RichText::new(highlights.names.numbered(d)).strong()).truncate());
        ui.horizontal(|ui| {
            if ui
                .add(egui::Button::new("Edit").small())
                .on_hover_text("Set the outlet's name and the date")
                .clicked()
            {
                *editing = Some(d);
            }
            ui.add_enabled_ui(!busy, |ui| {
                if ui
                    .add_enabled(d > 0, egui::Button::new("Up").small())
                    .on_hover_text("Move up")
                    .clicked()
                {
                    commands.push(Command::Move { from: d, to: d - 1 });
                }
                if ui
                    .add_enabled(d + 1 < count, egui::Button::new("Down").small())
                    .on_hover_text("Move down")
                    .clicked()
                {
                    commands.push(Command::Move { from: d, to: d + 1 });
                }
                if ui
                    .add(egui::Button::new("Close").small())
                    .on_hover_text("Close this article")
                    .clicked()
                {
                    commands.push(Command::Remove(d));
                }
            });
        });
    }
    // Provenance: the date and file, and on hover the title, reprint and reading notes.
    let mut about = vec![document.path.clone()];
    about.extend(document.title.iter().cloned());
    about.extend(document.url.iter().cloned());
    if let Some(source) = &document.syndicated_from {
        about.push(format!("Reprint of {source}"));
    }
    if let Some(of) = &document.reprint_of {
        about.push(format!("Mostly copies {}", highlights.names.of(of)));
    }
    about.extend(document.notes.iter().cloned());
    let mut line: Vec<String> = document.date.iter().cloned().collect();
    match (&document.syndicated_from, &document.reprint_of) {
        (Some(source), _) => line.push(format!("reprint of {source}")),
        (None, Some(of)) => line.push(format!("copies {}", highlights.names.of(of))),
        (None, None) => line.push(document.path.clone()),
    }
    ui.add(egui::Label::new(RichText::new(line.join(" · ")).color(muted)).truncate())
        .on_hover_text(about.join("\n"));
}

/// The side panel: a tab row, then the open view.
pub fn panel_ui(
    ui: &mut egui::Ui,
    panel: Panel,
    comparison: &Comparison,
    highlights: &Highlights,
    selection: Option<Target>,
    epoch: u64,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        for option in Panel::ALL {
            if ui
                .selectable_label(option == panel, option.name())
                .on_hover_text(option.about())
                .clicked()
            {
                commands.push(Command::ShowPanel(Some(option)));
            }
        }
    });
    ui.separator();
    let mut select = |target: Target| commands.push(Command::Select(Some(target)));
    match panel {
        Panel::Quotes => quotes_ui(ui, comparison, highlights, selection, epoch, &mut select),
        Panel::Framing => framing_ui(ui, comparison, highlights, selection, epoch, &mut select),
        Panel::Labels => labels_ui(ui, comparison, highlights, selection, epoch, &mut select),
        Panel::Omissions => omissions_ui(ui, comparison, highlights, epoch, &mut select),
        Panel::Coverage => coverage_ui(ui, comparison, highlights, epoch),
    }
}

fn short(text: &str, limit: usize) -> String {
    let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if squeezed.chars().count() <= limit {
        squeezed
    } else {
        let cut: String = squeezed.chars().take(limit).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A vertical list whose entries differ in height, drawn a screenful at a time: each entry's
/// height is measured when it is first drawn and kept (in egui's memory, per list) until the
/// list changes; entries not yet seen count as `estimate`.
fn virtual_list(
    ui: &mut egui::Ui,
    id_salt: (&str, u64),
    count: usize,
    estimate: f32,
    mut entry: impl FnMut(&mut egui::Ui, usize),
) {
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink([false, true])
        .show_viewport(ui, |ui, viewport| {
            let id = ui.make_persistent_id(("virtual-list-heights", id_salt));
            let mut heights: Vec<f32> = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
            heights.resize(count, estimate);
            let width = ui.available_width();
            let total: f32 = heights.iter().sum();
            ui.set_min_size(egui::vec2(width, total));
            let origin = ui.max_rect().min;
            let mut top = 0.0;
            for (k, height) in heights.iter_mut().enumerate() {
                if top > viewport.max.y {
                    break;
                }
                if top + *height >= viewport.min.y {
                    let rect = egui::Rect::from_min_size(
                        origin + egui::vec2(0.0, top),
                        egui::vec2(width, f32::INFINITY),
                    );
                    let builder = egui::UiBuilder::new()
                        .max_rect(rect)
                        .id_salt((id_salt, k))
                        .layout(egui::Layout::top_down(egui::Align::Min));
                    let drawn = ui.scope_builder(builder, |ui| {
                        entry(ui, k);
                        ui.add_space(8.0);
                    });
                    *height = drawn.response.rect.height();
                }
                top += *height;
            }
            ui.data_mut(|d| d.insert_temp(id, heights));
        });
}

/// Size of the quote matrix's columns and rows. An article's column is as wide as the panel
/// allows between the narrow and the wide measure: wide, it names the article and shows the
/// speaker and verb of each version; narrow, its head is the article's number and each cell a
/// mark, so that five or more articles fit side by side in a laptop's side panel.
const QUOTE_WIDTH: f32 = 170.0;
const NARROW_CELL: f32 = 26.0;
const WIDE_CELL: f32 = 118.0;
const ROW_HEIGHT: f32 = 54.0;
const HEADER_HEIGHT: f32 = 40.0;

/// The quote matrix: a row per quote, a column per article, as a table whose header stays in
/// view. Wider than the panel, the whole table scrolls sideways, the quote column with it, so
/// no cell ever hides under another.
fn quotes_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    highlights: &Highlights,
    selection: Option<Target>,
    epoch: u64,
    select: &mut dyn FnMut(Target),
) {
    let rows = &highlights.quote_rows;
    if rows.is_empty() {
        ui.label("No quotes found.");
        return;
    }
    let dark = ui.visuals().dark_mode;
    ui.label(
        RichText::new(
            "How each article carries each quote. Click a quote to line up the columns on it.",
        )
        .color(theme::muted(dark)),
    );
    let count = comparison.documents.len();
    let spacing = ui.spacing().item_spacing.x;
    #[expect(clippy::cast_precision_loss, reason = "a count of articles")]
    let room = (ui.available_width() - QUOTE_WIDTH - spacing) / count.max(1) as f32 - spacing;
    let cell = room.clamp(NARROW_CELL, WIDE_CELL);
    let wide = cell >= 100.0;
    if !wide {
        ui.horizontal_wrapped(|ui| {
            for carried in Carried::ALL {
                carried_mark_ui(ui, carried, dark);
                ui.label(carried.reader_word());
            }
        });
    }
    // Narrow, the articles' cells of a row are one strip of marks, drawn only where in view:
    // a frame costs the same with 30 articles as with 3.
    #[expect(clippy::cast_precision_loss, reason = "a count of articles")]
    let strip = cell * count as f32 + spacing * count.saturating_sub(1) as f32;
    egui::ScrollArea::horizontal()
        .id_salt(("quote-matrix-sideways", epoch))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            let table = TableBuilder::new(ui)
                .id_salt(("quote-matrix", epoch))
                .striped(true)
                .resizable(false)
                .cell_layout(egui::Layout::top_down(egui::Align::Min))
                .column(TableColumn::exact(QUOTE_WIDTH).clip(true));
            let table = if wide {
                table.columns(TableColumn::exact(cell).clip(true), count)
            } else {
                table.column(TableColumn::exact(strip).clip(true))
            };
            table
                .min_scrolled_height(0.0)
                .header(HEADER_HEIGHT, |mut header| {
                    header.col(|ui| {
                        ui.strong("Quote");
                    });
                    if wide {
                        for d in 0..count {
                            header.col(|ui| {
                                let name = highlights.names.numbered(d);
                                ui.add(egui::Label::new(RichText::new(&name).strong()).wrap())
                                    .on_hover_text(name);
                            });
                        }
                    } else {
                        header.col(|ui| {
                            let places: Vec<_> = marks_in_view(ui, cell, spacing, count).collect();
                            for (d, rect) in places {
                                ui.put(
                                    rect,
                                    egui::Label::new(RichText::new(format!("{}", d + 1)).strong()),
                                )
                                .on_hover_text(highlights.names.numbered(d));
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                        let quote_row = &rows[row.index()];
                        row.col(|ui| {
                            let Some(fullest) = comparison.quotes.get(quote_row.fullest) else {
                                return;
                            };
                            let text = format!("“{}”", short(&fullest.text, 60));
                            let chosen = selection == Some(quote_row.target);
                            if ui
                                .add(egui::Button::selectable(chosen, text).wrap())
                                .on_hover_text(&fullest.text)
                                .clicked()
                            {
                                select(quote_row.target);
                            }
                        });
                        let about = |d: usize, carried: Carried, quote: Option<usize>| {
                            let who = quote.and_then(|q| comparison.quotes.get(q)).map(|q| {
                                format!(
                                    "{} · {}",
                                    q.speaker.as_deref().unwrap_or("no speaker"),
                                    q.cue.as_deref().unwrap_or("—")
                                )
                            });
                            (
                                format!(
                                    "{}: {}{}",
                                    highlights.names.numbered(d),
                                    carried.reader_word(),
                                    who.as_deref().map(|w| format!("\n{w}")).unwrap_or_default()
                                ),
                                who,
                            )
                        };
                        if wide {
                            for d in 0..count {
                                row.col(|ui| {
                                    let Some(&(carried, quote)) = quote_row.cells.get(d) else {
                                        return;
                                    };
                                    let (about, who) = about(d, carried, quote);
                                    ui.label(
                                        RichText::new(carried.reader_word())
                                            .color(theme::carried(carried, dark))
                                            .strong(),
                                    )
                                    .on_hover_text(&about);
                                    if let Some(who) = who {
                                        ui.add(egui::Label::new(who).truncate())
                                            .on_hover_text(&about);
                                    }
                                });
                            }
                        } else {
                            row.col(|ui| {
                                let places: Vec<_> =
                                    marks_in_view(ui, cell, spacing, count).collect();
                                for (d, rect) in places {
                                    let Some(&(carried, quote)) = quote_row.cells.get(d) else {
                                        continue;
                                    };
                                    let mark = rect.with_max_y(rect.top() + 20.0);
                                    let response = ui.interact(
                                        mark,
                                        ui.scope_id().with(("mark", d)),
                                        egui::Sense::hover(),
                                    );
                                    paint_mark(ui.painter(), mark.center(), carried, dark);
                                    response.on_hover_text(about(d, carried, quote).0);
                                }
                            });
                        }
                    });
                });
        });
}

/// The places of the articles' marks in a narrow row (or its head), those in view only.
fn marks_in_view(
    ui: &egui::Ui,
    cell: f32,
    spacing: f32,
    count: usize,
) -> impl Iterator<Item = (usize, egui::Rect)> {
    let area = ui.max_rect();
    let clip = ui.clip_rect();
    let stride = cell + spacing;
    (0..count).filter_map(move |d| {
        #[expect(clippy::cast_precision_loss, reason = "an article's place")]
        let left = area.left() + d as f32 * stride;
        let rect = egui::Rect::from_min_size(
            egui::pos2(left, area.top()),
            egui::vec2(cell, area.height()),
        );
        (rect.right() >= clip.left() && rect.left() <= clip.right()).then_some((d, rect))
    })
}

/// How an article carries a quote, as a mark: a full disc (carried whole), a half disc
/// (trimmed), a ring with a bar across (altered), a short dash (not carried). Drawn, not a
/// font's glyph, and coloured as the words are.
fn carried_mark_ui(ui: &mut egui::Ui, carried: Carried, dark: bool) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::hover());
    paint_mark(ui.painter(), rect.center(), carried, dark);
    response
}

fn paint_mark(painter: &egui::Painter, centre: egui::Pos2, carried: Carried, dark: bool) {
    let colour = theme::carried(carried, dark);
    let radius = 6.0;
    match carried {
        Carried::Whole => {
            painter.circle_filled(centre, radius, colour);
        }
        Carried::Trimmed => {
            painter.circle_stroke(centre, radius, Stroke::new(1.5, colour));
            let half: Vec<egui::Pos2> = (0..=12)
                .map(|k| {
                    #[expect(clippy::cast_precision_loss, reason = "a dozen steps")]
                    let angle =
                        std::f32::consts::FRAC_PI_2 + std::f32::consts::PI * k as f32 / 12.0;
                    centre + radius * egui::vec2(angle.cos(), angle.sin())
                })
                .collect();
            painter.add(egui::Shape::convex_polygon(half, colour, Stroke::NONE));
        }
        Carried::Altered => {
            painter.circle_stroke(centre, radius, Stroke::new(1.5, colour));
            painter.line_segment(
                [
                    centre + egui::vec2(-radius, radius) * 0.8,
                    centre + egui::vec2(radius, -radius) * 0.8,
                ],
                Stroke::new(2.0, colour),
            );
        }
        Carried::Absent => {
            painter.line_segment(
                [centre - egui::vec2(4.0, 0.0), centre + egui::vec2(4.0, 0.0)],
                Stroke::new(1.5, colour),
            );
        }
    }
}

/// The framing findings, most telling first; the less certain ones on asking.
fn framing_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    highlights: &Highlights,
    selection: Option<Target>,
    epoch: u64,
    select: &mut dyn FnMut(Target),
) {
    let more = comparison.framing_more.len();
    if comparison.framing.is_empty() && more == 0 {
        ui.label("No framing differences found.");
        return;
    }
    let muted = theme::muted(ui.visuals().dark_mode);
    let show_more_id = ui.make_persistent_id(("framing-show-more", epoch));
    let mut show_more = ui.data(|d| d.get_temp::<bool>(show_more_id).unwrap_or(false));
    if comparison.framing.is_empty() {
        ui.label("No framing difference Parallax is sure of.");
    }
    if more > 0
        && ui
            .checkbox(
                &mut show_more,
                format!(
                    "Show {more} less certain finding{}",
                    if more == 1 { "" } else { "s" }
                ),
            )
            .on_hover_text(
                "Findings Parallax is less sure are worth your time: plain words one article \
                 uses alone, labels that add a place or a title. They are not underlined.",
            )
            .changed()
    {
        ui.data_mut(|d| d.insert_temp(show_more_id, show_more));
    }
    let shown = comparison.framing.len() + if show_more { more } else { 0 };
    virtual_list(ui, ("framing", epoch), shown, 110.0, |ui, f| {
        let Some(finding) = comparison.framing.get(f) else {
            let Some(finding) = comparison.framing_more.get(f - comparison.framing.len()) else {
                return;
            };
            ui.label(RichText::new(&finding.concept).strong());
            ui.label(
                RichText::new(format!("{} · less certain", finding.kind.reader_name()))
                    .color(muted),
            );
            framing_wordings_ui(ui, finding, &highlights.names);
            return;
        };
        let target = Target::Framing(f);
        if ui
            .add(
                egui::Button::selectable(
                    selection == Some(target),
                    RichText::new(&finding.concept).strong(),
                )
                .wrap(),
            )
            .on_hover_text("Show it in every column")
            .clicked()
        {
            select(target);
        }
        ui.label(RichText::new(finding.kind.reader_name()).color(muted));
        framing_wordings_ui(ui, finding, &highlights.names);
    });
}

/// A framing finding's note, then each article's wording of it, by the article's name.
pub fn framing_wordings_ui(ui: &mut egui::Ui, finding: &FramingDifference, names: &ReaderNames) {
    ui.label(&finding.note);
    for wording in &finding.variants {
        ui.label(format!("{}: “{}”", names.of(&wording.doc), wording.text));
    }
}

/// How each article describes each person.
fn labels_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    highlights: &Highlights,
    selection: Option<Target>,
    epoch: u64,
    select: &mut dyn FnMut(Target),
) {
    if comparison.labels.is_empty() {
        ui.label("No labelled people found.");
        return;
    }
    virtual_list(
        ui,
        ("labels", epoch),
        comparison.labels.len(),
        70.0,
        |ui, p| {
            let person = &comparison.labels[p];
            let target = Target::Person(p);
            if ui
                .selectable_label(
                    selection == Some(target),
                    RichText::new(&person.name).strong(),
                )
                .clicked()
            {
                select(target);
            }
            for (doc, texts) in person.per_document() {
                ui.label(format!(
                    "{}: “{}”",
                    highlights.names.of(doc),
                    texts.join("”, “")
                ));
            }
        },
    );
}

/// What some articles of one event carry and others leave out, most telling first: each thing
/// missing once, with why it counts, who carries it and who leaves it out.
fn omissions_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    highlights: &Highlights,
    epoch: u64,
    select: &mut dyn FnMut(Target),
) {
    if comparison.documents.len() < 2 {
        ui.label("Open two articles or more to see what each leaves out.");
        return;
    }
    let muted = theme::muted(ui.visuals().dark_mode);
    let omissions = &comparison.omissions;
    if omissions.is_empty() {
        ui.label(
            if comparison.story.groups.len() == comparison.documents.len() {
                "No article reports the same event as another, so none can be said to leave \
             anything out."
            } else {
                "Every article of each event carries what the others report."
            },
        );
        return;
    }
    ui.label(
        RichText::new(format!(
            "{} facts and quotes that some articles leave out, most telling first.",
            omissions.len()
        ))
        .color(muted),
    );
    virtual_list(ui, ("omissions", epoch), omissions.len(), 70.0, |ui, k| {
        let omission = &omissions[k];
        let Some(text) = comparison.omission_text(omission) else {
            return;
        };
        let Some(doc) = crate::comparison::document_index(&omission.doc) else {
            return;
        };
        let shown = if omission.quote.is_some() {
            format!("“{}”", short(text, 160))
        } else {
            short(text, 160)
        };
        if ui
            .add(egui::Button::selectable(false, shown).wrap())
            .on_hover_text("Show it in its column")
            .clicked()
        {
            select(Target::Sentence {
                doc,
                index: omission.sentence,
            });
        }
        if !omission.why.is_empty() {
            ui.label(omission.why.join(" · "));
        }
        ui.label(
            RichText::new(format!(
                "in {} · missing from {}",
                Comparison::set_names(&highlights.names, &omission.carried_by),
                comparison.missing_from_names(&highlights.names, omission)
            ))
            .color(muted),
        );
    });
}

/// Per article, a strip of its sentences in order: shared word for word, shared in other
/// words, or its own.
fn coverage_ui(ui: &mut egui::Ui, comparison: &Comparison, highlights: &Highlights, epoch: u64) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        for share in [Share::Shared, Share::Altered, Share::Unique] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, theme::share(share, dark));
            ui.label(share_word(share));
        }
    });
    ui.add_space(6.0);
    let count = comparison.documents.len().min(highlights.shares.len());
    virtual_list(ui, ("coverage", epoch), count, 70.0, |ui, d| {
        let shares = &highlights.shares[d];
        let count = |s: Share| shares.iter().filter(|x| **x == s).count();
        ui.label(RichText::new(highlights.names.numbered(d)).strong());
        let shared = count(Share::Shared) + count(Share::Altered);
        ui.label(format!(
            "{shared} of {} sentences shared with another article ({} word for word, {} in \
             other words); {} only here",
            shares.len(),
            count(Share::Shared),
            count(Share::Altered),
            count(Share::Unique)
        ));
        coverage_bar_ui(ui, shares, ui.available_width(), 14.0);
    });
}

/// What a sentence's share is called.
fn share_word(share: Share) -> &'static str {
    match share {
        Share::Shared => "shared word for word",
        Share::Altered => "shared in other words",
        Share::Unique => "only here",
    }
}

/// A strip of an article's sentences in order, coloured by how they are shared: one stretch of
/// colour per run of alike sentences.
pub fn coverage_bar_ui(ui: &mut egui::Ui, shares: &[Share], width: f32, height: f32) {
    let dark = ui.visuals().dark_mode;
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    #[expect(clippy::cast_precision_loss, reason = "sentence counts")]
    let step = width / shares.len().max(1) as f32;
    let mut start = 0;
    while start < shares.len() {
        let share = shares[start];
        let end = start + shares[start..].iter().take_while(|s| **s == share).count();
        #[expect(clippy::cast_precision_loss, reason = "sentence counts")]
        let (x0, x1) = (
            rect.left() + start as f32 * step,
            rect.left() + end as f32 * step,
        );
        let run = egui::Rect::from_min_max(
            egui::pos2(x0, rect.top()),
            egui::pos2((x1 - 0.5).max(x0 + 0.5), rect.bottom()),
        );
        ui.painter()
            .rect_filled(run, 0.0, theme::share(share, dark));
        start = end;
    }
}

/// The selection panel: what is selected (a shared quote, with its speaker, or a shared fact)
/// and every article in order, each with its version and what it changed against the first,
/// or "not carried".
pub fn selection_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    highlights: &Highlights,
    target: Target,
    commands: &mut Vec<Command>,
) {
    let (what, diff) = match target {
        Target::QuoteGroup(g) => match comparison.quote_groups.get(g) {
            Some(group) => {
                let speaker = group
                    .quotes
                    .iter()
                    .filter_map(|id| comparison.quotes.iter().find(|q| &q.id == id))
                    .find_map(|q| q.speaker.clone());
                let what = match speaker {
                    Some(name) => format!("Shared quote {} · {name}", g + 1),
                    None => format!("Shared quote {}", g + 1),
                };
                (what, &group.diff)
            }
            None => return,
        },
        Target::Fact(g) => match comparison.sentence_groups.get(g) {
            Some(group) => (format!("Shared fact {}", g + 1), &group.diff),
            None => return,
        },
        _ => return,
    };
    let dark = ui.visuals().dark_mode;
    let muted = theme::muted(dark);
    let pieces = versions(comparison, target);
    ui.horizontal(|ui| {
        ui.strong(what);
        ui.label(
            RichText::new("struck through: left out · underlined: added or changed").color(muted),
        );
        if ui.button("Clear selection").clicked() {
            commands.push(Command::Select(None));
        }
    });
    let Some(first) = pieces.first() else {
        return;
    };
    let Some(base) = comparison.text_of(&first.0) else {
        return;
    };
    let colour = ui.visuals().text_color();
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (d, document) in comparison.documents.iter().enumerate() {
            let name = highlights.names.numbered(d);
            let Some((_, span)) = pieces.iter().find(|(doc, _)| *doc == document.id) else {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(name).strong());
                    ui.label(RichText::new("not carried").color(muted));
                });
                continue;
            };
            if document.id == first.0 {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(name).strong());
                    ui.label(
                        RichText::new("the version the others are compared with").color(muted),
                    );
                });
                ui.label(short(&base[first.1.start..first.1.end], usize::MAX));
                continue;
            }
            let edits: Vec<_> = diff.iter().filter(|e| e.new.doc == document.id).collect();
            if edits.is_empty() {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(name).strong());
                    ui.label(RichText::new("the same words").color(muted));
                });
                let same = document.text.get(span.start..span.end).unwrap_or_default();
                ui.label(short(same, usize::MAX));
                continue;
            }
            ui.label(RichText::new(name).strong());
            let mut job = LayoutJob::default();
            let plain = TextFormat {
                font_id: FontId::proportional(14.0),
                color: colour,
                ..TextFormat::default()
            };
            let deleted_colour = theme::deleted_text(dark);
            let inserted_colour = theme::inserted_text(dark);
            let deleted = TextFormat {
                strikethrough: Stroke::new(1.5, deleted_colour),
                color: deleted_colour,
                ..plain.clone()
            };
            let inserted = TextFormat {
                color: inserted_colour,
                underline: Stroke::new(1.0, inserted_colour),
                ..plain.clone()
            };
            for piece in inline_diff(base, first.1, &edits) {
                let (text, format) = match piece {
                    Piece::Same(text) => (short(text, usize::MAX), &plain),
                    Piece::LeftOut(text) => (text.to_owned(), &deleted),
                    Piece::Added(text) => (text.to_owned(), &inserted),
                };
                job.append(&text, 0.0, format.clone());
                job.append(" ", 0.0, plain.clone());
            }
            job.wrap.max_width = ui.available_width();
            ui.label(job);
        }
    });
}
