//! The Comparison: the one result of an analysis, which the app and every report read.
//!
//! It serialises to the JSON report (`docs/report-json.md` of the design; see the README):
//! field names here are that contract. Every list is in a deterministic order (documents in
//! input order, everything else by document and offset), so the same input gives a
//! byte-identical report.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::analysis::clean::RemovedLine;
use crate::analysis::segment::{Paragraph, Sentence, Span};
use crate::analysis::verbs::VerbClass;
use crate::ingest::Format;

/// The report schema this build writes. Bump it when a contract field is renamed or dropped.
pub const SCHEMA: &str = "parallax.report/1";

/// Name and version of this build, as the report's `generator`.
#[must_use]
pub fn generator() -> String {
    format!("parallax {}", env!("CARGO_PKG_VERSION"))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub schema: String,
    pub generator: String,
    pub documents: Vec<Document>,
    pub quotes: Vec<Quote>,
    pub quote_groups: Vec<QuoteGroup>,
    pub sentence_groups: Vec<SentenceGroup>,
    pub framing: Vec<FramingDifference>,
    /// How each document labels each person, grouped by person across documents.
    pub labels: Vec<PersonLabels>,
    /// The words each document uses more than the others, ranked.
    pub vocabulary: Vec<Distinctive>,
    pub omissions: Vec<Omission>,
    /// Inputs that could not be compared, with what was wrong.
    pub problems: Vec<Problem>,
}

impl Default for Comparison {
    fn default() -> Self {
        Comparison {
            schema: SCHEMA.to_owned(),
            generator: generator(),
            documents: Vec::new(),
            quotes: Vec::new(),
            quote_groups: Vec::new(),
            sentence_groups: Vec::new(),
            framing: Vec::new(),
            labels: Vec::new(),
            vocabulary: Vec::new(),
            omissions: Vec::new(),
            problems: Vec::new(),
        }
    }
}

/// One article as analysed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// `d0`, `d1`, ... in input order.
    pub id: String,
    /// The input as the user named it.
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO date (`YYYY-MM-DD`) when known.
    pub date: Option<String>,
    /// The original publisher when this is a reprint, as the document says.
    pub syndicated_from: Option<String>,
    /// The document in this comparison that this one mostly copies, when it is a reprint.
    pub reprint_of: Option<String>,
    pub url: Option<String>,
    pub format: Format,
    /// The encoding the input was read with.
    pub encoding: String,
    /// What the user should know about how the input was read.
    pub notes: Vec<String>,
    /// 1-based source lines kept as article text.
    pub kept_lines: Vec<usize>,
    /// Lines removed as page furniture, each with its reason.
    pub removed: Vec<RemovedLine>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// The text all offsets refer to: the decoded file, or for a web page its extracted text.
    pub text: String,
    /// Word spans, for the later stages; rebuilt rather than stored.
    #[serde(skip)]
    pub words: Vec<Span>,
}

impl Document {
    /// The outlet, or failing that the file's name: how lists and columns name a document.
    #[must_use]
    pub fn outlet_or_file(&self) -> String {
        self.outlet.clone().unwrap_or_else(|| {
            std::path::Path::new(&self.path)
                .file_name()
                .map_or_else(|| self.path.clone(), |n| n.to_string_lossy().into_owned())
        })
    }

    /// "Outlet · date" (the outlet alone when the date is unknown).
    #[must_use]
    pub fn display_name(&self) -> String {
        match &self.date {
            Some(date) => format!("{} · {date}", self.outlet_or_file()),
            None => self.outlet_or_file(),
        }
    }
}

