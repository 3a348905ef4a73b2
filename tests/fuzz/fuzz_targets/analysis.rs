//! Several documents → comparison: never a panic, every offset on its text, and the same
//! input gives the same comparison.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let inputs = common::inputs(data);
    let comparison = common::analyze(&inputs);
    common::check(&comparison);
    assert_eq!(common::analyze(&inputs), comparison, "deterministic");
});
