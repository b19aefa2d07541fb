//! Contact cards from hostile profiles: random Unicode (CJK, emoji, `; , \`, CR, LF, tabs,
//! control characters) and very long values. The writer never panics, the vCard always reads
//! back, escaping round-trips, and the budget always holds.

use fairway_core::card::{
    CardField, CardOptions, ContactCard, DROP_ORDER, MAX_QR_VERSION, PAYLOAD_BUDGET, clean,
    parse_vcard,
};
use fairway_core::model::Language;
use fairway_core::snapshot::{BoothPlace, Contact, ExhibitorProfile, ProfileLabels};
use proptest::prelude::*;

/// Text made of the characters that break vCards and QR encoders, in runs up to `max` long.
fn hostile(max: usize) -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just(";".to_string()),
        Just(",".to_string()),
        Just("\\".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{7f}".to_string()),
        Just("\u{feff}".to_string()),
        Just(":".to_string()),
        Just(" ".to_string()),
        "[\\u{4e00}-\\u{9fff}]{1,6}",
        "[\\u{1f300}-\\u{1faff}]{1,3}",
        "[a-zA-Z0-9 .'-]{1,12}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(pieces, 0..max).prop_map(|v| v.concat())
}

fn optional(max: usize) -> impl Strategy<Value = Option<String>> {
    prop::option::of(hostile(max))
}

fn profile() -> impl Strategy<Value = ExhibitorProfile> {
    let names = (hostile(60), optional(60), optional(30), optional(30));
    let contact = (
        optional(30),
        optional(30),
        optional(40),
        prop::option::of("\\+[0-9 ]{6,18}|[0-9+() -]{0,20}"),
    );
    let place = (
        optional(200),
        prop::collection::vec(("[A-Z0-9-]{1,8}", hostile(6), hostile(6)), 0..4),
    );
    (names, contact, place).prop_map(
        |(
            (name_en, name_zh, contact_en, contact_zh),
            (title_en, title_zh, email, phone),
            (website, booths),
        )| {
            ExhibitorProfile {
                id: "X1".to_string(),
                name_en,
                name_zh,
                country: None,
                pavilion: None,
                booths: booths.iter().map(|b| b.0.clone()).collect(),
                categories: Vec::new(),
                website: website.map(|w| format!("https://{w}")),
                description_en: None,
                description_zh: None,
                contact: Contact {
                    name_en: contact_en,
                    name_zh: contact_zh,
                    title_en,
                    title_zh,
                    email,
                    phone,
                },
                products: Vec::new(),
                logo: None,
                labels: ProfileLabels {
                    pavilion: None,
                    categories: Vec::new(),
                    booths: booths
                        .into_iter()
                        .map(|(code, hall_en, hall_zh)| BoothPlace {
                            code,
                            hall: "H".to_string(),
                            hall_name_en: hall_en,
                            hall_name_zh: hall_zh,
                            x_m: 0.0,
                            y_m: 0.0,
                            width_m: 3.0,
                            depth_m: 3.0,
                        })
                        .collect(),
                },
            }
        },
    )
}

