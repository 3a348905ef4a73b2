//! Framing: where the documents word the same thing differently.
//!
//! Findings, most telling first:
//!
//! - `term`: a family of the terms lexicon ([`terms`]) worded differently by two documents in
//!   sentences that report the same fact, or used by each document to the exclusion of the
//!   other's wording, or juxtaposed within one document (its own term beside a quoted rival);
//! - `verb`: the same quote introduced by verbs of different classes (said / claimed / slammed),
//!   and each document's reporting verbs that do more than report;
//! - `label`: a person or body described differently by the documents ([`labels`]), and a
//!   thing or group one document describes with a charged word ([`referents`]);
//! - `substitution`: one referent named differently in aligned sentences or quotes, kept when
//!   it is a change of label rather than of spelling;
//! - `scare_quote`: words a document puts in quotation marks to keep its distance;
//! - `hedge` and `loaded`: the lexicons' hedging, judging and colouring words, as each document
//!   uses them outside direct quotes;
//! - `wording`: the writer's own colouring words, weighed by the colour model ([`colour`]).
//!
//! The writer's single words (`hedge`, `loaded`, `wording`) are as certain as the colour model
//! finds them; a word no lexicon lists is never shown by default.
//!
//! A word is shown by one finding only, the first in the order above; the weaker findings are
//! kept within a budget of each document's text. The distinctive vocabulary per document
//! ([`vocabulary`]) is reported beside the findings.

pub mod colour;
pub mod labels;
pub mod plain;
mod referents;
mod scare;
mod substitution;
pub mod terms;
pub mod vocabulary;

use std::collections::{BTreeMap, HashMap};

use terms::{FamilyKind, Occurrence, Terms};

use super::align::features::{is_function_word, stem};
use super::diff::word_key;
use super::segment::squeeze;
use super::verbs::{ReportingVerbs, VerbClass};
use crate::comparison::{
    Distinctive, Document, FramingDifference, FramingKind, PersonLabels, Quote, QuoteGroup,
    QuoteKind, ReaderNames, SentenceGroup, Wording,
};

/// Words that open a noun phrase: a reporting verb's form after one is a noun ("his claims",
/// "further claims").
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "your", "my", "some", "any", "no", "every", "each", "such", "new", "further",
];

/// Prepositions, after which a noun phrase follows.
pub(super) const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "for", "with", "by", "about", "against", "from", "at", "into", "over",
    "under", "between", "among", "amid", "after", "before", "during", "toward", "towards", "near",
    "across", "around", "behind", "beyond", "despite", "inside", "outside", "through", "within",
    "without",
];

/// A finding and how telling it is, before ranking.
struct Finding {
    score: f64,
    kind: FramingKind,
    concept: String,
    variants: Vec<Wording>,
    note: String,
}

/// What framing finds: the findings, ranked, and each document's distinctive vocabulary.
#[derive(Debug, Clone, Default)]
pub struct Framing {
    /// The findings Parallax is sure enough of to show by default, most telling first.
    pub findings: Vec<FramingDifference>,
    /// The less certain ones, most telling first.
    pub more: Vec<FramingDifference>,
    pub vocabulary: Vec<Distinctive>,
}

/// The framing findings, ranked, and the distinctive vocabulary.
#[must_use]
pub fn framing(
    documents: &[Document],
    quotes: &[Quote],
    quote_groups: &[QuoteGroup],
    sentence_groups: &[SentenceGroup],
    people: &[PersonLabels],
    terms: &Terms,
    verbs: &ReportingVerbs,
) -> Framing {
    let keys = keys_of(documents);
    let occurrences = occurrences_of(documents, &keys, terms);
    let quotes_of = quotes_by_document(documents, quotes);
    // Notes name the documents as a reader does, never by id.
    let names = ReaderNames::new(documents);
    let mut findings = Vec::new();
    term_findings(
        documents,
        &names,
        &quotes_of,
        sentence_groups,
        terms,
        &occurrences,
        &mut findings,
    );
    verb_findings(documents, &names, quotes, quote_groups, &mut findings);
    labels::label_findings(&names, people, &mut findings);
    // From here on, a finding leaves alone the words the findings before it already show.
    let speech = speech(documents, &keys, verbs, &quotes_of);
    let candidates = colour::candidates(documents, &keys, &speech, terms, &occurrences);
    let probabilities: Vec<f64> = candidates
        .iter()
        .map(colour::Candidate::probability)
        .collect();
    let colour_at: HashMap<(usize, usize), f64> = candidates
        .iter()
        .zip(&probabilities)
        .map(|(c, &p)| ((c.doc, c.start), p))
        .collect();
    referents::referent_findings(documents, &names, &keys, &speech, verbs, &mut findings);
    word_findings(
        documents,
        &names,
        &speech,
        terms,
        &occurrences,
        &colour_at,
        &mut findings,
    );
    substitution::substitution_findings(
        documents,
        &names,
        verbs,
        quote_groups,
        sentence_groups,
        &mut findings,
    );
    scare::scare_findings(documents, &names, quotes, &keys, verbs, &mut findings);
    speech_verb_findings(documents, &names, &speech, &keys, verbs, &mut findings);
    colour::colour_findings(
        documents,
        &names,
        &candidates,
        &probabilities,
        &mut findings,
    );
    findings.sort_by(|a, b| {
        b.score.total_cmp(&a.score).then_with(|| {
            let at = |f: &Finding| f.variants.first().map(|v| (doc_number(&v.doc), v.start));
            at(a).cmp(&at(b))
        })
    });
    keep_within_budget(documents, &mut findings);
    let (mut shown, mut more) = (Vec::new(), Vec::new());
    // Per document, the writer's single words shown so far.
    let mut words_shown: BTreeMap<String, usize> = BTreeMap::new();
    for finding in findings {
        // Three decimals: enough to rank by, and stable when a weight moves in its last digits.
        let mut confidence = (confidence(&finding) * 1000.0).round() / 1000.0;
        if confidence >= FramingDifference::CUT
            && matches!(
                finding.kind,
                FramingKind::Hedge | FramingKind::Loaded | FramingKind::Wording
            )
        {
            let mut docs: Vec<&str> = finding.variants.iter().map(|v| v.doc.as_str()).collect();
            docs.dedup();
            let full = docs
                .iter()
                .all(|d| words_shown.get(*d).copied().unwrap_or(0) >= WORDS_SHOWN);
            if full {
                // The article's most telling words are shown; the rest wait behind "show more".
                confidence = confidence.min(FramingDifference::CUT - 0.001);
            } else {
                for d in docs {
                    *words_shown.entry(d.to_owned()).or_default() += 1;
                }
            }
        }
        let difference = FramingDifference {
            id: String::new(),
            kind: finding.kind,
            concept: finding.concept,
            variants: finding.variants,
            note: finding.note,
            confidence,
        };
        if confidence >= FramingDifference::CUT {
            shown.push(difference);
        } else {
            more.push(difference);
        }
    }
    for (n, finding) in shown.iter_mut().chain(more.iter_mut()).enumerate() {
        finding.id = format!("f{n}");
    }
    Framing {
        findings: shown,
        more,
        vocabulary: vocabulary::distinctive(documents, &keys, quotes),
    }
}

