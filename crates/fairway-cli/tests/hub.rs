//! The organiser's hub commands through the real `fairway` binary: the happy path in a few
//! lines, and every refusal as one line on stderr naming the problem, with a non-zero exit.

mod common;

use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use common::{fairway, run, stderr, stdout};

/// A synthetic fair of 3 exhibitors initialised into `dir/data`.
fn hub_data(dir: &Path) -> std::path::PathBuf {
    let source = dir.join("source");
    let data = dir.join("data");
    let out = run(fairway()
        .args(["synth", "--exhibitors", "3", "--out"])
        .arg(&source));
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(fairway()
        .args(["hub", "init"])
        .arg(&source)
        .arg("--data")
        .arg(&data));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("3 exhibitors"), "{}", stdout(&out));
    data
}

fn refused(cmd: &mut Command, expected: &str) {
    let out = run(cmd);
    assert!(!out.status.success(), "refused: {cmd:?}");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(expected), "{expected:?} in {err}");
}

#[test]
fn hub_commands_refuse_bad_input_with_one_line_naming_the_problem() {
    let dir = tempfile::tempdir().expect("temp");
    let data = hub_data(dir.path());
    refused(
        fairway()
            .args(["hub", "init"])
            .arg(dir.path().join("source"))
            .arg("--data")
            .arg(&data),
        "not empty",
    );
    refused(
        fairway()
            .args(["review", "list", "--data"])
            .arg(dir.path().join("nowhere")),
        "no hub data here",
    );
    let codes = dir.path().join("codes.csv");
    refused(
        fairway()
            .args(["codes", "issue", "--exhibitor", "NOPE", "--data"])
            .arg(&data)
            .arg("--out")
            .arg(&codes),
        "no exhibitor with id \"NOPE\"",
    );
    assert!(!codes.exists(), "no file is left behind by a refusal");
    let out = run(fairway()
        .args(["codes", "issue", "--all", "--valid-days", "30", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&codes));
    assert!(out.status.success(), "{}", stderr(&out));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&codes)
            .expect("file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "only the organiser can read the codes");
    }
    refused(
        fairway()
            .args(["codes", "issue", "--all", "--data"])
            .arg(&data)
            .arg("--out")
            .arg(&codes),
        "already exists",
    );
    refused(
        fairway()
            .args(["codes", "revoke", "--exhibitor", "NOPE", "--data"])
            .arg(&data),
        "no exhibitor",
    );
    refused(
        fairway()
            .args(["review", "approve", "42", "--data"])
            .arg(&data),
        "no submission 42",
    );
    refused(
        fairway()
            .args(["review", "reject", "42", "--reason", "x", "--data"])
            .arg(&data),
        "no submission 42",
    );
    refused(
        fairway()
            .args(["publish", "--key"])
            .arg(dir.path().join("missing.key"))
            .arg("--data")
            .arg(&data)
            .arg("--out")
            .arg(dir.path().join("feed")),
        "no secret key there",
    );
    let out = run(fairway()
        .args(["review", "list", "--json", "--data"])
        .arg(&data));
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON document");
    assert_eq!(json["submissions"], serde_json::json!([]));
}

