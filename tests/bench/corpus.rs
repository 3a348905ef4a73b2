//! The evaluation articles the benchmarks run on when `../shared/corpus` is beside the
//! checkout (it is not in a fresh clone; the benchmarks then use generated or bundled inputs).
#![allow(dead_code, reason = "each benchmark uses the loaders it needs")]

use std::path::{Path, PathBuf};

use parallax::analysis::Input;
use parallax::load;

pub fn shared_corpus(folder: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(folder);
    path.is_dir().then_some(path)
}

/// The BASIL dev articles, event by event (three per folder), up to `count`.
pub fn basil(count: usize) -> Option<Vec<Input>> {
    let root = shared_corpus("basil-dev")?;
    let mut folders: Vec<PathBuf> = std::fs::read_dir(root)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let mut paths = Vec::new();
    for folder in folders {
        let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        paths.extend(files);
    }
    paths.truncate(count);
    let (sources, _) = load::load_paths(&paths);
    Some(sources.into_iter().map(Input::from).collect())
}

pub fn seeds() -> Option<Vec<Input>> {
    let root = shared_corpus("seeds")?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    let (sources, _) = load::load_paths(&paths);
    Some(sources.into_iter().map(Input::from).collect())
}
