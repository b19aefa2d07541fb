//! Saves a stream of edits into a draft file and prints each revision the store acknowledged,
//! as `saved REVISION`, flushed before the next save begins. `tests/draft_crash.rs` kills it
//! with SIGKILL at random moments and checks that every acknowledged revision survived.
//!
//! `cargo run -p fairway-core --example draft_writer -- DRAFT.sqlite [COUNT]`

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use fairway_core::draft::{Account, DraftStore};
use fairway_core::edit::{ProductEdit, ProfileEdit};

/// The edit saved as `revision`: its content follows from the number, so a reader can tell
/// exactly what that revision held. Keep in step with `tests/draft_crash.rs`.
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

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: draft_writer DRAFT.sqlite [COUNT]");
        return ExitCode::from(2);
    };
    let count: u64 = args
        .next()
        .and_then(|c| c.to_str().and_then(|c| c.parse().ok()))
        .unwrap_or(u64::MAX);
    let account = Account {
        hub: "http://127.0.0.1:8787".to_owned(),
        exhibitor: "E0001".to_owned(),
    };
    let mut store = match DraftStore::open(&path) {
        Ok(store) => store,
        Err(e) => {
            eprintln!("draft_writer: {e}");
            return ExitCode::FAILURE;
        }
    };
    let first = match store.draft(&account) {
        Ok(draft) => draft.map_or(1, |d| d.revision + 1),
        Err(e) => {
            eprintln!("draft_writer: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    for next in (first..).take(usize::try_from(count).unwrap_or(usize::MAX)) {
        match store.save(&account, &edit_for(next)) {
            Ok(revision) if revision == next => {}
            Ok(revision) => {
                eprintln!("draft_writer: expected revision {next}, the store gave {revision}");
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("draft_writer: {e}");
                return ExitCode::FAILURE;
            }
        }
        if writeln!(out, "saved {next}")
            .and_then(|()| out.flush())
            .is_err()
        {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
