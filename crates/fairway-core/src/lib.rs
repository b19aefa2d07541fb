//! Fairway's core: every rule of the fair, with no Tauri, no HTTP server, no async runtime and
//! no UI (the one HTTP use is the blocking feed client in [`update`]).
//!
//! The flow is one way: a fair source folder is read by [`import`] into a [`model::FairSource`],
//! [`build`] turns it into an immutable snapshot file (tables from [`snapshot`], images from
//! [`media`], the index from [`search`]) with a signed manifest, and [`snapshot::Snapshot`]
//! opens such a file read-only for everything a kiosk shows. [`update`] installs new signed
//! snapshots on a kiosk and hot-swaps its read pool.

pub mod build;
pub mod card;
pub mod country;
pub mod draft;
pub mod edit;
pub mod import;
pub mod logfile;
pub mod media;
pub mod model;
pub mod route;
pub mod search;
pub mod snapshot;
pub mod synth;
pub mod update;
pub mod validate;
