//! Do two sentences say the same thing? A learned judgement over measures of how their words
//! meet: shared words and phrases of one to four words (each way), shared content, the longest
//! common run, characters, length, and the details that make two alike sentences report
//! different facts (a number, a name or a negation that only one of them has).
//!
//! Besides the measures, the model knows some thousands of words: how much it counts against
//! the pair that only one sentence has the word ("percent", "first"; little for "also" or
//! "told") and how much it counts for the pair that both have it.
//!
//! The weights are learned from pairs of news sentences that people judged (the MSRP training
//! pairs), by `assets/paraphrase/train.rs`, and shipped in `assets/paraphrase/model.txt`. The
//! measures depend on the two sentences alone, not on the rest of the comparison, so a pair is
//! judged the same way in a comparison of two articles as in one of thirty.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::features::{Lexicon, Unit, is_function_word, shared, stem};
use crate::analysis::diff::{diff_keys, word_key};
use crate::analysis::segment::{Span, words_in};
use crate::comparison::Document;

/// The measures, in the order of the model's weights.
pub const MEASURES: [&str; 22] = [
    "words_shared_min",
    "words_shared_max",
    "pairs_shared_min",
    "pairs_shared_max",
    "triples_shared_min",
    "triples_shared_max",
    "fours_shared_min",
    "fours_shared_max",
    "content_shared_min",
    "content_shared_max",
    "content_unmatched_min",
    "content_unmatched_max",
    "characters_dice",
    "common_run_of_shorter",
    "common_run_of_longer",
    "length_ratio",
    "length_difference",
    "numbers_differ",
    "numbers_agree",
    "names_unmatched",
    "negation_differs",
    "unmatched_run",
];

/// How many measures a pair gets.
pub const COUNT: usize = MEASURES.len();

/// One sentence as the measures see it: its words' keys and content stems, and whether each
/// word is a number, a name or a negation.
#[derive(Debug, Clone, Default)]
pub struct Words {
    keys: Vec<u32>,
    stems: Vec<u32>,
    numbers: Vec<u32>,
    names: Vec<u32>,
    negations: usize,
    /// Its distinct keys, sorted.
    distinct: Vec<u32>,
    /// Its runs of one to four words, each packed exactly into a number, sorted (a run that
    /// occurs twice is there twice).
    runs: [Vec<u128>; 4],
    /// The distinct runs of four characters of its keys joined by spaces, packed, sorted.
    letters: Vec<u128>,
    /// The words of the model's list it has (their places in the list), sorted.
    terms: Vec<u32>,
}

impl Words {
    /// The words of `unit` in its document, as `model` sees them.
    #[must_use]
    pub fn of(documents: &[Document], lexicon: &Lexicon, unit: &Unit, model: &Model) -> Words {
        let document = &documents[unit.doc];
        let spans = &document.words[unit.words.clone()];
        let keys = &lexicon.keys[unit.doc][unit.words.clone()];
        let stems = &lexicon.stems[unit.doc][unit.words.clone()];
        Words::build(&document.text, spans, keys, stems, model)
    }

