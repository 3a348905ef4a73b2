//! Alignment: the same quote and the same fact across all documents, and what changed.
//!
//! Units (quotes, sentences) get features ([`features`]): word pairs and content stems.
//! Candidate pairs come from an inverted index of those features ([`index`]), so the work grows
//! with the amount of text. Each candidate pair is scored by two measures:
//!
//! - *containment*: the share of the shorter unit's word pairs that the other one also has, so
//!   a trimmed or spliced quote still matches its full version;
//! - *content similarity*: how much of their content words (stemmed, weighted by rarity) the two
//!   share, so a sentence reworded or translated differently still matches.
//!
//! Pairs that pass become edges, strongest first, joining units into groups across any number
//! of documents. A group holds one unit per document, or two neighbouring ones when a document
//! split into two what another says in one. Inside each group, [`diff`] gives the
//! word-level changes from the first document's wording to every other's.
//!
//! From the groups follow the omissions (what each document carries that others do not) and the
//! reprints (a document whose sentences are nearly all copies of another's).

pub mod features;
pub mod index;
pub mod paraphrase;
pub mod story;

use std::collections::{HashMap, HashSet};

use features::{Lexicon, Unit, shared, shared_weight};
use paraphrase::{Model, Words};

use super::clean::Role;
use super::diff::{self, Side, word_key};
use super::metadata;
use super::segment::{Span, squeeze};
use crate::comparison::{
    DocSet, Document, Omission, Piece, Quote, QuoteGroup, QuoteKind, SentenceGroup, SentenceRef,
    Story, WordEdit, document_index,
};

/// Everything alignment adds to a comparison.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    pub quote_groups: Vec<QuoteGroup>,
    pub sentence_groups: Vec<SentenceGroup>,
    pub omissions: Vec<Omission>,
    /// Per document, the document it is a reprint of.
    pub reprint_of: Vec<Option<usize>>,
    pub story: Story,
}

/// Share of a document's words in near-copies of another's sentences that makes it a reprint.
const REPRINT_SHARE: f64 = 0.6;

/// A reprint copies at least this many sentences (two documents that share one long quote are
/// not copies of each other).
const MIN_COPIES: usize = 3;

/// Aligns the quotes and sentences of `documents`.
#[must_use]
pub fn align(documents: &[Document], quotes: &[Quote]) -> Alignment {
    let lexicon = Lexicon::new(documents);
    let doc_index = |id: &str| documents.iter().position(|d| d.id == id);

    let sentences: Vec<Unit> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, document)| {
            let lexicon = &lexicon;
            document.sentences.iter().map(move |s| {
                // A dateline ("CALDER, March 12 /NCR/ -") says where the article was filed,
                // not what happened: the sentence is measured without it.
                let dateline = metadata::dateline_len(&document.text[s.start..s.end]);
                Unit::new(
                    documents,
                    lexicon,
                    d,
                    s.index,
                    Span {
                        start: s.start + dateline.unwrap_or(0),
                        end: s.end,
                    },
                )
            })
        })
        .filter(|unit| unit.content.len() >= 2)
        .collect();
    let quote_units: Vec<Unit> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind != QuoteKind::Scare)
        .filter_map(|(k, q)| {
            let d = doc_index(&q.doc)?;
            Some(Unit::new(
                documents,
                &lexicon,
                d,
                k,
                Span {
                    start: q.start,
                    end: q.end,
                },
            ))
        })
        .filter(|unit| unit.words.len() >= 2)
        .collect();

    let sentence_weights = weights(&sentences, lexicon.stem_count);
    let quote_weights = weights(&quote_units, lexicon.stem_count);
    let judge = Model::shipped().map(|model| Judge {
        model,
        words: sentences
            .iter()
            .map(|unit| Words::of(documents, &lexicon, unit, model))
            .collect(),
    });
    let sentence_edges = edges(
        &sentences,
        &lexicon,
        &sentence_weights,
        Kind::Sentence,
        judge.as_ref(),
    );
    let quote_edges = edges(&quote_units, &lexicon, &quote_weights, Kind::Quote, None);

    let reprint_of = reprints(documents, &sentences, &sentence_edges);
    // A pair alike enough to carry the same fact, but not found to say the same thing, keeps
    // each sentence from being claimed as left out, without making them a shared fact.
    let (sentence_edges, carried_only): (Vec<Edge>, Vec<Edge>) =
        sentence_edges.into_iter().partition(|e| e.same);
    let original = |d: usize| reprint_of[d].unwrap_or(d);

    let sentence_clusters = cluster(&sentences, sentence_edges, Kind::Sentence);
    let quote_clusters = cluster(&quote_units, quote_edges, Kind::Quote);

    let mut alignment = Alignment {
        reprint_of: reprint_of.clone(),
        ..Alignment::default()
    };
    for (n, cluster) in sentence_clusters.iter().enumerate() {
        alignment.sentence_groups.push(SentenceGroup {
            id: format!("s{n}"),
            members: cluster
                .members
                .iter()
                .map(|&u| SentenceRef {
                    doc: documents[sentences[u].doc].id.clone(),
                    sentence: sentences[u].order,
                })
                .collect(),
            similarity: cluster.similarity(),
            sources: sources(&cluster.members, &sentences, original),
            diff: group_diff(documents, &lexicon, &sentences, &cluster.members),
        });
    }
    for (n, cluster) in quote_clusters.iter().enumerate() {
        alignment.quote_groups.push(QuoteGroup {
            id: format!("g{n}"),
            quotes: cluster
                .members
                .iter()
                .map(|&u| quotes[quote_units[u].order].id.clone())
                .collect(),
            similarity: cluster.similarity(),
            sources: sources(&cluster.members, &quote_units, original),
            diff: group_diff(documents, &lexicon, &quote_units, &cluster.members),
        });
    }
    // Per pair of documents, the sentence groups and quote groups that hold both.
    let mut shared: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    for (clusters, units, quote) in [
        (&sentence_clusters, &sentences, false),
        (&quote_clusters, &quote_units, true),
    ] {
        for cluster in clusters {
            // A short quote in capitals is a title ("Meet the Press"), quoted by many stories.
            if quote
                && cluster
                    .members
                    .iter()
                    .all(|&m| is_title(documents, &units[m]))
            {
                continue;
            }
            let mut docs: Vec<usize> = cluster.members.iter().map(|&m| units[m].doc).collect();
            docs.sort_unstable();
            docs.dedup();
            for (i, &a) in docs.iter().enumerate() {
                for &b in &docs[i + 1..] {
                    let entry = shared.entry((a, b)).or_default();
                    if quote {
                        entry.1 += 1;
                    } else {
                        entry.0 += 1;
                    }
                }
            }
        }
    }
    let story = story::story(documents, &lexicon, &shared);
    let mut event = vec![0; documents.len()];
    for (g, group) in story.groups.iter().enumerate() {
        for id in group {
            if let Some(d) = doc_index(id) {
                event[d] = g;
            }
        }
    }
    alignment.omissions = omissions(
        documents,
        quotes,
        (&sentences, &sentence_clusters),
        (&quote_units, &quote_clusters),
        &carried_only,
        (&lexicon, &event),
    );
    alignment.story = story;
    alignment
}

