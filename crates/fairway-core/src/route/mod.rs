//! Walking routes from a kiosk or a booth to a booth, across halls, step-free when asked.
//!
//! **Walkable space is derived, not drawn.** Inside a hall everything that is not a booth is
//! aisle; halls join only through connectors (doors, corridors, ramps, stairs, escalators,
//! elevators). [`grid`] rasterises each hall into 0.5 m cells with the booths blocked.
//!
//! **Why a grid and not a visibility graph.** A visibility graph gives exact shortest paths, but
//! its size grows with the square of the booth corners (a 20,000-exhibitor hall has thousands),
//! so it must be built and stored at snapshot time, and every query still has to connect its
//! two ends to the visible corners. A grid of 0.5 m cells is a bit set (15 KB for a
//! 216 × 144 m hall) rasterised in milliseconds when the routing data is loaded, needs no
//! geometry beyond rectangles, and the 8-neighbour Dijkstra over it is simple enough to trust.
//! Its staircase paths are straightened by line of sight checked exactly against the booth
//! rectangles, so polylines look drawn by hand and never cross a booth; the length of a
//! smoothed path is within a few per cent of the true shortest one.
//!
//! **What is precomputed.** At build time [`precompute`] walks, in every hall, from each
//! connector end to every other and from each kiosk to every connector end of its hall,
//! smooths the paths and stores them with their lengths (`route_legs`, `kiosk_legs`), plus the
//! length from every booth to every connector end of its hall (`booth_legs`). The grids
//! themselves are not stored: rasterising the booths when the data is loaded takes
//! milliseconds and keeps one source of truth. A query from a kiosk then runs Dijkstra over the
//! small graph of connector ends (stored legs inside halls, connectors between them), and one
//! A* in the booth's hall, seeded at every connector end of that hall with the time already
//! spent reaching it (and at the kiosk when it stands in the same hall), aimed at the booth's
//! aisle-facing edge. From a booth it is the same, starting from the stored lengths of the
//! walks from the booth to its hall's connector ends (`booth_legs`: lengths only, as booths are
//! too many to store polylines for); the one walk taken is then found again by A*.
//!
//! **Distance and time.** `distance_m` is the length of the polylines plus the length of each
//! connector on the site plan (a corridor between two halls is walked too; a door is zero).
//! `walk_s` is `distance_m` at [`WALKING_SPEED_M_S`] (1.2 m/s, a relaxed walking pace that
//! is also a typical wheelchair speed, so step-free routes use the same) plus a fixed time for
//! each level change ([`connector_seconds`]: stairs 15 s, escalator 20 s, elevator 40 s of
//! waiting and ride). Routes are chosen by that time, so an elevator is not taken for a short
//! hop when stairs are next to it, unless the route must be step-free.
//!
//! Routing reads only the snapshot (opened read-only) and keeps everything it loads in
//! [`Venue`], which a caller loads once per snapshot.

pub mod grid;
mod precompute;

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::model::ConnectorKind;
use grid::{EdgeCell, Grid, Point, Rect, dist, length};
pub use precompute::{PrecomputeReport, precompute};

/// Walking speed used for `walk_s`, metres per second, for every route (step-free too).
pub const WALKING_SPEED_M_S: f64 = 1.2;

/// How far from a kiosk or a connector end the nearest free cell may be, metres.
const ANCHOR_RADIUS_M: f64 = 3.0;

/// Extra seconds a connector costs beyond walking its length.
pub fn connector_seconds(kind: ConnectorKind) -> f64 {
    match kind {
        ConnectorKind::Door | ConnectorKind::Corridor | ConnectorKind::Ramp => 0.0,
        ConnectorKind::Stairs => 15.0,
        ConnectorKind::Escalator => 20.0,
        ConnectorKind::Elevator => 40.0,
    }
}

