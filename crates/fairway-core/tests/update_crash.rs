//! Crash safety of installs: a child process builds and installs one snapshot after another
//! and is killed with SIGKILL at a random moment, again and again. After every kill the kiosk's
//! `current` pointer must name a complete, valid snapshot (the one before or the new one,
//! never a mix), the library must open, and the sequence must never go back.
//!
//! The child is this test binary itself, re-run with `--exact` on the child test and the data
//! folder in an environment variable. CI runs 50 kills; `scripts/crash-install.sh` runs 1,000
//! (`FAIRWAY_CRASH_RUNS`). `FAIRWAY_CRASH_SEED` replays a run's kill moments.

mod update_fixture;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use fairway_core::snapshot::Snapshot;
use fairway_core::snapshot::manifest::file_digest;
use fairway_core::update::{Feed, Library, Resolved};
use update_fixture::{Keys, SmallFair, description};

const CHILD_TEST: &str = "child_process_of_the_crash_test_installs_until_killed";
const DATA_VAR: &str = "FAIRWAY_CRASH_CHILD_DATA";
const SECRET_VAR: &str = "FAIRWAY_CRASH_CHILD_SECRET";
const PUBLIC_VAR: &str = "FAIRWAY_CRASH_CHILD_PUBLIC";

/// Only does something when the crash test starts it: then installs snapshot after snapshot
/// (each one newer than what is installed) until it is killed.
#[test]
fn child_process_of_the_crash_test_installs_until_killed() {
    let (Some(data), Some(secret), Some(public)) = (
        std::env::var_os(DATA_VAR),
        std::env::var_os(SECRET_VAR),
        std::env::var_os(PUBLIC_VAR),
    ) else {
        return;
    };
    let (data, secret) = (PathBuf::from(data), PathBuf::from(secret));
    let key = fairway_core::snapshot::PublicKey::read(Path::new(&public)).expect("public key");
    let library = Library::open(&data, vec![key]).expect("library");
    let fair = SmallFair::new();
    let work = data.with_extension("work");
    let _ = std::fs::remove_dir_all(&work);
    loop {
        let next = library.resolve().pointer.map_or(1, |p| p.sequence + 1);
        let feed = work.join(next.to_string());
        fair.publish(&feed, next, &secret);
        library
            .install(&Feed::Folder(feed.clone()))
            .expect("the child's install succeeds");
        let _ = std::fs::remove_dir_all(&feed);
    }
}

/// A small xorshift generator: the kill moments, reproducible from the printed seed.
struct Moments(u64);

impl Moments {
    fn next_ms(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Everything that must hold after a kill; the error says what did not.
fn check_after_kill(data: &Path, keys: &Keys, last_sequence: u64) -> Result<u64, String> {
    let library = Library::open(data, vec![keys.public()]).map_err(|e| format!("library: {e}"))?;
    let resolution = library.resolve();
    if resolution.chosen != Resolved::Current {
        return Err(format!("current is not usable: {}", resolution.reason));
    }
    let pointer = resolution.pointer.ok_or("no pointer")?;
    let path = resolution.path.ok_or("no path")?;
    let (size, sha) = file_digest(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if size != pointer.size || sha != pointer.sha256 {
        return Err(format!(
            "{} is {size} bytes hashing to {sha}, the pointer says {} bytes, {}",
            pointer.file, pointer.size, pointer.sha256
        ));
    }
    let snapshot = Snapshot::open(&path).map_err(|e| e.to_string())?;
    let integrity: String = snapshot
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if integrity != "ok" {
        return Err(format!("integrity_check: {integrity}"));
    }
    let profile = snapshot
        .exhibitor("E0001")
        .map_err(|e| e.to_string())?
        .ok_or("E0001 is missing")?;
    if profile.description_en != Some(description(pointer.sequence)) {
        return Err(format!(
            "sequence {} holds another snapshot's data: {:?}",
            pointer.sequence, profile.description_en
        ));
    }
    if pointer.sequence < last_sequence {
        return Err(format!(
            "the sequence went back from {last_sequence} to {}",
            pointer.sequence
        ));
    }
    Ok(pointer.sequence)
}

#[test]
fn installs_killed_at_random_moments_always_leave_a_complete_current_snapshot() {
    let runs = env_number("FAIRWAY_CRASH_RUNS", 50);
    let seed = env_number(
        "FAIRWAY_CRASH_SEED",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1,
    );
    let mut moments = Moments(seed);
    let keys = Keys::new();
    let root = tempfile::tempdir().expect("temporary folder");
    let data = root.path().join("data");
    {
        let fair = SmallFair::new();
        let library = Library::open(&data, vec![keys.public()]).expect("library");
        let feed = root.path().join("feed-1");
        fair.publish(&feed, 1, &keys.secret);
        library
            .install(&Feed::Folder(feed))
            .expect("the first snapshot installs");
    }

    let exe = std::env::current_exe().expect("this test binary");
    let mut last_sequence = 1;
    let mut advanced = 0;
    let mut mid_install = 0;
    let mut failures = Vec::new();
    for run in 0..runs {
        let mut child = Command::new(&exe)
            .args(["--exact", CHILD_TEST, "--nocapture", "--test-threads=1"])
            .env(DATA_VAR, &data)
            .env(SECRET_VAR, &keys.secret)
            .env(PUBLIC_VAR, &keys.public_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawning the child");
        std::thread::sleep(Duration::from_millis(20 + moments.next_ms(400)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaping the child");
        // Leftovers in staging mean the kill landed inside an install (download or checks).
        if std::fs::read_dir(data.join("staging")).is_ok_and(|mut d| d.next().is_some()) {
            mid_install += 1;
        }
        match check_after_kill(&data, &keys, last_sequence) {
            Ok(sequence) => {
                if sequence > last_sequence {
                    advanced += 1;
                }
                last_sequence = sequence;
            }
            Err(problem) => {
                failures.push(format!("run {run}: {problem}"));
                break;
            }
        }
    }
    // The kiosk still takes an update after all that.
    let fair = SmallFair::new();
    let library = Library::open(&data, vec![keys.public()]).expect("library");
    let feed = root.path().join("feed-last");
    fair.publish(&feed, last_sequence + 1, &keys.secret);
    let after = library.install(&Feed::Folder(feed));

    println!(
        "crash runs: {runs} (seed {seed}), kills after which current had moved on: {advanced}, \
         kills inside an install (staging not empty): {mid_install}, \
         last sequence: {last_sequence}, failures: {}",
        failures.len()
    );
    for f in &failures {
        println!("  {f}");
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(
        after.is_ok(),
        "an install after the kills must succeed: {:?}",
        after.err()
    );
}
