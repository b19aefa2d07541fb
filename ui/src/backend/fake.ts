//! An in-memory backend over `fake-data.ts`, for vitest and for developing in a plain browser.
//! Its search is a toy (substring, pinyin and initials, booth codes) that mimics the ranking order
//! DESIGN asks of the real one, so screens behave realistically.
import type { BackendError } from "../bindings/BackendError";
import type { CardView } from "../bindings/CardView";
import type { Language } from "../bindings/Language";
import type { QrPicture } from "../bindings/QrPicture";
import type { ExhibitorSummary } from "../bindings/ExhibitorSummary";
import type { KioskConfig } from "../bindings/KioskConfig";
import type { SearchHit } from "../bindings/SearchHit";
import * as data from "./fake-data";
import * as floor from "./fake-map";
import type { Backend } from "./types";

export type FakeOptions = {
  /** Milliseconds each call takes; a function lets tests make responses arrive out of order. */
  latency?: number | ((method: string, args: unknown) => number);
  kiosk?: Partial<KioskConfig>;
  /** The snapshot sequence `status()` reports; a test changes it to simulate a hot swap. */
  sequence?: () => number;
};

function notFound(what: string): BackendError {
  return { code: "not_found", message: `${what} not found` };
}

/**
 * Not a QR code: three finder squares and a stripe per payload byte, so a screen has something
 * of the right shape to draw. Only the real backend encodes QR codes (in Rust).
 */
function fakeQr(payload: string): QrPicture {
  const size = 41;
  const finder = (x: number, y: number) =>
    `M${x} ${y}h7v7h-7zM${x + 1} ${y + 1}v5h5v-5zM${x + 2} ${y + 2}h3v3h-3z`;
  const stripes = [...payload.slice(0, 60)]
    .map(
      (c, i) =>
        `M${12 + (i % 20)} ${12 + Math.floor(i / 20) * 6}h1v${1 + (c.charCodeAt(0) % 5)}h-1z`,
    )
    .join("");
  return {
    size,
    path: finder(4, 4) + finder(30, 4) + finder(4, 30) + stripes,
    version: 6,
    payload,
  };
}

function fakeCard(e: data.FakeExhibitor, lang: Language): CardView {
  const two = (en: string | null | undefined, zh: string | null | undefined) =>
    [lang === "zh" ? zh : en, lang === "zh" ? en : zh].filter((s): s is string => !!s).join(" ");
  const company = two(e.name_en, e.name_zh);
  const person = two(e.contact.name_en, e.contact.name_zh) || company;
  const url = e.website ? `https://${e.website.replace(/^https?:\/\//, "")}` : null;
  const fields = {
    name: person,
    formatted_name: person,
    organisation: company,
    title: two(e.contact.title_en, e.contact.title_zh) || null,
    phone: e.contact.phone ?? null,
    email: e.contact.email ?? null,
    url,
    note: null,
  };
  const payload = ["BEGIN:VCARD", "VERSION:3.0", `FN:${person}`, `ORG:${company}`, "END:VCARD"]
    .join("\r\n")
    .concat("\r\n");
  return {
    exhibitor_id: e.id,
    fields,
    dropped: e.booths.length ? ["note"] : [],
    shortened: [],
    qr: fakeQr(payload),
    website: url ? fakeQr(url) : null,
  };
}

