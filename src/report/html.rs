//! The HTML report: one self-contained page that reads like the app.
//!
//! The documents stand side by side with shared quotes and facts coloured alike and framing
//! wordings underlined (the other outlets' wordings in the tooltip), followed by the word-level
//! changes of every shared quote and fact, the quote matrix, the framing differences, the
//! labels per person, the omissions and each document's provenance.
//!
//! The page is built with `maud`, a typed HTML builder that escapes every piece of text and
//! every attribute value it is given, so article text can never become markup: an article
//! that contains `<script>` shows it as text. Beyond that, a Content-Security-Policy forbids
//! scripts and every request (the CSS is inline, the fonts are the system's, there are no
//! images and no links out), so the file opens offline and tells no server it was opened. A
//! print stylesheet keeps the colours and lays the page out for paper ("Save as PDF").

use std::fmt::Write;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::highlights::{Highlights, Piece, Target, inline_diff, versions};
use crate::analysis::clean::Role;
use crate::analysis::segment::Span;
use crate::comparison::{Comparison, FramingDifference, ReaderNames, WordEdit};

/// Renders the HTML report.
#[must_use]
pub fn render(comparison: &Comparison) -> String {
    let highlights = Highlights::new(comparison);
    page(comparison, &highlights).into_string()
}

/// The golden angle as a fraction of the circle: group colours walk round the hue circle by it,
/// as in the app, so neighbouring groups never look alike.
const GOLDEN: f64 = 0.381_966;

