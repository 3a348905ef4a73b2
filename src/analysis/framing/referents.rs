//! Referents named by a common noun, described differently across the articles: "illegal
//! immigrants" in one, "undocumented immigrants" in another, "the brutal crackdown" against
//! "the crackdown". One finding per referent, with how each article names it.
//!
//! A mention is a noun phrase outside the speakers' words: a head noun with the lower-case
//! describing words just before it, standing on its own (a determiner, a preposition,
//! punctuation or the start of the sentence before it; no noun after it). Mentions with the
//! same head are one referent across the articles (singular and plural alike). A referent is
//! worth a finding when one article describes it with a charged word and another article
//! names it without that word.

use std::collections::{BTreeMap, HashSet};

use super::{
    DETERMINERS, Finding, Marks, PREPOSITIONS, is_function_word, list_wordings, stem, wording,
};
use crate::analysis::verbs::ReportingVerbs;
use crate::comparison::{Document, FramingKind, ReaderNames, Wording};

/// Describing words that tell one referent from another rather than colour it: order, time,
/// number and quantity.
const SORTING_WORDS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "last",
    "next",
    "new",
    "old",
    "former",
    "same",
    "own",
    "other",
    "many",
    "several",
    "few",
    "top",
    "recent",
    "previous",
    "current",
    "latest",
    "early",
    "late",
    "additional",
    "further",
    "certain",
    "various",
    "possible",
    "annual",
    "daily",
    "weekly",
    "monthly",
    "federal",
    "local",
    "national",
    "international",
    "million",
    "billion",
    "hundred",
    "thousand",
    "dozen",
];

/// Adverbs without the "-ly" ending, which qualify the describing word rather than
/// describe.
const DEGREE_ADVERBS: &[&str] = &[
    "often",
    "sometimes",
    "always",
    "never",
    "still",
    "even",
    "also",
    "just",
    "only",
    "very",
    "too",
    "quite",
    "rather",
    "already",
    "perhaps",
    "almost",
    "once",
    "now",
    "then",
    "again",
];

/// Heads that name a time or a measure, not a referent.
const TIME_AND_MEASURE: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "time",
    "morning",
    "afternoon",
    "evening",
    "night",
    "hour",
    "minute",
    "decade",
    "century",
    "percent",
    "weekend",
    "term",
    "season",
    "lot",
    "number",
    "part",
    "way",
    "kind",
    "sort",
    "thing",
];

/// One article's way of naming a referent.
struct Mention {
    doc: usize,
    /// The describing words' keys.
    modifiers: Vec<String>,
    wording: Wording,
}

/// A finding for each common-noun referent the articles describe differently.
pub(super) fn referent_findings(
    documents: &[Document],
    names: &ReaderNames,
    keys: &[Vec<String>],
    speech: &[Marks],
    verbs: &ReportingVerbs,
    out: &mut Vec<Finding>,
) {
    if documents.len() < 2 {
        return;
    }
    let shown = super::shown(documents, out);
    // Words the articles use as nouns: after a determiner somewhere, or in the plural.
    let nouns: HashSet<&str> = keys
        .iter()
        .flat_map(|k| k.windows(2))
        .filter(|pair| DETERMINERS.contains(&pair[0].as_str()))
        .map(|pair| stem(&pair[1]))
        .collect();
    let noun = |head: &str, text: &str| {
        nouns.contains(head)
            || (text.ends_with('s') && !text.ends_with("ss") && !text.ends_with("us"))
    };
    // Head stem → its mentions, in document and text order.
    let mut by_head: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    for (d, document) in documents.iter().enumerate() {
        for (head, mention) in mentions(d, document, &keys[d], verbs) {
            let (start, end) = (mention.wording.start, mention.wording.end);
            let last = mention.wording.text.rsplit(' ').next().unwrap_or_default();
            if noun(&head, last)
                && !speech[d].overlaps(start, end)
                && !shown[d].overlaps(start, end)
            {
                by_head.entry(head).or_default().push(mention);
            }
        }
    }
    let mut found: Vec<(usize, usize, Finding)> = Vec::new();
    for (head, list) in by_head {
        let docs: Vec<usize> = {
            let mut d: Vec<usize> = list.iter().map(|m| m.doc).collect();
            d.dedup();
            d
        };
        if docs.len() < 2 {
            continue;
        }
        // A charged describing word, used by some articles naming the referent and not by
        // others.
        let mut telling: Vec<String> = Vec::new();
        for m in &list {
            for word in &m.modifiers {
                let lacking = docs.iter().any(|&d| {
                    !list
                        .iter()
                        .any(|o| o.doc == d && o.modifiers.contains(word))
                });
                if lacking && !telling.contains(word) && super::colour::is_charged(word) {
                    telling.push(word.clone());
                }
            }
        }
        if telling.is_empty() {
            continue;
        }
        // Per document, each distinct wording once: the telling ones, then how the others
        // name it.
        let mut variants: Vec<Wording> = Vec::new();
        for &d in &docs {
            let mine: Vec<&Mention> = list.iter().filter(|m| m.doc == d).collect();
            let with_telling: Vec<&&Mention> = mine
                .iter()
                .filter(|m| m.modifiers.iter().any(|w| telling.contains(w)))
                .collect();
            let chosen: Vec<&Mention> = if with_telling.is_empty() {
                mine.first().copied().into_iter().collect()
            } else {
                with_telling.into_iter().copied().collect()
            };
            for m in chosen {
                let key = m.wording.text.to_lowercase();
                if !variants
                    .iter()
                    .any(|v| v.doc == m.wording.doc && v.text.to_lowercase() == key)
                {
                    variants.push(m.wording.clone());
                }
            }
        }
        let head_word = list
            .iter()
            .find(|m| m.modifiers.is_empty())
            .or(list.first())
            .map(|m| {
                m.wording
                    .text
                    .split_whitespace()
                    .last()
                    .unwrap_or(&head)
                    .to_lowercase()
            })
            .unwrap_or(head);
        let first = variants
            .first()
            .map_or((0, 0), |v| (super::doc_number(&v.doc), v.start));
        found.push((
            first.0,
            first.1,
            Finding {
                score: 0.6,
                kind: FramingKind::Label,
                concept: head_word.clone(),
                note: format!(
                    "the articles name the {head_word} differently: {}",
                    list_wordings(names, &variants)
                ),
                variants,
            },
        ));
    }
    found.sort_by_key(|(d, at, _)| (*d, *at));
    out.extend(found.into_iter().map(|(_, _, f)| f));
}

