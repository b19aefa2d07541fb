//! The editor's backend over Tauri IPC: one `invoke` per method. A picture goes as the raw
//! request body (its role in a header), never as JSON numbers or base64.
import { invoke } from "@tauri-apps/api/core";
import type { EditorBackend } from "./editor";
import { toBackendError } from "./types";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toBackendError(e);
  }
}

/** Draft pictures come from the `fairway` URI scheme (`/draft/<sha256>`). */
export function draftImageUrlFor(sha256: string, userAgent: string): string {
  const path = `draft/${encodeURIComponent(sha256)}`;
  return /Windows/i.test(userAgent)
    ? `http://fairway.localhost/${path}`
    : `fairway://localhost/${path}`;
}

export function createTauriEditorBackend(): EditorBackend {
  return {
    start: () => call("editor_start"),
    signIn: (hub, code) => call("editor_sign_in", { hub, code }),
    signOut: () => call("editor_sign_out"),
    save: (edit) => call("editor_save", { edit }),
    chooseImage: async (role, bytes) => {
      try {
        return await invoke("editor_choose_image", bytes, {
          headers: { "x-fairway-role": role },
        });
      } catch (e) {
        throw toBackendError(e);
      }
    },
    preview: (edit, lang) => call("editor_preview", { edit, lang }),
    submit: (edit) => call("editor_submit", { edit }),
    submissions: () => call("editor_submissions"),
    imageUrl: (sha256) => draftImageUrlFor(sha256, navigator.userAgent),
  };
}
