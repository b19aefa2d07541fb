//! Where new snapshots come from: a folder (USB stick, network share) or an HTTP base URL, each
//! holding `manifest.json`, `manifest.json.minisig` and the snapshot file the manifest names.
//!
//! A feed only moves bytes; every decision about them is the library's. HTTP downloads go into
//! a `.part` file that the next attempt (or the next poll) resumes with a `Range` request, and
//! no feed may make the kiosk store more than the size cap.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::UpdateError;

/// The default cap on one snapshot file: far above a 20,000-exhibitor fair with logos, far
/// below what would fill a kiosk's disk.
pub const DEFAULT_MAX_SNAPSHOT_SIZE: u64 = 4 << 30;

/// The cap on `manifest.json` and its signature: both are a few hundred bytes.
const MAX_SMALL_FILE: u64 = 64 << 10;

/// How many times one install asks an HTTP feed for the rest of a snapshot.
const DOWNLOAD_ATTEMPTS: u32 = 3;

/// A source of signed snapshots.
#[derive(Debug, Clone)]
pub enum Feed {
    /// A folder holding the manifest, its signature and the snapshot file.
    Folder(PathBuf),
    /// An HTTP base URL; `<base>/manifest.json` and so on. Plain `http://` only (the files are
    /// signed, so TLS would add privacy, not integrity).
    Http { base: String, agent: ureq::Agent },
}

impl Feed {
    /// A feed from a config or command-line value: a URL when it starts with `http://` or
    /// `https://`, a folder otherwise.
    pub fn parse(value: &str) -> Feed {
        if value.starts_with("http://") || value.starts_with("https://") {
            Feed::http(value)
        } else {
            Feed::Folder(PathBuf::from(value))
        }
    }

    pub fn http(base: &str) -> Feed {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_recv_response(Some(Duration::from_secs(30)))
            .timeout_per_read(Some(Duration::from_secs(30)))
            .build();
        Feed::Http {
            base: base.trim_end_matches('/').to_owned(),
            agent: ureq::Agent::new_with_config(config),
        }
    }

    /// The folder or URL, for messages.
    pub fn describe(&self) -> String {
        match self {
            Feed::Folder(dir) => dir.display().to_string(),
            Feed::Http { base, .. } => base.clone(),
        }
    }

    fn error(&self, detail: impl Into<String>) -> UpdateError {
        UpdateError::Feed {
            feed: self.describe(),
            detail: detail.into(),
        }
    }

    /// A small file (the manifest or its signature), whole, under [`MAX_SMALL_FILE`].
    pub(crate) fn fetch_small(&self, name: &str) -> Result<Vec<u8>, UpdateError> {
        let mut bytes = Vec::new();
        match self {
            Feed::Folder(dir) => {
                let path = dir.join(name);
                File::open(&path)
                    .and_then(|f| f.take(MAX_SMALL_FILE + 1).read_to_end(&mut bytes))
                    .map_err(|e| self.error(format!("{name}: {e}")))?;
            }
            Feed::Http { base, agent } => {
                let url = format!("{base}/{name}");
                let response = agent
                    .get(&url)
                    .call()
                    .map_err(|e| self.error(format!("{name}: {e}")))?;
                if response.status() != 200 {
                    return Err(self.error(format!("{name}: HTTP {}", response.status())));
                }
                response
                    .into_body()
                    .into_reader()
                    .take(MAX_SMALL_FILE + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| self.error(format!("{name}: {e}")))?;
            }
        }
        if bytes.len() as u64 > MAX_SMALL_FILE {
            return Err(UpdateError::rejected(
                "size",
                format!("{name} is over {MAX_SMALL_FILE} bytes"),
            ));
        }
        Ok(bytes)
    }

