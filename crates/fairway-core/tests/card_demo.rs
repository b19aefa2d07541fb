//! Every exhibitor of the demo fair gets a contact card whose QR decodes again, with rqrr, to
//! exactly the vCard bytes, and whose vCard reads back into the same fields.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fairway_core::build::{BuildOptions, build};
use fairway_core::card::{
    CardOptions, CardView, ContactCard, MAX_QR_VERSION, PAYLOAD_BUDGET, SegmentMode, parse_vcard,
};
use fairway_core::model::Language;
use fairway_core::snapshot::{ExhibitorFilter, Snapshot};

/// The demo fair built once for every test here: (temp dir kept alive, snapshot path).
fn demo_snapshot() -> &'static Path {
    static SNAPSHOT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = SNAPSHOT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-fair");
        let report = build(&source, &dir.path().join("feed"), &BuildOptions::default())
            .unwrap_or_else(|e| panic!("the demo fair builds: {e}"));
        (dir, report.snapshot)
    });
    path
}

/// Decodes the first QR code rqrr finds in a PNG, as raw bytes.
fn decode_png(png: &[u8]) -> Vec<u8> {
    let image = image::load_from_memory(png)
        .expect("the PNG loads")
        .to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "rqrr finds exactly one QR code");
    let mut bytes = Vec::new();
    grids[0].decode_to(&mut bytes).expect("rqrr decodes the QR");
    bytes
}

#[test]
fn every_demo_exhibitor_card_round_trips_through_rqrr_in_both_languages() {
    let snapshot = Snapshot::open(demo_snapshot()).expect("the snapshot opens");
    let list = snapshot
        .exhibitors(&ExhibitorFilter::default())
        .expect("the exhibitors list");
    assert!(list.len() >= 300, "the demo fair has its exhibitors");
    let mut with_chinese_contact = 0;
    for summary in &list {
        let profile = snapshot
            .exhibitor(&summary.id)
            .expect("the profile reads")
            .expect("the listed exhibitor exists");
        for primary in [Language::Zh, Language::En] {
            let card = ContactCard::from_profile(
                &profile,
                CardOptions {
                    primary,
                    ..CardOptions::default()
                },
            );
            let text = card.vcard();
            let id = &profile.id;
            assert!(
                text.len() <= PAYLOAD_BUDGET,
                "{id}: {} bytes is over the budget",
                text.len()
            );
            assert_eq!(
                parse_vcard(&text).as_ref(),
                Ok(&card.fields),
                "{id}: the vCard reads back into the card's fields"
            );
            let symbol = card.qr().expect("a card within budget encodes");
            assert!(
                symbol.version() <= MAX_QR_VERSION,
                "{id}: version {} is over {MAX_QR_VERSION}",
                symbol.version()
            );
            let modes: Vec<SegmentMode> = symbol.segments().iter().map(|s| s.mode).collect();
            assert_eq!(
                modes,
                vec![SegmentMode::Byte],
                "{id}: one byte-mode segment, never Kanji or ECI"
            );
            let png = symbol.to_png(4).expect("the PNG writes");
            assert_eq!(
                decode_png(&png),
                text.as_bytes(),
                "{id}: rqrr reads exactly the vCard bytes back from the PNG"
            );
        }
        if profile.contact.name_zh.is_some() {
            with_chinese_contact += 1;
        }
    }
    assert!(
        with_chinese_contact > 0,
        "the demo fair has contacts with Chinese names to test"
    );
}

#[test]
fn the_first_demo_card_carries_both_languages_and_the_booth() {
    let snapshot = Snapshot::open(demo_snapshot()).expect("the snapshot opens");
    let profile = snapshot
        .exhibitor("E0001")
        .expect("the profile reads")
        .expect("E0001 exists");
    // Without a budget the card shows everything it could carry.
    let full = ContactCard::from_profile(
        &profile,
        CardOptions {
            primary: Language::Zh,
            budget: usize::MAX,
        },
    );
    let text = full.vcard();
    for line in [
        "BEGIN:VCARD\r\nVERSION:3.0\r\n",
        "N:陈晓明 Chen Xiaoming;;;;\r\n",
        "FN:陈晓明 Chen Xiaoming\r\n",
        "ORG:重庆渝江银行 Chongqing Yujiang Bank\r\n",
        "TITLE:海外销售代表 / Overseas Sales Representative\r\n",
        "TEL;TYPE=WORK:+442079460000\r\n",
        "EMAIL:yujiang-bank@example.cn\r\n",
        "URL:https://yujiang-bank.example.cn\r\n",
        "NOTE:N1馆 N1-A01展位 / Hall N1 · Booth N1-A01\r\n",
    ] {
        assert!(text.contains(line), "the full card has {line:?}: {text}");
    }
    assert!(
        text.ends_with("END:VCARD\r\n"),
        "the card ends with END:VCARD"
    );
    assert!(
        full.dropped.is_empty(),
        "nothing is dropped without a budget"
    );

    let budgeted = ContactCard::from_profile(&profile, CardOptions::default());
    assert!(
        budgeted.vcard().len() <= PAYLOAD_BUDGET,
        "the budgeted card fits"
    );
    if !budgeted.dropped.is_empty() {
        assert_eq!(
            budgeted.dropped[0],
            fairway_core::card::CardField::Note,
            "the note is the first to go"
        );
    }
}

