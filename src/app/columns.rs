//! The article columns: one per document, laid out once and drawn a screenful at a time.
//!
//! Each paragraph becomes one galley (egui's laid-out text) with its highlights baked in as
//! text formats. Galleys are built when something they show changes (the comparison, the
//! selection, the find query, the theme, the column width), never per frame; a frame only
//! places the rows inside the visible part of the column, so its cost does not grow with the
//! length of the articles. Columns outside the window's horizontal view are not drawn at all.
//!
//! Scrolling one column moves the others along the alignment: the places the two documents
//! share (facts and quotes) are anchors, and the other column's offset is interpolated between
//! the anchors around the reading line.

use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Stroke, Vec2};

use super::highlights::{self, Highlights, MarkKind, Target};
use super::{panels, theme};
use crate::analysis::clean::Role;
use crate::analysis::segment::Span;
use crate::comparison::{Comparison, Document};

/// Where, from the top of a column's view, the thing scrolled to is put (a fraction of the
/// view's height): a little below the top, so the lines before it give context.
const READING_LINE: f32 = 0.25;

/// A column scrolled out of sight keeps its laid-out text (so it still follows the others)
/// unless its article is longer than this: laid-out text takes about 200 bytes a character, so
/// a 10 MB article held 2.4 GB whether it was on screen or not.
const KEEP_LAID_OUT_BYTES: usize = 512 * 1024;

/// What a column's galleys were built for: when any of it changes, they are rebuilt.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Look {
    width: f32,
    /// Bumped by the app whenever highlights, selection, find or settings change.
    generation: u64,
    dark: bool,
}

/// One laid-out row: a paragraph or a removed line.
struct LaidRow {
    galley: Arc<Galley>,
    top: f32,
    /// The source byte of each character of the galley's text (paragraphs only).
    bytes: Vec<usize>,
    /// The paragraph's byte range; empty for a removed line.
    span: Span,
    removed: Option<&'static str>,
}

impl LaidRow {
    fn height(&self) -> f32 {
        self.galley.size().y + theme::PARAGRAPH_GAP
    }

    /// The source byte under a point of the galley.
    fn byte_at(&self, local: Vec2) -> Option<usize> {
        let cursor = self.galley.cursor_from_pos(local);
        let last = self.bytes.len().checked_sub(1)?;
        self.bytes.get(cursor.index.0.min(last)).copied()
    }

    /// The height of byte `at` inside the row.
    fn y_of(&self, at: usize) -> f32 {
        let index = self.bytes.partition_point(|&b| b < at);
        self.top + self.galley.pos_from_cursor(CCursor::new(index)).min.y
    }
}

/// One column's laid-out text and scroll state.
#[derive(Default)]
pub struct Column {
    look: Option<Look>,
    rows: Vec<LaidRow>,
    height: f32,
    /// The scroll offset seen on the last frame, and the view's height.
    pub offset: f32,
    viewport: f32,
    /// An offset to apply on the next frame.
    scroll_to: Option<f32>,
    /// A byte to scroll to once the column is laid out (it was off screen when asked).
    place: Option<usize>,
}

impl Column {
    /// The height of byte `at` of the document in this column, once laid out.
    fn y_of(&self, at: usize) -> Option<f32> {
        let paragraphs = self.rows.iter().filter(|r| r.removed.is_none());
        let row = paragraphs
            .take_while(|r| r.span.start <= at)
            .last()
            .or_else(|| self.rows.iter().find(|r| r.removed.is_none()))?;
        Some(row.y_of(at))
    }

    /// Scrolls so that byte `at` sits on the reading line, on the next frame.
    fn scroll_to_byte(&mut self, at: usize) {
        if !self.is_laid_out() {
            self.place = Some(at);
        } else if let Some(y) = self.y_of(at) {
            self.scroll_to = Some((y - self.viewport * READING_LINE).max(0.0));
        }
    }

    /// Lets go of the laid-out text (it is laid out again when next on screen, where it was).
    fn forget(&mut self) {
        if self.look.take().is_some() {
            self.rows = Vec::new();
        }
    }

