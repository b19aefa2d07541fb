//! The kiosk's configuration: a small TOML file named with `--config`, or the demo defaults.
//!
//! ```toml
//! kiosk_id = "N1-entrance"
//! location_en = "Hall N1, main entrance"
//! location_zh = "N1馆 主入口"
//! language = "en"          # en | zh: the language the attract screen returns to
//! idle_seconds = 60        # inactivity before the "still here?" countdown
//! snapshot = "/var/lib/fairway/current.sqlite"   # relative paths are relative to this file
//! fullscreen = true
//! software_rendering = "auto"  # true: paint on the CPU; false: through the GPU; "auto" (the
//!                              # default): on the CPU when the machine has no GPU
//! web_memory_limit_mb = 384    # WebKit's web process releases caches above a third of this
//! nightly_restart = "04:30"    # local time; the restart waits for 60 s without a touch
//! nightly_restart_quiet_seconds = 60
//! log_dir = "/var/log/fairway" # default: $XDG_STATE_HOME/fairway/logs (~/.local/state/...)
//! log_max_kb = 1024            # per file; the current file and 4 older ones are kept
//!
//! # Snapshot updates (all four together; `feed` turns them on)
//! feed = "http://hub.local:8787/feed"   # or a folder: "/media/usb/fairway-feed"
//! pubkeys = ["fairway.pub"]             # one or two (rotation): .pub files or base64 keys
//! poll_seconds = 60
//! data_dir = "/var/lib/fairway"         # staging/, snapshots/, current, previous
//! ```
//!
//! Every key is checked here, once, at start: a bad file stops the kiosk with one line naming
//! the file and the key, rather than a kiosk that runs on half a configuration.

use std::fmt;
use std::path::{Path, PathBuf};

use fairway_core::model::Language;
use fairway_core::snapshot::PublicKey;
use serde::Serialize;
use ts_rs::TS;

/// The smallest idle time accepted: shorter would reset visitors while they read.
pub const MIN_IDLE_SECONDS: u32 = 5;
/// The largest idle time accepted (a day).
pub const MAX_IDLE_SECONDS: u32 = 86_400;

/// What the interface is told about the kiosk it runs on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct KioskConfig {
    pub kiosk_id: String,
    pub location_en: Option<String>,
    pub location_zh: Option<String>,
    /// The language a new visitor session starts in.
    pub language: Language,
    pub idle_seconds: u32,
    pub fullscreen: bool,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig {
            kiosk_id: "demo".to_owned(),
            location_en: None,
            location_zh: None,
            language: Language::En,
            idle_seconds: 60,
            fullscreen: false,
        }
    }
}

/// The whole configuration: what the interface sees plus where the snapshot is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub kiosk: KioskConfig,
    /// `None`: the demo fair.
    pub snapshot: Option<PathBuf>,
    /// Paint on the CPU (`Some(true)`, WebKit's hardware acceleration off) or through the GPU
    /// (`Some(false)`); `None` ("auto"): on the CPU when the machine has no GPU
    /// ([`crate::window::paint_on_cpu`]). Without a GPU, WebKit's accelerated compositing runs
    /// through a software OpenGL, which paints a kiosk screen about twice as slowly as plain
    /// CPU painting and uses a third more memory (BENCHMARKS.md, "Kiosk").
    pub software_rendering: Option<bool>,
    /// The memory WebKit's web process keeps to, in MB: over a third of it WebKit releases
    /// caches, over half it tries harder, it never kills the page. 0: WebKit's own default,
    /// min(3 GB, RAM), which lets a kiosk grow past 1 GB (BENCHMARKS.md, "Kiosk", run 4).
    pub web_memory_limit_mb: u32,
    /// `None`: the kiosk does not update itself.
    pub update: Option<UpdateSettings>,
    /// `Some`: exhibitor mode (`mode = "exhibitor"`): the editor instead of the kiosk.
    pub exhibitor: Option<crate::editor::EditorSettings>,
    /// The nightly restart (`supervise.rs`); `None`: none.
    pub nightly_restart: Option<crate::supervise::Nightly>,
    /// `None`: `logging::default_dir()`.
    pub log_dir: Option<PathBuf>,
    /// The cap of one log file, in bytes.
    pub log_max_bytes: u64,
}

