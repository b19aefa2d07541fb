//! The exhibitor editor's local draft: one SQLite file on the exhibitor's laptop that holds, per
//! hub and exhibitor, the session, the profile the draft started from, the draft itself, the
//! pictures chosen from disk, the submissions waiting for the hub and the last statuses seen.
//!
//! Every change is committed before [`DraftStore::save`] answers (`synchronous=FULL` in WAL
//! mode), so a revision the editor showed as saved survives a crash, a closed lid or a pulled
//! plug (`tests/draft_crash.rs` kills a writer 200 times to hold this). Nothing here speaks
//! HTTP: the app moves things between this file and the hub.
//!
//! The file is the exhibitor's work. Opening a file that is damaged, or that is some other
//! program's database, fails with a message saying so and leaves the file exactly as it was.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use rusqlite_migration::{M, Migrations};
use serde::{Deserialize, Serialize};

use crate::edit::{FixedFields, ProfileEdit, uploaded_image_name};
use crate::media::{Asset, ImageRole};
use crate::model::Exhibitor;
use crate::snapshot::{
    Contact, ExhibitorProfile, ImageRef, Label, Product as ProfileProduct, ProfileLabels,
};

/// `PRAGMA application_id` of a draft file ("FWDR"): a database without it is not a draft.
pub const APPLICATION_ID: i32 = 0x4657_4452;

/// The first 16 bytes of every SQLite database file.
const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

/// Why the draft could not be opened, read or written.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("cannot open the draft file {path}: {detail}")]
    Open { path: PathBuf, detail: String },
    #[error(
        "{path} is not a Fairway draft ({what}); it was left as it is. Choose another file with --draft"
    )]
    Foreign { path: PathBuf, what: String },
    #[error(
        "the draft file {path} is damaged ({detail}); it was left as it is for recovery. Start with another file with --draft"
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "the draft file {path} was written by a newer Fairway (schema {found}, this one knows {known}); update Fairway"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("the draft could not be stored: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the draft holds something unreadable: {0}")]
    Json(#[from] serde_json::Error),
}

/// Who a draft belongs to: one exhibitor at one hub.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Account {
    /// The hub's base address, as the client normalised it.
    pub hub: String,
    pub exhibitor: String,
}

/// A session token the hub gave at sign-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub token: String,
    /// RFC 3339, UTC.
    pub expires: String,
}

/// The profile as the hub last gave it: what the draft started from and what a submission is
/// based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HubBase {
    pub version: u64,
    pub profile: ProfileEdit,
    pub fixed: FixedFields,
    pub fair_id: String,
    pub fair_name_en: String,
    pub fair_name_zh: String,
}

/// The current draft and the revision its last save got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Counts saves from 1; a larger revision is a later save.
    pub revision: u64,
    pub edit: ProfileEdit,
}

/// Where a picture in the draft came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageOrigin {
    /// Chosen from disk and re-encoded here; the hub does not have it until it is uploaded.
    Disk,
    /// Read from the hub (a picture the profile already had), kept for the preview.
    Hub,
}

/// One picture the draft can show, named as a [`ProfileEdit`] names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftImage {
    pub name: String,
    pub role: ImageRole,
    pub origin: ImageOrigin,
    pub sha256: String,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
    /// For a picture from disk: the name the hub gave it once uploaded (the hub re-encodes
    /// again, so a JPEG may come back under another name); `None` until then.
    pub hub_name: Option<String>,
}

impl DraftImage {
    /// A picture chosen from disk, already re-encoded by [`crate::media::reencode`].
    pub fn from_disk(asset: Asset, role: ImageRole) -> DraftImage {
        DraftImage {
            name: uploaded_image_name(&asset),
            role,
            origin: ImageOrigin::Disk,
            sha256: asset.sha256,
            mime: asset.mime.to_owned(),
            width: asset.width,
            height: asset.height,
            bytes: asset.bytes,
            hub_name: None,
        }
    }
}

/// A submission kept until the hub takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Queued {
    pub id: i64,
    pub base_version: u64,
    pub edit: ProfileEdit,
    /// RFC 3339, UTC.
    pub queued: String,
}

/// The migrations of the draft file, oldest first. Append only.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(include_str!("draft_schema.sql"))])
}

/// The schema version this binary writes: the number of migrations.
pub const SCHEMA_VERSION: i64 = 1;

