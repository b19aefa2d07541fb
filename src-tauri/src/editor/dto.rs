//! What the editor's commands answer: plain values generated into TypeScript by ts-rs.

use fairway_core::card::CardView;
use fairway_core::draft::DraftImage;
use fairway_core::edit::{EditLimits, FixedFields, ProfileEdit};
use fairway_core::snapshot::ExhibitorProfile;
use fairway_core::validate::FieldError;
use fairway_hub::api::{ImageRole, SubmissionStatus};
use fairway_hub::client::ClientError;
use serde::Serialize;
use ts_rs::TS;

/// How exhibitor mode starts: the hub address to propose, the draft file, and the editor when a
/// session is still valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EditorStart {
    pub hub: Option<String>,
    pub draft_file: String,
    pub resumed: Option<EditorState>,
}

/// The editor screen's whole state, read from the draft file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EditorState {
    pub hub: String,
    pub exhibitor_id: String,
    pub fair_name_en: String,
    pub fair_name_zh: String,
    /// The hub's profile version the next submission is based on.
    #[ts(type = "number")]
    pub base_version: u64,
    pub fixed: FixedFields,
    pub limits: EditLimits,
    pub draft: ProfileEdit,
    /// The draft's last saved revision (0: never saved).
    #[ts(type = "number")]
    pub revision: u64,
    /// The pictures the draft names that the laptop holds.
    pub images: Vec<ImagePreview>,
    /// Submissions waiting for the hub.
    pub queued: u32,
}

/// A picture in the draft, re-encoded: what the preview shows and its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImagePreview {
    /// The name the draft uses for it (`ProfileEdit::logo`, `ProductEdit::image`).
    pub name: String,
    /// Served at `fairway://localhost/draft/<sha256>`.
    pub sha256: String,
    pub role: ImageRole,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    /// Size of the re-encoded file.
    pub bytes: u32,
}

impl ImagePreview {
    pub fn of(image: &DraftImage) -> ImagePreview {
        ImagePreview {
            name: image.name.clone(),
            sha256: image.sha256.clone(),
            role: match image.role {
                fairway_core::media::ImageRole::Logo => ImageRole::Logo,
                fairway_core::media::ImageRole::Product => ImageRole::Product,
            },
            mime: image.mime.clone(),
            width: image.width,
            height: image.height,
            bytes: u32::try_from(image.bytes.len()).unwrap_or(u32::MAX),
        }
    }
}

/// The kiosk's profile as the draft would make it, its contact card (QR, fields, what the
/// payload budget leaves out), and the fields the hub would refuse.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Preview {
    pub profile: ExhibitorProfile,
    pub card: CardView,
    pub errors: Vec<FieldError>,
}

/// How a submit ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SubmitKind {
    /// The hub took it; it waits for the organiser's review.
    Submitted,
    /// The hub could not be reached: it waits on this laptop and is sent when the hub answers.
    Queued,
    /// Fields were refused: see `fields`.
    Refused,
    /// The profile changed at the hub since the draft began; the draft is kept.
    Outdated,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SubmitOutcome {
    pub kind: SubmitKind,
    pub message: String,
    pub fields: Vec<FieldError>,
    pub status: Option<SubmissionStatus>,
    #[ts(type = "number | null")]
    pub current_version: Option<u64>,
}

impl SubmitOutcome {
    pub fn refused(message: &str, fields: Vec<FieldError>) -> SubmitOutcome {
        SubmitOutcome {
            kind: SubmitKind::Refused,
            message: message.to_owned(),
            fields,
            status: None,
            current_version: None,
        }
    }

    pub fn queued(id: i64, why: &ClientError) -> SubmitOutcome {
        SubmitOutcome {
            kind: SubmitKind::Queued,
            message: format!(
                "The hub cannot be reached ({why}). Submission {id} is kept on this laptop and sent when the hub answers."
            ),
            fields: Vec::new(),
            status: None,
            current_version: None,
        }
    }
}

/// A submission waiting on this laptop for the hub.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QueuedView {
    #[ts(type = "number")]
    pub id: i64,
    /// RFC 3339, UTC.
    pub queued: String,
    #[ts(type = "number")]
    pub base_version: u64,
}

/// The submission list: the hub's statuses (its last known ones when offline) and what waits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Submissions {
    pub items: Vec<SubmissionStatus>,
    pub queued: Vec<QueuedView>,
    /// Why the hub could not be asked; the items are then the last ones it gave.
    pub offline: Option<String>,
}
