//! A saved comparison from somebody else → its inputs → comparison → reports and every view
//! it can ask for. A `.parallax` file carries article text that never went through ingest
//! (any characters, any length) and the user's edits and selection as written in the file, so
//! this target builds those directly from the bytes rather than hoping mutations keep JSON
//! well-formed. Never a panic; the same invariants as the analysis.
#![no_main]

#[allow(
    dead_code,
    reason = "this target builds its inputs itself, not from common::inputs"
)]
mod common;

use libfuzzer_sys::fuzz_target;
use parallax::ingest::{Format, Metadata};
use parallax::report::highlights::{self, Highlights, Target};
use parallax::report::{ReportFormat, matrix, render};
use parallax::saved::{Lexicons, SavedComparison, SavedDocument, View};

/// A short string from the control bytes (lossy UTF-8), or none.
fn field(control: &[u8], at: usize) -> Option<String> {
    let len = usize::from(*control.get(at)?) % 16;
    let bytes = control.get(at + 1..at + 1 + len)?;
    Some(String::from_utf8_lossy(bytes).into_owned())
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0xFF);
    let control = parts.next().unwrap_or_default();
    let byte = |k: usize| usize::from(control.get(k).copied().unwrap_or(0));
    let documents: Vec<SavedDocument> = parts
        .take(5)
        .enumerate()
        .map(|(k, part)| {
            let (kind, body) = part.split_first().unwrap_or((&0, &[]));
            let metadata = |at: usize| Metadata {
                title: field(control, at),
                outlet: field(control, at + 17),
                date: field(control, at + 34),
                url: None,
            };
            SavedDocument {
                path: format!("doc{k}"),
                format: [Format::Text, Format::Markdown, Format::Html][usize::from(*kind) % 3],
                encoding: field(control, 8 + k).unwrap_or_default(),
                text: String::from_utf8_lossy(body).into_owned(),
                detected: metadata(16 + k * 3),
                notes: Vec::new(),
                user: metadata(64 + k * 5),
            }
        })
        .collect();
    let target = match byte(0) % 6 {
        0 => Target::QuoteGroup(byte(1)),
        1 => Target::Fact(byte(1)),
        2 => Target::Quote(byte(1)),
        3 => Target::Framing(byte(1)),
        4 => Target::Person(byte(1)),
        _ => Target::Sentence {
            doc: byte(1) % 8,
            index: byte(2),
        },
    };
    let saved = SavedComparison::new(&[], Lexicons::default(), View::default());
    let saved = SavedComparison {
        documents,
        view: View {
            panel: field(control, 3),
            show_removed: byte(4) % 2 == 0,
            selection: Some(target),
        },
        ..saved
    };
    // What is written reads back the same.
    let reread = SavedComparison::from_json(&saved.to_json()).expect("a saved file reads back");
    assert_eq!(reread, saved);

    let inputs = saved.inputs();
    let comparison = common::analyze(&inputs);
    common::check(&comparison);
    for document in &comparison.documents {
        if let Some(date) = &document.date {
            assert!(
                date.len() == 10 && date.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
                "a document's date is ISO: {date:?}"
            );
        }
    }
    // Everything the app and the reports derive, for the selection the file asks for.
    let highlights = Highlights::new(&comparison);
    let count = comparison.documents.len();
    for a in 0..count {
        for b in 0..count {
            let _ = highlights.anchors(a, b);
        }
    }
    for (doc, span) in highlights::ranges(&comparison, target) {
        let text = &comparison.documents[doc].text;
        assert!(span.start <= span.end && span.end <= text.len());
    }
    let _ = highlights::versions(&comparison, target);
    let _ = highlights::places(&comparison, target);
    let _ = matrix::quote_matrix(&comparison);
    for format in ReportFormat::ALL {
        let _ = render(&comparison, format);
    }
});
