import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { createTauriBackend, assetUrlFor } = await import("../src/backend/tauri");
const { runsInTauri } = await import("../src/backend/index");

describe("the Tauri backend", () => {
  beforeEach(() => {
    invoke.mockReset();
    invoke.mockResolvedValue("ok");
  });

  it("calls one command per method, with the argument names the Rust side expects", async () => {
    const b = createTauriBackend();
    await b.fair();
    await b.pavilions();
    await b.pavilion("thailand");
    await b.categories();
    await b.exhibitors({ category: "food", offset: 0, limit: 40 });
    await b.exhibitor("E001");
    await b.search({ text: "cq", limit: 50, country: "CN" });
    await b.halls();
    await b.countries();
    await b.kioskConfig();
    await b.hallMap("N1");
    await b.route("K1", "N1-A01", true);
    await b.here();
    expect(invoke.mock.calls).toEqual([
      ["fair", undefined],
      ["pavilions", undefined],
      ["pavilion", { slug: "thailand" }],
      ["categories", undefined],
      ["exhibitors", { filter: { category: "food", offset: 0, limit: 40 } }],
      ["exhibitor", { id: "E001" }],
      ["search", { query: { text: "cq", limit: 50, country: "CN" } }],
      ["halls", undefined],
      ["countries", undefined],
      ["kiosk_config", undefined],
      ["hall_map", { hall: "N1" }],
      // Tauri maps the Rust parameter `step_free` to the camelCase key.
      ["route", { from: "K1", to: "N1-A01", stepFree: true }],
      ["here", undefined],
    ]);
  });

  it("passes {code, message} errors through and wraps anything else", async () => {
    const b = createTauriBackend();
    invoke.mockRejectedValueOnce({ code: "not_found", message: "exhibitor X not found" });
    await expect(b.exhibitor("X")).rejects.toEqual({
      code: "not_found",
      message: "exhibitor X not found",
    });
    invoke.mockRejectedValueOnce("command exhibitor not found");
    await expect(b.exhibitor("X")).rejects.toEqual({
      code: "internal",
      message: "command exhibitor not found",
    });
  });

  it("loads pictures from the fairway scheme, over http on Windows", () => {
    const sha = "ab".repeat(32);
    expect(assetUrlFor(sha, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit")).toBe(
      `fairway://localhost/asset/${sha}`,
    );
    expect(assetUrlFor(sha, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/120")).toBe(
      `http://fairway.localhost/asset/${sha}`,
    );
  });

  it("is chosen only inside Tauri", () => {
    expect(runsInTauri({})).toBe(false);
    expect(runsInTauri({ __TAURI_INTERNALS__: {} })).toBe(true);
  });
});
