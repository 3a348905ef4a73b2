//! Same story? Before any omission or shared fact is claimed, whether the articles report one
//! event, related events of one story, or unrelated things.
//!
//! Two articles report the same event when they carry the same facts or quotes (alignment's
//! groups), or when their content is close and they name the same day of the week (written
//! about the same days). Articles whose dates lie more than a week apart report different
//! events, whatever they share. Two articles are related when their content and the names they
//! use are close without a shared fact: the same people and subject, another moment.
//!
//! An article that shares no fact with the others still joins an event when its content is
//! very close to every article of it. The set's verdict follows from the groups: one event, one
//! story of several events, or unrelated things (a mixed set, with the groups that belong
//! together).
//!
//! Content closeness compares the documents' content stems through an index: a stem found in
//! very many documents is too common to tell events apart and is not followed, so the work grows
//! with the text, not with the number of pairs of documents.

use std::collections::{BTreeMap, HashMap};

use super::features::{Lexicon, is_function_word};
use crate::analysis::diff::word_key;
use crate::comparison::{Document, Story, StoryLink, Verdict};

/// Shared facts and quotes that, with some closeness of content (cosine of content stems), make
/// two articles report one event: a sentence or two alike by chance between articles on
/// different things must not join them.
const SHARED_FOR_EVENT: usize = 2;
const CLOSE_WITH_SHARED: f64 = 0.2;

/// Content closeness that, with one shared fact or quote, makes one event.
const CLOSE_WITH_ONE_SHARED: f64 = 0.3;

/// Content closeness that, with the same day of the week named, makes one event.
const CLOSE_WITH_SAME_DAY: f64 = 0.4;

/// Content closeness to every article of an event that makes an article with no shared fact
/// join it.
const CLOSE_TO_JOIN: f64 = 0.5;

/// Content and names closeness that make two articles related.
const RELATED_CONTENT: f64 = 0.3;
const RELATED_NAMES: f64 = 0.1;

/// Days between two dated articles past which they report different events.
const DAYS_APART: i64 = 7;

/// A stem in more documents than this is not followed for closeness.
const COMMON_STEM: usize = 32;

/// How many links the evidence lists at most.
const MAX_EVIDENCE: usize = 200;

/// What one document offers to the comparison of stories.
struct Profile {
    /// Content stems with their counts, sorted by stem.
    stems: Vec<(u32, f64)>,
    norm: f64,
    /// Names (runs of capitalised words not opening a sentence) with their counts.
    names: BTreeMap<String, f64>,
    /// Days of the week named, a bit each.
    weekdays: u8,
    /// Days since 1970 of its date, when known.
    day: Option<i64>,
}

