//! Image snapshots of the app's main views at a laptop's 1280×800, rendered with wgpu (on CI,
//! Mesa's software Vulkan driver): the samples as a new user first sees them, five and twelve
//! articles, the quote matrix and a selected quote. Behind the `ui-snapshots` feature so that a
//! plain `cargo test` needs no GPU driver; `.ci/run` installs one and turns the feature on.
//! Regenerate the pictures with
//! `UPDATE_SNAPSHOTS=1 cargo test --features ui-snapshots --test snapshots`.
#![cfg(feature = "ui-snapshots")]

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use parallax::app::{Command, Panel, ParallaxApp, Target, Theme};

/// The six ferry articles written for the tests, then three more of the same story, the first
/// `count`.
fn ferry(count: usize) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ferry");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths.truncate(count);
    paths
}

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

/// The app at 1280×800 in `theme`: on the bundled samples as a new user opens it, or on `files`.
fn harness(
    theme: Theme,
    panel: Option<Panel>,
    files: Option<Vec<PathBuf>>,
) -> Harness<'static, ParallaxApp> {
    let mut app = match files {
        None => ParallaxApp::with_samples(),
        Some(files) => {
            let mut app = ParallaxApp::new(Vec::new(), Vec::new());
            app.handle(Command::Open(files));
            app
        }
    };
    app.wait();
    app.handle(Command::SetTheme(theme));
    app.handle(Command::ShowPanel(panel));
    let mut harness = Harness::builder()
        .wgpu()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_eframe(move |_| app);
    harness.run();
    harness
}

#[test]
fn the_samples_as_a_new_user_first_sees_them() {
    let mut harness = harness(Theme::Dark, Some(Panel::Quotes), None);
    harness.get_by_label("Three sample articles about one invented event.");
    harness.snapshot("samples-first-view");
}

#[test]
fn five_articles() {
    let mut harness = harness(Theme::Dark, Some(Panel::Framing), Some(ferry(5)));
    harness.snapshot("five-articles");
}

#[test]
fn twelve_articles() {
    let mut files = ferry(9);
    files.extend(samples());
    let mut harness = harness(Theme::Light, Some(Panel::Quotes), Some(files));
    assert_eq!(harness.state().comparison().documents.len(), 12);
    harness.snapshot("twelve-articles");
}

#[test]
fn the_quote_matrix_beside_a_wide_panel() {
    let mut app = ParallaxApp::with_samples();
    app.settings.panel_width = 760.0;
    app.settings.welcome_seen = true;
    app.wait();
    app.handle(Command::SetTheme(Theme::Dark));
    app.handle(Command::ShowPanel(Some(Panel::Quotes)));
    let mut harness = Harness::builder()
        .wgpu()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(40)
        .build_eframe(move |_| app);
    harness.run();
    harness.snapshot("quote-matrix");
}

#[test]
fn a_selected_quote_in_the_light_theme() {
    let mut harness = harness(Theme::Light, Some(Panel::Quotes), Some(samples()));
    // The quote's row in the matrix (the columns have the words too, as text).
    harness
        .get(
            By::new()
                .label_contains("This barrier protects every family")
                .role(egui::accesskit::Role::Button),
        )
        .click();
    harness.run();
    assert_eq!(harness.state().selection(), Some(Target::QuoteGroup(0)));
    harness.snapshot("selected-quote-light");
}
