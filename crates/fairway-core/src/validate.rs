//! Field rules shared by the importer and (later) the hub: ids, lengths, e-mail, E.164 phone,
//! https URLs, colours, country codes, image names.
//!
//! One place, so that a row of `exhibitors.csv` and an exhibitor's edit sent to the hub are judged
//! by the same rules. The small functions check one value and return a message without a field
//! name; [`exhibitor`] and [`product`] check a whole record and return one [`FieldError`] per bad
//! field, in column order, so an editor can show each message next to its field.
//!
//! Values are checked in their canonical form. [`normalize_exhibitor`] and [`normalize_product`]
//! produce that form (trimmed, blanks as `None`, upper-case country, E.164 phone without
//! separators, de-duplicated lists); run them before validating anything a person typed.
//!
//! Lengths count characters (Unicode scalar values), not bytes, so a Chinese name gets as many
//! characters as an English one.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::country;
use crate::model::{Exhibitor, Product};

/// Longest id, slug or code (exhibitor ids, hall and booth codes, kiosk ids, slugs).
pub const MAX_ID_CHARS: usize = 64;
/// Longest name of an exhibitor, hall, pavilion or category.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest name of the fair itself.
pub const MAX_FAIR_NAME_CHARS: usize = 200;
/// Longest venue name.
pub const MAX_VENUE_CHARS: usize = 200;
/// Longest exhibitor or pavilion description.
pub const MAX_DESCRIPTION_CHARS: usize = 2000;
/// Longest product name.
pub const MAX_PRODUCT_NAME_CHARS: usize = 120;
/// Longest product description.
pub const MAX_PRODUCT_DESCRIPTION_CHARS: usize = 1000;
/// Longest contact person's name.
pub const MAX_CONTACT_NAME_CHARS: usize = 80;
/// Longest job title.
pub const MAX_TITLE_CHARS: usize = 80;
/// Longest e-mail address (RFC 5321's path limit).
pub const MAX_EMAIL_CHARS: usize = 254;
/// Longest website address.
pub const MAX_URL_CHARS: usize = 512;
/// Longest kiosk label.
pub const MAX_LABEL_CHARS: usize = 80;
/// Longest image file name (most file systems allow 255 bytes; we count characters).
pub const MAX_IMAGE_NAME_CHARS: usize = 255;
/// Longest IANA time zone name.
pub const MAX_TIMEZONE_CHARS: usize = 64;
/// Most booths one exhibitor may list.
pub const MAX_BOOTHS_PER_EXHIBITOR: usize = 50;
/// Most categories one exhibitor may list.
pub const MAX_CATEGORIES_PER_EXHIBITOR: usize = 20;
/// Largest coordinate or size, in metres; a venue is smaller than 100 km.
pub const MAX_COORDINATE_M: f64 = 100_000.0;
/// Fewest digits of an E.164 number after the `+`.
pub const MIN_PHONE_DIGITS: usize = 8;
/// Most digits of an E.164 number after the `+` (E.164's own limit).
pub const MAX_PHONE_DIGITS: usize = 15;

/// One rejected field of a record: the field (column) name and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl FieldError {
    fn new(field: &str, message: String) -> Self {
        FieldError {
            field: field.to_owned(),
            message,
        }
    }
}

/// A value quoted for an error message: escaped onto one line and cut short, so that a cell of
/// several megabytes or one holding line breaks still gives a short one-line message.
pub fn quoted(value: &str) -> String {
    const SHOWN: usize = 40;
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(SHOWN).collect();
    if chars.next().is_some() {
        format!("{:?}…", head)
    } else {
        format!("{head:?}")
    }
}

