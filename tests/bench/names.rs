//! Made-up names for the inputs that stress name handling (`tests/bounded.rs` and the
//! `bounded` benchmark): words of a few syllables, capitalised, the same every run.

/// `count` made-up names, drawn from a generator started at `seed`.
pub fn names(count: usize, seed: u64) -> Vec<String> {
    const SYLLABLES: [&str; 14] = [
        "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "pa", "ro", "ge", "bu", "fa",
    ];
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        usize::try_from(state >> 33).unwrap_or(0)
    };
    (0..count)
        .map(|_| {
            let syllables = 2 + next() % 3;
            let word: String = (0..syllables).map(|_| SYLLABLES[next() % 14]).collect();
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}
