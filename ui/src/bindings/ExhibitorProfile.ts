import type { AssetRef } from "./AssetRef";
import type { Contact } from "./Contact";
import type { Product } from "./Product";

export type ExhibitorProfile = {
  id: string;
  name_en: string;
  name_zh: string | null;
  country: string | null;
  pavilion: string | null;
  booths: Array<string>;
  /** Category slugs. */
  categories: Array<string>;
  website: string | null;
  description_en: string | null;
  description_zh: string | null;
  contact: Contact;
  products: Array<Product>;
  logo: AssetRef | null;
  /** Optional display extras; the UI falls back to its own look-ups when they are absent. */
  pavilion_name_en?: string | null;
  pavilion_name_zh?: string | null;
  /** Hall codes of the exhibitor's booths, in booth order, without duplicates. */
  halls?: Array<string> | null;
};
