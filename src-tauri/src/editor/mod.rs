//! Exhibitor mode: the editor on an exhibitor's laptop. [`Editor`] is the app's state in that
//! mode: the draft file (`fairway_core::draft`) and the hub client (`fairway_hub::client`),
//! joined step by step for the thin commands in [`commands`]. Every method blocks (SQLite,
//! image re-encoding, HTTP) and runs on a blocking worker thread, never on the window's.
//!
//! The draft is the source of truth on the laptop: the hub is asked for the profile once at
//! sign-in, and a submission that cannot reach the hub waits in the draft's queue until a later
//! submit or status check finds the hub again.

pub mod commands;
pub mod dto;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use fairway_core::card::CardView;
use fairway_core::draft::{Account, DraftImage, DraftStore, HubBase, ImageOrigin, Session};
use fairway_core::edit::{EditLimits, ProfileEdit};
use fairway_core::media;
use fairway_core::model::Language;
use fairway_core::snapshot::ImageRef;
use fairway_hub::api::{ApiError, ErrorCode as HubCode, ImageRole, OwnProfile, Submit};
use fairway_hub::client::{ClientError, HubClient};

use crate::error::{CommandError, ErrorCode};
use dto::{EditorState, ImagePreview, Preview, QueuedView, Submissions, SubmitKind, SubmitOutcome};

/// How exhibitor mode was started: the draft file and the hub address to propose.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EditorSettings {
    /// `None`: `draft.sqlite` in the app's data folder.
    pub draft: Option<PathBuf>,
    /// Filled in on the sign-in screen.
    pub hub: Option<String>,
}

/// The editor's state, shared with the worker threads.
#[derive(Debug, Clone)]
pub struct Editor(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    // One writer connection; every lock is held for one short SQLite call, never across HTTP.
    store: Mutex<DraftStore>,
    hub: Option<String>,
    current: Mutex<Option<Account>>,
}

impl Editor {
    pub fn new(store: DraftStore, hub: Option<String>) -> Editor {
        Editor(Arc::new(Inner {
            store: Mutex::new(store),
            hub,
            current: Mutex::new(None),
        }))
    }

    /// Runs `work` with this editor on a blocking worker thread.
    pub async fn run<T, F>(&self, work: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&Editor) -> Result<T, CommandError> + Send + 'static,
    {
        let editor = self.clone();
        tauri::async_runtime::spawn_blocking(move || work(&editor))
            .await
            .map_err(|e| CommandError::internal(format!("editor worker failed: {e}")))?
    }

