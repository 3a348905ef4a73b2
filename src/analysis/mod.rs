//! Analysis: decoded sources → a [`Comparison`]. The pure core of Parallax.
//!
//! This module and everything below it take text and return data: no file system, no window,
//! no dialog (a test scans the sources to keep it so). Each source is cleaned ([`clean`]), its
//! metadata settled ([`metadata`]: the user's word first, then the container's, then cues in
//! the text) and segmented ([`segment`]). Later stages (quotes, alignment, framing, omissions)
//! add to the same `Comparison`.

pub mod clean;
pub mod metadata;
pub mod segment;

use crate::comparison::{Comparison, Document, Problem};
use crate::ingest::{Metadata, Source};

/// One input to compare: the decoded source and what the user said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub source: Source,
    /// Metadata the user set (outlet, date, title); it wins over anything detected.
    pub user: Metadata,
}

impl From<Source> for Input {
    fn from(source: Source) -> Self {
        Input {
            source,
            user: Metadata::default(),
        }
    }
}

/// Analyses the inputs, in order. An input with no article text left after cleaning is not
/// compared; it is reported in `problems`.
#[must_use]
pub fn analyze(inputs: &[Input]) -> Comparison {
    let mut comparison = Comparison::default();
    for input in inputs {
        let id = format!("d{}", comparison.documents.len());
        match prepare(id, input) {
            Ok(document) => comparison.documents.push(document),
            Err(message) => comparison.problems.push(Problem {
                path: input.source.path.clone(),
                message,
            }),
        }
    }
    comparison
}

/// Cleans, describes and segments one input.
fn prepare(id: String, input: &Input) -> Result<Document, String> {
    let source = &input.source;
    let cleaned = clean::clean(&source.text);
    if cleaned.kept.is_empty() {
        let what = if cleaned.removed.is_empty() {
            "no text"
        } else {
            "only page furniture"
        };
        return Err(format!(
            "nothing left to compare: the file holds {what} ({} line{} removed as boilerplate)",
            cleaned.removed.len(),
            if cleaned.removed.len() == 1 { "" } else { "s" }
        ));
    }
    let segments = segment::segment(&source.text, &cleaned.kept);
    let pick = |user: &Option<String>, container: &Option<String>, cue: Option<String>| {
        user.clone().or_else(|| container.clone()).or(cue)
    };
    let (user, page, cues) = (&input.user, &source.metadata, cleaned.cues);
    Ok(Document {
        id,
        path: source.path.clone(),
        title: pick(&user.title, &page.title, cues.title),
        outlet: pick(&user.outlet, &page.outlet, cues.outlet),
        date: pick(&user.date, &page.date, cues.date),
        syndicated_from: cues.syndicated_from,
        url: user.url.clone().or_else(|| page.url.clone()),
        format: source.format,
        encoding: source.encoding.to_owned(),
        notes: source.notes.clone(),
        kept_lines: cleaned
            .kept
            .iter()
            .flat_map(|k| k.number..=k.last)
            .collect(),
        removed: cleaned.removed,
        paragraphs: segments.paragraphs,
        sentences: segments.sentences,
        text: source.text.clone(),
        words: segments.words,
    })
}
