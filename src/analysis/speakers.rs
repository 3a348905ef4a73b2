//! Speakers: who said each quote, and with which reporting verb.
//!
//! A first, rule-based attribution. For each quote the sentence around it is searched for a
//! reporting cue, nearest first:
//!
//! 1. after the quote: `," Peskov said`, `," said the legislator`, `," he told reporters`;
//! 2. before it: `Peskov said that it "..."`, `He said: "..."`;
//! 3. `according to X` anywhere in the sentence.
//!
//! The subject is then resolved to a canonical name: a title is dropped (`Mr.`, `President`),
//! a short name is expanded to the fullest form used in the document (`Peskov` → `Dmitry
//! Peskov`), a role (`the spokesman`) to the person earlier given that role (`Kremlin
//! spokesman Dmitry Peskov`), and a pronoun to the person last named. A quote with no cue in
//! its sentence that forms a paragraph of its own continues the previous quote's speaker.

use std::sync::LazyLock;

use regex::Regex;

use super::metadata::regex;
use super::quotes::QuoteSpan;
use super::segment::Sentence;

/// Reporting verbs, in the forms they take after a quote.
const VERBS: &str = r"(?:said|says|say|told|tells|added|adds|noted|notes|stressed|stresses|insisted|insists|claimed|claims|alleged|alleges|admitted|admits|conceded|concedes|revealed|reveals|slammed|slams|boasted|boasts|explained|explains|asked|asks|wrote|writes|declared|declares|warned|warns|argued|argues|continued|continues|recalled|recalls|emphasized|emphasised|emphasizes|cautioned|assured|acknowledged|acknowledges|complained|complains|suggested|suggests|replied|replies|responded|announced|announces|stated|states|commented|observed|remarked|maintained|maintains|contended|countered|charged|confirmed|confirms|denied|denies|urged|urges|predicted|vowed|promised|tweeted|posted|joked|quipped|lamented|pointed out|went on|shot back|fired back|called|calls|described|describes|dubbed|termed|retorted|retort|referred to)";

/// A subject: a name (capitalised words), a pronoun, or a noun phrase opened by an article.
const SUBJECT: &str = r"(?:(?:\p{Lu}[\p{L}’'.-]*\s+)?(?:\p{Ll}[\p{L}’'-]*\s+){1,2}\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){1,3}|(?:the|The|a|A|an|An)\s+(?:[\p{L}’'.-]+\s+){0,4}?[\p{L}’'.-]+|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|\p{Lu}[\p{L}’'.-]*(?:\s+(?:\p{Lu}[\p{L}’'.-]*|de|van|von|al|bin|da|del)){0,4})";

static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"^[\s,—–-]*(?:(?P<v1>{VERBS})\s+(?P<s1>{SUBJECT})|(?P<s2>{SUBJECT})(?:\s+(?:also|later|then|again|previously|once|has|had|have))?\s+(?P<v2>{VERBS}))\b"
    ))
});
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(&format!(
        r"(?P<s>{SUBJECT})(?:\s+\p{{Ll}}[\p{{L}}’'-]*){{0,4}}?\s+(?P<v>{VERBS})\b(?P<rest>[^.!?]{{0,150}})$"
    ))
});
/// "..., saying: " at the end of the words before a quote.
static SAYING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r",?\s+(?P<v>saying|adding|writing|noting|arguing|declaring|insisting|warning|accusing|calling|describing|urging|claiming|telling\s+\w+)\b[^.!?]{0,80}$",
    )
});
/// Capitalised runs (a name, maybe with a title) and pronouns, candidates for a participle's
/// subject.
static NAME_RUN: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3})\b")
});
/// A name after a title: "Gov. Rick Perry", "Sheriff Joe Arpaio".
static TITLED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?P<title>Gov|Governor|Sen|Senator|Rep|Representative|President|Mayor|Sheriff|Secretary|Gen|General|Judge|Justice|Speaker|Minister|Chancellor|Ambassador|Spokesman|Spokeswoman)\.?\s+(?P<name>\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}’'-]+){0,2})",
    )
});
static ACCORDING: LazyLock<Regex> =
    LazyLock::new(|| regex(&format!(r"(?i:according to)\s+(?P<s>{SUBJECT})")));
