import type { Language } from "./Language";

export type KioskConfig = {
  kiosk_id: string;
  location_en: string | null;
  location_zh: string | null;
  language: Language;
  idle_seconds: number;
  fullscreen: boolean;
};
