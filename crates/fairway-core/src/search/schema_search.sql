-- The search index: filled once by search::build_index, read by search::search.
-- `rank` is an exhibitor's position in sort_key order (1 = first); every table points at it.

CREATE TABLE search_docs (
    rank      INTEGER PRIMARY KEY,
    exhibitor INTEGER NOT NULL UNIQUE REFERENCES exhibitors(rowid),
    name      TEXT NOT NULL,   -- folded English name
    name_zh   TEXT NOT NULL,   -- folded Chinese name, '' when none
    pinyin    TEXT NOT NULL,   -- syllables of the Chinese name, separated by spaces
    initials  TEXT NOT NULL,   -- first letter of each syllable
    booths    TEXT NOT NULL    -- compact booth codes, separated by spaces
);

-- Contentless: the columns are folded text nobody reads back; rowid is search_docs.rank.
CREATE VIRTUAL TABLE search_fts USING fts5(
    name, pinyin, booths, other,
    content = '', tokenize = 'trigram'
);

-- kind: 0 booth, 1 whole name, 2 pinyin/initials, 3 pinyin tail, 4 name word,
-- 5 Chinese name suffix, 6 category/pavilion/product word (see search::TermKind).
CREATE TABLE search_terms (
    term TEXT NOT NULL,
    kind INTEGER NOT NULL,
    rank INTEGER NOT NULL,
    PRIMARY KEY (term, kind, rank)
) WITHOUT ROWID;

-- Prefixes of one to four characters of every term; tier = 100 - score, so the primary key
-- gives each tier's exhibitors in sort_key order. search_terms keeps only longer terms.
CREATE TABLE search_short (
    prefix TEXT NOT NULL,
    tier   INTEGER NOT NULL,
    rank   INTEGER NOT NULL,
    PRIMARY KEY (prefix, tier, rank)
) WITHOUT ROWID;

-- Symmetric-delete table: every Latin name word of four letters or more, paired with itself
-- and with each of its one-letter deletions.
CREATE TABLE search_typos (
    deletion TEXT NOT NULL,
    word     TEXT NOT NULL,
    PRIMARY KEY (deletion, word)
) WITHOUT ROWID;
