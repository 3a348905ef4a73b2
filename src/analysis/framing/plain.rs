//! Plain words and vivid ones: a word news wire uses often ("repeatedly", "said", "morning")
//! reports; one it seldom needs ("fulsome", "pityingly", "excoriated") colours. The common
//! words are counted in news sentences by `assets/lexicon/news-words.rs` and listed, by base
//! form ([`base`]), in `assets/lexicon/news-words.txt`; `assets/lexicon/plain-words.txt` adds
//! plain words of news prose those sentences are too few to hold ("upcoming", "repeatedly").

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::analysis::align::features::is_function_word;
use crate::analysis::diff::word_key;

/// How often news sentences use each word, by base form; the plain words listed by hand count
/// as common.
static COUNTS: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let counted = include_str!("../../../assets/lexicon/news-words.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (word, count) = line.split_once(' ')?;
            Some((word.to_owned(), count.trim().parse().ok()?))
        });
    let listed = include_str!("../../../assets/lexicon/plain-words.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .flat_map(str::split_whitespace)
        .map(|word| (base(word), usize::MAX));
    let mut counts = HashMap::new();
    for (word, count) in counted.chain(listed) {
        let entry = counts.entry(word).or_insert(0usize);
        *entry = (*entry).max(count);
    }
    counts
});

/// A word met more often than this in news sentences is plain.
const PLAIN: usize = 2;

/// How often news sentences use the rarest word of a wording that is the writer's (function
/// words, numbers and names aside); `None` when it has no such word.
fn rarest(wording: &str) -> Option<usize> {
    wording
        .split(|c: char| !(c.is_alphanumeric() || "'’-".contains(c)))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(|w| word_key(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|key| {
            key.chars().count() > 1
                && key.chars().all(|c| c.is_alphabetic() || "'-".contains(c))
                && !is_function_word(key)
        })
        .map(|key| COUNTS.get(&base(&key)).copied().unwrap_or(0))
        .min()
}

/// How often news sentences use a word, by its base form ([`base`]); a plain word listed by
/// hand counts as met countless times.
#[must_use]
pub fn count(base: &str) -> usize {
    COUNTS.get(base).copied().unwrap_or(0)
}

/// Whether a wording holds a word that news prose seldom needs.
#[must_use]
pub fn is_vivid(wording: &str) -> bool {
    rarest(wording).is_some_and(|n| n <= PLAIN)
}

/// A word's base form, so that its inflections count as one word: "denied", "denies" and
/// "deny" are "deny"; "repeatedly" is "repeat"; "slammed" is "slam"; "emphasize" and
/// "emphasized" are "emphasiz".
#[must_use]
pub fn base(key: &str) -> String {
    let mut word = key.strip_suffix("'s").unwrap_or(key).to_owned();
    let long = |w: &str, suffix: &str| w.len() >= suffix.len() + 3 && w.ends_with(suffix);
    if long(&word, "ily") {
        word.truncate(word.len() - 3);
        word.push('y');
    } else if long(&word, "ly") {
        word.truncate(word.len() - 2);
    }
    if long(&word, "ies") || long(&word, "ied") {
        word.truncate(word.len() - 3);
        word.push('y');
    } else if long(&word, "ing") || long(&word, "ed") {
        word.truncate(word.len() - if word.ends_with("ing") { 3 } else { 2 });
        let bytes = word.as_bytes();
        let n = bytes.len();
        if n >= 2 && bytes[n - 1] == bytes[n - 2] && !b"aefioulsz".contains(&bytes[n - 1]) {
            word.pop();
        }
    } else if long(&word, "es")
        && ["s", "x", "z", "ch", "sh"]
            .iter()
            .any(|end| word[..word.len() - 2].ends_with(end))
    {
        word.truncate(word.len() - 2);
    } else if long(&word, "s") && !word.ends_with("ss") && !word.ends_with("us") {
        word.pop();
    }
    if long(&word, "e") {
        word.pop();
    }
    word
}

#[cfg(test)]
mod tests {
    use super::{base, is_vivid};

    #[test]
    fn inflections_share_a_base() {
        for (words, expected) in [
            (&["deny", "denied", "denies", "denying"][..], "deny"),
            (&["slam", "slammed", "slams", "slamming"][..], "slam"),
            (&["emphasize", "emphasized", "emphasizes"][..], "emphasiz"),
            (&["repeatedly", "repeated", "repeat"][..], "repeat"),
            (&["stress", "stressed", "stresses"][..], "stress"),
            (
                &["rebuff", "rebuffed", "rebuffs", "rebuffing"][..],
                "rebuff",
            ),
        ] {
            for word in words {
                assert_eq!(base(word), expected, "{word}");
            }
        }
    }

    #[test]
    fn vivid_words_are_the_ones_news_wire_seldom_needs() {
        for plain in [
            "repeatedly",
            "said",
            "morning",
            "denied",
            "the new law",
            "upcoming",
        ] {
            assert!(!is_vivid(plain), "{plain}");
        }
        for vivid in ["fulsome", "pityingly", "bombastic", "the blowhard"] {
            assert!(is_vivid(vivid), "{vivid}");
        }
        // Names and numbers are not the writer's colour.
        assert!(!is_vivid("Kell"));
        assert!(!is_vivid("42"));
    }
}
