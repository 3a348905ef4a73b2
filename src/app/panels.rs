//! The panels around the columns: the documents, the lists of what differs (quotes, framing,
//! labels, omissions, coverage), and the word-level difference of the selected quote or fact.
//!
//! Every list here reads the comparison as it is and emits commands; clicking an entry
//! selects it, which scrolls every column to it.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Stroke};

use super::highlights::{Highlights, OmissionEntry, Piece, Share, Target, inline_diff, versions};
use super::{Command, theme};
use crate::comparison::{Comparison, Document};
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
}

/// The height of one entry of the document list: every entry has the same, so the list
/// draws only the entries in view however many documents are open.
const DOCUMENT_HEIGHT: f32 = 70.0;

/// The document list: each document's outlet and date (editable), its place in the order,
/// and the inputs that could not be compared.
pub fn documents_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
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
                    document_ui(ui, d, comparison, &mut edits[d], editing, busy, commands);
                });
            }
        });
    if !problems.is_empty() {
        ui.add_space(8.0);
        ui.heading("Not compared");
        egui::ScrollArea::vertical().id_salt("problems").show_rows(
            ui,
            ui.text_style_height(&egui::TextStyle::Body),
            problems.len(),
            |ui, range| {
                for problem in &problems[range] {
                    ui.label(
                        RichText::new(format!("{}: {}", problem.path, problem.message))
                            .color(theme::ERROR),
                    )
                    .on_hover_text(&problem.message);
                }
            },
        );
    }
}

fn document_ui(
    ui: &mut egui::Ui,
    d: usize,
    comparison: &Comparison,
    edit: &mut (String, String),
    editing: &mut Option<usize>,
    busy: bool,
    commands: &mut Vec<Command>,
) {
    let document = &comparison.documents[d];
    let count = comparison.documents.len();
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
        ui.add(
            egui::Label::new(
                RichText::new(format!("{}. {}", d + 1, Document::display_name(document))).strong(),
            )
            .truncate(),
        );
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
    // Provenance: the path, and on hover the title, reprint and reading notes.
    let mut about = vec![document.path.clone()];
    about.extend(document.title.iter().cloned());
    about.extend(document.url.iter().cloned());
    if let Some(source) = &document.syndicated_from {
        about.push(format!("Reprint of {source}"));
    }
    if let Some(of) = &document.reprint_of {
        about.push(format!("Mostly copies {}", comparison.outlet_of(of)));
    }
    about.extend(document.notes.iter().cloned());
    let line = match (&document.syndicated_from, &document.reprint_of) {
        (Some(source), _) => format!("Reprint of {source} · {}", document.path),
        (None, Some(of)) => format!("Copies {} · {}", comparison.outlet_of(of), document.path),
        (None, None) => document.path.clone(),
    };
    ui.add(egui::Label::new(RichText::new(line).small().color(theme::MUTED)).truncate())
        .on_hover_text(about.join("\n"));
}

/// The side panel: a tab row, then the open view.
pub fn panel_ui(
    ui: &mut egui::Ui,
    panel: Panel,
    comparison: &Comparison,
    highlights: &Highlights,
    selection: Option<Target>,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        for option in Panel::ALL {
            if ui
                .selectable_label(option == panel, option.name())
                .clicked()
            {
                commands.push(Command::ShowPanel(Some(option)));
            }
        }
    });
    ui.separator();
    let mut select = |target: Target| commands.push(Command::Select(Some(target)));
    match panel {
        Panel::Quotes => quotes_ui(ui, comparison, highlights, selection, &mut select),
        Panel::Framing => framing_ui(ui, comparison, selection, &mut select),
        Panel::Labels => labels_ui(ui, comparison, selection, &mut select),
        Panel::Omissions => omissions_ui(ui, comparison, highlights, &mut select),
        Panel::Coverage => coverage_ui(ui, comparison, highlights),
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
    id_salt: &str,
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
                        ui.add_space(6.0);
                    });
                    *height = drawn.response.rect.height();
                }
                top += *height;
            }
            ui.data_mut(|d| d.insert_temp(id, heights));
        });
}

/// Size of the quote matrix's cells.
const QUOTE_WIDTH: f32 = 230.0;
const CELL_WIDTH: f32 = 124.0;
const ROW_HEIGHT: f32 = 46.0;
const HEADER_HEIGHT: f32 = 24.0;

