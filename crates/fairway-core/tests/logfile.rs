//! The capped log file: what a kiosk writes for days stays within its cap, oldest dropped.

use std::fs;

use fairway_core::logfile::{LogFile, MIN_MAX_BYTES, one_line};

fn total_size(dir: &std::path::Path) -> u64 {
    fs::read_dir(dir)
        .expect("the log folder lists")
        .map(|e| e.expect("an entry").metadata().expect("metadata").len())
        .sum()
}

#[test]
fn a_log_written_for_long_stays_under_its_cap_and_keeps_the_newest_lines() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let logs = dir.path().join("logs");
    let mut log = LogFile::open(&logs, "kiosk", 8 * 1024, 3).expect("the log opens");
    for i in 0..5_000 {
        log.write_line(&format!("line {i:05} of a long day"))
            .expect("the line is written");
    }
    let mut names: Vec<String> = fs::read_dir(&logs)
        .expect("lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["kiosk.1.log", "kiosk.2.log", "kiosk.3.log", "kiosk.log"]
    );
    assert!(
        total_size(&logs) <= 4 * 8 * 1024,
        "four files of at most 8 KiB"
    );
    let newest = fs::read_to_string(logs.join("kiosk.log")).expect("readable");
    assert!(newest.ends_with("line 04999 of a long day\n"));
    let older = fs::read_to_string(logs.join("kiosk.1.log")).expect("readable");
    let last_older = older.lines().last().expect("a line");
    let first_newest = newest.lines().next().expect("a line");
    let n = |l: &str| -> u32 { l[5..10].parse().expect("a number") };
    assert_eq!(
        n(last_older) + 1,
        n(first_newest),
        "no line lost between files"
    );
}

#[test]
fn a_reopened_log_goes_on_from_its_size_and_still_rotates() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    {
        let mut log = LogFile::open(dir.path(), "kiosk", MIN_MAX_BYTES, 1).expect("opens");
        for _ in 0..50 {
            log.write_line(&"x".repeat(60)).expect("written");
        }
    }
    let before = fs::metadata(dir.path().join("kiosk.log"))
        .expect("exists")
        .len();
    let mut log = LogFile::open(dir.path(), "kiosk", MIN_MAX_BYTES, 1).expect("reopens");
    for _ in 0..100 {
        log.write_line(&"y".repeat(60)).expect("written");
    }
    assert!(before > 0);
    assert!(fs::metadata(log.path()).expect("exists").len() <= MIN_MAX_BYTES);
    assert!(!dir.path().join("kiosk.2.log").exists(), "keep = 1");
}

#[test]
fn a_hostile_message_stays_one_line_and_cannot_forge_an_entry() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut log = LogFile::open(dir.path(), "kiosk", 64 * 1024, 2).expect("opens");
    log.write_line(
        "refused navigation to https://x/\n2026-01-01T00:00:00Z ERROR forged\u{202e}evil\u{7}",
    )
    .expect("written");
    let text = fs::read_to_string(log.path()).expect("readable");
    assert_eq!(text.lines().count(), 1);
    assert!(text.contains("\\n2026-01-01"));
    assert!(text.contains("\\u{202e}evil\\u{7}"));
    assert_eq!(one_line("中文 fine"), "中文 fine");
}

#[test]
fn a_log_folder_that_cannot_be_made_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("not-a-folder");
    fs::write(&file, b"x").expect("written");
    let err = LogFile::open(&file.join("logs"), "kiosk", 8192, 2).expect_err("refused");
    assert!(!err.to_string().is_empty());
}
