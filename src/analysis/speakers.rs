//! Speakers: who said each quote, with which reporting verb, speaking for whom.
//!
//! The text is cut into word and punctuation tokens once. A pass over the tokens collects the
//! people the document names: a name is the run of capitalised words after any title or
//! description ("Kremlin spokesman Dmitry Peskov", "NAACP President Benjamin Todd Jealous"),
//! with the roles and affiliation the text gives it before the name or in an apposition
//! ("Lis Smith, a spokeswoman for the Obama campaign", "Jerrold Nadler, D-N.Y.").
//!
//! For each quote the clause around it is searched for a reporting verb from the lexicon
//! ([`ReportingVerbs`]), nearest first: after the quote (`," Peskov said`, `," said Peskov`,
//! `," Jim Manley, a spokesman for Mr. Reid, said`), before it (`He said: "..."`,
//! `Smith, who ..., said that "..."`), a participle taking the sentence's subject
//! (`Santorum did not back down, saying "..."`), then `according to X`. The verb's subject is
//! resolved to a canonical name: a short name to the fullest form in the document, a pronoun to
//! the sentence subject last named, a role ("the spokesman") to the person given that role, a
//! document ("the letter says", "the ad says") to whoever issued it, and an institution ("the
//! White House said") stays an institution. A quote with no cue of its own takes the speaker
//! of an earlier quote in its sentence, or of the quote before when it forms a paragraph of its
//! own (quotes running over several paragraphs).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::metadata::regex;
use super::quotes::QuoteSpan;
use super::segment::Sentence;
use super::verbs::{ReportingVerbs, VerbClass};

/// A quote's attribution.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Canonical name of the person or institution.
    pub speaker: Option<String>,
    /// The reporting verb phrase as written: "told reporters", "said", "according to".
    pub cue: Option<String>,
    /// The reporting verb's class in the lexicon.
    pub class: Option<VerbClass>,
    /// Whom the speaker speaks for, as the document says: "Obama campaign", "Kremlin".
    pub affiliation: Option<String>,
}

/// Titles dropped from the front of a name.
const TITLES_LIST: &[&str] = &[
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
    "lt",
    "col",
    "capt",
    "sgt",
    "adm",
    "sir",
    "dame",
    "lord",
    "lady",
    "mayor",
    "minister",
    "premier",
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
    "reverend",
    "bishop",
    "cardinal",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "ambassador",
    "councillor",
    "councilor",
    "commissioner",
    "attorney",
    "former",
    "ex",
    "u.s.",
    "us",
];
static TITLES: LazyLock<HashSet<&str>> = LazyLock::new(|| TITLES_LIST.iter().copied().collect());

/// Capitalised words that are not names (sentence openers, days, months, pronouns).
const NOT_NAMES_LIST: &[&str] = &[
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
    "or",
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
    "fellow",
    "update",
    "updated",
];
static NOT_NAMES: LazyLock<HashSet<&str>> =
    LazyLock::new(|| NOT_NAMES_LIST.iter().copied().collect());

/// Last words that make a capitalised run a place, body or title rather than a person.
const ORG_HEADS_LIST: &[&str] = &[
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
    "parties",
    "committee",
    "subcommittee",
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
    "senate",
    "congress",
    "assembly",
    "parliament",
    "government",
    "foundation",
    "institute",
    "commission",
    "board",
    "movement",
    "coalition",
    "alliance",
    "caucus",
    "organization",
    "organisation",
    "corporation",
    "inc",
    "corp",
    "ltd",
    "co",
    "club",
    "team",
    "army",
    "police",
    "force",
    "forces",
    "navy",
    "guard",
    "act",
    "bill",
    "law",
    "amendment",
    "constitution",
    "medicare",
    "medicaid",
    "obamacare",
    "program",
    "plan",
];
static ORG_HEADS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| ORG_HEADS_LIST.iter().copied().collect());

/// Role nouns that name a person (not a document or an institution).
const PERSON_ROLES_LIST: &[&str] = &[
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
    "counterpart",
    "chairman",
    "chairwoman",
    "chair",
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
    "member",
    "strategist",
    "consultant",
    "pollster",
    "expert",
    "researcher",
    "scholar",
    "critic",
    "supporter",
    "opponent",
    "resident",
    "source",
    "protester",
    "advocate",
    "witness",
    "investigator",
    "prosecutor",
    "plaintiff",
    "defendant",
    "employee",
    "worker",
    "voter",
    "manager",
    "head",
    "commissioner",
    "mogul",
    "hopeful",
    "contender",
    "challenger",
    "incumbent",
    "speaker",
    "coordinator",
    "counsel",
    "author",
    "writer",
    "editor",
    "reporter",
    "correspondent",
    "columnist",
    "blogger",
];
static PERSON_ROLES: LazyLock<HashSet<&str>> =
    LazyLock::new(|| PERSON_ROLES_LIST.iter().copied().collect());

/// Words that qualify a role or a body inside a noun phrase ("former deputy press secretary").
const MODIFIERS_LIST: &[&str] = &[
    "former",
    "ex",
    "deputy",
    "senior",
    "top",
    "press",
    "vice",
    "acting",
    "current",
    "longtime",
    "fellow",
    "communications",
    "national",
    "federal",
    "state",
    "foreign",
    "prime",
    "advisory",
    "assistant",
    "associate",
    "regional",
    "local",
    "special",
    "presidential",
    "outgoing",
    "incoming",
    "new",
    "veteran",
    "lead",
    "defense",
    "defence",
    "finance",
    "interior",
    "civil",
    "rights",
    "real",
    "estate",
    "district",
    "campaign",
    "party",
    "union",
    "house",
    "senate",
    "white",
    "city",
    "county",
    "police",
];
static MODIFIERS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| MODIFIERS_LIST.iter().copied().collect());

/// Documents that "say" things on behalf of whoever issued them.
const DOCUMENTS: &[&[&str]] = &[
    &["ad", "advertisement", "spot", "commercial", "video"],
    &["letter"],
    &["statement", "release"],
    &["resolution", "measure"],
    &["report", "study", "survey", "poll"],
    &["memo", "memorandum"],
    &["email", "e-mail"],
    &["tweet", "post"],
    &["lawsuit", "suit", "complaint", "filing", "petition"],
    &["ruling", "decision", "opinion"],
    &["editorial", "column"],
    &["website", "site", "blog"],
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those",
    "another",
];

/// Nouns for women and for men, before a name: "his wife, Huma Abedin".
const FEMALE_NOUNS: &[&str] = &[
    "wife",
    "mother",
    "daughter",
    "sister",
    "widow",
    "girlfriend",
    "grandmother",
    "aunt",
    "niece",
    "woman",
    "actress",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "mrs",
    "ms",
    "queen",
    "princess",
];
const MALE_NOUNS: &[&str] = &[
    "husband",
    "father",
    "son",
    "brother",
    "widower",
    "boyfriend",
    "grandfather",
    "uncle",
    "nephew",
    "man",
    "actor",
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "king",
    "prince",
];

/// Words giving a quantity before a noun phrase's head.
const QUANTIFIERS_LIST: &[&str] = &[
    "more",
    "than",
    "less",
    "fewer",
    "about",
    "nearly",
    "almost",
    "some",
    "several",
    "many",
    "all",
    "dozens",
    "hundreds",
    "thousands",
    "of",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "over",
    "close",
    "to",
    "roughly",
    "around",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "half",
];
static QUANTIFIERS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| QUANTIFIERS_LIST.iter().copied().collect());

/// Words between a subject and its verb that do not belong to either: "Ryan also said".
const BETWEEN_LIST: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "previously",
    "once",
    "has",
    "had",
    "have",
    "recently",
    "repeatedly",
    "earlier",
    "just",
    "already",
    "initially",
    "further",
    "often",
    "separately",
    "subsequently",
    "similarly",
    "was",
    "were",
    "is",
    "are",
    "had",
    "would",
    "will",
    "did",
    "does",
    "not",
    "never",
    "himself",
    "herself",
    "themselves",
    "itself",
];
static BETWEEN: LazyLock<HashSet<&str>> = LazyLock::new(|| BETWEEN_LIST.iter().copied().collect());

/// Words that open a clause before a sentence's subject.
const SUBORDINATORS_LIST: &[&str] = &[
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
    "if",
    "because",
    "with",
    "without",
    "for",
    "of",
    "amid",
    "under",
    "from",
    "by",
    "to",
];
static SUBORDINATORS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| SUBORDINATORS_LIST.iter().copied().collect());

/// Words that open a sentence before its subject and are not part of it.
const OPENERS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "still",
    "meanwhile",
    "however",
    "also",
    "then",
    "now",
    "instead",
    "indeed",
    "later",
    "earlier",
    "separately",
];

/// Prepositions after which a name is not the subject of its sentence.
const PREPOSITIONS_LIST: &[&str] = &[
    "of", "in", "on", "at", "for", "with", "by", "from", "to", "about", "against", "after",
    "before", "under", "over", "into", "through", "during", "like", "as", "near", "toward",
    "towards", "across", "around", "between", "among", "than",
];
static PREPOSITIONS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| PREPOSITIONS_LIST.iter().copied().collect());

/// Courtesy titles: they say nothing about the person.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam"];