/// The log file cap when none is configured (1 MiB; five files at most).
pub const DEFAULT_LOG_MAX_KB: u64 = 1024;
/// The accepted log caps, in KiB.
pub const LOG_MAX_KB: std::ops::RangeInclusive<u64> = 16..=102_400;

/// The web process's memory limit when none is configured.
pub const DEFAULT_WEB_MEMORY_LIMIT_MB: u32 = 384;
/// Below this WebKit would be releasing caches all the time.
pub const MIN_WEB_MEMORY_LIMIT_MB: u32 = 128;
/// WebKit's own ceiling for its default.
pub const MAX_WEB_MEMORY_LIMIT_MB: u32 = 3072;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            kiosk: KioskConfig::default(),
            snapshot: None,
            software_rendering: None,
            web_memory_limit_mb: DEFAULT_WEB_MEMORY_LIMIT_MB,
            update: None,
            exhibitor: None,
            nightly_restart: None,
            log_dir: None,
            log_max_bytes: DEFAULT_LOG_MAX_KB * 1024,
        }
    }
}

impl Settings {
    /// Started with no configuration: the demo fair, seen from its kiosk at the entrance of
    /// Hall N1 (a kiosk the demo fair places on its map, so "you are here" is not a guess).
    pub fn demo() -> Settings {
        let mut settings = Settings::default();
        settings.kiosk.kiosk_id = crate::demo::KIOSK_ID.to_owned();
        settings
    }
}

/// The smallest poll interval accepted: a feed is a file server, not a message bus.
pub const MIN_POLL_SECONDS: u32 = 5;

/// Where new snapshots come from and where the kiosk keeps them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateSettings {
    /// A folder (relative paths are relative to the config file) or an `http://` base URL.
    pub feed: String,
    /// The pinned public keys' text (read from the named files), one or two.
    pub pubkeys: Vec<String>,
    pub poll_seconds: u32,
    pub data_dir: PathBuf,
}

/// Why a configuration file was refused. One line, naming the file and, where there is one,
/// the key.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub key: Option<String>,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "{}: {key}: {}", self.path.display(), self.problem),
            None => write!(f, "{}: {}", self.path.display(), self.problem),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Reads and checks a configuration file. Keys that are absent take their defaults.
pub fn load(path: &Path) -> Result<Settings, ConfigError> {
    let err = |key: Option<&str>, problem: String| ConfigError {
        path: path.to_path_buf(),
        key: key.map(str::to_owned),
        problem,
    };
    let text = std::fs::read_to_string(path).map_err(|e| err(None, format!("cannot read: {e}")))?;
    parse(&text, path.parent().unwrap_or(Path::new(".")))
        .map_err(|(key, problem)| err(key, problem))
}

