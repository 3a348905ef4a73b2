//! Several documents → comparison: never a panic, every offset on its text, and the same
//! input gives the same comparison.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let inputs = common::inputs(data);
    let comparison = common::analyze(&inputs);
    common::check(&comparison);
    let again = common::analyze(&inputs);
    if again != comparison {
        // Say where, so a failure that does not come back in isolation can still be read.
        let (first, second) = (format!("{comparison:#?}"), format!("{again:#?}"));
        let line = first
            .lines()
            .zip(second.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let context = |text: &str| {
            text.lines()
                .skip(line.saturating_sub(8))
                .take(12)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "not deterministic at line {line} of the comparison:\n{}\n--- then ---\n{}",
            context(&first),
            context(&second)
        );
    }
});
