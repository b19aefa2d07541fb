//! The harness for Fairway's end-to-end tests: a hermetic snapshot, a virtual X display (Xvfb),
//! `tauri-driver` in front of WebKitWebDriver, and a WebDriver client (fantoccini) driving the
//! real `fairway-kiosk` binary.
//!
//! Every process started here is ended again when its guard drops, and every wait has a
//! timeout, so a broken app fails a test instead of hanging it. Displays and ports are chosen
//! free at run time; nothing is written outside temporary folders.

use std::io;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

pub mod xss;

/// How long any single wait in a test may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(20);

/// The exhibitor whose name and description the fixture replaces with hostile markup.
pub const HOSTILE_ID: &str = "E0005";
pub const HOSTILE_NAME: &str =
    r#"Hostile <img src=x onerror="window.__fairwayPwned='img'"> Trading"#;
pub const HOSTILE_DESCRIPTION: &str = r#"<script>window.__fairwayPwned='script'</script><b>bold?</b> <img src=x onerror="window.__fairwayPwned='desc'">"#;

/// The workspace root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The `fairway-kiosk` binary under test: `$FAIRWAY_KIOSK_BIN`, else the one cargo built next
/// to this test binary (`cargo test --workspace` builds it; so does `cargo build -p
/// fairway-kiosk`).
pub fn kiosk_binary() -> PathBuf {
    built_binary("FAIRWAY_KIOSK_BIN", "fairway-kiosk", "fairway-kiosk")
}

/// The release build of the kiosk, the artefact that ships (`target/release/fairway-kiosk`,
/// also what the .deb installs): `$FAIRWAY_RELEASE_KIOSK_BIN`, else the release folder beside
/// this test binary's profile folder. Fails, saying how to build it, when it is missing: the
/// lockdown tests must never pass on a binary they did not check.
pub fn release_kiosk_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("FAIRWAY_RELEASE_KIOSK_BIN") {
        return PathBuf::from(p);
    }
    let exe = std::env::current_exe().expect("the test binary knows its path");
    let target = exe
        .ancestors()
        .nth(3)
        .expect("test binaries live in target/<profile>/deps");
    let bin = target
        .join("release")
        .join(format!("fairway-kiosk{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "{} is missing: the lockdown tests check the release build, so build it first with \
         `cargo build --release -p fairway-kiosk` (after `npm run build` in ui/; \
         scripts/check.sh does both)",
        bin.display()
    );
    bin
}

/// The organiser's `fairway` binary (hub, codes, review, publish): `$FAIRWAY_BIN`, else the one
/// cargo built next to this test binary (`cargo build -p fairway-cli`).
pub fn fairway_binary() -> PathBuf {
    built_binary("FAIRWAY_BIN", "fairway", "fairway-cli")
}

/// The binary `name` named by `$env_var`, else the one cargo built into this test binary's
/// profile folder (target/<profile>/deps/<test> → target/<profile>/<name>).
fn built_binary(env_var: &str, name: &str, package: &str) -> PathBuf {
    if let Some(p) = std::env::var_os(env_var) {
        return PathBuf::from(p);
    }
    let exe = std::env::current_exe().expect("the test binary knows its path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("test binaries live in target/<profile>/deps");
    let bin = profile_dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "{} is missing: build it first with `cargo build -p {package}` (check.sh does)",
        bin.display()
    );
    bin
}

/// Where the end-to-end tests write their screenshots: `$FAIRWAY_SCREENSHOTS_DIR`, or
/// `target/screenshots` next to the test binary's `target/<profile>/deps`.
pub fn screenshot_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("FAIRWAY_SCREENSHOTS_DIR") {
        return PathBuf::from(dir);
    }
    let exe = std::env::current_exe().expect("the test binary knows its path");
    exe.ancestors()
        .nth(3)
        .expect("test binaries live in target/<profile>/deps")
        .join("screenshots")
}

/// A temporary folder removed when the fixture goes away.
#[derive(Debug)]
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub snapshot: PathBuf,
}

/// The demo fair, copied, with one hostile exhibitor, built into a snapshot once per test binary.
pub fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| build_fixture().expect("the hostile demo fair builds"))
}