impl Comparison {
    /// The document with id `doc` (`d0`, `d1`, ...).
    #[must_use]
    pub fn document(&self, doc: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == doc)
    }

    /// The text of document `doc`, which every offset in the comparison refers to.
    #[must_use]
    pub fn text_of(&self, doc: &str) -> Option<&str> {
        self.document(doc).map(|d| d.text.as_str())
    }

    /// How to name document `doc` (its outlet or file name; the id itself if unknown).
    #[must_use]
    pub fn outlet_of(&self, doc: &str) -> String {
        self.document(doc)
            .map_or_else(|| doc.to_owned(), Document::outlet_or_file)
    }

    /// This comparison as it may leave the machine: every document and problem named by
    /// [`short_names`] instead of its full path, and a `file:` address dropped, so a shared
    /// report does not tell whose folders it was made from.
    #[must_use]
    pub fn without_folders(&self) -> Comparison {
        let paths: Vec<&str> = self
            .documents
            .iter()
            .map(|d| d.path.as_str())
            .chain(self.problems.iter().map(|p| p.path.as_str()))
            .collect();
        let mut names = short_names(&paths).into_iter();
        let mut comparison = self.clone();
        for document in &mut comparison.documents {
            document.path = names.next().unwrap_or_default();
            if document.url.as_deref().is_some_and(|url| {
                url.get(..5)
                    .is_some_and(|s| s.eq_ignore_ascii_case("file:"))
            }) {
                document.url = None;
            }
        }
        for problem in &mut comparison.problems {
            problem.path = names.next().unwrap_or_default();
        }
        comparison
    }
}

/// Short names for `paths`: each one's file name, with as many of its folders as it takes to
/// tell it from a different path that ends alike (`a/fox.txt` and `b/fox.txt`). The same path
/// given twice keeps one name. A path with no name in it is kept as it is.
#[must_use]
pub fn short_names(paths: &[&str]) -> Vec<String> {
    let parts: Vec<Vec<&str>> = paths
        .iter()
        .map(|path| {
            path.split(['/', '\\'])
                .filter(|part| !part.is_empty() && *part != ".")
                .collect()
        })
        .collect();
    let mut depth = vec![1_usize; paths.len()];
    loop {
        let names: Vec<String> = parts
            .iter()
            .zip(&depth)
            .zip(paths)
            .map(|((parts, &depth), path)| {
                if parts.is_empty() {
                    (*path).to_owned()
                } else {
                    parts[parts.len().saturating_sub(depth)..].join("/")
                }
            })
            .collect();
        let mut deeper = false;
        for i in 0..paths.len() {
            let clash = (0..paths.len()).any(|j| names[j] == names[i] && parts[j] != parts[i]);
            if clash && depth[i] < parts[i].len() {
                depth[i] += 1;
                deeper = true;
            }
        }
        if !deeper {
            return names;
        }
    }
}

/// A stretch of quoted speech in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub speaker: Option<String>,
    pub cue: Option<String>,
    /// What the reporting verb implies, from the lexicon: neutral, emphatic, distancing,
    /// presupposing, loaded.
    pub cue_class: Option<VerbClass>,
    /// Whom the speaker speaks for, as the document says ("Obama campaign", "Kremlin").
    pub affiliation: Option<String>,
    /// Ellipses inside the quote: where the outlet cut words out.
    pub gaps: Vec<Span>,
    /// Bracketed words the outlet inserted: "such a [Trump-Putin] meeting".
    pub editorial: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Partial,
    Scare,
}

/// One word-level change between the first document's wording in a group and another's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordEdit {
    pub op: EditKind,
    /// The words in the first document (empty, at the place, for an insertion).
    pub old: Piece,
    /// The words in the other document (empty, at the place, for a deletion).
    pub new: Piece,
}

/// Words of one document: a byte range of its source and the words themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Piece {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EditKind {
    Insert,
    Delete,
    Replace,
}

/// The same quote as carried by several documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    pub id: String,
    /// Quote ids, by document and position.
    pub quotes: Vec<String>,
    /// How closely the versions match, 0 to 1 (containment of word pairs or shared content).
    pub similarity: f64,
    /// How many independent documents carry it: a reprint counts with its original.
    pub sources: usize,
    /// Word-level changes from the first document's version to each other document's.
    pub diff: Vec<WordEdit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRef {
    pub doc: String,
    pub sentence: usize,
}

/// Sentences in several documents that report the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceGroup {
    pub id: String,
    /// By document and position; a document may have two neighbouring sentences (a split).
    pub members: Vec<SentenceRef>,
    pub similarity: f64,
    /// How many independent documents carry it: a reprint counts with its original.
    pub sources: usize,
    /// Word-level changes from the first document's wording to each other document's.
    pub diff: Vec<WordEdit>,
}

