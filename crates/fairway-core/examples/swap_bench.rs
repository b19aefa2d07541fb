//! Snapshot updates at fair scale: a kiosk data folder installs sequence 1 from FEED1, eight
//! threads query it without pause, then sequence 2 is installed from FEED2 and swapped in while
//! they query, and the pool is swapped back and forth SWAPS more times. Prints install time,
//! swap time, query latency with and without updates (and their p99 ratio) and the number of
//! failed queries. Asserts nothing; `scripts/bench-swap.sh` runs it on a 20,000-exhibitor fair.
//!
//! Usage: swap_bench FEED1 FEED2 PUBLIC_KEY [SWAPS]

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use fairway_core::search::SearchQuery;
use fairway_core::snapshot::PublicKey;
use fairway_core::update::{Feed, Library, SnapshotHandle, SnapshotPool};

const READERS: usize = 8;

struct Load {
    queries: usize,
    errors: Vec<String>,
    latencies: Vec<Duration>,
}

fn start_readers(
    handle: &Arc<SnapshotHandle>,
    stop: &Arc<AtomicBool>,
    exhibitor: &str,
) -> Vec<std::thread::JoinHandle<Load>> {
    (0..READERS)
        .map(|i| {
            let (handle, stop, exhibitor) = (handle.clone(), stop.clone(), exhibitor.to_owned());
            std::thread::spawn(move || {
                let mut load = Load {
                    queries: 0,
                    errors: Vec::new(),
                    latencies: Vec::new(),
                };
                while !stop.load(Ordering::Relaxed) {
                    let started = Instant::now();
                    let result = handle.query(|s| {
                        let profile = s.exhibitor(&exhibitor)?;
                        let hits = s.search(&SearchQuery {
                            text: if i % 2 == 0 { "chongqing" } else { "重庆" }.to_owned(),
                            limit: 12,
                            ..SearchQuery::default()
                        })?;
                        Ok((profile, hits))
                    });
                    load.latencies.push(started.elapsed());
                    load.queries += 1;
                    match result {
                        Ok((Some(_), hits)) if !hits.is_empty() => {}
                        Ok(other) => load.errors.push(format!(
                            "unexpected answer: profile {}, {} hits",
                            other.0.is_some(),
                            other.1.len()
                        )),
                        Err(e) => load.errors.push(e.to_string()),
                    }
                }
                load
            })
        })
        .collect()
}

fn finish(readers: Vec<std::thread::JoinHandle<Load>>) -> Load {
    let mut total = Load {
        queries: 0,
        errors: Vec::new(),
        latencies: Vec::new(),
    };
    for r in readers {
        match r.join() {
            Ok(load) => {
                total.queries += load.queries;
                total.errors.extend(load.errors);
                total.latencies.extend(load.latencies);
            }
            Err(_) => total.errors.push("a reader thread panicked".to_owned()),
        }
    }
    total.latencies.sort();
    total
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: swap_bench FEED1 FEED2 PUBLIC_KEY [SWAPS]";
    let feed1 = PathBuf::from(args.next().ok_or(usage)?);
    let feed2 = PathBuf::from(args.next().ok_or(usage)?);
    let key = PublicKey::read(&PathBuf::from(args.next().ok_or(usage)?))?;
    let swaps: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(200);

    let data = tempfile::tempdir()?;
    let library = Library::open(data.path(), vec![key])?;
    let started = Instant::now();
    let first = library.install(&Feed::Folder(feed1))?;
    println!(
        "install sequence {} ({} MB): {:.2} s (copy, size, SHA-256, signature, schema, integrity_check)",
        first.pointer.sequence,
        std::fs::metadata(&first.path)?.len() / 1_000_000,
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let handle = Arc::new(SnapshotHandle::open(&first.path)?);
    println!("first pool open: {}", ms(started.elapsed()));
    let exhibitor = handle
        .query(|s| {
            s.exhibitors(&fairway_core::snapshot::ExhibitorFilter {
                limit: Some(1),
                ..Default::default()
            })
        })?
        .first()
        .map(|e| e.id.clone())
        .ok_or("the snapshot has no exhibitors")?;

    let stop = Arc::new(AtomicBool::new(false));
    let readers = start_readers(&handle, &stop, &exhibitor);
    std::thread::sleep(Duration::from_secs(2));
    stop.store(true, Ordering::Relaxed);
    let baseline = finish(readers);

    let stop = Arc::new(AtomicBool::new(false));
    let readers = start_readers(&handle, &stop, &exhibitor);
    let started = Instant::now();
    let second =
        library.install_keeping(&Feed::Folder(feed2), std::slice::from_ref(&first.path))?;
    let installed = started.elapsed();
    let started = Instant::now();
    drop(handle.swap(SnapshotPool::open(&second.path)?));
    let first_swap = started.elapsed();
    println!(
        "install sequence {} while 8 threads query: {:.2} s; then open + swap the pool: {}; \
         update total {:.2} s",
        second.pointer.sequence,
        installed.as_secs_f64(),
        ms(first_swap),
        (installed + first_swap).as_secs_f64()
    );
    let mut swap_times = Vec::with_capacity(swaps);
    for i in 0..swaps {
        let path = if i % 2 == 0 {
            &first.path
        } else {
            &second.path
        };
        let started = Instant::now();
        let old = handle.swap(SnapshotPool::open(path)?);
        swap_times.push(started.elapsed());
        drop(old);
        std::thread::yield_now();
    }
    stop.store(true, Ordering::Relaxed);
    let during = finish(readers);
    swap_times.sort();

    println!(
        "pool swaps: {swaps}, p50 {} p99 {} max {}",
        ms(percentile(&swap_times, 0.5)),
        ms(percentile(&swap_times, 0.99)),
        ms(swap_times.last().copied().unwrap_or_default())
    );
    println!(
        "queries without updates: {} (p50 {}, p99 {}), errors {}",
        baseline.queries,
        ms(percentile(&baseline.latencies, 0.5)),
        ms(percentile(&baseline.latencies, 0.99)),
        baseline.errors.len()
    );
    println!(
        "queries during install and swaps: {} (p50 {}, p99 {}), errors {}",
        during.queries,
        ms(percentile(&during.latencies, 0.5)),
        ms(percentile(&during.latencies, 0.99)),
        during.errors.len()
    );
    println!(
        "p99 during / without: {:.2}",
        percentile(&during.latencies, 0.99).as_secs_f64()
            / percentile(&baseline.latencies, 0.99)
                .as_secs_f64()
                .max(1e-9)
    );
    for e in baseline.errors.iter().chain(&during.errors).take(5) {
        println!("error: {e}");
    }
    Ok(())
}
