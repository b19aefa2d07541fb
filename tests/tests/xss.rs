//! The XSS proof of issue 8: every injection string of `tests/xss/corpus.txt` in every text field
//! of a fair, built by the real `fairway` binary and shown on every screen of the real kiosk in
//! WebKitGTK, in both languages. Nothing may run, nothing may trip the CSP, no element may come
//! out of a text, and the texts must be on screen as text.
//!
//! The walk itself runs in the page (`tests/xss/walk.js`): recorders for `alert`, `confirm`,
//! `prompt`, `print`, `open`, `eval`, string timers, `document.write` and a `__fairwayPwned`
//! global, a `securitypolicyviolation` listener, and a MutationObserver that catches any element
//! or attribute a payload would create, even for a moment. Each step reaches its screen through
//! the app's own buttons; queries are typed on the on-screen keyboard. `scripts/xss.sh` prints
//! the figures.

use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fairway_core::snapshot::Snapshot;
use fairway_e2e::xss::{self, HostileFair};
use fairway_e2e::{Kiosk, Options, scenario, screenshot_dir};
use fantoccini::wd::TimeoutConfiguration;
use serde_json::{Value, json};

const WALK: &str = include_str!("../xss/walk.js");

fn hostile() -> &'static HostileFair {
    static FAIR: OnceLock<HostileFair> = OnceLock::new();
    FAIR.get_or_init(|| xss::build_hostile_fair().expect("the hostile fair builds"))
}

#[test]
fn the_corpus_holds_at_least_150_distinct_payloads_each_naming_its_own_number() {
    let corpus = xss::corpus();
    assert!(
        corpus.len() >= 150,
        "the corpus has {} payloads",
        corpus.len()
    );
    // Each payload names its own number (as a number of its own, not inside a longer one), so a
    // recorded call says which payload ran; two are base64, which hides the number.
    for (i, p) in corpus.iter().enumerate() {
        let n = (i + 1).to_string();
        let named = p.match_indices(&n).any(|(at, _)| {
            let digit_before = p[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit());
            let digit_after = p[at + n.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit());
            !digit_before && !digit_after
        });
        let hex = p.contains(&format!("\\x28{n}\\x29"));
        assert!(
            named || hex || p.contains("base64,") || p.contains("atob("),
            "payload {n} does not name its number: {p}"
        );
    }
}

#[test]
fn the_hostile_fair_holds_every_payload_in_every_field_that_accepts_it_exactly_as_written() {
    let fair = hostile();
    let n = fair.corpus.len();
    for c in &fair.coverage {
        if c.kind.name.starts_with("fair.") {
            // One fair, one value: as many payloads as its length allows.
            assert!(
                c.payloads >= 3,
                "{}: holds {} payloads",
                c.kind.name,
                c.payloads
            );
        } else {
            assert_eq!(
                c.payloads + c.refused.len(),
                n,
                "{}: every payload is either in the field or refused by its rule",
                c.kind.name
            );
        }
        for &p in &c.refused {
            let text = fair.corpus[p - 1].trim();
            let too_long = text.chars().count() > c.kind.max_chars;
            let control = text
                .chars()
                .any(|ch| ch.is_control() && !(c.kind.multi_line && matches!(ch, '\t')));
            assert!(
                too_long || control,
                "{}: payload {p} is refused although it is short and has no control character",
                c.kind.name
            );
        }
        if !c.kind.name.starts_with("fair.") {
            assert!(
                c.payloads * 10 >= n * 9,
                "{}: only {} of {n} payloads fit; the corpus is meant to test fields, not limits",
                c.kind.name,
                c.payloads
            );
        }
    }

    // The importer stored every text unchanged: what the page is checked for is what it gets.
    let snapshot = Snapshot::open(&fair.snapshot).expect("the hostile snapshot opens");
    let f = snapshot.fair().expect("the fair reads");
    assert_eq!(
        [
            f.name_en,
            f.name_zh,
            f.venue_en.unwrap_or_default(),
            f.venue_zh.unwrap_or_default()
        ],
        fair.fair
    );
    let halls = snapshot.halls().expect("halls read");
    assert_eq!(halls.len(), fair.halls.len());
    for h in &fair.halls {
        let stored = halls
            .iter()
            .find(|s| s.code == h.code)
            .expect("every hall is stored");
        assert_eq!((&stored.name_en, &stored.name_zh), (&h.name_en, &h.name_zh));
    }
    for e in &fair.exhibitors {
        let p = snapshot
            .exhibitor(&e.id)
            .expect("the profile reads")
            .expect("every exhibitor is stored");
        let product = &p.products[0];
        let stored = [
            Some(p.name_en.clone()),
            p.name_zh,
            p.description_en,
            p.description_zh,
            p.contact.name_en,
            p.contact.name_zh,
            p.contact.title_en,
            p.contact.title_zh,
            p.contact.email,
            p.website,
            Some(product.name_en.clone()),
            product.name_zh.clone(),
            product.description_en.clone(),
            product.description_zh.clone(),
        ];
        let written = [
            &e.name_en,
            &e.name_zh,
            &e.description_en,
            &e.description_zh,
            &e.contact_name_en,
            &e.contact_name_zh,
            &e.title_en,
            &e.title_zh,
            &e.email,
            &e.website,
            &e.product_name_en,
            &e.product_name_zh,
            &e.product_description_en,
            &e.product_description_zh,
        ];
        for (s, w) in stored.iter().zip(written) {
            assert_eq!(
                s.as_deref(),
                Some(w.as_str()),
                "{} is stored as written",
                e.id
            );
        }
    }
}

