//! No network at all (issue [7]): `parallax compare` on pages that point at remote images,
//! scripts and style sheets, traced with strace, opens no socket of any kind, and no report it
//! writes refers to anything remote. (The window's check, where the display connection is a
//! local socket, is in .ci/check-network.sh.) Skipped, with a message, where strace is not
//! installed; .ci/run installs it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failing unwrap is a failing test"
)]

use std::process::Command;

#[test]
fn compare_opens_no_socket() {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("skipped: strace is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("remote.html");
    std::fs::write(
        &page,
        "<html><head><title>Ferry</title><link rel=stylesheet href=\"https://example.com/a.css\">\
         <script src=\"https://example.com/a.js\"></script></head><body><article><h1>Ferry back</h1>\
         <img src=\"https://example.com/photo.jpg\"><p>The island ferry runs again from Monday, \
         the council said on Friday after a winter of repairs.</p>\
         <p><a href=\"https://example.com/more\">More</a> Tickets cost four pounds.</p></article></body></html>",
    )
    .unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let trace = dir.path().join("trace.txt");
    for format in ["json", "html", "md", "csv"] {
        let out = dir.path().join(format!("report.{format}"));
        let status = Command::new("strace")
            .args(["-f", "-qq", "-e", "trace=socket,connect,socketpair", "-o"])
            .arg(&trace)
            .arg(env!("CARGO_BIN_EXE_parallax"))
            .args(["compare", "--format", format, "-o"])
            .arg(&out)
            .arg(&page)
            .arg(samples.join("northgate-courier.txt"))
            .arg(samples.join("valley-ledger.html"))
            .status()
            .unwrap();
        assert!(status.success());
        let calls = std::fs::read_to_string(&trace).unwrap();
        assert!(
            calls.trim().is_empty(),
            "{format}: compare made network calls:\n{calls}"
        );
        let report = std::fs::read_to_string(&out).unwrap();
        if format == "html" {
            // The page's remote resources are not carried into the report.
            assert!(!report.contains("example.com/a.css"));
            assert!(!report.contains("example.com/photo.jpg"));
            assert!(!report.contains(" src="));
        }
    }
}