/// The story of `documents`, from the facts and quotes they share: per pair of documents, how
/// many sentence groups and quote groups hold both.
#[must_use]
pub fn story(
    documents: &[Document],
    lexicon: &Lexicon,
    shared: &HashMap<(usize, usize), (usize, usize)>,
) -> Story {
    let n = documents.len();
    let ids = |group: &[usize]| group.iter().map(|&d| documents[d].id.clone()).collect();
    if n < 2 {
        return Story {
            verdict: Verdict::SameEvent,
            summary: if n == 1 {
                "One article.".to_owned()
            } else {
                String::new()
            },
            evidence: Vec::new(),
            groups: if n == 1 { vec![ids(&[0])] } else { Vec::new() },
        };
    }
    let profiles: Vec<Profile> = documents
        .iter()
        .enumerate()
        .map(|(d, document)| profile(document, lexicon, d))
        .collect();
    let closeness = closeness(&profiles);

    // Every pair with something in common: shared groups, or content through the index.
    let mut pairs: Vec<(usize, usize)> = shared.keys().copied().collect();
    pairs.extend(closeness.keys().copied());
    pairs.sort_unstable();
    pairs.dedup();
    let mut links: Vec<StoryLink> = Vec::new();
    let mut same: Vec<(usize, usize)> = Vec::new();
    let mut related: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in &pairs {
        let (facts, quotes) = shared.get(&(a, b)).copied().unwrap_or((0, 0));
        let content = closeness.get(&(a, b)).copied().unwrap_or(0.0);
        let names = names_closeness(&profiles[a], &profiles[b]);
        let same_weekday = profiles[a].weekdays & profiles[b].weekdays != 0;
        let strong = facts + quotes;
        let link = if !apart(&profiles[a], &profiles[b])
            && ((strong >= SHARED_FOR_EVENT && content >= CLOSE_WITH_SHARED)
                || (strong >= 1 && content >= CLOSE_WITH_ONE_SHARED)
                || (same_weekday && content >= CLOSE_WITH_SAME_DAY))
        {
            same.push((a, b));
            Verdict::SameEvent
        } else if (strong >= 1 && content >= CLOSE_WITH_SHARED)
            || (content >= RELATED_CONTENT && names >= RELATED_NAMES)
        {
            related.push((a, b));
            Verdict::Related
        } else {
            continue;
        };
        links.push(StoryLink {
            docs: [documents[a].id.clone(), documents[b].id.clone()],
            link,
            shared_facts: facts,
            shared_quotes: quotes,
            content: round(content),
            names: round(names),
            same_weekday,
        });
    }

    // Events: articles joined by same-event links; then an article alone joins the event
    // whose every article is very close to it.
    let mut event = components(n, &same);
    let mut size = vec![0usize; n];
    for &e in &event {
        size[e] += 1;
    }
    let events: Vec<Vec<usize>> = grouped(&event)
        .into_iter()
        .filter(|g| g.len() >= 2)
        .collect();
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for d in (0..n).filter(|&d| size[event[d]] == 1) {
        let mut best: Option<(usize, f64)> = None;
        for members in &events {
            let close: Vec<f64> = members
                .iter()
                .map(|&m| {
                    if apart(&profiles[d], &profiles[m]) {
                        0.0
                    } else {
                        closeness.get(&(d.min(m), d.max(m))).copied().unwrap_or(0.0)
                    }
                })
                .collect();
            let least = close.iter().copied().fold(f64::INFINITY, f64::min);
            if least >= CLOSE_TO_JOIN {
                let mean = close.iter().sum::<f64>() / close.len() as f64;
                if best.is_none_or(|(_, m)| mean > m) {
                    best = Some((event[members[0]], mean));
                }
            }
        }
        if let Some((root, _)) = best {
            joins.push((d, root));
        }
    }
    for (d, root) in joins {
        event[d] = root;
    }
    let groups = grouped(&event);
    let story_of = components(n, &[same, related].concat());
    let one_story = story_of.iter().all(|&s| s == story_of[0]);
    let verdict = if groups.len() == 1 {
        Verdict::SameEvent
    } else if one_story {
        Verdict::Related
    } else {
        Verdict::Unrelated
    };
    links.sort_by(|x, y| {
        (y.shared_facts + y.shared_quotes)
            .cmp(&(x.shared_facts + x.shared_quotes))
            .then(y.content.total_cmp(&x.content))
            .then(x.docs.cmp(&y.docs))
    });
    links.truncate(MAX_EVIDENCE);
    let summary = summary(verdict, &groups, n);
    Story {
        verdict,
        summary,
        evidence: links,
        groups: groups.iter().map(|g| ids(g)).collect(),
    }
}

/// Whether two articles are dated more than a week apart.
fn apart(a: &Profile, b: &Profile) -> bool {
    match (a.day, b.day) {
        (Some(x), Some(y)) => (x - y).abs() > DAYS_APART,
        _ => false,
    }
}

