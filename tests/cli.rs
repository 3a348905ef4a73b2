//! The headless `parallax compare`, driven as a user would: files in, report and exit code out.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failing unwrap is a failing test"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    [
        "northgate-courier.txt",
        "valley-ledger.html",
        "riverside-post.md",
    ]
    .iter()
    .map(|name| dir.join(name))
    .collect()
}

fn parallax(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("the parallax binary runs")
}

fn compare(files: &[PathBuf], extra: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref()];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    args.extend(files.iter().map(|f| f.as_os_str()));
    parallax(&args)
}

fn report(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is a JSON report")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const ARTICLE: &str = "The ferry between Kell and Orm resumed on Monday after a two-week strike.\n\nCrews accepted a pay offer late on Sunday, the union said.\n";

#[test]
fn samples_compare_to_a_valid_report() {
    let output = compare(&samples(), &["--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = report(&output);
    assert_eq!(report["schema"], "parallax.report/1");
    assert!(
        report["generator"]
            .as_str()
            .unwrap()
            .starts_with("parallax ")
    );
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    for (i, doc) in docs.iter().enumerate() {
        assert_eq!(doc["id"], format!("d{i}"));
        assert!(!doc["sentences"].as_array().unwrap().is_empty());
        for key in [
            "quotes",
            "quote_groups",
            "sentence_groups",
            "framing",
            "omissions",
        ] {
            assert!(report[key].is_array(), "{key}");
        }
        // Every sentence's offsets point at its text.
        let text = doc["text"].as_str().unwrap();
        for s in doc["sentences"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            let squeezed: String = text[start..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(squeezed, s["text"].as_str().unwrap());
        }
    }
    assert_eq!(docs[0]["outlet"], "Northgate Courier");
    assert_eq!(docs[1]["outlet"], "The Valley Ledger");
    assert_eq!(docs[2]["outlet"], "Riverside Post");
    assert_eq!(docs[2]["syndicated_from"], "The Valley Ledger");
}

#[test]
fn text_offsets_are_file_offsets() {
    let file = &samples()[0];
    let bytes = std::fs::read(file).unwrap();
    let output = compare(std::slice::from_ref(file), &[]);
    let report = report(&output);
    for s in report["documents"][0]["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        let from_file = String::from_utf8_lossy(&bytes[start..end])
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(from_file, s["text"].as_str().unwrap());
    }
}

#[test]
fn reports_are_deterministic() {
    let first = compare(&samples(), &["--format", "json"]);
    let second = compare(&samples(), &["--format", "json"]);
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn markdown_report_reads_as_text() {
    let output = compare(&samples(), &["--format", "md"]);
    assert!(output.status.success());
    let md = String::from_utf8(output.stdout).unwrap();
    assert!(md.starts_with("# Parallax comparison"));
    assert!(
        md.contains("| 2 | The Valley Ledger | 2026-03-12 |"),
        "{md}"
    );
    assert!(md.contains("Calder city council on Wednesday night approved"));
    assert!(md.contains("(navigation): Skip to main content"));
    // Articles are named as a reader names them, never by their ids.
    assert!(md.contains("## 2 · The Valley Ledger"), "{md}");
    assert!(!md.contains("d0") && !md.contains("d1 "), "{md}");
}

#[test]
fn output_file_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let output = compare(&samples(), &["-o", out.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let written: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(written["documents"].as_array().unwrap().len(), 3);
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn user_metadata_overrides_detection() {
    let output = compare(
        &samples(),
        &[
            "--outlet",
            "1=Courier (edited)",
            "--date",
            "3=2026-03-13",
            "--title",
            "2=My title",
        ],
    );
    let report = report(&output);
    assert_eq!(report["documents"][0]["outlet"], "Courier (edited)");
    assert_eq!(report["documents"][1]["title"], "My title");
    assert_eq!(report["documents"][2]["date"], "2026-03-13");
}

#[test]
fn users_extend_the_reporting_verb_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("ferry.txt");
    std::fs::write(
        &article,
        "Ferry talks resumed on Monday.\n\n\"The offer is fair,\" union leader Ada Rhee opined.\n\n\"We will sail,\" Ada Rhee said.\n",
    )
    .unwrap();
    let plain = report(&compare(std::slice::from_ref(&article), &[]));
    assert_eq!(plain["quotes"][0]["speaker"], Value::Null, "{plain}");
    assert_eq!(plain["quotes"][1]["cue_class"], "neutral");

    let verbs = dir.path().join("verbs.txt");
    std::fs::write(
        &verbs,
        "# ours\ndistancing opine opined opines\nloaded say said says\n",
    )
    .unwrap();
    let output = compare(
        std::slice::from_ref(&article),
        &["--verbs", verbs.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let extended = report(&output);
    assert_eq!(extended["quotes"][0]["speaker"], "Ada Rhee", "{extended}");
    assert_eq!(extended["quotes"][0]["cue"], "opined");
    assert_eq!(extended["quotes"][0]["cue_class"], "distancing");
    assert_eq!(extended["quotes"][1]["cue_class"], "loaded");

    // A bad line is a usage error naming the file and the line.
    std::fs::write(&verbs, "neutral say said\nshouty yell yelled\n").unwrap();
    let output = compare(&[article], &["--verbs", verbs.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("verbs.txt: line 2") && message.contains("shouty"),
        "{message}"
    );
}

#[test]
fn users_extend_the_framing_terms() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "The ferry levy was raised again by the harbour board on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "The ferry toll was raised again by the harbour board on Monday.\n",
    )
    .unwrap();
    let files = [a.clone(), b.clone()];
    let concepts = |value: &Value| -> Vec<String> {
        value["framing"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "term")
            .map(|f| f["concept"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(concepts(&report(&compare(&files, &[]))).is_empty());

    let terms = dir.path().join("terms.txt");
    std::fs::write(&terms, "# ours\nlabel ferry charges: levy | toll | fare\n").unwrap();
    let output = compare(&files, &["--terms", terms.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let extended = report(&output);
    assert_eq!(concepts(&extended), ["ferry charges"], "{extended}");

    std::fs::write(&terms, "label fine: a | b\nopinion x: y\n").unwrap();
    let output = compare(&files, &["--terms", terms.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("terms.txt: line 2") && message.contains("opinion"),
        "{message}"
    );
}

/// Each bad input: one clear message naming the file, the others still compared, exit 1.
fn assert_bad_input(bad: &Path, expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, ARTICLE).unwrap();
    let output = compare(&[good.clone(), bad.to_path_buf()], &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "one message: {err}");
    assert!(lines[0].contains(expected), "{err}");
    assert!(
        lines[0].contains(&*bad.to_string_lossy()),
        "names the file: {err}"
    );
    let report = report(&output);
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    assert_eq!(report["documents"][0]["path"], good.to_str().unwrap());
    assert_eq!(report["problems"][0]["path"], bad.to_str().unwrap());
}

#[test]
fn missing_file() {
    assert_bad_input(
        Path::new("/nonexistent/parallax/article.txt"),
        "file not found",
    );
}

#[test]
fn directory() {
    let dir = tempfile::tempdir().unwrap();
    assert_bad_input(dir.path(), "is a directory");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, "").unwrap();
    assert_bad_input(&path, "the file is empty");
}

#[test]
fn image_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photo.txt");
    std::fs::write(
        &path,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    )
    .unwrap();
    assert_bad_input(&path, "binary file (a PNG image)");
}

#[test]
fn all_boilerplate_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("furniture.txt");
    std::fs::write(&path, "Home\nNews\nSport\nWeather\n\nShare\nLeave a Reply\n© 2026 Kell Gazette. All rights reserved.\n").unwrap();
    assert_bad_input(&path, "nothing left to compare");
}

#[test]
fn invalid_utf8_is_read_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, ARTICLE).unwrap();
    let legacy = dir.path().join("legacy.txt");
    std::fs::write(
        &legacy,
        b"The caf\xe9 on Orm Quay reopened on Monday, its owner said.\n",
    )
    .unwrap();
    let output = compare(&[good, legacy.clone()], &[]);
    assert_eq!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("not UTF-8; read as windows-1252") && err.contains(legacy.to_str().unwrap()),
        "{err}"
    );
    let report = report(&output);
    assert_eq!(
        report["documents"][1]["sentences"][0]["text"],
        "The café on Orm Quay reopened on Monday, its owner said."
    );
}

#[test]
fn every_input_bad_still_writes_a_report() {
    let output = compare(
        &[
            PathBuf::from("/nonexistent/a.txt"),
            PathBuf::from("/nonexistent/b.txt"),
        ],
        &[],
    );
    assert_eq!(output.status.code(), Some(1));
    let report = report(&output);
    assert!(report["documents"].as_array().unwrap().is_empty());
    assert_eq!(report["problems"].as_array().unwrap().len(), 2);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(parallax(&["compare".as_ref()]).status.code(), Some(2));
    assert_eq!(
        compare(&samples(), &["--format", "pdf"]).status.code(),
        Some(2)
    );
    assert_eq!(
        compare(&samples(), &["--outlet", "9=Nobody"]).status.code(),
        Some(2)
    );
    assert_eq!(
        compare(&samples(), &["--date", "1=March 3"]).status.code(),
        Some(2)
    );
    assert_eq!(
        parallax(&["compare".as_ref(), "--bogus".as_ref(), "a.txt".as_ref()])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn unwritable_output_is_reported() {
    let output = compare(&samples(), &["-o", "/nonexistent/dir/report.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("cannot write the report"));
}

#[test]
fn every_format_is_written() {
    let dir = tempfile::tempdir().unwrap();
    for (format, starts) in [
        ("html", "<!DOCTYPE html>"),
        ("md", "# Parallax comparison"),
        ("json", "{"),
        ("csv", "group,quote,d0 (Northgate Courier)"),
    ] {
        let out = dir.path().join(format!("report.{format}"));
        let output = compare(
            &samples(),
            &["--format", format, "-o", out.to_str().unwrap()],
        );
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.starts_with(starts),
            "{format}: {}",
            &text[..80.min(text.len())]
        );
    }
    // The CSV has a row per quote and a column per document.
    let csv = std::fs::read_to_string(dir.path().join("report.csv")).unwrap();
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("report.json")).unwrap())
            .unwrap();
    let header = csv.lines().next().unwrap();
    assert_eq!(header.split(',').count(), 2 + 3);
    assert!(csv.lines().count() > json["quote_groups"].as_array().unwrap().len());
}

#[test]
fn a_saved_comparison_reopens_with_its_edits_and_lexicons() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("story.parallax");
    let verbs = dir.path().join("verbs.txt");
    std::fs::write(&verbs, "loaded say said says\n").unwrap();
    let first = compare(
        &samples(),
        &[
            "--outlet",
            "1=Courier (edited)",
            "--verbs",
            verbs.to_str().unwrap(),
            "--save-comparison",
            saved.to_str().unwrap(),
        ],
    );
    assert!(first.status.success(), "{}", stderr(&first));
    // The original files are not needed any more.
    let moved = dir.path().join("elsewhere.parallax");
    std::fs::rename(&saved, &moved).unwrap();
    let again = compare(&[moved], &[]);
    assert!(again.status.success(), "{}", stderr(&again));
    let (first, again) = (report(&first), report(&again));
    assert_eq!(again["documents"][0]["outlet"], "Courier (edited)");
    assert_eq!(first["documents"], again["documents"]);
    assert_eq!(first["quotes"], again["quotes"]);
    assert_eq!(first["framing"], again["framing"]);
    assert!(
        again["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["cue"] == "said" && q["cue_class"] == "loaded"),
        "the saved lexicon addition is used"
    );

    // Something that is not a saved comparison is refused with a reason; the rest is compared.
    let fake = dir.path().join("fake.parallax");
    std::fs::write(&fake, "{\"format\": \"parallax.saved/9\"}").unwrap();
    let output = compare(&[fake, samples()[0].clone()], &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("newer Parallax"),
        "{}",
        stderr(&output)
    );
    assert_eq!(report(&output)["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn hide_folders_keeps_the_users_folders_out_of_every_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for folder in ["kell", "orm"] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        let path = dir.path().join(folder).join("ferry.txt");
        std::fs::write(&path, ARTICLE).unwrap();
        files.push(path);
    }
    files.push(dir.path().join("kell").join("missing.txt"));
    let folder = dir.path().to_str().unwrap();
    let saved = dir.path().join("story.parallax");
    for format in ["json", "md", "html", "csv"] {
        let output = compare(
            &files,
            &[
                "--hide-folders",
                "--format",
                format,
                "--save-comparison",
                saved.to_str().unwrap(),
            ],
        );
        assert_eq!(
            output.status.code(),
            Some(1),
            "the missing file is a problem"
        );
        let text = String::from_utf8(output.stdout.clone()).unwrap();
        assert!(!text.contains(folder), "{format} names the folder:\n{text}");
        if format == "json" {
            let report: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(report["documents"][0]["path"], "kell/ferry.txt");
            assert_eq!(report["documents"][1]["path"], "orm/ferry.txt");
            assert_eq!(report["problems"][0]["path"], "missing.txt");
        }
        // The user's own terminal still gets the full path.
        assert!(stderr(&output).contains(folder));
        let saved = std::fs::read_to_string(&saved).unwrap();
        assert!(!saved.contains(folder));
    }
    // Without the flag, paths are as given, as the report's contract says.
    let output = compare(&files[..1], &[]);
    assert_eq!(
        report(&output)["documents"][0]["path"],
        files[0].to_str().unwrap()
    );
}

#[test]
fn hostile_markup_in_an_article_is_inert_in_the_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("hostile.html");
    std::fs::write(
        &page,
        "<html><head><title>Harbour &lt;script&gt;alert(1)&lt;/script&gt;</title></head><body><article>\
         <h1>Ferry news &lt;img src=x onerror=alert(2)&gt;</h1>\
         <p>The ferry runs again from Monday &lt;script&gt;document.title='pwned'&lt;/script&gt;, \
         the harbour master said on Friday after the repairs were finished.</p>\
         <p>Tickets cost four pounds, &lt;iframe src=\"https://example.com\"&gt; the operator said.</p>\
         </article></body></html>",
    )
    .unwrap();
    let output = compare(&[page], &["--format", "html"]);
    let html = String::from_utf8(output.stdout).unwrap();
    assert!(
        html.contains("&lt;script&gt;"),
        "the markup is shown as text"
    );
    for tag in ["<script", "<img", "<iframe", " src=\""] {
        assert!(!html.contains(tag), "{tag} must not be live markup");
    }
    // No tag carries an event handler: `onerror=` appears only as escaped text.
    let handler = regex::Regex::new(r"<[a-zA-Z][^>]*\son[a-z]+\s*=").unwrap();
    assert!(!handler.is_match(&html), "an event handler in a tag");
    assert!(html.contains("onerror=alert(2)&gt;"));
}