/// Capitalised words before a name that do not describe anyone (beside [`OPENERS`] and
/// [`PREPOSITIONS`]).
const NOT_LABELS: &[&str] = &[
    "when",
    "while",
    "if",
    "since",
    "today",
    "yesterday",
    "tonight",
    "last",
    "asked",
    "speaking",
    "according",
];

/// Words that turn an apposition into a clause: not a description of the person.
const APPOSITION_STOPS: &[&str] = &[
    "who", "which", "that", "said", "says", "told", "added", "is", "was", "are", "were", "has",
    "had", "will", "would", "and",
];

/// Particles inside names: "Ursula von der Leyen", "Charles de Gaulle".
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "bin", "al", "da", "del", "la", "le", "du", "di", "dos",
    "das", "ibn",
];

/// Words whose trailing period is part of the word, not the end of a sentence.
const ABBREVIATIONS_LIST: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "jr", "sr",
    "prof", "rev", "mt", "ft", "capt", "cmdr", "adm", "no", "vs", "calif", "mo", "md", "minn",
    "mass", "conn", "ill", "fla", "ga", "tex", "wash", "ore", "ariz", "colo", "mich", "wis", "pa",
    "va", "ky", "tenn", "ala", "miss", "okla", "kan", "neb", "nev", "del", "ind", "la", "wyo",
    "mont", "ark", "vt", "nh", "nj", "ny", "nc", "sc", "nd", "sd", "wva", "inc", "corp", "ltd",
    "co",
];
static ABBREVIATIONS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| ABBREVIATIONS_LIST.iter().copied().collect());

/// How far back (bytes) a pronoun or a document looks for what it stands for.
const PRONOUN_REACH: usize = 600;
const DOCUMENT_REACH: usize = 3000;
/// At most this many tokens between a reporting verb and the quote it introduces.
const CUE_REACH: usize = 40;
/// How many earlier quotes a quote looks back over: for the speaker it continues, for one in
/// its sentence that lends its cue, and ("it said") for the institution that spoke. A fixed
/// reach keeps attribution linear however many quotes a paragraph holds.
const QUOTE_REACH: usize = 50;
/// At most this many tokens of a sentence are read back from a quote or a name (an opening
/// clause, "according to"): more than any real sentence holds, and a fixed reach keeps the work
/// linear in a "sentence" that never ends.
const SENTENCE_REACH: usize = 200;
/// How far back (bytes) before a pronoun's reach a long sentence is still read for names.
const SENTENCE_BYTES: usize = 4000;
/// At most this many people of one last name are tried when a name could be one of them.
const NAMESAKES: usize = 32;
/// At most this many roles are kept for one person.
const MAX_ROLES: usize = 16;

/// "the White House said", "The ministry announced": an institution speaking.
static INSTITUTION_SAID: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:the|The)\s+(?P<s>\p{Lu}[\p{L}-]*(?:[ \t]+\p{Lu}[\p{L}-]*){0,3}|[a-z]+)\s+(?:said|says|announced|stated)\b",
    )
});

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
}

/// Cuts text into words (letters and digits with inner `' ’ - .`, plus the period of an
/// abbreviation or initial) and single punctuation characters.
fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            toks.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                word: false,
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            let joiner = matches!(d, '\'' | '’' | '-' | '.' | '&')
                && text[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if d.is_alphanumeric() || joiner {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        // "Mr.", "L.", "U.S.", "D-N.Y.": the period belongs to the word.
        if text[end..].starts_with('.') {
            let word = &text[i..end];
            let lower = word.to_lowercase();
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if initial || word.contains('.') || ABBREVIATIONS.contains(&lower.as_str()) {
                end += 1;
                chars.next();
            }
        }
        toks.push(Tok {
            start: i,
            end,
            word: true,
        });
    }
    toks
}

/// A word without its abbreviation period or possessive, lower-cased.
fn bare(word: &str) -> String {
    strip_possessive(word.trim_end_matches('.')).to_lowercase()
}

/// A word or name without its possessive ending: "Putin’s" → "Putin", "Jones’" → "Jones".
pub(crate) fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A role noun held by a person, singular or plural ("officials").
fn person_role(lower: &str) -> bool {
    PERSON_ROLES.contains(&lower)
        || lower
            .strip_suffix('s')
            .is_some_and(|s| PERSON_ROLES.contains(&s))
        || lower == "spokespeople"
        || lower == "police"
        || lower == "authorities"
}

fn document_noun(lower: &str) -> Option<usize> {
    DOCUMENTS.iter().position(|family| family.contains(&lower))
}

/// Party codes after a legislator's name: "D-N.Y.", "R-Minn.".
fn party(word: &str) -> Option<&'static str> {
    let (code, rest) = word.split_once('-')?;
    if rest.is_empty() || !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    match code {
        "D" => Some("Democrat"),
        "R" => Some("Republican"),
        "I" => Some("Independent"),
        _ => None,
    }
}

/// The title a word stands for, as a role: "Gov." → "governor".
fn title_role(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "gov" | "governor" => "governor",
        "sen" | "senator" => "senator",
        "rep" | "representative" | "congressman" | "congresswoman" => "representative",
        "gen" | "general" => "general",
        "president" => "president",
        "mayor" => "mayor",
        "sheriff" => "sheriff",
        "secretary" => "secretary",
        "judge" => "judge",
        "justice" => "justice",
        "minister" => "minister",
        "chancellor" => "chancellor",
        "ambassador" => "ambassador",
        "speaker" => "speaker",
        "spokesman" => "spokesman",
        "spokeswoman" => "spokeswoman",
        "spokesperson" => "spokesperson",
        "chairman" => "chairman",
        "chairwoman" => "chairwoman",
        "premier" => "premier",
        "commissioner" => "commissioner",
        "bishop" => "bishop",
        "cardinal" => "cardinal",
        "pope" => "pope",
        "father" | "rev" | "reverend" => "priest",
        _ => return None,
    })
}

/// A person the document names.
#[derive(Debug, Clone, Default)]
struct Person {
    name: String,
    /// The name's words, [`bare`].
    words: Vec<String>,
    roles: Vec<String>,
    affiliation: Option<String>,
    /// Evidence of how the text refers to the person: positive for "he" (Mr., spokesman,
    /// "his" after the name), negative for "she".
    gender: i32,
}

/// A place in the text where a person is named.
#[derive(Debug, Clone, Copy)]
struct Mention {
    /// Token index of the name's first word.
    tok: usize,
    person: usize,
    /// The name opens its sentence (after titles, descriptions or an opening clause).
    subject: bool,
    /// The name may be a clause's subject: not after a preposition, not a possessive.
    agent: bool,
    /// The name is inside a quote: the speaker's words, not the writer's.
    quoted: bool,
}

/// Who or what a noun phrase stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Speaker {
    name: String,
    person: bool,
    affiliation: Option<String>,
}

struct Doc<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// Per token: [`bare`] of its word (empty for punctuation).
    lows: Vec<Box<str>>,
    /// Per token: the index of the first token of its sentence.
    sentence_start: Vec<usize>,
    /// Per token: whether it is in a sentence of the article (not removed page furniture).
    kept: Vec<bool>,
    verbs: &'a ReportingVerbs,
    /// Byte ranges of the quotes, in order.
    quoted: Vec<(usize, usize)>,
    people: Vec<Person>,
    /// Last name (bare) → the people who bear it.
    by_last: BTreeMap<String, Vec<usize>>,
    /// Name → the people who bear it, the first first.
    by_name: BTreeMap<String, BTreeSet<usize>>,
    /// Role → the first person given it (made once the people are known).
    by_role: BTreeMap<String, usize>,
    mentions: Vec<Mention>,
    /// How the writer describes a person at a mention: (person, start, end) in bytes.
    labels: Vec<(usize, usize, usize)>,
}

/// How a document describes a person where it names them: the words before the name
/// ("Kremlin spokesman") or an apposition after it ("a spokeswoman for the campaign").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The person's name, in its fullest form in the document.
    pub name: String,
    pub start: usize,
    pub end: usize,
}

/// A document's attributions and labels.
#[derive(Debug, Clone, Default)]
pub struct Attributed {
    /// One per quote, in order.
    pub attributions: Vec<Attribution>,
    /// In text order.
    pub labels: Vec<Label>,
}

/// Attributes each quote of one document, and collects how it labels the people it names.
#[must_use]
pub fn attribute(
    text: &str,
    sentences: &[Sentence],
    quotes: &[QuoteSpan],
    verbs: &ReportingVerbs,
) -> Attributed {
    let doc = Doc::new(text, sentences, quotes, verbs);
    let mut out: Vec<Attribution> = Vec::with_capacity(quotes.len());
    for i in 0..quotes.len() {
        let found = doc.attribute_one(quotes, i, &out);
        out.push(found);
    }
    let labels = doc
        .labels
        .iter()
        .map(|&(person, start, end)| Label {
            name: doc.people[person].name.clone(),
            start,
            end,
        })
        .collect();
    Attributed {
        attributions: out,
        labels,
    }
}