/// The draft file, open for reading and writing by one process.
#[derive(Debug)]
pub struct DraftStore {
    conn: Connection,
    path: PathBuf,
}

impl DraftStore {
    /// Opens the draft at `path`, creating it (and its folder) when there is none. A file that
    /// is not a Fairway draft, or is damaged, is refused and left untouched.
    pub fn open(path: &Path) -> Result<DraftStore, DraftError> {
        let open_err = |detail: String| DraftError::Open {
            path: path.to_path_buf(),
            detail,
        };
        let exists = path.exists();
        if exists {
            check_header(path)?;
        } else if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| open_err(e.to_string()))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|e| open_err(e.to_string()))?;
        let damaged = |e: rusqlite::Error| DraftError::Damaged {
            path: path.to_path_buf(),
            detail: e.to_string(),
        };
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(damaged)?;
        if exists {
            let app_id: i32 = conn
                .pragma_query_value(None, "application_id", |r| r.get(0))
                .map_err(damaged)?;
            let tables: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(damaged)?;
            if app_id != APPLICATION_ID && (app_id != 0 || tables > 0) {
                return Err(DraftError::Foreign {
                    path: path.to_path_buf(),
                    what: "another program's SQLite database".to_owned(),
                });
            }
            let check: String = conn
                .query_row("PRAGMA quick_check", [], |r| r.get(0))
                .map_err(damaged)?;
            if check != "ok" {
                return Err(DraftError::Damaged {
                    path: path.to_path_buf(),
                    detail: check,
                });
            }
            let found: i64 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(damaged)?;
            if found > SCHEMA_VERSION {
                return Err(DraftError::Newer {
                    path: path.to_path_buf(),
                    found,
                    known: SCHEMA_VERSION,
                });
            }
        }
        // Durability first: a save answers only once its transaction is on disk.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(damaged)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(damaged)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(damaged)?;
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| DraftError::Damaged {
                path: path.to_path_buf(),
                detail: e.to_string(),
            })?;
        Ok(DraftStore {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// The file this store writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records a sign-in: the account becomes the one the editor opens next time.
    pub fn sign_in(&mut self, account: &Account, session: &Session) -> Result<(), DraftError> {
        self.conn.execute(
            "INSERT INTO accounts (hub, exhibitor, token, token_expires, last_used)
             VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
             ON CONFLICT (hub, exhibitor) DO UPDATE SET token = excluded.token,
               token_expires = excluded.token_expires, last_used = excluded.last_used",
            params![
                account.hub,
                account.exhibitor,
                session.token,
                session.expires
            ],
        )?;
        Ok(())
    }

    /// Forgets the session (signed out, or the hub said it expired); the draft stays.
    pub fn sign_out(&mut self, account: &Account) -> Result<(), DraftError> {
        self.conn.execute(
            "UPDATE accounts SET token = NULL, token_expires = NULL WHERE hub = ?1 AND exhibitor = ?2",
            params![account.hub, account.exhibitor],
        )?;
        Ok(())
    }

    /// The account signed in to last, with its session if it still has one.
    pub fn last_account(&self) -> Result<Option<(Account, Option<Session>)>, DraftError> {
        let row = self
            .conn
            .query_row(
                "SELECT hub, exhibitor, token, token_expires FROM accounts
                 ORDER BY last_used DESC LIMIT 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                },
            )
            .optional()?;
        Ok(row.map(|(hub, exhibitor, token, expires)| {
            let session = token
                .zip(expires)
                .map(|(token, expires)| Session { token, expires });
            (Account { hub, exhibitor }, session)
        }))
    }

    /// The account's session, if it has one.
    pub fn session(&self, account: &Account) -> Result<Option<Session>, DraftError> {
        let row = self
            .conn
            .query_row(
                "SELECT token, token_expires FROM accounts WHERE hub = ?1 AND exhibitor = ?2",
                params![account.hub, account.exhibitor],
                |r| {
                    Ok((
                        r.get::<_, Option<String>>(0)?,
                        r.get::<_, Option<String>>(1)?,
                    ))
                },
            )
            .optional()?;
        Ok(row.and_then(|(t, e)| t.zip(e).map(|(token, expires)| Session { token, expires })))
    }

    /// Records the profile the hub gave: the base of the next submission.
    pub fn set_base(&mut self, account: &Account, base: &HubBase) -> Result<(), DraftError> {
        let json = serde_json::to_string(base)?;
        self.conn.execute(
            "UPDATE accounts SET base = ?3 WHERE hub = ?1 AND exhibitor = ?2",
            params![account.hub, account.exhibitor, json],
        )?;
        Ok(())
    }

    /// The profile the hub gave last, if any.
    pub fn base(&self, account: &Account) -> Result<Option<HubBase>, DraftError> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT base FROM accounts WHERE hub = ?1 AND exhibitor = ?2",
                params![account.hub, account.exhibitor],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
    }

    /// The current draft, if one was ever saved.
    pub fn draft(&self, account: &Account) -> Result<Option<Draft>, DraftError> {
        let row = self
            .conn
            .query_row(
                "SELECT revision, edit FROM drafts WHERE hub = ?1 AND exhibitor = ?2",
                params![account.hub, account.exhibitor],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()?;
        row.map(|(revision, json)| {
            Ok(Draft {
                revision: u64::try_from(revision).unwrap_or(0),
                edit: serde_json::from_str(&json)?,
            })
        })
        .transpose()
    }

    /// Saves `edit` as the draft and answers its revision once the change is on disk.
    pub fn save(&mut self, account: &Account, edit: &ProfileEdit) -> Result<u64, DraftError> {
        let json = serde_json::to_string(edit)?;
        let revision: i64 = self.conn.query_row(
            "INSERT INTO drafts (hub, exhibitor, revision, edit, saved)
             VALUES (?1, ?2, 1, ?3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
             ON CONFLICT (hub, exhibitor) DO UPDATE SET revision = drafts.revision + 1,
               edit = excluded.edit, saved = excluded.saved
             RETURNING revision",
            params![account.hub, account.exhibitor, json],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(revision).unwrap_or(0))
    }

    /// Keeps a picture for this account (a second copy of the same name replaces the first).
    pub fn put_image(&mut self, account: &Account, image: &DraftImage) -> Result<(), DraftError> {
        self.conn.execute(
            "INSERT INTO images (hub, exhibitor, name, role, origin, sha256, mime, width, height,
                                 bytes, hub_name)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (hub, exhibitor, name) DO UPDATE SET role = excluded.role,
               origin = excluded.origin, sha256 = excluded.sha256, mime = excluded.mime,
               width = excluded.width, height = excluded.height, bytes = excluded.bytes,
               hub_name = excluded.hub_name",
            params![
                account.hub,
                account.exhibitor,
                image.name,
                role_str(image.role),
                match image.origin {
                    ImageOrigin::Disk => "disk",
                    ImageOrigin::Hub => "hub",
                },
                image.sha256,
                image.mime,
                image.width,
                image.height,
                image.bytes,
                image.hub_name,
            ],
        )?;
        Ok(())
    }

    /// One of the account's pictures by name.
    pub fn image(&self, account: &Account, name: &str) -> Result<Option<DraftImage>, DraftError> {
        Ok(self
            .conn
            .query_row(
                &format!("{IMAGE_SELECT} WHERE hub = ?1 AND exhibitor = ?2 AND name = ?3"),
                params![account.hub, account.exhibitor, name],
                read_image,
            )
            .optional()?)
    }

    /// A picture by the SHA-256 of its bytes, for the preview's image scheme.
    pub fn image_by_sha256(&self, sha256: &str) -> Result<Option<(String, Vec<u8>)>, DraftError> {
        Ok(self
            .conn
            .query_row(
                "SELECT mime, bytes FROM images WHERE sha256 = ?1 LIMIT 1",
                params![sha256],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Notes that the hub now has the picture `name`, under `hub_name`.
    pub fn mark_uploaded(
        &mut self,
        account: &Account,
        name: &str,
        hub_name: &str,
    ) -> Result<(), DraftError> {
        self.conn.execute(
            "UPDATE images SET hub_name = ?4 WHERE hub = ?1 AND exhibitor = ?2 AND name = ?3",
            params![account.hub, account.exhibitor, name, hub_name],
        )?;
        Ok(())
    }

    /// Keeps a submission until the hub takes it; answers its place in the queue.
    pub fn enqueue(
        &mut self,
        account: &Account,
        base_version: u64,
        edit: &ProfileEdit,
    ) -> Result<i64, DraftError> {
        let json = serde_json::to_string(edit)?;
        let id = self.conn.query_row(
            "INSERT INTO queue (hub, exhibitor, base_version, edit, queued)
             VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) RETURNING id",
            params![
                account.hub,
                account.exhibitor,
                i64::try_from(base_version).unwrap_or(i64::MAX),
                json
            ],
            |r| r.get(0),
        )?;
        Ok(id)
    }

    /// The account's waiting submissions, oldest first.
    pub fn queue(&self, account: &Account) -> Result<Vec<Queued>, DraftError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, base_version, edit, queued FROM queue
             WHERE hub = ?1 AND exhibitor = ?2 ORDER BY id",
        )?;
        let rows = stmt
            .query_map(params![account.hub, account.exhibitor], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(id, base, json, queued)| {
                Ok(Queued {
                    id,
                    base_version: u64::try_from(base).unwrap_or(0),
                    edit: serde_json::from_str(&json)?,
                    queued,
                })
            })
            .collect()
    }

    /// Removes a submission the hub took (or refused for good).
    pub fn dequeue(&mut self, account: &Account, id: i64) -> Result<(), DraftError> {
        self.conn.execute(
            "DELETE FROM queue WHERE hub = ?1 AND exhibitor = ?2 AND id = ?3",
            params![account.hub, account.exhibitor, id],
        )?;
        Ok(())
    }

    /// Keeps the submission statuses the hub last answered, as the hub's JSON (the hub's crate
    /// owns that type; the draft only has to give it back when the hub cannot be reached).
    pub fn set_statuses(&mut self, account: &Account, json: &str) -> Result<(), DraftError> {
        self.conn.execute(
            "UPDATE accounts SET statuses = ?3 WHERE hub = ?1 AND exhibitor = ?2",
            params![account.hub, account.exhibitor, json],
        )?;
        Ok(())
    }

    /// The statuses [`DraftStore::set_statuses`] kept.
    pub fn statuses(&self, account: &Account) -> Result<Option<String>, DraftError> {
        Ok(self
            .conn
            .query_row(
                "SELECT statuses FROM accounts WHERE hub = ?1 AND exhibitor = ?2",
                params![account.hub, account.exhibitor],
                |r| r.get(0),
            )
            .optional()?
            .flatten())
    }
}

