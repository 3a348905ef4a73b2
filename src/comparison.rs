//! The Comparison: the one result of an analysis, which the app and every report read.
//!
//! It serialises to the JSON report (`docs/report-json.md` of the design; see the README):
//! field names here are that contract. Every list is in a deterministic order (documents in
//! input order, everything else by document and offset), so the same input gives a
//! byte-identical report.

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
    /// Whether the articles report one event: said before anything else.
    #[serde(default)]
    pub story: Story,
    pub documents: Vec<Document>,
    pub quotes: Vec<Quote>,
    pub quote_groups: Vec<QuoteGroup>,
    pub sentence_groups: Vec<SentenceGroup>,
    /// The framing findings the default view shows: those Parallax is sure enough of, most
    /// telling first.
    pub framing: Vec<FramingDifference>,
    /// The less certain findings, shown on asking ("show more").
    #[serde(default)]
    pub framing_more: Vec<FramingDifference>,
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
            story: Story::default(),
            documents: Vec::new(),
            quotes: Vec::new(),
            quote_groups: Vec::new(),
            sentence_groups: Vec::new(),
            framing: Vec::new(),
            framing_more: Vec::new(),
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

    /// Who leaves an omission out, for a reader: the outlets by name, at most eight of them,
    /// or "every other article" when that is all of more than three.
    #[must_use]
    pub fn missing_from_names(&self, names: &ReaderNames, omission: &Omission) -> String {
        let others = self.documents.len().saturating_sub(1);
        let count = omission.missing_from.len();
        if count == others && others > 3 {
            return format!("every other article ({others})");
        }
        Self::set_names(names, &omission.missing_from)
    }

    /// The story verdict as a reader reads it first: its summary and, when the articles do not
    /// all report one event, which articles report one event together.
    #[must_use]
    pub fn story_in_words(&self, names: &ReaderNames) -> Vec<String> {
        let story = &self.story;
        let mut lines = Vec::new();
        if story.summary.is_empty() {
            return lines;
        }
        lines.push(story.summary.clone());
        if story.groups.len() > 1 {
            for (k, group) in story.groups.iter().enumerate() {
                let members: Vec<String> = group
                    .iter()
                    .filter_map(|id| document_index(id))
                    .map(|d| names.numbered(d))
                    .collect();
                lines.push(format!("Event {}: {}", k + 1, members.join(", ")));
            }
        }
        lines
    }

    /// What an omission leaves out, as a reader reads it: the quote's words, or the sentence.
    #[must_use]
    pub fn omission_text(&self, omission: &Omission) -> Option<&str> {
        match &omission.quote {
            // A quote's id is `q` and its place in the list.
            Some(id) => id
                .strip_prefix('q')
                .and_then(|k| k.parse::<usize>().ok())
                .and_then(|k| self.quotes.get(k))
                .filter(|q| &q.id == id)
                .or_else(|| self.quotes.iter().find(|q| &q.id == id))
                .map(|q| q.text.as_str()),
            None => self
                .document(&omission.doc)?
                .sentences
                .get(omission.sentence)
                .map(|s| s.text.as_str()),
        }
    }

    /// The articles of a set by name, at most eight of them.
    #[must_use]
    pub fn set_names(names: &ReaderNames, set: &DocSet) -> String {
        const SHOWN: usize = 8;
        let count = set.len();
        let named: Vec<&str> = set.iter().take(SHOWN).map(|doc| names.at(doc)).collect();
        if count > SHOWN {
            format!("{} and {} more", named.join(", "), count - SHOWN)
        } else {
            named.join(", ")
        }
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

/// How a reader names each document of a comparison, in the window, the reports and the notes:
/// its outlet; else a short name made from its title; else its file name. Names that would be
/// alike are told apart: two articles of one outlet by their titles, two files with one name
/// by their folders, and what is still alike by its number in the comparison. Documents are
/// also numbered from 1 in their order ("1 · Fox News"), never by their ids (`d0`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderNames {
    names: Vec<String>,
}

/// The longest name made from a title, in characters.
const TITLE_NAME_CHARS: usize = 32;

