//! The app's behaviour without a window: commands in, state out.

use super::settings::RECENT;
use super::*;
use crate::ingest;
use crate::report::ReportFormat;

fn samples() -> ParallaxApp {
    let mut app = ParallaxApp::with_samples();
    app.wait();
    app
}

fn outlets(app: &ParallaxApp) -> Vec<String> {
    let names = crate::comparison::ReaderNames::new(&app.comparison().documents);
    (0..names.len()).map(|k| names.at(k).to_owned()).collect()
}

#[test]
fn commands_change_state_without_a_window() {
    let mut app = samples();
    assert_eq!(app.comparison().documents.len(), 3);
    assert!(app.comparison().problems.is_empty());
    assert_eq!(app.highlights.marks.len(), 3);
    assert!(app.highlights.marks.iter().all(|m| !m.is_empty()));

    app.handle(Command::ShowRemoved(true));
    assert!(app.settings.show_removed);

    app.handle(Command::Open(vec![PathBuf::from(
        "/nonexistent/parallax.txt",
    )]));
    app.wait();
    assert_eq!(app.comparison().documents.len(), 3, "the others stay open");
    assert_eq!(app.comparison().problems.len(), 1);
    assert!(
        app.comparison().problems[0]
            .message
            .contains("file not found")
    );

    app.handle(Command::CloseAll);
    app.wait();
    assert!(app.comparison().documents.is_empty());
    assert!(app.comparison().problems.is_empty());
}

#[test]
fn opened_files_are_remembered_latest_first_and_failures_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..12)
        .map(|k| {
            let path = dir.path().join(format!("article-{k}.txt"));
            std::fs::write(&path, format!("Article {k} says the ferry runs again.\n")).unwrap();
            path
        })
        .collect();
    let mut app = ParallaxApp::new(Vec::new(), Vec::new());
    app.handle(Command::Open(vec![
        paths[0].clone(),
        dir.path().join("missing.txt"),
        paths[1].clone(),
    ]));
    app.wait();
    app.handle(Command::Open(vec![paths[0].clone()]));
    app.wait();
    assert_eq!(app.settings.recent, [paths[0].clone(), paths[1].clone()]);
    app.handle(Command::Open(paths[2..].to_vec()));
    app.wait();
    assert_eq!(app.settings.recent.len(), RECENT);
    assert_eq!(app.settings.recent[0], paths[11]);
    assert_eq!(app.comparison().documents.len(), 13);
    assert_eq!(app.comparison().problems.len(), 1);
    app.handle(Command::ClearRecent);
    assert!(app.settings.recent.is_empty());
}

#[test]
fn work_runs_off_the_ui_thread_and_the_newest_request_wins() {
    let mut app = ParallaxApp::new(Vec::new(), Vec::new());
    app.wait();
    app.handle(Command::OpenSamples);
    // The command returns at once; the result arrives later, by polling.
    assert!(app.is_busy());
    let started = std::time::Instant::now();
    while !app.poll() {
        assert!(
            started.elapsed().as_secs() < 60,
            "no result from the worker"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!app.is_busy());
    assert_eq!(app.comparison().documents.len(), 3);
    // Two requests in a row: the second supersedes the first.
    app.handle(Command::OpenSamples);
    app.handle(Command::CloseAll);
    app.wait();
    assert!(app.comparison().documents.is_empty());
    assert!(!app.poll(), "nothing left to take");
    // Files still loading when a second Open comes are loaded by the second request.
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "The ferry runs again from Monday.\n").unwrap();
    std::fs::write(&b, "The ferry will not run on Sundays.\n").unwrap();
    app.handle(Command::Open(vec![a]));
    app.handle(Command::Open(vec![b]));
    app.wait();
    assert_eq!(app.comparison().documents.len(), 2);
}

