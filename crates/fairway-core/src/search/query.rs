//! Runs a visitor's query against the search tables (see the module header of `search`).
//!
//! Visitor text never reaches SQL except as a bound parameter, and reaches `MATCH` only as a
//! double-quoted FTS5 string after folding, so no input can make a query fail.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, ToSql, params};

use super::fold::fold;
use super::index::deletions;
use super::{DEFAULT_LIMIT, SHORT_PREFIX, SearchHit, SearchQuery, TermKind, score};

/// Characters of visitor text looked at; the rest is ignored (an on-screen keyboard never
/// gets near it, but a script might send anything).
const MAX_QUERY_CHARS: usize = 200;
/// Words of a query looked at.
const MAX_WORDS: usize = 8;
/// Largest `limit` honoured.
const MAX_LIMIT: usize = 1000;
/// Latin words at least this long are also looked up as typos.
const MIN_TYPO_QUERY: usize = 5;
/// Words at least this long (in characters) use the trigram index; shorter ones `search_short`.
const TRIGRAM: usize = 3;

const SHORT_SQL: &str = "SELECT tier, rank FROM search_short WHERE prefix = ?1";
const SHORT_TIER_SQL: &str =
    "SELECT rank FROM search_short WHERE prefix = ?1 AND tier = ?2 ORDER BY rank";
const TERMS_SQL: &str =
    "SELECT kind, rank, term = ?1 FROM search_terms WHERE term >= ?1 AND term < ?2";
const FTS_SQL: &str = "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rowid";
const TYPO_SQL: &str = "SELECT word FROM search_typos WHERE deletion = ?1";
const WORD_SQL: &str = "SELECT rank FROM search_terms WHERE term = ?1 AND kind = ?2";
const BROWSE_SQL: &str = "SELECT rank FROM search_docs ORDER BY rank LIMIT ?1";
const CATEGORY_SQL: &str = "WITH RECURSIVE down(slug) AS (
         SELECT ?1 UNION SELECT c.slug FROM categories c JOIN down ON c.parent = down.slug)
     SELECT d.rank FROM down
     JOIN exhibitor_categories ec ON ec.category = down.slug
     JOIN search_docs d ON d.exhibitor = ec.exhibitor";
const COUNTRY_SQL: &str = "SELECT d.rank FROM exhibitors e
     JOIN search_docs d ON d.exhibitor = e.rowid WHERE e.country = ?1";
const HALL_SQL: &str = "SELECT d.rank FROM booths b
     JOIN exhibitor_booths eb ON eb.booth = b.code
     JOIN search_docs d ON d.exhibitor = eb.exhibitor WHERE b.hall = ?1";
const PAVILION_SQL: &str = "SELECT d.rank FROM exhibitors e
     JOIN search_docs d ON d.exhibitor = e.rowid WHERE e.pavilion = ?1";

/// Runs statements, and when asked also records their query plans.
struct Exec<'c> {
    conn: &'c Connection,
    plans: Option<Vec<String>>,
}

impl Exec<'_> {
    /// Runs `sql` and calls `each` per row until it returns false.
    fn each(
        &mut self,
        sql: &str,
        params: &[&dyn ToSql],
        mut each: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<bool>,
    ) -> rusqlite::Result<()> {
        if let Some(plans) = &mut self.plans {
            let mut explain = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
            let mut rows = explain.query(params)?;
            while let Some(row) = rows.next()? {
                plans.push(row.get::<_, String>(3)?);
            }
        }
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params)?;
        while let Some(row) = rows.next()? {
            if !each(row)? {
                break;
            }
        }
        Ok(())
    }

    fn ranks(&mut self, sql: &str, params: &[&dyn ToSql]) -> rusqlite::Result<Vec<i64>> {
        let mut out = Vec::new();
        self.each(sql, params, |r| {
            out.push(r.get(0)?);
            Ok(true)
        })?;
        Ok(out)
    }
}

pub(super) fn run(conn: &Connection, query: &SearchQuery) -> rusqlite::Result<Vec<SearchHit>> {
    let mut exec = Exec { conn, plans: None };
    let ranked = rank(&mut exec, query)?;
    hits(&mut exec, &ranked)
}

/// The query plan (`EXPLAIN QUERY PLAN` detail lines) of every statement `search` runs for
/// `query`, in order. Lets tests and benchmarks prove that no query scans a table.
pub fn query_plan(conn: &Connection, query: &SearchQuery) -> rusqlite::Result<Vec<String>> {
    let mut exec = Exec {
        conn,
        plans: Some(Vec::new()),
    };
    let ranked = rank(&mut exec, query)?;
    hits(&mut exec, &ranked)?;
    Ok(exec.plans.unwrap_or_default())
}

