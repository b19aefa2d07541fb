//! The exhibitor API over real HTTP on loopback: the real server, started in-process on a free
//! port, and the blocking client the app uses (raw HTTP where the client cannot say it).

mod common;

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{TestHub, api_error, png};
use fairway_hub::api::{ErrorCode, ImageRole, ReviewState, Submit};
use fairway_hub::client::ClientError;

#[test]
fn an_exhibitor_signs_in_reads_its_profile_uploads_a_logo_submits_and_sees_the_status() {
    let hub = TestHub::start(4);
    let client = hub.client();
    let (id, token) = hub.sign_in(0);
    let own = client.profile(&token).expect("own profile");
    assert_eq!(own.version, 1, "a fresh hub has every profile at version 1");
    assert_eq!(own.fixed.id, id, "the profile is the signed-in exhibitor's");

    let logo = client
        .upload_image(&token, ImageRole::Logo, &png(800, 600, 10))
        .expect("a real PNG is accepted");
    assert_eq!(logo.mime, "image/png");
    assert_eq!(
        (logo.width, logo.height),
        (512, 384),
        "logos are shrunk to 512 px"
    );
    let (mime, bytes) = client
        .image(&token, &logo.name)
        .expect("own upload reads back");
    assert_eq!(mime, "image/png");
    assert_eq!(bytes.len() as u32, logo.bytes);

    let mut profile = own.profile.clone();
    profile.description_en = Some("Fresh rice noodles, shipped cold.".into());
    profile.logo = Some(logo.name.clone());
    let status = client
        .submit(
            &token,
            &Submit {
                base_version: own.version,
                profile,
            },
        )
        .expect("a valid submission is accepted");
    assert_eq!(status.state, ReviewState::Pending);
    let list = client.submissions(&token).expect("own submissions");
    assert_eq!(list, vec![status], "the submission is listed as pending");
}

#[test]
fn a_newer_submission_supersedes_the_pending_one() {
    let hub = TestHub::start(2);
    let client = hub.client();
    let (_, token) = hub.sign_in(0);
    let own = client.profile(&token).expect("own profile");
    let submit = Submit {
        base_version: own.version,
        profile: own.profile,
    };
    let first = client.submit(&token, &submit).expect("first");
    let second = client.submit(&token, &submit).expect("second");
    let list = client.submissions(&token).expect("list");
    assert_eq!(list[0].id, second.id, "newest first");
    assert_eq!(list[1].id, first.id);
    assert_eq!(list[1].state, ReviewState::Superseded);
    assert_eq!(list[0].state, ReviewState::Pending);
}

#[test]
fn wrong_revoked_and_expired_codes_are_refused_and_a_revoked_session_ends() {
    let hub = TestHub::start(3);
    let client = hub.client();
    let wrong = api_error(client.sign_in("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345"));
    assert_eq!(wrong.code, ErrorCode::BadCode, "{wrong:?}");
    let junk = api_error(client.sign_in("hello"));
    assert_eq!(junk.code, ErrorCode::BadCode, "{junk:?}");

    // Typed in lower case with spaces instead of dashes, the code still works.
    let id = &hub.ids[0];
    let typed = hub.codes[id].to_lowercase().replace('-', " ");
    let session = client
        .sign_in(&typed)
        .expect("codes are case- and dash-insensitive");

    let mut store = hub.store();
    store.revoke_code(id).expect("revoke");
    let revoked = api_error(client.sign_in(&hub.codes[id]));
    assert_eq!(
        revoked.code,
        ErrorCode::BadCode,
        "a revoked code is refused"
    );
    let ended = api_error(client.profile(&session.token));
    assert_eq!(
        ended.code,
        ErrorCode::SignedOut,
        "revoking ends the sessions"
    );

    // An expired code: its validity ended a second ago.
    let other = &hub.ids[1];
    let db = rusqlite::Connection::open(hub.data.join("hub.sqlite")).expect("db");
    db.execute(
        "UPDATE access_codes SET expires_unix = unixepoch() - 1 WHERE exhibitor_id = ?1",
        [other],
    )
    .expect("expire the code");
    let expired = api_error(client.sign_in(&hub.codes[other]));
    assert_eq!(expired.code, ErrorCode::BadCode);
    assert!(expired.message.contains("expired"), "{}", expired.message);

    // A session past its expiry is over.
    let (_, token) = hub.sign_in(2);
    client.profile(&token).expect("a fresh session works");
    db.execute(
        "UPDATE sessions SET expires_unix = unixepoch() - 1 WHERE exhibitor_id = ?1",
        [&hub.ids[2]],
    )
    .expect("expire the session");
    let over = api_error(client.profile(&token));
    assert_eq!(
        over.code,
        ErrorCode::SignedOut,
        "an expired session is refused"
    );

    let no_token = api_error(client.profile("not-a-token"));
    assert_eq!(no_token.code, ErrorCode::SignedOut);
}