    /// Whether the column has been laid out (it has, once it has been on screen).
    #[must_use]
    pub fn is_laid_out(&self) -> bool {
        self.look.is_some()
    }

    /// The source byte ranges of the paragraphs drawn in the current view.
    #[must_use]
    pub fn visible(&self) -> Vec<Span> {
        let top = self.offset;
        let bottom = self.offset + self.viewport;
        self.rows
            .iter()
            .filter(|r| r.removed.is_none() && r.top < bottom && r.top + r.height() > top)
            .map(|r| r.span)
            .collect()
    }
}

/// What the columns need to know to draw: the comparison and what is marked in it.
pub struct View<'a> {
    pub comparison: &'a Comparison,
    pub highlights: &'a Highlights,
    /// Per document, the stretches of the selected target.
    pub focus: &'a [Vec<Span>],
    /// Per document, the find matches; and the current match (document, span).
    pub found: &'a [Vec<Span>],
    pub current_found: Option<(usize, Span)>,
    pub show_removed: bool,
    pub generation: u64,
    /// The documents shown as columns, in order: all of them, or the ones the reader pinned.
    pub shown: &'a [usize],
    /// Bumped when another set of articles is compared: scroll positions start afresh.
    pub epoch: u64,
    /// Scroll the row of columns sideways so this document's column is in view.
    pub reveal: Option<usize>,
}

/// What happened in the columns this frame.
#[derive(Default)]
pub struct Events {
    /// A highlighted stretch was clicked.
    pub clicked: Option<Target>,
    /// The column the user scrolled by hand.
    pub scrolled: Option<usize>,
    /// The documents whose columns are in view, in order.
    pub in_view: Vec<usize>,
}

/// Scrolls every column to where `target` is in its document.
pub fn scroll_to_target(columns: &mut [Column], comparison: &Comparison, target: Target) {
    for (column, place) in columns
        .iter_mut()
        .zip(highlights::places(comparison, target))
    {
        if let Some(place) = place {
            column.scroll_to_byte(place);
        }
    }
}

/// Scrolls column `doc` to byte `at`.
pub fn scroll_column(columns: &mut [Column], doc: usize, at: usize) {
    if let Some(column) = columns.get_mut(doc) {
        column.scroll_to_byte(at);
    }
}

/// Moves every other column along with column `leader`, through the anchors both documents
/// share. A column with no anchor in common stays where it is.
pub fn follow(columns: &mut [Column], highlights: &Highlights, leader: usize) {
    let Some(lead) = columns.get(leader) else {
        return;
    };
    let reading = lead.offset + lead.viewport * READING_LINE;
    for other in 0..columns.len() {
        if other == leader || !columns[other].is_laid_out() {
            continue;
        }
        let pairs: Vec<(f32, f32)> = highlights
            .anchors(leader, other)
            .into_iter()
            .filter_map(|(a, b)| Some((columns[leader].y_of(a)?, columns[other].y_of(b)?)))
            .collect();
        let Some(y) = interpolate(&pairs, reading) else {
            continue;
        };
        let column = &mut columns[other];
        let max = (column.height - column.viewport).max(0.0);
        let target = (y - column.viewport * READING_LINE).clamp(0.0, max);
        if (target - column.offset).abs() > 0.5 {
            column.scroll_to = Some(target);
        }
    }
}

/// The height in the other column matching height `y` of the leading one, along `pairs`
/// (sorted by the leader's height): exact at an anchor, linear between two, shifted like the
/// nearest anchor beyond the ends.
fn interpolate(pairs: &[(f32, f32)], y: f32) -> Option<f32> {
    let first = pairs.first()?;
    let after = pairs.partition_point(|p| p.0 <= y);
    if after == 0 {
        return Some(y - first.0 + first.1);
    }
    let (a0, b0) = pairs[after - 1];
    match pairs.get(after) {
        Some(&(a1, b1)) if a1 > a0 => Some(b0 + (y - a0) / (a1 - a0) * (b1 - b0)),
        _ => Some(y - a0 + b0),
    }
}

