//! Quotes: every stretch of quoted speech in a document, its kind, its gaps and insertions.
//!
//! One left-to-right pass over each paragraph, so the cost is linear in the text:
//!
//! - **Marks.** Curly and straight double quotes, `„ “`, `« »`, `‹ ›`, and single quotes where
//!   they quote. An apostrophe is told from a closing single quote by what follows it: a letter
//!   ("don’t", "Putin’s") continues the word. A straight `"` closes an open double quote and
//!   opens one otherwise. Quotes inside quotes are part of the outer quote.
//! - **Unclosed quotes** never swallow the document: a quote still open at the end of its
//!   paragraph closes there, unless the next paragraph opens with a quote mark, the newspaper
//!   convention for a quote running over several paragraphs, in which case it continues.
//! - **Kinds.** `direct` when the quote stands as the statement itself (it opens the sentence, or
//!   follows only its attribution: `Peskov said: "..."`); `partial` when a fragment is woven
//!   into the writer's own sentence (it "all depends on reciprocity"); `scare` when one to three
//!   words are quoted with no one named as saying them (slammed as ‘annexation’).
//! - **Gaps and insertions.** Ellipses inside a quote are recorded as gaps, bracketed words as
//!   editorial insertions, both with offsets.

use super::segment::{Paragraph, Span};
use crate::comparison::QuoteKind;

/// A quote found in a document, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The quoted words, without the quote marks.
    pub start: usize,
    pub end: usize,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// One past the closing mark (or `end` when the quote was never closed).
    pub close: usize,
    pub kind: QuoteKind,
    pub gaps: Vec<Span>,
    pub editorial: Vec<Span>,
    /// Index of the paragraph the quote opens in.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `"`, `“ ”`, `„ “`.
    Double,
    /// `« »`.
    Guillemet,
    /// `‹ ›`.
    SingleGuillemet,
    /// `‘ ’`, `'`.
    Single,
}

/// An open quote: where its mark is and which marks close it.
#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    mark: usize,
    content: usize,
    /// Opened by `„`, which `“` closes.
    low: bool,
}

/// Finds the quotes of a document given its paragraphs.
#[must_use]
pub fn find_quotes(text: &str, paragraphs: &[Paragraph]) -> Vec<QuoteSpan> {
    let mut quotes: Vec<QuoteSpan> = Vec::new();
    // A quote still open at the end of the previous paragraph (multi-paragraph quotes).
    let mut carried: Option<Open> = None;
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let body = &text[paragraph.start..paragraph.end];
        let opens_with_mark = body
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '"' | '“' | '„' | '«' | '‘' | '\''));
        // A quote left open goes on when the paragraph opens with a mark (the convention) or
        // when its first mark can only be a closing one (the opening mark was left out).
        let carry = carried.take().filter(|_| {
            opens_with_mark
                || first_mark_closes(body)
                || closes_after_unmarked(text, &paragraphs[index..])
        });
        let (found, open_at_end) = scan_paragraph(text, paragraph, index, carry, opens_with_mark);
        let mut found = found.into_iter();
        if carry.is_some()
            && let (Some(first), Some(last)) = (found.next(), quotes.last_mut())
        {
            // The same quote, continued: extend the piece that ended the previous paragraph.
            last.end = first.end;
            last.close = first.close;
        }
        quotes.extend(found);
        carried = open_at_end;
    }
    for quote in &mut quotes {
        quote.kind = kind_of(text, paragraphs, quote);
        let inner = &text[quote.start..quote.end];
        quote.gaps = find_gaps(inner, quote.start);
        quote.editorial = find_brackets(inner, quote.start);
    }
    quotes
}