type KeyProblem = (Option<&'static str>, String);

/// Parses the text of a configuration file; relative snapshot paths are resolved against `base`.
fn parse(text: &str, base: &Path) -> Result<Settings, KeyProblem> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let at = e
            .span()
            .map(|s| {
                let before = &text[..s.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                format!("line {line}, column {column}: ")
            })
            .unwrap_or_default();
        (None, format!("{at}{}", e.message()))
    })?;

    let mut settings = Settings::default();
    let (mut feed, mut pubkeys, mut poll_seconds, mut data_dir) = (None, None, 60, None);
    let (mut draft, mut hub) = (None, None);
    let (mut nightly_at, mut nightly_quiet) = (None, None);
    for (key, value) in &table {
        match key.as_str() {
            "kiosk_id" => {
                let id = string("kiosk_id", value)?;
                if id.trim().is_empty() {
                    return Err((Some("kiosk_id"), "must not be empty".to_owned()));
                }
                settings.kiosk.kiosk_id = id;
            }
            "location_en" => settings.kiosk.location_en = Some(string("location_en", value)?),
            "location_zh" => settings.kiosk.location_zh = Some(string("location_zh", value)?),
            "language" => {
                settings.kiosk.language = match string("language", value)?.as_str() {
                    "en" => Language::En,
                    "zh" => Language::Zh,
                    other => {
                        return Err((
                            Some("language"),
                            format!("{other:?} is neither \"en\" nor \"zh\""),
                        ));
                    }
                }
            }
            "idle_seconds" => {
                let n = value.as_integer().ok_or_else(|| {
                    (
                        Some("idle_seconds"),
                        format!(
                            "expected a whole number of seconds, found {}",
                            value.type_str()
                        ),
                    )
                })?;
                settings.kiosk.idle_seconds = u32::try_from(n)
                    .ok()
                    .filter(|n| (MIN_IDLE_SECONDS..=MAX_IDLE_SECONDS).contains(n))
                    .ok_or_else(|| {
                        (
                            Some("idle_seconds"),
                            format!("{n} is outside {MIN_IDLE_SECONDS}..={MAX_IDLE_SECONDS}"),
                        )
                    })?;
            }
            "snapshot" => {
                let p = PathBuf::from(string("snapshot", value)?);
                settings.snapshot = Some(if p.is_absolute() { p } else { base.join(p) });
            }
            "fullscreen" => settings.kiosk.fullscreen = boolean("fullscreen", value)?,
            "software_rendering" => {
                settings.software_rendering = match value.as_str() {
                    Some("auto") => None,
                    _ => Some(value.as_bool().ok_or_else(|| {
                        (
                            Some("software_rendering"),
                            format!("expected true, false or \"auto\", found {value}"),
                        )
                    })?),
                };
            }
            "web_memory_limit_mb" => {
                settings.web_memory_limit_mb = value
                    .as_integer()
                    .and_then(|n| u32::try_from(n).ok())
                    .filter(|&n| n == 0 || (MIN_WEB_MEMORY_LIMIT_MB..=MAX_WEB_MEMORY_LIMIT_MB).contains(&n))
                    .ok_or_else(|| {
                        (
                            Some("web_memory_limit_mb"),
                            format!(
                                "expected 0 (WebKit's default) or a number of MB from {MIN_WEB_MEMORY_LIMIT_MB} to {MAX_WEB_MEMORY_LIMIT_MB}, found {value}"
                            ),
                        )
                    })?;
            }
            "feed" => {
                let f = string("feed", value)?;
                feed = Some(if f.starts_with("http://") || f.starts_with("https://") {
                    f
                } else {
                    base.join(f).to_string_lossy().into_owned()
                });
            }
            "pubkeys" => {
                let list = value.as_array().ok_or_else(|| {
                    (
                        Some("pubkeys"),
                        format!("expected a list of keys, found {}", value.type_str()),
                    )
                })?;
                let mut keys = Vec::new();
                for item in list {
                    keys.push(public_key(&string("pubkeys", item)?, base)?);
                }
                pubkeys = Some(keys);
            }
            "poll_seconds" => {
                let n = value.as_integer().ok_or_else(|| {
                    (
                        Some("poll_seconds"),
                        format!(
                            "expected a whole number of seconds, found {}",
                            value.type_str()
                        ),
                    )
                })?;
                poll_seconds = u32::try_from(n)
                    .ok()
                    .filter(|n| (MIN_POLL_SECONDS..=MAX_IDLE_SECONDS).contains(n))
                    .ok_or_else(|| {
                        (
                            Some("poll_seconds"),
                            format!("{n} is outside {MIN_POLL_SECONDS}..={MAX_IDLE_SECONDS}"),
                        )
                    })?;
            }
            "data_dir" => {
                let p = PathBuf::from(string("data_dir", value)?);
                data_dir = Some(if p.is_absolute() { p } else { base.join(p) });
            }
            "mode" => match string("mode", value)?.as_str() {
                "kiosk" => {}
                "exhibitor" => {
                    settings.exhibitor.get_or_insert_with(Default::default);
                }
                other => {
                    return Err((
                        Some("mode"),
                        format!("{other:?} is neither \"kiosk\" nor \"exhibitor\""),
                    ));
                }
            },
            "draft" => {
                let p = PathBuf::from(string("draft", value)?);
                draft = Some(if p.is_absolute() { p } else { base.join(p) });
            }
            "hub" => hub = Some(string("hub", value)?),
            "nightly_restart" => {
                let text = string("nightly_restart", value)?;
                nightly_at = Some(time_of_day(&text).ok_or_else(|| {
                    (
                        Some("nightly_restart"),
                        format!("{text:?} is not a time of day like \"04:30\""),
                    )
                })?);
            }
            "nightly_restart_quiet_seconds" => {
                let n = value
                    .as_integer()
                    .and_then(|n| u64::try_from(n).ok())
                    .filter(|n| (10..=3600).contains(n))
                    .ok_or_else(|| {
                        (
                            Some("nightly_restart_quiet_seconds"),
                            format!("expected a number of seconds from 10 to 3600, found {value}"),
                        )
                    })?;
                nightly_quiet = Some(std::time::Duration::from_secs(n));
            }
            "log_dir" => {
                let p = PathBuf::from(string("log_dir", value)?);
                settings.log_dir = Some(if p.is_absolute() { p } else { base.join(p) });
            }
            "log_max_kb" => {
                let kb = value
                    .as_integer()
                    .and_then(|n| u64::try_from(n).ok())
                    .filter(|n| LOG_MAX_KB.contains(n))
                    .ok_or_else(|| {
                        (
                            Some("log_max_kb"),
                            format!(
                                "expected a size in KiB from {} to {}, found {value}",
                                LOG_MAX_KB.start(),
                                LOG_MAX_KB.end()
                            ),
                        )
                    })?;
                settings.log_max_bytes = kb * 1024;
            }
            _ => {
                return Err((
                    None,
                    format!(
                        "unknown key {key:?} (known: kiosk_id, location_en, location_zh, language, idle_seconds, snapshot, fullscreen, software_rendering, web_memory_limit_mb, feed, pubkeys, poll_seconds, data_dir, mode, draft, hub, nightly_restart, nightly_restart_quiet_seconds, log_dir, log_max_kb)"
                    ),
                ));
            }
        }
    }
    match (&mut settings.exhibitor, draft.is_some() || hub.is_some()) {
        (Some(editor), _) => {
            editor.draft = draft;
            editor.hub = hub;
        }
        (None, true) => {
            return Err((
                Some("mode"),
                "draft and hub are for the exhibitor editor: add mode = \"exhibitor\"".to_owned(),
            ));
        }
        (None, false) => {}
    }
    match (nightly_at, nightly_quiet) {
        (Some(at), quiet) => {
            settings.nightly_restart = Some(crate::supervise::Nightly {
                at,
                quiet: quiet.unwrap_or(crate::supervise::DEFAULT_QUIET),
            });
        }
        (None, Some(_)) => {
            return Err((
                Some("nightly_restart_quiet_seconds"),
                "only goes with nightly_restart = \"HH:MM\"".to_owned(),
            ));
        }
        (None, None) => {}
    }
    match (feed, pubkeys, data_dir) {
        (Some(feed), Some(pubkeys), Some(data_dir)) => {
            if pubkeys.is_empty() || pubkeys.len() > 2 {
                return Err((
                    Some("pubkeys"),
                    "give one or two keys (the current one and the next)".to_owned(),
                ));
            }
            settings.update = Some(UpdateSettings {
                feed,
                pubkeys,
                poll_seconds,
                data_dir,
            });
        }
        (None, None, None) => {}
        (feed, pubkeys, _) => {
            let missing = if feed.is_none() {
                "feed"
            } else if pubkeys.is_none() {
                "pubkeys"
            } else {
                "data_dir"
            };
            return Err((
                Some(missing),
                "missing: feed, pubkeys and data_dir go together".to_owned(),
            ));
        }
    }
    Ok(settings)
}

