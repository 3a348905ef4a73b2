//! Segment: the kept lines → paragraphs → sentences → words, each a byte range of the source.
//!
//! Paragraphs: one per kept line, except that lines of a hard-wrapped paragraph (a line that
//! stops mid-sentence, or a next line that starts in lower case) are joined.
//!
//! Sentences: a rule-based splitter, because the hard cases in news are few and known. A
//! sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets) when white space
//! and then a capital, a digit or an opening quote follow. It does not end after a title or a
//! month ("Mr.", "Dr.", "Nov."), an initial ("John F. Kennedy"), inside a dateline ("MOSCOW,
//! January 23. /TASS/."), or after a dotted abbreviation ("U.S.", "a.m.") unless the next word
//! is one that usually opens a sentence ("The", "He", ...).
//!
//! Words: runs of letters and digits, with inner apostrophes, hyphens and dots kept ("don't",
//! "Putin-Trump", "U.S.", "3.5").

use serde::{Deserialize, Serialize};

use super::clean::{KeptLine, Role};
use super::metadata;

/// A byte range of the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub role: Role,
    /// 1-based source lines the paragraph spans.
    pub first_line: usize,
    pub last_line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Position in the document's sentence list.
    pub index: usize,
    pub start: usize,
    pub end: usize,
    /// The sentence's text with runs of white space (and Markdown's blanked markup) squeezed.
    pub text: String,
    /// Position of its paragraph in the document's paragraph list.
    pub paragraph: usize,
}

/// A document's text cut into units.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segments {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub words: Vec<Span>,
}

/// Segments the kept lines of `text`.
#[must_use]
pub fn segment(text: &str, kept: &[KeptLine]) -> Segments {
    let mut segments = Segments::default();
    for paragraph in paragraphs(text, kept) {
        let index = segments.paragraphs.len();
        for span in sentences(
            text,
            Span {
                start: paragraph.start,
                end: paragraph.end,
            },
        ) {
            segments.sentences.push(Sentence {
                index: segments.sentences.len(),
                start: span.start,
                end: span.end,
                text: squeeze(&text[span.start..span.end]),
                paragraph: index,
            });
        }
        segments.paragraphs.push(paragraph);
    }
    segments.words = words(text, &segments.paragraphs);
    segments
}

/// The text with every run of white space made one space.
#[must_use]
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Joins the lines of hard-wrapped paragraphs.
fn paragraphs(text: &str, kept: &[KeptLine]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    for line in kept {
        if let Some(last) = out.last_mut() {
            let previous = text[last.start..last.end].trim_end();
            let current = &text[line.start..line.end];
            let adjacent = line.number == last.last_line + 1;
            let same_role = line.role == Role::Body && last.role == Role::Body;
            let mid_sentence = !previous
                .ends_with(['.', '!', '?', '…', ':', '"', '”', '’', '\'', ')'])
                || current.chars().next().is_some_and(char::is_lowercase);
            if adjacent && same_role && mid_sentence {
                last.end = line.end;
                last.last_line = line.last;
                continue;
            }
        }
        out.push(Paragraph {
            start: line.start,
            end: line.end,
            role: line.role,
            first_line: line.number,
            last_line: line.last,
        });
    }
    out
}

/// Titles and other abbreviations after which a capitalised word does not start a sentence.
const NEVER_ENDS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt",
    "col", "sgt", "capt", "cmdr", "adm", "maj", "cpl", "pvt", "st", "ste", "mt", "ft", "rev",
    "hon", "pres", "supt", "det", "insp", "atty", "mme", "mlle", "sr", "jr", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vol", "vols",
    "fig", "figs", "p", "pp", "ch", "art", "sec", "para", "vs", "v", "approx", "dept", "est",
    "ave", "blvd", "rd", "gov't", "op", "cf", "al", "ed", "eds", "nr",
];

/// Abbreviations that often do end a sentence ("... Apple Inc. The company ...").
const MAY_END: &[&str] = &["inc", "corp", "co", "ltd", "llc", "bros", "etc", "plc"];