/// How rare each content stem is among the units: `ln(1 + units / units with it)`.
fn weights(units: &[Unit], stem_count: usize) -> Vec<f64> {
    let mut df = vec![0u32; stem_count];
    for unit in units {
        for &s in &unit.content {
            df[s as usize] += 1;
        }
    }
    let n = units.len().max(1) as f64;
    df.into_iter()
        .map(|d| (1.0 + n / f64::from(d.max(1))).ln())
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sentence,
    Quote,
}

/// Two units found to carry the same quote or fact.
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: usize,
    b: usize,
    score: f64,
    /// The shorter unit is (nearly) a piece of the longer: it may join a neighbour in a group.
    part: bool,
    /// How many word pairs and content words the two share.
    evidence: usize,
    /// Nearly word for word: shared word pairs over the longer unit's.
    copy: bool,
    /// The two say the same thing (for quotes, always): a shared fact, not only a fact carried.
    same: bool,
}

/// How alike two units are.
#[derive(Debug, Clone, Copy)]
struct Measures {
    /// Shared word pairs over the shorter unit's.
    containment: f64,
    shared_pairs: usize,
    /// Weighted Dice coefficient of content stems.
    content: f64,
    /// Weighted shared content over the shorter unit's.
    content_containment: f64,
    shared_content: usize,
}

fn measure(a: &Unit, b: &Unit, weight: &[f64]) -> Measures {
    let shared_pairs = shared(&a.shingles, &b.shingles);
    let shorter = a.shingles.len().min(b.shingles.len()).max(1);
    let total = |u: &Unit| u.content.iter().map(|&s| weight[s as usize]).sum::<f64>();
    let (wa, wb) = (total(a), total(b));
    let common = shared_weight(&a.content, &b.content, weight);
    Measures {
        containment: shared_pairs as f64 / shorter as f64,
        shared_pairs,
        content: if wa + wb > 0.0 {
            2.0 * common / (wa + wb)
        } else {
            0.0
        },
        content_containment: if wa.min(wb) > 0.0 {
            common / wa.min(wb)
        } else {
            0.0
        },
        shared_content: shared(&a.content, &b.content),
    }
}

/// Whether a unit is a title: at most four words, every word that is not a function word
/// capitalised.
fn is_title(documents: &[Document], unit: &Unit) -> bool {
    let document = &documents[unit.doc];
    let words = &document.words[unit.words.clone()];
    words.len() <= 4
        && words.iter().all(|w| {
            let raw = &document.text[w.start..w.end];
            features::is_function_word(&word_key(raw))
                || raw.chars().next().is_some_and(char::is_uppercase)
        })
}

/// The paraphrase model and the sentences' words as it measures them.
struct Judge {
    model: &'static Model,
    words: Vec<Words>,
}

/// How sure the model must be that two sentences say the same thing to make them a shared fact.
pub const SAME_FACT: f64 = 0.5;

/// The score of a pair when it is a match, else `None`.
fn score(
    (a, b): (&Unit, &Unit),
    lexicon: &Lexicon,
    weight: &[f64],
    kind: Kind,
    same: &dyn Fn() -> Option<f64>,
) -> Option<Edge> {
    let m = measure(a, b, weight);
    let edge = |score: f64, part: bool, same: bool| {
        Some(Edge {
            same,
            a: 0,
            b: 0,
            score: score.min(1.0),
            part,
            evidence: m.shared_pairs + m.shared_content,
            copy: m.shared_pairs as f64 >= 0.8 * a.shingles.len().max(b.shingles.len()) as f64,
        })
    };
    match kind {
        Kind::Quote => {
            let shorter = a.shingles.len().min(b.shingles.len());
            if shorter < 3 {
                // Two or three words: only the same words are the same quote, alone or in a
                // row inside the other's longer quote ("legitimate rape" in "If it's a
                // legitimate rape, ...").
                let keys = |u: &Unit| &lexicon.keys[u.doc][u.words.clone()];
                let (short, long, short_unit) = if keys(a).len() <= keys(b).len() {
                    (keys(a), keys(b), a)
                } else {
                    (keys(b), keys(a), b)
                };
                // Inside a longer quote, only words that say something: "no information" is
                // in too many quotes to be one.
                return if short == long {
                    edge(1.0, true, true)
                } else if short_unit.content.len() >= 2
                    && long.windows(short.len()).any(|run| run == short)
                {
                    edge(0.9, true, true)
                } else {
                    None
                };
            }
            if m.shared_pairs >= 3 && m.containment >= 0.5 {
                edge(m.containment.max(m.content), m.containment >= 0.7, true)
            } else if m.shared_content >= 3 && m.content >= 0.5 {
                edge(m.content, false, true)
            } else {
                None
            }
        }
        Kind::Sentence => {
            let best = m
                .containment
                .max(m.content)
                .max(0.9 * m.content_containment);
            let part = m.containment >= 0.7 || m.content_containment >= 0.75;
            let plausible = (m.shared_pairs >= 3 && m.containment >= 0.5)
                || (m.shared_content >= 3 && m.content >= 0.4)
                || (m.shared_content >= 4 && m.content_containment >= 0.75);
            // Word for word, or one nearly whole inside the other, is the same fact carried;
            // in other words, the model must find that the two say the same thing.
            let carried = m.containment >= 0.9 && m.shared_pairs >= 4;
            let said = || same().is_some_and(|p| p >= SAME_FACT);
            if plausible {
                edge(best, part, carried || same().is_none_or(|p| p >= SAME_FACT))
            } else if m.shared_content >= 3 && m.content >= 0.3 && said() {
                // Below the looser measures, the model alone decides, but only for pairs that
                // share content: the pairs it learned from all do.
                edge(best, part, true)
            } else {
                None
            }
        }
    }
}

