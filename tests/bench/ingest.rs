//! Benchmark: ingest + clean + segment (everything the foundation does) on the bundled samples,
//! on ../shared/corpus/seeds when that folder exists, and on a 1 MB article for scale.
//!
//! Files are read before timing; the timed part is bytes → `Comparison`.
//! Run with `cargo bench --bench ingest`.

use std::path::Path;

use divan::Bencher;
use parallax::analysis::{Input, analyze};
use parallax::ingest;
use parallax::load::SAMPLES;

fn main() {
    divan::main();
}

/// The inputs of each corpus as (name, bytes).
fn corpus(name: &str) -> Vec<(String, Vec<u8>)> {
    match name {
        "samples" => SAMPLES
            .iter()
            .map(|(n, b)| ((*n).to_owned(), b.to_vec()))
            .collect(),
        "seeds" => {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .collect();
            files.sort();
            files
                .into_iter()
                .filter_map(|p| Some((p.to_string_lossy().into_owned(), std::fs::read(&p).ok()?)))
                .collect()
        }
        _ => {
            // About 1 MB: the courier sample's text many times over, as one article.
            let text = String::from_utf8_lossy(SAMPLES[0].1).into_owned();
            let big = text.repeat(1024 * 1024 / text.len() + 1);
            vec![("big.txt".to_owned(), big.into_bytes())]
        }
    }
}

/// The corpora present on this machine.
fn corpora() -> Vec<&'static str> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/seeds")
        .is_dir();
    ["samples", "seeds", "one_mb_article"]
        .into_iter()
        .filter(|c| *c != "seeds" || seeds)
        .collect()
}

#[divan::bench(args = corpora())]
fn ingest_clean_segment(bencher: Bencher, name: &str) {
    let files = corpus(name);
    bencher
        .counter(divan::counter::BytesCount::new(
            files.iter().map(|(_, b)| b.len()).sum::<usize>(),
        ))
        .bench(|| {
            let inputs: Vec<Input> = files
                .iter()
                .filter_map(|(path, bytes)| ingest::ingest(path, bytes).ok())
                .map(Input::from)
                .collect();
            analyze(divan::black_box(&inputs))
        });
}
