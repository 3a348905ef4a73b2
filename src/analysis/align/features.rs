//! What alignment compares: each document's words as interned keys, their content stems, and
//! for each unit (a sentence or a quote) its set of word pairs (shingles) and of content stems.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use crate::analysis::diff::word_key;
use crate::analysis::segment::Span;
use crate::comparison::Document;

/// Function words and reporting verbs: they say nothing about which fact a sentence reports.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "according",
    "added",
    "mr",
    "mrs",
    "ms",
    "dr",
    "i'm",
    "i've",
    "we're",
    "don't",
    "didn't",
    "he's",
    "she's",
    "that's",
    "there's",
    "they're",
    "we've",
    "can't",
    "won't",
    "isn't",
    "wasn't",
    "aren't",
    "still",
    "yet",
    "however",
    "though",
    "although",
];

/// Whether a word key is a function word (or a reporting verb): it carries no content.
#[must_use]
pub fn is_function_word(key: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| STOPWORDS.iter().copied().collect());
    SET.contains(key)
}

/// Interned words: equal keys get equal numbers, so diffs and set operations compare `u32`s.
#[derive(Debug, Default)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(key.to_owned(), id);
        id
    }

    fn len(&self) -> usize {
        self.ids.len()
    }
}

/// A light suffix stripper, enough to let "protects", "protected" and "protecting" meet, and
/// "slammed" meet "slam" (a doubled final consonant before -ed or -ing is undone).
#[must_use]
pub fn stem(key: &str) -> &str {
    let key = key.strip_suffix("'s").unwrap_or(key);
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if let Some(root) = key.strip_suffix(suffix)
            && root.chars().nth(2).is_some()
        {
            let bytes = root.as_bytes();
            let n = bytes.len();
            if matches!(suffix, "ing" | "ed")
                && bytes[n - 1] == bytes[n - 2]
                && bytes[n - 1].is_ascii_alphabetic()
                && !matches!(
                    bytes[n - 1],
                    b'a' | b'e' | b'i' | b'o' | b'u' | b'l' | b's' | b'z'
                )
            {
                return &root[..n - 1];
            }
            return root;
        }
    }
    key
}

/// Every document's words as keys and stems.
#[derive(Debug)]
pub struct Lexicon {
    /// Per document, one key per word of `Document::words`.
    pub keys: Vec<Vec<u32>>,
    /// Per document, the content stem of each word, `None` for function words and numbers
    /// that stand alone.
    pub stems: Vec<Vec<Option<u32>>>,
    /// How many stems there are.
    pub stem_count: usize,
}

impl Lexicon {
    #[must_use]
    pub fn new(documents: &[Document]) -> Lexicon {
        let stop: std::collections::HashSet<&str> = STOPWORDS.iter().copied().collect();
        let mut words = Interner::default();
        let mut stems = Interner::default();
        let mut lexicon = Lexicon {
            keys: Vec::with_capacity(documents.len()),
            stems: Vec::with_capacity(documents.len()),
            stem_count: 0,
        };
        for document in documents {
            let mut keys = Vec::with_capacity(document.words.len());
            let mut content = Vec::with_capacity(document.words.len());
            for word in &document.words {
                let key = word_key(&document.text[word.start..word.end]);
                keys.push(words.id(&key));
                let is_content = !stop.contains(key.as_str())
                    && key.chars().any(char::is_alphabetic)
                    && key.chars().count() > 1;
                content.push(is_content.then(|| stems.id(stem(&key))));
            }
            lexicon.keys.push(keys);
            lexicon.stems.push(content);
        }
        lexicon.stem_count = stems.len();
        lexicon
    }
}

/// A stretch of one document that alignment matches: a sentence or a quote.
#[derive(Debug, Clone)]
pub struct Unit {
    pub doc: usize,
    /// The sentence's index, or the quote's index in the report's quote list.
    pub order: usize,
    pub span: Span,
    /// Its words, as indices into the document's words.
    pub words: Range<usize>,
    /// Sorted, distinct word pairs (a single word counts as a pair with nothing).
    pub shingles: Vec<u64>,
    /// Sorted, distinct content stems.
    pub content: Vec<u32>,
}

impl Unit {
    /// Builds the unit for `span` of document `doc`.
    #[must_use]
    pub fn new(
        documents: &[Document],
        lexicon: &Lexicon,
        doc: usize,
        order: usize,
        span: Span,
    ) -> Unit {
        let all = &documents[doc].words;
        let first = all.partition_point(|w| w.end <= span.start);
        let last = first + all[first..].partition_point(|w| w.start < span.end);
        let keys = &lexicon.keys[doc][first..last];
        let mut shingles: Vec<u64> = if keys.len() == 1 {
            vec![u64::from(keys[0]) << 32 | u64::from(u32::MAX)]
        } else {
            keys.windows(2)
                .map(|pair| u64::from(pair[0]) << 32 | u64::from(pair[1]))
                .collect()
        };
        shingles.sort_unstable();
        shingles.dedup();
        let mut content: Vec<u32> = lexicon.stems[doc][first..last]
            .iter()
            .flatten()
            .copied()
            .collect();
        content.sort_unstable();
        content.dedup();
        Unit {
            doc,
            order,
            span,
            words: first..last,
            shingles,
            content,
        }
    }
}

/// How many items two sorted lists share.
#[must_use]
pub fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The summed weight of the items two sorted lists share.
#[must_use]
pub fn shared_weight(a: &[u32], b: &[u32], weight: &[f64]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += weight[a[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem("protects"), stem("protected"));
        assert_eq!(stem("protecting"), stem("protect"));
        assert_eq!(stem("votes"), stem("vote"));
        assert_eq!(stem("barrier's"), stem("barriers"));
        assert_eq!(stem("war"), "war");
        assert_eq!(stem("slammed"), stem("slam"));
        assert_eq!(stem("ripping"), stem("rip"));
        assert_eq!(stem("falling"), stem("fall"));
    }

    #[test]
    fn shared_counts_common_items_of_sorted_lists() {
        assert_eq!(shared(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(shared::<u32>(&[], &[1]), 0);
        let weight = [0.0, 1.0, 2.0, 4.0];
        assert!((shared_weight(&[1, 2, 3], &[2, 3], &weight) - 6.0).abs() < 1e-9);
    }
}
