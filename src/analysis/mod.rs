//! Analysis: decoded sources → a [`Comparison`]. The pure core of Parallax.
//!
//! This module and everything below it take text and return data: no file system, no window,
//! no dialog (a test scans the sources to keep it so). Each source is cleaned ([`clean`]), its
//! metadata settled ([`metadata`]: the user's word first, then the container's, then cues in
//! the text) and segmented ([`segment`]). Later stages (quotes, alignment, framing, omissions)
//! add to the same `Comparison`.

pub mod align;
pub mod clean;
pub mod diff;
pub mod framing;
pub mod metadata;
pub mod quotes;
pub mod segment;
pub mod speakers;
pub mod verbs;

use crate::comparison::{
    Comparison, Document, FramingDifference, Problem, Quote, QuoteKind, Verdict,
};
use crate::ingest::{Metadata, Source};
use segment::squeeze;

/// One input to compare: the decoded source and what the user said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub source: Source,
    /// Metadata the user set (outlet, date, title); it wins over anything detected.
    pub user: Metadata,
    /// The saved comparison (`.parallax`) the input was read from, if any: a message about
    /// the input names that file, which is what the user opened.
    pub saved_in: Option<String>,
}

impl From<Source> for Input {
    fn from(source: Source) -> Self {
        Input {
            source,
            user: Metadata::default(),
            saved_in: None,
        }
    }
}

/// How to analyse: the lexicons in use (the shipped ones plus the user's additions).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub verbs: verbs::ReportingVerbs,
    pub terms: framing::terms::Terms,
}

/// Analyses the inputs, in order, with the shipped lexicons.
#[must_use]
pub fn analyze(inputs: &[Input]) -> Comparison {
    analyze_with(inputs, &Options::default())
}

/// The most articles one comparison holds; inputs past it are left out with a message. What
/// grows fastest with the number of articles is what each one leaves out (sentences × articles)
/// and the quote matrix (quotes × articles), and 200 columns side by side are past reading.
pub const MAX_DOCUMENTS: usize = 200;

/// The most article text one comparison holds, all its articles together (one article alone
/// holds at most [`crate::ingest::MAX_TEXT_BYTES`]). An input that would take the total past it
/// is left out with a message; a smaller one after it may still fit.
pub const MAX_COMPARED_BYTES: usize = 16 * 1024 * 1024;

/// Analyses the inputs, in order. An input with no article text left after cleaning is not
/// compared, nor is one past [`MAX_DOCUMENTS`] or [`MAX_COMPARED_BYTES`]; each is reported in
/// `problems`.
#[must_use]
pub fn analyze_with(inputs: &[Input], options: &Options) -> Comparison {
    analyze_inputs(inputs, options).0
}

/// [`analyze_with`], also giving the index of the input behind each document: inputs that were
/// not compared have none. A saved comparison holds only these.
#[must_use]
pub fn analyze_inputs(inputs: &[Input], options: &Options) -> (Comparison, Vec<usize>) {
    analyze_within(inputs, options, MAX_DOCUMENTS, MAX_COMPARED_BYTES)
}