/// Every candidate colouring word of the documents with its evidence, as the colour model
/// sees it (for training the model on annotated articles).
#[must_use]
pub fn colour_candidates(
    documents: &[Document],
    quotes: &[Quote],
    terms: &Terms,
    verbs: &ReportingVerbs,
) -> Vec<colour::Candidate> {
    let keys = keys_of(documents);
    let occurrences = occurrences_of(documents, &keys, terms);
    let quotes_of = quotes_by_document(documents, quotes);
    let speech = speech(documents, &keys, verbs, &quotes_of);
    colour::candidates(documents, &keys, &speech, terms, &occurrences)
}

fn keys_of(documents: &[Document]) -> Vec<Vec<String>> {
    documents
        .iter()
        .map(|d| {
            d.words
                .iter()
                .map(|w| word_key(&d.text[w.start..w.end]))
                .collect()
        })
        .collect()
}

fn occurrences_of(
    documents: &[Document],
    keys: &[Vec<String>],
    terms: &Terms,
) -> Vec<Vec<Occurrence>> {
    documents
        .iter()
        .zip(keys)
        .map(|(d, keys)| terms.find_keys(keys, &d.words))
        .collect()
}

fn quotes_by_document<'a>(documents: &[Document], quotes: &'a [Quote]) -> Vec<Vec<&'a Quote>> {
    documents
        .iter()
        .map(|d| quotes.iter().filter(|q| q.doc == d.id).collect())
        .collect()
}

/// How sure Parallax is that a finding is worth a reader's time. Differences between the
/// articles come first: rival terms for one thing, one quote introduced by different verbs, a
/// person described differently, a word swapped in one passage. A word one article uses alone
/// counts when it is vivid: a word news wire seldom needs ("fulsome", "pityingly"), not a
/// plain one ("repeatedly", "denied", "morning").
fn confidence(finding: &Finding) -> f64 {
    let vivid = || finding.variants.iter().all(|v| plain::is_vivid(&v.text));
    match finding.kind {
        FramingKind::Term if finding.score >= 0.85 => 0.9,
        FramingKind::Term if finding.score >= 0.75 => 0.75,
        FramingKind::Term => 0.55,
        // One quote, introduced by verbs of different classes.
        FramingKind::Verb if finding.score >= 0.9 => 0.85,
        FramingKind::Label => finding.score,
        // A swap of plain words ("finding" / "talking") is most often a writer's variation.
        // A swap of plain words ("conversation" / "meeting") in one passage is most often a
        // writer's variation; a vivid one, or one repeated, names the thing differently.
        FramingKind::Substitution if finding.score >= 0.7 => 0.6,
        FramingKind::Substitution => 0.4,
        // What is left of scare quotes once titles and attributed words are set aside.
        FramingKind::ScareQuote if finding.score >= 0.8 => 0.65,
        FramingKind::ScareQuote => 0.55,
        // The writer's own words: how likely the colour model finds them.
        FramingKind::Hedge | FramingKind::Loaded | FramingKind::Wording => finding.score,
        FramingKind::Verb if vivid() => 0.6,
        FramingKind::Verb => 0.3,
    }
}

/// At most this many of an article's own words (hedging, judging, colouring) are shown by
/// default, the most telling first: an article full of loaded words shows its strongest.
const WORDS_SHOWN: usize = 10;

/// Findings below this score are the weaker evidence, kept within each document's budget.
const WEAK: f64 = 0.7;
/// The share of a document's article text that weaker findings may mark...
const BUDGET_SHARE: f64 = 0.08;
/// ... and the bytes they may mark however short the document (a few words).
const BUDGET_FLOOR: f64 = 64.0;