fn build_fixture() -> Result<Fixture, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let source = dir.path().join("fair");
    copy_dir(&repo_root().join("assets/demo-fair"), &source)?;
    make_hostile(&source.join("exhibitors.csv"))?;
    let out = dir.path().join("snapshot");
    let report = fairway_core::build::build(&source, &out, &Default::default())?;
    Ok(Fixture {
        snapshot: report.snapshot,
        dir,
    })
}

/// Copies a folder tree (a fair's source folder).
pub fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Rewrites one exhibitor's English name and description as markup that would run script if
/// the interface ever inserted it as HTML.
fn make_hostile(csv_path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    rename_exhibitor(csv_path, HOSTILE_ID, HOSTILE_NAME, HOSTILE_DESCRIPTION)
}

/// Gives exhibitor `target` of a source folder's `exhibitors.csv` a new English name and
/// description.
pub fn rename_exhibitor(
    csv_path: &Path,
    target: &str,
    new_name: &str,
    new_description: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut reader = csv::Reader::from_path(csv_path)?;
    let headers = reader.headers()?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("exhibitors.csv has no {name} column"))
    };
    let (id, name, description) = (column("id")?, column("name_en")?, column("description_en")?);
    let mut rows = Vec::new();
    let mut found = false;
    for record in reader.records() {
        let mut row: Vec<String> = record?.iter().map(str::to_owned).collect();
        if row[id] == target {
            row[name] = new_name.to_owned();
            row[description] = new_description.to_owned();
            found = true;
        }
        rows.push(row);
    }
    if !found {
        return Err(format!("the fair has no exhibitor {target}").into());
    }
    let mut writer = csv::Writer::from_path(csv_path)?;
    writer.write_record(&headers)?;
    for row in rows {
        writer.write_record(&row)?;
    }
    writer.flush()?;
    Ok(())
}

/// A child process killed (with its process group) when dropped.
#[derive(Debug)]
struct Guarded {
    child: Child,
    what: &'static str,
}

/// Every descendant of `pid`, children before grandchildren.
pub fn descendants(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let mut stack = vec![pid];
    while let Some(p) = stack.pop() {
        let Ok(tasks) = std::fs::read_dir(format!("/proc/{p}/task")) else {
            continue;
        };
        for task in tasks.flatten() {
            let list = std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
            for child in list
                .split_whitespace()
                .filter_map(|c| c.parse::<u32>().ok())
            {
                out.push(child);
                stack.push(child);
            }
        }
    }
    out
}

fn signal(signal: &str, pids: &[String]) {
    if pids.is_empty() {
        return;
    }
    let _ = Command::new("kill")
        .arg(signal)
        .arg("--")
        .args(pids)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

impl Drop for Guarded {
    fn drop(&mut self) {
        // The process leads its own group; what it started may not stay in that group
        // (WebKitWebDriver, the app, WebKit's helpers), so each descendant is signalled too.
        let root = self.child.id();
        let mut targets: Vec<String> = descendants(root).iter().map(u32::to_string).collect();
        targets.push(format!("-{root}"));
        signal("-TERM", &targets);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            let alive = targets
                .iter()
                .filter(|t| !t.starts_with('-'))
                .any(|t| Path::new(&format!("/proc/{t}")).exists());
            if !alive && matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        signal("-KILL", &targets);
        let _ = self.child.kill();
        let _ = self.child.wait();
        eprintln!("(stopped {} the hard way)", self.what);
    }
}

fn spawn_group(mut cmd: Command, what: &'static str) -> io::Result<Guarded> {
    use std::os::unix::process::CommandExt;
    cmd.process_group(0);
    let child = cmd.spawn().map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("cannot start {what}: {e} (scripts/check.sh installs it)"),
        )
    })?;
    Ok(Guarded { child, what })
}

/// A virtual X display of a given size.
#[derive(Debug)]
pub struct Display {
    pub number: u32,
    _xvfb: Guarded,
}

