import { describe, expect, it } from "vitest";
import { createFakeBackend } from "../src/backend/fake";
import { applyKey, searchRows, type FindQuery } from "../src/lib/find";

const none = { category: null, country: null, hall: null, pavilion: null };
const q = (text: string, filters: Partial<FindQuery> = {}): FindQuery => ({
  text,
  ...none,
  ...filters,
});

describe("applyKey", () => {
  it("types, deletes, spaces and clears", () => {
    expect(applyKey("chong", "q")).toBe("chongq");
    expect(applyKey("chongq", "{bksp}")).toBe("chong");
    expect(applyKey("", "{bksp}")).toBe("");
    expect(applyKey("bank", "{space}")).toBe("bank ");
    expect(applyKey("bank ", "{space}"), "no double spaces").toBe("bank ");
    expect(applyKey("", "{space}"), "no leading space").toBe("");
    expect(applyKey("whatever", "{clear}")).toBe("");
  });

  it("ignores unknown special keys and stops at a sane length", () => {
    expect(applyKey("a", "{shift}")).toBe("a");
    expect(applyKey("x".repeat(60), "y")).toBe("x".repeat(60));
  });
});

describe("searchRows over the fake backend", () => {
  const backend = createFakeBackend();

  it("shows the hints (null) when there is nothing to look for", async () => {
    expect(await searchRows(backend, q(""))).toBeNull();
    expect(await searchRows(backend, q("   "))).toBeNull();
  });

  it("finds Chongqing companies by pinyin initials and by full pinyin", async () => {
    for (const text of ["cq", "chongqing", "chongq"]) {
      const rows = (await searchRows(backend, q(text))) ?? [];
      const zh = rows.map((r) => r.name_zh ?? "");
      expect(zh.filter((n) => n.includes("重庆")).length, `typing ${text}`).toBeGreaterThanOrEqual(
        4,
      );
    }
  });

  it("puts the exhibitor of an exact booth code first", async () => {
    const rows = (await searchRows(backend, q("N1-A01"))) ?? [];
    expect(rows[0]?.id).toBe("E001");
  });

  it("applies filters to typed searches", async () => {
    const rows = (await searchRows(backend, q("ltd", { country: "TH" }))) ?? [];
    expect(rows.length).toBe(2);
    expect(rows.every((r) => ["E004", "E013"].includes(r.id))).toBe(true);
  });

  it("lists exhibitors when only filters are set", async () => {
    const rows = (await searchRows(backend, q("", { pavilion: "vietnam" }))) ?? [];
    expect(rows.map((r) => r.id).sort()).toEqual(["E005", "E014"]);
  });

  it("returns an empty list, not an error, for text that matches nothing", async () => {
    expect(await searchRows(backend, q("zzzqx"))).toEqual([]);
    expect(await searchRows(backend, q('"*)(OR'))).toEqual([]);
  });
});

describe("performance marks", () => {
  it("keep a bounded number of entries", async () => {
    const { mark } = await import("../src/lib/marks");
    performance.clearMarks("keystroke");
    for (let i = 0; i < 2500; i++) mark("keystroke");
    const n = performance.getEntriesByName("keystroke", "mark").length;
    expect(n).toBeGreaterThan(0);
    expect(n, "a kiosk typing for days must not grow its timeline").toBeLessThanOrEqual(1000);
  });
});