#[test]
fn documents_can_be_closed_reordered_renamed_and_dated() {
    let mut app = samples();
    let before = outlets(&app);
    app.handle(Command::Move { from: 0, to: 2 });
    app.wait();
    assert_eq!(
        outlets(&app),
        [&before[1], &before[2], &before[0]].map(String::as_str)
    );
    app.handle(Command::SetOutlet(0, "  The Ledger ".to_owned()));
    // The comparison is made again with the new name (it is in the notes and the lists).
    app.wait();
    assert_eq!(outlets(&app)[0], "The Ledger");
    assert_eq!(
        app.comparison().documents[0].outlet.as_deref(),
        Some("The Ledger")
    );
    app.handle(Command::SetDate(0, "2026-04-01".to_owned()));
    assert_eq!(
        app.comparison().documents[0].date.as_deref(),
        Some("2026-04-01")
    );
    // The edits are the user's: they survive a new analysis.
    app.handle(Command::Remove(2));
    app.wait();
    assert_eq!(app.comparison().documents.len(), 2);
    assert_eq!(
        app.comparison().documents[0].outlet.as_deref(),
        Some("The Ledger")
    );
    assert_eq!(
        app.comparison().documents[0].date.as_deref(),
        Some("2026-04-01")
    );
    // A date that is not a date is refused with a message, and nothing changes.
    app.handle(Command::SetDate(0, "April".to_owned()));
    assert!(app.status().unwrap().error);
    assert!(app.status().unwrap().text.contains("YYYY-MM-DD"));
    assert_eq!(
        app.comparison().documents[0].date.as_deref(),
        Some("2026-04-01")
    );
    // An empty name goes back to the detected one.
    app.handle(Command::SetOutlet(0, String::new()));
    app.wait();
    assert_eq!(
        app.comparison().documents[0].outlet.as_deref(),
        Some(before[1].as_str())
    );
}

#[test]
fn find_lists_matches_in_every_column_and_steps_through_them() {
    let mut app = samples();
    app.handle(Command::Find("wharf   row".to_owned()));
    let found = app.found().to_vec();
    assert!(found.len() >= 3);
    let docs: std::collections::BTreeSet<usize> = found.iter().map(|(d, _)| *d).collect();
    assert_eq!(docs.len(), 3, "every article mentions it");
    for (d, span) in &found {
        let text = &app.comparison().documents[*d].text[span.start..span.end];
        assert!(text.eq_ignore_ascii_case("wharf row"), "{text}");
    }
    assert_eq!(app.find.current, Some(0));
    app.handle(Command::FindNext(false));
    assert_eq!(app.find.current, Some(found.len() - 1), "wraps backwards");
    app.handle(Command::FindNext(true));
    assert_eq!(app.find.current, Some(0));
    app.handle(Command::ShowFind(false));
    assert!(app.found().is_empty());
}

#[test]
fn selecting_marks_every_version() {
    let mut app = samples();
    app.handle(Command::Select(Some(Target::QuoteGroup(0))));
    let marked: Vec<usize> = app
        .focus
        .iter()
        .enumerate()
        .filter(|(_, spans)| !spans.is_empty())
        .map(|(d, _)| d)
        .collect();
    assert!(marked.len() >= 2);
    app.handle(Command::Select(None));
    assert!(app.focus.iter().all(Vec::is_empty));
}

#[test]
fn exports_write_reports_and_a_read_only_place_says_so() {
    let mut app = samples();
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("report.md");
    app.handle(Command::Export(
        md.clone(),
        Export::Report(ReportFormat::Md),
    ));
    let written = std::fs::read_to_string(&md).unwrap();
    assert!(written.starts_with("# Parallax comparison"));
    assert!(!app.status().unwrap().error);
    let json = dir.path().join("report.json");
    app.handle(Command::Export(
        json.clone(),
        Export::Report(ReportFormat::Json),
    ));
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(value["documents"].as_array().unwrap().len(), 3);

    let missing = dir.path().join("no-such-folder").join("report.md");
    app.handle(Command::Export(missing, Export::Report(ReportFormat::Md)));
    let status = app.status().unwrap();
    assert!(status.error);
    assert!(status.text.contains("does not exist"), "{}", status.text);
}

#[test]
fn an_export_never_goes_over_an_article_being_compared() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("ferry.txt");
    let text = "The ferry runs again from Monday, the council said on Friday.\n";
    std::fs::write(&article, text).unwrap();
    let mut app = ParallaxApp::new(Vec::new(), Vec::new());
    app.wait();
    app.handle(Command::Open(vec![article.clone()]));
    app.wait();
    // By another name for the same file, as a save dialog might give it.
    let same = dir.path().join(".").join("ferry.txt");
    app.handle(Command::Export(same, Export::Report(ReportFormat::Md)));
    let status = app.status().unwrap();
    assert!(status.error);
    assert!(
        status.text.contains("one of the files being compared"),
        "{}",
        status.text
    );
    assert_eq!(std::fs::read_to_string(&article).unwrap(), text);
}

