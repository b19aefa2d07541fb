//! Fairway's kiosk app: the Tauri shell around the visitor interface in `ui/`.
//!
//! [`run`] reads the command line and the configuration, opens the snapshot (the demo fair's
//! when no configuration names one) and starts the window. [`app`] puts the pieces on a
//! [`tauri::Builder`] a test can swap for a mock one. This crate is the only one that depends on
//! Tauri; everything it shows comes from `fairway-core` through thin [`commands`].

pub mod args;
pub mod assets;
pub mod bindings;
pub mod commands;
pub mod config;
pub mod demo;
pub mod editor;
pub mod error;
pub mod logging;
pub mod pool;
pub mod status;
pub mod supervise;
pub mod updater;
mod window;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use clap::Parser;
use fairway_core::snapshot::{PublicKey, Snapshot};
use fairway_core::update::{Feed, Library};
use tauri::{Manager, Runtime};

use crate::config::{KioskConfig, Settings};
use crate::error::CommandError;
use crate::pool::SnapshotPool;
use crate::status::{KioskStatus, StatusLog};

/// The app's state: its configuration and the snapshot it shows.
#[derive(Debug)]
pub struct Kiosk {
    config: KioskConfig,
    // Swapped as a whole when a new snapshot is installed; queries hold the old pool until done.
    pool: ArcSwap<SnapshotPool>,
    log: StatusLog,
    heartbeats: supervise::Heartbeats,
}

impl Kiosk {
    pub fn new(config: KioskConfig, pool: SnapshotPool, log: StatusLog) -> Kiosk {
        Kiosk {
            config,
            pool: ArcSwap::from_pointee(pool),
            log,
            heartbeats: supervise::Heartbeats::default(),
        }
    }

    /// What the interface's heartbeats say (`supervise.rs`).
    pub fn heartbeats(&self) -> &supervise::Heartbeats {
        &self.heartbeats
    }

    /// What the updater records for the staff status.
    pub fn log(&self) -> &StatusLog {
        &self.log
    }

    /// The staff status: the snapshot shown now and the updater's record.
    pub fn status(&self) -> KioskStatus {
        let pool = self.pool();
        let meta = pool.meta();
        let file = pool
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.log.snapshot(
            meta.fair_id.clone(),
            meta.sequence,
            file,
            meta.created.clone(),
        )
    }

    pub fn config(&self) -> &KioskConfig {
        &self.config
    }

    /// Makes `pool` the one new queries use; queries running on the old one finish there.
    pub fn swap(&self, pool: SnapshotPool) {
        self.pool.store(Arc::new(pool));
    }

    /// The pool queries use now.
    pub fn pool(&self) -> Arc<SnapshotPool> {
        self.pool.load_full()
    }

    /// Runs `query` on a pooled connection on a blocking worker thread, never on the thread
    /// that drives the window.
    pub async fn read<T, F>(&self, query: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot) -> Result<T, CommandError> + Send + 'static,
    {
        let pool = self.pool();
        tauri::async_runtime::spawn_blocking(move || {
            let snapshot = pool.get()?;
            query(&snapshot)
        })
        .await
        .map_err(|e| CommandError::internal(format!("query worker failed: {e}")))?
    }
}

/// `fairway-kiosk [--config FILE.toml] [--exhibitor [--draft FILE] [--hub URL]]`
#[derive(Debug, Parser)]
#[command(name = "fairway-kiosk", version, about = "Fairway's exhibitor kiosk")]
struct Cli {
    /// Kiosk configuration (TOML). Without one, the kiosk shows the demo fair.
    #[arg(long, value_name = "FILE.toml")]
    config: Option<PathBuf>,
    /// Exhibitor mode: the profile editor in a laptop window instead of the kiosk.
    #[arg(long)]
    exhibitor: bool,
    /// Exhibitor mode: the draft file (default: draft.sqlite in the app's data folder).
    #[arg(long, value_name = "FILE", requires = "exhibitor")]
    draft: Option<PathBuf>,
    /// Exhibitor mode: the hub address to sign in to, e.g. http://192.168.1.10:8787.
    #[arg(long, value_name = "URL", requires = "exhibitor")]
    hub: Option<String>,
}