/// The quote matrix: a row per quote, a column per document. A grid of fixed-size cells in
/// which only the cells in view are drawn, in both directions.
fn quotes_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    highlights: &Highlights,
    selection: Option<Target>,
    select: &mut dyn FnMut(Target),
) {
    let rows = &highlights.quote_rows;
    if rows.is_empty() {
        ui.label("No quotes found.");
        return;
    }
    ui.label(
        RichText::new(
            "Each quote, and how each article carries it. Click a quote to line up the columns on it.",
        )
        .small()
        .color(theme::MUTED),
    );
    let documents = &comparison.documents;
    #[expect(clippy::cast_precision_loss, reason = "row and column counts")]
    let size = egui::vec2(
        QUOTE_WIDTH + documents.len() as f32 * CELL_WIDTH,
        HEADER_HEIGHT + rows.len() as f32 * ROW_HEIGHT,
    );
    egui::ScrollArea::both()
        .id_salt("quote-matrix")
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            ui.set_min_size(size);
            let origin = ui.max_rect().min;
            let visible_rows = rows_in(
                viewport.min.y - HEADER_HEIGHT,
                viewport.max.y,
                ROW_HEIGHT,
                rows.len(),
            );
            let visible_docs = rows_in(
                viewport.min.x - QUOTE_WIDTH,
                viewport.max.x - QUOTE_WIDTH,
                CELL_WIDTH,
                documents.len(),
            );
            let stripe = ui.visuals().faint_bg_color;
            for r in visible_rows {
                let row = &rows[r];
                #[expect(clippy::cast_precision_loss, reason = "a row index")]
                let y = HEADER_HEIGHT + r as f32 * ROW_HEIGHT;
                if r % 2 == 1 {
                    let band = egui::Rect::from_min_size(
                        origin + egui::vec2(viewport.min.x, y),
                        egui::vec2(viewport.width(), ROW_HEIGHT),
                    );
                    ui.painter().rect_filled(band, 0.0, stripe);
                }
                for d in visible_docs.clone() {
                    let Some(&(carried, quote)) = row.cells.get(d) else {
                        continue;
                    };
                    #[expect(clippy::cast_precision_loss, reason = "a column index")]
                    let x = QUOTE_WIDTH + d as f32 * CELL_WIDTH;
                    let rect = egui::Rect::from_min_size(
                        origin + egui::vec2(x + 4.0, y + 2.0),
                        egui::vec2(CELL_WIDTH - 8.0, ROW_HEIGHT - 4.0),
                    );
                    let quote = quote.and_then(|q| comparison.quotes.get(q));
                    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                        ui.set_clip_rect(rect.intersect(ui.clip_rect()));
                        let (colour, word) = carried_style(carried);
                        ui.label(RichText::new(word).color(colour).strong());
                        if let Some(quote) = quote {
                            let who = quote.speaker.as_deref().unwrap_or("no speaker");
                            let verb = quote.cue.as_deref().unwrap_or("—");
                            ui.add(
                                egui::Label::new(RichText::new(format!("{who} · {verb}")).small())
                                    .truncate(),
                            )
                            .on_hover_text(&quote.text);
                        }
                    });
                }
                // The quote itself, kept in view on the left.
                let rect = egui::Rect::from_min_size(
                    origin + egui::vec2(viewport.min.x, y + 2.0),
                    egui::vec2(QUOTE_WIDTH - 6.0, ROW_HEIGHT - 4.0),
                );
                ui.painter().rect_filled(rect, 0.0, ui.visuals().panel_fill);
                let Some(fullest) = comparison.quotes.get(row.fullest) else {
                    continue;
                };
                let text = format!("“{}”", short(&fullest.text, 80));
                let chosen = selection == Some(row.target);
                let builder = egui::UiBuilder::new()
                    .max_rect(rect)
                    .layout(egui::Layout::top_down(egui::Align::Min));
                let clicked = ui
                    .scope_builder(builder, |ui| {
                        ui.set_clip_rect(rect.intersect(ui.clip_rect()));
                        ui.add(egui::Button::selectable(chosen, RichText::new(text).small()).wrap())
                            .on_hover_text(&fullest.text)
                            .clicked()
                    })
                    .inner;
                if clicked {
                    select(row.target);
                }
            }
            // The header, kept in view at the top.
            let header = egui::Rect::from_min_size(
                origin + viewport.min.to_vec2(),
                egui::vec2(viewport.width(), HEADER_HEIGHT),
            );
            ui.painter()
                .rect_filled(header, 0.0, ui.visuals().panel_fill);
            for d in visible_docs {
                #[expect(clippy::cast_precision_loss, reason = "a column index")]
                let x = QUOTE_WIDTH + d as f32 * CELL_WIDTH;
                let rect = egui::Rect::from_min_size(
                    origin + egui::vec2(x + 4.0, viewport.min.y),
                    egui::vec2(CELL_WIDTH - 8.0, HEADER_HEIGHT),
                );
                let document = &documents[d];
                ui.put(
                    rect,
                    egui::Label::new(RichText::new(Document::outlet_or_file(document)).strong())
                        .truncate(),
                )
                .on_hover_text(Document::display_name(document));
            }
            ui.put(
                egui::Rect::from_min_size(
                    origin + viewport.min.to_vec2(),
                    egui::vec2(QUOTE_WIDTH - 6.0, HEADER_HEIGHT),
                ),
                egui::Label::new(RichText::new("Quote").strong()),
            );
        });
}

