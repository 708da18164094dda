/**
 * Money is an integer count of minor units (cents) held in a `number`. Every amount that
 * enters the finance module is checked here, so a float or an unsafe integer fails loudly
 * at the boundary instead of drifting silently through a forecast.
 */

export function assertMinorUnits(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer number of minor units, got ${value}`);
  }
}

/**
 * Rounds to the nearest integer, halves away from zero (2.5 → 3, −2.5 → −3), so that
 * negating an input negates the result: a company earning 0.5¢ a month and one burning
 * 0.5¢ a month get mirror-image figures.
 */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/**
 * numerator / denominator rounded half away from zero, computed exactly with BigInt so
 * that large sums (beyond 2^53 / 10_000, where float division can land on the wrong side
 * of a half) still round correctly.
 */
export function divideRounded(numerator: number | bigint, denominator: number | bigint): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) throw new RangeError("Division by zero");
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const quotient = (absN * 2n + absD) / (absD * 2n);
  const result = Number(negative ? -quotient : quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError("Result exceeds safe integer range");
  return result === 0 ? 0 : result; // no −0
}

export function sumMinorUnits(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new RangeError("Sum exceeds safe integer range");
  return total;
}
