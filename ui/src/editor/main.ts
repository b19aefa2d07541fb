//! Entry point of exhibitor mode's page (`editor.html`): a laptop window with mouse and
//! keyboard, so none of the kiosk's touch lockdown or idle reset; pick the backend, mount.
import { mount } from "svelte";
import "./editor.css";
import EditorApp from "./EditorApp.svelte";
import { loadEditorBackend } from "../backend";

async function start(): Promise<void> {
  const backend = await loadEditorBackend();
  const target = document.getElementById("editor");
  if (!target) throw new Error("editor.html has no #editor element");
  mount(EditorApp, { target, props: { backend } });
}

void start();
