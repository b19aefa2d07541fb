//! A small pool of read-only snapshot connections.
//!
//! Every query checks one connection out of a free list and puts it back when done, so queries
//! run in parallel on different connections; the mutex guards only the free list (a push or a
//! pop), never a query. The pool as a whole is what a snapshot hot-swap will replace.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use fairway_core::snapshot::{Snapshot, SnapshotError};

/// How many idle connections are kept; more are opened under load and closed afterwards.
const KEEP_IDLE: usize = 4;

/// Read-only connections to one snapshot file.
#[derive(Debug)]
pub struct SnapshotPool {
    path: PathBuf,
    idle: Mutex<Vec<Snapshot>>,
}

impl SnapshotPool {
    /// Opens the first connection, which checks that `path` is a snapshot this binary reads.
    pub fn open(path: &Path) -> Result<SnapshotPool, SnapshotError> {
        let first = Snapshot::open(path)?;
        Ok(SnapshotPool {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
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

/// A checked-out connection; goes back to the pool when dropped.
#[derive(Debug)]
pub struct PooledSnapshot<'a> {
    pool: &'a SnapshotPool,
    snapshot: Option<Snapshot>,
}

impl std::ops::Deref for PooledSnapshot<'_> {
    type Target = Snapshot;

    fn deref(&self) -> &Snapshot {
        // Only `drop` takes the snapshot out.
        self.snapshot
            .as_ref()
            .expect("a pooled snapshot holds its connection until dropped")
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