impl ReaderNames {
    #[must_use]
    pub fn new(documents: &[Document]) -> ReaderNames {
        let paths: Vec<&str> = documents.iter().map(|d| d.path.as_str()).collect();
        let files = short_names(&paths);
        let titles: Vec<Option<String>> = documents
            .iter()
            .map(|d| d.title.as_deref().and_then(title_name))
            .collect();
        let outlets: Vec<Option<&str>> = documents
            .iter()
            .map(|d| d.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()))
            .collect();
        let mut names: Vec<String> = (0..documents.len())
            .map(|k| match (outlets[k], &titles[k]) {
                (Some(outlet), _) => outlet.to_owned(),
                (None, Some(title)) => title.clone(),
                // A file called by a number or a hash says less than the article's opening.
                (None, None) if !wordy(&documents[k].path) => documents[k]
                    .sentences
                    .first()
                    .and_then(|s| title_name(&s.text))
                    .unwrap_or_else(|| files[k].clone()),
                (None, None) => files[k].clone(),
            })
            .collect();
        // Alike names: an outlet's articles by their titles, then anything by its file.
        let alike =
            |names: &[String], k: usize| names.iter().filter(|n| **n == names[k]).count() > 1;
        let first: Vec<bool> = (0..names.len()).map(|k| alike(&names, k)).collect();
        for k in 0..names.len() {
            if first[k]
                && let (Some(outlet), Some(title)) = (outlets[k], &titles[k])
            {
                names[k] = format!("{outlet}: {title}");
            }
        }
        let second: Vec<bool> = (0..names.len()).map(|k| alike(&names, k)).collect();
        for k in 0..names.len() {
            if second[k] && !names[k].ends_with(&files[k]) {
                names[k] = format!("{} ({})", names[k], files[k]);
            }
        }
        let third: Vec<bool> = (0..names.len()).map(|k| alike(&names, k)).collect();
        for k in 0..names.len() {
            if third[k] {
                names[k] = format!("{} (article {})", names[k], k + 1);
            }
        }
        ReaderNames { names }
    }

    /// The name of the document at `index` (from 0), or "an article" past the end.
    #[must_use]
    pub fn at(&self, index: usize) -> &str {
        self.names.get(index).map_or("an article", String::as_str)
    }

    /// The name of the document with id `doc` (`d0`, `d1`, ...).
    #[must_use]
    pub fn of(&self, doc: &str) -> &str {
        self.at(document_index(doc).unwrap_or(usize::MAX))
    }

    /// "2 · The Valley Ledger": the number a reader counts by, then the name.
    #[must_use]
    pub fn numbered(&self, index: usize) -> String {
        format!("{} · {}", index + 1, self.at(index))
    }

    /// How many documents are named.
    #[must_use]
    pub fn len(&self) -> usize {
        self.names.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// What kind of difference of wording a framing finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FramingKind {
    /// Rival terms for one thing, from the terms lexicon ("annexation" / "accepted into").
    Term,
    /// Reporting verbs: the same quote introduced differently, or verbs that do more than
    /// report.
    Verb,
    /// A person, body or thing described differently.
    Label,
    /// One referent named differently in passages that report the same thing.
    Substitution,
    /// Words put in quotation marks to keep a distance.
    ScareQuote,
    /// The writer's hedging words ("so-called", "reportedly").
    Hedge,
    /// Words that judge or colour while they report.
    Loaded,
    /// Colouring words no lexicon lists, found by the evidence around them.
    Wording,
}

impl FramingKind {
    /// The kind in a reader's words.
    #[must_use]
    pub fn reader_name(self) -> &'static str {
        match self {
            FramingKind::Term => "rival terms",
            FramingKind::Label => "how someone or something is described",
            FramingKind::Verb => "reporting verbs",
            FramingKind::Substitution => "one thing named differently",
            FramingKind::ScareQuote => "quotation marks",
            FramingKind::Hedge => "hedging",
            FramingKind::Loaded => "loaded words",
            FramingKind::Wording => "the writer's own wording",
        }
    }
}

/// The position of the document with id `doc` (`d3` is 3).
#[must_use]
pub fn document_index(doc: &str) -> Option<usize> {
    doc.strip_prefix('d').and_then(|n| n.parse().ok())
}

/// Whether a file's name is made of words ("fox.txt", "ferry-report.md") rather than numbers
/// and hashes ("001_be3014d14ec1fab8.txt").
fn wordy(path: &str) -> bool {
    let stem = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    let alphanumeric = stem.chars().filter(|c| c.is_alphanumeric()).count();
    letters >= 3 && letters * 10 >= alphanumeric * 6
}

/// A short name made from a title: its first words up to [`TITLE_NAME_CHARS`], with "…" where
/// it was cut.
fn title_name(title: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let mut name = String::new();
    for (k, word) in words.iter().enumerate() {
        let next = if name.is_empty() {
            (*word).to_owned()
        } else {
            format!("{name} {word}")
        };
        if next.chars().count() > TITLE_NAME_CHARS && !name.is_empty() {
            let cut = name.trim_end_matches([',', ':', ';', '.', '—', '–', '-']);
            return Some(format!("{cut}…"));
        }
        name = next;
        if k + 1 == words.len() {
            return Some(name);
        }
    }
    None
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FramingDifference {
    pub id: String,
    pub kind: FramingKind,
    pub concept: String,
    pub variants: Vec<Wording>,
    pub note: String,
    /// How sure Parallax is that the finding is worth a reader's time, from 0 to 1: the default
    /// view shows those at [`FramingDifference::CUT`] or above.
    #[serde(default)]
    pub confidence: f64,
}

impl FramingDifference {
    /// The confidence from which a finding is shown by default.
    pub const CUT: f64 = 0.5;
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

/// Whether the articles report one event, related events of one story, or unrelated things.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    #[default]
    SameEvent,
    Related,
    Unrelated,
}

impl Verdict {
    /// In a reader's words.
    #[must_use]
    pub fn reader_words(self) -> &'static str {
        match self {
            Verdict::SameEvent => "the same event",
            Verdict::Related => "one story, different events",
            Verdict::Unrelated => "different stories",
        }
    }

    /// In a reader's words, as a heading.
    #[must_use]
    pub fn heading(self) -> &'static str {
        match self {
            Verdict::SameEvent => "The same event",
            Verdict::Related => "One story, different events",
            Verdict::Unrelated => "Different stories",
        }
    }
}

