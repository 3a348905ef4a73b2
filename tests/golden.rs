//! Golden reports of the bundled samples (insta snapshots in tests/snapshots/). A change in
//! cleaning, metadata or segmentation shows up here as a reviewable diff.

use parallax::analysis::{Input, analyze};
use parallax::load;
use parallax::report::{ReportFormat, render};

fn samples_comparison() -> parallax::comparison::Comparison {
    let sources = load::samples().unwrap_or_default();
    assert_eq!(sources.len(), 3, "the samples load");
    analyze(&sources.into_iter().map(Input::from).collect::<Vec<_>>())
}

#[test]
fn markdown_report_of_the_samples() {
    insta::assert_snapshot!(render(&samples_comparison(), ReportFormat::Md));
}

#[test]
fn json_report_of_the_samples() {
    insta::assert_snapshot!(render(&samples_comparison(), ReportFormat::Json));
}

#[test]
fn html_report_of_the_samples() {
    insta::assert_snapshot!(render(&samples_comparison(), ReportFormat::Html));
}

#[test]
fn csv_quote_matrix_of_the_samples() {
    insta::assert_snapshot!(render(&samples_comparison(), ReportFormat::Csv));
}
