//! What every hub test needs: a small synthetic fair initialised into a temporary data folder,
//! access codes issued through the real `codes::issue` (read back from its CSV), and the real
//! server started in-process on a free loopback port.

#![allow(dead_code)] // Each test file uses its own part of this module.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use fairway_hub::client::{ClientError, HubClient};
use fairway_hub::codes::{self, Recipients};
use fairway_hub::server::{self, RunningHub, ServeOptions};
use fairway_hub::store::Store;

pub struct TestHub {
    pub dir: tempfile::TempDir,
    pub data: PathBuf,
    /// Exhibitor id → its access code.
    pub codes: HashMap<String, String>,
    /// Exhibitor ids in order.
    pub ids: Vec<String>,
    pub running: Option<RunningHub>,
}

impl TestHub {
    /// A hub over a synthetic fair of `exhibitors`, every exhibitor with a code, serving.
    pub fn start(exhibitors: usize) -> TestHub {
        let mut hub = TestHub::stopped(exhibitors);
        hub.serve();
        hub
    }

    /// The same, not yet serving.
    pub fn stopped(exhibitors: usize) -> TestHub {
        let dir = tempfile::tempdir().expect("a temp dir");
        let source = dir.path().join("source");
        fairway_core::synth::write_synthetic(&source, exhibitors, 7).expect("a synthetic fair");
        let data = dir.path().join("data");
        fairway_hub::init::init(&source, &data).expect("hub init");
        let codes = issue_all(&data, &dir.path().join("codes.csv"));
        let mut ids: Vec<String> = codes.keys().cloned().collect();
        ids.sort();
        TestHub {
            dir,
            data,
            codes,
            ids,
            running: None,
        }
    }

    pub fn serve(&mut self) {
        let mut opts = ServeOptions::new(&self.data);
        opts.listen = "127.0.0.1:0".parse().expect("an address");
        self.running = Some(server::start(opts).expect("the hub starts"));
    }

    pub fn url(&self) -> String {
        self.running.as_ref().expect("serving").url()
    }

    pub fn client(&self) -> HubClient {
        HubClient::new(&self.url()).expect("a client")
    }

    pub fn store(&self) -> Store {
        Store::open(&self.data).expect("the hub's store opens")
    }

    /// Signs in exhibitor number `i` (0-based): its id and session token.
    pub fn sign_in(&self, i: usize) -> (String, String) {
        let id = self.ids[i].clone();
        let session = self
            .client()
            .sign_in(&self.codes[&id])
            .expect("the exhibitor's own code signs in");
        assert_eq!(session.exhibitor_id, id, "the code names its exhibitor");
        (id, session.token)
    }
}

/// Issues codes to everyone through `codes::issue` and reads the CSV back.
pub fn issue_all(data: &Path, out: &Path) -> HashMap<String, String> {
    let mut store = Store::open(data).expect("store");
    codes::issue(&mut store, &Recipients::All, out, None).expect("codes issued");
    read_codes(out)
}

pub fn read_codes(path: &Path) -> HashMap<String, String> {
    let mut reader = csv::Reader::from_path(path).expect("the codes file");
    reader
        .records()
        .map(|r| {
            let r = r.expect("a code row");
            (r[0].to_owned(), r[2].to_owned())
        })
        .collect()
}

/// The hub's error, or a failure naming what came back instead.
pub fn api_error<T: std::fmt::Debug>(result: Result<T, ClientError>) -> fairway_hub::api::ApiError {
    match result {
        Err(ClientError::Api(e)) => e,
        other => panic!("expected an error answer from the hub, got {other:?}"),
    }
}

/// A real PNG of `w`×`h` pixels.
pub fn png(w: u32, h: u32, shade: u8) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([shade, (x % 256) as u8, (y % 256) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encoding a PNG");
    out.into_inner()
}