/// Scores every candidate pair; for sentences, a pair whose neighbours also match gets a small
/// bonus, so that among like matches the one in document order wins.
fn edges(
    units: &[Unit],
    lexicon: &Lexicon,
    weight: &[f64],
    kind: Kind,
    judge: Option<&Judge>,
) -> Vec<Edge> {
    let mut found: Vec<Edge> = index::candidates(units)
        .into_iter()
        .filter_map(|(a, b)| {
            let same =
                || judge.map(|judge| judge.model.probability(&judge.words[a], &judge.words[b]));
            score((&units[a], &units[b]), lexicon, weight, kind, &same).map(|e| Edge { a, b, ..e })
        })
        .collect();
    if kind == Kind::Sentence {
        let key = |u: &Unit| (u.doc, u.order);
        let pairs: HashSet<((usize, usize), (usize, usize))> = found
            .iter()
            .map(|e| (key(&units[e.a]), key(&units[e.b])))
            .collect();
        for edge in &mut found {
            let ((da, oa), (db, ob)) = (key(&units[edge.a]), key(&units[edge.b]));
            let neighbour = |step: isize| {
                let (Some(a), Some(b)) = (oa.checked_add_signed(step), ob.checked_add_signed(step))
                else {
                    return false;
                };
                pairs.contains(&((da, a), (db, b)))
            };
            if neighbour(-1) || neighbour(1) {
                edge.score += 0.05;
            }
        }
    }
    // Strongest first; of equal scores, the one with more shared words.
    found.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(y.evidence.cmp(&x.evidence))
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    found
}

/// A group being built: its units (sorted) and the scores of the edges that joined them.
#[derive(Debug, Clone, Default)]
struct Cluster {
    members: Vec<usize>,
    score_sum: f64,
    edges: usize,
}

impl Cluster {
    fn similarity(&self) -> f64 {
        let mean = self.score_sum / self.edges.max(1) as f64;
        (mean.min(1.0) * 1000.0).round() / 1000.0
    }
}

/// Whether two units of one document may sit in the same group: neighbouring sentences (a
/// split), or quotes next to each other.
fn neighbours(a: &Unit, b: &Unit, kind: Kind) -> bool {
    a.doc == b.doc
        && match kind {
            Kind::Sentence => a.order.abs_diff(b.order) == 1,
            Kind::Quote => a.order.abs_diff(b.order) <= 2,
        }
}

/// Joins units along the edges, strongest first, into groups spanning several documents.
fn cluster(units: &[Unit], edges: Vec<Edge>, kind: Kind) -> Vec<Cluster> {
    let mut of: Vec<usize> = (0..units.len()).collect();
    let mut clusters: Vec<Cluster> = (0..units.len())
        .map(|u| Cluster {
            members: vec![u],
            ..Cluster::default()
        })
        .collect();
    for edge in &edges {
        let (x, y) = (of[edge.a], of[edge.b]);
        if x == y {
            continue;
        }
        let fits = clusters[x].members.iter().all(|&m| {
            let same: Vec<usize> = clusters[y]
                .members
                .iter()
                .copied()
                .filter(|&n| units[n].doc == units[m].doc)
                .collect();
            same.is_empty()
                || (edge.part
                    && same.len() == 1
                    && clusters[x]
                        .members
                        .iter()
                        .filter(|&&o| units[o].doc == units[m].doc)
                        .count()
                        == 1
                    && neighbours(&units[m], &units[same[0]], kind))
        });
        if !fits {
            continue;
        }
        let (keep, gone) = if clusters[x].members.len() >= clusters[y].members.len() {
            (x, y)
        } else {
            (y, x)
        };
        let moved = std::mem::take(&mut clusters[gone]);
        for &m in &moved.members {
            of[m] = keep;
        }
        let target = &mut clusters[keep];
        target.members.extend(moved.members);
        target.members.sort_unstable();
        target.score_sum += moved.score_sum + edge.score;
        target.edges += moved.edges + 1;
    }
    // A long quote that holds two shorter ones of another document (which are not neighbours
    // there) belongs with both: it joins the shorter one's group as well, when that group has
    // nothing from its document yet.
    for edge in edges.iter().filter(|e| e.part) {
        let (short, long) = if units[edge.a].words.len() <= units[edge.b].words.len() {
            (edge.a, edge.b)
        } else {
            (edge.b, edge.a)
        };
        let x = of[short];
        if of[long] == x
            || clusters[x]
                .members
                .iter()
                .any(|&m| units[m].doc == units[long].doc)
        {
            continue;
        }
        let target = &mut clusters[x];
        target.members.push(long);
        target.members.sort_unstable();
        target.score_sum += edge.score;
        target.edges += 1;
    }
    let mut groups: Vec<Cluster> = clusters
        .into_iter()
        .filter(|c| c.members.len() >= 2)
        .collect();
    groups.sort_by(|a, b| a.members.cmp(&b.members));
    groups
}

