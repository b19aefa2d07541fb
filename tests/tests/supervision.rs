//! Supervision inside the app: a dead web process is reloaded (and the staff told), the log
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

async fn open_staff_status(kiosk: &Kiosk) {
    for _ in 0..5 {
        kiosk.tap("[data-testid=nav-title]").await;
    }
    kiosk.wait_for("[data-testid=screen-staff]").await;
}

#[test]
fn a_web_process_that_dies_is_replaced_the_interface_comes_back_and_the_staff_see_it() {
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

        // WebKit starts a new web process; the app reloads the interface into it.
        kiosk
            .wait_until(
                "the attract screen is back after the reload",
                "return !!document.querySelector('[data-testid=attract]')",
            )
            .await;
        let replaced = web_processes(app);
        assert!(
            !replaced.is_empty() && !replaced.contains(&web[0]),
            "a new web process replaced the dead one: {replaced:?}"
        );

        kiosk.tap("[data-testid=attract]").await;
        open_staff_status(&kiosk).await;
        let errors = kiosk.text("[data-testid=staff-errors]").await;
        assert!(
            errors.contains("the web process crashed; the interface was reloaded"),
            "the staff see what happened: {errors}"
        );
        let log_file = kiosk.text("[data-testid=staff-log-file]").await;
        let expected = kiosk.home().join("state/fairway/logs/kiosk.log");
        assert_eq!(log_file.trim(), expected.display().to_string());
        let log = std::fs::read_to_string(&expected).expect("the log file exists");
        assert!(
            log.lines()
                .any(|l| l.contains(" ERROR the web process crashed")),
            "the log file has the crash: {log}"
        );
        assert!(
            log.contains("the interface is up (first heartbeat)"),
            "{log}"
        );
        let supervision = kiosk.text("[data-testid=staff-supervision]").await;
        assert!(
            supervision.contains("not started by systemd"),
            "{supervision}"
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
            .env("DISPLAY", format!(":{}", first.display()))
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
        let log = std::fs::read_to_string(first.home().join("state/fairway/logs/kiosk.log"))
            .expect("the first kiosk's log");
        assert!(
            log.contains("a second kiosk was started; this one stays"),
            "{log}"
        );
        first.close().await;
    });
    let _ = bus.kill();
    let _ = bus.wait();
}
