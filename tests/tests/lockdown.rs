//! The kiosk's lockdown, checked on the release build that ships (`target/release/fairway-kiosk`,
//! what the .deb installs; `scripts/check.sh` builds it before the tests): no devtools, no
//! context menu, browser shortcuts that do nothing, no navigation away and no new windows, a CSP
//! without inline script, inline style or eval, and a kiosk window that is refused every command
//! its capability does not grant.
//!
//! "Nothing opened" is checked where it would show: the X display's top-level windows (the
//! inspector, a print dialog, a context menu and a new window are each one), read with
//! `xwininfo` on the test's own Xvfb display. Two controls show that check can fail: another
//! program's window (xmessage), and a GTK popup of the kiosk's own (a `<select>`'s list).

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;
use std::time::Duration;

use fairway_e2e::{Kiosk, Options, release_kiosk_binary, repo_root, scenario, xdotool};
use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MOUSE_BUTTON_LEFT, MOUSE_BUTTON_RIGHT, MouseActions,
    PointerAction, TouchActions,
};
use fantoccini::key::Key;
use serde_json::{Value, json};

const LIMIT: Duration = Duration::from_secs(240);

/// How long a window that a key or click would open is given to appear.
const SETTLE: Duration = Duration::from_millis(1500);

async fn start_release_kiosk() -> Kiosk {
    Kiosk::start(Options {
        binary: Some(release_kiosk_binary()),
        ..Options::default()
    })
    .await
}

/// The mapped top-level windows on display `:n` (id → xwininfo's line for it). Without a window
/// manager every window the app (or WebKit, or GTK) shows is a child of the root window.
fn viewable_windows(n: u32) -> BTreeMap<String, String> {
    let display = format!(":{n}");
    let out = Command::new("xwininfo")
        .args(["-root", "-children", "-display", &display])
        .output()
        .expect("xwininfo runs (x11-utils; scripts/check.sh installs it)");
    assert!(out.status.success(), "xwininfo reads the display {display}");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut windows = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        let Some(id) = line
            .split_whitespace()
            .next()
            .filter(|w| w.starts_with("0x"))
        else {
            continue;
        };
        let state = Command::new("xwininfo")
            .args(["-id", id, "-display", &display])
            .output()
            .expect("xwininfo runs");
        if String::from_utf8_lossy(&state.stdout).contains("Map State: IsViewable") {
            windows.insert(id.to_owned(), line.to_owned());
        }
    }
    windows
}

/// Real X input on display `:n` (XTEST), where WebDriver's has no equivalent.
/// The control for [`viewable_windows`]: a window another program maps on display `:n` is
/// seen, and goes again when it closes. Without it, "no new window" could mean a blind check.
fn assert_new_windows_are_seen(n: u32) {
    let before = viewable_windows(n);
    let mut other = Command::new("xmessage")
        .args([
            "-display",
            &format!(":{n}"),
            "a window that is not the kiosk's",
        ])
        .spawn()
        .expect("xmessage starts (x11-utils)");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut seen = false;
    while !seen && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
        seen = viewable_windows(n).len() > before.len();
    }
    let _ = other.kill();
    let _ = other.wait();
    while viewable_windows(n).len() > before.len() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        seen,
        "a window xmessage mapped on :{n} was not seen, so no window check here can fail"
    );
}

/// Fails when a window appeared on the display since `before` was taken, or the kiosk's own
/// window went away.
fn assert_no_new_window(n: u32, before: &BTreeMap<String, String>, after_what: &str) {
    let now = viewable_windows(n);
    let new: Vec<&String> = now
        .iter()
        .filter(|(id, _)| !before.contains_key(*id))
        .map(|(_, line)| line)
        .collect();
    assert!(
        new.is_empty(),
        "{after_what} opened a window on the kiosk's display: {new:?}"
    );
    let gone: Vec<&String> = before
        .iter()
        .filter(|(id, _)| !now.contains_key(*id))
        .map(|(_, line)| line)
        .collect();
    assert!(
        gone.is_empty(),
        "{after_what} closed or hid the kiosk's window: {gone:?}"
    );
}

