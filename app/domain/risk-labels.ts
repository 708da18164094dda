import { DEFAULT_RISK_BANDS, HEAT_MAP_RISK_STATUSES, type RiskBand, type RiskBandThresholds, type RiskStatus } from "~/finance";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { translate, type PlainKey } from "~/i18n/translate";
import { labelsIn } from "~/i18n/label-keys";
import { common_severity_critical } from "~/paraglide/messages/common_severity_critical.js";
import { common_severity_high } from "~/paraglide/messages/common_severity_high.js";
import { common_severity_low } from "~/paraglide/messages/common_severity_low.js";
import { common_severity_medium } from "~/paraglide/messages/common_severity_medium.js";
import { common_status_accepted } from "~/paraglide/messages/common_status_accepted.js";
import { common_status_closed } from "~/paraglide/messages/common_status_closed.js";
import { common_status_mitigating } from "~/paraglide/messages/common_status_mitigating.js";
import { common_status_open } from "~/paraglide/messages/common_status_open.js";
import { records_bandInSentence_critical } from "~/paraglide/messages/records_bandinsentence_critical2.js";
import { records_bandInSentence_high } from "~/paraglide/messages/records_bandinsentence_high2.js";
import { records_bandInSentence_low } from "~/paraglide/messages/records_bandinsentence_low2.js";
import { records_bandInSentence_medium } from "~/paraglide/messages/records_bandinsentence_medium2.js";
import { records_impact_1 } from "~/paraglide/messages/records_impact_1.js";
import { records_impact_2 } from "~/paraglide/messages/records_impact_2.js";
import { records_impact_3 } from "~/paraglide/messages/records_impact_3.js";
import { records_impact_4 } from "~/paraglide/messages/records_impact_4.js";
import { records_impact_5 } from "~/paraglide/messages/records_impact_5.js";
import { records_likelihood_1 } from "~/paraglide/messages/records_likelihood_1.js";
import { records_likelihood_2 } from "~/paraglide/messages/records_likelihood_2.js";
import { records_likelihood_3 } from "~/paraglide/messages/records_likelihood_3.js";
import { records_likelihood_4 } from "~/paraglide/messages/records_likelihood_4.js";
import { records_likelihood_5 } from "~/paraglide/messages/records_likelihood_5.js";
import { records_riskCategory_competition } from "~/paraglide/messages/records_riskcategory_competition1.js";
import { records_riskCategory_data_privacy_security } from "~/paraglide/messages/records_riskcategory_data_privacy_security1.js";
import { records_riskCategory_financial } from "~/paraglide/messages/records_riskcategory_financial1.js";
import { records_riskCategory_market } from "~/paraglide/messages/records_riskcategory_market1.js";
import { records_riskCategory_operational } from "~/paraglide/messages/records_riskcategory_operational1.js";
import { records_riskCategory_regulatory_legal } from "~/paraglide/messages/records_riskcategory_regulatory_legal1.js";
import { records_riskCategory_talent } from "~/paraglide/messages/records_riskcategory_talent1.js";
import { records_riskCategory_technical } from "~/paraglide/messages/records_riskcategory_technical1.js";
import { records_risk_bandsText } from "~/paraglide/messages/records_risk_bandstext1.js";
import { records_risk_heatMapHint } from "~/paraglide/messages/records_risk_heatmaphint2.js";
import { records_risk_reviewOverdueHint } from "~/paraglide/messages/records_risk_reviewoverduehint2.js";
import { records_risk_scoreHint } from "~/paraglide/messages/records_risk_scorehint1.js";

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
  market: records_riskCategory_market,
  technical: records_riskCategory_technical,
  financial: records_riskCategory_financial,
  data_privacy_security: records_riskCategory_data_privacy_security,
  regulatory_legal: records_riskCategory_regulatory_legal,
  competition: records_riskCategory_competition,
  talent: records_riskCategory_talent,
  operational: records_riskCategory_operational,
};
/** English labels, for CSV exports and screens not yet translated. */
export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = labelsIn(RISK_CATEGORY_KEYS);

