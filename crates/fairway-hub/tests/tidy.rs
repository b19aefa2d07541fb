//! Repository rules for the hub crate, run as ordinary tests.

/// The app links the hub with `default-features = false` for the client only; the server's
/// dependencies (axum, tokio, SQLite, ...) must stay optional, behind `server`.
#[test]
fn the_servers_dependencies_are_optional_so_the_app_links_only_the_client() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .expect("Cargo.toml");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [dependencies] table");
    for name in [
        "axum",
        "tokio",
        "tokio-util",
        "rusqlite",
        "rusqlite_migration",
        "getrandom",
    ] {
        let line = deps
            .lines()
            .find(|l| l.starts_with(&format!("{name} ")) || l.starts_with(&format!("{name}.")))
            .unwrap_or_else(|| panic!("{name} is a dependency of the server"));
        assert!(
            line.contains("optional = true"),
            "{name} must be optional (behind the `server` feature): {line}"
        );
        assert!(
            manifest.contains(&format!("\"dep:{name}\"")),
            "the `server` feature enables {name}"
        );
    }
}