/// How many independent sources carry a group: reprints count with their original.
fn sources(members: &[usize], units: &[Unit], original: impl Fn(usize) -> usize) -> usize {
    let mut docs: Vec<usize> = members.iter().map(|&u| original(units[u].doc)).collect();
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

/// The word-level changes from the first document's wording in a group to each other
/// document's. A document with two units in the group (a split) counts as their words in order.
fn group_diff(
    documents: &[Document],
    lexicon: &Lexicon,
    units: &[Unit],
    members: &[usize],
) -> Vec<WordEdit> {
    let mut by_doc: Vec<(usize, Vec<usize>)> = Vec::new();
    for &m in members {
        match by_doc.iter_mut().find(|(d, _)| *d == units[m].doc) {
            Some((_, list)) => list.push(m),
            None => by_doc.push((units[m].doc, vec![m])),
        }
    }
    by_doc.sort_by_key(|(d, _)| *d);
    let side = |list: &[usize]| {
        let doc = units[list[0]].doc;
        let mut words = Vec::new();
        let mut keys = Vec::new();
        for &m in list {
            words.extend_from_slice(&documents[doc].words[units[m].words.clone()]);
            keys.extend_from_slice(&lexicon.keys[doc][units[m].words.clone()]);
        }
        let end = list.iter().map(|&m| units[m].span.end).max().unwrap_or(0);
        (doc, words, keys, end)
    };
    let Some(((_, base), others)) = by_doc.split_first() else {
        return Vec::new();
    };
    let (base_doc, base_words, base_keys, base_end) = side(base);
    let piece = |doc: usize, span: Span| {
        let document = &documents[doc];
        Piece {
            doc: document.id.clone(),
            start: span.start,
            end: span.end,
            text: squeeze(&document.text[span.start..span.end]),
        }
    };
    let mut out = Vec::new();
    for (_, list) in others {
        let (doc, words, keys, end) = side(list);
        for change in diff::diff_words(
            Side {
                text: &documents[base_doc].text,
                words: &base_words,
                end: base_end,
            },
            &base_keys,
            Side {
                text: &documents[doc].text,
                words: &words,
                end,
            },
            &keys,
        ) {
            out.push(WordEdit {
                op: change.op,
                old: piece(base_doc, change.old),
                new: piece(doc, change.new),
            });
        }
    }
    out
}

/// Per document, the document it reprints, if any: the document it says it comes from (its
/// syndication source is another document's outlet), or else the other document whose
/// sentences, nearly word for word, make up most of its own. Of two such documents the reprint
/// is the one that names a syndication source, else the shorter, else the later input.
fn reprints(documents: &[Document], units: &[Unit], edges: &[Edge]) -> Vec<Option<usize>> {
    let n = documents.len();
    let mut words = vec![0usize; n];
    for unit in units {
        words[unit.doc] += unit.words.len();
    }
    // copied[a][b]: words of a's sentences that have a near copy in b (each sentence once).
    let mut copied = vec![vec![0usize; n]; n];
    let mut copies = vec![vec![0usize; n]; n];
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    for edge in edges.iter().filter(|e| e.copy) {
        for (from, to) in [(edge.a, edge.b), (edge.b, edge.a)] {
            let (unit, other) = (&units[from], &units[to]);
            if seen.insert((from, other.doc)) {
                copied[unit.doc][other.doc] += unit.words.len();
                copies[unit.doc][other.doc] += 1;
            }
        }
    }
    let share = |a: usize, b: usize| copied[a][b] as f64 / words[a].max(1) as f64;
    let mut out = vec![None; n];
    let outlet = |d: &Document| d.outlet.as_deref().map(plain_name);
    for a in 0..n {
        let source = documents[a].syndicated_from.as_deref().map(plain_name);
        if let Some(b) =
            (0..n).find(|&b| b != a && source.is_some() && outlet(&documents[b]) == source)
        {
            out[a] = Some(b);
            continue;
        }
        let best = (0..n)
            .filter(|&b| b != a && copies[a][b] >= MIN_COPIES && share(a, b) >= REPRINT_SHARE)
            .max_by(|&x, &y| share(a, x).total_cmp(&share(a, y)).then(y.cmp(&x)));
        let Some(b) = best else { continue };
        let a_copies = if copies[b][a] < MIN_COPIES || share(b, a) < REPRINT_SHARE {
            true
        } else {
            match (
                documents[a].syndicated_from.is_some(),
                documents[b].syndicated_from.is_some(),
            ) {
                (true, false) => true,
                (false, true) => false,
                _ => words[a] < words[b] || (words[a] == words[b] && a > b),
            }
        };
        if a_copies {
            out[a] = Some(b);
        }
    }
    // A chain (a copies b, b copies c) points at the first original.
    for a in 0..n {
        let mut root = out[a];
        let mut steps = 0;
        while let Some(r) = root
            && let Some(next) = out[r]
            && steps < n
        {
            root = Some(next);
            steps += 1;
        }
        if root == Some(a) {
            root = None;
        }
        out[a] = root;
    }
    out
}

/// An outlet's name as compared: lower case, without a leading "the".
fn plain_name(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).to_owned()
}

