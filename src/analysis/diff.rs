//! Word-level differences: the one place that calls `similar`.
//!
//! Texts are compared as lists of words, never characters or white space: with white space as
//! tokens, two unrelated sentences share half their tokens and look alike. Words compare by
//! their [`word_key`] (case, curly apostrophes and abbreviation dots do not count as changes),
//! punctuation is not a token at all. The algorithm is Patience, which anchors on words that
//! occur once on each side and so keeps a reworded sentence's shared phrases lined up.
//!
//! The result depends on the texts alone, never on time: no deadline (one under a busy machine
//! gave coarser diffs, so the same input could give a different report, which the fuzzer
//! caught). `similar`'s Myers stage bounds its own search by the texts' size, and two texts
//! whose differing middles pass [`MAX_DIFF_WORDS`] together get that middle as one change.

use std::hash::Hash;
use std::ops::Range;

use similar::{Algorithm, DiffTag};

use super::segment::{self, Span};
use crate::comparison::EditKind;

/// The most words, both sides together once their common beginning and end are set aside,
/// that are diffed word by word (two unrelated texts of 20,000 words take 0.13 s, the
/// `unrelated_diff` benchmark). Past it, the
/// middle is one replacement: a word diff of texts that long and that different would tell a
/// reader nothing, and no sentence or quote of a real article comes near.
pub const MAX_DIFF_WORDS: usize = 40_000;

/// One change between two word lists, as ranges of word indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub op: EditKind,
    pub old: Range<usize>,
    pub new: Range<usize>,
}

/// One change as byte ranges of the two sources. An insertion's `old` (a deletion's `new`) is
/// the empty range where the words would go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteChange {
    pub op: EditKind,
    pub old: Span,
    pub new: Span,
}

/// The form under which two words count as the same: lower case, straight apostrophes, no
/// dots ("U.S." = "US" = "us", "Putin’s" = "putin's").
#[must_use]
pub fn word_key(word: &str) -> String {
    word.chars()
        .filter(|&c| c != '.')
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '‑' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The changes that turn `old` into `new` (equal stretches left out).
#[must_use]
pub fn diff_keys<T: Hash + Eq>(old: &[T], new: &[T]) -> Vec<Change> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let middle = (prefix..old.len() - suffix, prefix..new.len() - suffix);
    if middle.0.len() + middle.1.len() > MAX_DIFF_WORDS {
        let op = match (middle.0.is_empty(), middle.1.is_empty()) {
            (false, true) => EditKind::Delete,
            (true, false) => EditKind::Insert,
            _ => EditKind::Replace,
        };
        return vec![Change {
            op,
            old: middle.0,
            new: middle.1,
        }];
    }
    similar::capture_diff_slices(Algorithm::Patience, old, new)
        .into_iter()
        .filter_map(|op| {
            let (tag, old, new) = op.as_tag_tuple();
            let op = match tag {
                DiffTag::Equal => return None,
                DiffTag::Insert => EditKind::Insert,
                DiffTag::Delete => EditKind::Delete,
                DiffTag::Replace => EditKind::Replace,
            };
            Some(Change { op, old, new })
        })
        .collect()
}

/// One side of a comparison: the source text, the words of a stretch of it, and where the
/// stretch ends.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub text: &'a str,
    pub words: &'a [Span],
    /// The byte where an insertion after the last word goes.
    pub end: usize,
}

impl Side<'_> {
    /// Whether a clause boundary (punctuation) follows word `k`.
    fn boundary_after(&self, k: usize) -> bool {
        let Some(word) = self.words.get(k) else {
            return true;
        };
        self.text[word.end..]
            .chars()
            .find(|c| !c.is_whitespace())
            .is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '—' | '–' | ')' | '…'))
    }

    fn bytes(&self, words: &Range<usize>) -> Span {
        let at = |k: usize| self.words.get(k).map_or(self.end, |w| w.start);
        if words.is_empty() {
            let point = at(words.start);
            return Span {
                start: point,
                end: point,
            };
        }
        Span {
            start: at(words.start),
            end: self.words[words.end - 1].end,
        }
    }
}

