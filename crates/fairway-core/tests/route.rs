//! Routes through the public interface: every kiosk of the demo fair to every booth, checked
//! geometrically against the booth rectangles and the connectors the snapshot holds.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fairway_core::build::{BuildOptions, build, build_snapshot};
use fairway_core::model::{
    Booth, Connector, ConnectorKind, Fair, FairSource, Hall, Kiosk, Language,
};
use fairway_core::route::{Route, RouteError, StepKind};
use fairway_core::snapshot::Snapshot;

/// The demo fair, built once for this test binary.
fn demo() -> &'static Path {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = BUILT.get_or_init(|| {
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-fair");
        let out = tempfile::tempdir().expect("output folder");
        let report = build(&source, out.path(), &BuildOptions::default())
            .unwrap_or_else(|e| panic!("the demo fair builds: {e}"));
        (out, report.snapshot)
    });
    path
}

/// What the checks need from the snapshot, read through its ordinary queries.
struct Plan {
    /// Hall code → (x_m, y_m, level).
    halls: HashMap<String, (f64, f64, i32)>,
    /// Hall code → booth rectangles (x0, y0, x1, y1) with their codes.
    booths: HashMap<String, Vec<(String, [f64; 4])>>,
    kiosks: HashMap<String, (String, f64, f64)>,
    connectors: Vec<fairway_core::snapshot::Connector>,
}

impl Plan {
    fn read(snapshot: &Snapshot) -> Plan {
        let halls = snapshot.halls().expect("halls");
        let mut booths = HashMap::new();
        for h in &halls {
            let list = snapshot
                .booths_in_hall(&h.code)
                .expect("booths")
                .into_iter()
                .map(|b| (b.code, [b.x_m, b.y_m, b.x_m + b.width_m, b.y_m + b.depth_m]))
                .collect();
            booths.insert(h.code.clone(), list);
        }
        Plan {
            halls: halls
                .iter()
                .map(|h| (h.code.clone(), (h.x_m, h.y_m, h.level)))
                .collect(),
            booths,
            kiosks: snapshot
                .kiosks()
                .expect("kiosks")
                .into_iter()
                .map(|k| (k.id, (k.hall, k.x_m, k.y_m)))
                .collect(),
            connectors: snapshot.connectors().expect("connectors"),
        }
    }

    fn booth(&self, code: &str) -> (&str, [f64; 4]) {
        self.booths
            .iter()
            .find_map(|(hall, list)| {
                list.iter()
                    .find(|(c, _)| c == code)
                    .map(|(_, r)| (hall.as_str(), *r))
            })
            .expect("a known booth")
    }

    fn global(&self, hall: &str, p: [f64; 2]) -> (f64, f64) {
        let (x, y, _) = self.halls[hall];
        (x + p[0], y + p[1])
    }
}

/// Whether the segment meets the open interior of the rectangle (an independent check: the
/// rectangle shrunk by a micrometre, clipped with the separating-axis idea by sampling the
/// segment's parameter at the slab boundaries).
fn crosses(a: [f64; 2], b: [f64; 2], r: [f64; 4]) -> bool {
    let eps = 1e-6;
    let (x0, y0, x1, y1) = (r[0] + eps, r[1] + eps, r[2] - eps, r[3] - eps);
    // Candidate parameters: the ends and every crossing of a slab boundary; the segment enters
    // the open box iff the midpoint of some consecutive pair of candidates lies inside it.
    let mut ts = vec![0.0, 1.0];
    for (p, d, lo, hi) in [(a[0], b[0] - a[0], x0, x1), (a[1], b[1] - a[1], y0, y1)] {
        if d != 0.0 {
            for v in [lo, hi] {
                let t = (v - p) / d;
                if (0.0..=1.0).contains(&t) {
                    ts.push(t);
                }
            }
        }
    }
    ts.sort_by(f64::total_cmp);
    let inside = |t: f64| {
        let (x, y) = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t);
        x > x0 && x < x1 && y > y0 && y < y1
    };
    ts.windows(2).any(|w| inside((w[0] + w[1]) / 2.0)) || inside(0.0) || inside(1.0)
}

