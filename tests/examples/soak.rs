//! The soak (RELIABILITY.md, "Soak"; `scripts/soak.sh`): the real kiosk driven through
//! WebDriver for many navigations of every kind a visitor makes (search on the on-screen
//! keyboard, profile, map with the route, contact card, language switch, pavilions,
//! categories, idle reset), while a new signed snapshot is built into the kiosk's folder feed
//! every few hundred navigations and hot-swapped under the visitor. Samples the process tree's
//! memory every 100 navigations and prints the curve's start, end and slope after warm-up, the
//! swaps the kiosk took, and every error: page errors, unhandled rejections, and the errors on
//! the staff status. Prints figures; a navigation that cannot be made stops the run with its
//! number.
//!
//! `soak [NAVIGATIONS] [SWAP_EVERY]` (default 10000, 300), `FAIRWAY_KIOSK_BIN` naming the app.

use std::time::{Duration, Instant};

use fairway_core::build::{BuildOptions, build};
use fairway_core::snapshot::keygen;
use fairway_core::update::{Feed, Library};
use fairway_e2e::{Kiosk, Options, copy_dir, kiosk_pid, rename_exhibitor, repo_root, scenario};
use fairway_e2e::{TreeMemory, tree_memory};
use serde_json::Value;

const WORDS: [&str; 8] = [
    "cq", "bank", "thai", "fruit", "chengdu", "data", "yibin", "seafood",
];
/// An exhibitor of the demo fair that every swap renames (the kiosk must follow each time).
const RENAMED_ID: &str = "E0001";
/// Idle time of the soak kiosk; an idle reset waits this plus the ten-second countdown.
const IDLE_SECONDS: u32 = 20;
const IDLE_RESET_EVERY: usize = 2000;
/// What a visitor does from an exhibitor's profile: each tap and the screen it must bring.
const AFTER_PROFILE: [(&str, Option<&str>); 14] = [
    (
        "[data-testid=show-on-map]",
        Some("[data-testid=route-distance]"),
    ),
    (
        "[data-testid=nav-back]",
        Some("[data-testid=screen-exhibitor]"),
    ),
    (
        "[data-testid=take-contact]",
        Some("[data-testid=contact-qr]"),
    ),
    (
        "[data-testid=contact-close]",
        Some("[data-testid=screen-exhibitor]"),
    ),
    ("[data-testid=toggle-language]", None),
    ("[data-testid=nav-home]", Some("[data-testid=screen-home]")),
    (
        "[data-testid=tile-pavilions]",
        Some("[data-testid=screen-pavilions]"),
    ),
    (
        "[data-testid=pavilion-thailand]",
        Some("[data-testid=screen-pavilion]"),
    ),
    (
        "[data-testid=exhibitor-row]",
        Some("[data-testid=screen-exhibitor]"),
    ),
    ("[data-testid=toggle-language]", None),
    ("[data-testid=nav-home]", Some("[data-testid=screen-home]")),
    (
        "[data-testid=tile-categories]",
        Some("[data-testid=screen-categories]"),
    ),
    (
        "[data-testid^=category-]",
        Some("[data-testid=screen-category]"),
    ),
    (
        "[data-testid=exhibitor-row]",
        Some("[data-testid=screen-exhibitor]"),
    ),
];

