export type PavilionKind = "country" | "region" | "city" | "theme";
