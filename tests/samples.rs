//! The bundled samples through the library: every article paragraph is kept, the page furniture
//! goes with a reason, and the metadata cues are read.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failing unwrap is a failing test"
)]

use parallax::analysis::clean::Reason;
use parallax::analysis::{Input, analyze};
use parallax::comparison::{Comparison, Document};
use parallax::load;

fn comparison() -> Comparison {
    let inputs: Vec<Input> = load::samples()
        .unwrap()
        .into_iter()
        .map(Input::from)
        .collect();
    analyze(&inputs)
}

fn kept_text(document: &Document) -> String {
    document
        .paragraphs
        .iter()
        .map(|p| {
            document.text[p.start..p.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn removed(document: &Document, reason: Reason) -> Vec<String> {
    document
        .removed
        .iter()
        .filter(|r| r.reason == reason)
        .map(|r| r.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn samples_load_without_problems() {
    let comparison = comparison();
    assert!(comparison.problems.is_empty(), "{:?}", comparison.problems);
    assert_eq!(comparison.documents.len(), 3);
}

#[test]
fn courier_keeps_its_article_and_drops_its_furniture() {
    let comparison = comparison();
    let courier = &comparison.documents[0];
    let source = std::str::from_utf8(load::SAMPLES[0].1).unwrap();
    // Every line of the article body (the lines from the dateline to the last quote) is kept.
    let body: Vec<&str> = source
        .lines()
        .skip_while(|l| !l.starts_with("CALDER, March 12"))
        .take_while(|l| !l.starts_with("Share"))
        .filter(|l| !l.trim().is_empty() && !l.starts_with("Read more:"))
        .collect();
    assert_eq!(body.len(), 13);
    let kept = kept_text(courier);
    for line in body {
        assert!(kept.contains(line), "lost: {line}");
    }
    assert!(
        kept.starts_with("Calder council approves Tesk flood barrier"),
        "title first"
    );
    assert!(
        kept.contains("Mayor says the €212 million wall is overdue"),
        "standfirst kept"
    );
    assert_eq!(
        courier.title.as_deref(),
        Some("Calder council approves Tesk flood barrier as Wharf Row homes face relocation")
    );
    assert_eq!(courier.outlet.as_deref(), Some("Northgate Courier"));
    assert_eq!(courier.date.as_deref(), Some("2026-03-12"));
    assert_eq!(courier.syndicated_from, None);

    assert!(removed(courier, Reason::Navigation).contains(&"Skip to main content".to_owned()));
    assert_eq!(removed(courier, Reason::RepeatedHeadline).len(), 1);
    assert_eq!(removed(courier, Reason::Teaser).len(), 1);
    assert_eq!(removed(courier, Reason::Caption).len(), 1);
    assert_eq!(
        removed(courier, Reason::Credit),
        vec!["With reporting by Marek Dunne and Sofia Ahlberg"]
    );
    assert_eq!(removed(courier, Reason::Template).len(), 1);
    assert_eq!(removed(courier, Reason::Legal).len(), 1);
    assert_eq!(removed(courier, Reason::Comments).len(), 2);
    for headline in [
        "Calder Rovers sack manager",
        "Ferry Street parking charges",
        "Cathedral bells to ring again",
    ] {
        assert!(
            !kept.contains(headline),
            "most-read headline kept: {headline}"
        );
    }
}

#[test]
fn web_page_keeps_headline_standfirst_and_body() {
    let comparison = comparison();
    let ledger = &comparison.documents[1];
    let kept = kept_text(ledger);
    assert!(kept.starts_with("Wharf Row families face eviction as Calder pushes ahead with river wall\nTenants vow legal fight"), "{kept}");
    assert!(kept.contains("“They call it relocation. It is an eviction with a removal van."));
    assert!(kept.contains("“It isn’t the water that is taking my house.”"));
    for furniture in [
        "Most read",
        "Share on Facebook",
        "All rights reserved",
        "Otters spotted",
        "Photo: Lena Marsh",
    ] {
        assert!(!kept.contains(furniture), "furniture kept: {furniture}");
    }
    assert_eq!(ledger.outlet.as_deref(), Some("The Valley Ledger"));
    assert_eq!(ledger.date.as_deref(), Some("2026-03-12"));
}

#[test]
fn markdown_reprint_is_recognised() {
    let comparison = comparison();
    let post = &comparison.documents[2];
    assert_eq!(post.outlet.as_deref(), Some("Riverside Post"));
    assert_eq!(post.syndicated_from.as_deref(), Some("The Valley Ledger"));
    assert_eq!(post.date.as_deref(), Some("2026-03-12"));
    assert_eq!(
        post.title.as_deref(),
        Some("Wharf Row clearance approved as Calder backs €212m river wall")
    );
    let kept = kept_text(post);
    assert!(
        !kept.contains('#') && !kept.contains("**") && !kept.contains("https://"),
        "markup blanked: {kept}"
    );
    assert!(kept.contains("the so-called ‘consultation’ opened last autumn"));
    assert_eq!(removed(post, Reason::ReprintNotice).len(), 1);
}

#[test]
fn abbreviations_do_not_split_sentences() {
    let comparison = comparison();
    let courier = &comparison.documents[0];
    let texts: Vec<&str> = courier.sentences.iter().map(|s| s.text.as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Dr. Ana K. Brill, a hydrologist")
                && t.ends_with("weakest point.")),
        "{texts:#?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Models prepared with a U.S. engineering consultancy"))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Mr. Reyl said the city expected")
                && t.contains("E.U. flood-resilience fund"))
    );
    assert!(texts.iter().any(|t| t.contains("in Nov. 2024, flooding")));
}

#[test]
fn offsets_point_into_the_text() {
    for document in comparison().documents {
        for sentence in &document.sentences {
            let slice = &document.text[sentence.start..sentence.end];
            assert_eq!(
                slice.split_whitespace().collect::<Vec<_>>().join(" "),
                sentence.text
            );
        }
        for word in &document.words {
            assert!(
                document.text[word.start..word.end]
                    .chars()
                    .next()
                    .unwrap()
                    .is_alphanumeric()
            );
        }
        assert!(
            document.words.windows(2).all(|w| w[0].end <= w[1].start),
            "words in order"
        );
    }
}

/// The id of the sample whose file name contains `name`.
fn id_of(c: &Comparison, name: &str) -> String {
    c.documents
        .iter()
        .find(|d| d.path.contains(name))
        .unwrap()
        .id
        .clone()
}

#[test]
fn the_mayors_quote_is_aligned_across_all_three_with_each_outlets_cuts() {
    let c = comparison();
    let group = c
        .quote_groups
        .iter()
        .find(|g| {
            g.quotes.iter().any(|id| {
                let q = c.quotes.iter().find(|q| &q.id == id).unwrap();
                q.text.contains("protects every family")
            })
        })
        .expect("the mayor's quote is shared");
    let docs: Vec<&str> = group
        .quotes
        .iter()
        .map(|id| c.quotes.iter().find(|q| &q.id == id).unwrap().doc.as_str())
        .collect();
    assert_eq!(docs.len(), 3);
    // The Riverside Post reprints the Ledger: three documents, two sources.
    assert_eq!(group.sources, 2);
    // Every change points at the words it names, in the source text.
    for edit in &group.diff {
        for piece in [&edit.old, &edit.new] {
            let doc = c.documents.iter().find(|d| d.id == piece.doc).unwrap();
            let words = doc.text[piece.start..piece.end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(words, piece.text);
        }
    }
    assert_eq!(group.diff[0].old.doc, id_of(&c, "northgate-courier"));
    let ledger_cut: Vec<&str> = group
        .diff
        .iter()
        .filter(|e| e.new.doc == id_of(&c, "valley-ledger"))
        .map(|e| e.old.text.as_str())
        .collect();
    assert_eq!(
        ledger_cut,
        [
            "not just the ones who happen to live behind it today. We have seen the water reach the cathedral steps twice in six years"
        ]
    );
}

#[test]
fn the_reprint_is_recognised_as_a_copy_of_the_ledger() {
    let c = comparison();
    for d in &c.documents {
        let expected = d
            .path
            .contains("riverside-post")
            .then(|| id_of(&c, "valley-ledger"));
        assert_eq!(d.reprint_of.as_deref(), expected.as_deref(), "{}", d.path);
    }
}

#[test]
fn facts_reported_by_one_outlet_only_are_omissions_for_the_others() {
    let c = comparison();
    let courier_id = id_of(&c, "northgate-courier");
    let courier = c.documents.iter().find(|d| d.id == courier_id).unwrap();
    let others: Vec<usize> = (0..c.documents.len())
        .filter(|&k| c.documents[k].id != courier_id)
        .collect();
    // The council vote count appears only in the Courier.
    let vote = courier
        .sentences
        .iter()
        .find(|s| s.text.contains("7 to 4"))
        .unwrap();
    let shared = c.sentence_groups.iter().find(|g| {
        g.members
            .iter()
            .any(|m| m.doc == courier_id && m.sentence == vote.index)
    });
    // It is reported alongside the 2024 flood by the others, so the sentence is shared ...
    assert!(shared.is_some());
    // ... while a sentence no one else reports is missing from both.
    let only_here: Vec<_> = c
        .omissions
        .iter()
        .filter(|o| {
            o.doc == courier_id
                && o.quote.is_none()
                && o.missing_from.iter().eq(others.iter().copied())
        })
        .collect();
    assert!(!only_here.is_empty());
    for omission in &only_here {
        assert!(!c.sentence_groups.iter().any(|g| {
            g.members
                .iter()
                .any(|m| m.doc == courier_id && m.sentence == omission.sentence)
        }));
    }
}
