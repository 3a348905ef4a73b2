//! Reporting verbs: the words that introduce what someone said, and what each implies.
//!
//! The lexicon is data (`assets/lexicon/reporting-verbs.txt`); users add to it or override it
//! with a file of the same form. A line holds a class and the verb's forms, the dictionary form
//! first; the words of a phrasal verb are joined with `_`.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The lexicon shipped with Parallax.
pub const DEFAULT_LEXICON: &str = include_str!("../../assets/lexicon/reporting-verbs.txt");

/// What a reporting verb implies about the words it introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VerbClass {
    /// Reports the words and nothing more: say, tell, note.
    Neutral,
    /// Lends the words force: stress, insist.
    Emphatic,
    /// Casts doubt on the words: claim, allege.
    Distancing,
    /// Takes the words as true: admit, concede, reveal.
    Presupposing,
    /// Judges the speaker or the tone: slam, boast.
    Loaded,
}

impl VerbClass {
    fn parse(word: &str) -> Option<Self> {
        Some(match word {
            "neutral" => Self::Neutral,
            "emphatic" => Self::Emphatic,
            "distancing" => Self::Distancing,
            "presupposing" => Self::Presupposing,
            "loaded" => Self::Loaded,
            _ => return None,
        })
    }

    /// What a verb of this class does to the words it introduces, in a reader's words ("casts
    /// doubt"); nothing for a verb that only reports.
    #[must_use]
    pub fn meaning(self) -> Option<&'static str> {
        match self {
            Self::Neutral => None,
            Self::Emphatic => Some("lends the words force"),
            Self::Distancing => Some("casts doubt on the words"),
            Self::Presupposing => Some("takes the words as true"),
            Self::Loaded => Some("judges the speaker or the tone"),
        }
    }

    /// The class's name as written in the lexicon and the report.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Neutral => "neutral",
            Self::Emphatic => "emphatic",
            Self::Distancing => "distancing",
            Self::Presupposing => "presupposing",
            Self::Loaded => "loaded",
        }
    }
}

/// A line of a lexicon file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for LexiconError {}

impl LexiconError {
    /// The first line of `text` that `read_line` cannot read, if any, with its number.
    pub(crate) fn first_in<T>(
        text: &str,
        read_line: impl Fn(&str) -> Result<T, String>,
    ) -> Result<(), LexiconError> {
        for (index, line) in text.lines().enumerate() {
            read_line(line).map_err(|message| LexiconError {
                line: index + 1,
                message,
            })?;
        }
        Ok(())
    }
}

/// One line of a lexicon: a class and the verb's forms (lower-case), or nothing for a blank
/// line or a comment.
fn read_line(line: &str) -> Result<Option<(VerbClass, Vec<String>)>, String> {
    let line = line.split('#').next().unwrap_or("").trim();
    if line.is_empty() {
        return Ok(None);
    }
    let mut words = line.split_whitespace();
    let class_word = words.next().unwrap_or("");
    let Some(class) = VerbClass::parse(&class_word.to_lowercase()) else {
        return Err(format!(
            "unknown class {class_word:?} (use neutral, emphatic, distancing, presupposing or loaded)"
        ));
    };
    let forms: Vec<String> = words.map(str::to_lowercase).collect();
    if forms.is_empty() {
        return Err("a class with no verb after it".to_owned());
    }
    Ok(Some((class, forms)))
}

/// One verb: its dictionary form, its class and every form it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    lemma: String,
    class: VerbClass,
    /// The first words of its forms (the keys of the lists they are in).
    firsts: Vec<String>,
}

/// A verb found in a run of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbMatch<'a> {
    pub lemma: &'a str,
    pub class: VerbClass,
    /// How many words the form spans ("pointed out" is two).
    pub words: usize,
    /// Whether the form is a participle ("saying"), which takes its subject from the sentence.
    pub participle: bool,
}

/// The reporting-verb lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportingVerbs {
    entries: Vec<Entry>,
    /// First word of a form → (entry, the form's words), longest forms first.
    forms: HashMap<String, Vec<(usize, Vec<String>)>>,
}

impl Default for ReportingVerbs {
    fn default() -> Self {
        // The shipped lexicon is tested to parse; an empty lexicon is the only fallback.
        Self::parse(DEFAULT_LEXICON).unwrap_or_else(|_| Self::empty())
    }
}

impl ReportingVerbs {
    fn empty() -> Self {
        ReportingVerbs {
            entries: Vec::new(),
            forms: HashMap::new(),
        }
    }

    /// Reads a lexicon.
    ///
    /// # Errors
    /// The first line that is neither blank, a `#` comment nor `class form...`.
    pub fn parse(text: &str) -> Result<Self, LexiconError> {
        let mut verbs = Self::empty();
        verbs.extend(text)?;
        Ok(verbs)
    }

