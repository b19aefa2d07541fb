//! `fairway hub serve`: the exhibitor API of [`crate::api`] and the published feed, on axum.
//!
//! Every SQLite call and every image re-encode runs on tokio's blocking pool
//! (`spawn_blocking`), never on the executor. The master database is one connection behind a
//! mutex: every write is a short `synchronous=FULL` transaction, and SQLite takes one writer at
//! a time anyway, so a pool would only add waiting in another place.
//!
//! **Invariant:** an exhibitor request never names an exhibitor. The session token decides whose
//! data a request reads or changes; no path, query or body field can point at another
//! exhibitor's profile, images or submissions.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path as UrlPath, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use fairway_core::edit::{EditLimits, FixedFields, uploaded_image_name};
use fairway_core::model::{Exhibitor, Fair};
use fairway_core::validate::FieldError;

use crate::api::{
    ApiError, ErrorCode, ImageRole, MAX_BODY_BYTES, OwnProfile, SESSION_SECONDS, Session, SignIn,
    Submit, UploadedImage,
};
use crate::codes;
use crate::store::{CodeCheck, Store, SubmitOutcome, now, rfc3339_unix};
use crate::throttle::{Policy, Throttle, retry_after_s};
use crate::{HubError, feed};

/// How to run a hub.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The data folder made by `fairway hub init`.
    pub data: PathBuf,
    /// `127.0.0.1:8787` by default; port 0 picks a free port.
    pub listen: SocketAddr,
    /// The published feed folder; `None`: `DATA/feed`.
    pub feed: Option<PathBuf>,
    pub throttle: Policy,
}

impl ServeOptions {
    pub fn new(data: &Path) -> ServeOptions {
        ServeOptions {
            data: data.to_path_buf(),
            listen: SocketAddr::from(([127, 0, 0, 1], 8787)),
            feed: None,
            throttle: Policy::default(),
        }
    }
}

/// A hub running on its own thread and runtime; dropping it stops it.
#[derive(Debug)]
pub struct RunningHub {
    addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<(), String>>>,
}

impl RunningHub {
    /// The address it listens on (the real port when asked for port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR`, what the client and the kiosk's feed take (the feed is `<url>/feed`).
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Blocks until the server stops (it stops only on an error or [`RunningHub::stop`]).
    pub fn wait(mut self) -> Result<(), HubError> {
        match self.thread.take().map(std::thread::JoinHandle::join) {
            Some(Ok(result)) => result.map_err(HubError::Message),
            Some(Err(_)) => Err(HubError::Message("the hub's server thread panicked".into())),
            None => Ok(()),
        }
    }

    /// Stops accepting, lets running requests finish, and waits.
    pub fn stop(mut self) -> Result<(), HubError> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.thread.take().map(std::thread::JoinHandle::join) {
            Some(Ok(result)) => result.map_err(HubError::Message),
            Some(Err(_)) => Err(HubError::Message("the hub's server thread panicked".into())),
            None => Ok(()),
        }
    }
}

impl Drop for RunningHub {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Opens the data folder, binds the address and starts serving on a new thread.
pub fn start(opts: ServeOptions) -> Result<RunningHub, HubError> {
    let store = Store::open(&opts.data)?;
    let source = fairway_core::import::load(&store.source_dir())?.source;
    let bases: HashMap<String, Exhibitor> = source
        .exhibitors
        .iter()
        .map(|e| (e.id.clone(), e.clone()))
        .collect();
    let hub = Arc::new(Hub {
        source_images: store.source_dir().join("images"),
        feed_dir: opts.feed.clone().unwrap_or_else(|| opts.data.join("feed")),
        store: Mutex::new(store),
        bases,
        fair: source.fair,
        throttle: Mutex::new(Throttle::new(opts.throttle)),
    });
    let listener = std::net::TcpListener::bind(opts.listen)
        .map_err(|e| HubError::Message(format!("cannot listen on {}: {e}", opts.listen)))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| HubError::Message(format!("cannot listen on {}: {e}", opts.listen)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| HubError::Message(format!("cannot listen on {}: {e}", opts.listen)))?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("fairway-hub")
        .build()
        .map_err(|e| HubError::Message(format!("cannot start the hub's runtime: {e}")))?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let app = router(hub);
    let thread = std::thread::Builder::new()
        .name("fairway-hub".into())
        .spawn(move || {
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)
                    .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
                axum::serve(
                    listener,
                    app.into_make_service_with_connect_info::<SocketAddr>(),
                )
                .with_graceful_shutdown(async move {
                    let _ = rx.await;
                })
                .await
                .map_err(|e| format!("the hub stopped: {e}"))
            })
        })
        .map_err(|e| HubError::Message(format!("cannot start the hub's thread: {e}")))?;
    Ok(RunningHub {
        addr,
        shutdown: Some(tx),
        thread: Some(thread),
    })
}

