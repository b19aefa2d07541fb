//! The floor map in the real app: "Show on map" from a profile draws the route and highlights
//! the booth, a tapped booth opens its exhibitor, the step-free toggle changes the route where
//! the demo fair makes it matter, and (printed, not asserted) the time to first render of the
//! largest hall.
//!
//! The test kiosk's configured id ("e2e") is not in the demo fair, so the map falls back to the
//! fair's first kiosk and says so; the routes below are computed from that kiosk with
//! `fairway_core`, the same code the app calls.

use std::path::PathBuf;
use std::time::Duration;

use fairway_core::snapshot::Snapshot;
use fairway_e2e::{Kiosk, Options, fixture, scenario, screenshot_dir};
use serde_json::Value;

/// What the test needs to know about the demo fair's routes.
struct Plan {
    /// The kiosk the map shows as "you are here".
    kiosk: String,
    /// An exhibitor whose first booth is reached differently when the route must be step-free.
    exhibitor: String,
    booth: String,
    booth_hall: String,
    distance_m: f64,
    step_free_distance_m: f64,
    /// The hall with the most booths.
    largest_hall: String,
}

/// The demo kiosk the screenshots stand at: the entrance of Hall N1, as a kiosk started with
/// no configuration does.
const SHOWN_KIOSK: &str = "K-N1-ENTRANCE";

/// What the tests walk: from `kiosk`, or from the snapshot's first kiosk (where a kiosk whose id
/// the snapshot does not know falls back to).
fn plan(kiosk: Option<&str>) -> Plan {
    let snapshot = Snapshot::open(&fixture().snapshot).expect("the fixture snapshot opens");
    let first = snapshot
        .kiosks()
        .expect("kiosks read")
        .into_iter()
        .next()
        .expect("the demo fair has kiosks")
        .id;
    let kiosk = kiosk.map_or(first, str::to_owned);
    let mut largest: Option<(usize, String)> = None;
    let mut pick = None;
    for hall in snapshot.halls().expect("halls read") {
        let map = snapshot
            .hall_map(&hall.code)
            .expect("a hall map reads")
            .expect("a listed hall has a map");
        if largest.as_ref().is_none_or(|(n, _)| map.booths.len() > *n) {
            largest = Some((map.booths.len(), hall.code.clone()));
        }
        for booth in &map.booths {
            if pick.is_some() {
                break;
            }
            for id in &booth.exhibitors {
                let profile = snapshot
                    .exhibitor(id)
                    .expect("an exhibitor reads")
                    .expect("a booth's exhibitor exists");
                if profile.booths.first() != Some(&booth.code) {
                    continue;
                }
                let (Ok(plain), Ok(step_free)) = (
                    snapshot.route(&kiosk, &booth.code, false),
                    snapshot.route(&kiosk, &booth.code, true),
                ) else {
                    continue;
                };
                if (plain.distance_m - step_free.distance_m).abs() > 1.0 {
                    pick = Some((
                        id.clone(),
                        booth.code.clone(),
                        hall.code.clone(),
                        plain.distance_m,
                        step_free.distance_m,
                    ));
                    break;
                }
            }
        }
    }
    let (exhibitor, booth, booth_hall, distance_m, step_free_distance_m) =
        pick.expect("the demo fair has a booth whose step-free route differs from the kiosk's");
    Plan {
        kiosk,
        exhibitor,
        booth,
        booth_hall,
        distance_m,
        step_free_distance_m,
        largest_hall: largest.expect("the demo fair has halls").1,
    }
}

/// Opens `exhibitor`'s profile by typing its booth code into search.
/// Taps "next hall" until the route's last leg (the booth's hall) is shown.
async fn walk_to_last_leg(kiosk: &Kiosk) {
    while kiosk
        .eval(
            "const b = document.querySelector('[data-testid=route-next-hall]'); \
             return !!b && !b.disabled",
        )
        .await
        == Value::Bool(true)
    {
        kiosk.tap("[data-testid=route-next-hall]").await;
    }
}