/// A walking route: `fairway route --json` and the kiosk's map.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Route {
    /// Metres walked, polylines and connectors included.
    pub distance_m: f64,
    /// Seconds at [`WALKING_SPEED_M_S`], plus the time of level changes.
    pub walk_s: f64,
    /// Whether the route was asked to be step-free (it then uses no stairs or escalators).
    pub step_free: bool,
    /// One polyline per hall walked through, in order.
    pub legs: Vec<Leg>,
    /// What to do, in order: each hall change, then the walk to the booth.
    pub steps: Vec<Step>,
}

/// The part of a route inside one hall: points in metres, origin top-left of the hall.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Leg {
    pub hall: String,
    pub points: Vec<[f64; 2]>,
}

/// One instruction, in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Step {
    pub kind: StepKind,
    pub text_en: String,
    pub text_zh: String,
}

/// What a step asks of the visitor: take a connector of that kind, or arrive at the booth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    Door,
    Corridor,
    Ramp,
    Stairs,
    Escalator,
    Elevator,
    Arrive,
}

/// Why there is no route. One line naming the problem.
#[derive(Debug, thiserror::Error)]
pub enum RouteError {
    #[error("no kiosk or booth {0:?} in this snapshot")]
    UnknownPlace(String),
    #[error("no booth {0:?} in this snapshot")]
    UnknownBooth(String),
    #[error("booth {0} has no walkable edge: every side touches another booth or a wall")]
    NoWalkableEdge(String),
    #[error("kiosk {0} does not stand on walkable floor (inside a booth or outside its hall)")]
    KioskNotWalkable(String),
    #[error("no step-free route from {from} to {to}: only stairs or escalators lead there")]
    NoStepFreeRoute { from: String, to: String },
    #[error("no route from {from} to {to}: the aisles do not connect them")]
    NoRoute { from: String, to: String },
    #[error("routing data: {0}")]
    Data(String),
    #[error("reading the snapshot: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// A hall as routing sees it.
#[derive(Debug, Clone)]
struct Floor {
    code: String,
    name_en: String,
    name_zh: String,
    level: i32,
    x_m: f64,
    y_m: f64,
    grid: Grid,
    /// Connector ends in this hall that have a free cell nearby.
    ends: Vec<usize>,
}

/// One side of a connector.
#[derive(Debug, Clone)]
struct End {
    connector: usize,
    floor: usize,
    at: Point,
    /// The free cell the end is reached from and the hop to it; `None`: the end is walled in.
    anchor: Option<(usize, f64)>,
}

#[derive(Debug, Clone)]
struct Link {
    kind: ConnectorKind,
    step_free: bool,
    /// Length on the site plan, metres.
    length_m: f64,
    /// Indices into `Venue::ends`: the `from` side, then the `to` side.
    ends: [usize; 2],
}

/// A stored walk between two connector ends of one hall.
#[derive(Debug, Clone)]
struct StoredLeg {
    to: usize,
    distance_m: f64,
    /// Index into `Venue::polylines`; reversed when walked from `to` back.
    polyline: usize,
    reversed: bool,
}

/// Everything routing needs, loaded once from a snapshot.
#[derive(Clone)]
pub struct Venue {
    floors: Vec<Floor>,
    floor_by_code: HashMap<String, usize>,
    booths: HashMap<String, (usize, Rect)>,
    /// Per booth: the metres from its aisle-facing edge to each connector end of its hall.
    booth_ends: HashMap<String, Vec<(usize, f64)>>,
    kiosks: HashMap<String, KioskPlace>,
    links: Vec<Link>,
    ends: Vec<End>,
    /// Connector rowid → index into `links`.
    link_by_rowid: HashMap<i64, usize>,
    /// Per end: the stored legs leaving it.
    legs: Vec<Vec<StoredLeg>>,
    polylines: Vec<Vec<Point>>,
}

impl std::fmt::Debug for Venue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Venue")
            .field("halls", &self.floors.len())
            .field("booths", &self.booths.len())
            .field("kiosks", &self.kiosks.len())
            .field("connectors", &self.links.len())
            .field("stored_legs", &self.polylines.len())
            .finish()
    }
}

