//! The editor's commands (exhibitor mode only; `capabilities/editor.json` grants them to the
//! editor window and nothing else). Each takes its arguments, runs one [`Editor`] step on a
//! worker thread and answers a value or a `{code, message}` error.

use fairway_core::edit::ProfileEdit;
use fairway_core::model::Language;
use fairway_hub::api::ImageRole;
use tauri::State;
use tauri::ipc::{InvokeBody, Request};

use super::Editor;
use super::dto::{EditorStart, EditorState, ImagePreview, Preview, Submissions, SubmitOutcome};
use crate::error::{CommandError, ErrorCode};

/// The header naming the role of a picture sent as the raw body of `editor_choose_image`.
pub const ROLE_HEADER: &str = "x-fairway-role";

#[tauri::command]
pub async fn editor_start(editor: State<'_, Editor>) -> Result<EditorStart, CommandError> {
    editor
        .run(|e| {
            Ok(EditorStart {
                hub: e.default_hub(),
                draft_file: e.draft_path()?,
                resumed: e.resume()?,
            })
        })
        .await
}

#[tauri::command]
pub async fn editor_sign_in(
    editor: State<'_, Editor>,
    hub: String,
    code: String,
) -> Result<EditorState, CommandError> {
    editor.run(move |e| e.sign_in(&hub, &code)).await
}

#[tauri::command]
pub async fn editor_sign_out(editor: State<'_, Editor>) -> Result<(), CommandError> {
    editor.run(|e| e.sign_out()).await
}

/// Saves the draft; the answer (the revision) comes only once the change is on disk.
#[tauri::command]
pub async fn editor_save(
    editor: State<'_, Editor>,
    edit: ProfileEdit,
) -> Result<u64, CommandError> {
    editor.run(move |e| e.save(&edit)).await
}

/// A picture chosen from disk: the file's bytes are the raw request body (never JSON), its
/// role the `x-fairway-role` header.
#[tauri::command]
pub async fn editor_choose_image(
    editor: State<'_, Editor>,
    request: Request<'_>,
) -> Result<ImagePreview, CommandError> {
    let role = match request
        .headers()
        .get(ROLE_HEADER)
        .and_then(|v| v.to_str().ok())
    {
        Some("logo") => ImageRole::Logo,
        Some("product") => ImageRole::Product,
        other => {
            return Err(CommandError::internal(format!(
                "a picture needs the {ROLE_HEADER} header logo or product, not {other:?}"
            )));
        }
    };
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(CommandError::new(
            ErrorCode::BadImage,
            "the picture must be sent as the file's bytes",
        ));
    };
    let bytes = bytes.clone();
    editor.run(move |e| e.choose_image(role, &bytes)).await
}

#[tauri::command]
pub async fn editor_preview(
    editor: State<'_, Editor>,
    edit: ProfileEdit,
    lang: Language,
) -> Result<Preview, CommandError> {
    editor.run(move |e| e.preview(&edit, lang)).await
}

#[tauri::command]
pub async fn editor_submit(
    editor: State<'_, Editor>,
    edit: ProfileEdit,
) -> Result<SubmitOutcome, CommandError> {
    editor.run(move |e| e.submit(&edit)).await
}

#[tauri::command]
pub async fn editor_submissions(editor: State<'_, Editor>) -> Result<Submissions, CommandError> {
    editor.run(|e| e.submissions()).await
}
