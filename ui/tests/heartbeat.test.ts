import { describe, expect, it } from "vitest";
import { HEARTBEAT_MS, startHeartbeat } from "../src/lib/heartbeat";
import { FakeClock } from "./fake-clock";

function every(clock: FakeClock) {
  return (fn: () => void, ms: number) => {
    let stopped = false;
    const loop = () => {
      if (stopped) return;
      fn();
      clock.setTimeout(loop, ms);
    };
    clock.setTimeout(loop, ms);
    return () => (stopped = true);
  };
}

describe("heartbeat", () => {
  it("beats at once and then every two seconds, saying how long the screen has been quiet", () => {
    const clock = new FakeClock();
    const beats: number[] = [];
    let touched = 0;
    const stop = startHeartbeat(
      { heartbeat: async (q) => void beats.push(q) },
      () => touched,
      () => clock.now(),
      every(clock),
    );
    expect(beats).toEqual([0]);
    clock.advance(HEARTBEAT_MS);
    expect(beats).toEqual([0, 2000]);
    touched = clock.now() + 500;
    clock.advance(HEARTBEAT_MS);
    expect(beats.at(-1), "a touch half a second after the last beat").toBe(1500);
    stop();
    clock.advance(10 * HEARTBEAT_MS);
    expect(beats).toHaveLength(3);
  });

  it("keeps beating when one beat fails", async () => {
    const clock = new FakeClock();
    let calls = 0;
    startHeartbeat(
      {
        heartbeat: () => {
          calls += 1;
          return calls === 1 ? Promise.reject(new Error("busy")) : Promise.resolve();
        },
      },
      () => 0,
      () => clock.now(),
      every(clock),
    );
    await Promise.resolve();
    clock.advance(HEARTBEAT_MS);
    expect(calls).toBe(2);
  });
});
