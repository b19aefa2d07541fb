//! The read-only snapshot pool the commands query through: `fairway-core`'s, so the kiosk's hot
//! swap is the one the core tests under load (`crates/fairway-core/tests/update_swap.rs`).
//!
//! Every query checks one connection out of a free list and puts it back when done; the mutex
//! guards only the free list, never a query. [`crate::Kiosk`] swaps the pool as a whole.

pub use fairway_core::update::{PooledSnapshot, SnapshotPool};