/// [`analyze_inputs`] under other limits (the tests' small ones).
fn analyze_within(
    inputs: &[Input],
    options: &Options,
    max_documents: usize,
    max_bytes: usize,
) -> (Comparison, Vec<usize>) {
    let mut comparison = Comparison::default();
    let mut compared = Vec::new();
    let mut compared_bytes = 0;
    for (index, input) in inputs.iter().enumerate() {
        let bytes = input.source.text.len();
        let prepared = if comparison.documents.len() == max_documents {
            Err(format!(
                "left out: a comparison holds at most {max_documents} articles"
            ))
        } else if compared_bytes + bytes > max_bytes {
            Err(format!(
                "left out: its {} of text would take the comparison past {} in all ({} are taken)",
                size(bytes),
                size(max_bytes),
                size(compared_bytes)
            ))
        } else {
            prepare(format!("d{}", comparison.documents.len()), input)
        };
        match prepared {
            Ok(document) => {
                compared_bytes += bytes;
                comparison.documents.push(document);
                compared.push(index);
            }
            Err(message) => comparison.problems.push(match &input.saved_in {
                Some(saved) => Problem {
                    path: saved.clone(),
                    message: format!("its article “{}”: {message}", input.source.path),
                },
                None => Problem {
                    path: input.source.path.clone(),
                    message,
                },
            }),
        }
    }
    let found = find_all_quotes(&comparison.documents, options);
    comparison.quotes = found.quotes;
    let alignment = align::align(&comparison.documents, &comparison.quotes);
    let ids: Vec<String> = comparison.documents.iter().map(|d| d.id.clone()).collect();
    for (document, original) in comparison.documents.iter_mut().zip(&alignment.reprint_of) {
        document.reprint_of = original.map(|o| ids[o].clone());
    }
    comparison.quote_groups = alignment.quote_groups;
    comparison.sentence_groups = alignment.sentence_groups;
    comparison.omissions = alignment.omissions;
    comparison.story = alignment.story;
    let mut labels = found.labels;
    for (document, list) in comparison.documents.iter().zip(&mut labels) {
        let quotes: Vec<&Quote> = comparison
            .quotes
            .iter()
            .filter(|q| q.doc == document.id)
            .collect();
        list.extend(framing::labels::institution_labels(document, &quotes));
        list.sort_by_key(|l| l.start);
    }
    comparison.labels = framing::labels::people(&comparison.documents, &labels);
    let framed = framing::framing(
        &comparison.documents,
        &comparison.quotes,
        &comparison.quote_groups,
        &comparison.sentence_groups,
        &comparison.labels,
        &options.terms,
        &options.verbs,
    );
    comparison.framing = framed.findings;
    comparison.framing_more = framed.more;
    if comparison.story.verdict == Verdict::Unrelated {
        // Across articles that report different things, a difference of wording is no framing.
        let event_of = |doc: &str| {
            comparison
                .story
                .groups
                .iter()
                .position(|g| g.iter().any(|id| id == doc))
        };
        let within_one_event = |finding: &FramingDifference| {
            let mut events = finding.variants.iter().map(|v| event_of(&v.doc));
            let first = events.next();
            events.all(|e| e == first.flatten())
        };
        comparison.framing.retain(within_one_event);
        comparison.framing_more.retain(within_one_event);
        let all = comparison.framing.iter_mut();
        for (k, finding) in all.chain(comparison.framing_more.iter_mut()).enumerate() {
            finding.id = format!("f{k}");
        }
    }
    comparison.vocabulary = framed.vocabulary;
    (comparison, compared)
}

/// A size for people to read: "16.0 MB", or "19 KB" below a megabyte.
fn size(bytes: usize) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        crate::ingest::megabytes(u64::try_from(bytes).unwrap_or(u64::MAX))
    }
}

/// Every document's quotes and the labels it gives people.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// Attributed, with speakers unified across documents.
    pub quotes: Vec<Quote>,
    /// Per document, in text order.
    pub labels: Vec<Vec<speakers::Label>>,
}

