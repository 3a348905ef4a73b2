//! The app driven as a user would, through its AccessKit tree (egui_kittest): no window, no
//! GPU. Image snapshots of the main views are in `tests/snapshots.rs`, behind the
//! `ui-snapshots` feature.
#![cfg(feature = "app")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failing unwrap is a failing test"
)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use parallax::app::{Command, Export, Panel, ParallaxApp, Target};
use parallax::report::ReportFormat;

/// The app on the bundled samples, analysis finished, in a window of `size`.
fn harness(size: (f32, f32)) -> Harness<'static, ParallaxApp> {
    harness_with_panel(size, None)
}

/// [`harness`], with the side panel as wide as the reader once dragged it.
fn harness_with_panel(size: (f32, f32), panel: Option<f32>) -> Harness<'static, ParallaxApp> {
    let mut app = ParallaxApp::with_samples();
    if let Some(width) = panel {
        app.settings.panel_width = width;
    }
    app.wait();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_max_steps(40)
        .build_eframe(move |_| app);
    harness.run();
    harness
}

/// Opens the article list (hidden at first: the overview strip names every article).
fn show_articles(harness: &mut Harness<'static, ParallaxApp>) {
    harness.get_by_label("Articles").click();
    harness.run();
}

#[test]
fn the_samples_open_in_columns_with_their_outlets_on_top() {
    let mut harness = harness((1400.0, 800.0));
    // Each column's head: the article's number and outlet, then its date.
    for name in ["1 · Northgate Courier", "2 · The Valley Ledger"] {
        assert!(
            harness.get_all_by_label(name).count() >= 2,
            "column and overview: {name}"
        );
    }
    harness.get_by_label_contains("3 articles · the same event · 2 shared quotes");
    // Each document's outlet and date can be edited, one document at a time.
    show_articles(&mut harness);
    assert_eq!(harness.get_all_by_label("Edit").count(), 3);
}

#[test]
fn an_outlet_is_renamed_from_the_document_list() {
    let mut harness = harness((1400.0, 800.0));
    show_articles(&mut harness);
    harness.get_all_by_label("Edit").nth(1).unwrap().click();
    harness.run();
    let field = harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("the outlet field");
    field.focus();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[Key::A]);
    field.type_text("Ledger Weekly");
    harness.run();
    harness.get_by_label("Done").click();
    harness.run();
    harness.state_mut().wait();
    harness.run();
    let outlet = harness.state().comparison().documents[1].outlet.clone();
    assert_eq!(outlet.as_deref(), Some("Ledger Weekly"));
    assert!(harness.get_all_by_label("2 · Ledger Weekly").count() >= 2);
}

#[test]
fn selecting_a_quote_in_the_matrix_scrolls_every_column_to_it() {
    // A short window, so the quote starts out below the fold in every column.
    let mut harness = harness((1400.0, 420.0));
    let app = harness.state();
    let target = Target::QuoteGroup(0);
    let places = parallax::app::highlights::places(app.comparison(), target);
    let shown = |app: &ParallaxApp, d: usize, at: usize| {
        app.visible_in(d)
            .iter()
            .any(|span| span.start <= at && at < span.end)
    };
    let carriers: Vec<(usize, usize)> = places
        .iter()
        .enumerate()
        .filter_map(|(d, p)| p.map(|p| (d, p)))
        .collect();
    assert!(carriers.len() >= 2);
    assert!(
        carriers.iter().any(|&(d, at)| !shown(app, d, at)),
        "the quote should start out of view somewhere"
    );
    // The matrix lists the quote: click its row.
    // The quote's row in the matrix (the columns have the words too, as text).
    harness
        .get(
            By::new()
                .label_contains("This barrier protects every family")
                .role(egui::accesskit::Role::Button),
        )
        .click();
    harness.run();
    assert_eq!(harness.state().selection(), Some(target));
    for &(d, at) in &carriers {
        assert!(shown(harness.state(), d, at), "column {d} did not follow");
    }
    // The selection panel says what is selected and lists every article.
    harness.get_by_label("Shared quote 1 · Ilse Marren");
    harness.get_by_label("Clear selection").click();
    harness.run();
    assert_eq!(harness.state().selection(), None);
}

