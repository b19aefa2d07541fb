import { describe, expect, it } from "vitest";
import { IdleTimer, type IdlePhase } from "../src/lib/idle";
import { FakeClock } from "./fake-clock";

function setup(idleMs = 60_000) {
  const clock = new FakeClock();
  const phases: IdlePhase[] = [];
  let expired = 0;
  const timer = new IdleTimer({
    idleMs,
    clock,
    onPhase: (p) => phases.push(p),
    onExpire: () => (expired += 1),
  });
  return { clock, phases, timer, expired: () => expired };
}

describe("IdleTimer", () => {
  it("warns after the idle time and counts down ten seconds before it expires", () => {
    const { clock, timer, phases, expired } = setup();
    timer.start();
    clock.advance(59_999);
    expect(timer.phase.kind, "one millisecond early is still active").toBe("active");
    clock.advance(1);
    expect(timer.phase).toEqual({ kind: "warning", secondsLeft: 10 });
    clock.advance(1000);
    expect(timer.phase).toEqual({ kind: "warning", secondsLeft: 9 });
    clock.advance(8000);
    expect(timer.phase).toEqual({ kind: "warning", secondsLeft: 1 });
    expect(expired()).toBe(0);
    clock.advance(1000);
    expect(expired(), "the session resets exactly once").toBe(1);
    expect(timer.phase.kind).toBe("stopped");
    const countdown = phases
      .filter((p): p is Extract<IdlePhase, { kind: "warning" }> => p.kind === "warning")
      .map((p) => p.secondsLeft);
    expect(countdown).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    clock.advance(120_000);
    expect(expired(), "a stopped timer never fires again").toBe(1);
  });

  it("postpones the warning while the visitor keeps touching", () => {
    const { clock, timer, expired } = setup();
    timer.start();
    for (let i = 0; i < 10; i++) {
      clock.advance(30_000);
      timer.activity();
    }
    expect(timer.phase.kind).toBe("active");
    clock.advance(59_000);
    expect(timer.phase.kind).toBe("active");
    clock.advance(1_000);
    expect(timer.phase.kind).toBe("warning");
    expect(expired()).toBe(0);
  });

  it("does not create a timer per touch", () => {
    const { clock, timer } = setup();
    timer.start();
    for (let i = 0; i < 100; i++) timer.activity();
    expect(clock.pending).toBe(1);
  });

  it("goes back to an active session when the visitor answers the warning", () => {
    const { clock, timer, expired } = setup();
    timer.start();
    clock.advance(65_000);
    expect(timer.phase.kind).toBe("warning");
    timer.activity();
    expect(timer.phase.kind).toBe("active");
    clock.advance(59_000);
    expect(timer.phase.kind).toBe("active");
    clock.advance(71_000);
    expect(expired()).toBe(1);
  });

  it("ignores activity and time while stopped (attract screen)", () => {
    const { clock, timer, expired } = setup();
    timer.start();
    timer.stop();
    timer.activity();
    clock.advance(600_000);
    expect(timer.phase.kind).toBe("stopped");
    expect(expired()).toBe(0);
  });

  it("honours a configured idle time", () => {
    const { clock, timer } = setup(15_000);
    timer.start();
    clock.advance(15_000);
    expect(timer.phase).toEqual({ kind: "warning", secondsLeft: 10 });
  });
});
