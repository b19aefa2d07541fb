//! Kiosk figures from the real app (see `scripts/bench-kiosk.sh` and BENCHMARKS.md): start to
//! interactive home, keystroke to results painted (the interface's performance marks, read
//! through WebDriver), and resident memory of the app's process tree over scripted navigation.
//! Prints figures; asserts nothing about them.
//!
//! `bench_kiosk SNAPSHOT [NAVIGATIONS]`, with `FAIRWAY_KIOSK_BIN` naming a release build and
//! `FAIRWAY_SOFTWARE_RENDERING=1` or `0` to set the kiosk's `software_rendering` (unset: the
//! kiosk's default, "auto") and `FAIRWAY_WEB_MEMORY_LIMIT_MB` its `web_memory_limit_mb`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use fairway_e2e::{Kiosk, Options, kiosk_pid, scenario, tree_memory, xdotool};
use serde_json::Value;

fn main() {
    let mut args = std::env::args().skip(1);
    let snapshot = PathBuf::from(
        args.next()
            .expect("usage: bench_kiosk SNAPSHOT [NAVIGATIONS]"),
    );
    let navigations: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    scenario(Duration::from_secs(3600), || async move {
        let options = Options {
            width: 1080,
            height: 1920,
            idle_seconds: 3600,
            extra_config: std::env::var("FAIRWAY_WEB_MEMORY_LIMIT_MB")
                .map(|mb| format!("web_memory_limit_mb = {mb}\n"))
                .unwrap_or_default(),
            ..Options::default()
        };
        println!(
            "software_rendering = {:?} (FAIRWAY_SOFTWARE_RENDERING=1 or 0; unset: the kiosk's default, auto), {}",
            options.software_rendering,
            if options.extra_config.is_empty() {
                "web_memory_limit_mb: the kiosk's default (FAIRWAY_WEB_MEMORY_LIMIT_MB sets it)"
            } else {
                options.extra_config.trim()
            }
        );
        let mut starts = Vec::new();
        for _ in 0..5 {
            let t0 = Instant::now();
            let kiosk = Kiosk::start_on(options.clone(), &snapshot).await;
            kiosk.tap("[data-testid=attract]").await;
            kiosk
                .wait_for("[data-testid=screen-home] [data-testid=tile-find]")
                .await;
            starts.push(t0.elapsed().as_secs_f64() * 1000.0);
            kiosk.close().await;
        }
        report(
            "start → interactive home (ms, 5 fresh processes)",
            &mut starts,
        );

        let kiosk = Kiosk::start_on(options.clone(), &snapshot).await;
        kiosk.tap("[data-testid=attract]").await;
        keystrokes(&kiosk).await;
        memory(&kiosk, navigations).await;
        kiosk.close().await;
    });
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(what: &str, values: &mut [f64]) {
    values.sort_by(f64::total_cmp);
    println!(
        "{what}: n={} p50={:.1} p99={:.1} min={:.1} max={:.1}",
        values.len(),
        percentile(values, 0.5),
        percentile(values, 0.99),
        values[0],
        values[values.len() - 1]
    );
}

/// Time between two keys: a brisk typist on a touchscreen (about four keys a second), and far
/// longer than a keystroke's paint, so every keystroke is measured on its own.
const PACE: Duration = Duration::from_millis(250);

/// 200 keystrokes of realistic queries.
async fn keystrokes(kiosk: &Kiosk) {
    kiosk.tap("[data-testid=tile-find]").await;
    kiosk.wait_for("[data-testid=empty-state]").await;
    let words = [
        "chongqing",
        "cq",
        "bank",
        "thai",
        "n1a0",
        "solar",
        "guangxi",
        "vietnam",
        "machinery",
        "coffee",
        "zhongguo",
        "sm",
        "logistics",
        "rubber",
        "ev",
        "nanning",
        "design",
        "laos",
        "textile",
        "hk",
        "tea",
        "port",
        "battery",
        "fruit",
        "steel",
        "rice",
        "yinhang",
    ];
    // Keys are pressed with real X clicks at their centres (the kiosk covers the screen from
    // 0,0), as a touchscreen's driver would, at a brisk visitor's pace; WebDriver stays out of
    // the way until all keys are typed (its clicks are synthesised inside WebKit, and polling
    // the page between keys would compete with the page for its main thread).
    let centres = kiosk
        .eval(
            "const r = {}; \
             for (const b of document.querySelectorAll('[data-skbtn]')) { \
               const box = b.getBoundingClientRect(); \
               r[b.dataset.skbtn] = [Math.round((box.x + box.width / 2) * devicePixelRatio), \
                                     Math.round((box.y + box.height / 2) * devicePixelRatio)]; } \
             return r",
        )
        .await;
    let display = kiosk.display_number();
    let press = |key: &str| {
        let at = &centres[key];
        let (x, y) = (at[0].to_string(), at[1].to_string());
        xdotool(display, &["mousemove", &x, &y, "click", "1"]);
    };
    kiosk.eval("performance.clearMarks(); return true").await;
    let mut typed = 0;
    'outer: for word in words.iter().cycle() {
        for c in word.chars() {
            if typed == 200 {
                break 'outer;
            }
            press(&c.to_string());
            typed += 1;
            tokio::time::sleep(PACE).await;
        }
        press("{clear}");
        tokio::time::sleep(PACE).await;
    }
    let marks = kiosk
        .eval(
            "const t = n => performance.getEntriesByName(n, 'mark').map(m => m.startTime); \
             return { k: t('keystroke'), s: t('search-sent'), a: t('results-arrived'), \
                      d: t('results-in-dom'), \
                      f: t('results-frame'), p: t('results-painted') }",
        )
        .await;
    let times = |v: &Value| -> Vec<f64> {
        v.as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default()
    };
    let (ks, ps) = (times(&marks["k"]), times(&marks["p"]));
    let stages = [
        times(&marks["s"]),
        times(&marks["a"]),
        times(&marks["d"]),
        times(&marks["f"]),
    ];
    let mut latencies = Vec::new();
    // Where each keystroke's time went: to the request (Svelte's effects, scheduling), to the
    // answer (IPC, search), to the rows in the DOM (Svelte), to the next frame, and to the
    // paint (style, layout, paint).
    let mut parts: [Vec<f64>; 5] = Default::default();
    for (i, k) in ks.iter().enumerate() {
        let next_key = ks.get(i + 1).copied().unwrap_or(f64::INFINITY);
        // The first paint after this keystroke and before the next one; {clear} paints too but
        // is not a keystroke mark of a letter, and its paint comes after a letter's.
        let Some(p) = ps.iter().copied().find(|&p| p > *k && p < next_key) else {
            continue;
        };
        latencies.push(p - k);
        // The last mark of each stage that belongs to this paint.
        let at = |stage: &[f64]| stage.iter().rev().copied().find(|&s| s >= *k && s <= p);
        if let (Some(s), Some(a), Some(d), Some(f)) = (
            at(&stages[0]),
            at(&stages[1]),
            at(&stages[2]),
            at(&stages[3]),
        ) {
            for (part, value) in parts.iter_mut().zip([s - k, a - s, d - a, f - d, p - f]) {
                part.push(value);
            }
        }
    }
    println!(
        "keystrokes marked: {} (letters and clears), paints: {}, paired: {}",
        ks.len(),
        ps.len(),
        latencies.len()
    );
    report("keystroke → results painted (ms)", &mut latencies);
    let names = [
        "  keystroke → request sent",
        "  request → answer in the page",
        "  answer → rows in the DOM",
        "  rows in the DOM → next frame",
        "  frame → painted",
    ];
    for (name, part) in names.iter().zip(parts.iter_mut()) {
        if !part.is_empty() {
            report(name, part);
        }
    }

    // Where the time goes: the same kind of queries straight through IPC (command, core search,
    // JSON), timed inside the page, without the interface's rendering.
    let ipc = kiosk
        .eval_async(
            "const done = arguments[arguments.length - 1]; \
             const q = ['c', 'ch', 'cho', 'chon', 'chong', 'chongq', 'chongqing', \
                        'b', 'ba', 'ban', 'bank', 'n', 'n1', 'n1a', 'n1a0', 'y', 'yin', 'yinhang']; \
             (async () => { const t = []; \
               for (let i = 0; i < 200; i++) { \
                 const s = performance.now(); \
                 await window.__TAURI_INTERNALS__.invoke('search', \
                   { query: { text: q[i % q.length], limit: 50 } }); \
                 t.push(performance.now() - s); } \
               done(t); })();",
        )
        .await;
    let mut ipc: Vec<f64> = ipc
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    report("search through IPC alone, in the page (ms)", &mut ipc);
}

