//! Access codes and session tokens: random secrets from the operating system, shown once, of
//! which the hub keeps only a SHA-256 hash.
//!
//! An access code is 28 symbols of Crockford's base32 (140 bits), written in groups of four
//! (`7KQ2-M9XD-...`) so it can be read out over the phone and typed without mistakes: case,
//! spaces and dashes are ignored, and the letters people confuse with digits (`I`, `L`, `O`) are
//! read as those digits.
//!
//! Why a plain SHA-256 and not a slow password hash: slow hashes exist to make guessing a
//! *low-entropy* password from its hash expensive. A code or token of 140 or 256 random bits
//! cannot be guessed from its hash at any speed, and a fast hash lets the hub find a code by an
//! indexed lookup of its hash instead of trying every stored hash in turn.

use std::io::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::store::Store;
use crate::{HubError, io_at};

/// Crockford's base32 alphabet: no I, L, O or U.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Symbols in a code: 28 × 5 = 140 bits.
const SYMBOLS: usize = 28;

/// Why the operating system gave no random bytes.
#[derive(Debug, thiserror::Error)]
#[error("the operating system gave no random bytes: {0}")]
pub struct RandomError(String);

fn random_bytes<const N: usize>() -> Result<[u8; N], RandomError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| RandomError(e.to_string()))?;
    Ok(bytes)
}

/// A new access code, e.g. `7KQ2-M9XD-4B1F-...` (seven groups of four symbols).
pub fn new_code() -> Result<String, RandomError> {
    let bytes = random_bytes::<SYMBOLS>()?;
    let mut code = String::with_capacity(SYMBOLS + SYMBOLS / 4);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && i % 4 == 0 {
            code.push('-');
        }
        // 256 is a multiple of 32, so the low five bits of a uniform byte are uniform.
        code.push(char::from(ALPHABET[usize::from(b & 31)]));
    }
    Ok(code)
}

/// A code as typed, in canonical form: upper case, no separators, `I`/`L` → `1`, `O` → `0`.
/// `None` when it has a character that can be no part of a code.
pub fn normalize_code(typed: &str) -> Option<String> {
    let mut out = String::with_capacity(SYMBOLS);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\t' => continue,
            'I' | 'L' => '1',
            'O' => '0',
            c if c.is_ascii() && ALPHABET.contains(&(c as u8)) => c,
            _ => return None,
        };
        out.push(c);
    }
    (out.len() == SYMBOLS).then_some(out)
}

/// The stored form of a code as typed; `None` when it cannot be a code at all.
pub fn code_hash(typed: &str) -> Option<String> {
    normalize_code(typed).map(|code| sha256_hex(code.as_bytes()))
}

/// A new session token: 256 random bits as lower-case hex.
pub fn new_token() -> Result<String, RandomError> {
    Ok(hex::encode(random_bytes::<32>()?))
}

/// The stored form of a session token.
pub fn token_hash(token: &str) -> String {
    sha256_hex(token.trim().as_bytes())
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Which exhibitors get a new code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recipients {
    One(String),
    All,
}

/// `fairway codes issue`: a new code for each recipient, written once to `out` (CSV: exhibitor
/// id, name, code; created with mode 0600, never over an existing file) and stored by hash,
/// replacing older codes. The file is written and synced before the codes are stored, so a
/// failure leaves the old codes in force and no file behind.
pub fn issue(
    store: &mut Store,
    recipients: &Recipients,
    out: &Path,
    valid_days: Option<u32>,
) -> Result<usize, HubError> {
    let exhibitors = store.exhibitors()?;
    let chosen: Vec<(String, String)> = match recipients {
        Recipients::All => exhibitors,
        Recipients::One(id) => {
            vec![
                exhibitors
                    .into_iter()
                    .find(|(e, _)| e == id)
                    .ok_or_else(|| {
                        HubError::Message(format!("no exhibitor with id {id:?} in this hub"))
                    })?,
            ]
        }
    };
    let expires = match valid_days {
        None => None,
        Some(0) => {
            return Err(HubError::Message(
                "--valid-days must be at least 1".to_owned(),
            ));
        }
        Some(days) => Some(crate::store::now().1 + i64::from(days) * 86_400),
    };
    let mut rows = Vec::with_capacity(chosen.len());
    let mut hashes = Vec::with_capacity(chosen.len());
    for (id, name) in chosen {
        let code = new_code()?;
        let hash = code_hash(&code)
            .ok_or_else(|| HubError::Message("a new code did not read back".to_owned()))?;
        hashes.push((id.clone(), hash));
        rows.push((id, name, code));
    }

    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let file = options.open(out).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            HubError::Message(format!(
                "{}: already exists; codes are written once into a new file",
                out.display()
            ))
        } else {
            io_at(out)(e)
        }
    })?;
    let written = write_csv(&file, &rows).and_then(|()| file.sync_all());
    let stored = written
        .map_err(io_at(out))
        .and_then(|()| store.issue_codes(&hashes, expires));
    if let Err(e) = stored {
        drop(file);
        let _ = std::fs::remove_file(out);
        return Err(e);
    }
    Ok(rows.len())
}

fn write_csv(file: &std::fs::File, rows: &[(String, String, String)]) -> std::io::Result<()> {
    let mut writer = csv::Writer::from_writer(std::io::BufWriter::new(file));
    writer.write_record(["exhibitor_id", "name", "code"])?;
    for (id, name, code) in rows {
        writer.write_record([id, name, code])?;
    }
    writer.flush()?;
    let mut inner = writer
        .into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    inner.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_however_it_is_typed() {
        let code = new_code().expect("random");
        assert_eq!(code.len(), 28 + 6, "seven groups of four: {code}");
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(code_hash(&typed), code_hash(&code));
        assert_eq!(
            normalize_code("oool-1111-2222-3333-4444-5555-6666").as_deref(),
            Some("0001111122223333444455556666"),
            "O reads as 0 and L as 1"
        );
    }

    #[test]
    fn two_codes_differ_and_junk_is_no_code() {
        assert_ne!(new_code().expect("random"), new_code().expect("random"));
        assert_eq!(code_hash("not a code"), None);
        assert_eq!(code_hash("ABCD-EFGH"), None, "too short");
        assert_eq!(
            code_hash("ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-234U"),
            None,
            "U is no symbol"
        );
    }
}
