//! What the side-by-side views mark and where things are, computed once per comparison.
//!
//! The comparison speaks in documents' byte offsets; the app's columns and the HTML report
//! need, per document, the stretches to colour (shared quotes, shared facts, framing wordings)
//! and, for anything the user selects, where it sits in each document so every column can
//! scroll to it. Nothing here knows about the window or HTML: it is plain data, tested alone.

use std::collections::BTreeMap;

use crate::analysis::segment::Span;
use crate::comparison::{Comparison, EditKind, ReaderNames, SentenceGroup, WordEdit};
use crate::report::matrix::{self, Carried};

/// Something the user can select: every column scrolls to its place in that document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A quote several documents carry (index into `quote_groups`).
    QuoteGroup(usize),
    /// A fact several documents report (index into `sentence_groups`).
    Fact(usize),
    /// A quote only one document carries (index into `quotes`).
    Quote(usize),
    /// A framing finding (index into `framing`).
    Framing(usize),
    /// A person's labels (index into `labels`).
    Person(usize),
    /// One sentence of one document (an omission).
    Sentence { doc: usize, index: usize },
}

/// A stretch of text and what marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub span: Span,
    pub quote: Option<usize>,
    pub fact: Option<usize>,
    pub framing: Option<usize>,
}

/// Why a stretch of a column is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// Part of a shared quote: the group's index.
    Quote(usize),
    /// Part of a shared fact: the group's index.
    Fact(usize),
    /// A framing wording: the finding's index.
    Framing(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: MarkKind,
}

/// How much of a sentence the other documents share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Share {
    /// No other document reports it.
    Unique,
    /// Others report it in other words.
    Altered,
    /// Another document carries the same words.
    Shared,
}

/// One row of the quote matrix, by indices into the comparison's quotes.
#[derive(Debug, Clone)]
pub struct QuoteRow {
    /// What selecting the row selects.
    pub target: Target,
    /// The fullest version.
    pub fullest: usize,
    /// Per document: how it carries the quote, and its version.
    pub cells: Vec<(Carried, Option<usize>)>,
}

/// Marks, sentence shares and the quote matrix of every document, in document order: what
/// the window shows, worked out once per comparison rather than on every frame.
#[derive(Debug, Clone, Default)]
pub struct Highlights {
    /// How a reader names each document.
    pub names: ReaderNames,
    /// Per document, sorted by start (longer first on a tie).
    pub marks: Vec<Vec<Mark>>,
    /// Per document, per sentence.
    pub shares: Vec<Vec<Share>>,
    pub quote_rows: Vec<QuoteRow>,
    /// Per shared fact and quote (facts first), where it first appears in each document: the
    /// anchors that synchronised scrolling follows.
    anchor_places: Vec<Vec<Option<usize>>>,
}

/// The index of each document id.
fn doc_indices(comparison: &Comparison) -> BTreeMap<&str, usize> {
    comparison
        .documents
        .iter()
        .enumerate()
        .map(|(k, d)| (d.id.as_str(), k))
        .collect()
}

/// Whether a group member in `doc` is carried word for word by another member: the first
/// member is compared with each other one, so it is unchanged if any other is.
fn unchanged(diff: &[WordEdit], first: &str, doc: &str, docs: &[&str]) -> bool {
    let edited = |d: &str| diff.iter().any(|e| e.new.doc == d);
    if doc == first {
        docs.iter().any(|d| *d != first && !edited(d))
    } else {
        !edited(doc)
    }
}

