//! Contact cards: an exhibitor's contact as a vCard 3.0 inside a QR code that phone cameras
//! read offline, in both languages.
//!
//! [`ContactCard::from_profile`] takes an [`ExhibitorProfile`], cleans every value (control
//! characters removed, tabs turned into spaces, line breaks normalised to `\n`), joins the two
//! languages (the primary one first) and writes the vCard with [`vcard::write_vcard`]. The
//! payload has a budget ([`PAYLOAD_BUDGET`] bytes, which keeps the QR at version 13 or lower at
//! error correction M, so it scans from half a metre). A card over the budget loses fields in
//! the fixed order of [`DROP_ORDER`], and as a last resort its remaining name is shortened;
//! the card lists what it dropped and shortened, so the exhibitor editor can show what will be
//! left out. [`qr::encode`] turns the payload into a byte-mode QR symbol (SVG or PNG).
//!
//! There is no `ADR` property: the profile has no postal address. The `NOTE` says where the
//! exhibitor stands at the fair (hall and booth), which is what a visitor looks for later.

pub mod qr;
pub mod vcard;

use serde::Serialize;
use ts_rs::TS;

use crate::model::Language;
use crate::snapshot::ExhibitorProfile;

pub use qr::{QUIET_ZONE, QrError, QrSymbol, Segment, SegmentMode};
pub use vcard::{CardFields, VCardError, parse_vcard, write_vcard};

/// The most bytes a card's vCard may take. Version 13 at error correction M holds 331 bytes
/// in byte mode and version 12 holds 287, so 300 bytes always land on version 13 or lower.
pub const PAYLOAD_BUDGET: usize = 300;

/// The highest QR version a card may need (follows from [`PAYLOAD_BUDGET`]).
pub const MAX_QR_VERSION: u8 = 13;

/// A part of a card that can be left out to meet the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CardField {
    /// `NOTE`: hall and booth.
    Note,
    /// The second-language halves of the names (`N`, `FN`), `ORG` and `TITLE`.
    SecondLanguage,
    /// `TITLE`.
    Title,
    /// `URL`.
    Url,
    /// `EMAIL`.
    Email,
    /// `TEL`.
    Phone,
    /// The contact person's name; `N` and `FN` fall back to the company name.
    ContactName,
    /// `ORG`, only ever shortened (never dropped), as the very last resort.
    Organisation,
}

impl CardField {
    /// The field's name as the editor and the command line show it (`second_language`).
    pub fn as_str(self) -> &'static str {
        match self {
            CardField::Note => "note",
            CardField::SecondLanguage => "second_language",
            CardField::Title => "title",
            CardField::Url => "url",
            CardField::Email => "email",
            CardField::Phone => "phone",
            CardField::ContactName => "contact_name",
            CardField::Organisation => "organisation",
        }
    }
}

/// The order in which fields leave a card that is over the budget: the fair-only note first,
/// then the second language, then what a visitor can most easily find again elsewhere. What
/// is left after all of these (the company name, as `N`, `FN` and `ORG`) is shortened with an
/// ellipsis until it fits.
pub const DROP_ORDER: [CardField; 7] = [
    CardField::Note,
    CardField::SecondLanguage,
    CardField::Title,
    CardField::Url,
    CardField::Email,
    CardField::Phone,
    CardField::ContactName,
];

/// How to build a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardOptions {
    /// The language that comes first in every two-language value and survives the budget.
    pub primary: Language,
    /// The payload budget in bytes; [`PAYLOAD_BUDGET`] unless a test wants another.
    pub budget: usize,
}

impl Default for CardOptions {
    fn default() -> Self {
        CardOptions {
            primary: Language::Zh,
            budget: PAYLOAD_BUDGET,
        }
    }
}

/// An exhibitor's contact card: the fields it carries and what the budget took away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactCard {
    pub exhibitor_id: String,
    pub fields: CardFields,
    /// Fields left out to meet the budget, in [`DROP_ORDER`]; only fields the profile had.
    pub dropped: Vec<CardField>,
    /// Fields whose value was cut short (with `…`) to meet the budget.
    pub shortened: Vec<CardField>,
}

/// A value in up to two languages, already cleaned, primary first.
#[derive(Debug, Clone, Default)]
struct Pair {
    primary: Option<String>,
    secondary: Option<String>,
}

impl Pair {
    fn new(en: Option<&str>, zh: Option<&str>, primary: Language) -> Pair {
        let (first, second) = match primary {
            Language::En => (en, zh),
            Language::Zh => (zh, en),
        };
        let first = first.map(clean).filter(|s| !s.is_empty());
        let second = second.map(clean).filter(|s| !s.is_empty());
        // Identical names in both columns (common for brands) are said once.
        let second = second.filter(|s| Some(s) != first.as_ref());
        match first {
            Some(p) => Pair {
                primary: Some(p),
                secondary: second,
            },
            // Only the other language exists: it is the value, and there is no second one.
            None => Pair {
                primary: second,
                secondary: None,
            },
        }
    }