fn main() {
    let mut args = std::env::args().skip(1);
    let navigations: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let swap_every: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(300);

    let work = tempfile::tempdir().expect("a temporary folder");
    let (public, secret) = keygen(work.path()).expect("a key pair");
    let source = work.path().join("fair");
    copy_dir(&repo_root().join("assets/demo-fair"), &source).expect("the demo fair copies");
    let feed = work.path().join("feed");
    let options = move |sequence| BuildOptions {
        sequence: Some(sequence),
        secret_key: Some(secret.clone()),
        ..BuildOptions::default()
    };
    build(&source, &feed, &options(1)).expect("sequence 1 builds");
    let data = work.path().join("data");
    let keys = vec![fairway_core::snapshot::PublicKey::read(&public).expect("the key reads")];
    Library::open(&data, keys)
        .expect("the data folder opens")
        .install(&Feed::Folder(feed.clone()))
        .expect("sequence 1 installs");

    scenario(Duration::from_secs(6 * 3600), || async move {
        let kiosk = Kiosk::start(Options {
            idle_seconds: IDLE_SECONDS,
            kiosk_id: "K-N1-ENTRANCE",
            extra_config: format!(
                "feed = {}\npubkeys = [{}]\npoll_seconds = 600\ndata_dir = {}\n",
                Value::String(feed.display().to_string()),
                Value::String(public.display().to_string()),
                Value::String(data.display().to_string()),
            ),
            ..Options::default()
        })
        .await;
        let pid = kiosk_pid().expect("the kiosk process runs");
        kiosk
            .eval(
                "window.__soakErrors = []; \
                 addEventListener('error', e => __soakErrors.push('error: ' + e.message)); \
                 addEventListener('unhandledrejection', e => \
                   __soakErrors.push('rejection: ' + String(e.reason && (e.reason.message || e.reason.code) || e.reason))); \
                 return true",
            )
            .await;

        let started = Instant::now();
        let mut soak = Soak {
            kiosk: &kiosk,
            done: 0,
            samples: vec![(0, tree_memory(pid))],
            pid,
            next_swap: swap_every,
            swap_every,
            sequence: 1,
            building: None,
            swaps_built: 0,
            idle_resets: 0,
            taps_repeated: 0,
        };
        let mut word = WORDS.iter().cycle();
        while soak.done < navigations {
            soak.visit(
                word.next().copied().unwrap_or("cq"),
                &source,
                &feed,
                &options,
                navigations,
            )
            .await;
        }
        if let Some(build) = soak.building.take() {
            build.await.expect("the last build finishes");
        }
        let elapsed = started.elapsed();

        // The kiosk must have taken every snapshot built (give the last one a moment).
        let expected = soak.sequence;
        let deadline = Instant::now() + Duration::from_secs(60);
        let status = loop {
            let status = kiosk
                .eval_async(
                    "const done = arguments[arguments.length - 1]; \
                     window.__TAURI_INTERNALS__.invoke('status') \
                       .then(done, e => done({ failed: String(e) }));",
                )
                .await;
            if status["sequence"].as_u64() == Some(expected) || Instant::now() > deadline {
                break status;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        };
        let page_errors = kiosk.eval("return window.__soakErrors").await;
        let samples = &soak.samples;
        println!(
            "navigations: {} in {:.0} s ({:.0} ms each), swaps built: {}, idle resets: {}, \
             taps repeated (lost during a swap's re-render): {}",
            soak.done,
            elapsed.as_secs_f64(),
            elapsed.as_secs_f64() * 1000.0 / soak.done as f64,
            soak.swaps_built,
            soak.idle_resets,
            soak.taps_repeated
        );
        println!(
            "snapshot sequence: built up to {expected}, the kiosk shows {}",
            status["sequence"]
        );
        println!(
            "memory (process tree RSS/PSS MiB) every 100 navigations: {}",
            samples
                .iter()
                .map(|(n, m)| format!("{n}:{:.0}/{:.0}", m.rss, m.pss))
                .collect::<Vec<_>>()
                .join(" ")
        );
        let (first, last) = (&samples[0], &samples[samples.len() - 1]);
        let warm = &samples[samples.len() / 5];
        println!(
            "PSS start {:.0} MiB, after warm-up ({} navs) {:.0} MiB, end {:.0} MiB; \
             slope after warm-up {:.4} MiB/nav (RSS {:.4})",
            first.1.pss,
            warm.0,
            warm.1.pss,
            last.1.pss,
            (last.1.pss - warm.1.pss) / (last.0 - warm.0).max(1) as f64,
            (last.1.rss - warm.1.rss) / (last.0 - warm.0).max(1) as f64,
        );
        println!(
            "end: {}",
            last.1
                .parts
                .iter()
                .map(|(n, rss, pss)| format!("{n} {rss:.0}/{pss:.0}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let page_errors = page_errors.as_array().cloned().unwrap_or_default();
        let status_errors = status["errors"].as_array().cloned().unwrap_or_default();
        println!(
            "errors: {} in the page, {} on the staff status",
            page_errors.len(),
            status_errors.len()
        );
        for e in page_errors.iter().chain(status_errors.iter()) {
            println!("  {e}");
        }
        kiosk.close().await;
    });
}

struct Soak<'a> {
    kiosk: &'a Kiosk,
    done: usize,
    samples: Vec<(usize, TreeMemory)>,
    pid: u32,
    next_swap: usize,
    swap_every: usize,
    sequence: u64,
    building: Option<tokio::task::JoinHandle<()>>,
    swaps_built: usize,
    idle_resets: usize,
    taps_repeated: usize,
}

impl Soak<'_> {
    /// One navigation: tap `css` (waiting for `then` when given) and do the bookkeeping.
    async fn nav(&mut self, css: &str, then: Option<&str>) {
        self.kiosk.tap(css).await;
        if let Some(then) = then
            && !self.shows(then, Duration::from_secs(8)).await
        {
            // A tap that landed while a snapshot swap re-rendered the screen is lost; a visitor
            // taps again. Counted and reported, never hidden.
            self.taps_repeated += 1;
            eprintln!(
                "soak: navigation {}: {then} did not follow a tap on {css}; tapping again",
                self.done + 1
            );
            if self.shows(css, Duration::ZERO).await {
                self.kiosk.tap(css).await;
            }
            self.arrive(css, then).await;
        }
        self.count();
    }

    /// Whether `css` is on screen within `within`.
    async fn shows(&self, css: &str, within: Duration) -> bool {
        let probe = format!(
            "return !!document.querySelector({})",
            Value::String(css.to_owned())
        );
        let deadline = Instant::now() + within;
        loop {
            if self.kiosk.eval(&probe).await == Value::Bool(true) {
                return true;
            }
            if Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for `then` after tapping `css`; when it does not come, says what the screen shows
    /// (and keeps a screenshot) before stopping the run.
    async fn arrive(&self, css: &str, then: &str) {
        let probe = format!(
            "return !!document.querySelector({})",
            Value::String(then.to_owned())
        );
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.kiosk.eval(&probe).await == Value::Bool(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let shown = self
            .kiosk
            .eval(
                "const s = document.querySelector('[data-testid^=screen-]'); \
                 return (s ? s.dataset.testid : 'no screen') + ' | errors: ' + \
                   JSON.stringify(window.__soakErrors || []) + ' | ' + \
                   document.body.innerText.slice(0, 200)",
            )
            .await;
        let shot = std::env::temp_dir().join(format!("soak-failure-{}.png", self.done));
        self.kiosk.screenshot(&shot).await;
        panic!(
            "navigation {}: after tapping {css}, {then} did not appear within 30 s; \
             the screen shows {shown} (screenshot {})",
            self.done + 1,
            shot.display()
        );
    }

    fn count(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(100) {
            self.samples.push((self.done, tree_memory(self.pid)));
        }
        if self.done.is_multiple_of(1000) {
            eprintln!("soak: {} navigations", self.done);
        }
    }

    /// One round of a visitor's visit: about twenty navigations.
    async fn visit(
        &mut self,
        word: &str,
        source: &std::path::Path,
        feed: &std::path::Path,
        options: &(impl Fn(u64) -> BuildOptions + Clone + Send + 'static),
        total: usize,
    ) {
        eprintln!(
            "soak: visit at {} navigations, searching {word:?}",
            self.done
        );
        if self.done >= self.next_swap {
            self.next_swap += self.swap_every.max(1);
            self.swap(source, feed, options).await;
        }
        let attract = self
            .kiosk
            .eval("return !!document.querySelector('[data-testid=attract]')")
            .await;
        if attract == Value::Bool(true) {
            self.nav("[data-testid=attract]", Some("[data-testid=screen-home]"))
                .await;
        } else {
            self.nav("[data-testid=nav-home]", Some("[data-testid=screen-home]"))
                .await;
        }
        // Search on the on-screen keyboard (after clearing what the last visitor typed), then
        // the first result's profile.
        self.nav("[data-testid=tile-find]", Some("[data-testid=screen-find]"))
            .await;
        self.kiosk.tap("[data-skbtn=\"{clear}\"]").await;
        self.kiosk.wait_for("[data-testid=empty-state]").await;
        self.kiosk.type_on_keyboard(word).await;
        self.kiosk.wait_for("[data-testid=exhibitor-row]").await;
        self.count();
        self.nav(
            "[data-testid=exhibitor-row]",
            Some("[data-testid=screen-exhibitor]"),
        )
        .await;
        // The map with the route, the card, then the pavilions and the categories in the
        // other language and back.
        for (tap, expect) in AFTER_PROFILE {
            self.nav(tap, expect).await;
        }
        // Now and then the visitor walks away: the idle timer resets the kiosk.
        if self.done / IDLE_RESET_EVERY > self.idle_resets && self.done < total {
            self.idle_resets += 1;
            // The countdown comes after IDLE_SECONDS without a touch, the attract screen ten
            // seconds later.
            let overlay = Duration::from_secs(u64::from(IDLE_SECONDS) + 15);
            assert!(
                self.shows("[data-testid=idle-overlay]", overlay).await,
                "navigation {}: no idle countdown within {overlay:?}",
                self.done + 1
            );
            assert!(
                self.shows("[data-testid=attract]", Duration::from_secs(25))
                    .await,
                "navigation {}: the idle countdown did not end on the attract screen",
                self.done + 1
            );
            self.count();
        }
    }

    /// Builds the next sequence into the feed in the background (the kiosk notices through its
    /// folder watch); waits for the previous build first.
    async fn swap(
        &mut self,
        source: &std::path::Path,
        feed: &std::path::Path,
        options: &(impl Fn(u64) -> BuildOptions + Clone + Send + 'static),
    ) {
        if let Some(build) = self.building.take() {
            build.await.expect("the build task finishes");
        }
        self.sequence += 1;
        let sequence = self.sequence;
        rename_exhibitor(
            &source.join("exhibitors.csv"),
            RENAMED_ID,
            &format!("Soak Trading Co. No. {sequence}"),
            &format!("Renamed by the soak for sequence {sequence}."),
        )
        .expect("the source changes");
        let (source, feed, options) = (source.to_path_buf(), feed.to_path_buf(), options.clone());
        self.building = Some(tokio::task::spawn_blocking(move || {
            build(&source, &feed, &options(sequence)).expect("the next sequence builds");
        }));
        self.swaps_built += 1;
    }
}
