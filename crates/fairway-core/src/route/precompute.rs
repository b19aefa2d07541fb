//! Build-time routing data: in every hall, the smoothed walk between each pair of connector
//! ends (`route_legs`), from each kiosk to each connector end (`kiosk_legs`), and the length from
//! each booth to each connector end (`booth_legs`), so that a query searches only towards
//! the booth, in its hall.
//!
//! It reads the tables the build has just written (the same loader a kiosk uses), so the grid
//! it walks is exactly the grid a kiosk rebuilds. Halls are independent and are walked on all
//! cores.

use rusqlite::{Connection, params};

use super::grid::length;
use super::{RouteError, Venue};

/// What [`precompute`] stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PrecomputeReport {
    /// Rows of `route_legs`.
    pub legs: usize,
    /// Rows of `kiosk_legs`.
    pub kiosk_legs: usize,
    /// Rows of `booth_legs`.
    pub booth_legs: usize,
    /// Connector ends with no walkable floor within reach (walled in by booths).
    pub walled_in_ends: usize,
}

struct Row {
    hall: String,
    /// A booth's length to an end (no points) when set.
    booth: Option<String>,
    /// A connector end, or a kiosk (its id) when `kiosk` is set.
    kiosk: Option<String>,
    from: (i64, i64),
    to: (i64, i64),
    distance_m: f64,
    points: String,
}

/// Computes and stores the legs between connector ends of every hall, in `conn` (the build's
/// scratch database, inside its transaction).
pub fn precompute(conn: &Connection) -> Result<PrecomputeReport, RouteError> {
    let venue = Venue::load_geometry(conn)?;
    let rowids: Vec<i64> = {
        let mut by_index = vec![0i64; venue.links.len()];
        for (&rowid, &i) in &venue.link_by_rowid {
            by_index[i] = rowid;
        }
        by_index
    };
    let end_key = |e: usize| -> (i64, i64) {
        let link = &venue.links[venue.ends[e].connector];
        let side = i64::from(link.ends[1] == e);
        (rowids[venue.ends[e].connector], side)
    };

    let floors: Vec<usize> = (0..venue.floors.len()).collect();
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    let chunk = floors.len().div_ceil(threads).max(1);
    let rows: Vec<Row> = std::thread::scope(|scope| {
        let handles: Vec<_> = floors
            .chunks(chunk)
            .map(|part| {
                let venue = &venue;
                let end_key = &end_key;
                scope.spawn(move || {
                    let mut rows = Vec::new();
                    for &f in part {
                        legs_of_floor(venue, f, end_key, &mut rows);
                    }
                    rows
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });

    let mut stmt = conn.prepare(
        "INSERT INTO route_legs (hall, from_connector, from_side, to_connector, to_side,
                                 distance_m, points)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut kiosk_stmt = conn.prepare(
        "INSERT INTO kiosk_legs (kiosk, to_connector, to_side, distance_m, points)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut booth_stmt = conn.prepare(
        "INSERT INTO booth_legs (booth, to_connector, to_side, distance_m) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut kiosk_legs = 0;
    let mut booth_legs = 0;
    for r in &rows {
        if let Some(booth) = &r.booth {
            booth_stmt.execute(params![booth, r.to.0, r.to.1, r.distance_m])?;
            booth_legs += 1;
            continue;
        }
        if let Some(kiosk) = &r.kiosk {
            kiosk_stmt.execute(params![kiosk, r.to.0, r.to.1, r.distance_m, r.points])?;
            kiosk_legs += 1;
            continue;
        }
        stmt.execute(params![
            r.hall,
            r.from.0,
            r.from.1,
            r.to.0,
            r.to.1,
            r.distance_m,
            r.points
        ])?;
    }
    Ok(PrecomputeReport {
        legs: rows.len() - kiosk_legs - booth_legs,
        kiosk_legs,
        booth_legs,
        walled_in_ends: venue.ends.iter().filter(|e| e.anchor.is_none()).count(),
    })
}

fn legs_of_floor(
    venue: &Venue,
    f: usize,
    end_key: &impl Fn(usize) -> (i64, i64),
    rows: &mut Vec<Row>,
) {
    let floor = &venue.floors[f];
    let ends = &floor.ends;
    // Kiosks of this hall, in id order so the table is written the same way every time.
    let mut kiosks: Vec<(&String, &super::KioskPlace)> = venue
        .kiosks
        .iter()
        .filter(|(_, k)| k.floor == f && k.anchor.is_some())
        .collect();
    kiosks.sort_by(|a, b| a.0.cmp(b.0));
    // Booths of this hall with their aisle-facing cells, in code order.
    let mut booths: Vec<(&String, Vec<super::EdgeCell>)> = venue
        .booths
        .iter()
        .filter(|(_, (bf, _))| *bf == f)
        .map(|(code, (_, rect))| (code, floor.grid.edge_cells(rect)))
        .collect();
    booths.sort_by(|a, b| a.0.cmp(b.0));
    let starts = ends
        .iter()
        .enumerate()
        .map(|(k, &a)| {
            (
                None,
                venue.ends[a].at,
                venue.ends[a].anchor,
                &ends[k + 1..],
                Some(a),
            )
        })
        .chain(
            kiosks
                .iter()
                .map(|(id, k)| (Some((*id).clone()), k.at, k.anchor, &ends[..], None)),
        );
    for (kiosk, at, anchor, later, from_end) in starts {
        let Some((cell, hop)) = anchor else { continue };
        // From a connector end the flood covers the whole hall: every booth needs its length.
        let targets: Vec<usize> = if from_end.is_some() {
            Vec::new()
        } else {
            later
                .iter()
                .filter_map(|&b| venue.ends[b].anchor.map(|x| x.0))
                .collect()
        };
        if later.is_empty() && from_end.is_none() {
            continue;
        }
        let flood = floor.grid.flood(&[(cell, hop)], &targets);
        if let Some(a) = from_end {
            for (code, edges) in &booths {
                let best = edges
                    .iter()
                    .filter_map(|e| flood.metres(e.cell).map(|m| m + e.hop_m))
                    .fold(f64::INFINITY, f64::min);
                if best.is_finite() {
                    rows.push(Row {
                        hall: floor.code.clone(),
                        booth: Some((*code).clone()),
                        kiosk: None,
                        from: (0, 0),
                        to: end_key(a),
                        distance_m: best,
                        points: String::new(),
                    });
                }
            }
        }
        for &b in later {
            let Some((bcell, _)) = venue.ends[b].anchor else {
                continue;
            };
            if flood.metres(bcell).is_none() {
                continue;
            }
            let mut pts = vec![at];
            pts.extend(
                flood
                    .path_to(bcell)
                    .into_iter()
                    .map(|c| floor.grid.centre(c)),
            );
            pts.push(venue.ends[b].at);
            let pts = floor.grid.smooth(&pts);
            let json: Vec<[f64; 2]> = pts.iter().map(|&(x, y)| [x, y]).collect();
            rows.push(Row {
                hall: floor.code.clone(),
                booth: None,
                kiosk: kiosk.clone(),
                from: from_end.map_or((0, 0), end_key),
                to: end_key(b),
                distance_m: length(&pts),
                points: serde_json::to_string(&json).unwrap_or_else(|_| "[]".to_owned()),
            });
        }
    }
}
