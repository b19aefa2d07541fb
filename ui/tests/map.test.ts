// @vitest-environment jsdom
//! The floor map screen over the fake backend. Leaflet itself is replaced by a recorder: these
//! tests are about what the screen asks the map to draw and what its panels say; the real
//! drawing is checked end to end (tests/tests/map.rs) and in the screenshots.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { FloorHandlers, FloorView } from "../src/lib/floor-map";

const drawn: FloorView[] = [];
let handlers: FloorHandlers | null = null;

vi.mock("../src/lib/floor-map", () => ({
  FloorMap: class {
    constructor(_el: HTMLElement, h: FloorHandlers) {
      handlers = h;
    }
    show(view: FloorView) {
      drawn.push(view);
    }
    resize() {}
    destroy() {}
  },
}));

const { default: App } = await import("../src/App.svelte");
const { createFakeBackend } = await import("../src/backend/fake");
const { session } = await import("../src/state/session.svelte");
const { catalog } = await import("../src/state/catalog.svelte");

function lastView(): FloorView {
  const v = drawn[drawn.length - 1];
  if (!v) throw new Error("the map drew nothing");
  return v;
}

beforeEach(() => {
  drawn.length = 0;
  handlers = null;
  session.resetSession();
  // Each test's backend must be the one the screen talks to: no catalog left from the last test.
  catalog.data = null;
  window.requestAnimationFrame ??= (cb) =>
    setTimeout(() => cb(performance.now()), 0) as unknown as number;
});

afterEach(() => cleanup());