/// Presses `key` with `modifiers` held, as a keyboard does (modifiers down, key down and up,
/// modifiers up in reverse order).
async fn chord(kiosk: &Kiosk, modifiers: &[Key], key: char) {
    let mut keys = KeyActions::new("keyboard".to_owned());
    for m in modifiers {
        keys = keys.then(KeyAction::Down { value: (*m).into() });
    }
    keys = keys
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    for m in modifiers.iter().rev() {
        keys = keys.then(KeyAction::Up { value: (*m).into() });
    }
    kiosk
        .client
        .perform_actions(keys)
        .await
        .expect("WebKitWebDriver performs key actions");
    kiosk
        .client
        .release_actions()
        .await
        .expect("WebKitWebDriver releases the keys");
}

/// What the page's `KeyboardEvent.key` is for `key`.
fn dom_key(key: char) -> String {
    let named = [
        (Key::F5, "F5"),
        (Key::F11, "F11"),
        (Key::F12, "F12"),
        (Key::Left, "ArrowLeft"),
        (Key::Right, "ArrowRight"),
        (Key::Backspace, "Backspace"),
        (Key::Add, "+"),
        (Key::Subtract, "-"),
    ];
    named
        .iter()
        .find(|(special, _)| char::from(*special) == key)
        .map_or_else(|| key.to_string(), |(_, n)| (*n).to_owned())
}

/// Fails unless the page received `key` with exactly `modifiers` held since the record was
/// last cleared, then clears it. Without this a WebDriver that dropped key events would make
/// every shortcut look inert.
async fn assert_page_saw(kiosk: &Kiosk, modifiers: &[Key], key: char, what: &str) {
    let seen = kiosk
        .eval("const k = window.__keysSeen; window.__keysSeen = []; return k")
        .await;
    let expected = json!({
        "key": dom_key(key),
        "ctrl": modifiers.iter().any(|m| matches!(m, Key::Control)),
        "shift": modifiers.iter().any(|m| matches!(m, Key::Shift)),
        "alt": modifiers.iter().any(|m| matches!(m, Key::Alt)),
    });
    let keys = seen.as_array().expect("the page's key record");
    let matches = |k: &Value| {
        k["key"].as_str().map(str::to_lowercase) == expected["key"].as_str().map(str::to_lowercase)
            && k["ctrl"] == expected["ctrl"]
            && k["shift"] == expected["shift"]
            && k["alt"] == expected["alt"]
    };
    assert!(
        keys.iter().any(matches),
        "{what} never reached the page as {expected} (it saw {seen})"
    );
}

fn describe(modifiers: &[Key], key: char) -> String {
    let mut parts: Vec<String> = modifiers
        .iter()
        .map(|m| {
            match m {
                Key::Control => "Ctrl",
                Key::Shift => "Shift",
                Key::Alt => "Alt",
                _ => "?",
            }
            .to_owned()
        })
        .collect();
    parts.push(dom_key(key));
    parts.join("+")
}

/// Everything a reload, a zoom or a navigation would change: a marker only this page load
/// holds, the address, the screen shown, and the page's scale as the page measures it.
const PAGE_STATE: &str = "return JSON.stringify({ \
     marker: window.__lockdownMarker ?? null, \
     href: location.href, \
     screen: [...document.querySelectorAll('[data-testid^=screen-]')].map(e => e.dataset.testid), \
     innerWidth: window.innerWidth, \
     devicePixelRatio: window.devicePixelRatio, \
     scale: window.visualViewport ? window.visualViewport.scale : null, \
     width: document.querySelector('[data-testid^=screen-]')?.getBoundingClientRect().width ?? null \
   })";

async fn page_state(kiosk: &Kiosk) -> String {
    kiosk
        .eval(PAGE_STATE)
        .await
        .as_str()
        .expect("the page state is a string")
        .to_owned()
}