/// Words that usually open a sentence; after "U.S." or "Inc." they signal a boundary.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "for",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "some",
    "many",
    "most",
    "no",
    "not",
    "officials",
    "however",
    "meanwhile",
    "still",
    "also",
    "both",
    "one",
];

/// Sentence spans inside one paragraph.
fn sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let body = &text[paragraph.start..paragraph.end];
    let protected = metadata::dateline_len(body).unwrap_or(0);
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        if !matches!(c, '.' | '!' | '?' | '…') || at < protected {
            k += 1;
            continue;
        }
        // Take the whole run of terminal marks, then closing quotes and brackets.
        let mut j = k + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
            j += 1;
        }
        while j < chars.len()
            && matches!(chars[j].1, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*')
        {
            j += 1;
        }
        let end = chars.get(j).map_or(body.len(), |&(p, _)| p);
        let mut n = j;
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        if n == j || n >= chars.len() {
            k = j.max(k + 1);
            continue;
        }
        let next = chars[n].1;
        let next_word = next_word(&body[chars[n].0..]);
        if breaks_here(&body[start..at], c, next, &next_word) {
            out.push(Span {
                start: paragraph.start + start,
                end: paragraph.start + end,
            });
            start = chars[n].0;
        }
        k = n;
    }
    if body[start..].trim().chars().any(char::is_alphanumeric) || out.is_empty() {
        out.push(Span {
            start: paragraph.start + start,
            end: paragraph.end,
        });
    }
    out
}

fn next_word(rest: &str) -> String {
    rest.trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '\'')
        .collect::<String>()
        .to_lowercase()
}

/// Decides a boundary after `before` (the sentence so far, up to the mark `mark`).
fn breaks_here(before: &str, mark: char, next: char, next_word: &str) -> bool {
    let opens = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '—' | '–');
    if !opens {
        return false;
    }
    if mark != '.' {
        return true;
    }
    let token = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '\'' | '['))
        .next()
        .unwrap_or("");
    let bare = token.trim_end_matches('.').to_lowercase();
    let is_opener = OPENERS.contains(&next_word);
    if NEVER_ENDS.contains(&bare.as_str()) {
        // "No. 5" but "said no. The ..."; titles and months never end a sentence.
        return bare == "no" && !next.is_ascii_digit();
    }
    if MAY_END.contains(&bare.as_str()) {
        return is_opener;
    }
    // An initial: a single capital letter ("F.").
    let mut letters = token.chars();
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return false;
    }
    // A dotted abbreviation: "U.S.", "a.m.", "D.C.".
    if token.contains('.') && token.chars().filter(|c| *c == '.').count() >= 1 && token.len() <= 8 {
        let letters_only = token.chars().all(|c| c.is_alphabetic() || c == '.');
        if letters_only && token.split('.').all(|part| part.chars().count() <= 2) {
            return is_opener || matches!(next, '"' | '“');
        }
    }
    true
}

/// Word spans of all paragraphs.
fn words(text: &str, paragraphs: &[Paragraph]) -> Vec<Span> {
    let mut out = Vec::new();
    for paragraph in paragraphs {
        out.extend(words_in(
            text,
            Span {
                start: paragraph.start,
                end: paragraph.end,
            },
        ));
    }
    out
}