struct Hub {
    store: Mutex<Store>,
    /// The organiser's records, for the fields only the organiser changes.
    bases: HashMap<String, Exhibitor>,
    fair: Fair,
    source_images: PathBuf,
    feed_dir: PathBuf,
    throttle: Mutex<Throttle>,
}

impl Hub {
    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic inside a transaction rolled it back; the connection is still good.
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn throttle(&self) -> MutexGuard<'_, Throttle> {
        self.throttle.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn base(&self, exhibitor: &str) -> Result<&Exhibitor, ApiError> {
        self.bases.get(exhibitor).ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!("exhibitor {exhibitor} is no longer in the fair's source"),
            )
        })
    }
}

fn router(hub: Arc<Hub>) -> Router {
    Router::new()
        .route("/api/v1/session", post(sign_in))
        .route("/api/v1/profile", get(profile))
        .route("/api/v1/images", post(upload))
        .route("/api/v1/images/{name}", get(image))
        .route("/api/v1/submissions", post(submit).get(submissions))
        .route("/feed/{name}", get(feed::file))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(refuse_large_bodies))
        .with_state(hub.clone())
        .layer(axum::Extension(FeedDir(hub.feed_dir.clone())))
}

/// The feed folder, for [`feed::file`].
#[derive(Debug, Clone)]
pub(crate) struct FeedDir(pub PathBuf);

/// An [`ApiError`] as an HTTP answer.
pub(crate) struct Refusal(pub ApiError);

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, axum::Json(&self.0)).into_response();
        if let Some(s) = self.0.retry_after_s {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        response
    }
}

impl From<ApiError> for Refusal {
    fn from(e: ApiError) -> Self {
        Refusal(e)
    }
}

impl From<HubError> for ApiError {
    fn from(e: HubError) -> Self {
        ApiError::new(ErrorCode::Internal, format!("the hub failed: {e}"))
    }
}

type Answer = Result<Response, Refusal>;

/// A body whose declared length is over the limit is refused before a byte of it is read.
async fn refuse_large_bodies(request: Request, next: Next) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if let Some(len) = declared
        && len > MAX_BODY_BYTES as u64
    {
        return too_large(len).into_response();
    }
    next.run(request).await
}

fn too_large(len: u64) -> Refusal {
    Refusal(ApiError::new(
        ErrorCode::TooLarge,
        format!(
            "the request body is {len} bytes; the hub reads at most {MAX_BODY_BYTES} bytes (an image may be at most 5 MiB)"
        ),
    ))
}

async fn not_found() -> Refusal {
    Refusal(ApiError::new(
        ErrorCode::NotFound,
        "no such path on this hub",
    ))
}

/// Runs `f` with the store on the blocking pool.
async fn blocking<T: Send + 'static>(
    hub: &Arc<Hub>,
    f: impl FnOnce(&Hub, &mut Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, Refusal> {
    let hub = hub.clone();
    tokio::task::spawn_blocking(move || {
        let mut store = hub.store();
        f(&hub, &mut store)
    })
    .await
    .map_err(|e| ApiError::new(ErrorCode::Internal, format!("the hub failed: {e}")))?
    .map_err(Refusal)
}

fn bad_request(message: impl Into<String>) -> Refusal {
    Refusal(ApiError::new(ErrorCode::BadRequest, message))
}

fn body_bytes(body: Result<Bytes, BytesRejection>) -> Result<Bytes, Refusal> {
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Refusal(ApiError::new(
                ErrorCode::TooLarge,
                format!("the request body is larger than the {MAX_BODY_BYTES} bytes the hub reads"),
            ))
        } else {
            bad_request(format!("the request body could not be read: {e}"))
        }
    })
}

fn json_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Refusal> {
    serde_json::from_slice(body).map_err(|e| bad_request(format!("the request is not valid: {e}")))
}