    fn build(
        text: &str,
        spans: &[Span],
        keys: &[u32],
        stems: &[Option<u32>],
        model: &Model,
    ) -> Words {
        let mut words = Words {
            keys: keys.to_vec(),
            stems: stems.iter().flatten().copied().collect(),
            ..Words::default()
        };
        let mut letters: Vec<char> = Vec::new();
        for (k, (span, &id)) in spans.iter().zip(keys).enumerate() {
            let raw = &text[span.start..span.end];
            let key = word_key(raw);
            if key.chars().any(|c| c.is_ascii_digit()) {
                words.numbers.push(id);
            } else if k > 0
                && raw.chars().next().is_some_and(char::is_uppercase)
                && !is_function_word(&key)
            {
                words.names.push(id);
            }
            if matches!(key.as_str(), "not" | "never" | "no" | "nor" | "without")
                || key.ends_with("n't")
            {
                words.negations += 1;
            }
            if let Some(&place) = term(&key).and_then(|t| model.words.get(t)) {
                words.terms.push(place);
            }
            if !letters.is_empty() {
                letters.push(' ');
            }
            letters.extend(key.chars());
        }
        words.distinct = keys.to_vec();
        for list in [
            &mut words.stems,
            &mut words.numbers,
            &mut words.names,
            &mut words.distinct,
            &mut words.terms,
        ] {
            list.sort_unstable();
            list.dedup();
        }
        for (n, runs) in words.runs.iter_mut().enumerate() {
            *runs = keys
                .windows(n + 1)
                .map(|run| run.iter().fold(0u128, |acc, &k| acc << 32 | u128::from(k)))
                .collect();
            runs.sort_unstable();
        }
        words.letters = letters
            .windows(4)
            .map(|run| run.iter().fold(0u128, |acc, &c| acc << 32 | u128::from(c)))
            .collect();
        words.letters.sort_unstable();
        words.letters.dedup();
        words
    }
}

/// The measures of a pair, each symmetric: the pair (a, b) measures as (b, a).
#[must_use]
pub fn measure(a: &Words, b: &Words) -> [f64; COUNT] {
    let (la, lb) = (a.keys.len() as f64, b.keys.len() as f64);
    let (shorter, longer) = (la.min(lb).max(1.0), la.max(lb).max(1.0));
    let min_max = |x: f64, y: f64| (x.min(y), x.max(y));
    let grams: Vec<(f64, f64)> = (0..4)
        .map(|n| {
            let (x, y) = run_precisions(&a.runs[n], &b.runs[n]);
            min_max(x, y)
        })
        .collect();
    let shared_stems = shared(&a.stems, &b.stems) as f64;
    let share = |list: &[u32], shared: f64| {
        if list.is_empty() {
            1.0
        } else {
            shared / list.len() as f64
        }
    };
    let content = min_max(share(&a.stems, shared_stems), share(&b.stems, shared_stems));
    let unmatched = min_max(
        (a.stems.len() as f64 - shared_stems).ln_1p(),
        (b.stems.len() as f64 - shared_stems).ln_1p(),
    );
    let changes = diff_keys(&a.keys, &b.keys);
    let removed: usize = changes.iter().map(|c| c.old.len()).sum();
    let common = la - removed as f64;
    let longest_change = changes
        .iter()
        .map(|c| c.old.len().max(c.new.len()))
        .max()
        .unwrap_or(0) as f64;
    let (numbers_differ, numbers_agree) = {
        let shared = shared(&a.numbers, &b.numbers);
        let differ = a.numbers.len() + b.numbers.len() - 2 * shared;
        (
            (differ as f64).ln_1p(),
            f64::from(u8::from(differ == 0 && shared > 0)),
        )
    };
    let names_unmatched = {
        let absent = |names: &[u32], other: &Words| {
            names
                .iter()
                .filter(|n| other.distinct.binary_search(n).is_err())
                .count()
        };
        ((absent(&a.names, b) + absent(&b.names, a)) as f64).ln_1p()
    };
    [
        grams[0].0,
        grams[0].1,
        grams[1].0,
        grams[1].1,
        grams[2].0,
        grams[2].1,
        grams[3].0,
        grams[3].1,
        content.0,
        content.1,
        unmatched.0,
        unmatched.1,
        character_dice(&a.letters, &b.letters),
        common / shorter,
        common / longer,
        shorter / longer,
        (longer - shorter).ln_1p(),
        numbers_differ,
        numbers_agree,
        names_unmatched,
        f64::from(u8::from(a.negations % 2 != b.negations % 2)),
        longest_change / longer,
    ]
}

/// The word of the model's list that a word stands for (its stem), if it has letters and no
/// digits: numbers are weighed by the measures.
fn term(key: &str) -> Option<&str> {
    (key.chars().any(char::is_alphabetic) && !key.chars().any(|c| c.is_ascii_digit()))
        .then(|| stem(key))
}

