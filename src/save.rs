//! Saving files: every report, saved comparison and picture Parallax writes goes through here.
//!
//! Nothing the user has is harmed by a save. What is written depends on what the path names:
//! - **nothing yet, or a regular file**: the bytes go to a temporary file in the same folder, are
//!   flushed to disk, and the temporary is renamed over the target, so a crash or a full disk
//!   mid-write leaves the previous file whole. The new file keeps the old one's permissions and,
//!   where allowed, its owner. A file with other hard links is written in place instead, so
//!   every name sees the new contents (a rename would cut the links).
//! - **a symbolic link**: followed; the file it leads to is written as above, the link stays.
//! - **a character device or a named pipe** (`/dev/null`, a terminal, `/dev/stdout`, a shell's
//!   `>(…)`): written directly, never replaced. A pipe that nobody reads is a clear error
//!   after a short wait, not a hang.
//! - **a folder, a disk device or a socket**: refused with a clear message.
//!
//! Before any work, [`check_outputs`] refuses an output that is one of the inputs (the same file
//! by device and inode, whatever the names) and two outputs that are one file.
//!
//! A process killed mid-write leaves its temporary file behind; the next save of the same target
//! removes it.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written: what went wrong, then the path (last, as in every message).
#[derive(Debug, thiserror::Error)]
#[error("{kind}: {path}")]
pub struct SaveError {
    pub kind: SaveErrorKind,
    pub path: String,
}

/// What went wrong writing a file.
#[derive(Debug, thiserror::Error)]
pub enum SaveErrorKind {
    #[error("this is a folder; give a file name to write")]
    Folder,
    #[error("this is a disk device; Parallax does not write over devices")]
    BlockDevice,
    #[error("this is a socket, not a file")]
    Socket,
    #[error("nothing is reading from this named pipe")]
    NoReader,
    #[error("the folder does not exist")]
    NoFolder,
    #[error("the folder is read-only or you may not write there")]
    PermissionDenied,
    #[error("too many symbolic links lead here")]
    LinkLoop,
    #[error("{0}")]
    Io(std::io::Error),
}

impl SaveError {
    fn new(kind: SaveErrorKind, path: &Path) -> Self {
        SaveError {
            kind,
            path: path.to_string_lossy().into_owned(),
        }
    }

    fn io(error: std::io::Error, path: &Path) -> Self {
        let kind = match error.kind() {
            std::io::ErrorKind::NotFound => SaveErrorKind::NoFolder,
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                SaveErrorKind::PermissionDenied
            }
            _ => SaveErrorKind::Io(error),
        };
        SaveError::new(kind, path)
    }
}

/// Why a set of outputs was refused before any work was done.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutputConflict {
    #[error("{what} would be written over one of the files being compared: {path}")]
    IsInput { what: String, path: String },
    #[error("{first} and {second} would be written to the same file: {path}")]
    SameOutput {
        first: String,
        second: String,
        path: String,
    },
}

/// Checks, before any work, that no output is one of the inputs and no two outputs are one
/// file. `outputs` are (what it is, e.g. "the report", path).
///
/// Files are compared by device and inode where they exist, so another name for an input (a
/// link, `./a.txt` for `a.txt`) is caught; an output that does not exist yet is compared by
/// its folder and name. Character devices (`/dev/null`, a terminal) are never in conflict:
/// writing one twice harms nothing.
///
/// # Errors
/// The first conflict found.
pub fn check_outputs<P: AsRef<Path>>(
    outputs: &[(&str, &Path)],
    inputs: &[P],
) -> Result<(), OutputConflict> {
    for (k, &(what, output)) in outputs.iter().enumerate() {
        let Some(identity) = FileIdentity::of(output) else {
            continue;
        };
        if let Some(input) = inputs
            .iter()
            .find(|input| FileIdentity::of(input.as_ref()).as_ref() == Some(&identity))
        {
            return Err(OutputConflict::IsInput {
                what: what.to_owned(),
                path: input.as_ref().to_string_lossy().into_owned(),
            });
        }
        if let Some(&(other, _)) = outputs[..k]
            .iter()
            .find(|(_, earlier)| FileIdentity::of(earlier).as_ref() == Some(&identity))
        {
            return Err(OutputConflict::SameOutput {
                first: other.to_owned(),
                second: what.to_owned(),
                path: output.to_string_lossy().into_owned(),
            });
        }
    }
    Ok(())
}

