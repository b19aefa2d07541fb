//! Floor maps and routes for the in-memory backend: booths laid out on a grid from their codes
//! (`N2-B05`: row B, column 5), a kiosk or two, connectors between the fake halls (stairs and an
//! elevator between S1 and S2, so a step-free route differs) and a toy router that walks the
//! aisles hall by hall. Plausible enough for screens and tests; the real router is in Rust.
import type { Booth } from "../bindings/Booth";
import type { HallMap } from "../bindings/HallMap";
import type { Kiosk } from "../bindings/Kiosk";
import type { Leg } from "../bindings/Leg";
import type { MapConnector } from "../bindings/MapConnector";
import type { Route } from "../bindings/Route";
import type { Step } from "../bindings/Step";
import type { StepKind } from "../bindings/StepKind";
import * as data from "./fake-data";

const WALKING_SPEED = 1.2;
const BOOTH_W = 6;
const BOOTH_D = 7;

type FakeConnector = {
  kind: StepKind & MapConnector["kind"];
  step_free: boolean;
  a: { hall: string; x: number; y: number };
  b: { hall: string; x: number; y: number };
  seconds: number;
};

export const kiosks: Kiosk[] = [
  {
    id: "dev-kiosk",
    hall: "N1",
    x_m: 94,
    y_m: 3,
    label_en: "East entrance",
    label_zh: "东入口",
  },
  { id: "S2-lift", hall: "S2", x_m: 2, y_m: 3, label_en: null, label_zh: null },
];

export const connectors: FakeConnector[] = [
  {
    kind: "door",
    step_free: true,
    a: { hall: "N1", x: 0, y: 3 },
    b: { hall: "N2", x: 96, y: 3 },
    seconds: 0,
  },
  {
    kind: "corridor",
    step_free: true,
    a: { hall: "N2", x: 2, y: 60 },
    b: { hall: "S1", x: 2, y: 0 },
    seconds: 0,
  },
  {
    kind: "stairs",
    step_free: false,
    a: { hall: "S1", x: 94, y: 60 },
    b: { hall: "S2", x: 94, y: 0 },
    seconds: 15,
  },
  {
    kind: "elevator",
    step_free: true,
    a: { hall: "S1", x: 2, y: 60 },
    b: { hall: "S2", x: 2, y: 0 },
    seconds: 40,
  },
];

function boothAt(code: string): Booth {
  const hall = data.hallOfBooth(code);
  const [, row = "A", num = "1"] = /^[A-Z0-9]+-([A-Z])(\d+)$/.exec(code) ?? [];
  const r = (row.charCodeAt(0) - 65) % 5;
  const n = Number(num);
  const exhibitors = data.exhibitors.filter((e) => e.booths.includes(code));
  return {
    code,
    hall,
    x_m: 4 + (n - 1) * 7.5,
    y_m: 6 + r * 11,
    width_m: BOOTH_W,
    depth_m: BOOTH_D,
    pavilion: exhibitors[0]?.pavilion ?? null,
    exhibitors: exhibitors.map((e) => e.id),
  };
}

function boothCodes(hall: string): string[] {
  const used = data.exhibitors.flatMap((e) => e.booths).filter((b) => b.startsWith(`${hall}-`));
  const rows = new Set(used.map((b) => b.split("-")[1]?.[0] ?? "A"));
  const codes = new Set(used);
  for (const row of rows) {
    for (let n = 1; n <= 10; n++) codes.add(`${hall}-${row}${String(n).padStart(2, "0")}`);
  }
  return [...codes].sort();
}

export function hallMap(code: string): HallMap | null {
  const hall = data.halls.find((h) => h.code === code);
  if (!hall) return null;
  const booths = boothCodes(code).map(boothAt);
  const slugs = new Set(booths.map((b) => b.pavilion).filter((p): p is string => !!p));
  return {
    hall,
    booths,
    pavilions: data.pavilions
      .filter((p) => slugs.has(p.slug))
      .map((p) => ({ slug: p.slug, name_en: p.name_en, name_zh: p.name_zh, color: p.color })),
    connectors: connectors.flatMap((c): MapConnector[] =>
      (
        [
          [c.a, c.b],
          [c.b, c.a],
        ] as const
      )
        .filter(([here]) => here.hall === code)
        .map(([here, there]) => ({
          kind: c.kind,
          step_free: c.step_free,
          x_m: here.x,
          y_m: here.y,
          to_hall: there.hall,
          to_level: data.halls.find((h) => h.code === there.hall)?.level ?? 1,
        })),
    ),
    kiosks: kiosks.filter((k) => k.hall === code),
  };
}