#[test]
fn scrolling_one_column_moves_the_others_along() {
    let mut harness = harness((1400.0, 600.0));
    let before = harness.state().scroll_offsets();
    // The wheel over the first column.
    harness.hover_at(egui::pos2(150.0, 300.0));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -500.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    let after = harness.state().scroll_offsets();
    assert!(after[0] > before[0] + 100.0, "{before:?} → {after:?}");
    assert!(
        after[1] > before[1] + 50.0,
        "the second column followed: {after:?}"
    );

    // Not when the user turns it off.
    harness.state_mut().handle(Command::SyncScroll(false));
    let before = harness.state().scroll_offsets();
    harness.hover_at(egui::pos2(150.0, 300.0));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -300.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    let after = harness.state().scroll_offsets();
    assert!(after[0] > before[0] + 100.0);
    assert!((after[1] - before[1]).abs() < 0.5, "{before:?} → {after:?}");
}

#[test]
fn less_certain_findings_wait_behind_a_box() {
    // Tall enough for every finding of the samples to be drawn.
    let mut harness = harness_with_panel((1400.0, 4000.0), Some(700.0));
    harness.get_by_label("Framing").click();
    harness.run();
    let (shown, more) = {
        let c = harness.state().comparison();
        (c.framing.len(), c.framing_more.clone())
    };
    assert!(shown > 0 && !more.is_empty(), "the samples have both kinds");
    assert!(harness.query_by_label_contains(&more[0].concept).is_none());
    harness
        .get_by_label(&format!("Show {} less certain findings", more.len()))
        .click();
    harness.run();
    assert!(
        harness
            .query_all_by_label_contains(&more[0].concept)
            .next()
            .is_some()
    );
}

#[test]
fn each_panel_opens_and_lists_its_findings() {
    let mut harness = harness_with_panel((1400.0, 800.0), Some(700.0));
    // The quote matrix is open by default: a cell per article, with speaker and verb (the
    // panel is wide enough to spell them out).
    assert!(harness.query_all_by_label("carried whole").count() >= 2);
    harness.get_by_label_contains("Ilse Marren · said");

    harness.get_by_label("Framing").click();
    harness.run();
    assert_eq!(harness.state().settings.panel, Some(Panel::Framing));
    let first = harness.state().comparison().framing[0].concept.clone();
    harness.get_by_label_contains(&first);

    harness.get_by_label("Labels").click();
    harness.run();
    let person = harness.state().comparison().labels[0].name.clone();
    harness.get_by_label(&person).click();
    harness.run();
    assert_eq!(harness.state().selection(), Some(Target::Person(0)));

    harness.get_by_label("Omissions").click();
    harness.run();
    // One line per thing left out, most telling first; only what is in view is drawn.
    harness.get_by_label_contains("facts and quotes that some articles leave out");
    let (doc, index, start) = {
        let c = harness.state().comparison();
        let omission = &c.omissions[0];
        assert!(!omission.why.is_empty(), "why it counts");
        let text = c.omission_text(omission).unwrap();
        let words: Vec<&str> = text.split_whitespace().take(5).collect();
        let doc = parallax::comparison::document_index(&omission.doc).unwrap();
        (doc, omission.sentence, words.join(" "))
    };
    harness
        .get_all_by_label_contains(&start)
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        harness.state().selection(),
        Some(Target::Sentence { doc, index })
    );

    harness.get_by_label("Coverage").click();
    harness.run();
    assert_eq!(
        harness
            .query_all_by_label_contains(" sentences shared with another article")
            .count(),
        3
    );
}

#[test]
fn find_highlights_matches_in_every_column() {
    let mut harness = harness((1400.0, 800.0));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Find:");
    // Ctrl+F gives the find field the keyboard.
    let field = harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(egui_kittest::Node::is_focused)
        .expect("the find field has the keyboard");
    field.type_text("wharf row");
    harness.run();
    let found = harness.state().found().len();
    assert!(found >= 3);
    harness.get_by_label_contains(&format!("1 of {found} in 3 articles"));
    harness.get_by_label("Next").click();
    harness.run();
    harness.get_by_label_contains(&format!("2 of {found} in 3 articles"));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Find:").is_none());
}

