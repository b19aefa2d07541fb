import type { ExhibitorSummary } from "./ExhibitorSummary";

/** One page of a filtered exhibitor list; `total` counts every match, not just this page. */
export type ExhibitorPage = { total: number; items: Array<ExhibitorSummary> };