fn on_edge(p: [f64; 2], r: [f64; 4]) -> bool {
    let eps = 1e-6;
    let within =
        p[0] >= r[0] - eps && p[0] <= r[2] + eps && p[1] >= r[1] - eps && p[1] <= r[3] + eps;
    let at_side = (p[0] - r[0]).abs() < eps
        || (p[0] - r[2]).abs() < eps
        || (p[1] - r[1]).abs() < eps
        || (p[1] - r[3]).abs() < eps;
    within && at_side
}

/// Checks one route against the floor plan; `start` is the global start point and its hall.
fn check(plan: &Plan, route: &Route, start: (&str, [f64; 2]), to: &str, what: &str) {
    let (to_hall, to_rect) = plan.booth(to);
    assert!(
        !route.legs.is_empty(),
        "{what}: a route has at least one leg"
    );
    let first = &route.legs[0];
    assert_eq!(
        first.hall, start.0,
        "{what}: the route starts in the start's hall"
    );
    let p0 = first.points[0];
    assert!(
        (p0[0] - start.1[0]).abs() < 1e-6 && (p0[1] - start.1[1]).abs() < 1e-6,
        "{what}: the route starts at the start point, not at {p0:?}"
    );
    let last = route.legs.last().expect("a last leg");
    assert_eq!(
        last.hall, to_hall,
        "{what}: the route ends in the booth's hall"
    );
    let end = *last.points.last().expect("a last point");
    assert!(
        on_edge(end, to_rect),
        "{what}: the route ends on the booth's edge, not at {end:?} ({to_rect:?})"
    );

    let mut walked = 0.0;
    for leg in &route.legs {
        for w in leg.points.windows(2) {
            walked += (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]);
            for (code, r) in &plan.booths[&leg.hall] {
                assert!(
                    !crosses(w[0], w[1], *r),
                    "{what}: segment {:?}→{:?} in {} passes through booth {code}",
                    w[0],
                    w[1],
                    leg.hall
                );
            }
        }
    }

    // Every change of hall is a connector whose ends are where the legs meet, of the kind
    // the step names, and step-free when the route must be.
    let changes: Vec<_> = route
        .steps
        .iter()
        .filter(|s| s.kind != StepKind::Arrive)
        .collect();
    assert_eq!(
        changes.len(),
        route.legs.len() - 1,
        "{what}: one step per change of hall"
    );
    let mut connectors_m = 0.0;
    for (pair, step) in route.legs.windows(2).zip(&changes) {
        let (a, b) = (&pair[0], &pair[1]);
        let pa = *a.points.last().expect("points");
        let pb = b.points[0];
        let near = |x: f64, y: f64, p: [f64; 2]| (x - p[0]).abs() < 1e-6 && (y - p[1]).abs() < 1e-6;
        let used = plan.connectors.iter().find(|c| {
            (c.from_hall == a.hall
                && c.to_hall == b.hall
                && near(c.from_x_m, c.from_y_m, pa)
                && near(c.to_x_m, c.to_y_m, pb))
                || (c.to_hall == a.hall
                    && c.from_hall == b.hall
                    && near(c.to_x_m, c.to_y_m, pa)
                    && near(c.from_x_m, c.from_y_m, pb))
        });
        let used = used.unwrap_or_else(|| {
            panic!(
                "{what}: from {} {pa:?} to {} {pb:?} there is no connector",
                a.hall, b.hall
            )
        });
        assert_eq!(
            serde_json::to_value(step.kind).expect("kind"),
            serde_json::Value::String(used.kind.clone()),
            "{what}: the step names the connector's kind"
        );
        if route.step_free {
            assert!(
                used.step_free && used.kind != "stairs" && used.kind != "escalator",
                "{what}: a step-free route takes {}",
                used.kind
            );
        }
        let (ga, gb) = (plan.global(&a.hall, pa), plan.global(&b.hall, pb));
        connectors_m += (ga.0 - gb.0).hypot(ga.1 - gb.1);
    }
    assert!(
        (route.distance_m - (walked + connectors_m)).abs() < 0.05,
        "{what}: distance {} is the polylines ({walked}) plus the connectors ({connectors_m})",
        route.distance_m
    );
    let (gs, ge) = (plan.global(start.0, start.1), plan.global(to_hall, end));
    let straight = (gs.0 - ge.0).hypot(gs.1 - ge.1);
    assert!(
        route.distance_m + 0.01 >= straight,
        "{what}: distance {} is shorter than the straight line {straight}",
        route.distance_m
    );
    assert!(
        route.walk_s >= route.distance_m / 1.2 - 1.0,
        "{what}: time at 1.2 m/s or slower"
    );
    assert_eq!(
        route.steps.last().map(|s| s.kind),
        Some(StepKind::Arrive),
        "{what}: the last step is the arrival"
    );
}

