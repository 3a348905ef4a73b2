//! Loading and analysis off the window's thread: the app sends a [`Job`] when its inputs change
//! and installs the [`Done`] that comes back; a newer job supersedes an older one.

use std::path::PathBuf;
use std::sync::mpsc;

use super::columns::Column;
use super::highlights::Highlights;
use super::{Panel, ParallaxApp};
use crate::analysis::{self, Input};
use crate::comparison::{Comparison, Problem};
use crate::load;
use crate::saved::{Lexicons, View};

/// What the worker is asked to do: load these files after the inputs, then compare with the
/// shipped lexicons plus the user's additions.
pub(super) struct Job {
    inputs: Vec<Input>,
    load: Vec<PathBuf>,
    lexicons: Lexicons,
}

/// What the worker sends back.
pub(super) struct Done {
    inputs: Vec<Input>,
    /// The input behind each document.
    compared: Vec<usize>,
    /// Files that loaded, to remember as recent.
    loaded: Vec<PathBuf>,
    problems: Vec<Problem>,
    lexicons: Lexicons,
    /// The view of the last saved comparison opened, if any.
    view: Option<View>,
    comparison: Comparison,
}

fn work(job: Job) -> Done {
    let Job {
        mut inputs,
        load,
        mut lexicons,
    } = job;
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    let mut view = None;
    for path in load {
        if load::is_saved_comparison(&path) {
            match load::load_saved(&path) {
                Ok(saved) => {
                    let name = path.to_string_lossy().into_owned();
                    inputs.extend(saved.inputs_from(&name));
                    for message in lexicons.append_checked(saved.lexicons) {
                        problems.push(Problem {
                            path: name.clone(),
                            message,
                        });
                    }
                    view = Some(saved.view);
                    loaded.push(path);
                }
                Err(error) => problems.push(error.to_problem()),
            }
            continue;
        }
        match load::load_path(&path) {
            Ok(source) => {
                inputs.push(Input::from(source));
                loaded.push(path);
            }
            Err(error) => problems.push(error.to_problem()),
        }
    }
    let options = lexicons.options().unwrap_or_else(|message| {
        problems.push(Problem {
            path: "lexicon additions".to_owned(),
            message: format!("{message}; the shipped lexicons are used alone"),
        });
        analysis::Options::default()
    });
    let (comparison, compared) = analysis::analyze_inputs(&inputs, &options);
    Done {
        inputs,
        compared,
        loaded,
        problems,
        lexicons,
        view,
        comparison,
    }
}

impl ParallaxApp {
    /// Starts loading and analysing on a worker thread. A request still running is
    /// superseded: its result, when it comes, has nowhere to go and is dropped; the files it
    /// was loading are in this request too.
    pub(super) fn reanalyze(&mut self) {
        let (sender, receiver) = mpsc::channel();
        let job = Job {
            inputs: self.inputs.clone(),
            load: self.loading.clone(),
            lexicons: self.lexicons.clone(),
        };
        let spawned = std::thread::Builder::new()
            .name("parallax-analysis".to_owned())
            .spawn(move || {
                let _ = sender.send(work(job));
            });
        match spawned {
            Ok(_) => self.pending = Some(receiver),
            // No thread to be had: do the work here rather than not at all.
            Err(_) => {
                self.pending = None;
                let done = work(Job {
                    inputs: self.inputs.clone(),
                    load: self.loading.clone(),
                    lexicons: self.lexicons.clone(),
                });
                self.install(done);
            }
        }
    }

    /// Whether loading or analysis is under way.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes the worker's result if it has arrived. Returns whether it did.
    pub fn poll(&mut self) -> bool {
        let Some(receiver) = &self.pending else {
            return false;
        };
        match receiver.try_recv() {
            Ok(done) => {
                self.pending = None;
                self.install(done);
                true
            }
            Err(mpsc::TryRecvError::Empty) => false,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                self.analysis_failed();
                true
            }
        }
    }

    /// Waits for the work under way, if any (for tests and headless use).
    pub fn wait(&mut self) {
        if let Some(receiver) = self.pending.take() {
            match receiver.recv() {
                Ok(done) => self.install(done),
                Err(_) => self.analysis_failed(),
            }
        }
    }

    pub(super) fn install(&mut self, done: Done) {
        let Done {
            inputs,
            compared,
            loaded,
            mut problems,
            lexicons,
            view,
            mut comparison,
        } = done;
        self.inputs = inputs;
        self.lexicons = lexicons;
        self.loading.clear();
        for path in &loaded {
            self.settings.remember(path);
        }
        self.load_problems.append(&mut problems);
        let mut all = self.load_problems.clone();
        all.append(&mut comparison.problems);
        comparison.problems = all;
        self.doc_inputs = compared;
        // Another set of articles (not the same ones with an edit) starts afresh: at the top,
        // nothing pinned.
        let paths = |c: &Comparison| -> Vec<String> {
            c.documents.iter().map(|d| d.path.clone()).collect()
        };
        if paths(&comparison) != paths(&self.comparison) {
            self.epoch += 1;
            self.pinned.clear();
            self.reveal = None;
        }
        self.pinned.retain(|&d| d < comparison.documents.len());
        self.highlights = Highlights::new(&comparison);
        self.columns = comparison
            .documents
            .iter()
            .map(|_| Column::default())
            .collect();
        self.edits = comparison
            .documents
            .iter()
            .map(|d| {
                (
                    d.outlet.clone().unwrap_or_default(),
                    d.date.clone().unwrap_or_default(),
                )
            })
            .collect();
        self.comparison = comparison;
        self.editing = None;
        self.frames_shown = 0;
        self.select(None);
        self.refind();
        if let Some(view) = view {
            self.settings.show_removed = view.show_removed;
            self.settings.panel = view
                .panel
                .and_then(|name| Panel::ALL.into_iter().find(|p| p.name() == name));
            self.select(view.selection);
        }
    }

    /// The worker ended without a result (it panicked): say so and keep the window usable.
    pub(super) fn analysis_failed(&mut self) {
        let inputs = std::mem::take(&mut self.inputs);
        let lexicons = std::mem::take(&mut self.lexicons);
        self.install(Done {
            inputs,
            compared: Vec::new(),
            loaded: Vec::new(),
            problems: Vec::new(),
            lexicons,
            view: None,
            comparison: Comparison::default(),
        });
        self.load_problems.push(Problem {
            path: "analysis".to_owned(),
            message: "the analysis stopped unexpectedly; the articles could not be compared"
                .to_owned(),
        });
        self.comparison.problems = self.load_problems.clone();
    }
}
