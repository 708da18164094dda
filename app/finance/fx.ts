/**
 * Monthly FX rates an investor maintains: 1 unit of `currency` = `rate` units of the
 * investor's base currency, for amounts of that month (db/schema/investor.ts fx_rates).
 *
 * Rates stay decimal strings from the form to numeric(20,10) and back: a float cannot hold
 * 1.0825 exactly, and a conversion built on one can round a cent the wrong way. Conversion
 * is exact integer arithmetic on BigInt.
 *
 * Minor units: the app stores every currency in hundredths (app/domain/money-fields.ts), so a
 * conversion is amount × rate with no exponent adjustment.
 */
import { divideRounded } from "./money";
import { compareMonths, isValidMonth, type Month } from "./month";

export const MAX_RATE_DECIMALS = 10;
/** numeric(20,10): at most 10 digits before the point. */
export const MAX_RATE_INTEGER_DIGITS = 10;

export type RateProblem = "empty" | "format" | "decimals" | "too_large" | "not_positive";
export type ParsedRate = { ok: true; rate: string } | { ok: false; problem: RateProblem };

const RATE_SHAPE = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a rate as typed ("1.0825", " 0.00070 ", "7") into its canonical form ("1.0825",
 * "0.0007", "7"): no leading or trailing zeros, so equal rates compare equal as strings.
 * Grouping separators and exponents are refused: "1,082" could mean either 1.082 or 1082.
 */
export function parseRate(input: string): ParsedRate {
  const text = input.trim();
  if (text === "") return { ok: false, problem: "empty" };
  if (/^-/.test(text) && RATE_SHAPE.test(text.slice(1))) return { ok: false, problem: "not_positive" };
  const match = RATE_SHAPE.exec(text.startsWith(".") ? `0${text}` : text);
  if (!match?.[1]) return { ok: false, problem: "format" };
  const whole = match[1].replace(/^0+(?=\d)/, "");
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  // Trailing zeros are not precision: "1.50000000000" is 1.5.
  if (fraction.length > MAX_RATE_DECIMALS) return { ok: false, problem: "decimals" };
  if (whole.length > MAX_RATE_INTEGER_DIGITS) return { ok: false, problem: "too_large" };
  if (/^0*$/.test(whole + fraction)) return { ok: false, problem: "not_positive" };
  return { ok: true, rate: fraction ? `${whole}.${fraction}` : whole };
}

/** What to tell a person about a rate that did not parse. */
export function rateProblemMessage(problem: RateProblem): string {
  switch (problem) {
    case "empty":
      return "Enter the rate: how many units of the base currency one unit of the currency buys, like 1.0825.";
    case "format":
      return "Enter the rate as a plain decimal number with a point, like 1.0825 (no commas, spaces or exponents).";
    case "decimals":
      return `Use at most ${MAX_RATE_DECIMALS} decimals in the rate.`;
    case "too_large":
      return `The rate is too large: at most ${MAX_RATE_INTEGER_DIGITS} digits before the point.`;
    case "not_positive":
      return "The rate must be more than zero.";
  }
}

export function isValidRate(value: unknown): value is string {
  return typeof value === "string" && parseRate(value).ok;
}

/** A stored numeric ("1.0825000000") in canonical form ("1.0825"); throws on anything else. */
export function normalizeRate(value: string): string {
  const parsed = parseRate(value);
  if (!parsed.ok) throw new RangeError(`Not a positive rate: ${value}`);
  return parsed.rate;
}

/**
 * amountMinor × rate in minor units, exact, rounded half away from zero (0.5¢ → 1¢,
 * −0.5¢ → −1¢), the same rounding as the rest of the finance module.
 */
export function convertMinorUnits(amountMinor: number, rate: string): number {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`amountMinor must be a safe integer, got ${amountMinor}`);
  const canonical = normalizeRate(rate);
  const [whole, fraction = ""] = canonical.split(".");
  const scaled = BigInt(whole + fraction);
  return divideRounded(BigInt(amountMinor) * scaled, 10n ** BigInt(fraction.length));
}

export interface FxRate {
  readonly month: Month;
  readonly currency: string;
  readonly rate: string;
}

/** Rates by currency, each currency's months sorted oldest first, for repeated look-ups. */
export type FxRateIndex = ReadonlyMap<string, readonly FxRate[]>;

export function indexRates(rates: readonly FxRate[]): FxRateIndex {
  const byCurrency = new Map<string, FxRate[]>();
  for (const r of rates) {
    const currency = r.currency.toUpperCase();
    const list = byCurrency.get(currency) ?? [];
    list.push({ month: r.month, currency, rate: normalizeRate(r.rate) });
    byCurrency.set(currency, list);
  }
  for (const list of byCurrency.values()) list.sort((a, b) => compareMonths(a.month, b.month));
  return byCurrency;
}

function asIndex(rates: readonly FxRate[] | FxRateIndex): FxRateIndex {
  return rates instanceof Map ? rates : indexRates(rates as readonly FxRate[]);
}

/**
 * The rate of `currency` for `month` into `baseCurrency`: "1" for the base currency itself,
 * the month's rate when one is recorded, otherwise null — never "0", so a missing rate can
 * only ever be shown as missing, not silently zero an amount.
 */
export function rateFor(rates: readonly FxRate[] | FxRateIndex, currency: string, month: Month, baseCurrency: string): string | null {
  if (!isValidMonth(month)) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  if (currency.toUpperCase() === baseCurrency.toUpperCase()) return "1";
  const found = asIndex(rates)
    .get(currency.toUpperCase())
    ?.find((r) => r.month === month);
  return found ? found.rate : null;
}

/**
 * The most recent rate of `currency` in or before `month` (with its month, so the page can
 * say which rate was used), or null when there is none. The base currency is "1" in `month`.
 */
export function latestRateFor(
  rates: readonly FxRate[] | FxRateIndex,
  currency: string,
  month: Month,
  baseCurrency: string,
): { month: Month; rate: string } | null {
  if (!isValidMonth(month)) throw new RangeError(`Not a YYYY-MM month: ${month}`);
  if (currency.toUpperCase() === baseCurrency.toUpperCase()) return { month, rate: "1" };
  const list = asIndex(rates).get(currency.toUpperCase()) ?? [];
  const latest = list.findLast((r) => compareMonths(r.month, month) <= 0);
  return latest ? { month: latest.month, rate: latest.rate } : null;
}
