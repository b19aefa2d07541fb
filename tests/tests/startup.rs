//! How the kiosk binary starts, or refuses to: checked before any window exists.

use std::process::Command;

use fairway_e2e::kiosk_binary;

#[test]
fn a_bad_config_stops_the_kiosk_with_one_line_naming_file_and_key() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("kiosk.toml");
    std::fs::write(&config, "kiosk_id = \"x\"\nidle_seconds = \"soon\"\n").expect("written");
    let out = Command::new(kiosk_binary())
        .arg("--config")
        .arg(&config)
        .env_remove("DISPLAY")
        .output()
        .expect("the kiosk binary runs");
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
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("kiosk.toml");
    std::fs::write(&config, "snapshot = \"nowhere.sqlite\"\n").expect("written");
    let out = Command::new(kiosk_binary())
        .arg("--config")
        .arg(&config)
        .env_remove("DISPLAY")
        .output()
        .expect("the kiosk binary runs");
    assert!(!out.status.success(), "no snapshot, no kiosk");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
    assert!(
        stderr.contains("nowhere.sqlite"),
        "the error names the file: {stderr}"
    );
}
