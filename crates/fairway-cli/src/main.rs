//! The `fairway` binary: the organiser's command line over `fairway-core`.

fn main() {}