/// Best matches first as (rank, score), at most the query's limit.
fn rank(exec: &mut Exec<'_>, query: &SearchQuery) -> rusqlite::Result<Vec<(i64, i32)>> {
    let limit = match query.limit {
        0 => DEFAULT_LIMIT,
        n => n.min(MAX_LIMIT),
    };
    let allowed = allowed(exec, query)?;
    let text: String = query.text.chars().take(MAX_QUERY_CHARS).collect();
    let folded = fold(&text);
    let mut words: Vec<&str> = Vec::new();
    for w in folded.split(' ').filter(|w| !w.is_empty()) {
        if !words.contains(&w) && words.len() < MAX_WORDS {
            words.push(w);
        }
    }
    let passes = |rank: &i64| allowed.as_ref().is_none_or(|a| a.contains(rank));

    match words.as_slice() {
        [] => browse(exec, allowed.as_ref(), limit),
        [word] => single(exec, word, limit, &passes),
        _ => {
            // Longer words tend to match fewer exhibitors; once no exhibitor has every word
            // so far, the remaining words need not be read.
            let mut by_length = words.clone();
            by_length.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
            let mut combined: Option<HashMap<i64, i32>> = None;
            for word in &by_length {
                if combined.as_ref().is_some_and(HashMap::is_empty) {
                    break;
                }
                let matches = word_matches(exec, word)?;
                combined = Some(match combined {
                    None => matches,
                    Some(prev) => prev
                        .into_iter()
                        .filter_map(|(r, s)| matches.get(&r).map(|t| (r, s.min(*t))))
                        .collect(),
                });
            }
            let mut combined = combined.unwrap_or_default();
            // The words run together may be one name or one pinyin (`zhongguo yinhang`).
            let whole: String = words.concat();
            let mut whole_matches = HashMap::new();
            term_matches(exec, &whole, &mut whole_matches)?;
            for (r, s) in whole_matches {
                let e = combined.entry(r).or_insert(s);
                *e = (*e).max(s);
            }
            Ok(best(combined.into_iter().filter(|(r, _)| passes(r)), limit))
        }
    }
}

/// Sorts by score (larger first), then rank, and keeps the first `limit`.
fn best(matches: impl Iterator<Item = (i64, i32)>, limit: usize) -> Vec<(i64, i32)> {
    let mut v: Vec<(i64, i32)> = matches.collect();
    let key = |&(r, s): &(i64, i32)| (-s, r);
    if v.len() > limit {
        v.select_nth_unstable_by_key(limit, key);
        v.truncate(limit);
    }
    v.sort_unstable_by_key(key);
    v
}

/// A single-word query, filled tier by tier from the best score down. Every source yields
/// exhibitors in rank (sort_key) order, so each stops after the `need` exhibitors still
/// missing, and the union's first `need` by rank are exactly that tier's best.
fn single(
    exec: &mut Exec<'_>,
    word: &str,
    limit: usize,
    passes: &dyn Fn(&i64) -> bool,
) -> rusqlite::Result<Vec<(i64, i32)>> {
    let chars = word.chars().count();
    // Words longer than SHORT_PREFIX: their prefix matches are few, read them all at once.
    let mut long: HashMap<i32, Vec<i64>> = HashMap::new();
    if chars > SHORT_PREFIX {
        let mut all = HashMap::new();
        term_matches(exec, word, &mut all)?;
        for (r, s) in all {
            long.entry(s).or_default().push(r);
        }
        for v in long.values_mut() {
            v.sort_unstable();
        }
    }
    let quoted = fts_string(word);
    let mut seen: HashSet<i64> = HashSet::new();
    let mut out = Vec::new();
    for tier in score::ALL {
        let need = limit.saturating_sub(out.len());
        if need == 0 {
            break;
        }
        let mut found: Vec<i64> = Vec::new();
        let take = |found: &mut Vec<i64>, ranks: &mut dyn Iterator<Item = i64>| {
            found.extend(ranks.filter(|r| !seen.contains(r) && passes(r)).take(need));
        };
        if chars <= SHORT_PREFIX {
            let mut ranks = Vec::new();
            exec.each(SHORT_TIER_SQL, params![word, 100 - tier], |r| {
                let rank: i64 = r.get(0)?;
                if !seen.contains(&rank) && passes(&rank) {
                    ranks.push(rank);
                }
                Ok(ranks.len() < need)
            })?;
            found.extend(ranks);
        } else if let Some(v) = long.get(&tier) {
            take(&mut found, &mut v.iter().copied());
        }
        let columns = match tier {
            score::NAME_CONTAINS => Some("{name pinyin booths}"),
            score::OTHER => Some("{other}"),
            _ => None,
        };
        if let Some(columns) = columns.filter(|_| chars >= TRIGRAM) {
            let mut ranks = Vec::new();
            exec.each(FTS_SQL, params![format!("{columns} : {quoted}")], |r| {
                let rank: i64 = r.get(0)?;
                if !seen.contains(&rank) && passes(&rank) {
                    ranks.push(rank);
                }
                Ok(ranks.len() < need)
            })?;
            found.extend(ranks);
        }
        if tier == score::TYPO {
            let mut typos: Vec<i64> = typo_matches(exec, word)?.into_iter().collect();
            typos.sort_unstable();
            take(&mut found, &mut typos.into_iter());
        }
        found.sort_unstable();
        found.dedup();
        found.truncate(need);
        for r in found {
            seen.insert(r);
            out.push((r, tier));
        }
    }
    Ok(out)
}

