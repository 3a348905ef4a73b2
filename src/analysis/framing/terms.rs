//! The framing-terms lexicon: families of wordings for one referent, and the words that hedge or
//! judge. Data in `assets/lexicon/framing-terms.txt`; users extend or override it with a file of
//! the same form.

use std::collections::HashMap;

use crate::analysis::align::features::stem;
use crate::analysis::diff::word_key;
use crate::analysis::segment::{Span, words_in};
use crate::analysis::verbs::LexiconError;

/// The lexicon shipped with Parallax.
pub const DEFAULT_TERMS: &str = include_str!("../../../assets/lexicon/framing-terms.txt");
/// The shipped evaluative words (all `loaded`), read after the terms: judging words, then
/// words that colour (intensity, emotion, metaphor, emphasis).
pub const EVALUATIVE_WORDS: &str = include_str!("../../../assets/lexicon/evaluative-words.txt");
pub const EVALUATIVE_MORE: &str = include_str!("../../../assets/lexicon/evaluative-more.txt");

/// What the wordings of a family differ in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FamilyKind {
    /// Different views of one thing: annexation / reunification.
    Label,
    /// Different spellings of one name: Kiev / Kyiv.
    Spelling,
    /// Words that keep the writer's distance from a claim: alleged, so-called.
    Hedge,
    /// Words that judge while they report: slammed, radical.
    Loaded,
}

impl FamilyKind {
    fn parse(word: &str) -> Option<Self> {
        Some(match word {
            "label" => Self::Label,
            "spelling" => Self::Spelling,
            "hedge" => Self::Hedge,
            "loaded" => Self::Loaded,
            _ => return None,
        })
    }
}

/// One family: its concept and its wordings, each as word keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    pub kind: FamilyKind,
    pub concept: String,
    /// Each wording as written in the lexicon.
    pub wordings: Vec<String>,
    /// Each wording's word keys.
    keys: Vec<Vec<String>>,
    /// Each wording's last word's stem.
    last_stems: Vec<String>,
}

/// The families in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Terms {
    pub families: Vec<Family>,
    /// (family, wording) by the wording's first word (its stem for a one-word wording),
    /// rebuilt whenever families change.
    by_first: HashMap<String, Starting>,
}

impl Default for Terms {
    fn default() -> Self {
        // The shipped lexicons are tested to parse; an empty lexicon is the fallback.
        let mut terms = Terms::parse(DEFAULT_TERMS).unwrap_or(Terms {
            families: Vec::new(),
            by_first: HashMap::new(),
        });
        let _ = terms.extend(EVALUATIVE_WORDS);
        let _ = terms.extend(EVALUATIVE_MORE);
        terms
    }
}

/// The wordings that start with one stem: (family, wording) pairs, the one-word wordings
/// apart, the longer ones by their second word's stem (so that a common first word, "in" or
/// "the", does not try every phrase that starts with it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Starting {
    alone: Vec<(usize, usize)>,
    by_second: HashMap<String, Vec<(usize, usize)>>,
}

/// One place a wording of a family occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub family: usize,
    pub wording: usize,
    pub span: Span,
    /// The index of its first word in the document's words.
    pub word: usize,
}

