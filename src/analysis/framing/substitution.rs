//! Substitutions: one referent named differently in passages that report the same thing
//! ("relocation" where another article says "clearance", "illegal immigrants" where another
//! says "undocumented immigrants"), kept when the change is one of label rather than of
//! spelling, and gathered into one finding per referent.
//!
//! A swap names a referent when it sits where a noun phrase does: after a determiner, a
//! possessive or a preposition, ending where the phrase ends. A swapped modifier is shown with
//! the head noun both passages share. Swaps that share a wording are one referent ("regime" /
//! "government" in one passage, "government" / "authorities" in another).

use std::collections::BTreeMap;

use super::{
    DETERMINERS, Finding, PREPOSITIONS, doc_number, is_function_word, list_wordings, stem, word_key,
};
use crate::analysis::verbs::ReportingVerbs;
use crate::comparison::{
    Document, EditKind, FramingKind, Piece, QuoteGroup, ReaderNames, SentenceGroup, Wording,
};

/// One referent's wordings across the documents, one swap at a time.
#[derive(Default)]
struct Referent {
    /// Each distinct wording (by [`key`]), first use first.
    variants: Vec<Wording>,
    /// How many aligned passages swap its wordings.
    passages: usize,
}

/// Referents named differently in aligned sentences or quotes, one finding each.
pub(super) fn substitution_findings(
    documents: &[Document],
    names: &ReaderNames,
    verbs: &ReportingVerbs,
    quote_groups: &[QuoteGroup],
    sentence_groups: &[SentenceGroup],
    out: &mut Vec<Finding>,
) {
    let diffs = quote_groups
        .iter()
        .map(|g| &g.diff)
        .chain(sentence_groups.iter().map(|g| &g.diff));
    // A wording the findings before these show is told there.
    let shown = super::shown(documents, out);
    let mut swaps: Vec<(Wording, Wording)> = Vec::new();
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
            let document = |piece: &Piece| documents.get(doc_number(&piece.doc));
            let (Some(a), Some(b)) = (document(&edit.old), document(&edit.new)) else {
                continue;
            };
            let told =
                |piece: &Piece| shown[doc_number(&piece.doc)].overlaps(piece.start, piece.end);
            if told(&edit.old) || told(&edit.new) {
                continue;
            }
            if let Some(pair) = noun_phrases(a, &edit.old, b, &edit.new, verbs) {
                swaps.push(pair);
            }
        }
    }
    for referent in referents(swaps) {
        let vivid = referent
            .variants
            .iter()
            .any(|v| super::plain::is_vivid(&v.text));
        let concept = referent
            .variants
            .iter()
            .map(|v| key(&v.text))
            .collect::<Vec<_>>()
            .join(" / ");
        let note = match referent.variants.as_slice() {
            [a, b] if a.doc != b.doc => format!(
                "where {} says “{}”, {} says “{}” in the same passage",
                names.of(&a.doc),
                a.text,
                names.of(&b.doc),
                b.text
            ),
            variants => format!(
                "the articles name one thing differently in passages that report the same: {}",
                list_wordings(names, variants)
            ),
        };
        out.push(Finding {
            // A swap made in several passages is the article's way of naming the thing.
            score: if vivid || referent.passages >= 2 {
                0.7
            } else {
                0.5
            },
            kind: FramingKind::Substitution,
            concept,
            variants: referent.variants,
            note,
        });
    }
}

/// Swaps gathered into referents: two swaps that share a wording name one thing.
fn referents(swaps: Vec<(Wording, Wording)>) -> Vec<Referent> {
    // Union-find over wordings by key.
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut parent: Vec<usize> = Vec::new();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut id = |text: &str, parent: &mut Vec<usize>| {
        let next = parent.len();
        let id = *ids.entry(key(text)).or_insert(next);
        if id == next {
            parent.push(next);
        }
        id
    };
    let pairs: Vec<(usize, usize)> = swaps
        .iter()
        .map(|(a, b)| (id(&a.text, &mut parent), id(&b.text, &mut parent)))
        .collect();
    for &(a, b) in &pairs {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent[ra.max(rb)] = ra.min(rb);
    }
    let mut by_root: BTreeMap<usize, (usize, Referent)> = BTreeMap::new();
    for (n, ((a, b), (ia, _))) in swaps.into_iter().zip(pairs).enumerate() {
        let r = root(&mut parent, ia);
        let entry = by_root.entry(r).or_insert_with(|| (n, Referent::default()));
        entry.1.passages += 1;
        for wording in [a, b] {
            let seen = entry
                .1
                .variants
                .iter()
                .any(|v| v.doc == wording.doc && key(&v.text) == key(&wording.text));
            if !seen {
                entry.1.variants.push(wording);
            }
        }
    }
    let mut out: Vec<(usize, Referent)> = by_root.into_values().collect();
    out.sort_by_key(|(first, _)| *first);
    out.into_iter().map(|(_, r)| r).collect()
}

