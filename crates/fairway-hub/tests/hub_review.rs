//! The organiser's side: review (approve, reject, conflicts), the append-only audit log, and
//! publishing a snapshot that a kiosk installs from the hub's own HTTP feed.

mod common;

use common::{TestHub, png};
use fairway_core::snapshot::{PublicKey, Snapshot};
use fairway_core::update::{Feed, Library};
use fairway_hub::api::{ImageRole, ReviewState, Submit};

#[test]
fn approving_applies_the_submission_and_raises_the_version_with_an_audit_row() {
    let hub = TestHub::start(2);
    let client = hub.client();
    let (id, token) = hub.sign_in(0);
    let own = client.profile(&token).expect("profile");
    let mut edit = own.profile.clone();
    edit.title_en = Some("Head of Export".into());
    let status = client
        .submit(
            &token,
            &Submit {
                base_version: own.version,
                profile: edit.clone(),
            },
        )
        .expect("submit");
    let mut store = hub.store();
    let review = fairway_hub::review::review(&store, status.id).expect("review");
    assert!(!review.conflict);
    assert_eq!(
        review
            .changes
            .iter()
            .map(|c| c.field.as_str())
            .collect::<Vec<_>>(),
        ["title_en"],
        "only the changed field is shown"
    );
    assert_eq!(store.approve(status.id, false).expect("approve"), 2);
    assert_eq!(store.profile(&id).expect("db"), Some((2, edit)));
    let list = client.submissions(&token).expect("list");
    assert_eq!(list[0].state, ReviewState::Approved);
    assert!(list[0].decided.is_some());
    let audit = store.audit_log().expect("audit");
    let last = audit.last().expect("rows");
    assert_eq!(
        (
            last.actor.as_str(),
            last.action.as_str(),
            last.exhibitor_id.as_deref()
        ),
        ("organiser", "approve", Some(id.as_str()))
    );
    assert_eq!(last.submission_id, Some(status.id as i64));
    assert!(
        audit
            .iter()
            .any(|r| r.actor == format!("exhibitor:{id}") && r.action == "submit"),
        "the exhibitor's submission is in the log under its own name"
    );
    let again = store.approve(status.id, false).expect_err("approved once");
    assert!(again.to_string().contains("not pending"), "{again}");
}

#[test]
fn a_rejection_records_the_reason_the_exhibitor_then_reads() {
    let hub = TestHub::start(2);
    let client = hub.client();
    let (id, token) = hub.sign_in(1);
    let own = client.profile(&token).expect("profile");
    let status = client
        .submit(
            &token,
            &Submit {
                base_version: own.version,
                profile: own.profile.clone(),
            },
        )
        .expect("submit");
    let mut store = hub.store();
    let empty = store
        .reject(status.id, "  ")
        .expect_err("a reason is needed");
    assert!(empty.to_string().contains("--reason"), "{empty}");
    store
        .reject(status.id, "The logo is blurry; please upload a larger one.")
        .expect("reject");
    let list = client.submissions(&token).expect("list");
    assert_eq!(list[0].state, ReviewState::Rejected);
    assert_eq!(
        list[0].reason.as_deref(),
        Some("The logo is blurry; please upload a larger one.")
    );
    assert_eq!(
        store.profile(&id).expect("db").map(|p| p.0),
        Some(1),
        "nothing applied"
    );
}

#[test]
fn approving_over_a_profile_that_moved_is_a_conflict_until_overwrite() {
    let hub = TestHub::start(2);
    let client = hub.client();
    let (id, token) = hub.sign_in(0);
    let own = client.profile(&token).expect("profile");
    let mut first = own.profile.clone();
    first.description_en = Some("Approved first.".into());
    let s1 = client
        .submit(
            &token,
            &Submit {
                base_version: 1,
                profile: first.clone(),
            },
        )
        .expect("submit");
    let mut store = hub.store();
    store.approve(s1.id, false).expect("version 2");

    // The API cannot make this state (a submission must be based on the current version, and a
    // newer one supersedes the pending one); a submission made from version 1 that is still
    // pending after version 2 exists (restored data, a second path in later) is written directly.
    let mut late = own.profile.clone();
    late.description_en = Some("Made from version 1.".into());
    let db = rusqlite::Connection::open(hub.data.join("hub.sqlite")).expect("db");
    db.execute(
        "INSERT INTO submissions (exhibitor_id, base_version, profile, state, submitted)
         VALUES (?1, 1, ?2, 'pending', '2026-01-01T00:00:00Z')",
        rusqlite::params![id, serde_json::to_string(&late).expect("json")],
    )
    .expect("a late submission");
    let late_id = db.last_insert_rowid() as u64;

    let review = fairway_hub::review::review(&store, late_id).expect("review");
    assert!(review.conflict, "the profile moved from 1 to 2");
    assert_eq!(review.current_version, 2);
    let change = &review.changes[0];
    assert_eq!(change.field, "description_en");
    assert_eq!(change.current.as_deref(), Some("Approved first."));
    assert_eq!(change.submitted.as_deref(), Some("Made from version 1."));

    let refused = store.approve(late_id, false).expect_err("a conflict");
    let message = refused.to_string();
    assert!(
        message.contains("conflict") && message.contains("--overwrite"),
        "{message}"
    );
    assert_eq!(
        store.profile(&id).expect("db").map(|p| p.1.description_en),
        Some(Some("Approved first.".into())),
        "nothing was overwritten"
    );
    assert_eq!(store.approve(late_id, true).expect("overwrite"), 3);
    assert_eq!(
        store.profile(&id).expect("db").map(|p| p.1.description_en),
        Some(Some("Made from version 1.".into()))
    );
    let last = store.audit_log().expect("audit").pop().expect("a row");
    assert!(
        last.detail
            .as_deref()
            .is_some_and(|d| d.contains("overwriting")),
        "the overwrite is on record: {last:?}"
    );
}

