import type { AssetRef } from "./AssetRef";

export type ExhibitorSummary = {
  id: string;
  name_en: string;
  name_zh: string | null;
  booths: Array<string>;
  pavilion: string | null;
  country: string | null;
  logo: AssetRef | null;
};