async fn open_profile(kiosk: &Kiosk, booth: &str, exhibitor: &str) {
    kiosk.tap("[data-testid=tile-find]").await;
    kiosk.tap("[data-skbtn=\"{clear}\"]").await;
    kiosk.type_on_keyboard(&booth.to_lowercase()).await;
    kiosk
        .tap(&format!(
            "[data-testid=exhibitor-row][data-id=\"{exhibitor}\"]"
        ))
        .await;
    kiosk
        .wait_for("[data-testid=screen-exhibitor] [data-testid=exhibitor-name]")
        .await;
}

fn metres(v: &Value) -> f64 {
    v.as_str()
        .and_then(|s| s.parse().ok())
        .or_else(|| v.as_f64())
        .unwrap_or_else(|| panic!("a distance in metres, not {v}"))
}

#[test]
fn show_on_map_draws_the_route_highlights_the_booth_and_step_free_changes_it() {
    let plan = plan(None);
    scenario(Duration::from_secs(300), || async move {
        let kiosk = Kiosk::start(Options::default()).await;
        kiosk.tap("[data-testid=attract]").await;
        open_profile(&kiosk, &plan.booth, &plan.exhibitor).await;
        kiosk.tap("[data-testid=show-on-map]").await;
        kiosk.wait_for("[data-testid=screen-map]").await;
        let distance = kiosk
            .wait_until(
                "the route's distance",
                "const d = document.querySelector('[data-testid=route-distance]'); \
                 return d && d.dataset.m",
            )
            .await;
        assert!(
            (metres(&distance) - plan.distance_m).abs() < 0.5,
            "the panel shows the core's route: {distance} vs {}",
            plan.distance_m
        );
        assert!(
            kiosk
                .text("[data-testid=route-distance]")
                .await
                .contains("min"),
            "distance and walking time are both shown"
        );
        let guess = kiosk.text("[data-testid=map-here-guess]").await;
        assert!(
            guess.contains(&plan.kiosk) && guess.contains("e2e"),
            "an unknown kiosk id is said on screen: {guess}"
        );
        // The first leg is drawn in the kiosk's hall, with "you are here".
        kiosk.wait_for("path.map-route").await;
        kiosk.wait_for("[data-testid=map-here]").await;
        // Walk the legs to the booth's hall: there the booth is highlighted.
        walk_to_last_leg(&kiosk).await;
        kiosk
            .wait_for(&format!(
                "[data-testid=map-booth][data-code=\"{}\"][data-highlighted=true]",
                plan.booth
            ))
            .await;
        kiosk.wait_for("path.map-route").await;

        kiosk.tap("[data-testid=step-free-toggle]").await;
        let step_free = kiosk
            .wait_until(
                "the step-free route",
                "const p = document.querySelector('[data-testid=route-panel]'); \
                 const d = document.querySelector('[data-testid=route-distance]'); \
                 return p && p.dataset.stepFree === 'true' && d && d.dataset.m",
            )
            .await;
        let step_free = kiosk
            .wait_until(
                "the step-free distance",
                &format!(
                    "const d = document.querySelector('[data-testid=route-distance]'); \
                     return d && Math.abs(Number(d.dataset.m) - {}) < 0.5 && d.dataset.m",
                    plan.step_free_distance_m
                ),
            )
            .await
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| step_free.to_string());
        assert_ne!(
            metres(&Value::String(step_free)),
            plan.distance_m,
            "the step-free toggle changed the route"
        );
        let kinds = kiosk
            .eval(
                "return [...document.querySelectorAll('[data-testid=route-step]')] \
                 .map(s => s.dataset.kind)",
            )
            .await;
        let kinds = kinds.as_array().expect("a list of step kinds");
        assert!(
            !kinds.iter().any(|k| k == "stairs" || k == "escalator"),
            "a step-free route takes no stairs or escalators: {kinds:?}"
        );
        kiosk.close().await;
    });
}

