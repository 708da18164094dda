// Money in minor units, without zod: the form fields (app/domain/money-fields.ts moneyField) and the CSV
// row checks (./csv-cells.ts) parse amounts with this one function.

/**
 * Money crosses the UI as major-unit strings ("1,234.56") and lives everywhere else as
 * integer minor units. Parsing is done on the string, never through a float, so
 * "0.29" is 29 cents, not 28.999….
 */
export function parseMajorToMinor(input: string): number | null {
  const cleaned = input.trim().replace(/[,\s_]/g, "");
  const match = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return sign ? -minor : minor;
}