/// Where a route starts.
enum Origin<'v> {
    Kiosk {
        at: Point,
        cell: usize,
        hop_m: f64,
        legs: &'v [StoredLeg],
    },
    Booth {
        code: String,
        edges: Vec<EdgeCell>,
    },
}

/// Where the final walk to the booth began.
#[derive(Debug, Clone, Copy)]
enum Seed {
    /// At the start itself (a kiosk, or a point on the first booth's edge), in the same hall.
    Origin(Point),
    /// At a connector end.
    End(usize),
}

/// A kiosk as routing sees it: where it stands and its stored walks to the hall's connectors.
#[derive(Debug, Clone)]
struct KioskPlace {
    floor: usize,
    at: Point,
    /// The free cell next to the kiosk and the hop to it; `None`: it stands in a booth.
    anchor: Option<(usize, f64)>,
    legs: Vec<StoredLeg>,
}

impl Venue {
    /// Loads halls, booths, connectors, kiosks and the stored legs of a snapshot.
    pub fn load(snapshot: &crate::snapshot::Snapshot) -> Result<Venue, RouteError> {
        let mut venue = Venue::load_geometry(snapshot.connection())?;
        venue.load_legs(snapshot.connection())?;
        Ok(venue)
    }

    /// Everything but the stored legs: what [`precompute`] walks over at build time.
    fn load_geometry(conn: &Connection) -> Result<Venue, RouteError> {
        let halls = crate::snapshot::read::read_halls(conn)?;
        let floor_by_code: HashMap<String, usize> = halls
            .iter()
            .enumerate()
            .map(|(i, h)| (h.code.clone(), i))
            .collect();
        let floor_of = |hall: &str| -> Result<usize, RouteError> {
            floor_by_code
                .get(hall)
                .copied()
                .ok_or_else(|| RouteError::Data(format!("unknown hall {hall:?}")))
        };

        let mut rects: Vec<Vec<Rect>> = vec![Vec::new(); halls.len()];
        let mut booths = HashMap::new();
        let mut stmt = conn.prepare("SELECT code, hall, x_m, y_m, width_m, depth_m FROM booths")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let code: String = r.get(0)?;
            let floor = floor_of(&r.get::<_, String>(1)?)?;
            let (x, y, w, d): (f64, f64, f64, f64) = (r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?);
            let rect = Rect {
                x0: x,
                y0: y,
                x1: x + w,
                y1: y + d,
            };
            rects[floor].push(rect);
            booths.insert(code, (floor, rect));
        }

        let mut floors: Vec<Floor> = halls
            .into_iter()
            .zip(rects)
            .map(|(h, rects)| Floor {
                grid: Grid::new(h.width_m, h.depth_m, rects),
                code: h.code,
                name_en: h.name_en,
                name_zh: h.name_zh,
                level: h.level,
                x_m: h.x_m,
                y_m: h.y_m,
                ends: Vec::new(),
            })
            .collect();