/// Keeps the marked text a small share of each document: in rank order, a weaker finding's
/// wordings are kept while their document's marked bytes stay within [`BUDGET_SHARE`] of its
/// sentences (or [`BUDGET_FLOOR`]); a finding left with no wording is dropped. Stronger
/// findings always stay.
fn keep_within_budget(documents: &[Document], findings: &mut Vec<Finding>) {
    let budget: BTreeMap<&str, f64> = documents
        .iter()
        .map(|d| {
            let article: usize = d.sentences.iter().map(|s| s.end - s.start).sum();
            (
                d.id.as_str(),
                (article as f64 * BUDGET_SHARE).max(BUDGET_FLOOR),
            )
        })
        .collect();
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    for finding in findings.iter_mut() {
        let weak = finding.score < WEAK;
        finding.variants.retain(|v| {
            let spent = used.entry(v.doc.clone()).or_default();
            let fits = ((*spent + v.end - v.start) as f64)
                <= budget.get(v.doc.as_str()).copied().unwrap_or(0.0);
            if fits || !weak {
                *spent += v.end - v.start;
            }
            fits || !weak
        });
    }
    findings.retain(|f| !f.variants.is_empty());
}

/// The first few words of a text, to name it.
fn opening(text: &str) -> String {
    text.split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `d12` → 12, for ordering.
fn doc_number(id: &str) -> usize {
    id.get(1..)
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX)
}

fn wording(document: &Document, start: usize, end: usize) -> Wording {
    Wording {
        doc: document.id.clone(),
        text: squeeze(&document.text[start..end]),
        start,
        end,
    }
}

/// The sentence a byte falls in.
fn sentence_of(document: &Document, at: usize) -> usize {
    document
        .sentences
        .partition_point(|s| s.end <= at)
        .min(document.sentences.len().saturating_sub(1))
}

/// Whether a wording stands in quotation marks of its own (a scare quote, or a quoted word or
/// three): the document sets it apart as someone else's word.
fn inside_quote(quotes: &[&Quote], start: usize, end: usize) -> bool {
    quotes.iter().any(|q| {
        q.start <= start
            && end <= q.end
            && (q.kind == QuoteKind::Scare || q.text.split_whitespace().count() <= 3)
    })
}

/// Label and spelling families worded differently.
fn term_findings(
    documents: &[Document],
    names: &ReaderNames,
    quotes_of: &[Vec<&Quote>],
    sentence_groups: &[SentenceGroup],
    terms: &Terms,
    occurrences: &[Vec<Occurrence>],
    out: &mut Vec<Finding>,
) {
    // (doc, sentence) → group, to tell wordings of one fact.
    let mut group_of: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for (g, group) in sentence_groups.iter().enumerate() {
        for member in &group.members {
            let d = documents.iter().position(|d| d.id == member.doc);
            if let Some(d) = d {
                group_of.insert((d, member.sentence), g);
            }
        }
    }
    // The families used, each with its uses per document.
    let mut used_families: BTreeMap<usize, Vec<Vec<&Occurrence>>> = BTreeMap::new();
    for (d, list) in occurrences.iter().enumerate() {
        for o in list {
            used_families
                .entry(o.family)
                .or_insert_with(|| vec![Vec::new(); documents.len()])[d]
                .push(o);
        }
    }
    for (f, uses) in used_families {
        let family = &terms.families[f];
        if !matches!(family.kind, FamilyKind::Label | FamilyKind::Spelling) {
            continue;
        }
        let what = if family.kind == FamilyKind::Spelling {
            "spells"
        } else {
            "words"
        };
        // The same fact, worded differently.
        let mut aligned: BTreeMap<usize, Vec<(usize, &Occurrence)>> = BTreeMap::new();
        for (d, list) in uses.iter().enumerate() {
            for o in list {
                let s = sentence_of(&documents[d], o.span.start);
                if let Some(&g) = group_of.get(&(d, s)) {
                    aligned.entry(g).or_default().push((d, o));
                }
            }
        }
        // One finding for the family, however many passages word it differently.
        let mut variants: Vec<Wording> = Vec::new();
        let mut passages = 0;
        for members in aligned.values() {
            let mut wordings: Vec<usize> = members.iter().map(|(_, o)| o.wording).collect();
            wordings.sort_unstable();
            wordings.dedup();
            let mut docs: Vec<usize> = members.iter().map(|(d, _)| *d).collect();
            docs.dedup();
            if wordings.len() < 2 || docs.len() < 2 {
                continue;
            }
            passages += 1;
            for (d, o) in members {
                let found = wording(&documents[*d], o.span.start, o.span.end);
                if !variants.contains(&found) {
                    variants.push(found);
                }
            }
        }
        if passages > 0 {
            let fact = if passages == 1 {
                format!("the same fact, and each article {what} it its own way")
            } else {
                format!(
                    "{passages} passages that report the same, each article {what} them its own way"
                )
            };
            out.push(Finding {
                score: if family.kind == FamilyKind::Label {
                    1.0
                } else {
                    0.75
                },
                kind: FramingKind::Term,
                concept: family.concept.clone(),
                note: format!("{fact}: {}", list_wordings(names, &variants)),
                variants,
            });
        }
        // Each document keeps to its own wording.
        let used: Vec<Vec<usize>> = uses
            .iter()
            .map(|list| {
                let mut w: Vec<usize> = list.iter().map(|o| o.wording).collect();
                w.sort_unstable();
                w.dedup();
                w
            })
            .collect();
        let exclusive = (0..documents.len()).any(|a| {
            (0..documents.len()).any(|b| {
                !used[a].is_empty()
                    && !used[b].is_empty()
                    && used[a].iter().all(|w| !used[b].contains(w))
            })
        });
        if exclusive && aligned.is_empty() {
            let variants: Vec<Wording> = uses
                .iter()
                .enumerate()
                .flat_map(|(d, list)| {
                    list.iter()
                        .map(move |o| wording(&documents[d], o.span.start, o.span.end))
                })
                .collect();
            out.push(Finding {
                score: if family.kind == FamilyKind::Label {
                    0.6
                } else {
                    0.5
                },
                kind: FramingKind::Term,
                concept: family.concept.clone(),
                note: format!(
                    "the articles keep to different wordings: {}",
                    list_wordings(names, &variants)
                ),
                variants,
            });
        }
        // One document sets its own wording beside a rival it puts in quotation marks.
        for (d, list) in uses.iter().enumerate() {
            let document = &documents[d];
            let (inside, outside): (Vec<&&Occurrence>, Vec<&&Occurrence>) = list
                .iter()
                .partition(|o| inside_quote(&quotes_of[d], o.span.start, o.span.end));
            let rival = inside
                .iter()
                .find(|i| outside.iter().any(|o| o.wording != i.wording));
            if let (Some(rival), Some(own)) = (
                rival,
                outside
                    .iter()
                    .find(|o| rival.is_some_and(|r| o.wording != r.wording)),
            ) {
                let variants = vec![
                    wording(document, own.span.start, own.span.end),
                    wording(document, rival.span.start, rival.span.end),
                ];
                out.push(Finding {
                    score: 0.85,
                    kind: FramingKind::Term,
                    concept: family.concept.clone(),
                    note: format!(
                        "{} writes “{}” and puts the rival “{}” in quotation marks",
                        names.at(d),
                        variants[0].text,
                        variants[1].text
                    ),
                    variants,
                });
            }
        }
    }
}

