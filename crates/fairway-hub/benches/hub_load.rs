//! Figures for the hub, printed, never asserted (`cargo bench -p fairway-hub --bench hub_load`).
//!
//! 1. Load: a hub over a synthetic fair on loopback, 50 exhibitors (threads with the blocking
//!    client the app uses), each signing in with its own code and submitting its profile a fixed
//!    number of times; every submission is a `synchronous=FULL` commit. Prints submissions per
//!    second and the latency percentiles. It stops by itself after `clients × rounds` requests.
//! 2. Publish: `fairway hub init` and `fairway publish` of a synthetic 20,000-exhibitor fair
//!    (every exhibitor with a logo), timed.
//!
//! Environment: `HUB_BENCH_CLIENTS` (50), `HUB_BENCH_ROUNDS` (40 submissions per client),
//! `HUB_BENCH_PUBLISH_EXHIBITORS` (20000; 0 skips the publish part).

use std::time::{Duration, Instant};

use fairway_hub::api::Submit;
use fairway_hub::client::HubClient;
use fairway_hub::codes::{self, Recipients};
use fairway_hub::server::{self, ServeOptions};
use fairway_hub::store::Store;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let clients = env("HUB_BENCH_CLIENTS", 50);
    let rounds = env("HUB_BENCH_ROUNDS", 40);
    let publish_exhibitors = env("HUB_BENCH_PUBLISH_EXHIBITORS", 20_000);
    load(clients, rounds);
    if publish_exhibitors > 0 {
        publish(publish_exhibitors);
    }
}

fn load(clients: usize, rounds: usize) {
    let dir = tempfile::tempdir().expect("temp");
    let source = dir.path().join("source");
    let data = dir.path().join("data");
    fairway_core::synth::write_synthetic(&source, clients.max(1), 1).expect("synth");
    fairway_hub::init::init(&source, &data).expect("init");
    let codes_file = dir.path().join("codes.csv");
    let mut store = Store::open(&data).expect("store");
    codes::issue(&mut store, &Recipients::All, &codes_file, None).expect("codes");
    drop(store);
    let mut reader = csv::Reader::from_path(&codes_file).expect("codes file");
    let codes: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[2].to_owned())
        .collect();

    let mut opts = ServeOptions::new(&data);
    opts.listen = "127.0.0.1:0".parse().expect("addr");
    let hub = server::start(opts).expect("serve");
    let url = hub.url();
    println!("hub load: {clients} concurrent exhibitors × {rounds} submissions, {url}");

    let started = Instant::now();
    let threads: Vec<_> = codes
        .into_iter()
        .take(clients)
        .map(|code| {
            let url = url.clone();
            std::thread::spawn(move || {
                let client = HubClient::new(&url).expect("client");
                let session = client.sign_in(&code).expect("sign in");
                let own = client.profile(&session.token).expect("profile");
                let mut latencies = Vec::with_capacity(rounds);
                let mut errors = 0usize;
                for round in 0..rounds {
                    let mut profile = own.profile.clone();
                    profile.description_en = Some(format!("Round {round} of the load test."));
                    let t = Instant::now();
                    let result = client.submit(
                        &session.token,
                        &Submit {
                            base_version: own.version,
                            profile,
                        },
                    );
                    latencies.push(t.elapsed());
                    if result.is_err() {
                        errors += 1;
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = Vec::new();
    let mut errors = 0;
    for t in threads {
        let (l, e) = t.join().expect("a client thread");
        latencies.extend(l);
        errors += e;
    }
    let wall = started.elapsed();
    latencies.sort_unstable();
    let pct = |p: f64| {
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[i].as_secs_f64() * 1000.0
    };
    println!(
        "  {} submissions in {:.2} s: {:.0} submissions/s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms; {errors} errors",
        latencies.len(),
        wall.as_secs_f64(),
        latencies.len() as f64 / wall.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        pct(1.0),
    );
    hub.stop().expect("stop");
}

fn publish(exhibitors: usize) {
    let dir = tempfile::tempdir().expect("temp");
    let source = dir.path().join("source");
    let data = dir.path().join("data");
    let t = Instant::now();
    fairway_core::synth::write_synthetic(&source, exhibitors, 1).expect("synth");
    println!(
        "publish: synth {exhibitors} exhibitors in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    fairway_hub::init::init(&source, &data).expect("init");
    println!("  hub init in {:.1} s", t.elapsed().as_secs_f64());
    let keys = dir.path().join("keys");
    std::fs::create_dir_all(&keys).expect("keys");
    let (_, secret) = fairway_core::snapshot::keygen(&keys).expect("keygen");
    let mut store = Store::open(&data).expect("store");
    let published = fairway_hub::publish::publish(&mut store, &secret, &dir.path().join("feed"))
        .expect("publish");
    let size = std::fs::metadata(&published.snapshot).map_or(0, |m| m.len());
    println!(
        "  publish sequence {} of {} exhibitors in {:.1} s ({:.0} MB)",
        published.sequence,
        published.exhibitors,
        published.elapsed.as_secs_f64(),
        size as f64 / 1e6
    );
}