function summary(e: data.FakeExhibitor): ExhibitorSummary {
  return {
    id: e.id,
    name_en: e.name_en,
    name_zh: e.name_zh,
    booths: e.booths,
    pavilion: e.pavilion,
    country: e.country,
    logo: e.logo,
  };
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Scores one exhibitor against a query; 0 means no match. */
export function fakeScore(e: data.FakeExhibitor, text: string): number {
  const q = fold(text.trim());
  if (q === "") return 0;
  const compact = q.replace(/\s+/g, "");
  if (e.booths.some((b) => b.toLowerCase() === q)) return 100;
  const names = [e.name_en, e.name_zh ?? ""].map(fold);
  if (names.some((n) => n === q)) return 90;
  if (names.some((n) => n.startsWith(q))) return 80;
  if (e.pinyin) {
    const syllables = e.pinyin.split(" ");
    const joined = syllables.join("");
    const initials = syllables.map((s) => s[0]).join("");
    if (joined.startsWith(compact) || initials.startsWith(compact)) return 70;
    if (joined.includes(compact) || (compact.length >= 2 && initials.includes(compact))) return 60;
  }
  if (q.length >= 3 && names.some((n) => n.includes(q))) return 50;
  if (e.booths.some((b) => b.toLowerCase().startsWith(q))) return 45;
  const other = [e.description_en, e.description_zh, ...e.products.map((p) => p.name_en)]
    .filter((s): s is string => !!s)
    .map(fold);
  if (q.length >= 3 && other.some((s) => s.includes(q))) return 10;
  return 0;
}

export function createFakeBackend(options: FakeOptions = {}): Backend {
  const kiosk: KioskConfig = { ...data.kioskConfig, ...options.kiosk };

  function respond<T>(method: string, args: unknown, make: () => T): Promise<T> {
    const latency =
      typeof options.latency === "function"
        ? options.latency(method, args)
        : (options.latency ?? 0);
    return new Promise((resolve, reject) => {
      const run = () => {
        try {
          // A deep copy, so screens can never mutate the fake's data by accident.
          resolve(structuredClone(make()));
        } catch (e) {
          reject(e);
        }
      };
      if (latency > 0) setTimeout(run, latency);
      else queueMicrotask(run);
    });
  }

  function matchesFilter(
    e: data.FakeExhibitor,
    f: {
      pavilion?: string | null;
      category?: string | null;
      country?: string | null;
      hall?: string | null;
    },
  ): boolean {
    if (f.pavilion && e.pavilion !== f.pavilion) return false;
    if (f.country && e.country !== f.country) return false;
    if (f.hall && !e.booths.some((b) => data.hallOfBooth(b) === f.hall)) return false;
    if (f.category) {
      const wanted = data.categoryAndChildren(f.category);
      if (!e.categories.some((c) => wanted.includes(c))) return false;
    }
    return true;
  }

  return {
    fair: () => respond("fair", null, () => data.fair),
    pavilions: () => respond("pavilions", null, () => data.pavilions),
    pavilion: (slug) =>
      respond("pavilion", slug, () => {
        const p = data.pavilions.find((p) => p.slug === slug);
        if (!p) throw notFound(`pavilion ${slug}`);
        return p;
      }),
    categories: () => respond("categories", null, () => data.categories),
    exhibitors: (filter) =>
      respond("exhibitors", filter, () => {
        const all = data.exhibitors
          .filter((e) => matchesFilter(e, filter))
          .sort((a, b) => a.name_en.localeCompare(b.name_en));
        const offset = filter.offset ?? 0;
        const limit = filter.limit ?? 50;
        return { total: all.length, items: all.slice(offset, offset + limit).map(summary) };
      }),
    exhibitor: (id) =>
      respond("exhibitor", id, () => {
        const e = data.exhibitors.find((e) => e.id === id);
        if (!e) throw notFound(`exhibitor ${id}`);
        const { pinyin: _pinyin, ...profile } = e;
        const pavilion = data.pavilions.find((p) => p.slug === e.pavilion);
        const hallOf = (code: string) => data.halls.find((h) => h.code === code);
        return {
          ...profile,
          labels: {
            pavilion: pavilion
              ? { slug: pavilion.slug, name_en: pavilion.name_en, name_zh: pavilion.name_zh }
              : null,
            categories: e.categories.map(data.categoryLabel),
            booths: e.booths.map((code, i) => {
              const hall = data.hallOfBooth(code);
              return {
                code,
                hall,
                hall_name_en: hallOf(hall)?.name_en ?? hall,
                hall_name_zh: hallOf(hall)?.name_zh ?? hall,
                x_m: 4 + 8 * i,
                y_m: 4,
                width_m: 6,
                depth_m: 4,
              };
            }),
          },
        };
      }),
    search: (query) =>
      respond("search", query, (): SearchHit[] =>
        data.exhibitors
          .filter((e) => matchesFilter(e, query))
          .map((e) => ({ e, score: fakeScore(e, query.text) }))
          .filter(({ score }) => score > 0)
          .sort((a, b) => b.score - a.score || a.e.name_en.localeCompare(b.e.name_en))
          .slice(0, query.limit)
          .map(({ e, score }) => ({
            id: e.id,
            name_en: e.name_en,
            name_zh: e.name_zh,
            booths: e.booths,
            score,
            pavilion: e.pavilion,
            logo: e.logo,
          })),
      ),
    halls: () => respond("halls", null, () => data.halls),
    countries: () => respond("countries", null, () => data.countries),
    kioskConfig: () => respond("kioskConfig", null, () => kiosk),
    status: () =>
      respond("status", null, () => ({
        fair_id: data.fair.id,
        sequence: options.sequence?.() ?? 1,
        snapshot: `${data.fair.id}-1.sqlite`,
        built: "2026-11-29T08:00:00Z",
        started_from: "the fake backend (browser development)",
        feed: null,
        poll_seconds: null,
        last_check: null,
        last_installed: null,
        errors: [],
        page_zoom_gesture: "not applicable (in-memory backend)",
        supervision: "none (in-memory backend)",
        nightly_restart: null,
        log_file: null,
      })),
    heartbeat: (quietMs) => respond("heartbeat", { quietMs }, () => undefined),
    contactCard: (id, lang) =>
      respond("contactCard", { id, lang }, () => {
        const e = data.exhibitors.find((e) => e.id === id);
        if (!e) throw notFound(`exhibitor ${id}`);
        return fakeCard(e, lang);
      }),
    hallMap: (hall) =>
      respond("hallMap", hall, () => {
        const map = floor.hallMap(hall);
        if (!map) throw notFound(`hall ${hall}`);
        return map;
      }),
    route: (from, to, stepFree) =>
      respond("route", { from, to, stepFree }, () => {
        const outcome = floor.route(from, to, stepFree);
        if ("error" in outcome) {
          const error: BackendError = { code: outcome.error, message: outcome.message };
          throw error;
        }
        return outcome.route;
      }),
    here: () =>
      respond("here", null, () => {
        const spot = floor.kiosks.find((k) => k.id === kiosk.kiosk_id);
        const first = floor.kiosks[0];
        if (!first) throw notFound("kiosks");
        return { kiosk: spot ?? first, configured_id: kiosk.kiosk_id, fallback: !spot };
      }),
    assetUrl: (sha256) => {
      const svg = data.assets.get(sha256);
      return svg === undefined ? "" : `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    },
  };
}