/// What makes two paths one file.
#[derive(Debug, PartialEq, Eq)]
enum FileIdentity {
    /// An existing file (not a character device): its device and inode.
    Existing(u64, u64),
    /// A file not written yet: its folder, resolved, and its name.
    Absent(PathBuf, std::ffi::OsString),
}

impl FileIdentity {
    fn of(path: &Path) -> Option<FileIdentity> {
        match std::fs::metadata(path) {
            Ok(meta) => {
                #[cfg(unix)]
                {
                    use std::os::unix::fs::{FileTypeExt, MetadataExt};
                    if meta.file_type().is_char_device() {
                        return None;
                    }
                    Some(FileIdentity::Existing(meta.dev(), meta.ino()))
                }
                #[cfg(not(unix))]
                {
                    let _ = meta;
                    std::fs::canonicalize(path)
                        .ok()
                        .map(|real| FileIdentity::Absent(real, std::ffi::OsString::new()))
                }
            }
            Err(_) => {
                let target = follow_links(path).ok()?;
                let name = target.file_name()?.to_owned();
                let folder = std::fs::canonicalize(folder_of(&target)).ok()?;
                Some(FileIdentity::Absent(folder, name))
            }
        }
    }
}

/// Writes `contents` to `path` as the module docs describe: a regular file is replaced whole or
/// not at all, a device or pipe is written directly, a link is followed.
///
/// # Errors
/// A folder, disk device or socket at the path, a pipe nobody reads, and any I/O error.
pub fn write_file(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            // Nothing there, or a link to nothing: the file is created where the links lead.
            let target = follow_links(path)?;
            return replace(&target, None, contents).map_err(|e| SaveError::io(e, path));
        }
        Err(error) => return Err(SaveError::io(error, path)),
    };
    if meta.is_dir() {
        return Err(SaveError::new(SaveErrorKind::Folder, path));
    }
    if is_standard_output(&meta) {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(contents)
            .and_then(|()| stdout.flush())
            .map_err(|e| SaveError::io(e, path));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_block_device() {
            return Err(SaveError::new(SaveErrorKind::BlockDevice, path));
        }
        if kind.is_socket() {
            return Err(SaveError::new(SaveErrorKind::Socket, path));
        }
        if kind.is_fifo() {
            return write_pipe(path, contents);
        }
        if kind.is_char_device() {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut device| device.write_all(contents))
                .map_err(|e| SaveError::io(e, path));
        }
    }
    // A regular file, reached through whatever links lead to it.
    let target = std::fs::canonicalize(path).map_err(|e| SaveError::io(e, path))?;
    if hard_links(&meta) > 1 {
        write_in_place(&target, contents).map_err(|e| SaveError::io(e, path))
    } else {
        replace(&target, Some(&meta), contents).map_err(|e| SaveError::io(e, path))
    }
}

/// Where a chain of symbolic links ends, whether or not a file is there. Relative links are
/// read from the folder of the link.
fn follow_links(path: &Path) -> Result<PathBuf, SaveError> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&at) {
            Ok(next) => at = folder_of(&at).join(next),
            Err(_) => return Ok(at),
        }
    }
    Err(SaveError::new(SaveErrorKind::LinkLoop, path))
}

/// The folder a path is in ("." for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn hard_links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_meta: &std::fs::Metadata) -> u64 {
    1
}

/// Whether `meta` is this process's standard output (`-o /dev/stdout`, or its file by name):
/// then the report goes down the stream the shell opened, at its position and in its mode
/// (`>>` appends), instead of replacing or reopening the file.
#[cfg(unix)]
fn is_standard_output(meta: &std::fs::Metadata) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() else {
        return false;
    };
    std::fs::File::from(fd)
        .metadata()
        .is_ok_and(|out| out.dev() == meta.dev() && out.ino() == meta.ino())
}