        let mut kiosks = HashMap::new();
        let mut stmt = conn.prepare("SELECT id, hall, x_m, y_m FROM kiosks")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let floor = floor_of(&r.get::<_, String>(1)?)?;
            let at: Point = (r.get(2)?, r.get(3)?);
            let grid = &floors[floor].grid;
            let anchor = grid
                .contains(at)
                .then(|| grid.anchor(at, ANCHOR_RADIUS_M))
                .flatten();
            kiosks.insert(
                r.get::<_, String>(0)?,
                KioskPlace {
                    floor,
                    at,
                    anchor,
                    legs: Vec::new(),
                },
            );
        }

        let mut links = Vec::new();
        let mut ends = Vec::new();
        let mut link_by_rowid = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT rowid, from_hall, from_x_m, from_y_m, to_hall, to_x_m, to_y_m, kind, step_free
             FROM connectors ORDER BY rowid",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let rowid: i64 = r.get(0)?;
            let kind_text: String = r.get(7)?;
            let kind = ConnectorKind::parse(&kind_text)
                .ok_or_else(|| RouteError::Data(format!("unknown connector kind {kind_text:?}")))?;
            let index = links.len();
            let mut pair = [0usize; 2];
            let mut global = [(0.0, 0.0); 2];
            for (side, (hall_col, x_col)) in [(1, 2), (4, 5)].into_iter().enumerate() {
                let floor = floor_of(&r.get::<_, String>(hall_col)?)?;
                let at: Point = (r.get(x_col)?, r.get(x_col + 1)?);
                let f = &floors[floor];
                global[side] = (f.x_m + at.0, f.y_m + at.1);
                let anchor = f.grid.anchor(at, ANCHOR_RADIUS_M);
                pair[side] = ends.len();
                if anchor.is_some() {
                    floors[floor].ends.push(ends.len());
                }
                ends.push(End {
                    connector: index,
                    floor,
                    at,
                    anchor,
                });
            }
            links.push(Link {
                kind,
                // Stairs and escalators are never step-free, whatever the source says.
                step_free: r.get::<_, bool>(8)?
                    && !matches!(kind, ConnectorKind::Stairs | ConnectorKind::Escalator),
                length_m: dist(global[0], global[1]),
                ends: pair,
            });
            link_by_rowid.insert(rowid, index);
        }
        let legs = vec![Vec::new(); ends.len()];
        Ok(Venue {
            floors,
            floor_by_code,
            booths,
            booth_ends: HashMap::new(),
            kiosks,
            links,
            ends,
            link_by_rowid,
            legs,
            polylines: Vec::new(),
        })
    }

    fn load_legs(&mut self, conn: &Connection) -> Result<(), RouteError> {
        let mut stmt = conn.prepare(
            "SELECT booth, to_connector, to_side, distance_m FROM booth_legs ORDER BY booth",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let booth: String = r.get(0)?;
            let to = self.end_of(r.get(1)?, r.get(2)?)?;
            let distance_m: f64 = r.get(3)?;
            self.booth_ends
                .entry(booth)
                .or_default()
                .push((to, distance_m));
        }
        let mut stmt = conn
            .prepare("SELECT kiosk, to_connector, to_side, distance_m, points FROM kiosk_legs")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let kiosk: String = r.get(0)?;
            let to = self.end_of(r.get(1)?, r.get(2)?)?;
            let distance_m: f64 = r.get(3)?;
            let polyline = self.push_polyline(&r.get::<_, String>(4)?)?;
            let place = self.kiosks.get_mut(&kiosk).ok_or_else(|| {
                RouteError::Data(format!("kiosk leg names unknown kiosk {kiosk:?}"))
            })?;
            place.legs.push(StoredLeg {
                to,
                distance_m,
                polyline,
                reversed: false,
            });
        }

        let mut stmt = conn.prepare(
            "SELECT from_connector, from_side, to_connector, to_side, distance_m, points
             FROM route_legs",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let a = self.end_of(r.get(0)?, r.get(1)?)?;
            let b = self.end_of(r.get(2)?, r.get(3)?)?;
            let distance_m: f64 = r.get(4)?;
            let polyline = self.push_polyline(&r.get::<_, String>(5)?)?;
            self.legs[a].push(StoredLeg {
                to: b,
                distance_m,
                polyline,
                reversed: false,
            });
            self.legs[b].push(StoredLeg {
                to: a,
                distance_m,
                polyline,
                reversed: true,
            });
        }
        Ok(())
    }

    /// The end of connector `rowid` on `side` (0: its `from` end, 1: its `to` end).
    fn end_of(&self, rowid: i64, side: i64) -> Result<usize, RouteError> {
        let link = self.link_by_rowid.get(&rowid).ok_or_else(|| {
            RouteError::Data(format!("a stored leg names unknown connector {rowid}"))
        })?;
        Ok(self.links[*link].ends[usize::from(side != 0)])
    }

    /// Stores a JSON polyline and returns its index.
    fn push_polyline(&mut self, json: &str) -> Result<usize, RouteError> {
        let points: Vec<[f64; 2]> = serde_json::from_str(json)
            .map_err(|e| RouteError::Data(format!("stored leg points: {e}")))?;
        self.polylines
            .push(points.into_iter().map(|[x, y]| (x, y)).collect());
        Ok(self.polylines.len() - 1)
    }

    /// Bytes held by the loaded routing data (grids, booth index, stored legs, lookups), an
    /// estimate from lengths and capacities.
    pub fn memory_bytes(&self) -> usize {
        let grids: usize = self.floors.iter().map(|f| f.grid.memory_bytes()).sum();
        let polylines: usize = self
            .polylines
            .iter()
            .map(|p| 24 + p.len() * 16)
            .sum::<usize>();
        let legs: usize = self
            .legs
            .iter()
            .map(|l| 24 + l.len() * std::mem::size_of::<StoredLeg>())
            .sum();
        let booths = self.booths.keys().map(|k| k.len() + 24 + 40).sum::<usize>();
        let kiosks = self
            .kiosks
            .iter()
            .map(|(k, p)| {
                k.len()
                    + 24
                    + std::mem::size_of::<KioskPlace>()
                    + p.legs.len() * std::mem::size_of::<StoredLeg>()
            })
            .sum::<usize>();
        let booth_ends = self
            .booth_ends
            .iter()
            .map(|(k, v)| k.len() + 48 + v.capacity() * 16)
            .sum::<usize>();
        grids
            + booth_ends
            + polylines
            + legs
            + booths
            + kiosks
            + self.ends.len() * std::mem::size_of::<End>()
            + self.links.len() * std::mem::size_of::<Link>()
    }

    /// Every kiosk id, sorted.
    pub fn kiosk_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.kiosks.keys().cloned().collect();
        ids.sort();
        ids
    }

    /// Every booth code, sorted.
    pub fn booth_codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self.booths.keys().cloned().collect();
        codes.sort();
        codes
    }

    /// The route from a kiosk id or a booth code to a booth code.
    pub fn route(&self, from: &str, to: &str, step_free: bool) -> Result<Route, RouteError> {
        match self.route_once(from, to, step_free) {
            Err(RouteError::NoRoute { .. }) if step_free => {
                // Say why: is the place reachable at all, only not without steps?
                match self.route_once(from, to, false) {
                    Ok(_) => Err(RouteError::NoStepFreeRoute {
                        from: from.to_owned(),
                        to: to.to_owned(),
                    }),
                    Err(e) => Err(e),
                }
            }
            other => other,
        }
    }

    fn origin(&self, from: &str) -> Result<(usize, Origin<'_>), RouteError> {
        if let Some(kiosk) = self.kiosks.get(from) {
            let (cell, hop_m) = kiosk
                .anchor
                .ok_or_else(|| RouteError::KioskNotWalkable(from.to_owned()))?;
            return Ok((
                kiosk.floor,
                Origin::Kiosk {
                    at: kiosk.at,
                    cell,
                    hop_m,
                    legs: &kiosk.legs,
                },
            ));
        }
        if let Some(&(floor, rect)) = self.booths.get(from) {
            let edges = self.floors[floor].grid.edge_cells(&rect);
            if edges.is_empty() {
                return Err(RouteError::NoWalkableEdge(from.to_owned()));
            }
            return Ok((
                floor,
                Origin::Booth {
                    code: from.to_owned(),
                    edges,
                },
            ));
        }
        Err(RouteError::UnknownPlace(from.to_owned()))
    }

    fn route_once(&self, from: &str, to: &str, step_free: bool) -> Result<Route, RouteError> {
        let &(target_floor, target_rect) = self
            .booths
            .get(to)
            .ok_or_else(|| RouteError::UnknownBooth(to.to_owned()))?;
        let (source_floor, origin) = self.origin(from)?;
        let last = &self.floors[target_floor];
        let target_edges = last.grid.edge_cells(&target_rect);
        if target_edges.is_empty() {
            return Err(RouteError::NoWalkableEdge(to.to_owned()));
        }
        let no_route = || RouteError::NoRoute {
            from: from.to_owned(),
            to: to.to_owned(),
        };
        if let Origin::Booth { code, .. } = &origin
            && code == to
        {
            let edge = target_edges[0].edge;
            return Ok(self.finish(
                vec![Leg {
                    hall: last.code.clone(),
                    points: vec![[edge.0, edge.1]],
                }],
                Vec::new(),
                0.0,
                0.0,
                step_free,
                to,
            ));
        }
        let first = &self.floors[source_floor];
        let secs = |m: f64| m / WALKING_SPEED_M_S;

        // 1. The time to every connector end: out of the first hall (stored legs from a kiosk,
        //    a flood from a booth), then Dijkstra over connectors and the stored legs.
        let n = self.ends.len();
        let mut best = vec![f64::INFINITY; n];
        let mut came: Vec<Option<(usize, Via)>> = vec![None; n];
        let mut heap: BinaryHeap<Reverse<(Ord64, usize)>> = BinaryHeap::new();
        match &origin {
            Origin::Kiosk { legs, .. } => {
                for (k, leg) in legs.iter().enumerate() {
                    let t = secs(leg.distance_m);
                    if t < best[leg.to] {
                        best[leg.to] = t;
                        came[leg.to] = Some((leg.to, Via::Start(k)));
                    }
                }
            }
            Origin::Booth { code, .. } => {
                for &(e, m) in self.booth_ends.get(code).map_or(&[][..], Vec::as_slice) {
                    let t = secs(m);
                    if t < best[e] {
                        best[e] = t;
                        came[e] = Some((e, Via::StartBooth));
                    }
                }
            }
        }
        for (e, &t) in best.iter().enumerate() {
            if t.is_finite() {
                heap.push(Reverse((Ord64(t), e)));
            }
        }
        while let Some(Reverse((Ord64(t), slot))) = heap.pop() {
            if t > best[slot] {
                continue;
            }
            let mut relax = |next: usize, cost: f64, via: Via, heap: &mut BinaryHeap<_>| {
                let nt = t + cost;
                if nt < best[next] {
                    best[next] = nt;
                    came[next] = Some((slot, via));
                    heap.push(Reverse((Ord64(nt), next)));
                }
            };
            // Through the connector to its other side.
            let link = &self.links[self.ends[slot].connector];
            if !step_free || link.step_free {
                let other = if link.ends[0] == slot {
                    link.ends[1]
                } else {
                    link.ends[0]
                };
                if self.ends[other].anchor.is_some() {
                    let cost = secs(link.length_m) + connector_seconds(link.kind);
                    relax(other, cost, Via::Connector, &mut heap);
                }
            }
            // Across the hall to another connector end.
            for (k, leg) in self.legs[slot].iter().enumerate() {
                relax(leg.to, secs(leg.distance_m), Via::Leg(k), &mut heap);
            }
        }

        // 2. One A* in the booth's hall, from the start (same hall) and from every end reached,
        //    each seeded with the metres already behind it, to the booth's aisle-facing edge.
        let mut seeds: Vec<(usize, f64)> = Vec::new();
        let mut seed_of: HashMap<usize, (f64, Seed)> = HashMap::new();
        let mut seed = |cell: usize, m: f64, s: Seed| {
            if seed_of.get(&cell).is_none_or(|(old, _)| m < *old) {
                seed_of.insert(cell, (m, s));
            }
        };
        if source_floor == target_floor {
            match &origin {
                Origin::Kiosk {
                    at, cell, hop_m, ..
                } => seed(*cell, *hop_m, Seed::Origin(*at)),
                Origin::Booth { edges, .. } => {
                    for e in edges {
                        seed(e.cell, e.hop_m, Seed::Origin(e.edge));
                    }
                }
            }
        }
        for &e in &last.ends {
            if let Some((cell, hop)) = self.ends[e].anchor
                && best[e].is_finite()
            {
                seed(cell, best[e] * WALKING_SPEED_M_S + hop, Seed::End(e));
            }
        }
        seeds.extend(seed_of.iter().map(|(&c, &(m, _))| (c, m)));
        if seeds.is_empty() {
            return Err(no_route());
        }
        // The same order whatever the hash map's, so equal routes are the same route.
        seeds.sort_by_key(|a| a.0);
        let goals: Vec<usize> = target_edges.iter().map(|e| e.cell).collect();
        let search = last.grid.towards(&seeds, &goals, &target_rect);
        let goal = search.reached.ok_or_else(no_route)?;
        let cells = search.path_to(goal);
        let (_, start) = seed_of[&cells[0]];
        let goal_edge = target_edges
            .iter()
            .find(|e| e.cell == goal)
            .ok_or_else(no_route)?
            .edge;
        let mut final_points = vec![match start {
            Seed::Origin(p) => p,
            Seed::End(e) => self.ends[e].at,
        }];
        final_points.extend(cells.iter().map(|&c| last.grid.centre(c)));
        final_points.push(goal_edge);
        let final_points = last.grid.smooth(&final_points);

        // 3. The legs and steps, from the start to the end the final walk began at.
        let mut legs: Vec<(usize, Vec<Point>)> = Vec::new();
        let mut steps = Vec::new();
        let mut connector_m = 0.0;
        let mut connector_s = 0.0;
        if let Seed::End(end) = start {
            let mut chain: Vec<(usize, usize, Via)> = Vec::new();
            let mut slot = end;
            while let Some((prev, via)) = came[slot] {
                chain.push((slot, prev, via));
                if matches!(via, Via::Start(_) | Via::StartBooth) {
                    break;
                }
                slot = prev;
            }
            chain.reverse();
            for (slot, prev, via) in chain {
                let here = &self.ends[slot];
                match via {
                    Via::Start(k) => {
                        let Origin::Kiosk { legs: kl, .. } = &origin else {
                            return Err(no_route());
                        };
                        let leg = &kl[k];
                        legs.push((source_floor, self.polylines[leg.polyline].clone()));
                    }
                    Via::StartBooth => {
                        // Only the lengths were stored: walk this one from the end back to the
                        // booth, A* towards it, and turn it round.
                        let (Origin::Booth { code, edges }, Some(anchor)) = (&origin, here.anchor)
                        else {
                            return Err(no_route());
                        };
                        let &(_, rect) = self.booths.get(code).ok_or_else(no_route)?;
                        let goals: Vec<usize> = edges.iter().map(|e| e.cell).collect();
                        let back = first.grid.towards(&[anchor], &goals, &rect);
                        let reached = back.reached.ok_or_else(no_route)?;
                        let edge = edges
                            .iter()
                            .find(|e| e.cell == reached)
                            .ok_or_else(no_route)?;
                        let mut pts = vec![here.at];
                        pts.extend(back.path_to(reached).iter().map(|&c| first.grid.centre(c)));
                        pts.push(edge.edge);
                        pts.reverse();
                        legs.push((source_floor, first.grid.smooth(&pts)));
                    }
                    Via::Connector => {
                        let link = &self.links[here.connector];
                        connector_m += link.length_m;
                        connector_s += connector_seconds(link.kind);
                        steps.push(self.connector_step(link, self.ends[prev].floor, here.floor));
                        legs.push((here.floor, vec![here.at]));
                    }
                    Via::Leg(k) => {
                        let leg = &self.legs[prev][k];
                        let mut pts = self.polylines[leg.polyline].clone();
                        if leg.reversed {
                            pts.reverse();
                        }
                        push_points(&mut legs, here.floor, pts);
                    }
                }
            }
        }
        push_points(&mut legs, target_floor, final_points);
        let legs: Vec<Leg> = legs
            .into_iter()
            .map(|(floor, points)| Leg {
                hall: self.floors[floor].code.clone(),
                points: points.into_iter().map(|(x, y)| [x, y]).collect(),
            })
            .collect();
        Ok(self.finish(legs, steps, connector_m, connector_s, step_free, to))
    }

    fn finish(
        &self,
        legs: Vec<Leg>,
        mut steps: Vec<Step>,
        connector_m: f64,
        connector_s: f64,
        step_free: bool,
        to: &str,
    ) -> Route {
        let walked: f64 = legs
            .iter()
            .map(|l| length(&l.points.iter().map(|p| (p[0], p[1])).collect::<Vec<_>>()))
            .sum();
        let distance_m = walked + connector_m;
        steps.push(Step {
            kind: StepKind::Arrive,
            text_en: format!("Walk to booth {to}"),
            text_zh: format!("步行至{to}展位"),
        });
        Route {
            distance_m: round2(distance_m),
            walk_s: (distance_m / WALKING_SPEED_M_S + connector_s).round(),
            step_free,
            legs,
            steps,
        }
    }

    fn connector_step(&self, link: &Link, from: usize, to: usize) -> Step {
        let (a, b) = (&self.floors[from], &self.floors[to]);
        let level = b.level;
        let up = b.level > a.level;
        let changes = b.level != a.level;
        let (kind, en, zh) = match link.kind {
            ConnectorKind::Door => (
                StepKind::Door,
                format!("Go through the door to {}", b.name_en),
                format!("穿过门进入{}", b.name_zh),
            ),
            ConnectorKind::Corridor => (
                StepKind::Corridor,
                format!("Take the corridor to {}", b.name_en),
                format!("经连廊前往{}", b.name_zh),
            ),
            ConnectorKind::Ramp => (
                StepKind::Ramp,
                format!("Take the ramp to {}", b.name_en),
                format!("经坡道前往{}", b.name_zh),
            ),
            ConnectorKind::Stairs => (
                StepKind::Stairs,
                level_text("the stairs", changes, up, level, &b.name_en),
                level_text_zh("走楼梯", changes, up, level, &b.name_zh),
            ),
            ConnectorKind::Escalator => (
                StepKind::Escalator,
                level_text("the escalator", changes, up, level, &b.name_en),
                level_text_zh("乘自动扶梯", changes, up, level, &b.name_zh),
            ),
            ConnectorKind::Elevator => (
                StepKind::Elevator,
                level_text("the elevator", changes, up, level, &b.name_en),
                level_text_zh("乘电梯", changes, up, level, &b.name_zh),
            ),
        };
        Step {
            kind,
            text_en: en,
            text_zh: zh,
        }
    }

    /// The code of the hall a booth stands in.
    pub fn hall_of_booth(&self, code: &str) -> Option<&str> {
        self.booths
            .get(code)
            .map(|(f, _)| self.floors[*f].code.as_str())
    }

    /// Whether a hall code is known.
    pub fn has_hall(&self, code: &str) -> bool {
        self.floor_by_code.contains_key(code)
    }
}

