//! Development deep links for the fake backend only (a plain browser, never the kiosk app):
//! `#/exhibitor/E001?lang=zh&a11y=reach,large,contrast&q=cq&country=TH&idle=3` opens a screen in
//! a given state, so screenshots of every screen can be taken without a pointer.
import type { Language } from "../bindings/Language";
import type { A11y, Screen, SearchFilters } from "../state/session.svelte";

export type Scenario = {
  attract: boolean;
  screen: Screen | null;
  lang: Language | null;
  a11y: Partial<A11y>;
  text: string | null;
  filters: Partial<SearchFilters>;
  picker: keyof SearchFilters | null;
  idleSeconds: number | null;
  latencyMs: number | null;
};

export function parseScenario(hash: string): Scenario | null {
  const raw = hash.replace(/^#/, "");
  if (raw === "") return null;
  const [path = "", queryString = ""] = raw.split("?", 2);
  const params = new URLSearchParams(queryString);
  const [name, arg] = path.replace(/^\//, "").split("/", 2).map(decodeURIComponent);
  const screens: Record<string, Screen | undefined> = {
    home: { name: "home" },
    find: { name: "find" },
    pavilions: { name: "pavilions" },
    categories: { name: "categories" },
    pavilion: arg ? { name: "pavilion", slug: arg } : undefined,
    category: arg ? { name: "category", slug: arg } : undefined,
    exhibitor: arg ? { name: "exhibitor", id: arg } : undefined,
    contact: arg ? { name: "contact", id: arg } : undefined,
    map: { name: "map", booth: arg ?? null },
  };
  const lang = params.get("lang");
  const flags = new Set((params.get("a11y") ?? "").split(",").filter(Boolean));
  const number = (key: string) => {
    const v = params.get(key);
    return v !== null && /^\d+$/.test(v) ? Number(v) : null;
  };
  const filters: Partial<SearchFilters> = {};
  for (const key of ["category", "country", "hall", "pavilion"] as const) {
    const v = params.get(key);
    if (v) filters[key] = v;
  }
  return {
    attract: name === "" || name === "attract",
    screen: (name && screens[name]) || null,
    lang: lang === "en" || lang === "zh" ? lang : null,
    a11y: {
      ...(flags.has("reach") && { reach: true }),
      ...(flags.has("large") && { largeText: true }),
      ...(flags.has("contrast") && { highContrast: true }),
    },
    text: params.get("q"),
    filters,
    picker:
      (["category", "country", "hall", "pavilion"] as const).find(
        (k) => k === params.get("picker"),
      ) ?? null,
    idleSeconds: number("idle"),
    latencyMs: number("latency"),
  };
}
