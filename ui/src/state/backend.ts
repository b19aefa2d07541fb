//! The backend the screens use, set once at start-up (or by a test) through `setBackend`.
import type { Backend } from "../backend";

let current: Backend | null = null;

export function setBackend(backend: Backend): void {
  current = backend;
}

export function backend(): Backend {
  if (!current) throw new Error("setBackend() must run before the interface starts");
  return current;
}
