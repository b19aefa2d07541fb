//! The small, rarely changing lists every screen looks names up in (fair, pavilions, categories,
//! halls, countries, kiosk configuration), loaded once at start-up.
import type { Backend } from "../backend";
import type { CategoryNode } from "../bindings/CategoryNode";
import type { Country } from "../bindings/Country";
import type { Fair } from "../bindings/Fair";
import type { Hall } from "../bindings/Hall";
import type { KioskConfig } from "../bindings/KioskConfig";
import type { Pavilion } from "../bindings/Pavilion";

export type Catalog = {
  fair: Fair;
  config: KioskConfig;
  pavilions: Pavilion[];
  categories: CategoryNode[];
  halls: Hall[];
  countries: Country[];
};

export async function loadCatalog(b: Backend): Promise<Catalog> {
  const [fair, config, pavilions, categories, halls, countries] = await Promise.all([
    b.fair(),
    b.kioskConfig(),
    b.pavilions(),
    b.categories(),
    b.halls(),
    b.countries(),
  ]);
  return { fair, config, pavilions, categories, halls, countries };
}

class Lookup {
  data = $state<Catalog | null>(null);

  private pavilionMap = $derived(new Map((this.data?.pavilions ?? []).map((p) => [p.slug, p])));
  private hallMap = $derived(new Map((this.data?.halls ?? []).map((h) => [h.code, h])));
  private countryMap = $derived(new Map((this.data?.countries ?? []).map((c) => [c.code, c])));
  private categoryMap = $derived(
    new Map(
      (this.data?.categories ?? []).flatMap((top) => [
        [top.slug, top] as const,
        ...top.children.map((c) => [c.slug, c] as const),
      ]),
    ),
  );

  pavilion(slug: string | null | undefined): Pavilion | undefined {
    return slug ? this.pavilionMap.get(slug) : undefined;
  }
  hall(code: string | null | undefined): Hall | undefined {
    return code ? this.hallMap.get(code) : undefined;
  }
  country(code: string | null | undefined): Country | undefined {
    return code ? this.countryMap.get(code) : undefined;
  }
  category(slug: string | null | undefined): CategoryNode | undefined {
    return slug ? this.categoryMap.get(slug) : undefined;
  }
}

export const catalog = new Lookup();
