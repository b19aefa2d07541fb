//! After a snapshot swap the shell keeps the visitor's screen when its subject still exists.
import { describe, expect, it } from "vitest";
import { createFakeBackend } from "../src/backend/fake";
import type { Backend } from "../src/backend/types";
import { screenStillExists } from "../src/lib/refresh";
import { loadCatalog } from "../src/state/catalog.svelte";
import { Session } from "../src/state/session.svelte";

describe("following a new snapshot", () => {
  it("keeps screens whose pavilion, category or exhibitor is still there", async () => {
    const backend = createFakeBackend();
    const catalog = await loadCatalog(backend);
    const pavilion = catalog.pavilions[0]!.slug;
    const category = catalog.categories[0]!.children[0]?.slug ?? catalog.categories[0]!.slug;
    for (const screen of [
      { name: "home" as const },
      { name: "find" as const },
      { name: "pavilion" as const, slug: pavilion },
      { name: "category" as const, slug: category },
      { name: "exhibitor" as const, id: "E001" },
      { name: "contact" as const, id: "E001" },
    ]) {
      expect(await screenStillExists(screen, backend, catalog), screen.name).toBe(true);
    }
  });

  it("says which screens lost their subject, and passes other failures on", async () => {
    const fake = createFakeBackend();
    const catalog = await loadCatalog(fake);
    expect(await screenStillExists({ name: "pavilion", slug: "gone" }, fake, catalog)).toBe(false);
    expect(await screenStillExists({ name: "category", slug: "gone" }, fake, catalog)).toBe(false);
    expect(await screenStillExists({ name: "exhibitor", id: "E999" }, fake, catalog)).toBe(false);
    const broken: Backend = {
      ...fake,
      exhibitor: () => Promise.reject({ code: "snapshot", message: "disk error" }),
    };
    await expect(
      screenStillExists({ name: "contact", id: "E001" }, broken, catalog),
    ).rejects.toMatchObject({ code: "snapshot" });
  });

  it("reloads the current screen keeping its scroll position", () => {
    const session = new Session();
    session.begin();
    session.go({ name: "exhibitor", id: "E001" });
    session.scrollReader = () => 420;
    const before = session.generation;
    session.reload();
    expect(session.generation).toBe(before + 1);
    expect(session.current.screen).toEqual({ name: "exhibitor", id: "E001" });
    expect(session.current.scroll).toBe(420);
  });
});