#[cfg(not(unix))]
fn is_standard_output(_meta: &std::fs::Metadata) -> bool {
    false
}

/// How long a save waits for something to read a named pipe.
const PIPE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Writes a named pipe. Opening one for writing waits for a reader, which could be never, so
/// it is opened without waiting and tried again for a few seconds.
#[cfg(unix)]
fn write_pipe(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    use std::os::unix::fs::OpenOptionsExt;
    let started = std::time::Instant::now();
    let mut pipe = loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)
        {
            Ok(pipe) => break pipe,
            Err(error) if error.raw_os_error() == Some(libc::ENXIO) => {
                if started.elapsed() > PIPE_WAIT {
                    return Err(SaveError::new(SaveErrorKind::NoReader, path));
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(error) => return Err(SaveError::io(error, path)),
        }
    };
    let mut rest = contents;
    while !rest.is_empty() {
        match pipe.write(rest) {
            Ok(0) => return Err(SaveError::new(SaveErrorKind::NoReader, path)),
            Ok(n) => rest = &rest[n..],
            // The reader has not caught up.
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
                return Err(SaveError::new(SaveErrorKind::NoReader, path));
            }
            Err(error) => return Err(SaveError::io(error, path)),
        }
    }
    Ok(())
}

/// Writes `target` through a temporary file beside it and a rename. `previous` is the file
/// being replaced, whose permissions and owner the new one takes.
fn replace(
    target: &Path,
    previous: Option<&std::fs::Metadata>,
    contents: &[u8],
) -> std::io::Result<()> {
    let (temp, file) = temporary_beside(target);
    let result = file.and_then(|mut file| {
        if let Some(previous) = previous {
            keep_owner_and_permissions(&file, previous)?;
        }
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temp, target)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// This process's temporary file beside `target`, created new (after removing the temporaries
/// that killed saves of the same target left behind).
fn temporary_beside(target: &Path) -> (PathBuf, std::io::Result<std::fs::File>) {
    let dir = folder_of(target);
    let name = target
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    remove_stale_temporaries(dir, &name);
    let temp = dir.join(temporary_name(&name, std::process::id()));
    // One left by an earlier process with this id is ours to replace.
    let _ = std::fs::remove_file(&temp);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp);
    (temp, file)
}

/// Gives the new file the old one's permissions and, where this user may, its owner: a
/// private (mode 600) report stays private.
fn keep_owner_and_permissions(
    file: &std::fs::File,
    previous: &std::fs::Metadata,
) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mine = file.metadata()?;
        if mine.uid() != previous.uid() || mine.gid() != previous.gid() {
            // Only root may give a file away; anyone else keeps their own file.
            let _ = std::os::unix::fs::fchown(file, Some(previous.uid()), Some(previous.gid()));
        }
    }
    file.set_permissions(previous.permissions())
}

