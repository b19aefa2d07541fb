//! The vCard 3.0 text inside a contact card's QR: a writer and a strict reader for round trips.
//!
//! vCard 3.0 because Android's contacts app rejects 4.0. The writer follows what phone cameras
//! read reliably: CRLF line ends, no `CHARSET` parameter (the bytes are UTF-8 and every current
//! reader assumes so), and no line folding (folding exists for mail transports; inside a QR it
//! only wastes bytes and confuses some readers). Text values escape `\`, `,`, `;` and newlines
//! as RFC 2426 and RFC 6350 say.
//!
//! The reader accepts exactly what the writer produces and nothing looser, so a round trip
//! proves the text is well formed, not merely that some lenient reader could guess at it.

use serde::Serialize;
use ts_rs::TS;

/// The fields a card carries, as plain values (unescaped). Every value is already sanitised:
/// no control characters other than `\n`, which the writer escapes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct CardFields {
    /// `N`: the whole name as the family-name component (see [`write_vcard`] for why).
    pub name: String,
    /// `FN`: the name a phone shows: the contact person, or the company when there is none.
    pub formatted_name: String,
    /// `ORG`: the company name.
    pub organisation: Option<String>,
    /// `TITLE`: the contact person's job title.
    pub title: Option<String>,
    /// `TEL;TYPE=WORK`: E.164, `+` and digits only.
    pub phone: Option<String>,
    /// `EMAIL`.
    pub email: Option<String>,
    /// `URL`: always `https://`.
    pub url: Option<String>,
    /// `NOTE`: where the exhibitor stands at the fair.
    pub note: Option<String>,
}

/// Why a text is not a vCard as Fairway writes it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VCardError {
    #[error("line {line}: {problem}")]
    Line { line: usize, problem: String },
    #[error("the card does not end with END:VCARD and CRLF")]
    Unterminated,
    #[error("the card has no {0} line")]
    Missing(&'static str),
}

/// Writes `fields` as a vCard 3.0 text with CRLF line ends.
///
/// `N` carries the whole name in its family-name component. Splitting a name into family and
/// given parts is guesswork across cultures (`Chen Xiaoming` puts the family name first,
/// `Anna Schmidt` last) and a wrong split is worse than none; phones join N's components for
/// display, so the contact shows exactly what `FN` says.
pub fn write_vcard(fields: &CardFields) -> String {
    let mut out = String::with_capacity(256);
    line(&mut out, "BEGIN", "VCARD");
    line(&mut out, "VERSION", "3.0");
    line(&mut out, "N", &format!("{};;;;", escape(&fields.name)));
    line(&mut out, "FN", &escape(&fields.formatted_name));
    if let Some(org) = &fields.organisation {
        line(&mut out, "ORG", &escape(org));
    }
    if let Some(title) = &fields.title {
        line(&mut out, "TITLE", &escape(title));
    }
    if let Some(phone) = &fields.phone {
        line(&mut out, "TEL;TYPE=WORK", phone);
    }
    if let Some(email) = &fields.email {
        line(&mut out, "EMAIL", &escape(email));
    }
    if let Some(url) = &fields.url {
        // A URI value is not escaped text; the card builder only lets through URLs that need no
        // escaping (no whitespace, `\`, `,` or `;`).
        line(&mut out, "URL", url);
    }
    if let Some(note) = &fields.note {
        line(&mut out, "NOTE", &escape(note));
    }
    line(&mut out, "END", "VCARD");
    out
}

fn line(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push(':');
    out.push_str(value);
    out.push_str("\r\n");
}

