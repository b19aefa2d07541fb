//! The organiser's signing keys: minisign-compatible (Ed25519) key files, signing a manifest's
//! bytes and checking a signature, so the stock `minisign -V` tool agrees with Fairway.
//!
//! The secret key is written **unencrypted** (no password), because builds and the hub's
//! publishing run unattended. Protect `fairway.key` like a password: it is created readable by
//! its owner only, and should live on the organiser's machine, never next to the snapshots.

use std::fs::OpenOptions;
use std::io::{self, Cursor, Write};
use std::path::{Path, PathBuf};

use minisign::{KeyPair, PublicKeyBox, SecretKeyBox, SignatureBox};

/// The public key's file name: what kiosks pin.
pub const PUBLIC_KEY_FILE: &str = "fairway.pub";
/// The secret key's file name.
pub const SECRET_KEY_FILE: &str = "fairway.key";

/// Why a key could not be made, read or used.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{path}: already exists; refusing to overwrite a key")]
    Exists { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("{path}: not a minisign {kind} key: {message}")]
    Invalid {
        path: PathBuf,
        kind: &'static str,
        message: String,
    },
    #[error("could not generate a key pair: {0}")]
    Generate(String),
    #[error("could not sign: {0}")]
    Sign(String),
}

/// A secret key loaded from a file. Its `Debug` does not show the key.
pub struct SecretKey {
    path: PathBuf,
    sk: minisign::SecretKey,
    pk: minisign::PublicKey,
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SecretKey")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl SecretKey {
    /// Reads an unencrypted minisign secret key (as written by [`keygen`]).
    pub fn read(path: &Path) -> Result<SecretKey, KeyError> {
        let text = read_text(path)?;
        let invalid = |message: String| KeyError::Invalid {
            path: path.to_path_buf(),
            kind: "secret",
            message,
        };
        let boxed = SecretKeyBox::from_string(&text).map_err(|e| invalid(e.to_string()))?;
        let sk = match boxed.into_unencrypted_secret_key() {
            Ok(sk) => sk,
            Err(e) => read_unchecked(&text).ok_or_else(|| {
                invalid(format!("{e} (password-protected keys are not supported)"))
            })?,
        };
        let pk = minisign::PublicKey::from_secret_key(&sk).map_err(|e| invalid(e.to_string()))?;
        Ok(SecretKey {
            path: path.to_path_buf(),
            sk,
            pk,
        })
    }

    /// Signs `data` and returns the `.minisig` file's text. The trusted comment is signed too,
    /// so it can say what is signed (the snapshot file and its sequence).
    pub fn sign(&self, data: &[u8], trusted_comment: &str) -> Result<String, KeyError> {
        let signature = minisign::sign(
            Some(&self.pk),
            &self.sk,
            Cursor::new(data),
            Some(trusted_comment),
            Some("signature from fairway secret key"),
        )
        .map_err(|e| KeyError::Sign(e.to_string()))?;
        Ok(signature.into_string())
    }
}

/// The length of a minisign secret key: algorithms, KDF salt and limits, key id, key, checksum.
const SECRET_KEY_BYTES: usize = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;

/// Reads an unencrypted key the checksum of which does not match. `minisign -G -W` (Debian's
/// minisign 0.11) writes unencrypted keys with an all-zero checksum, which the `minisign` crate
/// refuses as corrupted. Such a key is accepted only when it is unencrypted and proves itself
/// instead: a probe it signs must verify with the public half it carries, so a damaged key is
/// still refused.
fn read_unchecked(text: &str) -> Option<minisign::SecretKey> {
    use base64::Engine as _;
    let line = text.lines().nth(1)?.trim();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(line)
        .ok()?;
    // Ed25519, no KDF (not password-protected).
    if bytes.len() != SECRET_KEY_BYTES || bytes[0..2] != *b"Ed" || bytes[2..4] != [0, 0] {
        return None;
    }
    let sk = minisign::SecretKey::from_bytes(&bytes).ok()?;
    let pk = minisign::PublicKey::from_secret_key(&sk).ok()?;
    let probe = b"fairway: does this key sign what its public half verifies?";
    let signature = minisign::sign(None, &sk, Cursor::new(&probe[..]), None, None).ok()?;
    minisign::verify(&pk, &signature, Cursor::new(&probe[..]), true, false, false).ok()?;
    Some(sk)
}

