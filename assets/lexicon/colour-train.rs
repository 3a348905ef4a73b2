//! Trains the colour model's weights and prints them in the form
//! `assets/lexicon/colour-weights.txt` holds:
//!
//!     cargo run --release --example colour-train -- BASIL-FOLDER > assets/lexicon/colour-weights.txt
//!
//! BASIL-FOLDER holds one folder per event (../shared/corpus/basil-dev): its articles as `.txt`
//! files and `gold.json`, whose word-choice spans (`"bias": "lex"` outside quotes) say which
//! words annotators read as the writer's colour. Each candidate word Parallax finds
//! (`src/analysis/framing/colour.rs`) is a positive example when it overlaps such a span.
//! The model is a logistic regression with an L2 penalty, fitted by Newton's method; the same
//! folder gives the same weights. Held-out figures (five folds by event) go to stderr.

use std::process::ExitCode;

use parallax::analysis::framing::colour::{Candidate, FEATURES};
use parallax::analysis::framing::colour_candidates;
use parallax::analysis::{Input, Options, analyze};

/// The L2 penalty on every weight but the bias.
const PENALTY: f64 = 2.0;
const FOLDS: usize = 5;

struct Event {
    rows: Vec<(Candidate, bool)>,
}

fn main() -> ExitCode {
    let Some(folder) = std::env::args().nth(1) else {
        eprintln!("usage: colour-train BASIL-FOLDER > colour-weights.txt");
        return ExitCode::from(2);
    };
    let events = match read_events(&folder) {
        Ok(events) => events,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let rows: usize = events.iter().map(|e| e.rows.len()).sum();
    let positives: usize = events
        .iter()
        .flat_map(|e| &e.rows)
        .filter(|(_, y)| *y)
        .count();
    eprintln!(
        "{} events, {rows} candidate words, {positives} of them annotated",
        events.len()
    );
    // Held-out: each fold's events scored by a model fitted on the others.
    let mut held_out: Vec<(f64, bool, usize)> = Vec::new();
    for fold in 0..FOLDS {
        let train: Vec<&(Candidate, bool)> = events
            .iter()
            .enumerate()
            .filter(|(k, _)| k % FOLDS != fold)
            .flat_map(|(_, e)| &e.rows)
            .collect();
        let weights = fit(&train);
        for (k, event) in events.iter().enumerate() {
            if k % FOLDS == fold {
                for (candidate, y) in &event.rows {
                    held_out.push((
                        score(&weights, &candidate.features),
                        *y,
                        candidate.end - candidate.start,
                    ));
                }
            }
        }
    }
    for cut in [0.3, 0.2, 0.15, 0.1, 0.08, 0.06, 0.05, 0.04] {
        let flagged: Vec<&(f64, bool, usize)> =
            held_out.iter().filter(|(p, _, _)| *p >= cut).collect();
        let hits = flagged.iter().filter(|(_, y, _)| *y).count();
        let bytes: usize = flagged.iter().map(|(_, _, n)| n).sum();
        eprintln!(
            "held out, p ≥ {cut}: {} words flagged ({bytes} bytes), {hits} annotated, {:.3} of annotated words",
            flagged.len(),
            hits as f64 / positives.max(1) as f64
        );
    }
    let all: Vec<&(Candidate, bool)> = events.iter().flat_map(|e| &e.rows).collect();
    let weights = fit(&all);
    println!(
        "# Parallax colour model: the weight of each piece of evidence that a word is the writer's\n\
         # colour (src/analysis/framing/colour.rs), written by assets/lexicon/colour-train.rs from\n\
         # {} annotated events, {rows} candidate words, {positives} annotated. One feature per line.",
        events.len()
    );
    for (name, weight) in FEATURES.iter().zip(&weights) {
        println!("{name} {weight:.4}");
    }
    ExitCode::SUCCESS
}

fn read_events(folder: &str) -> Result<Vec<Event>, String> {
    let mut folders: Vec<std::path::PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| format!("{folder}: {e}"))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.join("gold.json").is_file())
        .collect();
    folders.sort();
    let options = Options::default();
    let mut events = Vec::new();
    for event in folders {
        let gold_path = event.join("gold.json");
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&gold_path)
                .map_err(|e| format!("{}: {e}", gold_path.display()))?,
        )
        .map_err(|e| format!("{}: {e}", gold_path.display()))?;
        let articles = gold["articles"]
            .as_object()
            .ok_or_else(|| format!("{}: no articles", gold_path.display()))?;
        let mut names: Vec<&String> = articles.keys().collect();
        names.sort();
        let mut inputs = Vec::new();
        let mut spans = Vec::new();
        for name in &names {
            let path = event.join(name);
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let source = parallax::ingest::ingest(&path.to_string_lossy(), &bytes)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            inputs.push(Input::from(source));
            // Annotated word choices, as byte ranges.
            let byte_at = |chars: u64| -> usize {
                text.char_indices()
                    .nth(usize::try_from(chars).unwrap_or(usize::MAX))
                    .map_or(text.len(), |(at, _)| at)
            };
            let list: Vec<(usize, usize)> = articles[name.as_str()]["spans"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|s| s["bias"] == "lex" && s["quote"] == false)
                .filter_map(|s| {
                    Some((
                        byte_at(s["start_char"].as_u64()?),
                        byte_at(s["end_char"].as_u64()?),
                    ))
                })
                .collect();
            spans.push((text, list));
        }
        let comparison = analyze(&inputs);
        for (d, document) in comparison.documents.iter().enumerate() {
            if document.text != spans[d].0 {
                return Err(format!(
                    "{}: the article's text is not the file's; offsets would not match",
                    document.path
                ));
            }
        }
        let rows = colour_candidates(
            &comparison.documents,
            &comparison.quotes,
            &options.terms,
            &options.verbs,
        )
        .into_iter()
        .map(|c| {
            let y = spans[c.doc]
                .1
                .iter()
                .any(|&(s, e)| s < c.end && c.start < e);
            (c, y)
        })
        .collect();
        events.push(Event { rows });
    }
    Ok(events)
}

