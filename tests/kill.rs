//! No data lost (issue [7]): a process killed while it saves leaves the previous file whole.
//!
//! Every report, saved comparison and picture goes through `save::write_file`. Here a
//! child process (this test binary again) rewrites one file over and over with alternating
//! 24 MB contents, and is killed with SIGKILL at moments spread over its writes. After each
//! kill the file must be one of the complete versions, never a mix or a truncated one.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failing unwrap is a failing test"
)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

const SIZE: usize = 24 * 1024 * 1024;
const CHILD: &str = "PARALLAX_KILL_TEST_TARGET";

/// One complete version: `SIZE` copies of one byte, then an end mark.
fn version(byte: u8) -> Vec<u8> {
    let mut bytes = vec![byte; SIZE];
    bytes.extend_from_slice(b"END\n");
    bytes
}

fn is_whole(bytes: &[u8]) -> bool {
    bytes.len() == SIZE + 4
        && bytes.ends_with(b"END\n")
        && bytes[..SIZE].iter().all(|&b| b == bytes[0])
}

#[test]
fn a_save_killed_midway_leaves_a_whole_file() {
    if let Ok(target) = std::env::var(CHILD) {
        // The child: save forever, alternating versions.
        let versions = [version(b'A'), version(b'B')];
        for k in 0.. {
            parallax::save::write_file(Path::new(&target), &versions[k % 2]).unwrap();
        }
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    std::fs::write(&target, version(b'O')).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for trial in 0..12_u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "a_save_killed_midway_leaves_a_whole_file",
                "--nocapture",
            ])
            .env(CHILD, &target)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Moments spread over the first writes (each takes tens of milliseconds).
        std::thread::sleep(Duration::from_millis(40 + trial * 37));
        child.kill().unwrap();
        child.wait().unwrap();
        let bytes = std::fs::read(&target).unwrap();
        assert!(
            is_whole(&bytes),
            "trial {trial}: a partial file of {} bytes",
            bytes.len()
        );
        seen.insert(bytes[0]);
    }
    // The kills did land during saving: the file changed along the way.
    assert!(seen.len() >= 2 || !seen.contains(&b'O'), "{seen:?}");
    // The killed saves left their temporaries; the next save clears them away.
    parallax::save::write_file(&target, &version(b'N')).unwrap();
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("report.json")]);
}