impl Terms {
    /// Reads a lexicon.
    ///
    /// # Errors
    /// The first line that is not `KIND CONCEPT: wording | wording ...`.
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        let mut terms = Terms {
            families: Vec::new(),
            by_first: HashMap::new(),
        };
        terms.extend(text)?;
        Ok(terms)
    }

    /// Adds the families of `text`; a family whose concept is already known replaces it.
    ///
    /// # Errors
    /// The first line that is not `KIND CONCEPT: wording | wording ...`.
    pub fn extend(&mut self, text: &str) -> Result<(), LexiconError> {
        // Concepts are matched without regard to case, through an index: a lexicon of many
        // families loads in linear time.
        let mut by_concept: HashMap<String, usize> = self
            .families
            .iter()
            .enumerate()
            .map(|(k, family)| (family.concept.to_ascii_lowercase(), k))
            .collect();
        for (index, line) in text.lines().enumerate() {
            let Some(Line {
                kind,
                concept,
                wordings,
            }) = read_line(line).map_err(|message| LexiconError {
                line: index + 1,
                message,
            })?
            else {
                continue;
            };
            let wordings: Vec<String> = wordings.into_iter().map(str::to_owned).collect();
            let keys: Vec<Vec<String>> = wordings.iter().map(|w| keys_of(w)).collect();
            let concept = concept.to_owned();
            let last_stems = keys
                .iter()
                .map(|k| k.last().map_or("", |w| stem(w)).to_owned())
                .collect();
            let family = Family {
                kind,
                concept,
                wordings,
                keys,
                last_stems,
            };
            match by_concept.entry(family.concept.to_ascii_lowercase()) {
                std::collections::hash_map::Entry::Occupied(known) => {
                    self.families[*known.get()] = family;
                }
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(self.families.len());
                    self.families.push(family);
                }
            }
        }
        self.by_first.clear();
        for (f, family) in self.families.iter().enumerate() {
            for (w, wording) in family.keys.iter().enumerate() {
                let starting = self
                    .by_first
                    .entry(stem(&wording[0]).to_owned())
                    .or_default();
                match wording.get(1) {
                    None => starting.alone.push((f, w)),
                    Some(second) => starting
                        .by_second
                        .entry(stem(second).to_owned())
                        .or_default()
                        .push((f, w)),
                }
            }
        }
        Ok(())
    }

    /// Checks a lexicon without building it: the first line that cannot be read, if any.
    ///
    /// # Errors
    /// The first line that is not `KIND CONCEPT: wording | wording ...`.
    pub fn check(text: &str) -> Result<(), LexiconError> {
        LexiconError::first_in(text, |line| read_line(line).map(|_| ()))
    }

    /// Every occurrence of every wording in `words` of `text`, by position. Where wordings
    /// overlap, the longest wins ("special military operation" over "military operation").
    #[must_use]
    pub fn find(&self, text: &str, words: &[Span]) -> Vec<Occurrence> {
        let keys: Vec<String> = words
            .iter()
            .map(|w| word_key(&text[w.start..w.end]))
            .collect();
        self.find_keys(&keys, words)
    }

    /// [`Terms::find`] over the words' keys ([`word_key`]), already made.
    #[must_use]
    pub fn find_keys(&self, keys: &[String], words: &[Span]) -> Vec<Occurrence> {
        let mut found = Vec::new();
        let mut k = 0;
        while k < keys.len() {
            let mut best: Option<(usize, usize, usize)> = None;
            if let Some(starting) = self.by_first.get(stem(&keys[k])) {
                let longer = match keys.get(k + 1) {
                    Some(next) if !starting.by_second.is_empty() => starting
                        .by_second
                        .get(stem(next))
                        .map_or(&[][..], Vec::as_slice),
                    _ => &[],
                };
                for &(f, w) in starting.alone.iter().chain(longer) {
                    let wording = &self.families[f].keys[w];
                    let inflects = self.families[f].kind != FamilyKind::Hedge;
                    if matches(
                        &keys[k..],
                        wording,
                        &self.families[f].last_stems[w],
                        inflects,
                    ) && best.is_none_or(|b| wording.len() > b.2)
                    {
                        best = Some((f, w, wording.len()));
                    }
                }
            }
            match best {
                Some((family, wording, len)) => {
                    found.push(Occurrence {
                        family,
                        wording,
                        span: Span {
                            start: words[k].start,
                            end: words[k + len - 1].end,
                        },
                        word: k,
                    });
                    k += len;
                }
                None => k += 1,
            }
        }
        found
    }
}

/// A wording's word keys.
/// A family as a lexicon line writes it.
struct Line<'a> {
    kind: FamilyKind,
    concept: &'a str,
    wordings: Vec<&'a str>,
}

/// One line of a lexicon, or nothing for a blank line or a comment.
fn read_line(line: &str) -> Result<Option<Line<'_>>, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let (head, list) = line
        .split_once(':')
        .ok_or("expected `KIND CONCEPT: wording | wording ...`")?;
    let (kind, concept) = head
        .trim()
        .split_once(' ')
        .ok_or("expected a kind and a concept before the colon")?;
    let kind = FamilyKind::parse(kind).ok_or_else(|| {
        format!("unknown kind `{kind}` (expected label, spelling, hedge or loaded)")
    })?;
    let wordings: Vec<&str> = list
        .split('|')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    let wordless = |w: &&str| {
        words_in(
            w,
            Span {
                start: 0,
                end: w.len(),
            },
        )
        .is_empty()
    };
    if wordings.is_empty() || wordings.iter().any(wordless) {
        return Err("every wording needs at least one word".to_owned());
    }
    Ok(Some(Line {
        kind,
        concept: concept.trim(),
        wordings,
    }))
}