/// Draws the columns side by side, the ones in view only. They share the width down to a
/// readable measure ([`theme::MIN_COLUMN_WIDTH`]); past that the row of columns scrolls
/// sideways, with a solid scroll bar.
pub fn columns_ui(ui: &mut egui::Ui, columns: &mut [Column], view: &View<'_>) -> Events {
    let mut events = Events::default();
    let count = view.shown.len();
    if count == 0 {
        return events;
    }
    // Solid scroll bars, drawn whether or not the pointer is near: a reader must see that
    // there is more to the side.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    let spacing = ui.spacing().item_spacing.x;
    let bar = ui.spacing().scroll.bar_width
        + ui.spacing().scroll.bar_inner_margin
        + ui.spacing().scroll.bar_outer_margin;
    #[expect(
        clippy::cast_precision_loss,
        reason = "a handful of columns, far below f32's exact range"
    )]
    let n = count as f32;
    let available = ui.available_width();
    let width = ((available - (n - 1.0) * spacing) / n).max(theme::MIN_COLUMN_WIDTH);
    let stride = width + spacing;
    let fits = width * n + (n - 1.0) * spacing <= available + 0.5;
    let height = ui.available_height() - if fits { 0.0 } else { bar };
    #[expect(clippy::cast_precision_loss, reason = "a column's place")]
    let left = |k: usize| k as f32 * stride;
    let mut area = egui::ScrollArea::horizontal()
        .id_salt(("columns", view.epoch))
        .auto_shrink(false)
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded);
    if let Some(k) = view
        .reveal
        .and_then(|doc| view.shown.iter().position(|&d| d == doc))
    {
        area = area.horizontal_scroll_offset(left(k));
    }
    area.show_viewport(ui, |ui, viewport| {
        ui.set_min_size(egui::vec2(n * stride - spacing, height));
        let origin = ui.max_rect().min;
        let in_sight = |k: usize| left(k) + width >= viewport.min.x && left(k) <= viewport.max.x;
        // Long articles out of sight let go of their text first, so that the memory is there
        // for the one coming into view.
        for (d, (document, column)) in view
            .comparison
            .documents
            .iter()
            .zip(&mut *columns)
            .enumerate()
        {
            let showing = view
                .shown
                .iter()
                .position(|&s| s == d)
                .is_some_and(in_sight);
            if !showing && document.text.len() > KEEP_LAID_OUT_BYTES {
                column.forget();
            }
        }
        for (k, &d) in view.shown.iter().enumerate() {
            if !in_sight(k) {
                continue;
            }
            let (Some(document), Some(column)) =
                (view.comparison.documents.get(d), columns.get_mut(d))
            else {
                continue;
            };
            // Wholly in view: the overview outlines it.
            if left(k) >= viewport.min.x - 1.0 && left(k) + width <= viewport.max.x + 1.0 {
                events.in_view.push(d);
            }
            let rect = egui::Rect::from_min_size(
                origin + egui::vec2(left(k), 0.0),
                egui::vec2(width, height),
            );
            let builder = egui::UiBuilder::new()
                .max_rect(rect)
                .id_salt(("column", view.epoch, d))
                .layout(egui::Layout::top_down(egui::Align::Min));
            ui.scope_builder(builder, |ui| {
                column_ui(ui, d, document, column, view, width - bar, &mut events);
            });
            if k + 1 < count {
                let line_x = rect.right() + spacing / 2.0;
                ui.painter().vline(
                    line_x,
                    rect.y_range(),
                    ui.visuals().widgets.noninteractive.bg_stroke,
                );
            }
        }
    });
    events
}

