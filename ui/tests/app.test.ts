// @vitest-environment jsdom
//! The whole interface in jsdom over the fake backend: a visitor's path through the screens,
//! markup in exhibitor text staying text, language switching and the idle reset.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import App from "../src/App.svelte";
import { createFakeBackend } from "../src/backend/fake";
import { installLockdown } from "../src/lib/lockdown";
import { session } from "../src/state/session.svelte";

function pressKeys(text: string) {
  for (const ch of text) {
    const key = document.querySelector(`[data-skbtn="${ch}"]`);
    if (!key) throw new Error(`no on-screen key for ${ch}`);
    // simple-keyboard listens to pointer events where the browser has them, else to clicks.
    if ("PointerEvent" in window) fireEvent.pointerDown(key);
    else fireEvent.click(key);
  }
}

beforeEach(() => {
  session.resetSession();
  window.requestAnimationFrame ??= (cb) =>
    setTimeout(() => cb(performance.now()), 0) as unknown as number;
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("the kiosk interface", () => {
  it("goes from the attract screen to a search result's profile", async () => {
    render(App, { props: { backend: createFakeBackend() } });
    const attract = await screen.findByTestId("attract");
    expect(attract.textContent).toContain("触摸开始");
    expect(attract.textContent).toContain("Touch to start");
    await fireEvent.click(attract);
    await fireEvent.click(await screen.findByTestId("tile-find"));
    expect(await screen.findByTestId("empty-state")).toBeTruthy();
    pressKeys("chongqing");
    await waitFor(() =>
      expect(screen.getByTestId("search-text").textContent).toContain("chongqing"),
    );
    const rows = await screen.findAllByTestId("exhibitor-row");
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(performance.getEntriesByName("keystroke").length).toBeGreaterThan(0);
    await fireEvent.click(rows[0]!);
    const name = await screen.findByTestId("exhibitor-name");
    expect(name.textContent).toMatch(/Chongqing|Bank/);
    await fireEvent.click(screen.getByTestId("nav-back"));
    expect(await screen.findByTestId("screen-find")).toBeTruthy();
    expect(screen.getByTestId("search-text").textContent, "back keeps the search").toContain(
      "chongqing",
    );
  });

  it("shows markup in an exhibitor's name and description as text and runs none of it", async () => {
    const alert = vi.fn();
    window.alert = alert;
    session.begin();
    session.go({ name: "exhibitor", id: "E016" });
    render(App, { props: { backend: createFakeBackend() } });
    const name = await screen.findByTestId("exhibitor-name");
    expect(name.textContent).toContain("<img src=x onerror=alert(1)>");
    expect(screen.getByTestId("exhibitor-other-name").textContent).toContain(
      "<script>alert(2)</script>",
    );
    expect(screen.getByTestId("exhibitor-description").textContent).toContain("<b>bold?</b>");
    expect(document.querySelector('img[src="x"]'), "no element was made from the text").toBeNull();
    expect(document.body.querySelector("script, b")).toBeNull();
    expect(document.querySelector("a")).toBeNull();
    expect(alert).not.toHaveBeenCalled();
  });

  it("takes a contact card from a profile, follows the language and closes back to the profile", async () => {
    render(App, { props: { backend: createFakeBackend() } });
    await fireEvent.click(await screen.findByTestId("attract"));
    await fireEvent.click(await screen.findByTestId("tile-find"));
    pressKeys("chongqing");
    const rows = await screen.findAllByTestId("exhibitor-row");
    await fireEvent.click(rows[0]!);
    await fireEvent.click(await screen.findByTestId("take-contact"));
    const qr = await screen.findByTestId("contact-qr");
    expect(Number(qr.getAttribute("width")), "at least 240 px").toBeGreaterThanOrEqual(240);
    expect(qr.querySelector("path")?.getAttribute("d")).toMatch(/^M\d/);
    const instruction = screen.getByTestId("scan-instruction").textContent ?? "";
    expect(instruction).toContain("Scan with your phone camera to save the contact");
    expect(instruction).toContain("用手机相机扫描");
    const fields = screen.getByTestId("contact-fields").textContent ?? "";
    expect(fields).toMatch(/Chongqing|Bank/);
    expect(screen.getByTestId("website-qr")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("toggle-language"));
    await waitFor(() =>
      expect(screen.getByTestId("contact-fields").textContent ?? "").toMatch(/^姓名/),
    );
    await fireEvent.click(screen.getByTestId("contact-close"));
    expect(await screen.findByTestId("screen-exhibitor")).toBeTruthy();
  });

  it("switches every label to Chinese with one tap", async () => {
    render(App, { props: { backend: createFakeBackend() } });
    await fireEvent.click(await screen.findByTestId("attract"));
    expect((await screen.findByTestId("tile-pavilions")).textContent).toContain("Pavilions");
    await fireEvent.click(screen.getByTestId("toggle-language"));
    expect(screen.getByTestId("tile-pavilions").textContent).toContain("展馆");
    expect(screen.getByTestId("tile-find").textContent).toContain("查找展商");
    expect(screen.getByTestId("nav-back").textContent).toContain("返回");
    expect(document.documentElement.lang).toBe("zh-Hans");
  });

  it("opens a pavilion from the grouped list and lists its exhibitors", async () => {
    session.begin();
    session.go({ name: "pavilions" });
    render(App, { props: { backend: createFakeBackend() } });
    expect((await screen.findByTestId("screen-pavilions")).textContent).toContain("Guest city");
    await fireEvent.click(screen.getByTestId("pavilion-vietnam"));
    await screen.findByTestId("screen-pavilion");
    const rows = await screen.findAllByTestId("exhibitor-row");
    expect(rows.map((r) => r.dataset.id).sort()).toEqual(["E005", "E014"]);
    expect(rows.some((r) => r.textContent?.includes("Cà Phê Sơn La"))).toBe(true);
  });

  it("warns after the idle time and then starts over with everything cleared", async () => {
    vi.useFakeTimers({
      toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "performance"],
    });
    render(App, {
      props: { backend: createFakeBackend({ kiosk: { idle_seconds: 20, language: "zh" } }) },
    });
    await vi.waitFor(() => screen.getByTestId("attract"));
    await fireEvent.click(screen.getByTestId("attract"));
    session.toggleLanguage();
    session.a11y.reach = true;
    session.go({ name: "find" });
    session.searchText = "bank";
    session.filters.country = "CN";
    await vi.advanceTimersByTimeAsync(19_000);
    expect(screen.queryByTestId("idle-overlay")).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    const overlay = screen.getByTestId("idle-overlay");
    expect(overlay.textContent).toContain("Still here?");
    expect(overlay.textContent).toContain("还在吗？");
    expect(screen.getByTestId("idle-seconds").textContent).toBe("10");
    await vi.advanceTimersByTimeAsync(4_000);
    expect(screen.getByTestId("idle-seconds").textContent).toBe("6");
    await vi.advanceTimersByTimeAsync(6_000);
    expect(screen.queryByTestId("idle-overlay")).toBeNull();
    expect(screen.getByTestId("attract")).toBeTruthy();
    expect(session.searchText).toBe("");
    expect(session.activeFilterCount).toBe(0);
    expect(session.lang, "back to the kiosk's configured language").toBe("zh");
    expect(session.a11y.reach).toBe(false);
    expect(session.current.screen).toEqual({ name: "home" });
  });

  it("lets a visitor answer the idle warning and carry on", async () => {
    vi.useFakeTimers({
      toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "performance"],
    });
    render(App, { props: { backend: createFakeBackend({ kiosk: { idle_seconds: 20 } }) } });
    await vi.waitFor(() => screen.getByTestId("attract"));
    await fireEvent.click(screen.getByTestId("attract"));
    session.go({ name: "categories" });
    await vi.advanceTimersByTimeAsync(25_000);
    await fireEvent.click(screen.getByTestId("idle-continue"));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(screen.queryByTestId("idle-overlay")).toBeNull();
    expect(screen.getByTestId("screen-categories")).toBeTruthy();
  });
});

describe("lockdown", () => {
  it("swallows context menus, page zoom gestures and link clicks", () => {
    const uninstall = installLockdown(document);
    const menu = new MouseEvent("contextmenu", { bubbles: true, cancelable: true });
    document.body.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
    const zoom = new WheelEvent("wheel", { bubbles: true, cancelable: true, ctrlKey: true });
    document.body.dispatchEvent(zoom);
    expect(zoom.defaultPrevented).toBe(true);
    const a = document.createElement("a");
    a.href = "https://example.com/";
    document.body.append(a);
    const click = new MouseEvent("click", { bubbles: true, cancelable: true });
    a.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    a.remove();
    uninstall();
    const after = new MouseEvent("contextmenu", { bubbles: true, cancelable: true });
    document.body.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });
});
