//! The kiosk's one window, locked down for a public touchscreen: the app's own pages only (no
//! navigation elsewhere, no new windows), no zoom hotkeys, fullscreen when configured.

use std::path::Path;

use tauri::webview::NewWindowResponse;
use tauri::{AppHandle, Manager, Runtime, Url, WebviewUrl, WebviewWindowBuilder};

/// The window's label; `capabilities/kiosk.json` grants the app's commands to it alone.
pub const MAIN: &str = "main";

/// Whether `url` is one of the app's own pages (Linux/macOS `tauri://localhost`, Windows
/// `http(s)://tauri.localhost`).
pub fn is_own_page(url: &Url) -> bool {
    match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    }
}

/// The exhibitor editor's window label; `capabilities/editor.json` grants the editor's
/// commands to it alone.
pub const EDITOR: &str = "editor";

/// Exhibitor mode: an ordinary resizable laptop window (mouse and keyboard, never fullscreen)
/// on the editor's page, with the same guard against navigation and new windows.
pub fn open_editor<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let window = WebviewWindowBuilder::new(app, EDITOR, WebviewUrl::App("editor.html".into()))
        .title("Fairway — exhibitor editor")
        .inner_size(1360.0, 900.0)
        .min_inner_size(800.0, 560.0)
        .resizable(true)
        .fullscreen(false)
        .on_navigation(|url| {
            let allowed = is_own_page(url);
            if !allowed {
                crate::logging::warn(&format!("refused navigation to {url}"));
            }
            allowed
        })
        .on_new_window(|url, _features| {
            crate::logging::warn(&format!("refused a new window for {url}"));
            NewWindowResponse::Deny
        })
        .build()?;
    window.with_webview(|webview| {
        tune_webkit(&webview);
    })?;
    Ok(())
}

/// Whether WebKit paints on the CPU: as configured, or ("auto", `None`) when the machine has
/// no GPU for WebKit to composite on. Without one (no DRM render node), Mesa's software OpenGL
/// would stand in for it, which paints a kiosk screen about twice as slowly as WebKit's own CPU
/// painting and holds far more memory (BENCHMARKS.md, "Kiosk", run 6).
pub fn paint_on_cpu(configured: Option<bool>) -> bool {
    configured.unwrap_or_else(|| !has_gpu(Path::new("/dev/dri")))
}

/// How WebKit paints in this process, chosen once at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Painting {
    pub on_cpu: bool,
    pub configured: bool,
}

impl Painting {
    pub fn describe(self) -> String {
        format!(
            "painting {} ({})",
            if self.on_cpu {
                "on the CPU"
            } else {
                "through the GPU"
            },
            if self.configured {
                "configured"
            } else {
                "auto: by whether the machine has a GPU render node"
            }
        )
    }
}

/// Chooses how WebKit paints, before WebKit starts: CPU painting is WebKit's
/// `WEBKIT_DISABLE_COMPOSITING_MODE`, which its web processes inherit. (Switching a live view
/// to `HardwareAccelerationPolicy::Never` instead leaves WebKitGTK 2.50 deaf to the mouse
/// wheel, the path touch panning also takes.) Must run while the process has one thread.
#[allow(unsafe_code)]
pub fn choose_painting(configured: Option<bool>) -> Painting {
    let on_cpu = paint_on_cpu(configured);
    if on_cpu {
        // SAFETY: called from `run` before Tauri, GTK or any other thread starts, so no thread
        // can be reading the environment while it changes.
        unsafe { std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1") };
    }
    Painting {
        on_cpu,
        configured: configured.is_some(),
    }
}

/// A GPU WebKit can render with: a DRM render node (`renderD128`, ...) in `dri`.
fn has_gpu(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// How the window is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    pub fullscreen: bool,
    /// The web process's memory limit in MB (see `config.rs`); 0 leaves WebKit's default.
    pub web_memory_limit_mb: u32,
}

pub fn open<R: Runtime>(app: &AppHandle<R>, config: Look) -> tauri::Result<()> {
    #[cfg(target_os = "linux")]
    wry::set_web_process_memory_limit_mb(config.web_memory_limit_mb);
    let window = WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App("index.html".into()))
        .title("Fairway")
        .inner_size(1280.0, 800.0)
        .min_inner_size(640.0, 480.0)
        .fullscreen(config.fullscreen)
        .zoom_hotkeys_enabled(false)
        .on_navigation(|url| {
            let allowed = is_own_page(url);
            if !allowed {
                crate::logging::warn(&format!("refused navigation to {url}"));
            }
            allowed
        })
        .on_new_window(|url, _features| {
            crate::logging::warn(&format!("refused a new window for {url}"));
            NewWindowResponse::Deny
        })
        .build()?;
    let handle = app.clone();
    window.with_webview(move |webview| {
        let zoom = tune_webkit(&webview);
        if let Some(kiosk) = handle.try_state::<crate::Kiosk>() {
            kiosk.log().set_page_zoom_gesture(zoom.describe());
        }
        recover_from_renderer_crashes(&webview, handle.clone());
    })?;
    if config.fullscreen {
        // Without a window manager (a bare X server in a kiosk, or Xvfb) fullscreen is only a
        // request nobody grants; covering the monitor by hand gives the same picture.
        if let Ok(Some(monitor)) = window
            .current_monitor()
            .or_else(|_| window.primary_monitor())
        {
            window.set_position(*monitor.position())?;
            window.set_size(*monitor.size())?;
        }
    }
    Ok(())
}