/// The story of a comparison: its verdict, why, and which articles report one event together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub verdict: Verdict,
    /// The verdict in a sentence, for a reader.
    pub summary: String,
    /// What links pairs of articles, strongest first (at most 200).
    pub evidence: Vec<StoryLink>,
    /// The articles that report one event together, by document id; every article is in one
    /// group. Omissions are claimed only within a group.
    pub groups: Vec<Vec<String>>,
}

/// What links two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryLink {
    pub docs: [String; 2],
    /// `same_event` or `related`.
    pub link: Verdict,
    /// Sentence groups and quote groups that hold both.
    pub shared_facts: usize,
    pub shared_quotes: usize,
    /// Cosine closeness of their content words, 0 to 1.
    pub content: f64,
    /// Weighted overlap of the names they use, 0 to 1.
    pub names: f64,
    /// Whether both name the same day of the week.
    pub same_weekday: bool,
}

/// A fact or a quote that some articles of one event carry and others leave out: one per thing
/// missing, shown by the first article that carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Omission {
    pub doc: String,
    /// The sentence (for a quote, the sentence it starts in).
    pub sentence: usize,
    /// The quote, when the omission is of a quote rather than of a sentence.
    pub quote: Option<String>,
    /// The documents that do not carry it.
    pub missing_from: DocSet,
    /// The documents that carry it, `doc` first among them, in the same or other words.
    #[serde(default)]
    pub carried_by: DocSet,
    /// Why it counts, in a reader's words: a quote and whose, numbers, names the others never
    /// mention, a claim and whose.
    #[serde(default)]
    pub why: Vec<String>,
    /// How much it counts, for ranking (omissions are listed most telling first).
    #[serde(default)]
    pub importance: f64,
}

/// A set of documents by position, a bit each. An omission's `missing_from` is the one list
/// that grows with documents × sentences: 200 articles that share little would otherwise
/// hold tens of millions of ids. It is written to the report as the documents' ids
/// (`["d0", "d2"]`), which are `d` and the position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocSet {
    words: Box<[u64]>,
}

impl DocSet {
    /// The documents among `0..count` for which `pick` holds.
    pub fn from_fn(count: usize, mut pick: impl FnMut(usize) -> bool) -> Self {
        let mut words = vec![0_u64; count.div_ceil(64)];
        for doc in (0..count).filter(|&doc| pick(doc)) {
            words[doc / 64] |= 1 << (doc % 64);
        }
        DocSet::from_words(words)
    }

    /// Without trailing empty words, so that equal sets compare equal.
    fn from_words(mut words: Vec<u64>) -> Self {
        while words.last() == Some(&0) {
            words.pop();
        }
        DocSet {
            words: words.into_boxed_slice(),
        }
    }

    #[must_use]
    pub fn contains(&self, doc: usize) -> bool {
        self.words
            .get(doc / 64)
            .is_some_and(|word| word & (1 << (doc % 64)) != 0)
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// The documents' positions, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(k, &word)| {
            (0..64)
                .filter(move |bit| word & (1 << bit) != 0)
                .map(move |bit| k * 64 + bit)
        })
    }
}

impl Serialize for DocSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|doc| format!("d{doc}")))
    }
}