/// An id, slug or code: `[A-Za-z0-9][A-Za-z0-9_.-]{0,63}`.
///
/// Ids end up in file names, URLs and QR payloads, so they stay plain ASCII.
pub fn id(value: &str) -> Result<(), String> {
    let bytes = value.as_bytes();
    let Some(first) = bytes.first() else {
        return Err("is blank; an id is required".to_owned());
    };
    if bytes.len() > MAX_ID_CHARS {
        return Err(format!(
            "is longer than the limit of {MAX_ID_CHARS} characters"
        ));
    }
    let good_rest = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-');
    if !first.is_ascii_alphanumeric() || !bytes[1..].iter().all(good_rest) {
        return Err(format!(
            "{} is not a valid id: use letters A-Z, digits, '_', '.' or '-', starting with a letter or digit",
            quoted(value)
        ));
    }
    Ok(())
}

/// Checks the length (in characters) of a text before anything else looks at it.
fn length(value: &str, max_chars: usize) -> Result<(), String> {
    // Counting stops early, so a cell of many megabytes costs no more than the limit.
    let count = value.chars().take(max_chars + 1).count();
    if count > max_chars {
        return Err(format!(
            "is longer than the limit of {max_chars} characters ({} characters)",
            value.chars().count()
        ));
    }
    Ok(())
}

/// A one-line text such as a name or a title: at most `max_chars` characters, no line breaks or
/// other control characters.
pub fn single_line(value: &str, max_chars: usize) -> Result<(), String> {
    length(value, max_chars)?;
    if let Some(c) = value.chars().find(|c| c.is_control()) {
        return Err(format!(
            "must be one line without control characters (found {c:?})"
        ));
    }
    Ok(())
}

/// A text that may run over several lines, such as a description: at most `max_chars`
/// characters; line breaks and tabs are fine, other control characters are not.
pub fn multi_line(value: &str, max_chars: usize) -> Result<(), String> {
    length(value, max_chars)?;
    if let Some(c) = value
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(format!("must not hold control characters (found {c:?})"));
    }
    Ok(())
}

/// Whether `label` is a DNS label: letters (any script), digits and inner hyphens, 1–63 chars.
fn dns_label(label: &str) -> bool {
    let count = label.chars().count();
    (1..=63).contains(&count)
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// A host name with at least one dot, whose last label is not all digits.
fn host_name(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| dns_label(l))
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && !tld.chars().all(|c| c.is_ascii_digit()))
}

/// An e-mail address, checked pragmatically: `local@domain.tld`, no spaces, at most 254 chars.
///
/// Mail servers decide the rest; this catches the typing mistakes a kiosk would otherwise show.
pub fn email(value: &str) -> Result<(), String> {
    length(value, MAX_EMAIL_CHARS)?;
    let bad = || {
        Err(format!(
            "{} is not an e-mail address like name@example.com",
            quoted(value)
        ))
    };
    let Some((local, domain)) = value.rsplit_once('@') else {
        return bad();
    };
    let local_ok = (1..=64).contains(&local.chars().count())
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| !c.is_whitespace() && !c.is_control() && !"()<>[]\\,;:\"@".contains(c));
    if !local_ok || !host_name(domain) {
        return bad();
    }
    Ok(())
}

/// The canonical E.164 form of a phone number: `+` and 8–15 digits, the first not zero.
///
/// Spaces, hyphens, dots and brackets between digits are accepted and removed, because that is
/// how people write numbers (`+86 23 5550-1234`); the stored form has none.
pub fn phone(value: &str) -> Result<String, String> {
    let bad = || {
        Err(format!(
            "{} is not an international phone number: write + and the country code, e.g. +86 23 5550 1234",
            quoted(value)
        ))
    };
    // Longer than any spelling of 15 digits with separators: refuse before copying it.
    if value.len() > 64 {
        return bad();
    }
    let Some(rest) = value.strip_prefix('+') else {
        return bad();
    };
    let mut digits = String::with_capacity(16);
    digits.push('+');
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' | '\u{a0}' => {}
            _ => return bad(),
        }
    }
    let count = digits.len() - 1;
    if !(MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&count) || digits.as_bytes()[1] == b'0' {
        return bad();
    }
    Ok(digits)
}

