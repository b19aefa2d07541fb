//! `fair.toml`: the fair's own id, names, venue, dates and default language.

use std::path::Path;

use super::sheet::{file_error, read_text};
use super::{SourceError, Warning};
use crate::model::{Fair, Language};
use crate::validate;

const FILE: &str = "fair.toml";

const KEYS: [&str; 9] = [
    "id",
    "name_en",
    "name_zh",
    "venue_en",
    "venue_zh",
    "starts_on",
    "ends_on",
    "timezone",
    "default_language",
];

/// The table of `fair.toml` with the text it came from, for line numbers in errors.
struct FairFile {
    text: String,
    table: toml::Table,
}

impl FairFile {
    /// The line a key is written on (best effort: the first line starting with the key).
    fn line_of(&self, key: &str) -> Option<u64> {
        self.text
            .lines()
            .position(|line| {
                let line = line.trim_start();
                let rest = line
                    .strip_prefix(key)
                    .or_else(|| line.strip_prefix(&format!("\"{key}\"")));
                rest.is_some_and(|r| r.trim_start().starts_with('='))
            })
            .map(|i| i as u64 + 1)
    }

    fn error(&self, key: &str, message: impl Into<String>) -> SourceError {
        SourceError {
            file: FILE.to_owned(),
            line: self.line_of(key),
            column: Some(key.to_owned()),
            message: message.into(),
        }
    }

    /// The trimmed text of a key, `None` when absent or blank.
    fn text(&self, key: &str) -> Result<Option<&str>, SourceError> {
        match self.table.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) => {
                let s = s.trim();
                Ok((!s.is_empty()).then_some(s))
            }
            Some(_) => Err(self.error(key, "must be text in double quotes")),
        }
    }

    fn required(&self, key: &str) -> Result<&str, SourceError> {
        self.text(key)?
            .ok_or_else(|| self.error(key, "is missing or blank; a value is required"))
    }

    fn check<T>(&self, key: &str, verdict: Result<T, String>) -> Result<T, SourceError> {
        verdict.map_err(|message| self.error(key, message))
    }

    fn optional_line(&self, key: &str, max_chars: usize) -> Result<Option<String>, SourceError> {
        match self.text(key)? {
            Some(v) => {
                self.check(key, validate::single_line(v, max_chars))?;
                Ok(Some(v.to_owned()))
            }
            None => Ok(None),
        }
    }

    /// A date, written either as TOML's own date (`starts_on = 2026-09-18`) or as text.
    fn date(&self, key: &str) -> Result<Option<(String, time::Date)>, SourceError> {
        if let Some(toml::Value::Datetime(dt)) = self.table.get(key) {
            if dt.date.is_none() || dt.time.is_some() {
                return Err(self.error(key, format!("{dt} is not a date like 2026-09-18")));
            }
            let v = dt.to_string();
            let date = self.check(key, validate::date(&v))?;
            return Ok(Some((v, date)));
        }
        match self.text(key)? {
            Some(v) => Ok(Some((v.to_owned(), self.check(key, validate::date(v))?))),
            None => Ok(None),
        }
    }
}

/// Reads and checks `fair.toml`; unknown keys become warnings.
pub(super) fn load(dir: &Path, warnings: &mut Vec<Warning>) -> Result<Fair, SourceError> {
    let text = read_text(dir, FILE, true)?.ok_or_else(|| file_error(FILE, "file is missing"))?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|span| {
            text.as_bytes()[..span.start.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64
                + 1
        });
        SourceError {
            file: FILE.to_owned(),
            line,
            column: None,
            message: format!("is not valid TOML: {}", e.message().trim()).replace('\n', " "),
        }
    })?;
    let file = FairFile { text, table };

    for key in file.table.keys() {
        if !KEYS.contains(&key.as_str()) {
            warnings.push(Warning {
                file: FILE.to_owned(),
                line: file.line_of(key),
                message: format!("unknown key {} is ignored", validate::quoted(key)),
            });
        }
    }

    let id = file.required("id")?;
    file.check("id", validate::id(id))?;
    let name_en = file.required("name_en")?;
    file.check(
        "name_en",
        validate::single_line(name_en, validate::MAX_FAIR_NAME_CHARS),
    )?;
    let name_zh = file.required("name_zh")?;
    file.check(
        "name_zh",
        validate::single_line(name_zh, validate::MAX_FAIR_NAME_CHARS),
    )?;
    let venue_en = file.optional_line("venue_en", validate::MAX_VENUE_CHARS)?;
    let venue_zh = file.optional_line("venue_zh", validate::MAX_VENUE_CHARS)?;
    let starts_on = file.date("starts_on")?;
    let ends_on = file.date("ends_on")?;
    if let (Some((_, start)), Some((_, end))) = (&starts_on, &ends_on)
        && end < start
    {
        return Err(file.error("ends_on", format!("{end} is before starts_on {start}")));
    }
    let timezone = match file.text("timezone")? {
        Some(tz) => {
            file.check("timezone", validate::timezone(tz))?;
            Some(tz.to_owned())
        }
        None => None,
    };
    let default_language = match file.text("default_language")? {
        None => Language::default(),
        Some(v) if v.eq_ignore_ascii_case("en") => Language::En,
        Some(v) if v.eq_ignore_ascii_case("zh") => Language::Zh,
        Some(v) => {
            return Err(file.error(
                "default_language",
                format!("{} is not en or zh", validate::quoted(v)),
            ));
        }
    };
    Ok(Fair {
        id: id.to_owned(),
        name_en: name_en.to_owned(),
        name_zh: name_zh.to_owned(),
        venue_en,
        venue_zh,
        starts_on: starts_on.map(|(s, _)| s),
        ends_on: ends_on.map(|(s, _)| s),
        timezone,
        default_language,
    })
}
