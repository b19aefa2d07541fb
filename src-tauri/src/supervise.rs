//! Supervision: what the kiosk tells the program that restarts it, and when it restarts itself.
//!
//! The interface sends a heartbeat every [`HEARTBEAT_SECONDS`] (the `heartbeat` command) with
//! how long nobody has touched the screen. Under systemd (`Type=notify`, `WatchdogSec=`;
//! `packaging/fairway-kiosk.service`) the first heartbeat sends `READY=1`, and a thread sends
//! `WATCHDOG=1` only while heartbeats keep coming: a page that hangs (a script in a loop, a
//! stopped or dead web process) stops them, systemd's watchdog runs out and the whole unit is
//! restarted. A crashed process is restarted by `Restart=always`.
//!
//! The optional nightly restart (`nightly_restart = "HH:MM"`, local time) waits after that
//! time until nobody has touched the screen for [`Nightly::quiet`] (60 s unless configured),
//! then ends the app: systemd starts it again; without systemd the app re-executes itself.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use tauri::{AppHandle, Manager, Runtime};
use time::{OffsetDateTime, Time, UtcOffset};

use crate::Kiosk;
use crate::logging;

/// How often the interface sends a heartbeat (`ui/src/lib/heartbeat.ts` says the same).
pub const HEARTBEAT_SECONDS: u64 = 2;
/// Without a heartbeat for this long the page counts as hung (when the watchdog allows it).
pub const STALE_AFTER: Duration = Duration::from_secs(10);

/// The configured nightly restart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nightly {
    /// Local time of day after which the restart is due.
    pub at: Time,
    /// How long nobody must have touched the screen.
    pub quiet: Duration,
}

/// The default quiet time before a nightly restart.
pub const DEFAULT_QUIET: Duration = Duration::from_secs(60);

/// The first moment after `started` at which a restart at `at` (local, in `offset`) is due:
/// today's `at` if the app started before it, else tomorrow's.
pub fn first_due(started: OffsetDateTime, offset: UtcOffset, at: Time) -> OffsetDateTime {
    let local = started.to_offset(offset);
    let today = local.replace_time(at);
    if today > local {
        today
    } else {
        today + time::Duration::days(1)
    }
}

/// Whether to restart now: past the due moment and quiet long enough.
pub fn restart_now(
    now: OffsetDateTime,
    due: OffsetDateTime,
    quiet_for: Duration,
    quiet: Duration,
) -> bool {
    now >= due && quiet_for >= quiet
}

/// What the heartbeats say, shared by the command and the watchdog thread.
#[derive(Debug)]
pub struct Heartbeats {
    inner: Mutex<Beat>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Beat {
    /// The web process ended and the interface was reloaded: the next beat says it is back.
    reloading: bool,
    last: Option<Instant>,
    /// When the screen was last touched, as the last heartbeat put it.
    touched: Option<Instant>,
    count: u64,
}

impl Default for Heartbeats {
    fn default() -> Self {
        Heartbeats {
            inner: Mutex::new(Beat::default()),
        }
    }
}

impl Heartbeats {
    fn with<T>(&self, f: impl FnOnce(&mut Beat) -> T) -> T {
        let mut guard = self
            .inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        f(&mut guard)
    }

    /// Records a heartbeat; `quiet_ms` is how long the screen has gone untouched.
    pub fn beat(&self, quiet_ms: u64) -> BeatKind {
        let now = Instant::now();
        let touched = now
            .checked_sub(Duration::from_millis(quiet_ms))
            .unwrap_or(now);
        self.with(|b| {
            b.last = Some(now);
            b.touched = Some(touched);
            b.count += 1;
            if b.count == 1 {
                BeatKind::First
            } else if std::mem::take(&mut b.reloading) {
                BeatKind::Back
            } else {
                BeatKind::Ongoing
            }
        })
    }

    /// The interface is being reloaded into a new web process (`window.rs`).
    pub fn reloading(&self) {
        self.with(|b| b.reloading = true);
    }

