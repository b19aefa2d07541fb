//! Pictures for the webview through the `fairway` URI scheme, straight from the snapshot's
//! content-addressed `assets` table: `fairway://localhost/asset/<sha256>` (Windows:
//! `http://fairway.localhost/asset/<sha256>`). Never base64 inside JSON: the webview fetches,
//! decodes and caches the bytes itself, and an address names its content forever.

use tauri::http::{Response, StatusCode, header};

use crate::pool::SnapshotPool;

/// The scheme's name, as registered and as the CSP's `img-src` allows it.
pub const SCHEME: &str = "fairway";

/// The response to a request for `path` (the URI's path, e.g. `/asset/<sha256>`).
pub fn respond(pool: &SnapshotPool, path: &str) -> Response<Vec<u8>> {
    let Some(sha256) = path.strip_prefix("/asset/").filter(|s| is_sha256(s)) else {
        return plain(StatusCode::NOT_FOUND, "no such asset");
    };
    let found = pool.get().and_then(|snapshot| snapshot.asset(sha256));
    match found {
        Ok(Some(blob)) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, blob.mime)
            // The address is the content's hash: it can never mean other bytes.
            .header(header::CACHE_CONTROL, "public, max-age=31536000, immutable")
            .header("X-Content-Type-Options", "nosniff")
            .body(blob.bytes)
            .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "bad response")),
        Ok(None) => plain(StatusCode::NOT_FOUND, "no such asset"),
        Err(e) => plain(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// Exhibitor mode: a picture of the draft, `/draft/<sha256>` (re-encoded by Fairway when it
/// was chosen or fetched). Not cached for long: the draft's pictures change as the exhibitor
/// works, though an address still names its content.
pub fn respond_draft(editor: &crate::editor::Editor, path: &str) -> Response<Vec<u8>> {
    let Some(sha256) = path.strip_prefix("/draft/").filter(|s| is_sha256(s)) else {
        return plain(StatusCode::NOT_FOUND, "no such picture");
    };
    match editor.image_by_sha256(sha256) {
        Some((mime, bytes)) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, mime)
            .header("X-Content-Type-Options", "nosniff")
            .body(bytes)
            .unwrap_or_else(|_| plain(StatusCode::INTERNAL_SERVER_ERROR, "bad response")),
        None => plain(StatusCode::NOT_FOUND, "no such picture"),
    }
}

/// Asked for before the snapshot is open (the window loads while the app starts).
pub fn respond_unavailable() -> Response<Vec<u8>> {
    plain(
        StatusCode::SERVICE_UNAVAILABLE,
        "the snapshot is not open yet",
    )
}

fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

fn plain(status: StatusCode, text: &str) -> Response<Vec<u8>> {
    let mut response = Response::new(text.as_bytes().to_vec());
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo_pool() -> (tempfile::TempDir, SnapshotPool) {
        let cache = tempfile::tempdir().expect("a temporary folder");
        let source = crate::demo::source_folder(None).expect("assets/demo-fair exists");
        let path = crate::demo::snapshot(&source, cache.path()).expect("the demo fair builds");
        let pool = SnapshotPool::open(&path).expect("the demo snapshot opens");
        (cache, pool)
    }

    #[test]
    fn assets_are_served_with_their_type_and_immutable_caching_and_unknown_ones_are_404() {
        let (_cache, pool) = demo_pool();
        let sha: String = pool
            .get()
            .expect("a connection")
            .connection()
            .query_row(
                "SELECT sha256 FROM assets ORDER BY sha256 LIMIT 1",
                [],
                |r| r.get(0),
            )
            .expect("the demo fair has pictures");
        let ok = respond(&pool, &format!("/asset/{sha}"));
        assert_eq!(ok.status(), StatusCode::OK);
        let mime = ok.headers()[header::CONTENT_TYPE].to_str().expect("ascii");
        assert!(
            mime == "image/png" || mime == "image/jpeg",
            "content type {mime}"
        );
        assert_eq!(
            ok.headers()[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        assert!(!ok.body().is_empty(), "the picture's bytes are the body");

        for path in [
            format!("/asset/{}", "0".repeat(64)),
            "/asset/not-a-hash".to_owned(),
            format!("/asset/{}", sha.to_uppercase()),
            format!("/other/{sha}"),
            "/".to_owned(),
        ] {
            assert_eq!(
                respond(&pool, &path).status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
        }
    }
}