impl<'a> Doc<'a> {
    fn new(
        text: &'a str,
        sentences: &[Sentence],
        quotes: &[QuoteSpan],
        verbs: &'a ReportingVerbs,
    ) -> Self {
        let toks = tokenize(text);
        let lows = toks
            .iter()
            .map(|t| {
                if t.word {
                    bare(&text[t.start..t.end]).into_boxed_str()
                } else {
                    Box::from("")
                }
            })
            .collect();
        let mut sentence_start = Vec::with_capacity(toks.len());
        let mut kept = Vec::with_capacity(toks.len());
        let mut k = 0;
        let mut first = 0;
        for (i, t) in toks.iter().enumerate() {
            while k < sentences.len() && sentences[k].end <= t.start {
                k += 1;
            }
            if let Some(s) = sentences.get(k)
                && s.start <= t.start
                && (i == 0 || toks[i - 1].start < s.start)
            {
                first = i;
            }
            sentence_start.push(first);
            kept.push(sentences.get(k).is_some_and(|s| s.start <= t.start));
        }
        let mut doc = Doc {
            text,
            toks,
            lows,
            sentence_start,
            kept,
            verbs,
            quoted: quotes.iter().map(|q| (q.start, q.end)).collect(),
            people: Vec::new(),
            by_last: BTreeMap::new(),
            by_name: BTreeMap::new(),
            by_role: BTreeMap::new(),
            mentions: Vec::new(),
            labels: Vec::new(),
        };
        doc.collect_people();
        for (k, person) in doc.people.iter().enumerate() {
            for role in &person.roles {
                doc.by_role.entry(role.clone()).or_insert(k);
            }
        }
        doc
    }

    /// The first person called `name` exactly.
    fn person_named(&self, name: &str) -> Option<usize> {
        self.by_name
            .get(name)
            .and_then(|people| people.first().copied())
    }

    /// Renames a person, keeping the index by name.
    fn rename(&mut self, person: usize, name: &str) {
        self.people[person].words = name.split_whitespace().map(bare).collect();
        let old = std::mem::replace(&mut self.people[person].name, name.to_owned());
        if let Some(people) = self.by_name.get_mut(&old) {
            people.remove(&person);
            if people.is_empty() {
                self.by_name.remove(&old);
            }
        }
        self.by_name
            .entry(name.to_owned())
            .or_default()
            .insert(person);
    }

    fn w(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        &self.text[t.start..t.end]
    }