    /// Time since the last heartbeat; `None` before the first.
    pub fn since_last(&self) -> Option<Duration> {
        self.with(|b| b.last.map(|t| t.elapsed()))
    }

    /// How long the screen has gone untouched, as far as the heartbeats tell.
    pub fn quiet_for(&self) -> Option<Duration> {
        self.with(|b| b.touched.map(|t| t.elapsed()))
    }

    pub fn count(&self) -> u64 {
        self.with(|b| b.count)
    }
}

/// What a heartbeat means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BeatKind {
    /// The interface is up for the first time.
    First,
    /// The interface is back after its web process ended.
    Back,
    Ongoing,
}

/// The supervisor's watchdog, when there is one: systemd's `WATCHDOG_USEC` for this process.
pub fn watchdog() -> Option<Duration> {
    sd_notify::watchdog_enabled()
}

/// Whether a notify socket was given (the app runs as a `Type=notify` systemd service).
pub fn under_systemd() -> bool {
    std::env::var_os("NOTIFY_SOCKET").is_some()
}

/// Tells systemd the app is up (after the interface's first heartbeat).
pub fn notify_ready(what: &str) {
    if under_systemd() {
        let _ = sd_notify::notify(&[
            sd_notify::NotifyState::Ready,
            sd_notify::NotifyState::Status(what),
        ]);
    }
}

/// Feeds systemd's watchdog.
pub fn notify_alive() {
    let _ = sd_notify::notify(&[sd_notify::NotifyState::Watchdog]);
}

/// Tells systemd the app is stopping on purpose.
pub fn notify_stopping(why: &str) {
    if under_systemd() {
        let _ = sd_notify::notify(&[
            sd_notify::NotifyState::Stopping,
            sd_notify::NotifyState::Status(why),
        ]);
    }
}

/// Whether the watchdog may be fed now: heartbeats are fresh. Before the first heartbeat the
/// start-up timeout (`TimeoutStartSec=`) guards the start, so nothing is fed then either.
pub fn page_alive(since_last: Option<Duration>, stale_after: Duration) -> bool {
    since_last.is_some_and(|d| d < stale_after)
}

/// Starts the thread that feeds the watchdog while the page is alive and carries out the
/// nightly restart. `offset` is the local time zone's, read at start.
pub fn spawn<R: Runtime>(app: AppHandle<R>, nightly: Option<Nightly>, offset: UtcOffset) {
    let watchdog = watchdog();
    let due = nightly.map(|n| first_due(OffsetDateTime::now_utc(), offset, n.at));
    if let Some(due) = due {
        logging::info(&format!(
            "nightly restart due after {due} when the screen is quiet"
        ));
    }
    // Feed at a quarter of the watchdog's time, as systemd suggests half or less.
    let tick = watchdog.map_or(Duration::from_secs(1), |w| {
        (w / 4).clamp(Duration::from_millis(100), Duration::from_secs(2))
    });
    let stale = watchdog.map_or(STALE_AFTER, |w| (w / 2).min(STALE_AFTER));
    let spawned = std::thread::Builder::new()
        .name("supervise".to_owned())
        .spawn(move || {
            let mut hung_reported = false;
            let mut described = false;
            loop {
                std::thread::sleep(tick);
                // The state exists once the app's setup has run (with its event loop).
                let Some(kiosk) = app.try_state::<Kiosk>() else {
                    continue;
                };
                if !described {
                    described = true;
                    let due = due.map(|d| d.to_string());
                    kiosk.log().set_supervision(describe(watchdog), due);
                }
                let beats = kiosk.heartbeats();
                let since = beats.since_last();
                if page_alive(since, stale) {
                    hung_reported = false;
                    if watchdog.is_some() {
                        notify_alive();
                    }
                } else if since.is_some() && !hung_reported {
                    hung_reported = true;
                    kiosk.log().error(&format!(
                        "no heartbeat from the interface for {} s{}",
                        stale.as_secs(),
                        if watchdog.is_some() {
                            "; the watchdog is no longer fed"
                        } else {
                            ""
                        }
                    ));
                }
                if let (Some(n), Some(due)) = (nightly, due) {
                    let quiet_for = beats.quiet_for().unwrap_or_default();
                    if restart_now(OffsetDateTime::now_utc(), due, quiet_for, n.quiet) {
                        let why = format!(
                            "nightly restart (due {due}, quiet for {} s)",
                            quiet_for.as_secs()
                        );
                        logging::info(&why);
                        if under_systemd() {
                            notify_stopping(&why);
                            // Restart=always starts it again.
                            app.exit(0);
                            return;
                        }
                        app.restart();
                    }
                }
            }
        });
    if let Err(e) = spawned {
        logging::error(&format!("cannot start supervision: {e}"));
    }
}