/// The binary's entry point.
pub fn run() -> ExitCode {
    // The local time zone can only be read safely while the process has one thread.
    let local_offset = time::UtcOffset::current_local_offset();
    let cli = Cli::parse();
    // One context (the embedded interface) for either mode.
    let context = tauri::generate_context!();
    let settings = match &cli.config {
        Some(path) => match config::load(path) {
            Ok(settings) => settings,
            Err(e) => {
                eprintln!("fairway-kiosk: {e}");
                return ExitCode::from(2);
            }
        },
        None => Settings::demo(),
    };
    // Before WebKit starts and while the process has one thread (it sets an environment
    // variable).
    let painting = window::choose_painting(settings.software_rendering);
    if cli.exhibitor || settings.exhibitor.is_some() {
        let mut editor = settings.exhibitor.clone().unwrap_or_default();
        if cli.draft.is_some() {
            editor.draft = cli.draft.clone();
        }
        if cli.hub.is_some() {
            editor.hub = cli.hub.clone();
        }
        return run_editor(editor, context);
    }
    let log_dir = settings.log_dir.clone().or_else(logging::default_dir);
    match log_dir
        .as_deref()
        .map(|dir| logging::init(dir, settings.log_max_bytes))
    {
        Some(Ok(path)) => logging::info(&format!("started; log file {}", path.display())),
        Some(Err(e)) => logging::warn(&format!("no log file (standard error only): {e}")),
        None => logging::warn("no log folder (no HOME): standard error only"),
    }
    logging::info(&painting.describe());
    let local_offset = local_offset.unwrap_or_else(|e| {
        logging::warn(&format!(
            "local time zone unknown ({e}): nightly restart times are UTC"
        ));
        time::UtcOffset::UTC
    });
    // With updates on, the installed snapshot comes first: current, else previous, else the
    // configured or demo snapshot. The choice and its reason go to the log.
    let mut updates = None;
    let mut installed_pool = None;
    let mut started_from = None;
    if let Some(update) = &settings.update {
        let keys = update
            .pubkeys
            .iter()
            .filter_map(|text| PublicKey::parse(text).ok())
            .collect();
        match Library::open(&update.data_dir, keys) {
            Ok(library) => {
                let resolution = library.resolve();
                logging::info(&resolution.reason);
                started_from = Some(resolution.reason.clone());
                if let Some(path) = &resolution.path {
                    match SnapshotPool::open(path) {
                        Ok(pool) => installed_pool = Some(pool),
                        Err(e) => logging::error(&e.to_string()),
                    }
                }
                let every = Duration::from_secs(u64::from(update.poll_seconds));
                updates = Some((library, Feed::parse(&update.feed), every));
            }
            Err(e) => {
                logging::error(&format!("updates are off: {e}"));
                started_from = Some(format!("updates are off: {e}"));
            }
        }
    }
    // A configured snapshot is opened before any window, so a wrong path fails at once.
    let started_from = match (&installed_pool, &settings.snapshot, started_from) {
        (Some(_), _, Some(reason)) => reason,
        (None, Some(path), Some(reason)) => {
            format!(
                "{reason}; showing the configured snapshot {}",
                path.display()
            )
        }
        (None, None, Some(reason)) => format!("{reason}; showing the demo fair"),
        (_, Some(path), None) => format!("the configured snapshot {}", path.display()),
        (_, None, None) => "the demo fair: no snapshot is configured".to_owned(),
    };
    let pool = match &settings.snapshot {
        _ if installed_pool.is_some() => installed_pool,
        Some(path) => match SnapshotPool::open(path) {
            Ok(pool) => Some(pool),
            Err(e) => {
                logging::error(&e.to_string());
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let built = app(
        tauri::Builder::default(),
        &settings,
        pool,
        StatusLog::new(started_from),
    )
    .build(context);
    match built {
        Ok(app) => {
            if let Some((library, feed, every)) = updates {
                updater::spawn(app.handle().clone(), library, feed, every);
            }
            supervise::spawn(app.handle().clone(), settings.nightly_restart, local_offset);
            app.run(|_, _| {});
            logging::info("stopped");
            ExitCode::SUCCESS
        }
        Err(e) => {
            logging::error(&e.to_string());
            ExitCode::FAILURE
        }
    }
}

/// Exhibitor mode: the editor window over a draft file.
fn run_editor(editor: editor::EditorSettings, context: tauri::Context<tauri::Wry>) -> ExitCode {
    // A draft file named on the command line is opened before any window, so a damaged or
    // foreign file stops the app with its message at once (and is never touched).
    let store = match &editor.draft {
        Some(path) => match fairway_core::draft::DraftStore::open(path) {
            Ok(store) => Some(store),
            Err(e) => {
                eprintln!("fairway-kiosk: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let built = editor_app(tauri::Builder::default(), editor.hub, store).build(context);
    match built {
        Ok(app) => {
            app.run(|_, _| {});
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fairway-kiosk: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Everything exhibitor mode adds to a Tauri builder: the editor's commands, draft pictures on
/// the `fairway` scheme, the state and an ordinary resizable window. `store` is `None` for the
/// default draft file in the app's data folder, opened once the app knows that folder.
pub fn editor_app<R: Runtime>(
    builder: tauri::Builder<R>,
    hub: Option<String>,
    store: Option<fairway_core::draft::DraftStore>,
) -> tauri::Builder<R> {
    builder
        .invoke_handler(tauri::generate_handler![
            editor::commands::editor_start,
            editor::commands::editor_sign_in,
            editor::commands::editor_sign_out,
            editor::commands::editor_save,
            editor::commands::editor_choose_image,
            editor::commands::editor_preview,
            editor::commands::editor_submit,
            editor::commands::editor_submissions,
        ])
        .register_asynchronous_uri_scheme_protocol(assets::SCHEME, |ctx, request, responder| {
            let Some(editor) = ctx.app_handle().try_state::<editor::Editor>() else {
                responder.respond(assets::respond_unavailable());
                return;
            };
            let editor = editor.inner().clone();
            let path = request.uri().path().to_owned();
            tauri::async_runtime::spawn_blocking(move || {
                responder.respond(assets::respond_draft(&editor, &path));
            });
        })
        .setup(move |app| {
            let store = match store {
                Some(store) => store,
                None => {
                    let path = app.path().app_data_dir()?.join("draft.sqlite");
                    fairway_core::draft::DraftStore::open(&path)?
                }
            };
            app.manage(editor::Editor::new(store, hub));
            // A laptop: WebKit's own memory policy, and an ordinary window.
            window::open_editor(app.handle())?;
            Ok(())
        })
}

/// Everything the kiosk adds to a Tauri builder: commands, the asset scheme, the state and the
/// locked-down window. `pool` is `None` for the demo fair, which is found (and built when needed)
/// once the app knows its resource and cache folders.
pub fn app<R: Runtime>(
    builder: tauri::Builder<R>,
    settings: &Settings,
    pool: Option<SnapshotPool>,
    log: StatusLog,
) -> tauri::Builder<R> {
    let config = settings.kiosk.clone();
    let look = window::Look {
        fullscreen: config.fullscreen,
        web_memory_limit_mb: settings.web_memory_limit_mb,
    };
    builder
        // First of all plugins: a second kiosk started in the same session hands over to this
        // one (which comes to the front) and exits.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id("app.fairway.kiosk.Kiosk")
                .callback(|app, _args, _cwd| {
                    logging::warn("a second kiosk was started; this one stays");
                    if let Some(window) = app.get_webview_window(window::MAIN) {
                        let _ = window.set_focus();
                    }
                })
                .build(),
        )
        .invoke_handler(tauri::generate_handler![
            commands::fair,
            commands::pavilions,
            commands::pavilion,
            commands::categories,
            commands::exhibitors,
            commands::exhibitor,
            commands::search,
            commands::halls,
            commands::countries,
            commands::hall_map,
            commands::route,
            commands::kiosk_config,
            commands::contact_card,
            commands::status,
            commands::here,
            commands::heartbeat,
        ])
        .register_asynchronous_uri_scheme_protocol(assets::SCHEME, |ctx, request, responder| {
            let Some(kiosk) = ctx.app_handle().try_state::<Kiosk>() else {
                responder.respond(assets::respond_unavailable());
                return;
            };
            let pool = kiosk.pool();
            let path = request.uri().path().to_owned();
            tauri::async_runtime::spawn_blocking(move || {
                responder.respond(assets::respond(&pool, &path));
            });
        })
        .setup(move |app| {
            let pool = match pool {
                Some(pool) => pool,
                None => {
                    let resources = app.path().resource_dir().ok();
                    let source = demo::source_folder(resources.as_deref())
                        .ok_or(demo::DemoError::NoSource)?;
                    let cache = app.path().app_cache_dir()?;
                    let path = demo::snapshot(&source, &cache)?;
                    SnapshotPool::open(&path)?
                }
            };
            app.manage(Kiosk::new(config, pool, log));
            window::open(app.handle(), look)?;
            Ok(())
        })
}
