export type Hall = { code: string; name_en: string; name_zh: string; level: number | null };