async fn memory(kiosk: &Kiosk, navigations: usize) {
    let pid = kiosk_pid().expect("the kiosk process is running");
    let route: [&str; 8] = [
        "[data-testid=nav-home]",
        "[data-testid=tile-pavilions]",
        "[data-testid=pavilion-thailand]",
        "[data-testid=exhibitor-row]",
        "[data-testid=nav-home]",
        "[data-testid=tile-categories]",
        "[data-testid^=category-]",
        "[data-testid=exhibitor-row]",
    ];
    let mut done = 0;
    let first = tree_memory(pid);
    let mut samples = vec![(0, first.rss, first.pss)];
    let started = Instant::now();
    while done < navigations {
        for css in route {
            kiosk.tap(css).await;
            done += 1;
            if done % 100 == 0 {
                let m = tree_memory(pid);
                samples.push((done, m.rss, m.pss));
            }
            if done == navigations {
                break;
            }
        }
    }
    let end = tree_memory(pid);
    println!(
        "navigations: {navigations} in {:.0} s; process tree RSS/PSS MiB every 100: {}",
        started.elapsed().as_secs_f64(),
        samples
            .iter()
            .map(|(n, rss, pss)| format!("{n}:{rss:.0}/{pss:.0}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!(
        "memory after {navigations} navigations: RSS {:.0} MiB, PSS {:.0} MiB ({})",
        end.rss,
        end.pss,
        end.parts
            .iter()
            .map(|(n, rss, pss)| format!("{n} {rss:.0}/{pss:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    // The slope after warm-up: from the sample at a fifth of the run to the last one.
    let warm = samples.len() / 5;
    if let (Some(a), Some(b)) = (samples.get(warm), samples.last())
        && b.0 > a.0
    {
        println!(
            "growth after warm-up ({} → {} navigations): RSS {:.3} MiB/nav, PSS {:.3} MiB/nav",
            a.0,
            b.0,
            (b.1 - a.1) / (b.0 - a.0) as f64,
            (b.2 - a.2) / (b.0 - a.0) as f64
        );
    }
}
