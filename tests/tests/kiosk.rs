//! The kiosk as a visitor meets it: the real `fairway-kiosk` binary in WebKitGTK, driven through
//! tauri-driver under Xvfb. Each test starts its own kiosk on a hermetic copy of the demo fair.

use std::time::Duration;

use fairway_core::card::CardView;
use fairway_core::model::Language;
use fairway_core::snapshot::Snapshot;
use fairway_e2e::{
    HOSTILE_DESCRIPTION, HOSTILE_ID, HOSTILE_NAME, Kiosk, Options, fixture, scenario,
};
use serde_json::json;

const LIMIT: Duration = Duration::from_secs(180);

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn typing_chongqing_on_the_keyboard_finds_and_opens_a_chongqing_company() {
    scenario(LIMIT, || async {
        let kiosk = Kiosk::start(Options::default()).await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-find]").await;
        kiosk.wait_for("[data-testid=empty-state]").await;
        kiosk.type_on_keyboard("chongqing").await;
        assert_eq!(
            kiosk.text("[data-testid=search-text]").await.trim(),
            "chongqing"
        );
        let first = kiosk.wait_for("[data-testid=exhibitor-row]").await;
        let row_text = first.text().await.expect("a row has text");
        assert!(
            row_text.contains("重庆"),
            "the first hit for chongqing is a 重庆 company: {row_text}"
        );
        first.click().await.expect("the first result opens");
        kiosk.wait_for("[data-testid=screen-exhibitor]").await;
        let name = kiosk.text("[data-testid=exhibitor-name]").await;
        let other = kiosk.text("[data-testid=exhibitor-other-name]").await;
        assert!(
            other.contains("重庆") || name.contains("重庆"),
            "the profile is a 重庆 company: {name} / {other}"
        );
        kiosk.close().await;
    });
}

#[test]
fn switching_to_chinese_shows_chinese_labels() {
    scenario(LIMIT, || async {
        let kiosk = Kiosk::start(Options::default()).await;
        kiosk.tap("[data-testid=attract]").await;
        let english = kiosk.text("[data-testid=tile-find]").await;
        assert!(
            english.contains("Find exhibitor"),
            "English first: {english}"
        );
        kiosk.tap("[data-testid=toggle-language]").await;
        kiosk
            .wait_until(
                "the page switches to Chinese",
                "return document.documentElement.lang === 'zh-Hans'",
            )
            .await;
        for tile in ["find", "pavilions", "categories"] {
            let label = kiosk.text(&format!("[data-testid=tile-{tile}]")).await;
            assert!(has_cjk(&label), "tile {tile} has a Chinese label: {label}");
        }
        assert!(
            kiosk
                .text("[data-testid=tile-find]")
                .await
                .contains("查找展商")
        );
        kiosk.close().await;
    });
}

#[test]
fn a_pavilion_lists_its_exhibitors_and_opens_one() {
    scenario(LIMIT, || async {
        let kiosk = Kiosk::start(Options::default()).await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-pavilions]").await;
        kiosk.wait_for("[data-testid=screen-pavilions]").await;
        kiosk.tap("[data-testid=pavilion-thailand]").await;
        kiosk.wait_for("[data-testid=screen-pavilion]").await;
        let row = kiosk.wait_for("[data-testid=exhibitor-row]").await;
        let id = row
            .attr("data-id")
            .await
            .expect("rows carry data-id")
            .expect("a row has an id");
        row.click().await.expect("the row opens");
        kiosk.wait_for("[data-testid=screen-exhibitor]").await;
        let pavilion = kiosk
            .wait_until(
                "the profile names its pavilion",
                "const t = document.querySelector('[data-testid=screen-exhibitor]').innerText; \
                 return /Thailand/.test(t) && t",
            )
            .await;
        assert!(!id.is_empty(), "the opened row had an id");
        assert!(pavilion.as_str().is_some_and(|t| t.contains("Thailand")));
        kiosk.close().await;
    });
}

