//! Generates the app's permission manifest: exactly the commands the interface invokes, nothing
//! else, so the capability file can grant them one by one.

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
        ]));
    tauri_build::try_build(attributes)
        .expect("the Tauri build script can generate the app's context");
}
