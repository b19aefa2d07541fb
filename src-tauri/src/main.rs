//! The `fairway-kiosk` binary: everything happens in [`fairway_kiosk::run`].

// A kiosk has no console window on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    fairway_kiosk::run()
}
