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

/// A path that could not be loaded: what went wrong, then the path (last, as in every message).
#[derive(Debug, thiserror::Error)]
#[error("{kind}: {path}")]
pub struct LoadError {
    pub kind: LoadErrorKind,
    pub path: String,
}

/// What went wrong loading a path.
#[derive(Debug, thiserror::Error)]
pub enum LoadErrorKind {
    #[error("file not found")]
    NotFound,
    #[error("this is a directory, not a file")]
    Directory,
    #[error("not allowed to read the file (permission denied)")]
    PermissionDenied,
    #[error(
        "the file is too large ({}; the limit is {})",
        ingest::megabytes(*size),
        ingest::megabytes(*limit)
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("cannot read the file ({0})")]
    Io(std::io::Error),
    #[error(transparent)]
    Ingest(IngestError),
    #[error(transparent)]
    Saved(crate::saved::SavedError),
}

impl LoadError {
    /// The problem as the report lists it: the path, and what is wrong with it.
    #[must_use]
    pub fn to_problem(&self) -> crate::comparison::Problem {
        crate::comparison::Problem {
            path: self.path.clone(),
            message: self.kind.to_string(),
        }
    }
}

/// Reads and ingests one file.
///
/// # Errors
/// A missing, unreadable, oversized or non-text file.
pub fn load_path(path: &Path) -> Result<Source, LoadError> {
    let name = path.to_string_lossy().into_owned();
    let bytes = read_bytes(path)?;
    ingest::ingest(&name, &bytes).map_err(|source| LoadError {
        kind: LoadErrorKind::Ingest(source),
        path: name,
    })
}

/// A file's bytes, refusing directories and files over [`MAX_INPUT_BYTES`].
fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    let fail = |kind| LoadError {
        kind,
        path: path.to_string_lossy().into_owned(),
    };
    let io_error = |source: std::io::Error| {
        fail(match source.kind() {
            std::io::ErrorKind::NotFound => LoadErrorKind::NotFound,
            std::io::ErrorKind::PermissionDenied => LoadErrorKind::PermissionDenied,
            _ => LoadErrorKind::Io(source),
        })
    };
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(fail(LoadErrorKind::Directory));
    }
    #[cfg(unix)]
    if std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type()) {
        return read_pipe(path).map_err(io_error);
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(fail(LoadErrorKind::TooLarge {
            size: meta.len(),
            limit: MAX_INPUT_BYTES,
        }));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io_error)?;
    Ok(bytes)
}

/// A named pipe's bytes (`/dev/stdin` in a shell pipeline, or a pipe dropped on the window).
/// Opening one blocks until something writes to it, which could be never, so it is opened
/// without waiting: with no writer it reads as empty, and with one it is read to its end.
#[cfg(unix)]
fn read_pipe(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let mut reader = file.take(MAX_INPUT_BYTES + 1);
    let mut bytes = Vec::new();
    let mut chunk = vec![0; 64 * 1024];
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => return Ok(bytes),
            Ok(n) => bytes.extend_from_slice(&chunk[..n]),
            // A writer is there but has not written yet.
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
}

/// Whether a path names a saved comparison (by its extension).
#[must_use]
pub fn is_saved_comparison(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case(crate::saved::EXTENSION))
}

/// Reads a saved comparison (`.parallax`).
///
/// # Errors
/// A missing, unreadable or oversized file, or one that is not a saved comparison this build
/// can read.
pub fn load_saved(path: &Path) -> Result<crate::saved::SavedComparison, LoadError> {
    let name = path.to_string_lossy().into_owned();
    let bytes = read_bytes(path)?;
    let text = String::from_utf8(bytes).map_err(|_| LoadError {
        kind: LoadErrorKind::Saved(crate::saved::SavedError::NotSaved(
            "it is not UTF-8 text".to_owned(),
        )),
        path: name.clone(),
    })?;
    crate::saved::SavedComparison::from_json(&text).map_err(|error| LoadError {
        kind: LoadErrorKind::Saved(error),
        path: name,
    })
}

/// Reads a user's lexicon file (UTF-8 text; a byte-order mark before it is dropped).
///
/// # Errors
/// A message naming what went wrong: missing, unreadable, too large or not UTF-8.
pub fn read_lexicon(path: &Path) -> Result<String, String> {
    let name = path.display();
    let limit = crate::saved::MAX_LEXICON_BYTES as u64;
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|error| format!("cannot read the lexicon ({error}): {name}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "the lexicon is larger than {}: {name}",
            ingest::megabytes(limit)
        ));
    }
    let text =
        String::from_utf8(bytes).map_err(|_| format!("the lexicon is not UTF-8 text: {name}"))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
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