    fn is_empty(&self) -> bool {
        self.primary.is_none()
    }

    fn joined(&self, both: bool, separator: &str) -> Option<String> {
        let primary = self.primary.clone()?;
        match (&self.secondary, both) {
            (Some(second), true) => Some(format!("{primary}{separator}{second}")),
            _ => Some(primary),
        }
    }
}

/// Everything a card can say before the budget is applied.
#[derive(Debug, Clone)]
struct Draft {
    company: Pair,
    person: Pair,
    title: Pair,
    phone: Option<String>,
    email: Option<String>,
    url: Option<String>,
    note: Option<String>,
}

impl ContactCard {
    /// Builds the card of `profile`, within `options.budget` bytes.
    pub fn from_profile(profile: &ExhibitorProfile, options: CardOptions) -> ContactCard {
        let primary = options.primary;
        let contact = &profile.contact;
        let draft = Draft {
            company: Pair::new(Some(&profile.name_en), profile.name_zh.as_deref(), primary),
            person: Pair::new(
                contact.name_en.as_deref(),
                contact.name_zh.as_deref(),
                primary,
            ),
            title: Pair::new(
                contact.title_en.as_deref(),
                contact.title_zh.as_deref(),
                primary,
            ),
            phone: contact.phone.as_deref().and_then(e164),
            email: contact
                .email
                .as_deref()
                .map(clean)
                .filter(|s| !s.is_empty()),
            url: profile.website.as_deref().and_then(https_url),
            note: booth_note(profile, primary),
        };
        fit(&profile.id, draft, options.budget)
    }

    /// The vCard text, exactly the bytes inside the QR.
    pub fn vcard(&self) -> String {
        write_vcard(&self.fields)
    }

    /// The QR symbol of [`ContactCard::vcard`].
    pub fn qr(&self) -> Result<QrSymbol, QrError> {
        qr::encode(self.vcard().as_bytes())
    }
}

/// A QR symbol as the kiosk draws it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QrPicture {
    /// Modules per side, quiet zone included: the SVG `viewBox` is `0 0 size size`.
    pub size: u32,
    /// [`QrSymbol::svg_path`]: the dark modules, in module units.
    pub path: String,
    pub version: u8,
    /// Exactly the bytes inside the symbol (UTF-8 text).
    pub payload: String,
}

impl QrPicture {
    /// Encodes `payload` (byte mode, error correction M) and describes the symbol.
    pub fn of(payload: &str) -> Result<QrPicture, QrError> {
        let symbol = qr::encode(payload.as_bytes())?;
        Ok(QrPicture {
            size: u32::try_from(symbol.width_with_quiet_zone()).unwrap_or(u32::MAX),
            path: symbol.svg_path(),
            version: symbol.version(),
            payload: payload.to_string(),
        })
    }
}

/// The "Take contact" screen's data: the card's fields as the visitor's phone will get them,
/// what the budget left out, the card's QR, and a second QR for the website when the exhibitor
/// has an https one (even when the budget took the URL off the card).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CardView {
    pub exhibitor_id: String,
    pub fields: CardFields,
    pub dropped: Vec<CardField>,
    pub shortened: Vec<CardField>,
    pub qr: QrPicture,
    pub website: Option<QrPicture>,
}

impl CardView {
    /// The card of `profile` with `primary` first, and its QR codes.
    pub fn of(profile: &ExhibitorProfile, primary: Language) -> Result<CardView, QrError> {
        let card = ContactCard::from_profile(
            profile,
            CardOptions {
                primary,
                ..CardOptions::default()
            },
        );
        let qr = QrPicture::of(&card.vcard())?;
        let website = profile
            .website
            .as_deref()
            .and_then(https_url)
            .map(|url| QrPicture::of(&url))
            .transpose()?;
        Ok(CardView {
            exhibitor_id: card.exhibitor_id,
            fields: card.fields,
            dropped: card.dropped,
            shortened: card.shortened,
            qr,
            website,
        })
    }
}

/// Which parts of the draft are still in.
#[derive(Debug, Clone, Copy)]
struct Keep {
    note: bool,
    second_language: bool,
    title: bool,
    url: bool,
    email: bool,
    phone: bool,
    person: bool,
}

fn fields_of(draft: &Draft, keep: Keep) -> CardFields {
    let both = keep.second_language;
    let company = draft.company.joined(both, " ").unwrap_or_default();
    let person = if keep.person {
        draft.person.joined(both, " ")
    } else {
        None
    };
    let name = person.unwrap_or_else(|| company.clone());
    CardFields {
        name: name.clone(),
        formatted_name: name,
        organisation: Some(company).filter(|c| !c.is_empty()),
        title: keep
            .title
            .then(|| draft.title.joined(both, " / "))
            .flatten(),
        phone: keep.phone.then(|| draft.phone.clone()).flatten(),
        email: keep.email.then(|| draft.email.clone()).flatten(),
        url: keep.url.then(|| draft.url.clone()).flatten(),
        note: keep.note.then(|| draft.note.clone()).flatten(),
    }
}

