//! Counts the words of news prose and prints those common enough to be plain, in the form
//! `assets/lexicon/news-words.txt` holds:
//!
//!     cargo run --release --example news-words -- PAIRS.tsv > assets/lexicon/news-words.txt
//!
//! PAIRS.tsv is the MSRP training pairs (../shared/corpus/paraphrase-dev): some 7,000 sentences
//! of news wire. Each word is counted by its base form (`src/analysis/framing/plain.rs`), and a
//! base met more than [`PLAIN`] times is listed. Framing uses the list to tell a plain word
//! ("repeatedly", "said", "morning") from a vivid one ("fulsome", "pityingly"), which news wire
//! rarely needs.

use std::collections::BTreeMap;
use std::process::ExitCode;

use parallax::analysis::diff::word_key;
use parallax::analysis::framing::plain::base;

/// A base form met more often than this is common.
const PLAIN: usize = 2;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: news-words PAIRS.tsv > news-words.txt");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut sentences = 0;
    for line in text.trim_start_matches('\u{feff}').lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [_, _, _, a, b] = fields[..] else {
            continue;
        };
        for sentence in [a, b] {
            sentences += 1;
            for word in sentence.split(|c: char| !(c.is_alphanumeric() || "'’-".contains(c))) {
                let key = word_key(word.trim_matches(|c: char| !c.is_alphanumeric()));
                if key.chars().any(char::is_alphabetic) && !key.chars().any(|c| c.is_ascii_digit())
                {
                    *counts.entry(base(&key)).or_default() += 1;
                }
            }
        }
    }
    let common: Vec<(&String, &usize)> = counts.iter().filter(|&(_, &n)| n > PLAIN).collect();
    eprintln!(
        "{sentences} sentences, {} words, {} common",
        counts.len(),
        common.len()
    );
    println!(
        "# Parallax: words common in news prose, by base form, with how often each was met in {sentences}\n\
         # sentences of news wire (the MSRP training pairs), written by assets/lexicon/news-words.rs.\n\
         # A word whose base is listed here is plain; one whose base is not is rare enough to be vivid."
    );
    for (word, n) in common {
        println!("{word} {n}");
    }
    ExitCode::SUCCESS
}