#[test]
fn removed_lines_show_greyed_from_the_view_menu() {
    let mut harness = harness((1400.0, 800.0));
    // The first column's first removed line (page furniture above the headline).
    let removed = harness.state().comparison().documents[0].removed[0]
        .text
        .clone();
    assert!(harness.query_by_label(&removed).is_none());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Show removed lines").click();
    harness.run();
    assert!(harness.state().settings.show_removed);
    harness.get_by_label(&removed);
}

#[test]
fn a_file_that_fails_shows_a_message_and_the_rest_stays() {
    let mut harness = harness((1400.0, 800.0));
    harness.state_mut().handle(Command::Open(vec![
        "/nonexistent/missing-article.txt".into(),
    ]));
    harness.state_mut().wait();
    harness.run();
    // The overview says so, and the article list says which file and why.
    harness.get_by_label("1 not compared").click();
    harness.run();
    harness.get_by_label("Not compared");
    harness.get_by_label("/nonexistent/missing-article.txt");
    harness.get_by_label("file not found");
    assert!(harness.get_all_by_label("1 · Northgate Courier").count() >= 2);
}

#[test]
fn documents_reorder_and_close_from_their_buttons() {
    let mut harness = harness((1400.0, 800.0));
    show_articles(&mut harness);
    let first = harness.state().comparison().documents[0].outlet.clone();
    harness.get_all_by_label("Down").next().unwrap().click();
    harness.run();
    harness.state_mut().wait();
    harness.run();
    assert_eq!(harness.state().comparison().documents[1].outlet, first);
    harness.get_all_by_label("Close").next().unwrap().click();
    harness.run();
    harness.state_mut().wait();
    harness.run();
    assert_eq!(harness.state().comparison().documents.len(), 2);
}

#[test]
fn export_writes_the_report_it_names() {
    let mut harness = harness((1400.0, 800.0));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("comparison.md");
    harness.state_mut().handle(Command::Export(
        path.clone(),
        Export::Report(ReportFormat::Md),
    ));
    harness.run();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("## Shared quotes"));
    harness.get_by_label_contains("Saved ");
}

#[test]
fn an_export_that_fails_says_why_in_the_window() {
    let mut harness = laptop(ferry(2));
    let dir = tempfile::tempdir().unwrap();
    // Into a folder that is not there.
    let nowhere = dir.path().join("no such folder").join("comparison.md");
    harness.state_mut().handle(Command::Export(
        nowhere.clone(),
        Export::Report(ReportFormat::Md),
    ));
    harness.run();
    assert!(!nowhere.exists());
    let shown = harness
        .get_by_label_contains("Cannot save")
        .accesskit_node()
        .value()
        .unwrap_or_default();
    assert!(shown.contains("no such folder"), "{shown}");
    // Over one of the articles being compared: refused, the article kept.
    let article = ferry(1).remove(0);
    let before = std::fs::read(&article).unwrap();
    harness.state_mut().handle(Command::Export(
        article.clone(),
        Export::Report(ReportFormat::Md),
    ));
    harness.run();
    assert_eq!(std::fs::read(&article).unwrap(), before);
    let shown = harness
        .get_by_label_contains("Cannot save")
        .accesskit_node()
        .value()
        .unwrap_or_default();
    assert!(shown.contains("compared"), "{shown}");
}

#[test]
fn two_stories_are_said_first_and_each_can_be_compared_alone() {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut files = ferry(3);
    files.extend(
        [
            "northgate-courier.txt",
            "valley-ledger.html",
            "riverside-post.md",
        ]
        .iter()
        .map(|f| samples.join(f)),
    );
    let mut harness = laptop(files);
    {
        let story = &harness.state().comparison().story;
        assert_eq!(story.verdict, parallax::comparison::Verdict::Unrelated);
        assert_eq!(story.groups.len(), 2, "{story:?}");
    }
    // Nothing is claimed missing across the two stories.
    for omission in &harness.state().comparison().omissions {
        let own = parallax::comparison::document_index(&omission.doc).unwrap() < 3;
        assert!(omission.missing_from.iter().all(|d| (d < 3) == own));
    }
    harness.get_by_label_contains("Same story? Different stories.");
    harness.get_by_label_contains("different stories · ");
    let buttons = harness.query_all_by_label("Compare these 3 alone").count();
    assert_eq!(buttons, 2);
    harness
        .get_all_by_label("Compare these 3 alone")
        .nth(1)
        .unwrap()
        .click();
    harness.run();
    harness.state_mut().wait();
    harness.run();
    let c = harness.state().comparison();
    assert_eq!(c.documents.len(), 3);
    assert_eq!(c.story.verdict, parallax::comparison::Verdict::SameEvent);
    assert!(c.documents[0].path.ends_with("northgate-courier.txt"));
}

