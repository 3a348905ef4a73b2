//! The writer's own colouring words, weighed by a model.
//!
//! Every word the writer uses (outside the words it gives to speakers, not a name, not a
//! function word, its first use in the document) is a candidate, described by plain evidence:
//!
//! - how often news wire needs the word ([`plain`]'s counts): "said" and "morning" are plain,
//!   "rebuffed" and "pityingly" are not;
//! - whether a lexicon lists it: the charged words (`assets/lexicon/charged-words.txt`) or the
//!   evaluative words of the terms lexicon;
//! - its form: a manner adverb, an adjective's ending, a participle, a hyphenated compound;
//! - where it stands: the headline, the lead, how far into the article, after a degree word
//!   ("deeply divided");
//! - whether this document alone uses it.
//!
//! A logistic model weighs the evidence into the probability that a careful reader would call
//! the word the writer's colour. Its weights (`assets/lexicon/colour-weights.txt`) are trained by
//! `assets/lexicon/colour-train.rs` on word-choice annotations of news articles.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::plain::{self, base};
use super::terms::{FamilyKind, Occurrence, Terms};
use super::{Finding, Marks, shown, wording};
use crate::analysis::align::features::{is_function_word, stem};
use crate::comparison::{Document, FramingKind, ReaderNames};

/// A word a lexicon lists, given at least this probability, is shown by default: on annotated
/// news articles about one such word in eight is one the annotators marked, against one in a
/// hundred and fifty of all candidates. A word no lexicon lists waits behind "show more"
/// however likely: without a lexicon's word for it, a plain noun of the story in its lead
/// ("expulsion", "story") scores like a charged one, and a reader would not sign it.
pub const SHOWN: f64 = 0.035;
/// A word below this is not worth a reader's time even behind "show more".
const KEPT: f64 = 0.025;

/// The confidence a finding of the writer's words gets from the model's probability: the
/// default view's cut (0.5) falls at [`SHOWN`].
#[must_use]
pub fn confidence(p: f64) -> f64 {
    if p >= SHOWN {
        0.5 + 0.4 * (p - SHOWN) / (1.0 - SHOWN)
    } else {
        0.5 * p / SHOWN
    }
}

/// One finding per document for its likely colouring words that a lexicon lists and one,
/// behind "show more", for the rest; words another finding already shows are left alone.
/// `probabilities` are the model's, one per candidate.
pub(super) fn colour_findings(
    documents: &[Document],
    names: &ReaderNames,
    candidates: &[Candidate],
    probabilities: &[f64],
    out: &mut Vec<Finding>,
) {
    let shown_marks = shown(documents, out);
    let mut by_doc: Vec<Vec<(&Candidate, f64)>> = vec![Vec::new(); documents.len()];
    for (c, &p) in candidates.iter().zip(probabilities) {
        if p >= KEPT && !shown_marks[c.doc].overlaps(c.start, c.end) {
            by_doc[c.doc].push((c, p));
        }
    }
    let mut more = Vec::new();
    for (d, (document, scored)) in documents.iter().zip(by_doc).enumerate() {
        let (likely, less): (Vec<_>, Vec<_>) = scored
            .into_iter()
            .partition(|(c, p)| c.shown_by_default(*p));
        for (tier, words) in [("", likely), (", less certain", less)] {
            let Some(weakest) = words.iter().map(|(_, p)| *p).reduce(f64::min) else {
                continue;
            };
            let strongest = words.iter().map(|(_, p)| *p).fold(0.0, f64::max);
            let variants: Vec<_> = words
                .iter()
                .map(|(c, _)| wording(document, c.start, c.end))
                .collect();
            let quoted: Vec<String> = variants.iter().map(|v| format!("“{}”", v.text)).collect();
            more.push(Finding {
                score: if tier.is_empty() {
                    confidence(weakest).max(0.5)
                } else {
                    confidence(strongest).min(0.49)
                },
                kind: FramingKind::Wording,
                concept: format!("{}'s own words{tier}", names.at(d)),
                note: format!(
                    "{} colours the report in its own words with {}",
                    names.at(d),
                    quoted.join(", ")
                ),
                variants,
            });
        }
    }
    out.append(&mut more);
}