/// Applies the budget: drops fields in [`DROP_ORDER`] until the vCard fits, then shortens the
/// company name if even that is not enough.
fn fit(id: &str, mut draft: Draft, budget: usize) -> ContactCard {
    let mut keep = Keep {
        note: true,
        second_language: true,
        title: true,
        url: true,
        email: true,
        phone: true,
        person: true,
    };
    let mut dropped = Vec::new();
    let fits = |draft: &Draft, keep: Keep| write_vcard(&fields_of(draft, keep)).len() <= budget;
    for field in DROP_ORDER {
        if fits(&draft, keep) {
            break;
        }
        let present = match field {
            CardField::Note => std::mem::take(&mut keep.note) && draft.note.is_some(),
            CardField::SecondLanguage => {
                std::mem::take(&mut keep.second_language)
                    && [&draft.company, &draft.person, &draft.title]
                        .iter()
                        .any(|p| p.secondary.is_some())
            }
            CardField::Title => std::mem::take(&mut keep.title) && !draft.title.is_empty(),
            CardField::Url => std::mem::take(&mut keep.url) && draft.url.is_some(),
            CardField::Email => std::mem::take(&mut keep.email) && draft.email.is_some(),
            CardField::Phone => std::mem::take(&mut keep.phone) && draft.phone.is_some(),
            CardField::ContactName => std::mem::take(&mut keep.person) && !draft.person.is_empty(),
            CardField::Organisation => false,
        };
        if present {
            dropped.push(field);
        }
    }
    let mut shortened = Vec::new();
    if !fits(&draft, keep) {
        // Only the company name is left, three times (N, FN, ORG); cut it a character at a
        // time. Names are at most a few hundred bytes, so this loop is short.
        let mut chars: Vec<char> = draft
            .company
            .primary
            .clone()
            .unwrap_or_default()
            .chars()
            .collect();
        while !chars.is_empty() {
            chars.pop();
            let mut cut: String = chars.iter().collect::<String>().trim_end().to_string();
            cut.push('…');
            draft.company.primary = Some(cut);
            if fits(&draft, keep) {
                break;
            }
        }
        shortened.push(CardField::Organisation);
    }
    ContactCard {
        exhibitor_id: id.to_string(),
        fields: fields_of(&draft, keep),
        dropped,
        shortened,
    }
}

/// Cleans a value for a card: line breaks (CRLF, CR, LF) become `\n`, tabs become spaces,
/// other control characters go, and the ends are trimmed.
pub fn clean(value: &str) -> String {
    let normalised = value.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = normalised
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    kept.trim().to_string()
}

/// The phone number in E.164 (`+` and 8 to 15 digits), ignoring spaces and punctuation;
/// anything else is left off the card rather than dialled wrong.
fn e164(value: &str) -> Option<String> {
    let trimmed = value.trim();
    let rest = trimmed.strip_prefix('+')?;
    let digits: String = rest
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    let ok = digits.bytes().all(|b| b.is_ascii_digit())
        && (crate::validate::MIN_PHONE_DIGITS..=crate::validate::MAX_PHONE_DIGITS)
            .contains(&digits.len());
    ok.then(|| format!("+{digits}"))
}

/// The website if it is a plain https URL; `,` and `;` are percent-encoded so the URI needs no
/// vCard escaping. URLs with spaces, control characters or backslashes are left off.
fn https_url(value: &str) -> Option<String> {
    let value = value.trim();
    let scheme = value.get(..8)?;
    if !scheme.eq_ignore_ascii_case("https://") || value.len() <= 8 {
        return None;
    }
    if value.contains(|c: char| c.is_whitespace() || c.is_control() || c == '\\') {
        return None;
    }
    let rest = value[8..].replace(',', "%2C").replace(';', "%3B");
    Some(format!("https://{rest}"))
}

/// `Hall N1 · Booth N1-A01 / N1馆 N1-A01展位`: the booths grouped by hall, primary language
/// first. `None` for an exhibitor without a booth.
fn booth_note(profile: &ExhibitorProfile, primary: Language) -> Option<String> {
    let mut halls: Vec<(&str, &str, Vec<&str>)> = Vec::new();
    for place in &profile.labels.booths {
        match halls
            .iter_mut()
            .find(|(en, _, _)| *en == place.hall_name_en)
        {
            Some((_, _, codes)) => codes.push(&place.code),
            None => halls.push((&place.hall_name_en, &place.hall_name_zh, vec![&place.code])),
        }
    }
    if halls.is_empty() {
        return None;
    }
    let en = halls
        .iter()
        .map(|(name, _, codes)| {
            let word = if codes.len() == 1 { "Booth" } else { "Booths" };
            format!("{name} · {word} {}", codes.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let zh = halls
        .iter()
        .map(|(_, name, codes)| format!("{name} {}展位", codes.join("、")))
        .collect::<Vec<_>>()
        .join("；");
    let note = match primary {
        Language::En => format!("{en} / {zh}"),
        Language::Zh => format!("{zh} / {en}"),
    };
    Some(clean(&note))
}
