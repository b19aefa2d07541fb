import { describe, expect, it } from "vitest";
import { parseScenario } from "../src/lib/dev-scenario";

describe("development deep links", () => {
  it("are off without a hash", () => {
    expect(parseScenario("")).toBeNull();
    expect(parseScenario("#")).toBeNull();
  });

  it("open a screen in a given state", () => {
    const s = parseScenario("#/find?q=cq&lang=zh&a11y=reach,contrast&country=TH&idle=5")!;
    expect(s.attract).toBe(false);
    expect(s.screen).toEqual({ name: "find" });
    expect(s.lang).toBe("zh");
    expect(s.a11y).toEqual({ reach: true, highContrast: true });
    expect(s.text).toBe("cq");
    expect(s.filters).toEqual({ country: "TH" });
    expect(s.idleSeconds).toBe(5);
  });

  it("take an argument for screens that need one", () => {
    expect(parseScenario("#/exhibitor/E001")?.screen).toEqual({ name: "exhibitor", id: "E001" });
    expect(parseScenario("#/map/N1-A01")?.screen).toEqual({ name: "map", booth: "N1-A01" });
    expect(parseScenario("#/pavilion")?.screen).toBeNull();
    expect(parseScenario("#/attract")?.attract).toBe(true);
  });
});
