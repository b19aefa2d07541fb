export type CategoryNode = {
  slug: string;
  name_en: string;
  name_zh: string;
  exhibitor_count: number;
  children: Array<CategoryNode>;
};