/// One line for the staff status.
fn describe(watchdog: Option<Duration>) -> String {
    match (under_systemd(), watchdog) {
        (true, Some(w)) => format!(
            "systemd, watchdog {} s fed while the interface sends heartbeats",
            w.as_secs()
        ),
        (true, None) => "systemd, no watchdog".to_owned(),
        (false, _) => "none (not started by systemd)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{datetime, offset, time};

    #[test]
    fn a_restart_time_still_ahead_today_is_due_today() {
        let started = datetime!(2026-11-30 01:00 UTC);
        let due = first_due(started, offset!(+8), time!(12:00));
        // 01:00 UTC is 09:00 in UTC+8: noon is still ahead.
        assert_eq!(due, datetime!(2026-11-30 12:00 +8));
    }

    #[test]
    fn a_restart_time_already_passed_today_is_due_tomorrow() {
        let started = datetime!(2026-11-30 20:30 UTC); // 04:30 on 1 December in UTC+8
        let due = first_due(started, offset!(+8), time!(04:00));
        assert_eq!(
            due,
            datetime!(2026-12-01 04:00 +8) + time::Duration::days(1)
        );
        // Started exactly at the restart time (just restarted by it): tomorrow, not a loop.
        let at = datetime!(2026-11-30 04:00 +8);
        assert_eq!(
            first_due(at, offset!(+8), time!(04:00)),
            datetime!(2026-12-01 04:00 +8)
        );
    }

    #[test]
    fn a_due_restart_waits_until_nobody_has_touched_the_screen_for_the_quiet_time() {
        let due = datetime!(2026-11-30 04:00 UTC);
        let quiet = Duration::from_secs(60);
        let before = datetime!(2026-11-30 03:59 UTC);
        let after = datetime!(2026-11-30 04:10 UTC);
        assert!(!restart_now(before, due, Duration::from_secs(3600), quiet));
        assert!(!restart_now(after, due, Duration::from_secs(59), quiet));
        assert!(restart_now(after, due, Duration::from_secs(60), quiet));
    }

    #[test]
    fn the_watchdog_is_fed_only_while_heartbeats_are_fresh() {
        let stale = Duration::from_secs(10);
        assert!(!page_alive(None, stale), "not before the first heartbeat");
        assert!(page_alive(Some(Duration::from_secs(3)), stale));
        assert!(!page_alive(Some(Duration::from_secs(10)), stale));
    }

    #[test]
    fn heartbeats_remember_the_last_touch_and_count() {
        let beats = Heartbeats::default();
        assert!(beats.since_last().is_none());
        assert_eq!(beats.beat(5_000), BeatKind::First);
        assert_eq!(beats.beat(7_000), BeatKind::Ongoing);
        beats.reloading();
        assert_eq!(beats.beat(7_000), BeatKind::Back, "once after a reload");
        assert_eq!(beats.beat(7_000), BeatKind::Ongoing);
        assert_eq!(beats.count(), 4);
        let quiet = beats.quiet_for().expect("known after a heartbeat");
        assert!(quiet >= Duration::from_secs(7) && quiet < Duration::from_secs(8));
    }
}
