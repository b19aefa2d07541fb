-- The snapshot's core tables: one per file of the fair source folder, plus meta and assets.
-- Text ids from the source (exhibitor ids, booth codes, hall codes, slugs) are kept as they are;
-- exhibitors and products also get an integer rowid that the search index points at.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,   -- fair_id, sequence, created, source_hash, generator
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Images re-encoded by Fairway, addressed by the SHA-256 (lower-case hex) of their bytes.
CREATE TABLE assets (
    sha256 TEXT NOT NULL UNIQUE,
    mime   TEXT NOT NULL,     -- image/png or image/jpeg
    width  INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes  BLOB NOT NULL
);

CREATE TABLE fair (
    id               TEXT PRIMARY KEY,
    name_en          TEXT NOT NULL,
    name_zh          TEXT NOT NULL,
    venue_en         TEXT,
    venue_zh         TEXT,
    starts_on        TEXT,
    ends_on          TEXT,
    timezone         TEXT,
    default_language TEXT NOT NULL
);

CREATE TABLE halls (
    code     TEXT PRIMARY KEY,
    ord      INTEGER NOT NULL,  -- order of the source file
    name_en  TEXT NOT NULL,
    name_zh  TEXT NOT NULL,
    level    INTEGER NOT NULL,
    width_m  REAL NOT NULL,
    depth_m  REAL NOT NULL,
    x_m      REAL NOT NULL,
    y_m      REAL NOT NULL
);

CREATE TABLE pavilions (
    slug           TEXT PRIMARY KEY,
    ord            INTEGER NOT NULL,
    kind           TEXT NOT NULL,   -- country, region, city, theme
    name_en        TEXT NOT NULL,
    name_zh        TEXT NOT NULL,
    country        TEXT,
    hall           TEXT REFERENCES halls(code),
    color          TEXT,
    description_en TEXT,
    description_zh TEXT,
    logo           TEXT REFERENCES assets(sha256),
    exhibitor_count INTEGER NOT NULL DEFAULT 0  -- computed at build time
);

CREATE TABLE categories (
    slug    TEXT PRIMARY KEY,
    ord     INTEGER NOT NULL,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    parent  TEXT REFERENCES categories(slug),
    -- Distinct exhibitors in the category or its children, computed at build time.
    exhibitor_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX categories_parent ON categories(parent, ord);

CREATE TABLE booths (
    code     TEXT PRIMARY KEY,
    hall     TEXT NOT NULL REFERENCES halls(code),
    x_m      REAL NOT NULL,
    y_m      REAL NOT NULL,
    width_m  REAL NOT NULL,
    depth_m  REAL NOT NULL,
    pavilion TEXT REFERENCES pavilions(slug)
);
CREATE INDEX booths_hall ON booths(hall);

CREATE TABLE exhibitors (
    rowid           INTEGER PRIMARY KEY,  -- assigned in sort_key order (then id)
    id              TEXT NOT NULL UNIQUE,
    name_en         TEXT NOT NULL,
    name_zh         TEXT,
    sort_key        TEXT NOT NULL,  -- folded English name, for stable alphabetical lists
    country         TEXT,
    pavilion        TEXT REFERENCES pavilions(slug),
    website         TEXT,
    email           TEXT,
    phone           TEXT,
    contact_name_en TEXT,
    contact_name_zh TEXT,
    title_en        TEXT,
    title_zh        TEXT,
    description_en  TEXT,
    description_zh  TEXT,
    logo            TEXT REFERENCES assets(sha256)
);
CREATE INDEX exhibitors_pavilion ON exhibitors(pavilion, sort_key);
CREATE INDEX exhibitors_country ON exhibitors(country, sort_key);
CREATE INDEX exhibitors_sort ON exhibitors(sort_key);

CREATE TABLE exhibitor_booths (
    exhibitor INTEGER NOT NULL REFERENCES exhibitors(rowid),
    booth     TEXT NOT NULL REFERENCES booths(code),
    ord       INTEGER NOT NULL,
    PRIMARY KEY (exhibitor, booth)
) WITHOUT ROWID;
CREATE INDEX exhibitor_booths_booth ON exhibitor_booths(booth, exhibitor);

CREATE TABLE exhibitor_categories (
    exhibitor INTEGER NOT NULL REFERENCES exhibitors(rowid),
    category  TEXT NOT NULL REFERENCES categories(slug),
    PRIMARY KEY (exhibitor, category)
) WITHOUT ROWID;
CREATE INDEX exhibitor_categories_category ON exhibitor_categories(category, exhibitor);

CREATE TABLE products (
    rowid          INTEGER PRIMARY KEY,
    exhibitor      INTEGER NOT NULL REFERENCES exhibitors(rowid),
    ord            INTEGER NOT NULL,
    name_en        TEXT NOT NULL,
    name_zh        TEXT,
    description_en TEXT,
    description_zh TEXT,
    image          TEXT REFERENCES assets(sha256)
);
CREATE INDEX products_exhibitor ON products(exhibitor, ord);

CREATE TABLE connectors (
    rowid     INTEGER PRIMARY KEY,
    from_hall TEXT NOT NULL REFERENCES halls(code),
    from_x_m  REAL NOT NULL,
    from_y_m  REAL NOT NULL,
    to_hall   TEXT NOT NULL REFERENCES halls(code),
    to_x_m    REAL NOT NULL,
    to_y_m    REAL NOT NULL,
    kind      TEXT NOT NULL,
    step_free INTEGER NOT NULL
);

CREATE TABLE kiosks (
    id       TEXT PRIMARY KEY,
    hall     TEXT NOT NULL REFERENCES halls(code),
    x_m      REAL NOT NULL,
    y_m      REAL NOT NULL,
    label_en TEXT,
    label_zh TEXT
);
