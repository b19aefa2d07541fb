//! Where a keystroke waits (BENCHMARKS.md, "Kiosk", run 6). First, how long a search takes to
//! come back when the page changed just before it: nothing, a key's highlight, the field's
//! text, or both (far apart on the screen). Then it presses keys of the on-screen keyboard
//! from inside the page (pointer events on the key, as simple-keyboard hears them) and
//! records, for each, when the search left, when a microtask, an animation frame and a
//! `setTimeout(0)` queued right after the press ran, and when the answer arrived. Prints them;
//! asserts nothing.
//!
//! `keystroke_probe SNAPSHOT`, with `FAIRWAY_KIOSK_BIN` naming a release build.

use std::path::PathBuf;
use std::time::Duration;

use fairway_e2e::{Kiosk, Options, scenario};

fn main() {
    let snapshot = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: keystroke_probe SNAPSHOT"),
    );
    scenario(Duration::from_secs(600), || async move {
        let options = Options {
            idle_seconds: 3600,
            ..Options::default()
        };
        let kiosk = Kiosk::start_on(options, &snapshot).await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-find]").await;
        kiosk.wait_for("[data-testid=empty-state]").await;
        kiosk.type_on_keyboard("cq").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        for (what, change) in [
            ("nothing changed", ""),
            (
                "a key lit",
                "document.querySelector('[data-skbtn=q]').classList.toggle('hg-activeButton')",
            ),
            (
                "the text changed",
                "document.querySelector('[data-testid=search-text]').firstChild.textContent = 'cq' + i",
            ),
            (
                "a key lit and the text changed",
                "document.querySelector('[data-skbtn=q]').classList.toggle('hg-activeButton'); document.querySelector('[data-testid=search-text]').firstChild.textContent = 'cq' + i",
            ),
        ] {
            println!(
                "{what}, then a search: {}",
                kiosk.eval_async(&change_then_search(change)).await
            );
        }
        for word in ["bank", "thai", "solar", "cq"] {
            kiosk.tap("[data-skbtn=\"{clear}\"]").await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let report = kiosk.eval_async(&press(word)).await;
            println!("{word}: {}", report.as_str().unwrap_or_default());
        }
        kiosk.close().await;
    });
}

/// A script making `change` to the page and at once searching, 12 times 300 ms apart; reports
/// how long each search took to come back (ms, sorted).
fn change_then_search(change: &str) -> String {
    format!(
        "const done = arguments[arguments.length - 1]; const out = []; let i = 0; \
         const one = async () => {{ const t0 = performance.now(); {change}; \
           await window.__TAURI_INTERNALS__.invoke('search', {{ query: {{ text: 'cq', limit: 50 }} }}); \
           out.push(performance.now() - t0); \
           if (++i < 12) setTimeout(one, 300); \
           else {{ out.sort((a, b) => a - b); done(out.map(x => x.toFixed(0)).join(' ')); }} }}; \
         one();"
    )
}

/// A script pressing each letter of `word` 300 ms apart and reporting, per key, milliseconds
/// after the press: s = search sent, m = microtask, r = animation frame, t = setTimeout(0),
/// a = answer in the page.
fn press(word: &str) -> String {
    format!(
        "const done = arguments[arguments.length - 1]; const keys = '{word}'.split(''); \
         const out = []; let i = 0; \
         const last = n => (performance.getEntriesByName(n).at(-1) || {{ startTime: -1 }}).startTime; \
         const one = () => {{ \
           const before = performance.getEntriesByName('results-arrived').length; \
           const key = document.querySelector('[data-skbtn=\"' + keys[i] + '\"]'); \
           const t0 = performance.now(); const at = {{}}; \
           key.dispatchEvent(new PointerEvent('pointerdown', {{ bubbles: true }})); \
           key.dispatchEvent(new PointerEvent('pointerup', {{ bubbles: true }})); \
           queueMicrotask(() => queueMicrotask(() => at.m = performance.now() - t0)); \
           requestAnimationFrame(() => at.r = performance.now() - t0); \
           setTimeout(() => at.t = performance.now() - t0, 0); \
           const wait = () => {{ \
             if (performance.getEntriesByName('results-arrived').length > before) {{ \
               const f = x => (x === undefined ? '-' : x.toFixed(0)); \
               out.push(keys[i] + ' s' + f(last('search-sent') - t0) + ' m' + f(at.m) + ' r' + f(at.r) + \
                 ' t' + f(at.t) + ' a' + f(last('results-arrived') - t0)); \
               if (++i < keys.length) setTimeout(one, 300); else done(out.join(', ')); \
             }} else setTimeout(wait, 1); }}; \
           wait(); }}; \
         one();"
    )
}