#[test]
fn an_idle_kiosk_returns_to_the_attract_screen_with_everything_cleared() {
    scenario(LIMIT, || async {
        let options = Options {
            idle_seconds: 5,
            ..Options::default()
        };
        let kiosk = Kiosk::start(options).await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-pavilions]").await;
        kiosk.wait_for("[data-testid=screen-pavilions]").await;
        let scrolled = kiosk
            .eval("const m = document.querySelector('[data-testid=main]'); m.scrollTop = 600; return m.scrollTop")
            .await;
        assert_eq!(
            scrolled,
            json!(600),
            "the pavilion list is long enough to scroll"
        );
        kiosk.tap("[data-testid=nav-home]").await;
        kiosk.tap("[data-testid=tile-find]").await;
        kiosk.type_on_keyboard("bank").await;
        kiosk.wait_for("[data-testid=exhibitor-row]").await;
        kiosk.tap("[data-testid=filter-country]").await;
        kiosk.wait_for("[data-testid=picker]").await;
        kiosk
            .eval(
                "const o = [...document.querySelectorAll('[data-testid=picker] button')]\
                   .find(b => /China/.test(b.innerText)); o.click(); return true",
            )
            .await;
        kiosk.wait_gone("[data-testid=picker]").await;
        kiosk.tap("[data-testid=toggle-language]").await;
        let before = kiosk
            .eval("return document.querySelector('[data-testid=filter-country]').innerText")
            .await;
        assert!(
            before.as_str().is_some_and(has_cjk),
            "a country filter is set: {before}"
        );

        kiosk.wait_for("[data-testid=idle-overlay]").await;
        kiosk.wait_for("[data-testid=idle-seconds]").await;
        kiosk.wait_for("[data-testid=attract]").await;

        kiosk.tap("[data-testid=attract]").await;
        let tile = kiosk.text("[data-testid=tile-find]").await;
        assert!(
            tile.contains("Find exhibitor"),
            "the language went back to English: {tile}"
        );
        kiosk.tap("[data-testid=tile-pavilions]").await;
        kiosk.wait_for("[data-testid=screen-pavilions]").await;
        let scroll = kiosk
            .eval("return document.querySelector('[data-testid=main]').scrollTop")
            .await;
        assert_eq!(
            scroll,
            json!(0),
            "the pavilion list starts at the top again"
        );
        kiosk.tap("[data-testid=nav-home]").await;
        kiosk.tap("[data-testid=tile-find]").await;
        kiosk.wait_for("[data-testid=empty-state]").await;
        let field = kiosk
            .eval(
                "const t = document.querySelector('[data-testid=search-text]'); \
                 return { placeholder: !!t.querySelector('.placeholder'), text: t.innerText }",
            )
            .await;
        assert_eq!(
            field["placeholder"],
            json!(true),
            "search text cleared: {field}"
        );
        assert!(
            !field["text"].as_str().unwrap_or_default().contains("bank"),
            "the old query is gone: {field}"
        );
        let state = kiosk
            .eval(
                "return { filter: document.querySelector('[data-testid=filter-country]').innerText, \
                          rows: document.querySelectorAll('[data-testid=exhibitor-row]').length }",
            )
            .await;
        assert!(
            state["filter"]
                .as_str()
                .is_some_and(|f| !f.contains("China") && !has_cjk(f)),
            "the country filter was cleared: {state}"
        );
        assert_eq!(state["rows"], json!(0), "no results left over");
        kiosk.close().await;
    });
}

#[test]
fn hostile_markup_in_an_exhibitor_shows_as_text_and_never_runs() {
    scenario(LIMIT, || async {
        let kiosk = Kiosk::start(Options::default()).await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-find]").await;
        kiosk.type_on_keyboard("hostile").await;
        let row = kiosk
            .wait_for(&format!(
                "[data-testid=exhibitor-row][data-id={HOSTILE_ID}]"
            ))
            .await;
        row.click().await.expect("the hostile exhibitor opens");
        kiosk.wait_for("[data-testid=screen-exhibitor]").await;
        let name = kiosk.text("[data-testid=exhibitor-name]").await;
        assert_eq!(name, HOSTILE_NAME, "the name shows its markup as text");
        let description = kiosk.text("[data-testid=exhibitor-description]").await;
        assert!(
            description.contains("<script>") && description.contains("<b>bold?</b>"),
            "the description shows its markup as text: {description}"
        );
        assert!(HOSTILE_DESCRIPTION.contains("<script>"));
        // Give an inserted image time to fail loading and run its handler, if it existed.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let probe = kiosk
            .eval(
                "return { pwned: window.__fairwayPwned ?? null, \
                          injectedImages: document.querySelectorAll('img[src=\"x\"]').length, \
                          scripts: [...document.scripts].filter(s => !s.src).length, \
                          bold: document.querySelectorAll('[data-testid=screen-exhibitor] b').length, \
                          nameChildren: document.querySelector('[data-testid=exhibitor-name]').childElementCount }",
            )
            .await;
        assert_eq!(
            probe["pwned"],
            json!(null),
            "no injected handler ran: {probe}"
        );
        assert_eq!(
            probe["injectedImages"],
            json!(0),
            "no <img> was created from text: {probe}"
        );
        assert_eq!(
            probe["scripts"],
            json!(0),
            "no inline <script> exists: {probe}"
        );
        assert_eq!(
            probe["bold"],
            json!(0),
            "no <b> was created from text: {probe}"
        );
        assert_eq!(
            probe["nameChildren"],
            json!(0),
            "the name is plain text: {probe}"
        );
        kiosk.close().await;
    });
}