/// The sentence a reader sees first.
fn summary(verdict: Verdict, groups: &[Vec<usize>], n: usize) -> String {
    let several = groups.iter().filter(|g| g.len() >= 2).count();
    match verdict {
        Verdict::SameEvent => format!(
            "All {n} articles report the same event: they share facts or quotes, or are close in \
             content and written about the same days."
        ),
        Verdict::Related => format!(
            "The {n} articles tell one story but not one event: they are about the same people \
             and subject at different moments{}. Omissions are claimed only between articles of \
             one event.",
            if several > 0 {
                format!(
                    "; {several} group{} report one event together",
                    if several == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            }
        ),
        Verdict::Unrelated => format!(
            "These articles report different things: {} group{} of articles that belong together. \
             Omissions and framing are claimed only within a group.",
            groups.len(),
            if groups.len() == 1 { "" } else { "s" }
        ),
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The union-find roots of `n` items joined by `pairs`: each item's representative is the
/// smallest item of its component.
fn components(n: usize, pairs: &[(usize, usize)]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(a, b) in pairs {
        let (x, y) = (find(&mut parent, a), find(&mut parent, b));
        if x != y {
            let (low, high) = (x.min(y), x.max(y));
            parent[high] = low;
        }
    }
    (0..n).map(|x| find(&mut parent, x)).collect()
}

/// The groups of items with one representative, each in order, ordered by their first item.
fn grouped(of: &[usize]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for (item, &root) in of.iter().enumerate() {
        let k = *index.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[k].push(item);
    }
    groups
}

fn profile(document: &Document, lexicon: &Lexicon, d: usize) -> Profile {
    let mut counts: HashMap<u32, f64> = HashMap::new();
    for stem in lexicon.stems[d].iter().flatten() {
        *counts.entry(*stem).or_default() += 1.0;
    }
    let mut stems: Vec<(u32, f64)> = counts.into_iter().collect();
    stems.sort_unstable_by_key(|&(s, _)| s);
    let norm = stems.iter().map(|(_, c)| c * c).sum::<f64>().sqrt();
    let mut names: BTreeMap<String, f64> = BTreeMap::new();
    let mut weekdays = 0u8;
    let text = &document.text;
    let mut run: Vec<String> = Vec::new();
    let mut flush = |run: &mut Vec<String>| {
        if !run.is_empty() {
            *names.entry(run.join(" ")).or_default() += 1.0;
            run.clear();
        }
    };
    for (k, word) in document.words.iter().enumerate() {
        let raw = &text[word.start..word.end];
        let key = word_key(raw);
        if let Some(day) = WEEKDAYS.iter().position(|d| *d == key) {
            weekdays |= 1 << day;
        }
        let gap = k
            .checked_sub(1)
            .map_or("\n", |p| &text[document.words[p].end..word.start]);
        let opens = gap.contains(['.', '!', '?', '\n', ':', '“', '"', '‘']);
        let capital = raw.chars().next().is_some_and(char::is_uppercase)
            && !is_function_word(&key)
            && !WEEKDAYS.contains(&key.as_str());
        let joins = gap.trim().is_empty();
        if capital && !opens {
            if !joins {
                flush(&mut run);
            }
            run.push(key);
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    Profile {
        stems,
        norm,
        names,
        weekdays,
        day: document.date.as_deref().and_then(days_since_1970),
    }
}

/// The days of the week, as word keys.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The number of days from 1970-01-01 to an ISO date (`YYYY-MM-DD`).
fn days_since_1970(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Cosine closeness of content for the pairs of documents that share a stem not too common.
fn closeness(profiles: &[Profile]) -> HashMap<(usize, usize), f64> {
    // In stem order, so that every run adds the products in the same order.
    let mut postings: BTreeMap<u32, Vec<(usize, f64)>> = BTreeMap::new();
    for (d, profile) in profiles.iter().enumerate() {
        for &(stem, count) in &profile.stems {
            postings.entry(stem).or_default().push((d, count));
        }
    }
    let mut dots: HashMap<(usize, usize), f64> = HashMap::new();
    let lists = postings
        .values()
        .filter(|list| list.len() >= 2 && list.len() <= COMMON_STEM);
    for list in lists {
        for (i, &(a, ca)) in list.iter().enumerate() {
            for &(b, cb) in &list[i + 1..] {
                *dots.entry((a.min(b), a.max(b))).or_default() += ca * cb;
            }
        }
    }
    dots.into_iter()
        .map(|((a, b), dot)| {
            let norm = profiles[a].norm * profiles[b].norm;
            ((a, b), if norm > 0.0 { dot / norm } else { 0.0 })
        })
        .collect()
}

/// Weighted Jaccard of the names two documents use.
fn names_closeness(a: &Profile, b: &Profile) -> f64 {
    let (mut low, mut high) = (0.0, 0.0);
    for (name, &x) in &a.names {
        let y = b.names.get(name).copied().unwrap_or(0.0);
        low += x.min(y);
        high += x.max(y);
    }
    for (name, &y) in &b.names {
        if !a.names.contains_key(name) {
            high += y;
        }
    }
    if high > 0.0 { low / high } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days() {
        assert_eq!(days_since_1970("1970-01-01"), Some(0));
        assert_eq!(days_since_1970("2000-03-01"), Some(11_017));
        assert_eq!(
            days_since_1970("2018-09-03").zip(days_since_1970("2018-08-27")),
            Some((17_777, 17_770))
        );
        assert_eq!(days_since_1970("2018-13-03"), None);
        assert_eq!(days_since_1970("soon"), None);
    }

    #[test]
    fn components_join_pairs_and_groups_keep_order() {
        let of = components(5, &[(3, 1), (4, 2)]);
        assert_eq!(of, vec![0, 1, 2, 1, 2]);
        assert_eq!(grouped(&of), vec![vec![0], vec![1, 3], vec![2, 4]]);
    }
}
