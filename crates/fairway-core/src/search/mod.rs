//! Bilingual search: the index written at snapshot time and the queries a kiosk runs.
//!
//! The index has four parts, all filled by [`build_index`] from the core tables:
//!
//! - `search_docs`: one row per exhibitor, numbered by `rank`, its position in `sort_key`
//!   order. Every other table points at `rank`, so ties between equal scores break by
//!   `sort_key` for free and lists come out in alphabetical order.
//! - `search_fts`: FTS5 with the `trigram` tokenizer over folded names, pinyin, booth codes and
//!   the other fields (categories, products, descriptions, pavilions). Substring matches of
//!   three characters or more.
//! - `search_terms`: whole terms (booth codes, whole names, name words, full pinyin and
//!   initials and their tails from each syllable, every suffix of a Chinese name, words of
//!   category, pavilion and product names). Exact and prefix matches by index range.
//! - `search_short`: the prefixes of one to four characters of those terms with their score
//!   tier already worked out, so a short query (`cq`, `泰`, `A1`, `有限公司`) is an index seek
//!   per tier that stops after `limit` rows instead of a scan; `search_terms` then only needs
//!   the terms longer than four characters.
//! - `search_typos`: a symmetric-delete table of Latin name words (each word and the word with
//!   any one letter deleted), so a word with one letter wrong, missing, extra or swapped finds
//!   its exhibitor with a handful of index lookups, confirmed by Damerau–Levenshtein distance.
//!
//! Ranking, best first: exact booth code, exact name, name prefix, pinyin or initials, name
//! word prefix, name contains, other fields, typos. Ties break by `sort_key`.

mod fold;
mod index;
mod query;
mod reading;

use rusqlite::Connection;
use serde::Serialize;

pub use fold::{compact, fold};
pub use query::query_plan;
pub use reading::{PHRASES, syllables};

/// DDL for the search tables, applied as the snapshot's second migration after
/// `snapshot/schema_core.sql`.
pub const SCHEMA_SQL: &str = include_str!("schema_search.sql");

/// Fills the search tables from the core tables. The snapshot writer calls it once, inside the
/// build transaction, after every core table is written.
pub fn build_index(conn: &Connection) -> rusqlite::Result<()> {
    index::build(conn)
}

/// What a visitor typed plus the filters they chose. Empty `text` with filters lists exhibitors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    pub text: String,
    /// Most results to return; 0 means [`DEFAULT_LIMIT`].
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

/// Queries of up to this many characters are answered from `search_short`, whose rows come
/// out best tier first and then in sort_key order, so reading stops after `limit` exhibitors.
pub(crate) const SHORT_PREFIX: usize = 4;

/// How many results a query with `limit` 0 returns: more than a kiosk screen shows.
pub const DEFAULT_LIMIT: usize = 50;

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
    query::run(conn, query)
}

/// Scores, one per way a query can match, larger is better. Public so that callers can tell
/// an exact booth hit from a typo without re-deriving the ranking.
pub mod score {
    pub const BOOTH_EXACT: i32 = 100;
    pub const NAME_EXACT: i32 = 90;
    pub const NAME_PREFIX: i32 = 80;
    pub const PINYIN_EXACT: i32 = 72;
    pub const PINYIN_PREFIX: i32 = 70;
    pub const PINYIN_TAIL_EXACT: i32 = 66;
    pub const PINYIN_TAIL_PREFIX: i32 = 65;
    pub const WORD_EXACT: i32 = 62;
    pub const WORD_PREFIX: i32 = 60;
    pub const BOOTH_PREFIX: i32 = 58;
    pub const NAME_CONTAINS: i32 = 50;
    pub const OTHER_EXACT: i32 = 32;
    pub const OTHER: i32 = 30;
    pub const TYPO: i32 = 10;

    /// Every score, best first: the order in which a single-word query fills its results.
    pub(crate) const ALL: [i32; 14] = [
        BOOTH_EXACT,
        NAME_EXACT,
        NAME_PREFIX,
        PINYIN_EXACT,
        PINYIN_PREFIX,
        PINYIN_TAIL_EXACT,
        PINYIN_TAIL_PREFIX,
        WORD_EXACT,
        WORD_PREFIX,
        BOOTH_PREFIX,
        NAME_CONTAINS,
        OTHER_EXACT,
        OTHER,
        TYPO,
    ];
}

/// What a row of `search_terms` holds; decides its score together with exactness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum TermKind {
    /// A booth code, compact.
    Booth = 0,
    /// A whole name (English or Chinese), compact.
    Name = 1,
    /// The full pinyin of the Chinese name, or its initials, compact.
    Pinyin = 2,
    /// Pinyin or initials from the second syllable on (`changanqiche` in 重庆长安汽车).
    PinyinTail = 3,
    /// One word of a name.
    Word = 4,
    /// A suffix of a Chinese name word from its second character on: "name contains".
    ZhTail = 5,
    /// A word of a category, pavilion or product name, or a suffix of its Chinese form.
    Other = 6,
}

impl TermKind {
    pub(crate) fn from_i64(v: i64) -> Option<Self> {
        Some(match v {
            0 => Self::Booth,
            1 => Self::Name,
            2 => Self::Pinyin,
            3 => Self::PinyinTail,
            4 => Self::Word,
            5 => Self::ZhTail,
            6 => Self::Other,
            _ => return None,
        })
    }

    /// The score of a query that equals (`exact`) or starts a term of this kind.
    pub(crate) fn score(self, exact: bool) -> i32 {
        use score::*;
        match (self, exact) {
            (Self::Booth, true) => BOOTH_EXACT,
            (Self::Booth, false) => BOOTH_PREFIX,
            (Self::Name, true) => NAME_EXACT,
            (Self::Name, false) => NAME_PREFIX,
            (Self::Pinyin, true) => PINYIN_EXACT,
            (Self::Pinyin, false) => PINYIN_PREFIX,
            (Self::PinyinTail, true) => PINYIN_TAIL_EXACT,
            (Self::PinyinTail, false) => PINYIN_TAIL_PREFIX,
            (Self::Word, true) => WORD_EXACT,
            (Self::Word, false) => WORD_PREFIX,
            (Self::ZhTail, _) => NAME_CONTAINS,
            (Self::Other, true) => OTHER_EXACT,
            (Self::Other, false) => OTHER,
        }
    }
}
