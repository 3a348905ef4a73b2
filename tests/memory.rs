//! Memory stays bounded with many articles. The worst shape for it is articles of one event
//! that share almost nothing: every sentence of each is missing from all the others, so what
//! each leaves out grows with articles × sentences. (Articles that share nothing at all are
//! different stories, and no omission is claimed between them.) Measured as this process's peak resident size, which is
//! why this is a test binary of its own with one test: no other test shares the process.
#![allow(clippy::unwrap_used, reason = "a failing unwrap is a failing test")]

use parallax::analysis::{Input, analyze};
use parallax::ingest;
use parallax::report::{ReportFormat, render};

/// This process's peak resident size in bytes, from /proc.
fn peak_resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// A small deterministic generator (xorshift), so the articles are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n as u64).unwrap()
    }
}

/// `count` articles of about `bytes` each, in made-up words drawn at random from a vocabulary of
/// a few thousand, so that no two sentences are alike, except two sentences each article shares
/// with the one before and two with the one after, its neighbours close in content: a chain that
/// makes them one event.
fn one_event_sharing_little(count: usize, bytes: usize) -> Vec<Input> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let syllables: Vec<String> = "bdfgklmnprstvz"
        .chars()
        .flat_map(|c| "aeiou".chars().map(move |v| format!("{c}{v}")))
        .collect();
    let vocabulary: Vec<String> = (0..6000)
        .map(|_| {
            let length = 2 + rng.below(3);
            (0..length)
                .map(|_| syllables[rng.below(syllables.len())].as_str())
                .collect()
        })
        .collect();
    let links: Vec<String> = (0..2 * count + 2)
        .map(|_| {
            let words: Vec<&str> = (0..14)
                .map(|_| vocabulary[rng.below(vocabulary.len())].as_str())
                .collect();
            format!("{}.\n\n", words.join(" "))
        })
        .collect();
    (0..count)
        .map(|k| {
            let mut text = links[2 * k..2 * k + 4].concat();
            // Each article draws on a window of the vocabulary that slides along the chain, so
            // neighbours are close in content and far articles share no words.
            let window = |rng: &mut Rng| (k * 20 + rng.below(400)) % vocabulary.len();
            while text.len() < bytes {
                let words: Vec<&str> = (0..8 + rng.below(9))
                    .map(|_| vocabulary[window(&mut rng)].as_str())
                    .collect();
                let sentence = words.join(" ");
                if rng.below(10) < 3 {
                    text.push_str(&format!("\"{sentence},\" said Ada Rhee.\n\n"));
                } else {
                    text.push_str(&format!("{sentence}.\n\n"));
                }
            }
            let source = ingest::ingest(&format!("article-{k:03}.txt"), text.as_bytes()).unwrap();
            Input::from(source)
        })
        .collect()
}

#[test]
fn two_hundred_articles_of_one_event_that_share_little_stay_small() {
    let Some(before) = peak_resident_bytes() else {
        eprintln!("no /proc/self/status here: the peak cannot be measured");
        return;
    };
    let inputs = one_event_sharing_little(200, 8 * 1024);
    let comparison = analyze(&inputs);
    assert_eq!(comparison.documents.len(), 200);
    assert_eq!(comparison.story.groups.len(), 1, "one event");
    let missing: usize = comparison
        .omissions
        .iter()
        .map(|o| o.missing_from.len())
        .sum();
    // Over three million (sentence or quote, article it is missing from) pairs ...
    assert!(missing > 3_000_000, "{missing}");
    let report = render(&comparison, ReportFormat::Md);
    assert!(report.contains("## Omissions"));
    let grown = peak_resident_bytes().unwrap().saturating_sub(before);
    // ... held as one bit each: the comparison and its report grow the peak by about 100 MB.
    // Held as a shared id each (16 bytes a pair), as before, they grew it by 189 MB.
    assert!(
        grown < 150 * 1024 * 1024,
        "the peak grew by {} MB",
        grown / 1024 / 1024
    );
    eprintln!("the peak grew by {} MB", grown / 1024 / 1024);
}