/// A wording compared across passages: lower case, without a leading article.
fn key(text: &str) -> String {
    let lower = word_key(text);
    let words: Vec<&str> = lower.split_whitespace().collect();
    let skip = usize::from(matches!(words.first(), Some(&("a" | "an" | "the"))) && words.len() > 1);
    words[skip..].join(" ")
}

/// The two sides of a swap as noun phrases naming one referent, when they are: each sits
/// where a noun phrase does and names a thing rather than an act ("calling" / "saying that"
/// and "in a statement" are not). A swapped modifier takes the head noun the passages share
/// ("illegal" / "undocumented" before "immigrants").
fn noun_phrases(
    a: &Document,
    old: &Piece,
    b: &Document,
    new: &Piece,
    verbs: &ReportingVerbs,
) -> Option<(Wording, Wording)> {
    let a_next = phrase(a, old.start, old.end, verbs)?;
    let b_next = phrase(b, new.start, new.end, verbs)?;
    // The head both share, when the swap is of a modifier.
    let head = |d: &Document, next: &[usize]| -> Vec<String> {
        next.iter()
            .map(|&i| word_key(&d.text[d.words[i].start..d.words[i].end]))
            .collect()
    };
    if head(a, &a_next) != head(b, &b_next) {
        return None;
    }
    let end = |d: &Document, piece: &Piece, next: &[usize]| {
        next.last().map_or(piece.end, |&i| d.words[i].end)
    };
    let (a_end, b_end) = (end(a, old, &a_next), end(b, new, &b_next));
    Some((
        super::wording(a, old.start, a_end),
        super::wording(b, new.start, b_end),
    ))
}

/// The words after a swapped side that finish its noun phrase (indices into the document's
/// words), when the side sits where a noun phrase does.
fn phrase(
    document: &Document,
    start: usize,
    end: usize,
    verbs: &ReportingVerbs,
) -> Option<Vec<usize>> {
    let words = &document.words;
    let text = &document.text;
    let first = words.partition_point(|w| w.start < start);
    let last = words.partition_point(|w| w.end <= end);
    if first >= last {
        return None;
    }
    let key = |i: usize| word_key(&text[words[i].start..words[i].end]);
    // Letters, spaces, hyphens, apostrophes and the dots of an abbreviation only.
    let inside = &text[words[first].start..words[last - 1].end];
    if inside
        .chars()
        .any(|c| !(c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '.')))
    {
        return None;
    }
    // Only white space between two words.
    let joined =
        |i: usize| i + 1 < words.len() && text[words[i].end..words[i + 1].start].trim().is_empty();
    let opens = DETERMINERS.contains(&key(first).as_str())
        || (first > 0 && joined(first - 1) && {
            let before = key(first - 1);
            // After a determiner, a preposition, a possessive, or a verb's object ("face
            // eviction"); not after a pronoun or an auxiliary ("he approaches", "to raise").
            DETERMINERS.contains(&before.as_str())
                || PREPOSITIONS.contains(&before.as_str())
                || before.ends_with("'s")
                || !is_function_word(&before)
        });
    let act = |i: usize| {
        let k = key(i);
        verbs.find(&[k.as_str()]).is_some() || k.ends_with("ly")
    };
    if !opens || (first..last).any(act) || is_function_word(&key(last - 1)) {
        return None;
    }
    // The words after the side that carry on its noun phrase: the shared head of a swapped
    // modifier. A name after it means the side was part of a name.
    let mut next = Vec::new();
    let mut i = last - 1;
    while next.len() < 2 && joined(i) {
        let word = &text[words[i + 1].start..words[i + 1].end];
        let k = key(i + 1);
        if word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        // A verb rather than a head: a past form, or a word a determiner follows ("closes
        // the").
        let verb = k.ends_with("ed")
            || (joined(i + 1) && i + 2 < words.len() && DETERMINERS.contains(&key(i + 2).as_str()));
        if is_function_word(&k)
            || PREPOSITIONS.contains(&k.as_str())
            || act(i + 1)
            || verb
            || !word.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            break;
        }
        next.push(i + 1);
        i += 1;
    }
    // Without a shared head after it, the side's last word is its head, a noun: not a past
    // form ("clearance approved").
    if next.is_empty() && key(last - 1).ends_with("ed") {
        return None;
    }
    Some(next)
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
