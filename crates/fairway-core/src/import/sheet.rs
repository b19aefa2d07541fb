//! Reading one file of the source folder: size limit, encoding, BOM, and CSV rows whose cells
//! are looked up by column name.
//!
//! Every error made here already carries the file, the line where the record starts and the
//! column, so the code that turns rows into model types only says what is wrong.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use csv::StringRecord;

use super::{SourceError, Warning};
use crate::validate;

/// The largest file the importer reads. A real fair's exhibitors.csv is a few megabytes; this
/// only stops a wrong file (a video, a database dump) from filling memory.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// A file-level error (no line, no column).
pub(super) fn file_error(file: &str, message: impl Into<String>) -> SourceError {
    SourceError {
        file: file.to_owned(),
        line: None,
        column: None,
        message: message.into(),
    }
}

/// Reads `dir/file` as UTF-8 text without its BOM, or `None` when an optional file is absent.
pub(super) fn read_text(
    dir: &Path,
    file: &str,
    required: bool,
) -> Result<Option<String>, SourceError> {
    let path = dir.join(file);
    let metadata = match std::fs::metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return if required {
                Err(file_error(file, "file is missing; every fair needs it"))
            } else {
                Ok(None)
            };
        }
        Err(e) => return Err(file_error(file, format!("cannot be read: {e}"))),
    };
    if !metadata.is_file() {
        return Err(file_error(file, "is not a file"));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_big(file, metadata.len()));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    File::open(&path)
        // The file may grow between the size check and the read; read one byte past the limit
        // so that growth is caught too.
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| file_error(file, format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(file, bytes.len() as u64));
    }
    decode(file, bytes).map(Some)
}

fn too_big(file: &str, len: u64) -> SourceError {
    file_error(
        file,
        format!(
            "is {} MiB; the limit is {} MiB",
            len.div_ceil(1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// UTF-8 with or without a BOM becomes a `String`; anything else is refused with the line of the
/// first byte that is not UTF-8, since spreadsheets on Chinese Windows often save GBK.
fn decode(file: &str, mut bytes: Vec<u8>) -> Result<String, SourceError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(file_error(
            file,
            "is UTF-16 text (\"Unicode text\" in Excel); save the file as CSV UTF-8",
        ));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
            + 1;
        SourceError {
            file: file.to_owned(),
            line: Some(line),
            column: None,
            message: "not UTF-8 text (GBK or another encoding?); save the file as UTF-8".to_owned(),
        }
    })
}

/// A column the importer knows, and whether a file without it is refused.
#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    pub name: &'static str,
    pub required: bool,
}

pub(super) const fn req(name: &'static str) -> Column {
    Column {
        name,
        required: true,
    }
}

pub(super) const fn opt(name: &'static str) -> Column {
    Column {
        name,
        required: false,
    }
}

/// Reads a CSV file and turns every non-blank record into a `T` with `parse`.
///
/// Returns the rows with the line each starts on. A missing optional file gives no rows.
pub(super) fn read_csv<T>(
    dir: &Path,
    file: &'static str,
    required: bool,
    columns: &[Column],
    warnings: &mut Vec<Warning>,
    mut parse: impl FnMut(&Row<'_>) -> Result<T, SourceError>,
) -> Result<Vec<(u64, T)>, SourceError> {
    let Some(text) = read_text(dir, file, required)? else {
        return Ok(Vec::new());
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(record) => record.map_err(|e| csv_error(file, &e))?,
        None => {
            return Err(file_error(
                file,
                "file is empty; it needs a header row naming its columns",
            ));
        }
    };
    let index = header_index(file, &header, columns, warnings)?;
    let width = header.len();
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| csv_error(file, &e))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            // Spreadsheets save trailing empty rows as lines of commas.
            continue;
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != width {
            return Err(SourceError {
                file: file.to_owned(),
                line: Some(line),
                column: None,
                message: format!(
                    "has {} cells but the header has {width}; a cell with a comma must be in double quotes",
                    record.len()
                ),
            });
        }
        let row = Row {
            file,
            line,
            record: &record,
            index: &index,
        };
        rows.push((line, parse(&row)?));
    }
    Ok(rows)
}

fn csv_error(file: &str, e: &csv::Error) -> SourceError {
    SourceError {
        file: file.to_owned(),
        line: e.position().map(|p| p.line()),
        column: None,
        message: format!("is not valid CSV: {e}").replace('\n', " "),
    }
}