/// Opens the pavilions screen and marks the page, so a reload (back to the attract screen, no
/// marker) or a zoom would show in [`PAGE_STATE`].
async fn marked_page(kiosk: &Kiosk) -> String {
    kiosk.tap("[data-testid=attract]").await;
    kiosk.tap("[data-testid=tile-pavilions]").await;
    kiosk.wait_for("[data-testid=screen-pavilions]").await;
    // The marker, and a record of the keys and wheel turns the page receives: a shortcut that
    // "does nothing" only counts when the page saw it arrive.
    kiosk
        .eval(
            "window.__lockdownMarker = 1; window.__keysSeen = []; window.__wheelsSeen = []; \
             window.addEventListener('keydown', e => window.__keysSeen.push( \
               { key: e.key, ctrl: e.ctrlKey, shift: e.shiftKey, alt: e.altKey }), true); \
             window.addEventListener('wheel', e => window.__wheelsSeen.push(e.ctrlKey), \
               { capture: true, passive: true }); \
             return true",
        )
        .await;
    // Let the screen's entrance settle before measuring it.
    tokio::time::sleep(Duration::from_millis(500)).await;
    page_state(kiosk).await
}

#[test]
fn the_release_build_has_no_devtools_and_the_inspector_shortcuts_open_nothing() {
    // The code that opens WebKit's inspector is compiled in only with debug assertions or
    // Tauri's `devtools` feature (wry's `open_devtools` and inspector handlers); it is the only
    // user of these WebKitGTK functions, so a release binary must not import them. This is the
    // check a debug build fails: WebKitGTK binds no key to its inspector, so the shortcuts
    // below open nothing on a debug build either; they are checked because browsers bind them.
    let binary = release_kiosk_binary();
    let out = Command::new("nm")
        .args(["--dynamic", "--undefined-only"])
        .arg(&binary)
        .output()
        .expect("nm runs (binutils; build-essential brings it)");
    assert!(out.status.success(), "nm reads {}", binary.display());
    let imports = String::from_utf8_lossy(&out.stdout);
    for symbol in ["webkit_web_view_get_inspector", "webkit_web_inspector_show"] {
        assert!(
            !imports.lines().any(|l| l.trim_end().ends_with(symbol)),
            "{} imports {symbol}: devtools are compiled into the kiosk",
            binary.display()
        );
    }

    scenario(LIMIT, || async {
        let kiosk = start_release_kiosk().await;
        let before_state = marked_page(&kiosk).await;
        let display = kiosk.display_number();
        assert_new_windows_are_seen(display);
        let before = viewable_windows(display);
        assert!(!before.is_empty(), "the kiosk's window is on the display");
        let shortcuts: [(&[Key], char); 4] = [
            (&[Key::Control, Key::Shift][..], 'I'),
            (&[Key::Control, Key::Shift][..], 'C'),
            (&[Key::Control, Key::Shift][..], 'J'),
            (&[], Key::F12.into()),
        ];
        for (modifiers, key) in shortcuts {
            chord(&kiosk, modifiers, key).await;
            tokio::time::sleep(SETTLE).await;
            let what = describe(modifiers, key);
            assert_no_new_window(display, &before, &what);
            assert_page_saw(&kiosk, modifiers, key, &what).await;
            assert_eq!(
                page_state(&kiosk).await,
                before_state,
                "{what} changed the page"
            );
        }
        kiosk.close().await;
    });
}