describe("the floor map screen", () => {
  it("opens on this kiosk's hall with halls grouped by level and you-are-here", async () => {
    session.begin();
    session.go({ name: "map", booth: null });
    render(App, { props: { backend: createFakeBackend() } });
    expect(await screen.findByTestId("screen-map")).toBeTruthy();
    await waitFor(() => expect(drawn.length).toBeGreaterThan(0));
    expect(lastView().map.hall.code, "the dev kiosk stands in N1").toBe("N1");
    expect(lastView().here?.id).toBe("dev-kiosk");
    expect(screen.getByTestId("hall-switch-N1").getAttribute("aria-pressed")).toBe("true");
    expect(screen.queryByTestId("map-here-guess"), "the configured kiosk is known").toBeNull();
    await fireEvent.click(screen.getByTestId("hall-switch-S1"));
    await waitFor(() => expect(lastView().map.hall.code).toBe("S1"));
    expect(lastView().here, "the kiosk is not in S1").toBeNull();
  });

  it("says so when the configured kiosk is not on the map, and still shows you-are-here", async () => {
    session.begin();
    session.go({ name: "map", booth: null });
    render(App, { props: { backend: createFakeBackend({ kiosk: { kiosk_id: "demo" } }) } });
    const note = await screen.findByTestId("map-here-guess");
    expect(note.textContent).toContain("demo");
    await waitFor(() => expect(lastView().here?.id, "the fair's first kiosk").toBe("dev-kiosk"));
  });

  it("draws the route to a booth with its distance and walking time", async () => {
    session.begin();
    session.go({ name: "map", booth: "N1-A05" });
    render(App, { props: { backend: createFakeBackend() } });
    const distance = await screen.findByTestId("route-distance");
    expect(distance.textContent).toMatch(/\d+ m · about \d+ min walk/);
    expect(Number(distance.dataset.m)).toBeGreaterThan(0);
    await waitFor(() => expect(lastView().leg?.hall).toBe("N1"));
    expect(lastView().highlight, "the target booth is highlighted").toBe("N1-A05");
    const steps = screen.getAllByTestId("route-step");
    expect(steps.map((s) => s.dataset.kind)).toEqual(["arrive"]);
    session.lang = "zh";
    await waitFor(() => expect(distance.textContent).toMatch(/米 · 步行约 \d+ 分钟/));
  });

  it("re-asks for a step-free route when the toggle is pressed, and the route changes", async () => {
    const backend = createFakeBackend();
    const route = vi.spyOn(backend, "route");
    session.begin();
    session.go({ name: "map", booth: "S2-G01" });
    render(App, { props: { backend } });
    const distance = await screen.findByTestId("route-distance");
    const before = distance.dataset.m;
    const kindsBefore = screen.getAllByTestId("route-step").map((s) => s.dataset.kind);
    expect(kindsBefore, "a cross-hall route has one step per hall change").toEqual([
      "door",
      "corridor",
      "stairs",
      "arrive",
    ]);
    expect(route).toHaveBeenLastCalledWith("dev-kiosk", "S2-G01", false);
    const toggle = screen.getByTestId("step-free-toggle");
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    await fireEvent.click(toggle);
    expect(route).toHaveBeenLastCalledWith("dev-kiosk", "S2-G01", true);
    await waitFor(() => expect(screen.getByTestId("route-distance").dataset.m).not.toBe(before));
    expect(toggle.getAttribute("aria-checked")).toBe("true");
    expect(screen.getAllByTestId("route-step").map((s) => s.dataset.kind)).toContain("elevator");
  });

  it("says clearly when there is no route, keeps the booth on its hall's map and the toggle", async () => {
    const backend = createFakeBackend();
    vi.spyOn(backend, "route").mockRejectedValue({
      code: "no_route",
      message: "no step-free route from dev-kiosk to S2-G01: only stairs or escalators lead there",
    });
    session.begin();
    session.go({ name: "map", booth: "S2-G01" });
    render(App, { props: { backend } });
    const error = await screen.findByTestId("route-error");
    expect(error.dataset.code).toBe("no_route");
    expect(error.textContent).toContain("There is no walking route to this booth from here.");
    await waitFor(() => expect(lastView().map.hall.code, "the booth's own hall").toBe("S2"));
    expect(lastView().highlight).toBe("S2-G01");
    await fireEvent.click(screen.getByTestId("step-free-toggle"));
    await waitFor(() =>
      expect(screen.getByTestId("route-error").textContent).toContain("No step-free route"),
    );
  });

  it("steps through the halls of a cross-hall route", async () => {
    session.begin();
    session.go({ name: "map", booth: "S2-G01" });
    render(App, { props: { backend: createFakeBackend() } });
    await screen.findByTestId("route-distance");
    await waitFor(() => expect(lastView().map.hall.code).toBe("N1"));
    expect(screen.getByTestId("route-leg").textContent).toContain("part 1 of 4");
    await fireEvent.click(screen.getByTestId("route-next-hall"));
    await waitFor(() => expect(lastView().map.hall.code).toBe("N2"));
    expect(lastView().leg?.hall).toBe("N2");
    const steps = screen.getAllByTestId("route-step");
    await fireEvent.click(steps[steps.length - 1]!);
    await waitFor(() => expect(lastView().map.hall.code).toBe("S2"));
    expect(lastView().highlight).toBe("S2-G01");
    expect(screen.getByTestId("hall-switch-S2").getAttribute("aria-pressed")).toBe("true");
  });

  it("lists a tapped booth's exhibitors and opens the profile", async () => {
    session.begin();
    session.go({ name: "map", booth: null });
    render(App, { props: { backend: createFakeBackend() } });
    await waitFor(() => expect(handlers).not.toBeNull());
    await waitFor(() => expect(drawn.length).toBeGreaterThan(0));
    handlers?.onBoothTap("N1-A01");
    const panel = await screen.findByTestId("booth-panel");
    expect(panel.textContent).toContain("N1-A01");
    const rows = await screen.findAllByTestId("booth-exhibitor");
    expect(rows.length).toBe(1);
    const id = rows[0]!.dataset.id;
    await waitFor(() => expect(lastView().highlight).toBe("N1-A01"));
    await fireEvent.click(rows[0]!);
    expect(await screen.findByTestId("screen-exhibitor")).toBeTruthy();
    expect(session.current.screen).toEqual({ name: "exhibitor", id });
  });
});

describe("pinch on the kiosk", () => {
  it("cancels every two-finger touch, on the map too, while the map's own listeners still see it", async () => {
    const { installLockdown } = await import("../src/lib/lockdown");
    const uninstall = installLockdown(document);
    const map = document.createElement("div");
    map.dataset.allowPinch = "";
    document.body.append(map);
    const seen: string[] = [];
    map.addEventListener("touchstart", () => seen.push("touchstart"));
    map.addEventListener("touchmove", () => seen.push("touchmove"));
    const touch = (type: string, fingers: number) => {
      const e = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(e, "touches", { value: Array.from({ length: fingers }, () => ({})) });
      map.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(touch("touchstart", 1), "one finger still taps and pans").toBe(false);
    expect(touch("touchstart", 2), "the second finger never reaches page zoom").toBe(true);
    expect(touch("touchmove", 2)).toBe(true);
    expect(seen, "the map still gets the touches to zoom itself").toEqual([
      "touchstart",
      "touchstart",
      "touchmove",
    ]);
    uninstall();
    map.remove();
  });
});