impl Display {
    pub fn start(width: u32, height: u32) -> io::Result<Display> {
        let first = 100 + std::process::id() % 400;
        for number in (first..first + 100).chain(100..first) {
            if Path::new(&format!("/tmp/.X{number}-lock")).exists()
                || Path::new(&format!("/tmp/.X11-unix/X{number}")).exists()
            {
                continue;
            }
            let mut cmd = Command::new("Xvfb");
            cmd.arg(format!(":{number}"))
                .args(["-screen", "0", &format!("{width}x{height}x24")])
                .args(["-nolisten", "tcp", "-noreset"])
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let mut xvfb = spawn_group(cmd, "Xvfb")?;
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if socket.exists() {
                    return Ok(Display {
                        number,
                        _xvfb: xvfb,
                    });
                }
                if let Ok(Some(_)) = xvfb.child.try_wait() {
                    break; // Lost a race for this display: try the next.
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        Err(io::Error::other("no free X display for Xvfb"))
    }
}

fn free_port() -> io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// What a kiosk under test is started with.
#[derive(Debug, Clone)]
pub struct Options {
    pub width: u32,
    pub height: u32,
    pub idle_seconds: u32,
    pub language: &'static str,
    /// The config's `kiosk_id`; `e2e` is in no snapshot, so the map falls back to the first kiosk.
    pub kiosk_id: &'static str,
    /// Start with no configuration at all (the demo fair, windowed).
    pub no_config: bool,
    /// The config's `software_rendering` (WebKit paints on the CPU); `None` leaves it out (the
    /// kiosk's default, "auto": on the CPU where there is no GPU, as on CI). Defaults to
    /// `$FAIRWAY_SOFTWARE_RENDERING` (`1` or `0`) when that is set, so the whole suite can run
    /// in either mode.
    pub software_rendering: Option<bool>,
    /// More lines for the kiosk's TOML (e.g. the update keys).
    pub extra_config: String,
    /// More environment for the app (e.g. a D-Bus session bus).
    pub env: Vec<(String, String)>,
    /// The app binary to start; `None`: [`kiosk_binary`] (the build of this test's profile).
    /// The lockdown tests pass [`release_kiosk_binary`].
    pub binary: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 1080,
            height: 1920,
            idle_seconds: 600,
            language: "en",
            kiosk_id: "e2e",
            no_config: false,
            software_rendering: std::env::var("FAIRWAY_SOFTWARE_RENDERING")
                .ok()
                .map(|v| v == "1"),
            extra_config: String::new(),
            env: Vec::new(),
            binary: None,
        }
    }
}

/// A running kiosk: the app under tauri-driver on its own display, and a WebDriver client.
#[derive(Debug)]
pub struct Kiosk {
    pub client: Client,
    _driver: Guarded,
    _display: Display,
    _home: tempfile::TempDir,
}

impl Kiosk {
    /// Starts the kiosk on the fixture snapshot (or `snapshot`) and waits for the attract screen.
    pub async fn start(options: Options) -> Kiosk {
        Self::start_on(options, &fixture().snapshot).await
    }

    pub async fn start_on(options: Options, snapshot: &Path) -> Kiosk {
        let display = Display::start(options.width, options.height).expect("Xvfb starts");
        let home = tempfile::tempdir().expect("a temporary home");
        let config = home.path().join("kiosk.toml");
        std::fs::write(
            &config,
            format!(
                "kiosk_id = \"{}\"\nlocation_en = \"Test bench\"\nlocation_zh = \"测试台\"\n\
                 language = \"{}\"\nidle_seconds = {}\nfullscreen = true\nsnapshot = {}\n{}{}\n",
                options.kiosk_id,
                options.language,
                options.idle_seconds,
                Value::String(snapshot.display().to_string()),
                options
                    .software_rendering
                    .map(|on| format!("software_rendering = {on}\n"))
                    .unwrap_or_default(),
                options.extra_config,
            ),
        )
        .expect("the kiosk config is written");

        let args = if options.no_config {
            Vec::new()
        } else {
            vec!["--config".to_owned(), config.display().to_string()]
        };
        let binary = options.binary.clone().unwrap_or_else(kiosk_binary);
        let kiosk = Self::launch(display, home, &binary, args, &options.env).await;
        kiosk.wait_for("[data-testid=attract]").await;
        kiosk
    }

