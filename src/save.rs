//! Saving files: every write of a report or comparison goes through here.
//!
//! Writes are atomic: the bytes go to a temporary file in the same directory, are flushed to
//! disk, and the temporary file is renamed over the target. A crash or a full disk mid-write
//! leaves the previous file untouched. A process killed mid-write leaves its temporary file
//! behind; the next save of the same target removes it.

use std::io::Write;
use std::path::Path;

/// Writes `contents` to `path` through a temporary file in the same directory and a rename, so
/// an interrupted write never leaves half a file in place of a good one.
///
/// # Errors
/// Any I/O error creating, writing or renaming the file.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    remove_stale_temporaries(dir, &name);
    let temp = dir.join(temporary_name(&name, std::process::id()));
    let result = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// The temporary file a process writes `name` through.
fn temporary_name(name: &str, pid: u32) -> String {
    format!(".{name}.{pid}.tmp")
}

/// Removes temporaries of `name` left in `dir` by saves that were killed: those of a process
/// that no longer runs. Where there is no `/proc` to ask, those over an hour old. Failures are
/// ignored; a leftover costs space, never data.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    let own = std::process::id();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != own && !process_may_run(pid, &entry) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether the process that wrote a temporary may still be writing it.
fn process_may_run(pid: u32, entry: &std::fs::DirEntry) -> bool {
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return proc.join(pid.to_string()).exists();
    }
    entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_none_or(|age| age < std::time::Duration::from_secs(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_an_existing_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_killed_save_leaves_a_temporary_the_next_save_removes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        // Past any pid_max Linux allows, so no process runs under it.
        let stale = dir.path().join(temporary_name("report.json", 999_999_999));
        let other = dir.path().join(temporary_name("notes.md", 999_999_999));
        let unrelated = dir.path().join(".report.json.backup.tmp");
        for leftover in [&stale, &other, &unrelated] {
            std::fs::write(leftover, "half").unwrap();
        }
        // A process that still runs (this one's parent) keeps its temporary.
        let parent = std::os::unix::process::parent_id();
        let running = dir.path().join(temporary_name("report.json", parent));
        std::fs::write(&running, "writing").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert!(!stale.exists(), "the dead save's temporary is removed");
        assert!(running.exists(), "a running save's temporary is kept");
        assert!(
            other.exists(),
            "another file's temporary is not ours to remove"
        );
        assert!(
            unrelated.exists(),
            "a name that is not a temporary of ours is kept"
        );
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        // The target is a directory: the rename fails, the directory and its content stay.
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep.txt"), "kept").unwrap();
        assert!(write_atomically(&target, b"new").is_err());
        assert_eq!(
            std::fs::read_to_string(target.join("keep.txt")).unwrap(),
            "kept"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
    }
}