    /// Adds a user's lexicon: a verb listed again takes the class and forms given here.
    ///
    /// # Errors
    /// The first line that cannot be read; nothing is added then.
    pub fn extend(&mut self, text: &str) -> Result<(), LexiconError> {
        let mut lines = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if let Some(read) = read_line(line).map_err(|message| LexiconError {
                line: index + 1,
                message,
            })? {
                lines.push(read);
            }
        }
        // A verb listed again takes its last definition. Everything below goes through
        // indexes, so that a lexicon of many verbs, or one listing verbs again, loads in
        // linear time.
        let lemma_of = |forms: &[String]| forms[0].replace('_', " ");
        let mut last: HashMap<String, usize> = HashMap::new();
        for (line, (_, forms)) in lines.iter().enumerate() {
            last.insert(lemma_of(forms), line);
        }
        let mut by_lemma: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(k, e)| (e.lemma.clone(), k))
            .collect();
        // First the verbs: new ones are added, known ones lose their old forms.
        let mut defined = Vec::new();
        let mut replaced = std::collections::HashSet::new();
        let mut touched: Vec<String> = Vec::new();
        for (line, (class, forms)) in lines.into_iter().enumerate() {
            let lemma = lemma_of(&forms);
            if last.get(&lemma) != Some(&line) {
                continue;
            }
            let entry = match by_lemma.get(&lemma) {
                Some(&k) => {
                    self.entries[k].class = class;
                    replaced.insert(k);
                    touched.append(&mut self.entries[k].firsts);
                    k
                }
                None => {
                    by_lemma.insert(lemma.clone(), self.entries.len());
                    self.entries.push(Entry {
                        lemma,
                        class,
                        firsts: Vec::new(),
                    });
                    self.entries.len() - 1
                }
            };
            defined.push((entry, forms));
        }
        touched.sort_unstable();
        touched.dedup();
        for first in &touched {
            if let Some(list) = self.forms.get_mut(first) {
                list.retain(|(e, _)| !replaced.contains(e));
            }
        }
        // Then their forms, listed under their first words.
        for (entry, forms) in defined {
            let mut firsts = Vec::with_capacity(forms.len());
            for form in forms {
                let words: Vec<String> = form.split('_').map(str::to_owned).collect();
                firsts.push(words[0].clone());
                self.forms
                    .entry(words[0].clone())
                    .or_default()
                    .push((entry, words));
            }
            firsts.sort_unstable();
            firsts.dedup();
            self.entries[entry].firsts = firsts;
        }
        // Longest forms first; a stable sort keeps the order forms were given in otherwise.
        #[expect(
            clippy::iter_over_hash_type,
            reason = "each list is sorted on its own: the order of the lists does not matter"
        )]
        for list in self.forms.values_mut() {
            list.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
        }
        self.forms.retain(|_, list| !list.is_empty());
        Ok(())
    }

    /// Checks a lexicon without building it: the first line that cannot be read, if any.
    ///
    /// # Errors
    /// The first line that is neither blank, a `#` comment nor `class form...`.
    pub fn check(text: &str) -> Result<(), LexiconError> {
        LexiconError::first_in(text, read_line)
    }

    /// How many verbs the lexicon holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the lexicon holds no verb.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The verb that starts at the first of `words` (lower-case), if any; the longest form wins.
    #[must_use]
    pub fn find<S: AsRef<str>>(&self, words: &[S]) -> Option<VerbMatch<'_>> {
        let first = words.first()?.as_ref();
        let list = self.forms.get(first)?;
        list.iter()
            .find(|(_, form)| {
                form.len() <= words.len() && form.iter().zip(words).all(|(f, w)| f == w.as_ref())
            })
            .map(|(entry, form)| {
                let entry = &self.entries[*entry];
                VerbMatch {
                    lemma: &entry.lemma,
                    class: entry.class,
                    words: form.len(),
                    participle: form.last().is_some_and(|w| w.ends_with("ing")),
                }
            })
    }

    /// The class of a verb given by its dictionary form.
    #[must_use]
    pub fn class_of(&self, lemma: &str) -> Option<VerbClass> {
        self.entries
            .iter()
            .find(|e| e.lemma == lemma)
            .map(|e| e.class)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lexicon_parses_and_covers_every_class() {
        let verbs = ReportingVerbs::parse(DEFAULT_LEXICON).unwrap();
        assert!(verbs.len() > 80);
        for (word, class) in [
            ("said", VerbClass::Neutral),
            ("stressed", VerbClass::Emphatic),
            ("claimed", VerbClass::Distancing),
            ("admitted", VerbClass::Presupposing),
            ("slammed", VerbClass::Loaded),
        ] {
            assert_eq!(verbs.find(&[word]).map(|m| m.class), Some(class), "{word}");
        }
    }

    #[test]
    fn phrasal_forms_and_participles() {
        let verbs = ReportingVerbs::default();
        let found = verbs.find(&["pointed", "out", "that"]).unwrap();
        assert_eq!((found.lemma, found.words), ("point out", 2));
        assert!(verbs.find(&["saying"]).unwrap().participle);
        assert!(!verbs.find(&["said"]).unwrap().participle);
        assert_eq!(verbs.find(&["pointed"]), None);
        assert_eq!(verbs.find(&["table"]), None);
    }

    #[test]
    fn users_add_and_override_verbs() {
        let mut verbs = ReportingVerbs::default();
        verbs
            .extend("# mine\nloaded say said says\ndistancing opine opined opines\n")
            .unwrap();
        assert_eq!(verbs.class_of("say"), Some(VerbClass::Loaded));
        assert_eq!(
            verbs.find(&["opined"]).unwrap().class,
            VerbClass::Distancing
        );
        // "saying" was a form of the old entry only: the override replaced the forms.
        assert_eq!(verbs.find(&["saying"]), None);
    }

    #[test]
    fn bad_lines_are_named() {
        let err = ReportingVerbs::parse("neutral say said\nangry shout shouted\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("angry"), "{err}");
        let err = ReportingVerbs::parse("loaded\n").unwrap_err();
        assert_eq!(err.line, 1);
    }
}
