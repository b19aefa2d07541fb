//! Regenerates the committed demo fair: `cargo run -p fairway-core --example demo_fair`.
//!
//! The folder is emptied first so that files the generator no longer writes do not linger; the
//! test `demo_fair_in_assets_is_what_the_generator_writes` fails until this has been run after
//! any change to the generator.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-fair"),
        PathBuf::from,
    );
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    let report = fairway_core::synth::write_demo_fair(&dir)?;
    println!("{}: {report:?}", dir.display());
    Ok(())
}
