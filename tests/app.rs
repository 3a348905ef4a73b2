//! The app driven as a user would, through its AccessKit tree (egui_kittest): no window, no
//! GPU. Image snapshots of the main views are in `tests/snapshots.rs`, behind the
//! `ui-snapshots` feature.
#![cfg(feature = "app")]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use parallax::app::{Command, Export, Panel, ParallaxApp, Target};
use parallax::report::ReportFormat;

/// The app on the bundled samples, analysis finished, in a window of `size`.
fn harness(size: (f32, f32)) -> Harness<'static, ParallaxApp> {
    let mut app = ParallaxApp::with_samples();
    app.wait();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .with_max_steps(40)
        .build_eframe(move |_| app);
    harness.run();
    harness
}

#[test]
fn the_samples_open_in_columns_with_their_outlets_on_top() {
    let harness = harness((1400.0, 800.0));
    for name in [
        "Northgate Courier · 2026-03-12",
        "The Valley Ledger · 2026-03-12",
    ] {
        harness.get_by_label(name);
    }
    harness.get_by_label_contains("3 articles · 2 shared quotes");
    // Each document's outlet and date can be edited, one document at a time.
    assert_eq!(harness.get_all_by_label("Edit").count(), 3);
}

#[test]
fn an_outlet_is_renamed_from_the_document_list() {
    let mut harness = harness((1400.0, 800.0));
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
    let outlet = harness.state().comparison().documents[1].outlet.clone();
    assert_eq!(outlet.as_deref(), Some("Ledger Weekly"));
    harness.get_by_label("Ledger Weekly · 2026-03-12");
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
    // The word-level difference is shown below the columns.
    harness.get_by_label_contains("Shared quote: what each article changed");
    harness.get_by_label("Clear selection").click();
    harness.run();
    assert_eq!(harness.state().selection(), None);
}

#[test]
fn scrolling_one_column_moves_the_others_along() {
    let mut harness = harness((1400.0, 600.0));
    let before = harness.state().scroll_offsets();
    // The wheel over the first column.
    harness.hover_at(egui::pos2(400.0, 300.0));
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
    harness.hover_at(egui::pos2(400.0, 300.0));
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
fn each_panel_opens_and_lists_its_findings() {
    let mut harness = harness((1400.0, 800.0));
    // The quote matrix is open by default: a cell per article, with speaker and verb.
    assert!(harness.query_all_by_label("carried").count() >= 2);
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
    // Only what is in view is drawn: the first article's heading and its sentences.
    harness.get_by_label_contains("sentences of Northgate Courier");
    let (index, start) = {
        let c = harness.state().comparison();
        let omission = c
            .omissions
            .iter()
            .find(|o| o.doc == "d0" && o.quote.is_none())
            .unwrap();
        let text = &c.documents[0].sentences[omission.sentence].text;
        let words: Vec<&str> = text.split_whitespace().take(6).collect();
        (omission.sentence, words.join(" "))
    };
    harness
        .get_all_by_label_contains(&start)
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(
        harness.state().selection(),
        Some(Target::Sentence { doc: 0, index })
    );

    harness.get_by_label("Coverage").click();
    harness.run();
    assert_eq!(
        harness.query_all_by_label_contains(" sentences: ").count(),
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
    harness.get_by_label("Not compared");
    harness.get_by_label_contains("missing-article.txt: file not found");
    harness.get_by_label("Northgate Courier · 2026-03-12");
}

#[test]
fn documents_reorder_and_close_from_their_buttons() {
    let mut harness = harness((1400.0, 800.0));
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
