//! What every test of the `fairway` binary needs: the binary, the repository, and the demo fair
//! built once per test binary into a temporary folder.

#![allow(dead_code)] // Each test file uses its own part of this module.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

pub fn fairway() -> Command {
    Command::new(env!("CARGO_BIN_EXE_fairway"))
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn demo_fair() -> PathBuf {
    repo_root().join("assets/demo-fair")
}

pub fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the command starts")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The demo fair built once for all read-only tests of one test binary.
pub fn demo_snapshot() -> &'static Path {
    static SNAPSHOT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = SNAPSHOT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        let out = dir.path().join("feed");
        let result = run(fairway()
            .arg("build")
            .arg(demo_fair())
            .arg("--out")
            .arg(&out));
        assert!(
            result.status.success(),
            "the demo fair builds: {}",
            stderr(&result)
        );
        let snapshot = std::fs::read_dir(&out)
            .expect("the output folder exists")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "sqlite"))
            .expect("the build wrote a .sqlite file");
        (dir, snapshot)
    });
    path
}
