//! The exhibitor editor end to end, against the real hub: `fairway hub init` on the demo fair,
//! `fairway codes issue`, `fairway hub serve` on loopback, the real app in exhibitor mode
//! (sign in, change the description and the logo, see "Saved", submit), `fairway review
//! approve`, `fairway publish`, and the kiosk on the published snapshot showing the new
//! description and logo. A wrong code shows its error. Screenshots go to the screenshot folder.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fairway_e2e::{Kiosk, Options, fairway_binary, repo_root, scenario, screenshot_dir};
use fantoccini::Locator;

const EXHIBITOR: &str = "E0001";
const NEW_DESCRIPTION: &str = "Now with green tea from the Jinyun hills (edited in the app).";

/// Runs `fairway ARGS` and returns its stdout; any failure ends the test with stderr.
fn fairway(args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(fairway_binary())
        .args(args)
        .output()
        .expect("fairway runs");
    assert!(
        out.status.success(),
        "fairway {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The hub server, stopped when dropped.
struct Hub {
    child: Child,
    url: String,
}

impl Drop for Hub {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A hub with the demo fair and one access code for [`EXHIBITOR`].
fn hub(dir: &Path) -> (Hub, String, PathBuf) {
    let data = dir.join("hub");
    let source = repo_root().join("assets/demo-fair");
    fairway(&[
        "hub".as_ref(),
        "init".as_ref(),
        source.as_os_str(),
        "--data".as_ref(),
        data.as_os_str(),
    ]);
    let codes = dir.join("codes.csv");
    fairway(&[
        "codes".as_ref(),
        "issue".as_ref(),
        "--exhibitor".as_ref(),
        EXHIBITOR.as_ref(),
        "--data".as_ref(),
        data.as_os_str(),
        "--out".as_ref(),
        codes.as_os_str(),
    ]);
    let text = std::fs::read_to_string(&codes).expect("the codes file");
    let code = text
        .lines()
        .nth(1)
        .and_then(|l| l.rsplit(',').next())
        .expect("a code for the exhibitor")
        .trim()
        .to_owned();
    let mut child = Command::new(fairway_binary())
        .args(["hub", "serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(&data)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the hub starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped stdout"))
        .read_line(&mut line)
        .expect("the hub prints its address");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim_end_matches(['.', ','])
        .to_owned();
    (Hub { child, url }, code, data)
}

/// A logo no demo exhibitor has: 300×200, two colours.
fn new_logo(dir: &Path) -> PathBuf {
    let path = dir.join("new-logo.png");
    let img = image::RgbaImage::from_fn(300, 200, |x, _| {
        if x < 150 {
            image::Rgba([224, 122, 31, 255])
        } else {
            image::Rgba([13, 59, 94, 255])
        }
    });
    img.save(&path).expect("the logo is written");
    path
}

async fn exhibitor_mode(dir: &Path, hub: &str) -> Kiosk {
    Kiosk::start_app(
        1400,
        960,
        vec![
            "--exhibitor".to_owned(),
            "--draft".to_owned(),
            dir.join("draft.sqlite").display().to_string(),
            "--hub".to_owned(),
            hub.to_owned(),
        ],
        "[data-testid=screen-sign-in]",
    )
    .await
}

async fn sign_in(app: &Kiosk, code: &str) {
    let field = app.wait_for("[data-testid=sign-in-code]").await;
    field.clear().await.expect("the code field clears");
    field.send_keys(code).await.expect("the code is typed");
    app.tap("[data-testid=sign-in-submit]").await;
}

/// Lets the pictures in view decode and two frames paint them, then saves the window as `name`
/// in the screenshot folder.
async fn shot(app: &Kiosk, name: &str) {
    app.eval_async(
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
    tokio::time::sleep(Duration::from_millis(500)).await;
    app.screenshot(&screenshot_dir().join(name)).await;
}

async fn wait_saved(app: &Kiosk) {
    app.wait_until(
        "the draft acknowledged the newest change",
        "return document.querySelector('[data-testid=save-state]')?.dataset.state === 'saved'",
    )
    .await;
}

#[test]
fn a_wrong_access_code_is_shown_as_not_valid() {
    scenario(Duration::from_secs(180), || async {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (hub, _code, _data) = hub(dir.path());
        let app = exhibitor_mode(dir.path(), &hub.url).await;
        sign_in(&app, "NOT-A-REAL-CODE-0000").await;
        let error = app.wait_for("[data-testid=sign-in-error]").await;
        assert_eq!(
            error.attr("data-code").await.expect("readable").as_deref(),
            Some("bad_code")
        );
        let text = app.text("[data-testid=sign-in-error]").await;
        assert!(
            text.contains("not valid"),
            "plain words for a wrong code: {text}"
        );
        shot(&app, "editor-en-sign-in-wrong-code.png").await;
        app.close().await;
    });
}

#[test]
fn an_exhibitor_edits_description_and_logo_and_the_kiosk_shows_them_after_approve_and_publish() {
    scenario(Duration::from_secs(420), || async {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (hub, code, data) = hub(dir.path());
        let logo = new_logo(dir.path());

        let app = exhibitor_mode(dir.path(), &hub.url).await;
        shot(&app, "editor-en-sign-in.png").await;
        sign_in(&app, &code).await;
        app.wait_for("[data-testid=screen-editor]").await;
        app.wait_for("[data-testid=preview-qr]").await;

        let description = app.wait_for("[data-testid='field-description_en']").await;
        description.clear().await.expect("the description clears");
        description
            .send_keys(NEW_DESCRIPTION)
            .await
            .expect("the description is typed");
        app.wait_until(
            "the preview shows the new description",
            &format!(
                "return document.querySelector('[data-testid=preview-description]')?.textContent.includes({})",
                serde_json::Value::String(NEW_DESCRIPTION.to_owned())
            ),
        )
        .await;
        wait_saved(&app).await;

        // WebKitWebDriver types a path into a file input as the file's selection.
        let input = app.wait_for("[data-testid=logo-file]").await;
        input
            .send_keys(&logo.display().to_string())
            .await
            .expect("the logo file is chosen");
        app.wait_until(
            "the re-encoded logo's size is shown",
            "return document.querySelector('[data-testid=logo-info]')?.textContent.includes('300 × 200 px')",
        )
        .await;
        app.wait_until(
            "the logo preview loaded from the draft",
            "const i = document.querySelector('[data-testid=logo-img]'); return i && i.complete && i.naturalWidth === 300",
        )
        .await;
        wait_saved(&app).await;
        let saved = app.text("[data-testid=save-state]").await;
        assert!(saved.contains("Saved"), "the indicator says Saved: {saved}");
        app.eval("window.scrollTo(0, 0); return true").await;
        shot(&app, "editor-en-editor.png").await;
        app.client
            .execute(
                "document.querySelector('[data-testid=preview-card]').scrollIntoView(); return true",
                vec![],
            )
            .await
            .expect("scrolls");
        shot(&app, "editor-en-preview-qr.png").await;
        app.tap("[data-testid=toggle-language]").await;
        app.wait_until(
            "the editor speaks Chinese",
            "return document.querySelector('[data-testid=submit]')?.textContent.includes('提交审核')",
        )
        .await;
        shot(&app, "editor-zh-editor.png").await;
        app.tap("[data-testid=toggle-language]").await;

        app.tap("[data-testid=submit]").await;
        app.wait_until(
            "the hub took the submission",
            "return document.querySelector('[data-testid=submit-outcome]')?.dataset.kind === 'submitted'",
        )
        .await;
        let pending = app
            .wait_until(
                "the submission is listed as pending",
                "const s = document.querySelector('[data-testid=submission][data-state=pending]'); return s && s.dataset.id",
            )
            .await;
        let id = pending.as_str().expect("an id").to_owned();
        shot(&app, "editor-en-submission-pending.png").await;

        let approved = fairway(&[
            "review".as_ref(),
            "approve".as_ref(),
            id.as_ref(),
            "--data".as_ref(),
            data.as_os_str(),
        ]);
        assert!(!approved.is_empty(), "approve says what it did");
        app.tap("[data-testid=submissions-refresh]").await;
        app.wait_until(
            "the approval reaches the editor",
            &format!(
                "return !!document.querySelector('[data-testid=submission][data-id=\"{id}\"][data-state=approved]')"
            ),
        )
        .await;
        shot(&app, "editor-en-submission-approved.png").await;

        // A second change, rejected with a reason the exhibitor reads in the list.
        let title = app.wait_for("[data-testid='field-title_en']").await;
        title.clear().await.expect("the title clears");
        title
            .send_keys("Head of <b>Everything</b>")
            .await
            .expect("the title is typed");
        wait_saved(&app).await;
        app.tap("[data-testid=submit]").await;
        let second = app
            .wait_until(
                "the second submission is pending",
                &format!(
                    "const s = document.querySelector('[data-testid=submission][data-state=pending]'); return s && s.dataset.id !== '{id}' && s.dataset.id"
                ),
            )
            .await;
        let second = second.as_str().expect("an id").to_owned();
        fairway(&[
            "review".as_ref(),
            "reject".as_ref(),
            second.as_ref(),
            "--reason".as_ref(),
            "Titles are for people, not markup.".as_ref(),
            "--data".as_ref(),
            data.as_os_str(),
        ]);
        app.tap("[data-testid=submissions-refresh]").await;
        app.wait_until(
            "the rejection and its reason reach the editor",
            "return document.querySelector('[data-testid=submission][data-state=rejected] [data-testid=submission-reason]')?.textContent.includes('Titles are for people, not markup.')",
        )
        .await;
        shot(&app, "editor-en-submission-rejected.png").await;
        app.close().await;
        drop(hub);

        let keys = dir.path().join("keys");
        fairway(&["keygen".as_ref(), "--out".as_ref(), keys.as_os_str()]);
        let feed = dir.path().join("feed");
        fairway(&[
            "publish".as_ref(),
            "--data".as_ref(),
            data.as_os_str(),
            "--key".as_ref(),
            keys.join("fairway.key").as_os_str(),
            "--out".as_ref(),
            feed.as_os_str(),
        ]);
        let snapshot = std::fs::read_dir(&feed)
            .expect("the feed folder")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "sqlite"))
            .expect("a published snapshot");

        let kiosk = Kiosk::start_on(Options::default(), &snapshot).await;
        kiosk.tap("[data-testid=attract]").await;
        kiosk.tap("[data-testid=tile-find]").await;
        kiosk.type_on_keyboard("yujiang").await;
        kiosk
            .tap(&format!("[data-testid=exhibitor-row][data-id={EXHIBITOR}]"))
            .await;
        let shown = kiosk.text("[data-testid=exhibitor-description]").await;
        assert_eq!(
            shown.trim(),
            NEW_DESCRIPTION,
            "the kiosk shows the approved description"
        );
        kiosk
            .wait_until(
                "the kiosk shows the new 300×200 logo",
                "const i = document.querySelector('[data-testid=screen-exhibitor] .logo img'); return i && i.complete && i.naturalWidth === 300 && i.naturalHeight === 200",
            )
            .await;
        let logo_src = kiosk
            .client
            .find(Locator::Css("[data-testid=screen-exhibitor] .logo img"))
            .await
            .expect("the logo")
            .attr("src")
            .await
            .expect("readable");
        assert!(
            logo_src.is_some_and(|s| s.contains("/asset/")),
            "the logo comes from the snapshot"
        );
        shot(&kiosk, "editor-kiosk-after-publish.png").await;
        kiosk.close().await;
    });
}
