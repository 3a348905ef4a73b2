//! Reports: a [`Comparison`] written out for people and programs.
//!
//! Every writer takes only the `Comparison` and returns text; writing it to disk is the
//! caller's business ([`crate::save::write_atomically`] for files).

pub mod json;
pub mod markdown;
pub mod matrix;

use crate::comparison::Comparison;

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Json,
    #[value(alias = "markdown")]
    Md,
}

/// Renders `comparison` in `format`.
#[must_use]
pub fn render(comparison: &Comparison, format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => json::render(comparison),
        ReportFormat::Md => markdown::render(comparison),
    }
}