#[test]
fn with_no_configuration_the_kiosk_opens_the_demo_fair() {
    scenario(LIMIT, || async {
        let kiosk = Kiosk::start(Options {
            no_config: true,
            ..Options::default()
        })
        .await;
        let attract = kiosk.text("[data-testid=attract]").await;
        assert!(
            attract.contains("触摸开始") || attract.to_lowercase().contains("touch"),
            "the attract screen shows: {attract}"
        );
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-find]").await;
        kiosk.type_on_keyboard("chongqing").await;
        let row = kiosk.wait_for("[data-testid=exhibitor-row]").await;
        let text = row.text().await.expect("a row has text");
        assert!(
            text.contains("重庆"),
            "the demo fair answers a search: {text}"
        );
        kiosk.close().await;
    });
}

/// The demo exhibitor the kiosk shows first for `cq`, and its card as the core makes it.
fn card_of(id: &str, lang: Language) -> CardView {
    let snapshot = Snapshot::open(&fixture().snapshot).expect("the fixture snapshot opens");
    let profile = snapshot
        .exhibitor(id)
        .expect("the profile reads")
        .expect("the exhibitor exists");
    CardView::of(&profile, lang).expect("the card encodes")
}

#[test]
fn take_contact_shows_a_qr_that_a_camera_decodes_to_the_exhibitors_card_in_the_visitors_language() {
    scenario(LIMIT, || async {
        let kiosk = Kiosk::start(Options::default()).await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-find]").await;
        kiosk.type_on_keyboard("cq").await;
        // The list updates as each letter arrives; wait for the 重庆 hits of "cq".
        let id = kiosk
            .wait_until(
                "a 重庆 company heads the results",
                "const r = document.querySelector('[data-testid=exhibitor-row]'); \
                 return r && /重庆/.test(r.innerText) && r.dataset.id",
            )
            .await;
        let id = id.as_str().expect("rows carry data-id").to_owned();
        kiosk
            .tap(&format!("[data-testid=exhibitor-row][data-id=\"{id}\"]"))
            .await;
        kiosk.tap("[data-testid=take-contact]").await;
        kiosk.wait_for("[data-testid=contact-qr]").await;

        let english = card_of(&id, Language::En);
        let read = kiosk.read_qr("[data-testid=contact-qr]").await;
        assert_eq!(
            String::from_utf8_lossy(&read),
            english.qr.payload,
            "the QR on screen holds {id}'s card, English first"
        );
        let size = kiosk
            .eval("return document.querySelector('[data-testid=contact-qr]').getBoundingClientRect().width")
            .await;
        assert!(
            size.as_f64().is_some_and(|w| w >= 240.0),
            "the QR is at least 240 px wide: {size}"
        );
        let fields = kiosk.text("[data-testid=contact-fields]").await;
        assert!(
            fields.contains(&english.fields.formatted_name),
            "the fields beside the QR show the name on the card: {fields}"
        );
        if let Some(site) = &english.website {
            let read = kiosk.read_qr("[data-testid=website-qr]").await;
            assert_eq!(
                String::from_utf8_lossy(&read),
                site.payload,
                "the website QR"
            );
        }

        kiosk.tap("[data-testid=toggle-language]").await;
        kiosk
            .wait_until(
                "the card is shown again in Chinese",
                "const s = document.querySelector('[data-testid=scan-instruction] .first'); \
                 return s && s.lang === 'zh-Hans' && !!document.querySelector('[data-testid=contact-qr]')",
            )
            .await;
        let chinese = card_of(&id, Language::Zh);
        let read = kiosk.read_qr("[data-testid=contact-qr]").await;
        assert_eq!(
            String::from_utf8_lossy(&read),
            chinese.qr.payload,
            "after switching to 中文 the QR holds the card with Chinese first"
        );
        assert_ne!(english.qr.payload, chinese.qr.payload);

        kiosk.tap("[data-testid=contact-close]").await;
        kiosk.wait_for("[data-testid=screen-exhibitor]").await;
        kiosk.close().await;
    });
}

#[test]
fn the_idle_reset_clears_an_open_contact_card() {
    scenario(LIMIT, || async {
        let options = Options {
            idle_seconds: 5,
            ..Options::default()
        };
        let kiosk = Kiosk::start(options).await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-find]").await;
        kiosk.type_on_keyboard("cq").await;
        kiosk.tap("[data-testid=exhibitor-row]").await;
        kiosk.tap("[data-testid=take-contact]").await;
        kiosk.wait_for("[data-testid=contact-qr]").await;
        kiosk.wait_for("[data-testid=idle-overlay]").await;
        kiosk.wait_for("[data-testid=attract]").await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.wait_for("[data-testid=tile-find]").await;
        let left = kiosk
            .eval("return document.querySelectorAll('[data-testid=screen-contact]').length")
            .await;
        assert_eq!(
            left,
            json!(0),
            "the visitor after starts at home, not on the card"
        );
        let back = kiosk
            .eval("return document.querySelector('[data-testid=nav-back]').disabled")
            .await;
        assert_eq!(back, json!(true), "and nothing to go back to");
        kiosk.close().await;
    });
}
