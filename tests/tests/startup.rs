//! How the kiosk binary starts, or refuses to: checked before any window exists.

use std::path::PathBuf;
use std::process::{Command, Output};

use fairway_e2e::kiosk_binary;

/// Starts the kiosk with a config file holding `toml`, with no display, and returns the config
/// path, what the process printed, and the folder that keeps the file alive.
fn start_with_config(toml: &str) -> (PathBuf, Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("kiosk.toml");
    std::fs::write(&config, toml).expect("written");
    let out = Command::new(kiosk_binary())
        .arg("--config")
        .arg(&config)
        .env_remove("DISPLAY")
        .output()
        .expect("the kiosk binary runs");
    (config, out, dir)
}

#[test]
fn a_bad_config_stops_the_kiosk_with_one_line_naming_file_and_key() {
    let (config, out, _dir) = start_with_config("kiosk_id = \"x\"\nidle_seconds = \"soon\"\n");
    assert!(
        !out.status.success(),
        "a bad config must not start the kiosk"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {stderr}");
    assert!(
        lines[0].contains(&config.display().to_string()) && lines[0].contains("idle_seconds"),
        "the error names the file and the key: {stderr}"
    );
}

#[test]
fn a_missing_snapshot_stops_the_kiosk_with_one_line_naming_it() {
    let (_config, out, _dir) = start_with_config("snapshot = \"nowhere.sqlite\"\n");
    assert!(!out.status.success(), "no snapshot, no kiosk");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains("nowhere.sqlite"),
        "the error names the file: {stderr}"
    );
}