/// The quotes of every document, attributed, with speakers unified across documents, and the
/// labels each document gives the people it names.
#[must_use]
pub fn find_all_quotes(documents: &[Document], options: &Options) -> Found {
    let mut found = Vec::new();
    let mut labels = Vec::with_capacity(documents.len());
    for document in documents {
        let spans = quotes::find_quotes(&document.text, &document.paragraphs);
        let attributed =
            speakers::attribute(&document.text, &document.sentences, &spans, &options.verbs);
        labels.push(attributed.labels);
        for (span, attribution) in spans.into_iter().zip(attributed.attributions) {
            // Only the last few bytes before the mark matter (looking further would make
            // many quotes in a long text quadratic).
            let mut from = span.open.saturating_sub(16);
            while !document.text.is_char_boundary(from) {
                from += 1;
            }
            let so_called = document.text[from..span.open]
                .trim_end()
                .to_lowercase()
                .ends_with("so-called");
            let kind = match span.kind {
                // Quoted words someone is named as saying are their words, not scare quotes
                // ("so-called" always distances).
                QuoteKind::Scare if attribution.cue.is_some() && !so_called => QuoteKind::Partial,
                kind => kind,
            };
            found.push(Quote {
                id: String::new(),
                doc: document.id.clone(),
                start: span.start,
                end: span.end,
                text: squeeze(&document.text[span.start..span.end]),
                kind,
                speaker: attribution.speaker.filter(|_| kind != QuoteKind::Scare),
                cue: attribution.cue.filter(|_| kind != QuoteKind::Scare),
                cue_class: attribution.class.filter(|_| kind != QuoteKind::Scare),
                affiliation: attribution.affiliation.filter(|_| kind != QuoteKind::Scare),
                gaps: span.gaps,
                editorial: span.editorial,
            });
        }
    }
    let mut names: Vec<Option<String>> = found.iter().map(|q| q.speaker.clone()).collect();
    speakers::unify_across(&mut names);
    for (index, (quote, name)) in found.iter_mut().zip(names).enumerate() {
        quote.id = format!("q{index}");
        quote.speaker = name;
    }
    Found {
        quotes: found,
        labels,
    }
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
        reprint_of: None,
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

/// Analyses short texts as `doc0.txt`, `doc1.txt`, ...: the unit tests' fixtures.
#[cfg(test)]
pub(crate) fn compare_texts(texts: &[&str]) -> Comparison {
    compare_texts_with(texts, &Options::default())
}

/// [`compare_texts`] with other lexicons.
#[cfg(test)]
pub(crate) fn compare_texts_with(texts: &[&str], options: &Options) -> Comparison {
    let inputs: Vec<Input> = texts
        .iter()
        .enumerate()
        .map(|(k, text)| {
            let source = crate::ingest::ingest(&format!("doc{k}.txt"), text.as_bytes());
            Input::from(source.unwrap())
        })
        .collect();
    analyze_with(&inputs, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(texts: &[String]) -> Vec<Input> {
        texts
            .iter()
            .enumerate()
            .map(|(k, text)| {
                let source = crate::ingest::ingest(&format!("doc{k}.txt"), text.as_bytes());
                Input::from(source.unwrap())
            })
            .collect()
    }

    fn article(k: usize, words: usize) -> String {
        let body = "the ferry runs again from Monday ".repeat(words / 6 + 1);
        format!("Ferry news {k}\n\nOn pier {k}, {body}said the council.\n")
    }

    #[test]
    fn articles_past_the_limit_are_left_out_with_a_message() {
        let texts: Vec<String> = (0..5).map(|k| article(k, 20)).collect();
        let (c, _) = analyze_within(&inputs(&texts), &Options::default(), 3, usize::MAX);
        assert_eq!(c.documents.len(), 3);
        let paths: Vec<&str> = c.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["doc3.txt", "doc4.txt"]);
        assert!(
            c.problems
                .iter()
                .all(|p| p.message == "left out: a comparison holds at most 3 articles"),
            "{:?}",
            c.problems
        );
    }

    #[test]
    fn an_input_without_text_does_not_count_against_the_limit() {
        let mut texts: Vec<String> = (0..3).map(|k| article(k, 20)).collect();
        texts.insert(1, "Subscribe\n\nShare this article\n".to_owned());
        let (c, _) = analyze_within(&inputs(&texts), &Options::default(), 3, usize::MAX);
        assert_eq!(c.documents.len(), 3);
        assert_eq!(c.problems.len(), 1);
        assert!(c.problems[0].message.starts_with("nothing left to compare"));
    }

    #[test]
    fn text_past_the_total_is_left_out_and_a_smaller_article_after_it_still_fits() {
        let texts = [article(0, 3000), article(1, 3000), article(2, 30)];
        let big = texts[0].len();
        // Room for one big article and one small one, not for two big ones.
        let (c, behind) = analyze_within(
            &inputs(&texts),
            &Options::default(),
            usize::MAX,
            big + texts[2].len(),
        );
        assert_eq!(behind, [0, 2], "the input behind each document");
        let compared: Vec<&str> = c.documents.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(compared, ["doc0.txt", "doc2.txt"]);
        assert_eq!(c.documents[1].id, "d1");
        assert_eq!(c.problems.len(), 1);
        assert_eq!(c.problems[0].path, "doc1.txt");
        assert!(
            c.problems[0]
                .message
                .starts_with(&format!("left out: its {} KB of text", big.div_ceil(1024))),
            "{}",
            c.problems[0].message
        );
    }
}