impl Highlights {
    #[must_use]
    pub fn new(comparison: &Comparison) -> Self {
        let index = doc_indices(comparison);
        let count = comparison.documents.len();
        let mut marks = vec![Vec::new(); count];
        let mut shares: Vec<Vec<Share>> = comparison
            .documents
            .iter()
            .map(|d| vec![Share::Unique; d.sentences.len()])
            .collect();
        for (g, group) in comparison.sentence_groups.iter().enumerate() {
            let docs = member_docs(group);
            let first = docs.first().copied().unwrap_or_default();
            for member in &group.members {
                let Some(&d) = index.get(member.doc.as_str()) else {
                    continue;
                };
                let Some(sentence) = comparison.documents[d].sentences.get(member.sentence) else {
                    continue;
                };
                marks[d].push(Mark {
                    start: sentence.start,
                    end: sentence.end,
                    kind: MarkKind::Fact(g),
                });
                let share = if unchanged(&group.diff, first, &member.doc, &docs) {
                    Share::Shared
                } else {
                    Share::Altered
                };
                let slot = &mut shares[d][member.sentence];
                *slot = (*slot).max(share);
            }
        }
        let quote_at: BTreeMap<&str, usize> = comparison
            .quotes
            .iter()
            .enumerate()
            .map(|(k, q)| (q.id.as_str(), k))
            .collect();
        for (g, group) in comparison.quote_groups.iter().enumerate() {
            let quotes: Vec<&crate::comparison::Quote> = group
                .quotes
                .iter()
                .filter_map(|id| quote_at.get(id.as_str()).map(|&k| &comparison.quotes[k]))
                .collect();
            let mut docs: Vec<&str> = quotes.iter().map(|q| q.doc.as_str()).collect();
            docs.dedup();
            let first = docs.first().copied().unwrap_or_default();
            for quote in quotes {
                let Some(&d) = index.get(quote.doc.as_str()) else {
                    continue;
                };
                marks[d].push(Mark {
                    start: quote.start,
                    end: quote.end,
                    kind: MarkKind::Quote(g),
                });
                let share = if unchanged(&group.diff, first, &quote.doc, &docs) {
                    Share::Shared
                } else {
                    Share::Altered
                };
                // The sentence the quote starts in shares at least what the quote does.
                let document = &comparison.documents[d];
                let sentence = document.sentences.partition_point(|s| s.end <= quote.start);
                if let Some(slot) = shares[d].get_mut(sentence) {
                    *slot = (*slot).max(share);
                }
            }
        }
        for (f, finding) in comparison.framing.iter().enumerate() {
            for wording in &finding.variants {
                if let Some(&d) = index.get(wording.doc.as_str()) {
                    marks[d].push(Mark {
                        start: wording.start,
                        end: wording.end,
                        kind: MarkKind::Framing(f),
                    });
                }
            }
        }
        for list in &mut marks {
            list.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        }
        let quote_rows = matrix::quote_matrix(comparison)
            .into_iter()
            .filter_map(|row| {
                let at = |id: &str| quote_at.get(id).copied();
                let fullest = at(&row.fullest.id)?;
                Some(QuoteRow {
                    target: row.group.map_or(Target::Quote(fullest), Target::QuoteGroup),
                    fullest,
                    cells: row
                        .cells
                        .iter()
                        .map(|c| (c.carried, c.quote.and_then(|q| at(&q.id))))
                        .collect(),
                })
            })
            .collect();
        let targets = (0..comparison.sentence_groups.len())
            .map(Target::Fact)
            .chain((0..comparison.quote_groups.len()).map(Target::QuoteGroup));
        let anchor_places = targets.map(|t| places(comparison, t)).collect();
        Highlights {
            names: ReaderNames::new(&comparison.documents),
            marks,
            shares,
            quote_rows,
            anchor_places,
        }
    }