#[test]
fn every_demo_kiosk_reaches_every_booth_without_crossing_one() {
    let snapshot = Snapshot::open(demo()).expect("the demo snapshot opens");
    let plan = Plan::read(&snapshot);
    let mut kiosks: Vec<_> = plan.kiosks.iter().collect();
    kiosks.sort_by_key(|(id, _)| id.as_str());
    let mut codes: Vec<&str> = plan
        .booths
        .values()
        .flat_map(|l| l.iter().map(|(c, _)| c.as_str()))
        .collect();
    codes.sort_unstable();
    assert!(codes.len() > 300, "the demo fair has its booths");
    let mut refused_step_free = Vec::new();
    for (id, (hall, x, y)) in &kiosks {
        for code in &codes {
            let route = snapshot
                .route(id, code, false)
                .unwrap_or_else(|e| panic!("{id} → {code}: every booth is reachable: {e}"));
            check(
                &plan,
                &route,
                (hall, [*x, *y]),
                code,
                &format!("{id} → {code}"),
            );
            match snapshot.route(id, code, true) {
                Ok(route) => check(
                    &plan,
                    &route,
                    (hall, [*x, *y]),
                    code,
                    &format!("{id} → {code} step-free"),
                ),
                Err(RouteError::NoStepFreeRoute { .. }) => {
                    refused_step_free.push(format!("{id} → {code}"))
                }
                Err(e) => panic!("{id} → {code} step-free: a clear reason, not {e}"),
            }
        }
    }
    // Every step-free refusal is for a place a non-step-free route reaches (checked above);
    // report how many so a change in the demo shows up here.
    println!("step-free refusals: {}", refused_step_free.len());
}

#[test]
fn booth_to_booth_routes_start_and_end_on_aisle_edges() {
    let snapshot = Snapshot::open(demo()).expect("the demo snapshot opens");
    let plan = Plan::read(&snapshot);
    let mut codes: Vec<&str> = plan
        .booths
        .values()
        .flat_map(|l| l.iter().map(|(c, _)| c.as_str()))
        .collect();
    codes.sort_unstable();
    // A fixed pseudo-random sample of pairs, so every run checks the same ones.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let from = codes[(seed % codes.len() as u64) as usize];
        let to = codes[((seed >> 32) % codes.len() as u64) as usize];
        for step_free in [false, true] {
            let route = match snapshot.route(from, to, step_free) {
                Ok(route) => route,
                Err(RouteError::NoStepFreeRoute { .. }) if step_free => continue,
                Err(e) => panic!("{from} → {to}: {e}"),
            };
            let (hall, rect) = plan.booth(from);
            let start = route.legs[0].points[0];
            assert!(
                on_edge(start, rect),
                "{from} → {to}: starts on the first booth's edge, not {start:?}"
            );
            check(&plan, &route, (hall, start), to, &format!("{from} → {to}"));
        }
    }
}

