//! Supervision inside the app: a dead web process is reloaded (and logged as an error), the log
//! file is written and named on the staff status, and a second kiosk in the same session hands
//! over to the first and exits. (The restarts systemd does are measured by
//! `scripts/supervision.sh`, which needs a systemd user manager; see RELIABILITY.md.)

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use fairway_e2e::{Kiosk, Options, descendants, kiosk_binary, kiosk_pid, process_name, scenario};

/// The web processes under the kiosk process `app`.
fn web_processes(app: u32) -> Vec<u32> {
    descendants(app)
        .into_iter()
        .filter(|&pid| process_name(pid).starts_with("WebKitWebProces"))
        .collect()
}

const LIMIT: Duration = Duration::from_secs(240);

#[test]
fn a_web_process_that_dies_is_replaced_and_the_reloaded_interface_beats_again_and_is_logged() {
    scenario(LIMIT, || async {
        let kiosk = Kiosk::start(Options::default()).await;
        let app = kiosk_pid().expect("the kiosk process runs");
        let web = web_processes(app);
        assert_eq!(web.len(), 1, "one web process under the kiosk");
        let killed = Command::new("kill")
            .args(["-9", &web[0].to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());

        // WebKit starts a new web process and the app reloads the interface into it. The
        // WebDriver session dies with the old process, so the proof is the app's own: the log
        // says the reloaded interface sends heartbeats again, and a new web process runs.
        let log_path = kiosk.home().join("state/fairway/logs/kiosk.log");
        let deadline = Instant::now() + Duration::from_secs(30);
        let log = loop {
            let log = std::fs::read_to_string(&log_path).unwrap_or_default();
            if log.contains("the interface is back after its web process ended") {
                break log;
            }
            assert!(
                Instant::now() < deadline,
                "no heartbeat from a reloaded interface within 30 s of the crash: {log}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        assert!(
            log.lines()
                .any(|l| l.contains(" ERROR the web process crashed; the interface was reloaded")),
            "the log file has the crash: {log}"
        );
        assert!(
            log.contains("the interface is up (first heartbeat)"),
            "{log}"
        );
        let replaced = web_processes(app);
        assert!(
            !replaced.is_empty() && !replaced.contains(&web[0]),
            "a new web process replaced the dead one: {replaced:?}"
        );
        // What the screen shows now, for people to look at.
        let shot = fairway_e2e::screenshot_dir().join("supervision-after-web-process-crash.png");
        let taken = Command::new("import")
            .args([
                "-display",
                &format!(":{}", kiosk.display_number()),
                "-window",
                "root",
            ])
            .arg(&shot)
            .status();
        assert!(
            matches!(taken, Ok(s) if s.success()),
            "import takes a screenshot"
        );
        kiosk.close().await;
    });
}

#[test]
fn a_second_kiosk_started_in_the_same_session_hands_over_to_the_first_and_exits() {
    // A session bus of our own, as a desktop session has one.
    let mut bus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-daemon starts (Debian's dbus package)");
    let mut address = String::new();
    BufReader::new(bus.stdout.take().expect("piped"))
        .read_line(&mut address)
        .expect("dbus-daemon prints its address");
    let address = address.trim().to_owned();
    assert!(address.starts_with("unix:"), "{address}");

    scenario(LIMIT, || async {
        let first = Kiosk::start(Options {
            env: vec![("DBUS_SESSION_BUS_ADDRESS".to_owned(), address.clone())],
            ..Options::default()
        })
        .await;
        let second_home = tempfile::tempdir().expect("a temporary home");
        let started = Instant::now();
        let mut second = Command::new(kiosk_binary())
            .env("DISPLAY", format!(":{}", first.display_number()))
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("HOME", second_home.path())
            .env("XDG_STATE_HOME", second_home.path().join("state"))
            .env("XDG_CACHE_HOME", second_home.path().join("cache"))
            .env("XDG_DATA_HOME", second_home.path().join("data"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the second kiosk starts");
        let status = loop {
            if let Some(status) = second.try_wait().expect("waitable") {
                break Some(status);
            }
            if started.elapsed() > Duration::from_secs(60) {
                break None;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        let Some(status) = status else {
            let _ = second.kill();
            panic!("the second kiosk was still running after a minute");
        };
        assert!(
            status.success(),
            "it hands over and exits cleanly: {status}"
        );

        // The first one is still there and still answers.
        first.tap("[data-testid=attract]").await;
        first.wait_for("[data-testid=tile-pavilions]").await;
        let log_path = first.home().join("state/fairway/logs/kiosk.log");
        let log = std::fs::read_to_string(&log_path).expect("the first kiosk's log");
        assert!(
            log.contains("a second kiosk was started; this one stays"),
            "{log}"
        );
        // The staff status names the log file and who supervises the kiosk.
        for _ in 0..5 {
            first.tap("[data-testid=nav-title]").await;
        }
        first.wait_for("[data-testid=screen-staff]").await;
        let named = first.text("[data-testid=staff-log-file]").await;
        assert_eq!(named.trim(), log_path.display().to_string());
        let supervision = first.text("[data-testid=staff-supervision]").await;
        assert!(
            supervision.contains("not started by systemd"),
            "{supervision}"
        );
        first.close().await;
    });
    let _ = bus.kill();
    let _ = bus.wait();
}
