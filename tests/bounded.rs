//! Bounded work (issue [8]): inputs that made a step quadratic before, each under a generous
//! wall-clock guard. A hang is a failure; how the time grows is measured in the benchmarks
//! (`cargo bench --bench bounded`), not here. The guard is far above what these take in a debug
//! build and far below what the quadratic steps took in a release one.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failing unwrap is a failing test"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

#[path = "bench/names.rs"]
mod names;

use names::names;

/// Past this, the run is taken for a hang and killed.
const GUARD: Duration = Duration::from_secs(120);

/// Runs `parallax compare ARGS` under the guard.
fn compare_within_guard(args: &[&std::ffi::OsStr]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("stdout");
    let err = dir.path().join("stderr");
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("compare")
        .args(args)
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > GUARD {
            let _ = child.kill();
            let _ = child.wait();
            panic!("compare {args:?} ran past {GUARD:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    eprintln!("compare took {:.1?}", started.elapsed());
    Output {
        status,
        stdout: std::fs::read(out).unwrap(),
        stderr: std::fs::read(err).unwrap(),
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn report(output: &Output) -> serde_json::Value {
    assert!(
        output.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn one_paragraph_of_thirty_thousand_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let quotes = vec!["“Sail now.”"; 30_000].join(" ");
    let path = write(
        dir.path(),
        "quotes.txt",
        &format!("Ferry news\n\n{quotes}\n"),
    );
    let value = report(&compare_within_guard(&[path.as_os_str()]));
    assert_eq!(value["quotes"].as_array().unwrap().len(), 30_000);
}

#[test]
fn two_megabytes_of_names_sharing_a_few_last_names() {
    let dir = tempfile::tempdir().unwrap();
    let last = names(20, 7);
    let first = names(120_000, 11);
    let text: Vec<String> = first
        .iter()
        .enumerate()
        .map(|(k, name)| format!("{name} {}", last[k % last.len()]))
        .collect();
    let path = write(dir.path(), "names.txt", &(text.join(" and ") + "\n"));
    assert!(std::fs::metadata(&path).unwrap().len() > 2_000_000);
    let value = report(&compare_within_guard(&[path.as_os_str()]));
    assert_eq!(value["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn lexicons_of_many_entries_load_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let words = names(60_000, 3);
    let terms: String = words
        .iter()
        .enumerate()
        .take(40_000)
        .map(|(k, w)| format!("label concept {k}: {w}a{k} | {w}b{k}\n"))
        .collect();
    let verbs: String = words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            let w = w.to_lowercase();
            format!("neutral {w}{k} {w}ed{k}\n")
        })
        .collect();
    assert!(
        terms.len() + verbs.len() < 4 * 1024 * 1024,
        "within the limit"
    );
    let terms = write(dir.path(), "terms.txt", &terms);
    let verbs = write(dir.path(), "verbs.txt", &verbs);
    let article = write(
        dir.path(),
        "ferry.txt",
        "The ferry runs again from Monday, the council said on Friday.\n",
    );
    let value = report(&compare_within_guard(&[
        article.as_os_str(),
        "--terms".as_ref(),
        terms.as_os_str(),
        "--verbs".as_ref(),
        verbs.as_os_str(),
    ]));
    assert_eq!(value["documents"].as_array().unwrap().len(), 1);
}

/// A saved comparison of one short article with these lexicon additions.
fn saved_with_lexicons(verbs: &[String], terms: &[String]) -> serde_json::Value {
    serde_json::json!({
        "format": "parallax.saved/1",
        "generator": "a test",
        "documents": [{
            "path": "inside.txt",
            "format": "text",
            "encoding": "UTF-8",
            "text": "The ferry runs again from Monday, the council said on Friday.\n",
            "detected": {},
            "notes": [],
            "user": {}
        }],
        "lexicons": {"verbs": verbs, "terms": terms}
    })
}

#[test]
fn lexicons_inside_a_saved_comparison_are_held_to_the_same_limit() {
    let dir = tempfile::tempdir().unwrap();
    let line = "label war: war | special operation | conflict\n";
    let saved = saved_with_lexicons(&[], &[line.repeat(30 * 1024 * 1024 / line.len())]);
    let path = write(dir.path(), "story.parallax", &saved.to_string());
    let output = compare_within_guard(&[path.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("its framing-term additions were left out")
            && stderr.contains("the limit is 4.0 MB")
            && stderr.lines().any(|l| l.ends_with("story.parallax")),
        "{stderr}"
    );
    let value = report(&output);
    assert_eq!(
        value["documents"][0]["path"], "inside.txt",
        "still compared"
    );
}

#[test]
fn many_small_lexicon_additions_cost_no_more_than_one_large_one() {
    let dir = tempfile::tempdir().unwrap();
    let verbs: Vec<String> = names(150_000, 13)
        .iter()
        .enumerate()
        .map(|(k, w)| format!("neutral {}{k}\n", w.to_lowercase()))
        .chain(std::iter::repeat_n("shouty yell\n".to_owned(), 1000))
        .collect();
    let saved = saved_with_lexicons(&verbs, &[]);
    let path = write(dir.path(), "story.parallax", &saved.to_string());
    let output = compare_within_guard(&[path.as_os_str()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // One message for the thousand bad additions, not a thousand.
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("1000 of its reporting-verb additions were left out (the first: line 1"),
        "{stderr}"
    );
    assert_eq!(report(&output)["documents"][0]["path"], "inside.txt");
}