fn level_text(what: &str, changes: bool, up: bool, level: i32, hall: &str) -> String {
    if changes {
        let dir = if up { "up" } else { "down" };
        format!("Take {what} {dir} to level {level}, {hall}")
    } else {
        format!("Take {what} to {hall}")
    }
}

fn level_text_zh(what: &str, changes: bool, up: bool, level: i32, hall: &str) -> String {
    if changes {
        let dir = if up { "上" } else { "下" };
        format!("{what}{dir}到{level}层，{hall}")
    } else {
        format!("{what}前往{hall}")
    }
}

/// Appends points to the last leg when it is in the same hall, or starts a new leg.
fn push_points(legs: &mut Vec<(usize, Vec<Point>)>, floor: usize, pts: Vec<Point>) {
    match legs.last_mut() {
        Some((f, existing)) if *f == floor => {
            for p in pts {
                if existing.last() != Some(&p) {
                    existing.push(p);
                }
            }
        }
        _ => legs.push((floor, pts)),
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// How the search reached a connector end.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Via {
    /// Along the `k`th stored walk of the starting kiosk.
    Start(usize),
    /// Across the first hall from the starting booth (a stored length).
    StartBooth,
    /// Through a connector from its other end.
    Connector,
    /// Along the `k`th stored leg of the previous end.
    Leg(usize),
}

/// An `f64` that is never NaN, ordered for the priority queue.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Ord64(f64);

impl Eq for Ord64 {}

impl PartialOrd for Ord64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ord64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}
