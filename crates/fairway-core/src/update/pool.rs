//! The swappable read pool: read-only connections to one snapshot in a free list, and a handle
//! that replaces the whole pool at once.
//!
//! A query takes an `Arc` of the current pool and checks a connection out of it; no lock is
//! held while it runs (the mutex guards only the free list's push and pop). A swap stores a new
//! pool; queries already running finish on the old one, whose connections close when the last
//! of them drops its `Arc`. Nothing waits on a swap and no query sees a half-switched state.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use arc_swap::ArcSwap;

use crate::snapshot::{Meta, Snapshot, SnapshotError};

/// How many idle connections a pool keeps; more are opened under load and closed afterwards.
const KEEP_IDLE: usize = 4;

/// Read-only connections to one snapshot file.
#[derive(Debug)]
pub struct SnapshotPool {
    path: PathBuf,
    meta: Meta,
    idle: Mutex<Vec<Snapshot>>,
}

impl SnapshotPool {
    /// Opens the first connection, which checks that `path` is a snapshot this binary reads.
    pub fn open(path: &Path) -> Result<SnapshotPool, SnapshotError> {
        let first = Snapshot::open(path)?;
        Ok(SnapshotPool {
            path: path.to_path_buf(),
            meta: first.meta().clone(),
            idle: Mutex::new(vec![first]),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The snapshot's `meta` table (fair id, sequence, ...), read at open.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// A connection for one query: an idle one, or a new one when all are busy.
    pub fn get(&self) -> Result<PooledSnapshot<'_>, SnapshotError> {
        let idle = self.idle.lock().map(|mut v| v.pop()).unwrap_or(None);
        let snapshot = match idle {
            Some(s) => s,
            None => Snapshot::open(&self.path)?,
        };
        Ok(PooledSnapshot {
            pool: self,
            snapshot: Some(snapshot),
        })
    }
}

/// A checked-out connection; goes back to its pool when dropped.
#[derive(Debug)]
pub struct PooledSnapshot<'a> {
    pool: &'a SnapshotPool,
    snapshot: Option<Snapshot>,
}

impl std::ops::Deref for PooledSnapshot<'_> {
    type Target = Snapshot;

    fn deref(&self) -> &Snapshot {
        // Only `drop` takes the snapshot out, so it is always here while borrowed.
        match &self.snapshot {
            Some(snapshot) => snapshot,
            None => unreachable!("a pooled snapshot holds its connection until dropped"),
        }
    }
}

impl Drop for PooledSnapshot<'_> {
    fn drop(&mut self) {
        if let (Some(snapshot), Ok(mut idle)) = (self.snapshot.take(), self.pool.idle.lock())
            && idle.len() < KEEP_IDLE
        {
            idle.push(snapshot);
        }
    }
}

/// The pool the app queries through, replaceable while queries run.
#[derive(Debug)]
pub struct SnapshotHandle {
    pool: ArcSwap<SnapshotPool>,
}

impl SnapshotHandle {
    pub fn new(pool: SnapshotPool) -> SnapshotHandle {
        SnapshotHandle {
            pool: ArcSwap::from_pointee(pool),
        }
    }

    /// Opens a pool on `path` and wraps it.
    pub fn open(path: &Path) -> Result<SnapshotHandle, SnapshotError> {
        Ok(SnapshotHandle::new(SnapshotPool::open(path)?))
    }

    /// The current pool. Hold it for one query (or one screen's worth), not for ever: the pool
    /// it points to stays open as long as the `Arc` lives.
    pub fn load(&self) -> Arc<SnapshotPool> {
        self.pool.load_full()
    }

    /// Runs `query` on a connection of the current pool.
    pub fn query<T>(
        &self,
        query: impl FnOnce(&Snapshot) -> Result<T, SnapshotError>,
    ) -> Result<T, SnapshotError> {
        let pool = self.load();
        let snapshot = pool.get()?;
        query(&snapshot)
    }

    /// Makes `pool` the current one and returns the old one, which closes when the last query
    /// still using it finishes.
    pub fn swap(&self, pool: SnapshotPool) -> Arc<SnapshotPool> {
        self.pool.swap(Arc::new(pool))
    }

    /// Opens a pool on `path` and swaps it in; on failure nothing changes.
    pub fn swap_to(&self, path: &Path) -> Result<Arc<SnapshotPool>, SnapshotError> {
        Ok(self.swap(SnapshotPool::open(path)?))
    }
}
