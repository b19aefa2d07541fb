//! The kiosk window keeps exactly its read-only commands; the editor's commands go to the
//! editor window alone. A command added to one capability by mistake fails here.

use std::path::PathBuf;

fn capability(name: &str) -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("capabilities")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("the capability file is readable");
    serde_json::from_str(&text).expect("the capability file is JSON")
}

fn strings(value: &serde_json::Value, key: &str) -> Vec<String> {
    value[key]
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().expect("a string").to_owned())
        .collect()
}

#[test]
fn the_kiosk_window_is_granted_exactly_the_read_only_commands() {
    let kiosk = capability("kiosk.json");
    assert_eq!(strings(&kiosk, "windows"), ["main"]);
    let expected = [
        "allow-fair",
        "allow-pavilions",
        "allow-pavilion",
        "allow-categories",
        "allow-exhibitors",
        "allow-exhibitor",
        "allow-search",
        "allow-halls",
        "allow-countries",
        "allow-hall-map",
        "allow-route",
        "allow-kiosk-config",
        "allow-contact-card",
        "allow-status",
        "allow-here",
        "allow-heartbeat",
    ];
    assert_eq!(
        strings(&kiosk, "permissions"),
        expected,
        "a public kiosk must never gain the editor's (or any other) commands"
    );
}

#[test]
fn the_editor_window_is_granted_only_the_editor_commands() {
    let editor = capability("editor.json");
    assert_eq!(strings(&editor, "windows"), ["editor"]);
    let permissions = strings(&editor, "permissions");
    assert!(!permissions.is_empty());
    for p in &permissions {
        assert!(
            p.starts_with("allow-editor-"),
            "the editor window gets editor commands only, not {p}"
        );
    }
}