/// The exhibitor whose session token the request carries.
async fn signed_in(hub: &Arc<Hub>, headers: &HeaderMap) -> Result<String, Refusal> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            Refusal(ApiError::new(
                ErrorCode::SignedOut,
                "not signed in: sign in with your access code",
            ))
        })?;
    let hash = codes::token_hash(token);
    blocking(hub, move |_, store| {
        store.session(&hash, now().1)?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::SignedOut,
                "your session has ended or was revoked: sign in again with your access code",
            )
        })
    })
    .await
}

async fn sign_in(
    State(hub): State<Arc<Hub>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let ip: IpAddr = peer.ip();
    if let Some(wait) = hub.throttle().check(ip, Instant::now()) {
        return Err(slow_down(wait));
    }
    let request: SignIn = json_body(&body_bytes(body)?)?;
    let hash = codes::code_hash(&request.code);
    let checked = match hash {
        None => CodeCheck::Unknown,
        Some(hash) => blocking(&hub, move |_, store| Ok(store.check_code(&hash, now().1)?)).await?,
    };
    match checked {
        CodeCheck::Valid(exhibitor) => {
            hub.throttle().succeeded(ip);
            let token = codes::new_token()
                .map_err(HubError::from)
                .map_err(ApiError::from)?;
            let expires = now().1 + SESSION_SECONDS;
            let hash = codes::token_hash(&token);
            let id = exhibitor.clone();
            blocking(&hub, move |_, store| {
                Ok(store.start_session(&id, &hash, expires)?)
            })
            .await?;
            Ok(axum::Json(Session {
                token,
                exhibitor_id: exhibitor,
                expires: rfc3339_unix(expires),
            })
            .into_response())
        }
        CodeCheck::Expired(_) => Err(Refusal(ApiError::new(
            ErrorCode::BadCode,
            "this access code has expired: ask the organiser for a new one",
        ))),
        CodeCheck::Unknown => {
            hub.throttle().failed(ip, Instant::now());
            Err(Refusal(ApiError::new(
                ErrorCode::BadCode,
                "this access code is wrong, replaced or revoked: check it, or ask the organiser for a new one",
            )))
        }
    }
}

fn slow_down(wait: std::time::Duration) -> Refusal {
    let seconds = retry_after_s(wait);
    let mut error = ApiError::new(
        ErrorCode::SlowDown,
        format!("too many wrong access codes from this computer: try again in {seconds} s"),
    );
    error.retry_after_s = Some(seconds);
    Refusal(error)
}

async fn profile(State(hub): State<Arc<Hub>>, headers: HeaderMap) -> Answer {
    let exhibitor = signed_in(&hub, &headers).await?;
    let own = blocking(&hub, move |hub, store| {
        let (version, profile) = store
            .profile(&exhibitor)?
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "your profile is not in this hub"))?;
        Ok(OwnProfile {
            version,
            profile,
            fixed: FixedFields::of(hub.base(&exhibitor)?),
            fair_id: hub.fair.id.clone(),
            fair_name_en: hub.fair.name_en.clone(),
            fair_name_zh: hub.fair.name_zh.clone(),
            limits: EditLimits::get(),
        })
    })
    .await?;
    Ok(axum::Json(own).into_response())
}

async fn upload(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let bytes = body_bytes(body)?;
    let exhibitor = signed_in(&hub, &headers).await?;
    let role = match query.as_deref() {
        Some("role=logo") => ImageRole::Logo,
        Some("role=product") => ImageRole::Product,
        _ => {
            return Err(bad_request(
                "say what the picture is for: ?role=logo or ?role=product",
            ));
        }
    };
    let asset =
        tokio::task::spawn_blocking(move || fairway_core::media::reencode(&bytes, role.media()))
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, format!("the hub failed: {e}")))?
            .map_err(|e| {
                Refusal(ApiError::new(
                    ErrorCode::BadImage,
                    format!("the picture was refused: {e}"),
                ))
            })?;
    let name = uploaded_image_name(&asset);
    let answer = UploadedImage {
        name: name.clone(),
        sha256: asset.sha256.clone(),
        mime: asset.mime.to_owned(),
        width: asset.width,
        height: asset.height,
        bytes: u32::try_from(asset.bytes.len()).unwrap_or(u32::MAX),
    };
    blocking(&hub, move |_, store| {
        Ok(store.store_image(&exhibitor, &name, &asset)?)
    })
    .await?;
    Ok((StatusCode::CREATED, axum::Json(answer)).into_response())
}