/// `"HH:MM"` (24-hour) as a time of day.
fn time_of_day(text: &str) -> Option<time::Time> {
    let (h, m) = text.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    time::Time::from_hms(h.parse().ok()?, m.parse().ok()?, 0).ok()
}

fn boolean(key: &'static str, value: &toml::Value) -> Result<bool, KeyProblem> {
    value.as_bool().ok_or_else(|| {
        (
            Some(key),
            format!("expected true or false, found {}", value.type_str()),
        )
    })
}

/// A pinned key: a `.pub` file (relative to the config file) or the key's base64 line itself.
/// Returns the key's text, checked.
fn public_key(entry: &str, base: &Path) -> Result<String, KeyProblem> {
    let text = if PublicKey::parse(entry).is_ok() {
        entry.to_owned()
    } else {
        let path = base.join(entry);
        std::fs::read_to_string(&path)
            .map_err(|e| (Some("pubkeys"), format!("{}: {e}", path.display())))?
    };
    PublicKey::parse(&text).map_err(|e| (Some("pubkeys"), format!("{entry}: {e}")))?;
    Ok(text)
}

fn string(key: &'static str, value: &toml::Value) -> Result<String, KeyProblem> {
    value.as_str().map(str::to_owned).ok_or_else(|| {
        (
            Some(key),
            format!("expected a string, found {}", value.type_str()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("kiosk.toml");
        std::fs::write(&path, text).expect("the config file is written");
        (dir, path)
    }

    #[test]
    fn a_full_config_file_sets_every_key() {
        let (dir, path) = write(
            "kiosk_id = \"N1-01\"\nlocation_en = \"Hall N1\"\nlocation_zh = \"N1馆\"\n\
             language = \"zh\"\nidle_seconds = 90\nsnapshot = \"feed/x.sqlite\"\nfullscreen = true\n\
             software_rendering = true\nweb_memory_limit_mb = 256\n",
        );
        let settings = load(&path).expect("the file is valid");
        assert_eq!(settings.software_rendering, Some(true));
        let (_auto_dir, auto) = write("software_rendering = \"auto\"\n");
        assert_eq!(load(&auto).expect("auto is valid").software_rendering, None);
        assert_eq!(settings.web_memory_limit_mb, 256);
        assert_eq!(
            settings.kiosk,
            KioskConfig {
                kiosk_id: "N1-01".into(),
                location_en: Some("Hall N1".into()),
                location_zh: Some("N1馆".into()),
                language: Language::Zh,
                idle_seconds: 90,
                fullscreen: true,
            }
        );
        assert_eq!(
            settings.snapshot,
            Some(dir.path().join("feed/x.sqlite")),
            "a relative snapshot path is relative to the config file"
        );
    }

    #[test]
    fn an_empty_config_file_means_the_defaults() {
        let (_dir, path) = write("");
        let settings = load(&path).expect("an empty file is valid");
        assert_eq!(settings, Settings::default());
        assert_eq!(
            settings.kiosk.idle_seconds, 60,
            "DESIGN: idle defaults to 60 s"
        );
    }

    #[test]
    fn bad_config_files_are_refused_with_one_line_naming_file_and_key() {
        let cases = [
            (
                "language = \"fr\"",
                "kiosk.toml: language: \"fr\" is neither",
            ),
            (
                "idle_seconds = \"soon\"",
                "kiosk.toml: idle_seconds: expected a whole number",
            ),
            ("idle_seconds = 1", "kiosk.toml: idle_seconds: 1 is outside"),
            (
                "fullscreen = \"yes\"",
                "kiosk.toml: fullscreen: expected true or false",
            ),
            ("kiosk_id = \"\"", "kiosk.toml: kiosk_id: must not be empty"),
            (
                "software_rendering = \"cpu\"",
                "kiosk.toml: software_rendering: expected true, false or \"auto\", found \"cpu\"",
            ),
            (
                "web_memory_limit_mb = 16",
                "kiosk.toml: web_memory_limit_mb: expected 0 (WebKit's default) or a number of MB from 128 to 3072",
            ),
            ("kiosk_id = 7", "kiosk.toml: kiosk_id: expected a string"),
            ("idle = 60", "kiosk.toml: unknown key \"idle\""),
            (
                "kiosk_id = \"a\"\nlanguage = ",
                "kiosk.toml: line 2, column",
            ),
        ];
        for (text, expected) in cases {
            let (_dir, path) = write(text);
            let message = load(&path).expect_err(text).to_string();
            assert!(
                message.contains(expected),
                "{text:?} gave {message:?}, expected {expected:?}"
            );
            assert!(!message.contains('\n'), "errors are one line: {message:?}");
        }
    }

    #[test]
    fn update_keys_go_together_and_resolve_against_the_config_folder() {
        let (dir, path) = write("");
        let keys = tempfile::tempdir().expect("key folder");
        let (public, _) = fairway_core::snapshot::keygen(keys.path()).expect("keygen");
        std::fs::copy(&public, dir.path().join("fairway.pub")).expect("copy the key");
        std::fs::write(
            &path,
            "feed = \"feed\"\npubkeys = [\"fairway.pub\"]\npoll_seconds = 30\ndata_dir = \"data\"\n",
        )
        .expect("config");
        let update = load(&path).expect("valid").update.expect("updates on");
        assert_eq!(update.feed, dir.path().join("feed").to_string_lossy());
        assert_eq!(update.data_dir, dir.path().join("data"));
        assert_eq!(update.poll_seconds, 30);
        assert_eq!(update.pubkeys.len(), 1);

        for (text, expected) in [
            ("feed = \"http://x\"", "kiosk.toml: pubkeys: missing"),
            (
                "feed = \"http://x\"\npubkeys = [\"nope.pub\"]\ndata_dir = \"d\"",
                "kiosk.toml: pubkeys: ",
            ),
            ("poll_seconds = 1", "kiosk.toml: poll_seconds: 1 is outside"),
        ] {
            std::fs::write(&path, text).expect("config");
            let message = load(&path).expect_err(text).to_string();
            assert!(message.contains(expected), "{text:?} gave {message:?}");
        }
    }

    #[test]
    fn exhibitor_mode_takes_its_draft_and_hub_from_the_file_and_nothing_else_does() {
        let (dir, path) =
            write("mode = \"exhibitor\"\ndraft = \"my/draft.sqlite\"\nhub = \"http://hub:8787\"\n");
        let editor = load(&path)
            .expect("valid")
            .exhibitor
            .expect("exhibitor mode");
        assert_eq!(editor.draft, Some(dir.path().join("my/draft.sqlite")));
        assert_eq!(editor.hub.as_deref(), Some("http://hub:8787"));
        for (text, expected) in [
            (
                "mode = \"editor\"",
                "kiosk.toml: mode: \"editor\" is neither",
            ),
            (
                "hub = \"http://x\"",
                "kiosk.toml: mode: draft and hub are for the exhibitor editor",
            ),
        ] {
            std::fs::write(&path, text).expect("config");
            let message = load(&path).expect_err(text).to_string();
            assert!(message.contains(expected), "{text:?} gave {message:?}");
        }
        std::fs::write(&path, "mode = \"kiosk\"").expect("config");
        assert_eq!(
            load(&path).expect("valid").exhibitor,
            None,
            "kiosk mode is the default"
        );
    }

    #[test]
    fn a_missing_config_file_is_named_in_the_error() {
        let message = load(Path::new("/nonexistent/kiosk.toml"))
            .expect_err("no such file")
            .to_string();
        assert!(
            message.starts_with("/nonexistent/kiosk.toml: cannot read"),
            "{message}"
        );
    }

    #[test]
    fn a_nightly_restart_and_a_log_folder_are_read_and_checked() {
        let (dir, path) = write(
            "nightly_restart = \"4:30\"\nnightly_restart_quiet_seconds = 90\nlog_dir = \"logs\"\nlog_max_kb = 64\n",
        );
        let settings = load(&path).expect("the file is valid");
        let nightly = settings.nightly_restart.expect("a nightly restart");
        assert_eq!(nightly.at, time::macros::time!(04:30));
        assert_eq!(nightly.quiet, std::time::Duration::from_secs(90));
        assert_eq!(settings.log_dir, Some(dir.path().join("logs")));
        assert_eq!(settings.log_max_bytes, 64 * 1024);

        let (_dir, path) = write("nightly_restart = \"04:30\"\n");
        let nightly = load(&path).expect("valid").nightly_restart.expect("set");
        assert_eq!(
            nightly.quiet,
            std::time::Duration::from_secs(60),
            "60 s by default"
        );

        for (text, key) in [
            ("nightly_restart = \"25:00\"\n", "nightly_restart"),
            ("nightly_restart = \"tonight\"\n", "nightly_restart"),
            ("nightly_restart = \"04:5\"\n", "nightly_restart"),
            (
                "nightly_restart_quiet_seconds = 60\n",
                "nightly_restart_quiet_seconds",
            ),
            (
                "nightly_restart = \"04:30\"\nnightly_restart_quiet_seconds = 1\n",
                "nightly_restart_quiet_seconds",
            ),
            ("log_max_kb = 1\n", "log_max_kb"),
        ] {
            let (_dir, path) = write(text);
            let err = load(&path).expect_err("refused");
            assert_eq!(err.key.as_deref(), Some(key), "{text}: {err}");
        }
    }
}
