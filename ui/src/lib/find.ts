//! What the search screen asks the backend, kept apart from the screen so it can be tested:
//! typed text goes to `search`; filters alone list exhibitors; nothing at all shows the hints.
import type { Backend } from "../backend";
import type { ExhibitorSummary } from "../bindings/ExhibitorSummary";
import type { SearchHit } from "../bindings/SearchHit";

export type FindQuery = {
  text: string;
  category: string | null;
  country: string | null;
  hall: string | null;
  pavilion: string | null;
};

export type FindRow = Pick<ExhibitorSummary, "id" | "name_en" | "name_zh" | "booths"> &
  Partial<Pick<ExhibitorSummary, "pavilion" | "country" | "logo">>;

export const RESULT_LIMIT = 50;

/** The rows for a query, or `null` when there is nothing to look for yet (show the hints). */
export async function searchRows(b: Backend, q: FindQuery): Promise<FindRow[] | null> {
  const text = q.text.trim();
  const filters = { category: q.category, country: q.country, hall: q.hall, pavilion: q.pavilion };
  if (text !== "") {
    const hits: SearchHit[] = await b.search({ text, limit: RESULT_LIMIT, ...filters });
    return hits.map(({ id, name_en, name_zh, booths, pavilion, logo }) => ({
      id,
      name_en,
      name_zh,
      booths,
      pavilion: pavilion ?? null,
      logo: logo ?? null,
    }));
  }
  if (Object.values(filters).some((v) => v !== null)) {
    const page = await b.exhibitors({ ...filters, offset: 0, limit: RESULT_LIMIT });
    return page.items;
  }
  return null;
}

/** Applies one on-screen key to the search text. */
export function applyKey(text: string, key: string): string {
  switch (key) {
    case "{bksp}":
      return [...text].slice(0, -1).join("");
    case "{clear}":
      return "";
    case "{space}":
      return text === "" || text.endsWith(" ") ? text : `${text} `;
    default:
      return [...key].length === 1 && text.length < 60 ? text + key : text;
  }
}