/// A website address: `https://`, a host name with a dot, an optional port and path, no spaces.
///
/// Only https is accepted: the kiosk turns websites into QR codes, and a visitor's phone should
/// not be sent to a plain-text page.
pub fn https_url(value: &str) -> Result<(), String> {
    length(value, MAX_URL_CHARS)?;
    let bad = |why: &str| Err(format!("{} {why}", quoted(value)));
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return bad("must not contain spaces or control characters");
    }
    // `get` rather than indexing: byte 8 may fall inside a multi-byte character.
    let Some(rest) = value
        .get(..8)
        .filter(|scheme| scheme.eq_ignore_ascii_case("https://"))
        .and_then(|_| value.get(8..))
    else {
        return bad("is not an https:// address (only https is accepted)");
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    if authority.contains(['@', '\\']) {
        return bad("must not contain a user name or a backslash before the host");
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    if let Some(port) = port
        && !(!port.is_empty()
            && port.len() <= 5
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p)))
    {
        return bad("has a port that is not a number from 1 to 65535");
    }
    if !host_name(host) {
        return bad("has no valid host name (like example.com)");
    }
    Ok(())
}

/// A colour `#rrggbb`; returns it in lower case.
pub fn color(value: &str) -> Result<String, String> {
    let hex = value.strip_prefix('#').unwrap_or("");
    if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(value.to_ascii_lowercase())
    } else {
        Err(format!("{} is not a colour like #1e90ff", quoted(value)))
    }
}

/// An ISO 3166-1 alpha-2 country code (any case); returns it in upper case.
pub fn country(value: &str) -> Result<String, String> {
    match country::find(value) {
        Some(c) => Ok(c.code.to_owned()),
        None => Err(format!(
            "{} is not an ISO 3166-1 alpha-2 country code like TH or CN",
            quoted(value)
        )),
    }
}

/// A file name inside `images/`: a plain name, no folders, no `..`, no control characters.
pub fn image_name(value: &str) -> Result<(), String> {
    length(value, MAX_IMAGE_NAME_CHARS)?;
    if value.is_empty()
        || value.contains(['/', '\\', ':'])
        || value.contains("..")
        || value.starts_with('.')
        || value.chars().any(|c| c.is_control())
    {
        return Err(format!(
            "{} is not a plain file name inside images/ (no folders, no '..')",
            quoted(value)
        ));
    }
    Ok(())
}

/// A calendar date `YYYY-MM-DD`.
pub fn date(value: &str) -> Result<time::Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(value, &format)
        .map_err(|_| format!("{} is not a date like 2026-09-18", quoted(value)))
}

/// An IANA time zone name such as `Asia/Shanghai` (its shape only; the list changes yearly).
pub fn timezone(value: &str) -> Result<(), String> {
    length(value, MAX_TIMEZONE_CHARS)?;
    let ok = value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'))
        && value.starts_with(|c: char| c.is_ascii_alphabetic());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{} is not a time zone name like Asia/Shanghai",
            quoted(value)
        ))
    }
}

/// A length or coordinate in metres: a finite number within [`MAX_COORDINATE_M`].
pub fn metres(value: f64) -> Result<(), String> {
    if value.is_finite() && value.abs() <= MAX_COORDINATE_M {
        Ok(())
    } else {
        Err(format!(
            "{value} is not a distance in metres between -{MAX_COORDINATE_M} and {MAX_COORDINATE_M}"
        ))
    }
}

/// A width or depth in metres: like [`metres`], and greater than zero.
pub fn size(value: f64) -> Result<(), String> {
    metres(value)?;
    if value > 0.0 {
        Ok(())
    } else {
        Err(format!("{value} must be greater than 0"))
    }
}

/// A cell as stored: trimmed, with blank meaning "no value".
fn clean(value: &mut Option<String>) {
    if let Some(v) = value {
        let trimmed = v.trim();
        if trimmed.is_empty() {
            *value = None;
        } else if trimmed.len() != v.len() {
            *v = trimmed.to_owned();
        }
    }
}

