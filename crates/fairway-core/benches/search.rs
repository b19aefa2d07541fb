//! Search at fair scale: p50 and p99 over a mix of query kinds, against a naive `LIKE '%q%'`
//! scan of the same table for the same queries, then criterion's own figures per kind.
//!
//! Reads the snapshot named by `FAIRWAY_BENCH_SNAPSHOT` (one built by `fairway build` from
//! `fairway synth --exhibitors 20000`); without it, builds one the same way in a temporary folder.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use fairway_core::search::{self, SearchQuery};
use rusqlite::{Connection, OpenFlags, params};

const EXHIBITORS: usize = 20_000;
const QUERIES_PER_KIND: usize = 200;
const ROUNDS: usize = 3;

fn main() {
    let (conn, origin, _keep) = open();
    let exhibitors: i64 = conn
        .query_row("SELECT count(*) FROM exhibitors", [], |r| r.get(0))
        .expect("the snapshot has exhibitors");
    println!("search bench: {exhibitors} exhibitors from {origin}");
    if let Ok(only) = std::env::var("FAIRWAY_BENCH_ONLY") {
        // Diagnosis: time the given queries (separated by `|`) alone and show their plans.
        for q in only.split('|') {
            let mut t: Vec<Duration> = (0..50).map(|_| time(|| search_once(&conn, q))).collect();
            t.sort_unstable();
            let hits = search_once(&conn, q);
            println!(
                "{q:?}: {hits} hits, min {:.0} µs, p50 {:.0} µs",
                percentile(&t, 0.0),
                percentile(&t, 0.5)
            );
            let query = SearchQuery {
                text: q.to_owned(),
                limit: 50,
                ..SearchQuery::default()
            };
            let mut plan = search::query_plan(&conn, &query).expect("plan");
            plan.sort_unstable();
            plan.dedup();
            println!("  plan: {plan:?}");
        }
        return;
    }
    let mix = query_mix(&conn);

    let mut slowest: Vec<(Duration, &str, &str)> = Vec::new();
    let mut all_search = Vec::new();
    let mut all_like = Vec::new();
    println!(
        "{:<10} {:>6} {:>10} {:>10} {:>10} {:>10} {:>8} {:>8}",
        "kind", "n", "p50 µs", "p99 µs", "LIKE p50", "LIKE p99", "p50 x", "p99 x"
    );
    for (kind, queries) in &mix {
        let mut s = Vec::new();
        let mut l = Vec::new();
        for _ in 0..ROUNDS {
            for q in queries {
                let t = time(|| search_once(&conn, q));
                s.push(t);
                slowest.push((t, kind, q));
                l.push(time(|| like_once(&conn, q)));
            }
        }
        print_row(kind, &mut s, &mut l);
        all_search.extend(s);
        all_like.extend(l);
    }
    print_row("all", &mut all_search, &mut all_like);
    slowest.sort_unstable_by_key(|s| std::cmp::Reverse(s.0));
    slowest.dedup_by_key(|s| s.2);
    for (t, kind, q) in slowest.iter().take(8) {
        println!("slow: {:>8.0} µs  {kind:<9} {q:?}", t.as_secs_f64() * 1e6);
    }

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (kind, queries) in &mix {
        let mut i = 0;
        c.bench_function(&format!("search/{kind}"), |b| {
            b.iter(|| {
                i = (i + 1) % queries.len();
                search_once(&conn, &queries[i])
            })
        });
    }
    c.final_summary();
}

fn search_once(conn: &Connection, text: &str) -> usize {
    let query = SearchQuery {
        text: text.to_owned(),
        limit: 50,
        ..SearchQuery::default()
    };
    black_box(search::search(conn, &query).expect("search never fails")).len()
}

/// The naive alternative: a substring scan of names and descriptions, sorted by name.
fn like_once(conn: &Connection, text: &str) -> usize {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let pattern = format!("%{escaped}%");
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, name_en, name_zh FROM exhibitors
             WHERE name_en LIKE ?1 ESCAPE '\\' OR name_zh LIKE ?1 ESCAPE '\\'
                OR description_en LIKE ?1 ESCAPE '\\'
             ORDER BY sort_key LIMIT 50",
        )
        .expect("the LIKE query prepares");
    let rows = stmt
        .query_map(params![pattern], |r| r.get::<_, String>(0))
        .expect("the LIKE query runs");
    black_box(rows.count())
}

fn time(f: impl FnOnce() -> usize) -> Duration {
    let start = Instant::now();
    black_box(f());
    start.elapsed()
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let idx = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[idx].as_secs_f64() * 1e6
}

fn print_row(kind: &str, s: &mut [Duration], l: &mut [Duration]) {
    s.sort_unstable();
    l.sort_unstable();
    let (s50, s99) = (percentile(s, 0.5), percentile(s, 0.99));
    let (l50, l99) = (percentile(l, 0.5), percentile(l, 0.99));
    println!(
        "{kind:<10} {:>6} {s50:>10.0} {s99:>10.0} {l50:>10.0} {l99:>10.0} {:>8.1} {:>8.1}",
        s.len(),
        l50 / s50.max(1e-9),
        l99 / s99.max(1e-9)
    );
}