/// The evidence, one number each, in the order the weights file lists them.
pub const FEATURES: &[&str] = &[
    "bias",
    "log_count",
    "unheard",
    "rare",
    "uncommon",
    "occasional",
    "evaluative",
    "charged",
    "plain",
    "adverb",
    "adjective",
    "past",
    "gerund",
    "plural",
    "hyphenated",
    "position",
    "lead",
    "headline",
    "after_degree",
    "alone",
    "length",
    "bare",
];

/// Where [`FEATURES`] holds the two lists' evidence.
const EVALUATIVE: usize = 6;
const CHARGED_WORD: usize = 7;

/// One candidate word and its evidence.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The document's position in the comparison.
    pub doc: usize,
    /// Byte range of the word in the document's text.
    pub start: usize,
    pub end: usize,
    pub features: Vec<f64>,
}

impl Candidate {
    /// Whether a lexicon lists the word: the charged words or the evaluative words.
    #[must_use]
    pub fn listed(&self) -> bool {
        self.features[EVALUATIVE] > 0.0 || self.features[CHARGED_WORD] > 0.0
    }

    /// Whether the word, at probability `p`, is shown by default: listed and likely enough.
    #[must_use]
    pub fn shown_by_default(&self, p: f64) -> bool {
        self.listed() && p >= SHOWN
    }

    /// The probability that the word is the writer's colour.
    #[must_use]
    pub fn probability(&self) -> f64 {
        probability(&self.features)
    }
}

/// The model's weights, by feature.
static WEIGHTS: LazyLock<Vec<f64>> =
    LazyLock::new(|| parse_weights(include_str!("../../../assets/lexicon/colour-weights.txt")));

/// The weights file: `FEATURE WEIGHT` per line, `#` comments; a feature it does not list
/// weighs nothing.
#[must_use]
pub fn parse_weights(text: &str) -> Vec<f64> {
    let mut weights = vec![0.0; FEATURES.len()];
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split_whitespace();
        let (Some(name), Some(value)) = (parts.next(), parts.next()) else {
            continue;
        };
        if let (Some(k), Ok(value)) = (FEATURES.iter().position(|f| *f == name), value.parse()) {
            weights[k] = value;
        }
    }
    weights
}

/// The probability the model gives to one word's evidence.
#[must_use]
pub fn probability(features: &[f64]) -> f64 {
    let z: f64 = features
        .iter()
        .zip(WEIGHTS.iter())
        .map(|(x, w)| x * w)
        .sum();
    1.0 / (1.0 + (-z).exp())
}

/// Charged words: by base form, so that "rebuff" also finds "rebuffed", except the words that
/// are forms of their own ("surly", "storied", "celebrated", "stunning"), which find only
/// themselves: by base form "storied" would find "story" and "surly" "sure".
static CHARGED: LazyLock<(HashSet<String>, HashSet<String>)> = LazyLock::new(|| {
    let mut by_base = HashSet::new();
    let mut whole = HashSet::new();
    for word in include_str!("../../../assets/lexicon/charged-words.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once(':'))
        .flat_map(|(_, words)| words.split_whitespace())
    {
        let word = word.to_lowercase();
        if ["ly", "ed", "ing"].iter().any(|end| word.ends_with(end)) {
            whole.insert(word);
        } else {
            by_base.insert(base(&word));
        }
    }
    (by_base, whole)
});

/// Whether the charged-words list holds a word (by its key), in any of its inflections.
#[must_use]
pub fn is_charged(key: &str) -> bool {
    let (by_base, whole) = &*CHARGED;
    whole.contains(key) || by_base.contains(&base(key))
}

/// Words that make the next one stronger.
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
    "fairly",
    "rather",
    "quite",
];

/// Adverbs in "-ly" and adjective-like words that report rather than judge: when, how often,
/// how likely, how much.
const PLAIN_FORMS: &[&str] = &[
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
    "available",
    "possible",
    "responsible",
    "eligible",
    "only",
    "early",
    "also",
    "really",
    "likely",
    "nearly",
    "recently",
    "currently",
    "finally",
    "especially",
    "largely",
    "mostly",
    "directly",
    "publicly",
    "previously",
    "particularly",
    "immediately",
    "initially",
    "probably",
    "possibly",
    "family",
    "daily",
    "weekly",
    "monthly",
    "yearly",
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
];

const ADJECTIVE_ENDINGS: &[&str] = &["ous", "ive", "ful", "less", "able", "ible", "ant", "ent"];

