//! `fairway route` on the demo fair: the documented JSON, a readable plan, step-free, and
//! one-line errors for bad input.

mod common;

use common::{demo_snapshot, fairway, run, stderr, stdout};
use serde_json::Value;

fn route_json(from: &str, to: &str, step_free: bool) -> Value {
    let mut cmd = fairway();
    cmd.arg("route")
        .arg(demo_snapshot())
        .args(["--from", from, "--to", to, "--json"]);
    if step_free {
        cmd.arg("--step-free");
    }
    let out = run(&mut cmd);
    assert!(out.status.success(), "route succeeds: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("--json prints one JSON document")
}

#[test]
fn route_json_has_the_documented_shape() {
    let route = route_json("K-N1-ENTRANCE", "N3-A01", false);
    let mut keys: Vec<&str> = route
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["distance_m", "legs", "step_free", "steps", "walk_s"],
        "exactly the fields DESIGN.md names"
    );
    assert!(route["distance_m"].as_f64().is_some_and(|d| d > 96.0));
    assert!(route["walk_s"].as_f64().is_some_and(|s| s > 0.0));
    assert_eq!(route["step_free"], false);
    let legs = route["legs"].as_array().expect("legs");
    assert_eq!(
        legs[0]["hall"], "N1",
        "the route starts in the kiosk's hall"
    );
    assert_eq!(legs.last().expect("a leg")["hall"], "N3");
    let point = &legs[0]["points"][0];
    assert_eq!(point, &serde_json::json!([48.0, 57.0]), "from the kiosk");
    for step in route["steps"].as_array().expect("steps") {
        let mut keys: Vec<&str> = step
            .as_object()
            .expect("a step")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["kind", "text_en", "text_zh"]);
    }
    let last = route["steps"]
        .as_array()
        .and_then(|s| s.last())
        .expect("a step");
    assert_eq!(last["kind"], "arrive");
    assert_eq!(last["text_en"], "Walk to booth N3-A01");
}

#[test]
fn step_free_route_to_level_two_takes_the_elevator() {
    let m1_booth = "M1-A01";
    let steps = |r: &Value| -> Vec<String> {
        r["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .map(|s| s["kind"].as_str().unwrap_or("").to_owned())
            .collect()
    };
    let walking = route_json("K-S1-ENTRANCE", m1_booth, false);
    let step_free = route_json("K-S1-ENTRANCE", m1_booth, true);
    assert!(
        !steps(&walking).contains(&"elevator".to_owned()),
        "with steps allowed the nearer stairs win: {:?}",
        steps(&walking)
    );
    assert!(
        steps(&step_free).contains(&"elevator".to_owned()),
        "step-free takes the elevator: {:?}",
        steps(&step_free)
    );
    assert_eq!(step_free["step_free"], true);
}

#[test]
fn route_prints_a_readable_plan_without_json() {
    let out = run(fairway().arg("route").arg(demo_snapshot()).args([
        "--from",
        "K-N1-ENTRANCE",
        "--to",
        "N3-A01",
    ]));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Go through the door to Hall N3"), "{text}");
    assert!(text.contains("步行至N3-A01展位"), "{text}");
}

#[test]
fn route_to_an_unknown_booth_is_a_one_line_error() {
    for (from, to, named) in [
        ("K-N1-ENTRANCE", "NO-SUCH-BOOTH", "NO-SUCH-BOOTH"),
        ("NO-SUCH-KIOSK", "N1-A01", "NO-SUCH-KIOSK"),
    ] {
        let out = run(fairway()
            .arg("route")
            .arg(demo_snapshot())
            .args(["--from", from, "--to", to]));
        assert_eq!(out.status.code(), Some(1), "bad input exits 1");
        let err = stderr(&out);
        assert_eq!(err.trim().lines().count(), 1, "one line on stderr: {err}");
        assert!(err.contains(named), "the error names {named}: {err}");
    }
}