/// The indices of fixed-size items of `step` that fall in `from..to`.
fn rows_in(from: f32, to: f32, step: f32, count: usize) -> std::ops::Range<usize> {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to the item count"
    )]
    let at = |y: f32| ((y / step).floor().max(0.0) as usize).min(count);
    at(from)..(at(to) + 1).min(count)
}

fn carried_style(carried: Carried) -> (Color32, &'static str) {
    let colour = match carried {
        Carried::Whole => theme::INSERTED,
        Carried::Trimmed => theme::FRAMING,
        Carried::Altered => theme::DELETED,
        Carried::Absent => theme::MUTED,
    };
    (colour, carried.describe())
}

/// The framing findings, most telling first.
fn framing_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    selection: Option<Target>,
    select: &mut dyn FnMut(Target),
) {
    if comparison.framing.is_empty() {
        ui.label("No framing differences found.");
        return;
    }
    virtual_list(ui, "framing", comparison.framing.len(), 90.0, |ui, f| {
        let finding = &comparison.framing[f];
        let target = Target::Framing(f);
        let title = format!("{} · {}", finding.concept, finding.kind);
        if ui
            .selectable_label(selection == Some(target), RichText::new(title).strong())
            .on_hover_text("Show it in every column")
            .clicked()
        {
            select(target);
        }
        ui.label(RichText::new(&finding.note).small());
        for wording in &finding.variants {
            let outlet = comparison.outlet_of(&wording.doc);
            ui.label(RichText::new(format!("  {outlet}: “{}”", wording.text)).small());
        }
    });
}

/// How each article describes each person.
fn labels_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    selection: Option<Target>,
    select: &mut dyn FnMut(Target),
) {
    if comparison.labels.is_empty() {
        ui.label("No labelled people found.");
        return;
    }
    virtual_list(ui, "labels", comparison.labels.len(), 60.0, |ui, p| {
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
            ui.label(
                RichText::new(format!(
                    "  {}: “{}”",
                    comparison.outlet_of(doc),
                    texts.join("”, “")
                ))
                .small(),
            );
        }
    });
}

/// What each article carries that others leave out: per article, a heading, then its
/// sentences that some other article does not carry.
fn omissions_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    highlights: &Highlights,
    select: &mut dyn FnMut(Target),
) {
    if comparison.documents.len() < 2 {
        ui.label("Open two articles or more to see what each leaves out.");
        return;
    }
    let entries = &highlights.omission_entries;
    virtual_list(
        ui,
        "omissions",
        entries.len(),
        40.0,
        |ui, e| match entries[e] {
            OmissionEntry::Heading { doc, count } => {
                ui.add_space(4.0);
                ui.label(
                    RichText::new(format!(
                        "Only in some: {count} sentences of {}",
                        Document::outlet_or_file(&comparison.documents[doc])
                    ))
                    .strong(),
                );
            }
            OmissionEntry::Sentence { doc, omission } => {
                let omission = &comparison.omissions[omission];
                let Some(sentence) = comparison.documents[doc].sentences.get(omission.sentence)
                else {
                    return;
                };
                if ui
                    .selectable_label(false, RichText::new(short(&sentence.text, 140)).small())
                    .on_hover_text("Show it in its column")
                    .clicked()
                {
                    select(Target::Sentence {
                        doc,
                        index: omission.sentence,
                    });
                }
                ui.label(
                    RichText::new(format!(
                        "missing from {}",
                        comparison.missing_from_names(omission)
                    ))
                    .small()
                    .color(theme::MUTED),
                );
            }
        },
    );
}