/// A public key loaded from a file.
#[derive(Debug, Clone)]
pub struct PublicKey {
    pk: minisign::PublicKey,
}

impl PublicKey {
    /// Reads a minisign public key file (`untrusted comment:` line, then the key).
    pub fn read(path: &Path) -> Result<PublicKey, KeyError> {
        let text = read_text(path)?;
        let pk = PublicKeyBox::from_string(&text)
            .and_then(PublicKeyBox::into_public_key)
            .map_err(|e| KeyError::Invalid {
                path: path.to_path_buf(),
                kind: "public",
                message: e.to_string(),
            })?;
        Ok(PublicKey { pk })
    }

    /// Parses a public key given as text: either a whole `.pub` file (comment line and key)
    /// or just the key's base64 line, as a kiosk config holds it.
    pub fn parse(text: &str) -> Result<PublicKey, String> {
        let text = text.trim();
        let pk = if text.contains('\n') {
            PublicKeyBox::from_string(text).and_then(PublicKeyBox::into_public_key)
        } else {
            minisign::PublicKey::from_base64(text)
        }
        .map_err(|e| format!("not a minisign public key: {e}"))?;
        Ok(PublicKey { pk })
    }

    /// Checks a `.minisig` text against `data`. The error says why, in one line.
    pub fn verify(&self, data: &[u8], signature: &str) -> Result<(), String> {
        let signature = SignatureBox::from_string(signature)
            .map_err(|e| format!("not a minisign signature: {e}"))?;
        minisign::verify(&self.pk, &signature, Cursor::new(data), true, false, false)
            .map_err(|e| e.to_string())
    }
}

/// Writes a new key pair into `out_dir` (created if needed) as `fairway.pub` and `fairway.key`
/// and returns their paths (public, secret). Refuses to overwrite either file. The secret key
/// is not password-protected (see the module documentation).
pub fn keygen(out_dir: &Path) -> Result<(PathBuf, PathBuf), KeyError> {
    let public = out_dir.join(PUBLIC_KEY_FILE);
    let secret = out_dir.join(SECRET_KEY_FILE);
    for path in [&public, &secret] {
        if path.exists() {
            return Err(KeyError::Exists { path: path.clone() });
        }
    }
    std::fs::create_dir_all(out_dir).map_err(|source| KeyError::Io {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let pair =
        KeyPair::generate_unencrypted_keypair().map_err(|e| KeyError::Generate(e.to_string()))?;
    let pk_text = pair
        .pk
        .to_box()
        .map_err(|e| KeyError::Generate(e.to_string()))?
        .into_string();
    let sk_text = pair
        .sk
        .to_box(Some("fairway secret key (unencrypted)"))
        .map_err(|e| KeyError::Generate(e.to_string()))?
        .into_string();

    write_new(&secret, sk_text.as_bytes(), true)?;
    if let Err(err) = write_new(&public, pk_text.as_bytes(), false) {
        // Half a key pair is useless and would block the next attempt.
        let _ = std::fs::remove_file(&secret);
        return Err(err);
    }
    Ok((public, secret))
}

fn read_text(path: &Path) -> Result<String, KeyError> {
    std::fs::read_to_string(path).map_err(|source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Creates `path` (failing if it exists), writes and syncs it.
fn write_new(path: &Path, bytes: &[u8], private: bool) -> Result<(), KeyError> {
    let io_err = |source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == io::ErrorKind::AlreadyExists {
            KeyError::Exists {
                path: path.to_path_buf(),
            }
        } else {
            io_err(e)
        }
    })?;
    file.write_all(bytes).map_err(io_err)?;
    file.sync_all().map_err(io_err)?;
    Ok(())
}