    fn store(&self) -> Result<MutexGuard<'_, DraftStore>, CommandError> {
        self.0
            .store
            .lock()
            .map_err(|_| CommandError::internal("the draft was left locked by a failed worker"))
    }

    fn account(&self) -> Result<Account, CommandError> {
        self.0
            .current
            .lock()
            .map_err(|_| CommandError::internal("the session was left locked"))?
            .clone()
            .ok_or_else(|| CommandError::new(ErrorCode::SignedOut, "sign in first"))
    }

    fn set_account(&self, account: Option<Account>) -> Result<(), CommandError> {
        *self
            .0
            .current
            .lock()
            .map_err(|_| CommandError::internal("the session was left locked"))? = account;
        Ok(())
    }

    /// The hub address given on the command line or in the configuration.
    pub fn default_hub(&self) -> Option<String> {
        self.0.hub.clone()
    }

    /// The draft file's path, for the sign-in screen's footnote.
    pub fn draft_path(&self) -> Result<String, CommandError> {
        Ok(self.store()?.path().display().to_string())
    }

    /// Signs in with an access code, records the session, and starts the draft from the hub's
    /// profile unless one is already kept for this exhibitor.
    pub fn sign_in(&self, hub: &str, code: &str) -> Result<EditorState, CommandError> {
        let client = HubClient::new(hub).map_err(client_error)?;
        let code = code.trim();
        if code.is_empty() {
            return Err(CommandError::new(
                ErrorCode::BadCode,
                "type the access code the organiser gave you",
            ));
        }
        let session = client.sign_in(code).map_err(client_error)?;
        let account = Account {
            hub: client.base().to_owned(),
            exhibitor: session.exhibitor_id.clone(),
        };
        self.store()?.sign_in(
            &account,
            &Session {
                token: session.token.clone(),
                expires: session.expires.clone(),
            },
        )?;
        let profile = client.profile(&session.token).map_err(client_error)?;
        self.take_profile(&client, &session.token, &account, profile)?;
        self.set_account(Some(account.clone()))?;
        self.state(&account)
    }

    /// Records the hub's profile as the base, starts the draft from it when there is none, and
    /// keeps its pictures for the preview.
    fn take_profile(
        &self,
        client: &HubClient,
        token: &str,
        account: &Account,
        profile: OwnProfile,
    ) -> Result<(), CommandError> {
        let base = HubBase {
            version: profile.version,
            profile: profile.profile,
            fixed: profile.fixed,
            fair_id: profile.fair_id,
            fair_name_en: profile.fair_name_en,
            fair_name_zh: profile.fair_name_zh,
        };
        {
            let mut store = self.store()?;
            store.set_base(account, &base)?;
            if store.draft(account)?.is_none() {
                store.save(account, &base.profile)?;
            }
        }
        // The profile's own pictures, for the preview. A picture the hub cannot give is left
        // out of the preview; the profile still names it.
        let logo = base.profile.logo.iter().map(|n| (n, ImageRole::Logo));
        let products = base
            .profile
            .products
            .iter()
            .filter_map(|p| p.image.as_ref())
            .map(|n| (n, ImageRole::Product));
        for (name, role) in logo.chain(products) {
            if self.store()?.image(account, name)?.is_some() {
                continue;
            }
            let Ok((_, bytes)) = client.image(token, name) else {
                continue;
            };
            if let Ok(asset) = media::reencode(&bytes, role.media()) {
                let image = DraftImage {
                    name: name.clone(),
                    role: role.media(),
                    origin: ImageOrigin::Hub,
                    sha256: asset.sha256,
                    mime: asset.mime.to_owned(),
                    width: asset.width,
                    height: asset.height,
                    bytes: asset.bytes,
                    hub_name: Some(name.clone()),
                };
                self.store()?.put_image(account, &image)?;
            }
        }
        Ok(())
    }

    /// Opens the account signed in last when its session has not expired; `None` means the
    /// sign-in screen.
    pub fn resume(&self) -> Result<Option<EditorState>, CommandError> {
        let last = self.store()?.last_account()?;
        let Some((account, Some(session))) = last else {
            return Ok(None);
        };
        let now = time::OffsetDateTime::now_utc();
        let valid = time::OffsetDateTime::parse(
            &session.expires,
            &time::format_description::well_known::Rfc3339,
        )
        .is_ok_and(|expires| expires > now);
        if !valid || self.store()?.base(&account)?.is_none() {
            return Ok(None);
        }
        self.set_account(Some(account.clone()))?;
        Ok(Some(self.state(&account)?))
    }

    /// Everything the editor screen needs, from the draft file.
    fn state(&self, account: &Account) -> Result<EditorState, CommandError> {
        let store = self.store()?;
        let base = store.base(account)?.ok_or_else(|| {
            CommandError::new(ErrorCode::SignedOut, "sign in to load the profile")
        })?;
        let draft = store.draft(account)?;
        let (revision, edit) = match draft {
            Some(d) => (d.revision, d.edit),
            None => (0, base.profile.clone()),
        };
        let mut images = Vec::new();
        for name in edit.images() {
            if let Some(image) = store.image(account, name)? {
                images.push(ImagePreview::of(&image));
            }
        }
        let queued = store.queue(account)?.len();
        Ok(EditorState {
            hub: account.hub.clone(),
            exhibitor_id: account.exhibitor.clone(),
            fair_name_en: base.fair_name_en.clone(),
            fair_name_zh: base.fair_name_zh.clone(),
            base_version: base.version,
            fixed: base.fixed.clone(),
            limits: EditLimits::get(),
            draft: edit,
            revision,
            images,
            queued: u32::try_from(queued).unwrap_or(u32::MAX),
        })
    }

    /// Saves the draft; answers the revision once it is on disk.
    pub fn save(&self, edit: &ProfileEdit) -> Result<u64, CommandError> {
        let account = self.account()?;
        Ok(self.store()?.save(&account, edit)?)
    }

    /// Checks and re-encodes a picture chosen from disk (the same checks as the hub's) and
    /// keeps it in the draft; the draft names it by [`ImagePreview::name`].
    pub fn choose_image(
        &self,
        role: ImageRole,
        bytes: &[u8],
    ) -> Result<ImagePreview, CommandError> {
        let account = self.account()?;
        let asset = media::reencode(bytes, role.media()).map_err(|e| {
            CommandError::new(
                ErrorCode::BadImage,
                format!("This picture cannot be used: {e}."),
            )
        })?;
        let image = DraftImage::from_disk(asset, role.media());
        self.store()?.put_image(&account, &image)?;
        Ok(ImagePreview::of(&image))
    }

    /// The kiosk's profile as `edit` would make it, its contact card in `lang`, and every field
    /// the hub would refuse.
    pub fn preview(&self, edit: &ProfileEdit, lang: Language) -> Result<Preview, CommandError> {
        let account = self.account()?;
        let store = self.store()?;
        let base = store.base(&account)?.ok_or_else(|| {
            CommandError::new(ErrorCode::SignedOut, "sign in to load the profile")
        })?;
        let mut refs = HashMap::new();
        for name in edit.images() {
            if let Some(image) = store.image(&account, name)? {
                refs.insert(
                    name.to_owned(),
                    ImageRef {
                        sha256: image.sha256,
                        width: image.width,
                        height: image.height,
                    },
                );
            }
        }
        drop(store);
        let profile = base.preview(edit, |name| refs.get(name).cloned());
        let card = CardView::of(&profile, lang).map_err(|e| {
            CommandError::internal(format!("the contact card does not encode: {e}"))
        })?;
        Ok(Preview {
            errors: edit.check(&base.exhibitor()),
            profile,
            card,
        })
    }

    /// Submits `edit`: uploads the pictures the hub does not have yet, then the profile. When
    /// the hub cannot be reached the submission waits in the draft and the answer says so.
    pub fn submit(&self, edit: &ProfileEdit) -> Result<SubmitOutcome, CommandError> {
        let account = self.account()?;
        let (session, base) = {
            let store = self.store()?;
            (store.session(&account)?, store.base(&account)?)
        };
        let session = session.ok_or_else(signed_out)?;
        let base = base.ok_or_else(signed_out)?;
        let errors = edit.check(&base.exhibitor());
        if !errors.is_empty() {
            return Ok(SubmitOutcome::refused(
                "Some fields need changes before the profile can be sent.",
                errors,
            ));
        }
        let client = HubClient::new(&account.hub).map_err(client_error)?;
        // Older submissions still waiting go first, so the hub sees them in order.
        match self.flush_queue(&client, &session.token, &account) {
            Ok(()) => {}
            Err(e) if e.is_unreachable() => {
                let id = self.store()?.enqueue(&account, base.version, edit)?;
                return Ok(SubmitOutcome::queued(id, &e));
            }
            Err(e) => return Err(client_error(e)),
        }
        match self.send(&client, &session.token, &account, base.version, edit) {
            Ok(status) => Ok(SubmitOutcome {
                kind: SubmitKind::Submitted,
                message: "Sent for review.".to_owned(),
                fields: Vec::new(),
                status: Some(status),
                current_version: None,
            }),
            Err(e) if e.is_unreachable() => {
                let id = self.store()?.enqueue(&account, base.version, edit)?;
                Ok(SubmitOutcome::queued(id, &e))
            }
            Err(ClientError::Api(e)) => self.refused(&client, &session.token, &account, e),
            Err(e) => Err(client_error(e)),
        }
    }

    /// A submission the hub refused: field messages, an outdated base (the base is reloaded;
    /// the draft stays), or a session that ended.
    fn refused(
        &self,
        client: &HubClient,
        token: &str,
        account: &Account,
        e: ApiError,
    ) -> Result<SubmitOutcome, CommandError> {
        match e.code {
            HubCode::Invalid => Ok(SubmitOutcome::refused(&e.message, e.fields)),
            HubCode::Outdated => {
                if let Ok(profile) = client.profile(token) {
                    self.take_profile(client, token, account, profile)?;
                }
                Ok(SubmitOutcome {
                    kind: SubmitKind::Outdated,
                    message: format!(
                        "The organiser changed your profile since this draft began: {} Your draft is kept; submit again to send it on top of the new version.",
                        e.message
                    ),
                    fields: Vec::new(),
                    status: None,
                    current_version: e.current_version,
                })
            }
            _ => Err(client_error(ClientError::Api(e))),
        }
    }

    /// Uploads the draft's own pictures the hub does not have, then submits.
    fn send(
        &self,
        client: &HubClient,
        token: &str,
        account: &Account,
        base_version: u64,
        edit: &ProfileEdit,
    ) -> Result<fairway_hub::api::SubmissionStatus, ClientError> {
        let mut profile = edit.clone();
        let mut names = HashMap::new();
        for name in edit.images() {
            let image = self
                .store()
                .ok()
                .and_then(|s| s.image(account, name).ok().flatten());
            let Some(image) = image else { continue };
            if image.origin == ImageOrigin::Hub {
                continue;
            }
            let hub_name = match image.hub_name {
                Some(hub_name) => hub_name,
                None => {
                    let role = match image.role {
                        media::ImageRole::Logo => ImageRole::Logo,
                        media::ImageRole::Product => ImageRole::Product,
                    };
                    let uploaded = client.upload_image(token, role, &image.bytes)?;
                    if let Ok(mut store) = self.store() {
                        // Best effort: without the note the picture is uploaded again next time.
                        let _ = store.mark_uploaded(account, name, &uploaded.name);
                    }
                    uploaded.name
                }
            };
            names.insert(name.to_owned(), hub_name);
        }
        let rename = |n: &mut Option<String>| {
            if let Some(new) = n.as_ref().and_then(|old| names.get(old)) {
                *n = Some(new.clone());
            }
        };
        rename(&mut profile.logo);
        for product in &mut profile.products {
            rename(&mut product.image);
        }
        client.submit(
            token,
            &Submit {
                base_version,
                profile,
            },
        )
    }

    /// Sends every waiting submission, oldest first; stops at the first one that cannot reach
    /// the hub. One the hub refuses leaves the queue (the draft still holds the edit).
    fn flush_queue(
        &self,
        client: &HubClient,
        token: &str,
        account: &Account,
    ) -> Result<(), ClientError> {
        let queue = self
            .store()
            .ok()
            .and_then(|s| s.queue(account).ok())
            .unwrap_or_default();
        for queued in queue {
            match self.send(client, token, account, queued.base_version, &queued.edit) {
                Ok(_) | Err(ClientError::Api(_)) => {
                    if let Ok(mut store) = self.store() {
                        let _ = store.dequeue(account, queued.id);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// The submissions and their review states: sends what is waiting first, and when the hub
    /// cannot be reached answers the statuses it gave last.
    pub fn submissions(&self) -> Result<Submissions, CommandError> {
        let account = self.account()?;
        let session = self.store()?.session(&account)?.ok_or_else(signed_out)?;
        let client = HubClient::new(&account.hub).map_err(client_error)?;
        let fetched = self
            .flush_queue(&client, &session.token, &account)
            .and_then(|()| client.submissions(&session.token));
        let (items, offline) = match fetched {
            Ok(items) => {
                if let Ok(json) = serde_json::to_string(&items) {
                    self.store()?.set_statuses(&account, &json)?;
                }
                self.follow_approval(&client, &session.token, &account, &items)?;
                (items, None)
            }
            Err(e) if e.is_unreachable() => {
                let kept = self.store()?.statuses(&account)?;
                let items = kept
                    .and_then(|json| serde_json::from_str(&json).ok())
                    .unwrap_or_default();
                (items, Some(e.to_string()))
            }
            Err(e) => return Err(client_error(e)),
        };
        let queued = self
            .store()?
            .queue(&account)?
            .into_iter()
            .map(|q| QueuedView {
                id: q.id,
                queued: q.queued,
                base_version: q.base_version,
            })
            .collect();
        Ok(Submissions {
            items,
            queued,
            offline,
        })
    }

    /// When the organiser approved this exhibitor's own change made on the current base, the
    /// hub's next version is that change: it becomes the base of the next submission (the
    /// draft is not touched). Only that one step is followed; any other change at the hub
    /// leaves the base alone, so the next submission is refused as outdated rather than
    /// silently overwriting the organiser's edit.
    fn follow_approval(
        &self,
        client: &HubClient,
        token: &str,
        account: &Account,
        items: &[fairway_hub::api::SubmissionStatus],
    ) -> Result<(), CommandError> {
        let Some(base) = self.store()?.base(account)? else {
            return Ok(());
        };
        let approved_on_base = items.iter().any(|s| {
            s.state == fairway_hub::api::ReviewState::Approved && s.base_version == base.version
        });
        if !approved_on_base {
            return Ok(());
        }
        let Ok(profile) = client.profile(token) else {
            return Ok(());
        };
        if profile.version == base.version + 1 {
            let next = HubBase {
                version: profile.version,
                profile: profile.profile,
                fixed: profile.fixed,
                fair_id: profile.fair_id,
                fair_name_en: profile.fair_name_en,
                fair_name_zh: profile.fair_name_zh,
            };
            self.store()?.set_base(account, &next)?;
        }
        Ok(())
    }

    /// Forgets the session on this laptop; the draft stays for the next sign-in.
    pub fn sign_out(&self) -> Result<(), CommandError> {
        if let Ok(account) = self.account() {
            self.store()?.sign_out(&account)?;
        }
        self.set_account(None)
    }

    /// A picture of the draft by its SHA-256, for the `fairway://localhost/draft/` scheme.
    pub fn image_by_sha256(&self, sha256: &str) -> Option<(String, Vec<u8>)> {
        self.store().ok()?.image_by_sha256(sha256).ok().flatten()
    }
}

fn signed_out() -> CommandError {
    CommandError::new(ErrorCode::SignedOut, "your session ended: sign in again")
}

/// A hub client's error as the interface branches on it.
pub fn client_error(e: ClientError) -> CommandError {
    match e {
        ClientError::BadAddress(_) => CommandError::new(ErrorCode::BadAddress, e.to_string()),
        ClientError::Unreachable { .. } => CommandError::new(ErrorCode::Unreachable, e.to_string()),
        ClientError::Protocol { .. } => CommandError::internal(e.to_string()),
        ClientError::Api(api) => {
            let code = match api.code {
                HubCode::BadCode => ErrorCode::BadCode,
                HubCode::SlowDown => ErrorCode::SlowDown,
                HubCode::SignedOut => ErrorCode::SignedOut,
                HubCode::BadImage | HubCode::TooLarge => ErrorCode::BadImage,
                _ => ErrorCode::Internal,
            };
            let message = match (api.code, api.retry_after_s) {
                (HubCode::SlowDown, Some(s)) => format!("{} Try again in {s} s.", api.message),
                _ => api.to_string(),
            };
            CommandError::new(code, message)
        }
    }
}

impl From<fairway_core::draft::DraftError> for CommandError {
    fn from(e: fairway_core::draft::DraftError) -> Self {
        CommandError::new(ErrorCode::Draft, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fairway_core::edit::FixedFields;

    /// An editor signed in to a hub that is not there (port 9 on loopback).
    fn editor() -> (tempfile::TempDir, Editor) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut store = DraftStore::open(&dir.path().join("draft.sqlite")).expect("opens");
        let account = Account {
            hub: "http://127.0.0.1:9".into(),
            exhibitor: "E0001".into(),
        };
        store
            .sign_in(
                &account,
                &Session {
                    token: "t".into(),
                    expires: "2099-01-01T00:00:00Z".into(),
                },
            )
            .expect("signed in");
        let profile = ProfileEdit {
            name_en: "Acme".into(),
            ..ProfileEdit::default()
        };
        let base = HubBase {
            version: 3,
            profile: profile.clone(),
            fixed: FixedFields {
                id: "E0001".into(),
                country: Some("CN".into()),
                pavilion: None,
                booths: vec!["N1-A01".into()],
                categories: vec![],
            },
            fair_id: "wcf".into(),
            fair_name_en: "Fair".into(),
            fair_name_zh: "展会".into(),
        };
        store.set_base(&account, &base).expect("base kept");
        store.save(&account, &profile).expect("saved");
        let editor = Editor::new(store, None);
        editor.set_account(Some(account)).expect("current account");
        (dir, editor)
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(width, height, image::Rgba([200, 30, 30, 255]));
        let mut bytes = std::io::Cursor::new(Vec::new());
        img.write_to(&mut bytes, image::ImageFormat::Png)
            .expect("encodes");
        bytes.into_inner()
    }

    #[test]
    fn a_fake_png_a_50_mb_file_and_a_bomb_are_refused_with_the_media_checks_words() {
        let (_dir, editor) = editor();
        let bomb = {
            let big: image::ImageBuffer<image::Rgba<u16>, Vec<u16>> =
                image::ImageBuffer::new(3000, 3000);
            let mut bytes = std::io::Cursor::new(Vec::new());
            image::DynamicImage::ImageRgba16(big)
                .write_to(&mut bytes, image::ImageFormat::Png)
                .expect("encodes");
            bytes.into_inner()
        };
        let mut fifty = png(10, 10);
        fifty.resize(50 * 1024 * 1024, 0);
        let cases: [(&[u8], &str); 3] = [
            (b"GIF89a, named logo.png", "not a PNG or JPEG file"),
            (&fifty, "more than the 5242880 bytes (5 MiB) allowed"),
            (&bomb, "64 MiB"),
        ];
        for (bytes, expected) in cases {
            let error = editor
                .choose_image(ImageRole::Logo, bytes)
                .expect_err("refused");
            assert_eq!(error.code, ErrorCode::BadImage);
            assert!(
                error.message.contains(expected),
                "{expected:?} in {:?}",
                error.message
            );
        }
    }

    #[test]
    fn a_chosen_picture_is_re_encoded_kept_in_the_draft_and_found_by_its_hash() {
        let (_dir, editor) = editor();
        let preview = editor
            .choose_image(ImageRole::Logo, &png(900, 300))
            .expect("a good logo");
        assert_eq!(
            (preview.width, preview.height),
            (512, 171),
            "logos are at most 512 px"
        );
        assert!(preview.name.ends_with(".png"));
        let (mime, bytes) = editor
            .image_by_sha256(&preview.sha256)
            .expect("served from the draft");
        assert_eq!(mime, "image/png");
        assert_eq!(bytes.len() as u32, preview.bytes);
    }

    #[test]
    fn a_submit_while_the_hub_is_unreachable_is_queued_and_listed_as_waiting() {
        let (_dir, editor) = editor();
        let edit = ProfileEdit {
            name_en: "Acme".into(),
            description_en: Some("<script>stays text</script>".into()),
            ..ProfileEdit::default()
        };
        editor.save(&edit).expect("saved");
        let outcome = editor.submit(&edit).expect("an outcome, not an error");
        assert_eq!(outcome.kind, SubmitKind::Queued, "{}", outcome.message);
        assert!(
            outcome.message.contains("cannot be reached"),
            "{}",
            outcome.message
        );
        let list = editor.submissions().expect("the list, from the draft");
        assert_eq!(list.queued.len(), 1, "the submission waits on the laptop");
        assert!(list.offline.is_some(), "and the list says the hub is away");
        let state = editor
            .state(&editor.account().expect("signed in"))
            .expect("state");
        assert_eq!(state.draft, edit, "the draft is kept");
        assert_eq!(state.queued, 1);
    }

    #[test]
    fn an_edit_with_bad_fields_is_refused_before_anything_is_sent() {
        let (_dir, editor) = editor();
        let edit = ProfileEdit {
            name_en: "Acme".into(),
            website: Some("http://plain.example".into()),
            ..ProfileEdit::default()
        };
        let outcome = editor.submit(&edit).expect("an outcome");
        assert_eq!(outcome.kind, SubmitKind::Refused);
        assert_eq!(outcome.fields.len(), 1);
        assert_eq!(outcome.fields[0].field, "website");
    }

    #[test]
    fn hub_errors_become_codes_the_sign_in_screen_words_plainly() {
        let mut slow = ApiError::new(HubCode::SlowDown, "Too many wrong codes.");
        slow.retry_after_s = Some(30);
        let error = client_error(ClientError::Api(slow));
        assert_eq!(error.code, ErrorCode::SlowDown);
        assert!(
            error.message.contains("Try again in 30 s."),
            "{}",
            error.message
        );
        let wrong = client_error(ClientError::Api(ApiError::new(HubCode::BadCode, "wrong")));
        assert_eq!(wrong.code, ErrorCode::BadCode);
        let away = HubClient::new("http://127.0.0.1:9")
            .expect("an address")
            .sign_in("code")
            .expect_err("nobody listens");
        assert_eq!(client_error(away).code, ErrorCode::Unreachable);
        assert_eq!(
            client_error(HubClient::new("hub.local").expect_err("no scheme")).code,
            ErrorCode::BadAddress
        );
    }
}
