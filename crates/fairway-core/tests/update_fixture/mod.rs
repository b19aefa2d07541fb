//! Feeds for the update tests: a small fair (the snapshot tests' fixture without its pictures,
//! so a build takes milliseconds), signing keys, signed feed folders of any sequence, and a
//! tiny HTTP server on loopback that serves a folder with `Range` support and can cut
//! transfers short.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use fairway_core::build::{BuildOptions, build_snapshot};
use fairway_core::model::FairSource;
use fairway_core::snapshot::{PublicKey, Snapshot, keygen};
use fairway_core::update::{Library, Resolved};
use time::OffsetDateTime;

#[path = "../snapshot_fixture/mod.rs"]
mod snapshot_fixture;

/// The description of exhibitor E0001 in the snapshot of `sequence`: how a test tells which
/// snapshot answered.
pub fn description(sequence: u64) -> String {
    format!("Rice and noodles, edition {sequence}.")
}

/// The fixture fair with no pictures, rooted in a folder that holds only `fair.toml`.
pub struct SmallFair {
    _root: tempfile::TempDir,
    source: FairSource,
}

impl SmallFair {
    pub fn new() -> SmallFair {
        let root = tempfile::tempdir().expect("source folder");
        std::fs::write(root.path().join("fair.toml"), "id = \"expo-2025\"\n").expect("fair.toml");
        let mut source = snapshot_fixture::source(root.path().to_path_buf());
        for p in &mut source.pavilions {
            p.logo = None;
        }
        for e in &mut source.exhibitors {
            e.logo = None;
        }
        for p in &mut source.products {
            p.image = None;
        }
        SmallFair {
            _root: root,
            source,
        }
    }

    /// Builds and signs snapshot `sequence` into the folder `out` (a folder feed), valid from
    /// `created` for `valid_for`.
    pub fn publish_at(
        &self,
        out: &Path,
        sequence: u64,
        secret: &Path,
        created: OffsetDateTime,
        valid_for: time::Duration,
    ) -> PathBuf {
        let mut source = self.source.clone();
        source.exhibitors[0].description_en = Some(description(sequence));
        let report = build_snapshot(
            &source,
            out,
            &BuildOptions {
                sequence: Some(sequence),
                secret_key: Some(secret.to_path_buf()),
                created: Some(created),
                valid_for,
            },
        )
        .expect("the small fair builds");
        report.snapshot
    }

    /// [`SmallFair::publish_at`] now, valid for 90 days.
    pub fn publish(&self, out: &Path, sequence: u64, secret: &Path) -> PathBuf {
        self.publish_at(
            out,
            sequence,
            secret,
            OffsetDateTime::now_utc(),
            time::Duration::days(90),
        )
    }
}

/// A minisign key pair in its own folder.
pub struct Keys {
    _dir: tempfile::TempDir,
    pub public_path: PathBuf,
    pub secret: PathBuf,
}

impl Keys {
    pub fn new() -> Keys {
        let dir = tempfile::tempdir().expect("key folder");
        let (public_path, secret) = keygen(dir.path()).expect("keygen");
        Keys {
            _dir: dir,
            public_path,
            secret,
        }
    }

    pub fn public(&self) -> PublicKey {
        PublicKey::read(&self.public_path).expect("reading the public key")
    }
}

/// Asserts that the library still runs on `sequence` and that its snapshot answers a query
/// with that sequence's data.
pub fn assert_serves(library: &Library, sequence: u64, why: &str) {
    let resolution = library.resolve();
    assert_eq!(
        resolution.chosen,
        Resolved::Current,
        "{why}: the kiosk must still have a current snapshot ({})",
        resolution.reason
    );
    let pointer = resolution.pointer.expect("a current pointer");
    assert_eq!(
        pointer.sequence, sequence,
        "{why}: the installed sequence must not change"
    );
    let path = resolution.path.expect("a current path");
    let snapshot = Snapshot::open(&path).expect("the installed snapshot opens");
    let profile = snapshot
        .exhibitor("E0001")
        .expect("the installed snapshot answers")
        .expect("E0001 is there");
    assert_eq!(
        profile.description_en.as_deref(),
        Some(description(sequence).as_str()),
        "{why}: the kiosk must still serve sequence {sequence}'s data"
    );
}

/// Flips one bit of the byte at `offset` in `path`.
pub fn flip_byte(path: &Path, offset: u64) {
    let mut bytes = std::fs::read(path).expect("reading a file to damage");
    let i = usize::try_from(offset).expect("offset fits") % bytes.len();
    bytes[i] ^= 0x01;
    std::fs::write(path, bytes).expect("writing the damaged file");
}

/// How the test server misbehaves.
#[derive(Debug, Default, Clone)]
pub struct Faults {
    /// Cut the next `.sqlite` response after this many body bytes (once).
    pub cut_next_after: Option<u64>,
    /// Never send `.sqlite` bytes at or past this offset (every response).
    pub stop_at: Option<u64>,
}

/// A static file server on 127.0.0.1 for one folder, HTTP/1.1 with `Range: bytes=N-`.
pub struct FeedServer {
    pub base: String,
    /// "GET /name range=N" per request.
    pub log: Arc<Mutex<Vec<String>>>,
    pub faults: Arc<Mutex<Faults>>,
}

impl FeedServer {
    pub fn serve(dir: &Path) -> FeedServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("local address"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let faults = Arc::new(Mutex::new(Faults::default()));
        let (dir, log2, faults2) = (dir.to_path_buf(), log.clone(), faults.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = respond(stream, &dir, &log2, &faults2);
            }
        });
        FeedServer { base, log, faults }
    }

    pub fn requests(&self) -> Vec<String> {
        self.log.lock().expect("server log").clone()
    }
}

fn respond(
    stream: TcpStream,
    dir: &Path,
    log: &Mutex<Vec<String>>,
    faults: &Mutex<Faults>,
) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut range_start = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("range: bytes=") {
            range_start = value.trim().trim_end_matches('-').parse::<u64>().ok();
        }
    }
    let name = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .trim_start_matches('/')
        .to_owned();
    log.lock().expect("server log").push(format!(
        "GET /{name} range={}",
        range_start.map_or("-".to_owned(), |s| s.to_string())
    ));
    let mut out = stream;
    let path = dir.join(&name);
    let bytes = match (
        name.contains('/') || name.contains(".."),
        std::fs::read(&path),
    ) {
        (false, Ok(bytes)) => bytes,
        _ => {
            out.write_all(
                b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            )?;
            return Ok(());
        }
    };
    let total = bytes.len() as u64;
    let start = range_start.unwrap_or(0).min(total);
    let head = match range_start {
        Some(_) => format!(
            "HTTP/1.1 206 Partial Content\r\nContent-Length: {}\r\nContent-Range: bytes {start}-{}/{total}\r\nConnection: close\r\n\r\n",
            total - start,
            total.saturating_sub(1)
        ),
        None => format!("HTTP/1.1 200 OK\r\nContent-Length: {total}\r\nConnection: close\r\n\r\n"),
    };
    out.write_all(head.as_bytes())?;
    let mut end = total;
    if name.ends_with(".sqlite") {
        let mut f = faults.lock().expect("faults");
        if let Some(cut) = f.cut_next_after.take() {
            end = end.min(start + cut);
        }
        if let Some(stop) = f.stop_at {
            end = end.min(stop.max(start));
        }
    }
    out.write_all(&bytes[start as usize..end as usize])?;
    out.flush()?;
    // Dropping the stream closes the connection: a short body is a broken transfer.
    let mut sink = Vec::new();
    let _ = reader.take(0).read_to_end(&mut sink);
    Ok(())
}
