//! Running the `parallax` binary from an integration test, shared by the tests that need it.

use std::ffi::OsStr;
use std::process::{Command, Output};

/// `parallax compare` with these arguments, run to its end.
pub fn compare(args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("compare")
        .args(args)
        .output()
        .expect("the parallax binary runs")
}

/// What the run said on its standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