fn keys_of(wording: &str) -> Vec<String> {
    words_in(
        wording,
        Span {
            start: 0,
            end: wording.len(),
        },
    )
    .iter()
    .map(|w| word_key(&wording[w.start..w.end]))
    .collect()
}

/// Whether `keys` start with `wording`: every word equal, the last one also by its stem when
/// the family `inflects` (hedges do not: "alleged" is a hedge, "alleging" a reporting verb)
/// and the wording's last word is a base form ("sneer": "sneers", "sneered"), not a form of
/// its own ("middling" is not "middle", "storied" not "stories") nor an adverb, which does
/// not inflect ("surely" is not "sure").
fn matches(keys: &[String], wording: &[String], last_stem: &str, inflects: bool) -> bool {
    if keys.len() < wording.len() {
        return false;
    }
    let last = wording.len() - 1;
    let inflects = inflects
        && !["ing", "ed", "ly"]
            .iter()
            .any(|ending| wording[last].ends_with(ending));
    wording
        .iter()
        .zip(keys)
        .enumerate()
        .all(|(j, (want, have))| {
            want == have
                || (inflects
                    && j == last
                    && have.len() <= want.len() + 4
                    && stem(have) == last_stem)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(terms: &Terms, text: &str) -> Vec<(String, String)> {
        let words = words_in(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
        );
        terms
            .find(text, &words)
            .into_iter()
            .map(|o| {
                (
                    terms.families[o.family].concept.clone(),
                    text[o.span.start..o.span.end].to_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn the_shipped_lexicon_parses() {
        let mut terms = Terms::parse(DEFAULT_TERMS).unwrap();
        assert!(terms.families.len() > 40);
        let before = terms.families.len();
        terms.extend(EVALUATIVE_WORDS).unwrap();
        terms.extend(EVALUATIVE_MORE).unwrap();
        // No evaluative group replaces a family of the terms.
        assert!(terms.families.len() > before + 100);
        assert!(
            terms.families[before..]
                .iter()
                .all(|f| f.kind == FamilyKind::Loaded)
        );
        assert!(
            terms
                .families
                .iter()
                .any(|f| f.kind == FamilyKind::Spelling)
        );
    }

    #[test]
    fn wordings_match_whole_words_with_inflections_and_phrases() {
        let terms = Terms::parse(
            "label status: annexation | annex | accepted into\nspelling city: Kiev | Kyiv",
        )
        .unwrap();
        assert_eq!(
            found(
                &terms,
                "Russia annexed Crimea; Kyiv calls the annexation illegal. It was Accepted Into \
                 the federation. Kievan Rus and the annexationist are other words."
            ),
            [
                ("status".into(), "annexed".into()),
                ("city".into(), "Kyiv".into()),
                ("status".into(), "annexation".into()),
                ("status".into(), "Accepted Into".into()),
            ]
        );
    }

    #[test]
    fn a_wording_that_is_a_form_of_its_own_matches_only_itself() {
        let terms = Terms::parse(
            "loaded weak: middling | storied\nloaded attack: sneer\nloaded sure: surely",
        )
        .unwrap();
        assert_eq!(
            found(
                &terms,
                "The middle class heard stories of a storied career; critics sneered at a \
                 middling plan. Make sure of it; surely they will."
            ),
            [
                ("weak".into(), "storied".into()),
                ("attack".into(), "sneered".into()),
                ("weak".into(), "middling".into()),
                ("sure".into(), "surely".into()),
            ]
        );
    }

    #[test]
    fn the_longest_wording_wins() {
        let terms =
            Terms::parse("label war: military operation | special military operation | war")
                .unwrap();
        assert_eq!(
            found(&terms, "a special military operation, not a war"),
            [
                ("war".into(), "special military operation".into()),
                ("war".into(), "war".into())
            ]
        );
    }

    #[test]
    fn a_users_family_replaces_the_one_with_its_concept() {
        let mut terms = Terms::parse("label war: war | conflict").unwrap();
        terms
            .extend("label War: war | special operation\nloaded words: slam")
            .unwrap();
        assert_eq!(terms.families.len(), 2);
        assert_eq!(terms.families[0].wordings, ["war", "special operation"]);
    }

    #[test]
    fn a_bad_line_is_named() {
        let error = Terms::parse("# fine\nlabel ok: a | b\nopinion x: y").unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.message.contains("unknown kind"), "{}", error.message);
        assert_eq!(Terms::parse("label nothing here").unwrap_err().line, 1);
    }
}