/// A source folder of one hall, one booth and one exhibitor whose `column` is `value`.
fn one_exhibitor_source(dir: &Path, column: &str, value: &str) {
    std::fs::create_dir_all(dir).expect("the folder is created");
    std::fs::write(
        dir.join("fair.toml"),
        "id = \"one\"\nname_en = \"One\"\nname_zh = \"一\"\n",
    )
    .expect("fair.toml is written");
    let write = |name: &str, rows: &[&[&str]]| {
        let mut w = csv::Writer::from_path(dir.join(name)).expect("a CSV file");
        for row in rows {
            w.write_record(*row).expect("a row");
        }
        w.flush().expect("the file is written");
    };
    write(
        "halls.csv",
        &[
            &["code", "name_en", "name_zh", "width_m", "depth_m"],
            &["H1", "Hall", "馆", "20", "20"],
        ],
    );
    write("pavilions.csv", &[&["slug", "kind", "name_en", "name_zh"]]);
    write("categories.csv", &[&["slug", "name_en", "name_zh"]]);
    write(
        "booths.csv",
        &[
            &["code", "hall", "x_m", "y_m", "width_m", "depth_m"],
            &["B1", "H1", "2", "2", "3", "3"],
        ],
    );
    let header = vec!["id", "name_en", "booths", "email", "phone", "website"];
    let mut row = vec![
        "E1",
        "Exhibitor",
        "B1",
        "a@b.example",
        "+442079460000",
        "https://b.example",
    ];
    let at = header
        .iter()
        .position(|h| *h == column)
        .expect("a contact column");
    row[at] = value;
    write("exhibitors.csv", &[&header, &row]);
}

#[test]
fn every_payload_as_an_e_mail_phone_or_website_is_refused_by_the_importer_naming_the_line_and_column()
 {
    let corpus = xss::corpus();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut refused = 0;
    for (i, payload) in corpus.iter().enumerate() {
        for column in ["email", "phone", "website"] {
            let source = dir.path().join(format!("{column}-{i}"));
            one_exhibitor_source(&source, column, payload);
            let error = match fairway_core::import::load(&source) {
                Ok(_) => panic!("payload {} was accepted as the {column}", i + 1),
                Err(e) => e,
            };
            assert_eq!(
                (error.file.as_str(), error.line, error.column.as_deref()),
                ("exhibitors.csv", Some(2), Some(column)),
                "payload {}: the error names the cell: {error}",
                i + 1
            );
            let message = error.to_string();
            assert!(
                !message.contains('\n') && message.chars().count() < 300,
                "payload {}: the error is one short line: {message}",
                i + 1
            );
            refused += 1;
            std::fs::remove_dir_all(&source).expect("the folder is removed");
        }
    }
    assert_eq!(refused, corpus.len() * 3);

    // The real binary says so too, and leaves nothing behind.
    let source = dir.path().join("cli");
    one_exhibitor_source(&source, "email", &corpus[0]);
    let out = dir.path().join("out");
    let error = xss::fairway_build(&source, &out).expect_err("fairway build refuses the e-mail");
    assert!(
        error.contains("exhibitors.csv:2: column email:") && error.contains("e-mail address"),
        "fairway build names the cell and what is wrong: {error}"
    );
    assert!(
        !out.exists() || std::fs::read_dir(&out).expect("out lists").next().is_none(),
        "nothing is left in the output folder"
    );
}

