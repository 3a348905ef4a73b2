//! Comparison → every report: never a panic; the JSON parses to the comparison; article text never becomes
//! markup in the HTML report.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;
use parallax::report::{ReportFormat, render};

fuzz_target!(|data: &[u8]| {
    let comparison = common::analyze(&common::inputs(data));
    common::check(&comparison);
    for format in ReportFormat::ALL {
        let text = render(&comparison, format);
        match format {
            ReportFormat::Json => {
                let read: serde_json::Value =
                    serde_json::from_str(&text).expect("the JSON report parses");
                // Laid out by the report's own formatter, it still holds the whole comparison.
                assert_eq!(
                    read,
                    serde_json::to_value(&comparison).expect("a comparison is JSON")
                );
            }
            ReportFormat::Html => {
                let lower = text.to_ascii_lowercase();
                for tag in [
                    "<script", "<iframe", "<img", "<object", "<embed", "<svg", "<link",
                ] {
                    assert!(!lower.contains(tag), "{tag} in the HTML report");
                }
            }
            ReportFormat::Md => {
                for line in text.lines() {
                    if let Some(what) = bare_markup(line) {
                        panic!("{what} in the Markdown report: {line}");
                    }
                }
            }
            ReportFormat::Csv => {
                let rows = csv_rows(&text);
                let width = rows.first().map_or(0, Vec::len);
                for row in &rows {
                    assert_eq!(row.len(), width, "a CSV row of another width: {row:?}");
                    for field in row {
                        assert!(
                            !field.starts_with(['=', '+', '-', '@', '\t', '\r']),
                            "a CSV cell a spreadsheet would run as a formula: {field:?}"
                        );
                    }
                }
            }
        }
    }
});

/// What in a line of the Markdown report could render as a link, an image or a tag from the
/// inputs: an unescaped `](` or `<` outside code spans (the report's own markup is only
/// <details> and <summary>), or a code span left open.
fn bare_markup(line: &str) -> Option<&'static str> {
    const OURS: [&str; 4] = ["<details>", "</details>", "<summary>", "</summary>"];
    let mut in_code = false;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if in_code {
            in_code = c != '`';
            rest = after;
            continue;
        }
        match c {
            // An escaped character is text, whatever it is.
            '\\' => rest = after.get(after.chars().next().map_or(0, char::len_utf8)..)?,
            '`' => {
                in_code = true;
                rest = after;
            }
            '<' if !OURS.iter().any(|tag| rest.starts_with(tag)) => return Some("a bare <"),
            ']' if after.starts_with('(') => return Some("a bare ]("),
            _ => rest = after,
        }
    }
    in_code.then_some("an unclosed code span")
}

/// The rows of an RFC 4180 text (CRLF row ends, quoted fields with doubled quote marks).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(
                    field.is_empty(),
                    "a quote mark inside an unquoted CSV field"
                );
                quoted = true;
            }
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a CR without LF ends a CSV row");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => {
                assert!(c != '\n', "a bare LF in an unquoted CSV field");
                field.push(c);
            }
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "the CSV ends mid-row"
    );
    rows
}
