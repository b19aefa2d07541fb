//! The snapshot's schema: the core, search and routing tables as embedded, append-only
//! migrations, the version a snapshot carries in `user_version`, and the per-connection PRAGMAs.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

/// The schema version this binary writes and reads: the number of migrations.
pub const SCHEMA_VERSION: i64 = 3;

/// Stands in for a migration with no SQL. An empty string is legal for `rusqlite_migration`,
/// but a comment keeps the second migration visibly deliberate while the search tables are
/// still empty in a branch that does not have them.
const EMPTY_MIGRATION: &str = "-- nothing to create";

/// The migrations, oldest first. Append only: a published snapshot's `user_version` counts them.
pub fn migrations() -> Migrations<'static> {
    let search = if crate::search::SCHEMA_SQL.trim().is_empty() {
        EMPTY_MIGRATION
    } else {
        crate::search::SCHEMA_SQL
    };
    Migrations::new(vec![
        M::up(include_str!("schema_core.sql")),
        M::up(search),
        M::up(include_str!("../route/schema_route.sql")),
    ])
}

/// Creates every table of a fresh snapshot on `conn`.
pub fn create(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    migrations().to_latest(conn)
}

/// Reads the schema version stored in the file.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// PRAGMAs for the scratch database a build writes into: it lives in a temporary folder and is
/// thrown away on any failure, so durability would only cost time.
pub fn configure_scratch(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// PRAGMAs for a reader: nothing may be written through this connection.
pub fn configure_reader(conn: &Connection) -> rusqlite::Result<()> {
    conn.pragma_update(None, "query_only", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_count_the_schema_version() {
        migrations()
            .validate()
            .expect("the embedded migrations apply to an empty database");
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        create(&mut conn).expect("migrations apply");
        assert_eq!(version(&conn).expect("user_version"), SCHEMA_VERSION);
    }
}