/// What some articles of an event carry and others leave out: one omission per thing missing
/// (a shared fact or quote that not every article has, or what one article alone reports), shown
/// by the first article that carries it, ranked by why it counts. Headlines, standfirsts and
/// subheadings are not omissions: they sum up what the body says. A sentence that only holds a
/// quote the quote's own omission already names is not listed twice.
fn omissions(
    documents: &[Document],
    quotes: &[Quote],
    (sentences, sentence_clusters): (&[Unit], &[Cluster]),
    (quote_units, quote_clusters): (&[Unit], &[Cluster]),
    carried_only: &[Edge],
    (lexicon, event): (&Lexicon, &[usize]),
) -> Vec<Omission> {
    let n = documents.len();
    // Per unit, the documents that carry it, and whether it shows the omission for its group
    // (the first member; the others carry the same thing).
    let carriers = |units: &[Unit], clusters: &[Cluster], loose: &[Edge]| {
        let mut docs: Vec<Vec<usize>> = units.iter().map(|u| vec![u.doc]).collect();
        for edge in loose {
            docs[edge.a].push(units[edge.b].doc);
            docs[edge.b].push(units[edge.a].doc);
        }
        let mut shows = vec![true; units.len()];
        for cluster in clusters {
            let mut all: Vec<usize> = cluster
                .members
                .iter()
                .flat_map(|&m| docs[m].iter().copied())
                .collect();
            all.sort_unstable();
            all.dedup();
            for (k, &m) in cluster.members.iter().enumerate() {
                docs[m].clone_from(&all);
                shows[m] = k == 0;
            }
        }
        // Two sentences alike enough to carry one fact tell it once, by the first.
        for edge in loose {
            shows[edge.a.max(edge.b)] = false;
        }
        (docs, shows)
    };
    let body = |unit: &Unit| {
        let document = &documents[unit.doc];
        let sentence = document
            .sentences
            .partition_point(|s| s.end <= unit.span.start)
            .min(document.sentences.len().saturating_sub(1));
        let role = document
            .sentences
            .get(sentence)
            .and_then(|s| document.paragraphs.get(s.paragraph))
            .map(|p| p.role);
        (sentence, matches!(role, None | Some(Role::Body)))
    };
    // What each document mentions: its words by stem ("Republicans" mentions "Republican").
    let words_of: Vec<HashSet<u64>> = (0..n)
        .map(|d| {
            (0..lexicon.keys[d].len())
                .map(|k| mention(lexicon, d, k))
                .collect()
        })
        .collect();
    let mut out: Vec<Omission> = Vec::new();
    let (sentence_carriers, sentence_shows) = carriers(sentences, sentence_clusters, carried_only);
    let (mut quote_carriers, quote_shows) = carriers(quote_units, quote_clusters, &[]);
    // A quote of two or three words ("legitimate rape") is carried by any article of its event
    // that has the same words in a row, quoted or not.
    let short: HashMap<&[u32], Vec<usize>> = quote_units
        .iter()
        .enumerate()
        .filter(|(_, u)| (2..=3).contains(&u.words.len()))
        .fold(HashMap::new(), |mut map, (k, u)| {
            map.entry(&lexicon.keys[u.doc][u.words.clone()])
                .or_default()
                .push(k);
            map
        });
    if !short.is_empty() {
        for (d, keys) in lexicon.keys.iter().enumerate() {
            for size in 2..=3 {
                for run in keys.windows(size) {
                    if let Some(list) = short.get(run) {
                        for &k in list {
                            if event[d] == event[quote_units[k].doc]
                                && !quote_carriers[k].contains(&d)
                            {
                                quote_carriers[k].push(d);
                            }
                        }
                    }
                }
            }
        }
    }
    let mut quoted: HashSet<(usize, usize)> = HashSet::new();
    // Each document's quotes, as byte ranges.
    let mut quote_spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for q in quotes {
        if let Some(d) = document_index(&q.doc).filter(|&d| d < n) {
            quote_spans[d].push((q.start, q.end));
        }
    }
    for (list, units, shows, is_quote) in [
        (&quote_carriers, quote_units, &quote_shows, true),
        (&sentence_carriers, sentences, &sentence_shows, false),
    ] {
        for (u, unit) in units.iter().enumerate() {
            let (sentence, in_body) = body(unit);
            if !shows[u] || !in_body {
                continue;
            }
            let carried = &list[u];
            let missing_from =
                DocSet::from_fn(n, |o| event[o] == event[unit.doc] && !carried.contains(&o));
            if missing_from.is_empty() {
                continue;
            }
            let quote = is_quote.then(|| &quotes[unit.order]);
            if !is_quote
                && quoted.contains(&(unit.doc, sentence))
                && quote_only(unit, &quote_spans[unit.doc])
            {
                continue;
            }
            if is_quote {
                quoted.insert((unit.doc, sentence));
            }
            let (why, importance) = why_it_counts(
                documents,
                lexicon,
                unit,
                quote,
                &missing_from,
                &words_of,
                carried,
            );
            out.push(Omission {
                doc: documents[unit.doc].id.clone(),
                sentence: if is_quote { sentence } else { unit.order },
                quote: quote.map(|q| q.id.clone()),
                missing_from,
                carried_by: DocSet::from_fn(n, |o| carried.contains(&o)),
                why,
                importance,
            });
        }
    }
    // Most telling first; then by document, sentence, a sentence before its quotes.
    let position = |id: &str| document_index(id).unwrap_or(usize::MAX);
    out.sort_by(|x, y| {
        y.importance
            .total_cmp(&x.importance)
            .then_with(|| position(&x.doc).cmp(&position(&y.doc)))
            .then(x.sentence.cmp(&y.sentence))
            .then(x.quote.is_some().cmp(&y.quote.is_some()))
    });
    out
}

/// What word `k` of document `d` mentions: its content stem, else its key.
fn mention(lexicon: &Lexicon, d: usize, k: usize) -> u64 {
    lexicon.stems[d][k].map_or(1 << 32 | u64::from(lexicon.keys[d][k]), u64::from)
}

/// Whether a sentence is little more than the quotes in it (with their attribution): its
/// quotes' omissions say what it holds.
fn quote_only(unit: &Unit, quotes_of_doc: &[(usize, usize)]) -> bool {
    let inside: usize = quotes_of_doc
        .iter()
        .filter(|&&(start, end)| start < unit.span.end && end > unit.span.start)
        .map(|&(start, end)| end.min(unit.span.end) - start.max(unit.span.start))
        .sum();
    inside * 3 >= (unit.span.end - unit.span.start) * 2
}

/// Capitalised words that are not names: months and titles before a name (and the days of
/// the week, [`story::WEEKDAYS`]).
const NOT_NAMES: [&str; 28] = [
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
    "mr",
    "mrs",
    "ms",
    "dr",
    "gov",
    "sen",
    "sens",
    "rep",
    "reps",
    "gen",
    "col",
    "lt",
    "sgt",
    "prof",
    "rev",
    "st",
];

/// Words that make a number.
const NUMBER_WORDS: [&str; 8] = [
    "million", "billion", "trillion", "thousand", "hundred", "percent", "dozen", "half",
];

