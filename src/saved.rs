//! Saved comparisons (`.parallax` files): a comparison to reopen later or hand to a colleague.
//!
//! A saved comparison holds the inputs, not the result: each document's text as read (so the
//! original files are no longer needed), what was detected about it, the user's edits (outlet
//! names, dates, the order of the documents), the user's lexicon additions, and the view
//! (side panel, removed lines, selection). Reopening analyses it again, so a newer Parallax
//! gives its newer analysis of the same inputs. It is JSON, versioned by `format`
//! ([`FORMAT`]); a file from a newer major version is refused with a message rather than
//! misread. Only [`crate::load`] and [`crate::save`] touch the file system.

use serde::{Deserialize, Serialize};

use crate::analysis::{Input, Options};
use crate::ingest::{Format, Metadata, Source};
use crate::report::highlights::Target;

/// The saved-comparison format this build writes and reads.
pub const FORMAT: &str = "parallax.saved/1";

/// The file extension of saved comparisons.
pub const EXTENSION: &str = "parallax";

/// A saved comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedComparison {
    pub format: String,
    pub generator: String,
    /// In the user's order.
    pub documents: Vec<SavedDocument>,
    #[serde(default)]
    pub lexicons: Lexicons,
    #[serde(default)]
    pub view: View,
}

/// One input as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedDocument {
    /// The name the user gave it (a path, or "pasted-1.html").
    pub path: String,
    pub format: Format,
    /// The encoding it was read with.
    pub encoding: String,
    /// The text every offset refers to (for a web page, the extracted article).
    pub text: String,
    /// What the file itself said (an HTML page's title, site name, date).
    pub detected: Metadata,
    pub notes: Vec<String>,
    /// What the user set: it wins over anything detected.
    pub user: Metadata,
}

/// The user's additions to the shipped lexicons, as written in lexicon files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lexicons {
    /// Reporting verbs, like `assets/lexicon/reporting-verbs.txt`.
    pub verbs: Vec<String>,
    /// Framing-term families, like `assets/lexicon/framing-terms.txt`.
    pub terms: Vec<String>,
}

/// The most lexicon additions one comparison takes, all of them together (files given with
/// `--verbs` and `--terms` and those inside saved comparisons): a lexicon is a list of words,
/// and this keeps a hostile one from costing minutes or gigabytes.
pub const MAX_LEXICON_BYTES: usize = 4 * 1024 * 1024;

/// Which lexicon an addition extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexiconKind {
    Verbs,
    Terms,
}

impl LexiconKind {
    /// What the additions are, as a message names them.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            LexiconKind::Verbs => "reporting-verb additions",
            LexiconKind::Terms => "framing-term additions",
        }
    }
}

impl Lexicons {
    /// The analysis options: the shipped lexicons plus these additions.
    ///
    /// # Errors
    /// The first addition that cannot be read, with what is wrong.
    pub fn options(&self) -> Result<Options, String> {
        // Each lexicon is extended once with all its additions in order (a later one wins as
        // a later line does), so that many small additions cost no more than one large one.
        let joined = |texts: &[String]| {
            let mut all = String::with_capacity(texts.iter().map(|t| t.len() + 1).sum());
            for text in texts {
                all.push_str(text);
                if !text.ends_with('\n') {
                    all.push('\n');
                }
            }
            all
        };
        let mut options = Options::default();
        options
            .verbs
            .extend(&joined(&self.verbs))
            .map_err(|error| format!("reporting verbs: {error}"))?;
        options
            .terms
            .extend(&joined(&self.terms))
            .map_err(|error| format!("framing terms: {error}"))?;
        Ok(options)
    }

    /// Adds one lexicon text after checking that it reads and that the additions stay within
    /// [`MAX_LEXICON_BYTES`] in all.
    ///
    /// # Errors
    /// What is wrong with it (the line that cannot be read, or the size); nothing is added then.
    pub fn add(&mut self, kind: LexiconKind, text: String) -> Result<(), String> {
        self.add_after(kind, text, self.bytes())
    }

    /// [`Lexicons::add`], given the size of the additions so far (`taken`).
    fn add_after(&mut self, kind: LexiconKind, text: String, taken: usize) -> Result<(), String> {
        let total = taken + text.len();
        if total > MAX_LEXICON_BYTES {
            return Err(format!(
                "the lexicon additions would come to {} in all; the limit is {}",
                crate::ingest::megabytes(total as u64),
                crate::ingest::megabytes(MAX_LEXICON_BYTES as u64)
            ));
        }
        let read = match kind {
            LexiconKind::Verbs => crate::analysis::verbs::ReportingVerbs::check(&text),
            LexiconKind::Terms => crate::analysis::framing::terms::Terms::check(&text),
        };
        read.map_err(|error| error.to_string())?;
        match kind {
            LexiconKind::Verbs => self.verbs.push(text),
            LexiconKind::Terms => self.terms.push(text),
        }
        Ok(())
    }

