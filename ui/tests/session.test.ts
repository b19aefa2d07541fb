import { describe, expect, it } from "vitest";
import { Session } from "../src/state/session.svelte";

describe("Session", () => {
  it("starts on the attract screen and begins at home", () => {
    const s = new Session();
    expect(s.attract).toBe(true);
    s.begin();
    expect(s.attract).toBe(false);
    expect(s.current.screen).toEqual({ name: "home" });
    expect(s.canGoBack).toBe(false);
  });

  it("goes forward, back and home through the navigation stack", () => {
    const s = new Session();
    s.begin();
    s.go({ name: "pavilions" });
    s.go({ name: "pavilion", slug: "thailand" });
    s.go({ name: "exhibitor", id: "E004" });
    expect(s.current.screen).toEqual({ name: "exhibitor", id: "E004" });
    s.back();
    expect(s.current.screen).toEqual({ name: "pavilion", slug: "thailand" });
    s.home();
    expect(s.current.screen).toEqual({ name: "home" });
    s.back();
    expect(s.current.screen, "back on home stays home").toEqual({ name: "home" });
  });

  it("remembers where each screen was scrolled to", () => {
    const s = new Session();
    let scroll = 0;
    s.scrollReader = () => scroll;
    s.begin();
    s.go({ name: "pavilions" });
    scroll = 850;
    s.go({ name: "pavilion", slug: "vietnam" });
    expect(s.current.scroll).toBe(0);
    s.back();
    expect(s.current.scroll).toBe(850);
  });

  it("resets everything for the next visitor, language back to the kiosk's", () => {
    const s = new Session();
    s.configuredLang = "zh";
    s.lang = "zh";
    s.begin();
    s.toggleLanguage();
    expect(s.lang).toBe("en");
    s.go({ name: "find" });
    s.searchText = "chongqing";
    s.filters.country = "CN";
    s.filters.hall = "N1";
    s.a11y = { reach: true, largeText: true, highContrast: true };
    expect(s.activeFilterCount).toBe(2);
    const generation = s.generation;

    s.resetSession();

    expect(s.attract).toBe(true);
    expect(s.stack.length).toBe(1);
    expect(s.current.screen).toEqual({ name: "home" });
    expect(s.lang).toBe("zh");
    expect(s.searchText).toBe("");
    expect(s.activeFilterCount).toBe(0);
    expect(s.a11y).toEqual({ reach: false, largeText: false, highContrast: false });
    expect(s.generation, "screens holding their own state are remounted").toBe(generation + 1);
  });
});