#[test]
fn exports_leave_folders_out_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (folder, text) in [
        (
            "morning",
            "The ferry runs again from Monday, the council said.",
        ),
        (
            "evening",
            "The ferry will run from Monday, a council officer said.",
        ),
    ] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        let path = dir.path().join(folder).join("ferry.txt");
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    let mut app = ParallaxApp::new(Vec::new(), Vec::new());
    app.wait();
    app.handle(Command::Open(paths.clone()));
    app.wait();
    assert!(app.settings.hide_folders, "on by default");
    let export = |app: &mut ParallaxApp, export: Export, name: &str| {
        let out = dir.path().join(name);
        app.handle(Command::Export(out.clone(), export));
        std::fs::read_to_string(out).unwrap()
    };
    let folder = dir.path().to_string_lossy().into_owned();
    let json = export(&mut app, Export::Report(ReportFormat::Json), "hidden.json");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["documents"][0]["path"], "morning/ferry.txt");
    assert_eq!(value["documents"][1]["path"], "evening/ferry.txt");
    for (format, name) in [
        (Export::Report(ReportFormat::Html), "hidden.html"),
        (Export::Report(ReportFormat::Md), "hidden.md"),
        (Export::Saved, "hidden.parallax"),
    ] {
        let text = export(&mut app, format, name);
        assert!(!text.contains(&folder), "{name} names the folder");
        assert!(text.contains("morning/ferry.txt"), "{name}");
    }
    app.handle(Command::HideFolders(false));
    let json = export(&mut app, Export::Report(ReportFormat::Json), "full.json");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["documents"][0]["path"].as_str().unwrap(),
        paths[0].to_string_lossy()
    );
}

#[test]
fn pasting_prefers_the_html_flavour_and_refuses_nothing_gracefully() {
    let mut app = ParallaxApp::new(Vec::new(), Vec::new());
    app.wait();
    app.handle(Command::Paste {
        html: Some(
            "<html><head><title>Ferry back</title></head><body><article><h1>Ferry back</h1>\
             <p>The island ferry runs again from Monday, the council said on Friday after \
             a winter of repairs to the pier.</p><p>Tickets cost four pounds.</p>\
             </article></body></html>"
                .to_owned(),
        ),
        text: Some("Ferry back. The island ferry runs again.".to_owned()),
    });
    app.wait();
    assert_eq!(app.comparison().documents.len(), 1);
    assert_eq!(app.comparison().documents[0].format, ingest::Format::Html);
    app.handle(Command::Paste {
        html: None,
        text: Some("The ferry will not run on Sundays, the operator said.".to_owned()),
    });
    app.wait();
    assert_eq!(app.comparison().documents.len(), 2);
    assert_eq!(app.comparison().documents[1].format, ingest::Format::Text);
    app.handle(Command::Paste {
        html: None,
        text: Some("   ".to_owned()),
    });
    assert!(app.status().unwrap().error);
    assert!(!app.is_busy());
}

#[test]
fn a_saved_comparison_reopens_with_its_edits_and_view() {
    let mut app = samples();
    app.handle(Command::SetOutlet(1, "Ledger Weekly".to_owned()));
    app.handle(Command::Move { from: 2, to: 0 });
    app.wait();
    app.handle(Command::ShowPanel(Some(Panel::Labels)));
    app.handle(Command::Select(Some(Target::QuoteGroup(0))));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.parallax");
    app.handle(Command::Export(path.clone(), Export::Saved));
    assert!(!app.status().unwrap().error, "{:?}", app.status());

    let mut reopened = ParallaxApp::new(Vec::new(), Vec::new());
    reopened.wait();
    reopened.handle(Command::Open(vec![path]));
    reopened.wait();
    assert_eq!(outlets(&reopened), outlets(&app));
    // The same documents, named without their folders as the export does by default.
    assert_eq!(
        reopened.comparison().documents,
        app.comparison().without_folders().documents
    );
    assert_eq!(reopened.settings.panel, Some(Panel::Labels));
    assert_eq!(reopened.selection(), Some(Target::QuoteGroup(0)));

    // Every report format is written too, each as its own kind of file.
    for format in ReportFormat::ALL {
        let path = dir.path().join(format!("report.{}", format.extension()));
        app.handle(Command::Export(path.clone(), Export::Report(format)));
        assert!(std::fs::metadata(&path).unwrap().len() > 100, "{format:?}");
    }
}