/// A list as stored: entries trimmed, blank ones dropped, repeats dropped (first one kept).
fn clean_list(list: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    list.retain_mut(|entry| {
        let trimmed = entry.trim();
        if trimmed.len() != entry.len() {
            *entry = trimmed.to_owned();
        }
        !entry.is_empty() && seen.insert(entry.clone())
    });
}

fn clean_required(value: &mut String) {
    let trimmed = value.trim();
    if trimmed.len() != value.len() {
        *value = trimmed.to_owned();
    }
}

/// Puts an exhibitor into canonical form: every text trimmed, blanks `None`, lists cleaned,
/// country upper case and phone in E.164 without separators (when they can be understood;
/// otherwise they are left for [`exhibitor`] to reject).
pub fn normalize_exhibitor(e: &mut Exhibitor) {
    clean_required(&mut e.id);
    clean_required(&mut e.name_en);
    for field in [
        &mut e.name_zh,
        &mut e.country,
        &mut e.pavilion,
        &mut e.website,
        &mut e.email,
        &mut e.phone,
        &mut e.contact_name_en,
        &mut e.contact_name_zh,
        &mut e.title_en,
        &mut e.title_zh,
        &mut e.description_en,
        &mut e.description_zh,
        &mut e.logo,
    ] {
        clean(field);
    }
    clean_list(&mut e.booths);
    clean_list(&mut e.categories);
    if let Some(code) = &mut e.country
        && let Ok(canonical) = country(code)
    {
        *code = canonical;
    }
    if let Some(number) = &mut e.phone
        && let Ok(canonical) = phone(number)
    {
        *number = canonical;
    }
}

/// Puts a product into canonical form: every text trimmed, blanks `None`.
pub fn normalize_product(p: &mut Product) {
    clean_required(&mut p.exhibitor);
    clean_required(&mut p.name_en);
    for field in [
        &mut p.name_zh,
        &mut p.description_en,
        &mut p.description_zh,
        &mut p.image,
    ] {
        clean(field);
    }
}

/// Collects field errors in column order.
#[derive(Debug, Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    fn check(&mut self, field: &str, result: Result<(), String>) {
        if let Err(message) = result {
            self.0.push(FieldError::new(field, message));
        }
    }

    fn optional(
        &mut self,
        field: &str,
        value: &Option<String>,
        rule: impl Fn(&str) -> Result<(), String>,
    ) {
        if let Some(v) = value {
            self.check(field, rule(v));
        }
    }

    fn required(&mut self, field: &str, value: &str, rule: impl Fn(&str) -> Result<(), String>) {
        if value.trim().is_empty() {
            self.0.push(FieldError::new(
                field,
                "is blank; a value is required".into(),
            ));
        } else {
            self.check(field, rule(value));
        }
    }
}

