//! Odd input never panics: many generated texts made of the characters that trip up cleaners and
//! sentence splitters (quotes, dots, brackets, line breaks, non-Latin scripts, stray bytes), in
//! every format, through ingest and analysis, with every offset checked.

use parallax::analysis::{Input, analyze};
use parallax::ingest;

/// A small deterministic generator (xorshift), so a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[usize::try_from(self.next() % items.len() as u64).unwrap_or(0)]
    }
}

const PIECES: &[&str] = &[
    "The",
    "council",
    "said",
    "Mr.",
    "U.S.",
    "Nov.",
    "K.",
    "a.m.",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    ".",
    "..",
    "…",
    "!",
    "?",
    ":",
    ";",
    ",",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "(",
    ")",
    "[",
    "]",
    "#",
    "*",
    "_",
    "`",
    "<p>",
    "</p>",
    "<div>",
    "&amp;",
    "{{x}}",
    "©",
    "Read more",
    "Share",
    "Home",
    "MOSCOW, January 23. /TASS/.",
    "By Ana Lee",
    "March 3, 2024",
    "Пресс-секретарь",
    "東京",
    "😀",
    "\u{feff}",
    "\u{200b}",
    "\u{a0}",
    "-",
    "—",
    "/",
    "1",
    "2024",
    "Ilse",
    "“Ilse Marren",
    "”Ana Lee said",
    "he said",
    "according to",
    "the spokesman",
    "saying,",
    "Gov. Ana Lee",
    "Marren",
    "\u{301}",
    "x",
];

fn text(rng: &mut Rng) -> String {
    let len = 1 + rng.next() % 300;
    (0..len).map(|_| rng.pick(PIECES)).collect()
}

#[test]
fn generated_texts_never_panic_and_offsets_hold() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for round in 0..600 {
        let body = text(&mut rng);
        let name = ["a.txt", "a.md", "a.html", "a"][round % 4];
        let mut bytes = body.into_bytes();
        if round % 7 == 0 {
            // A few broken bytes, too.
            bytes.push(0xff);
            bytes.insert(bytes.len() / 2, 0xc3);
        }
        let Ok(source) = ingest::ingest(name, &bytes) else {
            continue;
        };
        let comparison = analyze(&[Input::from(source)]);
        for document in &comparison.documents {
            let text = &document.text;
            for s in &document.sentences {
                assert!(s.start <= s.end && s.end <= text.len(), "round {round}");
                assert!(
                    text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                    "round {round}"
                );
            }
            for w in &document.words {
                assert!(
                    w.start < w.end
                        && text.is_char_boundary(w.start)
                        && text.is_char_boundary(w.end),
                    "round {round}"
                );
            }
            for p in &document.paragraphs {
                assert!(p.start <= p.end && p.end <= text.len(), "round {round}");
            }
        }
    }
}

#[test]
fn long_single_line_and_many_lines() {
    let line = "The council met again. ".repeat(40_000);
    let source = ingest::ingest("long.txt", line.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let comparison = analyze(&[Input::from(source)]);
    assert_eq!(comparison.documents[0].sentences.len(), 40_000);

    let many =
        "Home\n".repeat(50_000) + "The ferry resumed service on Monday, the operator said.\n";
    let source = ingest::ingest("many.txt", many.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let comparison = analyze(&[Input::from(source)]);
    assert_eq!(comparison.documents[0].sentences.len(), 1);
}
