export type SearchHit = {
  id: string;
  name_en: string;
  name_zh: string | null;
  booths: Array<string>;
  score: number;
};