/// Writes a file with other hard links where it is. The bytes are first written to a
/// temporary beside it, so a full disk is found before the file is touched.
fn write_in_place(target: &Path, contents: &[u8]) -> std::io::Result<()> {
    let (temp, file) = temporary_beside(target);
    let staged = file.and_then(|mut file| {
        file.write_all(contents)?;
        file.sync_all()
    });
    let result = staged.and_then(|()| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(target)?;
        file.write_all(contents)?;
        file.sync_all()
    });
    let _ = std::fs::remove_file(&temp);
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

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_an_existing_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        write_file(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(files_in(dir.path()), ["report.json"]);
        // A new file in a bare relative name's folder.
        let fresh = dir.path().join("fresh.md");
        write_file(&fresh, b"# Report\n").unwrap();
        assert_eq!(std::fs::read_to_string(&fresh).unwrap(), "# Report\n");
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
        write_file(&path, b"new").unwrap();
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
    fn a_folder_is_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep.txt"), "kept").unwrap();
        let error = write_file(&target, b"new").unwrap_err();
        assert!(matches!(error.kind, SaveErrorKind::Folder), "{error}");
        assert!(error.to_string().ends_with("taken"), "{error}");
        assert!(
            write_file(Path::new("."), b"new").is_err(),
            "the current folder"
        );
        assert_eq!(
            std::fs::read_to_string(target.join("keep.txt")).unwrap(),
            "kept"
        );
        assert_eq!(files_in(dir.path()), ["taken"], "no temporary left");
    }

    #[test]
    fn a_missing_folder_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let error = write_file(&dir.path().join("nowhere/report.json"), b"x").unwrap_err();
        assert!(matches!(error.kind, SaveErrorKind::NoFolder), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_and_hard_links_are_kept() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let private = dir.path().join("private.json");
        std::fs::write(&private, "old").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_file(&private, b"new").unwrap();
        let meta = std::fs::metadata(&private).unwrap();
        assert_eq!(meta.mode() & 0o777, 0o600);
        assert_eq!(std::fs::read_to_string(&private).unwrap(), "new");

        let linked = dir.path().join("linked.json");
        let other_name = dir.path().join("other-name.json");
        std::fs::write(&linked, "old").unwrap();
        std::fs::hard_link(&linked, &other_name).unwrap();
        write_file(&linked, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&other_name).unwrap(), "new");
        assert_eq!(
            std::fs::metadata(&linked).unwrap().ino(),
            std::fs::metadata(&other_name).unwrap().ino()
        );
        assert_eq!(
            files_in(dir.path()),
            ["linked.json", "other-name.json", "private.json"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        write_file(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        // A link to a file not there yet creates it.
        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink("made.json", &dangling).unwrap();
        write_file(&dangling, b"made").unwrap();
        assert!(std::fs::symlink_metadata(&dangling).unwrap().is_symlink());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("made.json")).unwrap(),
            "made"
        );
        // A loop of links is an error, not a hang.
        let a = dir.path().join("a.json");
        let b = dir.path().join("b.json");
        std::os::unix::fs::symlink("b.json", &a).unwrap();
        std::os::unix::fs::symlink("a.json", &b).unwrap();
        assert!(write_file(&a, b"x").is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_written_not_replaced_and_one_nobody_reads_is_an_error() {
        use std::io::Read;
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe");
        if !std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .is_ok_and(|s| s.success())
        {
            eprintln!("skipped: no mkfifo");
            return;
        }
        let reader = {
            let pipe = pipe.clone();
            std::thread::spawn(move || {
                let mut text = String::new();
                std::fs::File::open(pipe)
                    .unwrap()
                    .read_to_string(&mut text)
                    .unwrap();
                text
            })
        };
        let big = "x".repeat(1 << 20);
        write_file(&pipe, big.as_bytes()).unwrap();
        assert_eq!(reader.join().unwrap(), big);
        let error = write_file(&pipe, b"lost").unwrap_err();
        assert!(matches!(error.kind, SaveErrorKind::NoReader), "{error}");
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::symlink_metadata(&pipe)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }

    #[cfg(unix)]
    #[test]
    fn outputs_that_are_inputs_or_each_other_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("story.txt");
        std::fs::write(&input, "text").unwrap();
        let other_name = dir.path().join("same-story.txt");
        std::fs::hard_link(&input, &other_name).unwrap();
        let report = dir.path().join("report.json");
        let inputs = [input.clone()];
        assert!(check_outputs(&[("the report", report.as_path())], &inputs).is_ok());
        let conflict = check_outputs(&[("the report", other_name.as_path())], &inputs);
        assert_eq!(
            conflict,
            Err(OutputConflict::IsInput {
                what: "the report".to_owned(),
                path: input.to_string_lossy().into_owned()
            })
        );
        // Not there yet, named two ways.
        let dotted = dir.path().join(".").join("report.json");
        let conflict = check_outputs(
            &[
                ("the report", report.as_path()),
                ("the saved comparison", dotted.as_path()),
            ],
            &inputs,
        );
        assert!(
            matches!(conflict, Err(OutputConflict::SameOutput { .. })),
            "{conflict:?}"
        );
        // Writing /dev/null twice harms nothing.
        let null = Path::new("/dev/null");
        if null.exists() {
            assert!(check_outputs(&[("a", null), ("b", null)], &inputs).is_ok());
        }
    }
}
