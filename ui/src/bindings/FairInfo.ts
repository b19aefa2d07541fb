import type { Language } from "./Language";

export type FairInfo = {
  id: string;
  name_en: string;
  name_zh: string;
  venue_en: string | null;
  venue_zh: string | null;
  starts_on: string | null;
  ends_on: string | null;
  default_language: Language;
};
