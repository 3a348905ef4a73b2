//! Substitutions: a word or two replaced between passages that report the same thing
//! ("relocation" where another article says "clearance"), kept when the change is one of
//! wording rather than of spelling.

use super::{Finding, is_function_word, stem, word_key};
use crate::comparison::{EditKind, FramingKind, QuoteGroup, ReaderNames, SentenceGroup, Wording};

/// Words replaced between aligned texts, when the change is one of label, not of spelling.
pub(super) fn substitution_findings(
    names: &ReaderNames,
    quote_groups: &[QuoteGroup],
    sentence_groups: &[SentenceGroup],
    out: &mut Vec<Finding>,
) {
    let diffs = quote_groups
        .iter()
        .map(|g| &g.diff)
        .chain(sentence_groups.iter().map(|g| &g.diff));
    for diff in diffs {
        for edit in diff.iter().filter(|e| e.op == EditKind::Replace) {
            let (old, new) = (&edit.old.text, &edit.new.text);
            if !short_label(old)
                || !short_label(new)
                || spelling_variant(old, new)
                || !distinct_content(old, new)
            {
                continue;
            }
            out.push(Finding {
                score: 0.7,
                kind: FramingKind::Substitution,
                concept: format!("{old} / {new}"),
                variants: vec![
                    Wording {
                        doc: edit.old.doc.clone(),
                        text: old.clone(),
                        start: edit.old.start,
                        end: edit.old.end,
                    },
                    Wording {
                        doc: edit.new.doc.clone(),
                        text: new.clone(),
                        start: edit.new.start,
                        end: edit.new.end,
                    },
                ],
                note: format!(
                    "where {} says “{old}”, {} says “{new}” in the same passage",
                    names.of(&edit.old.doc),
                    names.of(&edit.new.doc)
                ),
            });
        }
    }
}

/// One to three words, with letters, no digits: a label rather than a rewritten clause.
fn short_label(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=3).contains(&words)
        && text.chars().any(char::is_alphabetic)
        && !text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .next()
            .is_some_and(|c| !c.is_uppercase() || words > 1)
}

/// Whether both wordings carry content words and share none of them ("relocation" /
/// "clearance", not "was" / "is" or "flooding" / "and flooded").
fn distinct_content(a: &str, b: &str) -> bool {
    let content = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(word_key)
            .map(|k| k.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
            .filter(|k| k.chars().count() > 1 && !is_function_word(k))
            .map(|k| stem(&k).to_owned())
            .collect()
    };
    let (x, y) = (content(a), content(b));
    !x.is_empty() && !y.is_empty() && x.iter().all(|w| !y.contains(w))
}

/// Whether two wordings differ only in spelling: the same letters bar a few, or the same once
/// dots, hyphens and case are set aside ("Kiev" / "Kyiv", "U.S." / "US", "e-mail" / "email").
fn spelling_variant(a: &str, b: &str) -> bool {
    let letters = |s: &str| -> Vec<char> {
        word_key(s)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let (x, y) = (letters(a), letters(b));
    if x == y {
        return true;
    }
    let longest = x.len().max(y.len());
    longest >= 4 && edit_distance(&x, &y) * 3 <= longest
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}