/// Whether `name` is a plain file name (no folder, no parent, no hidden file).
pub(crate) fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0'])
        && name != ".."
}

async fn image(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    UrlPath(name): UrlPath<String>,
) -> Answer {
    let exhibitor = signed_in(&hub, &headers).await?;
    let missing = || {
        Refusal(ApiError::new(
            ErrorCode::NotFound,
            format!("no image {name:?} among your uploads and your profile's pictures"),
        ))
    };
    if !is_plain_name(&name) {
        return Err(missing());
    }
    let wanted = name.clone();
    let found = blocking(&hub, move |hub, store| {
        let own = store.uploaded_by(&exhibitor, &wanted)?
            || store
                .profile(&exhibitor)?
                .is_some_and(|(_, p)| p.images().any(|i| i == wanted));
        if !own {
            return Ok(None);
        }
        if let Some(stored) = store.image(&wanted)? {
            return Ok(Some(stored));
        }
        let path = hub.source_images.join(&wanted);
        match std::fs::read(&path) {
            Ok(bytes) => Ok(Some((mime_of(&wanted).to_owned(), bytes))),
            Err(_) => Ok(None),
        }
    })
    .await?;
    let (mime, bytes) = found.ok_or_else(missing)?;
    Ok((
        [
            (header::CONTENT_TYPE, mime),
            (header::CACHE_CONTROL, "private, max-age=3600".to_owned()),
        ],
        bytes,
    )
        .into_response())
}

fn mime_of(name: &str) -> &'static str {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".png") {
        "image/png"
    } else if lower.ends_with(".jpg") || lower.ends_with(".jpeg") {
        "image/jpeg"
    } else {
        "application/octet-stream"
    }
}

async fn submit(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Answer {
    let bytes = body_bytes(body)?;
    let exhibitor = signed_in(&hub, &headers).await?;
    let request: Submit = json_body(&bytes)?;
    let status = blocking(&hub, move |hub, store| {
        let base = hub.base(&exhibitor)?;
        let (current, current_profile) = store
            .profile(&exhibitor)?
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound, "your profile is not in this hub"))?;
        if request.base_version != current {
            return Err(outdated(request.base_version, current));
        }
        let mut fields = request.profile.check(base);
        let mut image_fields: Vec<(String, &str)> = Vec::new();
        if let Some(logo) = request.profile.logo.as_deref() {
            image_fields.push(("logo".to_owned(), logo));
        }
        for (i, product) in request.profile.products.iter().enumerate() {
            if let Some(image) = product.image.as_deref() {
                image_fields.push((format!("products.{i}.image"), image));
            }
        }
        for (field, name) in image_fields {
            if fields.iter().any(|f| f.field == field) {
                continue;
            }
            let known = current_profile.images().any(|i| i == name)
                || (is_plain_name(name) && store.uploaded_by(&exhibitor, name)?);
            if !known {
                fields.push(FieldError {
                    field,
                    message: format!("names the picture {name:?}, which you have not uploaded"),
                });
            }
        }
        if !fields.is_empty() {
            let mut error = ApiError::new(
                ErrorCode::Invalid,
                format!(
                    "{} field{} refused; nothing was submitted",
                    fields.len(),
                    if fields.len() == 1 { " was" } else { "s were" }
                ),
            );
            error.fields = fields;
            return Err(error);
        }
        let normalized = request.profile.normalized(base);
        match store.submit(&exhibitor, request.base_version, &normalized)? {
            SubmitOutcome::Recorded(status) => Ok(status),
            SubmitOutcome::Outdated { current } => Err(outdated(request.base_version, current)),
        }
    })
    .await?;
    Ok((StatusCode::ACCEPTED, axum::Json(status)).into_response())
}

fn outdated(base: u64, current: u64) -> ApiError {
    let mut error = ApiError::new(
        ErrorCode::Outdated,
        format!(
            "your profile changed since you started editing (you edited version {base}, it is at version {current} now): reload it and make your changes again"
        ),
    );
    error.current_version = Some(current);
    error
}

async fn submissions(State(hub): State<Arc<Hub>>, headers: HeaderMap) -> Answer {
    let exhibitor = signed_in(&hub, &headers).await?;
    let list = blocking(&hub, move |_, store| Ok(store.submissions_of(&exhibitor)?)).await?;
    Ok(axum::Json(list).into_response())
}
