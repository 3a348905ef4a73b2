//! The panels around the columns: the documents, the lists of what differs (quotes, framing,
//! labels, omissions, coverage), and the word-level difference of the selected quote or fact.
//!
//! Every list here reads the comparison as it is and emits commands; clicking an entry
//! selects it, which scrolls every column to it.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Stroke};

use super::highlights::{Highlights, Share, Target};
use super::{Command, document_name, document_outlet, theme};
use crate::comparison::{Comparison, EditKind};
use crate::report::matrix::{self, Carried};

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

/// The document list: each document's outlet and date (editable), its place in the order,
/// and the inputs that could not be compared.
pub fn documents_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    edits: &mut [(String, String)],
    busy: bool,
    commands: &mut Vec<Command>,
) {
    ui.heading("Articles");
    let count = comparison.documents.len();
    for (d, (document, edit)) in comparison
        .documents
        .iter()
        .zip(edits.iter_mut())
        .enumerate()
    {
        ui.add_space(6.0);
        ui.push_id(("document", d), |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{}.", d + 1)).strong());
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
                            .desired_width(96.0),
                    )
                    .labelled_by(label.id);
                if field.lost_focus() && document.date.as_deref().unwrap_or("") != edit.1 {
                    commands.push(Command::SetDate(d, edit.1.clone()));
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
            if let Some(title) = &document.title {
                ui.label(RichText::new(title).small());
            }
            ui.label(RichText::new(&document.path).small().color(theme::MUTED));
            if let Some(source) = &document.syndicated_from {
                ui.label(
                    RichText::new(format!("Reprint of {source}"))
                        .small()
                        .color(theme::MUTED),
                );
            }
            for note in &document.notes {
                ui.label(RichText::new(note).small().color(theme::MUTED));
            }
        });
    }
    if !comparison.problems.is_empty() {
        ui.add_space(12.0);
        ui.heading("Not compared");
        for problem in &comparison.problems {
            ui.label(
                RichText::new(format!("{}: {}", problem.path, problem.message)).color(theme::ERROR),
            );
        }
    }
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
        Panel::Quotes => quotes_ui(ui, comparison, selection, &mut select),
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

/// The quote matrix: a row per quote, a column per document.
fn quotes_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    selection: Option<Target>,
    select: &mut dyn FnMut(Target),
) {
    let rows = matrix::quote_matrix(comparison);
    if rows.is_empty() {
        ui.label("No quotes found.");
        return;
    }
    ui.label(
        RichText::new("Each quote, and how each article carries it. Click a quote to line up the columns on it.")
            .small()
            .color(theme::MUTED),
    );
    let documents = &comparison.documents;
    egui::ScrollArea::horizontal().show(ui, |ui| {
        let mut table = egui_extras::TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::top_down(egui::Align::Min))
            .column(
                egui_extras::Column::initial(200.0)
                    .at_least(120.0)
                    .clip(true),
            );
        for _ in documents {
            table = table.column(
                egui_extras::Column::initial(110.0)
                    .at_least(70.0)
                    .clip(true),
            );
        }
        table
            .header(22.0, |mut header| {
                header.col(|ui| {
                    ui.strong("Quote");
                });
                for document in documents {
                    header.col(|ui| {
                        ui.strong(document_outlet(document))
                            .on_hover_text(document_name(document));
                    });
                }
            })
            .body(|body| {
                body.rows(52.0, rows.len(), |mut row| {
                    let entry = &rows[row.index()];
                    let target = match entry.group {
                        Some(g) => Target::QuoteGroup(g),
                        None => comparison
                            .quotes
                            .iter()
                            .position(|q| q.id == entry.fullest.id)
                            .map_or(Target::QuoteGroup(usize::MAX), Target::Quote),
                    };
                    row.col(|ui| {
                        let text = format!("“{}”", short(&entry.fullest.text, 90));
                        let chosen = selection == Some(target);
                        if ui
                            .selectable_label(chosen, RichText::new(text).small())
                            .on_hover_text(&entry.fullest.text)
                            .clicked()
                        {
                            select(target);
                        }
                    });
                    for cell in &entry.cells {
                        row.col(|ui| {
                            let (colour, word) = carried_style(cell.carried);
                            ui.label(RichText::new(word).color(colour).strong());
                            if let Some(quote) = cell.quote {
                                let who = quote.speaker.as_deref().unwrap_or("no speaker");
                                let verb = quote.cue.as_deref().unwrap_or("—");
                                ui.label(RichText::new(format!("{who} · {verb}")).small())
                                    .on_hover_text(&quote.text);
                            }
                        });
                    }
                });
            });
    });
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
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (f, finding) in comparison.framing.iter().enumerate() {
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
                let outlet = outlet_of(comparison, &wording.doc);
                ui.label(RichText::new(format!("  {outlet}: “{}”", wording.text)).small());
            }
            ui.add_space(6.0);
        }
    });
}

