export type Contact = {
  name_en: string | null;
  name_zh: string | null;
  title_en: string | null;
  title_zh: string | null;
  email: string | null;
  phone: string | null;
};