/// Maps word-index changes to byte ranges of each side.
#[must_use]
pub fn to_bytes(changes: &[Change], old: Side<'_>, new: Side<'_>) -> Vec<ByteChange> {
    changes
        .iter()
        .map(|change| ByteChange {
            op: change.op,
            old: old.bytes(&change.old),
            new: new.bytes(&change.new),
        })
        .collect()
}

/// Diffs the words of two sides by their keys and returns the changes as byte ranges of each.
/// A run of inserted or deleted words that could sit in several places (the words around it
/// repeat) is put where it starts or ends at a clause boundary, as a reader would cut.
#[must_use]
pub fn diff_words<T: Hash + Eq>(
    old: Side<'_>,
    old_keys: &[T],
    new: Side<'_>,
    new_keys: &[T],
) -> Vec<ByteChange> {
    let mut changes = diff_keys(old_keys, new_keys);
    for k in 0..changes.len() {
        let floor = k
            .checked_sub(1)
            .map_or((0, 0), |p| (changes[p].old.end, changes[p].new.end));
        let ceiling = changes
            .get(k + 1)
            .map_or((old_keys.len(), new_keys.len()), |n| {
                (n.old.start, n.new.start)
            });
        let change = &mut changes[k];
        match change.op {
            EditKind::Delete => {
                let (run, point) = slide(
                    old_keys,
                    change.old.clone(),
                    change.new.start,
                    (floor.0, ceiling.0),
                    |k| old.boundary_after(k),
                );
                change.old = run;
                change.new = point..point;
            }
            EditKind::Insert => {
                let (run, point) = slide(
                    new_keys,
                    change.new.clone(),
                    change.old.start,
                    (floor.1, ceiling.1),
                    |k| new.boundary_after(k),
                );
                change.new = run;
                change.old = point..point;
            }
            EditKind::Replace => {}
        }
    }
    to_bytes(&changes, old, new)
}

/// Moves a run of inserted or deleted words within the equal words around it (`limits`) to
/// the place where it ends, or else starts, at a clause boundary. The run's counterpart point
/// on the other side moves with it.
fn slide<T: Eq>(
    keys: &[T],
    run: Range<usize>,
    point: usize,
    limits: (usize, usize),
    boundary_after: impl Fn(usize) -> bool,
) -> (Range<usize>, usize) {
    let len = run.len();
    if len == 0 {
        return (run, point);
    }
    // Every start the run may take: up while the word before it equals its last word, down
    // while the word after it equals its first.
    let mut lowest = run.start;
    while lowest > limits.0 && keys[lowest - 1] == keys[lowest - 1 + len] {
        lowest -= 1;
    }
    let mut highest = run.start;
    while highest + len < limits.1 && keys[highest] == keys[highest + len] {
        highest += 1;
    }
    let good = |start: usize| {
        let end = start + len;
        boundary_after(end - 1) || start == 0 || boundary_after(start - 1)
    };
    let start = (lowest..=highest)
        .find(|&s| boundary_after(s + len - 1))
        .or_else(|| (lowest..=highest).find(|&s| good(s)))
        .unwrap_or(run.start);
    let shift = start.cast_signed() - run.start.cast_signed();
    (start..start + len, point.saturating_add_signed(shift))
}