type Spot = { hall: string; x: number; y: number };

/** The aisle point in front of a booth (the aisle below its row). */
function front(b: Booth): Spot {
  return { hall: b.hall, x: b.x_m + b.width_m / 2, y: b.y_m + b.depth_m + 2 };
}

/** Halls in order from `from` to `to`, with the connector taken into each; breadth first. */
function hallPath(from: string, to: string, stepFree: boolean): FakeConnector[] | null {
  const seen = new Map<string, FakeConnector[]>([[from, []]]);
  const queue = [from];
  while (queue.length) {
    const hall = queue.shift() as string;
    if (hall === to) return seen.get(hall) ?? [];
    // Prefer the quicker connector when two join the same halls.
    const options = connectors
      .filter((c) => (c.a.hall === hall || c.b.hall === hall) && (!stepFree || c.step_free))
      .sort((x, y) => x.seconds - y.seconds);
    for (const c of options) {
      const next = c.a.hall === hall ? c.b.hall : c.a.hall;
      if (seen.has(next)) continue;
      seen.set(next, [...(seen.get(hall) ?? []), c]);
      queue.push(next);
    }
  }
  return null;
}

function walk(a: Spot, b: Spot): [number, number][] {
  // Out to the aisle row of the start, along it, then to the end.
  const mid = Math.min(Math.max(a.y, 2), 58);
  return [
    [a.x, a.y],
    [a.x, mid],
    [b.x, mid],
    [b.x, b.y],
  ];
}

function length(points: [number, number][]): number {
  let d = 0;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1] as [number, number];
    const [x1, y1] = points[i] as [number, number];
    d += Math.hypot(x1 - x0, y1 - y0);
  }
  return d;
}

const KIND_ZH: Record<string, string> = {
  door: "门",
  corridor: "连廊",
  stairs: "楼梯",
  escalator: "扶梯",
  elevator: "电梯",
  ramp: "坡道",
};

export type RouteOutcome = { route: Route } | { error: "not_found" | "no_route"; message: string };

export function route(from: string, to: string, stepFree: boolean): RouteOutcome {
  const kiosk = kiosks.find((k) => k.id === from);
  const start: Spot | null = kiosk
    ? { hall: kiosk.hall, x: kiosk.x_m, y: kiosk.y_m }
    : (() => {
        const map = hallMap(data.hallOfBooth(from));
        const b = map?.booths.find((b) => b.code === from);
        return b ? front(b) : null;
      })();
  if (!start) return { error: "not_found", message: `no kiosk or booth "${from}"` };
  const target = hallMap(data.hallOfBooth(to))?.booths.find((b) => b.code === to);
  if (!target) return { error: "not_found", message: `no booth "${to}"` };
  const path = hallPath(start.hall, target.hall, stepFree);
  if (!path) {
    return {
      error: "no_route",
      message: `no ${stepFree ? "step-free " : ""}route from ${from} to ${to}`,
    };
  }
  const legs: Leg[] = [];
  const steps: Step[] = [];
  let at = start;
  let extra = 0;
  for (const c of path) {
    const [out, into] = c.a.hall === at.hall ? [c.a, c.b] : [c.b, c.a];
    legs.push({ hall: at.hall, points: walk(at, out) });
    const hall = data.halls.find((h) => h.code === into.hall);
    steps.push({
      kind: c.kind,
      text_en: `Take the ${c.kind} to ${hall?.name_en ?? into.hall}`,
      text_zh: `经${KIND_ZH[c.kind] ?? c.kind}前往${hall?.name_zh ?? into.hall}`,
    });
    extra += c.seconds;
    at = into;
  }
  legs.push({ hall: at.hall, points: walk(at, front(target)) });
  steps.push({
    kind: "arrive",
    text_en: `Walk to booth ${to}`,
    text_zh: `步行至展位 ${to}`,
  });
  const distance = legs.reduce((d, l) => d + length(l.points as [number, number][]), 0);
  return {
    route: {
      distance_m: Math.round(distance * 10) / 10,
      walk_s: Math.round(distance / WALKING_SPEED + extra),
      step_free: stepFree,
      legs,
      steps,
    },
  };
}