/// Checks one exhibitor in canonical form (see [`normalize_exhibitor`]); one error per bad field.
///
/// References to pavilions, booths and categories are checked for shape only here; whether they
/// exist is a question for whoever holds the whole fair (the importer or the hub).
pub fn exhibitor(e: &Exhibitor) -> Vec<FieldError> {
    let mut errors = Errors::default();
    errors.required("id", &e.id, id);
    errors.required("name_en", &e.name_en, |v| single_line(v, MAX_NAME_CHARS));
    errors.optional("name_zh", &e.name_zh, |v| single_line(v, MAX_NAME_CHARS));
    errors.optional("country", &e.country, |v| match country(v) {
        Ok(canonical) if canonical == v => Ok(()),
        Ok(canonical) => Err(format!("write the country code in upper case: {canonical}")),
        Err(message) => Err(message),
    });
    errors.optional("pavilion", &e.pavilion, id);
    errors.check("booths", list(&e.booths, MAX_BOOTHS_PER_EXHIBITOR, true));
    errors.check(
        "categories",
        list(&e.categories, MAX_CATEGORIES_PER_EXHIBITOR, false),
    );
    errors.optional("website", &e.website, https_url);
    errors.optional("email", &e.email, email);
    errors.optional("phone", &e.phone, |v| match phone(v) {
        Ok(canonical) if canonical == v => Ok(()),
        Ok(canonical) => Err(format!("write the number without separators: {canonical}")),
        Err(message) => Err(message),
    });
    errors.optional("contact_name_en", &e.contact_name_en, |v| {
        single_line(v, MAX_CONTACT_NAME_CHARS)
    });
    errors.optional("contact_name_zh", &e.contact_name_zh, |v| {
        single_line(v, MAX_CONTACT_NAME_CHARS)
    });
    errors.optional("title_en", &e.title_en, |v| single_line(v, MAX_TITLE_CHARS));
    errors.optional("title_zh", &e.title_zh, |v| single_line(v, MAX_TITLE_CHARS));
    errors.optional("description_en", &e.description_en, |v| {
        multi_line(v, MAX_DESCRIPTION_CHARS)
    });
    errors.optional("description_zh", &e.description_zh, |v| {
        multi_line(v, MAX_DESCRIPTION_CHARS)
    });
    errors.optional("logo", &e.logo, image_name);
    errors.0
}

/// Checks one product in canonical form (see [`normalize_product`]); one error per bad field.
pub fn product(p: &Product) -> Vec<FieldError> {
    let mut errors = Errors::default();
    errors.required("exhibitor", &p.exhibitor, id);
    errors.required("name_en", &p.name_en, |v| {
        single_line(v, MAX_PRODUCT_NAME_CHARS)
    });
    errors.optional("name_zh", &p.name_zh, |v| {
        single_line(v, MAX_PRODUCT_NAME_CHARS)
    });
    errors.optional("description_en", &p.description_en, |v| {
        multi_line(v, MAX_PRODUCT_DESCRIPTION_CHARS)
    });
    errors.optional("description_zh", &p.description_zh, |v| {
        multi_line(v, MAX_PRODUCT_DESCRIPTION_CHARS)
    });
    errors.optional("image", &p.image, image_name);
    errors.0
}