#[test]
fn tapping_a_booth_on_the_map_opens_its_exhibitor() {
    let plan = plan(None);
    scenario(Duration::from_secs(300), || async move {
        let kiosk = Kiosk::start(Options::default()).await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-map]").await;
        kiosk.wait_for("[data-testid=screen-map]").await;
        kiosk
            .tap(&format!("[data-testid=hall-switch-{}]", plan.booth_hall))
            .await;
        let booth = format!("[data-testid=map-booth][data-code=\"{}\"]", plan.booth);
        kiosk.wait_for(&booth).await;
        kiosk.tap(&booth).await;
        kiosk
            .wait_for(&format!(
                "[data-testid=booth-panel][data-code=\"{}\"]",
                plan.booth
            ))
            .await;
        kiosk
            .tap(&format!(
                "[data-testid=booth-exhibitor][data-id=\"{}\"]",
                plan.exhibitor
            ))
            .await;
        kiosk
            .wait_for("[data-testid=screen-exhibitor] [data-testid=exhibitor-name]")
            .await;
        kiosk.close().await;
    });
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Printed, not asserted: from the tap on the largest hall's switch on a freshly opened map to
/// the map's "painted" mark (its data fetched over IPC, drawn by Leaflet, a frame begun).
#[test]
fn the_largest_halls_time_to_first_render_is_printed() {
    let plan = plan(None);
    scenario(Duration::from_secs(300), || async move {
        let kiosk = Kiosk::start(Options::default()).await;
        kiosk.tap("[data-testid=attract]").await;
        let mut times = Vec::new();
        let mut open = Vec::new();
        for _ in 0..10 {
            kiosk.tap("[data-testid=nav-home]").await;
            kiosk.tap("[data-testid=tile-map]").await;
            kiosk.wait_for("[data-testid=screen-map]").await;
            let first = kiosk
                .wait_until(
                    "the kiosk's hall painted",
                    "const o = performance.getEntriesByName('map-open', 'mark').at(-1); \
                     const p = performance.getEntriesByName('map-painted', 'mark') \
                       .filter(m => o && m.startTime > o.startTime)[0]; \
                     return p ? String(p.startTime - o.startTime) : null",
                )
                .await;
            open.push(metres(&first));
            let t = kiosk
                .eval_async(&format!(
                    "const done = arguments[arguments.length - 1]; \
                     const t0 = performance.now(); \
                     document.querySelector('[data-testid=hall-switch-{}]').click(); \
                     const poll = () => {{ \
                       const c = document.querySelector('[data-testid=map-canvas]'); \
                       const p = performance.getEntriesByName('map-painted', 'mark') \
                         .filter(m => m.startTime > t0); \
                       if (c.dataset.hall === '{}' && p.length) done(p[0].startTime - t0); \
                       else setTimeout(poll, 5); }}; \
                     poll();",
                    plan.largest_hall, plan.largest_hall
                ))
                .await;
            times.push(t.as_f64().expect("milliseconds"));
        }
        let booths = kiosk
            .eval("return document.querySelectorAll('[data-testid=map-booth]').length")
            .await;
        for (what, values) in [
            (
                format!(
                    "map: hall switch → largest hall {} painted ({booths} booths), ms",
                    plan.largest_hall
                ),
                &mut times,
            ),
            (
                "map: screen opened → kiosk's hall painted, ms".to_owned(),
                &mut open,
            ),
        ] {
            values.sort_by(f64::total_cmp);
            println!(
                "{what}: n={} p50={:.1} max={:.1} min={:.1}",
                values.len(),
                percentile(values, 0.5),
                values[values.len() - 1],
                values[0]
            );
        }
        kiosk.close().await;
    });
}

