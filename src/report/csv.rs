//! The quote matrix as CSV, for spreadsheets: one row per quote, one column per document.
//!
//! RFC 4180: fields are separated by commas, rows end in CRLF, and a field holding a comma, a
//! quote mark or a line break is quoted with its quote marks doubled. A cell that a spreadsheet
//! would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets
//! a leading apostrophe, so an article's words can never become a formula.

use super::highlights::Highlights;
use crate::comparison::Comparison;

/// Renders the quote matrix. Columns: the group (empty for a quote only one document
/// carries), the quote (its fullest version), then per document how it carries the quote,
/// with the speaker and reporting verb: `carried: Ilse Marren, said`.
#[must_use]
pub fn render(comparison: &Comparison) -> String {
    let highlights = Highlights::new(comparison);
    let mut out = String::new();
    let mut header = vec!["group".to_owned(), "quote".to_owned()];
    header.extend(comparison.documents.iter().map(|d| {
        let outlet = d.outlet.as_deref().unwrap_or(&d.path);
        format!("{} ({outlet})", d.id)
    }));
    row(&mut out, &header);
    for entry in &highlights.quote_rows {
        let group = match entry.target {
            crate::report::highlights::Target::QuoteGroup(g) => comparison
                .quote_groups
                .get(g)
                .map(|g| g.id.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        let quote = comparison
            .quotes
            .get(entry.fullest)
            .map(|q| q.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        let mut fields = vec![group, quote];
        for (carried, quote) in &entry.cells {
            let quote = quote.and_then(|q| comparison.quotes.get(q));
            fields.push(match quote {
                Some(q) => format!(
                    "{}: {}, {}",
                    carried.describe(),
                    q.speaker.as_deref().unwrap_or("no speaker"),
                    q.cue.as_deref().unwrap_or("no verb")
                ),
                None => carried.describe().to_owned(),
            });
        }
        row(&mut out, &fields);
    }
    out
}

fn row(out: &mut String, fields: &[String]) {
    for (k, field) in fields.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str(&field_text(field));
    }
    out.push_str("\r\n");
}

/// One field, made safe for spreadsheets and quoted when it must be.
fn field_text(field: &str) -> String {
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_owned()
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field_text("plain"), "plain");
        assert_eq!(field_text("a, b"), "\"a, b\"");
        assert_eq!(field_text("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(
            field_text("=HYPERLINK(\"x\")"),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(field_text("-1"), "'-1");
        assert_eq!(field_text("line\nbreak"), "\"line\nbreak\"");
    }
}
