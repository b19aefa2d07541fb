//! The idle timer: after `idleMs` without activity it warns with a countdown, and when the
//! countdown runs out it expires. Plain TypeScript with an injectable clock, so tests drive time.

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type IdlePhase =
  { kind: "stopped" } | { kind: "active" } | { kind: "warning"; secondsLeft: number };

export type IdleOptions = {
  idleMs: number;
  warningMs?: number;
  clock?: Clock;
  onPhase?: (phase: IdlePhase) => void;
  onExpire: () => void;
};

export class IdleTimer {
  readonly idleMs: number;
  readonly warningMs: number;
  private readonly clock: Clock;
  private readonly onPhase: (phase: IdlePhase) => void;
  private readonly onExpire: () => void;
  private phaseValue: IdlePhase = { kind: "stopped" };
  private lastActivity = 0;
  private deadline = 0;
  private handle: unknown = null;

  constructor(options: IdleOptions) {
    this.idleMs = Math.max(1000, options.idleMs);
    this.warningMs = options.warningMs ?? 10_000;
    this.clock = options.clock ?? systemClock;
    this.onPhase = options.onPhase ?? (() => {});
    this.onExpire = options.onExpire;
  }

  get phase(): IdlePhase {
    return this.phaseValue;
  }

  /** Starts watching (or restarts from now). */
  start(): void {
    this.lastActivity = this.clock.now();
    this.setPhase({ kind: "active" });
    this.schedule(this.idleMs);
  }

  /** Stops watching, e.g. while the attract screen shows. */
  stop(): void {
    this.cancel();
    this.setPhase({ kind: "stopped" });
  }

  /**
   * Records a touch, key or scroll. Cheap while active (no timer churn on every pointer move);
   * during the warning it brings the visitor back to an active session.
   */
  activity(): void {
    switch (this.phaseValue.kind) {
      case "stopped":
        return;
      case "active":
        this.lastActivity = this.clock.now();
        return;
      case "warning":
        this.start();
        return;
    }
  }

  private setPhase(phase: IdlePhase): void {
    this.phaseValue = phase;
    this.onPhase(phase);
  }

  private cancel(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }

  private schedule(ms: number): void {
    this.cancel();
    this.handle = this.clock.setTimeout(
      () => {
        this.handle = null;
        this.tick();
      },
      Math.max(0, ms),
    );
  }

  private tick(): void {
    const now = this.clock.now();
    if (this.phaseValue.kind === "active") {
      const quietFor = now - this.lastActivity;
      if (quietFor < this.idleMs) {
        this.schedule(this.idleMs - quietFor);
        return;
      }
      this.deadline = now + this.warningMs;
      this.warn(now);
    } else if (this.phaseValue.kind === "warning") {
      this.warn(now);
    }
  }

  private warn(now: number): void {
    const left = this.deadline - now;
    if (left <= 0) {
      this.cancel();
      this.setPhase({ kind: "stopped" });
      this.onExpire();
      return;
    }
    const secondsLeft = Math.ceil(left / 1000);
    this.setPhase({ kind: "warning", secondsLeft });
    // Wake at the next whole second of the countdown (or at the deadline).
    this.schedule(left - (secondsLeft - 1) * 1000);
  }
}