#[test]
fn repeated_wrong_codes_are_slowed_down_with_a_retry_after() {
    let hub = TestHub::start(2);
    let client = hub.client();
    for i in 0..5 {
        let e = api_error(client.sign_in("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345"));
        assert_eq!(e.code, ErrorCode::BadCode, "wrong code {i} is just wrong");
    }
    let slowed = api_error(client.sign_in(&hub.codes[&hub.ids[0]]));
    assert_eq!(slowed.code, ErrorCode::SlowDown, "{slowed:?}");
    let wait = slowed.retry_after_s.expect("a retry_after_s");
    assert!(wait >= 1, "the client is told how long to wait");
    std::thread::sleep(Duration::from_secs(u64::from(wait)));
    client
        .sign_in(&hub.codes[&hub.ids[0]])
        .expect("after the wait the right code works");
}

#[test]
fn an_exhibitor_cannot_read_or_change_another_exhibitors_data() {
    let hub = TestHub::start(3);
    let client = hub.client();
    let (a, token_a) = hub.sign_in(0);
    let (b, token_b) = hub.sign_in(1);

    let upload = client
        .upload_image(&token_a, ImageRole::Product, &png(300, 200, 99))
        .expect("A uploads");
    let hidden = api_error(client.image(&token_b, &upload.name));
    assert_eq!(hidden.code, ErrorCode::NotFound, "B cannot read A's upload");

    let profile_a = client.profile(&token_a).expect("A's profile");
    let profile_b = client.profile(&token_b).expect("B's profile");
    assert_eq!(profile_b.fixed.id, b, "B's token reads B's profile");
    if let Some(logo_a) = &profile_a.profile.logo {
        let e = api_error(client.image(&token_b, logo_a));
        assert_eq!(
            e.code,
            ErrorCode::NotFound,
            "B cannot read A's profile picture"
        );
        client
            .image(&token_a, logo_a)
            .expect("A reads its own logo");
    }
    for name in ["../hub.sqlite", "..%2Fhub.sqlite", "%2e%2e%2fhub.sqlite"] {
        let e = api_error(client.image(&token_a, name));
        assert_eq!(e.code, ErrorCode::NotFound, "{name} is no image");
    }

    // B names A's upload in its own profile: refused, nothing submitted.
    let mut edit = profile_b.profile.clone();
    edit.logo = Some(upload.name.clone());
    let e = api_error(client.submit(
        &token_b,
        &Submit {
            base_version: profile_b.version,
            profile: edit,
        },
    ));
    assert_eq!(e.code, ErrorCode::Invalid);
    assert_eq!(e.fields.len(), 1, "{:?}", e.fields);
    assert_eq!(e.fields[0].field, "logo");

    // A submits; B sees none of it.
    client
        .submit(
            &token_a,
            &Submit {
                base_version: profile_a.version,
                profile: profile_a.profile.clone(),
            },
        )
        .expect("A submits");
    assert!(
        client.submissions(&token_b).expect("B's list").is_empty(),
        "B sees no submission of A"
    );

    // No request can name an exhibitor: an id in the body is an unknown field.
    let body = format!(
        r#"{{"base_version":1,"exhibitor_id":"{a}","profile":{}}}"#,
        serde_json::to_string(&profile_a.profile).expect("json")
    );
    let (status, answer) = raw(
        &hub,
        &format!(
            "POST /api/v1/submissions HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer {token_b}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert_eq!(status, 400, "{answer}");
    assert!(answer.contains("exhibitor_id"), "{answer}");
    let store = hub.store();
    let (version_a, stored_a) = store.profile(&a).expect("db").expect("A");
    assert_eq!(
        (version_a, stored_a),
        (profile_a.version, profile_a.profile),
        "A's profile is unchanged"
    );
    assert_eq!(
        store.review_list(true).expect("list").len(),
        1,
        "only A's own submission was recorded"
    );
}

#[test]
fn fields_over_limits_and_malformed_contacts_get_one_message_per_field() {
    let hub = TestHub::start(2);
    let client = hub.client();
    let (_, token) = hub.sign_in(0);
    let own = client.profile(&token).expect("profile");
    let mut edit = own.profile.clone();
    edit.description_en = Some("x".repeat(own.limits.description as usize + 1));
    edit.email = Some("not-an-address".into());
    edit.phone = Some("call us".into());
    edit.website = Some("http://plain.example".into());
    let e = api_error(client.submit(
        &token,
        &Submit {
            base_version: own.version,
            profile: edit,
        },
    ));
    assert_eq!(e.code, ErrorCode::Invalid, "{e:?}");
    let mut fields: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        ["description_en", "email", "phone", "website"],
        "{e:?}"
    );
    assert!(
        client.submissions(&token).expect("list").is_empty(),
        "nothing was submitted"
    );
}

#[test]
fn html_and_script_in_every_text_field_are_stored_and_returned_as_the_same_text() {
    let hub = TestHub::start(2);
    let client = hub.client();
    let (id, token) = hub.sign_in(0);
    let own = client.profile(&token).expect("profile");
    let script = "<script>alert('x')</script>&amp;<img src=x onerror=alert(1)>";
    let mut edit = own.profile.clone();
    edit.name_en = format!("Acme {script}");
    edit.name_zh = Some(format!("阿克美 {script}"));
    edit.contact_name_en = Some(format!("Li {script}"));
    edit.contact_name_zh = Some(format!("李 {script}"));
    edit.title_en = Some(format!("Boss {script}"));
    edit.title_zh = Some(format!("经理 {script}"));
    edit.description_en = Some(format!("About {script}"));
    edit.description_zh = Some(format!("关于 {script}"));
    for product in &mut edit.products {
        product.name_en = format!("P {script}");
        product.description_en = Some(format!("D {script}"));
    }
    let status = client
        .submit(
            &token,
            &Submit {
                base_version: own.version,
                profile: edit.clone(),
            },
        )
        .expect("HTML is just text");
    hub.store().approve(status.id, false).expect("approve");
    let back = client.profile(&token).expect("profile again");
    assert_eq!(
        back.profile, edit,
        "every field comes back character for character"
    );
    assert_eq!(back.version, 2);
    assert_eq!(hub.store().profile(&id).expect("db").expect("row").1, edit);
}

#[test]
fn a_submission_against_an_outdated_version_is_refused_with_the_current_version() {
    let hub = TestHub::start(2);
    let client = hub.client();
    let (_, token) = hub.sign_in(0);
    let own = client.profile(&token).expect("profile");
    let submit = Submit {
        base_version: own.version,
        profile: own.profile.clone(),
    };
    let first = client.submit(&token, &submit).expect("first");
    hub.store()
        .approve(first.id, false)
        .expect("approved: version 2");
    let e = api_error(client.submit(&token, &submit));
    assert_eq!(e.code, ErrorCode::Outdated, "{e:?}");
    assert_eq!(e.current_version, Some(2));
}

#[test]
fn a_50_mb_upload_is_refused_as_too_large_before_it_is_read() {
    let hub = TestHub::start(2);
    let (_, token) = hub.sign_in(0);
    // Raw HTTP: declare 50 MB and send none of it; the answer must come anyway.
    let started = Instant::now();
    let (status, answer) = raw(
        &hub,
        &format!(
            "POST /api/v1/images?role=logo HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer {token}\r\nContent-Length: {}\r\n\r\n",
            50 * 1024 * 1024
        ),
    );
    assert_eq!(status, 413, "{answer}");
    assert!(answer.contains("too_large"), "{answer}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the hub answered without waiting for the body"
    );
    // A body without a declared length is cut at the limit.
    let (status, answer) = raw_chunked(&hub, &token, 8 * 1024 * 1024);
    assert_eq!(status, 413, "{answer}");
}

#[test]
fn a_file_claiming_to_be_png_that_is_not_and_a_decompression_bomb_are_refused() {
    let hub = TestHub::start(2);
    let client = hub.client();
    let (_, token) = hub.sign_in(0);
    let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
    fake.extend_from_slice(b"this is a text file pretending to be a picture");
    let e = api_error(client.upload_image(&token, ImageRole::Logo, &fake));
    assert_eq!(e.code, ErrorCode::BadImage, "{e:?}");
    let e = api_error(client.upload_image(&token, ImageRole::Logo, b"GIF89a not a png"));
    assert_eq!(e.code, ErrorCode::BadImage, "{e:?}");

    let bomb = png_claiming(60_000, 60_000);
    assert!(bomb.len() < 200, "the bomb is tiny on disk");
    let e = api_error(client.upload_image(&token, ImageRole::Product, &bomb));
    assert_eq!(e.code, ErrorCode::BadImage, "{e:?}");
    assert!(e.message.contains("60000"), "{}", e.message);
    assert!(
        hub.store()
            .audit_log()
            .expect("audit")
            .iter()
            .all(|r| r.action != "upload"),
        "nothing was stored"
    );
}

#[test]
fn the_feed_answers_304_for_an_unchanged_manifest_and_serves_ranges_of_snapshots() {
    let hub = TestHub::start(2);
    let keys = hub.dir.path().join("keys");
    std::fs::create_dir_all(&keys).expect("keys dir");
    let (_, secret) = fairway_core::snapshot::keygen(&keys).expect("keygen");
    let published =
        fairway_hub::publish::publish(&mut hub.store(), &secret, &hub.data.join("feed"))
            .expect("publish");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let manifest = agent
        .get(format!("{}/feed/manifest.json", hub.url()))
        .call()
        .expect("manifest");
    assert_eq!(manifest.status(), 200);
    let etag = manifest
        .headers()
        .get("etag")
        .expect("an ETag")
        .to_str()
        .expect("ascii")
        .to_owned();
    let again = agent
        .get(format!("{}/feed/manifest.json", hub.url()))
        .header("If-None-Match", &etag)
        .call()
        .expect("manifest again");
    assert_eq!(
        again.status(),
        304,
        "an unchanged manifest is not sent again"
    );

    let name = published
        .snapshot
        .file_name()
        .expect("a file")
        .to_string_lossy()
        .into_owned();
    let whole = std::fs::read(&published.snapshot).expect("snapshot bytes");
    let mut part = agent
        .get(format!("{}/feed/{name}", hub.url()))
        .header("Range", "bytes=100-")
        .call()
        .expect("range");
    assert_eq!(part.status(), 206);
    assert_eq!(
        part.headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(
        part.headers()
            .get("content-range")
            .and_then(|v| v.to_str().ok()),
        Some(format!("bytes 100-{}/{}", whole.len() - 1, whole.len()).as_str())
    );
    let tail = part.body_mut().read_to_vec().expect("body");
    assert_eq!(tail, whole[100..], "the range is the file's own bytes");

    for bad in [
        "..%2Fhub.sqlite",
        "hub.sqlite",
        ".hidden.sqlite",
        "codes.csv",
    ] {
        let r = agent
            .get(format!("{}/feed/{bad}", hub.url()))
            .call()
            .expect("answer");
        assert_eq!(r.status(), 404, "{bad} is not part of the feed");
    }
}

/// Sends one raw HTTP request; the status and the whole answer.
fn raw(hub: &TestHub, request: &str) -> (u16, String) {
    let addr = hub.running.as_ref().expect("serving").addr();
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    stream.write_all(request.as_bytes()).expect("send");
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    // Read until the JSON body has arrived (the connection may stay open).
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                answer.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&answer);
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let len = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().to_owned())
                        })
                        .and_then(|v| v.parse::<usize>().ok());
                    if len.is_some_and(|len| body.len() >= len) {
                        break;
                    }
                }
            }
        }
    }
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

