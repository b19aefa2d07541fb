export type Country = { code: string; name_en: string; name_zh: string };
