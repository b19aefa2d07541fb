//! Screenshots of every screen of the real app, in both languages and both orientations, into
//! `<target>/screenshots/` (or `$FAIRWAY_SCREENSHOTS_DIR`). Each step waits for the screen it
//! photographs, so a screen that does not appear fails the test; what the pictures look like is
//! for people to judge: open them.

use std::path::PathBuf;
use std::time::Duration;

use fairway_e2e::{Kiosk, Options, scenario, screenshot_dir};

struct Shooter<'a> {
    kiosk: &'a Kiosk,
    dir: PathBuf,
    prefix: String,
    taken: Vec<PathBuf>,
}

impl Shooter<'_> {
    async fn shot(&mut self, name: &str) {
        // Let the pictures in view load and decode (they decode asynchronously), then let two
        // frames paint them before the picture is taken. A picture whose element a live list
        // replaced meanwhile never settles, so each gets three seconds at most.
        self.kiosk
            .eval_async(
                "const done = arguments[arguments.length - 1]; \
                 const inView = [...document.images].filter(i => { \
                   const r = i.getBoundingClientRect(); \
                   return r.bottom > 0 && r.top < innerHeight && r.width > 0; }); \
                 const settle = i => Promise.race([i.decode().catch(() => null), \
                   new Promise(r => setTimeout(r, 3000))]); \
                 Promise.all(inView.map(settle)) \
                   .then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));",
            )
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let path = self.dir.join(format!(
            "{}-{:02}-{name}.png",
            self.prefix,
            self.taken.len() + 1
        ));
        self.kiosk.screenshot(&path).await;
        self.taken.push(path);
    }
}

async fn tour(kiosk: &Kiosk, dir: PathBuf, orientation: &str, lang: &str) -> Vec<PathBuf> {
    let mut s = Shooter {
        kiosk,
        dir,
        prefix: format!("{orientation}-{lang}"),
        taken: Vec::new(),
    };
    let k = kiosk;
    k.wait_for("[data-testid=attract]").await;
    if lang == "zh" {
        // The attract screen is bilingual; the session starts in the configured language.
        k.tap("[data-testid=attract]").await;
        k.tap("[data-testid=toggle-language]").await;
        k.wait_until(
            "Chinese",
            "return document.documentElement.lang === 'zh-Hans'",
        )
        .await;
        k.tap("[data-testid=nav-home]").await;
    } else {
        s.shot("attract").await;
        k.tap("[data-testid=attract]").await;
    }
    k.wait_for("[data-testid=screen-home]").await;
    s.shot("home").await;

    k.tap("[data-testid=tile-pavilions]").await;
    k.wait_for("[data-testid=screen-pavilions]").await;
    s.shot("pavilions").await;
    k.tap("[data-testid=pavilion-thailand]").await;
    k.wait_for("[data-testid=screen-pavilion] [data-testid=exhibitor-row]")
        .await;
    s.shot("pavilion").await;

    k.tap("[data-testid=nav-home]").await;
    k.tap("[data-testid=tile-categories]").await;
    k.wait_for("[data-testid=screen-categories]").await;
    s.shot("categories").await;
    k.tap("[data-testid^=category-]").await;
    k.wait_for("[data-testid=screen-category] [data-testid=exhibitor-row]")
        .await;
    s.shot("category").await;

    k.tap("[data-testid=nav-home]").await;
    k.tap("[data-testid=tile-find]").await;
    k.wait_for("[data-testid=empty-state]").await;
    s.shot("find-empty").await;
    k.type_on_keyboard("cq").await;
    k.wait_for("[data-testid=exhibitor-row]").await;
    s.shot("find-results").await;
    k.tap("[data-skbtn=\"{clear}\"]").await;
    k.type_on_keyboard("zzxqj").await;
    k.wait_for("[data-testid=no-results]").await;
    s.shot("find-no-results").await;
    k.tap("[data-skbtn=\"{clear}\"]").await;
    k.tap("[data-testid=filter-category]").await;
    k.wait_for("[data-testid=picker]").await;
    s.shot("find-filter-picker").await;
    k.eval("document.querySelector('[data-testid=picker] button:not([disabled])').click(); return true")
        .await;
    k.wait_gone("[data-testid=picker]").await;
    k.tap("[data-skbtn=\"{clear}\"]").await;
    k.type_on_keyboard("chongqing").await;
    k.wait_for("[data-testid=exhibitor-row]").await;
    s.shot("find-filtered").await;

    k.tap("[data-testid=exhibitor-row]").await;
    k.wait_for("[data-testid=screen-exhibitor] [data-testid=exhibitor-name]")
        .await;
    s.shot("profile").await;
    k.tap("[data-testid=take-contact]").await;
    k.wait_for("[data-testid=contact-qr]").await;
    s.shot("contact-card").await;
    k.tap("[data-testid=contact-close]").await;
    // The map's own pictures (route legs, step-free, booth panel) are taken by tests/map.rs.
    k.tap("[data-testid=show-on-map]").await;
    k.wait_for("[data-testid=route-distance]").await;
    k.wait_for("[data-testid=map-route]").await;
    s.shot("map-route").await;
    k.tap("[data-testid=nav-back]").await;
    k.wait_for("[data-testid=screen-exhibitor] [data-testid=exhibitor-name]")
        .await;

    k.tap("[data-testid=toggle-large-text]").await;
    s.shot("profile-large-text").await;
    k.tap("[data-testid=toggle-large-text]").await;
    k.tap("[data-testid=toggle-contrast]").await;
    s.shot("profile-high-contrast").await;
    k.tap("[data-testid=toggle-contrast]").await;

    k.tap("[data-testid=nav-home]").await;
    k.tap("[data-testid=toggle-reach]").await;
    s.shot("home-reach").await;
    k.tap("[data-testid=tile-find]").await;
    k.tap("[data-skbtn=\"{clear}\"]").await;
    k.wait_for("[data-testid=empty-state]").await;
    s.shot("find-reach").await;
    k.tap("[data-testid=toggle-reach]").await;
    k.tap("[data-testid=toggle-contrast]").await;
    s.shot("find-high-contrast").await;
    k.tap("[data-testid=toggle-contrast]").await;

    k.wait_for("[data-testid=idle-overlay]").await;
    s.shot("idle-overlay").await;
    k.wait_for("[data-testid=attract]").await;
    s.taken
}

fn take_all(orientation: &str, width: u32, height: u32) {
    scenario(Duration::from_secs(600), || async {
        let dir = screenshot_dir();
        let kiosk = Kiosk::start(Options {
            width,
            height,
            idle_seconds: 15,
            language: "en",
            ..Options::default()
        })
        .await;
        let mut taken = tour(&kiosk, dir.clone(), orientation, "en").await;
        taken.extend(tour(&kiosk, dir.clone(), orientation, "zh").await);
        kiosk.close().await;
        for path in &taken {
            let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            assert!(
                size > 10_000,
                "{} looks empty ({size} bytes)",
                path.display()
            );
        }
        eprintln!("{} screenshots in {}", taken.len(), dir.display());
    });
}

#[test]
fn screenshots_of_every_screen_in_portrait() {
    take_all("portrait", 1080, 1920);
}

#[test]
fn screenshots_of_every_screen_in_landscape() {
    take_all("landscape", 1920, 1080);
}
