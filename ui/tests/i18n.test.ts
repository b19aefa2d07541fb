import { describe, expect, it } from "vitest";
import { en, exhibitorCount, pick, secondary, translate, zh } from "../src/lib/i18n";

describe("pick", () => {
  it("shows the value in the visitor's language when it has one", () => {
    expect(pick("Bank of Chongqing", "重庆银行", "zh")).toBe("重庆银行");
    expect(pick("Bank of Chongqing", "重庆银行", "en")).toBe("Bank of Chongqing");
  });

  it("falls back to the other language when a translation is missing or blank", () => {
    expect(pick("Lao Silk Heritage Co.", null, "zh")).toBe("Lao Silk Heritage Co.");
    expect(pick("Lao Silk Heritage Co.", "   ", "zh")).toBe("Lao Silk Heritage Co.");
    expect(pick(undefined, "重庆银行", "en")).toBe("重庆银行");
    expect(pick("", "重庆银行", "en")).toBe("重庆银行");
  });

  it("uses the fallback, never an empty label, when both languages are missing", () => {
    expect(pick(null, null, "en", "E042")).toBe("E042");
    expect(pick("", " ", "zh", "E042")).toBe("E042");
  });
});

describe("secondary", () => {
  it("gives the other language's name only when it exists and differs", () => {
    expect(secondary("Bank of Chongqing", "重庆银行", "en")).toBe("重庆银行");
    expect(secondary("Bank of Chongqing", "重庆银行", "zh")).toBe("Bank of Chongqing");
    expect(secondary("Lao Silk", null, "en")).toBeNull();
    expect(secondary("Lao Silk", null, "zh"), "the shown name must not repeat").toBeNull();
    expect(secondary("IKEA", "IKEA", "zh")).toBeNull();
  });
});

describe("translate", () => {
  const tables = {
    en: { onlyEn: "English only", both: "Both {n}" },
    zh: { onlyZh: "只有中文", both: "两种 {n}" },
  };

  it("falls back to the other language for a missing translation", () => {
    expect(translate("onlyEn", "zh", {}, tables)).toBe("English only");
    expect(translate("onlyZh", "en", {}, tables)).toBe("只有中文");
  });

  it("fills parameters and leaves unknown ones visible", () => {
    expect(translate("both", "zh", { n: 3 }, tables)).toBe("两种 3");
    expect(translate("both", "en", {}, tables)).toBe("Both {n}");
  });

  it("returns the key rather than nothing for an unknown message", () => {
    expect(translate("nope", "en", {}, tables)).toBe("nope");
  });

  it("has a Chinese translation for every English interface string", () => {
    const missing = Object.keys(en).filter((k) => !zh[k as keyof typeof en]?.trim());
    expect(missing, "untranslated keys would show English to Chinese readers").toEqual([]);
  });

  it("counts exhibitors in both languages", () => {
    expect(exhibitorCount(0, "en")).toBe("No exhibitors yet");
    expect(exhibitorCount(1, "en")).toBe("1 exhibitor");
    expect(exhibitorCount(12, "en")).toBe("12 exhibitors");
    expect(exhibitorCount(12, "zh")).toBe("12 家展商");
  });
});
