//! Distinctive vocabulary: the words each document uses more than the others, ranked by the
//! log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
//! "Fightin' Words").
//!
//! For a word w, document i (y_iw uses of n_i words) is set against the other documents
//! pooled (y_jw of n_j), with the pooled documents as the prior: α_w = α₀ · (y_w / n), where the
//! prior's weight α₀ is the average document's length in words.
//!
//!   δ_w = ln((y_iw + α_w) / (n_i + α₀ − y_iw − α_w)) − ln((y_jw + α_w) / (n_j + α₀ − y_jw − α_w))
//!   σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w),    z_w = δ_w / σ_w
//!
//! The prior shrinks the odds of rare words, so a word used once is not distinctive merely for
//! being absent elsewhere. Only the writer's own words count: content words outside direct
//! quotes, compared by stem.

use std::collections::HashMap;

use crate::analysis::align::features::{is_function_word, stem};
use crate::comparison::{Distinctive, DistinctiveWord, Document, Quote, QuoteKind};

/// Words listed per document, at most.
const LISTED: usize = 12;
/// A word is listed when its z-score is at least this.
const MIN_Z: f64 = 1.5;

/// One surface form of a word: its uses, the first as written, and whether it was ever
/// written in lower case (a name never is).
#[derive(Debug, Default, Clone, Copy)]
struct Form<'a> {
    uses: u32,
    written: &'a str,
    lower: bool,
}

impl Form<'_> {
    /// How to show it: a name as written ("Flynn"), any other word in lower case.
    fn shown(&self, key: &str) -> String {
        if self.lower {
            key.to_owned()
        } else {
            self.written.to_owned()
        }
    }
}

/// Counts per stem: (uses, the surface forms by key).
type Counts<'a> = HashMap<&'a str, (u32, HashMap<&'a str, Form<'a>>)>;

fn counts<'a>(document: &'a Document, keys: &'a [String], quotes: &[&Quote]) -> (Counts<'a>, u32) {
    let mut out = Counts::new();
    let mut total = 0;
    let mut q = 0;
    for (word, key) in document.words.iter().zip(keys) {
        while q < quotes.len() && quotes[q].end <= word.start {
            q += 1;
        }
        if quotes[q..]
            .iter()
            .take_while(|quote| quote.start <= word.start)
            .any(|quote| word.end <= quote.end)
        {
            continue;
        }
        if key.chars().nth(2).is_none()
            || is_function_word(key)
            || !key.chars().any(char::is_alphabetic)
            || key.chars().any(|c| c.is_ascii_digit())
        {
            continue;
        }
        total += 1;
        let written = &document.text[word.start..word.end];
        let entry = out.entry(stem(key)).or_default();
        entry.0 += 1;
        let form = entry.1.entry(key.as_str()).or_insert(Form {
            uses: 0,
            written,
            lower: false,
        });
        form.uses += 1;
        form.lower |= written.chars().next().is_some_and(char::is_lowercase);
    }
    (out, total)
}

