//! A log file with a size cap, for programs that run for days with nobody reading their output.
//!
//! Lines go to `<dir>/<stem>.log` until the next one would take it past `max_bytes`; then the
//! files shift (`<stem>.log` → `<stem>.1.log` → … → `<stem>.<keep>.log`, the oldest dropped)
//! and a fresh `<stem>.log` starts. So the folder never holds more than `(keep + 1) × max_bytes`
//! (plus one line). Every entry is exactly one line: line breaks and other control characters
//! in a message are written as `\n`, `\u{..}`, so a hostile string cannot forge entries.
//!
//! A failure to write is returned to the caller and never panics: a full disk must not stop a
//! kiosk, it only stops its log.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The smallest cap accepted: below it a single long line would rotate every time.
pub const MIN_MAX_BYTES: u64 = 4 * 1024;

/// An open, capped log file.
#[derive(Debug)]
pub struct LogFile {
    dir: PathBuf,
    stem: String,
    max_bytes: u64,
    keep: u32,
    file: File,
    size: u64,
}

impl LogFile {
    /// Opens (creating the folder and the file when needed) `<dir>/<stem>.log` for appending.
    pub fn open(dir: &Path, stem: &str, max_bytes: u64, keep: u32) -> io::Result<LogFile> {
        fs::create_dir_all(dir)?;
        let path = dir.join(format!("{stem}.log"));
        let file = OpenOptions::new().create(true).append(true).open(&path)?;
        let size = file.metadata()?.len();
        Ok(LogFile {
            dir: dir.to_path_buf(),
            stem: stem.to_owned(),
            max_bytes: max_bytes.max(MIN_MAX_BYTES),
            keep,
            file,
            size,
        })
    }

    /// The file written now.
    pub fn path(&self) -> PathBuf {
        self.numbered(0)
    }

    fn numbered(&self, n: u32) -> PathBuf {
        if n == 0 {
            self.dir.join(format!("{}.log", self.stem))
        } else {
            self.dir.join(format!("{}.{n}.log", self.stem))
        }
    }

    /// Appends `message` as one line (escaped as the module says), rotating first when the line
    /// would take the file past its cap.
    pub fn write_line(&mut self, message: &str) -> io::Result<()> {
        let mut line = one_line(message);
        line.push('\n');
        let len = line.len() as u64;
        if self.size > 0 && self.size + len > self.max_bytes {
            self.rotate()?;
        }
        self.file.write_all(line.as_bytes())?;
        self.size += len;
        Ok(())
    }

    fn rotate(&mut self) -> io::Result<()> {
        self.file.flush()?;
        if self.keep == 0 {
            fs::remove_file(self.numbered(0))?;
        } else {
            let oldest = self.numbered(self.keep);
            if oldest.exists() {
                fs::remove_file(&oldest)?;
            }
            for n in (0..self.keep).rev() {
                let from = self.numbered(n);
                if from.exists() {
                    fs::rename(&from, self.numbered(n + 1))?;
                }
            }
        }
        self.file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.numbered(0))?;
        self.size = 0;
        Ok(())
    }
}

/// `message` with line breaks, tabs and other control characters escaped, so it stays one line.
pub fn one_line(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

/// Characters that reorder text on screen (and so could make a log line read differently).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}