#[test]
fn a_right_click_or_a_long_press_opens_no_menu() {
    scenario(LIMIT, || async {
        let kiosk = start_release_kiosk().await;
        let display = kiosk.display_number();
        // Seen last (bubbling, on window): whether the page cancelled each contextmenu event.
        kiosk
            .eval(
                "window.__contextMenus = []; window.__presses = []; \
                 window.addEventListener('contextmenu', e => window.__contextMenus.push(e.defaultPrevented)); \
                 window.addEventListener('pointerdown', e => window.__presses.push(e.pointerType), true); \
                 window.addEventListener('touchstart', () => window.__presses.push('touchstart'), true); \
                 return true",
            )
            .await;
        let before = viewable_windows(display);
        let attract = kiosk.wait_for("[data-testid=attract]").await;

        // The control: a popup the page does not cancel, a <select>'s list opened by a real X
        // click, is a GTK popup window like a context menu, and the window check sees it.
        kiosk
            .eval(
                "const s = document.createElement('select'); s.id = 'lockdown-select'; \
                 for (const t of ['one', 'two', 'three']) s.append(new Option(t)); \
                 Object.assign(s.style, { position: 'fixed', top: '0', left: '0', \
                   zIndex: '99999', width: '300px', height: '80px' }); \
                 document.body.append(s); return true",
            )
            .await;
        xdotool(display, &["mousemove", "100", "40", "click", "1"]);
        tokio::time::sleep(SETTLE).await;
        let with_popup = viewable_windows(display);
        assert!(
            with_popup.len() > before.len(),
            "a <select>'s popup list was not seen as a window, so the menu checks below could \
             not fail: {with_popup:?}"
        );
        xdotool(display, &["key", "Escape"]);
        tokio::time::sleep(SETTLE).await;
        kiosk
            .eval("document.getElementById('lockdown-select').remove(); return true")
            .await;
        assert_no_new_window(display, &before, "closing the <select>'s popup");

        let right_click = MouseActions::new("mouse".to_owned())
            .then(PointerAction::MoveToElement {
                element: attract.clone(),
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_RIGHT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_RIGHT,
            });
        kiosk
            .client
            .perform_actions(right_click)
            .await
            .expect("WebKitWebDriver performs a right click");
        kiosk.client.release_actions().await.expect("released");
        tokio::time::sleep(SETTLE).await;
        assert_no_new_window(display, &before, "a right click");
        let seen = kiosk.eval("return window.__contextMenus").await;
        assert_eq!(
            seen,
            json!([true]),
            "a right click fires one contextmenu event and the page cancels it"
        );

        // The same with real X input (XTEST), as a mouse plugged into the kiosk would give.
        xdotool(display, &["mousemove", "540", "960", "click", "3"]);
        tokio::time::sleep(SETTLE).await;
        assert_no_new_window(display, &before, "a right click of the X mouse");
        let seen = kiosk.eval("return window.__contextMenus").await;
        assert_eq!(
            seen,
            json!([true, true]),
            "the X right click fires a contextmenu event too, and the page cancels it"
        );
        kiosk.eval("window.__presses = []; return true").await;

        // A long press: a finger where the touch screen has one, else the mouse held down.
        let target = kiosk.wait_for("body").await;
        let hold = Duration::from_millis(1500);
        let touch = TouchActions::new("finger".to_owned())
            .then(PointerAction::MoveToElement {
                element: target.clone(),
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Pause { duration: hold })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        if let Err(e) = kiosk.client.perform_actions(touch).await {
            eprintln!("touch actions are not available ({e}); long-pressing with the mouse");
            let press = MouseActions::new("mouse".to_owned())
                .then(PointerAction::MoveToElement {
                    element: target,
                    duration: None,
                    x: 0.0,
                    y: 0.0,
                })
                .then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Pause { duration: hold })
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                });
            kiosk
                .client
                .perform_actions(press)
                .await
                .expect("WebKitWebDriver performs a long mouse press");
        }
        kiosk.client.release_actions().await.expect("released");
        tokio::time::sleep(SETTLE).await;
        let presses = kiosk.eval("return window.__presses").await;
        assert!(
            presses.as_array().is_some_and(|p| !p.is_empty()),
            "the long press reached the page: {presses}"
        );
        assert_no_new_window(display, &before, "a long press");
        let seen = kiosk.eval("return window.__contextMenus").await;
        assert!(
            seen.as_array()
                .is_some_and(|events| events.iter().all(|prevented| prevented == &json!(true))),
            "every contextmenu event is cancelled by the page: {seen}"
        );
        kiosk.close().await;
    });
}

