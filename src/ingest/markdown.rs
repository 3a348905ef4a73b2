//! Markdown → plain text of exactly the same byte length.
//!
//! Markup characters (heading hashes, emphasis, link targets, list bullets, ...) are replaced by
//! spaces instead of being removed, so every byte offset into the result is also an offset into
//! the file. A highlight drawn on the plain text therefore lands on the same words in the source.
//! Only ASCII markup is blanked, one byte for one byte, so the result stays valid UTF-8.

/// Blanks the Markdown markup in `source`, keeping its length and line structure.
#[must_use]
pub fn to_plain(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_fence = false;
    for line in source.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        let trimmed = body.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            out.push_str(&blank(body));
        } else if in_fence || is_rule_or_underline(trimmed) || is_link_definition(trimmed) {
            out.push_str(&blank(body));
        } else {
            out.push_str(&plain_line(body));
        }
        out.push_str(newline);
    }
    // Inline markup last, over the whole text: links and emphasis may span wrapped lines.
    let mut bytes = out.into_bytes();
    blank_inline(&mut bytes);
    // Only ASCII bytes were replaced by ASCII spaces, so this cannot fail; fall back to the
    // source rather than panic if it ever did.
    let out = String::from_utf8(bytes).unwrap_or_else(|_| source.to_owned());
    debug_assert_eq!(out.len(), source.len());
    out
}

/// Longest inline tag and link blanked, in bytes.
const MAX_TAG: usize = 200;
const MAX_LINK: usize = 600;

/// A line of spaces as long in bytes as `s` (a carriage return is kept).
fn blank(s: &str) -> String {
    s.bytes()
        .map(|b| if b == b'\r' { '\r' } else { ' ' })
        .collect()
}

/// `---`, `***`, `___`, `===` lines: thematic breaks and setext underlines.
fn is_rule_or_underline(trimmed: &str) -> bool {
    let t = trimmed.trim_end();
    t.len() >= 3
        && ["-", "*", "_", "="].iter().any(|m| {
            t.chars().all(|c| c == ' ' || m.starts_with(c))
                && t.chars().filter(|&c| c != ' ').count() >= 3
        })
}

/// `[id]: https://...`
fn is_link_definition(trimmed: &str) -> bool {
    trimmed.starts_with('[')
        && trimmed
            .find("]:")
            .is_some_and(|i| !trimmed[1..i].contains(']'))
}

/// Blanks block markers at the line start.
fn plain_line(line: &str) -> String {
    let mut bytes = line.as_bytes().to_vec();
    let mut i = bytes.iter().take_while(|b| **b == b' ').count();
    // Block quotes, possibly nested: "> > text".
    while i < bytes.len() && bytes[i] == b'>' {
        bytes[i] = b' ';
        i += 1;
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
    }
    // ATX heading: "## Title ##".
    let hashes = bytes[i..].iter().take_while(|b| **b == b'#').count();
    if (1..=6).contains(&hashes) && bytes.get(i + hashes).is_none_or(|b| *b == b' ') {
        bytes[i..i + hashes].fill(b' ');
        let mut end = bytes.len();
        while end > i && matches!(bytes[end - 1], b'#' | b' ' | b'\r') {
            if bytes[end - 1] == b'#' {
                bytes[end - 1] = b' ';
            }
            end -= 1;
        }
    } else if let Some(width) = list_marker(&bytes[i..]) {
        bytes[i..i + width].fill(b' ');
    }
    String::from_utf8(bytes).unwrap_or_else(|_| line.to_owned())
}

/// Width of a list bullet or number with its space: "- ", "* ", "+ ", "12. ", "3) ".
fn list_marker(rest: &[u8]) -> Option<usize> {
    match rest {
        [b'-' | b'*' | b'+', b' ', ..] => Some(1),
        _ => {
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            (1..=3)
                .contains(&digits)
                .then_some(())
                .filter(|()| matches!(rest.get(digits), Some(b'.' | b')')))
                .filter(|()| rest.get(digits + 1) == Some(&b' '))
                .map(|()| digits + 1)
        }
    }
}