/// The distinct words of a text as the model's list names them, sorted: for training.
#[must_use]
pub fn terms_of_text(text: &str) -> Vec<String> {
    let spans = words_in(
        text,
        Span {
            start: 0,
            end: text.len(),
        },
    );
    let mut terms: Vec<String> = spans
        .iter()
        .filter_map(|span| term(&word_key(&text[span.start..span.end])).map(str::to_owned))
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// The measures of two sentences given as text, as alignment would take them: for training the
/// model and for tests.
#[must_use]
pub fn measure_texts(a: &str, b: &str) -> [f64; COUNT] {
    let (a, b) = words_of_texts(a, b, &Model::default());
    measure(&a, &b)
}

/// The two sentences' words, keyed alike, as `model` sees them.
fn words_of_texts(a: &str, b: &str, model: &Model) -> (Words, Words) {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut stem_ids: HashMap<String, u32> = HashMap::new();
    let mut words = |text: &str| {
        let spans = words_in(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
        );
        let mut keys = Vec::with_capacity(spans.len());
        let mut stems = Vec::with_capacity(spans.len());
        for span in &spans {
            let key = word_key(&text[span.start..span.end]);
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            keys.push(*ids.entry(key.clone()).or_insert(next));
            let content = !is_function_word(&key)
                && key.chars().any(char::is_alphabetic)
                && key.chars().count() > 1;
            stems.push(content.then(|| {
                let next = u32::try_from(stem_ids.len()).unwrap_or(u32::MAX);
                *stem_ids.entry(stem(&key).to_owned()).or_insert(next)
            }));
        }
        Words::build(text, &spans, &keys, &stems, model)
    };
    (words(a), words(b))
}

/// The share of `a`'s runs of words found in `b`, and of `b`'s in `a` (sorted lists with
/// repeats), each run counted as often as it occurs on both sides at most. A side too short for
/// a run counts as fully found when the other side is too.
fn run_precisions(a: &[u128], b: &[u128]) -> (f64, f64) {
    if a.is_empty() || b.is_empty() {
        let both = a.is_empty() && b.is_empty();
        return if both { (1.0, 1.0) } else { (0.0, 0.0) };
    }
    let matched = shared(a, b) as f64;
    (matched / a.len() as f64, matched / b.len() as f64)
}

/// Dice coefficient of two sorted sets of four-character runs.
fn character_dice(a: &[u128], b: &[u128]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * shared(a, b) as f64 / (a.len() + b.len()) as f64
}

/// A logistic model over the measures, each first centred and scaled, and over the words of its
/// list that the two sentences have.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bias: f64,
    pub mean: [f64; COUNT],
    pub scale: [f64; COUNT],
    pub weight: [f64; COUNT],
    /// The words the model weighs, each with its place in `apart` and `together`.
    pub words: HashMap<String, u32>,
    /// What it adds when only one of the two sentences has the word.
    pub apart: Vec<f64>,
    /// What it adds when both have it.
    pub together: Vec<f64>,
}

impl Default for Model {
    /// A model that weighs nothing: every pair is as likely the same as not.
    fn default() -> Model {
        Model {
            bias: 0.0,
            mean: [0.0; COUNT],
            scale: [1.0; COUNT],
            weight: [0.0; COUNT],
            words: HashMap::new(),
            apart: Vec::new(),
            together: Vec::new(),
        }
    }
}

