import { describe, expect, it } from "vitest";
import { LiveSearch, type Schedule } from "../src/lib/live-search";

function manualSchedule() {
  const queue: Array<() => void> = [];
  const schedule: Schedule = (fn) => {
    queue.push(fn);
    return () => {
      const i = queue.indexOf(fn);
      if (i >= 0) queue.splice(i, 1);
    };
  };
  return { schedule, flush: () => queue.splice(0).forEach((fn) => fn()), queue };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("LiveSearch", () => {
  it("coalesces keystrokes within one slot into a single request for the latest text", async () => {
    const { schedule, flush } = manualSchedule();
    const asked: string[] = [];
    const shown: string[] = [];
    const live = new LiveSearch<string, string>({
      run: async (q) => (asked.push(q), `results for ${q}`),
      onResult: (r) => shown.push(r),
      schedule,
    });
    live.update("c");
    live.update("ch");
    live.update("cho");
    flush();
    await settle();
    expect(asked).toEqual(["cho"]);
    expect(shown).toEqual(["results for cho"]);
  });

  it("drops a slow answer that arrives after a newer one was shown", async () => {
    const { schedule, flush } = manualSchedule();
    const pending = new Map<string, ReturnType<typeof deferred<string>>>();
    const shown: string[] = [];
    const live = new LiveSearch<string, string>({
      run: (q) => {
        const d = deferred<string>();
        pending.set(q, d);
        return d.promise;
      },
      onResult: (r) => shown.push(r),
      schedule,
    });
    live.update("ch");
    flush();
    live.update("chongqing");
    flush();
    pending.get("chongqing")!.resolve("chongqing hits");
    await settle();
    pending.get("ch")!.resolve("ch hits");
    await settle();
    expect(shown, "the stale answer to 'ch' must not replace 'chongqing'").toEqual([
      "chongqing hits",
    ]);
  });

  it("shows answers that arrive in order, one per request", async () => {
    const { schedule, flush } = manualSchedule();
    const shown: string[] = [];
    const live = new LiveSearch<string, string>({
      run: async (q) => q.toUpperCase(),
      onResult: (r) => shown.push(r),
      schedule,
    });
    live.update("c");
    flush();
    await settle();
    live.update("cq");
    flush();
    await settle();
    expect(shown).toEqual(["C", "CQ"]);
  });

  it("reports errors, but not stale ones", async () => {
    const { schedule, flush } = manualSchedule();
    const first = deferred<string>();
    const errors: unknown[] = [];
    const shown: string[] = [];
    let calls = 0;
    const live = new LiveSearch<string, string>({
      run: (q) => (++calls === 1 ? first.promise : Promise.resolve(q)),
      onResult: (r) => shown.push(r),
      onError: (e) => errors.push(e),
      schedule,
    });
    live.update("a");
    flush();
    live.update("ab");
    flush();
    await settle();
    first.reject({ code: "internal", message: "late" });
    await settle();
    expect(shown).toEqual(["ab"]);
    expect(errors).toEqual([]);

    live.update("boom");
    const failing = new LiveSearch<string, string>({
      run: () => Promise.reject({ code: "internal", message: "down" }),
      onResult: () => {},
      onError: (e) => errors.push(e),
      schedule,
    });
    failing.update("x");
    flush();
    await settle();
    expect(errors).toEqual([{ code: "internal", message: "down" }]);
  });

  it("forgets everything in flight when cancelled", async () => {
    const { schedule, flush, queue } = manualSchedule();
    const d = deferred<string>();
    const shown: string[] = [];
    const live = new LiveSearch<string, string>({
      run: () => d.promise,
      onResult: (r) => shown.push(r),
      schedule,
    });
    live.update("a");
    flush();
    live.update("ab");
    live.cancel();
    expect(queue.length).toBe(0);
    d.resolve("a hits");
    await settle();
    expect(shown).toEqual([]);
  });

  it("runs within the same frame by default (microtask), never later", async () => {
    const shown: string[] = [];
    const live = new LiveSearch<string, string>({
      run: async (q) => q,
      onResult: (r) => shown.push(r),
    });
    live.update("n1-a01");
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(shown).toEqual(["n1-a01"]);
  });
});
