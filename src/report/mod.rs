//! Reports: a [`Comparison`] written out for people and programs.
//!
//! Every writer takes only the `Comparison` and returns text; writing it to disk is the
//! caller's business ([`crate::save::write_file`] for files).

pub mod csv;
pub mod highlights;
pub mod html;
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
    /// One self-contained page, side by side, that prints well.
    Html,
    /// The quote matrix, for spreadsheets.
    Csv,
}

impl ReportFormat {
    /// Every format, in the order menus list them.
    pub const ALL: [ReportFormat; 4] = [
        ReportFormat::Html,
        ReportFormat::Md,
        ReportFormat::Json,
        ReportFormat::Csv,
    ];

    /// The usual file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Md => "md",
            ReportFormat::Html => "html",
            ReportFormat::Csv => "csv",
        }
    }

    /// What the format is, for menus.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            ReportFormat::Json => "JSON report (.json)",
            ReportFormat::Md => "Markdown report (.md)",
            ReportFormat::Html => "HTML report (.html)",
            ReportFormat::Csv => "Quote matrix for spreadsheets (.csv)",
        }
    }

    /// The format a file name asks for, by its extension.
    #[must_use]
    pub fn from_extension(path: &std::path::Path) -> Option<ReportFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        ReportFormat::ALL.into_iter().find(|f| {
            f.extension() == extension
                || (extension == "htm" && *f == ReportFormat::Html)
                || (extension == "markdown" && *f == ReportFormat::Md)
        })
    }
}

/// Renders `comparison` in `format`.
#[must_use]
pub fn render(comparison: &Comparison, format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => json::render(comparison),
        ReportFormat::Md => markdown::render(comparison),
        ReportFormat::Html => html::render(comparison),
        ReportFormat::Csv => csv::render(comparison),
    }
}