/// The six ferry articles written for the tests (tests/fixtures/ferry), the first `count`.
fn ferry(count: usize) -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ferry");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.truncate(count);
    paths
}

/// The app on `paths`, analysis finished, at a laptop's 1280×800.
fn laptop(paths: Vec<std::path::PathBuf>) -> Harness<'static, ParallaxApp> {
    let mut app = ParallaxApp::new(Vec::new(), Vec::new());
    app.handle(Command::Open(paths));
    app.wait();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_eframe(move |_| app);
    harness.run();
    harness
}

/// The reader's names of the articles, numbered: "3 · Harbour Post".
fn names(harness: &Harness<'static, ParallaxApp>) -> Vec<String> {
    let names = parallax::comparison::ReaderNames::new(&harness.state().comparison().documents);
    (0..names.len()).map(|k| names.numbered(k)).collect()
}

#[test]
fn five_articles_on_a_laptop_every_one_is_in_view_or_a_click_away() {
    let mut harness = laptop(ferry(5));
    // Without the side panel, which names the articles too.
    harness.state_mut().handle(Command::ShowPanel(None));
    harness.run();
    let names = names(&harness);
    assert_eq!(names.len(), 5);
    // The overview strip names every article; the columns in view have their heads too.
    let shown = |harness: &Harness<'static, ParallaxApp>, name: &str| {
        harness.query_all_by_label(name).count()
    };
    let in_columns = names.iter().filter(|n| shown(&harness, n) >= 2).count();
    assert!(in_columns >= 3, "at least three columns fit at 1280 px");
    for name in &names {
        assert!(shown(&harness, name) >= 1, "{name} is in the overview");
    }
    // The last one, out of view, is brought in by clicking its name in the overview.
    let last = &names[4];
    if shown(&harness, last) < 2 {
        harness.get_all_by_label(last).next().unwrap().click();
        harness.run();
        assert!(shown(&harness, last) >= 2, "its column came into view");
    }
    // Pinning two articles shows those two side by side, the others stay in the overview.
    harness.state_mut().handle(Command::Pin(0, true));
    harness.state_mut().handle(Command::Pin(3, true));
    harness.run();
    for (k, name) in names.iter().enumerate() {
        let expected = if k == 0 || k == 3 { 2 } else { 1 };
        assert_eq!(shown(&harness, name), expected, "{name}");
    }
    harness.get_by_label("2 pinned side by side");
    harness.get_by_label("Show all").click();
    harness.run();
    assert!(names.iter().filter(|n| shown(&harness, n) >= 2).count() >= 3);
}

#[test]
fn a_new_comparison_opens_at_the_top_after_the_last_one_scrolled() {
    let mut harness = harness((1280.0, 600.0));
    harness.hover_at(egui::pos2(150.0, 300.0));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -600.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    assert!(harness.state().scroll_offsets()[0] > 100.0);
    harness.state_mut().handle(Command::CloseAll);
    harness.state_mut().handle(Command::Open(ferry(3)));
    harness.state_mut().wait();
    harness.run();
    let offsets = harness.state().scroll_offsets();
    assert_eq!(offsets.len(), 3);
    assert!(offsets.iter().all(|&o| o < 1.0), "{offsets:?}");
    // And between runs only the settings are kept, never egui's memory of positions.
    assert!(!eframe::App::persist_egui_memory(harness.state()));
}