impl HubBase {
    /// The organiser's record this edit is judged against: the fixed fields from the hub, the
    /// rest from the edit (what [`ProfileEdit::check`] and [`ProfileEdit::apply`] need).
    pub fn exhibitor(&self) -> Exhibitor {
        Exhibitor {
            id: self.fixed.id.clone(),
            country: self.fixed.country.clone(),
            pavilion: self.fixed.pavilion.clone(),
            booths: self.fixed.booths.clone(),
            categories: self.fixed.categories.clone(),
            ..Exhibitor::default()
        }
    }

    /// The profile a kiosk would show once `edit` is published: the edit in canonical form on
    /// the organiser's record, with pictures found by `image` (by the name the edit uses).
    /// Pavilion and categories are labelled by their slugs: the draft has no snapshot to name
    /// them, and booth places come with the published snapshot.
    pub fn preview(
        &self,
        edit: &ProfileEdit,
        image: impl Fn(&str) -> Option<ImageRef>,
    ) -> ExhibitorProfile {
        let (exhibitor, products) = edit.apply(&self.exhibitor());
        let label = |slug: &String| Label {
            slug: slug.clone(),
            name_en: slug.clone(),
            name_zh: slug.clone(),
        };
        ExhibitorProfile {
            id: exhibitor.id.clone(),
            name_en: exhibitor.name_en.clone(),
            name_zh: exhibitor.name_zh.clone(),
            country: exhibitor.country.clone(),
            pavilion: exhibitor.pavilion.clone(),
            booths: exhibitor.booths.clone(),
            categories: exhibitor.categories.clone(),
            website: exhibitor.website.clone(),
            description_en: exhibitor.description_en.clone(),
            description_zh: exhibitor.description_zh.clone(),
            contact: Contact {
                name_en: exhibitor.contact_name_en.clone(),
                name_zh: exhibitor.contact_name_zh.clone(),
                title_en: exhibitor.title_en.clone(),
                title_zh: exhibitor.title_zh.clone(),
                email: exhibitor.email.clone(),
                phone: exhibitor.phone.clone(),
            },
            products: products
                .iter()
                .map(|p| ProfileProduct {
                    name_en: p.name_en.clone(),
                    name_zh: p.name_zh.clone(),
                    description_en: p.description_en.clone(),
                    description_zh: p.description_zh.clone(),
                    image: p.image.as_deref().and_then(&image),
                })
                .collect(),
            logo: exhibitor.logo.as_deref().and_then(&image),
            labels: ProfileLabels {
                pavilion: exhibitor.pavilion.as_ref().map(label),
                categories: exhibitor.categories.iter().map(label).collect(),
                booths: Vec::new(),
            },
        }
    }
}