#[test]
fn browser_shortcuts_to_reload_print_zoom_open_or_go_back_do_nothing() {
    scenario(LIMIT, || async {
        let kiosk = start_release_kiosk().await;
        let before_state = marked_page(&kiosk).await;
        let display = kiosk.display_number();
        let before = viewable_windows(display);
        let ctrl: &[Key] = &[Key::Control];
        let shortcuts: Vec<(&[Key], char)> = vec![
            (ctrl, 'r'),
            (&[], Key::F5.into()),
            (&[Key::Control, Key::Shift][..], 'R'),
            (ctrl, 'p'),
            // Ctrl+= is Ctrl+plus on a US keyboard; the keypad's plus and minus are the others.
            (ctrl, '='),
            (ctrl, Key::Add.into()),
            (ctrl, '-'),
            (ctrl, Key::Subtract.into()),
            (ctrl, '0'),
            (ctrl, 'o'),
            (ctrl, 'n'),
            (ctrl, 't'),
            (ctrl, 's'),
            (ctrl, 'u'),
            (ctrl, 'w'),
            (ctrl, 'q'),
            (&[Key::Alt][..], Key::Left.into()),
            (&[Key::Alt][..], Key::Right.into()),
            (&[], Key::Backspace.into()),
            (&[], Key::F11.into()),
        ];
        for (modifiers, key) in shortcuts {
            let what = describe(modifiers, key);
            chord(&kiosk, modifiers, key).await;
            tokio::time::sleep(Duration::from_millis(400)).await;
            assert_page_saw(&kiosk, modifiers, key, &what).await;
            assert_eq!(
                page_state(&kiosk).await,
                before_state,
                "{what} changed the page (reload, zoom or navigation)"
            );
            assert_no_new_window(display, &before, &what);
        }

        // Ctrl+wheel, the other way to zoom a browser page. WebKitWebDriver's wheel actions
        // carry no modifiers, so real X input does it (xdotool through XTEST): Ctrl held, the
        // wheel turned up and down in the middle of the screen.
        xdotool(
            display,
            &[
                "mousemove",
                "540",
                "960",
                "keydown",
                "ctrl",
                "click",
                "--repeat",
                "3",
                "4",
                "click",
                "--repeat",
                "3",
                "5",
                "keyup",
                "ctrl",
            ],
        );
        tokio::time::sleep(Duration::from_millis(400)).await;
        let after: Value =
            serde_json::from_str(&page_state(&kiosk).await).expect("the page state is JSON");
        let expected: Value = serde_json::from_str(&before_state).expect("JSON");
        for key in [
            "marker",
            "href",
            "screen",
            "innerWidth",
            "devicePixelRatio",
            "scale",
        ] {
            assert_eq!(after[key], expected[key], "Ctrl+wheel changed {key}");
        }
        let wheels = kiosk.eval("return window.__wheelsSeen").await;
        assert!(
            wheels
                .as_array()
                .is_some_and(|w| w.iter().any(|ctrl| ctrl == &json!(true))),
            "the page saw the wheel turn with Ctrl held: {wheels}"
        );
        assert_no_new_window(display, &before, "Ctrl+wheel");
        kiosk.close().await;
    });
}

#[test]
fn navigating_away_and_opening_new_windows_are_refused() {
    scenario(LIMIT, || async {
        let kiosk = start_release_kiosk().await;
        let before_state = marked_page(&kiosk).await;
        let display = kiosk.display_number();
        let before = viewable_windows(display);

        for target in [
            "https://example.com/",
            "file:///etc/passwd",
            "http://localhost:1/",
            "data:text/html,<h1>away</h1>",
        ] {
            kiosk
                .eval(&format!(
                    "setTimeout(() => {{ location.href = {} }}, 0); return true",
                    json!(target)
                ))
                .await;
            tokio::time::sleep(SETTLE).await;
            assert_eq!(
                page_state(&kiosk).await,
                before_state,
                "location.href = {target} left the kiosk's page"
            );
            assert_no_new_window(display, &before, &format!("location.href = {target}"));
        }

        let opened = kiosk
            .eval("return window.open('https://example.com/', '_blank') === null")
            .await;
        tokio::time::sleep(SETTLE).await;
        assert_eq!(opened, json!(true), "window.open returns no window");
        assert_no_new_window(display, &before, "window.open");

        // Links, clicked for real: one to a new window, one in place.
        for (id, target) in [("lockdown-blank", "_blank"), ("lockdown-self", "_self")] {
            kiosk
                .eval(&format!(
                    "const a = document.createElement('a'); a.id = '{id}'; \
                     a.href = 'https://example.com/'; a.target = '{target}'; a.textContent = 'out'; \
                     Object.assign(a.style, {{ position: 'fixed', top: '0', left: '0', \
                       zIndex: '99999', padding: '40px', background: 'white' }}); \
                     document.body.append(a); return true"
                ))
                .await;
            kiosk.tap(&format!("#{id}")).await;
            tokio::time::sleep(SETTLE).await;
            assert_no_new_window(display, &before, &format!("a click on <a target={target}>"));
            let state: Value = serde_json::from_str(&page_state(&kiosk).await).expect("JSON state");
            let expected: Value = serde_json::from_str(&before_state).expect("JSON");
            assert_eq!(
                (&state["marker"], &state["href"]),
                (&expected["marker"], &expected["href"]),
                "a click on <a target={target}> left the kiosk's page"
            );
            kiosk
                .eval(&format!(
                    "document.getElementById('{id}').remove(); return true"
                ))
                .await;
        }
        kiosk.close().await;
    });
}