/// One referent, worded differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FramingDifference {
    pub id: String,
    pub kind: String,
    pub concept: String,
    pub variants: Vec<Wording>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    pub doc: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One person as the documents describe them: "Kremlin spokesman" in one, "Putin's
/// spokesman" in another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonLabels {
    /// The name, in its fullest form across the documents.
    pub name: String,
    /// Each description where the person is named, in document and text order.
    pub labels: Vec<Wording>,
}

impl PersonLabels {
    /// Each document's distinct labels for the person, documents and labels in order.
    #[must_use]
    pub fn per_document(&self) -> Vec<(&str, Vec<&str>)> {
        let mut per_doc: Vec<(&str, Vec<&str>)> = Vec::new();
        for label in &self.labels {
            match per_doc.iter_mut().find(|(d, _)| *d == label.doc) {
                Some((_, texts)) if texts.contains(&label.text.as_str()) => {}
                Some((_, texts)) => texts.push(&label.text),
                None => per_doc.push((&label.doc, vec![&label.text])),
            }
        }
        per_doc
    }
}

/// A document's distinctive vocabulary: the words it uses more than the other documents,
/// most distinctive first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distinctive {
    pub doc: String,
    pub words: Vec<DistinctiveWord>,
}

/// One distinctive word (compared by stem; shown in its most used form).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistinctiveWord {
    pub word: String,
    /// Uses in this document, outside direct quotes.
    pub count: u32,
    /// Uses in all the other documents together.
    pub others: u32,
    /// The log-odds ratio over its standard deviation (Monroe et al. 2008).
    pub z: f64,
}

/// A sentence, or a quote, that one document carries and others leave out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Omission {
    pub doc: String,
    /// The sentence (for a quote, the sentence it starts in).
    pub sentence: usize,
    /// The quote, when the omission is of a quote rather than of a sentence.
    pub quote: Option<String>,
    /// The documents that do not carry it. Shared strings: with many documents this list is
    /// the one that grows with documents × sentences, so its ids are not copied each time.
    pub missing_from: Vec<Arc<str>>,
}

/// An input that could not be compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_keep_the_folders_that_tell_files_apart() {
        let names = short_names(&[
            "/home/ana/leaks/2026/a/fox.txt",
            "/home/ana/leaks/2026/b/fox.txt",
            "/home/ana/leaks/2026/a/fox.txt",
            "C:\\Users\\ana\\ledger.html",
            "./notes.md",
            "pasted-1.html",
            "/",
        ]);
        assert_eq!(
            names,
            [
                "a/fox.txt",
                "b/fox.txt",
                "a/fox.txt",
                "ledger.html",
                "notes.md",
                "pasted-1.html",
                "/",
            ]
        );
    }

    #[test]
    fn without_folders_renames_documents_and_problems_and_drops_file_addresses() {
        let document = |id: &str, path: &str, url: Option<&str>| Document {
            id: id.to_owned(),
            path: path.to_owned(),
            title: None,
            outlet: None,
            date: None,
            syndicated_from: None,
            reprint_of: None,
            url: url.map(str::to_owned),
            format: Format::Text,
            encoding: "UTF-8".to_owned(),
            notes: Vec::new(),
            kept_lines: Vec::new(),
            removed: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            text: String::new(),
            words: Vec::new(),
        };
        let comparison = Comparison {
            documents: vec![
                document(
                    "d0",
                    "/srv/desk/story.html",
                    Some("FILE:///srv/desk/story.html"),
                ),
                document("d1", "/srv/desk/wire.txt", Some("https://example.org/wire")),
            ],
            problems: vec![Problem {
                path: "/srv/other/story.html".to_owned(),
                message: "the file is empty".to_owned(),
            }],
            ..Comparison::default()
        };
        let shared = comparison.without_folders();
        assert_eq!(shared.documents[0].path, "desk/story.html");
        assert_eq!(shared.documents[0].url, None);
        assert_eq!(shared.documents[1].path, "wire.txt");
        assert_eq!(
            shared.documents[1].url.as_deref(),
            Some("https://example.org/wire")
        );
        assert_eq!(shared.problems[0].path, "other/story.html");
        let json = crate::report::json::render(&shared);
        assert!(!json.contains("/srv"), "{json}");
    }
}
