/** A picture in the snapshot's content-addressed `assets` table. */
export type AssetRef = { sha256: string; width: number; height: number };
