//! The read-only snapshot reader: one connection opened so that nothing can be written through
//! it, and one typed, indexed query per thing a kiosk screen shows.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, params};

use super::dto::{
    AssetBlob, Booth, BoothPlace, CategoryNode, Connector, Contact, Counts, ExhibitorFilter,
    ExhibitorProfile, ExhibitorSummary, Fair, FairName, Hall, HallMap, ImageRef, Info, Kiosk,
    Label, MapConnector, Meta, Pavilion, PavilionTint, Product, ProfileLabels,
};
use super::schema::{self, SCHEMA_VERSION};

/// Why a snapshot cannot be opened or read. One line, naming the file where it applies.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: not a Fairway snapshot ({reason})")]
    NotASnapshot { path: PathBuf, reason: String },
    #[error(
        "{path}: snapshot schema version {found} is newer than this fairway knows ({known}); update fairway"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path}: snapshot schema version {found} is older than this fairway reads ({known}); rebuild the snapshot"
    )]
    OlderSchema {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("snapshot query failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// An open, read-only snapshot.
#[derive(Debug)]
pub struct Snapshot {
    path: PathBuf,
    conn: Connection,
    meta: Meta,
    /// Routing data, loaded on the first route and kept for the life of the snapshot.
    venue: OnceLock<crate::route::Venue>,
}

impl Snapshot {
    /// Opens a snapshot read-only. Refuses files that are not snapshots and snapshots whose
    /// schema this binary does not read.
    pub fn open(path: &Path) -> Result<Snapshot, SnapshotError> {
        if !path.is_file() {
            return Err(SnapshotError::NotFound {
                path: path.to_path_buf(),
            });
        }
        let not_a_snapshot = |reason: String| SnapshotError::NotASnapshot {
            path: path.to_path_buf(),
            reason,
        };
        let conn = open_read_only(path).map_err(|e| not_a_snapshot(e.to_string()))?;
        let version = schema::version(&conn).map_err(|e| not_a_snapshot(e.to_string()))?;
        if version == 0 {
            return Err(not_a_snapshot("no schema version".to_owned()));
        }
        if version > SCHEMA_VERSION {
            return Err(SnapshotError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if version < SCHEMA_VERSION {
            return Err(SnapshotError::OlderSchema {
                path: path.to_path_buf(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        let meta = read_meta(&conn).map_err(|e| not_a_snapshot(format!("meta table: {e}")))?;
        Ok(Snapshot {
            path: path.to_path_buf(),
            conn,
            meta,
            venue: OnceLock::new(),
        })
    }

    /// The underlying connection, read-only (`query_only`, opened with `SQLITE_OPEN_READ_ONLY`).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The `meta` table, read once at open.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// `fairway info --json`.
    pub fn info(&self) -> Result<Info, SnapshotError> {
        let fair = self.fair()?;
        Ok(Info {
            fair: FairName {
                id: fair.id,
                name_en: fair.name_en,
                name_zh: fair.name_zh,
            },
            sequence: self.meta.sequence,
            counts: counts(&self.conn)?,
        })
    }

    pub fn fair(&self) -> Result<Fair, SnapshotError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name_en, name_zh, venue_en, venue_zh, starts_on, ends_on, timezone,
                    default_language
             FROM fair LIMIT 1",
        )?;
        Ok(stmt.query_row([], |r| {
            Ok(Fair {
                id: r.get(0)?,
                name_en: r.get(1)?,
                name_zh: r.get(2)?,
                venue_en: r.get(3)?,
                venue_zh: r.get(4)?,
                starts_on: r.get(5)?,
                ends_on: r.get(6)?,
                timezone: r.get(7)?,
                default_language: r.get(8)?,
            })
        })?)
    }

    /// Every hall, in the source's order.
    pub fn halls(&self) -> Result<Vec<Hall>, SnapshotError> {
        Ok(read_halls(&self.conn)?)
    }

    /// Every pavilion, in the source's order, with its exhibitor count.
    pub fn pavilions(&self) -> Result<Vec<Pavilion>, SnapshotError> {
        let sql = format!("{PAVILION_SELECT} ORDER BY p.ord");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], pavilion_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn pavilion(&self, slug: &str) -> Result<Option<Pavilion>, SnapshotError> {
        let sql = format!("{PAVILION_SELECT} WHERE p.slug = ?1");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        Ok(stmt.query_row([slug], pavilion_from_row).optional()?)
    }

    /// The category tree: top-level categories in the source's order, each with its children.
    pub fn categories(&self) -> Result<Vec<CategoryNode>, SnapshotError> {
        // The counts were computed by the build: a parent counts the distinct exhibitors of
        // itself and its children, so one listed under two children is counted once.
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.slug, c.name_en, c.name_zh, c.parent, c.exhibitor_count
             FROM categories c ORDER BY c.ord",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    CategoryNode {
                        slug: r.get(0)?,
                        name_en: r.get(1)?,
                        name_zh: r.get(2)?,
                        exhibitors: count_at(r, 4)?,
                        children: Vec::new(),
                    },
                    r.get::<_, Option<String>>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut tree: Vec<CategoryNode> = Vec::new();
        let mut orphans = Vec::new();
        for (node, parent) in rows {
            match parent {
                None => tree.push(node),
                Some(parent) => orphans.push((node, parent)),
            }
        }
        for (node, parent) in orphans {
            match tree.iter_mut().find(|p| p.slug == parent) {
                Some(p) => p.children.push(node),
                // A child of a child: the importer keeps the tree at two levels, but a list
                // that drops a category would be worse than one shown at the top.
                None => tree.push(node),
            }
        }
        Ok(tree)
    }

    /// Exhibitors matching `filter`, alphabetically by English name.
    pub fn exhibitors(
        &self,
        filter: &ExhibitorFilter,
    ) -> Result<Vec<ExhibitorSummary>, SnapshotError> {
        let mut sql = String::from(
            "SELECT e.id, e.name_en, e.name_zh,
                    (SELECT json_group_array(eb.booth ORDER BY eb.ord)
                     FROM exhibitor_booths eb WHERE eb.exhibitor = e.rowid),
                    e.pavilion, e.country, e.logo, a.width, a.height
             FROM exhibitors e LEFT JOIN assets a ON a.sha256 = e.logo
             WHERE 1",
        );
        let args = filter_conditions(filter, &mut sql);
        let limit = filter
            .limit
            .map_or(-1, |l| i64::try_from(l).unwrap_or(i64::MAX));
        let offset = i64::try_from(filter.offset).unwrap_or(i64::MAX);
        // Rowids are assigned in alphabetical order, so both orders below are the same; each
        // lets SQLite read the filter's own index in order instead of sorting the matches.
        let order = if filter.category.is_some() || filter.hall.is_some() {
            "e.rowid"
        } else {
            "e.sort_key, e.rowid"
        };
        sql.push_str(&format!(" ORDER BY {order} LIMIT {limit} OFFSET {offset}"));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok(ExhibitorSummary {
                id: r.get(0)?,
                name_en: r.get(1)?,
                name_zh: r.get(2)?,
                booths: json_list(r, 3)?,
                pavilion: r.get(4)?,
                country: r.get(5)?,
                logo: image_ref(r, 6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The whole profile of one exhibitor, `None` when the id is unknown.
    pub fn exhibitor(&self, id: &str) -> Result<Option<ExhibitorProfile>, SnapshotError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.rowid, e.id, e.name_en, e.name_zh, e.country, e.pavilion, e.website,
                    e.description_en, e.description_zh, e.contact_name_en, e.contact_name_zh,
                    e.title_en, e.title_zh, e.email, e.phone, e.logo, a.width, a.height,
                    p.name_en, p.name_zh
             FROM exhibitors e
             LEFT JOIN assets a ON a.sha256 = e.logo
             LEFT JOIN pavilions p ON p.slug = e.pavilion
             WHERE e.id = ?1",
        )?;
        let found = stmt
            .query_row([id], |r| {
                let pavilion: Option<String> = r.get(5)?;
                let pavilion_label = match &pavilion {
                    Some(slug) => Some(Label {
                        slug: slug.clone(),
                        name_en: r.get(18)?,
                        name_zh: r.get(19)?,
                    }),
                    None => None,
                };
                let profile = ExhibitorProfile {
                    id: r.get(1)?,
                    name_en: r.get(2)?,
                    name_zh: r.get(3)?,
                    country: r.get(4)?,
                    pavilion,
                    booths: Vec::new(),
                    categories: Vec::new(),
                    website: r.get(6)?,
                    description_en: r.get(7)?,
                    description_zh: r.get(8)?,
                    contact: Contact {
                        name_en: r.get(9)?,
                        name_zh: r.get(10)?,
                        title_en: r.get(11)?,
                        title_zh: r.get(12)?,
                        email: r.get(13)?,
                        phone: r.get(14)?,
                    },
                    products: Vec::new(),
                    logo: image_ref(r, 15)?,
                    labels: ProfileLabels {
                        pavilion: pavilion_label,
                        categories: Vec::new(),
                        booths: Vec::new(),
                    },
                };
                Ok((r.get::<_, i64>(0)?, profile))
            })
            .optional()?;
        let Some((rowid, mut profile)) = found else {
            return Ok(None);
        };

        let mut stmt = self.conn.prepare_cached(
            "SELECT b.code, b.hall, h.name_en, h.name_zh, b.x_m, b.y_m, b.width_m, b.depth_m
             FROM exhibitor_booths eb
             JOIN booths b ON b.code = eb.booth
             JOIN halls h ON h.code = b.hall
             WHERE eb.exhibitor = ?1 ORDER BY eb.ord",
        )?;
        profile.labels.booths = stmt
            .query_map([rowid], |r| {
                Ok(BoothPlace {
                    code: r.get(0)?,
                    hall: r.get(1)?,
                    hall_name_en: r.get(2)?,
                    hall_name_zh: r.get(3)?,
                    x_m: r.get(4)?,
                    y_m: r.get(5)?,
                    width_m: r.get(6)?,
                    depth_m: r.get(7)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        profile.booths = profile
            .labels
            .booths
            .iter()
            .map(|b| b.code.clone())
            .collect();

        let mut stmt = self.conn.prepare_cached(
            "SELECT c.slug, c.name_en, c.name_zh
             FROM exhibitor_categories ec JOIN categories c ON c.slug = ec.category
             WHERE ec.exhibitor = ?1 ORDER BY c.ord",
        )?;
        profile.labels.categories = stmt
            .query_map([rowid], |r| {
                Ok(Label {
                    slug: r.get(0)?,
                    name_en: r.get(1)?,
                    name_zh: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        profile.categories = profile
            .labels
            .categories
            .iter()
            .map(|c| c.slug.clone())
            .collect();

        let mut stmt = self.conn.prepare_cached(
            "SELECT p.name_en, p.name_zh, p.description_en, p.description_zh, p.image,
                    a.width, a.height
             FROM products p LEFT JOIN assets a ON a.sha256 = p.image
             WHERE p.exhibitor = ?1 ORDER BY p.ord",
        )?;
        profile.products = stmt
            .query_map([rowid], |r| {
                Ok(Product {
                    name_en: r.get(0)?,
                    name_zh: r.get(1)?,
                    description_en: r.get(2)?,
                    description_zh: r.get(3)?,
                    image: image_ref(r, 4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(profile))
    }

    /// The booths of one hall with the exhibitors in each, for its floor map.
    pub fn booths_in_hall(&self, hall: &str) -> Result<Vec<Booth>, SnapshotError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.code, b.hall, b.x_m, b.y_m, b.width_m, b.depth_m, b.pavilion,
                    (SELECT json_group_array(e.id ORDER BY eb.exhibitor)
                     FROM exhibitor_booths eb JOIN exhibitors e ON e.rowid = eb.exhibitor
                     WHERE eb.booth = b.code)
             FROM booths b WHERE b.hall = ?1 ORDER BY b.code",
        )?;
        let rows = stmt.query_map([hall], |r| {
            Ok(Booth {
                code: r.get(0)?,
                hall: r.get(1)?,
                x_m: r.get(2)?,
                y_m: r.get(3)?,
                width_m: r.get(4)?,
                depth_m: r.get(5)?,
                pavilion: r.get(6)?,
                exhibitors: json_list(r, 7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One hall's floor map, `None` when the hall is unknown.
    pub fn hall_map(&self, code: &str) -> Result<Option<HallMap>, SnapshotError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, name_en, name_zh, level, width_m, depth_m, x_m, y_m
             FROM halls WHERE code = ?1",
        )?;
        let hall = stmt
            .query_row([code], |r| {
                Ok(Hall {
                    code: r.get(0)?,
                    name_en: r.get(1)?,
                    name_zh: r.get(2)?,
                    level: r.get(3)?,
                    width_m: r.get(4)?,
                    depth_m: r.get(5)?,
                    x_m: r.get(6)?,
                    y_m: r.get(7)?,
                })
            })
            .optional()?;
        let Some(hall) = hall else {
            return Ok(None);
        };
        let booths = self.booths_in_hall(code)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.slug, p.name_en, p.name_zh, p.color FROM pavilions p
             WHERE p.slug IN (SELECT b.pavilion FROM booths b WHERE b.hall = ?1)
             ORDER BY p.ord",
        )?;
        let pavilions = stmt
            .query_map([code], |r| {
                Ok(PavilionTint {
                    slug: r.get(0)?,
                    name_en: r.get(1)?,
                    name_zh: r.get(2)?,
                    color: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.kind, c.step_free, c.from_x_m, c.from_y_m, c.to_hall, h.level, c.rowid, 0
             FROM connectors c JOIN halls h ON h.code = c.to_hall WHERE c.from_hall = ?1
             UNION ALL
             SELECT c.kind, c.step_free, c.to_x_m, c.to_y_m, c.from_hall, h.level, c.rowid, 1
             FROM connectors c JOIN halls h ON h.code = c.from_hall WHERE c.to_hall = ?1
             ORDER BY 7, 8",
        )?;
        let connectors = stmt
            .query_map([code], |r| {
                Ok(MapConnector {
                    kind: r.get(0)?,
                    step_free: r.get(1)?,
                    x_m: r.get(2)?,
                    y_m: r.get(3)?,
                    to_hall: r.get(4)?,
                    to_level: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let kiosks = self
            .kiosks()?
            .into_iter()
            .filter(|k| k.hall == code)
            .collect();
        Ok(Some(HallMap {
            hall,
            booths,
            pavilions,
            connectors,
            kiosks,
        }))
    }

    /// Every kiosk, by id.
    pub fn kiosks(&self) -> Result<Vec<Kiosk>, SnapshotError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, hall, x_m, y_m, label_en, label_zh FROM kiosks ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Kiosk {
                id: r.get(0)?,
                hall: r.get(1)?,
                x_m: r.get(2)?,
                y_m: r.get(3)?,
                label_en: r.get(4)?,
                label_zh: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every connector, in the source's order.
    pub fn connectors(&self) -> Result<Vec<Connector>, SnapshotError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT from_hall, from_x_m, from_y_m, to_hall, to_x_m, to_y_m, kind, step_free
             FROM connectors ORDER BY rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Connector {
                from_hall: r.get(0)?,
                from_x_m: r.get(1)?,
                from_y_m: r.get(2)?,
                to_hall: r.get(3)?,
                to_x_m: r.get(4)?,
                to_y_m: r.get(5)?,
                kind: r.get(6)?,
                step_free: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// An image's bytes by its SHA-256, `None` when the snapshot has no such image.
    pub fn asset(&self, sha256: &str) -> Result<Option<AssetBlob>, SnapshotError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT mime, bytes FROM assets WHERE sha256 = ?1")?;
        Ok(stmt
            .query_row([sha256], |r| {
                Ok(AssetBlob {
                    mime: r.get(0)?,
                    bytes: r.get(1)?,
                })
            })
            .optional()?)
    }

    /// The routing data of this snapshot, loaded once (see [`crate::route`]).
    pub fn venue(&self) -> Result<&crate::route::Venue, crate::route::RouteError> {
        if let Some(venue) = self.venue.get() {
            return Ok(venue);
        }
        let venue = crate::route::Venue::load(self)?;
        Ok(self.venue.get_or_init(|| venue))
    }

    /// A walking route from a kiosk id or a booth code to a booth code; see [`crate::route`].
    pub fn route(
        &self,
        from: &str,
        to: &str,
        step_free: bool,
    ) -> Result<crate::route::Route, crate::route::RouteError> {
        self.venue()?.route(from, to, step_free)
    }

    /// Bilingual search; see [`crate::search`].
    pub fn search(
        &self,
        query: &crate::search::SearchQuery,
    ) -> Result<Vec<crate::search::SearchHit>, SnapshotError> {
        Ok(crate::search::search(&self.conn, query)?)
    }
}

/// Every hall of the database on `conn`, in the source's order: the reader's and the router's
/// one hall query (the router also runs on the build's scratch database).
pub(crate) fn read_halls(conn: &Connection) -> rusqlite::Result<Vec<Hall>> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, name_en, name_zh, level, width_m, depth_m, x_m, y_m
         FROM halls ORDER BY ord",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Hall {
            code: r.get(0)?,
            name_en: r.get(1)?,
            name_zh: r.get(2)?,
            level: r.get(3)?,
            width_m: r.get(4)?,
            depth_m: r.get(5)?,
            x_m: r.get(6)?,
            y_m: r.get(7)?,
        })
    })?;
    rows.collect()
}

/// Opens `path` read-only. `immutable=1` tells SQLite the file cannot change while open, which
/// holds for snapshots (installs write new files, never over an open one) and spares the lock
/// and change checks; `query_only` also refuses writes to temporary objects.
pub(crate) fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let uri = format!("{}?immutable=1", file_uri(path));
    let conn = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    schema::configure_reader(&conn)?;
    Ok(conn)
}

/// A `file:` URI for `path`, escaping the characters a URI gives meaning to.
fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut uri = String::from("file:");
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            '\\' if cfg!(windows) => uri.push('/'),
            c => uri.push(c),
        }
    }
    uri
}

pub(crate) fn read_meta(conn: &Connection) -> rusqlite::Result<Meta> {
    let mut stmt = conn.prepare("SELECT value FROM meta WHERE key = ?1")?;
    let mut get = |key: &str| -> rusqlite::Result<String> { stmt.query_row([key], |r| r.get(0)) };
    let sequence = get("sequence")?;
    Ok(Meta {
        fair_id: get("fair_id")?,
        sequence: sequence.parse().map_err(|_| {
            rusqlite::Error::InvalidColumnType(
                0,
                "sequence".to_owned(),
                rusqlite::types::Type::Text,
            )
        })?,
        created: get("created")?,
        source_hash: get("source_hash")?,
        generator: get("generator")?,
    })
}

pub(crate) fn counts(conn: &Connection) -> rusqlite::Result<Counts> {
    let count = |table: &str| -> rusqlite::Result<u64> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| {
            count_at(r, 0)
        })
    };
    Ok(Counts {
        halls: count("halls")?,
        pavilions: count("pavilions")?,
        categories: count("categories")?,
        booths: count("booths")?,
        exhibitors: count("exhibitors")?,
        products: count("products")?,
        kiosks: count("kiosks")?,
        connectors: count("connectors")?,
        assets: count("assets")?,
    })
}

const PAVILION_SELECT: &str = "SELECT p.slug, p.kind, p.name_en, p.name_zh, p.country, p.hall,
        p.color, p.description_en, p.description_zh, p.logo, a.width, a.height,
        p.exhibitor_count
     FROM pavilions p LEFT JOIN assets a ON a.sha256 = p.logo";

fn pavilion_from_row(r: &Row<'_>) -> rusqlite::Result<Pavilion> {
    Ok(Pavilion {
        slug: r.get(0)?,
        kind: r.get(1)?,
        name_en: r.get(2)?,
        name_zh: r.get(3)?,
        country: r.get(4)?,
        hall: r.get(5)?,
        color: r.get(6)?,
        description_en: r.get(7)?,
        description_zh: r.get(8)?,
        logo: image_ref(r, 9)?,
        exhibitors: count_at(r, 12)?,
    })
}

/// An image reference from three columns: sha256, width, height (width/height from a LEFT JOIN).
fn image_ref(r: &Row<'_>, first: usize) -> rusqlite::Result<Option<ImageRef>> {
    let sha: Option<String> = r.get(first)?;
    let Some(sha256) = sha else {
        return Ok(None);
    };
    Ok(Some(ImageRef {
        sha256,
        width: r.get::<_, Option<u32>>(first + 1)?.unwrap_or(0),
        height: r.get::<_, Option<u32>>(first + 2)?.unwrap_or(0),
    }))
}

/// A JSON array of strings built by `json_group_array`; `NULL` (no rows) is an empty list.
fn json_list(r: &Row<'_>, idx: usize) -> rusqlite::Result<Vec<String>> {
    let text: Option<String> = r.get(idx)?;
    match text {
        None => Ok(Vec::new()),
        Some(text) => serde_json::from_str(&text).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
        }),
    }
}

/// A `count(*)` column as `u64` (SQLite integers are signed; counts never are).
fn count_at(r: &Row<'_>, idx: usize) -> rusqlite::Result<u64> {
    Ok(u64::try_from(r.get::<_, i64>(idx)?).unwrap_or(0))
}

/// Appends to `sql` (which ends in a `WHERE` clause over `exhibitors e`) one condition per filter
/// that is set, and returns the values to bind, in order. The one place the filter rules live:
/// a parent category matches its children's exhibitors; a hall matches any booth in it.
pub(crate) fn filter_conditions<'f>(filter: &'f ExhibitorFilter, sql: &mut String) -> Vec<&'f str> {
    let mut args: Vec<&str> = Vec::new();
    if let Some(pavilion) = &filter.pavilion {
        args.push(pavilion);
        sql.push_str(&format!(" AND e.pavilion = ?{}", args.len()));
    }
    if let Some(country) = &filter.country {
        args.push(country);
        sql.push_str(&format!(" AND e.country = ?{}", args.len()));
    }
    if let Some(category) = &filter.category {
        args.push(category);
        let n = args.len();
        sql.push_str(&format!(
            " AND e.rowid IN (SELECT ec.exhibitor FROM exhibitor_categories ec
                              WHERE ec.category = ?{n}
                                 OR ec.category IN (SELECT k.slug FROM categories k
                                                    WHERE k.parent = ?{n}))"
        ));
    }
    if let Some(hall) = &filter.hall {
        args.push(hall);
        sql.push_str(&format!(
            " AND e.rowid IN (SELECT eb.exhibitor FROM booths b
                              JOIN exhibitor_booths eb ON eb.booth = b.code
                              WHERE b.hall = ?{})",
            args.len()
        ));
    }
    args
}
