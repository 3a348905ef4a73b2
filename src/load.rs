//! Loading inputs from the file system: the one place that reads files.
//!
//! Each path is read and ingested on its own; a failure is collected with its path and the
//! others carry on (ripgrep's "soft failure" habit), so five files with one bad one give a
//! comparison of four and one clear message.

use std::io::Read;
use std::path::Path;

use crate::ingest::{self, IngestError, Source};

/// The largest input read. Larger files are refused with a message rather than read into memory.
pub const MAX_INPUT_BYTES: u64 = 128 * 1024 * 1024;

/// Why a path could not be loaded. The path comes last in the message.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("file not found: {path}")]
    NotFound { path: String },
    #[error("this is a directory, not a file: {path}")]
    Directory { path: String },
    #[error("permission denied, cannot read: {path}")]
    PermissionDenied { path: String },
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes): {path}")]
    TooLarge { size: u64, limit: u64, path: String },
    #[error("cannot read ({source}): {path}")]
    Io {
        source: std::io::Error,
        path: String,
    },
    #[error("{source}: {path}")]
    Ingest { source: IngestError, path: String },
}

impl LoadError {
    /// The path the error is about.
    #[must_use]
    pub fn path(&self) -> &str {
        match self {
            LoadError::NotFound { path }
            | LoadError::Directory { path }
            | LoadError::PermissionDenied { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Io { path, .. }
            | LoadError::Ingest { path, .. } => path,
        }
    }
}

/// Reads and ingests one file.
///
/// # Errors
/// A missing, unreadable, oversized or non-text file.
pub fn load_path(path: &Path) -> Result<Source, LoadError> {
    let name = path.to_string_lossy().into_owned();
    let io_error = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound { path: name.clone() },
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path: name.clone() },
        _ => LoadError::Io {
            source,
            path: name.clone(),
        },
    };
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(LoadError::Directory { path: name });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge {
            size: meta.len(),
            limit: MAX_INPUT_BYTES,
            path: name,
        });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io_error)?;
    ingest::ingest(&name, &bytes).map_err(|source| LoadError::Ingest { source, path: name })
}

/// Loads every path, keeping the good ones in order and collecting the failures.
#[must_use]
pub fn load_paths<P: AsRef<Path>>(paths: &[P]) -> (Vec<Source>, Vec<LoadError>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match load_path(path.as_ref()) {
            Ok(source) => sources.push(source),
            Err(error) => errors.push(error),
        }
    }
    (sources, errors)
}

/// The sample articles bundled into the binary, as (file name, bytes).
pub const SAMPLES: &[(&str, &[u8])] = &[
    (
        "northgate-courier.txt",
        include_bytes!("../assets/samples/northgate-courier.txt"),
    ),
    (
        "valley-ledger.html",
        include_bytes!("../assets/samples/valley-ledger.html"),
    ),
    (
        "riverside-post.md",
        include_bytes!("../assets/samples/riverside-post.md"),
    ),
];

/// The bundled samples as sources.
///
/// # Errors
/// Only if a bundled sample itself cannot be read, which the tests rule out.
pub fn samples() -> Result<Vec<Source>, IngestError> {
    SAMPLES
        .iter()
        .map(|(name, bytes)| ingest::ingest(&format!("samples/{name}"), bytes))
        .collect()
}