/// Maps the known columns to their positions, warning about unknown ones and refusing missing
/// required ones. Header names match without regard to case or surrounding spaces.
fn header_index(
    file: &str,
    header: &StringRecord,
    columns: &[Column],
    warnings: &mut Vec<Warning>,
) -> Result<HashMap<&'static str, usize>, SourceError> {
    let mut index = HashMap::new();
    for (position, raw) in header.iter().enumerate() {
        let name = raw.trim().to_lowercase();
        if name.is_empty() {
            warnings.push(Warning {
                file: file.to_owned(),
                line: Some(1),
                message: format!(
                    "column {} has no name in the header; it is ignored",
                    position + 1
                ),
            });
            continue;
        }
        match columns.iter().find(|c| c.name == name) {
            Some(column) => {
                if index.insert(column.name, position).is_some() {
                    return Err(SourceError {
                        file: file.to_owned(),
                        line: Some(1),
                        column: Some(column.name.to_owned()),
                        message: "appears twice in the header".to_owned(),
                    });
                }
            }
            None => warnings.push(Warning {
                file: file.to_owned(),
                line: Some(1),
                message: format!("unknown column {} is ignored", validate::quoted(raw.trim())),
            }),
        }
    }
    if let Some(missing) = columns
        .iter()
        .find(|c| c.required && !index.contains_key(c.name))
    {
        return Err(SourceError {
            file: file.to_owned(),
            line: Some(1),
            column: Some(missing.name.to_owned()),
            message: "required column is missing from the header".to_owned(),
        });
    }
    Ok(index)
}

/// One record of a CSV file, its cells looked up by column name, trimmed, blank meaning `None`.
#[derive(Debug)]
pub(super) struct Row<'a> {
    file: &'static str,
    line: u64,
    record: &'a StringRecord,
    index: &'a HashMap<&'static str, usize>,
}

impl<'a> Row<'a> {
    /// The line this record starts on (the header is line 1).
    pub fn line(&self) -> u64 {
        self.line
    }

    /// An error about `column` of this row.
    pub fn error(&self, column: &str, message: impl Into<String>) -> SourceError {
        SourceError {
            file: self.file.to_owned(),
            line: Some(self.line),
            column: Some(column.to_owned()),
            message: message.into(),
        }
    }

    /// Turns a rule's verdict on a cell into an error naming the cell.
    pub fn check<T>(&self, column: &str, verdict: Result<T, String>) -> Result<T, SourceError> {
        verdict.map_err(|message| self.error(column, message))
    }

