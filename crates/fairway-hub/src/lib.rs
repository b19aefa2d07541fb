//! The hub: the organiser's small HTTP service between exhibitors' laptops and the kiosks.
//!
//! [`api`] is the contract (paths, requests, answers, errors) that the server and the client
//! share; [`client`] is the blocking client the app's exhibitor mode uses. The server itself
//! (axum on tokio, the master database, access codes, the review queue, publishing and the
//! feed) is behind the `server` feature, so the app links only the client.

pub mod api;
pub mod client;

#[cfg(feature = "server")]
pub mod codes;
#[cfg(feature = "server")]
mod feed;
#[cfg(feature = "server")]
pub mod init;
#[cfg(feature = "server")]
pub mod publish;
#[cfg(feature = "server")]
pub mod review;
#[cfg(feature = "server")]
pub mod server;
#[cfg(feature = "server")]
pub mod store;
#[cfg(feature = "server")]
pub mod throttle;

/// Why an organiser's command or a hub operation failed; `Display` is one line.
#[cfg(feature = "server")]
#[derive(Debug, thiserror::Error)]
pub enum HubError {
    /// A refusal in words the organiser acts on.
    #[error("{0}")]
    Message(String),
    #[error("{path}: {source}")]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("the hub database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the hub database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("the source folder: {0}")]
    Source(#[from] fairway_core::import::SourceError),
    #[error("building the snapshot: {0}")]
    Build(#[from] fairway_core::build::BuildError),
    #[error(transparent)]
    Random(#[from] codes::RandomError),
}

#[cfg(feature = "server")]
pub(crate) fn io_at(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> HubError + '_ {
    move |source| HubError::Io {
        path: path.to_path_buf(),
        source,
    }
}
