//! Labels per person and institution: how each document describes the people it names
//! ("Kremlin spokesman Dmitry Peskov", "Putin's spokesman Dmitry Peskov") and the bodies it
//! names by a kind of body ("state news agency TASS", "RT, the Kremlin-backed broadcaster,"),
//! grouped by person or body across documents.
//!
//! A person is the same across documents when the last names agree and so do the first
//! names' initials ("Dmitry Peskov" and "Dmitri Peskov"); a last name used alone joins the one
//! person of that name, when there is only one.

use std::collections::BTreeMap;

use super::{Finding, doc_number, list_wordings, wording};
use crate::analysis::align::features::is_function_word;
use crate::analysis::diff::word_key;
use crate::analysis::speakers::{Label, strip_possessive};
use crate::comparison::{
    Document, FramingKind, PersonLabels, Quote, QuoteKind, ReaderNames, Wording,
};

/// Who a name stands for across documents: last name, and the first name's initial when the
/// name has one.
type Key = (String, Option<char>);

fn key_of(name: &str) -> Key {
    // "N.A.A.C.P." is "NAACP".
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.replace('.', "").to_lowercase())
        .collect();
    let last = words.last().cloned().unwrap_or_default();
    let initial = (words.len() >= 2)
        .then(|| words[0].chars().next())
        .flatten();
    (last, initial)
}

/// Nouns for a kind of body: the words before one, with a name after it, describe the body
/// ("state news agency TASS").
const BODY_NOUNS: &[&str] = &[
    "agency",
    "outlet",
    "newspaper",
    "daily",
    "tabloid",
    "magazine",
    "broadcaster",
    "network",
    "channel",
    "station",
    "website",
    "ministry",
    "department",
    "group",
    "party",
    "company",
    "firm",
    "organisation",
    "organization",
    "movement",
    "militia",
    "union",
    "institute",
    "university",
    "charity",
    "foundation",
    "alliance",
    "coalition",
    "bank",
    "regulator",
    "watchdog",
];

/// Words that end a description going back from a body noun.
fn ends_description(key: &str) -> bool {
    is_function_word(key) || key.ends_with("ly") || key.chars().any(|c| c.is_ascii_digit())
}

/// The labels a document gives institutions: "state news agency TASS" (words before the
/// body noun and the name after it), "TASS, the state news agency," (an apposition).
#[must_use]
pub fn institution_labels(document: &Document, quotes: &[&Quote]) -> Vec<Label> {
    let text = &document.text;
    let words = &document.words;
    let word = |i: usize| &text[words[i].start..words[i].end];
    let key = |i: usize| word_key(word(i));
    let capital = |i: usize| word(i).chars().next().is_some_and(char::is_uppercase);
    // Only white space between two words.
    let joined = |i: usize| text[words[i].end..words[i + 1].start].trim().is_empty();
    let quoted = |start: usize, end: usize| {
        quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Direct && q.start <= start && end <= q.end)
    };
    let mut out = Vec::new();
    for i in 0..words.len() {
        // A name or a comma must follow: most words are passed over on that alone.
        let named = i + 1 < words.len() && joined(i) && capital(i + 1);
        let closes = i + 1 >= words.len()
            || text[words[i].end..]
                .trim_start()
                .starts_with([',', '.', ';', ')']);
        if !(named || closes)
            || capital(i)
            || !BODY_NOUNS.iter().any(|n| word(i).eq_ignore_ascii_case(n))
        {
            continue;
        }
        // Before a name: "state news agency TASS".
        if named {
            let mut end = i + 1;
            while end + 1 < words.len() && end - i < 4 && joined(end) && capital(end + 1) {
                end += 1;
            }
            let mut from = i;
            while from > 0 && i - from < 4 && joined(from - 1) && !ends_description(&key(from - 1))
            {
                from -= 1;
            }
            let (start, stop) = (words[from].start, words[i].end);
            if from < i && !quoted(start, stop) {
                let name = (i + 1..=end).map(word).collect::<Vec<_>>().join(" ");
                out.push(Label {
                    name: strip_possessive(&name).to_owned(),
                    start,
                    end: stop,
                });
            }
        }
        // An apposition: "TASS, the state news agency,".
        if !closes {
            continue;
        }
        let mut from = i;
        while from > 0 && i - from < 6 && joined(from - 1) {
            from -= 1;
            if matches!(key(from).as_str(), "a" | "an" | "the") {
                break;
            }
        }
        let article = matches!(key(from).as_str(), "a" | "an" | "the");
        let comma = from > 0 && text[words[from - 1].end..words[from].start].trim() == ",";
        if !article || !comma || (from + 1..i).any(|k| ends_description(&key(k))) {
            continue;
        }
        // The name before the comma: a run of capitalised words.
        let last = from - 1;
        let mut first = last;
        while first > 0 && last - first < 3 && capital(first - 1) && joined(first - 1) {
            first -= 1;
        }
        let (start, stop) = (words[from].start, words[i].end);
        if capital(last) && !quoted(start, stop) {
            let name = (first..=last).map(word).collect::<Vec<_>>().join(" ");
            out.push(Label {
                name: strip_possessive(&name).to_owned(),
                start,
                end: stop,
            });
        }
    }
    out
}