#[test]
fn audit_rows_can_be_neither_updated_nor_deleted() {
    let hub = TestHub::stopped(2);
    let db = rusqlite::Connection::open(hub.data.join("hub.sqlite")).expect("db");
    let rows: i64 = db
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .expect("count");
    assert!(rows >= 3, "init and two code issues are on record");
    let update = db
        .execute("UPDATE audit SET actor = 'nobody'", [])
        .expect_err("no update");
    assert!(update.to_string().contains("append-only"), "{update}");
    let delete = db.execute("DELETE FROM audit", []).expect_err("no delete");
    assert!(delete.to_string().contains("append-only"), "{delete}");
    let after: i64 = db
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .expect("count");
    assert_eq!(after, rows);
}

#[test]
fn a_published_snapshot_installs_from_the_hubs_feed_with_the_approved_description_and_logo() {
    let hub = TestHub::start(3);
    let client = hub.client();
    let (id, token) = hub.sign_in(2);
    let own = client.profile(&token).expect("profile");
    let logo = client
        .upload_image(&token, ImageRole::Logo, &png(400, 400, 200))
        .expect("upload");
    let picture = client
        .upload_image(&token, ImageRole::Product, &png(1600, 1200, 50))
        .expect("a product picture");
    let mut edit = own.profile.clone();
    edit.description_en = Some("Hand-made bamboo steamers since 1987.".into());
    edit.logo = Some(logo.name.clone());
    edit.products.insert(
        0,
        fairway_core::edit::ProductEdit {
            name_en: "Bamboo steamer, 30 cm".into(),
            image: Some(picture.name.clone()),
            ..Default::default()
        },
    );
    let status = client
        .submit(
            &token,
            &Submit {
                base_version: own.version,
                profile: edit,
            },
        )
        .expect("submit");
    let mut store = hub.store();
    store.approve(status.id, false).expect("approve");

    let keys = hub.dir.path().join("keys");
    std::fs::create_dir_all(&keys).expect("keys");
    let (public, secret) = fairway_core::snapshot::keygen(&keys).expect("keygen");
    let feed_dir = hub.data.join("feed");
    let published = fairway_hub::publish::publish(&mut store, &secret, &feed_dir).expect("publish");
    assert_eq!(published.sequence, 1);
    let second = fairway_hub::publish::publish(&mut store, &secret, &feed_dir).expect("again");
    assert_eq!(second.sequence, 2, "each publish is the next sequence");

    let kiosk = tempfile::tempdir().expect("kiosk");
    let library = Library::open(
        kiosk.path(),
        vec![PublicKey::read(&public).expect("public key")],
    )
    .expect("library");
    let installed = library
        .install(&Feed::parse(&format!("{}/feed", hub.url())))
        .expect("the kiosk installs from the hub's HTTP feed");
    assert_eq!(installed.pointer.sequence, 2);
    let snapshot = Snapshot::open(&installed.path).expect("open");
    let profile = snapshot
        .exhibitor(&id)
        .expect("query")
        .expect("the exhibitor");
    assert_eq!(
        profile.description_en.as_deref(),
        Some("Hand-made bamboo steamers since 1987.")
    );
    let shown = profile.logo.expect("a logo");
    assert_eq!(
        (shown.width, shown.height),
        (logo.width, logo.height),
        "the uploaded logo is the one shown"
    );
    assert_eq!(
        shown.sha256, logo.sha256,
        "re-encoding a re-encoded logo keeps its bytes"
    );
}
