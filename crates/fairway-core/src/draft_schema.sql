-- The exhibitor editor's draft file (see draft.rs). Every table is keyed by the hub's address
-- and the exhibitor id, so one laptop can hold drafts for several fairs or exhibitors.

-- "FWDR" (draft.rs APPLICATION_ID), set in the same transaction as the tables, so a file
-- with these tables always says it is a draft.
PRAGMA application_id = 1180124242;

CREATE TABLE accounts (
    hub           TEXT NOT NULL,
    exhibitor     TEXT NOT NULL,
    token         TEXT,
    token_expires TEXT,
    last_used     TEXT NOT NULL,
    base          TEXT,            -- HubBase as JSON: the profile the hub gave last
    statuses      TEXT,            -- the hub's last list of submission statuses, as JSON
    PRIMARY KEY (hub, exhibitor)
) STRICT;

CREATE TABLE drafts (
    hub       TEXT NOT NULL,
    exhibitor TEXT NOT NULL,
    revision  INTEGER NOT NULL,
    edit      TEXT NOT NULL,       -- ProfileEdit as JSON
    saved     TEXT NOT NULL,
    PRIMARY KEY (hub, exhibitor)
) STRICT;

CREATE TABLE images (
    hub       TEXT NOT NULL,
    exhibitor TEXT NOT NULL,
    name      TEXT NOT NULL,       -- as a ProfileEdit names it
    role      TEXT NOT NULL CHECK (role IN ('logo', 'product')),
    origin    TEXT NOT NULL CHECK (origin IN ('disk', 'hub')),
    sha256    TEXT NOT NULL,
    mime      TEXT NOT NULL,
    width     INTEGER NOT NULL,
    height    INTEGER NOT NULL,
    bytes     BLOB NOT NULL,
    hub_name  TEXT,                -- the hub's name once uploaded; NULL before
    PRIMARY KEY (hub, exhibitor, name)
) STRICT;

CREATE INDEX images_by_sha256 ON images (sha256);

CREATE TABLE queue (
    id           INTEGER PRIMARY KEY,
    hub          TEXT NOT NULL,
    exhibitor    TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    edit         TEXT NOT NULL,    -- ProfileEdit as JSON
    queued       TEXT NOT NULL
) STRICT;
