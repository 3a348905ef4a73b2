//! The quote matrix: one row per quote, one cell per document saying whether the document
//! carries the quote, and how.
//!
//! A shared quote is measured against its fullest version (the one with the most words): a
//! document whose words are the same carries it whole, one that only leaves words out trimmed
//! it, one that changes or adds words altered it. Quotes that only one document carries get a
//! row too, since that is exactly what the others leave out. The app's Quotes panel and the
//! reports read this, so a cell means the same everywhere.

use crate::analysis::diff;
use crate::analysis::segment::{Span, words_in};
use crate::comparison::{Comparison, EditKind, Quote, QuoteKind};

/// How a document carries a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carried {
    /// The same words as the fullest version.
    Whole,
    /// Words left out, none changed or added.
    Trimmed,
    /// Words changed or added.
    Altered,
    /// Not in this document.
    Absent,
}

impl Carried {
    /// Every way of carrying a quote, from the fullest to none.
    pub const ALL: [Carried; 4] = [
        Carried::Whole,
        Carried::Trimmed,
        Carried::Altered,
        Carried::Absent,
    ];

    /// How a reader is told it: "carried whole", "trimmed", "altered", "not carried".
    #[must_use]
    pub fn reader_word(self) -> &'static str {
        match self {
            Carried::Whole => "carried whole",
            Carried::Trimmed => "trimmed",
            Carried::Altered => "altered",
            Carried::Absent => "not carried",
        }
    }

    /// The word the CSV report writes (its values, for spreadsheets and scripts).
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Carried::Whole => "carried",
            Carried::Trimmed => "trimmed",
            Carried::Altered => "altered",
            Carried::Absent => "absent",
        }
    }
}

/// One document's cell in a row.
#[derive(Debug, Clone, Copy)]
pub struct Cell<'a> {
    pub carried: Carried,
    /// The document's version (its first, when it quotes the words twice).
    pub quote: Option<&'a Quote>,
}

/// One quote across the documents.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The quote group's index in `comparison.quote_groups`, or `None` for a quote only one
    /// document carries.
    pub group: Option<usize>,
    /// The fullest version.
    pub fullest: &'a Quote,
    /// One cell per document, in document order.
    pub cells: Vec<Cell<'a>>,
}

/// The matrix: shared quotes in group order, then each document's own direct and partial
/// quotes in document and text order. Scare quotes (a word or two) are framing, not rows.
#[must_use]
pub fn quote_matrix(comparison: &Comparison) -> Vec<Row<'_>> {
    let by_id = |id: &str| comparison.quotes.iter().find(|q| q.id == id);
    let doc_index = |doc: &str| comparison.documents.iter().position(|d| d.id == doc);
    let empty = || {
        vec![
            Cell {
                carried: Carried::Absent,
                quote: None,
            };
            comparison.documents.len()
        ]
    };
    let mut rows = Vec::new();
    let mut grouped = std::collections::BTreeSet::new();
    for (index, group) in comparison.quote_groups.iter().enumerate() {
        let quotes: Vec<&Quote> = group.quotes.iter().filter_map(|id| by_id(id)).collect();
        let Some(fullest) = quotes
            .iter()
            .copied()
            .max_by_key(|q| (word_count(&q.text), std::cmp::Reverse(q.id.as_str())))
        else {
            continue;
        };
        let mut cells = empty();
        for quote in &quotes {
            grouped.insert(quote.id.as_str());
            let Some(d) = doc_index(&quote.doc) else {
                continue;
            };
            if cells[d].quote.is_none() {
                cells[d] = Cell {
                    carried: compare(&fullest.text, &quote.text),
                    quote: Some(quote),
                };
            }
        }
        rows.push(Row {
            group: Some(index),
            fullest,
            cells,
        });
    }
    for quote in &comparison.quotes {
        if quote.kind == QuoteKind::Scare || grouped.contains(quote.id.as_str()) {
            continue;
        }
        let Some(d) = doc_index(&quote.doc) else {
            continue;
        };
        let mut cells = empty();
        cells[d] = Cell {
            carried: Carried::Whole,
            quote: Some(quote),
        };
        rows.push(Row {
            group: None,
            fullest: quote,
            cells,
        });
    }
    rows
}

fn word_count(text: &str) -> usize {
    words_in(
        text,
        Span {
            start: 0,
            end: text.len(),
        },
    )
    .len()
}

/// How `version` stands to the `fullest` wording of the same quote.
fn compare(fullest: &str, version: &str) -> Carried {
    let changes = diff::diff_texts(fullest, version);
    if changes.is_empty() {
        Carried::Whole
    } else if changes.iter().all(|c| c.op == EditKind::Delete) {
        Carried::Trimmed
    } else {
        Carried::Altered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Input, analyze};
    use crate::ingest::ingest;

    fn input(name: &str, text: &str) -> Input {
        Input::from(ingest(name, text.as_bytes()).unwrap())
    }

    #[test]
    fn cells_say_whole_trimmed_altered_and_absent() {
        let comparison = analyze(&[
            input(
                "a.txt",
                "Ferry returns\n\n\"The ferry will run every hour from May, and the fares will stay as they are, and no route will close,\" said Mayor Ada Quill on Monday.\n\n\"We are glad,\" said Tom Reed, a commuter.\n",
            ),
            input(
                "b.txt",
                "Ferry is back\n\n\"The ferry will run every hour from May,\" said Mayor Ada Quill on Monday.\n",
            ),
            input(
                "c.txt",
                "Hourly ferry\n\n\"The ferry will run every hour from June, and the fares will stay as they are, and no route will close,\" Mayor Ada Quill claimed.\n",
            ),
            input(
                "d.txt",
                "Weather\n\nRain is expected on Tuesday across the valley.\n",
            ),
        ]);
        let rows = quote_matrix(&comparison);
        let shared = rows.iter().find(|r| r.group.is_some()).unwrap();
        let carried: Vec<Carried> = shared.cells.iter().map(|c| c.carried).collect();
        assert_eq!(
            carried,
            [
                Carried::Whole,
                Carried::Trimmed,
                Carried::Altered,
                Carried::Absent
            ]
        );
        assert_eq!(
            shared.cells[2].quote.unwrap().cue.as_deref(),
            Some("claimed")
        );
        // The commuter's quote is only in the first article: a row of its own.
        let lone = rows.iter().find(|r| r.group.is_none()).unwrap();
        assert!(lone.fullest.text.contains("glad"));
        assert_eq!(lone.cells[0].carried, Carried::Whole);
        assert!(lone.cells[1..].iter().all(|c| c.carried == Carried::Absent));
    }
}
