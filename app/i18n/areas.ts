/**
 * The catalogue areas, i.e. the first segment of every message key ("investor.portfolio.title").
 * Kept apart from the catalogues so browser code can recognise a key without downloading them;
 * app/i18n/messages/index.ts checks at compile time that it lists exactly its AREAS.
 */
export const AREA_NAMES = ["common", "layout", "auth", "records", "dashboard", "investor", "admin", "deletion"] as const;
export type AreaName = (typeof AREA_NAMES)[number];

/** A quoted string that may be a message key or a message ref ("records.x#{…}"), or a template's fixed start. */
export const KEY_LITERAL = new RegExp(`["'\`]((?:${AREA_NAMES.join("|")})\\.[A-Za-z0-9_.]*)`, "g");

/** Candidate keys in a piece of code or of serialised data. */
export function keyCandidates(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(KEY_LITERAL), (match) => match[1]!))];
}