/// The page's own style sheet (no article text goes in here).
const STYLE: &str = r#"
:root { color-scheme: light dark; --muted: #6b6b6b; --rule: #d8d8d8; --ins: #1f7a3c; --del: #b3261e; --frame: #d9730d; }
@media (prefers-color-scheme: dark) { :root { --muted: #a0a0a0; --rule: #444; --ins: #5cc47c; --del: #f08070; } }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Ubuntu, Cantarell, sans-serif; margin: 0 auto; padding: 1.5rem; max-width: 120rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.muted, .provenance { color: var(--muted); font-size: .85rem; }
nav a { margin-right: .8rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.columns { display: grid; grid-template-columns: repeat(var(--n), minmax(18rem, 1fr)); gap: 1.5rem; overflow-x: auto; }
.article { border-top: 3px solid var(--rule); padding-top: .4rem; min-width: 0; }
.article h3 { margin-top: 0; }
.article .title { font-size: 1.3rem; font-weight: 600; line-height: 1.3; }
.article .standfirst { font-style: italic; }
.article .subheading { font-weight: 600; }
.removed { color: var(--muted); font-size: .8rem; }
u.framing { text-decoration: underline 2px var(--frame); text-underline-offset: 3px; }
del { color: var(--del); text-decoration: line-through 1.5px; }
ins { color: var(--ins); text-decoration: underline 1px; }
.carried { color: var(--ins); font-weight: 600; }
.trimmed { color: var(--frame); font-weight: 600; }
.altered { color: var(--del); font-weight: 600; }
.absent { color: var(--muted); }
.legend span { padding: 0 .3rem; margin-right: .5rem; }
.problem { color: var(--del); }
.version { margin: .2rem 0 .2rem 1rem; }
@media print {
  body { font-size: 9.5pt; padding: 0; max-width: none; }
  nav { display: none; }
  .columns { overflow: visible; grid-template-columns: repeat(var(--n), 1fr); gap: .8rem; }
  p, li, tr, .version { break-inside: avoid; }
  h2 { break-after: avoid; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"#;

/// The colour rules of every group the page uses: `.gN` for group N, light and dark.
fn group_style(highlights: &Highlights) -> String {
    let mut used: Vec<usize> = highlights
        .marks
        .iter()
        .flatten()
        .filter_map(|m| match m.kind {
            super::highlights::MarkKind::Quote(g) => Some(2 * g),
            super::highlights::MarkKind::Fact(g) => Some(2 * g + 1),
            super::highlights::MarkKind::Framing(_) => None,
        })
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut light = String::new();
    let mut dark = String::new();
    for n in used {
        #[expect(
            clippy::cast_precision_loss,
            reason = "only the fractional part of the product matters"
        )]
        let hue = ((n as f64 * GOLDEN).fract() * 360.0).round();
        let _ = writeln!(light, ".g{n} {{ background: hsl({hue} 80% 88%); }}");
        let _ = writeln!(dark, ".g{n} {{ background: hsl({hue} 40% 28%); }}");
    }
    format!("{light}@media (prefers-color-scheme: dark) {{\n{dark}}}\n@media print {{\n{light}}}\n")
}

fn page(comparison: &Comparison, highlights: &Highlights) -> Markup {
    let count = comparison.documents.len();
    let names = ReaderNames::new(&comparison.documents);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy"
                    content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(comparison.generator);
                title { "Parallax comparison: " (titles(&names)) }
                style { (PreEscaped(STYLE)) (PreEscaped(group_style(highlights))) }
            }
            body {
                header {
                    h1 { "Parallax comparison" }
                    p.muted {
                        (count) " article" @if count != 1 { "s" } " compared · "
                        (comparison.quote_groups.len()) " shared quotes · "
                        (comparison.sentence_groups.len()) " shared facts · "
                        (comparison.framing.len()) " framing differences · generated by "
                        (comparison.generator)
                    }
                    nav {
                        a href="#documents" { "Articles" }
                        a href="#side-by-side" { "Side by side" }
                        a href="#changes" { "Word changes" }
                        a href="#quotes" { "Quotes" }
                        a href="#framing" { "Framing" }
                        a href="#labels" { "Labels" }
                        a href="#omissions" { "Omissions" }
                    }
                }
                @let story = comparison.story_in_words(&names);
                @if !story.is_empty() {
                    section #story {
                        h2 { "Same story? " (comparison.story.verdict.reader_words()) }
                        @for line in &story { p { (line) } }
                    }
                }
                (documents_table(comparison, &names))
                (side_by_side(comparison, highlights, &names))
                (changes(comparison, &names))
                (quote_matrix(comparison, highlights, &names))
                (framing(comparison, &names))
                (labels(comparison, &names))
                (omissions(comparison, &names))
                (vocabulary(comparison, &names))
                @if !comparison.problems.is_empty() {
                    section #problems {
                        h2 { "Inputs not compared" }
                        ul {
                            @for problem in &comparison.problems {
                                li.problem { code { (problem.path) } ": " (problem.message) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The articles' names, for the page's title.
fn titles(names: &ReaderNames) -> String {
    let all: Vec<&str> = (0..names.len()).map(|k| names.at(k)).collect();
    all.join(", ")
}

/// Each document's provenance.
fn documents_table(comparison: &Comparison, names: &ReaderNames) -> Markup {
    html! {
        section #documents {
            h2 { "Articles" }
            table {
                thead { tr { th { "" } th { "Outlet" } th { "Date" } th { "Title" } th { "Source" } th { "Reprint" } th { "Read as" } } }
                tbody {
                    @for (k, d) in comparison.documents.iter().enumerate() {
                        tr {
                            td { (k + 1) }
                            td { (d.outlet.as_deref().unwrap_or("—")) }
                            td { (d.date.as_deref().unwrap_or("—")) }
                            td { (d.title.as_deref().unwrap_or("—")) }
                            td {
                                code { (d.path) }
                                @if let Some(url) = &d.url { br; span.muted { (url) } }
                            }
                            td {
                                @if let Some(from) = &d.syndicated_from { "reprint of " (from) br; }
                                @if let Some(of) = &d.reprint_of { "copies " (names.of(of)) }
                                @if d.syndicated_from.is_none() && d.reprint_of.is_none() { "—" }
                            }
                            td.muted {
                                (format!("{:?}", d.format).to_lowercase()) ", " (d.encoding)
                                @for note in &d.notes { br; (note) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The documents in columns, their shared passages coloured by group.
fn side_by_side(comparison: &Comparison, highlights: &Highlights, names: &ReaderNames) -> Markup {
    let count = comparison.documents.len().max(1);
    html! {
        section #side-by-side {
            h2 { "Side by side" }
            p.legend.muted {
                "Passages with the same background colour say the same thing; "
                u.framing { "underlined" } " words are worded differently elsewhere (hover for how)."
            }
            div.columns style=(format!("--n: {count}")) {
                @for (d, document) in comparison.documents.iter().enumerate() {
                    article.article #(document.id) {
                        h3 {
                            (names.numbered(d))
                            @if let Some(date) = &document.date { span.muted { " · " (date) } }
                        }
                        @if let Some(from) = &document.syndicated_from {
                            p.provenance { "Reprint of " (from) }
                        }
                        @for paragraph in &document.paragraphs {
                            @let class = match paragraph.role {
                                Role::Title => "title",
                                Role::Standfirst => "standfirst",
                                Role::Subheading => "subheading",
                                Role::Body => "body",
                            };
                            p class=(class) {
                                (paragraph_markup(comparison, highlights, names, d, Span { start: paragraph.start, end: paragraph.end }))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn paragraph_markup(
    comparison: &Comparison,
    highlights: &Highlights,
    names: &ReaderNames,
    d: usize,
    span: Span,
) -> Markup {
    let text = &comparison.documents[d].text;
    html! {
        @for run in highlights.runs(d, span) {
            @let words = &text[run.span.start..run.span.end];
            @let group = run.quote.map(|g| 2 * g).or(run.fact.map(|g| 2 * g + 1));
            @match (group, run.framing) {
                (None, None) => { (words) }
                (Some(n), None) => { span class=(format!("g{n}")) title=(group_title(comparison, run.quote, run.fact)) { (words) } }
                (group, Some(f)) => {
                    u.framing class=[group.map(|n| format!("g{n}"))] title=(framing_title(comparison, names, f)) { (words) }
                }
            }
        }
    }
}

fn group_title(comparison: &Comparison, quote: Option<usize>, fact: Option<usize>) -> String {
    let sources = |n: usize| format!("{n} source{}", if n == 1 { "" } else { "s" });
    if let Some(group) = quote.and_then(|g| comparison.quote_groups.get(g)) {
        format!(
            "Shared quote {}: {} ({:.0}% of the words alike)",
            quote.unwrap_or(0) + 1,
            sources(group.sources),
            group.similarity * 100.0
        )
    } else if let Some(group) = fact.and_then(|g| comparison.sentence_groups.get(g)) {
        format!(
            "Shared fact {}: {} ({:.0}% of the words alike)",
            fact.unwrap_or(0) + 1,
            sources(group.sources),
            group.similarity * 100.0
        )
    } else {
        String::new()
    }
}

fn framing_title(comparison: &Comparison, names: &ReaderNames, f: usize) -> String {
    let Some(finding) = comparison.framing.get(f) else {
        return String::new();
    };
    let mut title = format!(
        "{} ({}): {}",
        finding.concept,
        finding.kind.reader_name(),
        finding.note
    );
    for wording in &finding.variants {
        let _ = write!(title, "\n{}: “{}”", names.of(&wording.doc), wording.text);
    }
    title
}

/// A shared quote or fact: each document's version (document id, byte range) and the word
/// changes from the first.
struct Shared<'a> {
    heading: String,
    versions: Vec<(String, Span)>,
    diff: &'a [WordEdit],
}

/// Every shared quote and fact: the first version, then each other document's with what it
/// left out struck through and what it added or changed marked.
fn changes(comparison: &Comparison, names: &ReaderNames) -> Markup {
    let quotes = (0..comparison.quote_groups.len()).map(|g| {
        let group = &comparison.quote_groups[g];
        (
            format!("Shared quote {}", g + 1),
            Target::QuoteGroup(g),
            &group.diff,
        )
    });
    let facts = (0..comparison.sentence_groups.len()).map(|g| {
        let group = &comparison.sentence_groups[g];
        (
            format!("Shared fact {}", g + 1),
            Target::Fact(g),
            &group.diff,
        )
    });
    let items: Vec<Shared<'_>> = quotes
        .chain(facts)
        .map(|(heading, target, diff)| Shared {
            heading,
            versions: versions(comparison, target),
            diff,
        })
        .collect();
    html! {
        section #changes {
            h2 { "Word changes in shared quotes and facts" }
            @if items.is_empty() { p.muted { "No quote or fact is shared." } }
            p.legend.muted { "Against the first version: " del { "left out" } " " ins { "added or changed" } }
            @for Shared { heading, versions, diff } in &items {
                @if let Some((first, base)) = versions.first() {
                    h3 { (heading) }
                    div.version {
                        strong { (names.of(first)) ": " }
                        (comparison.text_of(first).map_or("", |t| &t[base.start..base.end]))
                    }
                    @for (doc, span) in versions.iter().skip(1) {
                        @let edits: Vec<&WordEdit> = diff.iter().filter(|e| &e.new.doc == doc).collect();
                        div.version {
                            strong { (names.of(doc)) ": " }
                            @if edits.is_empty() {
                                (comparison.text_of(doc).map_or("", |t| &t[span.start..span.end]))
                                span.muted { " (the same words)" }
                            } @else {
                                (inline_diff_markup(comparison.text_of(first).unwrap_or(""), *base, &edits))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The first version's words with one document's edits in place.
fn inline_diff_markup(base: &str, span: Span, edits: &[&WordEdit]) -> Markup {
    html! {
        @for piece in inline_diff(base, span, edits) {
            @match piece {
                Piece::Same(text) => { (text) }
                Piece::LeftOut(text) => { del { (text) } " " }
                Piece::Added(text) => { ins { (text) } " " }
            }
        }
    }
}

fn quote_matrix(comparison: &Comparison, highlights: &Highlights, names: &ReaderNames) -> Markup {
    html! {
        section #quotes {
            h2 { "Quotes" }
            @if highlights.quote_rows.is_empty() {
                p.muted { "No quotes found." }
            } @else {
                p.muted { "Each quote, and how each article carries it: carried whole, trimmed (words left out), altered (words changed or added) or not carried; with the speaker and the reporting verb." }
                table {
                    thead {
                        tr {
                            th { "Quote" }
                            @for d in 0..comparison.documents.len() { th { (names.numbered(d)) } }
                        }
                    }
                    tbody {
                        @for row in &highlights.quote_rows {
                            tr {
                                td { "“" (comparison.quotes.get(row.fullest).map_or("", |q| q.text.as_str())) "”" }
                                @for (carried, quote) in &row.cells {
                                    @let quote = quote.and_then(|q| comparison.quotes.get(q));
                                    td {
                                        span class=(carried.describe()) { (carried.reader_word()) }
                                        @if let Some(q) = quote {
                                            br;
                                            span.muted {
                                                (q.speaker.as_deref().unwrap_or("no speaker"))
                                                " · " (q.cue.as_deref().unwrap_or("—"))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn framing(comparison: &Comparison, names: &ReaderNames) -> Markup {
    let item = |finding: &FramingDifference| {
        html! {
            li {
                strong { (finding.concept) } " "
                span.muted { "(" (finding.kind.reader_name()) ")" }
                ": " (finding.note)
                ul {
                    @for wording in &finding.variants {
                        li { (names.of(&wording.doc)) ": “" (wording.text) "”" }
                    }
                }
            }
        }
    };
    html! {
        section #framing {
            h2 { "Framing differences" }
            @if comparison.framing.is_empty() && comparison.framing_more.is_empty() {
                p.muted { "None found." }
            } @else if comparison.framing.is_empty() {
                p.muted { "No framing difference Parallax is sure of." }
            }
            ol {
                @for finding in &comparison.framing { (item(finding)) }
            }
            @if !comparison.framing_more.is_empty() {
                details {
                    summary { (comparison.framing_more.len()) " less certain findings (not underlined)" }
                    ol {
                        @for finding in &comparison.framing_more { (item(finding)) }
                    }
                }
            }
        }
    }
}

fn labels(comparison: &Comparison, names: &ReaderNames) -> Markup {
    html! {
        section #labels {
            h2 { "Labels per person" }
            @if comparison.labels.is_empty() { p.muted { "No labelled people found." } }
            ul {
                @for person in &comparison.labels {
                    li {
                        strong { (person.name) } ": "
                        @for (k, (doc, texts)) in person.per_document().iter().enumerate() {
                            @if k > 0 { "; " }
                            (names.of(doc)) " “" (texts.join("”, “")) "”"
                        }
                    }
                }
            }
        }
    }
}

fn omissions(comparison: &Comparison, names: &ReaderNames) -> Markup {
    html! {
        section #omissions {
            h2 { "Omissions" }
            @if comparison.documents.len() < 2 {
                p.muted { "One article: nothing to compare." }
            } @else if comparison.omissions.is_empty() {
                p.muted { "No article of one event leaves out what another reports." }
            } @else {
                p.muted { "What some articles of one event carry and others leave out, most telling first." }
                @for omission in &comparison.omissions {
                    @if let Some(text) = comparison.omission_text(omission) {
                        div.version {
                            @if omission.quote.is_some() { "“" (text) "”" } @else { (text) }
                            @if !omission.why.is_empty() {
                                br;
                                (omission.why.join(" · "))
                            }
                            br;
                            span.muted {
                                "in " (Comparison::set_names(names, &omission.carried_by))
                                " · missing from "
                                (comparison.missing_from_names(names, omission))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn vocabulary(comparison: &Comparison, names: &ReaderNames) -> Markup {
    html! {
        @if comparison.vocabulary.iter().any(|d| !d.words.is_empty()) {
            section #vocabulary {
                h2 { "Distinctive vocabulary" }
                p.muted { "Words each article uses more than the others (uses here / in the others)." }
                ul {
                    @for doc in comparison.vocabulary.iter().filter(|d| !d.words.is_empty()) {
                        li {
                            strong { (names.of(&doc.doc)) ": " }
                            (doc.words.iter().map(|w| format!("{} ({}/{})", w.word, w.count, w.others)).collect::<Vec<_>>().join(", "))
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Input, analyze};
    use crate::ingest::ingest;

    #[test]
    fn article_text_is_escaped_and_the_page_requests_nothing() {
        let hostile = "<script>alert(1)</script> Harbour <img src=x onerror=alert(2)> news\n\n\
                       The \"ferry\" runs again, said Mayor Ada Quill & co. <iframe src=\"https://example.com\"></iframe>\n";
        let comparison = analyze(&[
            Input::from(ingest("a.txt", hostile.as_bytes()).unwrap()),
            Input::from(
                ingest(
                    "b.txt",
                    b"Ferry back\n\nThe ferry runs again, the mayor said.\n",
                )
                .unwrap(),
            ),
        ]);
        let page = render(&comparison);
        assert!(!page.contains("<script"));
        assert!(!page.contains("<img"));
        assert!(!page.contains("<iframe"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
        // No request leaves the page: no source, no link out, and a policy that forbids both.
        assert!(!page.contains(" src=\""));
        assert!(!page.contains("href=\"http"));
        assert!(page.contains("default-src 'none'"));
    }

    #[test]
    fn inline_diff_marks_what_was_left_out_and_added() {
        let comparison = analyze(&[
            Input::from(
                ingest(
                    "a.txt",
                    b"Ferry returns\n\n\"The ferry will run every hour from May,\" said Mayor Ada Quill.\n",
                )
                .unwrap(),
            ),
            Input::from(
                ingest(
                    "b.txt",
                    b"Ferry is back\n\n\"The ferry will run every hour from June,\" said Mayor Ada Quill.\n",
                )
                .unwrap(),
            ),
        ]);
        let page = render(&comparison);
        assert!(page.contains("<del>May</del>"), "{page}");
        assert!(page.contains("<ins>June</ins>"));
    }
}