/// The directive `name` of a CSP, or `default-src` when it has none.
fn directive<'a>(csp: &'a str, name: &str) -> &'a str {
    let find = |wanted: &str| {
        csp.split(';')
            .map(str::trim)
            .find(|d| d.split_whitespace().next() == Some(wanted))
    };
    find(name)
        .or_else(|| find("default-src"))
        .unwrap_or_else(|| panic!("the CSP has neither {name} nor default-src: {csp}"))
}

fn assert_strict(csp: &str, whose: &str) {
    for name in ["script-src", "style-src"] {
        let d = directive(csp, name);
        for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"] {
            assert!(
                !d.split_whitespace().any(|s| s == forbidden),
                "{whose}: {name} allows {forbidden}: {d}"
            );
        }
    }
}

#[test]
fn the_pages_csp_allows_no_inline_script_inline_style_or_eval() {
    let config: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("src-tauri/tauri.conf.json"))
            .expect("tauri.conf.json is readable"),
    )
    .expect("tauri.conf.json is JSON");
    let configured = config["app"]["security"]["csp"]
        .as_str()
        .expect("tauri.conf.json sets a CSP");
    assert_strict(configured, "tauri.conf.json");
    assert!(
        config["app"]["security"]["devCsp"].is_null()
            && config["app"]["security"]["dangerousDisableAssetCspModification"].is_null(),
        "no second, looser CSP and no switching off Tauri's CSP handling"
    );

    scenario(LIMIT, || async {
        let kiosk = start_release_kiosk().await;
        // Break the policy three ways and read the policy the page actually enforces out of the
        // violation reports.
        let report = kiosk
            .eval_async(
                "const done = arguments[arguments.length - 1]; \
                 const seen = []; \
                 document.addEventListener('securitypolicyviolation', e => seen.push({ \
                   directive: e.effectiveDirective, policy: e.originalPolicy })); \
                 window.__inlineScriptRan = false; \
                 const s = document.createElement('script'); \
                 s.textContent = 'window.__inlineScriptRan = true'; \
                 document.head.append(s); \
                 const st = document.createElement('style'); \
                 st.textContent = '#lockdown-probe { width: 123px }'; \
                 document.head.append(st); \
                 const probe = document.createElement('div'); \
                 probe.id = 'lockdown-probe'; \
                 probe.setAttribute('style', 'height: 77px'); \
                 document.body.append(probe); \
                 setTimeout(() => { \
                   const box = probe.getBoundingClientRect(); \
                   done({ inlineScriptRan: window.__inlineScriptRan, width: box.width, \
                          height: box.height, seen }); \
                 }, 500);",
            )
            .await;
        assert_eq!(
            report["inlineScriptRan"],
            json!(false),
            "an inline script ran: {report}"
        );
        assert_ne!(report["width"], json!(123), "an inline <style> applied");
        assert_ne!(
            report["height"],
            json!(77),
            "an inline style attribute applied"
        );
        let seen = report["seen"].as_array().expect("a list of violations");
        let directives: BTreeSet<&str> = seen
            .iter()
            .filter_map(|v| v["directive"].as_str())
            .collect();
        for wanted in ["script-src-elem", "style-src-elem", "style-src-attr"] {
            let base = wanted.trim_end_matches("-elem").trim_end_matches("-attr");
            assert!(
                directives.contains(wanted) || directives.contains(base),
                "the page reported no {wanted} violation: {directives:?}"
            );
        }
        let policies: BTreeSet<&str> = seen.iter().filter_map(|v| v["policy"].as_str()).collect();
        assert!(!policies.is_empty(), "violations name the page's policy");
        for policy in policies {
            assert_strict(policy, "the page's effective CSP");
        }
        let eval_refused = kiosk
            .eval(
                "try { return [eval('1 + 1') !== 2, 'eval ran']; } \
                 catch (e) { return [true, String(e)]; }",
            )
            .await;
        assert_eq!(
            eval_refused[0],
            json!(true),
            "eval is refused: {eval_refused}"
        );
        kiosk.close().await;
    });
}