#[test]
fn step_free_takes_the_elevator_where_the_stairs_are_nearer() {
    let snapshot = Snapshot::open(demo()).expect("the demo snapshot opens");
    let plan = Plan::read(&snapshot);
    let target = plan.booths["M1"]
        .iter()
        .map(|(c, r)| (c.as_str(), r))
        .min_by(|a, b| a.1[0].total_cmp(&b.1[0]))
        .expect("M1 has booths")
        .0;
    let walking = snapshot
        .route("K-S1-ENTRANCE", target, false)
        .expect("a route to level 2");
    let step_free = snapshot
        .route("K-S1-ENTRANCE", target, true)
        .expect("a step-free route to level 2");
    let kinds = |r: &Route| r.steps.iter().map(|s| s.kind).collect::<Vec<_>>();
    assert!(
        !kinds(&walking).contains(&StepKind::Elevator),
        "from S1 the stairs or escalator are nearer than the elevator: {:?}",
        kinds(&walking)
    );
    assert!(
        kinds(&step_free).contains(&StepKind::Elevator),
        "the step-free route takes the elevator: {:?}",
        kinds(&step_free)
    );
    assert!(
        step_free.distance_m > walking.distance_m,
        "the step-free route is longer ({} m) than the one with steps ({} m)",
        step_free.distance_m,
        walking.distance_m
    );
    let elevator = step_free
        .steps
        .iter()
        .find(|s| s.kind == StepKind::Elevator)
        .expect("an elevator step");
    assert_eq!(
        elevator.text_en,
        "Take the elevator up to level 2, Hall M1 (Level 2)"
    );
    assert_eq!(elevator.text_zh, "乘电梯上到2层，M1馆（2层）");
}

#[test]
fn route_json_has_the_documented_shape() {
    let snapshot = Snapshot::open(demo()).expect("the demo snapshot opens");
    let route = snapshot
        .route("K-N1-ENTRANCE", "N3-A01", false)
        .expect("N1 to N3");
    let value = serde_json::to_value(&route).expect("route serialises");
    let keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 5, "exactly the documented fields: {keys:?}");
    for key in ["distance_m", "walk_s", "step_free", "legs", "steps"] {
        assert!(value.get(key).is_some(), "{key} is in the route JSON");
    }
    assert_eq!(value["legs"][0]["hall"], "N1");
    assert!(
        value["legs"][0]["points"][0]
            .as_array()
            .is_some_and(|p| p.len() == 2)
    );
    let doors: Vec<&str> = route
        .steps
        .iter()
        .filter(|s| s.kind == StepKind::Door)
        .map(|s| s.text_en.as_str())
        .collect();
    assert!(
        doors.contains(&"Go through the door to Hall N3"),
        "N1 to N3 goes through the door into N3: {doors:?}"
    );
    assert_eq!(
        route
            .steps
            .last()
            .map(|s| (s.text_en.as_str(), s.text_zh.as_str())),
        Some(("Walk to booth N3-A01", "步行至N3-A01展位"))
    );
}

#[test]
fn unknown_places_are_named_in_the_error() {
    let snapshot = Snapshot::open(demo()).expect("the demo snapshot opens");
    let err = snapshot
        .route("K-NOWHERE", "N1-A01", false)
        .expect_err("an unknown kiosk");
    assert!(matches!(err, RouteError::UnknownPlace(_)), "{err}");
    assert!(err.to_string().contains("K-NOWHERE"), "{err}");
    let err = snapshot
        .route("K-N1-ENTRANCE", "Z9-Z99", false)
        .expect_err("an unknown booth");
    assert!(matches!(err, RouteError::UnknownBooth(_)), "{err}");
    assert!(err.to_string().contains("Z9-Z99"), "{err}");
}