/// An FTS5 string literal: the word in double quotes, inner quotes doubled.
fn fts_string(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// Every exhibitor one query word matches, with the best score it matches with.
fn word_matches(exec: &mut Exec<'_>, word: &str) -> rusqlite::Result<HashMap<i64, i32>> {
    let mut out: HashMap<i64, i32> = HashMap::new();
    term_matches(exec, word, &mut out)?;
    if word.chars().count() < TRIGRAM {
        return Ok(out);
    }
    let quoted = fts_string(word);
    for (columns, score) in [
        ("{name pinyin booths}", score::NAME_CONTAINS),
        ("{other}", score::OTHER),
    ] {
        let fts = format!("{columns} : {quoted}");
        for r in exec.ranks(FTS_SQL, params![fts])? {
            let e = out.entry(r).or_insert(score);
            *e = (*e).max(score);
        }
    }
    for r in typo_matches(exec, word)? {
        out.entry(r).or_insert(score::TYPO);
    }
    Ok(out)
}

/// Exhibitors with a name word one edit away from `word` (a Latin word of five letters or
/// more), through the symmetric-delete table.
fn typo_matches(exec: &mut Exec<'_>, word: &str) -> rusqlite::Result<HashSet<i64>> {
    let mut out = HashSet::new();
    let latin = word.chars().all(|c| c.is_ascii_lowercase());
    if !latin || word.len() < MIN_TYPO_QUERY {
        return Ok(out);
    }
    let mut near = HashSet::new();
    let mut variants = deletions(word);
    variants.insert(word.to_owned());
    for v in &variants {
        exec.each(TYPO_SQL, params![v], |r| {
            let w: String = r.get(0)?;
            if w != word && within_one_edit(word, &w) {
                near.insert(w);
            }
            Ok(true)
        })?;
    }
    for w in near {
        // Words no longer than SHORT_PREFIX live in search_short only.
        let ranks = if w.len() > SHORT_PREFIX {
            exec.ranks(WORD_SQL, params![w, TermKind::Word as i64])?
        } else {
            exec.ranks(SHORT_TIER_SQL, params![w, 100 - TermKind::Word.score(true)])?
        };
        out.extend(ranks);
    }
    Ok(out)
}

/// Adds the exhibitors that have a term equal to or starting with `word`, by index range.
fn term_matches(
    exec: &mut Exec<'_>,
    word: &str,
    out: &mut HashMap<i64, i32>,
) -> rusqlite::Result<()> {
    let mut add = |r: i64, s: i32| {
        let e = out.entry(r).or_insert(s);
        *e = (*e).max(s);
    };
    if word.chars().count() <= SHORT_PREFIX {
        return exec.each(SHORT_SQL, params![word], |r| {
            add(r.get(1)?, 100 - r.get::<_, i32>(0)?);
            Ok(true)
        });
    }
    let upper = format!("{word}\u{10FFFF}");
    exec.each(TERMS_SQL, params![word, upper], |r| {
        if let Some(kind) = TermKind::from_i64(r.get(0)?) {
            add(r.get(1)?, kind.score(r.get(2)?));
        }
        Ok(true)
    })
}

/// True when `a` becomes `b` by one substitution, insertion, deletion or swap of two
/// neighbouring letters (Damerau–Levenshtein distance at most one).
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    let suffix = ra
        .iter()
        .rev()
        .zip(rb.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&ra[..ra.len() - suffix], &rb[..rb.len() - suffix]);
    match (ma.len(), mb.len()) {
        (0, 0) | (1, 0) | (0, 1) | (1, 1) => true,
        (2, 2) => ma[0] == mb[1] && ma[1] == mb[0],
        _ => false,
    }
}

