import type { AssetRef } from "./AssetRef";
import type { PavilionKind } from "./PavilionKind";

export type PavilionSummary = {
  slug: string;
  kind: PavilionKind;
  name_en: string;
  name_zh: string;
  country: string | null;
  hall: string | null;
  color: string | null;
  description_en: string | null;
  description_zh: string | null;
  logo: AssetRef | null;
  exhibitor_count: number;
};
