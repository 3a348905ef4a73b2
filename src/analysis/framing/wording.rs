//! The writer's own colouring words, found without a lexicon entry.
//!
//! No word list can hold every word that colours a report, so each word the writer uses
//! (outside direct quotes, not a name, not a function word) gathers evidence:
//!
//! - it reads as a judgement: a manner adverb ("abruptly", not "recently": two points), an
//!   adjective by its form ("-ous", "-ive", "-ful", "-less", "-able", "-ible", a hyphenated
//!   compound) or a verb's "-ed"/"-ing" form, or it follows a degree word ("deeply
//!   divided");
//! - it is this document's choice: no other document uses the word (by stem);
//! - it is prominent: in the headline or the two sentences after it, where an article frames
//!   its story.
//!
//! A word with no form of judgement (a plain noun) gets nothing. Words with three points or
//! more are flagged, one finding per document and sentence: the evidence is weak one point at
//! a time, so a word needs two kinds of it.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::terms::Occurrence;
use super::{Finding, Marks, opening, shown, wording};
use crate::analysis::align::features::{is_function_word, stem};
use crate::comparison::{Document, FramingKind, ReaderNames};

/// Points a word needs to be flagged.
const THRESHOLD: u32 = 3;
/// The headline and the lead: the first sentences of a document.
const LEAD_SENTENCES: usize = 3;

/// Words that look like judgements and are not: adverbs in "-ly" that say when, how often,
/// how likely or how much, and plain adjectives and nouns with an adjective's ending.
const PLAIN_WORDS: &[&str] = &[
    "various",
    "previous",
    "numerous",
    "serious",
    "executive",
    "representative",
    "relative",
    "legislative",
    "initiative",
    "native",
    "objective",
    "unless",
    "regardless",
    "nevertheless",
    "available",
    "possible",
    "impossible",
    "responsible",
    "capable",
    "comparable",
    "eligible",
    "visible",
    "table",
    "cable",
    "variable",
    "vegetable",
    "only",
    "early",
    "also",
    "really",
    "likely",
    "unlikely",
    "nearly",
    "reportedly",
    "recently",
    "currently",
    "finally",
    "actually",
    "especially",
    "largely",
    "mostly",
    "simply",
    "directly",
    "publicly",
    "previously",
    "particularly",
    "immediately",
    "initially",
    "certainly",
    "probably",
    "possibly",
    "family",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "quarterly",
    "hourly",
    "apply",
    "reply",
    "supply",
    "rally",
    "ally",
    "assembly",
    "july",
    "italy",
    "fully",
    "newly",
    "usually",
    "generally",
    "originally",
    "formally",
    "officially",
    "jointly",
    "separately",
    "approximately",
    "roughly",
    "exactly",
    "respectively",
    "subsequently",
    "eventually",
    "lately",
    "shortly",
    "briefly",
    "personally",
    "locally",
    "nationally",
    "internationally",
    "federally",
    "legally",
    "politically",
    "financially",
    "economically",
    "militarily",
    "partly",
    "mainly",
    "similarly",
    "accordingly",
    "consequently",
    "additionally",
    "alternatively",
    "correspondingly",
    "widely",
    "already",
];

/// Words of degree: the word after one is often an evaluation ("deeply divided").
const DEGREE_WORDS: &[&str] = &[
    "very",
    "so",
    "too",
    "most",
    "more",
    "less",
    "least",
    "deeply",
    "highly",
    "extremely",
    "increasingly",
    "particularly",
    "especially",
    "quite",
    "rather",
    "truly",
    "utterly",
    "fairly",
    "remarkably",
];

const ADJECTIVE_ENDINGS: &[&str] = &["ous", "ive", "ful", "less", "able", "ible"];

/// The evidence a word's form gives: two points for a manner adverb, one for an adjective's
/// or a participle's ending, none for any other word (a plain noun is not flagged, however
/// rare) or for a plain word with such an ending.
fn form(key: &str) -> u32 {
    static PLAIN: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| PLAIN_WORDS.iter().copied().collect());
    let points = if key.ends_with("ly") {
        2
    } else if key.contains('-')
        || ADJECTIVE_ENDINGS.iter().any(|e| key.ends_with(e))
        || key.ends_with("ed")
        || key.ends_with("ing")
    {
        1
    } else {
        return 0;
    };
    if PLAIN.contains(key) { 0 } else { points }
}

/// The evidence that one word is the writer's colouring choice.
fn points(key: &str, previous: Option<&str>, unique: bool, lead: bool) -> u32 {
    let mut points = form(key);
    if points == 0 {
        return 0;
    }
    if previous.is_some_and(|p| DEGREE_WORDS.contains(&p)) {
        points += 1;
    }
    points + u32::from(unique) + u32::from(lead)
}