/// A person named with a role before the name: "Kremlin spokesman Dmitry Peskov".
static ROLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?P<role>\b[a-z]+(?:\s+[a-z]+)?)\s+(?P<name>\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}’'-]+){1,2})",
    )
});
/// A person named with a role after the name: "Carl Seel, a legislator", "Reyl, the spokesman".
static NAME_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?P<name>\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}’'-]+){1,2}),\s+(?:the|a|an)\s+(?:[\p{L}’'-]+\s+){0,3}?(?P<role>[a-z]+)\b",
    )
});
static SINGLE_NAME: LazyLock<Regex> = LazyLock::new(|| regex(r"\b\p{Lu}[\p{Ll}’'-]+\b"));
static INSTITUTION_SAID: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:the|The)\s+(?P<s>\p{Lu}[\p{L}-]*(?:[ \t]+\p{Lu}[\p{L}-]*){0,3})\s+(?:said|says|announced|stated)\b",
    )
});
static FULL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\b\p{Lu}[\p{Ll}’'-]+(?:[ \t]+\p{Lu}\.)?(?:[ \t]+\p{Lu}[\p{Ll}’'-]+){1,2}\b")
});

/// Titles dropped from the front of a name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "secretary",
    "judge",
    "justice",
    "gen",
    "general",
    "sir",
    "dame",
    "lord",
    "lady",
    "mayor",
    "minister",
    "prime",
    "chancellor",
    "sheriff",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "speaker",
    "chairman",
    "chairwoman",
    "father",
    "rev",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "ambassador",
    "councillor",
    "councilor",
    "former",
    "ex",
    "u.s.",
    "us",
];

/// Words that start a capitalised run without being a name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "but",
    "and",
    "in",
    "on",
    "at",
    "for",
    "after",
    "before",
    "when",
    "while",
    "as",
    "if",
    "asked",
    "speaking",
    "meanwhile",
    "however",
    "still",
    "also",
    "yet",
    "so",
    "then",
    "when",
    "where",
    "why",
    "what",
    "who",
    "how",
    "there",
    "here",
    "now",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "suggesting",
    "according",
    "despite",
    "during",
    "since",
    "until",
    "with",
    "without",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "one",
    "some",
    "many",
    "most",
    "all",
    "both",
    "later",
    "earlier",
    "of",
    "to",
    "from",
    "by",
    "about",
    "over",
    "under",
    "against",
    "like",
    "unlike",
];

/// Prepositions after which a capitalised run is a place, not a person.
const PLACE_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "from", "to", "of", "near", "into", "across", "outside", "inside", "toward",
    "towards", "through", "around", "via", "between",
];

/// Last words that make a capitalised run a place, body or title rather than a person.
const NOT_PERSON_HEADS: &[&str] = &[
    "federation",
    "row",
    "street",
    "lane",
    "park",
    "bridge",
    "river",
    "house",
    "court",
    "university",
    "hall",
    "square",
    "road",
    "avenue",
    "steps",
    "center",
    "centre",
    "party",
    "committee",
    "council",
    "association",
    "department",
    "ministry",
    "office",
    "agency",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "administration",
    "campaign",
    "union",
    "republic",
    "kingdom",
    "states",
    "city",
    "county",
    "airport",
    "station",
    "school",
    "college",
    "church",
    "company",
    "group",
    "bank",
    "fund",
    "forum",
    "summit",
    "day",
    "week",
    "year",
    "affairs",
    "security",
    "service",
    "services",
    "network",
    "channel",
    "show",
    "today",
    "senate",
    "congress",
    "assembly",
];

/// Role nouns that name a person (not a document or an institution).
const PERSON_ROLES: &[&str] = &[
    "governor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "president",
    "minister",
    "mayor",
    "lawyer",
    "attorney",
    "official",
    "leader",
    "chairman",
    "chairwoman",
    "secretary",
    "candidate",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "director",
    "sheriff",
    "judge",
    "justice",
    "officer",
    "adviser",
    "advisor",
    "aide",
    "diplomat",
    "ambassador",
    "premier",
    "chancellor",
    "pope",
    "general",
    "commander",
    "councillor",
    "councilor",
    "nominee",
    "representative",
    "businessman",
    "businesswoman",
    "activist",
    "organizer",
    "organiser",
    "scientist",
    "professor",
    "economist",
    "analyst",
    "founder",
    "executive",
    "chief",
    "man",
    "woman",
    "star",
    "host",
    "father",
    "mother",
    "priest",
    "bishop",
    "cardinal",
];