fn column_ui(
    ui: &mut egui::Ui,
    d: usize,
    document: &Document,
    column: &mut Column,
    view: &View<'_>,
    text_width: f32,
    events: &mut Events,
) {
    header_ui(
        ui,
        d,
        document,
        view.highlights,
        view.found.get(d).map_or(0, Vec::len),
    );
    ui.separator();
    let look = Look {
        width: text_width.max(50.0),
        generation: view.generation,
        dark: ui.visuals().dark_mode,
    };
    if column.look != Some(look) {
        lay_out(ui, d, document, column, view, look);
        if let Some(at) = column.place.take() {
            column.scroll_to_byte(at);
        }
    }
    let mut area = egui::ScrollArea::vertical()
        .id_salt(("column-scroll", view.epoch, d))
        .auto_shrink(false);
    let set = column.scroll_to.take();
    if let Some(y) = set {
        area = area.vertical_scroll_offset(y);
    }
    let output = area.show_viewport(ui, |ui, viewport| {
        ui.set_min_size(egui::vec2(text_width, column.height));
        let origin = ui.max_rect().min;
        let first = column
            .rows
            .partition_point(|r| r.top + r.height() < viewport.min.y);
        for row in column.rows[first..]
            .iter()
            .take_while(|r| r.top <= viewport.max.y)
        {
            let rect =
                egui::Rect::from_min_size(origin + egui::vec2(0.0, row.top), row.galley.size());
            let label = egui::Label::new(row.galley.clone())
                .selectable(false)
                .sense(egui::Sense::click());
            let response = ui.put(rect, label);
            if let Some(reason) = row.removed {
                response.on_hover_text(format!("Removed as page furniture: {reason}"));
                continue;
            }
            let Some(pointer) = response.hover_pos() else {
                continue;
            };
            let Some(at) = row.byte_at(pointer - rect.min) else {
                continue;
            };
            let marks: Vec<MarkKind> = view.highlights.at(d, at).map(|m| m.kind).collect();
            if marks.is_empty() {
                continue;
            }
            let clicked = response.clicked();
            response
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_ui(|ui| marks_tooltip_ui(ui, view.comparison, view.highlights, &marks));
            if clicked {
                events.clicked = marks.iter().find_map(|m| match m {
                    MarkKind::Quote(g) => Some(Target::QuoteGroup(*g)),
                    MarkKind::Fact(g) => Some(Target::Fact(*g)),
                    MarkKind::Framing(_) => None,
                });
                if events.clicked.is_none()
                    && let Some(MarkKind::Framing(f)) = marks.first()
                {
                    events.clicked = Some(Target::Framing(*f));
                }
            }
        }
    });
    let offset = output.state.clamped_offset().y;
    column.viewport = output.inner_rect.height();
    if set.is_none() && (offset - column.offset).abs() > 0.5 {
        events.scrolled = Some(d);
    }
    column.offset = offset;
}

/// A column's head: the article's number and name, its date, and where it comes from.
fn header_ui(
    ui: &mut egui::Ui,
    d: usize,
    document: &Document,
    highlights: &Highlights,
    found: usize,
) {
    let muted = theme::muted(ui.visuals().dark_mode);
    ui.horizontal(|ui| {
        ui.add(
            egui::Label::new(
                egui::RichText::new(highlights.names.numbered(d))
                    .size(theme::HEADER_SIZE)
                    .strong(),
            )
            .truncate(),
        )
        .on_hover_text(document.title.as_deref().unwrap_or(&document.path));
        if found > 0 {
            ui.label(
                egui::RichText::new(format!("{found} found"))
                    .background_color(theme::FOUND)
                    .color(Color32::BLACK),
            );
        }
    });
    let mut about = Vec::new();
    about.extend(document.date.clone());
    if let Some(from) = &document.syndicated_from {
        about.push(format!("reprint of {from}"));
    }
    if !about.is_empty() {
        ui.label(egui::RichText::new(about.join(" · ")).color(muted));
    }
}

