//! Runs a visitor's query against the search tables (see the module header of `search`).
//!
//! Visitor text never reaches SQL except as a bound parameter, and reaches `MATCH` only as a
//! double-quoted FTS5 string after folding, so no input can make a query fail.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, ToSql, params};

use super::fold::fold;
use super::fold::is_han;
use super::index::{MAX_SUFFIX_WORD, MIN_TYPO_WORD, deletions};
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
        _ => multi(exec, &words, limit, &passes),
    }
}

/// A query of several words, filled tier by tier from the best score down like [`single`].
///
/// An exhibitor scores as its worst word, or as the words run together (`whole`) when that is
/// better. Reading every word's matches and intersecting them costs tens of milliseconds when
/// the words are common (`co ltd` matches most of a fair), so candidates come only from the
/// longest word (the `driver`, usually the rarest) and from `whole`, each in rank order per
/// tier, and every candidate is scored once from its `search_docs` row. A candidate whose score
/// is below the tier it was found in waits in `pending` for its own tier. Within a tier every
/// source stops after the `need` exhibitors still missing, so a common pair stops after about
/// `limit` candidates.
///
/// Tiers below NAME_CONTAINS (categories, products, descriptions, typos) need fields that are
/// not in `search_docs`; a query still short of `limit` there is answered by `intersect`.
///
/// Why this is complete: an exhibitor scoring `t` through its words has the driver at `t` or
/// better, so some driver source of a tier at least `t` lists it, and those tiers are read in
/// full whenever a later tier is reached; one scoring `t` through `whole` is listed by a
/// `whole` source of tier `t`.
fn multi(
    exec: &mut Exec<'_>,
    words: &[&str],
    limit: usize,
    passes: &dyn Fn(&i64) -> bool,
) -> rusqlite::Result<Vec<(i64, i32)>> {
    // The driver is the word with the fewest term matches, counted up to ESTIMATE_CAP; among
    // words past the cap, the longest.
    let mut driver = "";
    let mut driver_key = (usize::MAX, 0);
    for word in words {
        let key = (estimate(exec, word)?, usize::MAX - word.chars().count());
        if key < driver_key {
            (driver, driver_key) = (word, key);
        }
    }
    let whole: String = words.concat();
    let driver_terms = long_terms(exec, driver)?;
    let whole_terms = long_terms(exec, &whole)?;
    let mut scorer = Scorer {
        words,
        whole: &whole,
        whole_terms: whole_terms.as_ref().map(|t| t.best.clone()),
    };
    // Candidates scored before giving up on the driver: when few of them have the other
    // words too, reading every word's matches is cheaper than scoring the driver's.
    let budget = limit.saturating_mul(4).saturating_add(200);
    let mut scored = 0;
    let mut known: HashSet<i64> = HashSet::new();
    let mut pending: HashMap<i32, Vec<i64>> = HashMap::new();
    let mut out = Vec::new();
    for tier in score::ALL {
        let need = limit.saturating_sub(out.len());
        if need == 0 {
            break;
        }
        if tier < score::NAME_CONTAINS {
            // Below here a word may match only through categories, products, descriptions
            // or a typo, which no `search_docs` row holds.
            return intersect(exec, words, limit, passes);
        }
        let mut found = pending.remove(&tier).unwrap_or_default();
        // `whole` first: its few matches often fill the tier, and then the driver's sources
        // stop at the last rank kept.
        let mut sources: Vec<Source> = tier_sources(&whole, whole_terms.as_ref(), tier)
            .into_iter()
            // `whole` counts only through its terms (see `term_matches`), not FTS or typos.
            .filter(|s| matches!(s, Source::Short(..) | Source::Listed(_)))
            .collect();
        sources.extend(tier_sources(driver, driver_terms.as_ref(), tier));
        for source in &sources {
            // Once `need` are found, only lower ranks can still change the tier's result.
            found.sort_unstable();
            let bound = found.get(need - 1).copied().unwrap_or(i64::MAX);
            let mut taken = 0;
            let mut after = 0;
            let mut page = need.max(16);
            'pages: loop {
                let ranks = source.ranks(exec, after, page)?;
                let exhausted = ranks.len() < page;
                for r in ranks {
                    after = r;
                    if r > bound {
                        break 'pages;
                    }
                    if !known.insert(r) || !passes(&r) {
                        continue;
                    }
                    scored += 1;
                    if scored > budget {
                        return intersect(exec, words, limit, passes);
                    }
                    let s = scorer.score(exec, r)?;
                    if s >= tier {
                        found.push(r);
                        taken += 1;
                        if taken == need {
                            break 'pages;
                        }
                    } else if s > 0 {
                        pending.entry(s).or_default().push(r);
                    }
                }
                if exhausted {
                    break;
                }
                page = page.saturating_mul(4);
            }
        }
        found.sort_unstable();
        found.dedup();
        found.truncate(need);
        out.extend(found.into_iter().map(|r| (r, tier)));
    }
    Ok(out)
}