    /// Adds the additions of another source (a saved comparison) after these, each checked as
    /// [`Lexicons::add`] does. Returns a message for each kind of addition with some left out.
    pub fn append_checked(&mut self, other: Lexicons) -> Vec<String> {
        let mut left_out: Vec<(LexiconKind, usize, String)> = Vec::new();
        let all = other
            .verbs
            .into_iter()
            .map(|text| (LexiconKind::Verbs, text))
            .chain(
                other
                    .terms
                    .into_iter()
                    .map(|text| (LexiconKind::Terms, text)),
            );
        // The size so far is kept as it grows: many small additions cost no more than one.
        let mut taken = self.bytes();
        for (kind, text) in all {
            let size = text.len();
            match self.add_after(kind, text, taken) {
                Ok(()) => taken += size,
                Err(why) => match left_out.iter_mut().find(|(k, _, _)| *k == kind) {
                    Some((_, count, _)) => *count += 1,
                    None => left_out.push((kind, 1, why)),
                },
            }
        }
        left_out
            .into_iter()
            .map(|(kind, count, why)| match count {
                1 => format!("its {} were left out ({why})", kind.name()),
                _ => format!(
                    "{count} of its {} were left out (the first: {why})",
                    kind.name()
                ),
            })
            .collect()
    }

    /// The size of all the additions.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.verbs.iter().chain(&self.terms).map(String::len).sum()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty() && self.terms.is_empty()
    }
}

/// How the comparison was being looked at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct View {
    /// The side panel open ("Quotes", "Framing", ...), if any.
    pub panel: Option<String>,
    pub show_removed: bool,
    pub selection: Option<Target>,
}

/// Why a saved comparison cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum SavedError {
    #[error("not a saved Parallax comparison ({0})")]
    NotSaved(String),
    #[error("saved by a newer Parallax (its format is “{0}”; this one reads {FORMAT})")]
    Newer(String),
}

impl SavedComparison {
    /// A saved comparison of `inputs`.
    #[must_use]
    pub fn new(inputs: &[Input], lexicons: Lexicons, view: View) -> Self {
        SavedComparison {
            format: FORMAT.to_owned(),
            generator: crate::comparison::generator(),
            documents: inputs
                .iter()
                .map(|input| SavedDocument {
                    path: input.source.path.clone(),
                    format: input.source.format,
                    encoding: input.source.encoding.to_owned(),
                    text: input.source.text.clone(),
                    detected: input.source.metadata.clone(),
                    notes: input.source.notes.clone(),
                    user: input.user.clone(),
                })
                .collect(),
            lexicons,
            view,
        }
    }

    /// This saved comparison with each document named without its folders (see
    /// [`crate::comparison::short_names`]), for a file that leaves the machine.
    #[must_use]
    pub fn without_folders(mut self) -> Self {
        let paths: Vec<&str> = self.documents.iter().map(|d| d.path.as_str()).collect();
        let names = crate::comparison::short_names(&paths);
        for (document, name) in self.documents.iter_mut().zip(names) {
            document.path = name;
        }
        self
    }

