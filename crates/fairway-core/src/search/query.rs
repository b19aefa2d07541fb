//! Runs a visitor's query against the search tables (see the module header of `search`).
//!
//! Visitor text never reaches SQL except as a bound parameter, and reaches `MATCH` only as a
//! double-quoted FTS5 string after folding, so no input can make a query fail.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, ToSql, params};

use super::fold::fold;
use super::index::deletions;
use super::{DEFAULT_LIMIT, SearchHit, SearchQuery, TermKind, score};

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

const SHORT_SQL: &str = "SELECT tier, rank FROM search_short WHERE prefix = ?1 ORDER BY tier, rank";
const TERMS_SQL: &str =
    "SELECT kind, rank, term = ?1 FROM search_terms WHERE term >= ?1 AND term < ?2";
const FTS_SQL: &str = "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1";
const TYPO_SQL: &str = "SELECT word FROM search_typos WHERE deletion = ?1";
const WORD_SQL: &str = "SELECT rank FROM search_terms WHERE term = ?1 AND kind = ?2";
const BROWSE_SQL: &str = "SELECT rank FROM search_docs ORDER BY rank LIMIT ?1";
const HIT_SQL: &str = "SELECT e.rowid, e.id, e.name_en, e.name_zh
     FROM search_docs d JOIN exhibitors e ON e.rowid = d.exhibitor WHERE d.rank = ?1";
const BOOTHS_SQL: &str = "SELECT booth FROM exhibitor_booths WHERE exhibitor = ?1 ORDER BY ord";
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
        [word] if word.chars().count() < TRIGRAM => {
            // The kiosk's commonest case while typing: rows come out best tier first, then in
            // sort_key order, so reading stops after `limit` distinct exhibitors.
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            exec.each(SHORT_SQL, params![word], |r| {
                let rank: i64 = r.get(1)?;
                if passes(&rank) && seen.insert(rank) {
                    out.push((rank, 100 - r.get::<_, i32>(0)?));
                }
                Ok(out.len() < limit)
            })?;
            Ok(out)
        }
        [word] => {
            let matches = word_matches(exec, word, Some((limit, &passes)))?;
            Ok(best(matches.into_iter().filter(|(r, _)| passes(r)), limit))
        }
        _ => {
            let mut combined: Option<HashMap<i64, i32>> = None;
            for word in &words {
                let matches = word_matches(exec, word, None)?;
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

/// How many results a single-word query needs, and which exhibitors the filters let through.
type Early<'a> = (usize, &'a dyn Fn(&i64) -> bool);

/// Every exhibitor one query word matches, with the best score it matches with.
///
/// With `early` (single-word queries), a source is skipped when `limit` exhibitors that pass
/// the filters already score higher than anything that source can give.
fn word_matches(
    exec: &mut Exec<'_>,
    word: &str,
    early: Option<Early<'_>>,
) -> rusqlite::Result<HashMap<i64, i32>> {
    let mut out: HashMap<i64, i32> = HashMap::new();
    term_matches(exec, word, &mut out)?;
    if word.chars().count() < TRIGRAM {
        return Ok(out);
    }
    let enough = |out: &HashMap<i64, i32>, ceiling: i32| match early {
        None => false,
        Some((limit, passes)) => {
            out.iter()
                .filter(|(r, s)| **s > ceiling && passes(r))
                .count()
                >= limit
        }
    };
    let quoted = format!("\"{}\"", word.replace('"', "\"\""));
    for (columns, score) in [
        ("{name pinyin booths}", score::NAME_CONTAINS),
        ("{other}", score::OTHER),
    ] {
        if enough(&out, score) {
            return Ok(out);
        }
        let fts = format!("{columns} : {quoted}");
        for r in exec.ranks(FTS_SQL, params![fts])? {
            let e = out.entry(r).or_insert(score);
            *e = (*e).max(score);
        }
    }
    let latin = word.chars().all(|c| c.is_ascii_lowercase());
    if latin && word.len() >= MIN_TYPO_QUERY && !enough(&out, score::TYPO) {
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
            for r in exec.ranks(WORD_SQL, params![w, TermKind::Word as i64])? {
                out.entry(r).or_insert(score::TYPO);
            }
        }
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
    if word.chars().count() < TRIGRAM {
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

fn hits(exec: &mut Exec<'_>, ranked: &[(i64, i32)]) -> rusqlite::Result<Vec<SearchHit>> {
    let mut out = Vec::with_capacity(ranked.len());
    for &(rank, score) in ranked {
        let mut found = None;
        exec.each(HIT_SQL, params![rank], |r| {
            found = Some((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ));
            Ok(false)
        })?;
        let Some((rowid, id, name_en, name_zh)) = found else {
            continue;
        };
        let mut booths = Vec::new();
        exec.each(BOOTHS_SQL, params![rowid], |r| {
            booths.push(r.get(0)?);
            Ok(true)
        })?;
        out.push(SearchHit {
            id,
            name_en,
            name_zh,
            booths,
            score: f64::from(score),
        });
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