#[test]
fn two_files_with_one_name_get_different_labels() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (folder, day) in [("morning", "Monday"), ("evening", "Tuesday")] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        let path = dir.path().join(folder).join("story.txt");
        std::fs::write(
            &path,
            format!("the ferry to Orm runs again from {day}, the council said on Friday after the strike.\n"),
        )
        .unwrap();
        paths.push(path);
    }
    let harness = laptop(paths);
    assert_eq!(
        names(&harness),
        ["1 · morning/story.txt", "2 · evening/story.txt"]
    );
    harness
        .get_all_by_label("1 · morning/story.txt")
        .next()
        .unwrap();
    harness
        .get_all_by_label("2 · evening/story.txt")
        .next()
        .unwrap();
}

#[test]
fn the_quote_matrix_has_every_articles_column_header() {
    let mut harness = laptop(ferry(5));
    harness
        .state_mut()
        .handle(Command::ShowPanel(Some(Panel::Quotes)));
    harness.run();
    harness.get_by_label("Quote");
    // At a laptop's side-panel width the heads are the articles' numbers, each one in view;
    // the cells are marks, explained above the table.
    for k in 1..=5 {
        harness.get_by_label(&k.to_string());
    }
    harness.get_by_label("carried whole");
    harness.get_by_label("not carried");
    // A wider panel names the articles in full.
    harness.state_mut().handle(Command::RememberWidths {
        articles: None,
        panel: Some(900.0),
    });
    let mut app = ParallaxApp::new(Vec::new(), Vec::new());
    app.settings = harness.state().settings.clone();
    app.handle(Command::Open(ferry(5)));
    app.wait();
    let mut wide = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |_| app);
    wide.run();
    for name in names(&wide) {
        assert!(wide.query_all_by_label(&name).count() >= 2, "{name}");
    }
}

#[test]
fn the_selection_panel_lists_every_article_carried_or_not() {
    let mut harness = laptop(ferry(6));
    harness.state_mut().handle(Command::ShowPanel(None));
    harness.run();
    // A shared quote that not every article carries.
    let (group, carried) = {
        let c = harness.state().comparison();
        let count = c.documents.len();
        c.quote_groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let mut docs: Vec<&str> = group
                    .quotes
                    .iter()
                    .filter_map(|id| c.quotes.iter().find(|q| &q.id == id))
                    .map(|q| q.doc.as_str())
                    .collect();
                docs.sort_unstable();
                docs.dedup();
                (g, docs.len())
            })
            .find(|&(_, n)| n < count)
            .expect("a quote some articles leave out")
    };
    let before: Vec<usize> = names(&harness)
        .iter()
        .map(|n| harness.query_all_by_label(n).count())
        .collect();
    harness
        .state_mut()
        .handle(Command::Select(Some(Target::QuoteGroup(group))));
    harness.run();
    harness.get_by_label_contains(&format!("Shared quote {}", group + 1));
    let after: Vec<usize> = names(&harness)
        .iter()
        .map(|n| harness.query_all_by_label(n).count())
        .collect();
    for (k, (a, b)) in after.iter().zip(&before).enumerate() {
        assert_eq!(
            *a,
            b + 1,
            "article {} is listed once in the selection panel",
            k + 1
        );
    }
    assert_eq!(
        harness.query_all_by_label("not carried").count(),
        6 - carried,
        "each article without the quote says so"
    );
}

#[test]
fn without_a_file_dialog_the_app_asks_for_the_path_itself() {
    let mut harness = harness((1280.0, 800.0));
    // What File › Open does when the desktop has no dialog service and no zenity.
    harness
        .state_mut()
        .handle(Command::AskPath(parallax::app::PromptFor::Open));
    harness.run();
    harness.get_by_label_contains("This desktop has no file dialog");
    let path = ferry(1)[0].to_string_lossy().into_owned();
    let field = harness
        .get_all_by_role(egui::accesskit::Role::MultilineTextInput)
        .next()
        .expect("the path field");
    field.focus();
    field.type_text(&path);
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    harness.state_mut().wait();
    harness.run();
    assert_eq!(harness.state().comparison().documents.len(), 4);
    assert!(
        harness
            .query_by_label_contains("This desktop has no file dialog")
            .is_none()
    );
}
