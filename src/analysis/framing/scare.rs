//! Scare quotes: words a document puts in quotation marks to keep its distance, not a title
//! and not words the sentence gives to somebody.

use super::{Finding, ReportingVerbs, is_function_word, sentence_of, shown, word_key, wording};
use crate::comparison::{Document, FramingKind, Quote, QuoteKind, ReaderNames};

/// Whether every word of a quoted text that is not a function word is capitalised: the title
/// of a show, a campaign, a document, or a nickname.
fn is_title(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || is_function_word(&word_key(w))
        })
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Words that give the quoted words to somebody: "called it", "seen by many as", "signaled
/// that he was".
const ATTRIBUTING: &[&str] = &[
    "called",
    "calls",
    "call",
    "calling",
    "dubbed",
    "termed",
    "described",
    "describes",
    "labeled",
    "labelled",
    "branded",
    "seen",
    "viewed",
    "signaled",
    "signalled",
    "suggested",
    "discussed",
    "according",
    "promised",
    "vowed",
    "pledged",
    "hailed",
    "praised",
    "urged",
];

/// Whether the sentence gives a quoted text to somebody: a reporting verb, or a word that
/// attributes, before it in its sentence.
pub(super) fn attributed(
    document: &Document,
    keys: &[String],
    verbs: &ReportingVerbs,
    quote: &Quote,
) -> bool {
    let sentence = sentence_of(document, quote.start);
    let Some(s) = document.sentences.get(sentence) else {
        return false;
    };
    let first = document.words.partition_point(|w| w.end <= s.start);
    let last = document.words.partition_point(|w| w.end <= quote.start);
    let before = &keys[first.min(last)..last];
    // "the so-called ‘consultation’": the writer's own distance, whoever else is named.
    if before
        .last()
        .is_some_and(|k| matches!(k.as_str(), "so-called" | "self-styled" | "supposed"))
    {
        return false;
    }
    (0..before.len()).any(|i| {
        ATTRIBUTING.contains(&before[i].as_str())
            || verbs.find(&before[i..(i + 3).min(before.len())]).is_some()
    })
}

/// Words a document puts in quotation marks to keep its distance, with the same words used
/// plainly by the other documents.
pub(super) fn scare_findings(
    documents: &[Document],
    names: &ReaderNames,
    quotes: &[Quote],
    keys: &[Vec<String>],
    verbs: &ReportingVerbs,
    out: &mut Vec<Finding>,
) {
    let shown = shown(documents, out);
    let scare: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Scare)
        .filter(|q| {
            let Some(d) = documents.iter().position(|d| d.id == q.doc) else {
                return false;
            };
            // Shown already (a rival term in quotation marks), a title ("Meet the Press"), or
            // somebody's words the sentence attributes ("Trump said he was “okay” with it").
            !shown[d].overlaps(q.start, q.end)
                && !is_title(&q.text)
                && !attributed(&documents[d], &keys[d], verbs, q)
        })
        .collect();
    if scare.is_empty() {
        return;
    }
    // The scare quotes' first words, and per document where each of them stands: the plain
    // uses are found by their first word.
    let heads: std::collections::HashSet<&str> = scare
        .iter()
        .filter_map(|q| {
            let d = documents.iter().position(|d| d.id == q.doc)?;
            let first = documents[d].words.partition_point(|w| w.end <= q.start);
            keys[d].get(first).map(String::as_str)
        })
        .collect();
    let mut positions: Vec<std::collections::HashMap<&str, Vec<usize>>> =
        vec![std::collections::HashMap::new(); documents.len()];
    for (d, list) in keys.iter().enumerate() {
        for (k, key) in list.iter().enumerate() {
            if heads.contains(key.as_str()) {
                positions[d].entry(key.as_str()).or_default().push(k);
            }
        }
    }
    for quote in scare {
        let Some(d) = documents.iter().position(|d| d.id == quote.doc) else {
            continue;
        };
        let document = &documents[d];
        let mut variants = vec![wording(document, quote.start, quote.end)];
        let first = document.words.partition_point(|w| w.end <= quote.start);
        let last = first + document.words[first..].partition_point(|w| w.start < quote.end);
        let key = &keys[d][first..last];
        let Some(head) = key.first() else { continue };
        for (o, other) in documents.iter().enumerate().filter(|(o, _)| *o != d) {
            for &k in positions[o]
                .get(head.as_str())
                .map_or(&[][..], Vec::as_slice)
            {
                if keys[o].get(k..k + key.len()) == Some(key) {
                    let (start, end) = (other.words[k].start, other.words[k + key.len() - 1].end);
                    variants.push(wording(other, start, end));
                }
            }
        }
        let mut plain: Vec<&str> = variants[1..].iter().map(|v| names.of(&v.doc)).collect();
        plain.dedup();
        let note = if plain.is_empty() {
            format!(
                "{} puts “{}” in quotation marks",
                names.of(&quote.doc),
                quote.text
            )
        } else {
            format!(
                "{} puts “{}” in quotation marks; {} use{} the words plainly",
                names.of(&quote.doc),
                quote.text,
                plain.join(", "),
                if plain.len() == 1 { "s" } else { "" }
            )
        };
        out.push(Finding {
            score: if plain.is_empty() { 0.5 } else { 0.8 },
            kind: FramingKind::ScareQuote,
            concept: quote.text.clone(),
            variants,
            note,
        });
    }
}
