//! Chooses the backend: Tauri IPC inside the app, the in-memory fake in a plain browser
//! (development, screenshots). Both are loaded lazily so neither weighs on the other's start.
import type { FakeOptions } from "./fake";
import type { EditorBackend } from "./editor";
import type { Backend } from "./types";

export type { Backend } from "./types";
export type { FakeOptions } from "./fake";
export type { EditorBackend } from "./editor";
export { isBackendError, toBackendError } from "./types";

export function runsInTauri(w: object = globalThis): boolean {
  return "__TAURI_INTERNALS__" in w;
}

export async function loadBackend(fakeOptions: FakeOptions = {}): Promise<Backend> {
  if (runsInTauri()) {
    const { createTauriBackend } = await import("./tauri");
    return createTauriBackend();
  }
  const { createFakeBackend } = await import("./fake");
  return createFakeBackend(fakeOptions);
}

/** Exhibitor mode's backend: Tauri IPC inside the app, the in-memory fake in a plain browser. */
export async function loadEditorBackend(): Promise<EditorBackend> {
  if (runsInTauri()) {
    const { createTauriEditorBackend } = await import("./editor-tauri");
    return createTauriEditorBackend();
  }
  const { createFakeEditorBackend } = await import("./editor-fake");
  return createFakeEditorBackend();
}
