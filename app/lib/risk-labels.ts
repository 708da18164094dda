import { DEFAULT_RISK_BANDS, type RiskBand, type RiskBandThresholds, type RiskStatus } from "~/finance";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { translate, type PlainKey } from "~/i18n/translate";
import { labelsIn } from "./label-keys";

/** The register's fixed categories, from the field guide's risk-control chapter. */
export const RISK_CATEGORIES = [
  "market",
  "technical",
  "financial",
  "data_privacy_security",
  "regulatory_legal",
  "competition",
  "talent",
  "operational",
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Message keys of the categories: pages show t(RISK_CATEGORY_KEYS[c]). */
export const RISK_CATEGORY_KEYS: Record<RiskCategory, PlainKey> = {
  market: "records.riskCategory.market",
  technical: "records.riskCategory.technical",
  financial: "records.riskCategory.financial",
  data_privacy_security: "records.riskCategory.data_privacy_security",
  regulatory_legal: "records.riskCategory.regulatory_legal",
  competition: "records.riskCategory.competition",
  talent: "records.riskCategory.talent",
  operational: "records.riskCategory.operational",
};
/** English labels, for CSV exports and screens not yet translated. */
export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = labelsIn(RISK_CATEGORY_KEYS);

/** In workflow order, which is also the order the register sorts them in. */
export const RISK_STATUSES = ["open", "mitigating", "accepted", "closed"] as const satisfies readonly RiskStatus[];

export const RISK_STATUS_KEYS: Record<RiskStatus, PlainKey> = {
  open: "common.status.open",
  mitigating: "common.status.mitigating",
  accepted: "common.status.accepted",
  closed: "common.status.closed",
};
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = labelsIn(RISK_STATUS_KEYS);

/** The statuses of risks still being worked on: the heat map and top risks count these. */
export const ACTIVE_RISK_STATUSES = ["open", "mitigating"] as const satisfies readonly RiskStatus[];

export const RISK_BAND_KEYS: Record<RiskBand, PlainKey> = {
  low: "common.severity.low",
  medium: "common.severity.medium",
  high: "common.severity.high",
  critical: "common.severity.critical",
};
/** The band's name inside a sentence: "score 12, high" (lower case in English). */
export const RISK_BAND_IN_SENTENCE_KEYS: Record<RiskBand, PlainKey> = {
  low: "records.bandInSentence.low",
  medium: "records.bandInSentence.medium",
  high: "records.bandInSentence.high",
  critical: "records.bandInSentence.critical",
};
export const RISK_BAND_LABELS: Record<RiskBand, string> = labelsIn(RISK_BAND_KEYS);

export const RISK_BAND_TONES: Record<RiskBand, "neutral" | "good" | "warn" | "bad" | "info"> = {
  low: "good",
  medium: "info",
  high: "warn",
  critical: "bad",
};

/** What each step of the 1–5 scales means, so two people score the same risk alike. */
export const LIKELIHOOD_KEYS: Record<number, PlainKey> = {
  1: "records.likelihood.1",
  2: "records.likelihood.2",
  3: "records.likelihood.3",
  4: "records.likelihood.4",
  5: "records.likelihood.5",
};
export const LIKELIHOOD_LABELS: Record<number, string> = labelsIn(LIKELIHOOD_KEYS);

export const IMPACT_KEYS: Record<number, PlainKey> = {
  1: "records.impact.1",
  2: "records.impact.2",
  3: "records.impact.3",
  4: "records.impact.4",
  5: "records.impact.5",
};
export const IMPACT_LABELS: Record<number, string> = labelsIn(IMPACT_KEYS);

function scoreRange(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** An org's bands in words, e.g. "1–4 low, 5–9 medium, 10–15 high, 16–25 critical" (English unless a locale is given). */
export function riskBandsText(bands: RiskBandThresholds = DEFAULT_RISK_BANDS, locale: Locale = DEFAULT_LOCALE): string {
  return translate(locale, "records.risk.bandsText", {
    low: scoreRange(1, bands.mediumFrom - 1),
    medium: scoreRange(bands.mediumFrom, bands.highFrom - 1),
    high: scoreRange(bands.highFrom, bands.criticalFrom - 1),
    critical: scoreRange(bands.criticalFrom, 25),
  });
}

/** The score's definition with the org's own bands (set in the org's settings). */
export function riskScoreHint(bands: RiskBandThresholds = DEFAULT_RISK_BANDS, locale: Locale = DEFAULT_LOCALE): string {
  return translate(locale, "records.risk.scoreHint", { bands: riskBandsText(bands, locale) });
}
export const REVIEW_OVERDUE_HINT = translate(DEFAULT_LOCALE, "records.risk.reviewOverdueHint");
export const HEAT_MAP_HINT = translate(DEFAULT_LOCALE, "records.risk.heatMapHint");

export function isRiskCategory(value: unknown): value is RiskCategory {
  return typeof value === "string" && (RISK_CATEGORIES as readonly string[]).includes(value);
}

export function isRiskStatus(value: unknown): value is RiskStatus {
  return typeof value === "string" && (RISK_STATUSES as readonly string[]).includes(value);
}

export function riskCategoryLabel(value: string): string {
  return isRiskCategory(value) ? RISK_CATEGORY_LABELS[value] : value;
}

export function riskStatusLabel(value: string): string {
  return isRiskStatus(value) ? RISK_STATUS_LABELS[value] : value;
}