impl<'de> Deserialize<'de> for DocSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let ids = Vec::<String>::deserialize(deserializer)?;
        let docs = ids
            .iter()
            .map(|id| {
                id.strip_prefix('d')
                    .and_then(|k| k.parse::<usize>().ok())
                    .filter(|&k| k < 1 << 20)
                    .ok_or_else(|| serde::de::Error::custom(format!("not a document id: {id}")))
            })
            .collect::<Result<Vec<usize>, _>>()?;
        let mut words = vec![0_u64; docs.iter().max().map_or(0, |&k| k / 64 + 1)];
        for doc in docs {
            words[doc / 64] |= 1 << (doc % 64);
        }
        Ok(DocSet::from_words(words))
    }
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

    fn document(path: &str, outlet: Option<&str>, title: Option<&str>) -> Document {
        Document {
            id: String::new(),
            path: path.to_owned(),
            title: title.map(str::to_owned),
            outlet: outlet.map(str::to_owned),
            date: None,
            syndicated_from: None,
            reprint_of: None,
            url: None,
            format: Format::Text,
            encoding: "UTF-8".to_owned(),
            notes: Vec::new(),
            kept_lines: Vec::new(),
            removed: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            text: String::new(),
            words: Vec::new(),
        }
    }

    #[test]
    fn readers_name_articles_by_outlet_then_title_then_file_and_tell_alike_ones_apart() {
        let documents = [
            document(
                "a/fox.txt",
                Some("Fox News"),
                Some("Council backs the wall"),
            ),
            document(
                "b/fox.txt",
                Some("Fox News"),
                Some("Residents march against the new river wall plan on Friday"),
            ),
            document("c/fox.txt", None, Some("Mayor wins the vote")),
            document("d/fox.txt", None, None),
            document("e/fox.txt", None, None),
            document("e/fox.txt", None, None),
            document("ledger.html", Some("  "), None),
            {
                let mut hashed = document("001_be3014d14ec1fab8.txt", None, None);
                hashed.sentences.push(crate::analysis::segment::Sentence {
                    index: 0,
                    paragraph: 0,
                    start: 0,
                    end: 0,
                    text: "Russian President Vladimir Putin and US President Donald Trump met."
                        .to_owned(),
                });
                hashed
            },
        ];
        let names = ReaderNames::new(&documents);
        let all: Vec<&str> = (0..documents.len()).map(|k| names.at(k)).collect();
        assert_eq!(
            all,
            [
                "Fox News: Council backs the wall",
                "Fox News: Residents march against the new…",
                "Mayor wins the vote",
                "d/fox.txt",
                "e/fox.txt (article 5)",
                "e/fox.txt (article 6)",
                "ledger.html",
                "Russian President Vladimir Putin…",
            ]
        );
        assert_eq!(names.numbered(2), "3 · Mayor wins the vote");
        assert_eq!(names.of("d3"), "d/fox.txt");
        assert_eq!(names.of("x"), "an article");
    }

    #[test]
    fn a_doc_set_holds_its_documents_and_is_written_as_their_ids() {
        let set = DocSet::from_fn(200, |doc| doc % 63 == 1);
        assert_eq!(set.iter().collect::<Vec<_>>(), [1, 64, 127, 190]);
        assert_eq!(set.len(), 4);
        assert!(set.contains(127) && !set.contains(128) && !set.contains(10_000));
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(json, r#"["d1","d64","d127","d190"]"#);
        let back: DocSet = serde_json::from_str(&json).unwrap();
        assert_eq!(back, set);
        // The same set however many documents it was counted among.
        assert_eq!(
            DocSet::from_fn(1000, |doc| doc == 3),
            DocSet::from_fn(4, |doc| doc == 3)
        );
        let empty = DocSet::from_fn(130, |_| false);
        assert!(empty.is_empty() && empty == DocSet::default());
        assert_eq!(empty.len(), 0);
        assert_eq!(serde_json::to_string(&empty).unwrap(), "[]");
        assert!(serde_json::from_str::<DocSet>(r#"["q1"]"#).is_err());
    }

    #[test]
    fn who_leaves_a_sentence_out_is_named_or_counted() {
        let mut c = crate::analysis::compare_texts(&["The ferry runs again."]);
        let template = c.documents.remove(0);
        for k in 0..12 {
            c.documents.push(Document {
                id: format!("d{k}"),
                path: format!("/news/report{k}.txt"),
                outlet: (k % 2 == 0).then(|| format!("Outlet {k}")),
                title: None,
                ..template.clone()
            });
        }
        let names = ReaderNames::new(&c.documents);
        let omission = |pick: &dyn Fn(usize) -> bool| Omission {
            carried_by: DocSet::default(),
            why: Vec::new(),
            importance: 0.0,
            doc: "d0".to_owned(),
            sentence: 0,
            quote: None,
            missing_from: DocSet::from_fn(12, pick),
        };
        assert_eq!(
            c.missing_from_names(&names, &omission(&|k| k == 1 || k == 2)),
            "report1.txt, Outlet 2"
        );
        assert_eq!(
            c.missing_from_names(&names, &omission(&|k| k > 0)),
            "every other article (11)"
        );
        assert_eq!(
            c.missing_from_names(&names, &omission(&|k| k > 1)),
            "Outlet 2, report3.txt, Outlet 4, report5.txt, Outlet 6, report7.txt, Outlet 8, \
             report9.txt and 2 more"
        );
    }

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
            url: url.map(str::to_owned),
            ..document(path, None, None)
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
