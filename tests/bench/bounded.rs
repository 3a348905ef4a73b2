//! Benchmark: how the time grows on the inputs that once made a step quadratic (issue [8]):
//! many quotes in one paragraph, many names sharing a few last names, and long lexicons. Each
//! runs at three sizes, each twice the one before; linear work doubles with each step (the
//! old code took four times as long or more). `tests/bounded.rs` runs the same shapes under a
//! wall-clock guard. Run with `cargo bench --bench bounded`.

use divan::Bencher;
use parallax::analysis::{Input, analyze};
use parallax::ingest;
use parallax::saved::{LexiconKind, Lexicons};

mod names;

use names::names;

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