/// Every command the app knows of (its own and the Tauri core plugins'), as the page invokes
/// it, with the permission identifiers that allow it: read from the ACL manifest the build
/// script generates (`src-tauri/gen/schemas/acl-manifests.json`).
struct Acl {
    manifests: Value,
}

impl Acl {
    fn read() -> Acl {
        let path = repo_root().join("src-tauri/gen/schemas/acl-manifests.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "{}: {e}; the kiosk's build script writes it (cargo build -p fairway-kiosk)",
                path.display()
            )
        });
        Acl {
            manifests: serde_json::from_str(&text).expect("the ACL manifest is JSON"),
        }
    }

    /// The name the page invokes a command of manifest `key` by.
    fn invoke_name(key: &str, command: &str) -> String {
        match key {
            "__app-acl__" => command.to_owned(),
            _ => format!(
                "plugin:{}|{command}",
                key.strip_prefix("core:").unwrap_or(key)
            ),
        }
    }

    fn all_commands(&self) -> BTreeSet<String> {
        let mut all = BTreeSet::new();
        for (key, manifest) in self.manifests.as_object().expect("manifests by plugin") {
            for permission in manifest["permissions"].as_object().into_iter().flatten() {
                for c in permission.1["commands"]["allow"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    all.insert(Self::invoke_name(key, c.as_str().expect("a command")));
                }
            }
        }
        all
    }

    /// The commands a capability's permission identifier allows (sets resolved).
    fn allowed_by(&self, identifier: &str, out: &mut BTreeSet<String>) {
        let (key, name) = match identifier.rsplit_once(':') {
            Some((plugin, name)) => (plugin, name),
            None => ("__app-acl__", identifier),
        };
        let manifest = &self.manifests[key];
        assert!(manifest.is_object(), "{identifier}: no manifest for {key}");
        if name == "default" {
            for p in manifest["default_permission"]["permissions"]
                .as_array()
                .into_iter()
                .flatten()
            {
                let p = p.as_str().expect("a permission");
                let full = if p.contains(':') {
                    p.to_owned()
                } else {
                    format!("{key}:{p}")
                };
                self.allowed_by(full.trim_start_matches("__app-acl__:"), out);
            }
        } else if let Some(permission) = manifest["permissions"].get(name) {
            for c in permission["commands"]["allow"]
                .as_array()
                .into_iter()
                .flatten()
            {
                out.insert(Self::invoke_name(key, c.as_str().expect("a command")));
            }
        } else if let Some(set) = manifest["permission_sets"].get(name) {
            for p in set["permissions"].as_array().into_iter().flatten() {
                let p = p.as_str().expect("a permission");
                let full = if p.contains(':') {
                    p.to_owned()
                } else {
                    format!("{key}:{p}")
                };
                self.allowed_by(full.trim_start_matches("__app-acl__:"), out);
            }
        } else {
            panic!("{identifier}: unknown permission");
        }
    }
}

