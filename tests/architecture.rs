//! The pure core stays pure: analysis, ingest, the Comparison and the report writers never import
//! the UI crates or touch the file system (STYLE.md, rule 1).

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}: {}", dir.display()))
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_imports_no_ui_and_no_file_system() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for part in ["analysis", "ingest", "report"] {
        rust_files(&src.join(part), &mut files);
    }
    files.push(src.join("comparison.rs"));
    files.push(src.join("saved.rs"));
    assert!(files.len() >= 8, "found the core's sources: {files:?}");
    let forbidden = [
        "egui",
        "eframe",
        "rfd::",
        "std::fs",
        "File::",
        "read_to_string",
        "std::env",
        "std::process",
    ];
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for word in forbidden {
            assert!(!text.contains(word), "{} uses {word}", file.display());
        }
    }
}

#[test]
fn only_the_diff_module_calls_similar() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let callers: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            text.contains("similar::") || text.contains("use similar")
        })
        .map(|f| {
            f.strip_prefix(&src)
                .unwrap_or(f)
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(callers, ["analysis/diff.rs"]);
}
