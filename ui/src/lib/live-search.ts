//! Search as you type: requests are coalesced within one scheduling slot (at most one frame)
//! and responses that arrive after a newer one has been shown are dropped, so a slow answer to
//! "ch" can never overwrite the answer to "chongqing".

export type Schedule = (fn: () => void) => () => void;

/** Runs `fn` in a microtask: coalesces bursts from one task without waiting for a frame. */
export const microtaskSchedule: Schedule = (fn) => {
  let cancelled = false;
  queueMicrotask(() => {
    if (!cancelled) fn();
  });
  return () => {
    cancelled = true;
  };
};

export type LiveSearchOptions<Q, R> = {
  run: (query: Q) => Promise<R>;
  onResult: (result: R, query: Q) => void;
  onError?: (error: unknown, query: Q) => void;
  schedule?: Schedule;
};

export class LiveSearch<Q, R> {
  private readonly options: LiveSearchOptions<Q, R>;
  private cancelScheduled: (() => void) | null = null;
  private issued = 0;
  private shown = 0;
  private pendingQuery: Q | null = null;

  constructor(options: LiveSearchOptions<Q, R>) {
    this.options = options;
  }

  /** Asks for `query`; a newer call before the slot runs replaces it. */
  update(query: Q): void {
    this.pendingQuery = query;
    if (this.cancelScheduled) return;
    const schedule = this.options.schedule ?? microtaskSchedule;
    this.cancelScheduled = schedule(() => {
      this.cancelScheduled = null;
      const q = this.pendingQuery as Q;
      this.pendingQuery = null;
      void this.fire(q);
    });
  }

  /** Forgets everything in flight (e.g. on session reset). */
  cancel(): void {
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.pendingQuery = null;
    this.shown = ++this.issued;
  }

  private async fire(query: Q): Promise<void> {
    const seq = ++this.issued;
    try {
      const result = await this.options.run(query);
      if (seq <= this.shown) return;
      this.shown = seq;
      this.options.onResult(result, query);
    } catch (e) {
      if (seq <= this.shown) return;
      this.shown = seq;
      this.options.onError?.(e, query);
    }
  }
}
