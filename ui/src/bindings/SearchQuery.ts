export type SearchQuery = {
  text: string;
  limit: number;
  category?: string | null;
  country?: string | null;
  hall?: string | null;
  pavilion?: string | null;
};
