//! Image snapshots of the app's main views, rendered with wgpu (on CI, Mesa's software Vulkan
//! driver). Behind the `ui-snapshots` feature so that a plain `cargo test` needs no GPU
//! driver; `.ci/run` installs one and turns the feature on. Regenerate the pictures with
//! `UPDATE_SNAPSHOTS=1 cargo test --features ui-snapshots --test snapshots`.
#![cfg(feature = "ui-snapshots")]

use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use parallax::app::{Command, Panel, ParallaxApp, Target, Theme};

fn harness(theme: Theme, panel: Panel) -> Harness<'static, ParallaxApp> {
    let mut app = ParallaxApp::with_samples();
    app.wait();
    app.handle(Command::SetTheme(theme));
    app.handle(Command::ShowPanel(Some(panel)));
    let mut harness = Harness::builder()
        .wgpu()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_max_steps(40)
        .build_eframe(move |_| app);
    harness.run();
    harness
}

#[test]
fn the_columns_and_the_quote_matrix() {
    let mut harness = harness(Theme::Dark, Panel::Quotes);
    harness.snapshot("columns-and-quotes");
}

#[test]
fn a_selected_quote_with_its_word_changes_in_the_light_theme() {
    let mut harness = harness(Theme::Light, Panel::Quotes);
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

#[test]
fn the_framing_panel() {
    let mut harness = harness(Theme::Dark, Panel::Framing);
    harness.snapshot("framing-panel");
}
