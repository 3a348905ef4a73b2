//! Ingest: the bytes of one input → a [`Source`], the text Parallax analyses.
//!
//! Pure: takes bytes and a name, never touches the file system (that is [`crate::load`]).
//! Plain text is analysed as decoded. Markdown keeps its length with markup blanked
//! ([`markdown`]), so offsets stay file offsets. HTML is reduced to its main article by a
//! maintained extraction crate ([`html`]); offsets then refer to the extracted text, which the
//! report carries.

pub mod decode;
mod furniture;
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

impl Metadata {
    /// These fields cut to a sane length: a page whose `og:site_name` runs to megabytes names
    /// no outlet, and a saved file may come from anyone.
    #[must_use]
    pub fn capped(&self) -> Metadata {
        let cap = |field: &Option<String>| field.as_deref().map(|s| shorten(s, MAX_NAME_CHARS));
        Metadata {
            title: cap(&self.title),
            outlet: cap(&self.outlet),
            date: cap(&self.date),
            url: cap(&self.url),
        }
    }
}

/// The longest title, outlet name, address or file name kept, in characters.
pub const MAX_NAME_CHARS: usize = 2000;

/// `text` cut to at most `chars` characters, the last of them "…" where it was cut (so
/// shortening twice changes nothing).
#[must_use]
pub fn shorten(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some(_) => {
            let end = text
                .char_indices()
                .nth(chars.saturating_sub(1))
                .map_or(0, |(end, _)| end);
            format!("{}…", &text[..end])
        }
        None => text.to_owned(),
    }
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
    let mut decoded = decode::decode(bytes, declared.as_deref())?;
    let mut notes = std::mem::take(&mut decoded.notes);
    let (mut text, metadata) = match format {
        Format::Text => (decoded.text, Metadata::default()),
        Format::Markdown => (markdown::to_plain(&decoded.text), Metadata::default()),
        Format::Html => {
            let page = html::extract(&decoded.text);
            if page.text.trim().is_empty() {
                return Err(IngestError::NoArticleInPage);
            }
            notes.extend(page.notes);
            (page.text, page.metadata.capped())
        }
    };
    if let Some(note) = cap(&mut text, MAX_TEXT_BYTES) {
        notes.push(note);
    }
    Ok(Source {
        path: path.to_owned(),
        format,
        encoding: decoded.encoding,
        text,
        metadata,
        notes,
    })
}

/// The longest article text compared. News articles run to tens of kilobytes; past this, the
/// rest of an input is left out (with a note) so that one enormous file cannot make the
/// comparison of all the others slow or exhaust memory.
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

/// A size in bytes as people read it: "10.0 MB".
pub(crate) fn megabytes(bytes: u64) -> String {
    #[expect(clippy::cast_precision_loss, reason = "a size for people to read")]
    let mb = bytes as f64 / 1024.0 / 1024.0;
    format!("{mb:.1} MB")
}

/// Cuts `text` to at most `limit` bytes at the last paragraph break (else line break, else
/// character) before it. Returns the note to give the user when it cut.
pub(crate) fn cap(text: &mut String, limit: usize) -> Option<String> {
    if text.len() <= limit {
        return None;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let cut = head
        .rfind("\n\n")
        .or_else(|| head.rfind('\n'))
        .filter(|&k| k > limit / 2)
        .unwrap_or(end);
    let note = format!(
        "the text is {} long; only its first {} were compared",
        megabytes(text.len() as u64),
        megabytes(cut as u64)
    );
    text.truncate(cut);
    Some(note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enormous_text_is_cut_at_a_paragraph_with_a_note() {
        let paragraph = "The ferry runs again from Monday, the council said on Friday.\n\n";
        let mut text = paragraph.repeat(100);
        let note = cap(&mut text, 1000).unwrap();
        assert!(text.len() <= 1000 && text.len() > 500);
        assert!(text.ends_with("Friday."), "{text}");
        assert!(note.contains("only its first"), "{note}");
        let mut short = paragraph.to_owned();
        assert_eq!(cap(&mut short, 1000), None);
    }

    #[test]
    fn a_page_nested_too_deep_is_flattened_and_still_read() {
        let depth = 20_000;
        let page = format!(
            "<html><head><title>Ferry</title></head><body>{}<p>The island ferry runs again \
             from Monday, the council said on Friday after a winter of repairs.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let source = ingest("deep.html", page.as_bytes()).unwrap();
        assert!(source.text.contains("The island ferry runs again"));
        assert!(
            source.notes.iter().any(|n| n.contains("20003 levels deep")),
            "{:?}",
            source.notes
        );
        // An ordinary page is left alone.
        assert_eq!(
            html::flatten_deep("<html><body><p>Hi</p></body></html>", 256),
            None
        );
        // Script contents are raw text, not tags.
        let (flat, _) = html::flatten_deep(
            &format!(
                "<script>{}</script>{}x{}",
                "<div>".repeat(300),
                "<b>".repeat(300),
                "</b>".repeat(300)
            ),
            256,
        )
        .unwrap();
        assert!(flat.starts_with(&format!("<script>{}</script>", "<div>".repeat(300))));
    }

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