/// Per article, a strip of its sentences in order: shared, reworded, or its own.
fn coverage_ui(ui: &mut egui::Ui, comparison: &Comparison, highlights: &Highlights) {
    let dark = ui.visuals().dark_mode;
    let colour = move |share: Share| match share {
        Share::Shared => theme::INSERTED,
        Share::Altered => theme::FRAMING,
        Share::Unique => {
            if dark {
                Color32::from_gray(80)
            } else {
                Color32::from_gray(200)
            }
        }
    };
    ui.horizontal_wrapped(|ui| {
        for (share, name) in [
            (Share::Shared, "shared"),
            (Share::Altered, "reworded"),
            (Share::Unique, "only here"),
        ] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour(share));
            ui.label(name);
        }
    });
    ui.add_space(6.0);
    let count = comparison.documents.len().min(highlights.shares.len());
    virtual_list(ui, "coverage", count, 60.0, |ui, d| {
        let document = &comparison.documents[d];
        let shares = &highlights.shares[d];
        let count = |s: Share| shares.iter().filter(|x| **x == s).count();
        ui.label(RichText::new(Document::display_name(document)).strong());
        ui.label(format!(
            "{} sentences: {} shared, {} reworded, {} only here",
            shares.len(),
            count(Share::Shared),
            count(Share::Altered),
            count(Share::Unique)
        ));
        let width = ui.available_width();
        let (rect, _) = ui.allocate_exact_size(egui::vec2(width, 14.0), egui::Sense::hover());
        #[expect(clippy::cast_precision_loss, reason = "sentence counts")]
        let step = width / shares.len().max(1) as f32;
        for (k, share) in shares.iter().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "sentence counts")]
            let x = rect.left() + k as f32 * step;
            let cell = egui::Rect::from_min_max(
                egui::pos2(x, rect.top()),
                egui::pos2((x + step - 1.0).max(x + 1.0), rect.bottom()),
            );
            ui.painter().rect_filled(cell, 0.0, colour(*share));
        }
    });
}

/// The selected quote's or fact's versions, with what each document changed against the
/// first: words left out struck through, words added or changed in colour.
pub fn difference_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    target: Target,
    commands: &mut Vec<Command>,
) {
    let (what, diff) = match target {
        Target::QuoteGroup(g) => match comparison.quote_groups.get(g) {
            Some(group) => ("Shared quote", &group.diff),
            None => return,
        },
        Target::Fact(g) => match comparison.sentence_groups.get(g) {
            Some(group) => ("Shared fact", &group.diff),
            None => return,
        },
        _ => return,
    };
    let pieces = versions(comparison, target);
    ui.horizontal(|ui| {
        ui.strong(format!("{what}: what each article changed"));
        ui.label(
            RichText::new("struck: left out · coloured: added or changed")
                .small()
                .color(theme::MUTED),
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
        ui.label(RichText::new(comparison.outlet_of(&first.0)).strong());
        ui.label(short(&base[first.1.start..first.1.end], usize::MAX));
        let mut seen: Vec<&str> = vec![first.0.as_str()];
        for (doc, span) in &pieces[1..] {
            if seen.contains(&doc.as_str()) {
                continue;
            }
            seen.push(doc);
            let edits: Vec<_> = diff.iter().filter(|e| &e.new.doc == doc).collect();
            ui.label(RichText::new(comparison.outlet_of(doc)).strong());
            if edits.is_empty() {
                let same = comparison.text_of(doc).map_or(String::new(), |t| {
                    short(&t[span.start..span.end], usize::MAX)
                });
                ui.label(same);
                ui.label(RichText::new("the same words").small().color(theme::MUTED));
                continue;
            }
            let mut job = LayoutJob::default();
            let plain = TextFormat {
                font_id: FontId::proportional(14.0),
                color: colour,
                ..TextFormat::default()
            };
            let deleted = TextFormat {
                strikethrough: Stroke::new(1.5, theme::DELETED),
                color: theme::DELETED,
                ..plain.clone()
            };
            let inserted = TextFormat {
                color: theme::INSERTED,
                underline: Stroke::new(1.0, theme::INSERTED),
                ..plain.clone()
            };
            for piece in inline_diff(base, first.1, &edits) {
                match piece {
                    Piece::Same(text) => {
                        job.append(&short(text, usize::MAX), 0.0, plain.clone());
                        job.append(" ", 0.0, plain.clone());
                    }
                    Piece::LeftOut(text) => {
                        job.append(text, 0.0, deleted.clone());
                        job.append(" ", 0.0, plain.clone());
                    }
                    Piece::Added(text) => {
                        job.append(text, 0.0, inserted.clone());
                        job.append(" ", 0.0, plain.clone());
                    }
                }
            }
            job.wrap.max_width = ui.available_width();
            ui.label(job);
        }
    });
}
