// Money in minor units, without zod: the form fields (app/domain/money-fields.ts moneyField), the
// budget grid (./budget.ts), the CSV row checks (./csv-cells.ts) and the live echo under an amount
// input (app/components/ui/amount-field.tsx) all parse amounts with this one function.

/** Why an amount was not understood; each reason has its own message (money-fields.ts). */
export type AmountProblem = "format" | "grouping" | "precision" | "tooLarge";

export type AmountParse = { ok: true; minor: number } | { ok: false; problem: AmountProblem };

/** The largest amount accepted: 10^13 − 0.01 in major units (exact in a double, far above any real figure). */
export const MAX_AMOUNT_MINOR = 999_999_999_999_999;

/** Scales a person writes after a number, as powers of ten. Chinese 万 is 10^4 and 亿 10^8. */
const SCALES: Record<string, number> = {
  k: 3,
  thousand: 3,
  千: 3,
  m: 6,
  mm: 6,
  mn: 6,
  million: 6,
  b: 9,
  bn: 9,
  billion: 9,
  万: 4,
  萬: 4,
  亿: 8,
  億: 8,
};

// A symbol or ISO code before the number ("$", "US$", "USD", "¥"), and a code or 元 after it.
const CODES = "USD|EUR|GBP|CNY|RMB|JPY|HKD|SGD|CAD|AUD|NZD|CHF|INR|KRW|SEK|NOK|DKK";
const PREFIX = new RegExp(`^(?:(?:US|HK|S|C|A|NZ)\\$|[$€£¥]|(?:${CODES})(?=[\\d.-]))`);
const SUFFIX = new RegExp(`(?:${CODES}|元)$`);

/**
 * Reads an amount the way people type it — `2400000`, `$2,400,000`, `2,400,000.50`, `2.4m`,
 * `2.4k`, `240万`, `1.5亿`, `USD 1,200` — into integer minor units (cents), exactly: the digits
 * are scaled as a decimal string (BigInt), never through a float, so `0.29` is 29 cents and
 * `2.4m` is 240,000,000 cents.
 *
 * Refused, with the reason, rather than guessed:
 * - commas that are not thousands groups (`2,4`, `1,23,456`): a decimal comma or a typo;
 * - more than two decimals without a scale (`1.234` may be a European 1234), or a scaled
 *   amount that is not whole cents (`1.23456k`);
 * - anything else (`1e5`, `12abc`, two scales, two signs) and amounts above MAX_AMOUNT_MINOR.
 * A leading minus (or −) gives a negative amount; callers decide whether that is allowed.
 */
export function parseAmount(input: string): AmountParse {
  // NFKC turns full-width digits and punctuation (２，４００．５) into ASCII; spaces and
  // underscores may separate thousands ("2 400 000") and sit between the parts ("2.4 m").
  let text = input.normalize("NFKC").replace(/[\s_]/g, "").replace(/−/g, "-");
  let negative = false;
  if (text.startsWith("-")) {
    negative = true;
    text = text.slice(1);
  }
  text = text.replace(PREFIX, "");
  if (!negative && text.startsWith("-")) {
    negative = true;
    text = text.slice(1);
  }
  text = text.replace(SUFFIX, "");
  const match = /^([\d,]*\d)(?:\.(\d+))?([^\d.,]*)$/.exec(text) ?? /^()\.(\d+)([^\d.,]*)$/.exec(text);
  if (!match) return { ok: false, problem: /^[\d.,]+$/.test(text) && text.includes(",") ? "grouping" : "format" };
  const [, whole = "", fraction = "", scaleWord = ""] = match;
  const scaleKey = scaleWord.toLowerCase();
  if (scaleKey !== "" && !(scaleKey in SCALES)) return { ok: false, problem: "format" };
  if (whole.includes(",") && !/^\d{1,3}(,\d{3})+$/.test(whole)) return { ok: false, problem: "grouping" };
  const scale = scaleKey === "" ? 0 : (SCALES[scaleKey] ?? 0);
  // Trailing zeros of the fraction carry nothing (a loop: /0+$/ is quadratic on a long run of zeros).
  let end = fraction.length;
  while (end > 0 && fraction[end - 1] === "0") end--;
  const significant = fraction.slice(0, end);
  if (scale === 0 && fraction.length > 2) return { ok: false, problem: "precision" };
  if (significant.length > scale + 2) return { ok: false, problem: "precision" };
  const digits = `${whole.replace(/,/g, "") || "0"}${significant}`;
  // More significant digits than the largest amount has cannot fit: answer before BigInt reads a huge string.
  if (digits.replace(/^0+/, "").length > 20) return { ok: false, problem: "tooLarge" };
  const minor = BigInt(digits) * 10n ** BigInt(scale + 2 - significant.length);
  if (minor > BigInt(MAX_AMOUNT_MINOR)) return { ok: false, problem: "tooLarge" };
  const value = Number(minor);
  return { ok: true, minor: negative && value !== 0 ? -value : value };
}

/**
 * Money crosses the UI as major-unit strings and lives everywhere else as integer minor
 * units: parseAmount's value, or null when the text is not an amount.
 */
export function parseMajorToMinor(input: string): number | null {
  const parsed = parseAmount(input);
  return parsed.ok ? parsed.minor : null;
}

/** Minor units → "2,400,000.50": what an amount input shows, grouped so a zero too many is seen; parseAmount reads it back. */
export function minorToGroupedString(minor: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${whole}.${String(abs % 100).padStart(2, "0")}`;
}
