import { EQUITY_INSTRUMENTS as FINANCE_EQUITY_INSTRUMENTS, INSTRUMENTS, type Instrument, type RepaymentType } from "~/finance";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { translate, type PlainKey } from "~/i18n/translate";
import { labelsIn } from "~/i18n/label-keys";
import { records_debtKind_bank_loan } from "~/paraglide/messages/records_debtkind_bank_loan1.js";
import { records_debtKind_bond } from "~/paraglide/messages/records_debtkind_bond1.js";
import { records_debtKind_other } from "~/paraglide/messages/records_debtkind_other1.js";
import { records_debtKind_revenue_based } from "~/paraglide/messages/records_debtkind_revenue_based1.js";
import { records_debtKind_venture_debt } from "~/paraglide/messages/records_debtkind_venture_debt1.js";
import { records_instrument_angel } from "~/paraglide/messages/records_instrument_angel.js";
import { records_instrument_bridge } from "~/paraglide/messages/records_instrument_bridge.js";
import { records_instrument_convertible_note } from "~/paraglide/messages/records_instrument_convertible_note.js";
import { records_instrument_debt } from "~/paraglide/messages/records_instrument_debt.js";
import { records_instrument_equity_crowdfunding } from "~/paraglide/messages/records_instrument_equity_crowdfunding.js";
import { records_instrument_grant } from "~/paraglide/messages/records_instrument_grant.js";
import { records_instrument_other } from "~/paraglide/messages/records_instrument_other.js";
import { records_instrument_pre_seed } from "~/paraglide/messages/records_instrument_pre_seed.js";
import { records_instrument_safe } from "~/paraglide/messages/records_instrument_safe.js";
import { records_instrument_seed } from "~/paraglide/messages/records_instrument_seed.js";
import { records_instrument_series_a } from "~/paraglide/messages/records_instrument_series_a.js";
import { records_instrument_series_b } from "~/paraglide/messages/records_instrument_series_b.js";
import { records_instrument_series_c_plus } from "~/paraglide/messages/records_instrument_series_c_plus.js";
import { records_repaymentShort_amortizing } from "~/paraglide/messages/records_repaymentshort_amortizing1.js";
import { records_repaymentShort_bullet } from "~/paraglide/messages/records_repaymentshort_bullet1.js";
import { records_repaymentShort_interest_only_then_amortizing } from "~/paraglide/messages/records_repaymentshort_interest_only_then_amortizing1.js";
import { records_repayment_amortizing } from "~/paraglide/messages/records_repayment_amortizing.js";
import { records_repayment_bullet } from "~/paraglide/messages/records_repayment_bullet.js";
import { records_repayment_interest_only_then_amortizing } from "~/paraglide/messages/records_repayment_interest_only_then_amortizing.js";

/**
 * Keys and labels for financing instruments and debt terms. The keys are what the database
 * stores (funding_rounds.instrument, debt_facilities.kind / repayment_type) and what CSV
 * exports carry; the message keys are what people read (t(INSTRUMENT_KEYS[i]) on a page). Shared by rounds, debt, dashboards and
 * investor views so every screen names things the same way.
 */

export { INSTRUMENTS, type Instrument };

/** Message keys of the instruments: pages show t(INSTRUMENT_KEYS[i]). */
export const INSTRUMENT_KEYS: Record<Instrument, PlainKey> = {
  angel: records_instrument_angel,
  pre_seed: records_instrument_pre_seed,
  seed: records_instrument_seed,
  series_a: records_instrument_series_a,
  series_b: records_instrument_series_b,
  series_c_plus: records_instrument_series_c_plus,
  bridge: records_instrument_bridge,
  equity_crowdfunding: records_instrument_equity_crowdfunding,
  safe: records_instrument_safe,
  convertible_note: records_instrument_convertible_note,
  debt: records_instrument_debt,
  grant: records_instrument_grant,
  other: records_instrument_other,
};
/** English labels, for screens not yet translated. */
export const INSTRUMENT_LABELS: Record<Instrument, string> = labelsIn(INSTRUMENT_KEYS);

/** Priced equity rounds (app/finance/metrics.ts says why they alone have a valuation). */
export const EQUITY_INSTRUMENTS: readonly Instrument[] = FINANCE_EQUITY_INSTRUMENTS;

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
  bank_loan: records_debtKind_bank_loan,
  venture_debt: records_debtKind_venture_debt,
  bond: records_debtKind_bond,
  revenue_based: records_debtKind_revenue_based,
  other: records_debtKind_other,
};
export const DEBT_KIND_LABELS: Record<DebtKind, string> = labelsIn(DEBT_KIND_KEYS);

export function debtKindLabel(value: string, locale: Locale = DEFAULT_LOCALE): string {
  return (DEBT_KINDS as readonly string[]).includes(value) ? translate(locale, DEBT_KIND_KEYS[value as DebtKind]) : value;
}

export const REPAYMENT_TYPES = ["bullet", "amortizing", "interest_only_then_amortizing"] as const satisfies readonly RepaymentType[];

/** The full name, as in the form's choices ("Bullet (monthly interest, principal at maturity)"). */
export const REPAYMENT_TYPE_KEYS: Record<RepaymentType, PlainKey> = {
  bullet: records_repayment_bullet,
  amortizing: records_repayment_amortizing,
  interest_only_then_amortizing: records_repayment_interest_only_then_amortizing,
};
/** The short name, for tables ("Bullet"). */
export const REPAYMENT_TYPE_SHORT_KEYS: Record<RepaymentType, PlainKey> = {
  bullet: records_repaymentShort_bullet,
  amortizing: records_repaymentShort_amortizing,
  interest_only_then_amortizing: records_repaymentShort_interest_only_then_amortizing,
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
  const fraction = String(bp % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}