const IMAGE_SELECT: &str =
    "SELECT name, role, origin, sha256, mime, width, height, bytes, hub_name FROM images";

fn read_image(r: &rusqlite::Row<'_>) -> rusqlite::Result<DraftImage> {
    Ok(DraftImage {
        name: r.get(0)?,
        role: if r.get::<_, String>(1)? == "logo" {
            ImageRole::Logo
        } else {
            ImageRole::Product
        },
        origin: if r.get::<_, String>(2)? == "hub" {
            ImageOrigin::Hub
        } else {
            ImageOrigin::Disk
        },
        sha256: r.get(3)?,
        mime: r.get(4)?,
        width: r.get(5)?,
        height: r.get(6)?,
        bytes: r.get(7)?,
        hub_name: r.get(8)?,
    })
}

fn role_str(role: ImageRole) -> &'static str {
    match role {
        ImageRole::Logo => "logo",
        ImageRole::Product => "product",
    }
}

/// Refuses a file that does not start like a SQLite database, before SQLite sees it.
fn check_header(path: &Path) -> Result<(), DraftError> {
    use std::io::Read;
    let mut head = Vec::with_capacity(16);
    std::fs::File::open(path)
        .and_then(|f| f.take(16).read_to_end(&mut head))
        .map_err(|e| DraftError::Open {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
    if head.is_empty() {
        // An empty file is what a crash during the very first open can leave: SQLite starts it.
        return Ok(());
    }
    if head != SQLITE_HEADER {
        return Err(DraftError::Foreign {
            path: path.to_path_buf(),
            what: "not a SQLite database".to_owned(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::ProductEdit;

    fn account() -> Account {
        Account {
            hub: "http://127.0.0.1:8787".into(),
            exhibitor: "E0001".into(),
        }
    }

    fn edit(description: &str) -> ProfileEdit {
        ProfileEdit {
            name_en: "Acme".into(),
            description_en: Some(description.into()),
            products: vec![ProductEdit {
                name_en: "Rice".into(),
                ..ProductEdit::default()
            }],
            ..ProfileEdit::default()
        }
    }

    #[test]
    fn the_preview_shows_the_edit_on_the_organisers_record_with_the_drafts_pictures() {
        let base = HubBase {
            version: 4,
            profile: edit("old"),
            fixed: FixedFields {
                id: "E0001".into(),
                country: Some("TH".into()),
                pavilion: Some("thailand".into()),
                booths: vec!["N1-A01".into()],
                categories: vec!["food".into()],
            },
            fair_id: "wcf".into(),
            fair_name_en: "Fair".into(),
            fair_name_zh: "展".into(),
        };
        let mut new = edit("  <b>new</b>  ");
        new.logo = Some("ab.png".into());
        let profile = base.preview(&new, |name| {
            (name == "ab.png").then(|| ImageRef {
                sha256: "ab".into(),
                width: 5,
                height: 6,
            })
        });
        assert_eq!(profile.id, "E0001");
        assert_eq!(profile.booths, ["N1-A01"], "booths come from the organiser");
        assert_eq!(
            profile.description_en.as_deref(),
            Some("<b>new</b>"),
            "text in canonical form, markup kept as text"
        );
        assert_eq!(profile.logo.map(|l| l.sha256), Some("ab".to_owned()));
        assert_eq!(profile.products.len(), 1);
    }

    #[test]
    fn each_save_gets_the_next_revision_and_survives_reopening() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("sub/draft.sqlite");
        let mut store = DraftStore::open(&path).expect("a new draft opens");
        assert_eq!(store.save(&account(), &edit("one")).expect("saved"), 1);
        assert_eq!(store.save(&account(), &edit("two")).expect("saved"), 2);
        drop(store);
        let store = DraftStore::open(&path).expect("the draft opens again");
        let draft = store.draft(&account()).expect("readable").expect("a draft");
        assert_eq!(draft.revision, 2);
        assert_eq!(draft.edit, edit("two"), "the last save is what is kept");
    }

    #[test]
    fn drafts_of_two_exhibitors_never_mix() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut store = DraftStore::open(&dir.path().join("d.sqlite")).expect("opens");
        let other = Account {
            exhibitor: "E0002".into(),
            ..account()
        };
        store.save(&account(), &edit("mine")).expect("saved");
        assert_eq!(store.draft(&other).expect("readable"), None);
        store.save(&other, &edit("theirs")).expect("saved");
        let mine = store.draft(&account()).expect("readable").expect("a draft");
        assert_eq!(mine.edit, edit("mine"));
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, b"my notes, not a database at all").expect("written");
        let error = DraftStore::open(&path).expect_err("a text file is no draft");
        assert!(matches!(error, DraftError::Foreign { .. }), "{error}");
        assert!(error.to_string().contains("not a Fairway draft"), "{error}");
        assert_eq!(
            std::fs::read(&path).expect("still there"),
            b"my notes, not a database at all",
            "the file must not be touched"
        );
    }

    #[test]
    fn another_programs_database_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("other.sqlite");
        let conn = Connection::open(&path).expect("a database");
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .expect("written");
        drop(conn);
        let before = std::fs::read(&path).expect("readable");
        let error = DraftStore::open(&path).expect_err("another database is no draft");
        assert!(matches!(error, DraftError::Foreign { .. }), "{error}");
        assert_eq!(std::fs::read(&path).expect("still there"), before);
    }

    #[test]
    fn a_damaged_draft_is_refused_with_a_clear_message_and_kept() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("d.sqlite");
        let mut store = DraftStore::open(&path).expect("opens");
        for i in 0..50 {
            store
                .save(&account(), &edit(&"x".repeat(500 + i)))
                .expect("saved");
        }
        store
            .conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .expect("checkpoint");
        drop(store);
        let mut bytes = std::fs::read(&path).expect("readable");
        // Scribble over the second page onward, keeping the header: a damaged disk, not a foreign file.
        for b in bytes.iter_mut().skip(4096).take(4096) {
            *b = 0xA5;
        }
        std::fs::write(&path, &bytes).expect("written");
        let error = DraftStore::open(&path).expect_err("a damaged file is refused");
        assert!(
            matches!(error, DraftError::Damaged { .. }),
            "expected a damaged-file error, got {error}"
        );
        assert_eq!(
            std::fs::read(&path).expect("still there"),
            bytes,
            "never deleted"
        );
    }

    #[test]
    fn sessions_images_queue_and_statuses_are_kept_per_account() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("d.sqlite");
        let mut store = DraftStore::open(&path).expect("opens");
        let session = Session {
            token: "t0k".into(),
            expires: "2030-01-01T00:00:00Z".into(),
        };
        store.sign_in(&account(), &session).expect("signed in");
        let image = DraftImage {
            name: "ab.png".into(),
            role: ImageRole::Logo,
            origin: ImageOrigin::Disk,
            sha256: "ab".into(),
            mime: "image/png".into(),
            width: 10,
            height: 20,
            bytes: vec![1, 2, 3],
            hub_name: None,
        };
        store.put_image(&account(), &image).expect("kept");
        store
            .mark_uploaded(&account(), "ab.png", "cd.png")
            .expect("marked");
        let id = store
            .enqueue(&account(), 3, &edit("queued"))
            .expect("queued");
        store.set_statuses(&account(), "[]").expect("kept");
        drop(store);

        let mut store = DraftStore::open(&path).expect("opens again");
        let (last, kept) = store.last_account().expect("readable").expect("an account");
        assert_eq!(last, account());
        assert_eq!(kept, Some(session));
        let back = store.image(&account(), "ab.png").expect("readable");
        assert_eq!(
            back.map(|i| (i.hub_name, i.bytes)),
            Some((Some("cd.png".to_owned()), vec![1, 2, 3]))
        );
        assert_eq!(
            store.image_by_sha256("ab").expect("readable").map(|i| i.0),
            Some("image/png".to_owned())
        );
        let queue = store.queue(&account()).expect("readable");
        assert_eq!(queue.len(), 1);
        assert_eq!(
            (queue[0].base_version, &queue[0].edit),
            (3, &edit("queued"))
        );
        store.dequeue(&account(), id).expect("dequeued");
        assert!(store.queue(&account()).expect("readable").is_empty());
        assert_eq!(
            store.statuses(&account()).expect("readable").as_deref(),
            Some("[]")
        );
        store.sign_out(&account()).expect("signed out");
        assert_eq!(store.session(&account()).expect("readable"), None);
    }
}
