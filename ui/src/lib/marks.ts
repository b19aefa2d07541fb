//! Performance marks for measuring keystroke→paint from outside (WebDriver reads them with
//! `performance.getEntriesByName`). The buffer is bounded so a kiosk that runs for days does not
//! grow a timeline of every keystroke ever typed.

const KEEP = 1000;

export type MarkName =
  | "keystroke"
  /** The search request left for the backend. */
  | "search-sent"
  /** The search answer reached the page (after IPC). */
  | "results-arrived"
  /** The rows are in the DOM (after Svelte's update). */
  | "results-in-dom"
  /** The next animation frame began (style, layout and paint follow in it). */
  | "results-frame"
  | "results-painted"
  | "map-open"
  | "map-painted";

export function mark(name: MarkName): void {
  if (typeof performance === "undefined" || typeof performance.mark !== "function") return;
  if (performance.getEntriesByName(name, "mark").length >= KEEP) performance.clearMarks(name);
  performance.mark(name);
}
