//! `fairway card` driven as a script would: the exact vCard bytes on stdout, the QR images, the
//! error for an unknown exhibitor, and `scripts/zbar-check.sh`, which decodes a sample of cards
//! with Debian's zbarimg (an independent reader) and compares the bytes.

mod common;

use std::process::Command;

use common::{demo_snapshot, fairway, repo_root, run, stderr};

#[test]
fn card_prints_exactly_the_vcard_bytes_with_crlf_and_no_extra_newline() {
    let out = run(fairway().arg("card").arg(demo_snapshot()).arg("E0001"));
    assert!(out.status.success(), "card succeeds: {}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("the card is UTF-8");
    assert!(
        text.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"),
        "a vCard 3.0: {text:?}"
    );
    assert!(
        text.ends_with("END:VCARD\r\n") && !text.ends_with("\r\n\r\n") && !text.ends_with("\n\n"),
        "nothing follows the vCard's own last CRLF: {text:?}"
    );
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "every line ends with CRLF"
    );
    assert!(
        text.contains("FN:陈晓明 Chen Xiaoming\r\n"),
        "the demo fair's default language, Chinese, comes first: {text}"
    );
    assert!(!text.starts_with('\u{feff}'), "no byte order mark");
    assert!(!text.contains("CHARSET"), "no CHARSET parameter");
}

#[test]
fn card_in_english_puts_english_first() {
    let out = run(fairway()
        .arg("card")
        .arg(demo_snapshot())
        .arg("E0001")
        .args(["--lang", "en"]));
    assert!(out.status.success(), "card succeeds: {}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("the card is UTF-8");
    assert!(
        text.contains("FN:Chen Xiaoming 陈晓明\r\n"),
        "English first: {text}"
    );
}

#[test]
fn card_writes_a_png_and_an_svg_of_the_qr_code() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let png = dir.path().join("card.png");
    let svg = dir.path().join("card.svg");
    let out = run(fairway()
        .arg("card")
        .arg(demo_snapshot())
        .arg("E0002")
        .arg("--png")
        .arg(&png));
    assert!(
        out.status.success(),
        "card --png succeeds: {}",
        stderr(&out)
    );
    let bytes = std::fs::read(&png).expect("the PNG was written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "the file is a PNG");
    let out = run(fairway()
        .arg("card")
        .arg(demo_snapshot())
        .arg("E0002")
        .arg("--svg")
        .arg(&svg));
    assert!(
        out.status.success(),
        "card --svg succeeds: {}",
        stderr(&out)
    );
    let text = std::fs::read_to_string(&svg).expect("the SVG was written");
    assert!(
        text.starts_with("<svg ") && text.contains("crispEdges"),
        "the file is a crisp SVG"
    );
}

#[test]
fn card_for_an_unknown_exhibitor_fails_with_one_line() {
    let out = run(fairway().arg("card").arg(demo_snapshot()).arg("NOPE"));
    assert_eq!(out.status.code(), Some(1), "an unknown id exits 1");
    assert!(out.stdout.is_empty(), "nothing on stdout");
    let message = stderr(&out);
    assert_eq!(message.lines().count(), 1, "one line: {message}");
    assert!(message.contains("NOPE"), "the line names the id: {message}");
}

#[test]
fn zbarimg_reads_a_sample_of_demo_cards_back_byte_for_byte() {
    let zbar = Command::new("sh")
        .args(["-c", "command -v zbarimg"])
        .output()
        .expect("sh starts");
    assert!(
        zbar.status.success(),
        "zbarimg is missing: install Debian's zbar-tools package (apt-get install zbar-tools); \
         this test decodes contact-card QR codes with it as an independent reader"
    );
    let out = run(Command::new("bash")
        .arg(repo_root().join("scripts/zbar-check.sh"))
        .env("FAIRWAY", env!("CARGO_BIN_EXE_fairway")));
    assert!(
        out.status.success(),
        "zbarimg reads every sampled card back: {}{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
}