/// The tooltip over a highlighted stretch: what it is and how the others word it.
fn marks_tooltip_ui(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    highlights: &Highlights,
    marks: &[MarkKind],
) {
    ui.set_max_width(380.0);
    for mark in marks {
        match *mark {
            MarkKind::Quote(g) => {
                let Some(group) = comparison.quote_groups.get(g) else {
                    continue;
                };
                ui.label(egui::RichText::new(format!("Shared quote {}", g + 1)).strong());
                ui.label(carried_by(group.sources));
                ui.label("Click to line up every article on it and see what each changed.");
            }
            MarkKind::Fact(g) => {
                let Some(group) = comparison.sentence_groups.get(g) else {
                    continue;
                };
                ui.label(egui::RichText::new(format!("Shared fact {}", g + 1)).strong());
                ui.label(carried_by(group.sources));
                ui.label("Click to line up every article on it and see what each changed.");
            }
            MarkKind::Framing(f) => {
                let Some(finding) = comparison.framing.get(f) else {
                    continue;
                };
                ui.label(
                    egui::RichText::new(format!(
                        "{} · {}",
                        finding.concept,
                        finding.kind.reader_name()
                    ))
                    .strong(),
                );
                panels::framing_wordings_ui(ui, finding, &highlights.names);
            }
        }
        ui.add_space(4.0);
    }
}

/// "Reported by 3 sources" (a reprint counts with its original).
fn carried_by(sources: usize) -> String {
    if sources == 1 {
        "Reported by one source (the others are reprints of it)".to_owned()
    } else {
        format!("Reported by {sources} sources")
    }
}

/// The style of one character: which highlights cover it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Style {
    quote: Option<usize>,
    fact: Option<usize>,
    framing: bool,
    focus: bool,
    found: bool,
    current: bool,
}

/// Builds every row's galley for `look`.
fn lay_out(
    ui: &egui::Ui,
    d: usize,
    document: &Document,
    column: &mut Column,
    view: &View<'_>,
    look: Look,
) {
    let visuals = ui.visuals();
    let text_colour = visuals.text_color();
    let strong_colour = visuals.strong_text_color();
    let marks = view.highlights.marks.get(d).map_or(&[][..], Vec::as_slice);
    let focus = view.focus.get(d).map_or(&[][..], Vec::as_slice);
    let found = view.found.get(d).map_or(&[][..], Vec::as_slice);
    let marked = Marked {
        marks,
        focus,
        found,
        current: view
            .current_found
            .filter(|(doc, _)| *doc == d)
            .map(|(_, span)| span),
    };

    // Paragraphs and removed lines in source order (a removed line before a paragraph on the
    // same line cannot happen: a line is one or the other).
    let mut items: Vec<(usize, Item)> = document
        .paragraphs
        .iter()
        .enumerate()
        .map(|(k, p)| (p.first_line, Item::Paragraph(k)))
        .collect();
    if view.show_removed {
        items.extend(
            document
                .removed
                .iter()
                .enumerate()
                .map(|(k, r)| (r.line, Item::Removed(k))),
        );
    }
    items.sort_by_key(|&(line, _)| line);

    let mut rows = Vec::with_capacity(items.len());
    let mut top = 0.0;
    for (_, item) in items {
        let row = match item {
            Item::Removed(k) => {
                let removed = &document.removed[k];
                let job = LayoutJob::simple(
                    removed.text.clone(),
                    FontId::proportional(theme::REMOVED_SIZE),
                    theme::REMOVED,
                    look.width,
                );
                LaidRow {
                    galley: ui.fonts_mut(|f| f.layout_job(job)),
                    top,
                    bytes: Vec::new(),
                    span: Span { start: 0, end: 0 },
                    removed: Some(removed.reason.describe()),
                }
            }
            Item::Paragraph(k) => {
                let paragraph = &document.paragraphs[k];
                let (font, colour, italics) = match paragraph.role {
                    Role::Title => (
                        FontId::proportional(theme::TITLE_SIZE),
                        strong_colour,
                        false,
                    ),
                    Role::Subheading => (
                        FontId::proportional(theme::SUBHEADING_SIZE),
                        strong_colour,
                        false,
                    ),
                    Role::Standfirst => (FontId::proportional(theme::BODY_SIZE), text_colour, true),
                    Role::Body => (FontId::proportional(theme::BODY_SIZE), text_colour, false),
                };
                let base = TextFormat {
                    font_id: font,
                    color: colour,
                    italics,
                    ..TextFormat::default()
                };
                let span = Span {
                    start: paragraph.start,
                    end: paragraph.end,
                };
                let (job, bytes) = paragraph_job(&document.text, span, &marked, &base, look);
                LaidRow {
                    galley: ui.fonts_mut(|f| f.layout_job(job)),
                    top,
                    bytes,
                    span,
                    removed: None,
                }
            }
        };
        top += row.height();
        rows.push(row);
    }
    column.rows = rows;
    column.height = top;
    column.look = Some(look);
}