fn outlet_of(comparison: &Comparison, doc: &str) -> String {
    comparison
        .documents
        .iter()
        .find(|d| d.id == doc)
        .map_or_else(|| doc.to_owned(), document_outlet)
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
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (p, person) in comparison.labels.iter().enumerate() {
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
            let mut per_doc: Vec<(&str, Vec<&str>)> = Vec::new();
            for label in &person.labels {
                match per_doc.iter_mut().find(|(d, _)| *d == label.doc) {
                    Some((_, texts)) if texts.contains(&label.text.as_str()) => {}
                    Some((_, texts)) => texts.push(&label.text),
                    None => per_doc.push((&label.doc, vec![&label.text])),
                }
            }
            for (doc, texts) in per_doc {
                ui.label(
                    RichText::new(format!(
                        "  {}: “{}”",
                        outlet_of(comparison, doc),
                        texts.join("”, “")
                    ))
                    .small(),
                );
            }
            ui.add_space(4.0);
        }
    });
}

/// What each article carries that others leave out.
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
    let _ = highlights;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (d, document) in comparison.documents.iter().enumerate() {
            let omissions: Vec<_> = comparison
                .omissions
                .iter()
                .filter(|o| o.doc == document.id && o.quote.is_none())
                .collect();
            let heading = format!(
                "Only in some: {} sentences of {}",
                omissions.len(),
                document_outlet(document)
            );
            egui::CollapsingHeader::new(heading)
                .id_salt(("omissions", d))
                .show(ui, |ui| {
                    for omission in omissions {
                        let Some(sentence) = document.sentences.get(omission.sentence) else {
                            continue;
                        };
                        let missing: Vec<String> = omission
                            .missing_from
                            .iter()
                            .map(|m| outlet_of(comparison, m))
                            .collect();
                        if ui
                            .selectable_label(
                                false,
                                RichText::new(short(&sentence.text, 140)).small(),
                            )
                            .on_hover_text(format!("Missing from {}", missing.join(", ")))
                            .clicked()
                        {
                            select(Target::Sentence {
                                doc: d,
                                index: omission.sentence,
                            });
                        }
                        ui.label(
                            RichText::new(format!("missing from {}", missing.join(", ")))
                                .small()
                                .color(theme::MUTED),
                        );
                    }
                });
        }
    });
}

/// Per article, a strip of its sentences in order: shared, reworded, or its own.
fn coverage_ui(ui: &mut egui::Ui, comparison: &Comparison, highlights: &Highlights) {
    let dark = ui.visuals().dark_mode;
    let colour = |share: Share| match share {
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
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (document, shares) in comparison.documents.iter().zip(&highlights.shares) {
            let count = |s: Share| shares.iter().filter(|x| **x == s).count();
            ui.label(RichText::new(document_name(document)).strong());
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
            ui.add_space(8.0);
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
    let (what, diff, pieces) = match target {
        Target::QuoteGroup(g) => {
            let Some(group) = comparison.quote_groups.get(g) else {
                return;
            };
            let pieces: Vec<(String, usize, usize)> = group
                .quotes
                .iter()
                .filter_map(|id| comparison.quotes.iter().find(|q| &q.id == id))
                .map(|q| (q.doc.clone(), q.start, q.end))
                .collect();
            ("Shared quote", &group.diff, pieces)
        }
        Target::Fact(g) => {
            let Some(group) = comparison.sentence_groups.get(g) else {
                return;
            };
            let mut pieces: Vec<(String, usize, usize)> = Vec::new();
            for member in &group.members {
                let Some(sentence) = comparison
                    .documents
                    .iter()
                    .find(|d| d.id == member.doc)
                    .and_then(|d| d.sentences.get(member.sentence))
                else {
                    continue;
                };
                match pieces.last_mut() {
                    Some(last) if last.0 == member.doc => last.2 = sentence.end,
                    _ => pieces.push((member.doc.clone(), sentence.start, sentence.end)),
                }
            }
            ("Shared fact", &group.diff, pieces)
        }
        _ => return,
    };
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
    let text_of = |doc: &str| {
        comparison
            .documents
            .iter()
            .find(|d| d.id == doc)
            .map(|d| d.text.as_str())
    };
    let Some(base) = text_of(&first.0) else {
        return;
    };
    let colour = ui.visuals().text_color();
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(RichText::new(outlet_of(comparison, &first.0)).strong());
        ui.label(short(&base[first.1..first.2], usize::MAX));
        let mut seen: Vec<&str> = vec![first.0.as_str()];
        for (doc, start, end) in &pieces[1..] {
            if seen.contains(&doc.as_str()) {
                continue;
            }
            seen.push(doc);
            let edits: Vec<_> = diff.iter().filter(|e| &e.new.doc == doc).collect();
            ui.label(RichText::new(outlet_of(comparison, doc)).strong());
            if edits.is_empty() {
                let same =
                    text_of(doc).map_or(String::new(), |t| short(&t[*start..*end], usize::MAX));
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
            let mut cursor = first.1;
            for edit in edits {
                let at = edit.old.start.clamp(cursor, first.2);
                job.append(&short(&base[cursor..at], usize::MAX), 0.0, plain.clone());
                job.append(" ", 0.0, plain.clone());
                if edit.op != EditKind::Insert {
                    job.append(&edit.old.text, 0.0, deleted.clone());
                    job.append(" ", 0.0, plain.clone());
                }
                if edit.op != EditKind::Delete {
                    job.append(&edit.new.text, 0.0, inserted.clone());
                    job.append(" ", 0.0, plain.clone());
                }
                cursor = edit.old.end.clamp(at, first.2);
            }
            job.append(
                &short(&base[cursor..first.2], usize::MAX),
                0.0,
                plain.clone(),
            );
            job.wrap.max_width = ui.available_width();
            ui.label(job);
        }
    });
}
