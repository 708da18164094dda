/**
 * The company choice of a position whose company's org was deleted (decision 009): the position
 * keeps that company (by name only) when edited. Browser-safe, for the form and its server check.
 */
export const DELETED_COMPANY = "deleted";
