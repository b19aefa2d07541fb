-- Routing data computed at build time (see src/route/precompute.rs): for every hall, the walk
-- from each connector end (and each kiosk) to every other connector end of the same hall, as a
-- smoothed polyline in hall metres and its length. Each pair of ends is stored once; a reader
-- walks it both ways.
-- A connector end is the connector's rowid and its side: 0 for the `from` end, 1 for `to`.
CREATE TABLE route_legs (
    hall           TEXT NOT NULL REFERENCES halls(code),
    from_connector INTEGER NOT NULL REFERENCES connectors(rowid),
    from_side      INTEGER NOT NULL,
    to_connector   INTEGER NOT NULL REFERENCES connectors(rowid),
    to_side        INTEGER NOT NULL,
    distance_m     REAL NOT NULL,
    points         TEXT NOT NULL,  -- JSON [[x_m, y_m], ...], from the `from` end to the `to` end
    PRIMARY KEY (from_connector, from_side, to_connector, to_side)
) WITHOUT ROWID;

-- From each kiosk to every connector end of its hall, points from the kiosk to the end.
CREATE TABLE kiosk_legs (
    kiosk        TEXT NOT NULL REFERENCES kiosks(id),
    to_connector INTEGER NOT NULL REFERENCES connectors(rowid),
    to_side      INTEGER NOT NULL,
    distance_m   REAL NOT NULL,
    points       TEXT NOT NULL,
    PRIMARY KEY (kiosk, to_connector, to_side)
) WITHOUT ROWID;

-- From each booth's aisle-facing edge to every connector end of its hall: lengths only (on the
-- grid, not smoothed); the walk itself is found again when a route takes it.
CREATE TABLE booth_legs (
    booth        TEXT NOT NULL REFERENCES booths(code),
    to_connector INTEGER NOT NULL REFERENCES connectors(rowid),
    to_side      INTEGER NOT NULL,
    distance_m   REAL NOT NULL,
    PRIMARY KEY (booth, to_connector, to_side)
) WITHOUT ROWID;
