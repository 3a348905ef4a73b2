//! Where `compare` writes (issue [8]): nothing the user has is harmed. Devices and pipes are
//! written, never replaced; links are followed; permissions and hard links are kept; an output
//! that is one of the inputs is refused before any work; each output succeeds or fails on its
//! own. Devices are made under a temporary folder (as root, with mknod), never the real /dev.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failing unwrap is a failing test"
)]

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/run.rs"]
mod run;
use run::{compare, stderr};

const ARTICLE: &str = "Ferry back on Monday\n\nThe island ferry runs again from Monday, the council said on Friday after a winter of repairs to the pier.\n\n\"We are glad to sail again,\" said captain Ada Rhee.\n";

fn article(dir: &Path) -> PathBuf {
    let path = dir.join("ferry.txt");
    std::fs::write(&path, ARTICLE).unwrap();
    path
}

fn os(path: &Path) -> &std::ffi::OsStr {
    path.as_os_str()
}

fn made(program: &str, args: &[&std::ffi::OsStr]) -> bool {
    Command::new(program)
        .args(args)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn an_output_that_is_an_input_is_refused_by_any_name() {
    let dir = tempfile::tempdir().unwrap();
    let input = article(dir.path());
    let other_name = dir.path().join("same-ferry.txt");
    std::fs::hard_link(&input, &other_name).unwrap();
    let dotted = dir.path().join(".").join("ferry.txt");
    for target in [&input, &other_name, &dotted] {
        let output = compare(&[os(&input), "-o".as_ref(), os(target)]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("would be written over one of the files being compared"),
            "{}",
            stderr(&output)
        );
        let output = compare(&[os(&input), "--save-comparison".as_ref(), os(target)]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    }
    assert_eq!(std::fs::read_to_string(&input).unwrap(), ARTICLE);
    // A lexicon given is an input too.
    let verbs = dir.path().join("verbs.txt");
    std::fs::write(&verbs, "loaded crow crowed crows\n").unwrap();
    let output = compare(&[
        os(&input),
        "--verbs".as_ref(),
        os(&verbs),
        "-o".as_ref(),
        os(&verbs),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&verbs).unwrap(),
        "loaded crow crowed crows\n"
    );
}

#[test]
fn the_report_and_the_saved_comparison_cannot_share_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = article(dir.path());
    let out = dir.path().join("story.parallax");
    let output = compare(&[
        os(&input),
        "-o".as_ref(),
        os(&out),
        "--save-comparison".as_ref(),
        os(&out),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("would be written to the same file"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn a_folder_as_output_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let input = article(dir.path());
    for target in [Path::new("."), dir.path()] {
        let output = compare(&[os(&input), "-o".as_ref(), os(target)]);
        assert_eq!(output.status.code(), Some(1));
        let said = stderr(&output);
        assert!(
            said.contains("cannot write the report (this is a folder; give a file name to write)"),
            "{said}"
        );
    }
}

#[test]
fn each_output_succeeds_or_fails_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let input = article(dir.path());
    let report = dir.path().join("report.json");
    let nowhere = dir.path().join("no-such-folder").join("story.parallax");
    let output = compare(&[
        os(&input),
        "-o".as_ref(),
        os(&report),
        "--save-comparison".as_ref(),
        os(&nowhere),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot save the comparison (the folder does not exist)"),
        "{}",
        stderr(&output)
    );
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(value["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn permissions_hard_links_and_symbolic_links_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = article(dir.path());
    // A private report stays private.
    let private = dir.path().join("private.json");
    std::fs::write(&private, "old").unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
    // A report with a second name: both names see the new report.
    let linked = dir.path().join("linked.md");
    let second = dir.path().join("second-name.md");
    std::fs::write(&linked, "old").unwrap();
    std::fs::hard_link(&linked, &second).unwrap();
    // A link to a report elsewhere: the report is written, the link stays.
    let elsewhere = dir.path().join("reports");
    std::fs::create_dir(&elsewhere).unwrap();
    let real = elsewhere.join("real.html");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.html");
    std::os::unix::fs::symlink("reports/real.html", &link).unwrap();
    for (target, format) in [(&private, "json"), (&linked, "md"), (&link, "html")] {
        let output = compare(&[
            os(&input),
            "--format".as_ref(),
            format.as_ref(),
            "-o".as_ref(),
            os(target),
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    assert_eq!(
        std::fs::metadata(&private).unwrap().mode() & 0o777,
        0o600,
        "the mode is kept"
    );
    assert!(
        std::fs::read_to_string(&private)
            .unwrap()
            .contains("parallax.report/1")
    );
    assert!(
        std::fs::read_to_string(&second)
            .unwrap()
            .starts_with("# Parallax")
    );
    assert_eq!(
        std::fs::metadata(&linked).unwrap().ino(),
        std::fs::metadata(&second).unwrap().ino()
    );
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("<html"));
}

#[test]
fn a_device_is_written_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let input = article(dir.path());
    // A copy of /dev/null (character device 1,3), made here: only root may.
    let null = dir.path().join("null");
    if !made(
        "mknod",
        &[os(&null), "c".as_ref(), "1".as_ref(), "3".as_ref()],
    ) {
        eprintln!("skipped: mknod needs root");
        return;
    }
    let output = compare(&[os(&input), "-o".as_ref(), os(&null)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = compare(&[os(&input), "--save-comparison".as_ref(), os(&null)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let kind = std::fs::symlink_metadata(&null).unwrap().file_type();
    assert!(kind.is_char_device(), "still a device");
    // A disk device is refused.
    let disk = dir.path().join("disk");
    if made(
        "mknod",
        &[os(&disk), "b".as_ref(), "7".as_ref(), "200".as_ref()],
    ) {
        let output = compare(&[os(&input), "-o".as_ref(), os(&disk)]);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("disk device"),
            "{}",
            stderr(&output)
        );
        assert!(
            std::fs::symlink_metadata(&disk)
                .unwrap()
                .file_type()
                .is_block_device()
        );
    }
}

#[test]
fn a_named_pipe_is_written_and_one_nobody_reads_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let input = article(dir.path());
    let pipe = dir.path().join("pipe");
    if !made("mkfifo", &[os(&pipe)]) {
        eprintln!("skipped: no mkfifo");
        return;
    }
    // Read from the other end, as `cat pipe` would.
    let read = dir.path().join("read.md");
    let mut reader = Command::new("cat")
        .arg(&pipe)
        .stdout(std::fs::File::create(&read).unwrap())
        .spawn()
        .unwrap();
    let output = compare(&[
        os(&input),
        "--format".as_ref(),
        "md".as_ref(),
        "-o".as_ref(),
        os(&pipe),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    // The reader ends when the writer closes; one still waiting was never written to.
    let started = std::time::Instant::now();
    while reader.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            let _ = reader.kill();
            panic!("the pipe's reader got nothing");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        std::fs::read_to_string(&read)
            .unwrap()
            .starts_with("# Parallax")
    );
    // Nobody reading: a message after a short wait.
    let started = std::time::Instant::now();
    let output = compare(&[os(&input), "-o".as_ref(), os(&pipe)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("nothing is reading from this named pipe"));
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    assert!(
        std::fs::symlink_metadata(&pipe)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn dev_stdout_is_the_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = article(dir.path());
    // What /dev/stdout is, made here: a wrong write replaces this link, not the machine's.
    let stdout = dir.path().join("stdout");
    if !Path::new("/proc/self/fd/1").exists() {
        eprintln!("skipped: no /proc");
        return;
    }
    std::os::unix::fs::symlink("/proc/self/fd/1", &stdout).unwrap();
    let output = compare(&[os(&input), "-o".as_ref(), os(&stdout)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(value["documents"].as_array().unwrap().len(), 1);
    // Appending to a file through the shell (`>> log`) keeps what the file held.
    let log = dir.path().join("log.txt");
    std::fs::write(&log, "earlier\n").unwrap();
    let file = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([
            "compare".as_ref(),
            os(&input),
            "--format".as_ref(),
            "md".as_ref(),
        ])
        .args(["-o".as_ref(), os(&stdout)])
        .stdout(file)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("earlier\n# Parallax"), "{text}");
}
