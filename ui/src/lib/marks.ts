//! Performance marks for measuring keystroke→paint from outside (WebDriver reads them with
//! `performance.getEntriesByName`). The buffer is bounded so a kiosk that runs for days does not
//! grow a timeline of every keystroke ever typed.

const KEEP = 1000;

export function mark(name: "keystroke" | "results-painted" | "map-open" | "map-painted"): void {
  if (typeof performance === "undefined" || typeof performance.mark !== "function") return;
  if (performance.getEntriesByName(name, "mark").length >= KEEP) performance.clearMarks(name);
  performance.mark(name);
}