    /// The word at `i` without its abbreviation period or possessive, lower-cased (computed
    /// once per token).
    fn low(&self, i: usize) -> &str {
        self.lows.get(i).map_or("", |w| w.as_ref())
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.word)
    }

    fn is(&self, i: usize, chars: &[char]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| !t.word && self.text[t.start..].starts_with(chars))
    }

    /// Sentence-ending punctuation or a quote mark: a cue never reaches across either.
    fn is_barrier(&self, i: usize) -> bool {
        self.is(
            i,
            &[
                '.', '!', '?', ';', '"', '“', '”', '„', '«', '»', '‹', '›', '‘',
            ],
        ) || (self.is(i, &['\'']) && !self.is_word(i + 1))
            || (i > 0 && self.text[self.toks[i - 1].end..self.toks[i].start].contains("\n\n"))
    }

    /// Whether the word at `i` can be part of a name: capitalised, not a title, body or
    /// sentence opener.
    fn name_word(&self, i: usize) -> bool {
        let w = self.w(i);
        if !self.is_word(i) || !capitalised(w) || party(w).is_some() {
            return false;
        }
        let lower = self.low(i);
        let acronym = w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase);
        !acronym
            && !TITLES.contains(&lower)
            && !ORG_HEADS.contains(&lower)
            && !NOT_NAMES.contains(&lower)
            && !lower.chars().all(|c| c.is_ascii_digit())
    }

    /// A capitalised word or a particle between capitalised words, with nothing between.
    fn run_word(&self, i: usize) -> bool {
        self.is_word(i) && capitalised(self.w(i))
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        !self.text[self.toks[a].end..self.toks[b].start].contains('\n')
    }

    /// The name at the end of the token range: its first token, if it has one.
    fn name_tail(&self, from: usize, to: usize) -> Option<usize> {
        let mut first = to;
        while first > from {
            let i = first - 1;
            let particle =
                PARTICLES.contains(&self.w(i)) && first < to && i > from && self.name_word(i - 1);
            let possessive_inside = is_possessive(self.w(i)) && i + 1 < to;
            if (self.name_word(i) || particle) && !possessive_inside && to - i <= 4 {
                first = i;
            } else {
                break;
            }
        }
        // A name does not start with a particle.
        while first < to && PARTICLES.contains(&self.w(first)) {
            first += 1;
        }
        (first < to).then_some(first)
    }

    fn join(&self, from: usize, to: usize) -> String {
        let words: Vec<&str> = (from..to).map(|i| self.w(i)).collect();
        let mut name = words.join(" ");
        let trimmed = strip_possessive(&name).len();
        name.truncate(trimmed);
        name
    }

    /// Finds every person named: full names, titled last names ("Mr. Reid"), and last names
    /// of people already named.
    fn collect_people(&mut self) {
        let n = self.toks.len();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.run_word(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n
                && self.adjacent(j - 1, j)
                && !is_possessive(self.w(j - 1))
                && (self.run_word(j) || (PARTICLES.contains(&self.w(j)) && self.run_word(j + 1)))
            {
                j += 1;
            }
            runs.push((i, j));
            i = j;
        }
        // Full names and titled names first, then bare last names of those people.
        let mut singles = Vec::new();
        for &(from, to) in &runs {
            // Names in page furniture ("Persons: Donald Trump Dmitry Peskov") name nobody.
            if !self.kept[from] {
                continue;
            }
            let Some(first) = self.name_tail(from, to) else {
                continue;
            };
            let titled = first > from && TITLES.contains(&self.low(first - 1));
            if to - first >= 2 || titled {
                let before = if first > from {
                    Some(self.low(first - 1))
                } else {
                    from.checked_sub(1).map(|p| self.low(p))
                };
                // "in New York", "at Calder University": after a preposition, a place (unless
                // a title says it is a person).
                let place = !titled
                    && before.is_some_and(|b| PREPOSITIONS.contains(&b))
                    && !(from >= 2 && self.low(from - 2) == "according");
                let name = self.join(first, to);
                if place && self.person_named(&name).is_none() {
                    continue;
                }
                let person = self.person_for(&name, to - first == 1);
                self.describe(person, from, first, to);
                self.mentions.push(Mention {
                    tok: first,
                    person,
                    subject: false,
                    agent: false,
                    quoted: false,
                });
            } else {
                singles.push(first);
            }
        }
        // Singles and full mentions are both in text order: sweep once, remembering where each
        // person was last named.
        let full = self.mentions.len();
        let mut last_seen = vec![None; self.people.len()];
        let mut next = 0;
        for first in singles {
            while next < full && self.mentions[next].tok < first {
                last_seen[self.mentions[next].person] = Some(self.mentions[next].tok);
                next += 1;
            }
            let candidates = self
                .by_last
                .get(self.low(first))
                .map_or(&[][..], Vec::as_slice);
            // The person of that name mentioned last before this point, else the first.
            let person = candidates
                .iter()
                .filter_map(|&p| last_seen[p].map(|tok| (tok, p)))
                .max()
                .map(|(_, p)| p)
                .or_else(|| candidates.first().copied());
            if let Some(person) = person {
                self.mentions.push(Mention {
                    tok: first,
                    person,
                    subject: false,
                    agent: false,
                    quoted: false,
                });
            }
        }
        self.mentions.sort_by_key(|m| m.tok);
        for k in 0..self.mentions.len() {
            let tok = self.mentions[k].tok;
            let at = self.toks[tok].start;
            let start = self.premodifier_start(tok);
            let after_preposition = start > 0 && PREPOSITIONS.contains(&self.low(start - 1));
            // A name runs at most a few words on (a long run of capitalised words is no name).
            let run = (tok..self.toks.len().min(tok + 8))
                .take_while(|&i| self.is_word(i) && capitalised(self.w(i)))
                .last();
            let possessive = run.is_some_and(|i| is_possessive(self.w(i)));
            let q = self.quoted.partition_point(|&(s, _)| s <= at);
            let quoted = q > 0 && at < self.quoted[q - 1].1;
            // "the Obama administration": a name used as a modifier is nobody's subject.
            let end = run.map_or(tok, |i| i + 1);
            let modifier = self.is_word(end)
                && !capitalised(self.w(end))
                && (ORG_HEADS.contains(&self.low(end)) || person_role(self.low(end)));
            let agent = !after_preposition && !possessive && !quoted && !modifier;
            // "For Ms. Stanek, the timetable ...": a fronted topic.
            let topic = after_preposition
                && !quoted
                && start >= 1
                && self.sentence_start[tok] == start - 1
                && self.is(end, &[',']);
            let subject = (agent && self.opens_sentence(tok)) || topic;
            if !quoted && self.kept[tok] {
                let person = self.mentions[k].person;
                let before = self.premodifier_label(start, tok);
                let after = (!possessive).then(|| self.apposition_label(end)).flatten();
                for (from, to) in before.into_iter().chain(after) {
                    self.labels
                        .push((person, self.toks[from].start, self.toks[to - 1].end));
                }
            }
            let m = &mut self.mentions[k];
            m.quoted = quoted;
            m.agent = agent;
            m.subject = subject;
            let person = m.person;
            let evidence = self.gender_evidence(tok);
            self.people[person].gender += evidence;
        }
    }

    /// The person called `name`: an earlier person whose name holds all its words, or a new one.
    fn person_for(&mut self, name: &str, single: bool) -> usize {
        let words: Vec<String> = name.split_whitespace().map(bare).collect();
        let last = words.last().cloned().unwrap_or_default();
        let same = |p: &Person| {
            let theirs = &p.words;
            single
                || words.iter().all(|w| theirs.contains(w))
                || theirs.iter().all(|w| words.contains(w))
        };
        let known = self.by_last.get(&last).map_or(&[][..], Vec::as_slice);
        // Past the first few namesakes, only the same name is the same person.
        let found = known
            .iter()
            .take(NAMESAKES)
            .copied()
            .find(|&k| same(&self.people[k]))
            .or_else(|| self.person_named(name));
        if let Some(k) = found {
            if name.split_whitespace().count() > self.people[k].name.split_whitespace().count() {
                self.rename(k, name);
            }
            return k;
        }
        self.people.push(Person::default());
        let k = self.people.len() - 1;
        self.rename(k, name);
        self.by_last.entry(last).or_default().push(k);
        k
    }

    /// Records the roles and affiliation the text gives a person around one mention: titles
    /// and descriptions before the name (`from..first`), further description words before the
    /// run, and an apposition after it.
    fn describe(&mut self, person: usize, from: usize, first: usize, to: usize) {
        let start = self.premodifier_start(from);
        let (roles, affiliation) = self.roles_and_body(start, first);
        let (more_roles, apposed) = self.apposition(to);
        let p = &mut self.people[person];
        for role in roles.into_iter().chain(more_roles) {
            if !p.roles.contains(&role) && p.roles.len() < MAX_ROLES {
                p.roles.push(role);
            }
        }
        if p.affiliation.is_none() {
            p.affiliation = affiliation.or(apposed);
        }
    }

    /// Whether the word at `i` can describe a person or body: a capitalised word, a role, a
    /// modifier or a body's head ("Kremlin", "spokesman", "former", "campaign").
    fn describes(&self, i: usize) -> bool {
        let lower = self.low(i);
        (capitalised(self.w(i)) && !NOT_NAMES.contains(&lower))
            || person_role(lower)
            || MODIFIERS.contains(&lower)
            || ORG_HEADS.contains(&lower)
            || lower.starts_with("ex-")
    }

    /// Whether the word at `i` belongs in a noun phrase: a describing word, a document noun,
    /// or a name particle when not at the phrase's edge (`inside`).
    fn in_phrase(&self, i: usize, inside: bool) -> bool {
        self.describes(i)
            || document_noun(self.low(i)).is_some()
            || (inside && PARTICLES.contains(&self.w(i)))
    }

    /// Where the description before a name begins: capitalised words, role and modifier words
    /// back to a determiner, punctuation or any other word.
    fn premodifier_start(&self, from: usize) -> usize {
        let mut start = from;
        while start > 0 && from - start < 8 {
            let i = start - 1;
            if !self.is_word(i) || !self.adjacent(i, start) {
                break;
            }
            if self.describes(i) {
                start = i;
            } else {
                break;
            }
        }
        start
    }

    /// The description before a name, as a token range, when it says more than a courtesy
    /// title: "Kremlin spokesman", "Russian President", "Putin's spokesman".
    fn premodifier_label(&self, mut start: usize, name: usize) -> Option<(usize, usize)> {
        while start < name && {
            let lower = self.low(start);
            !self.describes(start)
                || OPENERS.contains(&lower)
                || PREPOSITIONS.contains(&lower)
                || NOT_LABELS.contains(&lower)
                || self.opening_verb(start)
        } {
            start += 1;
        }
        let mut end = name;
        while end > start && HONORIFICS.contains(&self.low(end - 1)) {
            end -= 1;
        }
        (start < end && (start..end).any(|i| self.is_role(i))).then_some((start, end))
    }

    /// Whether the word at `i` opens its sentence as a verb form, capitalised only for its
    /// place ("Following President Obama's speech", "Asked about Senator Reid").
    fn opening_verb(&self, i: usize) -> bool {
        let lower = self.low(i);
        self.sentence_start[i] == i
            && !self.is_role(i)
            && (lower.ends_with("ing")
                || lower.ends_with("ed")
                || self.verbs.find(&[lower]).is_some())
    }

    /// Whether the word at `i` says what a person is: a role, a title or a party.
    fn is_role(&self, i: usize) -> bool {
        let lower = self.low(i);
        person_role(lower) || title_role(lower).is_some() || party(self.w(i)).is_some()
    }

    /// An apposition after the name ending before token `end`, as a token range: ", a
    /// spokeswoman for the Obama campaign," → "a spokeswoman for the Obama campaign".
    fn apposition_label(&self, end: usize) -> Option<(usize, usize)> {
        if !(self.is(end, &[',']) || self.is(end, &['('])) || !self.is_word(end + 1) {
            return None;
        }
        let first = end + 1;
        let opens = DETERMINERS.contains(&self.low(first)) || self.describes(first);
        if !opens || matches!(self.low(first), "this" | "that" | "these" | "those") {
            return None;
        }
        let mut to = first;
        while to < self.toks.len() && self.is_word(to) && to - first < 12 {
            to += 1;
        }
        let closed = to >= self.toks.len() || !self.is_word(to);
        let clause = (first..to).any(|i| {
            APPOSITION_STOPS.contains(&self.low(i)) || self.verbs.find(&[self.low(i)]).is_some()
        });
        let role = (first..to).any(|i| self.is_role(i));
        (closed && role && !clause).then_some((first, to))
    }

    /// Roles (lower-case role nouns and titles) and the body named in a description:
    /// "Obama campaign spokeswoman" → (["spokeswoman"], "Obama campaign").
    fn roles_and_body(&self, from: usize, to: usize) -> (Vec<String>, Option<String>) {
        let mut roles = Vec::new();
        let mut body: Vec<&str> = Vec::new();
        let mut body_done = false;
        for i in from..to {
            let w = self.w(i);
            let lower = self.low(i);
            if let Some(role) = title_role(lower) {
                roles.push(role.to_owned());
                body_done |= !body.is_empty();
            } else if person_role(lower) && !capitalised(w) {
                roles.push(lower.to_owned());
                body_done |= !body.is_empty();
            } else if !body_done
                && (capitalised(w) && !NOT_NAMES.contains(&lower)
                    || (!body.is_empty() && ORG_HEADS.contains(&lower)))
                && !TITLES.contains(&lower)
            {
                body.push(strip_possessive(w));
            }
        }
        let body = (!body.is_empty()).then(|| body.join(" "));
        (roles, body)
    }

    /// An apposition after a name: ", a spokeswoman for the Obama campaign,", ", D-N.Y.,",
    /// " (R-Minn.)". Returns its roles and the body it names.
    fn apposition(&self, to: usize) -> (Vec<String>, Option<String>) {
        if !(self.is(to, &[',']) || self.is(to, &['('])) {
            return (Vec::new(), None);
        }
        let mut roles = Vec::new();
        let mut body = None;
        let mut i = to + 1;
        let limit = (to + 16).min(self.toks.len());
        while i < limit && self.is_word(i) {
            let w = self.w(i);
            let lower = self.low(i);
            if let Some(p) = party(w) {
                body.get_or_insert_with(|| p.to_owned());
            } else if matches!(lower, "democrat" | "republican") && capitalised(w) {
                body.get_or_insert_with(|| strip_possessive(w).to_owned());
            } else if person_role(lower) && !capitalised(w) {
                roles.push(lower.to_owned());
            } else if matches!(lower, "for" | "of" | "at" | "with" | "from") {
                // "a spokeswoman for the Obama campaign": the body follows the preposition.
                let mut j = i + 1;
                while j < limit && DETERMINERS.contains(&self.low(j)) {
                    j += 1;
                }
                let start = j;
                while j < limit
                    && self.is_word(j)
                    && (capitalised(self.w(j)) || (j > start && ORG_HEADS.contains(&self.low(j))))
                {
                    j += 1;
                }
                if j > start && body.is_none() {
                    let words: Vec<&str> = (start..j)
                        .map(|k| self.w(k))
                        .filter(|w| !TITLES.contains(&bare(w).as_str()))
                        .map(strip_possessive)
                        .collect();
                    body = (!words.is_empty()).then(|| words.join(" "));
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
        (roles, body)
    }

    /// How the text refers to the person named at `tok`: a title before the name (Mr., Ms.),
    /// or the first personal pronoun after it in its sentence.
    fn gender_evidence(&self, tok: usize) -> i32 {
        if let Some(p) = tok.checked_sub(1) {
            match self.low(p) {
                "mr" | "sir" | "lord" | "king" | "prince" => return 3,
                "ms" | "mrs" | "miss" | "dame" | "lady" | "queen" | "princess" => return -3,
                _ => {}
            }
        }
        // "his wife, Huma Abedin", "actress Ana Lind".
        let mut p = self.premodifier_start(tok);
        if p > 0 && self.is(p - 1, &[',']) {
            p -= 1;
        }
        if let Some(q) = p.checked_sub(1).filter(|&q| self.is_word(q)) {
            let word = self.low(q);
            if FEMALE_NOUNS.contains(&word) {
                return -2;
            }
            if MALE_NOUNS.contains(&word) {
                return 2;
            }
        }
        let description = self.roles_and_body(self.premodifier_start(tok), tok).0;
        if let Some(role) = description.last() {
            if role.ends_with("woman") {
                return -2;
            }
            if role.ends_with("man") {
                return 2;
            }
        }
        let sentence = self.sentence_start[tok];
        for i in tok + 1..(tok + 16).min(self.toks.len()) {
            if self.sentence_start[i] != sentence || self.is_barrier(i) {
                break;
            }
            match self.low(i) {
                "he" | "his" | "him" | "himself" => return 1,
                "she" | "her" | "hers" | "herself" => return -1,
                _ => {}
            }
        }
        0
    }

    /// Whether the name starting at token `tok` is its sentence's subject: it opens the
    /// sentence (after its description), or the clause after an opening subordinate clause.
    fn opens_sentence(&self, tok: usize) -> bool {
        let first = self.sentence_start[tok];
        let start = self.premodifier_start(tok);
        let mut i = first;
        while i < start && OPENERS.contains(&self.low(i)) {
            i += 1;
        }
        if i == start {
            return true;
        }
        // "In his interview with Fox News, Ryan ...": a clause opened by a subordinator or a
        // participle, then a comma, then the name.
        let opener = self.low(i);
        let clause = SUBORDINATORS.contains(&opener) || opener.ends_with("ing");
        clause
            && start > first
            && start - first <= SENTENCE_REACH
            && self.is(start - 1, &[','])
            && !(first..start - 1).any(|k| self.is(k, &[',']))
    }

    fn mention_at(&self, tok: usize) -> Option<&Mention> {
        let k = self.mentions.partition_point(|m| m.tok < tok);
        self.mentions.get(k).filter(|m| m.tok == tok)
    }

    fn speaker_of(&self, person: usize) -> Speaker {
        let p = &self.people[person];
        Speaker {
            name: p.name.clone(),
            person: true,
            affiliation: p.affiliation.clone(),
        }
    }

    /// Attributes quote `index`, given the attributions of the quotes before it.
    fn attribute_one(
        &self,
        quotes: &[QuoteSpan],
        index: usize,
        earlier: &[Attribution],
    ) -> Attribution {
        let quote = &quotes[index];
        let open = self.toks.partition_point(|t| t.start < quote.open);
        let close = self.toks.partition_point(|t| t.start < quote.close);
        // Only quotes of the last few paragraphs matter (and the scan stays short).
        let nearby = |k: &usize| quotes[*k].paragraph + 3 >= quote.paragraph;
        let previous = (0..index)
            .rev()
            .take(QUOTE_REACH)
            .take_while(nearby)
            .find(|&k| {
                more_than_three_words(self.text, &quotes[k]) && earlier[k].speaker.is_some()
            });
        let previous_speaker = previous.and_then(|k| earlier[k].speaker.as_deref());
        let found = self
            .cue_after(close, quote.close)
            .or_else(|| self.cue_before(open))
            .or_else(|| self.according_to(open, close));
        if let Some((subject, cue)) = found {
            let speaker = match subject {
                Subject::Phrase(from, to) => self.resolve(from, to, previous_speaker, earlier),
                Subject::OfSentence(at) => self
                    .sentence_subject(at)
                    .and_then(|(from, to)| self.resolve(from, to, previous_speaker, earlier)),
            };
            if let Some(speaker) = speaker {
                return Attribution {
                    speaker: Some(speaker.name),
                    class: cue.class,
                    cue: Some(cue.text),
                    affiliation: speaker.affiliation,
                };
            }
        }
        // No cue of its own: an earlier quote in the same sentence ("called the deal "unfair"
        // and "reckless"") lends its speaker.
        let sentence = self.sentence_start.get(open).copied().unwrap_or(usize::MAX);
        if let Some(k) = (0..index)
            .rev()
            .take(QUOTE_REACH)
            .take_while(nearby)
            .find(|&k| {
                let o = self.toks.partition_point(|t| t.start < quotes[k].open);
                self.sentence_start.get(o) == Some(&sentence)
                    && quotes[k].paragraph == quote.paragraph
                    && earlier[k].speaker.is_some()
            })
        {
            return earlier[k].clone();
        }
        // A quote that opens its sentence or paragraph goes on with the previous speaker
        // (`"...," Arpaio said. "Governor Perry has ..."`, quotes over several paragraphs).
        let stands_alone = open >= self.toks.len()
            || self.sentence_start[open] == open
            || open == 0
            || !self.adjacent(open - 1, open);
        if stands_alone
            && let Some(k) = previous.filter(|&k| quotes[k].paragraph + 1 >= quote.paragraph)
        {
            return Attribution {
                cue: None,
                class: None,
                ..earlier[k].clone()
            };
        }
        // Otherwise a quote standing on its own is the words of the person the sentence before
        // it is about ("He also did not provide any timeline. / “There is a need ...”").
        if stands_alone
            && open > 0
            && open < self.toks.len()
            && let Some((from, to)) = self.sentence_subject(open - 1)
            && let Some(speaker) = self.resolve(from, to, previous_speaker, earlier)
            && speaker.person
        {
            return Attribution {
                speaker: Some(speaker.name),
                cue: None,
                class: None,
                affiliation: speaker.affiliation,
            };
        }
        Attribution::default()
    }

    /// The reporting verb starting at token `i`, if the word there is one (lower-case in the
    /// text: "States" is not a verb).
    fn verb_at(&self, i: usize) -> Option<(usize, Cue)> {
        if !self.is_word(i) || capitalised(self.w(i)) {
            return None;
        }
        // "did not comment", "never said": a negated verb reports nothing.
        if let Some(p) = i.checked_sub(1) {
            let before = self.low(p);
            if before == "not"
                || before == "never"
                || before.ends_with("n't")
                || before.ends_with("n’t")
            {
                return None;
            }
        }
        let words: Vec<&str> = (i..(i + 3).min(self.toks.len()))
            .take_while(|&k| self.is_word(k))
            .map(|k| self.low(k))
            .collect();
        let found = self.verbs.find(&words)?;
        let end = i + found.words;
        let mut text = self.join(i, end);
        // "told reporters", "told Fox News", "told an interviewer": the addressee is part of
        // the cue.
        if matches!(found.lemma, "tell" | "ask")
            && let Some((from, to)) = self.phrase_after(end)
        {
            text = format!("{text} {}", self.join(from, to));
        }
        Some((
            found.words,
            Cue {
                text,
                class: Some(found.class),
                participle: found.participle,
            },
        ))
    }

    /// `," Peskov said`, `," said Peskov`, `," he told reporters`, `," Jim Manley, a
    /// spokesman for Mr. Reid, said`, `," saying` (the sentence's subject).
    fn cue_after(&self, close: usize, close_byte: usize) -> Option<(Subject, Cue)> {
        let mut k = close;
        while k < self.toks.len() && self.is(k, &[',', '—', '–', '-', ':']) {
            k += 1;
        }
        if k >= self.toks.len()
            || self.text[close_byte.min(self.toks[k].start)..self.toks[k].start].contains('\n')
        {
            return None;
        }
        let mut i = k;
        while i < self.toks.len() && i < k + CUE_REACH && !self.is_barrier(i) {
            if let Some((len, cue)) = self.verb_at(i) {
                if cue.participle {
                    return (i == k).then_some((Subject::OfSentence(close), cue));
                }
                if i == k {
                    // Inverted: `," said the legislator, Representative Carl Seel.`
                    let (from, to) = self.phrase_after(i + len)?;
                    let (from, to) = self.name_in_apposition(from, to).unwrap_or((from, to));
                    return Some((Subject::Phrase(from, to), cue));
                }
                if let Some((from, to)) = self.subject_before(i, k)
                    && (from == k || self.subject_starts_clause(k, from))
                {
                    return Some((Subject::Phrase(from, to), cue));
                }
                // `," Rep. Jerrold Nadler, D-N.Y., the former chairman of the subcommittee on
                // the Constitution, Civil Rights and Civil Liberties, told The Washington Post.`
                let end = self.skip_between(i, k);
                if let Some((from, to)) = self.phrase_after(k)
                    && from == k
                    && (self.is(to, &[',']) || self.is(to, &['(']))
                    && self.name_tail(from, to).is_some()
                    && end > to
                    && (self.is(end - 1, &[',']) || self.is(end - 1, &[')']))
                {
                    return Some((Subject::Phrase(from, to), cue));
                }
                return None;
            }
            i += 1;
        }
        None
    }

    /// Whether only a description and a comma stand between `k` and a subject found at
    /// `from`: `," Obama's campaign press secretary, Ben LaBolt, said`.
    fn subject_starts_clause(&self, k: usize, from: usize) -> bool {
        from > k
            && self.is(from - 1, &[','])
            && self
                .phrase_after(k)
                .is_some_and(|(a, b)| a == k && b == from - 1)
    }

    /// `Peskov said: "`, `He said that it "`, `Smith, who ..., told reporters "`, and
    /// participles (`, saying "`): the reporting verb nearest before the quote.
    fn cue_before(&self, open: usize) -> Option<(Subject, Cue)> {
        let floor = open.saturating_sub(CUE_REACH);
        let mut i = open;
        while i > floor {
            i -= 1;
            if self.is_barrier(i) {
                return None;
            }
            if let Some((len, cue)) = self.verb_at(i) {
                // "..., slammed as ‘annexation’ by the US": a label in a participle clause,
                // not a report of anyone's words.
                if i > 0 && self.is(i - 1, &[',']) && self.low(i + len) == "as" {
                    return None;
                }
                if cue.participle {
                    return Some((Subject::OfSentence(i), cue));
                }
                let start = self.sentence_start[i];
                if let Some((from, to)) = self.subject_before(i, start) {
                    return Some((Subject::Phrase(from, to), cue));
                }
            }
        }
        None
    }

    /// `according to X` in the quote's sentence.
    fn according_to(&self, open: usize, close: usize) -> Option<(Subject, Cue)> {
        let first = *self.sentence_start.get(open)?;
        let mut i = first.max(open.saturating_sub(SENTENCE_REACH));
        while i + 2 < self.toks.len() && i < close + CUE_REACH {
            if i > open && i < close {
                i = close;
                continue;
            }
            if i > close && self.is_barrier(i) && !self.is(i, &['"', '“', '”', '‘']) {
                break;
            }
            if self.low(i) == "according" && self.low(i + 1) == "to" {
                let (from, to) = self.phrase_after(i + 2)?;
                return Some((
                    Subject::Phrase(from, to),
                    Cue {
                        text: "according to".to_owned(),
                        class: Some(VerbClass::Neutral),
                        participle: false,
                    },
                ));
            }
            i += 1;
        }
        None
    }

    /// Where a subject before the verb at `verb` ends: back over adverbs and auxiliaries
    /// ("also", "has"), "was quick to", "on Sunday".
    fn skip_between(&self, verb: usize, floor: usize) -> usize {
        let mut end = verb;
        while end > floor && self.is_word(end - 1) && {
            let lower = self.low(end - 1);
            BETWEEN.contains(&lower)
                || (lower.ends_with("ly") && lower.len() > 4 && !capitalised(self.w(end - 1)))
        } {
            end -= 1;
        }
        // "was quick to retort", "is expected to say": the subject is before the auxiliary.
        if end > floor + 2 && self.low(end - 1) == "to" {
            let aux = (end.saturating_sub(4).max(floor)..end - 1)
                .rev()
                .find(|&k| matches!(self.low(k), "was" | "is" | "were" | "are" | "be"));
            if let Some(k) = aux {
                end = k;
            }
        }
        // "on Sunday", "on Tuesday" between the subject and the verb.
        if end >= floor + 2 && self.low(end - 2) == "on" && NOT_NAMES.contains(&self.low(end - 1)) {
            end -= 2;
        }
        end
    }

    /// The subject ending just before the verb at `verb`, not before token `floor`: a noun
    /// phrase or pronoun, maybe followed by an apposition set off by commas.
    fn subject_before(&self, verb: usize, floor: usize) -> Option<(usize, usize)> {
        let end = self.skip_between(verb, floor);
        if end > floor && (self.is(end - 1, &[',']) || self.is(end - 1, &[')'])) {
            // "Lis Smith, a spokeswoman for the Obama campaign, said": the nearest comma
            // before which a name ends.
            let mut c = end - 1;
            while c > floor && end - c < CUE_REACH {
                c -= 1;
                if self.is_barrier(c) {
                    return None;
                }
                if (self.is(c, &[',']) || self.is(c, &['(']))
                    && let Some((from, to)) = self.phrase_before(c, floor)
                    && self.names_someone(from, to)
                {
                    // "the mayor's press secretary, Ben Oduya, said": the apposed name.
                    let apposed = self
                        .phrase_after(c + 1)
                        .filter(|&(a, b)| b == end - 1 && self.name_tail(a, b) == Some(a));
                    if self.name_tail(from, to).is_none()
                        && let Some(name) = apposed
                    {
                        return Some(name);
                    }
                    return Some((from, to));
                }
            }
            return None;
        }
        self.phrase_before(end, floor)
    }

    /// Whether a phrase names a person, a pronoun or a body (not a bare description).
    fn names_someone(&self, from: usize, to: usize) -> bool {
        let head = self.low(to - 1);
        self.name_tail(from, to).is_some()
            || matches!(head, "he" | "she" | "they")
            || (capitalised(self.w(to - 1)) && party(self.w(to - 1)).is_none())
            || person_role(head)
    }

    /// The noun phrase ending at token `end` (exclusive): a pronoun, or capitalised, role and
    /// modifier words back to a determiner.
    fn phrase_before(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        if end <= floor || !self.is_word(end - 1) {
            return None;
        }
        let last = self.low(end - 1);
        if matches!(last, "he" | "she" | "they" | "it" | "we" | "i") {
            return Some((end - 1, end));
        }
        let mut from = end;
        while from > floor && end - from < 9 {
            let i = from - 1;
            if !self.is_word(i) || (from < end && !self.adjacent(i, from)) {
                break;
            }
            if DETERMINERS.contains(&self.low(i)) {
                from = i;
                break;
            }
            if !self.in_phrase(i, from < end) {
                break;
            }
            from = i;
        }
        // A determiner alone, or nothing, is no subject.
        let content = (from..end).any(|i| !DETERMINERS.contains(&self.low(i)));
        (from < end && content).then_some((from, end))
    }

    /// The noun phrase starting at token `from`.
    fn phrase_after(&self, from: usize) -> Option<(usize, usize)> {
        if !self.is_word(from) {
            return None;
        }
        let first = self.low(from);
        if matches!(first, "he" | "she" | "they" | "it") {
            return Some((from, from + 1));
        }
        let mut to = from;
        // "More than 20 members", "Dozens of residents": the quantity is not the head.
        while to < self.toks.len()
            && self.is_word(to)
            && (QUANTIFIERS.contains(&self.low(to))
                || self.low(to).chars().all(|c| c.is_ascii_digit() || c == ','))
        {
            to += 1;
        }
        let from = to;
        if self.is_word(to) && DETERMINERS.contains(&self.low(to)) {
            to += 1;
        }
        while to < self.toks.len()
            && to - from < 9
            && self.is_word(to)
            && (to == from || self.adjacent(to - 1, to))
        {
            if !self.in_phrase(to, to > from) {
                break;
            }
            to += 1;
        }
        let content = (from..to).any(|i| !DETERMINERS.contains(&self.low(i)));
        (to > from && content).then_some((from, to))
    }

    /// `the legislator, Representative Carl Seel`: a name apposed to a role phrase.
    fn name_in_apposition(&self, from: usize, to: usize) -> Option<(usize, usize)> {
        if self.name_tail(from, to).is_some() || !self.is(to, &[',']) {
            return None;
        }
        let (a, b) = self.phrase_after(to + 1)?;
        self.name_tail(a, b).map(|_| (a, b))
    }

    /// The subject of the sentence holding token `at`: after an opening subordinate clause.
    fn sentence_subject(&self, at: usize) -> Option<(usize, usize)> {
        let first = *self.sentence_start.get(at)?;
        let mut i = first;
        // "Updated: Rick Santorum ...", "WASHINGTON — ...": a label before the sentence.
        if let Some(k) = (first..(first + 4).min(at)).find(|&k| self.is(k, &[':', '—', '–'])) {
            i = k + 1;
        }
        while i < at && OPENERS.contains(&self.low(i)) {
            i += 1;
        }
        let opener = self.low(i);
        if SUBORDINATORS.contains(&opener) || opener.ends_with("ing") {
            let comma = (i..at.min(i + SENTENCE_REACH)).find(|&k| self.is(k, &[',']))?;
            i = comma + 1;
        }
        self.phrase_after(i).filter(|&(_, to)| to <= at)
    }

    /// Resolves a subject phrase to a speaker.
    fn resolve(
        &self,
        from: usize,
        to: usize,
        previous: Option<&str>,
        earlier: &[Attribution],
    ) -> Option<Speaker> {
        let head = self.low(to - 1);
        match head {
            "he" | "she" => return self.pronoun(from, previous, head == "she"),
            "they" | "we" | "i" => {
                return previous.map(|name| self.named(name));
            }
            "it" => {
                // The institution that spoke last (a statement, a ministry).
                let spoke = earlier
                    .iter()
                    .rev()
                    .take(QUOTE_REACH)
                    .filter_map(|a| a.speaker.as_deref())
                    .find(|s| self.person_named(s).is_none());
                return spoke.map(|s| self.named(s)).or_else(|| {
                    self.institution_before(self.toks[from].start)
                        .map(|s| self.named(&s))
                });
            }
            _ => {}
        }
        if let Some(first) = self.name_tail(from, to) {
            if let Some(m) = self.mention_at(first) {
                return Some(self.speaker_of(m.person));
            }
            let name = self.join(first, to);
            if let Some(p) = self.person_named(&name) {
                return Some(self.speaker_of(p));
            }
            let (_, affiliation) = self.roles_and_body(from, first);
            return Some(Speaker {
                name,
                person: to - first >= 2,
                affiliation,
            });
        }
        let lower_head = !capitalised(self.w(to - 1));
        if lower_head && document_noun(head).is_some() {
            // "a Kremlin statement", "the White House statement": the body that issued it.
            let body: Vec<usize> = (from..to - 1)
                .filter(|&i| capitalised(self.w(i)) && !DETERMINERS.contains(&self.low(i)))
                .collect();
            if let (Some(&a), Some(&b)) = (body.first(), body.last()) {
                return Some(Speaker {
                    name: self.join(a, b + 1),
                    person: false,
                    affiliation: None,
                });
            }
            if let Some(author) = self.author(to - 1) {
                return Some(author);
            }
        } else if lower_head
            && person_role(head)
            && let Some(person) = self.role_holder(head, from)
        {
            return Some(self.speaker_of(person));
        }
        // An institution or an unnamed source: the phrase without its determiner.
        let start = (from..to)
            .find(|&i| !DETERMINERS.contains(&self.low(i)))
            .unwrap_or(to);
        (start < to).then(|| Speaker {
            name: self.join(start, to),
            person: false,
            affiliation: None,
        })
    }

    /// A name already resolved (a previous speaker) as a speaker.
    fn named(&self, name: &str) -> Speaker {
        match self.person_named(name) {
            Some(p) => self.speaker_of(p),
            None => Speaker {
                name: name.to_owned(),
                person: false,
                affiliation: None,
            },
        }
    }

    /// "he", "she": a person named in the sentences before the pronoun (nearest sentence
    /// first; within a sentence its subject, then any name not after a preposition, then any
    /// other), or earlier in the pronoun's own sentence as a subject, whom the text does not
    /// refer to by the other pronoun; failing that, the previous speaker.
    fn pronoun(&self, at: usize, previous: Option<&str>, she: bool) -> Option<Speaker> {
        self.pronoun_chain(at, she, 0)
            .or_else(|| previous.map(|name| self.named(name)).filter(|s| s.person))
    }

    /// The antecedent of the pronoun at `at`. A sentence before it whose subject is the same
    /// pronoun passes the question on to that pronoun ("He said Obama ... . Of Obama, he
    /// said": both "he" are one person), a few times at most.
    fn pronoun_chain(&self, at: usize, she: bool, depth: usize) -> Option<Speaker> {
        let window = self.toks[at].start.saturating_sub(PRONOUN_REACH);
        let fits = |p: usize| {
            let g = self.people[p].gender;
            if she { g <= 0 } else { g >= 0 }
        };
        let own = self.sentence_start[at];
        let mut end = at;
        let mut sentence = own;
        // Whole sentences are read, but not past a long way before the reach, however long
        // the sentence.
        let far = window.saturating_sub(SENTENCE_BYTES);
        let reach = self.toks.partition_point(|t| t.start < far);
        loop {
            let from = self
                .mentions
                .partition_point(|m| m.tok < sentence.max(reach));
            let to = self.mentions.partition_point(|m| m.tok < end);
            let group: Vec<&Mention> = self.mentions[from..to]
                .iter()
                .filter(|m| !m.quoted && fits(m.person))
                .collect();
            // In the pronoun's own sentence a name after a preposition is never its antecedent
            // ("Of Obama, he said"); before it, a fronted topic is ("For Ms. Stanek, ...").
            let pick = group
                .iter()
                .rev()
                .find(|m| m.subject && (sentence != own || m.agent))
                .or_else(|| group.iter().rev().find(|m| m.agent));
            let mut opener = sentence;
            while opener < end && OPENERS.contains(&self.low(opener)) {
                opener += 1;
            }
            let same_pronoun = sentence != own
                && opener < end
                && self.low(opener) == if she { "she" } else { "he" };
            if same_pronoun && group.iter().all(|m| !m.subject) && depth < 4 {
                return self.pronoun_chain(opener, she, depth + 1);
            }
            if let Some(m) = pick {
                return Some(self.speaker_of(m.person));
            }
            if sentence == 0 || self.toks[sentence].start < window {
                return None;
            }
            end = sentence;
            sentence = self.sentence_start[sentence - 1];
        }
    }

    /// "the spokesman": the person last given that role before `at`, else the person named
    /// last when the role is one a person holds.
    fn role_holder(&self, role: &str, at: usize) -> Option<usize> {
        let singular = role.strip_suffix('s').unwrap_or(role);
        let has_role = |p: usize| {
            self.people[p]
                .roles
                .iter()
                .any(|r| r == role || r == singular)
        };
        let before = self.mentions.partition_point(|m| m.tok < at);
        let reach = self.toks[at].start.saturating_sub(DOCUMENT_REACH);
        if let Some(m) = self.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| self.toks[m.tok].start >= reach)
            .find(|m| has_role(m.person))
        {
            return Some(m.person);
        }
        let first_with = |role: &str| self.by_role.get(role).copied();
        if let Some(p) = [first_with(role), first_with(singular)]
            .into_iter()
            .flatten()
            .min()
        {
            return Some(p);
        }
        if role.ends_with('s') {
            return None;
        }
        let window = self.toks[at].start.saturating_sub(PRONOUN_REACH);
        self.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| self.toks[m.tok].start >= window)
            .find(|m| !m.quoted)
            .map(|m| m.person)
    }

    /// Who issued the document named at token `noun` ("The ad says"): the owner in a
    /// possessive or a `from`/`by` phrase where the document was introduced, else the subject
    /// of that sentence ("The Romney campaign retorted with an ad of its own").
    fn author(&self, noun: usize) -> Option<Speaker> {
        let family = document_noun(self.low(noun))?;
        let window = self.toks[noun].start.saturating_sub(DOCUMENT_REACH);
        let mut j = noun;
        while j > 0 && self.toks[j - 1].start >= window {
            j -= 1;
            if !self.is_word(j) || document_noun(self.low(j)) != Some(family) {
                continue;
            }
            // "the council said in a statement": the reporting verb's subject.
            let sentence = self.sentence_start[j];
            if let Some((v, _)) = (j.saturating_sub(4).max(sentence)..j).rev().find_map(|v| {
                self.verb_at(v)
                    .filter(|(_, c)| !c.participle)
                    .map(|c| (v, c))
            }) && let Some((from, to)) = self.subject_before(v, sentence)
            {
                return self.resolve(from, to, None, &[]);
            }
            // "Reid's letter", "the campaign's new ad".
            for back in 1..=3 {
                let Some(p) = j.checked_sub(back) else { break };
                if !self.is_word(p) {
                    break;
                }
                if is_possessive(self.w(p)) {
                    if let Some((from, to)) = self.phrase_before(p + 1, p.saturating_sub(6)) {
                        return self.resolve(from, to, None, &[]);
                    }
                    break;
                }
            }
            // "a letter from Jim Manley", "an ad by the Obama campaign".
            let mut k = j + 1;
            while k < self.toks.len() && k < j + 5 && self.is_word(k) {
                if matches!(self.low(k), "from" | "by")
                    && let Some((from, to)) = self.phrase_after(k + 1)
                {
                    return self.resolve(from, to, None, &[]);
                }
                k += 1;
            }
            // Otherwise the sentence's subject, unless the document is that subject.
            if let Some((from, to)) = self.sentence_subject(j)
                && !(from..to).contains(&j)
                && to <= j
            {
                let speaker = self.resolve(from, to, None, &[])?;
                return Some(speaker);
            }
        }
        None
    }

    /// The institution that last "said" something in the text just before byte `at`:
    /// "..., the White House said in a statement." → "White House".
    fn institution_before(&self, at: usize) -> Option<String> {
        let mut from = at.saturating_sub(PRONOUN_REACH);
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        INSTITUTION_SAID
            .captures_iter(&self.text[from..at])
            .filter_map(|c| c.name("s").map(|m| m.as_str().to_owned()))
            .last()
    }
}