/// What became of WebKit's own two-finger page zoom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageZoomGesture {
    /// Found and switched off: two fingers reach the page (the map zooms), never page zoom.
    Off,
    /// This WebKit keeps no gesture under the known name: the page's own cancelling of
    /// two-finger touches (`ui/src/lib/lockdown.ts`) is all that stops page zoom.
    NotFound,
    /// Not a WebKitGTK webview.
    #[cfg_attr(
        target_os = "linux",
        expect(dead_code, reason = "made on other platforms")
    )]
    NotApplicable,
}

impl PageZoomGesture {
    pub fn describe(self) -> &'static str {
        match self {
            PageZoomGesture::Off => "off",
            PageZoomGesture::NotFound => {
                "not found in this WebKit; two-finger page zoom is only blocked by the page"
            }
            PageZoomGesture::NotApplicable => "not applicable on this platform",
        }
    }
}

/// WebKitGTK settings for a kiosk that shows the same few screens all day: no memory cache of
/// resources (every picture comes from the local snapshot, so re-reading one is cheap, while
/// a cache sized for a desktop browser grows with every logo a visitor scrolls past), no
/// back/forward page cache (the app never navigates), and WebKit's own pinch-to-zoom of the
/// whole page switched off. (CPU or GPU painting is chosen before WebKit starts:
/// [`choose_painting`].)
///
/// It runs on every webview the app creates (`open` is the only place that creates one), so a
/// recreated window gets the same settings.
#[cfg(target_os = "linux")]
fn tune_webkit(webview: &tauri::webview::PlatformWebview) -> PageZoomGesture {
    use webkit2gtk::{CacheModel, SettingsExt, WebContextExt, WebViewExt};
    let view = webview.inner();
    if let Some(context) = view.context() {
        context.set_cache_model(CacheModel::DocumentViewer);
    }
    if let Some(settings) = WebViewExt::settings(&view) {
        settings.set_enable_page_cache(false);
    }
    switch_off_page_zoom_gesture(&view)
}

/// WebKitGTK (GTK3) turns two fingers into page zoom through a `GtkGestureZoom` attached to
/// the view and kept only as object data under `"wk-view-zoom-gesture"`
/// (`WebKitWebViewBase.cpp`, `webkitWebViewBaseConstructed`); GTK3 has no public list of a
/// widget's gestures and WebKit no setting for it. With its propagation phase `None`, GTK no
/// longer feeds it events, so two-finger touches go to the page as touch events only (the
/// map's own pinch zoom) and the page never zooms. The page also cancels two-finger touches
/// outside the map (`ui/src/lib/lockdown.ts`), which WebKit's gesture respects as well.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn switch_off_page_zoom_gesture(view: &webkit2gtk::WebView) -> PageZoomGesture {
    use gtk::glib::translate::from_glib_none;
    use gtk::glib::{Cast, ObjectExt, gobject_ffi};
    use gtk::prelude::EventControllerExt;
    // SAFETY: WebKit stores a plain GObject pointer (not a Rust value) under this key, owned by
    // the view, so the data is read as a `GObject` and nothing else is assumed of it.
    let Some(pointer) = (unsafe { view.data::<gobject_ffi::GObject>("wk-view-zoom-gesture") })
    else {
        return PageZoomGesture::NotFound;
    };
    // SAFETY: the pointer is non-null and names a live GObject (the view holds a reference and
    // is alive, and we are on its thread); `from_glib_none` takes a reference of our own. Its
    // type is then checked by `downcast`, not assumed.
    let object: gtk::glib::Object = unsafe { from_glib_none(pointer.as_ptr()) };
    match object.downcast::<gtk::GestureZoom>() {
        Ok(gesture) => {
            gesture.set_propagation_phase(gtk::PropagationPhase::None);
            PageZoomGesture::Off
        }
        Err(_) => PageZoomGesture::NotFound,
    }
}