/// Escapes a text value: `\` `,` `;` get a backslash, a newline becomes `\n`.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Reads a vCard written by [`write_vcard`] back into its fields, strictly: CRLF everywhere,
/// `BEGIN`, `VERSION:3.0` and `N`/`FN` present, each property at most once, known properties
/// only, escapes only where the RFC puts them.
pub fn parse_vcard(text: &str) -> Result<CardFields, VCardError> {
    let body = text.strip_suffix("\r\n").ok_or(VCardError::Unterminated)?;
    let lines: Vec<&str> = body.split("\r\n").collect();
    let mut fields = CardFields::default();
    let (mut seen_n, mut seen_fn) = (false, false);
    let mut seen = Vec::new();
    let last = lines.len();
    for (index, raw) in lines.iter().enumerate() {
        let number = index + 1;
        let bad = |problem: &str| VCardError::Line {
            line: number,
            problem: problem.to_string(),
        };
        if raw.contains(['\r', '\n']) {
            return Err(bad("a bare CR or LF inside a line"));
        }
        if raw.chars().any(|c| c.is_control()) {
            return Err(bad("a control character"));
        }
        let (name, value) = raw.split_once(':').ok_or_else(|| bad("no `:`"))?;
        match (index, name) {
            (0, "BEGIN") if value == "VCARD" => continue,
            (0, _) => return Err(bad("the card must start with BEGIN:VCARD")),
            (1, "VERSION") if value == "3.0" => continue,
            (1, _) => return Err(bad("the second line must be VERSION:3.0")),
            (i, "END") if i + 1 == last && value == "VCARD" => continue,
            (_, "END") => return Err(bad("END:VCARD must be the last line")),
            _ => {}
        }
        if index + 1 == last {
            return Err(VCardError::Unterminated);
        }
        if seen.contains(&name) {
            return Err(bad(&format!("{name} appears twice")));
        }
        seen.push(name);
        match name {
            "N" => {
                let parts = split_unescaped(value, ';');
                if parts.len() != 5 || parts[1..].iter().any(|p| !p.is_empty()) {
                    return Err(bad("N must be `family;;;;`"));
                }
                fields.name = unescape(parts[0]).map_err(|p| bad(&p))?;
                seen_n = true;
            }
            "FN" => {
                fields.formatted_name = text_value(value).map_err(|p| bad(&p))?;
                seen_fn = true;
            }
            "ORG" => fields.organisation = Some(text_value(value).map_err(|p| bad(&p))?),
            "TITLE" => fields.title = Some(text_value(value).map_err(|p| bad(&p))?),
            "EMAIL" => fields.email = Some(text_value(value).map_err(|p| bad(&p))?),
            "NOTE" => fields.note = Some(text_value(value).map_err(|p| bad(&p))?),
            "TEL;TYPE=WORK" => {
                let digits = value.strip_prefix('+').unwrap_or("");
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad("TEL is not E.164"));
                }
                fields.phone = Some(value.to_string());
            }
            "URL" => {
                if !value.starts_with("https://")
                    || value.contains(|c: char| c.is_whitespace() || "\\,;".contains(c))
                {
                    return Err(bad("URL is not a plain https URL"));
                }
                fields.url = Some(value.to_string());
            }
            other => return Err(bad(&format!("unexpected property {other}"))),
        }
    }
    if lines.last() != Some(&"END:VCARD") {
        return Err(VCardError::Unterminated);
    }
    if !seen_n {
        return Err(VCardError::Missing("N"));
    }
    if !seen_fn {
        return Err(VCardError::Missing("FN"));
    }
    Ok(fields)
}

/// A single text value: no unescaped `,` or `;` (those would make it a list or a structure).
fn text_value(value: &str) -> Result<String, String> {
    if split_unescaped(value, ';').len() != 1 || split_unescaped(value, ',').len() != 1 {
        return Err("an unescaped `,` or `;` in a text value".to_string());
    }
    unescape(value)
}

/// Splits at `sep` where it is not escaped by a backslash.
fn split_unescaped(value: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in value.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            parts.push(&value[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&value[start..]);
    parts
}

fn unescape(value: &str) -> Result<String, String> {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some(',') => out.push(','),
            Some(';') => out.push(';'),
            Some('n') | Some('N') => out.push('\n'),
            Some(other) => return Err(format!("an unknown escape `\\{other}`")),
            None => return Err("a lone `\\` at the end of a value".to_string()),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_values_read_back_unchanged() {
        let fields = CardFields {
            name: "a;b,c\\d\ne".to_string(),
            formatted_name: "陈晓明 Chen Xiaoming".to_string(),
            organisation: Some("X, Ltd.; 有限公司".to_string()),
            note: Some("line one\nline two".to_string()),
            ..CardFields::default()
        };
        let text = write_vcard(&fields);
        assert!(text.contains("N:a\\;b\\,c\\\\d\\ne;;;;\r\n"), "{text}");
        assert_eq!(
            parse_vcard(&text),
            Ok(fields),
            "the reader undoes the escaping"
        );
    }

    #[test]
    fn the_reader_refuses_a_card_with_lf_line_ends() {
        let text = "BEGIN:VCARD\nVERSION:3.0\nN:a;;;;\nFN:a\nEND:VCARD\n";
        assert!(
            parse_vcard(text).is_err(),
            "LF alone is not a vCard line end"
        );
    }

    #[test]
    fn the_reader_refuses_an_unescaped_comma_in_a_name() {
        let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:a;;;;\r\nFN:a,b\r\nEND:VCARD\r\n";
        assert!(parse_vcard(text).is_err(), "FN is one text value");
    }
}
