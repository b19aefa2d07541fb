//! The snapshot writer: the rows of every core table from a [`FairSource`], inside the build's
//! one transaction. Images are already re-encoded; this module only stores them and points
//! rows at their addresses.

use std::collections::HashMap;

use rusqlite::{Transaction, params};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::dto::Meta;
use crate::media::{Asset, ImageRole};
use crate::model::{Exhibitor, FairSource};

/// Which stored asset an image file became in a given role (a file used as a logo and as a
/// product picture becomes two assets).
pub type ImageAddresses = HashMap<(String, ImageRole), String>;

/// The key exhibitor lists sort by: the English name folded to lower case without diacritics,
/// so "École Ltd" sorts with "ecole", and the order does not depend on the kiosk's locale.
pub fn sort_key(name: &str) -> String {
    name.trim()
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Stores re-encoded images; the same bytes are stored once.
pub fn write_assets<'a>(
    tx: &Transaction<'_>,
    assets: impl IntoIterator<Item = &'a Asset>,
) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare(
        "INSERT OR IGNORE INTO assets (sha256, mime, width, height, bytes)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for asset in assets {
        stmt.execute(params![
            asset.sha256,
            asset.mime,
            asset.width,
            asset.height,
            asset.bytes
        ])?;
    }
    Ok(())
}

/// Writes the `meta` rows.
pub fn write_meta(tx: &Transaction<'_>, meta: &Meta) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
    let sequence = meta.sequence.to_string();
    for (key, value) in [
        ("fair_id", meta.fair_id.as_str()),
        ("sequence", sequence.as_str()),
        ("created", meta.created.as_str()),
        ("source_hash", meta.source_hash.as_str()),
        ("generator", meta.generator.as_str()),
    ] {
        stmt.execute([key, value])?;
    }
    Ok(())
}

