//! Benchmarks for alignment (issue [3]):
//!
//! - `scaling`: the full analysis of 45 and of 90 articles in one run. Candidate pairs come from
//!   a shingle index, so 90 articles should cost about twice 45, not four times. Runs on the
//!   BASIL dev articles when `../shared/corpus/basil-dev` is beside the checkout, and always on
//!   generated articles (triplets of reports on invented events, sharing facts and quotes).
//! - `seeds`: the full analysis of the five seed articles (when `../shared` is there) and of the
//!   bundled samples.
//! - `align_only`: alignment alone (groups, diffs, omissions, reprints) on the same inputs.
//! - `framing_only`: framing alone on the same inputs (issue [4]: at most alignment's time).
//! - `story_only` and `paraphrase_only`: the story verdict alone, and the paraphrase model's
//!   judgement of every candidate pair of sentences alone, on the same inputs (issue [10]: each
//!   within alignment's time, which includes them).
//! - `big_against_four`: a 5 MB article against four ordinary ones.
//! - `unrelated_diff`: the word diff of two long unrelated texts: 10,000 and 20,000 words each
//!   are diffed word by word (20,000 + 20,000 is `MAX_DIFF_WORDS`), 100,000 each are past it
//!   and become one change.
//!
//! Run with `cargo bench --bench align`.

use divan::Bencher;
use parallax::analysis::diff::diff_texts;
use parallax::analysis::framing::{framing, labels};
use std::collections::HashMap;

use parallax::analysis::align::features::{Lexicon, Unit};
use parallax::analysis::align::index::candidates;
use parallax::analysis::align::paraphrase::{Model, Words};
use parallax::analysis::align::story::story;
use parallax::analysis::segment::Span;
use parallax::analysis::{Input, Options, align::align, analyze, find_all_quotes};
use parallax::comparison::Quote;
use parallax::{ingest, load};

mod corpus;

use corpus::{basil, seeds};

fn main() {
    divan::main();
}

/// A deterministic xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % 1_000_003).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

const FUNCTION: &[&str] = &[
    "the", "a", "of", "to", "and", "in", "on", "for", "with", "after", "that", "by", "as",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "funded",
    "opened",
    "closed",
    "questioned",
    "defended",
    "announced",
    "blocked",
    "visited",
    "reviewed",
];
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "tin", "sa", "vor", "el", "dun", "ri", "pa", "nes", "ho", "gat", "ul",
    "bra", "mi", "ter", "os",
];

/// An invented word.
fn word(rng: &mut Rng) -> String {
    (0..2 + rng.next() % 2)
        .map(|_| rng.pick(SYLLABLES))
        .collect()
}

