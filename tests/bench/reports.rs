//! Benchmarks for the report writers (issue [6]): writing each report of a comparison should
//! take a small fraction of the analysis that made it.
//!
//! - `analysis`: the full analysis of the inputs (the yardstick).
//! - `write`: rendering one report format from the finished comparison (to a string; the
//!   atomic file write adds one small write and a rename).
//!
//! Inputs: the five seed articles when `../shared/corpus/seeds` is beside the checkout, and the
//! bundled samples. Run with `cargo bench --bench reports`.

use divan::Bencher;
use parallax::analysis::{Input, analyze};
use parallax::comparison::Comparison;
use parallax::load;
use parallax::report::{ReportFormat, render};

mod corpus;

fn main() {
    divan::main();
}

fn inputs(source: &str) -> Option<Vec<Input>> {
    if source == "samples" {
        let sources = load::samples().ok()?;
        return Some(sources.into_iter().map(Input::from).collect());
    }
    corpus::seeds()
}

#[divan::bench(args = ["samples", "seeds"])]
fn analysis(bencher: Bencher, source: &str) {
    let Some(inputs) = inputs(source) else {
        return;
    };
    bencher.bench_local(|| analyze(&inputs));
}

const WRITES: [(&str, ReportFormat); 8] = [
    ("samples html", ReportFormat::Html),
    ("samples md", ReportFormat::Md),
    ("samples json", ReportFormat::Json),
    ("samples csv", ReportFormat::Csv),
    ("seeds html", ReportFormat::Html),
    ("seeds md", ReportFormat::Md),
    ("seeds json", ReportFormat::Json),
    ("seeds csv", ReportFormat::Csv),
];

#[divan::bench(args = WRITES)]
fn write(bencher: Bencher, (name, format): (&str, ReportFormat)) {
    let source = name.split(' ').next().unwrap_or("samples");
    let Some(inputs) = inputs(source) else {
        return;
    };
    let comparison: Comparison = analyze(&inputs);
    bencher.bench_local(|| render(&comparison, format));
}