/// Writes every core table but `assets` and `meta`. References between tables are checked by
/// SQLite at commit (foreign keys are deferred), so rows can go in the source's order.
pub fn write_source(
    tx: &Transaction<'_>,
    source: &FairSource,
    images: &ImageAddresses,
) -> rusqlite::Result<()> {
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    let image = |name: &Option<String>, role: ImageRole| -> Option<&str> {
        name.as_ref()
            .and_then(|n| images.get(&(n.clone(), role)))
            .map(String::as_str)
    };

    let f = &source.fair;
    tx.execute(
        "INSERT INTO fair (id, name_en, name_zh, venue_en, venue_zh, starts_on, ends_on,
                           timezone, default_language)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            f.id,
            f.name_en,
            f.name_zh,
            f.venue_en,
            f.venue_zh,
            f.starts_on,
            f.ends_on,
            f.timezone,
            f.default_language.as_str()
        ],
    )?;

    let mut stmt = tx.prepare(
        "INSERT INTO halls (code, ord, name_en, name_zh, level, width_m, depth_m, x_m, y_m)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (ord, h) in source.halls.iter().enumerate() {
        stmt.execute(params![
            h.code,
            ord_of(ord),
            h.name_en,
            h.name_zh,
            h.level,
            h.width_m,
            h.depth_m,
            h.x_m,
            h.y_m
        ])?;
    }

    let mut stmt = tx.prepare(
        "INSERT INTO pavilions (slug, ord, kind, name_en, name_zh, country, hall, color,
                                description_en, description_zh, logo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (ord, p) in source.pavilions.iter().enumerate() {
        stmt.execute(params![
            p.slug,
            ord_of(ord),
            p.kind.as_str(),
            p.name_en,
            p.name_zh,
            p.country,
            p.hall,
            p.color,
            p.description_en,
            p.description_zh,
            image(&p.logo, ImageRole::Logo)
        ])?;
    }

    let mut stmt = tx.prepare(
        "INSERT INTO categories (slug, ord, name_en, name_zh, parent)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (ord, c) in source.categories.iter().enumerate() {
        stmt.execute(params![c.slug, ord_of(ord), c.name_en, c.name_zh, c.parent])?;
    }

    let mut stmt = tx.prepare(
        "INSERT INTO booths (code, hall, x_m, y_m, width_m, depth_m, pavilion)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for b in &source.booths {
        stmt.execute(params![
            b.code, b.hall, b.x_m, b.y_m, b.width_m, b.depth_m, b.pavilion
        ])?;
    }

    let mut exhibitor = tx.prepare(
        "INSERT INTO exhibitors (rowid, id, name_en, name_zh, sort_key, country, pavilion,
                                 website, email, phone, contact_name_en, contact_name_zh,
                                 title_en, title_zh, description_en, description_zh, logo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?;
    let mut booth = tx.prepare(
        "INSERT OR IGNORE INTO exhibitor_booths (exhibitor, booth, ord) VALUES (?1, ?2, ?3)",
    )?;
    let mut category = tx.prepare(
        "INSERT OR IGNORE INTO exhibitor_categories (exhibitor, category) VALUES (?1, ?2)",
    )?;
    // Rowids follow the alphabetical order (sort key, then id), so any list of rowids, such as
    // the exhibitors of a category or a hall read from an index, is already in display order.
    let mut sorted: Vec<(String, &Exhibitor)> = source
        .exhibitors
        .iter()
        .map(|e| (sort_key(&e.name_en), e))
        .collect();
    sorted.sort_by(|(a, ea), (b, eb)| a.cmp(b).then_with(|| ea.id.cmp(&eb.id)));
    let mut rowids: HashMap<&str, i64> = HashMap::with_capacity(source.exhibitors.len());
    for (i, (key, e)) in sorted.iter().enumerate() {
        let rowid = ord_of(i) + 1;
        rowids.insert(e.id.as_str(), rowid);
        exhibitor.execute(params![
            rowid,
            e.id,
            e.name_en,
            e.name_zh,
            key,
            e.country,
            e.pavilion,
            e.website,
            e.email,
            e.phone,
            e.contact_name_en,
            e.contact_name_zh,
            e.title_en,
            e.title_zh,
            e.description_en,
            e.description_zh,
            image(&e.logo, ImageRole::Logo)
        ])?;
        for (ord, code) in e.booths.iter().enumerate() {
            booth.execute(params![rowid, code, ord_of(ord)])?;
        }
        for slug in &e.categories {
            category.execute(params![rowid, slug])?;
        }
    }

    let mut stmt = tx.prepare(
        "INSERT INTO products (exhibitor, ord, name_en, name_zh, description_en,
                               description_zh, image)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut ords: HashMap<i64, i64> = HashMap::new();
    for p in &source.products {
        // An unknown exhibitor id stores rowid 0, which the deferred foreign key refuses.
        let owner = rowids.get(p.exhibitor.as_str()).copied().unwrap_or(0);
        let ord = ords.entry(owner).or_insert(0);
        stmt.execute(params![
            owner,
            *ord,
            p.name_en,
            p.name_zh,
            p.description_en,
            p.description_zh,
            image(&p.image, ImageRole::Product)
        ])?;
        *ord += 1;
    }

    let mut stmt = tx.prepare(
        "INSERT INTO connectors (from_hall, from_x_m, from_y_m, to_hall, to_x_m, to_y_m, kind,
                                 step_free)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for c in &source.connectors {
        stmt.execute(params![
            c.from_hall,
            c.from_x_m,
            c.from_y_m,
            c.to_hall,
            c.to_x_m,
            c.to_y_m,
            c.kind.as_str(),
            c.step_free
        ])?;
    }

    let mut stmt = tx.prepare(
        "INSERT INTO kiosks (id, hall, x_m, y_m, label_en, label_zh)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for k in &source.kiosks {
        stmt.execute(params![k.id, k.hall, k.x_m, k.y_m, k.label_en, k.label_zh])?;
    }

    // Counted once here rather than on every visit to the categories or pavilions screen.
    // A parent counts the distinct exhibitors of itself and its children.
    tx.execute_batch(
        "UPDATE categories SET exhibitor_count =
            (SELECT count(DISTINCT ec.exhibitor) FROM exhibitor_categories ec
             WHERE ec.category = categories.slug
                OR ec.category IN (SELECT k.slug FROM categories k
                                   WHERE k.parent = categories.slug));
         UPDATE pavilions SET exhibitor_count =
            (SELECT count(*) FROM exhibitors e WHERE e.pavilion = pavilions.slug);",
    )?;
    Ok(())
}

/// A position in a source file as an SQLite integer.
fn ord_of(i: usize) -> i64 {
    i64::try_from(i).unwrap_or(i64::MAX - 1)
}

#[cfg(test)]
mod tests {
    use super::sort_key;

    #[test]
    fn sort_key_folds_case_and_diacritics() {
        assert_eq!(sort_key("  École Nationale "), "ecole nationale");
        assert_eq!(sort_key("ÅNGSTRÖM Co"), "angstrom co");
        assert_eq!(
            sort_key("重庆长安"),
            "重庆长安",
            "Chinese text is left as it is"
        );
    }
}