#[derive(Clone, Copy)]
enum Item {
    Paragraph(usize),
    Removed(usize),
}

/// The highlights of one document, as sorted spans.
struct Marked<'a> {
    marks: &'a [highlights::Mark],
    focus: &'a [Span],
    found: &'a [Span],
    current: Option<Span>,
}

fn covers(spans: &[Span], at: usize) -> bool {
    let before = spans.partition_point(|s| s.start <= at);
    spans[..before].iter().rev().any(|s| s.end > at)
}

/// One paragraph as a layout job, runs of white space squeezed to one space, each character
/// styled by what covers its source byte. Returns the job and each character's source byte.
fn paragraph_job(
    text: &str,
    span: Span,
    marked: &Marked<'_>,
    base: &TextFormat,
    look: Look,
) -> (LayoutJob, Vec<usize>) {
    let mut job = LayoutJob::default();
    job.wrap.max_width = look.width;
    let mut bytes = Vec::new();
    let mut run = String::new();
    let mut run_style: Option<Style> = None;
    let mut last_space = true;
    let body = &text[span.start..span.end];
    for (i, c) in body.char_indices() {
        let at = span.start + i;
        let c = if c.is_whitespace() {
            if last_space {
                continue;
            }
            last_space = true;
            ' '
        } else {
            last_space = false;
            c
        };
        let style = style_at(marked, at);
        if run_style != Some(style) {
            if let Some(previous) = run_style {
                job.append(&run, 0.0, format(base, previous, look.dark));
            }
            run.clear();
            run_style = Some(style);
        }
        run.push(c);
        bytes.push(at);
    }
    if run.ends_with(' ') {
        run.pop();
        bytes.pop();
    }
    if let Some(style) = run_style
        && !run.is_empty()
    {
        job.append(&run, 0.0, format(base, style, look.dark));
    }
    if job.sections.is_empty() {
        job.append(" ", 0.0, base.clone());
        bytes.push(span.start);
    }
    (job, bytes)
}

fn style_at(marked: &Marked<'_>, at: usize) -> Style {
    let mut style = Style::default();
    let before = marked.marks.partition_point(|m| m.start <= at);
    for mark in marked.marks[..before].iter().filter(|m| m.end > at) {
        match mark.kind {
            MarkKind::Quote(g) => style.quote = Some(g),
            MarkKind::Fact(g) => style.fact = style.fact.or(Some(g)),
            MarkKind::Framing(_) => style.framing = true,
        }
    }
    style.focus = covers(marked.focus, at);
    style.found = covers(marked.found, at);
    style.current = marked.current.is_some_and(|s| s.start <= at && at < s.end);
    style
}

fn format(base: &TextFormat, style: Style, dark: bool) -> TextFormat {
    let mut format = base.clone();
    let group = style.quote.map(|g| 2 * g).or(style.fact.map(|g| 2 * g + 1));
    if let Some(n) = group {
        format.background = theme::group_colour(n, dark, style.focus);
    } else if style.focus {
        format.background = theme::group_colour(0, dark, true);
    }
    if style.focus {
        format.underline = Stroke::new(1.5, format.color);
    }
    if style.framing {
        format.underline = Stroke::new(2.0, theme::FRAMING);
    }
    if style.found || style.current {
        format.background = theme::found(style.current);
        format.color = Color32::BLACK;
    }
    format
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolation_follows_the_anchors() {
        let pairs = [(100.0, 300.0), (200.0, 500.0)];
        assert_eq!(interpolate(&pairs, 150.0), Some(400.0));
        assert_eq!(
            interpolate(&pairs, 50.0),
            Some(250.0),
            "before: like the first"
        );
        assert_eq!(
            interpolate(&pairs, 260.0),
            Some(560.0),
            "after: like the last"
        );
        assert_eq!(interpolate(&[], 10.0), None);
    }
}