/// Every labelled person and institution, with each document's labels, in order of first
/// appearance.
#[must_use]
pub fn people(documents: &[Document], labels: &[Vec<Label>]) -> Vec<PersonLabels> {
    // Full names first, so that a last name alone can find its person.
    let mut full: BTreeMap<String, Vec<Key>> = BTreeMap::new();
    for label in labels.iter().flatten() {
        let key = key_of(&label.name);
        if key.1.is_some() {
            let same_last = full.entry(key.0.clone()).or_default();
            if !same_last.contains(&key) {
                same_last.push(key);
            }
        }
    }
    // Initials of the longer names, for their acronyms ("RNC" for "Republican National
    // Committee"), each kept when one name has them.
    let mut acronyms: BTreeMap<String, Vec<Key>> = BTreeMap::new();
    for label in labels.iter().flatten() {
        if let Some(initials) = initials(&label.name) {
            let same = acronyms.entry(initials).or_default();
            let key = key_of(&label.name);
            if !same.contains(&key) {
                same.push(key);
            }
        }
    }
    let resolve = |name: &str| {
        let key = key_of(name);
        if key.1.is_none()
            && let Some([whole]) = acronyms.get(&key.0).map(Vec::as_slice)
        {
            return whole.clone();
        }
        match full.get(&key.0) {
            Some(keys) if key.1.is_none() && keys.len() == 1 => keys[0].clone(),
            _ => key,
        }
    };
    let mut by_key: BTreeMap<Key, (Vec<&str>, Vec<Wording>)> = BTreeMap::new();
    for (document, list) in documents.iter().zip(labels) {
        for label in list {
            let entry = by_key.entry(resolve(&label.name)).or_default();
            entry.0.push(&label.name);
            entry.1.push(wording(document, label.start, label.end));
        }
    }
    let mut out: Vec<PersonLabels> = by_key
        .into_values()
        .map(|(names, labels)| {
            // The fullest name, then the most used, then the first in alphabetical order.
            let count = |n: &str| names.iter().filter(|m| **m == n).count();
            let name = names
                .iter()
                .max_by(|a, b| {
                    let words = |n: &str| n.split_whitespace().count();
                    words(a)
                        .cmp(&words(b))
                        .then(count(a).cmp(&count(b)))
                        .then(b.cmp(a))
                })
                .map_or_else(String::new, |n| (*n).to_owned());
            PersonLabels { name, labels }
        })
        .collect();
    let first = |p: &PersonLabels| p.labels.first().map(|w| (doc_number(&w.doc), w.start));
    out.sort_by_key(|p| first(p));
    out
}

/// The initials of a name of three words or more, lower case, leaving out the small words
/// ("National Association for the Advancement of Colored People" → "naacp").
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "of" | "for" | "the" | "and" | "on" | "in"))
        .collect();
    (words.len() >= 3
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase)))
    .then(|| {
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    })
}