/// A sentence over an event's own vocabulary.
fn sentence(rng: &mut Rng, vocabulary: &[String]) -> String {
    let mut words = Vec::new();
    for k in 0..12 + rng.next() % 14 {
        words.push(match k % 3 {
            0 => rng.pick(FUNCTION).to_owned(),
            1 => vocabulary[rng.next() % vocabulary.len()].clone(),
            _ => {
                if rng.next().is_multiple_of(4) {
                    rng.pick(VERBS).to_owned()
                } else {
                    vocabulary[rng.next() % vocabulary.len()].clone()
                }
            }
        });
    }
    let mut text = words.join(" ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text + "."
}

/// `count` articles, in triplets that report the same invented event: each article carries
/// most of the event's facts (some reworded) and quotes, plus sentences of its own.
fn generated(count: usize) -> Vec<Input> {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut inputs = Vec::new();
    for event in 0..count.div_ceil(3) {
        let vocabulary: Vec<String> = (0..150).map(|_| word(&mut rng)).collect();
        let facts: Vec<String> = (0..20).map(|_| sentence(&mut rng, &vocabulary)).collect();
        let quotes: Vec<String> = (0..5).map(|_| sentence(&mut rng, &vocabulary)).collect();
        for outlet in 0..3 {
            if inputs.len() == count {
                break;
            }
            let mut paragraphs = Vec::new();
            for fact in &facts {
                if rng.next() % 10 < 7 {
                    let mut words: Vec<&str> = fact.split(' ').collect();
                    if rng.next().is_multiple_of(2) && words.len() > 6 {
                        let at = 1 + rng.next() % (words.len() - 2);
                        words.remove(at);
                    }
                    paragraphs.push(words.join(" "));
                }
                if rng.next().is_multiple_of(3) {
                    paragraphs.push(sentence(&mut rng, &vocabulary));
                }
            }
            for quote in &quotes {
                if !rng.next().is_multiple_of(3) {
                    let body = quote.trim_end_matches('.');
                    paragraphs.push(format!("\"{body},\" Minister Kalo Vortin said."));
                }
            }
            let text = paragraphs.join("\n\n");
            let name = format!("event{event}-outlet{outlet}.txt");
            if let Ok(source) = ingest::ingest(&name, text.as_bytes()) {
                inputs.push(Input::from(source));
            }
        }
    }
    inputs
}

fn samples() -> Vec<Input> {
    load::samples()
        .map(|s| s.into_iter().map(Input::from).collect())
        .unwrap_or_default()
}

/// The inputs a benchmark argument names.
fn named_set(set: &str) -> Option<Vec<Input>> {
    match set {
        "seeds" => seeds(),
        "basil-dev-45" => basil(45),
        "basil-dev-90" => basil(90),
        _ => Some(samples()),
    }
}

#[divan::bench(args = [45, 90], sample_count = 5)]
fn scaling_generated(bencher: Bencher, count: usize) {
    let inputs = generated(count);
    bencher.bench(|| analyze(divan::black_box(&inputs)));
}

#[divan::bench(args = [45, 90], sample_count = 5)]
fn scaling_basil_dev(bencher: Bencher, count: usize) {
    let Some(inputs) = basil(count) else {
        eprintln!("../shared/corpus/basil-dev not found: skipped");
        return;
    };
    bencher.bench(|| analyze(divan::black_box(&inputs)));
}

#[divan::bench(args = ["seeds", "samples"], sample_count = 20)]
fn full_analysis(bencher: Bencher, set: &str) {
    let inputs = if set == "seeds" {
        seeds()
    } else {
        Some(samples())
    };
    let Some(inputs) = inputs else {
        eprintln!("../shared/corpus/seeds not found: skipped");
        return;
    };
    bencher.bench(|| analyze(divan::black_box(&inputs)));
}

#[divan::bench(args = ["seeds", "samples", "basil-dev-45", "basil-dev-90"], sample_count = 20)]
fn align_only(bencher: Bencher, set: &str) {
    let Some(inputs) = named_set(set) else {
        eprintln!("{set} not found: skipped");
        return;
    };
    let comparison = analyze(&inputs);
    bencher.bench(|| {
        align(
            divan::black_box(&comparison.documents),
            divan::black_box(&comparison.quotes),
        )
    });
}

/// Framing alone on the same inputs as `align_only`: the bar is at most alignment's time.
#[divan::bench(args = ["seeds", "samples", "basil-dev-45", "basil-dev-90"], sample_count = 20)]
fn framing_only(bencher: Bencher, set: &str) {
    let Some(inputs) = named_set(set) else {
        eprintln!("{set} not found: skipped");
        return;
    };
    let c = analyze(&inputs);
    let options = Options::default();
    // The labels themselves are read while attributing quotes; framing groups them by person.
    let found = find_all_quotes(&c.documents, &options);
    bencher.bench(|| {
        let mut all = found.labels.clone();
        for (document, list) in c.documents.iter().zip(&mut all) {
            let quotes: Vec<&Quote> = c.quotes.iter().filter(|q| q.doc == document.id).collect();
            list.extend(labels::institution_labels(document, &quotes));
        }
        let people = labels::people(divan::black_box(&c.documents), &all);
        framing(
            &c.documents,
            &c.quotes,
            &c.quote_groups,
            &c.sentence_groups,
            &people,
            &options.terms,
            &options.verbs,
        )
    });
}

/// The story verdict alone: content closeness through its index, names, weekdays, dates.
#[divan::bench(args = ["seeds", "samples", "basil-dev-45", "basil-dev-90"], sample_count = 20)]
fn story_only(bencher: Bencher, set: &str) {
    let Some(inputs) = named_set(set) else {
        eprintln!("{set} not found: skipped");
        return;
    };
    let c = analyze(&inputs);
    let at = |id: &str| c.documents.iter().position(|d| d.id == id);
    let mut shared: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    for group in &c.sentence_groups {
        let docs: Vec<usize> = group.members.iter().filter_map(|m| at(&m.doc)).collect();
        for (i, &a) in docs.iter().enumerate() {
            for &b in &docs[i + 1..] {
                shared.entry((a.min(b), a.max(b))).or_default().0 += 1;
            }
        }
    }
    bencher.bench(|| {
        let lexicon = Lexicon::new(divan::black_box(&c.documents));
        story(&c.documents, &lexicon, &shared)
    });
}

/// The paraphrase model on every candidate pair of sentences, with the words it measures.
#[divan::bench(args = ["seeds", "samples", "basil-dev-45", "basil-dev-90"], sample_count = 20)]
fn paraphrase_only(bencher: Bencher, set: &str) {
    let Some(inputs) = named_set(set) else {
        eprintln!("{set} not found: skipped");
        return;
    };
    let c = analyze(&inputs);
    let Some(model) = Model::shipped() else {
        eprintln!("no paraphrase model: skipped");
        return;
    };
    let lexicon = Lexicon::new(&c.documents);
    let units: Vec<Unit> = c
        .documents
        .iter()
        .enumerate()
        .flat_map(|(d, document)| {
            let lexicon = &lexicon;
            let documents = &c.documents;
            document.sentences.iter().map(move |s| {
                Unit::new(
                    documents,
                    lexicon,
                    d,
                    s.index,
                    Span {
                        start: s.start,
                        end: s.end,
                    },
                )
            })
        })
        .filter(|unit| unit.content.len() >= 2)
        .collect();
    let pairs = candidates(&units);
    bencher.bench(|| {
        let words: Vec<Words> = units
            .iter()
            .map(|u| Words::of(&c.documents, &lexicon, u, model))
            .collect();
        pairs
            .iter()
            .filter(|&&(a, b)| model.probability(&words[a], &words[b]) >= 0.5)
            .count()
    });
}

#[divan::bench(sample_count = 3)]
fn big_against_four(bencher: Bencher) {
    let mut inputs = generated(4);
    let mut big = String::new();
    let mut k = 0;
    let pieces = generated(60);
    while big.len() < 5_000_000 {
        big.push_str(&pieces[k % pieces.len()].source.text);
        big.push_str("\n\n");
        k += 1;
    }
    if let Ok(source) = ingest::ingest("big.txt", big.as_bytes()) {
        inputs.push(Input::from(source));
    }
    bencher
        .counter(divan::counter::BytesCount::new(big.len()))
        .bench(|| analyze(divan::black_box(&inputs)));
}

#[divan::bench(args = [10_000, 20_000, 100_000], sample_count = 3)]
fn unrelated_diff(bencher: Bencher, words: usize) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut text = |n: usize| (0..n).map(|_| word(&mut rng)).collect::<Vec<_>>().join(" ");
    let (old, new) = (text(words), text(words));
    bencher.bench(|| diff_texts(divan::black_box(&old), divan::black_box(&new)));
}
