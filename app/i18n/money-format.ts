/**
 * Money for display: integer minor units in, text out. No zod here (unlike ./money.ts, which
 * parses form input), so a page that only shows amounts keeps the validation library out of
 * its browser bundle.
 */

/** Minor units → "1234.56", for form inputs and CSV (exact, no float formatting). */
export function minorToMajorString(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/**
 * Building an Intl.NumberFormat costs far more than using one (the benchmark's profile of the
 * portfolio page showed 9 ms of a 45 ms render in constructors), so each locale/style pair is
 * built once per process and reused. The set of keys is small: locales × currencies × styles.
 */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** Minor units → localised currency text, exact (tables, tooltips). */
export function formatMoney(minor: number | null | undefined, currency: string, locale = "en-US"): string {
  if (minor === null || minor === undefined) return "—";
  return numberFormat(`${locale}|money|${currency}`, locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(minor / 100);
}

/**
 * Minor units → currency text with every cent ("$2,400,000.50"): what an amount input says it
 * understood. The whole part goes through Intl as an integer and the cents are written from the
 * integer, so no float ever rounds a cent away.
 */
export function formatMoneyExact(minor: number, currency: string, locale = "en-US"): string {
  const abs = Math.abs(minor);
  const format = numberFormat(`${locale}|exact|${currency}`, locale, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return format
    .formatToParts(minor < 0 ? -Math.floor(abs / 100) || -0 : Math.floor(abs / 100))
    .map((part) => (part.type === "fraction" ? String(abs % 100).padStart(2, "0") : part.value))
    .join("");
}

/** Minor units → abbreviated currency text for cards ("$1.2M"). */
export function formatMoneyShort(minor: number | null | undefined, currency: string, locale = "en-US"): string {
  if (minor === null || minor === undefined) return "—";
  return numberFormat(`${locale}|short|${currency}`, locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(
    minor / 100,
  );
}

/**
 * The one percentage format: a ratio (0.176) → "17.6%" through Intl, so the sign sits where the
 * locale puts it (no "12 %" in one place and "17.6%" in another). At most `digits` decimals;
 * `fixed` writes exactly that many ("20.0%").
 */
export function formatPercent(ratio: number | null | undefined, locale = "en-US", digits = 1, fixed = false): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  return numberFormat(`${locale}|percent|${digits}|${fixed}`, locale, {
    style: "percent",
    minimumFractionDigits: fixed ? digits : 0,
    maximumFractionDigits: digits,
  }).format(ratio);
}