#[test]
fn hub_serve_prints_its_address_and_publish_prints_the_sequence_and_time() {
    let dir = tempfile::tempdir().expect("temp");
    let data = hub_data(dir.path());
    let keys = dir.path().join("keys");
    let out = run(fairway().args(["keygen", "--out"]).arg(&keys));
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(fairway()
        .args(["publish", "--data"])
        .arg(&data)
        .arg("--key")
        .arg(keys.join("fairway.key"))
        .arg("--out")
        .arg(data.join("feed")));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("published sequence 1") && text.contains(" s"),
        "{text}"
    );

    let mut child = fairway()
        .args(["hub", "serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(&data)
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("a line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .map(str::to_owned);
    let manifest = url.as_ref().map(|url| {
        ureq::get(format!("{url}/feed/manifest.json"))
            .call()
            .map(|r| r.status().as_u16())
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(url.is_some(), "the address is printed: {line}");
    assert_eq!(
        manifest.map(|r| r.ok()),
        Some(Some(200)),
        "the feed is served"
    );
}

#[test]
fn review_shows_the_changed_fields_and_approve_and_reject_decide_once() {
    use fairway_hub::api::Submit;
    use fairway_hub::client::HubClient;

    let dir = tempfile::tempdir().expect("temp");
    let data = hub_data(dir.path());
    let codes = dir.path().join("codes.csv");
    let out = run(fairway()
        .args(["codes", "issue", "--all", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&codes));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&codes).expect("codes");
    let code = text
        .lines()
        .nth(1)
        .and_then(|l| l.rsplit(',').next())
        .expect("a code")
        .to_owned();

    let mut opts = fairway_hub::server::ServeOptions::new(&data);
    opts.listen = "127.0.0.1:0".parse().expect("addr");
    let running = fairway_hub::server::start(opts).expect("serve");
    let client = HubClient::new(&running.url()).expect("client");
    let session = client.sign_in(&code).expect("sign in");
    let own = client.profile(&session.token).expect("profile");
    let mut edit = own.profile.clone();
    edit.description_en = Some("Now with green tea.".into());
    let first = client
        .submit(
            &session.token,
            &Submit {
                base_version: own.version,
                profile: edit.clone(),
            },
        )
        .expect("submit");

    let out = run(fairway().args(["review", "list", "--data"]).arg(&data));
    assert!(stdout(&out).contains("pending"), "{}", stdout(&out));
    let out = run(fairway()
        .args(["review", "show", &first.id.to_string(), "--data"])
        .arg(&data));
    let shown = stdout(&out);
    assert!(
        shown.contains("description_en:") && shown.contains("submitted: Now with green tea."),
        "{shown}"
    );
    assert!(
        !shown.contains("name_en:"),
        "unchanged fields are not shown: {shown}"
    );
    let out = run(fairway()
        .args(["review", "approve", &first.id.to_string(), "--data"])
        .arg(&data));
    assert!(stdout(&out).contains("version 2"), "{}", stdout(&out));
    refused(
        fairway()
            .args(["review", "approve", &first.id.to_string(), "--data"])
            .arg(&data),
        "is approved, not pending",
    );

    let second = client
        .submit(
            &session.token,
            &Submit {
                base_version: 2,
                profile: edit,
            },
        )
        .expect("submit again");
    let out = run(fairway()
        .args([
            "review",
            "reject",
            &second.id.to_string(),
            "--reason",
            "Too short.",
            "--data",
        ])
        .arg(&data));
    assert!(out.status.success(), "{}", stderr(&out));
    let list = client.submissions(&session.token).expect("list");
    assert_eq!(
        list[0].reason.as_deref(),
        Some("Too short."),
        "the exhibitor reads the reason"
    );
    let out = run(fairway()
        .args(["review", "show", &second.id.to_string(), "--json", "--data"])
        .arg(&data));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON document");
    assert_eq!(json["submission"]["state"], "rejected");
    running.stop().expect("stop");
}

/// Reads the address `fairway hub serve` prints on its first line.
fn serve(data: &Path) -> (std::process::Child, String) {
    let mut child = fairway()
        .args(["hub", "serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data)
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("a line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_default()
        .to_owned();
    (child, url)
}

#[test]
fn every_acknowledged_submission_survives_the_hub_being_killed_mid_stream() {
    use fairway_hub::api::Submit;
    use fairway_hub::client::HubClient;
    use std::time::Duration;

    let dir = tempfile::tempdir().expect("temp");
    let data = hub_data(dir.path());
    let codes = dir.path().join("codes.csv");
    let out = run(fairway()
        .args(["codes", "issue", "--all", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&codes));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&codes).expect("codes");
    let code = text
        .lines()
        .nth(1)
        .and_then(|l| l.rsplit(',').next())
        .expect("a code")
        .to_owned();

    let mut acknowledged = Vec::new();
    for round in 0..10u64 {
        let (mut child, url) = serve(&data);
        let client = HubClient::new(&url).expect("client");
        let session = client.sign_in(&code).expect("sign in");
        let own = client.profile(&session.token).expect("profile");
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopper = {
            let stop = stop.clone();
            std::thread::spawn(move || {
                // Kill somewhere in the middle of the stream, at a different moment each round.
                std::thread::sleep(Duration::from_millis(40 + 17 * round));
                let _ = child.kill();
                let _ = child.wait();
                stop.store(true, std::sync::atomic::Ordering::SeqCst);
            })
        };
        let mut i = 0;
        while !stop.load(std::sync::atomic::Ordering::SeqCst) {
            let mut edit = own.profile.clone();
            edit.description_en = Some(format!("round {round} edit {i}"));
            if let Ok(status) = client.submit(
                &session.token,
                &Submit {
                    base_version: own.version,
                    profile: edit,
                },
            ) {
                acknowledged.push((status.id, format!("round {round} edit {i}")));
            }
            i += 1;
        }
        stopper.join().expect("stopper");
    }
    assert!(acknowledged.len() >= 10, "submissions were acknowledged");
    let store = fairway_hub::store::Store::open(&data).expect("store after the kills");
    for (id, text) in &acknowledged {
        let s = store
            .submission(*id)
            .expect("an acknowledged submission is there");
        assert_eq!(s.profile.description_en.as_deref(), Some(text.as_str()));
    }
}
