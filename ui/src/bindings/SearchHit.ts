import type { AssetRef } from "./AssetRef";

export type SearchHit = {
  id: string;
  name_en: string;
  name_zh: string | null;
  booths: Array<string>;
  score: number;
  /** Optional display extras: when present, result rows show the logo and pavilion colour. */
  pavilion?: string | null;
  logo?: AssetRef | null;
};
