import { INSTRUMENTS, type Instrument, type RepaymentType } from "~/finance";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { translate, type PlainKey } from "~/i18n/translate";
import { labelsIn } from "./label-keys";

/**
 * Keys and labels for financing instruments and debt terms. The keys are what the database
 * stores (funding_rounds.instrument, debt_facilities.kind / repayment_type) and what CSV
 * exports carry; the message keys are what people read (t(INSTRUMENT_KEYS[i]) on a page). Shared by rounds, debt, dashboards and
 * investor views so every screen names things the same way.
 */

export { INSTRUMENTS, type Instrument };

/** Message keys of the instruments: pages show t(INSTRUMENT_KEYS[i]). */
export const INSTRUMENT_KEYS: Record<Instrument, PlainKey> = {
  angel: "records.instrument.angel",
  pre_seed: "records.instrument.pre_seed",
  seed: "records.instrument.seed",
  series_a: "records.instrument.series_a",
  series_b: "records.instrument.series_b",
  series_c_plus: "records.instrument.series_c_plus",
  bridge: "records.instrument.bridge",
  equity_crowdfunding: "records.instrument.equity_crowdfunding",
  safe: "records.instrument.safe",
  convertible_note: "records.instrument.convertible_note",
  debt: "records.instrument.debt",
  grant: "records.instrument.grant",
  other: "records.instrument.other",
};
/** English labels, for screens not yet translated. */
export const INSTRUMENT_LABELS: Record<Instrument, string> = labelsIn(INSTRUMENT_KEYS);

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

export function instrumentLabel(value: string, locale: Locale = DEFAULT_LOCALE): string {
  return isInstrument(value) ? translate(locale, INSTRUMENT_KEYS[value]) : value;
}

export const DEBT_KINDS = ["bank_loan", "venture_debt", "bond", "revenue_based", "other"] as const;
export type DebtKind = (typeof DEBT_KINDS)[number];

export const DEBT_KIND_KEYS: Record<DebtKind, PlainKey> = {
  bank_loan: "records.debtKind.bank_loan",
  venture_debt: "records.debtKind.venture_debt",
  bond: "records.debtKind.bond",
  revenue_based: "records.debtKind.revenue_based",
  other: "records.debtKind.other",
};
export const DEBT_KIND_LABELS: Record<DebtKind, string> = labelsIn(DEBT_KIND_KEYS);

export function debtKindLabel(value: string, locale: Locale = DEFAULT_LOCALE): string {
  return (DEBT_KINDS as readonly string[]).includes(value) ? translate(locale, DEBT_KIND_KEYS[value as DebtKind]) : value;
}

export const REPAYMENT_TYPES = ["bullet", "amortizing", "interest_only_then_amortizing"] as const satisfies readonly RepaymentType[];

/** The full name, as in the form's choices ("Bullet (monthly interest, principal at maturity)"). */
export const REPAYMENT_TYPE_KEYS: Record<RepaymentType, PlainKey> = {
  bullet: "records.repayment.bullet",
  amortizing: "records.repayment.amortizing",
  interest_only_then_amortizing: "records.repayment.interest_only_then_amortizing",
};
/** The short name, for tables ("Bullet"). */
export const REPAYMENT_TYPE_SHORT_KEYS: Record<RepaymentType, PlainKey> = {
  bullet: "records.repaymentShort.bullet",
  amortizing: "records.repaymentShort.amortizing",
  interest_only_then_amortizing: "records.repaymentShort.interest_only_then_amortizing",
};
export const REPAYMENT_TYPE_LABELS: Record<RepaymentType, string> = labelsIn(REPAYMENT_TYPE_KEYS);

export function isRepaymentType(value: unknown): value is RepaymentType {
  return typeof value === "string" && (REPAYMENT_TYPES as readonly string[]).includes(value);
}

export function repaymentTypeLabel(value: string, locale: Locale = DEFAULT_LOCALE): string {
  return isRepaymentType(value) ? translate(locale, REPAYMENT_TYPE_KEYS[value]) : value;
}

/** Basis points → the percent people type ("1250" → "12.5"), exact. */
export function basisPointsToPercentString(bp: number): string {
  const whole = Math.floor(bp / 100);
  const fraction = String(bp % 100).padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}
