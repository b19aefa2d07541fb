//! The hub's master data: `DATA/hub.sqlite` (profiles, access codes, sessions, submissions,
//! uploaded images, publications, the audit log) next to `DATA/source/`, the organiser's copy of
//! the fair source folder (halls, booths, pavilions, the exhibitors' fixed fields).
//!
//! The hub is the only writer. Every acknowledged write is one transaction committed with
//! `synchronous=FULL` in WAL mode before the answer goes out, so an answer the exhibitor or the
//! organiser saw is on disk.
//!
//! A profile is stored as one [`ProfileEdit`] in JSON, not as columns: the edit is the unit of
//! everything the hub does with it (submitted whole, compared field by field in review, applied
//! whole at publish), its products are a nested list that columns would spread over a second
//! table, no query ever filters on a profile field, and the contract type already pins the
//! shape (`deny_unknown_fields`), so a column mapping would be a second copy to keep in step.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use fairway_core::edit::ProfileEdit;
use fairway_core::media::Asset;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};
use time::OffsetDateTime;

use crate::HubError;
use crate::api::{ReviewState, SubmissionStatus};

/// The database file inside the data folder.
pub const DB_FILE: &str = "hub.sqlite";
/// The organiser's copy of the source folder inside the data folder.
pub const SOURCE_DIR: &str = "source";

const MIGRATIONS: &[M<'static>] = &[M::up(include_str!("schema.sql"))];

/// Who did something, as the audit log names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// The organiser, at the command line.
    Organiser,
    /// A signed-in exhibitor, through the API.
    Exhibitor(String),
}

impl Actor {
    pub fn name(&self) -> String {
        match self {
            Actor::Organiser => "organiser".to_owned(),
            Actor::Exhibitor(id) => format!("exhibitor:{id}"),
        }
    }
}

/// Now, as RFC 3339 UTC (whole seconds) and as Unix seconds.
pub fn now() -> (String, i64) {
    let t = OffsetDateTime::now_utc();
    (rfc3339(t), t.unix_timestamp())
}

pub fn rfc3339(t: OffsetDateTime) -> String {
    let t = t.replace_nanosecond(0).unwrap_or(t);
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

pub fn rfc3339_unix(unix: i64) -> String {
    OffsetDateTime::from_unix_timestamp(unix)
        .map(rfc3339)
        .unwrap_or_else(|_| unix.to_string())
}

/// What a sign-in with a code found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeCheck {
    /// The code is this exhibitor's and still valid.
    Valid(String),
    /// No exhibitor has this code (wrong, replaced or revoked).
    Unknown,
    /// The code was this exhibitor's but its validity ended.
    Expired(String),
}

/// One submission as the organiser reviews it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Submission {
    pub id: u64,
    pub exhibitor_id: String,
    pub base_version: u64,
    pub state: ReviewState,
    pub reason: Option<String>,
    pub submitted: String,
    pub decided: Option<String>,
    pub profile: ProfileEdit,
}

impl Submission {
    pub fn status(&self) -> SubmissionStatus {
        SubmissionStatus {
            id: self.id,
            base_version: self.base_version,
            state: self.state,
            reason: self.reason.clone(),
            submitted: self.submitted.clone(),
            decided: self.decided.clone(),
        }
    }
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub exhibitor_id: Option<String>,
    pub submission_id: Option<i64>,
    pub detail: Option<String>,
}

/// An open master database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    data: PathBuf,
}

fn state_from(s: &str) -> ReviewState {
    match s {
        "approved" => ReviewState::Approved,
        "rejected" => ReviewState::Rejected,
        "superseded" => ReviewState::Superseded,
        _ => ReviewState::Pending,
    }
}