    /// The file's text: pretty JSON, so a saved comparison can be read and diffed.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Reads a saved comparison (a byte-order mark before it is allowed).
    ///
    /// # Errors
    /// Not JSON of this shape, or another version of the format.
    pub fn from_json(text: &str) -> Result<Self, SavedError> {
        #[derive(Deserialize)]
        struct Header {
            format: String,
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let header: Header =
            serde_json::from_str(text).map_err(|error| SavedError::NotSaved(error.to_string()))?;
        let major = header
            .format
            .strip_prefix("parallax.saved/")
            .map(|version| version.split('.').next().unwrap_or(version))
            .and_then(|major| major.parse::<u32>().ok());
        match major {
            Some(1) => {}
            Some(newer) if newer > 1 => return Err(SavedError::Newer(header.format)),
            _ => {
                return Err(SavedError::NotSaved(format!(
                    "its format is “{}”, not {FORMAT}",
                    header.format
                )));
            }
        }
        serde_json::from_str(text).map_err(|error| SavedError::NotSaved(error.to_string()))
    }

    /// The inputs to analyse, in order. A saved file may come from anyone, so what reading
    /// a file would have checked is checked again: a text past
    /// [`crate::ingest::MAX_TEXT_BYTES`] is cut, control characters become spaces, names,
    /// titles and notes past a sane length are cut, and a date that is not a real
    /// `YYYY-MM-DD` date is left out, each with a note.
    #[must_use]
    pub fn inputs(&self) -> Vec<Input> {
        self.documents.iter().map(SavedDocument::input).collect()
    }

    /// [`SavedComparison::inputs`] of the saved comparison read from `file`, which messages
    /// about its articles name.
    #[must_use]
    pub fn inputs_from(&self, file: &str) -> Vec<Input> {
        self.documents
            .iter()
            .map(|document| Input {
                saved_in: Some(file.to_owned()),
                ..document.input()
            })
            .collect()
    }
}

/// The most notes kept for one saved document, and the longest note, title, outlet, address or
/// name kept (in characters): a saved file may come from anyone.
const MAX_NOTES: usize = 20;
const MAX_NOTE_CHARS: usize = 500;

impl SavedDocument {
    fn input(&self) -> Input {
        let mut text = self.text.clone();
        let mut notes: Vec<String> = self
            .notes
            .iter()
            .take(MAX_NOTES)
            .map(|note| crate::ingest::shorten(note, MAX_NOTE_CHARS))
            .collect();
        notes.extend(crate::ingest::cap(&mut text, crate::ingest::MAX_TEXT_BYTES));
        notes.extend(crate::ingest::decode::blank_controls(&mut text));
        let mut metadata = self.detected.capped();
        let mut user = self.user.capped();
        for date in [&mut metadata.date, &mut user.date] {
            if let Some(bad) = date
                .take_if(|date| crate::analysis::metadata::find_date(date).as_deref() != Some(date))
            {
                notes.push(format!(
                    "the saved date “{bad}” is not a date written YYYY-MM-DD; it was left out"
                ));
            }
        }
        Input {
            source: Source {
                path: crate::ingest::shorten(&self.path, crate::ingest::MAX_NAME_CHARS),
                format: self.format,
                encoding: crate::ingest::decode::encoding_named(&self.encoding),
                text,
                metadata,
                notes,
            },
            user,
            saved_in: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_with;
    use crate::ingest::ingest;

    #[test]
    fn a_saved_comparison_reopens_to_the_same_analysis() {
        let mut inputs = vec![
            Input::from(ingest("a.txt", b"Ferry back\n\nThe island ferry runs again from Monday, Mayor Ada Quill said.\n").unwrap()),
            Input::from(ingest("b.html", b"<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1><p>The island ferry runs again from Monday, the mayor said on Friday.</p></article></body></html>").unwrap()),
        ];
        inputs[1].user.outlet = Some("Harbour Herald".to_owned());
        inputs[1].user.date = Some("2026-05-01".to_owned());
        let lexicons = Lexicons {
            verbs: vec!["loaded crow crowed crows\n".to_owned()],
            terms: Vec::new(),
        };
        let view = View {
            panel: Some("Framing".to_owned()),
            show_removed: true,
            selection: Some(Target::Fact(0)),
        };
        let saved = SavedComparison::new(&inputs, lexicons.clone(), view.clone());
        let reopened = SavedComparison::from_json(&saved.to_json()).unwrap();
        assert_eq!(reopened, saved);
        assert_eq!(reopened.inputs(), inputs);
        let options = reopened.lexicons.options().unwrap();
        assert_eq!(
            analyze_with(&reopened.inputs(), &options),
            analyze_with(&inputs, &lexicons.options().unwrap())
        );
    }

    #[test]
    fn a_saved_file_is_checked_like_a_read_one() {
        let document = |text: String, date: &str| SavedDocument {
            path: "story.txt".to_owned(),
            format: Format::Text,
            encoding: "no such encoding".to_owned(),
            text,
            detected: Metadata {
                date: Some("2026-02-30".to_owned()),
                ..Metadata::default()
            },
            notes: Vec::new(),
            user: Metadata {
                date: Some(date.to_owned()),
                ..Metadata::default()
            },
        };
        let paragraph = "The ferry runs again from Monday, the council said.\n\n";
        let saved = SavedComparison {
            documents: vec![
                document(paragraph.repeat(250_000), "<b>soon</b>"),
                document(paragraph.to_owned(), "2026-03-01"),
            ],
            ..SavedComparison::new(&[], Lexicons::default(), View::default())
        };
        let inputs = saved.inputs();
        let big = &inputs[0].source;
        assert!(big.text.len() <= crate::ingest::MAX_TEXT_BYTES);
        assert!(big.notes.iter().any(|n| n.contains("only its first")));
        assert_eq!(big.metadata.date, None, "30 February is no date");
        assert_eq!(inputs[0].user.date, None);
        assert!(
            big.notes.iter().any(|n| n.contains("“<b>soon</b>”")),
            "{:?}",
            big.notes
        );
        assert_eq!(inputs[1].user.date.as_deref(), Some("2026-03-01"));
        assert_eq!(inputs[1].source.encoding, "UTF-8");
    }

    /// The largest saved comparison Parallax can write: every limit reached, every character
    /// the one JSON escapes most (control characters are spaces by then, so `"`, two bytes).
    #[test]
    fn the_largest_saved_comparison_reads_back() {
        use crate::analysis::{MAX_COMPARED_BYTES, MAX_DOCUMENTS};
        let worst = |bytes: usize| format!("{}{}", "\"".repeat(bytes - 100), "\u{1}".repeat(100));
        let long = "\"".repeat(crate::ingest::MAX_NAME_CHARS * 3);
        let metadata = Metadata {
            title: Some(long.clone()),
            outlet: Some(long.clone()),
            date: Some(long.clone()),
            url: Some(long.clone()),
        };
        let hostile = SavedDocument {
            path: long.clone(),
            format: Format::Text,
            encoding: "UTF-8".to_owned(),
            text: worst(MAX_COMPARED_BYTES / MAX_DOCUMENTS),
            detected: metadata.clone(),
            notes: vec![long.clone(); 1000],
            user: metadata,
        };
        let from_anyone = SavedComparison {
            documents: vec![hostile; MAX_DOCUMENTS],
            ..SavedComparison::new(&[], Lexicons::default(), View::default())
        };
        // What reading it lets through, saved again with the largest lexicons allowed.
        let inputs = from_anyone.inputs();
        let text: usize = inputs.iter().map(|i| i.source.text.len()).sum();
        assert!(text <= MAX_COMPARED_BYTES);
        assert!(inputs.iter().all(|i| !i.source.text.contains('\u{1}')));
        let mut lexicons = Lexicons::default();
        let term = format!("label quoted: {}\n", "\"x\"".repeat(300));
        lexicons
            .add(
                crate::saved::LexiconKind::Terms,
                term.repeat(MAX_LEXICON_BYTES / term.len()),
            )
            .unwrap();
        let saved = SavedComparison::new(&inputs, lexicons, View::default());
        let written = saved.to_json();
        assert!(
            written.len() as u64 <= crate::load::MAX_INPUT_BYTES,
            "{} MB",
            written.len() / 1024 / 1024
        );
        let read = SavedComparison::from_json(&written).unwrap();
        assert!(read == saved, "reads back as written");
        assert_eq!(
            crate::ingest::shorten(&inputs[0].source.path, crate::ingest::MAX_NAME_CHARS),
            inputs[0].source.path,
            "shortening twice changes nothing"
        );
    }

    #[test]
    fn lexicon_additions_are_checked_and_held_to_the_limit() {
        let mut lexicons = Lexicons::default();
        assert!(
            lexicons
                .add(LexiconKind::Verbs, "loaded crow crowed crows\n".to_owned())
                .is_ok()
        );
        let bad = lexicons.add(LexiconKind::Verbs, "shouty yell\n".to_owned());
        assert!(bad.unwrap_err().contains("line 1"));
        let big = "label war: war | conflict\n".repeat(MAX_LEXICON_BYTES / 20);
        let refused = lexicons.add(LexiconKind::Terms, big).unwrap_err();
        assert!(refused.contains("the limit is 4.0 MB"), "{refused}");
        let messages = lexicons.append_checked(Lexicons {
            verbs: vec!["neutral pipe piped pipes\n".to_owned(), "bad\n".to_owned()],
            terms: Vec::new(),
        });
        assert_eq!(lexicons.verbs.len(), 2, "the good addition is kept");
        assert_eq!(messages.len(), 1);
        assert!(messages[0].starts_with("its reporting-verb additions were left out"));
    }

    #[test]
    fn other_files_and_newer_versions_are_refused_with_a_reason() {
        assert!(matches!(
            SavedComparison::from_json("{\"schema\": \"parallax.report/1\"}"),
            Err(SavedError::NotSaved(_))
        ));
        assert!(matches!(
            SavedComparison::from_json("{\"format\": \"parallax.saved/2\", \"documents\": []}"),
            Err(SavedError::Newer(_))
        ));
        assert!(matches!(
            SavedComparison::from_json("not json"),
            Err(SavedError::NotSaved(_))
        ));
    }
}
