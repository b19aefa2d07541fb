//! Work that replaces what the visitor may be touching waits for a quiet moment. After a
//! snapshot swap the shell shows the current screen again with fresh data, which rebuilds its
//! elements; a tap that lands while they are rebuilt goes to an element that is gone, and the
//! visitor has to tap again. So the rebuild waits until no finger has moved or touched for a
//! while: the visitor sees the old data a few seconds longer, and only a tap that begins in
//! the few milliseconds of the rebuild itself, after a quiet spell, can still meet it.

import { systemClock, type Clock } from "./idle";

/** How long without a touch counts as quiet. A tap takes well under this. */
export const QUIET_MS = 1500;

/** How often a waiting job looks again. */
export const RECHECK_MS = 250;

export class QuietGate {
  private lastActivity = Number.NEGATIVE_INFINITY;
  private job: (() => void) | null = null;
  private timer: unknown = null;
  private readonly clock: Clock;
  private readonly quietMs: number;

  constructor(quietMs = QUIET_MS, clock: Clock = systemClock) {
    this.quietMs = quietMs;
    this.clock = clock;
  }

  /** A touch, a move or a key: the visitor is busy. */
  activity(): void {
    this.lastActivity = this.clock.now();
  }

  get quiet(): boolean {
    return this.clock.now() - this.lastActivity >= this.quietMs;
  }

  /** Runs `job` now when quiet, else at the first quiet moment. A newer job replaces one that
   *  is still waiting (only the latest swap's reload matters). */
  run(job: () => void): void {
    this.job = job;
    this.check();
  }

  /** Drops a waiting job (e.g. the app is closing). */
  cancel(): void {
    this.job = null;
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private check(): void {
    this.stopTimer();
    if (!this.job) return;
    if (this.quiet) {
      const job = this.job;
      this.job = null;
      job();
      return;
    }
    this.timer = this.clock.setTimeout(() => this.check(), RECHECK_MS);
  }
}
