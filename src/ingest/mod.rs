//! Ingest: the bytes of one input → a [`Source`], the text Parallax analyses.
//!
//! Pure: takes bytes and a name, never touches the file system (that is [`crate::load`]).
//! Plain text is analysed as decoded. Markdown keeps its length with markup blanked
//! ([`markdown`]), so offsets stay file offsets. HTML is reduced to its main article by a
//! maintained extraction crate ([`html`]); offsets then refer to the extracted text, which the
//! report carries.

pub mod decode;
pub mod html;
pub mod markdown;

use serde::{Deserialize, Serialize};

pub use decode::DecodeError;

/// What kind of document an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// Metadata the container itself states (an HTML page's `<title>`, `og:site_name`, ...).
/// Cues found in the text are added later, by the cleaner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// ISO date, `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
}

/// One decoded input, ready for analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The input's name as the user gave it (a path, or e.g. "pasted text").
    pub path: String,
    pub format: Format,
    /// WHATWG name of the encoding the bytes were read with.
    pub encoding: &'static str,
    /// The text every offset refers to (see the module docs).
    pub text: String,
    pub metadata: Metadata,
    /// Things worth telling the user about how the input was read.
    pub notes: Vec<String>,
}

/// Why an input could not be ingested.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    #[error("{0}")]
    Decode(#[from] DecodeError),
    #[error("no article text could be found in this web page")]
    NoArticleInPage,
}

/// Guesses the format from the name's extension, then from the content.
#[must_use]
pub fn detect_format(path: &str, bytes: &[u8]) -> Format {
    let ext = std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml" | "shtml") => return Format::Html,
        Some("md" | "markdown" | "mdown" | "mkd") => return Format::Markdown,
        Some("txt" | "text") => return Format::Text,
        _ => {}
    }
    let head: String = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)])
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(256)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
    {
        Format::Html
    } else {
        Format::Text
    }
}

/// Reads `bytes` named `path` into a [`Source`].
///
/// # Errors
/// Empty, blank or binary input, and web pages without article text.
pub fn ingest(path: &str, bytes: &[u8]) -> Result<Source, IngestError> {
    let format = detect_format(path, bytes);
    let declared = match format {
        Format::Html => html::declared_charset(bytes),
        Format::Text | Format::Markdown => None,
    };
    let decoded = decode::decode(bytes, declared.as_deref())?;
    let (text, metadata) = match format {
        Format::Text => (decoded.text, Metadata::default()),
        Format::Markdown => (markdown::to_plain(&decoded.text), Metadata::default()),
        Format::Html => {
            let page = html::extract(&decoded.text);
            if page.text.trim().is_empty() {
                return Err(IngestError::NoArticleInPage);
            }
            (page.text, page.metadata)
        }
    };
    Ok(Source {
        path: path.to_owned(),
        format,
        encoding: decoded.encoding,
        text,
        metadata,
        notes: decoded.notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension_then_content() {
        assert_eq!(detect_format("a.HTML", b"plain"), Format::Html);
        assert_eq!(detect_format("notes.md", b"# x"), Format::Markdown);
        assert_eq!(
            detect_format("page", b"\xef\xbb\xbf<!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(detect_format("a.txt", b"<html>"), Format::Text);
        assert_eq!(detect_format("article", b"Calder, March 12"), Format::Text);
    }

    #[test]
    fn markdown_source_keeps_offsets() {
        let md = "# Head\n\nThe **mayor** spoke.\n";
        let source = ingest("a.md", md.as_bytes()).unwrap();
        assert_eq!(source.text.len(), md.len());
        assert_eq!(source.format, Format::Markdown);
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let err = ingest("x.txt", b"").unwrap_err();
        assert_eq!(err.to_string(), "the file is empty");
        let err = ingest("page.html", b"<html><body>  </body></html>").unwrap_err();
        assert_eq!(err, IngestError::NoArticleInPage);
        let err = ingest("x.png", b"\x89PNG\r\n\x1a\n....").unwrap_err();
        assert_eq!(
            err.to_string(),
            "this is a binary file (a PNG image), not an article"
        );
    }
}
