//! Hostile and broken input (issue [7]): every kind of bad file at once, through the headless
//! compare and through the loader the app uses. Each bad input gets its clear message naming
//! it, the good ones are compared all the same, and nothing panics.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failing unwrap is a failing test"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const ARTICLE: &str = "Ferry back on Monday\n\nThe island ferry runs again from Monday, the council said on Friday after a winter of repairs to the pier.\n\n\"We are glad to sail again,\" said captain Ada Rhee.\n";

/// What a case should get.
enum Expect {
    /// Not compared: this message, naming the file.
    Refused(&'static str),
    /// Compared, with a note containing this (or no note when empty), and its text containing
    /// the second string.
    Compared(&'static str, &'static str),
}

struct Case {
    path: PathBuf,
    expect: Expect,
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut units: Vec<u16> = Vec::new();
    if bom {
        units.push(0xFEFF);
    }
    units.extend(text.encode_utf16());
    units
        .iter()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

fn utf32(text: &str) -> Vec<u8> {
    [0xFEFFu32]
        .into_iter()
        .chain(text.chars().map(u32::from))
        .flat_map(u32::to_le_bytes)
        .collect()
}

/// Every hostile case, written into `dir`.
fn cases(dir: &Path) -> Vec<Case> {
    use Expect::{Compared, Refused};
    let mut cases = vec![
        Case {
            path: dir.join("missing.txt"),
            expect: Refused("file not found"),
        },
        Case {
            path: {
                let sub = dir.join("a-folder.txt");
                std::fs::create_dir(&sub).unwrap();
                sub
            },
            expect: Refused("this is a directory"),
        },
        Case {
            path: write(dir, "empty.txt", b""),
            expect: Refused("the file is empty"),
        },
        Case {
            path: write(dir, "furniture.txt", b"Home\nNews\nSport\n\nShare\nLeave a Reply\n"),
            expect: Refused("nothing left to compare"),
        },
        Case {
            path: write(dir, "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"),
            expect: Refused("a PNG image"),
        },
        Case {
            path: write(dir, "paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
            expect: Refused("a PDF document"),
        },
        Case {
            path: write(dir, "bundle.txt", b"PK\x03\x04\x14\0\0\0\x08\0\0\0\0\0"),
            expect: Refused("a ZIP archive"),
        },
        Case {
            path: write(dir, "broken-utf8.txt", b"The caf\xe9 on Orm Quay reopened on Monday, its owner said.\n"),
            expect: Compared("not UTF-8", "café"),
        },
        Case {
            path: write(dir, "utf16le-bom.txt", &utf16("The ferry to Orm runs again, the council said.\n", false, true)),
            expect: Compared("", "ferry to Orm"),
        },
        Case {
            path: write(dir, "utf16be-bom.txt", &utf16("The ferry to Kell runs again, the council said.\n", true, true)),
            expect: Compared("", "ferry to Kell"),
        },
        Case {
            path: write(dir, "utf16le.txt", &utf16("The ferry to Pike runs again, the council said.\n", false, false)),
            expect: Compared("UTF-16LE", "ferry to Pike"),
        },
        Case {
            path: write(dir, "cp1252.txt", "The caf\u{e9} \u{2014} \u{201c}closed\u{201d} since May \u{2014} reopened, its owner said.\n".chars().map(|c| match c {
                '\u{e9}' => 0xE9,
                '\u{2014}' => 0x97,
                '\u{201c}' => 0x93,
                '\u{201d}' => 0x94,
                c => u8::try_from(c).unwrap(),
            }).collect::<Vec<u8>>().as_slice()),
            expect: Compared("windows-1252", "“closed”"),
        },
        Case {
            path: write(dir, "nul.txt", b"The ferry\0 runs again from Monday, the council said on Friday.\n"),
            expect: Compared("NUL byte", "runs again"),
        },
        Case {
            path: write(dir, "one-line.txt", "The ferry runs again, the council said, and ".repeat(24_000).as_bytes()),
            expect: Compared("", "ferry runs again"),
        },
        Case {
            path: write(dir, "quotes.txt", "“The ferry \" runs « again ‘ said ’ the » council „ on “ Monday \" .\n\n".repeat(300).as_bytes()),
            expect: Compared("", "ferry"),
        },
        Case {
            path: write(dir, "deep.html", format!(
                "<html><head><title>Deep</title></head><body>{}<p>The island ferry runs again from Monday, the council said on Friday after the repairs.</p>{}</body></html>",
                "<div>".repeat(100_000),
                "</div>".repeat(100_000)
            ).as_bytes()),
            expect: Compared("levels deep", "island ferry runs again"),
        },
        Case {
            path: write(dir, "active.html", b"<html><head><title>Ferry</title><script>alert('head')</script></head><body>\
                <iframe src=\"https://example.com/ad\"></iframe><form action=\"https://example.com/f\"><input name=q value=\"search me\"><button>Go</button></form>\
                <article><h1>Ferry back</h1><p>The island ferry runs again from Monday, the council said on Friday after a winter of repairs.</p>\
                <script>document.write('injected text')</script><p>Tickets cost four pounds, the operator said.</p></article></body></html>"),
            expect: Compared("", "Tickets cost four pounds"),
        },
        Case {
            // Past the 128 MB limit; sparse, so it takes no disk space, and refused unread.
            path: {
                let path = dir.join("huge.txt");
                let file = std::fs::File::create(&path).unwrap();
                file.set_len(130 * 1024 * 1024).unwrap();
                path
            },
            expect: Refused("the file is too large (130.0 MB; the limit is 128.0 MB)"),
        },
        Case {
            // Classic Mac OS line endings: lone CRs.
            path: write(dir, "mac.txt", ARTICLE.replace('\n', "\r").replace("Monday", "Sunday").as_bytes()),
            expect: Compared("", "runs again from Sunday"),
        },
        Case {
            path: write(dir, "separators.txt", ARTICLE.replace("\n\n", "\u{2029}").replace('\n', "\u{2028}").replace("island", "lake").as_bytes()),
            expect: Compared("", "The lake ferry"),
        },
        Case {
            path: write(dir, "nel.txt", ARTICLE.replace('\n', "\u{85}").replace("island", "river").as_bytes()),
            expect: Compared("", "The river ferry"),
        },
        Case {
            path: write(dir, "utf16le-russian.txt", &utf16("Паром на остров снова ходит с понедельника, сообщил в пятницу городской совет.\n\nРемонт причала занял всю зиму.\n", false, false)),
            expect: Compared("UTF-16LE", "Паром на остров"),
        },
        Case {
            path: write(dir, "utf16be-japanese.txt", &utf16("島へのフェリーは月曜日から運航を再開すると、市議会が金曜日に発表した。\n\n桟橋の修理は冬の間続いた。\n", true, false)),
            expect: Compared("UTF-16BE", "島へのフェリー"),
        },
        Case {
            path: write(dir, "utf32.txt", &utf32("The ferry to Vell runs again, the council said on Friday.\n")),
            expect: Compared("", "ferry to Vell"),
        },
        Case {
            // A Windows-1252 page that declares UTF-16 in its markup.
            path: write(dir, "declares-utf16.html", b"<html><head><meta charset=\"utf-16\"><title>Ferry</title></head><body><article><h1>Ferry back</h1>\
                <p>The caf\xe9 on the pier reopened on Monday, the council said on Friday after a winter of repairs.</p></article></body></html>"),
            expect: Compared("declares UTF-16LE, but its bytes are not", "café on the pier"),
        },
        Case {
            path: write(dir, "iso-2022-jp.txt", &encoding_rs::ISO_2022_JP.encode("島へのフェリーは月曜日から運航を再開すると、市議会が金曜日に発表した。\n").0),
            expect: Compared("ISO-2022-JP", "島へのフェリー"),
        },
        Case {
            path: write(dir, "mz.txt", b"MZ Ferries said on Monday that the island crossing runs again after a winter of repairs.\n"),
            expect: Compared("", "MZ Ferries said"),
        },
        Case {
            path: write(dir, "escapes.txt", b"The ferry\x1b]0;owned\x07 runs again from Monday, the council said on Friday.\n"),
            expect: Compared("control characters replaced with spaces", "runs again"),
        },
    ];
    // A file name that is not UTF-8.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9-story.txt");
        let path = dir.join(name);
        std::fs::write(&path, ARTICLE.replace("Monday", "Tuesday")).unwrap();
        cases.push(Case {
            path,
            expect: Compared("", "Tuesday"),
        });
        // A socket cannot be read as a file.
        let socket = dir.join("socket.txt");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        std::mem::forget(_listener);
        cases.push(Case {
            path: socket,
            expect: Refused("cannot read the file"),
        });
        // A named pipe nobody writes to reads as empty instead of waiting forever.
        let pipe = dir.join("pipe.txt");
        if Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .is_ok_and(|s| s.success())
        {
            cases.push(Case {
                path: pipe,
                expect: Refused("the file is empty"),
            });
        }
    }
    cases
}

fn parallax(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("the parallax binary runs")
}

#[test]
fn every_hostile_input_at_once_gets_its_message_and_the_rest_is_compared() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", ARTICLE.as_bytes());
    let cases = cases(dir.path());
    let mut args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref(), good.as_os_str()];
    args.extend(cases.iter().map(|c| c.path.as_os_str()));
    // The good article twice: both are compared, the second as a copy of the first.
    args.push(good.as_os_str());
    let output = parallax(&args);
    assert_eq!(output.status.code(), Some(1), "some inputs failed");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let report: Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    let documents = report["documents"].as_array().unwrap();
    let problems = report["problems"].as_array().unwrap();
    let named = |path: &Path| path.to_string_lossy().into_owned();
    for case in &cases {
        let name = named(&case.path);
        match case.expect {
            Expect::Refused(message) => {
                let problem = problems
                    .iter()
                    .find(|p| p["path"] == name.as_str())
                    .unwrap_or_else(|| panic!("{name} is not listed as a problem: {stderr}"));
                let said = problem["message"].as_str().unwrap();
                assert!(said.contains(message), "{name}: {said}");
                assert!(
                    stderr
                        .lines()
                        .any(|l| l.contains(message) && l.ends_with(&name)),
                    "{name}: one line naming it on stderr: {stderr}"
                );
            }
            Expect::Compared(note, words) => {
                let document = documents
                    .iter()
                    .find(|d| d["path"] == name.as_str())
                    .unwrap_or_else(|| panic!("{name} was not compared: {stderr}"));
                let notes: Vec<&str> = document["notes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(Value::as_str)
                    .collect();
                if note.is_empty() {
                    assert!(notes.is_empty(), "{name}: {notes:?}");
                } else {
                    assert!(notes.iter().any(|n| n.contains(note)), "{name}: {notes:?}");
                }
                let text = document["text"].as_str().unwrap();
                assert!(
                    text.contains(words),
                    "{name}: {}",
                    &text[..text.len().min(300)]
                );
            }
        }
    }
    // Active content never becomes article text.
    let active = documents
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with("active.html"))
        .unwrap();
    let text = active["text"].as_str().unwrap();
    for gone in ["alert", "injected text", "search me"] {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
    // The good article, twice: the second is the first's copy.
    let goods: Vec<&Value> = documents
        .iter()
        .filter(|d| d["path"] == named(&good).as_str())
        .collect();
    assert_eq!(goods.len(), 2);
    assert_eq!(goods[1]["reprint_of"], goods[0]["id"]);
}

#[test]
fn the_apps_loader_reports_the_same_failures() {
    let dir = tempfile::tempdir().unwrap();
    let cases = cases(dir.path());
    let paths: Vec<&PathBuf> = cases.iter().map(|c| &c.path).collect();
    let (sources, errors) = parallax::load::load_paths(&paths);
    let refused = cases
        .iter()
        .filter(|c| matches!(c.expect, Expect::Refused(_)))
        .count();
    // Cleaning happens in the analysis, so "nothing left to compare" is not a load error.
    assert_eq!(errors.len(), refused - 1, "{errors:?}");
    assert_eq!(sources.len() + errors.len(), cases.len());
    for error in &errors {
        let message = error.to_string();
        assert!(
            message.ends_with(&error.path),
            "the path comes last: {message}"
        );
    }
}

#[test]
fn an_unreadable_file_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "locked.txt", ARTICLE.as_bytes());
    let good = write(dir.path(), "good.txt", ARTICLE.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_err() {
        let error = parallax::load::load_path(&path).unwrap_err();
        assert!(error.to_string().contains("permission denied"), "{error}");
        return;
    }
    // This user reads anything (root, as in a container). Run `compare` as an unprivileged
    // user instead, when the system has setpriv to switch to one.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&good, std::fs::Permissions::from_mode(0o644)).unwrap();
    let Ok(output) = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_parallax"))
        .arg("compare")
        .args([&path, &good])
        .output()
    else {
        eprintln!("skipped: this user reads any file and there is no setpriv to drop that");
        return;
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    if output.status.code() != Some(1) || output.stdout.is_empty() {
        eprintln!("skipped: compare could not run as an unprivileged user: {stderr}");
        return;
    }
    let line = stderr
        .lines()
        .find(|line| line.contains("permission denied"))
        .unwrap_or_else(|| panic!("no permission message: {stderr}"));
    assert!(line.ends_with(&path.display().to_string()), "{line}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    assert!(
        report["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("permission denied")
    );
}

#[test]
fn a_named_pipe_with_a_writer_is_read_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("story.txt");
    if !Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("skipped: no mkfifo");
        return;
    }
    // As in `curl … | parallax compare /dev/stdin`: the writer opens the pipe, takes its time,
    // writes in pieces and closes.
    let writer = {
        let pipe = pipe.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut file = std::fs::OpenOptions::new().write(true).open(pipe).unwrap();
            for line in ARTICLE.split_inclusive('\n') {
                std::thread::sleep(std::time::Duration::from_millis(30));
                file.write_all(line.as_bytes()).unwrap();
            }
        })
    };
    // Give the writer time to open its end first, as a shell pipeline does.
    std::thread::sleep(std::time::Duration::from_millis(100));
    let source = parallax::load::load_path(&pipe).unwrap();
    writer.join().unwrap();
    assert_eq!(source.text, ARTICLE);
}