/// Scans one paragraph, starting inside `carried` when the previous paragraph's quote goes on.
/// Returns its quotes (the first one is the carried quote's continuation, if any) and the quote
/// still open at its end (already pushed, closed at the paragraph's end).
fn scan_paragraph(
    text: &str,
    paragraph: &Paragraph,
    index: usize,
    carried: Option<Open>,
    opens_with_mark: bool,
) -> (Vec<QuoteSpan>, Option<Open>) {
    let body = &text[paragraph.start..paragraph.end];
    let base = paragraph.start;
    let mut out = Vec::new();
    let mut outer: Option<Open> = None;
    let mut inner: Option<Open> = None;
    let mut skip_first_mark = false;
    if let Some(open) = carried {
        // The continuing paragraph's own opening mark re-opens the same quote.
        outer = Some(Open {
            mark: base,
            content: base,
            ..open
        });
        skip_first_mark = opens_with_mark;
    }
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let pos = base + at;
        if skip_first_mark && k == 0 {
            if let Some(open) = outer.as_mut() {
                open.content = pos + c.len_utf8();
                open.mark = pos;
            }
            continue;
        }
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        let after = pos + c.len_utf8();
        let close_outer = |open: Open, out: &mut Vec<QuoteSpan>| {
            push(out, open, pos, after, index);
        };
        match (c, outer) {
            // Double quotes.
            ('“', Some(open)) if open.low && open.family == Family::Double => {
                close_outer(open, &mut out);
                outer = None;
                inner = None;
            }
            ('“' | '„', None) => outer = Some(open_at(Family::Double, pos, after, c == '„')),
            ('“' | '„', Some(open)) if open.family == Family::Double => {
                // An opening mark inside an open double quote: the earlier one was never
                // closed. End it here and start again.
                push(&mut out, open, pos, pos, index);
                outer = Some(open_at(Family::Double, pos, after, c == '„'));
                inner = None;
            }
            ('”', Some(open)) if open.family == Family::Double => {
                close_outer(open, &mut out);
                outer = None;
                inner = None;
            }
            ('"', Some(open)) if open.family == Family::Double => {
                // A straight mark that looks like an opener (space before, word after) while a
                // long quote is open is still read as its close: straight marks alternate.
                close_outer(open, &mut out);
                outer = None;
                inner = None;
            }
            ('"', None) => outer = Some(open_at(Family::Double, pos, after, false)),
            // Guillemets.
            ('«', None) => outer = Some(open_at(Family::Guillemet, pos, after, false)),
            ('»', Some(open)) if open.family == Family::Guillemet => {
                close_outer(open, &mut out);
                outer = None;
                inner = None;
            }
            ('‹', None) => outer = Some(open_at(Family::SingleGuillemet, pos, after, false)),
            ('›', Some(open)) if open.family == Family::SingleGuillemet => {
                close_outer(open, &mut out);
                outer = None;
                inner = None;
            }
            // Single quotes: opening when a word starts after them and none precedes.
            ('‘' | '\'', _) if opens_single(prev, next) => {
                let open = open_at(Family::Single, pos, after, false);
                if outer.is_none() {
                    outer = Some(open);
                } else if inner.is_none() && outer.is_some_and(|o| o.family != Family::Single) {
                    inner = Some(open);
                }
            }
            ('’' | '\'', _) if closes_single(prev, next) => {
                if inner.take().is_some() {
                    // A quote inside the quote closes; it stays part of the outer one.
                } else if let Some(open) = outer.filter(|o| o.family == Family::Single) {
                    close_outer(open, &mut out);
                    outer = None;
                }
            }
            _ => {}
        }
    }
    match outer {
        Some(open) => {
            // Closed at the paragraph's end for now; the next paragraph may continue it.
            push(&mut out, open, paragraph.end, paragraph.end, index);
            (out, Some(open))
        }
        None => (out, None),
    }
}

/// Whether the first quote mark of a paragraph closes a quote: `”`, `»`, or a straight `"`
/// glued to the word before it and followed by a space or the end.
/// How many paragraphs without a quote mark a quote may run over before the paragraph that
/// closes it (a long quote whose paragraphs' opening marks were all left out).
const UNMARKED_REACH: usize = 3;

/// Whether `paragraphs[0]` and at most a few after it carry no quote mark at all, and the next
/// paragraph's first mark can only close: the quote open before them runs through them.
fn closes_after_unmarked(text: &str, paragraphs: &[Paragraph]) -> bool {
    for paragraph in paragraphs.iter().take(UNMARKED_REACH + 1) {
        let body = &text[paragraph.start..paragraph.end];
        if body.contains(['"', '“', '”', '„', '«', '»']) {
            return first_mark_closes(body);
        }
    }
    false
}

fn first_mark_closes(body: &str) -> bool {
    let chars: Vec<char> = body.chars().take(4000).collect();
    for (k, &c) in chars.iter().enumerate() {
        match c {
            '”' | '»' => return true,
            '“' | '„' | '«' => return false,
            '"' => {
                let before = k.checked_sub(1).map(|p| chars[p]);
                let after = chars.get(k + 1).copied();
                return before.is_some_and(|b| !b.is_whitespace())
                    && after
                        .is_none_or(|a| a.is_whitespace() || matches!(a, ',' | '.' | ';' | ')'));
            }
            _ => {}
        }
    }
    false
}