/// The map's pictures in one language: a cross-hall route's first hall, the booth's hall with
/// the booth highlighted, the step-free route, high contrast, a tapped booth, the plain map.
async fn map_tour(kiosk: &Kiosk, plan: &Plan, prefix: &str, taken: &mut Vec<PathBuf>) {
    let dir = screenshot_dir();
    let mut shot = async |name: &str| {
        kiosk
            .eval_async(
                "const done = arguments[arguments.length - 1]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            )
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let path = dir.join(format!("{prefix}-{:02}-{name}.png", taken.len() + 1));
        kiosk.screenshot(&path).await;
        taken.push(path);
    };
    open_profile(kiosk, &plan.booth, &plan.exhibitor).await;
    kiosk.tap("[data-testid=show-on-map]").await;
    kiosk.wait_for("[data-testid=route-distance]").await;
    kiosk.wait_for("path.map-route").await;
    shot("route-first-hall").await;
    walk_to_last_leg(kiosk).await;
    kiosk
        .wait_for("[data-testid=map-booth][data-highlighted=true]")
        .await;
    shot("route-booth-highlighted").await;
    kiosk.tap("[data-testid=step-free-toggle]").await;
    kiosk
        .wait_for("[data-testid=route-panel][data-step-free=true] [data-testid=route-distance]")
        .await;
    shot("route-step-free").await;
    kiosk.tap("[data-testid=toggle-contrast]").await;
    shot("route-high-contrast").await;
    kiosk.tap("[data-testid=toggle-contrast]").await;
    // A booth with an exhibitor, in view, and not the highlighted one.
    kiosk
        .wait_until(
            "a booth in view",
            "const c = document.querySelector('[data-testid=map-canvas]').getBoundingClientRect(); \
             const b = [...document.querySelectorAll('[data-testid=map-booth]')].find(b => { \
               const r = b.getBoundingClientRect(); \
               const x = r.x + r.width / 2, y = r.y + r.height / 2; \
               return !b.dataset.highlighted && b.dataset.exhibitors !== '0' && r.width > 8 \
                 && x > c.left + 100 && x < c.right - 10 && y > c.top + 10 && y < c.bottom - 10; }); \
             if (b) b.setAttribute('data-pick', 'true'); return !!b",
        )
        .await;
    kiosk.tap("[data-testid=map-booth][data-pick]").await;
    kiosk.wait_for("[data-testid=booth-exhibitor]").await;
    shot("booth-panel").await;
    kiosk.tap("[data-testid=nav-home]").await;
    kiosk.tap("[data-testid=tile-map]").await;
    kiosk.wait_for("[data-testid=map-booth]").await;
    shot("hall").await;
    kiosk.tap("[data-testid=nav-home]").await;
}

fn map_screenshots(orientation: &str, width: u32, height: u32) {
    let plan = plan(Some(SHOWN_KIOSK));
    scenario(Duration::from_secs(400), || async move {
        let kiosk = Kiosk::start(Options {
            width,
            height,
            kiosk_id: SHOWN_KIOSK,
            ..Options::default()
        })
        .await;
        let mut taken = Vec::new();
        kiosk.tap("[data-testid=attract]").await;
        map_tour(&kiosk, &plan, &format!("map-{orientation}-en"), &mut taken).await;
        kiosk.tap("[data-testid=toggle-language]").await;
        map_tour(&kiosk, &plan, &format!("map-{orientation}-zh"), &mut taken).await;
        kiosk.close().await;
        for path in &taken {
            let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            assert!(
                size > 10_000,
                "{} looks empty ({size} bytes)",
                path.display()
            );
        }
        eprintln!(
            "{} map screenshots in {}",
            taken.len(),
            screenshot_dir().display()
        );
    });
}

#[test]
fn screenshots_of_the_map_in_portrait() {
    map_screenshots("portrait", 1080, 1920);
}

#[test]
fn screenshots_of_the_map_in_landscape() {
    map_screenshots("landscape", 1920, 1080);
}