#[test]
fn the_svg_is_dark_on_light_with_crisp_edges() {
    let snapshot = Snapshot::open(demo_snapshot()).expect("the snapshot opens");
    let profile = snapshot
        .exhibitor("E0002")
        .expect("the profile reads")
        .expect("E0002 exists");
    let symbol = ContactCard::from_profile(&profile, CardOptions::default())
        .qr()
        .expect("encodes");
    let svg = symbol.to_svg();
    let side = symbol.width() + 8;
    assert!(svg.starts_with("<svg "), "an SVG document");
    assert!(
        svg.contains(r#"shape-rendering="crispEdges""#),
        "modules stay sharp when scaled"
    );
    assert!(
        svg.contains(&format!(r#"viewBox="0 0 {side} {side}""#)),
        "the view box holds the symbol and a quiet zone of four modules on each side"
    );
    assert!(
        svg.contains(r##"fill="#ffffff""##) && svg.contains(r##"fill="#000000""##),
        "dark modules on a light background"
    );
}

#[test]
fn the_kiosk_view_of_a_card_holds_the_card_bytes_and_a_website_qr_only_for_https_sites() {
    let snapshot = Snapshot::open(demo_snapshot()).expect("the snapshot opens");
    let list = snapshot
        .exhibitors(&ExhibitorFilter::default())
        .expect("the exhibitors list");
    let (mut with_site, mut without_site) = (0, 0);
    for summary in list.iter().take(120) {
        let profile = snapshot
            .exhibitor(&summary.id)
            .expect("the profile reads")
            .expect("the listed exhibitor exists");
        for primary in [Language::Zh, Language::En] {
            let view = CardView::of(&profile, primary).expect("the view encodes");
            let card = ContactCard::from_profile(
                &profile,
                CardOptions {
                    primary,
                    ..CardOptions::default()
                },
            );
            assert_eq!(
                view.qr.payload,
                card.vcard(),
                "{}: the QR holds the card",
                profile.id
            );
            assert_eq!(
                view.fields, card.fields,
                "the screen shows what the card carries"
            );
            assert!(view.qr.version <= MAX_QR_VERSION);
            let symbol = card.qr().expect("encodes");
            assert_eq!(
                view.qr.path,
                symbol.svg_path(),
                "the drawn path is the symbol's"
            );
            assert_eq!(view.qr.size as usize, symbol.width_with_quiet_zone());
            let https = profile
                .website
                .as_deref()
                .is_some_and(|w| w.to_ascii_lowercase().starts_with("https://"));
            match &view.website {
                Some(site) => {
                    assert!(https, "{}: a website QR only for an https site", profile.id);
                    assert!(site.payload.starts_with("https://"));
                    let decoded = decode_png(
                        &fairway_core::card::qr::encode(site.payload.as_bytes())
                            .expect("encodes")
                            .to_png(4)
                            .expect("renders"),
                    );
                    assert_eq!(decoded, site.payload.as_bytes());
                    with_site += 1;
                }
                None => {
                    assert!(!https, "{}: an https site gets its QR", profile.id);
                    without_site += 1;
                }
            }
        }
    }
    assert!(with_site > 0, "some demo exhibitors have an https website");
    // The demo fair's sites are all https; an http site or none gets no website QR.
    let mut profile = snapshot
        .exhibitor(&list[0].id)
        .expect("the profile reads")
        .expect("exists");
    for site in [Some("http://example.com".to_string()), None] {
        profile.website = site;
        let view = CardView::of(&profile, Language::En).expect("the view encodes");
        assert!(view.website.is_none(), "no QR for {:?}", profile.website);
        assert!(view.fields.url.is_none());
        without_site += 1;
    }
    assert_eq!(without_site, 2);
}
