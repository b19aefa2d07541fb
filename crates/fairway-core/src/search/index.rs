//! Writes the search tables from the core tables (see the module header of `search`).

use std::collections::BTreeSet;

use rusqlite::{Connection, params};

use super::fold::{fold, is_han};
use super::reading::syllables;
use super::{SHORT_PREFIX, TermKind};

/// Chinese words longer than this get no suffix terms; names are far shorter, and the FTS
/// index still finds substrings of anything longer.
pub(super) const MAX_SUFFIX_WORD: usize = 40;

/// Shortest Latin word that goes into the typo table. Queries of five letters or more look
/// typos up, and a five-letter query with one extra letter matches a four-letter word.
pub(super) const MIN_TYPO_WORD: usize = 4;

struct Row {
    rowid: i64,
    name_en: String,
    name_zh: Option<String>,
    pavilion: Option<String>,
    description_en: Option<String>,
    description_zh: Option<String>,
}

pub(super) fn build(conn: &Connection) -> rusqlite::Result<()> {
    let rows: Vec<Row> = conn
        .prepare(
            "SELECT rowid, name_en, name_zh, pavilion, description_en, description_zh
             FROM exhibitors ORDER BY sort_key, id",
        )?
        .query_map([], |r| {
            Ok(Row {
                rowid: r.get(0)?,
                name_en: r.get(1)?,
                name_zh: r.get(2)?,
                pavilion: r.get(3)?,
                description_en: r.get(4)?,
                description_zh: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut booths_of = conn.prepare(
        "SELECT b.booth, p.name_en, p.name_zh
         FROM exhibitor_booths b
         LEFT JOIN booths bo ON bo.code = b.booth
         LEFT JOIN pavilions p ON p.slug = bo.pavilion
         WHERE b.exhibitor = ?1 ORDER BY b.ord",
    )?;
    // A category's parents count too: an exhibitor in "CNC machines" is found by "machinery".
    let mut categories_of = conn.prepare(
        "WITH RECURSIVE up(slug) AS (
             SELECT category FROM exhibitor_categories WHERE exhibitor = ?1
             UNION SELECT c.parent FROM categories c JOIN up ON c.slug = up.slug
             WHERE c.parent IS NOT NULL)
         SELECT c.name_en, c.name_zh FROM categories c JOIN up ON c.slug = up.slug",
    )?;
    let mut pavilion_names =
        conn.prepare("SELECT name_en, name_zh FROM pavilions WHERE slug = ?1")?;
    let mut products_of = conn.prepare(
        "SELECT name_en, name_zh, description_en, description_zh
         FROM products WHERE exhibitor = ?1 ORDER BY ord",
    )?;

    let mut insert_doc = conn.prepare(
        "INSERT INTO search_docs (rank, exhibitor, name, name_zh, pinyin, initials, booths)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut insert_fts = conn.prepare(
        "INSERT INTO search_fts (rowid, name, pinyin, booths, other) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut insert_term =
        conn.prepare("INSERT OR IGNORE INTO search_terms (term, kind, rank) VALUES (?1, ?2, ?3)")?;
    let mut insert_short = conn
        .prepare("INSERT OR IGNORE INTO search_short (prefix, tier, rank) VALUES (?1, ?2, ?3)")?;

    let mut typo_words = BTreeSet::new();
    for (i, row) in rows.iter().enumerate() {
        let rank = i64::try_from(i + 1).unwrap_or(i64::MAX);
        let mut terms: BTreeSet<(String, TermKind)> = BTreeSet::new();
        let mut other_text: Vec<String> = Vec::new();
        let mut other_names: Vec<String> = Vec::new();

        let name = fold(&row.name_en);
        let name_zh = row.name_zh.as_deref().map(fold).unwrap_or_default();
        for n in [&name, &name_zh] {
            if !n.is_empty() {
                terms.insert((n.replace(' ', ""), TermKind::Name));
                for word in n.split(' ') {
                    terms.insert((word.to_owned(), TermKind::Word));
                    add_suffixes(&mut terms, word, 1, TermKind::ZhTail);
                    if word.len() >= MIN_TYPO_WORD && word.chars().all(|c| c.is_ascii_lowercase()) {
                        typo_words.insert(word.to_owned());
                    }
                }
            }
        }

        let syl = row.name_zh.as_deref().map(syllables).unwrap_or_default();
        let initials: String = syl.iter().filter_map(|s| s.chars().next()).collect();
        if !syl.is_empty() {
            terms.insert((syl.concat(), TermKind::Pinyin));
            terms.insert((initials.clone(), TermKind::Pinyin));
            for from in 1..syl.len() {
                terms.insert((syl[from..].concat(), TermKind::PinyinTail));
                terms.insert((initials.chars().skip(from).collect(), TermKind::PinyinTail));
            }
        }

        let mut booths = Vec::new();
        let booth_rows: Vec<(String, Option<String>, Option<String>)> = booths_of
            .query_map([row.rowid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (code, pav_en, pav_zh) in booth_rows {
            let code = fold(&code).replace(' ', "");
            terms.insert((code.clone(), TermKind::Booth));
            booths.push(code);
            other_names.extend(pav_en);
            other_names.extend(pav_zh);
        }
        if let Some(slug) = &row.pavilion {
            let names: Vec<(String, String)> = pavilion_names
                .query_map([slug], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (en, zh) in names {
                other_names.push(en);
                other_names.push(zh);
            }
        }
        let categories: Vec<(String, String)> = categories_of
            .query_map([row.rowid], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (en, zh) in categories {
            other_names.push(en);
            other_names.push(zh);
        }
        let products: Vec<[Option<String>; 4]> = products_of
            .query_map([row.rowid], |r| {
                Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?])
            })?
            .collect::<rusqlite::Result<_>>()?;
        for [en, zh, den, dzh] in products {
            other_names.extend(en);
            other_names.extend(zh);
            other_text.extend(den);
            other_text.extend(dzh);
        }
        other_text.extend(row.description_en.clone());
        other_text.extend(row.description_zh.clone());

        let mut other = Vec::new();
        for n in &other_names {
            let folded = fold(n);
            for word in folded.split(' ').filter(|w| !w.is_empty()) {
                terms.insert((word.to_owned(), TermKind::Other));
                add_suffixes(&mut terms, word, 1, TermKind::Other);
            }
            other.push(folded);
        }
        other.extend(other_text.iter().map(|t| fold(t)));

        insert_doc.execute(params![
            rank,
            row.rowid,
            name,
            name_zh,
            syl.join(" "),
            initials,
            booths.join(" ")
        ])?;
        let pinyin_col = if syl.is_empty() {
            String::new()
        } else {
            format!("{} {}", syl.concat(), initials)
        };
        insert_fts.execute(params![
            rank,
            format!("{name} {name_zh}"),
            pinyin_col,
            booths.join(" "),
            other.join(" ")
        ])?;

        let mut short: BTreeSet<(String, i32)> = BTreeSet::new();
        for (term, kind) in &terms {
            if term.is_empty() {
                continue;
            }
            // A term no longer than SHORT_PREFIX is found through search_short alone: only
            // queries longer than that go to search_terms, and they cannot start a short term.
            if term.chars().count() > SHORT_PREFIX {
                insert_term.execute(params![term, *kind as i64, rank])?;
            }
            for len in 1..=SHORT_PREFIX {
                let prefix: String = term.chars().take(len).collect();
                if prefix.chars().count() == len {
                    short.insert((prefix.clone(), 100 - kind.score(prefix == *term)));
                }
            }
        }
        for (prefix, tier) in short {
            insert_short.execute(params![prefix, tier, rank])?;
        }
    }

    let mut insert_typo =
        conn.prepare("INSERT OR IGNORE INTO search_typos (deletion, word) VALUES (?1, ?2)")?;
    for word in &typo_words {
        insert_typo.execute(params![word, word])?;
        for deletion in deletions(word) {
            insert_typo.execute(params![deletion, word])?;
        }
    }
    Ok(())
}

/// Adds every suffix of a word containing Chinese characters, starting at character `from`.
fn add_suffixes(terms: &mut BTreeSet<(String, TermKind)>, word: &str, from: usize, kind: TermKind) {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() > MAX_SUFFIX_WORD || !chars.iter().any(|c| is_han(*c)) {
        return;
    }
    for start in from..chars.len() {
        terms.insert((chars[start..].iter().collect(), kind));
    }
}

/// The word with each one of its characters deleted (duplicates removed).
pub(super) fn deletions(word: &str) -> BTreeSet<String> {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len())
        .map(|skip| {
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| *c)
                .collect()
        })
        .collect()
}
