//! Bilingual search: the index written at snapshot time and the queries a kiosk runs.
//! OWNER: search helper. The items below are the contract the snapshot writer and the CLI use.

use rusqlite::Connection;
use serde::Serialize;

/// DDL for the search tables, applied as the snapshot's second migration after
/// `snapshot/schema_core.sql`.
pub const SCHEMA_SQL: &str = "";

/// Fills the search tables from the core tables. The snapshot writer calls it once, inside the
/// build transaction, after every core table is written.
pub fn build_index(conn: &Connection) -> rusqlite::Result<()> {
    let _ = conn;
    Ok(())
}

/// What a visitor typed plus the filters they chose. Empty `text` with filters lists exhibitors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub text: String,
    pub limit: usize,
    /// Category slug (a parent category matches its children too).
    pub category: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// Hall code.
    pub hall: Option<String>,
    /// Pavilion slug.
    pub pavilion: Option<String>,
}

/// One result, best first. `score` is larger for better matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    pub booths: Vec<String>,
    pub score: f64,
}

/// Runs a query against an open snapshot. Never fails because of what the visitor typed.
pub fn search(conn: &Connection, query: &SearchQuery) -> rusqlite::Result<Vec<SearchHit>> {
    let _ = (conn, query);
    Ok(Vec::new())
}