#[test]
fn the_kiosk_window_is_refused_every_command_its_capability_does_not_grant() {
    let acl = Acl::read();
    let capability: Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("src-tauri/capabilities/kiosk.json"))
            .expect("kiosk.json is readable"),
    )
    .expect("kiosk.json is JSON");
    let mut allowed = BTreeSet::new();
    for p in capability["permissions"]
        .as_array()
        .expect("kiosk.json lists permissions")
    {
        let identifier = p
            .as_str()
            .or_else(|| p["identifier"].as_str())
            .expect("a permission identifier");
        acl.allowed_by(identifier, &mut allowed);
    }
    let all = acl.all_commands();
    let refused: Vec<String> = all.difference(&allowed).cloned().collect();
    eprintln!(
        "lockdown: {} commands in the ACL manifest, {} granted to the kiosk window, {} to be refused",
        all.len(),
        allowed.len(),
        refused.len()
    );
    // What must be among them, whatever the manifest says: the editor's commands, and the core
    // plugins' commands that close, resize, open, quit or create.
    for must in [
        "editor_start",
        "editor_save",
        "editor_submit",
        "plugin:window|close",
        "plugin:window|destroy",
        "plugin:window|set_fullscreen",
        "plugin:window|create",
        "plugin:webview|create_webview_window",
        "plugin:webview|print",
        "plugin:webview|set_webview_zoom",
        "plugin:app|exit",
        "plugin:event|emit",
        "plugin:path|resolve_directory",
        "plugin:resources|close",
        "plugin:menu|new",
        "plugin:tray|new",
        "plugin:image|new",
    ] {
        assert!(
            refused.iter().any(|c| c == must),
            "{must} is among the commands the kiosk window must be refused \
             (all: {}, allowed: {allowed:?})",
            all.len()
        );
    }
    assert!(allowed.contains("fair"), "the kiosk may read the fair");

    scenario(LIMIT, move || async move {
        let kiosk = start_release_kiosk().await;
        let display = kiosk.display_number();
        let before = viewable_windows(display);
        let call_all = |commands: &[String]| {
            format!(
                "const done = arguments[arguments.length - 1]; \
                 const commands = {}; \
                 Promise.allSettled(commands.map(c => \
                   window.__TAURI_INTERNALS__.invoke(c, {{}}, {{}}))) \
                 .then(results => done(results.map((r, i) => [commands[i], r.status, \
                   r.status === 'rejected' ? String(r.reason) : 'ok'])));",
                json!(commands)
            )
        };
        let results = kiosk.eval_async(&call_all(&refused)).await;
        let results = results.as_array().expect("one result per command");
        assert_eq!(results.len(), refused.len());
        let let_through: Vec<&Value> = results
            .iter()
            .filter(|r| {
                r[1] != json!("rejected")
                    || !r[2].as_str().is_some_and(|m| m.contains("not allowed"))
            })
            .collect();
        assert!(
            let_through.is_empty(),
            "the kiosk window got past the ACL with {} of {} commands: {let_through:?}",
            let_through.len(),
            refused.len()
        );

        // The control: the granted commands pass the ACL (some then want arguments), and the
        // fair answers.
        let results = kiosk
            .eval_async(&call_all(&allowed.iter().cloned().collect::<Vec<_>>()))
            .await;
        for r in results.as_array().expect("one result per command") {
            assert!(
                !r[2].as_str().is_some_and(|m| m.contains("not allowed")),
                "a granted command was refused: {r}"
            );
        }
        let fair = kiosk
            .eval_async(
                "const done = arguments[arguments.length - 1]; \
                 window.__TAURI_INTERNALS__.invoke('fair', {}, {}) \
                   .then(f => done(f), e => done({ error: String(e) }));",
            )
            .await;
        assert!(
            fair["error"].is_null() && fair.is_object(),
            "the granted `fair` command answers: {fair}"
        );

        tokio::time::sleep(SETTLE).await;
        assert_no_new_window(display, &before, "the refused commands");
        kiosk.wait_for("[data-testid=attract]").await;
        kiosk.close().await;
    });
}