/// A tiny fair: hall A, and hall B a level up that only stairs reach; in A, booth A-WALLED is
/// surrounded by other booths on every side.
fn tiny_fair() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir_all(dir.path().join("images")).expect("images folder");
    let hall = |code: &str, level: i32| Hall {
        code: code.to_owned(),
        name_en: format!("Hall {code}"),
        name_zh: format!("{code}馆"),
        level,
        width_m: 30.0,
        depth_m: 20.0,
        x_m: 0.0,
        y_m: 0.0,
    };
    let booth = |code: &str, hall: &str, x: f64, y: f64| Booth {
        code: code.to_owned(),
        hall: hall.to_owned(),
        x_m: x,
        y_m: y,
        width_m: 3.0,
        depth_m: 3.0,
        pavilion: None,
    };
    let mut booths = vec![
        booth("A-WALLED", "A", 10.0, 10.0),
        booth("B-01", "B", 10.0, 10.0),
    ];
    for (i, (dx, dy)) in [
        (-3.0, -3.0),
        (0.0, -3.0),
        (3.0, -3.0),
        (-3.0, 0.0),
        (3.0, 0.0),
        (-3.0, 3.0),
        (0.0, 3.0),
        (3.0, 3.0),
    ]
    .into_iter()
    .enumerate()
    {
        booths.push(booth(&format!("A-RING{i}"), "A", 10.0 + dx, 10.0 + dy));
    }
    booths.push(booth("A-OPEN", "A", 24.0, 2.0));
    let source = FairSource {
        root: dir.path().to_path_buf(),
        fair: Fair {
            id: "tiny".to_owned(),
            name_en: "Tiny".to_owned(),
            name_zh: "小".to_owned(),
            venue_en: None,
            venue_zh: None,
            starts_on: None,
            ends_on: None,
            timezone: None,
            default_language: Language::En,
        },
        halls: vec![hall("A", 1), hall("B", 2)],
        pavilions: Vec::new(),
        categories: Vec::new(),
        booths,
        exhibitors: Vec::new(),
        products: Vec::new(),
        connectors: vec![Connector {
            from_hall: "A".to_owned(),
            from_x_m: 0.0,
            from_y_m: 2.0,
            to_hall: "B".to_owned(),
            to_x_m: 0.0,
            to_y_m: 2.0,
            kind: ConnectorKind::Stairs,
            step_free: false,
        }],
        kiosks: vec![Kiosk {
            id: "K-A".to_owned(),
            hall: "A".to_owned(),
            x_m: 2.0,
            y_m: 18.0,
            label_en: None,
            label_zh: None,
        }],
    };
    let out = dir.path().join("out");
    let report = build_snapshot(&source, &out, &BuildOptions::default())
        .unwrap_or_else(|e| panic!("the tiny fair builds: {e}"));
    (dir, report.snapshot)
}

#[test]
fn step_free_to_a_place_only_stairs_reach_is_a_clear_error() {
    let (_dir, path) = tiny_fair();
    let snapshot = Snapshot::open(&path).expect("opens");
    let route = snapshot
        .route("K-A", "B-01", false)
        .expect("the stairs reach B");
    assert!(route.steps.iter().any(|s| s.kind == StepKind::Stairs));
    let err = snapshot
        .route("K-A", "B-01", true)
        .expect_err("no step-free way up");
    assert!(
        matches!(err, RouteError::NoStepFreeRoute { .. }),
        "the error says it is the steps: {err}"
    );
    assert_eq!(
        err.to_string(),
        "no step-free route from K-A to B-01: only stairs or escalators lead there"
    );
}

#[test]
fn a_booth_walled_in_by_other_booths_has_no_walkable_edge() {
    let (_dir, path) = tiny_fair();
    let snapshot = Snapshot::open(&path).expect("opens");
    let err = snapshot
        .route("K-A", "A-WALLED", false)
        .expect_err("the booth has no aisle");
    assert!(
        matches!(err, RouteError::NoWalkableEdge(ref b) if b == "A-WALLED"),
        "{err}"
    );
    let route = snapshot
        .route("K-A", "A-OPEN", true)
        .expect("an open booth");
    assert_eq!(route.legs.len(), 1, "one hall, no connector");
    assert_eq!(route.steps.len(), 1, "only the arrival");
}

#[test]
fn a_route_from_a_booth_to_itself_is_empty() {
    let snapshot = Snapshot::open(demo()).expect("the demo snapshot opens");
    let route = snapshot.route("N1-A01", "N1-A01", false).expect("a route");
    assert_eq!(route.distance_m, 0.0);
    assert_eq!(route.legs.len(), 1);
}

mod random_halls {
    use fairway_core::route::grid::{Grid, Point, Rect};
    use proptest::prelude::*;

    use super::crosses;

