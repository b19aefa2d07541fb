//! The one door from the interface to the backend. Everything outside `src/backend/` talks to
//! this interface; today it is implemented over Tauri IPC (`tauri.ts`) and in memory (`fake.ts`,
//! for tests and browser development). A later HTTP implementation served by the hub fits here.
import type { BackendError } from "../bindings/BackendError";
import type { CardView } from "../bindings/CardView";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { CategoryNode } from "../bindings/CategoryNode";
import type { Country } from "../bindings/Country";
import type { ExhibitorFilter } from "../bindings/ExhibitorFilter";
import type { ExhibitorPage } from "../bindings/ExhibitorPage";
import type { ExhibitorProfile } from "../bindings/ExhibitorProfile";
import type { Fair } from "../bindings/Fair";
import type { Hall } from "../bindings/Hall";
import type { HallMap } from "../bindings/HallMap";
import type { Here } from "../bindings/Here";
import type { KioskConfig } from "../bindings/KioskConfig";
import type { KioskStatus } from "../bindings/KioskStatus";
import type { Language } from "../bindings/Language";
import type { Pavilion } from "../bindings/Pavilion";
import type { Route } from "../bindings/Route";
import type { SearchHit } from "../bindings/SearchHit";
import type { SearchQuery } from "../bindings/SearchQuery";

export interface Backend {
  fair(): Promise<Fair>;
  pavilions(): Promise<Pavilion[]>;
  pavilion(slug: string): Promise<Pavilion>;
  /** The two-level category tree: top-level nodes with their children. */
  categories(): Promise<CategoryNode[]>;
  exhibitors(filter: ExhibitorFilter): Promise<ExhibitorPage>;
  exhibitor(id: string): Promise<ExhibitorProfile>;
  /** Best hits first. Never rejects because of what the visitor typed. */
  search(query: SearchQuery): Promise<SearchHit[]>;
  halls(): Promise<Hall[]>;
  countries(): Promise<Country[]>;
  kioskConfig(): Promise<KioskConfig>;
  /** The snapshot shown and the updater's record; polled to notice a new snapshot. */
  status(): Promise<KioskStatus>;
  /**
   * The page is alive; nobody has touched the screen for `quietMs`. Feeds the supervisor's
   * watchdog and the nightly restart's wait (src-tauri/src/supervise.rs).
   */
  heartbeat(quietMs: number): Promise<void>;
  /** The exhibitor's contact card with `lang` first, with its QR (and the website's). */
  contactCard(id: string, lang: Language): Promise<CardView>;
  /** One hall's floor map in hall metres; rejects `not_found` for an unknown hall. */
  hallMap(hall: string): Promise<HallMap>;
  /**
   * A walking route from a kiosk id or booth code to a booth code. Rejects `no_route` when the
   * fair has none (e.g. step-free where only stairs lead), `not_found` for an unknown place.
   */
  route(from: string, to: string, stepFree: boolean): Promise<Route>;
  /** Where this kiosk stands: the configured kiosk, or the fair's first one (`fallback`). */
  here(): Promise<Here>;
  /** A URL the webview can load an image from; never a data: URL built from JSON. */
  assetUrl(sha256: string): string;
}

/** The codes the Rust side sends (`ErrorCode`); anything else is treated as `internal`. */
const CODES: readonly ErrorCode[] = [
  "not_found",
  "no_route",
  "snapshot",
  "bad_address",
  "bad_code",
  "slow_down",
  "unreachable",
  "signed_out",
  "bad_image",
  "draft",
  "internal",
];

function asCode(code: unknown): ErrorCode {
  return CODES.find((c) => c === code) ?? "internal";
}

/** Turns whatever a backend rejected with into the `{code, message}` shape. */
export function toBackendError(e: unknown): BackendError {
  if (typeof e === "object" && e !== null && "code" in e && "message" in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    return { code: asCode(code), message: String(message) };
  }
  if (e instanceof Error) return { code: "internal", message: e.message };
  return { code: "internal", message: String(e) };
}

export function isBackendError(e: unknown): e is BackendError {
  return (
    typeof e === "object" &&
    e !== null &&
    CODES.some((c) => c === (e as BackendError).code) &&
    typeof (e as BackendError).message === "string"
  );
}
