//! Benchmark: how the time grows on the inputs that once made a step quadratic (issue [8]):
//! many quotes in one paragraph, many names sharing a few last names, and long lexicons. Each
//! runs at three sizes, each twice the one before; linear work doubles with each step (the
//! old code took four times as long or more). `tests/bounded.rs` runs the same shapes under a
//! wall-clock guard. Run with `cargo bench --bench bounded`.

use divan::Bencher;
use parallax::analysis::{Input, analyze};
use parallax::ingest;
use parallax::saved::{LexiconKind, Lexicons};

fn main() {
    divan::main();
}

fn input(text: &str) -> Vec<Input> {
    ingest::ingest("bench.txt", text.as_bytes())
        .ok()
        .map(Input::from)
        .into_iter()
        .collect()
}

/// Made-up names from a few syllables, the same every run.
fn names(count: usize, seed: u64) -> Vec<String> {
    const SYLLABLES: [&str; 14] = [
        "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "pa", "ro", "ge", "bu", "fa",
    ];
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        usize::try_from(state >> 33).unwrap_or(0)
    };
    (0..count)
        .map(|_| {
            let syllables = 2 + next() % 3;
            let word: String = (0..syllables).map(|_| SYLLABLES[next() % 14]).collect();
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

#[divan::bench(args = [10_000, 20_000, 40_000], sample_count = 5)]
fn quotes_in_one_paragraph(bencher: Bencher, quotes: usize) {
    let text = format!("Ferry news\n\n{}\n", vec!["“Sail now.”"; quotes].join(" "));
    bencher.bench(|| analyze(divan::black_box(&input(&text))));
}

#[divan::bench(args = [15_000, 30_000, 60_000], sample_count = 5)]
fn names_sharing_last_names(bencher: Bencher, count: usize) {
    let last = names(20, 7);
    let text: Vec<String> = names(count, 11)
        .iter()
        .enumerate()
        .map(|(k, name)| format!("{name} {}", last[k % last.len()]))
        .collect();
    let text = text.join(" and ") + "\n";
    bencher.bench(|| analyze(divan::black_box(&input(&text))));
}

#[divan::bench(args = [15_000, 30_000, 60_000], sample_count = 5)]
fn terms_lexicon(bencher: Bencher, families: usize) {
    let terms: String = names(families, 3)
        .iter()
        .enumerate()
        .map(|(k, w)| format!("label concept {k}: {w}a{k} | {w}b{k}\n"))
        .collect();
    bencher.bench(|| {
        let mut lexicons = Lexicons::default();
        let added = lexicons.add(LexiconKind::Terms, terms.clone());
        assert!(added.is_ok());
        lexicons.options()
    });
}

#[divan::bench(args = [25_000, 50_000, 100_000], sample_count = 5)]
fn verbs_lexicon(bencher: Bencher, verbs: usize) {
    let text: String = names(verbs, 5)
        .iter()
        .enumerate()
        .map(|(k, w)| {
            let w = w.to_lowercase();
            format!("neutral {w}{k} {w}ed{k}\n")
        })
        .collect();
    bencher.bench(|| {
        let mut lexicons = Lexicons::default();
        let added = lexicons.add(LexiconKind::Verbs, text.clone());
        assert!(added.is_ok());
        lexicons.options()
    });
}