    /// Booths on a 4 m lattice with random sizes up to 4 m, so they never overlap, in a
    /// 40 × 24 m hall.
    fn booths() -> impl Strategy<Value = Vec<Rect>> {
        proptest::collection::vec((0u8..10, 0u8..6, 1u8..=8, 1u8..=8, any::<bool>()), 0..40)
            .prop_map(|cells| {
                let mut seen = std::collections::HashSet::new();
                cells
                    .into_iter()
                    .filter(|(i, j, ..)| seen.insert((*i, *j)))
                    .filter(|(.., keep)| *keep)
                    .map(|(i, j, w, d, _)| {
                        let (x, y) = (f64::from(i) * 4.0, f64::from(j) * 4.0);
                        Rect {
                            x0: x,
                            y0: y,
                            x1: x + f64::from(w) * 0.5,
                            y1: y + f64::from(d) * 0.5,
                        }
                    })
                    .collect()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn smoothed_grid_paths_never_cross_a_booth(
            rects in booths(),
            a in (0.0f64..40.0, 0.0f64..24.0),
            b in (0.0f64..40.0, 0.0f64..24.0),
        ) {
            let grid = Grid::new(40.0, 24.0, rects.clone());
            let (Some((from, _)), Some((to, _))) = (grid.anchor(a, 3.0), grid.anchor(b, 3.0)) else {
                return Ok(());
            };
            let flood = grid.flood(&[(from, 0.0)], &[to]);
            let Some(metres) = flood.metres(to) else { return Ok(()) };
            let mut points: Vec<Point> = vec![a];
            points.extend(flood.path_to(to).into_iter().map(|c| grid.centre(c)));
            points.push(b);
            let smooth = grid.smooth(&points);
            let straight = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
            let walked: f64 = smooth.windows(2).map(|w| ((w[0].0 - w[1].0).powi(2) + (w[0].1 - w[1].1).powi(2)).sqrt()).sum();
            prop_assert!(walked + 1e-9 >= straight, "shorter than the straight line");
            prop_assert!(walked <= metres + 6.0 + 1e-6, "smoothing never lengthens the grid path");
            for w in smooth.windows(2) {
                for r in &rects {
                    prop_assert!(
                        !crosses([w[0].0, w[0].1], [w[1].0, w[1].1], [r.x0, r.y0, r.x1, r.y1]),
                        "segment {:?}→{:?} crosses {:?}", w[0], w[1], r
                    );
                }
            }
        }
    }
}

#[test]
fn hall_map_of_s2_has_its_booths_pavilions_ways_up_and_kiosk() {
    let snapshot = Snapshot::open(demo()).expect("the demo snapshot opens");
    let map = snapshot
        .hall_map("S2")
        .expect("query runs")
        .expect("S2 exists");
    assert_eq!(map.hall.code, "S2");
    assert!(
        map.booths.iter().all(|b| b.hall == "S2") && !map.booths.is_empty(),
        "only S2's booths"
    );
    assert!(
        map.booths.iter().any(|b| !b.exhibitors.is_empty()),
        "booths carry their exhibitors"
    );
    let kinds: Vec<(&str, &str)> = map
        .connectors
        .iter()
        .map(|c| (c.kind.as_str(), c.to_hall.as_str()))
        .collect();
    for way in [
        ("stairs", "M1"),
        ("escalator", "M1"),
        ("elevator", "M1"),
        ("ramp", "N2"),
    ] {
        assert!(kinds.contains(&way), "S2 shows its {way:?}: {kinds:?}");
    }
    assert!(
        map.connectors
            .iter()
            .any(|c| c.to_hall == "S1" && c.x_m == 0.0),
        "the door to S1 is seen from S2's side, on its west wall"
    );
    assert_eq!(
        map.kiosks.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(),
        ["K-S2-LIFTS"]
    );
    let used: std::collections::HashSet<&str> = map
        .booths
        .iter()
        .filter_map(|b| b.pavilion.as_deref())
        .collect();
    assert_eq!(
        map.pavilions
            .iter()
            .map(|p| p.slug.as_str())
            .collect::<std::collections::HashSet<_>>(),
        used,
        "exactly the pavilions with a booth here are tinted"
    );
    assert!(snapshot.hall_map("Z9").expect("query runs").is_none());
}