/// A query of several words the slow, sure way: every word's matches read in full and
/// intersected. `multi` falls back to it when its candidates keep failing the other words.
fn intersect(
    exec: &mut Exec<'_>,
    words: &[&str],
    limit: usize,
    passes: &dyn Fn(&i64) -> bool,
) -> rusqlite::Result<Vec<(i64, i32)>> {
    // Longer words tend to match fewer exhibitors; once no exhibitor has every word
    // so far, the remaining words need not be read.
    let mut by_length = words.to_vec();
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

/// Term matches counted by `estimate` before it stops.
const ESTIMATE_CAP: usize = 1000;
const SHORT_COUNT_SQL: &str = "SELECT rank FROM search_short WHERE prefix = ?1 LIMIT ?2";
const TERMS_COUNT_SQL: &str =
    "SELECT rank FROM search_terms WHERE term >= ?1 AND term < ?2 LIMIT ?3";

/// How many term rows start with `word`, up to ESTIMATE_CAP: a cheap guess at how many
/// exhibitors it matches.
fn estimate(exec: &mut Exec<'_>, word: &str) -> rusqlite::Result<usize> {
    let cap = i64::try_from(ESTIMATE_CAP).unwrap_or(i64::MAX);
    let mut n = 0;
    let mut count = |_: &rusqlite::Row<'_>| {
        n += 1;
        Ok(true)
    };
    if word.chars().count() <= SHORT_PREFIX {
        exec.each(SHORT_COUNT_SQL, params![word, cap], &mut count)?;
    } else {
        let upper = format!("{word}\u{10FFFF}");
        exec.each(TERMS_COUNT_SQL, params![word, upper, cap], &mut count)?;
    }
    Ok(n)
}

/// One rank-ordered list of exhibitors a word matches at one score.
enum Source {
    /// `search_short` rows of a prefix and tier.
    Short(String, i32),
    /// An FTS5 query.
    Fts(String),
    /// Ranks already read, sorted.
    Listed(Vec<i64>),
}

const SHORT_PAGE_SQL: &str = "SELECT rank FROM search_short
     WHERE prefix = ?1 AND tier = ?2 AND rank > ?3 ORDER BY rank LIMIT ?4";
const FTS_PAGE_SQL: &str = "SELECT rowid FROM search_fts
     WHERE search_fts MATCH ?1 AND rowid > ?2 ORDER BY rowid LIMIT ?3";

impl Source {
    /// At most `n` ranks after `after`, in order.
    fn ranks(&self, exec: &mut Exec<'_>, after: i64, n: usize) -> rusqlite::Result<Vec<i64>> {
        let limit = i64::try_from(n).unwrap_or(i64::MAX);
        match self {
            Self::Short(prefix, tier) => {
                exec.ranks(SHORT_PAGE_SQL, params![prefix, tier, after, limit])
            }
            Self::Fts(query) => exec.ranks(FTS_PAGE_SQL, params![query, after, limit]),
            Self::Listed(v) => Ok(v.iter().copied().filter(|r| *r > after).take(n).collect()),
        }
    }
}