    /// Starts the app with `args` (e.g. exhibitor mode) on a `width`×`height` display and waits
    /// until `ready` (a CSS selector) is on screen. The app's folders live in a temporary home.
    pub async fn start_app(width: u32, height: u32, args: Vec<String>, ready: &str) -> Kiosk {
        let display = Display::start(width, height).expect("Xvfb starts");
        let home = tempfile::tempdir().expect("a temporary home");
        let app = Self::launch(display, home, &kiosk_binary(), args, &[]).await;
        app.wait_for(ready).await;
        app
    }

    async fn launch(
        display: Display,
        home: tempfile::TempDir,
        binary: &Path,
        args: Vec<String>,
        env: &[(String, String)],
    ) -> Kiosk {
        let port = free_port().expect("a free port");
        let native_port = free_port().expect("another free port");
        let mut cmd = Command::new("tauri-driver");
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("DISPLAY", format!(":{}", display.number))
        // Hermetic: WebKit's caches and the app's folders live in the temporary home.
        .env("HOME", home.path())
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
        if let Some(cargo_bin) =
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo/bin"))
        {
            let path = std::env::var_os("PATH").unwrap_or_default();
            let mut paths: Vec<PathBuf> = std::env::split_paths(&path).collect();
            paths.push(cargo_bin);
            cmd.env("PATH", std::env::join_paths(paths).expect("PATH joins"));
        }
        let driver = spawn_group(cmd, "tauri-driver").expect("tauri-driver starts");
        // tauri-driver listens first and starts WebKitWebDriver behind it; a session request
        // before both listen fails, so wait for both.
        let deadline = Instant::now() + WAIT;
        for p in [port, native_port] {
            while TcpStream::connect(("127.0.0.1", p)).is_err() {
                assert!(
                    Instant::now() < deadline,
                    "tauri-driver/WebKitWebDriver did not listen on {p}"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }

        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".to_owned(),
            json!({
                "application": binary,
                "args": args,
            }),
        );
        let mut attempt = 0;
        let client = loop {
            attempt += 1;
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            let started = tokio::time::timeout(
                Duration::from_secs(60),
                ClientBuilder::new(connector)
                    .capabilities(caps.clone())
                    .connect(&format!("http://127.0.0.1:{port}")),
            )
            .await
            .expect("the WebDriver session starts within a minute");
            match started {
                Ok(client) => break client,
                // A driver that is still warming up drops the first request now and then.
                Err(e) if attempt < 3 => {
                    eprintln!("WebDriver session attempt {attempt} failed ({e}); retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => panic!("tauri-driver starts a session with the kiosk: {e}"),
            }
        };
        Kiosk {
            client,
            _driver: driver,
            _display: display,
            _home: home,
        }
    }

    /// The number of the X display the app runs on (`:N`), for looking at its windows.
    pub fn display_number(&self) -> u32 {
        self._display.number
    }

    /// The app's temporary home (its XDG folders are inside).
    pub fn home(&self) -> &Path {
        self._home.path()
    }

    /// Ends the WebDriver session (which closes the app); the guards stop the rest.
    pub async fn close(self) {
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.clone().close()).await;
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear within {WAIT:?}: {e}"))
    }

    /// Waits until `css` matches nothing.
    pub async fn wait_gone(&self, css: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let found = self
                .client
                .find_all(Locator::Css(css))
                .await
                .expect("find_all works");
            if found.is_empty() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{css} was still there after {WAIT:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `script` (a function body returning a value) returns something truthy.
    pub async fn wait_until(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let value = self.eval(script).await;
            let truthy = !matches!(&value, Value::Null | Value::Bool(false))
                && value != json!(0)
                && value != json!("");
            if truthy {
                return value;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: not true within {WAIT:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Taps the first element matching `css`; when the screen replaces the element between
    /// finding and tapping it (a live-updating list, a re-render after a snapshot swap), finds
    /// it again. Only a stale or vanished element is tapped again: any other error may come
    /// after the click happened, and a second tap would undo a toggle.
    pub async fn tap(&self, css: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let element = self.wait_for(css).await;
            // A visitor scrolls a control into view before touching it; WebKitWebDriver's own
            // scrolling can leave it under the fixed bar at the bottom.
            if let Ok(arg) = serde_json::to_value(&element) {
                let _ = self
                    .client
                    .execute(
                        "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'}); return true",
                        vec![arg],
                    )
                    .await;
            }
            match element.click().await {
                Ok(()) => return,
                Err(e)
                    if Instant::now() < deadline
                        && (e.is_stale_element_reference()
                            || e.is_no_such_element()
                            || e.to_string().contains("not found")) =>
                {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("tapping {css} failed: {e}"),
            }
        }
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .text()
            .await
            .expect("an element has text")
    }

    /// Types on the on-screen keyboard, one key press per character.
    pub async fn type_on_keyboard(&self, text: &str) {
        for c in text.chars() {
            let key = if c == ' ' {
                "{space}".to_owned()
            } else {
                c.to_string()
            };
            self.tap(&format!("[data-skbtn=\"{key}\"]")).await;
        }
    }

    /// Runs `script` (a function body) in the page and returns its value.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs `script` (a function body whose last argument is a callback) and returns what it
    /// passes to the callback, failing after [`WAIT`].
    pub async fn eval_async(&self, script: &str) -> Value {
        tokio::time::timeout(WAIT, self.client.execute_async(script, Vec::new()))
            .await
            .unwrap_or_else(|_| panic!("async script did not finish within {WAIT:?}\n{script}"))
            .unwrap_or_else(|e| panic!("async script failed: {e}\n{script}"))
    }

    /// Reads the QR code drawn by the element `css` out of a picture of the window
    /// (what a phone camera would see), decoded with rqrr to its raw bytes.
    pub async fn read_qr(&self, css: &str) -> Vec<u8> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            match self.try_read_qr(css).await {
                Ok(bytes) => return bytes,
                // A screenshot can show a frame from before the last paint; look again.
                Err(e) if attempt < 5 => {
                    eprintln!("reading the QR in {css}, attempt {attempt}: {e}");
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
                Err(e) => panic!("{e}"),
            }
        }
    }

    async fn try_read_qr(&self, css: &str) -> Result<Vec<u8>, String> {
        let element = self.wait_for(css).await;
        let (x, y, w, h) = element
            .rectangle()
            .await
            .expect("the element has a rectangle");
        let png = self.window_png().await;
        let shot = image::load_from_memory(&png)
            .expect("the screenshot is an image")
            .to_luma8();
        // The element's box in screenshot pixels (the window's scale factor, if any), plus a
        // margin; the QR's own quiet zone is inside the box.
        let scale = f64::from(shot.width())
            / self
                .eval("return window.innerWidth")
                .await
                .as_f64()
                .unwrap_or(1.0)
                .max(1.0);
        let clamp = |v: f64, max: u32| (v.max(0.0) as u32).min(max);
        let (left, top) = (
            clamp((x - 8.0) * scale, shot.width()),
            clamp((y - 8.0) * scale, shot.height()),
        );
        let right = clamp((x + w + 8.0) * scale, shot.width());
        let bottom = clamp((y + h + 8.0) * scale, shot.height());
        assert!(
            right > left && bottom > top,
            "{css} is on screen: {x},{y} {w}x{h}"
        );
        let crop =
            image::imageops::crop_imm(&shot, left, top, right - left, bottom - top).to_image();
        let mut prepared = rqrr::PreparedImage::prepare(crop.clone());
        let grids = prepared.detect_grids();
        if grids.len() != 1 {
            let path = std::env::temp_dir().join("fairway-qr-failed.png");
            let _ = crop.save(&path);
            return Err(format!(
                "{} QR codes found in {css} (crop {left},{top} {}x{} saved to {}; element at {x},{y} {w}x{h}, scale {scale})",
                grids.len(),
                right - left,
                bottom - top,
                path.display()
            ));
        }
        let mut bytes = Vec::new();
        grids[0]
            .decode_to(&mut bytes)
            .map_err(|e| format!("the QR code in {css} does not decode: {e}"))?;
        Ok(bytes)
    }

    /// Saves a PNG of the whole window.
    pub async fn screenshot(&self, path: &Path) {
        let png = self.window_png().await;
        assert!(png.starts_with(b"\x89PNG"), "a screenshot is a PNG");
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("the screenshot folder can be created");
        }
        std::fs::write(path, png).expect("the screenshot is written");
    }

    /// A PNG of the app's window as the X server shows it: what the visitor sees, whichever
    /// way WebKit paints. (WebKitWebDriver's own screenshot waits for WebKit's next frame when
    /// WebKit paints on the CPU, so on a still page it never returns.) Two animation frames
    /// are let through first so the picture holds the last change.
    pub async fn window_png(&self) -> Vec<u8> {
        self.eval_async(
            "const done = arguments[arguments.length - 1]; \
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
        )
        .await;
        let display = format!(":{}", self.display_number());
        let found = std::process::Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", "^Fairway"])
            .env("DISPLAY", &display)
            .output()
            .expect("xdotool runs");
        let window = String::from_utf8_lossy(&found.stdout)
            .split_whitespace()
            .next()
            .map(str::to_owned)
            .unwrap_or_else(|| "root".to_owned());
        let shot = std::process::Command::new("import")
            .args(["-display", &display, "-window", &window, "png:-"])
            .output()
            .expect("imagemagick's import runs");
        assert!(
            shot.status.success(),
            "import captures window {window} on {display}: {}",
            String::from_utf8_lossy(&shot.stderr)
        );
        shot.stdout
    }
}

/// Runs one end-to-end scenario: one at a time in this test binary (one WebDriver session at a
/// time), on its own runtime, failing when it takes longer than `limit`.
pub fn scenario<F, Fut>(limit: Duration, f: F)
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a Tokio runtime");
    runtime.block_on(async {
        tokio::time::timeout(limit, f())
            .await
            .unwrap_or_else(|_| panic!("the scenario did not finish within {limit:?}"));
    });
}

/// Memory of a process and all its descendants, in MiB.
#[derive(Debug, Clone)]
pub struct TreeMemory {
    /// Sum of VmRSS: pages shared between the processes (WebKit's libraries) count once each.
    pub rss: f64,
    /// Sum of Pss (`smaps_rollup`): shared pages split between the processes that map them,
    /// so the sum is what the tree costs the machine.
    pub pss: f64,
    /// Each process: name, RSS, PSS.
    pub parts: Vec<(String, f64, f64)>,
}

fn kib_field(text: &str, field: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1024.0
}

pub fn tree_memory(root: u32) -> TreeMemory {
    let mut memory = TreeMemory {
        rss: 0.0,
        pss: 0.0,
        parts: Vec::new(),
    };
    let mut stack = vec![root];
    while let Some(pid) = stack.pop() {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let rollup =
            std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
        let name = status
            .lines()
            .find_map(|l| l.strip_prefix("Name:"))
            .unwrap_or("?")
            .trim()
            .to_owned();
        let (rss, pss) = (kib_field(&status, "VmRSS:"), kib_field(&rollup, "Pss:"));
        memory.rss += rss;
        memory.pss += pss;
        memory.parts.push((name, rss, pss));
        stack.extend(children(pid));
    }
    memory
}

/// A process's name (`/proc/PID/comm`, at most 15 bytes: WebKit's web process is
/// `WebKitWebProces`); empty once it is gone.
/// Real X input on display `:n` (xdotool through XTEST): what a touchscreen's driver sends,
/// through GTK into WebKit, unlike WebDriver's clicks, which WebKit synthesises itself.
pub fn xdotool(n: u32, args: &[&str]) {
    let status = std::process::Command::new("xdotool")
        .env("DISPLAY", format!(":{n}"))
        .args(args)
        .status()
        .expect("xdotool runs (scripts/check.sh installs it)");
    assert!(status.success(), "xdotool {args:?}");
}

pub fn process_name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn children(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return out;
    };
    for task in tasks.flatten() {
        let list = std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
        out.extend(
            list.split_whitespace()
                .filter_map(|p| p.parse::<u32>().ok()),
        );
    }
    out
}

/// The pid of the kiosk process under test, found by its executable.
pub fn kiosk_pid() -> Option<u32> {
    let bin = kiosk_binary().canonicalize().ok()?;
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let exe = std::fs::read_link(e.path().join("exe")).ok()?;
        (exe == bin).then_some(pid)
    })
}
