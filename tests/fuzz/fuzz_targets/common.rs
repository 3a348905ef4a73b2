//! What every target shares: turning fuzz bytes into inputs, and the invariants checked on
//! every comparison.

use std::sync::LazyLock;

use parallax::analysis::{Input, Options, analyze_with};
use parallax::comparison::Comparison;
use parallax::ingest;

/// The shipped lexicons, read once (reading them is most of a small analysis's time).
static OPTIONS: LazyLock<Options> = LazyLock::new(Options::default);

/// The analysis with the shipped lexicons.
pub fn analyze(inputs: &[Input]) -> Comparison {
    analyze_with(inputs, &OPTIONS)
}

/// Up to five documents from the bytes: split at 0xFF bytes, each named by its first byte as
/// plain text, Markdown or HTML.
pub fn inputs(data: &[u8]) -> Vec<Input> {
    data.split(|&b| b == 0xFF)
        .take(5)
        .enumerate()
        .filter_map(|(k, part)| {
            let (kind, body) = part.split_first()?;
            let name = match kind % 3 {
                0 => format!("doc{k}.txt"),
                1 => format!("doc{k}.md"),
                _ => format!("doc{k}.html"),
            };
            ingest::ingest(&name, body).ok().map(Input::from)
        })
        .collect()
}

/// Every offset the comparison gives lands on its document's text, on character boundaries,
/// and every omission names what exists.
pub fn check(comparison: &Comparison) {
    let text_of = |doc: &str| {
        comparison
            .text_of(doc)
            .expect("every doc id names a document")
    };
    let span = |text: &str, start: usize, end: usize| {
        assert!(
            start <= end && end <= text.len(),
            "span {start}..{end} of {}",
            text.len()
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
    };
    for document in &comparison.documents {
        for sentence in &document.sentences {
            span(&document.text, sentence.start, sentence.end);
        }
        for paragraph in &document.paragraphs {
            span(&document.text, paragraph.start, paragraph.end);
        }
    }
    for quote in &comparison.quotes {
        let text = text_of(&quote.doc);
        span(text, quote.start, quote.end);
        // The quote's text is its words with white space squeezed (a quote may run over
        // paragraphs).
        let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(squeeze(&text[quote.start..quote.end]), squeeze(&quote.text));
    }
    for finding in &comparison.framing {
        for wording in &finding.variants {
            span(text_of(&wording.doc), wording.start, wording.end);
        }
    }
    // An omission names a sentence of its document (and a quote of it), and documents other
    // than its own.
    for omission in &comparison.omissions {
        let doc = comparison
            .documents
            .iter()
            .position(|d| d.id == omission.doc)
            .expect("an omission's doc names a document");
        assert!(omission.sentence < comparison.documents[doc].sentences.len());
        if let Some(quote) = &omission.quote {
            assert!(
                comparison
                    .quotes
                    .iter()
                    .any(|q| &q.id == quote && q.doc == omission.doc)
            );
        }
        assert!(!omission.missing_from.is_empty());
        assert!(
            omission
                .missing_from
                .iter()
                .all(|other| other != doc && other < comparison.documents.len())
        );
    }
    for group in comparison
        .quote_groups
        .iter()
        .map(|g| &g.diff)
        .chain(comparison.sentence_groups.iter().map(|g| &g.diff))
    {
        for edit in group {
            span(text_of(&edit.old.doc), edit.old.start, edit.old.end);
            span(text_of(&edit.new.doc), edit.new.start, edit.new.end);
        }
    }
}