/// “a” (Fox News), “b” (NYT): the distinct wordings and who uses them (case, apostrophes and
/// dots aside: “U.S. President” and “US President” are one).
pub(super) fn list_wordings(names: &ReaderNames, variants: &[Wording]) -> String {
    let mut seen: Vec<(String, &str, Vec<&str>)> = Vec::new();
    for v in variants {
        let key = word_key(&v.text);
        match seen.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, docs)) => {
                if !docs.contains(&v.doc.as_str()) {
                    docs.push(&v.doc);
                }
            }
            None => seen.push((key, &v.text, vec![&v.doc])),
        }
    }
    seen.iter()
        .map(|(_, text, docs)| {
            let who: Vec<&str> = docs.iter().map(|doc| names.of(doc)).collect();
            format!("“{text}” ({})", who.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The writer's hedging and judging words: one finding per wording, with every use outside
/// quotes. A phrase of the lexicon ("muddy the waters") is telling in itself; a single word is
/// as telling as the colour model finds its uses (`colour_at`: document and start → the
/// model's probability).
fn word_findings(
    documents: &[Document],
    names: &ReaderNames,
    speech: &[Marks],
    terms: &Terms,
    occurrences: &[Vec<Occurrence>],
    colour_at: &HashMap<(usize, usize), f64>,
    out: &mut Vec<Finding>,
) {
    let shown = shown(documents, out);
    // (family, wording) → its uses and the colour model's highest probability among them.
    let mut by_wording: BTreeMap<(usize, usize), (Vec<Wording>, f64)> = BTreeMap::new();
    for (d, list) in occurrences.iter().enumerate() {
        for o in list {
            let family = &terms.families[o.family];
            if matches!(family.kind, FamilyKind::Hedge | FamilyKind::Loaded)
                && !speech[d].holds(o.span.start, o.span.end)
                && !shown[d].overlaps(o.span.start, o.span.end)
            {
                let found = by_wording.entry((o.family, o.wording)).or_default();
                found
                    .0
                    .push(wording(&documents[d], o.span.start, o.span.end));
                let p = colour_at.get(&(d, o.span.start)).copied().unwrap_or(0.0);
                found.1 = found.1.max(p);
            }
        }
    }
    for ((f, w), (variants, p)) in by_wording {
        let family = &terms.families[f];
        let mut docs: Vec<&str> = variants.iter().map(|v| v.doc.as_str()).collect();
        docs.dedup();
        let only_some = docs.len() < documents.len();
        if !only_some && documents.len() > 1 {
            // Every document uses it: no contrast between them to show.
            continue;
        }
        let (kind, one, several) = if family.kind == FamilyKind::Hedge {
            (
                FramingKind::Hedge,
                "keeps its distance with",
                "keep their distance with",
            )
        } else {
            (FramingKind::Loaded, "judges with", "judge with")
        };
        let who: Vec<&str> = docs.iter().map(|doc| names.of(doc)).collect();
        // "RT judges with", "RT and TASS judge with".
        let (who, what) = match who.as_slice() {
            [one_name] => ((*one_name).to_owned(), one),
            [rest @ .., last] => (format!("{} and {last}", rest.join(", ")), several),
            [] => (String::new(), one),
        };
        let note = if only_some && documents.len() > 1 {
            format!(
                "{who} {what} “{}”; the other articles do not",
                family.wordings[w]
            )
        } else {
            format!("{who} {what} “{}”", family.wordings[w])
        };
        let phrase = family.wordings[w].split_whitespace().nth(1).is_some();
        out.push(Finding {
            score: if phrase {
                if variants.iter().any(|v| plain::is_vivid(&v.text)) {
                    PHRASE_CONFIDENCE
                } else {
                    PLAIN_PHRASE_CONFIDENCE
                }
            } else {
                colour::confidence(p)
            },
            kind,
            concept: format!("{}: {}", family.concept, family.wordings[w]),
            variants,
            note,
        });
    }
}

/// How sure Parallax is of a phrase the evaluative lexicon lists with a vivid word ("muddy the
/// waters", "pounced on"): such an idiom is seldom a plain report.
const PHRASE_CONFIDENCE: f64 = 0.6;
/// ... and of one made of plain words ("and even", "fight back", "on edge", "behind the
/// scenes"), which is as often meant literally or in passing: behind "show more".
const PLAIN_PHRASE_CONFIDENCE: f64 = 0.45;

/// The same quote introduced by verbs of different classes.
fn verb_findings(
    documents: &[Document],
    names: &ReaderNames,
    quotes: &[Quote],
    quote_groups: &[QuoteGroup],
    out: &mut Vec<Finding>,
) {
    let by_id: std::collections::HashMap<&str, &Quote> =
        quotes.iter().map(|q| (q.id.as_str(), q)).collect();
    let doc_of: std::collections::HashMap<&str, &Document> =
        documents.iter().map(|d| (d.id.as_str(), d)).collect();
    for group in quote_groups {
        let members: Vec<&Quote> = group
            .quotes
            .iter()
            .filter_map(|id| by_id.get(id.as_str()).copied())
            .collect();
        let mut classes: Vec<_> = members.iter().filter_map(|q| q.cue_class).collect();
        classes.sort_unstable();
        classes.dedup();
        if classes.len() < 2 {
            continue;
        }
        let mut variants = Vec::new();
        let mut described = Vec::new();
        for q in &members {
            let (Some(cue), Some(class)) = (&q.cue, q.cue_class) else {
                continue;
            };
            let Some(document) = doc_of.get(q.doc.as_str()) else {
                continue;
            };
            if let Some((start, end)) = find_cue(document, q, cue) {
                variants.push(wording(document, start, end));
                let what = match class.meaning() {
                    Some(meaning) => format!(", which {meaning}"),
                    None => String::new(),
                };
                described.push(format!("{}: “{cue}”{what}", names.of(&q.doc)));
            }
        }
        if variants.len() < 2 {
            continue;
        }
        let speaker = members.iter().find_map(|q| q.speaker.clone());
        let opening = opening(&members[0].text);
        out.push(Finding {
            score: 0.9,
            kind: FramingKind::Verb,
            concept: match speaker {
                Some(name) => format!("{name}: “{opening} …”"),
                None => format!("“{opening} …”"),
            },
            variants,
            note: format!(
                "the same quote, introduced differently: {}",
                described.join(" · ")
            ),
        });
    }
}

/// Reporting verbs that do more than report (insisted, claimed, admitted, slammed), whether
/// they introduce a quote or report speech in the writer's words ("claimed that ..."): one
/// finding per document and class, unless every document uses that verb. A form after a
/// determiner is a noun ("the claims", "his demands") and is left alone.
fn speech_verb_findings(
    documents: &[Document],
    names: &ReaderNames,
    speech: &[Marks],
    keys: &[Vec<String>],
    verbs: &ReportingVerbs,
    out: &mut Vec<Finding>,
) {
    let shown = shown(documents, out);
    // (document, start, end, lemma, class) for each use.
    let mut uses = Vec::new();
    for (d, document) in documents.iter().enumerate() {
        let keys = &keys[d];
        for i in 0..keys.len() {
            let Some(found) = verbs.find(&keys[i..(i + 3).min(keys.len())]) else {
                continue;
            };
            let noun = i > 0 && DETERMINERS.contains(&keys[i - 1].as_str());
            let words = &document.words;
            let (start, end) = (words[i].start, words[i + found.words - 1].end);
            if found.class == VerbClass::Neutral
                || noun
                || speech[d].holds(start, end)
                || shown[d].overlaps(start, end)
            {
                continue;
            }
            uses.push((d, start, end, found.lemma, found.class));
        }
    }
    // The documents that use each verb.
    let mut users: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &(d, .., lemma, _) in &uses {
        let list = users.entry(lemma).or_default();
        if list.last() != Some(&d) {
            list.push(d);
        }
    }
    let mut more = Vec::new();
    let mut by_doc: Vec<BTreeMap<VerbClass, Vec<Wording>>> = vec![BTreeMap::new(); documents.len()];
    for &(d, start, end, lemma, class) in &uses {
        let everyone = documents.len() > 1 && users[lemma].len() == documents.len();
        if !everyone {
            by_doc[d]
                .entry(class)
                .or_default()
                .push(wording(&documents[d], start, end));
        }
    }
    for (d, by_class) in by_doc.into_iter().enumerate() {
        for (class, variants) in by_class {
            // Each verb once, however often the article uses it.
            let mut listed: Vec<String> = Vec::new();
            for v in &variants {
                let verb = format!("“{}”", v.text);
                if !listed.contains(&verb) {
                    listed.push(verb);
                }
            }
            let meaning = class.meaning().unwrap_or("reports and nothing more");
            more.push(Finding {
                score: 0.5,
                kind: FramingKind::Verb,
                concept: format!("{}: {}", names.at(d), listed.join(", ")),
                note: format!(
                    "{} reports what people say with {}: each {meaning}",
                    names.at(d),
                    listed.join(", ")
                ),
                variants,
            });
        }
    }
    out.append(&mut more);
}

/// Byte ranges in one document, for overlap and containment questions in logarithmic time.
#[derive(Debug, Default)]
struct Marks {
    /// Sorted.
    starts: Vec<usize>,
    /// For each range in start order, the furthest end among it and those before it.
    reach: Vec<usize>,
}

impl Marks {
    fn new(mut ranges: Vec<(usize, usize)>) -> Self {
        ranges.sort_unstable();
        let mut reach = Vec::with_capacity(ranges.len());
        let mut furthest = 0;
        for &(_, end) in &ranges {
            furthest = furthest.max(end);
            reach.push(furthest);
        }
        Marks {
            starts: ranges.into_iter().map(|(start, _)| start).collect(),
            reach,
        }
    }

    /// Whether a range overlaps `start..end`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let k = self.starts.partition_point(|&s| s < end);
        k > 0 && self.reach[k - 1] > start
    }

    /// Whether a range holds all of `start..end`.
    fn holds(&self, start: usize, end: usize) -> bool {
        let k = self.starts.partition_point(|&s| s <= start);
        k > 0 && self.reach[k - 1] >= end
    }
}

/// Per document, the wordings the findings so far show.
fn shown(documents: &[Document], findings: &[Finding]) -> Vec<Marks> {
    let index: BTreeMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(d, document)| (document.id.as_str(), d))
        .collect();
    let mut ranges = vec![Vec::new(); documents.len()];
    for v in findings.iter().flat_map(|f| &f.variants) {
        if let Some(&d) = index.get(v.doc.as_str()) {
            ranges[d].push((v.start, v.end));
        }
    }
    ranges.into_iter().map(Marks::new).collect()
}

/// Per document, the words it gives to speakers: its direct quotes, and the partial or short
/// quotes its sentences attribute ("called the article “misleading”", "said the report was
/// “bombastic”"). A quote given to nobody is the writer's choice of words.
fn speech(
    documents: &[Document],
    keys: &[Vec<String>],
    verbs: &ReportingVerbs,
    quotes_of: &[Vec<&Quote>],
) -> Vec<Marks> {
    quotes_of
        .iter()
        .enumerate()
        .map(|(d, quotes)| {
            Marks::new(
                quotes
                    .iter()
                    .filter(|q| match q.kind {
                        QuoteKind::Direct => true,
                        QuoteKind::Partial if q.speaker.is_some() => true,
                        _ => scare::attributed(&documents[d], &keys[d], verbs, q),
                    })
                    .map(|q| (q.start, q.end))
                    .collect(),
            )
        })
        .collect()
}

/// Where a quote's reporting verb stands: the nearest match after the quote, else before it.
fn find_cue(document: &Document, quote: &Quote, cue: &str) -> Option<(usize, usize)> {
    let text = &document.text;
    let cue = cue.to_lowercase();
    let clamp = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let after_end = clamp(quote.end + 240);
    if let Some(k) = text[quote.end..after_end].to_lowercase().find(&cue) {
        return Some((quote.end + k, quote.end + k + cue.len()));
    }
    let before_start = clamp(quote.start.saturating_sub(240));
    let window = text[before_start..quote.start].to_lowercase();
    window
        .rfind(&cue)
        .map(|k| (before_start + k, before_start + k + cue.len()))
}

#[cfg(test)]
mod tests {
    use crate::comparison::{Comparison, FramingDifference, FramingKind};

    fn compare(texts: &[&str]) -> Comparison {
        crate::analysis::compare_texts(texts)
    }

    /// The findings of a kind, shown or less certain.
    fn of_kind(c: &Comparison, kind: FramingKind) -> Vec<&FramingDifference> {
        c.framing
            .iter()
            .chain(&c.framing_more)
            .filter(|f| f.kind == kind)
            .collect()
    }

    fn texts(f: &FramingDifference) -> Vec<(&str, &str)> {
        f.variants
            .iter()
            .map(|v| (v.doc.as_str(), v.text.as_str()))
            .collect()
    }

    #[test]
    fn one_fact_worded_with_rival_terms_is_a_term_finding_first() {
        let c = compare(&[
            "Moscow completed the annexation of the peninsula in March after a disputed vote.",
            "Moscow completed the reunification of the peninsula in March after a popular vote.",
        ]);
        let first = &c.framing[0];
        assert_eq!(first.kind, FramingKind::Term);
        assert_eq!(first.concept, "status of Crimea");
        assert_eq!(
            texts(first),
            [("d0", "annexation"), ("d1", "reunification")]
        );
        // Offsets point at the words.
        for v in &first.variants {
            let doc = c.documents.iter().find(|d| d.id == v.doc).unwrap();
            assert_eq!(&doc.text[v.start..v.end], v.text);
        }
    }

    #[test]
    fn a_term_beside_its_scare_quoted_rival_is_a_juxtaposition() {
        let c = compare(&[
            "The peninsula was accepted into the federation, a step slammed as ‘annexation’ by \
             the West.",
        ]);
        let terms = of_kind(&c, FramingKind::Term);
        assert_eq!(terms.len(), 1, "{:?}", c.framing);
        assert_eq!(
            texts(terms[0]),
            [("d0", "accepted into"), ("d0", "annexation")]
        );
        assert!(
            terms[0].note.contains(
                "doc0.txt writes “accepted into” and puts the rival “annexation” in quotation marks"
            ),
            "{}",
            terms[0].note
        );
    }

    #[test]
    fn documents_keeping_to_different_spellings_are_flagged() {
        let c = compare(&[
            "Talks were held in Kiev on Monday between the two delegations. Both sides agreed \
             to exchange the remaining prisoners before the end of the month.",
            "Officials in Kyiv said the delegations met for three hours. The two sides agreed \
             to exchange the remaining prisoners before the end of the month.",
        ]);
        let terms = of_kind(&c, FramingKind::Term);
        assert_eq!(terms.len(), 1, "{:?}", c.framing);
        assert_eq!(terms[0].concept, "capital of Ukraine");
        assert_eq!(texts(terms[0]), [("d0", "Kiev"), ("d1", "Kyiv")]);
    }

    #[test]
    fn the_same_quote_under_verbs_of_different_classes_is_a_verb_finding() {
        let c = compare(&[
            "\"The wall will hold through the winter and beyond,\" the mayor said on Monday.",
            "\"The wall will hold through the winter and beyond,\" the mayor claimed on Monday.",
        ]);
        let verbs = of_kind(&c, FramingKind::Verb);
        assert_eq!(verbs.len(), 1, "{:?}", c.framing);
        assert_eq!(texts(verbs[0]), [("d0", "said"), ("d1", "claimed")]);
        assert_eq!(
            verbs[0].note,
            "the same quote, introduced differently: doc0.txt: “said” · doc1.txt: “claimed”, \
             which casts doubt on the words"
        );
    }

    #[test]
    fn a_replaced_label_is_kept_and_a_spelling_or_tense_change_is_not() {
        let c = compare(&[
            "Residents face relocation from the terraces on the east bank of the Tesk, the \
             council confirmed. The program was approved by the council of Calder.",
            "Residents face eviction from the terraces on the east bank of the Tesk, the council \
             confirmed. The programme is approved by the council of Calder.",
        ]);
        let subs: Vec<Vec<(&str, &str)>> = of_kind(&c, FramingKind::Substitution)
            .into_iter()
            .map(texts)
            .collect();
        assert_eq!(subs, [vec![("d0", "relocation"), ("d1", "eviction")]]);
    }

    #[test]
    fn one_referent_swapped_in_several_passages_is_one_finding_and_acts_are_none() {
        let c = compare(&[
            "The consortium closed the rail depot at dawn. Later the consortium reopened the \
             market square to traders. Officials were calling the move temporary.",
            "The venture closed the rail depot at dawn. Later the partnership reopened the \
             market square to traders. Officials were describing the move as temporary.",
        ]);
        let subs: Vec<Vec<(&str, &str)>> = of_kind(&c, FramingKind::Substitution)
            .into_iter()
            .map(texts)
            .collect();
        // "consortium" / "venture" and "consortium" / "partnership" name one thing; "calling"
        // / "describing" is an act, not a name.
        assert_eq!(
            subs,
            [vec![
                ("d0", "consortium"),
                ("d1", "venture"),
                ("d1", "partnership")
            ]],
            "{:?}",
            c.framing
        );
    }

    #[test]
    fn a_family_of_rival_terms_worded_differently_in_several_passages_is_one_finding() {
        let c = compare(&[
            "The regime closed the border crossing at dawn. Later the regime reopened the \
             market square to traders.",
            "The government closed the border crossing at dawn. Later the authorities \
             reopened the market square to traders.",
        ]);
        let terms = of_kind(&c, FramingKind::Term);
        assert_eq!(terms.len(), 1, "{:?}", c.framing);
        assert!(
            terms[0].note.starts_with("2 passages that report the same"),
            "{}",
            terms[0].note
        );
        assert!(
            of_kind(&c, FramingKind::Substitution).is_empty(),
            "{:?}",
            c.framing
        );
    }

    #[test]
    fn a_swapped_modifier_is_shown_with_the_head_both_passages_share() {
        let c = compare(&[
            "Police detained forty unlicensed vendors near the harbour on Sunday night.",
            "Police detained forty informal vendors near the harbour on Sunday night.",
        ]);
        let subs: Vec<Vec<(&str, &str)>> = of_kind(&c, FramingKind::Substitution)
            .into_iter()
            .map(texts)
            .collect();
        assert_eq!(
            subs,
            [vec![
                ("d0", "unlicensed vendors"),
                ("d1", "informal vendors")
            ]],
            "{:?}",
            c.framing
        );
    }

    #[test]
    fn scare_quotes_show_who_uses_the_word_plainly() {
        let c = compare(&[
            "Opponents mocked the so-called ‘consultation’ held in the library.",
            "The consultation was held in the library over two afternoons.",
        ]);
        let scare = of_kind(&c, FramingKind::ScareQuote);
        assert_eq!(scare.len(), 1, "{:?}", c.framing);
        assert_eq!(
            texts(scare[0]),
            [("d0", "consultation"), ("d1", "consultation")]
        );
        let hedges = of_kind(&c, FramingKind::Hedge);
        assert_eq!(hedges.len(), 1);
        assert_eq!(texts(hedges[0]), [("d0", "so-called")]);
    }

    #[test]
    fn judging_words_one_outlet_uses_are_flagged_and_shared_ones_are_not() {
        let c = compare(&[
            "The embattled mayor slammed the critics of the barrier plan.",
            "The mayor answered the critics of the barrier plan.",
        ]);
        let loaded: Vec<Vec<(&str, &str)>> = of_kind(&c, FramingKind::Loaded)
            .into_iter()
            .map(texts)
            .collect();
        assert!(loaded.contains(&vec![("d0", "embattled")]), "{loaded:?}");
        assert!(loaded.contains(&vec![("d0", "slammed")]), "{loaded:?}");
        let both = compare(&[
            "The embattled mayor spoke.",
            "The embattled mayor answered.",
        ]);
        assert!(of_kind(&both, FramingKind::Loaded).is_empty());
    }

    #[test]
    fn speech_verbs_in_the_writers_words_are_flagged_and_nouns_are_not() {
        let c = compare(&[
            "The developer contended that the wall was safe. The charges against him were \
             checked by the council on Monday.",
            "The developer said that the wall was safe. The council checked it on Monday.",
        ]);
        let verbs: Vec<Vec<(&str, &str)>> = of_kind(&c, FramingKind::Verb)
            .into_iter()
            .map(texts)
            .collect();
        assert_eq!(verbs, [vec![("d0", "contended")]], "{:?}", c.framing);
        assert!(
            of_kind(&c, FramingKind::Verb)[0]
                .note
                .contains("doc0.txt reports what people say with “contended”: each casts doubt"),
            "{}",
            of_kind(&c, FramingKind::Verb)[0].note
        );
    }

    #[test]
    fn weaker_findings_stay_within_each_documents_budget() {
        // Twelve judging words in a short text: more than a budget of 64 bytes can mark.
        let heavy = "The embattled, reckless, shameless, disgraceful, incompetent, corrupt, \
                     arrogant, cynical, hapless, bumbling, scandalous and ruthless mayor spoke.";
        let c = compare(&[heavy, "The mayor spoke."]);
        let marked: usize = c
            .framing
            .iter()
            .flat_map(|f| &f.variants)
            .filter(|v| v.doc == "d0")
            .map(|v| v.end - v.start)
            .sum();
        assert!(
            marked > 0 && marked <= 64,
            "{marked} bytes: {:?}",
            c.framing
        );
        // The likeliest are the ones kept.
        assert!(
            c.framing
                .iter()
                .any(|f| f.variants.iter().any(|v| v.text == "reckless"))
        );
    }

    #[test]
    fn attributed_words_and_titles_are_no_scare_quotes_and_so_called_ones_are() {
        let c = compare(&[
            "The mayor said the talks were a “good start” on the ferry dispute. Crews watched \
             “Harbour Lights Tonight” on the quay. Union leaders mocked the so-called \
             ‘consultation’ held in the library. The minister signaled that she was “okay” \
             with the plan.",
            "The mayor said the talks were a good start on the ferry dispute. Crews watched \
             the show on the quay. Union leaders criticised the consultation held in the \
             library.",
        ]);
        let scare: Vec<&str> = of_kind(&c, FramingKind::ScareQuote)
            .iter()
            .map(|f| f.concept.as_str())
            .collect();
        assert_eq!(
            scare,
            ["consultation"],
            "{:?} {:?}",
            c.framing,
            c.framing_more
        );
    }

    #[test]
    fn a_rival_term_in_quotation_marks_is_told_once() {
        let c = compare(&[
            "The region voted to join the federation, an outcome the West calls ‘annexation’. \
             The region was accepted into the federation in March.",
            "The annexation of the region was completed in March, officials said.",
        ]);
        let annexation = c
            .framing
            .iter()
            .chain(&c.framing_more)
            .filter(|f| f.variants.iter().any(|v| v.text == "annexation"))
            .count();
        assert_eq!(annexation, 1, "{:?}", c.framing);
    }

    #[test]
    fn plain_words_one_article_uses_alone_are_less_certain_and_vivid_ones_are_shown() {
        let c = compare(&[
            "The bombastic harbour master repeatedly defended the storm wall on Monday.",
            "The harbour master defended the storm wall on Monday.",
        ]);
        let shown: Vec<&str> = c
            .framing
            .iter()
            .flat_map(|f| f.variants.iter().map(|v| v.text.as_str()))
            .collect();
        let more: Vec<&str> = c
            .framing_more
            .iter()
            .flat_map(|f| f.variants.iter().map(|v| v.text.as_str()))
            .collect();
        assert!(shown.contains(&"bombastic"), "{:?}", c.framing);
        assert!(!shown.contains(&"repeatedly"), "{:?}", c.framing);
        assert!(
            c.framing
                .iter()
                .all(|f| f.confidence >= FramingDifference::CUT)
                && c.framing_more
                    .iter()
                    .all(|f| f.confidence < FramingDifference::CUT),
            "{more:?}"
        );
    }

    #[test]
    fn a_loaded_word_in_somebodys_partial_quote_is_theirs_not_the_writers() {
        let c = compare(&[
            "The harbour master said the report was “bombastic” and would be ignored. The \
             storm wall opened on Monday.",
            "The harbour master said the report would be ignored. The storm wall opened on \
             Monday.",
        ]);
        assert!(
            c.quotes.iter().any(|q| q.text == "bombastic"),
            "{:?}",
            c.quotes
        );
        assert!(
            of_kind(&c, FramingKind::Loaded).is_empty(),
            "{:?}",
            c.framing
        );
        assert!(
            of_kind(&c, FramingKind::ScareQuote).is_empty(),
            "{:?}",
            c.framing
        );
    }

    #[test]
    fn an_article_full_of_loaded_words_shows_its_strongest_and_keeps_the_rest() {
        let c = compare(&[
            "Bizarre scenes. The brash mayor blasted the feeble plan in a furious tirade, then \
             mocked the hapless council, snubbed the beleaguered clerks, derided the shambolic \
             budget, lambasted the dismal roads, scoffed at the reckless builders, belittled \
             the timid press and ridiculed the gullible voters in a chaotic, acrimonious \
             session. The council meets on the first Tuesday of each month in the town hall. \
             The budget for the coming year covers roads, schools, parks and the library. \
             Officials said the plan would be put to a vote in the spring. The roads \
             department has asked for more money to repair the bridges on the river. The \
             library will open on Sundays from next month. Builders have been asked to \
             submit their bids by the end of the year. The press office said the minutes \
             would be published on the council website. Voters can attend the meetings and \
             ask questions at the end of each session. The mayor was elected three years \
             ago and will stand again next year. The clerks handle the council's records \
             and the payments to suppliers. A new bus route will link the station and the \
             hospital from March. The swimming pool closes for repairs in the summer. \
             Residents may collect bins from the depot on weekdays. The market moves to \
             the square while the hall is painted.",
            "The mayor spoke at the town hall on Tuesday.",
        ]);
        let words = |list: &[FramingDifference]| {
            list.iter()
                .filter(|f| {
                    matches!(
                        f.kind,
                        FramingKind::Hedge | FramingKind::Loaded | FramingKind::Wording
                    )
                })
                .count()
        };
        assert_eq!(words(&c.framing), super::WORDS_SHOWN, "{:?}", c.framing);
        assert!(words(&c.framing_more) > 0, "{:?}", c.framing_more);
        // The shown ones are the most telling.
        let weakest_shown = c
            .framing
            .iter()
            .map(|f| f.confidence)
            .fold(f64::INFINITY, f64::min);
        assert!(
            c.framing_more.iter().all(|f| f.confidence <= weakest_shown),
            "{:?}",
            c.framing_more
        );
    }
}
