export type ExhibitorFilter = {
  pavilion?: string | null;
  category?: string | null;
  country?: string | null;
  hall?: string | null;
  offset?: number | null;
  limit?: number | null;
};
