//! The exhibitor editor's door to the backend (exhibitor mode). Like `types.ts` for the kiosk:
//! everything outside `src/backend/` uses this interface; it is implemented over Tauri IPC
//! (`editor-tauri.ts`) and in memory (`editor-fake.ts`, for vitest and browser development).
import type { EditorStart } from "../bindings/EditorStart";
import type { EditorState } from "../bindings/EditorState";
import type { ImagePreview } from "../bindings/ImagePreview";
import type { ImageRole } from "../bindings/ImageRole";
import type { Language } from "../bindings/Language";
import type { Preview } from "../bindings/Preview";
import type { ProfileEdit } from "../bindings/ProfileEdit";
import type { Submissions } from "../bindings/Submissions";
import type { SubmitOutcome } from "../bindings/SubmitOutcome";

export interface EditorBackend {
  /** The hub address to propose, the draft file, and the editor when a session is still valid. */
  start(): Promise<EditorStart>;
  /** Rejects `bad_code`, `slow_down`, `unreachable` or `bad_address`. */
  signIn(hub: string, code: string): Promise<EditorState>;
  signOut(): Promise<void>;
  /** Resolves with the draft's revision once the change is on disk. */
  save(edit: ProfileEdit): Promise<number>;
  /** The file's bytes go to Rust as they are; rejects `bad_image` with the media check's words. */
  chooseImage(role: ImageRole, bytes: Uint8Array): Promise<ImagePreview>;
  preview(edit: ProfileEdit, lang: Language): Promise<Preview>;
  submit(edit: ProfileEdit): Promise<SubmitOutcome>;
  submissions(): Promise<Submissions>;
  /** Where the webview loads a draft picture from; never a data: URL built from JSON. */
  imageUrl(sha256: string): string;
}