/// Queries drawn from the snapshot itself, so they hit real names whatever the data: full
/// pinyin and its prefixes, initials, 1–4 Chinese characters, English words, booth codes,
/// two neighbouring words of a name, and English words with one letter wrong, missing, extra
/// or swapped.
fn query_mix(conn: &Connection) -> Vec<(&'static str, Vec<String>)> {
    let mut rng = Rng(0x5eed_f00d);
    let docs: Vec<(String, String, String, String, String)> = conn
        .prepare("SELECT name, name_zh, pinyin, booths FROM search_docs ORDER BY rank")
        .expect("the snapshot has a search index")
        .query_map([], |r| {
            let pinyin: String = r.get(2)?;
            let initials: String = pinyin.split(' ').filter_map(|s| s.chars().next()).collect();
            Ok((r.get(0)?, r.get(1)?, pinyin, initials, r.get(3)?))
        })
        .expect("search_docs reads")
        .collect::<Result<_, _>>()
        .expect("search_docs rows read");
    let booths: Vec<String> = conn
        .prepare("SELECT code FROM booths")
        .expect("booths read")
        .query_map([], |r| r.get(0))
        .expect("booths read")
        .collect::<Result<_, _>>()
        .expect("booth rows read");
    let zh: Vec<&(String, String, String, String, String)> =
        docs.iter().filter(|d| !d.1.is_empty()).collect();
    let mut kinds: Vec<(&'static str, Vec<String>)> = Vec::new();
    let mut draw = |name: &'static str, f: &mut dyn FnMut(&mut Rng) -> Option<String>| {
        let mut v = Vec::new();
        let mut tries = 0;
        while v.len() < QUERIES_PER_KIND && tries < QUERIES_PER_KIND * 50 {
            tries += 1;
            if let Some(q) = f(&mut rng) {
                v.push(q);
            }
        }
        kinds.push((name, v));
    };
    draw("pinyin", &mut |rng| {
        let d = zh.get(rng.below(zh.len()))?;
        let syl: Vec<&str> = d.2.split(' ').collect();
        let n = 1 + rng.below(syl.len().min(4));
        let full = syl[..n].concat();
        // Half typed to the end, half cut while typing.
        if rng.below(2) == 0 && full.len() > 3 {
            Some(full[..3 + rng.below(full.len() - 3)].to_owned())
        } else {
            Some(full)
        }
    });
    draw("initials", &mut |rng| {
        let d = zh.get(rng.below(zh.len()))?;
        let n = (2 + rng.below(3)).min(d.3.len());
        Some(d.3[..n].to_owned())
    });
    draw("zh 1-4", &mut |rng| {
        let d = zh.get(rng.below(zh.len()))?;
        let chars: Vec<char> = d.1.chars().filter(|c| !c.is_ascii()).collect();
        let n = (1 + rng.below(4)).min(chars.len());
        let start = rng.below(chars.len() - n + 1);
        Some(chars[start..start + n].iter().collect())
    });
    draw("english", &mut |rng| {
        let d = docs.get(rng.below(docs.len()))?;
        let words: Vec<&str> = d.0.split(' ').filter(|w| w.len() >= 2).collect();
        let w = words.get(rng.below(words.len().max(1)))?;
        Some((*w).to_owned())
    });
    draw("booth", &mut |rng| {
        booths.get(rng.below(booths.len())).cloned()
    });
    draw("two words", &mut |rng| {
        let d = docs.get(rng.below(docs.len()))?;
        let words: Vec<&str> = d.0.split(' ').collect();
        if words.len() < 2 {
            return None;
        }
        let i = rng.below(words.len() - 1);
        Some(format!("{} {}", words[i], words[i + 1]))
    });
    draw("typo", &mut |rng| {
        let d = docs.get(rng.below(docs.len()))?;
        let words: Vec<&str> =
            d.0.split(' ')
                .filter(|w| w.len() >= 5 && w.chars().all(|c| c.is_ascii_lowercase()))
                .collect();
        let w: Vec<char> = words.get(rng.below(words.len().max(1)))?.chars().collect();
        let i = 1 + rng.below(w.len() - 2);
        let mut t = w.clone();
        match rng.below(4) {
            0 => t[i] = if t[i] == 'x' { 'q' } else { 'x' },
            1 => {
                t.remove(i);
            }
            2 => t.insert(i, 'e'),
            _ => t.swap(i, i + 1),
        }
        Some(t.into_iter().collect())
    });
    kinds
}

/// Opens the snapshot named by `FAIRWAY_BENCH_SNAPSHOT`, or builds one the way an organiser
/// would: `synth::write_synthetic` (20,000 exhibitors) then `build::build`. The third value keeps
/// a built file's folder alive. Also prints open-to-first-query time, as a kiosk start sees it.
fn open() -> (Connection, String, Option<tempfile::TempDir>) {
    let (path, origin, keep) = match std::env::var("FAIRWAY_BENCH_SNAPSHOT") {
        Ok(path) => {
            let origin = path.clone();
            (std::path::PathBuf::from(path), origin, None)
        }
        Err(_) => {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let source = dir.path().join("source");
            let started = Instant::now();
            fairway_core::synth::write_synthetic(&source, EXHIBITORS, 1).expect("synth writes");
            let report = fairway_core::build::build(
                &source,
                &dir.path().join("out"),
                &fairway_core::build::BuildOptions::default(),
            )
            .expect("the synthetic fair builds");
            let origin = format!(
                "fairway synth + build ({:.1} s, {:.1} MB)",
                started.elapsed().as_secs_f64(),
                report.manifest.size as f64 / 1e6
            );
            (report.snapshot, origin, Some(dir))
        }
    };
    let started = Instant::now();
    let snapshot = fairway_core::snapshot::Snapshot::open(&path).expect("the snapshot opens");
    let first = snapshot
        .search(&SearchQuery {
            text: "chongqing".to_owned(),
            limit: 50,
            ..SearchQuery::default()
        })
        .expect("the first query runs");
    println!(
        "open to first query: {:.2} ms ({} hits)",
        started.elapsed().as_secs_f64() * 1e3,
        first.len()
    );
    drop(snapshot);
    let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("the snapshot opens read-only");
    (conn, origin, keep)
}

/// A small deterministic PRNG (xorshift64*), so the query mix is the same from run to run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}