/// Where a cue's subject is.
#[derive(Debug, Clone, Copy)]
enum Subject {
    /// The tokens of a phrase.
    Phrase(usize, usize),
    /// The subject of the sentence holding this token (for participles).
    OfSentence(usize),
}

/// A reporting cue as written, with its class.
#[derive(Debug, Clone)]
struct Cue {
    text: String,
    class: Option<VerbClass>,
    participle: bool,
}

/// Whether a quote is more than a short phrase (stops reading after the fourth word).
fn more_than_three_words(text: &str, quote: &QuoteSpan) -> bool {
    text[quote.start..quote.end]
        .split_whitespace()
        .nth(3)
        .is_some()
}

/// Unifies speaker names across documents: a name is replaced by the fullest name with the same
/// last word used anywhere ("Peskov" in one outlet, "Dmitry Peskov" in another).
pub fn unify_across(speakers: &mut [Option<String>]) {
    // The distinct names by last word (few, however many quotes there are).
    let mut by_last: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for name in speakers.iter().flatten() {
        if let Some(last) = name.split_whitespace().last() {
            let list = by_last.entry(last).or_default();
            if !list.contains(&name.as_str()) {
                list.push(name);
            }
        }
    }
    let mut fuller: BTreeMap<&str, String> = BTreeMap::new();
    for names in by_last.values() {
        for &name in names {
            let words: Vec<&str> = name.split_whitespace().collect();
            // Only names (capitalised words): "the spokesman" is not shortened or lengthened.
            if !words.iter().all(|w| capitalised(w)) {
                continue;
            }
            if let Some(longer) = names
                .iter()
                .filter(|n| {
                    let theirs: Vec<&str> = n.split_whitespace().collect();
                    theirs.len() > words.len() && words.iter().all(|w| theirs.contains(w))
                })
                .max_by_key(|n| (n.split_whitespace().count(), **n))
            {
                fuller.insert(name, (*longer).to_owned());
            }
        }
    }
    let fuller: Vec<(String, String)> = fuller
        .into_iter()
        .map(|(short, long)| (short.to_owned(), long))
        .collect();
    for speaker in speakers.iter_mut().flatten() {
        if let Ok(k) = fuller.binary_search_by(|(short, _)| short.as_str().cmp(speaker)) {
            speaker.clone_from(&fuller[k].1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::clean::clean;
    use crate::analysis::quotes::find_quotes;
    use crate::analysis::segment::segment;

    fn attributions(text: &str) -> Vec<(String, Attribution)> {
        let cleaned = clean(text);
        let seg = segment(text, &cleaned.kept);
        let quotes = find_quotes(text, &seg.paragraphs);
        let verbs = ReportingVerbs::default();
        attribute(text, &seg.sentences, &quotes, &verbs)
            .attributions
            .into_iter()
            .zip(&quotes)
            .map(|(a, q)| (text[q.start..q.end].to_owned(), a))
            .collect()
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        attributions(text)
            .into_iter()
            .map(|(_, a)| a.speaker)
            .collect()
    }

    fn some(names: &[&str]) -> Vec<Option<String>> {
        names.iter().map(|n| Some((*n).to_owned())).collect()
    }

    #[test]
    fn tokens_keep_abbreviations_and_initials() {
        let text = "Rep. Anita L. Russell, D-N.Y., said it.";
        let toks: Vec<&str> = tokenize(text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(
            toks,
            vec![
                "Rep.", "Anita", "L.", "Russell", ",", "D-N.Y.", ",", "said", "it", "."
            ]
        );
    }

    #[test]
    fn after_before_and_according_to() {
        let text = "Kremlin spokesman Dmitry Peskov spoke on Monday.\n\n\"The side remains open,\" Peskov told reporters.\n\nHe said that it \"all depends on our colleagues.\"\n\nAccording to Peskov, talks are \"quite possible\" soon.\n\n\"We are open to dialogue,\" the spokesman stressed.\n";
        let found = attributions(text);
        let who: Vec<Option<&str>> = found.iter().map(|(_, a)| a.speaker.as_deref()).collect();
        assert_eq!(who, vec![Some("Dmitry Peskov"); 4], "{found:?}");
        let cues: Vec<Option<&str>> = found.iter().map(|(_, a)| a.cue.as_deref()).collect();
        assert_eq!(
            cues,
            vec![
                Some("told reporters"),
                Some("said"),
                Some("according to"),
                Some("stressed")
            ]
        );
        assert_eq!(found[3].1.class, Some(VerbClass::Emphatic));
        assert_eq!(found[0].1.affiliation.as_deref(), Some("Kremlin"));
    }

    #[test]
    fn said_before_the_name_and_institutions() {
        let text = "The vote was close.\n\n\"Of course I was surprised,\" said the legislator, Representative Carl Seel.\n\nThe council said in a statement that \"no household will be moved\" early.\n";
        assert_eq!(
            speakers(text),
            some(&["Carl Seel", "council"]),
            "{:?}",
            attributions(text)
        );
    }

    #[test]
    fn appositions_between_the_name_and_the_verb() {
        let text = "Debate went on.\n\n\"We fight on,\" Jon Marle, a spokesman for the Harbor League, said in an e-mail.\n\nIna Voss, a spokeswoman for the Delta campaign, said, \"The ad is dishonest.\"\n\n\"It reads like scripture,\" Rep. Tomas Ebbe, D-N.Y., the former chairman of the panel, said Thursday.\n\n\"The savings are real,\" the mayor's current press secretary, Ben Oduya, said.\n";
        let found = attributions(text);
        let who: Vec<Option<&str>> = found.iter().map(|(_, a)| a.speaker.as_deref()).collect();
        assert_eq!(
            who,
            vec![
                Some("Jon Marle"),
                Some("Ina Voss"),
                Some("Tomas Ebbe"),
                Some("Ben Oduya")
            ],
            "{found:?}"
        );
        let bodies: Vec<Option<&str>> = found
            .iter()
            .map(|(_, a)| a.affiliation.as_deref())
            .collect();
        assert_eq!(
            bodies[..3],
            [
                Some("Harbor League"),
                Some("Delta campaign"),
                Some("Democrat")
            ]
        );
    }

    #[test]
    fn titles_and_descriptions_before_the_name() {
        let text = "Protest grew.\n\n\"We take issue with bigotry,\" Harbor League President Joan Todd Ferris said in a statement.\n\nFellow St. Clair Tea Party organizer Dana Loam disagreed.\n\n\"They no longer prioritize rights,\" she told Fox News.\n";
        let found = attributions(text);
        assert_eq!(
            found[0].1.speaker.as_deref(),
            Some("Joan Todd Ferris"),
            "{found:?}"
        );
        assert_eq!(found[0].1.affiliation.as_deref(), Some("Harbor League"));
        assert_eq!(
            found[1].1.speaker.as_deref(),
            Some("Dana Loam"),
            "{found:?}"
        );
        assert_eq!(found[1].1.cue.as_deref(), Some("told Fox News"));
        assert_eq!(
            found[1].1.affiliation.as_deref(),
            Some("St. Clair Tea Party")
        );
    }

    #[test]
    fn who_clauses_and_statements_of_institutions() {
        let text = "Talks resumed.\n\nTomas Reyl, who has advised three mayors, said the plan was \u{201c}the only one left.\u{201d}\n\nThe talks were a \u{201c}good start,\u{201d} according to a Kremlin statement.\n\n\u{201c}We are ready to talk,\u{201d} the White House said in a statement.\n";
        assert_eq!(
            speakers(text),
            some(&["Tomas Reyl", "Kremlin", "White House"]),
            "{:?}",
            attributions(text)
        );
    }

    #[test]
    fn a_quote_paragraph_continues_the_speaker() {
        let text = "Mayor Ilse Marren spoke first.\n\n\"We will build it,\" Marren said.\n\n\"And we will pay for it.\"\n";
        assert_eq!(speakers(text)[1].as_deref(), Some("Ilse Marren"));
    }

    #[test]
    fn participles_and_pronouns() {
        let text = "Suggesting that Mr. Ode lacked sympathy, Mr. Santo Rivas did not back down, saying, “I stand by it.”\n\n“Biden Rae spoke first.” Later Kim Bo was quick to retort: “That is wrong.”\n\nHe added: “We will see.”\n\nOf Rivas, he said, “He is a friend.”\n\nIn an interview, Kim Bo also hammered Rivas for what he called his “utter failure to lead.”\n\nAlma Reyes tried to clarify her remark that the plan was “a sham,” saying she meant its cost.\n";
        let who = speakers(text);
        assert_eq!(who[0].as_deref(), Some("Santo Rivas"), "{who:?}");
        assert_eq!(
            who[2..],
            some(&["Kim Bo", "Kim Bo", "Kim Bo", "Kim Bo", "Alma Reyes"])[..]
        );
    }

    #[test]
    fn documents_speak_for_whoever_issued_them() {
        let text = "The Delta campaign answered with an ad of its own on Tuesday.\n\nThe ad says: \"You paid in for years.\"\n\nThe Harbor League passed a resolution.\n\nThe resolution said the group would \"stand firm\" on it.\n";
        assert_eq!(
            speakers(text),
            some(&["Delta campaign", "Harbor League"]),
            "{:?}",
            attributions(text)
        );
    }

    #[test]
    fn two_quotes_in_one_sentence_share_the_cue() {
        let text = "The vote neared.\n\nMore than 20 members signed a letter from Rep. Ola Venn, calling the deal “fiscally reckless” and “grossly unfair.”\n";
        let found = attributions(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1.speaker, found[1].1.speaker, "{found:?}");
        assert!(found[1].1.speaker.is_some(), "{found:?}");
    }

    #[test]
    fn it_said_goes_to_the_institution() {
        let text = "Kremlin aide Ivan Petrov spoke.\n\n\"We are ready,\" Petrov said.\n\nThe ministry said in a statement that it would \"act\" soon.\n\n\"Both sides agreed on the terms of the deal,\" it said.\n";
        assert_eq!(
            speakers(text).last().cloned().flatten().as_deref(),
            Some("ministry")
        );
    }

    #[test]
    fn verb_classes_come_from_the_lexicon() {
        let text = "The row went on.\n\n\"It was a mistake,\" Mayor Ilse Marren admitted.\n\n\"It was a triumph,\" Ivo Kand boasted.\n\n\"It was legal,\" Ivo Kand claimed.\n";
        let classes: Vec<Option<VerbClass>> = attributions(text)
            .into_iter()
            .map(|(_, a)| a.class)
            .collect();
        assert_eq!(
            classes,
            vec![
                Some(VerbClass::Presupposing),
                Some(VerbClass::Loaded),
                Some(VerbClass::Distancing)
            ]
        );
    }

    #[test]
    fn names_unify_across_documents() {
        let mut speakers = vec![
            Some("Peskov".to_owned()),
            Some("Dmitry Peskov".to_owned()),
            Some("spokesman".to_owned()),
            None,
        ];
        unify_across(&mut speakers);
        assert_eq!(speakers[0].as_deref(), Some("Dmitry Peskov"));
        assert_eq!(speakers[2].as_deref(), Some("spokesman"));
    }
}
