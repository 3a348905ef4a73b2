//! Candidate pairs from an inverted index of features (word pairs and content stems), so the
//! cost grows with the amount of text rather than with the number of unit pairs.
//!
//! Each unit asks the index only through its rarest features, and a feature found in very many
//! units (a stock phrase, the name the whole story is about) proposes nothing: such a feature
//! cannot tell which of its units belong together, and following it would make the work
//! quadratic. The pairs found are then scored exactly by the caller.

use std::collections::HashMap;

use super::features::Unit;

/// A feature in more units than this proposes no pairs.
pub const POSTING_CAP: usize = 64;

/// How many of its rarest features a unit looks up.
pub const RAREST: usize = 12;

/// How many index entries a unit reads at most, beyond its two rarest features: a unit whose
/// features are all common reads fewer of them, so the work per unit stays bounded as the
/// input grows.
pub const READ_BUDGET: usize = 128;

/// A feature: a word pair, or a content stem (kept apart from pairs by the top bit).
fn features(unit: &Unit) -> impl Iterator<Item = u64> + '_ {
    unit.shingles
        .iter()
        .copied()
        .chain(unit.content.iter().map(|&s| 1 << 63 | u64::from(s)))
}

/// Pairs `(i, j)`, `i < j`, of units in different documents that share enough rare features,
/// sorted.
#[must_use]
pub fn candidates(units: &[Unit]) -> Vec<(usize, usize)> {
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, unit) in units.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for feature in features(unit) {
            postings.entry(feature).or_default().push(i);
        }
    }
    let mut pairs = Vec::new();
    let mut hits = vec![0u32; units.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut lists: Vec<&Vec<u32>> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        lists.clear();
        lists.extend(
            features(unit)
                .filter_map(|f| postings.get(&f))
                .filter(|list| list.len() > 1 && list.len() <= POSTING_CAP),
        );
        lists.sort_by_key(|list| list.len());
        let mut asked = 0;
        let mut read = 0;
        while asked < lists.len().min(RAREST)
            && (asked < 2 || read + lists[asked].len() <= READ_BUDGET)
        {
            read += lists[asked].len();
            asked += 1;
        }
        for list in &lists[..asked] {
            for &j in *list {
                let j = j as usize;
                if units[j].doc != unit.doc {
                    if hits[j] == 0 {
                        touched.push(j);
                    }
                    hits[j] += 1;
                }
            }
        }
        // Two shared features, or one when the unit has only one or two to offer.
        let needed = if asked <= 2 { 1 } else { 2 };
        for &j in &touched {
            if hits[j] >= needed {
                pairs.push((i.min(j), i.max(j)));
            }
            hits[j] = 0;
        }
        touched.clear();
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::segment::Span;

    fn unit(doc: usize, shingles: Vec<u64>, content: Vec<u32>) -> Unit {
        Unit {
            doc,
            order: 0,
            span: Span { start: 0, end: 0 },
            words: 0..0,
            shingles,
            content,
        }
    }

    #[test]
    fn units_sharing_rare_features_are_paired_across_documents_only() {
        let units = vec![
            unit(0, vec![10, 11, 12], vec![1, 2]),
            unit(1, vec![10, 11, 99], vec![1, 3]),
            unit(0, vec![10, 11, 12], vec![1, 2]),
            unit(2, vec![50, 51], vec![7]),
        ];
        // 0 and 2 share everything but sit in one document.
        assert_eq!(candidates(&units), vec![(0, 1), (1, 2)]);
    }

    #[test]
    fn a_feature_in_very_many_units_proposes_nothing() {
        let units: Vec<Unit> = (0..POSTING_CAP + 10)
            .map(|k| unit(k, vec![1, 2, 1000 + k as u64], vec![5]))
            .collect();
        assert!(candidates(&units).is_empty());
    }
}
