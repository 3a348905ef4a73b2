//! Reports: a [`Comparison`] written out for people and programs.
//!
//! Every writer takes only the `Comparison` and returns text; writing it to disk is the
//! caller's business ([`write_atomically`] for files).

pub mod json;
pub mod markdown;

use std::io::Write;
use std::path::Path;

use crate::comparison::Comparison;

/// The report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Json,
    #[value(alias = "markdown")]
    Md,
}

impl ReportFormat {
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Md => "md",
        }
    }
}

/// Renders `comparison` in `format`.
#[must_use]
pub fn render(comparison: &Comparison, format: ReportFormat) -> String {
    match format {
        ReportFormat::Json => json::render(comparison),
        ReportFormat::Md => markdown::render(comparison),
    }
}

/// Writes `contents` to `path` through a temporary file in the same directory and a rename, so
/// an interrupted write never leaves half a file in place of a good one.
///
/// # Errors
/// Any I/O error creating, writing or renaming the file.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
