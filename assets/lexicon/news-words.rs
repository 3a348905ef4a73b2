//! Counts the words of news prose and prints each with its count, in the form
//! `assets/lexicon/news-words.txt` holds:
//!
//!     cargo run --release --example news-words -- PAIRS.tsv > assets/lexicon/news-words.txt
//!
//! PAIRS.tsv is the MSRP training pairs (../shared/corpus/paraphrase-dev): some 7,000 sentences
//! of news wire. Each word is counted by its base form (`src/analysis/framing/plain.rs`).
//! Framing uses the counts to tell a plain word ("repeatedly", "said", "morning") from a vivid
//! one ("fulsome", "pityingly"), which news wire rarely needs.

use std::collections::BTreeMap;
use std::process::ExitCode;

use parallax::analysis::diff::word_key;
use parallax::analysis::framing::plain::base;

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
    eprintln!("{sentences} sentences, {} words", counts.len());
    println!(
        "# Parallax: the words of news prose, by base form, with how often each was met in {sentences}\n\
         # sentences of news wire (the MSRP training pairs), written by assets/lexicon/news-words.rs.\n\
         # Each line: a base form and how often it was met."
    );
    for (word, n) in &counts {
        println!("{word} {n}");
    }
    ExitCode::SUCCESS
}
