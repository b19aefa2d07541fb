//! Hot swap under load: eight threads query the kiosk's read pool without pause while the pool
//! is swapped at least 1,000 times between two snapshots. No query may fail. Swap times and
//! query latencies with and without swaps are printed (run with `--nocapture`), never asserted.

mod update_fixture;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use fairway_core::search::SearchQuery;
use fairway_core::update::{SnapshotHandle, SnapshotPool};
use update_fixture::{Keys, SmallFair, description};

const READERS: usize = 8;

fn swaps() -> usize {
    std::env::var("FAIRWAY_SWAPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

struct Load {
    queries: usize,
    errors: Vec<String>,
    latencies: Vec<Duration>,
}

/// Runs `READERS` threads against `handle` until `stop` is set.
fn start_readers(
    handle: &Arc<SnapshotHandle>,
    stop: &Arc<AtomicBool>,
) -> Vec<std::thread::JoinHandle<Load>> {
    let expected = [description(1), description(2)];
    (0..READERS)
        .map(|i| {
            let (handle, stop, expected) = (handle.clone(), stop.clone(), expected.clone());
            std::thread::spawn(move || {
                let mut load = Load {
                    queries: 0,
                    errors: Vec::new(),
                    latencies: Vec::new(),
                };
                while !stop.load(Ordering::Relaxed) {
                    let started = Instant::now();
                    let result = handle.query(|s| {
                        let profile = s.exhibitor("E0001")?;
                        let hits = s.search(&SearchQuery {
                            text: if i % 2 == 0 { "siam" } else { "长安" }.to_owned(),
                            limit: 5,
                            ..SearchQuery::default()
                        })?;
                        Ok((profile, hits))
                    });
                    load.latencies.push(started.elapsed());
                    load.queries += 1;
                    match result {
                        Ok((Some(p), hits))
                            if !hits.is_empty()
                                && expected
                                    .iter()
                                    .any(|d| Some(d) == p.description_en.as_ref()) => {}
                        Ok(other) => load.errors.push(format!("unexpected answer {other:?}")),
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
        let load = r.join().expect("a reader thread panicked");
        total.queries += load.queries;
        total.errors.extend(load.errors);
        total.latencies.extend(load.latencies);
    }
    total
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

#[test]
fn a_thousand_swaps_under_eight_querying_threads_fail_no_query() {
    let fair = SmallFair::new();
    let keys = Keys::new();
    let dirs = [
        tempfile::tempdir().expect("feed 1"),
        tempfile::tempdir().expect("feed 2"),
    ];
    let paths = [
        fair.publish(dirs[0].path(), 1, &keys.secret),
        fair.publish(dirs[1].path(), 2, &keys.secret),
    ];
    let handle = Arc::new(SnapshotHandle::open(&paths[0]).expect("the first pool opens"));

    // Without swaps, for a baseline of query latency in the same run.
    let stop = Arc::new(AtomicBool::new(false));
    let readers = start_readers(&handle, &stop);
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, Ordering::Relaxed);
    let mut baseline = finish(readers);
    assert!(baseline.errors.is_empty(), "{:?}", baseline.errors);

    let stop = Arc::new(AtomicBool::new(false));
    let readers = start_readers(&handle, &stop);
    let count = swaps();
    let mut swap_times = Vec::with_capacity(count);
    for i in 0..count {
        let path = &paths[(i + 1) % 2];
        let started = Instant::now();
        let pool = SnapshotPool::open(path).expect("the next pool opens");
        let old = handle.swap(pool);
        swap_times.push(started.elapsed());
        // The old pool closes when its last query finishes; dropping our `Arc` here is the
        // normal case, the readers may still hold theirs.
        drop(old);
        // Let the readers make progress between swaps on a two-core machine.
        std::thread::yield_now();
    }
    stop.store(true, Ordering::Relaxed);
    let mut during = finish(readers);

    swap_times.sort();
    baseline.latencies.sort();
    during.latencies.sort();
    let p99_ratio = percentile(&during.latencies, 0.99).as_secs_f64()
        / percentile(&baseline.latencies, 0.99)
            .as_secs_f64()
            .max(1e-9);
    println!(
        "swaps: {count}, swap time p50 {:?} p99 {:?} max {:?}; queries during swaps: {} \
         (p50 {:?}, p99 {:?}); without swaps: {} (p50 {:?}, p99 {:?}); p99 ratio {p99_ratio:.2}",
        percentile(&swap_times, 0.5),
        percentile(&swap_times, 0.99),
        swap_times.last().copied().unwrap_or_default(),
        during.queries,
        percentile(&during.latencies, 0.5),
        percentile(&during.latencies, 0.99),
        baseline.queries,
        percentile(&baseline.latencies, 0.5),
        percentile(&baseline.latencies, 0.99),
    );
    assert!(
        during.errors.is_empty(),
        "{} of {} queries failed during swaps, first: {:?}",
        during.errors.len(),
        during.queries,
        during.errors.first()
    );
    assert!(
        during.queries > 0,
        "the readers ran while the pool was swapped"
    );
    assert_eq!(
        Arc::strong_count(&handle.load()),
        2,
        "after the readers stop, only the handle and this test hold the last pool"
    );
}