fn score(weights: &[f64], features: &[f64]) -> f64 {
    let z: f64 = weights.iter().zip(features).map(|(w, x)| w * x).sum();
    1.0 / (1.0 + (-z).exp())
}

/// Logistic regression by Newton's method: the gradient and Hessian of the penalised
/// log-loss, solved by Gaussian elimination (a few dozen features).
fn fit(rows: &[&(Candidate, bool)]) -> Vec<f64> {
    let n = FEATURES.len();
    let mut w = vec![0.0; n];
    for _ in 0..50 {
        let mut gradient = vec![0.0; n];
        let mut hessian = vec![vec![0.0; n]; n];
        for (candidate, y) in rows {
            let x = &candidate.features;
            let p = score(&w, x);
            let r = p - if *y { 1.0 } else { 0.0 };
            let s = p * (1.0 - p);
            for i in 0..n {
                gradient[i] += r * x[i];
                for j in 0..n {
                    hessian[i][j] += s * x[i] * x[j];
                }
            }
        }
        for i in 1..n {
            gradient[i] += PENALTY * w[i];
            hessian[i][i] += PENALTY;
        }
        hessian[0][0] += 1e-9;
        let step = solve(hessian, gradient);
        let mut largest: f64 = 0.0;
        for i in 0..n {
            w[i] -= step[i];
            largest = largest.max(step[i].abs());
        }
        if largest < 1e-9 {
            break;
        }
    }
    w
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        b.swap(col, pivot);
        let head = a[col][col];
        if head.abs() < 1e-12 {
            continue;
        }
        let pivot_row = a[col].clone();
        for row in col + 1..n {
            let factor = a[row][col] / head;
            for (cell, above) in a[row][col..].iter_mut().zip(&pivot_row[col..]) {
                *cell -= factor * above;
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