/// Words that open a subordinate clause before a sentence's subject.
const SUBORDINATORS: &[&str] = &[
    "after",
    "before",
    "when",
    "while",
    "although",
    "though",
    "as",
    "since",
    "despite",
    "in",
    "on",
    "at",
    "during",
    "asked",
    "speaking",
    "following",
];

/// How far back (bytes) a pronoun looks for the person it stands for.
const PRONOUN_REACH: usize = 600;

/// A quote's attribution.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Option<String>,
    pub cue: Option<String>,
}

/// Attributes each quote of one document.
#[must_use]
pub fn attribute(text: &str, sentences: &[Sentence], quotes: &[QuoteSpan]) -> Vec<Attribution> {
    let people = People::collect(text);
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    for (i, quote) in quotes.iter().enumerate() {
        let sentence = sentences
            .iter()
            .find(|s| s.start <= quote.open && quote.open < s.end.max(s.start + 1))
            .or_else(|| sentences.iter().rev().find(|s| s.start <= quote.open));
        let (s_start, s_end) = sentence.map_or((quote.open, quote.close), |s| (s.start, s.end));
        // The sentence may end inside the quote; read on to the end of the sentence holding the
        // close as well.
        // After a quote that ends its sentence ("... mine?" Akin continued.), the cue sits in
        // the next sentence: read to the end of the sentence holding the first word after it.
        let next_word = quote.close + text[quote.close.min(text.len())..].len()
            - text[quote.close.min(text.len())..].trim_start().len();
        // ... but never into the next paragraph.
        let same_paragraph =
            !text[quote.close.min(text.len())..next_word.min(text.len())].contains('\n');
        let end_sentence = sentences
            .iter()
            .find(|s| same_paragraph && s.start <= next_word && next_word < s.end)
            .map_or(s_end, |s| s.end)
            .min(quote.close + 240)
            .max(quote.close);
        let end_sentence = floor_boundary(text, end_sentence);
        let after =
            &text[quote.close.min(text.len())..end_sentence.max(quote.close).min(text.len())];
        let before = &text[s_start.min(quote.open)..quote.open];
        // The last real quote's speaker (short quoted phrases do not carry one forward).
        let previous_index = (0..i)
            .rev()
            .find(|&k| words(text, &quotes[k]) > 3 && out[k].speaker.is_some());
        let previous_speaker = previous_index.and_then(|k| out[k].speaker.as_deref());
        // Cues nearest first; the first whose subject resolves to someone wins.
        let sentence_text = &text[s_start.min(quote.open)..end_sentence.max(quote.close)];
        let found = [
            cue_after(after),
            cue_before(before),
            cue_saying(before),
            according_to(sentence_text),
        ]
        .into_iter()
        .flatten()
        .find_map(|(subject, cue)| {
            // "it said": the institution that spoke last (a statement, a ministry).
            let speaker = if subject.eq_ignore_ascii_case("it") {
                let spoke = out
                    .iter()
                    .rev()
                    .filter_map(|a| a.speaker.as_deref())
                    .find(|s| !people.is_person(s));
                match spoke {
                    Some(institution) => institution.to_owned(),
                    None => institution_before(text, quote.open)?,
                }
            } else {
                people.resolve(&subject, quote.open, previous_speaker)?
            };
            Some(Attribution {
                speaker: Some(speaker),
                cue: Some(cue),
            })
        });
        let attribution = match found {
            Some(attribution) => attribution,
            None => {
                // A paragraph that is all quote goes on with the previous speaker.
                let previous = previous_index
                    .filter(|&k| quotes[k].paragraph + 1 >= quote.paragraph)
                    .map(|k| &out[k]);
                let stands_alone = before.trim().is_empty();
                match previous {
                    Some(prev) if stands_alone => Attribution {
                        speaker: prev.speaker.clone(),
                        cue: None,
                    },
                    _ => Attribution::default(),
                }
            }
        };
        out.push(attribution);
    }
    out
}

