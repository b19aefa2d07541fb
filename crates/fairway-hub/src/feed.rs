//! The published feed over HTTP: `GET /feed/manifest.json` (with an ETag, so a polling kiosk
//! gets a 304 while nothing changed), its `.minisig`, and the snapshot files, which never
//! change once published (`immutable` caching) and can be resumed with a `Range` request, as
//! the kiosk's feed client does after a broken download. Only plain file names of those three
//! kinds are served from the feed folder: no paths, no other files.

use axum::Extension;
use axum::body::Body;
use axum::extract::Path as UrlPath;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use fairway_core::snapshot::manifest::{MANIFEST_FILE, SIGNATURE_FILE};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt as _, AsyncSeekExt as _};

use crate::api::{ApiError, ErrorCode};
use crate::server::{FeedDir, Refusal, is_plain_name};

fn missing(name: &str) -> Response {
    Refusal(ApiError::new(
        ErrorCode::NotFound,
        format!("no {name:?} in the published feed"),
    ))
    .into_response()
}

fn matches_etag(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == etag || t == "*")
}

pub(crate) async fn file(
    Extension(FeedDir(dir)): Extension<FeedDir>,
    UrlPath(name): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    let small = name == MANIFEST_FILE || name == SIGNATURE_FILE;
    if !is_plain_name(&name) || !(small || name.ends_with(".sqlite")) {
        return missing(&name);
    }
    let path = dir.join(&name);
    if small {
        let Ok(bytes) = tokio::fs::read(&path).await else {
            return missing(&name);
        };
        let digest = hex::encode(Sha256::digest(&bytes));
        let etag = format!("\"{}\"", &digest[..32]);
        let mime = if name == MANIFEST_FILE {
            "application/json"
        } else {
            "text/plain; charset=utf-8"
        };
        let mut response = if matches_etag(&headers, &etag) {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            ([(header::CONTENT_TYPE, mime)], bytes).into_response()
        };
        let h = response.headers_mut();
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        if let Ok(v) = HeaderValue::from_str(&etag) {
            h.insert(header::ETAG, v);
        }
        return response;
    }

    let Ok(mut file) = tokio::fs::File::open(&path).await else {
        return missing(&name);
    };
    let size = match file.metadata().await {
        Ok(m) if m.is_file() => m.len(),
        _ => return missing(&name),
    };
    // A published snapshot never changes; its name and size identify it.
    let etag = format!("\"{name}-{size}\"");
    let mut response = if matches_etag(&headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let range = headers
            .get(header::RANGE)
            .and_then(|v| v.to_str().ok())
            .map(|v| parse_range(v, size));
        match range {
            None => body(file, 0, size, StatusCode::OK),
            Some(Some((start, end))) => {
                if file.seek(std::io::SeekFrom::Start(start)).await.is_err() {
                    return missing(&name);
                }
                let mut r = body(file, start, end + 1 - start, StatusCode::PARTIAL_CONTENT);
                if let Ok(v) = HeaderValue::from_str(&format!("bytes {start}-{end}/{size}")) {
                    r.headers_mut().insert(header::CONTENT_RANGE, v);
                }
                r
            }
            Some(None) => {
                let mut r = StatusCode::RANGE_NOT_SATISFIABLE.into_response();
                if let Ok(v) = HeaderValue::from_str(&format!("bytes */{size}")) {
                    r.headers_mut().insert(header::CONTENT_RANGE, v);
                }
                r
            }
        }
    };
    let h = response.headers_mut();
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    response
}

fn body(file: tokio::fs::File, _start: u64, len: u64, status: StatusCode) -> Response {
    let stream = tokio_util::io::ReaderStream::new(file.take(len));
    let mut response = (status, Body::from_stream(stream)).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/vnd.sqlite3"),
    );
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    response
}

/// One `bytes=` range of a file of `size` bytes, as inclusive `(start, end)`; `None` when it
/// cannot be served. Several ranges are not supported (the kiosk never asks for them).
fn parse_range(value: &str, size: u64) -> Option<(u64, u64)> {
    let spec = value.trim().strip_prefix("bytes=")?;
    if spec.contains(',') || size == 0 {
        return None;
    }
    let (a, b) = spec.split_once('-')?;
    let (a, b) = (a.trim(), b.trim());
    let (start, end) = if a.is_empty() {
        // The last `b` bytes.
        let n: u64 = b.parse().ok()?;
        if n == 0 {
            return None;
        }
        (size.saturating_sub(n), size - 1)
    } else {
        let start: u64 = a.parse().ok()?;
        let end = if b.is_empty() {
            size - 1
        } else {
            b.parse::<u64>().ok()?.min(size - 1)
        };
        (start, end)
    };
    (start <= end && start < size).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges_are_read_as_http_says_and_impossible_ones_refused() {
        assert_eq!(parse_range("bytes=10-", 100), Some((10, 99)));
        assert_eq!(parse_range("bytes=10-19", 100), Some((10, 19)));
        assert_eq!(parse_range("bytes=90-200", 100), Some((90, 99)));
        assert_eq!(parse_range("bytes=-10", 100), Some((90, 99)));
        assert_eq!(parse_range("bytes=100-", 100), None);
        assert_eq!(parse_range("bytes=5-1", 100), None);
        assert_eq!(parse_range("bytes=0-1,5-6", 100), None);
        assert_eq!(parse_range("items=0-1", 100), None);
    }
}