#[test]
fn two_hundred_articles_at_once_and_the_next_one_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..201)
        .map(|k| {
            write(
                dir.path(),
                &format!("article-{k:03}.txt"),
                format!(
                    "Ferry report {k}\n\nThe ferry to island {k} runs again from Monday, the council said.\n\n\"We are glad,\" said captain Ada Rhee on pier {}.\n",
                    k % 7
                )
                .as_bytes(),
            )
        })
        .collect();
    let mut args: Vec<&std::ffi::OsStr> = vec!["compare".as_ref()];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    let output = parallax(&args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // A comparison holds 200 articles: the 201st is named as left out, the rest compared.
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("left out: a comparison holds at most 200 articles")
            && stderr.contains("article-200.txt"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let documents = report["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 200);
    assert!(
        documents[199]["path"]
            .as_str()
            .unwrap()
            .ends_with("article-199.txt")
    );
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("article-200.txt")
    );
}

#[test]
fn a_fifty_megabyte_article_is_cut_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph =
        "The ferry runs again from Monday, the council said on Friday after repairs.\n\n";
    let big = write(
        dir.path(),
        "huge.txt",
        paragraph
            .repeat(50 * 1024 * 1024 / paragraph.len())
            .as_bytes(),
    );
    let source = parallax::load::load_path(&big).unwrap();
    assert!(source.text.len() <= parallax::ingest::MAX_TEXT_BYTES);
    assert!(source.text.ends_with("repairs.\n\n") || source.text.ends_with("repairs."));
    assert!(
        source
            .notes
            .iter()
            .any(|n| n.contains("only its first 10.0 MB")),
        "{:?}",
        source.notes
    );
}
