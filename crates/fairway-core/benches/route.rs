//! Routes at fair scale: p50/p99 of a route from every kiosk to every booth (with and without
//! step-free), of booth-to-booth routes, the time to load the routing data and its size, for the
//! demo fair and a 20,000-exhibitor synthetic fair, then criterion's own figures for one route.
//!
//! The synthetic snapshot is the one named by `FAIRWAY_BENCH_SNAPSHOT` (built by `fairway build`
//! from `fairway synth --exhibitors 20000`); without it, one is built the same way in a temporary
//! folder. `FAIRWAY_BENCH_ROUTE_BOOTHS` caps how many booths per kiosk the synthetic fair is
//! timed on (every booth by default).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::Criterion;
use fairway_core::build::{BuildOptions, build};
use fairway_core::route::Venue;
use fairway_core::snapshot::Snapshot;

const EXHIBITORS: usize = 20_000;
const BOOTH_PAIRS: usize = 2_000;

fn main() {
    let demo_dir = tempfile::tempdir().expect("a temporary folder");
    let demo_source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-fair");
    let report = build(&demo_source, demo_dir.path(), &BuildOptions::default())
        .expect("the demo fair builds");
    print_build_phases("demo", &report.phases);
    let demo = Snapshot::open(&report.snapshot).expect("the demo snapshot opens");
    let demo_venue = measure("demo", &demo, usize::MAX);

    let (synthetic_path, _keep) = synthetic();
    let synthetic = Snapshot::open(&synthetic_path).expect("the synthetic snapshot opens");
    let cap = std::env::var("FAIRWAY_BENCH_ROUTE_BOOTHS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let synthetic_venue = measure("20k", &synthetic, cap);

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(50)
        .measurement_time(Duration::from_secs(3));
    for (name, venue) in [("demo", &demo_venue), ("20k", &synthetic_venue)] {
        let kiosk = venue.kiosk_ids()[0].clone();
        let booths = venue.booth_codes();
        let far = booths.last().expect("booths").clone();
        c.bench_function(&format!("route {name} {kiosk} → {far}"), |b| {
            b.iter(|| black_box(venue.route(&kiosk, &far, false)))
        });
        let near = booths[0].clone();
        c.bench_function(&format!("route {name} {near} → {far}"), |b| {
            b.iter(|| black_box(venue.route(&near, &far, false)))
        });
    }
    c.final_summary();
}

fn print_build_phases(name: &str, phases: &[fairway_core::build::Phase]) {
    let list: Vec<String> = phases
        .iter()
        .map(|p| format!("{} {:.0} ms", p.name, p.elapsed.as_secs_f64() * 1e3))
        .collect();
    println!("{name} build: {}", list.join(", "));
}

/// Loads the routing data, then times routes; returns the loaded data for criterion.
fn measure(name: &str, snapshot: &Snapshot, cap: usize) -> Venue {
    let started = Instant::now();
    let venue = Venue::load(snapshot).expect("the routing data loads");
    let load = started.elapsed();
    let kiosks = venue.kiosk_ids();
    let booths = venue.booth_codes();
    println!(
        "{name}: {} kiosks, {} booths; routing data loaded in {:.1} ms, {:.2} MB in memory",
        kiosks.len(),
        booths.len(),
        load.as_secs_f64() * 1e3,
        venue.memory_bytes() as f64 / 1e6
    );
    // Every booth, or an even sample of `cap` of them.
    let step = booths.len().div_ceil(cap.min(booths.len()).max(1)).max(1);
    let sample: Vec<&String> = booths.iter().step_by(step).collect();
    for step_free in [false, true] {
        let mut times = Vec::with_capacity(kiosks.len() * sample.len());
        let mut refused = 0usize;
        let mut slowest = (Duration::ZERO, String::new());
        for kiosk in &kiosks {
            for booth in &sample {
                let started = Instant::now();
                let route = venue.route(kiosk, booth, step_free);
                let t = started.elapsed();
                if route.is_err() {
                    refused += 1;
                }
                if t > slowest.0 {
                    slowest = (t, format!("{kiosk} → {booth}"));
                }
                times.push(t);
            }
        }
        report(
            &format!(
                "{name} kiosk→booth{}",
                if step_free { " step-free" } else { "" }
            ),
            &mut times,
            refused,
        );
        println!(
            "  slowest: {:.2} ms {}",
            slowest.0.as_secs_f64() * 1e3,
            slowest.1
        );
    }
    // Booth to booth: a fixed pseudo-random sample of pairs.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut times = Vec::with_capacity(BOOTH_PAIRS);
    let mut refused = 0usize;
    for _ in 0..BOOTH_PAIRS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let from = &booths[(seed % booths.len() as u64) as usize];
        let to = &booths[((seed >> 32) % booths.len() as u64) as usize];
        let started = Instant::now();
        if venue.route(from, to, false).is_err() {
            refused += 1;
        }
        times.push(started.elapsed());
    }
    report(&format!("{name} booth→booth"), &mut times, refused);
    venue
}

fn report(what: &str, times: &mut [Duration], refused: usize) {
    times.sort_unstable();
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times[i].as_secs_f64() * 1e3
    };
    println!(
        "{what}: {} routes ({refused} refused), p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

fn synthetic() -> (PathBuf, Option<tempfile::TempDir>) {
    if let Ok(path) = std::env::var("FAIRWAY_BENCH_SNAPSHOT") {
        return (PathBuf::from(path), None);
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let source = dir.path().join("source");
    fairway_core::synth::write_synthetic(&source, EXHIBITORS, 1).expect("synth writes");
    let report = build(&source, &dir.path().join("out"), &BuildOptions::default())
        .expect("the synthetic fair builds");
    print_build_phases("20k", &report.phases);
    (report.snapshot, Some(dir))
}