/// The term matches of a word longer than SHORT_PREFIX, read at once (there are few), as
/// rank lists per best score and as each exhibitor's best score. `None` for shorter words,
/// whose `search_short` rows are read tier by tier instead.
struct LongTerms {
    by_score: HashMap<i32, Vec<i64>>,
    best: HashMap<i64, i32>,
}

fn long_terms(exec: &mut Exec<'_>, word: &str) -> rusqlite::Result<Option<LongTerms>> {
    if word.chars().count() <= SHORT_PREFIX {
        return Ok(None);
    }
    let mut best = HashMap::new();
    term_matches(exec, word, &mut best)?;
    let mut by_score: HashMap<i32, Vec<i64>> = HashMap::new();
    for (&r, &s) in &best {
        by_score.entry(s).or_default().push(r);
    }
    for v in by_score.values_mut() {
        v.sort_unstable();
    }
    Ok(Some(LongTerms { by_score, best }))
}

/// The sources that list a word's exhibitors at exactly `tier` (FTS included; the caller adds
/// typos and drops what `whole` must not use).
fn tier_sources(word: &str, long: Option<&LongTerms>, tier: i32) -> Vec<Source> {
    let mut out = Vec::new();
    match long {
        Some(long) => {
            if let Some(v) = long.by_score.get(&tier) {
                out.push(Source::Listed(v.clone()));
            }
        }
        None => out.push(Source::Short(word.to_owned(), 100 - tier)),
    }
    if word.chars().count() >= TRIGRAM {
        let columns = match tier {
            score::NAME_CONTAINS => Some("{name pinyin booths}"),
            score::OTHER => Some("{other}"),
            _ => None,
        };
        if let Some(columns) = columns {
            out.push(Source::Fts(format!("{columns} : {}", fts_string(word))));
        }
    }
    out
}

const DOC_SQL: &str =
    "SELECT name, name_zh, pinyin, initials, booths FROM search_docs WHERE rank = ?1";
const SHORT_POINT_SQL: &str = "SELECT tier FROM search_short
     WHERE prefix = ?1 AND tier IN (0, 10, 20, 28, 30, 34, 35, 38, 40, 42, 50, 68, 70)
     AND rank = ?2";
/// Scores one candidate exhibitor of a multi-word query exactly as reading every word's
/// matches would, as long as the score is NAME_CONTAINS or better: each word from the
/// exhibitor's `search_docs` row (see [`name_score`]), `whole` from its terms. Anything lower
/// is 0 here; `multi` leaves those tiers to `intersect`.
struct Scorer<'q> {
    words: &'q [&'q str],
    whole: &'q str,
    /// Best score per exhibitor of `whole`'s terms, when it is longer than SHORT_PREFIX.
    whole_terms: Option<HashMap<i64, i32>>,
}

impl Scorer<'_> {
    fn score(&mut self, exec: &mut Exec<'_>, rank: i64) -> rusqlite::Result<i32> {
        let mut doc = None;
        exec.each(DOC_SQL, params![rank], |r| {
            doc = Some(Doc::new(
                r.get(0)?,
                r.get(1)?,
                &r.get::<_, String>(2)?,
                r.get(3)?,
                &r.get::<_, String>(4)?,
            ));
            Ok(false)
        })?;
        let Some(doc) = doc else { return Ok(0) };
        let worst = self
            .words
            .iter()
            .map(|w| name_score(w, &doc))
            .min()
            .unwrap_or(0);
        let s = worst.max(self.whole_score(exec, rank)?);
        Ok(if s >= score::NAME_CONTAINS { s } else { 0 })
    }

    fn whole_score(&self, exec: &mut Exec<'_>, rank: i64) -> rusqlite::Result<i32> {
        if let Some(terms) = &self.whole_terms {
            return Ok(terms.get(&rank).copied().unwrap_or(0));
        }
        let mut best = 0;
        exec.each(SHORT_POINT_SQL, params![self.whole, rank], |r| {
            best = best.max(100 - r.get::<_, i32>(0)?);
            Ok(true)
        })?;
        Ok(best)
    }
}