/// After this many renderer crashes within [`CRASH_WINDOW`], the app gives up reloading and
/// exits, so the supervisor starts it afresh.
const MAX_CRASHES: usize = 3;
const CRASH_WINDOW: std::time::Duration = std::time::Duration::from_secs(60);

/// When WebKit's web process dies (a crash, or killed for memory), the window would stay
/// blank: reload the interface instead, and record it for the staff. Crashing again and
/// again, the app exits with an error and leaves the restart to the supervisor.
#[cfg(target_os = "linux")]
fn recover_from_renderer_crashes<R: Runtime>(
    webview: &tauri::webview::PlatformWebview,
    app: AppHandle<R>,
) {
    use std::cell::RefCell;
    use std::time::Instant;
    use webkit2gtk::{WebProcessTerminationReason, WebViewExt};
    let recent: RefCell<Vec<Instant>> = RefCell::new(Vec::new());
    webview
        .inner()
        .connect_web_process_terminated(move |view, reason| {
            let why = match reason {
                WebProcessTerminationReason::Crashed => "crashed",
                WebProcessTerminationReason::ExceededMemoryLimit => "exceeded its memory limit",
                WebProcessTerminationReason::TerminatedByApi => "was ended by the app",
                _ => "ended",
            };
            let mut recent = recent.borrow_mut();
            recent.retain(|t| t.elapsed() < CRASH_WINDOW);
            recent.push(Instant::now());
            let give_up = recent.len() > MAX_CRASHES;
            let message = if give_up {
                format!(
                    "the web process {why}, {} times within {} s: exiting for a clean restart",
                    recent.len(),
                    CRASH_WINDOW.as_secs()
                )
            } else {
                format!("the web process {why}; the interface was reloaded")
            };
            match app.try_state::<crate::Kiosk>() {
                Some(kiosk) => {
                    kiosk.log().error(&message);
                    kiosk.heartbeats().reloading();
                }
                None => crate::logging::error(&message),
            }
            if give_up {
                app.exit(1);
            } else {
                view.reload();
            }
        });
}

#[cfg(not(target_os = "linux"))]
fn recover_from_renderer_crashes<R: Runtime>(
    _webview: &tauri::webview::PlatformWebview,
    _app: AppHandle<R>,
) {
}

#[cfg(not(target_os = "linux"))]
fn tune_webkit(_webview: &tauri::webview::PlatformWebview) -> PageZoomGesture {
    PageZoomGesture::NotApplicable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_paints_on_the_cpu_only_where_no_drm_render_node_exists() {
        let dri = tempfile::tempdir().expect("a folder standing in for /dev/dri");
        assert!(!has_gpu(dri.path()), "an empty folder has no GPU");
        assert!(
            !has_gpu(&dri.path().join("missing")),
            "nor does a missing one"
        );
        std::fs::write(dri.path().join("card0"), "").expect("a display-only node");
        assert!(
            !has_gpu(dri.path()),
            "a display node alone is not a render node"
        );
        std::fs::write(dri.path().join("renderD128"), "").expect("a render node");
        assert!(has_gpu(dri.path()));
        assert!(
            paint_on_cpu(Some(true)),
            "configured on, whatever the machine"
        );
        assert!(
            !paint_on_cpu(Some(false)),
            "configured off, whatever the machine"
        );
    }

    #[test]
    fn only_the_apps_own_origin_counts_as_its_page() {
        let own = [
            "tauri://localhost/index.html",
            "http://tauri.localhost/",
            "https://tauri.localhost/x",
        ];
        let foreign = [
            "https://example.com/",
            "http://localhost:5173/",
            "file:///etc/passwd",
            "tauri://evil/",
            "fairway://localhost/asset/00",
            "http://tauri.localhost.evil.com/",
            "data:text/html,hi",
        ];
        for u in own {
            assert!(
                is_own_page(&Url::parse(u).expect("a URL")),
                "{u} is the app's own page"
            );
        }
        for u in foreign {
            assert!(
                !is_own_page(&Url::parse(u).expect("a URL")),
                "{u} is not the app's page"
            );
        }
    }
}
