//! One visitor's session: where they are (a navigation stack), language, accessibility settings
//! and search state. `resetSession()` puts everything back for the next visitor.
import type { Language } from "../bindings/Language";

export type Screen =
  | { name: "home" }
  | { name: "find" }
  | { name: "pavilions" }
  | { name: "pavilion"; slug: string }
  | { name: "categories" }
  | { name: "category"; slug: string }
  | { name: "exhibitor"; id: string }
  | { name: "map"; booth: string | null }
  | { name: "contact"; id: string }
  | { name: "staff" };

export type Entry = { screen: Screen; scroll: number };

export type A11y = { reach: boolean; largeText: boolean; highContrast: boolean };

export type SearchFilters = {
  category: string | null;
  country: string | null;
  hall: string | null;
  pavilion: string | null;
};

export const noFilters: SearchFilters = {
  category: null,
  country: null,
  hall: null,
  pavilion: null,
};

const HOME: Entry = { screen: { name: "home" }, scroll: 0 };

export class Session {
  attract = $state(true);
  stack = $state<Entry[]>([{ ...HOME }]);
  lang = $state<Language>("en");
  a11y = $state<A11y>({ reach: false, largeText: false, highContrast: false });
  searchText = $state("");
  filters = $state<SearchFilters>({ ...noFilters });
  /** Bumped on every reset, so screens holding their own state can start afresh. */
  generation = $state(0);
  /** A filter picker to open when the search screen appears (development deep links). */
  pendingPicker: keyof SearchFilters | null = null;
  /** The language the kiosk is configured for; every new visitor starts in it. */
  configuredLang: Language = "en";
  /** Reads the scroll position of the visible screen, set by the shell. */
  scrollReader: () => number = () => 0;

  current: Entry = $derived(this.stack[this.stack.length - 1] ?? HOME);

  /** Leaves the attract screen for home. */
  begin(): void {
    this.attract = false;
    this.stack = [{ ...HOME }];
  }

  go(screen: Screen): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.scroll = this.scrollReader();
    this.stack.push({ screen, scroll: 0 });
  }

  back(): void {
    if (this.stack.length > 1) this.stack.pop();
  }

  home(): void {
    this.stack = [{ ...HOME }];
  }

  get canGoBack(): boolean {
    return this.stack.length > 1;
  }

  toggleLanguage(): void {
    this.lang = this.lang === "en" ? "zh" : "en";
  }

  get activeFilterCount(): number {
    return Object.values(this.filters).filter((v) => v !== null).length;
  }

  clearFilters(): void {
    this.filters = { ...noFilters };
  }

  /** Shows the current screen again with fresh data (after a snapshot swap), keeping its
   *  scroll position. */
  reload(): void {
    const top = this.stack[this.stack.length - 1];
    if (top) top.scroll = this.scrollReader();
    this.generation += 1;
  }

  resetSession(): void {
    this.attract = true;
    this.stack = [{ ...HOME }];
    this.lang = this.configuredLang;
    this.a11y = { reach: false, largeText: false, highContrast: false };
    this.searchText = "";
    this.filters = { ...noFilters };
    this.pendingPicker = null;
    this.generation += 1;
  }
}

export const session = new Session();

export function resetSession(): void {
  session.resetSession();
}