/// Runs `window.__xss[step](...args)` in the page and returns what it resolves to.
async fn step(kiosk: &Kiosk, name: &str, args: Vec<Value>) -> Value {
    let script = format!(
        "const done = arguments[arguments.length - 1]; \
         const args = [...arguments].slice(0, -1); \
         window.__xss.{name}(...args).then( \
           (v) => done({{ ok: v === undefined ? null : v }}), \
           (e) => done({{ error: String((e && e.message) || e) }}));"
    );
    let answer = tokio::time::timeout(
        Duration::from_secs(180),
        kiosk.client.execute_async(&script, args.clone()),
    )
    .await
    .unwrap_or_else(|_| panic!("step {name}{args:?} did not finish within 180 s"))
    .unwrap_or_else(|e| panic!("step {name}{args:?} failed: {e}"));
    if let Some(error) = answer.get("error") {
        kiosk
            .screenshot(&screenshot_dir().join("xss-failed.png"))
            .await;
        let so_far = kiosk.eval("return window.__xss.result()").await;
        panic!("step {name}{args:?}: {error}\nso far: {so_far:#}");
    }
    answer["ok"].clone()
}

#[test]
fn every_injection_string_in_every_text_field_renders_as_text_on_every_screen_and_never_runs() {
    let fair = hostile();
    scenario(Duration::from_secs(900), || async move {
        let started = Instant::now();
        let kiosk = Kiosk::start_on(
            Options {
                // Short, so the attract screen comes back at the end and renders again with the
                // recorders in place; every step's taps count as activity until then.
                idle_seconds: 20,
                ..Options::default()
            },
            &fair.snapshot,
        )
        .await;
        kiosk
            .client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(170)),
                None,
                None,
            ))
            .await
            .expect("the script timeout is raised");
        let installed = kiosk
            .client
            .execute(WALK, vec![fair.expected_json()])
            .await
            .expect("the walk's helpers install");
        assert_eq!(installed, json!("installed"));

        step(&kiosk, "attract", vec![]).await;
        kiosk.tap("[data-testid=attract]").await;
        let mut pavilion_pages = 0;
        let mut profiles = 0;
        let mut result_rows = 0;
        for lang in ["en", "zh"] {
            if lang == "zh" {
                step(&kiosk, "toggleLanguage", vec![json!(lang)]).await;
            }
            step(&kiosk, "home", vec![json!(lang)]).await;
            step(&kiosk, "pavilions", vec![json!(lang)]).await;
            for p in &fair.pavilions {
                let shown = step(&kiosk, "pavilion", vec![json!(lang), json!(p.slug)]).await;
                profiles += shown.as_u64().unwrap_or(0);
                pavilion_pages += 1;
            }
            if lang == "en" {
                // One hostile profile as a visitor sees it, for a person to look at.
                kiosk
                    .tap(&format!(
                        "[data-testid=pavilion-{}]",
                        fair.pavilions[0].slug
                    ))
                    .await;
                kiosk.tap("[data-testid=exhibitor-row]").await;
                kiosk
                    .wait_until(
                        "the hostile profile is drawn",
                        "return !!document.querySelector('[data-testid=exhibitor-description]') \
                         && !document.querySelector('[data-testid=screen-exhibitor] .loading')",
                    )
                    .await;
                tokio::time::sleep(Duration::from_millis(800)).await;
                kiosk
                    .screenshot(&screenshot_dir().join("xss-hostile-profile.png"))
                    .await;
            }
            step(&kiosk, "categories", vec![json!(lang)]).await;
            step(&kiosk, "find", vec![]).await;
            for query in ["img", "script", "svg"] {
                kiosk.tap("[data-skbtn=\"{clear}\"]").await;
                kiosk.type_on_keyboard(query).await;
                let rows = step(&kiosk, "results", vec![json!(lang), json!(query)]).await;
                result_rows += rows.as_u64().unwrap_or(0);
            }
            step(&kiosk, "pickers", vec![json!(lang)]).await;
            step(&kiosk, "staff", vec![]).await;
        }
        // Leave the kiosk alone: the idle reset brings the attract screen back.
        let idle_since = Instant::now();
        while kiosk
            .eval("return !document.querySelector('[data-testid=attract]')")
            .await
            == json!(true)
        {
            assert!(
                idle_since.elapsed() < Duration::from_secs(60),
                "the idle reset brings the attract screen back within a minute"
            );
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        let featured = step(&kiosk, "attract", vec![]).await;
        // Give anything a payload could have started (an image's error, a timer) time to run.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let result = kiosk.eval("return window.__xss.result()").await;
        let elapsed = started.elapsed();

        let n = fair.corpus.len();
        let values: usize = fair.coverage.iter().map(|c| c.values).sum();
        let screens: u64 = result["screens"]
            .as_object()
            .map(|s| s.values().filter_map(Value::as_u64).sum())
            .unwrap_or(0);
        println!(
            "xss: payloads {n} (corpus {})",
            xss::corpus_path().display()
        );
        println!(
            "xss: field kinds {}, field values {values} ({} exhibitors with a product each, {} \
             pavilions, {} categories, {} halls, {} kiosks, 1 fair)",
            fair.coverage.len(),
            fair.exhibitors.len(),
            fair.pavilions.len(),
            fair.categories.len(),
            fair.halls.len(),
            fair.kiosks.len()
        );
        for c in &fair.coverage {
            println!(
                "xss: field {} ({} values): {} payloads, refused by the field's rule {:?}",
                c.kind.name, c.values, c.payloads, c.refused
            );
        }
        println!(
            "xss: screens visited {screens} {} (pavilion pages {pavilion_pages}, profiles with \
             card {profiles}, maps one per exhibitor, search rows {result_rows}, attract featured {featured})",
            result["screens"]
        );
        println!(
            "xss: renders {} (of which checked as visible text {}) {}",
            result["renders"], result["visible"], result["values"]
        );
        println!(
            "xss: executions {}, CSP violations {}, injected elements {}, texts missing {}",
            result["calls"].as_array().map_or(0, Vec::len),
            result["csp"].as_array().map_or(0, Vec::len),
            result["bad"].as_array().map_or(0, Vec::len),
            result["missed"]
        );
        println!("xss: walk took {:.0} s", elapsed.as_secs_f64());

        assert_eq!(result["calls"], json!([]), "no payload ran: {result:#}");
        assert_eq!(result["csp"], json!([]), "no CSP violation: {result:#}");
        assert_eq!(
            result["bad"],
            json!([]),
            "no element or attribute came out of a text: {result:#}"
        );
        assert_eq!(
            result["missed"],
            json!(0),
            "every text is on its screen: {result:#}"
        );
        // Every exhibitor's profile and card in both languages; every page visited.
        assert_eq!(profiles, 2 * fair.exhibitors.len() as u64);
        assert_eq!(
            result["screens"]["map"],
            json!(fair.exhibitors.len()),
            "every exhibitor's map, in one language or the other"
        );
        assert_eq!(pavilion_pages, 2 * fair.pavilions.len());
        assert!(result_rows > 0, "the keyboard searches found hostile names");
        for screen in [
            "attract",
            "home",
            "pavilions",
            "pavilion",
            "exhibitor",
            "contact",
            "map",
            "categories",
            "category",
            "search",
            "picker",
            "staff",
        ] {
            assert!(
                result["screens"][screen].as_u64().unwrap_or(0) > 0,
                "{screen} was visited: {result:#}"
            );
        }
        assert!(
            result["visible"].as_u64().unwrap_or(0) >= 4 * fair.exhibitors.len() as u64,
            "payload text was checked as rendered on every profile: {result:#}"
        );
        kiosk.close().await;
    });
}