fn language() -> impl Strategy<Value = Language> {
    prop_oneof![Just(Language::Zh), Just(Language::En)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_profile_gives_a_card_within_budget_that_reads_back(profile in profile(), primary in language()) {
        let card = ContactCard::from_profile(&profile, CardOptions { primary, ..CardOptions::default() });
        let text = card.vcard();
        prop_assert!(text.len() <= PAYLOAD_BUDGET, "{} bytes is over the budget", text.len());
        prop_assert_eq!(parse_vcard(&text), Ok(card.fields.clone()), "the vCard reads back: {:?}", text);
        let symbol = card.qr().expect("a card within budget always encodes");
        prop_assert!(symbol.version() <= MAX_QR_VERSION, "version {}", symbol.version());
        // Dropped fields follow the documented order.
        let positions: Vec<usize> = card
            .dropped
            .iter()
            .map(|f| DROP_ORDER.iter().position(|d| d == f).expect("a dropped field is in DROP_ORDER"))
            .collect();
        prop_assert!(positions.windows(2).all(|w| w[0] < w[1]), "drops follow DROP_ORDER: {:?}", card.dropped);
        prop_assert!(card.shortened.iter().all(|f| *f == CardField::Organisation));
    }

    #[test]
    fn with_room_to_spare_every_value_survives_exactly_as_cleaned(
        name_en in hostile(20),
        contact_zh in optional(20),
        title_en in optional(20),
        email in optional(20),
    ) {
        let mut profile = base_profile();
        profile.name_en = name_en.clone();
        profile.name_zh = None;
        profile.contact.name_zh = contact_zh.clone();
        profile.contact.title_en = title_en.clone();
        profile.contact.email = email.clone();
        let card = ContactCard::from_profile(&profile, CardOptions { primary: Language::Zh, budget: usize::MAX });
        prop_assert!(card.dropped.is_empty() && card.shortened.is_empty(), "nothing is dropped without a budget");
        let read = parse_vcard(&card.vcard()).expect("the vCard reads back");
        let cleaned = |v: &Option<String>| v.as_deref().map(clean).filter(|s| !s.is_empty());
        let company = Some(clean(&name_en)).filter(|s| !s.is_empty());
        prop_assert_eq!(&read.organisation, &company, "ORG is the cleaned company name");
        let person = cleaned(&contact_zh);
        prop_assert_eq!(&read.formatted_name, &person.or(company).unwrap_or_default(), "FN is the person, or else the company");
        prop_assert_eq!(&read.title, &cleaned(&title_en));
        prop_assert_eq!(&read.email, &cleaned(&email));
    }

    #[test]
    fn cleaning_leaves_no_control_character_but_newline(value in hostile(40)) {
        let cleaned = clean(&value);
        prop_assert!(cleaned.chars().all(|c| c == '\n' || !c.is_control()), "{:?}", cleaned);
        prop_assert!(!cleaned.contains('\r'));
    }
}

fn base_profile() -> ExhibitorProfile {
    ExhibitorProfile {
        id: "X1".to_string(),
        name_en: "Base".to_string(),
        name_zh: None,
        country: None,
        pavilion: None,
        booths: Vec::new(),
        categories: Vec::new(),
        website: None,
        description_en: None,
        description_zh: None,
        contact: Contact {
            name_en: None,
            name_zh: None,
            title_en: None,
            title_zh: None,
            email: None,
            phone: None,
        },
        products: Vec::new(),
        logo: None,
        labels: ProfileLabels {
            pavilion: None,
            categories: Vec::new(),
            booths: Vec::new(),
        },
    }
}

#[test]
fn an_enormous_profile_is_cut_down_to_the_budget_in_the_documented_order() {
    let long = "长".repeat(500);
    let mut profile = base_profile();
    profile.name_en = format!("Very; Long, Company\\ {}", "x".repeat(400));
    profile.name_zh = Some(long.clone());
    profile.contact = Contact {
        name_en: Some("A".repeat(300)),
        name_zh: Some(long.clone()),
        title_en: Some("T".repeat(300)),
        title_zh: Some(long.clone()),
        email: Some(format!("{}@example.com", "e".repeat(200))),
        phone: Some("+442079460000".to_string()),
    };
    profile.website = Some(format!("https://{}.example", "w".repeat(300)));
    profile.labels.booths.push(BoothPlace {
        code: "N1-A01".to_string(),
        hall: "N1".to_string(),
        hall_name_en: "Hall N1".to_string(),
        hall_name_zh: "N1馆".to_string(),
        x_m: 0.0,
        y_m: 0.0,
        width_m: 3.0,
        depth_m: 3.0,
    });
    let card = ContactCard::from_profile(&profile, CardOptions::default());
    assert_eq!(
        card.dropped,
        DROP_ORDER.to_vec(),
        "every droppable field goes, in order"
    );
    assert_eq!(
        card.shortened,
        vec![CardField::Organisation],
        "then the company name is cut"
    );
    let text = card.vcard();
    assert!(text.len() <= PAYLOAD_BUDGET, "{} bytes fit", text.len());
    assert!(
        card.fields.formatted_name.ends_with('…') && card.fields.formatted_name.starts_with("长"),
        "the primary (Chinese) company name survives, shortened: {}",
        card.fields.formatted_name
    );
}

#[test]
fn a_profile_without_a_contact_person_is_named_after_the_company() {
    let mut profile = base_profile();
    profile.name_en = "Chongqing Yujiang Bank".to_string();
    profile.name_zh = Some("重庆渝江银行".to_string());
    let card = ContactCard::from_profile(&profile, CardOptions::default());
    assert_eq!(
        card.fields.formatted_name,
        "重庆渝江银行 Chongqing Yujiang Bank"
    );
    assert_eq!(
        card.fields.name, card.fields.formatted_name,
        "N says what FN says"
    );
}

#[test]
fn a_plain_http_website_and_a_malformed_phone_stay_off_the_card() {
    let mut profile = base_profile();
    profile.website = Some("http://example.com".to_string());
    profile.contact.phone = Some("0044 20 7946 0000".to_string());
    let card = ContactCard::from_profile(&profile, CardOptions::default());
    assert_eq!(card.fields.url, None, "only https URLs go on a card");
    assert_eq!(card.fields.phone, None, "only E.164 numbers go on a card");
}