/// Whether a word (its key and text) can describe or head a noun phrase: lower case, letters
/// and hyphens, not a function word, a verb of speech, an adverb or a number.
fn nominal(key: &str, text: &str, verbs: &ReportingVerbs) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
        && text.chars().all(|c| c.is_alphabetic() || c == '-')
        && key.chars().count() >= 3
        && !is_function_word(key)
        && !key.ends_with("ly")
        && verbs.find(&[key]).is_none()
}

/// A document's noun-phrase mentions with at least one describing word, and its bare ones
/// ("the protesters"), each with its head's stem.
fn mentions(
    d: usize,
    document: &Document,
    keys: &[String],
    verbs: &ReportingVerbs,
) -> Vec<(String, Mention)> {
    let words = &document.words;
    let text = &document.text;
    let word = |i: usize| &text[words[i].start..words[i].end];
    // Only white space between word i and the next.
    let joined =
        |i: usize| i + 1 < words.len() && text[words[i].end..words[i + 1].start].trim().is_empty();
    let mut out = Vec::new();
    for i in 1..words.len() {
        let head = keys[i].as_str();
        if !nominal(head, word(i), verbs)
            || TIME_AND_MEASURE.contains(&stem(head))
            || TIME_AND_MEASURE.contains(&head)
            || head.ends_with("ing") && !joined(i - 1)
        {
            continue;
        }
        // The phrase ends at its head: no noun or name after it.
        if joined(i) {
            let next = keys[i + 1].as_str();
            let capital = word(i + 1).chars().next().is_some_and(char::is_uppercase);
            if !(is_function_word(next) || verbs.find(&[next]).is_some() || next.ends_with("ed"))
                || capital
            {
                continue;
            }
        }
        // The describing words just before the head.
        let mut from = i;
        while from > 0 && i - from < 2 && joined(from - 1) && {
            let k = keys[from - 1].as_str();
            nominal(k, word(from - 1), verbs)
                && !SORTING_WORDS.contains(&k)
                && !DEGREE_ADVERBS.contains(&k)
        } {
            from -= 1;
        }
        // The phrase stands on its own: a determiner, a preposition or punctuation before it.
        let opens = from == 0 || !joined(from - 1) || {
            let before = keys[from - 1].as_str();
            DETERMINERS.contains(&before) || PREPOSITIONS.contains(&before)
        };
        if !opens {
            continue;
        }
        let bare = from == i;
        // A bare head counts only after a determiner ("the protesters").
        if bare && !(from > 0 && joined(from - 1) && DETERMINERS.contains(&keys[from - 1].as_str()))
        {
            continue;
        }
        out.push((
            stem(head).to_owned(),
            Mention {
                doc: d,
                modifiers: keys[from..i].to_vec(),
                wording: wording(document, words[from].start, words[i].end),
            },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::comparison::{Comparison, FramingDifference, FramingKind};

    fn referents(c: &Comparison) -> Vec<&FramingDifference> {
        c.framing
            .iter()
            .chain(&c.framing_more)
            .filter(|f| f.kind == FramingKind::Label && f.note.contains("name the"))
            .collect()
    }

    #[test]
    fn a_charged_description_one_article_adds_is_one_finding_per_referent() {
        let c = crate::analysis::compare_texts(&[
            "The council ended the brutal crackdown on street vendors on Friday. Critics said \
             the brutal crackdown had emptied the old market.",
            "The council ended the crackdown on street vendors on Friday, officials said.",
        ]);
        let found = referents(&c);
        assert_eq!(found.len(), 1, "{:?}", c.framing);
        let f = found[0];
        assert_eq!(f.concept, "crackdown");
        let texts: Vec<(&str, &str)> = f
            .variants
            .iter()
            .map(|v| (v.doc.as_str(), v.text.as_str()))
            .collect();
        assert_eq!(texts, [("d0", "brutal crackdown"), ("d1", "crackdown")]);
        assert!(
            f.note
                .starts_with("the articles name the crackdown differently"),
            "{}",
            f.note
        );
    }

    #[test]
    fn plain_descriptions_verbs_and_quoted_words_are_no_referent_finding() {
        let c = crate::analysis::compare_texts(&[
            // A plain describing word, a verb before a noun, a charged word in a quote.
            "The court heard oral arguments on Monday. The mayor slashed library budgets. \
             \"It was a brutal crackdown,\" the mayor said of the crackdown.",
            "The court heard arguments on Monday. The mayor cut the budgets. Officials \
             defended the crackdown.",
        ]);
        assert!(referents(&c).is_empty(), "{:?}", referents(&c));
    }
}