    /// The stretches of `span` in document `doc` with the same marks, in order: each with the
    /// shared quote, shared fact and framing finding covering it (the innermost of each).
    #[must_use]
    pub fn runs(&self, doc: usize, span: Span) -> Vec<Run> {
        let marks = self.marks.get(doc).map_or(&[][..], Vec::as_slice);
        // Every place where a mark starts or ends cuts a run.
        let mut cuts: Vec<usize> = vec![span.start, span.end];
        for mark in marks
            .iter()
            .filter(|m| m.start < span.end && m.end > span.start)
        {
            cuts.push(mark.start.clamp(span.start, span.end));
            cuts.push(mark.end.clamp(span.start, span.end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut runs: Vec<Run> = Vec::new();
        for pair in cuts.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            let mut run = Run {
                span: Span { start, end },
                quote: None,
                fact: None,
                framing: None,
            };
            for mark in self.at(doc, start) {
                match mark.kind {
                    MarkKind::Quote(g) => run.quote = Some(g),
                    MarkKind::Fact(g) => run.fact = Some(g),
                    MarkKind::Framing(f) => run.framing = Some(f),
                }
            }
            match runs.last_mut() {
                Some(last)
                    if (last.quote, last.fact, last.framing)
                        == (run.quote, run.fact, run.framing) =>
                {
                    last.span.end = end;
                }
                _ => runs.push(run),
            }
        }
        runs
    }

    /// The marks of document `doc` that cover byte `at`, outermost first.
    pub fn at(&self, doc: usize, at: usize) -> impl Iterator<Item = &Mark> {
        let marks = self.marks.get(doc).map_or(&[][..], Vec::as_slice);
        let before = marks.partition_point(|m| m.start <= at);
        marks[..before].iter().filter(move |m| m.end > at)
    }
}

fn member_docs(group: &SentenceGroup) -> Vec<&str> {
    let mut docs: Vec<&str> = group.members.iter().map(|m| m.doc.as_str()).collect();
    docs.dedup();
    docs
}

/// The stretches a target covers, as (document, span), by document and position.
#[must_use]
pub fn ranges(comparison: &Comparison, target: Target) -> Vec<(usize, Span)> {
    let index = doc_indices(comparison);
    let at = |doc: &str, start: usize, end: usize| {
        index
            .get(doc)
            .map(|&d| (d, Span { start, end }))
            .filter(|_| start <= end)
    };
    let quote = |id: &str| comparison.quotes.iter().find(|q| q.id == id);
    let mut out: Vec<(usize, Span)> = match target {
        Target::QuoteGroup(g) => comparison
            .quote_groups
            .get(g)
            .into_iter()
            .flat_map(|group| &group.quotes)
            .filter_map(|id| quote(id))
            .filter_map(|q| at(&q.doc, q.start, q.end))
            .collect(),
        Target::Fact(g) => comparison
            .sentence_groups
            .get(g)
            .into_iter()
            .flat_map(|group| &group.members)
            .filter_map(|m| {
                let d = *index.get(m.doc.as_str())?;
                let s = comparison.documents[d].sentences.get(m.sentence)?;
                Some((
                    d,
                    Span {
                        start: s.start,
                        end: s.end,
                    },
                ))
            })
            .collect(),
        Target::Quote(k) => comparison
            .quotes
            .get(k)
            .and_then(|q| at(&q.doc, q.start, q.end))
            .into_iter()
            .collect(),
        Target::Framing(f) => comparison
            .framing
            .get(f)
            .into_iter()
            .flat_map(|finding| &finding.variants)
            .filter_map(|w| at(&w.doc, w.start, w.end))
            .collect(),
        Target::Person(p) => comparison
            .labels
            .get(p)
            .into_iter()
            .flat_map(|person| &person.labels)
            .filter_map(|w| at(&w.doc, w.start, w.end))
            .collect(),
        Target::Sentence { doc, index: s } => comparison
            .documents
            .get(doc)
            .and_then(|d| d.sentences.get(s))
            .map(|s| {
                (
                    doc,
                    Span {
                        start: s.start,
                        end: s.end,
                    },
                )
            })
            .into_iter()
            .collect(),
    };
    out.sort_by_key(|&(d, span)| (d, span.start, span.end));
    out.dedup();
    out
}

/// A shared quote's or fact's versions, as (document id, byte range), in the group's order;
/// neighbouring sentences of one document (a fact it splits in two) make one version. Empty
/// for other targets.
#[must_use]
pub fn versions(comparison: &Comparison, target: Target) -> Vec<(String, Span)> {
    match target {
        Target::QuoteGroup(g) => comparison
            .quote_groups
            .get(g)
            .into_iter()
            .flat_map(|group| &group.quotes)
            .filter_map(|id| comparison.quotes.iter().find(|q| &q.id == id))
            .map(|q| {
                (
                    q.doc.clone(),
                    Span {
                        start: q.start,
                        end: q.end,
                    },
                )
            })
            .collect(),
        Target::Fact(g) => {
            let mut versions: Vec<(String, Span)> = Vec::new();
            for member in comparison
                .sentence_groups
                .get(g)
                .into_iter()
                .flat_map(|group| &group.members)
            {
                let Some(sentence) = comparison
                    .document(&member.doc)
                    .and_then(|d| d.sentences.get(member.sentence))
                else {
                    continue;
                };
                match versions.last_mut() {
                    Some(last) if last.0 == member.doc => last.1.end = sentence.end,
                    _ => versions.push((
                        member.doc.clone(),
                        Span {
                            start: sentence.start,
                            end: sentence.end,
                        },
                    )),
                }
            }
            versions
        }
        _ => Vec::new(),
    }
}

/// A piece of one document's version shown against the first version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Words of the first version the document keeps.
    Same(&'a str),
    /// Words of the first version the document leaves out (or changes).
    LeftOut(&'a str),
    /// Words the document adds (or changes them to).
    Added(&'a str),
}

/// The first version (`span` of `base`) with one document's `edits` in place, in order.
#[must_use]
pub fn inline_diff<'a>(base: &'a str, span: Span, edits: &[&'a WordEdit]) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let mut cursor = span.start;
    for edit in edits {
        let at = edit.old.start.clamp(cursor, span.end);
        pieces.push(Piece::Same(&base[cursor..at]));
        if edit.op != EditKind::Insert {
            pieces.push(Piece::LeftOut(&edit.old.text));
        }
        if edit.op != EditKind::Delete {
            pieces.push(Piece::Added(&edit.new.text));
        }
        cursor = edit.old.end.clamp(at, span.end);
    }
    pieces.push(Piece::Same(&base[cursor..span.end]));
    pieces
}

/// Where a target first appears in each document (a byte offset), in document order.
#[must_use]
pub fn places(comparison: &Comparison, target: Target) -> Vec<Option<usize>> {
    let mut places = vec![None; comparison.documents.len()];
    for (d, span) in ranges(comparison, target) {
        if places[d].is_none() {
            places[d] = Some(span.start);
        }
    }
    places
}

impl Highlights {
    /// Pairs of places that say the same thing in documents `a` and `b` (shared facts and
    /// quotes), sorted by the place in `a`, keeping only pairs that also run forward in `b`, so
    /// scrolling one column can move the other along a monotone path.
    #[must_use]
    pub fn anchors(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        let mut pairs: Vec<(usize, usize)> = self
            .anchor_places
            .iter()
            .filter_map(|places| Some(((*places.get(a)?)?, (*places.get(b)?)?)))
            .collect();
        pairs.sort_unstable();
        let mut kept: Vec<(usize, usize)> = Vec::with_capacity(pairs.len());
        for pair in pairs {
            if kept
                .last()
                .is_none_or(|last| pair.1 >= last.1 && pair.0 > last.0)
            {
                kept.push(pair);
            }
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Input, analyze};
    use crate::ingest::ingest;

    fn comparison() -> Comparison {
        let a = "Ferry returns\n\nThe council voted on Monday to restore the hourly ferry to Pike Island.\n\n\"It is a lifeline,\" said Mayor Ada Quill.\n\nTickets will cost four pounds.\n";
        let b = "Island ferry back\n\nA storm closed the pier last winter.\n\nThe council voted on Monday to restore the hourly ferry to Pike Island.\n\n\"It is a lifeline,\" Mayor Ada Quill said.\n";
        analyze(&[
            Input::from(ingest("a.txt", a.as_bytes()).unwrap()),
            Input::from(ingest("b.txt", b.as_bytes()).unwrap()),
        ])
    }

    #[test]
    fn shared_facts_and_quotes_are_marked_in_both_documents() {
        let c = comparison();
        let h = Highlights::new(&c);
        assert!(!c.sentence_groups.is_empty() && !c.quote_groups.is_empty());
        for (d, document) in c.documents.iter().enumerate() {
            let at = document.text.find("hourly ferry").unwrap();
            assert!(h.at(d, at).any(|m| matches!(m.kind, MarkKind::Fact(_))));
            let at = document.text.find("lifeline").unwrap();
            assert!(h.at(d, at).any(|m| matches!(m.kind, MarkKind::Quote(0))));
        }
        // The storm and the tickets are each in one document only.
        let storm = c.documents[1].text.find("storm").unwrap();
        let sentence = c.documents[1]
            .sentences
            .iter()
            .position(|s| s.start <= storm && storm < s.end)
            .unwrap();
        assert_eq!(h.shares[1][sentence], Share::Unique);
        assert!(h.shares[0].contains(&Share::Shared));
    }

    #[test]
    fn places_and_anchors_point_at_the_same_words() {
        let c = comparison();
        let places = places(&c, Target::QuoteGroup(0));
        for (d, place) in places.iter().enumerate() {
            let place = place.unwrap();
            assert!(c.documents[d].text[place..].starts_with("It is a lifeline"));
        }
        let anchors = Highlights::new(&c).anchors(0, 1);
        assert!(anchors.len() >= 2);
        assert!(
            anchors
                .windows(2)
                .all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1)
        );
        // The second article's storm sentence comes first, so its places run later.
        assert!(anchors.iter().all(|&(a, b)| b > a));
    }
}