/// The exhibitors the filters allow, or `None` when no filter is set.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn allowed(exec: &mut Exec<'_>, query: &SearchQuery) -> rusqlite::Result<Option<HashSet<i64>>> {
    let country = given(&query.country).map(str::to_ascii_uppercase);
    let filters = [
        (CATEGORY_SQL, given(&query.category).map(str::to_owned)),
        (COUNTRY_SQL, country),
        (HALL_SQL, given(&query.hall).map(str::to_owned)),
        (PAVILION_SQL, given(&query.pavilion).map(str::to_owned)),
    ];
    let mut allowed: Option<HashSet<i64>> = None;
    for (sql, value) in filters {
        let Some(value) = value else { continue };
        let ranks: HashSet<i64> = exec.ranks(sql, params![value])?.into_iter().collect();
        allowed = Some(match allowed {
            None => ranks,
            Some(prev) => prev.intersection(&ranks).copied().collect(),
        });
    }
    Ok(allowed)
}

/// The kiosk's browse path: exhibitors in sort_key order, filtered when filters are set.
fn browse(
    exec: &mut Exec<'_>,
    allowed: Option<&HashSet<i64>>,
    limit: usize,
) -> rusqlite::Result<Vec<(i64, i32)>> {
    let ranks = match allowed {
        None => exec.ranks(
            BROWSE_SQL,
            params![i64::try_from(limit).unwrap_or(i64::MAX)],
        )?,
        Some(set) => {
            let mut v: Vec<i64> = set.iter().copied().collect();
            v.sort_unstable();
            v.truncate(limit);
            v
        }
    };
    Ok(ranks.into_iter().map(|r| (r, 0)).collect())
}

/// Ranks looked up per statement when fetching hits: a fixed width, so there is one cached
/// statement, and every lookup is a primary-key seek.
const HIT_BATCH: usize = 50;

fn in_list(width: usize) -> String {
    (1..=width)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn hits(exec: &mut Exec<'_>, ranked: &[(i64, i32)]) -> rusqlite::Result<Vec<SearchHit>> {
    let hit_sql = format!(
        "SELECT d.rank, e.rowid, e.id, e.name_en, e.name_zh
         FROM search_docs d JOIN exhibitors e ON e.rowid = d.exhibitor
         WHERE d.rank IN ({})",
        in_list(HIT_BATCH)
    );
    let booths_sql = format!(
        "SELECT exhibitor, ord, booth FROM exhibitor_booths WHERE exhibitor IN ({})",
        in_list(HIT_BATCH)
    );
    let mut out = Vec::with_capacity(ranked.len());
    for chunk in ranked.chunks(HIT_BATCH) {
        let mut ranks: Vec<Option<i64>> = chunk.iter().map(|(r, _)| Some(*r)).collect();
        ranks.resize(HIT_BATCH, None);
        let mut rows: HashMap<i64, (i64, String, String, Option<String>)> = HashMap::new();
        let params: Vec<&dyn ToSql> = ranks.iter().map(|r| r as &dyn ToSql).collect();
        exec.each(&hit_sql, &params, |r| {
            rows.insert(r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?));
            Ok(true)
        })?;
        let mut rowids: Vec<Option<i64>> = rows.values().map(|v| Some(v.0)).collect();
        rowids.resize(HIT_BATCH, None);
        let mut booths: Vec<(i64, i64, String)> = Vec::new();
        let params: Vec<&dyn ToSql> = rowids.iter().map(|r| r as &dyn ToSql).collect();
        exec.each(&booths_sql, &params, |r| {
            booths.push((r.get(0)?, r.get(1)?, r.get(2)?));
            Ok(true)
        })?;
        booths.sort_unstable();
        for &(rank, score) in chunk {
            let Some((rowid, id, name_en, name_zh)) = rows.remove(&rank) else {
                continue;
            };
            out.push(SearchHit {
                id,
                name_en,
                name_zh,
                booths: booths
                    .iter()
                    .filter(|b| b.0 == rowid)
                    .map(|b| b.2.clone())
                    .collect(),
                score: f64::from(score),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::within_one_edit;

    #[test]
    fn one_edit_covers_substitution_insertion_deletion_and_swap() {
        assert!(within_one_edit("machinery", "machinary"));
        assert!(within_one_edit("machinery", "machinerys"));
        assert!(within_one_edit("machinery", "machnery"));
        assert!(within_one_edit("machinery", "mahcinery"));
        assert!(!within_one_edit("machinery", "mahcinary"));
        assert!(!within_one_edit("machinery", "mach"));
    }
}
