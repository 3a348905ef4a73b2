//! Trains the model behind "do these two sentences say the same thing?"
//! (`src/analysis/align/paraphrase.rs`) on pairs of sentences that people judged, and prints it
//! in the form `assets/paraphrase/model.txt` holds.
//!
//!     cargo run --release --example train-paraphrase -- PAIRS.tsv > assets/paraphrase/model.txt
//!
//! With `--measures` after the file, it prints each pair's measures instead (tab-separated).
//!
//! PAIRS.tsv is tab-separated with a header line: quality (1 = the same thing), two ids, the two
//! sentences, as in the MSRP training pairs (../shared/corpus/paraphrase-dev). The model is a
//! logistic regression over the measures, each centred and scaled, and over the words found in
//! at least five pairs (one weight for a word one sentence has, one for a word both have), with
//! an L2 penalty, light on the measures and heavier on the words. It is fitted by Newton's
//! method, each step solved by conjugate gradients: the same file always gives the same model.
//! Before fitting on all pairs, a ten-fold cross-validation prints on standard error how well
//! the model judges pairs it was not fitted on.

use std::collections::{BTreeSet, HashMap};
use std::process::ExitCode;

use parallax::analysis::align::paraphrase::{COUNT, MEASURES, Model, measure_texts, terms_of_text};

/// The L2 penalty on the measures' weights (not on the bias).
const PENALTY: f64 = 1.0;
/// The L2 penalty on the words' weights: a word is one clue among many.
const WORD_PENALTY: f64 = 8.0;
/// A word is weighed when at least this many pairs have it.
const MIN_PAIRS: usize = 5;

/// One judged pair: its texts, measures and words, and the people's answer.
struct Pair {
    a: String,
    b: String,
    measures: [f64; COUNT],
    terms: (Vec<String>, Vec<String>),
    same: bool,
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: train-paraphrase PAIRS.tsv > model.txt");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let pairs: Vec<Pair> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let [quality, _, _, a, b] = fields[..] else {
                return None;
            };
            Some(Pair {
                a: a.to_owned(),
                b: b.to_owned(),
                measures: measure_texts(a, b),
                terms: (terms_of_text(a), terms_of_text(b)),
                same: quality.trim() == "1",
            })
        })
        .collect();
    eprintln!(
        "{} pairs, {} judged the same",
        pairs.len(),
        pairs.iter().filter(|p| p.same).count()
    );
    if std::env::args().nth(2).as_deref() == Some("--measures") {
        // The measures themselves, a pair a line, for looking at them with other tools.
        println!("same\t{}", MEASURES.join("\t"));
        for pair in &pairs {
            let row: Vec<String> = pair.measures.iter().map(f64::to_string).collect();
            println!("{}\t{}", u8::from(pair.same), row.join("\t"));
        }
        return ExitCode::SUCCESS;
    }

    // Ten folds, by position: pair k is held out in fold k % 10.
    let mut held_out: Vec<(f64, bool)> = Vec::new();
    for fold in 0..10 {
        let train: Vec<&Pair> = pairs
            .iter()
            .enumerate()
            .filter(|(k, _)| k % 10 != fold)
            .map(|(_, p)| p)
            .collect();
        let model = fit(&train);
        held_out.extend(
            pairs
                .iter()
                .enumerate()
                .filter(|(k, _)| k % 10 == fold)
                .map(|(_, p)| (model.probability_of_texts(&p.a, &p.b), p.same)),
        );
    }
    for threshold in [0.4, 0.45, 0.5, 0.55, 0.6] {
        eprintln!(
            "held out, threshold {threshold}: {}",
            scores(&held_out, threshold)
        );
    }
    let all: Vec<&Pair> = pairs.iter().collect();
    let model = fit(&all);
    let fitted: Vec<(f64, bool)> = pairs
        .iter()
        .map(|p| (model.probability_of_texts(&p.a, &p.b), p.same))
        .collect();
    eprintln!("fitted on all, threshold 0.5: {}", scores(&fitted, 0.5));
    print!(
        "# Parallax: do two sentences say the same thing? A logistic model over the measures of\n\
         # src/analysis/align/paraphrase.rs and over {} words, trained by\n\
         # assets/paraphrase/train.rs on {} judged pairs of news sentences (the MSRP training\n\
         # pairs). Each measure's line: measure, mean, scale, weight. Each word's line: the word\n\
         # (its stem), its weight when one sentence has it, its weight when both have it.\n{}",
        model.words.len(),
        pairs.len(),
        model.to_text()
    );
    ExitCode::SUCCESS
}

/// Accuracy, precision, recall and F1 of "the same when the probability is at least
/// `threshold`".
fn scores(judged: &[(f64, bool)], threshold: f64) -> String {
    let (mut tp, mut fp, mut fn_, mut tn) = (0.0, 0.0, 0.0, 0.0);
    for &(p, same) in judged {
        match (p >= threshold, same) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            (false, false) => tn += 1.0,
        }
    }
    let precision = tp / f64::max(tp + fp, 1.0);
    let recall = tp / f64::max(tp + fn_, 1.0);
    format!(
        "accuracy {:.3} precision {precision:.3} recall {recall:.3} f1 {:.3}",
        (tp + tn) / (tp + fp + fn_ + tn),
        2.0 * precision * recall / f64::max(precision + recall, 1e-12)
    )
}

/// One pair as the fit sees it: the bias and the scaled measures, the places of its words'
/// weights, and the answer.
struct Row {
    dense: [f64; COUNT + 1],
    sparse: Vec<usize>,
    y: f64,
}

impl Row {
    fn dot(&self, w: &[f64]) -> f64 {
        self.dense.iter().zip(w).map(|(x, w)| x * w).sum::<f64>()
            + self.sparse.iter().map(|&k| w[k]).sum::<f64>()
    }