fn u64_of(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

fn i64_of(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn to_json(profile: &ProfileEdit) -> Result<String, HubError> {
    serde_json::to_string(profile).map_err(|e| HubError::Message(format!("profile JSON: {e}")))
}

fn from_json(text: &str) -> Result<ProfileEdit, HubError> {
    serde_json::from_str(text)
        .map_err(|e| HubError::Message(format!("a stored profile is not readable: {e}")))
}

impl Store {
    /// Opens the master database of the data folder `data` (made by [`crate::init`]).
    pub fn open(data: &Path) -> Result<Store, HubError> {
        let path = data.join(DB_FILE);
        if !path.is_file() {
            return Err(HubError::Message(format!(
                "{}: no hub data here; run `fairway hub init SOURCE --data {}` first",
                data.display(),
                data.display()
            )));
        }
        let mut conn = Connection::open(&path)?;
        configure(&conn)?;
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            data: data.to_path_buf(),
        })
    }

    /// Creates the database in a data folder that has none.
    pub(crate) fn create(data: &Path) -> Result<Store, HubError> {
        let path = data.join(DB_FILE);
        let mut conn = Connection::open(&path)?;
        configure(&conn)?;
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            data: data.to_path_buf(),
        })
    }

    /// The data folder.
    pub fn data_dir(&self) -> &Path {
        &self.data
    }

    /// The organiser's source folder inside the data folder.
    pub fn source_dir(&self) -> PathBuf {
        self.data.join(SOURCE_DIR)
    }

    /// Fills a new database: the fair and every exhibitor's profile at version 1.
    pub(crate) fn fill(
        &mut self,
        fair_id: &str,
        profiles: &[(String, ProfileEdit)],
    ) -> Result<(), HubError> {
        let (at, _) = now();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO fair (one, fair_id, created) VALUES (1, ?1, ?2)",
            params![fair_id, at],
        )?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO profiles (exhibitor_id, version, profile, updated) VALUES (?1, 1, ?2, ?3)",
            )?;
            for (id, profile) in profiles {
                insert.execute(params![id, to_json(profile)?, at])?;
            }
        }
        audit(
            &tx,
            &Actor::Organiser,
            "init",
            None,
            None,
            Some(&format!("{} exhibitors", profiles.len())),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Every exhibitor id with its English name, in id order.
    pub fn exhibitors(&self) -> Result<Vec<(String, String)>, HubError> {
        let mut stmt = self
            .conn
            .prepare("SELECT exhibitor_id, profile FROM profiles ORDER BY exhibitor_id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            out.push((id, from_json(&json)?.name_en));
        }
        Ok(out)
    }

    /// An exhibitor's profile and its version.
    pub fn profile(&self, exhibitor: &str) -> Result<Option<(u64, ProfileEdit)>, HubError> {
        profile_in(&self.conn, exhibitor)
    }

    /// Every profile, by exhibitor id.
    pub fn profiles(&self) -> Result<HashMap<String, ProfileEdit>, HubError> {
        let mut stmt = self
            .conn
            .prepare("SELECT exhibitor_id, profile FROM profiles")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = HashMap::new();
        for row in rows {
            let (id, json) = row?;
            let profile = from_json(&json)?;
            out.insert(id, profile);
        }
        Ok(out)
    }

    /// Stores new codes (by hash) for these exhibitors, replacing their old codes and ending
    /// their sessions, in one transaction.
    pub fn issue_codes(
        &mut self,
        codes: &[(String, String)],
        expires_unix: Option<i64>,
    ) -> Result<(), HubError> {
        let (at, _) = now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (exhibitor, hash) in codes {
            if profile_in(&tx, exhibitor)?.is_none() {
                return Err(HubError::Message(format!(
                    "no exhibitor with id {exhibitor:?} in this hub"
                )));
            }
            tx.execute(
                "DELETE FROM sessions WHERE exhibitor_id = ?1",
                params![exhibitor],
            )?;
            tx.execute(
                "INSERT INTO access_codes (exhibitor_id, code_hash, issued, expires_unix)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (exhibitor_id) DO UPDATE SET
                   code_hash = excluded.code_hash, issued = excluded.issued,
                   expires_unix = excluded.expires_unix",
                params![exhibitor, hash, at, expires_unix],
            )?;
            let detail = expires_unix.map(|e| format!("expires {}", rfc3339_unix(e)));
            audit(
                &tx,
                &Actor::Organiser,
                "code.issue",
                Some(exhibitor),
                None,
                detail.as_deref(),
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Revokes an exhibitor's code and ends its sessions.
    pub fn revoke_code(&mut self, exhibitor: &str) -> Result<(), HubError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if profile_in(&tx, exhibitor)?.is_none() {
            return Err(HubError::Message(format!(
                "no exhibitor with id {exhibitor:?} in this hub"
            )));
        }
        let removed = tx.execute(
            "DELETE FROM access_codes WHERE exhibitor_id = ?1",
            params![exhibitor],
        )?;
        if removed == 0 {
            return Err(HubError::Message(format!(
                "exhibitor {exhibitor:?} has no access code to revoke"
            )));
        }
        let sessions = tx.execute(
            "DELETE FROM sessions WHERE exhibitor_id = ?1",
            params![exhibitor],
        )?;
        audit(
            &tx,
            &Actor::Organiser,
            "code.revoke",
            Some(exhibitor),
            None,
            Some(&format!("{sessions} sessions ended")),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Whose code has this hash, and whether it is still valid at `now_unix`.
    pub fn check_code(&self, code_hash: &str, now_unix: i64) -> Result<CodeCheck, HubError> {
        let row: Option<(String, Option<i64>)> = self
            .conn
            .query_row(
                "SELECT exhibitor_id, expires_unix FROM access_codes WHERE code_hash = ?1",
                params![code_hash],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(match row {
            None => CodeCheck::Unknown,
            Some((id, Some(expires))) if expires <= now_unix => CodeCheck::Expired(id),
            Some((id, _)) => CodeCheck::Valid(id),
        })
    }

    /// Records a new session (by the token's hash) for a signed-in exhibitor.
    pub fn start_session(
        &mut self,
        exhibitor: &str,
        token_hash: &str,
        expires_unix: i64,
    ) -> Result<(), HubError> {
        let (at, now_unix) = now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Expired sessions are of no use to anyone: sign-in is a good moment to drop them.
        tx.execute(
            "DELETE FROM sessions WHERE expires_unix <= ?1",
            params![now_unix],
        )?;
        tx.execute(
            "INSERT INTO sessions (token_hash, exhibitor_id, created, expires_unix) VALUES (?1, ?2, ?3, ?4)",
            params![token_hash, exhibitor, at, expires_unix],
        )?;
        audit(
            &tx,
            &Actor::Exhibitor(exhibitor.to_owned()),
            "sign_in",
            Some(exhibitor),
            None,
            None,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The exhibitor a session token (by hash) belongs to, if the session is still valid.
    pub fn session(&self, token_hash: &str, now_unix: i64) -> Result<Option<String>, HubError> {
        Ok(self
            .conn
            .query_row(
                "SELECT exhibitor_id FROM sessions WHERE token_hash = ?1 AND expires_unix > ?2",
                params![token_hash, now_unix],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Stores an uploaded, re-encoded image under `name` as this exhibitor's.
    pub fn store_image(
        &mut self,
        exhibitor: &str,
        name: &str,
        asset: &Asset,
    ) -> Result<(), HubError> {
        let (at, _) = now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT OR IGNORE INTO images (name, mime, width, height, bytes) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![name, asset.mime, asset.width, asset.height, asset.bytes],
        )?;
        let new = tx.execute(
            "INSERT OR IGNORE INTO image_uploads (exhibitor_id, name, uploaded) VALUES (?1, ?2, ?3)",
            params![exhibitor, name, at],
        )?;
        if new > 0 {
            audit(
                &tx,
                &Actor::Exhibitor(exhibitor.to_owned()),
                "upload",
                Some(exhibitor),
                None,
                Some(name),
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Whether this exhibitor uploaded the image `name`.
    pub fn uploaded_by(&self, exhibitor: &str, name: &str) -> Result<bool, HubError> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM image_uploads WHERE exhibitor_id = ?1 AND name = ?2",
                params![exhibitor, name],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// An uploaded image's content type and bytes.
    pub fn image(&self, name: &str) -> Result<Option<(String, Vec<u8>)>, HubError> {
        Ok(self
            .conn
            .query_row(
                "SELECT mime, bytes FROM images WHERE name = ?1",
                params![name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Records a submission of an already judged profile, superseding the exhibitor's pending
    /// one. Refuses a base version older than the profile's ([`SubmitOutcome::Outdated`]).
    pub fn submit(
        &mut self,
        exhibitor: &str,
        base_version: u64,
        profile: &ProfileEdit,
    ) -> Result<SubmitOutcome, HubError> {
        let (at, _) = now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let Some((current, _)) = profile_in(&tx, exhibitor)? else {
            return Err(HubError::Message(format!("no exhibitor {exhibitor:?}")));
        };
        if base_version != current {
            return Ok(SubmitOutcome::Outdated { current });
        }
        let superseded = tx.execute(
            "UPDATE submissions SET state = 'superseded', decided = ?2
             WHERE exhibitor_id = ?1 AND state = 'pending'",
            params![exhibitor, at],
        )?;
        tx.execute(
            "INSERT INTO submissions (exhibitor_id, base_version, profile, state, submitted)
             VALUES (?1, ?2, ?3, 'pending', ?4)",
            params![exhibitor, i64_of(base_version), to_json(profile)?, at],
        )?;
        let id = tx.last_insert_rowid();
        audit(
            &tx,
            &Actor::Exhibitor(exhibitor.to_owned()),
            "submit",
            Some(exhibitor),
            Some(id),
            Some(&format!(
                "based on version {base_version}; {superseded} pending superseded"
            )),
        )?;
        tx.commit()?;
        Ok(SubmitOutcome::Recorded(SubmissionStatus {
            id: u64_of(id),
            base_version,
            state: ReviewState::Pending,
            reason: None,
            submitted: at,
            decided: None,
        }))
    }

    /// An exhibitor's submissions, newest first.
    pub fn submissions_of(&self, exhibitor: &str) -> Result<Vec<SubmissionStatus>, HubError> {
        Ok(self
            .query_submissions(
                "WHERE exhibitor_id = ?1 ORDER BY id DESC",
                params![exhibitor],
            )?
            .iter()
            .map(Submission::status)
            .collect())
    }

    /// Submissions for review: the pending ones oldest first, or all of them with `all`.
    pub fn review_list(&self, all: bool) -> Result<Vec<Submission>, HubError> {
        if all {
            self.query_submissions("ORDER BY id", params![])
        } else {
            self.query_submissions("WHERE state = 'pending' ORDER BY id", params![])
        }
    }

    /// One submission.
    pub fn submission(&self, id: u64) -> Result<Submission, HubError> {
        self.query_submissions("WHERE id = ?1", params![i64_of(id)])?
            .pop()
            .ok_or_else(|| HubError::Message(format!("no submission {id}")))
    }

    fn query_submissions(
        &self,
        tail: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<Submission>, HubError> {
        let sql = format!(
            "SELECT id, exhibitor_id, base_version, state, reason, submitted, decided, profile
             FROM submissions {tail}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, exhibitor_id, base, state, reason, submitted, decided, json) = row?;
            out.push(Submission {
                id: u64_of(id),
                exhibitor_id,
                base_version: u64_of(base),
                state: state_from(&state),
                reason,
                submitted,
                decided,
                profile: from_json(&json)?,
            });
        }
        Ok(out)
    }

    /// Approves a pending submission: its profile becomes the exhibitor's, one version higher,
    /// in one transaction with its audit row. Refuses when the profile moved since the
    /// submission's base version, unless `overwrite`.
    pub fn approve(&mut self, id: u64, overwrite: bool) -> Result<u64, HubError> {
        let submission = self.submission(id)?;
        let (at, _) = now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let state: String = tx.query_row(
            "SELECT state FROM submissions WHERE id = ?1",
            params![i64_of(id)],
            |r| r.get(0),
        )?;
        if state != "pending" {
            return Err(HubError::Message(format!(
                "submission {id} is {state}, not pending; only a pending submission can be approved"
            )));
        }
        let exhibitor = &submission.exhibitor_id;
        let Some((current, _)) = profile_in(&tx, exhibitor)? else {
            return Err(HubError::Message(format!("no exhibitor {exhibitor:?}")));
        };
        if current != submission.base_version && !overwrite {
            return Err(HubError::Message(format!(
                "conflict: submission {id} was made from version {} of {exhibitor}'s profile, which is at version {current} now; `fairway review show {id}` shows both, `fairway review approve {id} --overwrite` replaces version {current}",
                submission.base_version
            )));
        }
        let next = current + 1;
        tx.execute(
            "UPDATE profiles SET version = ?2, profile = ?3, updated = ?4 WHERE exhibitor_id = ?1",
            params![exhibitor, i64_of(next), to_json(&submission.profile)?, at],
        )?;
        tx.execute(
            "UPDATE submissions SET state = 'approved', decided = ?2 WHERE id = ?1",
            params![i64_of(id), at],
        )?;
        let detail = if current != submission.base_version {
            format!(
                "version {current} -> {next}, overwriting version {current} (submission based on {})",
                submission.base_version
            )
        } else {
            format!("version {current} -> {next}")
        };
        audit(
            &tx,
            &Actor::Organiser,
            "approve",
            Some(exhibitor),
            Some(i64_of(id)),
            Some(&detail),
        )?;
        tx.commit()?;
        Ok(next)
    }

    /// Rejects a pending submission with the reason its exhibitor will read.
    pub fn reject(&mut self, id: u64, reason: &str) -> Result<(), HubError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(HubError::Message(
                "--reason is empty; the exhibitor reads it, so say what to change".to_owned(),
            ));
        }
        let (at, _) = now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let row: Option<(String, String)> = tx
            .query_row(
                "SELECT state, exhibitor_id FROM submissions WHERE id = ?1",
                params![i64_of(id)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((state, exhibitor)) = row else {
            return Err(HubError::Message(format!("no submission {id}")));
        };
        if state != "pending" {
            return Err(HubError::Message(format!(
                "submission {id} is {state}, not pending; only a pending submission can be rejected"
            )));
        }
        tx.execute(
            "UPDATE submissions SET state = 'rejected', reason = ?2, decided = ?3 WHERE id = ?1",
            params![i64_of(id), reason, at],
        )?;
        audit(
            &tx,
            &Actor::Organiser,
            "reject",
            Some(&exhibitor),
            Some(i64_of(id)),
            Some(reason),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The highest sequence published from this hub, if any.
    pub fn last_sequence(&self) -> Result<Option<u64>, HubError> {
        let max: Option<i64> =
            self.conn
                .query_row("SELECT max(sequence) FROM publications", [], |r| r.get(0))?;
        Ok(max.map(u64_of))
    }

    /// Records a published snapshot.
    pub fn record_publication(
        &mut self,
        sequence: u64,
        file: &str,
        sha256: &str,
        elapsed_ms: u64,
    ) -> Result<(), HubError> {
        let (at, _) = now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO publications (sequence, file, sha256, published, elapsed_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![i64_of(sequence), file, sha256, at, i64_of(elapsed_ms)],
        )?;
        audit(
            &tx,
            &Actor::Organiser,
            "publish",
            None,
            None,
            Some(&format!("sequence {sequence}: {file}")),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The whole audit log, oldest first.
    pub fn audit_log(&self) -> Result<Vec<AuditRow>, HubError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, actor, action, exhibitor_id, submission_id, detail FROM audit ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(AuditRow {
                id: r.get(0)?,
                at: r.get(1)?,
                actor: r.get(2)?,
                action: r.get(3)?,
                exhibitor_id: r.get(4)?,
                submission_id: r.get(5)?,
                detail: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// What [`Store::submit`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SubmitOutcome {
    Recorded(SubmissionStatus),
    /// The profile is at `current`, not at the submission's base version.
    Outdated {
        current: u64,
    },
}

fn profile_in(conn: &Connection, exhibitor: &str) -> Result<Option<(u64, ProfileEdit)>, HubError> {
    let row: Option<(i64, String)> = conn
        .query_row(
            "SELECT version, profile FROM profiles WHERE exhibitor_id = ?1",
            params![exhibitor],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((version, json)) => Ok(Some((u64_of(version), from_json(&json)?))),
    }
}

fn audit(
    conn: &Connection,
    actor: &Actor,
    action: &str,
    exhibitor: Option<&str>,
    submission: Option<i64>,
    detail: Option<&str>,
) -> Result<(), HubError> {
    let (at, _) = now();
    conn.execute(
        "INSERT INTO audit (at, actor, action, exhibitor_id, submission_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![at, actor.name(), action, exhibitor, submission, detail],
    )?;
    Ok(())
}

/// Per-connection settings: WAL so readers never wait for the writer, `synchronous=FULL` so a
/// commit is on disk before an answer says it is saved, and a busy timeout so the CLI and a
/// running server take turns instead of failing.
fn configure(conn: &Connection) -> Result<(), HubError> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<(), HubError> {
    let migrations = Migrations::from_slice(MIGRATIONS);
    migrations.to_latest(conn).map_err(|e| match e {
        rusqlite_migration::Error::MigrationDefinition(
            rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
        ) => HubError::Message(
            "the hub database was written by a newer fairway; use that version".to_owned(),
        ),
        other => HubError::Migration(other),
    })
}