/// Each document's distinctive words, most distinctive first. Empty for a single document:
/// there is nothing to set it against.
#[must_use]
pub fn distinctive(
    documents: &[Document],
    keys: &[Vec<String>],
    quotes: &[Quote],
) -> Vec<Distinctive> {
    if documents.len() < 2 {
        return Vec::new();
    }
    let per_doc: Vec<(Counts, u32)> = documents
        .iter()
        .zip(keys)
        .map(|(d, keys)| {
            let mut own: Vec<&Quote> = quotes
                .iter()
                .filter(|q| q.doc == d.id && q.kind != QuoteKind::Scare)
                .collect();
            own.sort_by_key(|q| q.start);
            counts(d, keys, &own)
        })
        .collect();
    let mut pooled: HashMap<&str, u32> = HashMap::new();
    for (c, _) in &per_doc {
        #[expect(
            clippy::iter_over_hash_type,
            reason = "a sum: the order of the terms does not matter"
        )]
        for (w, (n, _)) in c {
            *pooled.entry(w).or_default() += n;
        }
    }
    let n_all: u32 = per_doc.iter().map(|(_, n)| n).sum();
    if n_all == 0 {
        return Vec::new();
    }
    // The prior weighs as much as the average document.
    let a0 = f64::from(n_all) / documents.len() as f64;
    documents
        .iter()
        .zip(&per_doc)
        .map(|(document, (own, n_i))| {
            let n_i = f64::from(*n_i);
            let n_j = f64::from(n_all) - n_i;
            let mut scored: Vec<DistinctiveWord> = own
                .iter()
                .filter_map(|(w, (y_i, forms))| {
                    let y_all = f64::from(pooled[w]);
                    let y_i = f64::from(*y_i);
                    let y_j = y_all - y_i;
                    let a_w = a0 * y_all / f64::from(n_all);
                    let delta = ((y_i + a_w) / (n_i + a0 - y_i - a_w)).ln()
                        - ((y_j + a_w) / (n_j + a0 - y_j - a_w)).ln();
                    let z = delta / (1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)).sqrt();
                    // The most used surface form, the first alphabetically among equals.
                    let word = forms
                        .iter()
                        .max_by(|a, b| a.1.uses.cmp(&b.1.uses).then(b.0.cmp(a.0)))
                        .map(|(key, form)| form.shown(key))?;
                    (z >= MIN_Z).then(|| DistinctiveWord {
                        word,
                        count: y_i as u32,
                        others: y_j as u32,
                        z: (z * 100.0).round() / 100.0,
                    })
                })
                .collect();
            scored.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.word.cmp(&b.word)));
            scored.truncate(LISTED);
            Distinctive {
                doc: document.id.clone(),
                words: scored,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::comparison::Comparison;

    fn compare(texts: &[&str]) -> Comparison {
        crate::analysis::compare_texts(texts)
    }

    fn words<'a>(c: &'a Comparison, doc: &str) -> Vec<&'a str> {
        c.vocabulary
            .iter()
            .find(|d| d.doc == doc)
            .map(|d| d.words.iter().map(|w| w.word.as_str()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn words_one_document_leans_on_rank_first_and_shared_words_do_not_count() {
        let c = compare(&[
            "The council approved the harbour plan. Critics called the harbour plan a giveaway, \
             a giveaway to developers, and a giveaway that the town cannot afford. The giveaway \
             passed by one vote, and the giveaway will cost the harbour dearly. The vote was \
             close.",
            "The council approved the harbour plan. Supporters said the plan brings jobs and \
             jobs that the town needs, and more jobs next year. Jobs at the harbour, jobs in the \
             yards. The vote was close.",
        ]);
        assert_eq!(
            words(&c, "d0").first(),
            Some(&"giveaway"),
            "{:?}",
            c.vocabulary
        );
        assert_eq!(words(&c, "d1").first(), Some(&"jobs"), "{:?}", c.vocabulary);
        for shared in ["council", "harbour", "vote"] {
            assert!(!words(&c, "d0").contains(&shared), "{:?}", c.vocabulary);
            assert!(!words(&c, "d1").contains(&shared), "{:?}", c.vocabulary);
        }
    }

    #[test]
    fn quoted_words_are_the_speakers_not_the_writers() {
        // The same report of a ferry meeting, one with a quote and the writer's own
        // "betrayal", the other plain.
        let common = "The ferry runs twice a day from the harbour to the island. ".repeat(6);
        let first = format!(
            "{common}\"Betrayal, betrayal, betrayal and more betrayal, betrayal again,\" the \
             mayor said. The ferry betrayal, the critics wrote, was a betrayal of the island, a \
             betrayal of its families, a betrayal of its history, a betrayal of the harbour and a \
             betrayal of trust."
        );
        let second = format!("{common}The mayor spoke at the meeting. The meeting ended at noon.");
        let c = compare(&[&first, &second]);
        // Used six times by the writer: listed with those six, not the quote's five more.
        let listed = &c.vocabulary[0].words;
        let betrayal = listed.iter().find(|w| w.word == "betrayal");
        assert_eq!(betrayal.map(|w| w.count), Some(6), "{listed:?}");
    }

    #[test]
    fn one_document_has_no_distinctive_vocabulary() {
        let c = compare(&["A giveaway, a giveaway and a giveaway again."]);
        assert!(c.vocabulary.is_empty());
    }
}
