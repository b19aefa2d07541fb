//! Reads a fair source folder (fair.toml and the CSV files) into a validated [`FairSource`].
//! OWNER: import helper. The signatures below are the contract other modules code against.

use std::path::Path;

use crate::model::FairSource;

/// Something the organiser should know but that does not stop the build (an unknown column).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub file: String,
    pub line: Option<u64>,
    pub message: String,
}

/// Why a source folder cannot be built. Its `Display` is one line naming file, line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct SourceError {
    /// File name relative to the source folder, e.g. `exhibitors.csv`.
    pub file: String,
    /// 1-based line in the file where the record starts (the header is line 1).
    pub line: Option<u64>,
    /// The column (header name) or TOML key.
    pub column: Option<String>,
    pub message: String,
}

impl SourceError {
    fn describe(&self) -> String {
        let mut s = self.file.clone();
        if let Some(line) = self.line {
            s.push_str(&format!(":{line}"));
        }
        if let Some(col) = &self.column {
            s.push_str(&format!(": column {col}"));
        }
        s.push_str(": ");
        s.push_str(&self.message);
        s
    }
}

/// A parsed, validated source folder and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct Imported {
    pub source: FairSource,
    pub warnings: Vec<Warning>,
}

/// Reads and validates the whole source folder at `dir`.
pub fn load(dir: &Path) -> Result<Imported, SourceError> {
    let _ = dir;
    unimplemented!("import::load")
}
