//! Where the kiosk's memory grows: the real app on a snapshot, a few navigation patterns of
//! `ROUNDS` taps each, and the process tree's PSS before and after each, per tap. Prints
//! figures; asserts nothing. A diagnostic for BENCHMARKS.md "Kiosk".
//!
//! Usage: mem_probe [SNAPSHOT] [ROUNDS]   (default: the test fixture, 200)

use std::path::PathBuf;
use std::time::Duration;

use fairway_e2e::{Kiosk, Options, fixture, kiosk_pid, scenario, tree_memory};

fn main() {
    let mut args = std::env::args().skip(1);
    let snapshot = args
        .next()
        .filter(|a| !a.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| fixture().snapshot.clone());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(200);
    scenario(Duration::from_secs(3600), || async move {
        let kiosk = Kiosk::start_on(
            Options {
                idle_seconds: 3600,
                // `Options::default` takes FAIRWAY_SOFTWARE_RENDERING=1 or 0 (unset: auto).
                ..Options::default()
            },
            &snapshot,
        )
        .await;
        kiosk.tap("[data-testid=attract]").await;
        let pid = kiosk_pid().expect("the kiosk runs");
        let patterns: [(&str, &[&str]); 4] = [
            ("idle (no taps, 30 s)", &[]),
            (
                "home <-> pavilions",
                &["[data-testid=tile-pavilions]", "[data-testid=nav-home]"],
            ),
            (
                "pavilion page <-> one exhibitor",
                &["[data-testid=exhibitor-row]", "[data-testid=nav-back]"],
            ),
            (
                "home <-> categories",
                &["[data-testid=tile-categories]", "[data-testid=nav-home]"],
            ),
        ];
        for (name, taps) in patterns {
            if name.starts_with("pavilion page") {
                kiosk.tap("[data-testid=tile-pavilions]").await;
                kiosk.tap("[data-testid=pavilion-thailand]").await;
            }
            let before = tree_memory(pid);
            if taps.is_empty() {
                tokio::time::sleep(Duration::from_secs(30)).await;
            }
            let mut done = 0;
            while !taps.is_empty() && done < rounds {
                for css in taps {
                    kiosk.tap(css).await;
                    done += 1;
                }
            }
            let after = tree_memory(pid);
            println!(
                "{name}: {done} taps, PSS {:.0} -> {:.0} MiB ({:+.3} MiB/tap), RSS {:.0} -> {:.0}",
                before.pss,
                after.pss,
                (after.pss - before.pss) / done.max(1) as f64,
                before.rss,
                after.rss
            );
            if name.starts_with("pavilion page") {
                kiosk.tap("[data-testid=nav-home]").await;
            }
        }
        kiosk.close().await;
    });
}
