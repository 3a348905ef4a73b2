//! The JSON report: the `Comparison` itself, pretty-printed (the contract is its field names).

use crate::comparison::Comparison;

/// Renders the JSON report, ending with a newline.
#[must_use]
pub fn render(comparison: &Comparison) -> String {
    // Serialising plain structs, vectors and strings cannot fail; an empty object is only a guard.
    let mut out = serde_json::to_string_pretty(comparison).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}
