//! Benchmarks for the app (issue [5]): the CPU time of one frame with 1, 3 and 30 articles
//! open. The window should cost about the same whatever the number of articles: the columns
//! draw only what is on screen, from text laid out once.
//!
//! - `idle`, `pointer`: a frame on a bare egui context, as the window runs it for a user
//!   without a screen reader (AccessKit off): the app's whole `show`, then tessellation into
//!   triangles (everything the CPU does per frame; the GPU's part is not measured). `idle`
//!   has the pointer resting over a column, `pointer` moves it over the text each frame
//!   (hover look-ups, tooltips).
//! - `accesskit_idle`: the same idle frame through egui_kittest's harness, which also builds
//!   the AccessKit tree each frame (as when a screen reader is on).
//! - `start`: from nothing to the first frame of the window with the samples, analysis
//!   included (what the user waits for on start).
//!
//! Articles: the bundled samples, repeated under other names to make 30; and the first 30
//! BASIL dev articles when `../shared/corpus/basil-dev` is beside the checkout.
//!
//! Run with `cargo bench --bench frame`.

use divan::Bencher;
use egui_kittest::Harness;
use parallax::analysis::Input;
use parallax::app::ParallaxApp;
use parallax::{ingest, load};

mod corpus;

use corpus::basil;

fn main() {
    divan::main();
}

/// `count` articles made from the samples (each under its own name).
fn samples(count: usize) -> Vec<Input> {
    (0..count)
        .filter_map(|k| {
            let (name, bytes) = load::SAMPLES[k % load::SAMPLES.len()];
            ingest::ingest(&format!("copy{k}-{name}"), bytes).ok()
        })
        .map(Input::from)
        .collect()
}

/// The app on `inputs`, analysed and drawn until it settles, the pointer over the first column.
fn window(inputs: Vec<Input>) -> Harness<'static, ParallaxApp> {
    let mut app = ParallaxApp::new(inputs, Vec::new());
    app.wait();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 860.0))
        .with_max_steps(100)
        .build_eframe(move |_| app);
    harness.hover_at(egui::pos2(420.0, 420.0));
    harness.run();
    harness
}

fn inputs(source: &str, count: usize) -> Option<Vec<Input>> {
    match source {
        "samples" => Some(samples(count)),
        _ => basil(count),
    }
}

/// The app on a bare egui context, as eframe runs it: one frame, tessellated.
struct Window {
    ctx: egui::Context,
    app: ParallaxApp,
}

impl Window {
    fn new(inputs: Vec<Input>) -> Self {
        let mut app = ParallaxApp::new(inputs, Vec::new());
        app.wait();
        let mut window = Window {
            ctx: egui::Context::default(),
            app,
        };
        // Settle: lay the columns out, let them scroll to their places.
        for _ in 0..10 {
            window.frame(egui::pos2(420.0, 420.0));
        }
        window
    }

    fn frame(&mut self, pointer: egui::Pos2) -> usize {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 860.0),
            )),
            events: vec![egui::Event::PointerMoved(pointer)],
            ..Default::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.show(ui));
        let triangles = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        triangles.len()
    }
}

const ARGS: [(&str, usize); 5] = [
    ("samples", 1),
    ("samples", 3),
    ("samples", 30),
    ("basil", 1),
    ("basil", 30),
];

#[divan::bench(args = ARGS)]
fn idle(bencher: Bencher, (source, count): (&str, usize)) {
    let Some(inputs) = inputs(source, count) else {
        return;
    };
    let mut window = Window::new(inputs);
    bencher.bench_local(|| window.frame(egui::pos2(420.0, 420.0)));
}

#[divan::bench(args = ARGS)]
fn pointer(bencher: Bencher, (source, count): (&str, usize)) {
    let Some(inputs) = inputs(source, count) else {
        return;
    };
    let mut window = Window::new(inputs);
    let mut k = 0_u16;
    bencher.bench_local(|| {
        k = k.wrapping_add(1);
        let x = 330.0 + f32::from(k % 200);
        let y = 200.0 + f32::from(k % 300);
        window.frame(egui::pos2(x, y))
    });
}

#[divan::bench(args = ARGS)]
fn accesskit_idle(bencher: Bencher, (source, count): (&str, usize)) {
    let Some(inputs) = inputs(source, count) else {
        return;
    };
    let mut harness = window(inputs);
    bencher.bench_local(|| harness.step());
}

#[divan::bench(sample_count = 10)]
fn start(bencher: Bencher) {
    bencher.bench_local(|| {
        let mut app = ParallaxApp::with_samples();
        app.wait();
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1400.0, 860.0))
            .build_eframe(move |_| app);
        harness.step();
    });
}