/** In workflow order, which is also the order the register sorts them in. */
export const RISK_STATUSES = ["open", "mitigating", "accepted", "closed"] as const satisfies readonly RiskStatus[];

export const RISK_STATUS_KEYS: Record<RiskStatus, PlainKey> = {
  open: common_status_open,
  mitigating: common_status_mitigating,
  accepted: common_status_accepted,
  closed: common_status_closed,
};
export const RISK_STATUS_LABELS: Record<RiskStatus, string> = labelsIn(RISK_STATUS_KEYS);

/** The statuses of risks still being worked on: the heat map and top risks count these (one definition, app/finance/risk.ts). */
export const ACTIVE_RISK_STATUSES = HEAT_MAP_RISK_STATUSES;

export const RISK_BAND_KEYS: Record<RiskBand, PlainKey> = {
  low: common_severity_low,
  medium: common_severity_medium,
  high: common_severity_high,
  critical: common_severity_critical,
};
/** The band's name inside a sentence: "score 12, high" (lower case in English). */
export const RISK_BAND_IN_SENTENCE_KEYS: Record<RiskBand, PlainKey> = {
  low: records_bandInSentence_low,
  medium: records_bandInSentence_medium,
  high: records_bandInSentence_high,
  critical: records_bandInSentence_critical,
};
export const RISK_BAND_LABELS: Record<RiskBand, string> = labelsIn(RISK_BAND_KEYS);

export const RISK_BAND_TONES: Record<RiskBand, "neutral" | "good" | "warn" | "bad" | "info"> = {
  low: "good",
  medium: "info",
  high: "warn",
  critical: "bad",
};

/** A step of the 1–5 likelihood and impact scales. */
export type RiskLevel = 1 | 2 | 3 | 4 | 5;
export function isRiskLevel(level: number): level is RiskLevel {
  return Number.isInteger(level) && level >= 1 && level <= 5;
}

/** What each step of the 1–5 scales means, so two people score the same risk alike. */
export const LIKELIHOOD_KEYS: Record<RiskLevel, PlainKey> = {
  1: records_likelihood_1,
  2: records_likelihood_2,
  3: records_likelihood_3,
  4: records_likelihood_4,
  5: records_likelihood_5,
};
export const LIKELIHOOD_LABELS: Record<number, string> = labelsIn(LIKELIHOOD_KEYS);

export const IMPACT_KEYS: Record<RiskLevel, PlainKey> = {
  1: records_impact_1,
  2: records_impact_2,
  3: records_impact_3,
  4: records_impact_4,
  5: records_impact_5,
};
export const IMPACT_LABELS: Record<number, string> = labelsIn(IMPACT_KEYS);

function scoreRange(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** An org's bands in words, e.g. "1–4 low, 5–9 medium, 10–15 high, 16–25 critical" (English unless a locale is given). */
export function riskBandsText(bands: RiskBandThresholds = DEFAULT_RISK_BANDS, locale: Locale = DEFAULT_LOCALE): string {
  return translate(locale, records_risk_bandsText, {
    low: scoreRange(1, bands.mediumFrom - 1),
    medium: scoreRange(bands.mediumFrom, bands.highFrom - 1),
    high: scoreRange(bands.highFrom, bands.criticalFrom - 1),
    critical: scoreRange(bands.criticalFrom, 25),
  });
}

/** The score's definition with the org's own bands (set in the org's settings). */
export function riskScoreHint(bands: RiskBandThresholds = DEFAULT_RISK_BANDS, locale: Locale = DEFAULT_LOCALE): string {
  return translate(locale, records_risk_scoreHint, { bands: riskBandsText(bands, locale) });
}
export const REVIEW_OVERDUE_HINT = translate(DEFAULT_LOCALE, records_risk_reviewOverdueHint);
export const HEAT_MAP_HINT = translate(DEFAULT_LOCALE, records_risk_heatMapHint);

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