/// Why an omission counts, in a reader's words, and how much: a quote and whose, numbers,
/// names not found in the articles that leave it out, an attributed claim, and how many
/// articles carry it.
fn why_it_counts(
    documents: &[Document],
    lexicon: &Lexicon,
    unit: &Unit,
    quote: Option<&Quote>,
    missing_from: &DocSet,
    words_of: &[HashSet<u64>],
    carried: &[usize],
) -> (Vec<String>, f64) {
    let document = &documents[unit.doc];
    let spans = &document.words[unit.words.clone()];
    let mut why = Vec::new();
    let mut importance = 0.0;
    if let Some(q) = quote {
        importance += 3.0;
        why.push(match &q.speaker {
            Some(speaker) => format!("a quote by {speaker}"),
            None => "a quote".to_owned(),
        });
    }
    // Numbers and names as runs of words ("20 percent", "Hollin Park"): a run goes on while
    // only a space separates its words.
    let mut numbers: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut claim = false;
    let mut content = 0usize;
    let mut run: (Vec<&str>, bool, bool) = (Vec::new(), false, false);
    let flush =
        |run: &mut (Vec<&str>, bool, bool), numbers: &mut Vec<String>, names: &mut Vec<String>| {
            let (words, is_number, news) = run;
            if !words.is_empty() {
                let text = words.join(" ");
                if *is_number {
                    if !numbers.contains(&text) {
                        numbers.push(text);
                    }
                } else if *news && !names.contains(&text) {
                    names.push(text);
                }
            }
            *run = (Vec::new(), false, false);
        };
    for (k, span) in spans.iter().enumerate() {
        let raw = &document.text[span.start..span.end];
        let lower = word_key(raw);
        if lexicon.stems[unit.doc][unit.words.start + k].is_some() {
            content += 1;
        }
        let gap = k
            .checked_sub(1)
            .map_or("\n", |p| &document.text[spans[p].end..span.start]);
        let joined = gap.chars().all(|c| c == ' ');
        let opens = gap.contains(['.', '!', '?', '\n', ':', '“', '"', '‘', '(', '—']);
        let number =
            raw.chars().any(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&lower.as_str());
        let name = !opens
            && raw.chars().count() > 1
            && raw.chars().next().is_some_and(char::is_uppercase)
            && !raw.contains(['\'', '’'])
            && !features::is_function_word(&lower)
            && !NOT_NAMES.contains(&lower.as_str())
            && !story::WEEKDAYS.contains(&lower.as_str());
        let kind_changes = !joined || (number != run.1) || !(number || name);
        if kind_changes {
            flush(&mut run, &mut numbers, &mut names);
        }
        if number || name {
            run.0.push(raw);
            run.1 = number;
            // A name counts when the articles that leave the sentence out never use it.
            let said = mention(lexicon, unit.doc, unit.words.start + k);
            run.2 |= name && missing_from.iter().all(|o| !words_of[o].contains(&said));
        }
        if matches!(
            lower.as_str(),
            "said" | "says" | "told" | "according" | "claimed" | "stated"
        ) {
            claim = true;
        }
    }
    flush(&mut run, &mut numbers, &mut names);
    if !numbers.is_empty() {
        importance += 2.0;
        why.push(format!("numbers: {}", numbers.join(", ")));
    }
    if !names.is_empty() {
        importance += 1.5 + 0.25 * names.len().min(4) as f64;
        why.push(format!(
            "names not found in the articles that leave it out: {}",
            names.iter().take(4).cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    if claim && quote.is_none() {
        importance += 1.0;
        why.push("an attributed claim".to_owned());
    }
    let mut holders: Vec<usize> = carried.to_vec();
    holders.sort_unstable();
    holders.dedup();
    if holders.len() >= 2 {
        importance += 1.0;
        why.push(format!("{} articles carry it", holders.len()));
    }
    // Longer sentences say more; a few words say little.
    importance += (content as f64 / 12.0).min(1.0);
    (why, (importance * 1000.0).round() / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comparison::{Comparison, EditKind, Verdict};

    fn compare(texts: &[&str]) -> Comparison {
        crate::analysis::compare_texts(texts)
    }

    fn quote_text<'a>(c: &'a Comparison, id: &str) -> &'a str {
        &c.quotes.iter().find(|q| q.id == id).unwrap().text
    }

    /// Each sentence group as lists of (document id, sentence text).
    fn sentence_groups(c: &Comparison) -> Vec<Vec<(String, String)>> {
        c.sentence_groups
            .iter()
            .map(|g| {
                g.members
                    .iter()
                    .map(|m| {
                        let doc = c.documents.iter().find(|d| d.id == m.doc).unwrap();
                        (m.doc.clone(), doc.sentences[m.sentence].text.clone())
                    })
                    .collect()
            })
            .collect()
    }

    const FULL: &str = "The harbour master said the storm wall would hold. \"We have built it \
        twice, we have paid for it twice, and I will not see it fall a third time while I hold \
        this office,\" Anna Kovac told reporters on Monday.";
    const TRIMMED: &str = "Officials defended the storm wall. \"We have paid for it twice, and I \
        will not see it fall a third time,\" harbour master Anna Kovac said.";
    const CUT: &str = "Anna Kovac was defiant. \"We have built it twice … and I will not see it \
        fall a third time while I hold this office,\" she claimed.";

    #[test]
    fn a_trimmed_and_cut_quote_is_one_group_across_three_documents() {
        let c = compare(&[FULL, TRIMMED, CUT]);
        assert_eq!(c.quote_groups.len(), 1, "{:?}", c.quote_groups);
        let group = &c.quote_groups[0];
        let docs: Vec<&str> = group
            .quotes
            .iter()
            .map(|id| c.quotes.iter().find(|q| &q.id == id).unwrap().doc.as_str())
            .collect();
        assert_eq!(docs, ["d0", "d1", "d2"]);
        assert_eq!(group.sources, 3);
        assert!(group.similarity > 0.6, "{}", group.similarity);
        // What d1 left out of d0's version, located in d0's text.
        let cut: Vec<&str> = group
            .diff
            .iter()
            .filter(|e| e.new.doc == "d1")
            .map(|e| {
                assert_eq!(e.op, EditKind::Delete, "{e:?}");
                &c.documents[0].text[e.old.start..e.old.end]
            })
            .collect();
        assert_eq!(cut, ["We have built it twice", "while I hold this office"]);
    }

    const LONG: &str = "The mayor spoke at length. \"The river does not care about our budget. It \
        rose two metres in one night and it will rise again. We either build the wall now or we \
        rebuild the old town every winter,\" Mayor Ilse Marren said.";

    #[test]
    fn two_neighbouring_pieces_of_one_long_quote_share_its_group() {
        let apart = "\"The river does not care about our budget,\" Mayor Ilse Marren said. She \
            listed the costs of the last flood. \"We either build the wall now or we rebuild \
            the old town every winter,\" she added.";
        let c = compare(&[LONG, apart]);
        assert_eq!(c.quote_groups.len(), 1, "{:?}", c.quote_groups);
        let texts: Vec<&str> = c.quote_groups[0]
            .quotes
            .iter()
            .map(|q| quote_text(&c, q))
            .collect();
        assert_eq!(texts.len(), 3);
        assert!(texts[1].starts_with("The river does not care"), "{texts:?}");
        assert!(
            texts[2].starts_with("We either build the wall"),
            "{texts:?}"
        );
    }

    #[test]
    fn a_long_quote_joins_both_pieces_another_outlet_quoted_far_apart() {
        let apart = "\"The river does not care about our budget,\" Mayor Ilse Marren said. \
            Shopkeepers called the plan \"reckless\" and \"rushed\", and one said: \"Nobody \
            asked us.\" Another added: \"We read about it in the paper.\" The mayor did not \
            give way. \"We either build the wall now or we rebuild the old town every \
            winter,\" she added.";
        let c = compare(&[LONG, apart]);
        assert_eq!(c.quote_groups.len(), 2, "{:?}", c.quote_groups);
        for (group, opening) in c.quote_groups.iter().zip(["The river", "We either"]) {
            let texts: Vec<&str> = group.quotes.iter().map(|q| quote_text(&c, q)).collect();
            assert_eq!(texts.len(), 2, "{texts:?}");
            assert!(texts[0].starts_with("The river does not care"), "{texts:?}");
            assert!(texts[1].starts_with(opening), "{texts:?}");
        }
    }

    #[test]
    fn a_quote_translated_differently_is_still_the_same_quote() {
        let a = "\"We remain open to talks with the council, of course, but everything depends \
            on our partners in the city,\" Anna Kovac said.";
        let b = "\"Of course we are still open to talks with the council. It all depends on \
            the partners in the city,\" Kovac said.";
        let c = compare(&[a, b]);
        assert_eq!(c.quote_groups.len(), 1, "{:?}", c.quote_groups);
        let group = &c.quote_groups[0];
        assert!(group.similarity >= 0.5 && group.similarity < 1.0);
        assert!(group.diff.iter().any(|e| e.op == EditKind::Replace));
    }

    #[test]
    fn a_reworded_fact_is_grouped_and_an_unrelated_one_is_not() {
        let a = "The council approved the flood barrier by seven votes to four on Wednesday. \
            A bakery on Salt Lane sold out of bread.";
        let b = "On Wednesday councillors voted seven to four to approve the barrier against \
            flooding. The weather stayed dry all week in the north.";
        let c = compare(&[a, b]);
        let groups = sentence_groups(&c);
        assert_eq!(groups.len(), 1, "{groups:?}");
        assert!(groups[0][0].1.starts_with("The council approved"));
        assert!(groups[0][1].1.starts_with("On Wednesday councillors"));
    }

    #[test]
    fn one_sentence_may_match_two_that_split_it() {
        let a = "The barrier will run between Salt Lane and the Ferry Steps, and households on \
            Wharf Row will be offered new homes at the Hollin Park estate.";
        let b = "Work starts in May. The barrier will run between Salt Lane and the Ferry Steps. \
            Households on Wharf Row will be offered new homes at the Hollin Park estate.";
        let c = compare(&[a, b]);
        let groups = sentence_groups(&c);
        assert_eq!(groups.len(), 1, "{groups:?}");
        let members: Vec<(&str, usize)> = c.sentence_groups[0]
            .members
            .iter()
            .map(|m| (m.doc.as_str(), m.sentence))
            .collect();
        assert_eq!(members, [("d0", 0), ("d1", 1), ("d1", 2)]);
    }

    #[test]
    fn of_two_like_matches_the_one_in_document_order_wins() {
        let a = "Flood gates were tested at dawn on the east bank. The pumps at the Ferry Steps \
            ran for an hour without fault. Engineers then checked the sluice on Salt Lane.";
        let b = "The pumps at the Ferry Steps ran for an hour without fault. Crowds watched from \
            the bridge. Flood gates were tested at dawn on the east bank. The pumps at the Ferry \
            Steps ran for an hour without fault. Engineers then checked the sluice on Salt Lane.";
        let c = compare(&[a, b]);
        let pumps = c
            .sentence_groups
            .iter()
            .find(|g| {
                g.members[0]
                    == SentenceRef {
                        doc: "d0".into(),
                        sentence: 1,
                    }
            })
            .unwrap();
        assert_eq!(
            pumps.members[1],
            SentenceRef {
                doc: "d1".into(),
                sentence: 3
            }
        );
    }

    #[test]
    fn omissions_name_the_documents_that_leave_a_fact_out() {
        let a = "The council approved the flood barrier on Wednesday. Protesters banged pots \
            outside the chamber during the debate.";
        let b = "The council approved the flood barrier on Wednesday evening.";
        let c2 = "On Wednesday the council approved the flood barrier.";
        let c = compare(&[a, b, c2]);
        let pots: Vec<&Omission> = c
            .omissions
            .iter()
            .filter(|o| o.doc == "d0" && o.sentence == 1 && o.quote.is_none())
            .collect();
        assert_eq!(pots.len(), 1);
        assert_eq!(pots[0].missing_from.iter().collect::<Vec<_>>(), [1, 2]);
        // The approval is carried by all three: no omission for it anywhere.
        assert!(c.omissions.iter().all(|o| o.sentence != 0));
    }

    #[test]
    fn a_quoted_title_does_not_make_two_stories_one() {
        let a = "The harbour master said the storm wall would be finished by June, speaking on \
            \"Morning Tide on Sunday.\" The pumps will be tested in the spring.";
        let b = "The chef said his bakery on Salt Lane would open a second shop, speaking on \
            \"Morning Tide on Sunday.\" Bread prices would rise in the autumn, he added.";
        let c = compare(&[a, b]);
        assert_eq!(c.quote_groups.len(), 1, "{:?}", c.quote_groups);
        assert_eq!(c.story.verdict, Verdict::Unrelated, "{:?}", c.story);
    }

    #[test]
    fn a_dateline_is_not_part_of_the_fact() {
        let a = "HARWICK, May 3 (Coastal Wire) - The port authority reopened the north quay on \
            Friday after repairs that cost 4 million pounds. Fishing crews cheered from the \
            harbour wall.";
        let b = "The north quay was reopened by the port authority on Friday, after repairs \
            costing 4 million pounds.";
        let c3 = "Fishing crews cheered from the harbour wall as the ferry came in.";
        let c = compare(&[a, b, c3]);
        let groups = sentence_groups(&c);
        assert!(
            groups
                .iter()
                .any(|g| g.len() == 2 && g[0].1.starts_with("HARWICK") && g[1].0 == "d1"),
            "{groups:?}"
        );
        // Left out of the third article, the reopening counts for its number, not for the
        // dateline's day or agency.
        let quay = c
            .omissions
            .iter()
            .find(|o| o.doc == "d0" && o.sentence == 0)
            .expect("the reopening is missing from the third article");
        let why = quay.why.join("; ");
        assert!(why.contains("4 million"), "{why}");
        assert!(!why.contains("Coastal") && !why.contains(": 3"), "{why}");
    }

    #[test]
    fn unrelated_documents_share_nothing() {
        let a = "The council approved the flood barrier on Wednesday after a long debate.";
        let b = "Stock markets in Asia fell sharply as investors weighed new trade figures.";
        let c = compare(&[a, b]);
        assert!(c.sentence_groups.is_empty());
        assert!(c.quote_groups.is_empty());
        // Two different stories: neither leaves out what the other reports.
        assert_eq!(c.story.verdict, Verdict::Unrelated);
        assert_eq!(c.story.groups, [["d0"], ["d1"]]);
        assert!(c.omissions.is_empty());
    }

    #[test]
    fn articles_of_one_event_and_of_one_story_are_told_apart() {
        let monday = "The Kell ferry crews went back to work on Monday after the union accepted a \
            six percent rise. Harbour Line spokesman Tom Vance said the timetable would be back \
            to normal by Wednesday. Passengers applauded the crew of the first crossing.";
        let also_monday = "Kell ferry crews returned to work on Monday once the union accepted a \
            six percent pay rise. Passengers cheered the first crossing from Kell. Harbour Line \
            said sailings would be normal by Wednesday.";
        let march = "Kell ferry crews walked out in March over night-shift allowances, the union \
            said. Harbour Line spokesman Tom Vance called the strike reckless. Kell ferry \
            passengers were told to expect delays on the Harbour Line crossing.";
        let one = compare(&[monday, also_monday]);
        assert_eq!(one.story.verdict, Verdict::SameEvent, "{:?}", one.story);
        assert_eq!(one.story.groups, [["d0", "d1"]]);
        let story = compare(&[monday, march]);
        assert_eq!(story.story.verdict, Verdict::Related, "{:?}", story.story);
        assert_eq!(story.story.groups, [["d0"], ["d1"]]);
        assert!(story.omissions.is_empty());
        // Two dated more than a week apart are not one event, whatever they share.
        let mut dated = compare(&[monday, also_monday]).documents;
        dated[0].date = Some("2026-03-02".to_owned());
        dated[1].date = Some("2026-04-20".to_owned());
        let apart = align(&dated, &[]);
        assert_ne!(apart.story.verdict, Verdict::SameEvent);
        assert!(apart.omissions.is_empty());
    }

    #[test]
    fn a_copy_is_a_reprint_and_counts_once() {
        let original = "The council approved the flood barrier by seven votes to four. \
            Protesters banged pots outside the chamber during the debate. The mayor said the \
            city could not wait another winter. Work on the wall starts in May.";
        let copy = "The council approved the flood barrier by seven votes to four. Protesters \
            banged pots outside the chamber during the debate. The mayor said the city could \
            not wait another winter.";
        let other = "Councillors approved the flood barrier by seven votes to four on Wednesday.";
        let c = compare(&[original, copy, other]);
        assert_eq!(c.documents[0].reprint_of, None);
        assert_eq!(c.documents[1].reprint_of.as_deref(), Some("d0"));
        assert_eq!(c.documents[2].reprint_of, None);
        let vote = &c.sentence_groups[0];
        assert_eq!(vote.members.len(), 3);
        assert_eq!(vote.sources, 2);
    }

    #[test]
    fn short_fragments_match_only_the_same_words_in_a_row() {
        let a = "Critics called the plan a \"land grab\" and the mayor promised \"a fair deal\" \
            for every family, calling it \"fair pay\". The council had \"no comment\".";
        let b = "The mayor promised \"a fair deal\" to residents, who called it \"a land grab\". \
            \"We will pay what is fair,\" she said. \"There is no comment from us on the route \
            yet,\" a spokesman said.";
        let c = compare(&[a, b]);
        let mut grouped: Vec<Vec<&str>> = c
            .quote_groups
            .iter()
            .map(|g| g.quotes.iter().map(|q| quote_text(&c, q)).collect())
            .collect();
        grouped.sort();
        // "land grab" is the same words in a row inside "a land grab"; "fair pay" is not in
        // "We will pay what is fair"; "no comment" says too little to be found inside another
        // quote.
        assert_eq!(
            grouped,
            [
                vec!["a fair deal", "a fair deal"],
                vec!["land grab", "a land grab"]
            ]
        );
    }
}
