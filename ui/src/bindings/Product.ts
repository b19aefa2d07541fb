import type { AssetRef } from "./AssetRef";

export type Product = {
  name_en: string;
  name_zh: string | null;
  description_en: string | null;
  description_zh: string | null;
  image: AssetRef | null;
};