/// The share of an article that counts as its lead.
const LEAD_SHARE: f64 = 0.1;

/// Every candidate word of every document with its evidence. `speech` marks the words each
/// document gives to speakers; `occurrences` the terms lexicon's matches.
pub(super) fn candidates(
    documents: &[Document],
    keys: &[Vec<String>],
    speech: &[Marks],
    terms: &Terms,
    occurrences: &[Vec<Occurrence>],
) -> Vec<Candidate> {
    static PLAIN: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| PLAIN_FORMS.iter().copied().collect());
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
    let mut out = Vec::new();
    for (d, document) in documents.iter().enumerate() {
        let of_kinds = |kinds: &[FamilyKind]| {
            Marks::new(
                occurrences[d]
                    .iter()
                    .filter(|o| kinds.contains(&terms.families[o.family].kind))
                    .map(|o| (o.span.start, o.span.end))
                    .collect(),
            )
        };
        let evaluative = of_kinds(&[FamilyKind::Loaded, FamilyKind::Hedge]);
        // Words of a rival-terms family are the terms findings' to show.
        let rival_terms = of_kinds(&[FamilyKind::Label, FamilyKind::Spelling]);
        let headline_end = document.sentences.first().map_or(0, |s| s.end);
        let length = document.text.len().max(1) as f64;
        let mut seen: HashSet<String> = HashSet::new();
        for (i, word) in document.words.iter().enumerate() {
            let key = keys[d][i].as_str();
            let text = &document.text[word.start..word.end];
            if text.chars().next().is_some_and(char::is_uppercase)
                || key.chars().nth(2).is_none()
                || is_function_word(key)
                || !key
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                || speech[d].holds(word.start, word.end)
                || rival_terms.overlaps(word.start, word.end)
            {
                continue;
            }
            let word_base = base(key);
            if !seen.insert(word_base.clone()) {
                continue;
            }
            let count = plain::count(&word_base);
            let position = word.start as f64 / length;
            let previous = i.checked_sub(1).map(|p| keys[d][p].as_str());
            let alone = documents.len() > 1 && users.get(stem(key)).is_some_and(|u| u.1 == 1);
            let flag = |b: bool| if b { 1.0 } else { 0.0 };
            let evaluative = evaluative.overlaps(word.start, word.end);
            let charged = is_charged(key);
            let adverb = key.ends_with("ly");
            let adjective = ADJECTIVE_ENDINGS.iter().any(|e| key.ends_with(e));
            let past = key.ends_with("ed");
            let gerund = key.ends_with("ing");
            let hyphenated = key.contains('-');
            // A word with no form of judgement that no list holds: most often a plain noun.
            let bare =
                !(evaluative || charged || adverb || adjective || past || gerund || hyphenated);
            let features = vec![
                1.0,
                (1.0 + count.min(5000) as f64).ln(),
                flag(count == 0),
                flag(count <= 2),
                flag(count <= 10),
                flag(count <= 50),
                flag(evaluative),
                flag(charged),
                flag(PLAIN.contains(key)),
                flag(adverb),
                flag(adjective),
                flag(past),
                flag(gerund),
                flag(key.ends_with('s')),
                flag(hyphenated),
                position,
                flag(position < LEAD_SHARE),
                flag(word.end <= headline_end),
                flag(previous.is_some_and(|p| DEGREE_WORDS.contains(&p))),
                flag(alone),
                key.chars().count() as f64 / 10.0,
                flag(bare),
            ];
            out.push(Candidate {
                doc: d,
                start: word.start,
                end: word.end,
                features,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{FEATURES, parse_weights, probability};
    use crate::analysis::Options;
    use crate::analysis::framing::terms::Terms;
    use crate::comparison::{Comparison, FramingKind};

    fn own_words(list: &[crate::comparison::FramingDifference]) -> Vec<(&str, &str)> {
        list.iter()
            .filter(|f| f.kind == FramingKind::Wording)
            .flat_map(|f| f.variants.iter().map(|v| (v.doc.as_str(), v.text.as_str())))
            .collect()
    }

    fn compare(texts: &[&str]) -> Comparison {
        // Without the terms lexicon: the charged words and the evidence alone find the word.
        let options = Options {
            terms: Terms::parse("").unwrap(),
            ..Options::default()
        };
        crate::analysis::compare_texts_with(texts, &options)
    }

    #[test]
    fn a_charged_word_of_one_outlet_is_shown_and_quotes_and_shared_words_are_not() {
        let c = compare(&[
            "Council shuts library. The council shut the old library on Monday. Readers were \
             told at the door. \"It was a shameful decision,\" one reader said. The decision \
             came after a hastily arranged vote. The building will be sold next year, \
             officials said.",
            "Council shuts library. The council shut the old library on Monday. Readers were \
             told at the door. The building will be sold next year, officials said.",
        ]);
        // "hastily": a charged manner adverb only d0 uses; the quote's "shameful" is the
        // reader's word; "library", "council" and "building" are both outlets' words.
        assert_eq!(
            own_words(&c.framing),
            [("d0", "hastily")],
            "{:?}",
            c.framing
        );
        let all: Vec<(&str, &str)> = own_words(&c.framing_more);
        for plain in ["shameful", "library", "council", "building", "shut"] {
            assert!(!all.iter().any(|(_, w)| *w == plain), "{plain}: {all:?}");
        }
    }

    #[test]
    fn a_word_no_lexicon_lists_waits_behind_show_more() {
        let article = |word: &str| {
            format!(
                "Council {word} shuts library. The council shut the library on Monday. Readers \
                 were told at the door. The building will be sold next year, officials said."
            )
        };
        let other = article("").replace("  ", " ");
        // "abruptly", a charged manner adverb in one outlet's headline, is shown...
        let charged = compare(&[&article("abruptly"), &other]);
        assert_eq!(own_words(&charged.framing), [("d0", "abruptly")]);
        // ... "tenebrously" has the same form and place, but no lexicon lists it: never shown
        // by default, and less certain when it is kept at all.
        let unlisted = compare(&[&article("tenebrously"), &other]);
        assert!(
            own_words(&unlisted.framing).is_empty(),
            "{:?}",
            unlisted.framing
        );
        assert!(unlisted.framing_more.iter().all(|f| f.confidence < 0.5));
        // However likely the model finds it.
        let mut word = super::Candidate {
            doc: 0,
            start: 0,
            end: 4,
            features: vec![0.0; FEATURES.len()],
        };
        assert!(!word.shown_by_default(0.9));
        word.features[super::CHARGED_WORD] = 1.0;
        assert!(word.shown_by_default(0.9) && !word.shown_by_default(super::SHOWN / 2.0));
    }

    #[test]
    fn charged_words_match_their_inflections_and_nothing_else() {
        use super::is_charged;
        for word in [
            "rebuff", "rebuffed", "rebuffs", "surly", "bitterly", "scorned",
        ] {
            assert!(is_charged(word), "{word}");
        }
        for word in [
            "sure",
            "surely",
            "bit",
            "bitterness",
            "said",
            "story",
            "celebrate",
        ] {
            assert!(!is_charged(word), "{word}");
        }
    }

    #[test]
    fn the_weights_file_names_every_feature_once() {
        let text = include_str!("../../../assets/lexicon/colour-weights.txt");
        let names: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        assert_eq!(names, FEATURES);
        assert_eq!(FEATURES[super::EVALUATIVE], "evaluative");
        assert_eq!(FEATURES[super::CHARGED_WORD], "charged");
        // A charged manner adverb alone in the lead outweighs a plain word.
        let mut charged = vec![0.0; FEATURES.len()];
        let mut plain = vec![0.0; FEATURES.len()];
        for (k, name) in FEATURES.iter().enumerate() {
            charged[k] = match *name {
                "bias" | "unheard" | "rare" | "uncommon" | "occasional" | "charged" | "adverb"
                | "lead" | "alone" => 1.0,
                "length" => 0.9,
                _ => 0.0,
            };
            plain[k] = match *name {
                "bias" => 1.0,
                "log_count" => 6.0,
                "position" => 0.6,
                "length" => 0.7,
                _ => 0.0,
            };
        }
        assert!(probability(&charged) > 0.5, "{}", probability(&charged));
        assert!(probability(&plain) < 0.01, "{}", probability(&plain));
        // Unknown names and malformed lines are ignored.
        assert_eq!(parse_weights("bias 2\nnonsense 4\nlead\n")[0], 2.0);
    }
}