/// A list of ids: at most `max` entries, each a valid id, and at least one when `required`.
fn list(entries: &[String], max: usize, required: bool) -> Result<(), String> {
    if required && entries.is_empty() {
        return Err("is blank; list at least one, separated by ';'".to_owned());
    }
    if entries.len() > max {
        return Err(format!(
            "lists {} entries; the limit is {max}",
            entries.len()
        ));
    }
    for entry in entries {
        id(entry)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_allow_letters_digits_and_inner_punctuation() {
        for good in ["N1", "N1-A01", "ex_0001", "a.b-c_d", "9", &"a".repeat(64)] {
            assert_eq!(id(good), Ok(()), "{good:?} is a valid id");
        }
        for bad in [
            "",
            "-a",
            "_a",
            ".a",
            "a b",
            "a/b",
            "重庆",
            "a\n",
            &"a".repeat(65),
        ] {
            assert!(id(bad).is_err(), "{bad:?} must be refused as an id");
        }
    }

    #[test]
    fn lengths_count_characters_not_bytes() {
        let chinese = "重".repeat(MAX_NAME_CHARS);
        assert_eq!(single_line(&chinese, MAX_NAME_CHARS), Ok(()));
        let too_long = "重".repeat(MAX_NAME_CHARS + 1);
        let message = single_line(&too_long, MAX_NAME_CHARS).expect_err("121 chars is too long");
        assert!(
            message.contains("120"),
            "the message names the limit: {message}"
        );
    }

    #[test]
    fn single_line_refuses_line_breaks_but_multi_line_keeps_them() {
        assert!(single_line("a\nb", 10).is_err());
        assert_eq!(multi_line("a\r\nb\tc", 10), Ok(()));
        assert!(multi_line("a\u{0}b", 10).is_err(), "NUL is not text");
    }

    #[test]
    fn emails_are_checked_pragmatically() {
        for good in [
            "info@example.com",
            "first.last+fair@example.cn",
            "sales@mail.chongqing-example.com.cn",
            "销售@example.cn",
        ] {
            assert_eq!(email(good), Ok(()), "{good:?} is an e-mail address");
        }
        for bad in [
            "info",
            "info@",
            "@example.com",
            "info@example",
            "in fo@example.com",
            "info@@example.com",
            "info@example..com",
            "info@-example.com",
            ".info@example.com",
            "info@example.c",
            "info@127.0.0.1",
        ] {
            assert!(email(bad).is_err(), "{bad:?} must be refused as an e-mail");
        }
    }

    #[test]
    fn phones_become_canonical_e164() {
        assert_eq!(phone("+86 23 5550-1234"), Ok("+862355501234".to_owned()));
        assert_eq!(phone("+66 (2) 555.0123"), Ok("+6625550123".to_owned()));
        assert_eq!(phone("+12025550123"), Ok("+12025550123".to_owned()));
        for bad in [
            "862355501234",
            "+0862355501234",
            "+1234567",
            "+1234567890123456",
            "+86 23 5550 12x4",
            "++8623555",
            "",
        ] {
            assert!(
                phone(bad).is_err(),
                "{bad:?} must be refused as a phone number"
            );
        }
    }

    #[test]
    fn only_https_urls_with_a_real_host_are_accepted() {
        for good in [
            "https://example.com",
            "https://www.example.cn/about?lang=zh#top",
            "HTTPS://Example.com:8443/path",
            "https://重庆.example.cn/",
        ] {
            assert_eq!(https_url(good), Ok(()), "{good:?} is an https URL");
        }
        for bad in [
            "http://example.com",
            "ftp://example.com",
            "example.com",
            "https://",
            "https://localhost",
            "https://exa mple.com",
            "https://user@example.com",
            "https://example.com:0",
            "https://example.com:99999",
            "https://example.com/\u{7}",
            "javascript:alert(1)",
        ] {
            assert!(
                https_url(bad).is_err(),
                "{bad:?} must be refused as a website"
            );
        }
    }

    #[test]
    fn colours_are_six_hex_digits_stored_in_lower_case() {
        assert_eq!(color("#1E90ff"), Ok("#1e90ff".to_owned()));
        for bad in ["1e90ff", "#1e90f", "#1e90ffa", "#gggggg", "red"] {
            assert!(color(bad).is_err(), "{bad:?} must be refused as a colour");
        }
    }

    #[test]
    fn country_codes_come_from_the_table() {
        assert_eq!(country("th"), Ok("TH".to_owned()));
        assert!(country("XX").is_err());
        assert!(country("THA").is_err());
    }

    #[test]
    fn image_names_stay_inside_the_images_folder() {
        assert_eq!(image_name("logo-01.png"), Ok(()));
        assert_eq!(image_name("重庆 logo.jpg"), Ok(()));
        for bad in [
            "../secret.png",
            "a/b.png",
            "a\\b.png",
            "..",
            ".hidden.png",
            "c:x.png",
        ] {
            assert!(
                image_name(bad).is_err(),
                "{bad:?} must be refused as an image name"
            );
        }
    }

    #[test]
    fn dates_must_exist_on_the_calendar() {
        assert!(date("2026-09-18").is_ok());
        for bad in ["2026-02-30", "2026-9-18", "18/09/2026", ""] {
            assert!(date(bad).is_err(), "{bad:?} must be refused as a date");
        }
    }

    #[test]
    fn sizes_are_finite_and_positive() {
        assert_eq!(size(3.5), Ok(()));
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 1e9] {
            assert!(size(bad).is_err(), "{bad} must be refused as a size");
        }
    }

    #[test]
    fn quoted_values_stay_short_and_on_one_line() {
        let shown = quoted(&format!("a\nb{}", "x".repeat(5_000_000)));
        assert!(shown.len() < 60, "a huge value is cut short: {shown}");
        assert!(!shown.contains('\n'), "line breaks are escaped: {shown}");
    }

    proptest::proptest! {
        #[test]
        fn no_text_makes_a_rule_panic(value in "(?s:.{0,40})|https:/(?s:.{0,5})|\\+[0-9 ()-]{0,20}") {
            let _ = id(&value);
            let _ = single_line(&value, 10);
            let _ = multi_line(&value, 10);
            let _ = email(&value);
            let _ = phone(&value);
            let _ = https_url(&value);
            let _ = color(&value);
            let _ = country(&value);
            let _ = image_name(&value);
            let _ = date(&value);
            let _ = timezone(&value);
            let _ = quoted(&value);
        }

        #[test]
        fn canonical_phones_are_accepted_as_they_are(number in "\\+[1-9][0-9]{7,14}") {
            proptest::prop_assert_eq!(phone(&number), Ok(number.clone()));
        }
    }

    #[test]
    fn url_with_a_multibyte_character_at_the_scheme_boundary_is_refused_not_a_panic() {
        assert!(https_url("https:/重庆.example.cn").is_err());
        assert!(https_url("http重庆").is_err());
    }

    fn valid_exhibitor() -> Exhibitor {
        Exhibitor {
            id: "ex-1".into(),
            name_en: "Chongqing Example Bank".into(),
            name_zh: Some("重庆示例银行".into()),
            country: Some("CN".into()),
            booths: vec!["N1-A01".into()],
            website: Some("https://bank.example.cn".into()),
            email: Some("info@example.cn".into()),
            phone: Some("+862355501234".into()),
            ..Exhibitor::default()
        }
    }

    #[test]
    fn a_valid_exhibitor_has_no_field_errors() {
        assert_eq!(exhibitor(&valid_exhibitor()), vec![]);
    }

    #[test]
    fn exhibitor_gets_one_message_per_bad_field() {
        let mut e = valid_exhibitor();
        e.email = Some("not-an-email".into());
        e.phone = Some("12345".into());
        e.website = Some("http://bank.example.cn".into());
        e.booths.clear();
        e.description_en = Some("x".repeat(MAX_DESCRIPTION_CHARS + 1));
        let fields: Vec<String> = exhibitor(&e).into_iter().map(|f| f.field).collect();
        assert_eq!(
            fields,
            ["booths", "website", "email", "phone", "description_en"],
            "each bad field is reported once, in column order"
        );
    }

    #[test]
    fn normalizing_makes_typed_values_canonical() {
        let mut e = Exhibitor {
            id: " ex-1 ".into(),
            name_en: " Example ".into(),
            name_zh: Some("   ".into()),
            country: Some("th".into()),
            phone: Some("+66 2 555 0123".into()),
            booths: vec![" A1 ".into(), "".into(), "A2".into(), "A1".into()],
            ..Exhibitor::default()
        };
        normalize_exhibitor(&mut e);
        assert_eq!(e.id, "ex-1");
        assert_eq!(e.name_en, "Example");
        assert_eq!(e.name_zh, None, "a blank cell is no value");
        assert_eq!(e.country.as_deref(), Some("TH"));
        assert_eq!(e.phone.as_deref(), Some("+6625550123"));
        assert_eq!(
            e.booths,
            ["A1", "A2"],
            "lists are trimmed, blanks and repeats dropped"
        );
        assert_eq!(exhibitor(&e), vec![]);
    }

    #[test]
    fn product_limits_differ_from_exhibitor_limits() {
        let mut p = Product {
            exhibitor: "ex-1".into(),
            name_en: "Hot pot base".into(),
            description_en: Some("x".repeat(MAX_PRODUCT_DESCRIPTION_CHARS + 1)),
            ..Product::default()
        };
        let errors = product(&p);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "description_en");
        assert!(errors[0].message.contains("1000"), "{}", errors[0].message);
        p.description_en = None;
        assert_eq!(product(&p), vec![]);
    }
}