/// The institution that last "said" something in the text just before `at`:
/// "..., the White House said in a statement." → "White House".
fn institution_before(text: &str, at: usize) -> Option<String> {
    let from = floor_boundary(text, at.saturating_sub(PRONOUN_REACH));
    INSTITUTION_SAID
        .captures_iter(&text[from..at])
        .filter_map(|c| c.name("s").map(|m| m.as_str().to_owned()))
        .last()
}

fn words(text: &str, quote: &QuoteSpan) -> usize {
    text[quote.start..quote.end].split_whitespace().count()
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// "Mr. Santorum did not back down, saying, “...": the participle's subject is the last name
/// (or pronoun) before it that is not a common capitalised word.
fn cue_saying(before: &str) -> Option<(String, String)> {
    let c = SAYING.captures(before)?;
    let verb = c.name("v")?;
    let mut head = &before[..verb.start()];
    // The participle's subject is the sentence's: skip an opening clause ("Suggesting that
    // ..., Mr. Santorum did not back down, saying") and take the first name after it.
    let opener = head.split_whitespace().next().unwrap_or("").to_lowercase();
    if (opener.ends_with("ing") || SUBORDINATORS.contains(&opener.as_str()))
        && let Some((_, rest)) = head.split_once(',')
    {
        head = rest;
    }
    let subject = NAME_RUN
        .find_iter(head)
        .map(|m| m.as_str())
        .find(|run| !NOT_NAMES.contains(&strip_titles(run).to_lowercase().as_str()))?;
    Some((squeeze(subject), squeeze(verb.as_str())))
}

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cue_after(after: &str) -> Option<(String, String)> {
    let c = AFTER.captures(after)?;
    let subject = c.name("s1").or_else(|| c.name("s2"))?.as_str();
    let verb = c.name("v1").or_else(|| c.name("v2"))?;
    // "told reporters", "told NBC": keep the object with the cue.
    let rest = &after[verb.end()..];
    let subject_end = c.name("s1").or_else(|| c.name("s2")).map_or(0, |m| m.end());
    let apposition = FULL_NAME
        .find(after[subject_end..].trim_start_matches([',', ' ']))
        .filter(|_| after[subject_end..].starts_with(", "))
        .filter(|m| {
            m.start() <= 40 && !after[subject_end..subject_end + m.start() + 2].contains(['.', ';'])
        });
    let subject = match apposition {
        Some(m) if subject.starts_with(['t', 'T', 'a', 'A']) => {
            format!("{subject}, {}", m.as_str())
        }
        _ => subject.to_owned(),
    };
    let cue = if verb.as_str() == "told" {
        // "told reporters", "told the press".
        let mut words = rest.split_whitespace().peekable();
        let take = if words
            .peek()
            .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
        {
            2
        } else {
            1
        };
        let object: String = rest
            .split_whitespace()
            .take(take)
            .collect::<Vec<_>>()
            .join(" ");
        format!(
            "told {}",
            object.trim_end_matches(|c: char| !c.is_alphanumeric())
        )
    } else {
        verb.as_str().to_owned()
    };
    Some((squeeze(&subject), squeeze(cue.trim())))
}

fn cue_before(before: &str) -> Option<(String, String)> {
    let c = BEFORE.captures(before)?;
    Some((
        squeeze(c.name("s")?.as_str()),
        squeeze(c.name("v")?.as_str()),
    ))
}

fn according_to(sentence: &str) -> Option<(String, String)> {
    let c = ACCORDING.captures(sentence)?;
    Some((squeeze(c.name("s")?.as_str()), "according to".to_owned()))
}

/// The people a document names, with their roles and positions.
struct People {
    /// (position, full name) of every multi-word name, in order.
    mentions: Vec<(usize, String)>,
    /// (role noun, full name).
    roles: Vec<(String, String)>,
    /// Positions of the mentions that open a sentence, in order.
    subjects: Vec<usize>,
}

impl People {
    fn collect(text: &str) -> Self {
        let mut mentions = Vec::new();
        for m in FULL_NAME.find_iter(text) {
            // "on Wharf Row", "at Calder University": after a preposition, a place.
            let preceding = text[..m.start()]
                .split_whitespace()
                .last()
                .unwrap_or("")
                .to_lowercase();
            if PLACE_PREPOSITIONS.contains(&preceding.as_str()) {
                continue;
            }
            let name = strip_titles(m.as_str());
            let words: Vec<&str> = name.split_whitespace().collect();
            if words
                .last()
                .is_some_and(|w| NOT_PERSON_HEADS.contains(&w.to_lowercase().as_str()))
            {
                continue;
            }
            let skip = words
                .iter()
                .take_while(|w| NOT_NAMES.contains(&w.to_lowercase().as_str()))
                .count();
            if words.len() >= skip + 2 {
                mentions.push((m.start(), words[skip..].join(" ")));
            }
        }
        let mut roles = Vec::new();
        for c in TITLED_NAME.captures_iter(text) {
            if let (Some(title), Some(name)) = (c.name("title"), c.name("name")) {
                let role = match title.as_str().to_lowercase().as_str() {
                    "gov" => "governor".to_owned(),
                    "sen" => "senator".to_owned(),
                    "rep" => "representative".to_owned(),
                    "gen" => "general".to_owned(),
                    other => other.to_owned(),
                };
                let name = name.as_str().to_owned();
                if name.split_whitespace().count() >= 2 {
                    mentions.push((name_start(&c), name.clone()));
                }
                roles.push((role, name));
            }
        }
        // A known person's last name alone ("Perry") is a mention of that person too.
        let mut by_last: Vec<(String, String)> = mentions
            .iter()
            .filter_map(|(_, n)| {
                n.split_whitespace()
                    .last()
                    .map(|l| (l.to_owned(), n.clone()))
            })
            .collect();
        by_last.sort();
        by_last.dedup_by(|a, b| a.0 == b.0);
        for m in SINGLE_NAME.find_iter(text) {
            // Only a name standing alone: "Row" in "Wharf Row" is part of a longer run.
            let glued = text[..m.start()]
                .split_whitespace()
                .last()
                .is_some_and(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !w.ends_with(['.', ',', '"', '”'])
                });
            if glued {
                continue;
            }
            let word = m.as_str().trim_end_matches("’s").trim_end_matches("'s");
            if let Ok(k) = by_last.binary_search_by(|(last, _)| last.as_str().cmp(word)) {
                mentions.push((m.start(), by_last[k].1.clone()));
            }
        }
        mentions.sort();
        mentions.dedup();
        // Mentions that open their sentence (after at most a few words of title or role).
        let subjects = mentions
            .iter()
            .map(|(p, _)| *p)
            .filter(|&p| {
                let before = &text[..p];
                let sentence_start = before
                    .rfind(['.', '!', '?', '\n', '“', '"', ':'])
                    .map_or(0, |i| {
                        i + before[i..].chars().next().map_or(1, char::len_utf8)
                    });
                before[sentence_start..].split_whitespace().count() <= 3
            })
            .collect();
        for c in ROLE_NAME.captures_iter(text) {
            if let (Some(role), Some(name)) = (c.name("role"), c.name("name")) {
                let noun = role
                    .as_str()
                    .split_whitespace()
                    .last()
                    .unwrap_or("")
                    .to_owned();
                roles.push((noun, strip_titles(name.as_str())));
            }
        }
        for c in NAME_ROLE.captures_iter(text) {
            if let (Some(role), Some(name)) = (c.name("role"), c.name("name")) {
                roles.push((role.as_str().to_owned(), strip_titles(name.as_str())));
            }
        }
        People {
            mentions,
            roles,
            subjects,
        }
    }

    /// Whether `name` is a person the document names (rather than an institution).
    fn is_person(&self, name: &str) -> bool {
        self.mentions.iter().any(|(_, n)| n == name)
    }

    /// The canonical name for a subject found at `at`.
    fn resolve(&self, subject: &str, at: usize, previous: Option<&str>) -> Option<String> {
        let lower = subject.to_lowercase();
        let first = lower.split_whitespace().next().unwrap_or("");
        if matches!(first, "he" | "she" | "they") {
            // The person last named as a sentence's subject before the quote; failing that, the
            // previous speaker, then anyone last named.
            let window = at.saturating_sub(PRONOUN_REACH);
            let recent = || {
                self.mentions
                    .iter()
                    .rev()
                    .filter(move |(p, _)| *p < at && *p >= window)
            };
            return recent()
                .find(|(p, _)| self.subjects.contains(p))
                .map(|(_, n)| n.clone())
                .or_else(|| previous.map(str::to_owned))
                .or_else(|| recent().next().map(|(_, n)| n.clone()));
        }
        if first == "it" {
            return previous.map(str::to_owned);
        }
        if matches!(first, "the" | "a" | "an") {
            // "the legislator, Representative Carl Seel": a name in the phrase wins.
            let without_article = subject.split_once(' ').map_or("", |(_, rest)| rest);
            if let Some(m) = FULL_NAME
                .find(without_article)
                .filter(|m| m.start() > 0 || without_article.contains(','))
            {
                return Some(self.expand(&strip_titles(m.as_str())));
            }
            let noun = lower
                .split_whitespace()
                .last()
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric());
            if let Some((_, name)) = self.roles.iter().rev().find(|(role, _)| role == noun) {
                return Some(name.clone());
            }
            // "the Texas governor" with no one introduced by that role: a role held by a person
            // refers back to the person last named.
            if PERSON_ROLES.contains(&noun)
                && let Some((_, name)) = self
                    .mentions
                    .iter()
                    .rev()
                    .find(|(p, _)| *p < at && *p >= at.saturating_sub(PRONOUN_REACH))
            {
                return Some(name.clone());
            }
            // An institution or an unnamed source: keep the phrase without its article.
            let phrase: Vec<&str> = subject.split_whitespace().skip(1).collect();
            return (!phrase.is_empty()).then(|| phrase.join(" "));
        }
        // "Kremlin spokesman Dmitry Peskov": the name is the capitalised run after the role.
        let words: Vec<&str> = subject.split_whitespace().collect();
        let from = words
            .iter()
            .rposition(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && !matches!(*w, "de" | "van" | "von" | "al" | "bin" | "da" | "del")
            })
            .map_or(0, |p| p + 1);
        let rest = &words[from.min(words.len())..];
        let lead = rest
            .iter()
            .take_while(|w| NOT_NAMES.contains(&w.to_lowercase().as_str()))
            .count();
        let name = strip_titles(&rest[lead.min(rest.len())..].join(" "));
        if name.is_empty() || NOT_NAMES.contains(&name.to_lowercase().as_str()) {
            return None;
        }
        Some(self.expand(&name))
    }

    /// The fullest form of `name` used in the document: same last word, most words.
    fn expand(&self, name: &str) -> String {
        let last = name.split_whitespace().last().unwrap_or(name);
        self.mentions
            .iter()
            .map(|(_, n)| n)
            .filter(|n| n.split_whitespace().last() == Some(last))
            .max_by_key(|n| n.split_whitespace().count())
            .filter(|n| n.split_whitespace().count() > name.split_whitespace().count())
            .cloned()
            .unwrap_or_else(|| name.to_owned())
    }
}