/// Word spans inside `range` of `text` (a range on character boundaries).
#[must_use]
pub fn words_in(text: &str, range: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let body = &text[range.start..range.end];
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        if !chars[k].1.is_alphanumeric() {
            k += 1;
            continue;
        }
        let begin = k;
        while k < chars.len() {
            let c = chars[k].1;
            let joins = matches!(c, '\'' | '’' | '-' | '.' | ',' | '‑')
                && k > begin
                && chars.get(k + 1).is_some_and(|n| n.1.is_alphanumeric())
                && (c != ',' || chars[k - 1].1.is_ascii_digit() && chars[k + 1].1.is_ascii_digit());
            if c.is_alphanumeric() || joins {
                k += 1;
            } else {
                break;
            }
        }
        // Keep the final dot of an abbreviation like "U.S." with the word.
        let mut end = chars.get(k).map_or(body.len(), |&(p, _)| p);
        let word = &body[chars[begin].0..end];
        if word.contains('.') && chars.get(k).is_some_and(|n| n.1 == '.') {
            end += 1;
        }
        out.push(Span {
            start: range.start + chars[begin].0,
            end: range.start + end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(
            text,
            Span {
                start: 0,
                end: text.len(),
            },
        )
        .into_iter()
        .map(|s| &text[s.start..s.end])
        .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            split("One fact. Another fact! A question? Yes."),
            vec!["One fact.", "Another fact!", "A question?", "Yes."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Reyl met Dr. Ana K. Brill in Nov. 2024 at No. 10 Salt Lane. They spoke."),
            vec![
                "Mr. Reyl met Dr. Ana K. Brill in Nov. 2024 at No. 10 Salt Lane.",
                "They spoke."
            ]
        );
        assert_eq!(
            split("U.S. President Lee spoke. The talks moved to the U.S. The delegates left."),
            vec![
                "U.S. President Lee spoke.",
                "The talks moved to the U.S.",
                "The delegates left."
            ]
        );
        assert_eq!(
            split("It opened at 9 a.m. Monday as planned."),
            vec!["It opened at 9 a.m. Monday as planned."]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            split("\"We are ready,\" she said. \"The bank is narrow.\" He agreed."),
            vec![
                "\"We are ready,\" she said.",
                "\"The bank is narrow.\"",
                "He agreed."
            ]
        );
        assert_eq!(
            split("“Why now?” he asked. Nobody knew."),
            vec!["“Why now?” he asked.", "Nobody knew."]
        );
    }

    #[test]
    fn datelines_stay_with_their_sentence() {
        assert_eq!(
            split("MOSCOW, January 23. /TASS/. A call is planned. Talks may follow."),
            vec![
                "MOSCOW, January 23. /TASS/. A call is planned.",
                "Talks may follow."
            ]
        );
    }

    #[test]
    fn decimals_and_ellipses() {
        assert_eq!(
            split("It rose 3.5 percent. Then it fell."),
            vec!["It rose 3.5 percent.", "Then it fell."]
        );
        assert_eq!(
            split("There is will… to talk… We wait."),
            vec!["There is will… to talk…", "We wait."]
        );
    }

    #[test]
    fn words_keep_offsets_and_inner_marks() {
        let text = "Putin’s U.S. counterpart didn't say 3,000 or 3.5 — well-known.";
        let kept = [KeptLine {
            number: 1,
            last: 1,
            start: 0,
            end: text.len(),
            role: Role::Body,
        }];
        let seg = segment(text, &kept);
        let words: Vec<&str> = seg.words.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(
            words,
            vec![
                "Putin’s",
                "U.S.",
                "counterpart",
                "didn't",
                "say",
                "3,000",
                "or",
                "3.5",
                "well-known"
            ]
        );
    }

    #[test]
    fn wrapped_lines_join_into_one_paragraph() {
        let text =
            "The council met on a wet\nevening in March and voted.\nA second paragraph here.\n";
        let kept = [
            KeptLine {
                number: 1,
                last: 1,
                start: 0,
                end: 24,
                role: Role::Body,
            },
            KeptLine {
                number: 2,
                last: 2,
                start: 25,
                end: 52,
                role: Role::Body,
            },
            KeptLine {
                number: 3,
                last: 3,
                start: 53,
                end: 77,
                role: Role::Body,
            },
        ];
        let seg = segment(text, &kept);
        assert_eq!(seg.paragraphs.len(), 2);
        assert_eq!(
            seg.sentences[0].text,
            "The council met on a wet evening in March and voted."
        );
        assert_eq!(seg.sentences[1].paragraph, 1);
    }
}