/// Diffs two texts word by word and returns the changes as byte ranges of each.
#[must_use]
pub fn diff_texts(old: &str, new: &str) -> Vec<ByteChange> {
    let split = |text: &str| {
        let words = segment::words_in(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
        );
        let keys: Vec<String> = words
            .iter()
            .map(|w| word_key(&text[w.start..w.end]))
            .collect();
        (words, keys)
    };
    let (old_words, old_keys) = split(old);
    let (new_words, new_keys) = split(new);
    diff_words(
        Side {
            text: old,
            words: &old_words,
            end: old.len(),
        },
        &old_keys,
        Side {
            text: new,
            words: &new_words,
            end: new.len(),
        },
        &new_keys,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The changes as (op, old text, new text).
    fn diff(old: &str, new: &str) -> Vec<(EditKind, String, String)> {
        diff_texts(old, new)
            .into_iter()
            .map(|c| {
                (
                    c.op,
                    old[c.old.start..c.old.end].to_owned(),
                    new[c.new.start..c.new.end].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn a_changed_word_is_one_replace_with_both_wordings() {
        assert_eq!(
            diff(
                "The annexation of the peninsula was condemned.",
                "The accession of the peninsula was condemned."
            ),
            vec![(
                EditKind::Replace,
                "annexation".to_owned(),
                "accession".to_owned()
            )]
        );
    }

    #[test]
    fn case_punctuation_and_apostrophes_are_not_changes() {
        assert!(diff("“We don’t know,” he said.", "we don't know - he said").is_empty());
        assert!(diff("the U.S. envoy", "the US envoy").is_empty());
    }

    #[test]
    fn trimmed_words_are_deletions_with_an_empty_point_on_the_other_side() {
        let old = "It seems to me, from what I understand, that it is rare.";
        let new = "From what I understand, that it is rare.";
        let changes = diff_texts(old, new);
        assert_eq!(changes.len(), 1);
        let change = changes[0];
        assert_eq!(change.op, EditKind::Delete);
        assert_eq!(&old[change.old.start..change.old.end], "It seems to me");
        assert_eq!((change.new.start, change.new.end), (0, 0));
    }

    #[test]
    fn a_cut_that_could_sit_in_two_places_is_put_at_the_comma() {
        let old = "We have built it twice, we have paid for it twice, and we will not fail.";
        let new = "We have paid for it twice, and we will not fail.";
        let changes = diff(old, new);
        assert_eq!(
            changes,
            vec![(
                EditKind::Delete,
                "We have built it twice".to_owned(),
                String::new()
            )]
        );
    }

    #[test]
    fn an_addition_at_the_end_points_past_the_last_old_word() {
        let old = "The mayor resigned";
        let new = "The mayor resigned on Friday";
        let changes = diff_texts(old, new);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].op, EditKind::Insert);
        assert_eq!((changes[0].old.start, changes[0].old.end), (18, 18));
        assert_eq!(&new[changes[0].new.start..changes[0].new.end], "on Friday");
    }

    #[test]
    fn unrelated_texts_are_one_change_not_half_equal() {
        let changes = diff("the cat sat on a mat", "stock markets fell sharply today");
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].0, EditKind::Replace);
    }

    /// Rebuilds `new`'s word keys from `old`'s by applying the changes.
    fn apply(old: &[u32], new: &[u32], changes: &[Change]) -> Vec<u32> {
        let mut out = Vec::new();
        let mut at = 0;
        for change in changes {
            out.extend_from_slice(&old[at..change.old.start]);
            out.extend_from_slice(&new[change.new.clone()]);
            at = change.old.end;
        }
        out.extend_from_slice(&old[at..]);
        out
    }

    #[test]
    fn long_diffs_are_correct_and_the_same_every_time() {
        let mut state = 7u32;
        let mut words = |n: usize| -> Vec<u32> {
            (0..n)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (state >> 16) % 50
                })
                .collect()
        };
        let (old, new) = (words(3000), words(3000));
        let changes = diff_keys(&old, &new);
        assert_eq!(apply(&old, &new, &changes), new);
        assert_eq!(diff_keys(&old, &new), changes, "no timing in the result");
        assert!(changes.len() > 100, "worked out word by word");

        // Past the limit: the common ends stay equal, the middle is one replacement.
        let middle = MAX_DIFF_WORDS / 2 + 1;
        let (ends, a, b) = (words(10), words(middle), words(middle));
        let old = [ends.clone(), a, ends.clone()].concat();
        let new = [ends.clone(), b, ends].concat();
        let changes = diff_keys(&old, &new);
        assert_eq!(apply(&old, &new, &changes), new);
        assert_eq!(
            changes,
            [Change {
                op: EditKind::Replace,
                old: 10..10 + middle,
                new: 10..10 + middle,
            }]
        );
    }

    #[test]
    fn offsets_point_into_multibyte_text() {
        let old = "Le député « très inquiet » a parlé.";
        let new = "Le député « inquiet » a parlé.";
        let changes = diff_texts(old, new);
        assert_eq!(changes.len(), 1);
        assert_eq!(&old[changes[0].old.start..changes[0].old.end], "très");
    }
}
