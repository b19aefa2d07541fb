//! The kiosk's one window, locked down for a public touchscreen: the app's own pages only (no
//! navigation elsewhere, no new windows), no zoom hotkeys, fullscreen when configured.

use tauri::webview::NewWindowResponse;
use tauri::{AppHandle, Runtime, Url, WebviewUrl, WebviewWindowBuilder};

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
pub fn open_editor<R: Runtime>(app: &AppHandle<R>, look: Look) -> tauri::Result<()> {
    let window = WebviewWindowBuilder::new(app, EDITOR, WebviewUrl::App("editor.html".into()))
        .title("Fairway — exhibitor editor")
        .inner_size(1360.0, 900.0)
        .min_inner_size(800.0, 560.0)
        .resizable(true)
        .fullscreen(false)
        .on_navigation(|url| {
            let allowed = is_own_page(url);
            if !allowed {
                eprintln!("fairway-kiosk: refused navigation to {url}");
            }
            allowed
        })
        .on_new_window(|url, _features| {
            eprintln!("fairway-kiosk: refused a new window for {url}");
            NewWindowResponse::Deny
        })
        .build()?;
    window.with_webview(move |webview| tune_webkit(&webview, look))?;
    Ok(())
}

/// How the window is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    pub fullscreen: bool,
    /// Paint without the GPU (see `config.rs`).
    pub software_rendering: bool,
}

pub fn open<R: Runtime>(app: &AppHandle<R>, config: Look) -> tauri::Result<()> {
    let window = WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App("index.html".into()))
        .title("Fairway")
        .inner_size(1280.0, 800.0)
        .min_inner_size(640.0, 480.0)
        .fullscreen(config.fullscreen)
        .zoom_hotkeys_enabled(false)
        .on_navigation(|url| {
            let allowed = is_own_page(url);
            if !allowed {
                eprintln!("fairway-kiosk: refused navigation to {url}");
            }
            allowed
        })
        .on_new_window(|url, _features| {
            eprintln!("fairway-kiosk: refused a new window for {url}");
            NewWindowResponse::Deny
        })
        .build()?;
    window.with_webview(move |webview| tune_webkit(&webview, config))?;
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

/// WebKitGTK settings for a kiosk that shows the same few screens all day: no memory cache of
/// resources (every picture comes from the local snapshot, so re-reading one is cheap, while
/// a cache sized for a desktop browser grows with every logo a visitor scrolls past), no
/// back/forward page cache (the app never navigates), and, when configured, painting without
/// the GPU.
///
/// Pinch: WebKitGTK (GTK3) turns two fingers into page zoom through a `GtkGestureZoom` it keeps
/// only as object data (`"wk-view-zoom-gesture"`) on the view; GTK3 has no public list of a
/// widget's gestures, and reading object data (`glib::ObjectExt::data`, `g_object_get_data`)
/// is `unsafe`, which the workspace forbids. So the kiosk does not switch that gesture off here;
/// the page cancels every two-finger touch instead (`ui/src/lib/lockdown.ts`), which WebKit
/// takes as the page having handled it, and the map zooms itself. A safe accessor for that
/// gesture (or a WebKit setting) is what is missing to do it from Rust.
#[cfg(target_os = "linux")]
fn tune_webkit(webview: &tauri::webview::PlatformWebview, look: Look) {
    use webkit2gtk::{
        CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
    };
    let view = webview.inner();
    if let Some(context) = view.context() {
        context.set_cache_model(CacheModel::DocumentViewer);
    }
    if let Some(settings) = WebViewExt::settings(&view) {
        settings.set_enable_page_cache(false);
        if look.software_rendering {
            settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn tune_webkit(_webview: &tauri::webview::PlatformWebview, _look: Look) {}

#[cfg(test)]
mod tests {
    use super::*;

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
