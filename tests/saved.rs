//! Saved comparisons as untrusted input and as output (issue [8]): each problem names the
//! `.parallax` file, what Parallax writes it reads back, and nothing printed on the terminal can
//! steer it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failing unwrap is a failing test"
)]

use std::path::{Path, PathBuf};
use std::process::Output;

#[path = "support/run.rs"]
mod run;
use run::{compare, stderr};

use serde_json::{Value, json};

fn report(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("a JSON report")
}

fn document(path: &str, text: &str, notes: &[&str]) -> Value {
    json!({
        "path": path,
        "format": "text",
        "encoding": "UTF-8",
        "text": text,
        "detected": {},
        "notes": notes,
        "user": {}
    })
}

fn saved(documents: &[Value], verbs: &[&str], terms: &[&str]) -> Value {
    json!({
        "format": "parallax.saved/1",
        "generator": "a test",
        "documents": documents,
        "lexicons": {"verbs": verbs, "terms": terms}
    })
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const FERRY: &str = "The island ferry runs again from Monday, the council said on Friday after a winter of repairs.\n\n\"We are glad to sail again,\" said captain Ada Rhee.\n";

#[test]
fn a_bad_lexicon_inside_is_left_out_with_a_message_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "story.parallax",
        &saved(
            &[document("inside.txt", FERRY, &[])],
            &["shouty yell yelled\n"],
            &[],
        )
        .to_string(),
    );
    let output = compare(&[file.as_os_str()]);
    assert_eq!(output.status.code(), Some(1), "not a usage error");
    let said = stderr(&output);
    assert!(!said.contains("Try 'parallax compare --help'"), "{said}");
    let line = said
        .lines()
        .find(|l| l.contains("reporting-verb additions were left out"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(line.contains("line 1") && line.contains("shouty"), "{line}");
    assert!(line.ends_with("story.parallax"), "{line}");
    assert_eq!(report(&output)["documents"][0]["path"], "inside.txt");
}

#[test]
fn problems_and_notes_of_a_saved_article_name_the_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "story.parallax",
        &saved(
            &[
                document("kept.txt", FERRY, &["read as windows-1252 (detected)"]),
                document("furniture.txt", "Home\nNews\nSport\n\nShare\n", &[]),
            ],
            &[],
            &[],
        )
        .to_string(),
    );
    let output = compare(&[file.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    let problem = said
        .lines()
        .find(|l| l.contains("nothing left to compare"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(problem.contains("its article “furniture.txt”"), "{problem}");
    assert!(problem.ends_with("story.parallax"), "{problem}");
    let note = said
        .lines()
        .find(|l| l.contains("windows-1252"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        note.contains("note: its article “kept.txt”") && note.ends_with("story.parallax"),
        "{note}"
    );
    let value = report(&output);
    assert!(
        value["problems"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("story.parallax")
    );
}

#[test]
fn versions_and_byte_order_marks_are_read_as_they_should_be() {
    let dir = tempfile::tempdir().unwrap();
    let good = saved(&[document("inside.txt", FERRY, &[])], &[], &[]).to_string();
    let with_bom = write(dir.path(), "bom.parallax", &format!("\u{feff}{good}"));
    let output = compare(&[with_bom.as_os_str()]);
    assert!(output.status.success(), "{}", stderr(&output));

    let old = write(
        dir.path(),
        "old.parallax",
        &good.replace("parallax.saved/1", "parallax.saved/0"),
    );
    let output = compare(&[old.as_os_str(), with_bom.as_os_str()]);
    let said = stderr(&output);
    assert!(!said.contains("newer"), "{said}");
    assert!(
        said.contains("its format is “parallax.saved/0”, not parallax.saved/1"),
        "{said}"
    );
    let newer = write(
        dir.path(),
        "newer.parallax",
        &good.replace("parallax.saved/1", "parallax.saved/2"),
    );
    let said = stderr(&compare(&[newer.as_os_str(), with_bom.as_os_str()]));
    assert!(said.contains("saved by a newer Parallax"), "{said}");

    // A lexicon file with a byte-order mark is read.
    let verbs = write(
        dir.path(),
        "verbs.txt",
        "\u{feff}loaded crow crowed crows\n",
    );
    let output = compare(&[with_bom.as_os_str(), "--verbs".as_ref(), verbs.as_os_str()]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn settings_for_a_saved_comparison_are_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "story.parallax",
        &saved(&[document("inside.txt", FERRY, &[])], &[], &[]).to_string(),
    );
    for flag in ["--outlet", "--date", "--title"] {
        let value = if flag == "--date" {
            "1=2026-03-01"
        } else {
            "1=X"
        };
        let output = compare(&[file.as_os_str(), flag.as_ref(), value.as_ref()]);
        assert_eq!(output.status.code(), Some(2), "{flag}");
        assert!(
            stderr(&output).contains("is a saved comparison"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn a_saved_comparison_holds_only_what_was_compared_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut args: Vec<PathBuf> = (0..202)
        .map(|k| {
            write(
                dir.path(),
                &format!("article-{k:03}.txt"),
                &format!("Ferry report {k}\n\nThe ferry to island {k} runs again from Monday, the council said.\n"),
            )
        })
        .collect();
    args.push(write(
        dir.path(),
        "furniture.txt",
        "Home\nNews\nSport\n\nShare\n",
    ));
    let out = dir.path().join("story.parallax");
    let mut command: Vec<&std::ffi::OsStr> = args.iter().map(|p| p.as_os_str()).collect();
    command.extend(["--save-comparison".as_ref(), out.as_os_str()]);
    let output = compare(&command);
    assert_eq!(output.status.code(), Some(1));
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let documents = saved["documents"].as_array().unwrap();
    assert_eq!(
        documents.len(),
        200,
        "the two left out and the furniture are not saved"
    );
    assert!(
        documents[199]["path"]
            .as_str()
            .unwrap()
            .ends_with("article-199.txt")
    );
    let again = compare(&[out.as_os_str()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(report(&again)["documents"], report(&output)["documents"]);
}

#[test]
fn names_and_notes_cannot_steer_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "\u{1b}]0;owned\u{7}\u{1b}[2J\nparallax: forged message";
    let file = write(
        dir.path(),
        "story.parallax",
        &saved(
            &[
                document(&format!("inside{hostile}.txt"), FERRY, &[hostile]),
                document(
                    "furniture\u{1b}[31m.txt",
                    "Home\nNews\nSport\n\nShare\n",
                    &[],
                ),
            ],
            &[],
            &[],
        )
        .to_string(),
    );
    // A file name with an escape sequence and a line break, which Linux allows.
    let missing = dir.path().join("gone\u{1b}[2J\nparallax: forged.txt");
    let output = compare(&[file.as_os_str(), missing.as_os_str()]);
    let said = stderr(&output);
    assert!(
        !said.contains('\u{1b}') && !said.contains('\u{7}'),
        "{said:?}"
    );
    assert!(
        said.lines().all(|l| l.starts_with("parallax: ")),
        "every line is one message: {said}"
    );
    assert!(
        said.contains("\\x1b]0;owned\\x07\\x1b[2J\\nparallax: forged message"),
        "{said}"
    );
    assert_eq!(
        said.lines().filter(|l| l.contains("forged")).count(),
        2,
        "{said}"
    );
    assert!(
        said.contains("its article “furniture\\x1b[31m.txt”"),
        "{said}"
    );
}