    /// Adds `factor` times this row to `out`.
    fn add_to(&self, out: &mut [f64], factor: f64) {
        for (o, x) in out.iter_mut().zip(&self.dense) {
            *o += factor * x;
        }
        for &k in &self.sparse {
            out[k] += factor;
        }
    }
}

/// Fits the model: Newton's method on the centred and scaled measures and the words, each
/// step solved by conjugate gradients.
fn fit(pairs: &[&Pair]) -> Model {
    let n = pairs.len() as f64;
    let mut mean = [0.0; COUNT];
    let mut scale = [0.0; COUNT];
    for pair in pairs {
        for (mean, m) in mean.iter_mut().zip(&pair.measures) {
            *mean += m / n;
        }
    }
    for pair in pairs {
        for ((scale, mean), m) in scale.iter_mut().zip(&mean).zip(&pair.measures) {
            *scale += (m - mean).powi(2) / n;
        }
    }
    for s in &mut scale {
        *s = if *s > 1e-12 { s.sqrt() } else { 1.0 };
    }
    // The words found in enough pairs, in alphabetical order.
    let mut found: HashMap<&str, usize> = HashMap::new();
    for pair in pairs {
        let words: BTreeSet<&str> = pair
            .terms
            .0
            .iter()
            .chain(&pair.terms.1)
            .map(String::as_str)
            .collect();
        for word in words {
            *found.entry(word).or_default() += 1;
        }
    }
    let vocabulary: Vec<&str> = found
        .iter()
        .filter(|&(_, &count)| count >= MIN_PAIRS)
        .map(|(&word, _)| word)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let place: HashMap<&str, usize> = vocabulary
        .iter()
        .enumerate()
        .map(|(k, &w)| (w, k))
        .collect();
    let words = vocabulary.len();
    let dim = COUNT + 1 + 2 * words;
    let apart = |k: usize| COUNT + 1 + k;
    let together = |k: usize| COUNT + 1 + words + k;
    let rows: Vec<Row> = pairs
        .iter()
        .map(|pair| {
            let mut dense = [1.0; COUNT + 1];
            for k in 0..COUNT {
                dense[k + 1] = (pair.measures[k] - mean[k]) / scale[k];
            }
            let (a, b) = &pair.terms;
            let mut sparse: Vec<usize> = a
                .iter()
                .filter_map(|w| {
                    let k = *place.get(w.as_str())?;
                    Some(if b.binary_search(w).is_ok() {
                        together(k)
                    } else {
                        apart(k)
                    })
                })
                .chain(b.iter().filter_map(|w| {
                    let k = *place.get(w.as_str())?;
                    a.binary_search(w).is_err().then(|| apart(k))
                }))
                .collect();
            sparse.sort_unstable();
            Row {
                dense,
                sparse,
                y: f64::from(u8::from(pair.same)),
            }
        })
        .collect();
    let penalty: Vec<f64> = (0..dim)
        .map(|k| match k {
            0 => 0.0,
            k if k <= COUNT => PENALTY,
            _ => WORD_PENALTY,
        })
        .collect();
    let mut w = vec![0.0; dim];
    for _ in 0..30 {
        let p: Vec<f64> = rows
            .iter()
            .map(|row| 1.0 / (1.0 + (-row.dot(&w)).exp()))
            .collect();
        let mut gradient: Vec<f64> = penalty.iter().zip(&w).map(|(l, w)| l * w).collect();
        for (row, p) in rows.iter().zip(&p) {
            row.add_to(&mut gradient, p - row.y);
        }
        let curvature: Vec<f64> = p.iter().map(|p| p * (1.0 - p)).collect();
        let hessian_times = |v: &[f64]| {
            let mut out: Vec<f64> = penalty.iter().zip(v).map(|(l, v)| l * v).collect();
            for (row, c) in rows.iter().zip(&curvature) {
                row.add_to(&mut out, c * row.dot(v));
            }
            out
        };
        let step = conjugate_gradients(hessian_times, &gradient);
        let size: f64 = step.iter().map(|s| s * s).sum::<f64>().sqrt();
        for (w, s) in w.iter_mut().zip(&step) {
            *w -= s;
        }
        if size < 1e-9 {
            break;
        }
    }
    let mut weight = [0.0; COUNT];
    weight.copy_from_slice(&w[1..=COUNT]);
    Model {
        bias: w[0],
        mean,
        scale,
        weight,
        words: vocabulary
            .iter()
            .enumerate()
            .map(|(k, &word)| (word.to_owned(), u32::try_from(k).unwrap_or(u32::MAX)))
            .collect(),
        apart: (0..words).map(|k| w[apart(k)]).collect(),
        together: (0..words).map(|k| w[together(k)]).collect(),
    }
}

/// Solves `A x = b` for a symmetric positive definite `A` given as a product.
fn conjugate_gradients(times: impl Fn(&[f64]) -> Vec<f64>, b: &[f64]) -> Vec<f64> {
    let dot = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(x, y)| x * y).sum::<f64>();
    let mut x = vec![0.0; b.len()];
    let mut r = b.to_vec();
    let mut d = r.clone();
    let mut rr = dot(&r, &r);
    let goal = rr * 1e-20;
    for _ in 0..b.len().min(500) {
        if rr <= goal {
            break;
        }
        let ad = times(&d);
        let alpha = rr / dot(&d, &ad);
        for k in 0..x.len() {
            x[k] += alpha * d[k];
            r[k] -= alpha * ad[k];
        }
        let next = dot(&r, &r);
        for k in 0..d.len() {
            d[k] = r[k] + next / rr * d[k];
        }
        rr = next;
    }
    x
}
