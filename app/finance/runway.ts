import { assertMinorUnits } from "./money";

export type Runway = { readonly kind: "months"; readonly months: number } | { readonly kind: "not_burning" };

/**
 * runway(m) = cash(m) / average net burn(m), in months, when average net burn > 0;
 * otherwise "not burning". `months` is the unrounded quotient; show it with
 * `runwayForDisplay`, which rounds down so the app never promises a runway the cash
 * cannot pay for. Negative cash gives 0 months: the company is already out of money.
 */
export function runway(cash: number, averageNetBurn: number): Runway {
  assertMinorUnits(cash, "cash");
  assertMinorUnits(averageNetBurn, "averageNetBurn");
  if (averageNetBurn <= 0) return { kind: "not_burning" };
  return { kind: "months", months: Math.max(0, cash) / averageNetBurn };
}

/**
 * Runway months rounded down to one decimal (9.27 → 9.2, 9.99 → 9.9): the one rounding every
 * place that shows a runway goes through — dashboard, portfolio, share link, alerts, CSV — so a
 * runway is never overstated and two places never disagree by a tenth. Idempotent: a figure
 * already rounded (a stored 9.2) comes back unchanged.
 */
export function roundRunwayDown(months: number): number {
  // The small epsilon keeps 9.2 from showing as 9.1 after float noise (9.2 * 10 = 91.99…).
  return Math.floor(months * 10 + 1e-9) / 10;
}

/** Months rounded down to one decimal (9.23 → 9.2), or null when not burning. */
export function runwayForDisplay(value: Runway): number | null {
  if (value.kind === "not_burning") return null;
  return roundRunwayDown(value.months);
}

export type RunwayLevel = "ok" | "caution" | "critical";

export interface RunwayThresholds {
  readonly cautionBelowMonths: number;
  readonly criticalBelowMonths: number;
}

/** Early-warning defaults from the product spec: < 6 months caution, < 3 critical. */
export const DEFAULT_RUNWAY_THRESHOLDS: RunwayThresholds = { cautionBelowMonths: 6, criticalBelowMonths: 3 };

export function runwayLevel(value: Runway, thresholds: RunwayThresholds = DEFAULT_RUNWAY_THRESHOLDS): RunwayLevel {
  if (thresholds.criticalBelowMonths > thresholds.cautionBelowMonths) {
    throw new RangeError("The critical threshold must not exceed the caution threshold");
  }
  if (value.kind === "not_burning") return "ok";
  if (value.months < thresholds.criticalBelowMonths) return "critical";
  if (value.months < thresholds.cautionBelowMonths) return "caution";
  return "ok";
}