fn name_start(c: &regex::Captures<'_>) -> usize {
    c.name("name").map_or(0, |m| m.start())
}

/// Drops leading titles and a trailing possessive: "Mr. Trump's" → "Trump".
fn strip_titles(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| {
            TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str())
                || TITLES.contains(&w.to_lowercase().as_str())
        })
        .count();
    let kept = &words[skip.min(words.len().saturating_sub(1))..];
    let joined = kept.join(" ");
    joined
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches([',', '.', ':', ';'])
        .to_owned()
}

/// Unifies speaker names across documents: a name is replaced by the fullest name with the same
/// last word used anywhere ("Peskov" in one outlet, "Dmitry Peskov" in another).
pub fn unify_across(speakers: &mut [Option<String>]) {
    let names: Vec<String> = speakers.iter().flatten().cloned().collect();
    for speaker in speakers.iter_mut().flatten() {
        let last = speaker.split_whitespace().last().unwrap_or("").to_owned();
        if let Some(fuller) = names
            .iter()
            .filter(|n| {
                n.split_whitespace().last() == Some(last.as_str())
                    && n.split_whitespace().count() > speaker.split_whitespace().count()
            })
            .max_by_key(|n| (n.split_whitespace().count(), (*n).clone()))
        {
            *speaker = fuller.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::clean::clean;
    use crate::analysis::quotes::find_quotes;
    use crate::analysis::segment::segment;

    fn speakers(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let cleaned = clean(text);
        let seg = segment(text, &cleaned.kept);
        let quotes = find_quotes(text, &seg.paragraphs);
        attribute(text, &seg.sentences, &quotes)
            .into_iter()
            .zip(&quotes)
            .map(|(a, q)| (text[q.start..q.end].to_owned(), a.speaker, a.cue))
            .collect()
    }

    #[test]
    fn after_before_and_according_to() {
        let text = "Kremlin spokesman Dmitry Peskov spoke on Monday.\n\n\"The side remains open,\" Peskov told reporters.\n\nHe said that it \"all depends on our colleagues.\"\n\nAccording to Peskov, talks are \"quite possible\" soon.\n\n\"We are open to dialogue,\" the spokesman stressed.\n";
        let found = speakers(text);
        let who: Vec<Option<&str>> = found.iter().map(|(_, s, _)| s.as_deref()).collect();
        assert_eq!(who, vec![Some("Dmitry Peskov"); 4], "{found:?}");
        let cues: Vec<Option<&str>> = found.iter().map(|(_, _, c)| c.as_deref()).collect();
        assert_eq!(
            cues,
            vec![
                Some("told reporters"),
                Some("said"),
                Some("according to"),
                Some("stressed")
            ]
        );
    }

    #[test]
    fn said_before_the_name_and_institutions() {
        let text = "The vote was close.\n\n\"Of course I was surprised,\" said the legislator, Representative Carl Seel.\n\nThe council said in a statement that \"no household will be moved\" early.\n";
        let found = speakers(text);
        assert_eq!(found[0].1.as_deref(), Some("Carl Seel"));
        assert_eq!(found[1].1.as_deref(), Some("council"));
    }

    #[test]
    fn a_quote_paragraph_continues_the_speaker() {
        let text = "Mayor Ilse Marren spoke first.\n\n\"We will build it,\" Marren said.\n\n\"And we will pay for it.\"\n";
        let found = speakers(text);
        assert_eq!(found[1].1.as_deref(), Some("Ilse Marren"));
    }

    #[test]
    fn participles_pronouns_and_curly_quotes_before_names() {
        let text = "Suggesting that Mr. Ode lacked sympathy, Mr. Santo Rivas did not back down, saying, “I stand by it.”\n\n“Biden Rae spoke first.” Later Kim Bo was quick to retort: “That is wrong.”\n\nHe added: “We will see.”\n";
        let found = speakers(text);
        let who: Vec<Option<&str>> = found.iter().map(|(_, s, _)| s.as_deref()).collect();
        assert_eq!(who[0], Some("Santo Rivas"), "{found:?}");
        assert_eq!(who[2], Some("Kim Bo"), "{found:?}");
        assert_eq!(who[3], Some("Kim Bo"), "{found:?}");
    }

    #[test]
    fn it_said_goes_to_the_institution() {
        let text = "Kremlin aide Ivan Petrov spoke.\n\n\"We are ready,\" Petrov said.\n\nThe ministry said in a statement that it would \"act\" soon.\n\n\"Both sides agreed on the terms of the deal,\" it said.\n";
        let found = speakers(text);
        assert_eq!(
            found.last().and_then(|f| f.1.as_deref()),
            Some("ministry"),
            "{found:?}"
        );
    }

    #[test]
    fn names_unify_across_documents() {
        let mut speakers = vec![
            Some("Peskov".to_owned()),
            Some("Dmitry Peskov".to_owned()),
            None,
        ];
        unify_across(&mut speakers);
        assert_eq!(speakers[0].as_deref(), Some("Dmitry Peskov"));
    }
}
