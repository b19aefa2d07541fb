//! Contact cards at fair scale: for the demo fair and a 20,000-exhibitor synthetic fair, the
//! distribution of QR versions and payload sizes, how many cards hit the budget and what they
//! dropped, and how many would have gone into Kanji mode had the `qrcode` crate chosen the
//! modes; then criterion's time per card (card, QR, SVG, PNG).
//!
//! The synthetic fair is the snapshot named by `FAIRWAY_BENCH_SNAPSHOT`, else
//! `/tmp/big/out/synth-20000-1-1.sqlite` when it exists, else one built with `synth` + `build`
//! in a temporary folder.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::Criterion;
use fairway_core::build::{BuildOptions, build};
use fairway_core::card::{self, CardOptions, ContactCard, PAYLOAD_BUDGET, SegmentMode};
use fairway_core::model::Language;
use fairway_core::snapshot::{ExhibitorFilter, ExhibitorProfile, Snapshot};

fn main() {
    let keep = tempfile::tempdir().expect("a temp dir");
    let demo_source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-fair");
    let demo = build(
        &demo_source,
        &keep.path().join("demo"),
        &BuildOptions::default(),
    )
    .expect("the demo fair builds")
    .snapshot;
    let demo_profiles = profiles(&demo);
    report("demo fair", &demo_profiles);

    let big = big_snapshot(keep.path());
    let big_profiles = profiles(&big);
    report(
        &format!("synthetic fair ({})", big.display()),
        &big_profiles,
    );

    let mut c = Criterion::default().configure_from_args();
    let one = demo_profiles
        .iter()
        .find(|p| p.id == "E0001")
        .expect("E0001 exists")
        .clone();
    let options = CardOptions::default();
    c.bench_function("card: from_profile (E0001)", |b| {
        b.iter(|| ContactCard::from_profile(black_box(&one), options))
    });
    let card = ContactCard::from_profile(&one, options);
    c.bench_function("card: vCard + QR encode (E0001)", |b| {
        b.iter(|| black_box(&card).qr().expect("encodes"))
    });
    let symbol = card.qr().expect("encodes");
    c.bench_function("card: SVG (E0001)", |b| {
        b.iter(|| black_box(&symbol).to_svg())
    });
    c.bench_function("card: PNG at 8 px per module (E0001)", |b| {
        b.iter(|| black_box(&symbol).to_png(8).expect("PNG"))
    });
    c.bench_function("card: card + QR + SVG, every demo exhibitor", |b| {
        b.iter(|| {
            for p in &demo_profiles {
                let card = ContactCard::from_profile(p, options);
                black_box(card.qr().expect("encodes").to_svg());
            }
        })
    });
    c.final_summary();
}

fn big_snapshot(dir: &Path) -> PathBuf {
    if let Ok(path) = std::env::var("FAIRWAY_BENCH_SNAPSHOT") {
        return PathBuf::from(path);
    }
    let known = Path::new("/tmp/big/out/synth-20000-1-1.sqlite");
    if known.exists() && Snapshot::open(known).is_ok() {
        return known.to_path_buf();
    }
    let source = dir.join("synth");
    fairway_core::synth::write_synthetic(&source, 20_000, 1).expect("synth writes");
    build(&source, &dir.join("big"), &BuildOptions::default())
        .expect("the synthetic fair builds")
        .snapshot
}

fn profiles(path: &Path) -> Vec<ExhibitorProfile> {
    let snapshot = Snapshot::open(path).expect("the snapshot opens");
    snapshot
        .exhibitors(&ExhibitorFilter::default())
        .expect("the list")
        .iter()
        .map(|s| {
            snapshot
                .exhibitor(&s.id)
                .expect("reads")
                .expect("the listed exhibitor exists")
        })
        .collect()
}

fn report(label: &str, profiles: &[ExhibitorProfile]) {
    println!("\n== {label}: {} exhibitors", profiles.len());
    for primary in [Language::Zh, Language::En] {
        let options = CardOptions {
            primary,
            ..CardOptions::default()
        };
        let mut versions: BTreeMap<u8, usize> = BTreeMap::new();
        let mut sizes = Vec::new();
        let mut unbudgeted = Vec::new();
        let mut over = 0;
        let mut drops: BTreeMap<&str, usize> = BTreeMap::new();
        let mut shortened = 0;
        let mut kanji_if_automatic = 0;
        let started = Instant::now();
        for p in profiles {
            let card = ContactCard::from_profile(p, options);
            let text = card.vcard();
            let symbol = card.qr().expect("a card within budget encodes");
            assert!(
                symbol
                    .segments()
                    .iter()
                    .all(|s| s.mode == SegmentMode::Byte),
                "byte mode only"
            );
            *versions.entry(symbol.version()).or_default() += 1;
            sizes.push(text.len());
            let full = ContactCard::from_profile(
                p,
                CardOptions {
                    primary,
                    budget: usize::MAX,
                },
            );
            unbudgeted.push(full.vcard().len());
            if !card.dropped.is_empty() || !card.shortened.is_empty() {
                over += 1;
            }
            for f in &card.dropped {
                *drops.entry(f.as_str()).or_default() += 1;
            }
            shortened += usize::from(!card.shortened.is_empty());
            if let Ok(bits) = qrcode::bits::encode_auto(text.as_bytes(), qrcode::EcLevel::M) {
                let version = match bits.version() {
                    qrcode::Version::Normal(v) => u8::try_from(v).unwrap_or(0),
                    qrcode::Version::Micro(_) => 0,
                };
                if card::qr::segments(&bits.into_bytes(), version)
                    .iter()
                    .any(|s| s.mode == SegmentMode::Kanji)
                {
                    kanji_if_automatic += 1;
                }
            }
        }
        let elapsed = started.elapsed();
        // What the budget costs: the same cards at version 13's whole capacity (331 bytes).
        let mut second_language_at_331 = 0;
        for p in profiles {
            let card = ContactCard::from_profile(
                p,
                CardOptions {
                    primary,
                    budget: 331,
                },
            );
            second_language_at_331 +=
                usize::from(card.dropped.contains(&card::CardField::SecondLanguage));
        }
        sizes.sort_unstable();
        unbudgeted.sort_unstable();
        let pct = |v: &[usize], q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
        println!("-- primary language {}", primary.as_str());
        println!(
            "   payload bytes (budget {PAYLOAD_BUDGET}): min {} p50 {} p95 {} max {}; before the budget: min {} p50 {} p95 {} max {}",
            sizes[0],
            pct(&sizes, 0.5),
            pct(&sizes, 0.95),
            sizes[sizes.len() - 1],
            unbudgeted[0],
            pct(&unbudgeted, 0.5),
            pct(&unbudgeted, 0.95),
            unbudgeted[unbudgeted.len() - 1]
        );
        println!("   QR versions: {versions:?}");
        println!(
            "   over budget: {over} of {} ({:.1} %); dropped: {drops:?}; company name shortened: {shortened}",
            profiles.len(),
            100.0 * over as f64 / profiles.len() as f64
        );
        println!(
            "   with a budget of 331 bytes (all of version 13-M) the second language would go from {second_language_at_331}"
        );
        println!(
            "   the crate's automatic modes would use Kanji for {kanji_if_automatic} of these payloads"
        );
        println!(
            "   (loop with two cards, QR, automatic-mode check: {:.1} µs per exhibitor)",
            elapsed.as_secs_f64() * 1e6 / profiles.len() as f64
        );
    }
}