fn open_at(family: Family, mark: usize, content: usize, low: bool) -> Open {
    Open {
        family,
        mark,
        content,
        low,
    }
}

fn push(out: &mut Vec<QuoteSpan>, open: Open, end: usize, close: usize, paragraph: usize) {
    if end > open.content {
        out.push(QuoteSpan {
            start: open.content,
            end,
            open: open.mark,
            close,
            kind: QuoteKind::Direct,
            gaps: Vec::new(),
            editorial: Vec::new(),
            paragraph,
        });
    }
}

/// `‘` or `'` opens a quote when nothing word-like precedes it and a word (or a quote) follows.
fn opens_single(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '“' | '"' | '—' | '–' | '-' | '/')
    });
    let after_ok = next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '“' | '"' | '…' | '.'));
    before_ok && after_ok
}

/// `’` or `'` closes a quote when no letter follows (a letter makes it an apostrophe).
fn closes_single(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok = prev.is_some_and(|p| !p.is_whitespace());
    let after_ok = next.is_none_or(|n| !n.is_alphanumeric());
    before_ok && after_ok
}

/// How far back, in bytes, the writer's sentence before a quote is read.
const LOOKBACK: usize = 400;

/// Direct, partial or scare (see the module docs). Attribution is added later; a scare quote
/// found to have a speaker is turned back into a partial quote then.
fn kind_of(text: &str, paragraphs: &[Paragraph], quote: &QuoteSpan) -> QuoteKind {
    let inner = text[quote.start..quote.end].trim();
    let words = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    let paragraph = &paragraphs[quote.paragraph];
    // Look back at most a long sentence's length, so many quotes in one paragraph stay linear.
    let mut from = quote.open.saturating_sub(LOOKBACK).max(paragraph.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..quote.open];
    // The writer's words before the quote in its sentence.
    let lead = before
        .rsplit_terminator(['.', '!', '?', '…'])
        .next()
        .unwrap_or("")
        .trim();
    let lead_is_attribution =
        lead.is_empty() || lead.ends_with([':', ',']) && lead.split_whitespace().count() <= 12;
    if lead.to_lowercase().ends_with("so-called") {
        return QuoteKind::Scare;
    }
    if words <= 3 && !lead.is_empty() && !lead.ends_with(':') {
        QuoteKind::Scare
    } else if lead_is_attribution {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// Ellipses inside a quote: `…`, `...`, `. . .`.
fn find_gaps(inner: &str, base: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < inner.len() {
        if inner[i..].starts_with('…') {
            out.push(Span {
                start: base + i,
                end: base + i + '…'.len_utf8(),
            });
            i += '…'.len_utf8();
        } else if inner[i..].starts_with("...") {
            let mut end = i;
            while end < bytes.len() && bytes[end] == b'.' {
                end += 1;
            }
            out.push(Span {
                start: base + i,
                end: base + end,
            });
            i = end;
        } else if inner[i..].starts_with(". . .") {
            out.push(Span {
                start: base + i,
                end: base + i + 5,
            });
            i += 5;
        } else {
            i += inner[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// Bracketed insertions inside a quote: `[the]`, `[Trump-Putin]`.
fn find_brackets(inner: &str, base: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in inner.char_indices() {
        match c {
            '[' => open = Some(i),
            ']' => {
                if let Some(start) = open.take() {
                    out.push(Span {
                        start: base + start,
                        end: base + i + 1,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::clean::Role;

    fn paragraphs(text: &str) -> Vec<Paragraph> {
        let mut out = Vec::new();
        let mut offset = 0;
        for (n, line) in text.split('\n').enumerate() {
            if !line.trim().is_empty() {
                out.push(Paragraph {
                    start: offset,
                    end: offset + line.len(),
                    role: Role::Body,
                    first_line: n + 1,
                    last_line: n + 1,
                });
            }
            offset += line.len() + 1;
        }
        out
    }

    fn quotes(text: &str) -> Vec<(String, QuoteKind)> {
        find_quotes(text, &paragraphs(text))
            .into_iter()
            .map(|q| (text[q.start..q.end].to_owned(), q.kind))
            .collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            quotes("\"We are ready,\" she said. “So are we,” he replied."),
            vec![
                ("We are ready,".to_owned(), QuoteKind::Direct),
                ("So are we,".to_owned(), QuoteKind::Direct),
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("Putin’s aide said the plan didn't work and the mayors' budget held."),
            vec![]
        );
        assert_eq!(
            quotes("He called it ‘annexation’ and said it was Russia’s ‘right’."),
            vec![
                ("annexation".to_owned(), QuoteKind::Scare),
                ("right".to_owned(), QuoteKind::Scare),
            ]
        );
    }

    #[test]
    fn partial_quotes_inside_the_writers_sentence() {
        assert_eq!(
            quotes("According to Peskov, the Kremlin is keen but it “all depends on reciprocity.”"),
            vec![("all depends on reciprocity.".to_owned(), QuoteKind::Partial)]
        );
    }

    #[test]
    fn other_marks_and_nesting() {
        assert_eq!(quotes("Er sagte „Wir sind bereit“ gestern.").len(), 1);
        assert_eq!(
            quotes("Il a dit « nous sommes prêts » hier.")[0].0,
            " nous sommes prêts "
        );
        assert_eq!(
            quotes("“They call it ‘relocation’ but it is not,” she said."),
            vec![(
                "They call it ‘relocation’ but it is not,".to_owned(),
                QuoteKind::Direct
            )]
        );
    }

    #[test]
    fn unclosed_quote_stops_at_its_paragraph() {
        let text = "He said “this never closes and runs on.\nA plain paragraph follows here.";
        let found = quotes(text);
        assert_eq!(
            found,
            vec![(
                "this never closes and runs on.".to_owned(),
                QuoteKind::Partial
            )]
        );
    }

    #[test]
    fn multi_paragraph_quote_continues() {
        let text = "“My grandmother moved here in 1931. My mother was born here.\n“They call it relocation. It is an eviction,” she said.\nNext paragraph.";
        let found = find_quotes(text, &paragraphs(text));
        assert_eq!(found.len(), 1, "{found:?}");
        let inner = &text[found[0].start..found[0].end];
        assert!(
            inner.starts_with("My grandmother") && inner.ends_with("It is an eviction,"),
            "{inner}"
        );
    }

    #[test]
    fn a_quote_continues_when_the_next_paragraph_only_closes_it() {
        let text = "\"We may be small, that is no doubt.\nBut they are not above the law. Nobody is.\" She left.\nA plain paragraph.";
        let found = find_quotes(text, &paragraphs(text));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(text[found[0].start..found[0].end].ends_with("Nobody is."));
    }

    #[test]
    fn a_long_quote_runs_over_unmarked_paragraphs_to_its_close() {
        let text = "The letter was blunt:\n“Expect more of this. The plan is failing.\nLet us recap what we saw. A member shoved a camera.\nIt will be a long summer. Act accordingly.”\nA plain paragraph.\n";
        let found = find_quotes(text, &paragraphs(text));
        assert_eq!(found.len(), 1, "{found:?}");
        let inner = &text[found[0].start..found[0].end];
        assert!(
            inner.contains("shoved a camera") && inner.ends_with("accordingly."),
            "{inner}"
        );
        // With no closing mark in reach, the quote ends with its own paragraph.
        let text = "“It is open.\nOne.\nTwo.\nThree.\nFour.\nFive, ” then.\n";
        let found = find_quotes(text, &paragraphs(text));
        assert_eq!(
            &text[found[0].start..found[0].end],
            "It is open.",
            "{found:?}"
        );
    }

    #[test]
    fn gaps_and_editorial_insertions() {
        let text = "“There is political will… to conduct a dialogue. We need such a [Trump-Putin] meeting...”";
        let found = find_quotes(text, &paragraphs(text));
        assert_eq!(found.len(), 1);
        let gaps: Vec<&str> = found[0]
            .gaps
            .iter()
            .map(|g| &text[g.start..g.end])
            .collect();
        assert_eq!(gaps, vec!["…", "..."]);
        let inserted: Vec<&str> = found[0]
            .editorial
            .iter()
            .map(|g| &text[g.start..g.end])
            .collect();
        assert_eq!(inserted, vec!["[Trump-Putin]"]);
    }

    #[test]
    fn unbalanced_marks_stay_linear() {
        let text = "\"a ".repeat(40_000) + &"“b ".repeat(20_000) + &"‘c ".repeat(20_000);
        let found = find_quotes(&text, &paragraphs(&text));
        assert!(!found.is_empty());
        assert!(
            found
                .iter()
                .all(|q| q.start <= q.end && q.end <= text.len())
        );
    }
}