/// The fields of a `search_docs` row, split the way `index::build` made its terms, with the
/// compact forms worked out once for all the query's words.
struct Doc {
    /// The folded English and Chinese names ('' when none).
    names: [String; 2],
    /// The same without spaces: the `Name` terms.
    compact: [String; 2],
    /// The syllables run together, and the byte offset where each syllable starts.
    pinyin: String,
    syllable_starts: Vec<usize>,
    /// The initials, and the byte offset of each.
    initials: String,
    initial_starts: Vec<usize>,
    booths: Vec<String>,
}

impl Doc {
    fn new(name: String, name_zh: String, pinyin: &str, initials: String, booths: &str) -> Self {
        let mut joined = String::new();
        let mut syllable_starts = Vec::new();
        for s in pinyin.split(' ').filter(|s| !s.is_empty()) {
            syllable_starts.push(joined.len());
            joined.push_str(s);
        }
        Self {
            compact: [name.replace(' ', ""), name_zh.replace(' ', "")],
            names: [name, name_zh],
            pinyin: joined,
            syllable_starts,
            initial_starts: initials.char_indices().map(|(i, _)| i).collect(),
            initials,
            booths: booths
                .split(' ')
                .filter(|b| !b.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }
}

/// A word's best score among the terms `index::build` derives from the name, the Chinese
/// name, its pinyin and the booth codes (every term kind but `Other`), the name FTS columns,
/// and typos of name words. Categories, products and descriptions are left to `other_score`.
fn name_score(word: &str, doc: &Doc) -> i32 {
    let mut best = 0;
    let mut term = |t: &str, kind: TermKind| {
        if !t.is_empty() && t.starts_with(word) {
            best = best.max(kind.score(t == word));
        }
    };
    for b in &doc.booths {
        term(b, TermKind::Booth);
    }
    for (n, compact) in doc.names.iter().zip(&doc.compact) {
        if n.is_empty() {
            continue;
        }
        term(compact, TermKind::Name);
        for w in n.split(' ') {
            term(w, TermKind::Word);
            if w.chars().count() <= MAX_SUFFIX_WORD && w.chars().any(is_han) {
                for (start, _) in w.char_indices().skip(1) {
                    term(&w[start..], TermKind::ZhTail);
                }
            }
        }
    }
    if !doc.syllable_starts.is_empty() {
        term(&doc.pinyin, TermKind::Pinyin);
        term(&doc.initials, TermKind::Pinyin);
        for from in 1..doc.syllable_starts.len() {
            term(
                &doc.pinyin[doc.syllable_starts[from]..],
                TermKind::PinyinTail,
            );
            if let Some(&i) = doc.initial_starts.get(from) {
                term(&doc.initials[i..], TermKind::PinyinTail);
            }
        }
    }
    if best < score::NAME_CONTAINS && word.chars().count() >= TRIGRAM {
        let contains = doc.names.iter().any(|f| f.contains(word))
            || doc.initials.contains(word)
            || doc.pinyin.contains(word)
            || doc.booths.iter().any(|b| b.contains(word));
        if contains {
            best = score::NAME_CONTAINS;
        }
    }
    let latin = word.chars().all(|c| c.is_ascii_lowercase());
    if best == 0 && latin && word.len() >= MIN_TYPO_QUERY {
        let near = doc.names.iter().flat_map(|n| n.split(' ')).any(|w| {
            w.len() >= MIN_TYPO_WORD
                && w.chars().all(|c| c.is_ascii_lowercase())
                && w != word
                && within_one_edit(word, w)
        });
        if near {
            best = score::TYPO;
        }
    }
    best
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
