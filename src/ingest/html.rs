//! HTML: a saved web page → its main article as plain text, plus the page's own metadata.
//!
//! Main-text extraction uses `dom_smoothie`, a maintained Rust port of Mozilla's Readability
//! (the engine behind Firefox's Reader View), in its "formatted" text mode, which keeps one
//! paragraph per line. It was chosen over `rs-trafilatura` after comparing both on real saved
//! news pages (see the README, "Choices"). Before it looks for the article, the page's
//! furniture told by its markup is taken out ([`super::furniture`]). The extracted text then
//! goes through the same
//! cleaner as pasted text, which catches the furniture Readability leaves in (captions,
//! teasers, credits).
//!
//! No network: the crate is given the page's text only, never a URL to fetch.

use super::Metadata;
use crate::analysis::metadata::find_date;

/// A web page reduced to its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub metadata: Metadata,
    /// What the user should know about how the page was read.
    pub notes: Vec<String>,
}

/// How deep elements may nest before the markup below is flattened. Real pages nest a few
/// dozen levels; the extractor's work grows faster than the depth, so a page nested 100,000
/// levels deep (hostile, or broken) would otherwise take hours.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have content, so they do not open a level.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The markup with every tag deeper than `limit` levels dropped (their text kept), and the
/// deepest level seen; `None` when the page stays within the limit. Script and style contents
/// are skipped as raw text, as a browser does.
#[must_use]
pub fn flatten_deep(html: &str, limit: usize) -> Option<(String, usize)> {
    let bytes = html.as_bytes();
    let mut depth = 0_usize;
    let mut deepest = 0_usize;
    let mut kept = String::new();
    let mut copied = 0; // bytes of `html` already in `kept`
    let mut flattened = false;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset;
        let Some(length) = bytes[start..].iter().position(|&b| b == b'>') else {
            break;
        };
        let end = start + length + 1;
        let tag = &html[start + 1..end - 1];
        at = end;
        if tag.starts_with(['!', '?']) {
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let opens = !closing && !tag.ends_with('/') && !VOID.contains(&name.as_str());
        let level = if closing { depth } else { depth + 1 };
        if closing {
            depth = depth.saturating_sub(1);
        } else if opens {
            depth += 1;
            deepest = deepest.max(depth);
        }
        if level > limit && (opens || closing) {
            // Drop this tag, keep everything before it.
            kept.push_str(&html[copied..start]);
            copied = end;
            flattened = true;
        }
        if opens && matches!(name.as_str(), "script" | "style") {
            // Raw text up to the closing tag.
            let close = format!("</{name}");
            let rest = html[at..].to_ascii_lowercase();
            at = rest.find(&close).map_or(html.len(), |k| at + k);
        }
    }
    if !flattened {
        return None;
    }
    kept.push_str(&html[copied..]);
    Some((kept, deepest))
}

/// Extracts the main article of `html`. Returns empty text when the page has none.
#[must_use]
pub fn extract(html: &str) -> Page {
    let mut notes = Vec::new();
    let flat = flatten_deep(html, MAX_DEPTH);
    let html = match &flat {
        Some((flat, deepest)) => {
            notes.push(format!(
                "the page nests its markup {deepest} levels deep; below level {MAX_DEPTH} \
                 the markup was dropped and its text kept"
            ));
            flat.as_str()
        }
        None => html,
    };
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let document = dom_query::Document::from(html);
    super::furniture::strip(&document);
    let article = dom_smoothie::Readability::with_document(document, None, Some(config))
        .ok()
        .and_then(|mut readability| readability.parse().ok());
    let Some(article) = article else {
        return Page::default();
    };
    let clean = |s: &str| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    let title = clean(&article.title);
    let body = paragraphs(&article.text_content);
    // Readability takes the headline out of the content; the article keeps it (it is what the
    // outlets word differently first), so it goes back on top when the body lacks it.
    let text = match &title {
        Some(title) if !body.trim_start().starts_with(title.as_str()) => {
            format!("{title}\n\n{body}")
        }
        _ => body,
    };
    Page {
        metadata: Metadata {
            title,
            outlet: article.site_name.as_deref().and_then(clean),
            date: article.published_time.as_deref().and_then(find_date),
            url: article.url.as_deref().and_then(clean),
        },
        text,
        notes,
    }
}

/// One paragraph per line with a blank line between, the shape the cleaner expects.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        out.push_str(&line.split_whitespace().collect::<Vec<_>>().join(" "));
        out.push_str("\n\n");
    }
    out
}

/// The charset an HTML page declares in its first kilobytes (`<meta charset>` or
/// `http-equiv="Content-Type"`), read before decoding, as browsers do.
#[must_use]
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Ferry strike ends | Kell Gazette</title>
<meta property="og:site_name" content="Kell Gazette">
<meta property="article:published_time" content="2025-05-03T09:00:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Ferry strike ends after two weeks</h1>
<p>The ferry between Kell and Orm resumed on Monday after a two-week strike that stranded hundreds of commuters and left the island's shops short of supplies.</p>
<p>Crews accepted a pay offer late on Sunday, the union said, ending a dispute that began when the operator cut overtime rates without consulting the workforce.</p>
<p>"We are glad to be back," said one deckhand, who asked not to be named because he was not authorised to speak to reporters about the settlement.</p>
</article></main>
<footer><p>© 2025 Kell Gazette. All rights reserved.</p></footer>
</body></html>"#;

    #[test]
    fn extracts_article_paragraphs_and_metadata() {
        let page = extract(PAGE);
        assert!(
            page.text
                .contains("The ferry between Kell and Orm resumed on Monday"),
            "{}",
            page.text
        );
        assert!(
            page.text
                .contains("\"We are glad to be back,\" said one deckhand")
        );
        assert!(!page.text.contains("Sport"), "{}", page.text);
        assert!(
            page.text.starts_with("Ferry strike ends"),
            "the headline is kept: {}",
            page.text
        );
        assert_eq!(page.metadata.outlet.as_deref(), Some("Kell Gazette"));
        assert_eq!(page.metadata.date.as_deref(), Some("2025-05-03"));
        let paragraphs: Vec<&str> = page.text.split("\n\n").filter(|p| !p.is_empty()).collect();
        assert!(paragraphs.len() >= 3, "{paragraphs:?}");
    }

    #[test]
    fn a_page_without_article_gives_no_text() {
        assert!(extract("<html><body></body></html>").text.trim().is_empty());
        assert!(extract("").text.trim().is_empty());
    }

    #[test]
    fn reads_declared_charsets() {
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1251\">").as_deref(),
            Some("windows-1251")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
            )
            .as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(declared_charset(b"<p>no charset</p>"), None);
    }
}