/// Findings for the colouring words each document alone, or prominently, uses.
pub(super) fn wording_findings(
    documents: &[Document],
    names: &ReaderNames,
    speech: &[Marks],
    keys: &[Vec<String>],
    occurrences: &[Vec<Occurrence>],
    out: &mut Vec<Finding>,
) {
    // Words another finding already shows are not flagged twice.
    let shown = shown(documents, out);
    let mut more = Vec::new();
    // How many documents use each stem.
    // Stem → (the last document seen using it, how many do).
    let mut users: HashMap<&str, (usize, usize)> = HashMap::new();
    for (d, keys) in keys.iter().enumerate() {
        for key in keys {
            let entry = users.entry(stem(key)).or_insert((d, 0));
            if entry.1 == 0 || entry.0 != d {
                *entry = (d, entry.1 + 1);
            }
        }
    }
    for (d, document) in documents.iter().enumerate() {
        let lead_end = document
            .sentences
            .get(LEAD_SENTENCES.min(document.sentences.len()).wrapping_sub(1))
            .map_or(0, |s| s.end);
        let lexicon = Marks::new(
            occurrences[d]
                .iter()
                .map(|o| (o.span.start, o.span.end))
                .collect(),
        );
        // (sentence, wordings) in text order.
        let mut by_sentence: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut sentence = 0;
        for (i, word) in document.words.iter().enumerate() {
            let key = keys[d][i].as_str();
            let text = &document.text[word.start..word.end];
            let name = text.chars().next().is_some_and(char::is_uppercase);
            if name
                || key.chars().nth(3).is_none()
                || form(key) == 0
                || is_function_word(key)
                || !key
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                || speech[d].holds(word.start, word.end)
                || lexicon.overlaps(word.start, word.end)
                || shown[d].overlaps(word.start, word.end)
            {
                continue;
            }
            let unique = documents.len() > 1 && users.get(stem(key)).is_some_and(|u| u.1 == 1);
            let previous = i.checked_sub(1).map(|p| keys[d][p].as_str());
            if points(key, previous, unique, word.start < lead_end) < THRESHOLD {
                continue;
            }
            while sentence + 1 < document.sentences.len()
                && document.sentences[sentence].end <= word.start
            {
                sentence += 1;
            }
            match by_sentence.last_mut() {
                Some((s, list)) if *s == sentence => list.push(i),
                _ => by_sentence.push((sentence, vec![i])),
            }
        }
        for (sentence, list) in by_sentence {
            let variants: Vec<_> = list
                .iter()
                .map(|&i| wording(document, document.words[i].start, document.words[i].end))
                .collect();
            let quoted: Vec<String> = variants.iter().map(|v| format!("“{}”", v.text)).collect();
            let place = if sentence < LEAD_SENTENCES {
                "in its headline or lead"
            } else {
                "in its own words"
            };
            more.push(Finding {
                score: 0.3,
                kind: FramingKind::Wording,
                concept: format!(
                    "{}'s wording: “{} …”",
                    names.at(d),
                    opening(&document.text[document.sentences[sentence].start..])
                ),
                note: format!(
                    "{} colours the report {place} with {}",
                    names.at(d),
                    quoted.join(", ")
                ),
                variants,
            });
        }
    }
    out.append(&mut more);
}

#[cfg(test)]
mod tests {
    use super::points;
    use crate::analysis::Options;
    use crate::analysis::framing::terms::Terms;
    use crate::comparison::{Comparison, FramingKind};

    fn flagged(c: &Comparison) -> Vec<(&str, &str)> {
        c.framing
            .iter()
            .chain(&c.framing_more)
            .filter(|f| f.kind == FramingKind::Wording)
            .flat_map(|f| f.variants.iter().map(|v| (v.doc.as_str(), v.text.as_str())))
            .collect()
    }

    #[test]
    fn one_outlets_colouring_words_are_flagged_and_quotes_and_shared_words_are_not() {
        // Without a lexicon: the evidence alone finds the word.
        let options = Options {
            terms: Terms::parse("").unwrap(),
            ..Options::default()
        };
        let c = crate::analysis::compare_texts_with(
            &[
                "Council shuts library. The council shut the old library on Monday. Readers were \
             told at the door. \"It was shamefully sudden,\" one reader said. The decision \
             came after a hastily arranged vote. The building will be sold next year, \
             officials said.",
                "Council shuts library. The council shut the old library on Monday. Readers were \
             told at the door. The building will be sold next year, officials said.",
            ],
            &options,
        );
        // "hastily": a manner adverb only d0 uses (3 points); "arranged" has only 2; the
        // quote's "shamefully" is the reader's word.
        assert_eq!(flagged(&c), [("d0", "hastily")], "{:?}", c.framing);
    }

    #[test]
    fn a_word_needs_two_kinds_of_evidence() {
        // A manner adverb another outlet also uses, outside the lead: two points.
        assert_eq!(points("abruptly", None, false, false), 2);
        // ... used by this document alone: flagged.
        assert!(points("abruptly", None, true, false) >= 3);
        // A plain adverb never counts as a judgement.
        assert_eq!(points("recently", None, true, true), 0);
        // An adjective by its form, alone in the lead.
        assert_eq!(points("disastrous", None, true, true), 3);
        // After a degree word.
        assert_eq!(points("divided", Some("deeply"), true, false), 3);
        // Nor does a plain noun, however rare and prominent.
        assert_eq!(points("harbour", Some("more"), true, true), 0);
    }
}
