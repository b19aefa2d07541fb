//! Generates the app's permission manifest: exactly the commands the interface invokes, nothing
//! else, so the capability files can grant them one by one (the kiosk's read-only commands to
//! the kiosk window, the editor's to the editor window).

fn main() {
    let attributes =
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(&[
            "fair",
            "pavilions",
            "pavilion",
            "categories",
            "exhibitors",
            "exhibitor",
            "search",
            "halls",
            "countries",
            "hall_map",
            "route",
            "kiosk_config",
            "contact_card",
            "status",
            "here",
            "heartbeat",
            // Exhibitor mode only: granted to the editor window by capabilities/editor.json.
            "editor_start",
            "editor_sign_in",
            "editor_sign_out",
            "editor_save",
            "editor_choose_image",
            "editor_preview",
            "editor_submit",
            "editor_submissions",
        ]));
    tauri_build::try_build(attributes)
        .expect("the Tauri build script can generate the app's context");
}
