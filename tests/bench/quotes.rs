//! Benchmark: quote extraction and attribution on articles full of unbalanced quote marks
//! (the bar: 5 MB in well under a second, growing linearly with the text).
//!
//! The article is generated: sentences with reporting cues, names, apostrophes and quote marks
//! of every kind, opened and never closed, closed and never opened, nested and crossed.
//! `quote_extraction` times finding and attributing the quotes of the already cleaned and
//! segmented article; `full_analysis` times everything from bytes to the comparison.
//! Run with `cargo bench --bench quotes`.

use divan::Bencher;
use parallax::analysis::{Input, Options, analyze, find_all_quotes};
use parallax::ingest;

fn main() {
    divan::main();
}

const PIECES: &[&str] = &[
    "The council said \"the wall",
    " will 'hold' until",
    " Mayor Ilse Marren’s team ‘argued",
    " « that nobody »",
    " told reporters: “We",
    " never ” closed",
    " „ this one",
    " ‹ or › that,",
    " she said.",
    " Marren, a former engineer, insisted ' it's",
    " … [the plan] ...",
    " \"",
    "”",
    " according to the spokesman, who said\n\n“It",
    " runs on.",
    " so-called ‘consultation’",
];

/// About `bytes` of text: a deterministic walk over the pieces, in paragraphs.
fn unbalanced(bytes: usize) -> Vec<u8> {
    let mut text = String::with_capacity(bytes + 256);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut in_paragraph = 0;
    while text.len() < bytes {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let piece = PIECES[usize::try_from(state % PIECES.len() as u64).unwrap_or(0)];
        text.push_str(piece);
        in_paragraph += 1;
        if in_paragraph > 12 {
            text.push_str("\n\n");
            in_paragraph = 0;
        }
    }
    text.into_bytes()
}

fn inputs(article: &[u8]) -> Vec<Input> {
    ingest::ingest("unbalanced.txt", article)
        .ok()
        .map(Input::from)
        .into_iter()
        .collect()
}

#[divan::bench(args = [1_250_000, 5_000_000], sample_count = 5)]
fn quote_extraction(bencher: Bencher, bytes: usize) {
    let article = unbalanced(bytes);
    let prepared = analyze(&inputs(&article));
    let options = Options::default();
    bencher
        .counter(divan::counter::BytesCount::new(article.len()))
        .bench(|| {
            let quotes = find_all_quotes(divan::black_box(&prepared.documents), &options).quotes;
            assert!(!quotes.is_empty());
            quotes
        });
}

#[divan::bench(args = [1_250_000, 5_000_000], sample_count = 5)]
fn full_analysis(bencher: Bencher, bytes: usize) {
    let article = unbalanced(bytes);
    bencher
        .counter(divan::counter::BytesCount::new(article.len()))
        .bench(|| analyze(divan::black_box(&inputs(&article))));
}