/// An upload sent chunked (no declared length) of `len` bytes.
fn raw_chunked(hub: &TestHub, token: &str, len: usize) -> (u16, String) {
    let addr = hub.running.as_ref().expect("serving").addr();
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let head = format!(
        "POST /api/v1/images?role=logo HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer {token}\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("send");
    let chunk = vec![b'x'; 64 * 1024];
    let mut sent = 0;
    while sent < len {
        let frame = format!("{:x}\r\n", chunk.len());
        if stream.write_all(frame.as_bytes()).is_err()
            || stream.write_all(&chunk).is_err()
            || stream.write_all(b"\r\n").is_err()
        {
            break; // the hub stopped reading: its answer is waiting
        }
        sent += chunk.len();
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    let mut body = kind.to_vec();
    body.extend_from_slice(data);
    out.extend_from_slice(&body);
    out.extend_from_slice(&crc32(&body).to_be_bytes());
    out
}

/// A well-formed PNG header claiming `w`×`h` RGB pixels with a tiny IDAT: a decompression bomb
/// as far as any decoder that trusts the header is concerned.
fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = w.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(png_chunk(b"IHDR", &ihdr));
    png.extend(png_chunk(
        b"IDAT",
        &[0x78, 0x01, 0x01, 0x00, 0x00, 0xff, 0xff, 0, 0, 0, 1],
    ));
    png.extend(png_chunk(b"IEND", &[]));
    png
}

/// The hub refuses a 50 MB body before reading it (above); the client says so too instead of
/// reporting the hub unreachable when the hub closes the connection on it mid-send.
#[test]
fn a_client_upload_of_50_mb_is_refused_as_too_large_not_reported_unreachable() {
    let hub = TestHub::start(2);
    let client = hub.client();
    let (_, token) = hub.sign_in(0);
    let big = vec![0u8; 50 * 1024 * 1024];
    match client.upload_image(&token, ImageRole::Logo, &big) {
        Err(ClientError::Api(e)) => assert_eq!(e.code, ErrorCode::TooLarge, "{e:?}"),
        other => panic!("a 50 MB upload must be refused as too large, got {other:?}"),
    }
}
