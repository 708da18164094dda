import { INSTRUMENTS, type Instrument, type RepaymentType } from "~/finance";

/**
 * Keys and labels for financing instruments and debt terms. The keys are what the database
 * stores (funding_rounds.instrument, debt_facilities.kind / repayment_type) and what CSV
 * exports carry; the labels are what people read. Shared by rounds, debt, dashboards and
 * investor views so every screen names things the same way.
 */

export { INSTRUMENTS, type Instrument };

export const INSTRUMENT_LABELS: Record<Instrument, string> = {
  angel: "Angel",
  pre_seed: "Pre-seed",
  seed: "Seed",
  series_a: "Series A",
  series_b: "Series B",
  series_c_plus: "Series C+",
  bridge: "Bridge",
  equity_crowdfunding: "Equity crowdfunding",
  safe: "SAFE",
  convertible_note: "Convertible note",
  debt: "Debt",
  grant: "Grant",
  other: "Other",
};

/**
 * Priced equity rounds: the only ones where a pre-money valuation (and so post-money and
 * dilution) means something. A SAFE or convertible note has a cap, not a price; debt and
 * grants sell no shares.
 */
export const EQUITY_INSTRUMENTS: readonly Instrument[] = [
  "angel",
  "pre_seed",
  "seed",
  "series_a",
  "series_b",
  "series_c_plus",
  "bridge",
  "equity_crowdfunding",
];

export function isInstrument(value: unknown): value is Instrument {
  return typeof value === "string" && (INSTRUMENTS as readonly string[]).includes(value);
}

export function isEquityInstrument(value: unknown): boolean {
  return isInstrument(value) && EQUITY_INSTRUMENTS.includes(value);
}

export function instrumentLabel(value: string): string {
  return isInstrument(value) ? INSTRUMENT_LABELS[value] : value;
}

export const DEBT_KINDS = ["bank_loan", "venture_debt", "bond", "revenue_based", "other"] as const;
export type DebtKind = (typeof DEBT_KINDS)[number];

export const DEBT_KIND_LABELS: Record<DebtKind, string> = {
  bank_loan: "Bank loan",
  venture_debt: "Venture debt",
  bond: "Bond",
  revenue_based: "Revenue-based financing",
  other: "Other",
};

export function debtKindLabel(value: string): string {
  return (DEBT_KINDS as readonly string[]).includes(value) ? DEBT_KIND_LABELS[value as DebtKind] : value;
}

export const REPAYMENT_TYPES = ["bullet", "amortizing", "interest_only_then_amortizing"] as const satisfies readonly RepaymentType[];

export const REPAYMENT_TYPE_LABELS: Record<RepaymentType, string> = {
  bullet: "Bullet (monthly interest, principal at maturity)",
  amortizing: "Amortizing (equal monthly payments)",
  interest_only_then_amortizing: "Interest-only, then amortizing",
};

export function repaymentTypeLabel(value: string): string {
  return (REPAYMENT_TYPES as readonly string[]).includes(value) ? REPAYMENT_TYPE_LABELS[value as RepaymentType] : value;
}

/** Basis points → the percent people type ("1250" → "12.5"), exact. */
export function basisPointsToPercentString(bp: number): string {
  const whole = Math.floor(bp / 100);
  const fraction = String(bp % 100).padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}
