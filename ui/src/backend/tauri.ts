//! The backend over Tauri IPC: one `invoke` per method, argument objects named so that the Rust
//! commands can take them as single parameters (`slug`, `id`, `filter`, `query`).
import { invoke } from "@tauri-apps/api/core";
import type { Backend } from "./types";
import { toBackendError } from "./types";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toBackendError(e);
  }
}

/** Assets come from the `fairway` URI scheme; Windows' WebView2 serves custom schemes over http. */
export function assetUrlFor(sha256: string, userAgent: string): string {
  const path = `asset/${encodeURIComponent(sha256)}`;
  return /Windows/i.test(userAgent)
    ? `http://fairway.localhost/${path}`
    : `fairway://localhost/${path}`;
}

export function createTauriBackend(): Backend {
  return {
    fair: () => call("fair"),
    pavilions: () => call("pavilions"),
    pavilion: (slug) => call("pavilion", { slug }),
    categories: () => call("categories"),
    exhibitors: (filter) => call("exhibitors", { filter }),
    exhibitor: (id) => call("exhibitor", { id }),
    search: (query) => call("search", { query }),
    halls: () => call("halls"),
    countries: () => call("countries"),
    kioskConfig: () => call("kiosk_config"),
    contactCard: (id, lang) => call("contact_card", { id, lang }),
    status: () => call("status"),
    heartbeat: (quietMs) => call("heartbeat", { quietMs }),
    hallMap: (hall) => call("hall_map", { hall }),
    route: (from, to, stepFree) => call("route", { from, to, stepFree }),
    here: () => call("here"),
    assetUrl: (sha256) => assetUrlFor(sha256, navigator.userAgent),
  };
}
