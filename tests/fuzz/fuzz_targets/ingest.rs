//! Bytes → document, as every format: never a panic, and a document's text never longer than
//! the cap. (Text that is blank once markup is taken out is refused later, by the analysis,
//! with a message.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::ingest;

fuzz_target!(|data: &[u8]| {
    for name in ["a.txt", "a.md", "a.html", "a"] {
        if let Ok(source) = ingest::ingest(name, data) {
            assert!(source.text.len() <= ingest::MAX_TEXT_BYTES);
        }
    }
});
