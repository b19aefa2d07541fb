//! The hub: the organiser's small HTTP service between exhibitors' laptops and the kiosks.
//!
//! [`api`] is the contract (paths, requests, answers, errors) that the server and the client
//! share; [`client`] is the blocking client the app's exhibitor mode uses. The server itself
//! (axum on tokio, the master database, access codes, the review queue, publishing and the
//! feed) is behind the `server` feature, so the app links only the client.

pub mod api;
pub mod client;
