//! Contact cards from arbitrary profiles: profile → `ContactCard::from_profile` → vCard text →
//! the strict reader.
//!
//! The card must fit its payload budget (so its QR is version 13 or lower), read back as exactly
//! the fields it kept, keep only fields the profile had (each cleaned the documented way), drop
//! only in `DROP_ORDER`, and never panic. The QR itself is left to `tests/card_props.rs`: its
//! mask selection took 57% of the time here (perf), for a version the budget already decides.
#![no_main]

use arbitrary::Arbitrary;
use fairway_core::card::{
    CardField, CardOptions, ContactCard, DROP_ORDER, PAYLOAD_BUDGET, clean, parse_vcard,
};
use fairway_core::model::Language;
use fairway_core::snapshot::{BoothPlace, Contact, ExhibitorProfile, ProfileLabels};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    english_first: bool,
    name_en: String,
    name_zh: Option<String>,
    website: Option<String>,
    contact_name_en: Option<String>,
    contact_name_zh: Option<String>,
    title_en: Option<String>,
    title_zh: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    /// (booth code, hall name in English, hall name in Chinese)
    booths: Vec<(String, String, String)>,
}

fn profile(input: Input) -> ExhibitorProfile {
    ExhibitorProfile {
        id: "E0001".to_string(),
        name_en: input.name_en,
        name_zh: input.name_zh,
        country: None,
        pavilion: None,
        booths: input.booths.iter().map(|b| b.0.clone()).collect(),
        categories: Vec::new(),
        website: input.website,
        description_en: None,
        description_zh: None,
        contact: Contact {
            name_en: input.contact_name_en,
            name_zh: input.contact_name_zh,
            title_en: input.title_en,
            title_zh: input.title_zh,
            email: input.email,
            phone: input.phone,
        },
        products: Vec::new(),
        logo: None,
        labels: ProfileLabels {
            pavilion: None,
            categories: Vec::new(),
            booths: input
                .booths
                .into_iter()
                .map(|(code, hall_name_en, hall_name_zh)| BoothPlace {
                    code,
                    hall: "N1".to_string(),
                    hall_name_en,
                    hall_name_zh,
                    x_m: 0.0,
                    y_m: 0.0,
                    width_m: 3.0,
                    depth_m: 3.0,
                })
                .collect(),
        },
    }
}

fuzz_target!(|input: Input| {
    let primary = if input.english_first {
        Language::En
    } else {
        Language::Zh
    };
    let profile = profile(input);
    let card = ContactCard::from_profile(
        &profile,
        CardOptions {
            primary,
            ..CardOptions::default()
        },
    );
    let text = card.vcard();
    assert!(
        text.len() <= PAYLOAD_BUDGET,
        "{} bytes, over the budget: {text:?}",
        text.len()
    );
    assert_eq!(
        parse_vcard(&text).as_ref(),
        Ok(&card.fields),
        "the vCard reads back as the kept fields: {text:?}"
    );

    let fields = &card.fields;
    let contact = &profile.contact;
    // An e-mail is kept exactly as cleaned, or it was dropped, or there was none.
    let email = contact
        .email
        .as_deref()
        .map(clean)
        .filter(|e| !e.is_empty());
    match (&fields.email, &email) {
        (Some(kept), Some(given)) => assert_eq!(kept, given, "the e-mail is the cleaned one"),
        (Some(kept), None) => panic!("an e-mail {kept:?} the profile does not have"),
        (None, Some(_)) => assert!(
            card.dropped.contains(&CardField::Email),
            "an e-mail left out without being listed as dropped"
        ),
        (None, None) => assert!(
            !card.dropped.contains(&CardField::Email),
            "dropped a missing e-mail"
        ),
    }
    if let Some(phone) = &fields.phone {
        let digits = phone.strip_prefix('+').unwrap_or_default();
        assert!(
            (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()),
            "the phone is E.164: {phone:?}"
        );
        assert!(contact.phone.is_some(), "a phone the profile does not have");
    }
    if let Some(url) = &fields.url {
        assert!(url.starts_with("https://"), "the URL is https: {url:?}");
        assert!(profile.website.is_some(), "a URL the profile does not have");
    }
    if fields.title.is_some() {
        assert!(
            contact.title_en.is_some() || contact.title_zh.is_some(),
            "a title the profile does not have"
        );
    }
    if fields.note.is_some() {
        assert!(
            !profile.labels.booths.is_empty(),
            "a booth note without booths"
        );
    }
    for value in [&fields.name, &fields.formatted_name]
        .into_iter()
        .chain(fields.organisation.iter())
        .chain(fields.title.iter())
        .chain(fields.note.iter())
    {
        assert!(
            !value.chars().any(|c| c.is_control() && c != '\n'),
            "a control character survived cleaning: {value:?}"
        );
    }
    let positions: Vec<usize> = card
        .dropped
        .iter()
        .map(|f| {
            DROP_ORDER
                .iter()
                .position(|d| d == f)
                .expect("a dropped field is in DROP_ORDER")
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "dropped out of order: {:?}",
        card.dropped
    );
});