impl Model {
    /// The model shipped with Parallax, when it reads (a test makes sure it does).
    #[must_use]
    pub fn shipped() -> Option<&'static Model> {
        static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| {
            Model::parse(include_str!("../../../assets/paraphrase/model.txt")).ok()
        });
        MODEL.as_ref()
    }

    /// The probability that the two sentences say the same thing.
    #[must_use]
    pub fn probability(&self, a: &Words, b: &Words) -> f64 {
        let measures = measure(a, b);
        let z = self.bias
            + (0..COUNT)
                .map(|k| self.weight[k] * (measures[k] - self.mean[k]) / self.scale[k])
                .sum::<f64>()
            + self.word_score(&a.terms, &b.terms);
        1.0 / (1.0 + (-z).exp())
    }

    /// The probability that two sentences given as text say the same thing: for training and
    /// tests.
    #[must_use]
    pub fn probability_of_texts(&self, a: &str, b: &str) -> f64 {
        let (a, b) = words_of_texts(a, b, self);
        self.probability(&a, &b)
    }

    /// What the words add: `apart` for each word one side has, `together` for each both have
    /// (two sorted lists of places).
    fn word_score(&self, a: &[u32], b: &[u32]) -> f64 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        let weight = |list: &[f64], place: u32| list.get(place as usize).copied().unwrap_or(0.0);
        while i < a.len() || j < b.len() {
            match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x == y => {
                    sum += weight(&self.together, *x);
                    i += 1;
                    j += 1;
                }
                (Some(x), Some(y)) if x < y => {
                    sum += weight(&self.apart, *x);
                    i += 1;
                }
                (Some(x), None) => {
                    sum += weight(&self.apart, *x);
                    i += 1;
                }
                (_, Some(y)) => {
                    sum += weight(&self.apart, *y);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        sum
    }

    /// Reads a model: `#` comments, a line `bias VALUE`, then one line per measure, in order,
    /// `NAME MEAN SCALE WEIGHT`, then any number of lines `word WORD APART TOGETHER`.
    ///
    /// # Errors
    /// A line that does not read, a measure missing or out of order, a scale that is not
    /// positive, or a word given twice.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut model = Model::default();
        let mut lines = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        let number = |s: Option<&str>| -> Result<f64, String> {
            s.and_then(|s| s.parse::<f64>().ok())
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("not a number: {s:?}"))
        };
        let mut first = lines.next().unwrap_or("").split_whitespace();
        if first.next() != Some("bias") {
            return Err("the first line is not `bias VALUE`".to_owned());
        }
        model.bias = number(first.next())?;
        for (k, name) in MEASURES.iter().enumerate() {
            let line = lines
                .next()
                .ok_or_else(|| format!("no line for the measure {name}"))?;
            let mut parts = line.split_whitespace();
            if parts.next() != Some(*name) {
                return Err(format!("expected the measure {name}: {line}"));
            }
            model.mean[k] = number(parts.next())?;
            model.scale[k] = number(parts.next())?;
            model.weight[k] = number(parts.next())?;
            if model.scale[k] <= 0.0 {
                return Err(format!("the scale of {name} is not positive"));
            }
        }
        for line in lines {
            let mut parts = line.split_whitespace();
            let (Some("word"), Some(word)) = (parts.next(), parts.next()) else {
                return Err(format!("expected `word WORD APART TOGETHER`: {line}"));
            };
            let place = u32::try_from(model.apart.len()).map_err(|_| "too many words")?;
            if model.words.insert(word.to_owned(), place).is_some() {
                return Err(format!("the word {word} is given twice"));
            }
            model.apart.push(number(parts.next())?);
            model.together.push(number(parts.next())?);
            if parts.next().is_some() {
                return Err(format!("more than two weights: {line}"));
            }
        }
        Ok(model)
    }

    /// The model as text, as [`Model::parse`] reads it.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = format!("bias {}\n", self.bias);
        for (k, name) in MEASURES.iter().enumerate() {
            out.push_str(&format!(
                "{name} {} {} {}\n",
                self.mean[k], self.scale[k], self.weight[k]
            ));
        }
        let mut words: Vec<(&String, &u32)> = self.words.iter().collect();
        words.sort_unstable_by_key(|&(_, &place)| place);
        for (word, &place) in words {
            let place = place as usize;
            out.push_str(&format!(
                "word {word} {} {}\n",
                self.apart[place], self.together[place]
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_reads() {
        assert!(Model::shipped().is_some());
    }

    #[test]
    fn measures_do_not_depend_on_the_order_of_the_pair() {
        let a = "The ferry company said on Monday that 40 crew members would return to work.";
        let b = "Forty crew members will be back at work, the company said Monday.";
        assert_eq!(measure_texts(a, b), measure_texts(b, a));
    }

    #[test]
    fn the_same_sentence_measures_as_one() {
        let a = "The council approved the barrier by seven votes to four.";
        let m = measure_texts(a, a);
        for (k, name) in MEASURES.iter().enumerate() {
            let expected = match *name {
                "content_unmatched_min"
                | "content_unmatched_max"
                | "length_difference"
                | "numbers_differ"
                | "numbers_agree"
                | "names_unmatched"
                | "negation_differs"
                | "unmatched_run" => 0.0,
                _ => 1.0,
            };
            assert!((m[k] - expected).abs() < 1e-9, "{name}: {}", m[k]);
        }
    }

    #[test]
    fn a_different_number_a_new_name_and_a_negation_are_seen() {
        let a = "The mayor said 138 homes would be moved.";
        let b = "The mayor said 183 homes would not be moved, Brill added.";
        let m = measure_texts(a, b);
        let at = |name: &str| m[MEASURES.iter().position(|n| *n == name).unwrap()];
        assert!(at("numbers_differ") > 0.0);
        assert_eq!(at("numbers_agree"), 0.0);
        assert!(at("names_unmatched") > 0.0);
        assert_eq!(at("negation_differs"), 1.0);
    }

    #[test]
    fn a_model_reads_back_what_it_writes_and_refuses_what_does_not_fit() {
        let mut model = Model {
            bias: 0.25,
            mean: [0.5; COUNT],
            scale: [2.0; COUNT],
            ..Model::default()
        };
        model.weight[3] = -1.5;
        for (place, word) in ["ferry", "strik"].into_iter().enumerate() {
            model.words.insert(word.to_owned(), place as u32);
            model.apart.push(-0.5 - place as f64);
            model.together.push(0.25);
        }
        assert_eq!(Model::parse(&model.to_text()), Ok(model.clone()));
        let short: String = model
            .to_text()
            .lines()
            .take(5)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(Model::parse(&short).unwrap_err().contains("no line for"));
        let renamed = model.to_text().replace("length_ratio", "size_ratio");
        assert!(Model::parse(&renamed).is_err());
        let zero = model
            .to_text()
            .replace("length_ratio 0.5 2", "length_ratio 0.5 0");
        assert!(Model::parse(&zero).unwrap_err().contains("not positive"));
        let twice = format!("{}word ferry 1 1\n", model.to_text());
        assert!(Model::parse(&twice).unwrap_err().contains("twice"));
        let stray = format!("{}ferry 1 1\n", model.to_text());
        assert!(Model::parse(&stray).is_err());
    }

    #[test]
    fn the_probability_follows_the_weights() {
        let a = "Crews voted to end the strike on Monday.";
        let b = "The strike ended when crews voted on Monday.";
        let mut model = Model::default();
        assert!((model.probability_of_texts(a, b) - 0.5).abs() < 1e-12);
        // A measure's weight: the more words the two share, the likelier the same.
        let words_shared_min = MEASURES
            .iter()
            .position(|n| *n == "words_shared_min")
            .unwrap();
        model.weight[words_shared_min] = 4.0;
        assert!(model.probability_of_texts(a, a) > model.probability_of_texts(a, b));
        // A word's weights: "end" and "ended" are one word, held by both; "when" by one.
        let mut words = Model::default();
        for (place, word) in ["end", "when"].into_iter().enumerate() {
            words.words.insert(word.to_owned(), place as u32);
        }
        words.together = vec![2.0, 0.0];
        words.apart = vec![0.0, -3.0];
        let z = |p: f64| (p / (1.0 - p)).ln();
        assert!((z(words.probability_of_texts(a, b)) - (2.0 - 3.0)).abs() < 1e-9);
        assert!((z(words.probability_of_texts(a, a)) - 2.0).abs() < 1e-9);
        assert_eq!(terms_of_text("Ended, when ENDING 40."), ["end", "when"]);
    }
}