/// Emphasis, code spans, links, images, autolinks, inline HTML tags and backslash escapes.
fn blank_inline(bytes: &mut [u8]) {
    let len = bytes.len();
    let mut i = 0;
    while i < len {
        match bytes[i] {
            b'\\' if i + 1 < len && bytes[i + 1].is_ascii_punctuation() => {
                bytes[i] = b' ';
                i += 2;
            }
            b'`' => {
                bytes[i] = b' ';
                i += 1;
            }
            b'*' | b'_' | b'~' => {
                // Emphasis markers sit at a word edge; an underscore inside a word is text.
                let prev_word = i > 0 && bytes[i - 1].is_ascii_alphanumeric();
                let next_word = i + 1 < len && bytes[i + 1].is_ascii_alphanumeric();
                if !(prev_word && next_word) {
                    bytes[i] = b' ';
                }
                i += 1;
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                // An image: blank it whole, alt text included (it is a caption, not prose).
                match link_end(bytes, i + 1) {
                    Some((_, end)) => {
                        bytes[i..end].fill(b' ');
                        i = end;
                    }
                    None => i += 1,
                }
            }
            b'[' => match link_end(bytes, i) {
                Some((close, end)) => {
                    bytes[i] = b' ';
                    bytes[close..end].fill(b' ');
                    i = close;
                }
                None => i += 1,
            },
            b'<' => {
                let window = &bytes[i..len.min(i + MAX_TAG)];
                let close = window.iter().position(|b| *b == b'>').map(|p| i + p);
                let is_tag = bytes
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!');
                match close {
                    Some(close) if is_tag => {
                        bytes[i..=close].fill(b' ');
                        i = close + 1;
                    }
                    _ => i += 1,
                }
            }
            _ => i += 1,
        }
    }
}

/// For `[text](target)` or `[text][ref]` starting at `open`, the index of `]` and one past the
/// end of the target.
fn link_end(bytes: &[u8], open: usize) -> Option<(usize, usize)> {
    // Scans are bounded and stop at a blank line, so unbalanced brackets stay linear.
    let bytes = &bytes[..bytes.len().min(open + MAX_LINK)];
    let mut depth = 0usize;
    let mut close = None;
    for (k, &b) in bytes.iter().enumerate().skip(open) {
        if b == b'\n' && bytes.get(k + 1) == Some(&b'\n') {
            return None;
        }
        match b {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(k);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let (opener, closer) = match bytes.get(close + 1) {
        Some(b'(') => (b'(', b')'),
        Some(b'[') => (b'[', b']'),
        _ => return None,
    };
    let _ = opener;
    let target = &bytes[close + 2..];
    let end = target
        .iter()
        .take_while(|b| **b != b'\n' || closer == b')')
        .position(|b| *b == closer)?
        + close
        + 3;
    Some((close, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn squash(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn keeps_length_and_offsets() {
        let md =
            "# The *vote*\n\nMayor **Marren** said [the plan](https://example.org/a) “works”.\n";
        let plain = to_plain(md);
        assert_eq!(plain.len(), md.len());
        assert_eq!(
            squash(&plain),
            "The vote Mayor Marren said the plan “works”."
        );
        let at = plain.find("Marren").unwrap();
        assert_eq!(&md[at..at + 6], "Marren");
    }

    #[test]
    fn blanks_block_markup() {
        let md = "Title\n=====\n\n> quoted line\n\n- first item\n2. second item\n\n---\n[ref]: https://example.org\n";
        assert_eq!(
            squash(&to_plain(md)),
            "Title quoted line first item second item"
        );
    }

    #[test]
    fn keeps_underscores_inside_words_and_drops_images() {
        let md = "A snake_case word. ![Photo of the market](img/market.jpg) After.";
        assert_eq!(squash(&to_plain(md)), "A snake_case word. After.");
    }

    #[test]
    fn code_fences_are_blank() {
        let md = "Before.\n```\nlet x = 1;\n```\nAfter.\n";
        assert_eq!(squash(&to_plain(md)), "Before. After.");
    }

    #[test]
    fn links_and_emphasis_across_wrapped_lines() {
        let md = "*A standfirst that wraps onto\na second line* and ![an image whose alt\ntext wraps](img/a.jpg) then [a link\nthat wraps](https://example.org/x) end.\n";
        assert_eq!(
            squash(&to_plain(md)),
            "A standfirst that wraps onto a second line and then a link that wraps end."
        );
    }

    #[test]
    fn unbalanced_markup_stays_linear_and_intact() {
        let md = "[".repeat(50_000) + &"<".repeat(50_000) + "text";
        let plain = to_plain(&md);
        assert_eq!(plain.len(), md.len());
        assert!(plain.ends_with("text"));
    }

    #[test]
    fn keeps_crlf_line_ends() {
        let md = "# Head\r\nBody *text*.\r\n";
        let plain = to_plain(md);
        assert_eq!(plain.len(), md.len());
        assert!(plain.contains("\r\n"));
    }
}
