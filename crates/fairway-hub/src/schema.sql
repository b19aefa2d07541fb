-- The hub's master data (DATA/hub.sqlite). Migration 1; later changes are new migrations.

-- The fair this hub serves, once.
CREATE TABLE fair (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    fair_id TEXT NOT NULL,
    created TEXT NOT NULL
) STRICT;

-- Each exhibitor's editable profile: a ProfileEdit as JSON (see store.rs for why), and its
-- version, which every approved change raises by one.
CREATE TABLE profiles (
    exhibitor_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL CHECK (version >= 1),
    profile TEXT NOT NULL,
    updated TEXT NOT NULL
) STRICT;

-- One access code per exhibitor, by its hash only; issuing again replaces it.
CREATE TABLE access_codes (
    exhibitor_id TEXT PRIMARY KEY REFERENCES profiles (exhibitor_id),
    code_hash TEXT NOT NULL UNIQUE,
    issued TEXT NOT NULL,
    -- Unix seconds; NULL: the code does not expire.
    expires_unix INTEGER
) STRICT;

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    exhibitor_id TEXT NOT NULL REFERENCES profiles (exhibitor_id),
    created TEXT NOT NULL,
    expires_unix INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_exhibitor ON sessions (exhibitor_id);

CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    exhibitor_id TEXT NOT NULL REFERENCES profiles (exhibitor_id),
    base_version INTEGER NOT NULL,
    profile TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'superseded')),
    reason TEXT,
    submitted TEXT NOT NULL,
    decided TEXT
) STRICT;
CREATE INDEX submissions_by_exhibitor ON submissions (exhibitor_id, id);
CREATE INDEX submissions_by_state ON submissions (state, id);

-- Uploaded pictures after re-encoding, by content name (sha256.png / sha256.jpg) ...
CREATE TABLE images (
    name TEXT PRIMARY KEY,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes BLOB NOT NULL
) STRICT;

-- ... and who uploaded them: an exhibitor may use and see only its own uploads.
CREATE TABLE image_uploads (
    exhibitor_id TEXT NOT NULL REFERENCES profiles (exhibitor_id),
    name TEXT NOT NULL REFERENCES images (name),
    uploaded TEXT NOT NULL,
    PRIMARY KEY (exhibitor_id, name)
) STRICT, WITHOUT ROWID;

CREATE TABLE publications (
    sequence INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    published TEXT NOT NULL,
    elapsed_ms INTEGER NOT NULL
) STRICT;

-- Who did what, when. Append-only: the triggers refuse every change to a written row.
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    exhibitor_id TEXT,
    submission_id INTEGER,
    detail TEXT
) STRICT;

CREATE TRIGGER audit_rows_are_never_updated BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be updated');
END;

CREATE TRIGGER audit_rows_are_never_deleted BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be deleted');
END;
