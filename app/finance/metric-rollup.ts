import { compareMonths, type Month } from "./month";

/**
 * Custom metric values are exact decimals with up to METRIC_SCALE digits after the point
 * (numeric(24, 6) in the database, strings everywhere else). Arithmetic runs on BigInt
 * counts of millionths, never on floats: 0.1 + 0.2 is 0.3 here.
 */
export const METRIC_SCALE = 6;
const FACTOR = 10n ** BigInt(METRIC_SCALE);

export type MetricRollup = "sum" | "last" | "average";
export type RollupPeriod = "quarter" | "year";

const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "12.5" → 12_500_000n millionths; null for anything that is not a plain decimal within the scale. */
export function decimalToScaled(text: string): bigint | null {
  const match = DECIMAL_RE.exec(text);
  if (!match) return null;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const trimmed = fraction.replace(/0+$/, "");
  if (trimmed.length > METRIC_SCALE) return null;
  const scaled = BigInt(whole) * FACTOR + BigInt(trimmed.padEnd(METRIC_SCALE, "0") || "0");
  return sign === "-" ? -scaled : scaled;
}

/** 12_500_000n → "12.5": the shortest exact decimal, no trailing zeros, no "-0". */
export function scaledToDecimal(scaled: bigint): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(METRIC_SCALE, "0").replace(/0+$/, "");
  if (abs === 0n) return "0";
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** A stored value ("1234.500000") in its shortest form ("1234.5"). */
export function normalizeDecimal(text: string): string {
  const scaled = decimalToScaled(text);
  if (scaled === null) throw new RangeError(`Not a metric decimal: ${text}`);
  return scaledToDecimal(scaled);
}

/** n / d rounded half away from zero (exact, on BigInt). */
export function divideHalfAway(n: bigint, d: bigint): bigint {
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const q = (absN * 2n + absD) / (absD * 2n);
  return negative ? -q : q;
}

/** The period a month falls in: "2026-Q1" for a quarter, "2026" for a year. */
export function periodOfMonth(month: Month, period: RollupPeriod): string {
  const year = month.slice(0, 4);
  if (period === "year") return year;
  return `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

export interface MetricPoint {
  month: Month;
  value: string;
}

export interface RolledUpPoint {
  /** "2026-Q1" or "2026". */
  period: string;
  value: string;
  /** How many months had a value: a quarter of 2 months is partial, and says so. */
  months: number;
}

/**
 * A metric over quarters or years, as the metric's roll-up says: `sum` adds the months
 * (tokens served in a quarter), `last` takes the latest month that has a value (paying
 * customers at the quarter's end), `average` is the mean of the months that have one (gross
 * margin over a year; rounded half away from zero at the sixth decimal). Months without a
 * value are left out, never counted as zero. Periods come oldest first.
 */
export function rollUpMetric(points: readonly MetricPoint[], rollup: MetricRollup, period: RollupPeriod): RolledUpPoint[] {
  const sorted = [...points].sort((a, b) => compareMonths(a.month, b.month));
  const groups = new Map<string, bigint[]>();
  for (const point of sorted) {
    const scaled = decimalToScaled(point.value);
    if (scaled === null) throw new RangeError(`Not a metric decimal: ${point.value}`);
    const key = periodOfMonth(point.month, period);
    const group = groups.get(key);
    if (group) group.push(scaled);
    else groups.set(key, [scaled]);
  }
  return [...groups].map(([key, values]) => {
    const total = values.reduce((a, b) => a + b, 0n);
    const last = values[values.length - 1] ?? 0n;
    const value = rollup === "sum" ? total : rollup === "last" ? last : divideHalfAway(total, BigInt(values.length));
    return { period: key, value: scaledToDecimal(value), months: values.length };
  });
}
