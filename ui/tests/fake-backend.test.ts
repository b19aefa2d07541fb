import { describe, expect, it } from "vitest";
import { createFakeBackend } from "../src/backend/fake";
import { isBackendError } from "../src/backend/types";

describe("the fake backend honours the Backend contract", () => {
  const b = createFakeBackend();

  it("describes the fair and the kiosk", async () => {
    const fair = await b.fair();
    expect(fair.name_en).toBeTruthy();
    expect(fair.name_zh).toBeTruthy();
    const config = await b.kioskConfig();
    expect(config.idle_seconds).toBe(60);
    expect(["en", "zh"]).toContain(config.language);
  });

  it("has pavilions of every kind, with counts that match their exhibitor lists", async () => {
    const pavilions = await b.pavilions();
    expect(new Set(pavilions.map((p) => p.kind))).toEqual(
      new Set(["country", "region", "city", "theme"]),
    );
    for (const p of pavilions) {
      const page = await b.exhibitors({ pavilion: p.slug, limit: 100 });
      expect(page.total, p.slug).toBe(p.exhibitors);
    }
  });

  it("has a two-level category tree whose parents include their children", async () => {
    const tree = await b.categories();
    expect(tree.length).toBeGreaterThan(2);
    for (const top of tree) {
      expect(top.children.length).toBeGreaterThan(0);
      for (const child of top.children) expect(child.children).toEqual([]);
      const page = await b.exhibitors({ category: top.slug, limit: 100 });
      expect(page.total).toBe(top.exhibitors);
    }
  });

  it("pages exhibitor lists", async () => {
    const first = await b.exhibitors({ offset: 0, limit: 5 });
    const second = await b.exhibitors({ offset: 5, limit: 5 });
    expect(first.items.length).toBe(5);
    expect(first.total).toBeGreaterThanOrEqual(15);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it("rejects unknown ids with a {code, message} error", async () => {
    const e = await b.exhibitor("NOPE").catch((e: unknown) => e);
    expect(isBackendError(e)).toBe(true);
    expect(e).toMatchObject({ code: "not_found" });
    await expect(b.pavilion("atlantis")).rejects.toMatchObject({ code: "not_found" });
  });

  it("returns full profiles with contacts, products and pictures", async () => {
    const p = await b.exhibitor("E001");
    expect(p.name_zh).toBe("重庆长安汽车股份有限公司");
    expect(p.products.length).toBeGreaterThan(0);
    expect(p.contact.email).toContain("@");
    expect(b.assetUrl(p.logo!.sha256)).toMatch(/^data:image\/svg\+xml/);
    expect(b.assetUrl("0".repeat(64))).toBe("");
  });

  it("hands out copies, so a screen cannot change the data by accident", async () => {
    const a = await b.exhibitor("E002");
    a.name_en = "changed";
    expect((await b.exhibitor("E002")).name_en).toBe("Bank of Chongqing");
  });
});
