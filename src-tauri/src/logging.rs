//! The kiosk's log: every line goes to a capped, rotating file (`fairway_core::logfile`) in
//! the log folder, so a kiosk keeps its history even where nobody collects standard error;
//! warnings and errors also go to standard error (the journal, under systemd). Errors for the
//! staff go through `StatusLog::error`, which logs them too.
//!
//! One process-wide log, set up once at start ([`init`]); before that (or if the folder cannot
//! be written) lines go to standard error only.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use fairway_core::logfile::LogFile;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// How many rotated files are kept besides the current one.
pub const KEEP_FILES: u32 = 4;

static FILE: OnceLock<Mutex<LogFile>> = OnceLock::new();

/// How serious a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

impl Level {
    fn word(self) -> &'static str {
        match self {
            Level::Info => "INFO",
            Level::Warn => "WARN",
            Level::Error => "ERROR",
        }
    }
}

/// Opens the log file in `dir` with a cap of `max_bytes` per file. Returns the file's path.
/// A second call keeps the first file.
pub fn init(dir: &Path, max_bytes: u64) -> std::io::Result<PathBuf> {
    if let Some(file) = FILE.get() {
        return Ok(lock(file).path());
    }
    let file = LogFile::open(dir, "kiosk", max_bytes, KEEP_FILES)?;
    let path = file.path();
    let _ = FILE.set(Mutex::new(file));
    Ok(path)
}

/// The file written now, once [`init`] has succeeded.
pub fn path() -> Option<PathBuf> {
    FILE.get().map(|f| lock(f).path())
}

fn lock(file: &Mutex<LogFile>) -> std::sync::MutexGuard<'_, LogFile> {
    file.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Writes one line: `<RFC 3339 UTC> <LEVEL> <message>`.
pub fn line(level: Level, message: &str) {
    let stamp = OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default();
    let entry = format!("{stamp} {} {message}", level.word());
    let file = FILE.get();
    // Standard error (the journal) gets warnings and errors; the file gets everything.
    if level != Level::Info || file.is_none() {
        eprintln!("fairway-kiosk: {} {message}", level.word());
    }
    if let Some(file) = file
        && let Err(e) = lock(file).write_line(&entry)
    {
        eprintln!("fairway-kiosk: WARN cannot write the log file: {e}");
    }
}

pub fn info(message: &str) {
    line(Level::Info, message);
}

pub fn warn(message: &str) {
    line(Level::Warn, message);
}

/// An error for the log only; errors the staff should see go through `StatusLog::error`,
/// which also logs them.
pub fn error(message: &str) {
    line(Level::Error, message);
}

/// The default log folder: `$XDG_STATE_HOME/fairway/logs` (else `~/.local/state/fairway/logs`),
/// the XDG place for logs that outlive a run.
pub fn default_dir() -> Option<PathBuf> {
    let state = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))?;
    Some(state.join("fairway").join("logs"))
}
