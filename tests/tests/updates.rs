//! A kiosk takes a new signed snapshot while a visitor uses it: the real app, its updater
//! thread watching a folder feed (the poll interval is ten minutes, so only the watch can be
//! what notices the new snapshot), and the interface following the swap without a restart.

use std::time::Duration;

use fairway_core::build::{BuildOptions, build};
use fairway_core::snapshot::keygen;
use fairway_core::update::{Feed, Library};
use fairway_e2e::{Kiosk, Options, copy_dir, rename_exhibitor, repo_root, scenario};
use serde_json::Value;

const LIMIT: Duration = Duration::from_secs(240);
const RENAMED: &str = "Renamed Overnight Trading Co.";

#[test]
fn a_new_snapshot_reaches_the_open_profile_without_a_restart_and_staff_see_its_sequence() {
    let work = tempfile::tempdir().expect("a temporary folder");
    let (public, secret) = keygen(work.path()).expect("a key pair");
    let source = work.path().join("fair");
    copy_dir(&repo_root().join("assets/demo-fair"), &source).expect("the demo fair copies");
    let feed = work.path().join("feed");
    let options = |sequence| BuildOptions {
        sequence: Some(sequence),
        secret_key: Some(secret.clone()),
        ..BuildOptions::default()
    };
    build(&source, &feed, &options(1)).expect("sequence 1 builds");
    let data = work.path().join("data");
    let keys =
        vec![fairway_core::snapshot::PublicKey::read(&public).expect("the public key reads")];
    Library::open(&data, keys)
        .expect("the kiosk's data folder opens")
        .install(&Feed::Folder(feed.clone()))
        .expect("sequence 1 installs");

    scenario(LIMIT, || async {
        let kiosk = Kiosk::start(Options {
            extra_config: format!(
                "feed = {}\npubkeys = [{}]\npoll_seconds = 600\ndata_dir = {}\n",
                Value::String(feed.display().to_string()),
                Value::String(public.display().to_string()),
                Value::String(data.display().to_string()),
            ),
            ..Options::default()
        })
        .await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-pavilions]").await;
        kiosk.tap("[data-testid=pavilion-thailand]").await;
        let row = kiosk.wait_for("[data-testid=exhibitor-row]").await;
        let id = row
            .attr("data-id")
            .await
            .expect("rows carry data-id")
            .expect("a row has an id");
        row.click().await.expect("the row opens");
        let before = kiosk.text("[data-testid=exhibitor-name]").await;
        assert_ne!(before, RENAMED);

        rename_exhibitor(
            &source.join("exhibitors.csv"),
            &id,
            RENAMED,
            "Moved to a new booth overnight.",
        )
        .expect("the source changes");
        build(&source, &feed, &options(2)).expect("sequence 2 builds");

        kiosk
            .wait_until(
                "the open profile shows the renamed exhibitor",
                &format!(
                    "const n = document.querySelector('[data-testid=exhibitor-name]'); \
                     return n && n.innerText === {}",
                    Value::String(RENAMED.to_owned())
                ),
            )
            .await;
        let back = kiosk
            .eval("return document.querySelector('[data-testid=nav-back]').disabled")
            .await;
        assert_eq!(back, Value::Bool(false), "the visitor's way back is kept");

        for _ in 0..5 {
            kiosk.tap("[data-testid=nav-title]").await;
        }
        kiosk.wait_for("[data-testid=screen-staff]").await;
        kiosk
            .wait_until(
                "the staff status names sequence 2",
                "const s = document.querySelector('[data-testid=staff-sequence]'); \
                 return s && s.innerText.trim() === '2'",
            )
            .await;
        let feed_line = kiosk.text("[data-testid=staff-feed]").await;
        assert!(
            feed_line.contains(&feed.display().to_string()),
            "the status names the feed folder: {feed_line}"
        );
        // Two fingers must zoom the map, never the page: WebKit's own gesture was found and
        // switched off when the window was set up.
        let zoom = kiosk.text("[data-testid=staff-page-zoom]").await;
        assert_eq!(zoom.trim(), "off", "WebKit's page zoom gesture: {zoom}");
        kiosk.close().await;
    });
}
