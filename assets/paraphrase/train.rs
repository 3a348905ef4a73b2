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
//! logistic regression over the measures, each centred and scaled, with a light L2 penalty,
//! fitted by Newton's method: the same file always gives the same model. Before fitting on all
//! pairs, a ten-fold cross-validation prints on standard error how well the model judges pairs
//! it was not fitted on.

use std::process::ExitCode;

use parallax::analysis::align::paraphrase::{COUNT, MEASURES, Model, measure_texts};

/// The L2 penalty on the weights (not on the bias).
const PENALTY: f64 = 1.0;

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
    let pairs: Vec<([f64; COUNT], bool)> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let [quality, _, _, a, b] = fields[..] else {
                return None;
            };
            Some((measure_texts(a, b), quality.trim() == "1"))
        })
        .collect();
    eprintln!(
        "{} pairs, {} judged the same",
        pairs.len(),
        pairs.iter().filter(|p| p.1).count()
    );
    if std::env::args().nth(2).as_deref() == Some("--measures") {
        // The measures themselves, a pair a line, for looking at them with other tools.
        println!("same\t{}", MEASURES.join("\t"));
        for (m, same) in &pairs {
            let row: Vec<String> = m.iter().map(f64::to_string).collect();
            println!("{}\t{}", u8::from(*same), row.join("\t"));
        }
        return ExitCode::SUCCESS;
    }

    // Ten folds, by position: pair k is held out in fold k % 10.
    let mut held_out: Vec<(f64, bool)> = Vec::new();
    for fold in 0..10 {
        let train: Vec<_> = pairs
            .iter()
            .enumerate()
            .filter(|(k, _)| k % 10 != fold)
            .map(|(_, p)| *p)
            .collect();
        let model = fit(&train);
        held_out.extend(
            pairs
                .iter()
                .enumerate()
                .filter(|(k, _)| k % 10 == fold)
                .map(|(_, (m, same))| (model.probability(m), *same)),
        );
    }
    for threshold in [0.4, 0.45, 0.5, 0.55, 0.6] {
        eprintln!(
            "held out, threshold {threshold}: {}",
            scores(&held_out, threshold)
        );
    }
    let model = fit(&pairs);
    let fitted: Vec<(f64, bool)> = pairs
        .iter()
        .map(|(m, s)| (model.probability(m), *s))
        .collect();
    eprintln!("fitted on all, threshold 0.5: {}", scores(&fitted, 0.5));
    print!(
        "# Parallax: do two sentences say the same thing? A logistic model over the measures of\n\
         # src/analysis/align/paraphrase.rs, trained by assets/paraphrase/train.rs on {} judged\n\
         # pairs of news sentences (the MSRP training pairs). Each line: measure, mean, scale,\n\
         # weight.\n{}",
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

/// Fits the model by Newton's method on the centred and scaled measures.
fn fit(pairs: &[([f64; COUNT], bool)]) -> Model {
    let n = pairs.len() as f64;
    let mut mean = [0.0; COUNT];
    let mut scale = [0.0; COUNT];
    for (m, _) in pairs {
        for k in 0..COUNT {
            mean[k] += m[k] / n;
        }
    }
    for (m, _) in pairs {
        for k in 0..COUNT {
            scale[k] += (m[k] - mean[k]).powi(2) / n;
        }
    }
    for s in &mut scale {
        *s = if *s > 1e-12 { s.sqrt() } else { 1.0 };
    }
    let rows: Vec<(Vec<f64>, f64)> = pairs
        .iter()
        .map(|(m, same)| {
            let mut x = vec![1.0];
            x.extend((0..COUNT).map(|k| (m[k] - mean[k]) / scale[k]));
            (x, f64::from(u8::from(*same)))
        })
        .collect();
    let dim = COUNT + 1;
    let mut w = vec![0.0; dim];
    for _ in 0..25 {
        let mut gradient = vec![0.0; dim];
        let mut hessian = vec![vec![0.0; dim]; dim];
        for (x, y) in &rows {
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for i in 0..dim {
                gradient[i] += (p - y) * x[i];
                for j in 0..dim {
                    hessian[i][j] += p * (1.0 - p) * x[i] * x[j];
                }
            }
        }
        for i in 1..dim {
            gradient[i] += PENALTY * w[i];
            hessian[i][i] += PENALTY;
        }
        let step = solve(hessian, gradient);
        for i in 0..dim {
            w[i] -= step[i];
        }
    }
    let mut weight = [0.0; COUNT];
    weight.copy_from_slice(&w[1..]);
    Model {
        bias: w[0],
        mean,
        scale,
        weight,
    }
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let d = a[col][col];
        if d.abs() < 1e-12 {
            continue;
        }
        for row in col + 1..n {
            let factor = a[row][col] / d;
            let (above, below) = a.split_at_mut(row);
            for (x, p) in below[0][col..].iter_mut().zip(&above[col][col..]) {
                *x -= factor * p;
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = if a[row][row].abs() < 1e-12 {
            0.0
        } else {
            (b[row] - rest) / a[row][row]
        };
    }
    x
}
