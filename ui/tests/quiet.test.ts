import { describe, expect, it } from "vitest";
import { QUIET_MS, QuietGate } from "../src/lib/quiet";
import { FakeClock } from "./fake-clock";

describe("quiet gate", () => {
  it("runs a job at once when nobody has touched the screen", () => {
    const clock = new FakeClock();
    const gate = new QuietGate(QUIET_MS, clock);
    clock.advance(10_000);
    let ran = 0;
    gate.run(() => ran++);
    expect(ran).toBe(1);
    expect(clock.pending).toBe(0);
  });

  it("waits while the visitor keeps tapping and runs once they pause", () => {
    const clock = new FakeClock();
    const gate = new QuietGate(QUIET_MS, clock);
    let ran = 0;
    gate.activity();
    gate.run(() => ran++);
    for (let i = 0; i < 10; i++) {
      clock.advance(500);
      gate.activity();
    }
    expect(ran).toBe(0);
    clock.advance(QUIET_MS - 1);
    expect(ran).toBe(0);
    clock.advance(300);
    expect(ran).toBe(1);
    clock.advance(10_000);
    expect(ran).toBe(1);
    expect(clock.pending).toBe(0);
  });

  it("keeps only the newest waiting job, and a cancelled one never runs", () => {
    const clock = new FakeClock();
    const gate = new QuietGate(QUIET_MS, clock);
    const ran: string[] = [];
    gate.activity();
    gate.run(() => ran.push("first swap"));
    gate.run(() => ran.push("second swap"));
    clock.advance(QUIET_MS + 300);
    expect(ran).toEqual(["second swap"]);
    gate.activity();
    gate.run(() => ran.push("third swap"));
    gate.cancel();
    clock.advance(10_000);
    expect(ran).toEqual(["second swap"]);
  });
});