/// A label compared across documents: case, apostrophes, dots and a leading article aside,
/// titles written out ("Rep." is "representative") and party tags dropped ("R-Ohio"), so that
/// two spellings of one label are one.
fn normal(text: &str) -> String {
    let lower = text.to_lowercase().replace('’', "'").replace('.', "");
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == '(' || c == ')'))
        .filter(|w| !is_party_tag(w))
        .map(|w| {
            ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == w)
                .map_or(w, |(_, long)| long)
        })
        .collect();
    let skip = usize::from(matches!(words.first(), Some(&("a" | "an" | "the"))));
    words[skip.min(words.len())..].join(" ")
}

/// Titles as written short and in full.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("rep", "representative"),
    ("reps", "representatives"),
    ("sen", "senator"),
    ("sens", "senators"),
    ("gov", "governor"),
    ("lt", "lieutenant"),
    ("gen", "general"),
    ("col", "colonel"),
    ("sgt", "sergeant"),
    ("pres", "president"),
    ("atty", "attorney"),
    ("amb", "ambassador"),
    ("supt", "superintendent"),
    ("dr", "doctor"),
    ("prof", "professor"),
    ("cong", "congressman"),
];

/// "r-ohio", "d-nc", "i-vt": a member's party and state, a tag rather than a label.
fn is_party_tag(word: &str) -> bool {
    word.split_once('-').is_some_and(|(party, state)| {
        matches!(party, "r" | "d" | "i")
            && (2..=6).contains(&state.len())
            && state.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// How sure the label finding is worth a reader's time. Two articles that qualify one title
/// with different masters ("Putin's spokesman" and "Kremlin spokesman") or with different
/// words of their own ("state-run agency" and "independent news agency") are worth it, as is
/// a charged word one label adds ("controversial sheriff", "outspoken critic"); a different
/// plain title ("US President" and "US counterpart"), a place, a body or an employer named
/// another way ("Michigan GOP chairman" and "Republican chairman in Michigan") less so.
fn label_confidence(per_doc: &[(&str, Vec<String>)], names: &[String]) -> f64 {
    let words =
        |label: &str| -> Vec<String> { label.split_whitespace().map(str::to_owned).collect() };
    let own = |a: &[String], b: &[String]| -> Vec<String> {
        a.iter().filter(|w| !b.contains(w)).cloned().collect()
    };
    let possessive = |w: &String| w.ends_with("'s");
    let telling = |a: &[String], b: &[String]| {
        let (mine, theirs) = (own(a, b), own(b, a));
        let same_head = a.last().is_some() && a.last() == b.last();
        // The writer's own words, not names of places and bodies.
        let plain = |list: &[String]| list.iter().any(|w| !names.contains(w) && !possessive(w));
        let masters = mine.iter().chain(&theirs).any(possessive);
        (same_head
            && !mine.is_empty()
            && !theirs.is_empty()
            && (masters || plain(&mine) && plain(&theirs)))
            || mine
                .iter()
                .chain(&theirs)
                .any(|w| !possessive(w) && !names.contains(w) && super::colour::is_charged(w))
    };
    let labels: Vec<Vec<Vec<String>>> = per_doc
        .iter()
        .map(|(_, list)| list.iter().map(|l| words(l)).collect())
        .collect();
    let any_telling = labels.iter().enumerate().any(|(d, mine)| {
        labels.iter().skip(d + 1).any(|theirs| {
            mine.iter()
                .any(|a| theirs.iter().any(|b| a != b && telling(a, b)))
        })
    });
    if any_telling { 0.7 } else { 0.45 }
}

/// A finding for each person whom two or more documents describe, not all alike.
pub(super) fn label_findings(names: &ReaderNames, people: &[PersonLabels], out: &mut Vec<Finding>) {
    for person in people {
        // Per document, its distinct labels (first use of each).
        let mut per_doc: Vec<(&str, Vec<String>)> = Vec::new();
        let mut variants = Vec::new();
        for label in &person.labels {
            let key = normal(&label.text);
            if key.is_empty() {
                continue;
            }
            let slot = match per_doc.iter().position(|(d, _)| *d == label.doc) {
                Some(k) => k,
                None => {
                    per_doc.push((&label.doc, Vec::new()));
                    per_doc.len() - 1
                }
            };
            if !per_doc[slot].1.contains(&key) {
                per_doc[slot].1.push(key);
                variants.push(label.clone());
            }
        }
        if per_doc.len() < 2 {
            continue;
        }
        let mut sets: Vec<Vec<String>> = per_doc.iter().map(|(_, s)| s.clone()).collect();
        for set in &mut sets {
            set.sort();
        }
        if sets.iter().all(|s| *s == sets[0]) {
            continue;
        }
        // The words written with a capital: names of places and bodies, not the writer's colour.
        let names_in_labels: Vec<String> = variants
            .iter()
            .flat_map(|v| v.text.split_whitespace())
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(normal)
            .collect();
        out.push(Finding {
            score: label_confidence(&per_doc, &names_in_labels),
            kind: FramingKind::Label,
            concept: person.name.clone(),
            note: format!(
                "{} is described as {}",
                person.name,
                list_wordings(names, &variants)
            ),
            variants,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::comparison::{Comparison, FramingKind};

    fn compare(texts: &[&str]) -> Comparison {
        crate::analysis::compare_texts(texts)
    }

    /// Each person's labels as (document, text).
    fn people(c: &Comparison) -> Vec<(&str, Vec<(&str, &str)>)> {
        c.labels
            .iter()
            .map(|p| {
                let labels = p
                    .labels
                    .iter()
                    .map(|w| (w.doc.as_str(), w.text.as_str()))
                    .collect();
                (p.name.as_str(), labels)
            })
            .collect()
    }

    #[test]
    fn one_person_labelled_three_ways_is_one_finding() {
        let c = compare(&[
            "Harbour board spokeswoman Ana Lind said the pier would reopen in May.",
            "Ana Lind, a spokeswoman for the mayor, said the pier would reopen in May.",
            "The mayor's aide Ana Lind told reporters that the pier would reopen in May.",
        ]);
        assert_eq!(
            people(&c),
            [(
                "Ana Lind",
                vec![
                    ("d0", "Harbour board spokeswoman"),
                    ("d1", "a spokeswoman for the mayor"),
                    ("d2", "mayor's aide"),
                ]
            )]
        );
        let labels: Vec<_> = c
            .framing
            .iter()
            .chain(&c.framing_more)
            .filter(|f| f.kind == FramingKind::Label)
            .collect();
        assert_eq!(labels.len(), 1, "{:?}", c.framing);
        assert_eq!(labels[0].concept, "Ana Lind");
        assert_eq!(labels[0].variants.len(), 3);
        assert!(labels[0].note.starts_with("Ana Lind is described as"));
    }

    #[test]
    fn transliterations_and_last_names_join_one_person_and_like_labels_are_no_finding() {
        let c = compare(&[
            "Port director Dmitri Volkov opened the new terminal. Volkov, the port director, \
             cut the ribbon.",
            "Port director Dmitry Volkov opened the terminal on Friday.",
        ]);
        let found = people(&c);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1,
            [
                ("d0", "Port director"),
                ("d0", "the port director"),
                ("d1", "Port director"),
            ]
        );
        assert!(
            c.framing
                .iter()
                .chain(&c.framing_more)
                .all(|f| f.kind != FramingKind::Label),
            "{:?}",
            c.framing
        );
    }

    #[test]
    fn courtesy_titles_openers_and_clauses_are_not_labels() {
        let c = compare(&[
            "When Mr. Okafor arrived, Ms. Reyes was waiting. Okafor, who had flown in from \
             Lagos, said nothing. But Yusuf Okafor left early.",
        ]);
        assert!(c.labels.is_empty(), "{:?}", people(&c));
    }

    #[test]
    fn institutions_are_labelled_before_their_name_and_in_apposition() {
        let c = compare(&[
            "The claim was first carried by state news agency Vesta on Monday.",
            "Vesta, the state-run agency, carried the claim on Monday.",
            "The claim was first carried by the independent news agency Vesta on Monday.",
        ]);
        let vesta = c.labels.iter().find(|p| p.name == "Vesta");
        let texts: Vec<(&str, &str)> = vesta
            .map(|p| {
                p.labels
                    .iter()
                    .map(|w| (w.doc.as_str(), w.text.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            texts,
            [
                ("d0", "state news agency"),
                ("d1", "the state-run agency"),
                ("d2", "independent news agency"),
            ],
            "{:?}",
            c.labels
        );
        assert!(
            c.framing
                .iter()
                .any(|f| f.kind == FramingKind::Label && f.concept == "Vesta"),
            "{:?}",
            c.framing
        );
    }

    #[test]
    fn a_title_written_short_or_long_and_a_party_tag_are_one_label() {
        let c = compare(&[
            "Rep. Ada Quill said the ferry would sail again in May.",
            "Representative Ada Quill (R-Ohio) said the ferry would sail again in May.",
        ]);
        let labels = c
            .framing
            .iter()
            .chain(&c.framing_more)
            .filter(|f| f.kind == FramingKind::Label)
            .count();
        assert_eq!(labels, 0, "{:?}", c.labels);
    }

    #[test]
    fn labels_naming_different_masters_are_shown_and_a_place_added_is_less_certain() {
        let c = compare(&[
            "Harbour board spokeswoman Ana Lind said the pier would reopen. Governor Piet Vos \
             backed her.",
            "The mayor's spokeswoman Ana Lind said the pier would reopen. Kell governor Piet Vos \
             backed her.",
        ]);
        let find = |name: &str| {
            c.framing
                .iter()
                .chain(&c.framing_more)
                .find(|f| f.kind == FramingKind::Label && f.concept == name)
                .map(|f| f.confidence)
        };
        assert_eq!(find("Ana Lind"), Some(0.7), "{:?}", c.labels);
        assert_eq!(find("Piet Vos"), Some(0.45), "{:?}", c.labels);
    }

    #[test]
    fn an_opening_verb_and_a_reporting_clause_are_no_part_of_a_label() {
        let c = compare(&[
            "Following President Ana Lind's speech, the crowd left. Bo Tran, a harbour aide \
             confirmed, will stay.",
        ]);
        let all: Vec<&str> = c
            .labels
            .iter()
            .flat_map(|p| p.labels.iter().map(|w| w.text.as_str()))
            .collect();
        assert!(all.iter().all(|t| !t.contains("Following")), "{all:?}");
        assert!(all.iter().all(|t| !t.contains("confirmed")), "{all:?}");
        assert!(all.contains(&"President"), "{all:?}");
    }

    #[test]
    fn an_acronym_joins_the_body_it_stands_for() {
        let c = compare(&[
            "The claim was denied by the Calder Harbour Board, the port's independent \
             regulator, on Monday.",
            "The claim was denied by CHB, the state-run regulator, on Monday.",
        ]);
        let board: Vec<_> = c
            .labels
            .iter()
            .filter(|p| p.labels.iter().any(|w| w.text.contains("regulator")))
            .collect();
        assert_eq!(board.len(), 1, "{:?}", c.labels);
        assert_eq!(board[0].name, "Calder Harbour Board");
        assert_eq!(board[0].labels.len(), 2, "{:?}", board[0].labels);
    }

    #[test]
    fn a_body_or_place_named_another_way_in_one_title_is_less_certain() {
        let c = compare(&[
            "Former Kell Labour Party chairman Ivo Marsh said the pier would reopen.",
            "Former Kell LP chairman Ivo Marsh said the pier would reopen.",
        ]);
        let label = c
            .framing
            .iter()
            .chain(&c.framing_more)
            .find(|f| f.kind == FramingKind::Label && f.concept == "Ivo Marsh")
            .map(|f| f.confidence);
        assert_eq!(label, Some(0.45), "{:?}", c.labels);
    }
}
