//! The editor's promise: a change acknowledged as saved is never lost. A writer process
//! (`examples/draft_writer.rs`) saves a stream of edits into one draft file and prints each
//! revision the store acknowledged; this test kills it with SIGKILL (`Child::kill`) at a random
//! moment, 200 times over, and after each kill opens the file and checks that it opens cleanly
//! and holds at least the last acknowledged revision with exactly that revision's content.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use fairway_core::draft::{Account, DraftStore};
use fairway_core::edit::{ProductEdit, ProfileEdit};

const KILLS: usize = 200;

/// The same as `edit_for` in `examples/draft_writer.rs`.
fn edit_for(revision: u64) -> ProfileEdit {
    let products = (revision % 5) as usize;
    ProfileEdit {
        name_en: format!("Writer {revision}"),
        name_zh: Some(format!("写入者 {revision}")),
        description_en: Some(format!("revision {revision} ").repeat(1 + (revision % 40) as usize)),
        products: (0..products)
            .map(|i| ProductEdit {
                name_en: format!("product {i} of {revision}"),
                ..ProductEdit::default()
            })
            .collect(),
        ..ProfileEdit::default()
    }
}

/// The writer example, which `cargo test` builds next to the test binaries.
fn writer() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let debug = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test binary lives in target/<profile>/deps");
    let writer = debug
        .join("examples")
        .join(format!("draft_writer{}", std::env::consts::EXE_SUFFIX));
    assert!(
        writer.exists(),
        "{} is missing: `cargo test -p fairway-core` builds it (or `cargo build -p fairway-core --example draft_writer`)",
        writer.display()
    );
    writer
}

/// A small deterministic generator, so a failure can be replayed from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn every_revision_acknowledged_before_a_kill_minus_nine_is_still_in_the_draft() {
    let writer = writer();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("draft.sqlite");
    let account = Account {
        hub: "http://127.0.0.1:8787".to_owned(),
        exhibitor: "E0001".to_owned(),
    };
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut rng = Rng(seed);
    let started = Instant::now();
    let mut acknowledged = 0_u64;
    let mut killed_mid_stream = 0;
    for round in 0..KILLS {
        let mut child = Command::new(&writer)
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the writer starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let rev = line
                    .strip_prefix("saved ")
                    .and_then(|r| r.parse::<u64>().ok());
                if let Some(rev) = rev
                    && tx.send(rev).is_err()
                {
                    break;
                }
            }
        });
        // Kill after a random number of acknowledged saves (0 included: during start-up or the
        // very first save), plus a random delay so the kill lands anywhere inside a save.
        let wait_for = rng.below(6);
        let mut seen = 0;
        while seen < wait_for {
            match rx.recv_timeout(Duration::from_secs(10)) {
                Ok(rev) => {
                    acknowledged = acknowledged.max(rev);
                    seen += 1;
                }
                Err(e) => panic!("round {round} (seed {seed}): the writer stopped saving: {e}"),
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(3000)));
        child.kill().expect("SIGKILL is delivered");
        let status = child.wait().expect("the writer is reaped");
        reader.join().expect("the reader thread ends");
        // Lines already in the pipe were acknowledged before the kill.
        for rev in rx.try_iter() {
            acknowledged = acknowledged.max(rev);
        }
        if status.code().is_none() {
            killed_mid_stream += 1;
        }

        let store = DraftStore::open(&path).unwrap_or_else(|e| {
            panic!("round {round} (seed {seed}): the draft must open cleanly after a kill: {e}")
        });
        let draft = store
            .draft(&account)
            .unwrap_or_else(|e| panic!("round {round} (seed {seed}): the draft reads: {e}"));
        match draft {
            None => assert_eq!(
                acknowledged, 0,
                "round {round} (seed {seed}): revision {acknowledged} was acknowledged, yet the draft is empty"
            ),
            Some(draft) => {
                assert!(
                    draft.revision >= acknowledged,
                    "round {round} (seed {seed}): revision {acknowledged} was acknowledged, the draft holds only {}",
                    draft.revision
                );
                assert_eq!(
                    draft.edit,
                    edit_for(draft.revision),
                    "round {round} (seed {seed}): revision {} holds other content than was saved",
                    draft.revision
                );
            }
        }
    }
    assert!(
        killed_mid_stream >= KILLS,
        "every writer must have died by SIGKILL, not ended on its own ({killed_mid_stream} of {KILLS})"
    );
    assert!(acknowledged > 0, "some saves were acknowledged");
    eprintln!(
        "{KILLS} kills in {:.1} s, {acknowledged} revisions acknowledged (seed {seed})",
        started.elapsed().as_secs_f64()
    );
}
