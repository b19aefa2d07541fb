//! The hub's HTTP contract, shared by the server and [`crate::client`].
//!
//! Every body is JSON except image uploads (the raw file) and image downloads (the stored
//! bytes). Every request after sign-in carries `Authorization: Bearer <token>`; the token names
//! one exhibitor, and every path acts on that exhibitor only: there is no exhibitor id in any
//! path or body, so no request can even name another exhibitor's data.
//!
//! | method, path | body | answer |
//! |---|---|---|
//! | `POST /api/v1/session` | [`SignIn`] | [`Session`] |
//! | `GET /api/v1/profile` | | [`OwnProfile`] |
//! | `POST /api/v1/images?role=logo\|product` | the PNG or JPEG file | [`UploadedImage`] |
//! | `GET /api/v1/images/{name}` | | the bytes, with their content type |
//! | `POST /api/v1/submissions` | [`Submit`] | [`SubmissionStatus`] (202) |
//! | `GET /api/v1/submissions` | | `Vec<`[`SubmissionStatus`]`>`, newest first |
//! | `GET /feed/manifest.json` (and `.minisig`, snapshot files) | | the published feed |
//!
//! Errors are an [`ApiError`] with the HTTP status of [`ErrorCode::status`].

use fairway_core::edit::{EditLimits, FixedFields, ProfileEdit};
use fairway_core::validate::FieldError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The prefix of every exhibitor API path.
pub const API: &str = "/api/v1";
/// The prefix of the published feed (manifest, signature, snapshot files).
pub const FEED: &str = "/feed";
/// The largest request body the hub reads: an image of at most 5 MiB plus headroom. Anything
/// larger is refused before it is read.
pub const MAX_BODY_BYTES: usize = fairway_core::media::MAX_FILE_BYTES + 64 * 1024;
/// How long a session lasts after sign-in.
pub const SESSION_SECONDS: i64 = 12 * 60 * 60;

/// `POST /api/v1/session`: sign in with the access code the organiser handed out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub code: String,
}

/// A signed-in exhibitor's session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Session {
    /// Opaque; sent back as `Authorization: Bearer <token>`. The hub keeps only its hash.
    pub token: String,
    pub exhibitor_id: String,
    /// RFC 3339, UTC.
    pub expires: String,
}

/// `GET /api/v1/profile`: the exhibitor's current (published or approved) profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OwnProfile {
    /// The profile's version at the hub; a submission names the version it was made from.
    #[ts(type = "number")]
    pub version: u64,
    pub profile: ProfileEdit,
    /// What only the organiser changes (booths, pavilion, ...), for display.
    pub fixed: FixedFields,
    /// The fair's names, so the editor can say which fair it signed in to.
    pub fair_id: String,
    pub fair_name_en: String,
    pub fair_name_zh: String,
    pub limits: EditLimits,
}

/// What an image is for, as `?role=` of an upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImageRole {
    Logo,
    Product,
}

impl ImageRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ImageRole::Logo => "logo",
            ImageRole::Product => "product",
        }
    }

    pub fn media(self) -> fairway_core::media::ImageRole {
        match self {
            ImageRole::Logo => fairway_core::media::ImageRole::Logo,
            ImageRole::Product => fairway_core::media::ImageRole::Product,
        }
    }
}

/// `POST /api/v1/images`: the upload, re-encoded by the hub; `name` is what a
/// [`ProfileEdit`] uses to refer to it ([`fairway_core::edit::uploaded_image_name`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UploadedImage {
    pub name: String,
    pub sha256: String,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    /// Size of the re-encoded file.
    pub bytes: u32,
}

/// `POST /api/v1/submissions`: a whole edited profile, based on the version it was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Submit {
    #[ts(type = "number")]
    pub base_version: u64,
    pub profile: ProfileEdit,
}

/// Where a submission stands in the organiser's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ReviewState {
    /// Waiting for the organiser.
    Pending,
    /// Approved: in the master data, and in the kiosks from the next publish.
    Approved,
    /// Refused, with the reviewer's reason.
    Rejected,
    /// Replaced before it was reviewed by a newer submission made in the same session.
    Superseded,
}

impl ReviewState {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewState::Pending => "pending",
            ReviewState::Approved => "approved",
            ReviewState::Rejected => "rejected",
            ReviewState::Superseded => "superseded",
        }
    }
}

/// One submission as its exhibitor sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SubmissionStatus {
    #[ts(type = "number")]
    pub id: u64,
    #[ts(type = "number")]
    pub base_version: u64,
    pub state: ReviewState,
    /// The reviewer's reason, for a rejection.
    pub reason: Option<String>,
    /// RFC 3339, UTC.
    pub submitted: String,
    /// RFC 3339, UTC; `None` while pending.
    pub decided: Option<String>,
}

/// What went wrong, as one machine-readable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request is malformed (bad JSON, unknown field, bad query).
    BadRequest,
    /// The access code is wrong, revoked or unknown.
    BadCode,
    /// Too many wrong codes from this client: wait `retry_after_s`.
    SlowDown,
    /// No session, or an expired or revoked one: sign in again.
    SignedOut,
    /// The image or profile named does not exist (or is not this exhibitor's).
    NotFound,
    /// Fields were refused: see `fields`, one message per field.
    Invalid,
    /// The image was refused (not PNG/JPEG, too large, corrupt, a decompression bomb).
    BadImage,
    /// The body is larger than the hub reads.
    TooLarge,
    /// The profile changed since `base_version`: reload it and edit again.
    Outdated,
    /// Something on the hub's side; the message says what.
    Internal,
}

impl ErrorCode {
    /// The HTTP status the server answers with.
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::BadRequest => 400,
            ErrorCode::BadCode | ErrorCode::SignedOut => 401,
            ErrorCode::NotFound => 404,
            ErrorCode::Outdated => 409,
            ErrorCode::TooLarge => 413,
            ErrorCode::Invalid | ErrorCode::BadImage => 422,
            ErrorCode::SlowDown => 429,
            ErrorCode::Internal => 500,
        }
    }
}

/// Every error the hub answers with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    /// One line a person can act on.
    pub message: String,
    /// For [`ErrorCode::Invalid`]: one message per refused field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
    /// For [`ErrorCode::SlowDown`]: seconds before the next attempt is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_s: Option<u32>,
    /// For [`ErrorCode::Outdated`]: the version the profile is at now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(type = "number | null")]
    pub current_version: Option<u64>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            fields: Vec::new(),
            retry_after_s: None,
            current_version: None,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)?;
        for field in &self.fields {
            write!(f, "; {field}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}