    /// The trimmed cell, `None` when blank or when the file has no such column.
    pub fn text(&self, column: &str) -> Option<&'a str> {
        let position = *self.index.get(column)?;
        let cell = self.record.get(position)?.trim();
        (!cell.is_empty()).then_some(cell)
    }

    /// The trimmed cell as an owned string, `None` when blank.
    pub fn string(&self, column: &str) -> Option<String> {
        self.text(column).map(str::to_owned)
    }

    /// The trimmed cell, which must not be blank.
    pub fn required(&self, column: &str) -> Result<&'a str, SourceError> {
        self.text(column)
            .ok_or_else(|| self.error(column, "is blank; a value is required"))
    }

    /// A required id, slug or code.
    pub fn id(&self, column: &str) -> Result<String, SourceError> {
        let value = self.required(column)?;
        self.check(column, validate::id(value))?;
        Ok(value.to_owned())
    }

    /// An optional reference to an id.
    pub fn optional_id(&self, column: &str) -> Result<Option<String>, SourceError> {
        match self.text(column) {
            Some(value) => {
                self.check(column, validate::id(value))?;
                Ok(Some(value.to_owned()))
            }
            None => Ok(None),
        }
    }

    /// A required one-line text of at most `max_chars` characters.
    pub fn name(&self, column: &str, max_chars: usize) -> Result<String, SourceError> {
        let value = self.required(column)?;
        self.check(column, validate::single_line(value, max_chars))?;
        Ok(value.to_owned())
    }

    /// An optional one-line text of at most `max_chars` characters.
    pub fn optional_line(
        &self,
        column: &str,
        max_chars: usize,
    ) -> Result<Option<String>, SourceError> {
        self.optional_text(column, |v| validate::single_line(v, max_chars))
    }

    /// An optional text of several lines of at most `max_chars` characters.
    pub fn optional_lines(
        &self,
        column: &str,
        max_chars: usize,
    ) -> Result<Option<String>, SourceError> {
        self.optional_text(column, |v| validate::multi_line(v, max_chars))
    }

    /// An optional cell checked by `rule` when it holds a value.
    fn optional_text(
        &self,
        column: &str,
        rule: impl FnOnce(&str) -> Result<(), String>,
    ) -> Result<Option<String>, SourceError> {
        match self.text(column) {
            Some(value) => {
                self.check(column, rule(value))?;
                Ok(Some(value.to_owned()))
            }
            None => Ok(None),
        }
    }

    /// An optional finite number.
    pub fn number(&self, column: &str) -> Result<Option<f64>, SourceError> {
        let Some(value) = self.text(column) else {
            return Ok(None);
        };
        // Rust also parses "inf" and "NaN"; a spreadsheet cell holding those is a mistake.
        match value.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(Some(n)),
            _ => Err(self.error(
                column,
                format!("{} is not a number like 12.5", validate::quoted(value)),
            )),
        }
    }

    /// A required distance in metres.
    pub fn metres(&self, column: &str) -> Result<f64, SourceError> {
        let n = self
            .number(column)?
            .ok_or_else(|| self.error(column, "is blank; a number is required"))?;
        self.check(column, validate::metres(n))?;
        Ok(n)
    }

    /// A required width or depth in metres (greater than zero).
    pub fn size(&self, column: &str) -> Result<f64, SourceError> {
        let n = self
            .number(column)?
            .ok_or_else(|| self.error(column, "is blank; a number is required"))?;
        self.check(column, validate::size(n))?;
        Ok(n)
    }

    /// An optional whole number.
    pub fn integer(&self, column: &str) -> Result<Option<i32>, SourceError> {
        let Some(value) = self.text(column) else {
            return Ok(None);
        };
        value.parse::<i32>().map(Some).map_err(|_| {
            self.error(
                column,
                format!("{} is not a whole number", validate::quoted(value)),
            )
        })
    }

    /// An optional yes/no: `true`/`false`, `yes`/`no` or `1`/`0`, in any case.
    pub fn boolean(&self, column: &str) -> Result<Option<bool>, SourceError> {
        let Some(value) = self.text(column) else {
            return Ok(None);
        };
        match value.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Ok(Some(true)),
            "false" | "no" | "0" => Ok(Some(false)),
            _ => Err(self.error(
                column,
                format!("{} is not true or false", validate::quoted(value)),
            )),
        }
    }

    /// A `;`-separated list, entries trimmed, blank entries dropped.
    pub fn list(&self, column: &str) -> Vec<String> {
        self.text(column)
            .map(|cell| {
                cell.split(';')
                    .map(str::trim)
                    .filter(|entry| !entry.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The `images/` folder, asked once per distinct file name.
#[derive(Debug)]
pub(super) struct ImageFolder {
    dir: PathBuf,
    known: HashMap<String, bool>,
}

impl ImageFolder {
    pub fn new(root: &Path) -> Self {
        ImageFolder {
            dir: root.join("images"),
            known: HashMap::new(),
        }
    }

    /// Checks that an image named in `column` is a plain name of a file inside `images/`.
    pub fn check(&mut self, row: &Row<'_>, column: &str, name: &str) -> Result<(), SourceError> {
        row.check(column, validate::image_name(name))?;
        let exists = match self.known.get(name) {
            Some(&exists) => exists,
            None => {
                let exists = self.dir.join(name).is_file();
                self.known.insert(name.to_owned(), exists);
                exists
            }
        };
        if exists {
            Ok(())
        } else if !self.dir.is_dir() {
            Err(row.error(
                column,
                format!(
                    "image {} not found: the folder images/ is missing",
                    validate::quoted(name)
                ),
            ))
        } else {
            Err(row.error(
                column,
                format!("image {} not found in images/", validate::quoted(name)),
            ))
        }
    }

    /// Like [`ImageFolder::check`] for an optional cell.
    pub fn optional(&mut self, row: &Row<'_>, column: &str) -> Result<Option<String>, SourceError> {
        match row.text(column) {
            Some(name) => {
                self.check(row, column, name)?;
                Ok(Some(name.to_owned()))
            }
            None => Ok(None),
        }
    }
}