    /// Brings the snapshot file `name` into `part`, which may already hold a prefix of it from
    /// an interrupted download. Refuses to store more than `expected` bytes. A file that ends
    /// short is left for the library's size check (folder) or kept for the next attempt (HTTP).
    pub(crate) fn fetch_snapshot(
        &self,
        name: &str,
        expected: u64,
        part: &Path,
    ) -> Result<(), UpdateError> {
        match self {
            Feed::Folder(dir) => {
                let source = dir.join(name);
                let file = File::open(&source).map_err(|e| self.error(format!("{name}: {e}")))?;
                let mut out = File::create(part).map_err(UpdateError::io(part))?;
                let copied = io::copy(&mut file.take(expected + 1), &mut out)
                    .map_err(|e| self.error(format!("{name}: {e}")))?;
                out.sync_all().map_err(UpdateError::io(part))?;
                if copied > expected {
                    drop(out);
                    let _ = std::fs::remove_file(part);
                    return Err(too_big(name, expected));
                }
                Ok(())
            }
            Feed::Http { base, agent } => {
                download(agent, &format!("{base}/{name}"), name, expected, part).map_err(
                    |e| match e {
                        Download::Feed(detail) => self.error(detail),
                        Download::Update(e) => e,
                    },
                )
            }
        }
    }
}

fn too_big(name: &str, expected: u64) -> UpdateError {
    UpdateError::rejected(
        "size",
        format!("{name}: the feed sent more than the manifest's {expected} bytes"),
    )
}

enum Download {
    /// The server cannot be used (refused, 404): not worth another attempt now.
    Feed(String),
    Update(UpdateError),
}

/// The resumable download: each attempt asks for the bytes after what `part` holds.
fn download(
    agent: &ureq::Agent,
    url: &str,
    name: &str,
    expected: u64,
    part: &Path,
) -> Result<(), Download> {
    let io_err = |e| Download::Update(UpdateError::io(part)(e));
    let mut last_problem = String::from("no attempt made");
    for attempt in 0..DOWNLOAD_ATTEMPTS {
        if attempt > 0 {
            std::thread::sleep(Duration::from_millis(100 * u64::from(attempt)));
        }
        let mut have = std::fs::metadata(part).map(|m| m.len()).unwrap_or(0);
        if have > expected {
            have = 0;
        }
        if have == expected {
            return Ok(());
        }
        let mut request = agent.get(url);
        if have > 0 {
            request = request.header("Range", format!("bytes={have}-"));
        }
        let response = match request.call() {
            Ok(r) => r,
            Err(e) => {
                last_problem = e.to_string();
                continue;
            }
        };
        let status = response.status().as_u16();
        let resumed = status == 206
            && response
                .headers()
                .get("content-range")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with(&format!("bytes {have}-")));
        match status {
            // The whole file, whatever we asked for: start over.
            200 => have = 0,
            206 if resumed => {}
            206 => {
                last_problem = "the server answered a different range".to_owned();
                let _ = std::fs::remove_file(part);
                continue;
            }
            500..=599 => {
                last_problem = format!("{name}: HTTP {status}");
                continue;
            }
            _ => return Err(Download::Feed(format!("{name}: HTTP {status}"))),
        }
        let mut out = OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(have == 0)
            .append(have > 0)
            .open(part)
            .map_err(io_err)?;
        let mut body = response.into_body().into_reader().take(expected - have + 1);
        let mut buf = vec![0u8; 1 << 16];
        let outcome = loop {
            match body.read(&mut buf) {
                Ok(0) => break Ok(()),
                Ok(n) => {
                    have += n as u64;
                    if have > expected {
                        drop(out);
                        let _ = std::fs::remove_file(part);
                        return Err(Download::Update(too_big(name, expected)));
                    }
                    out.write_all(&buf[..n]).map_err(io_err)?;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        out.sync_all().map_err(io_err)?;
        match outcome {
            Ok(()) if have == expected => return Ok(()),
            Ok(()) => last_problem = format!("the transfer ended at byte {have}"),
            Err(e) => last_problem = format!("the transfer broke at byte {have}: {e}"),
        }
    }
    let have = std::fs::metadata(part).map(|m| m.len()).unwrap_or(0);
    Err(Download::Update(UpdateError::rejected(
        "download",
        format!(
            "{name}: stopped at {have} of {expected} bytes after {DOWNLOAD_ATTEMPTS} attempts \
             ({last_problem}); the partial file is kept and the next poll resumes it"
        ),
    )))
}
