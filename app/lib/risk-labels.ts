import { DEFAULT_RISK_BANDS, type RiskBand, type RiskBandThresholds, type RiskStatus } from "~/finance";

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

export const RISK_CATEGORY_LABELS: Record<RiskCategory, string> = {
  market: "Market",
  technical: "Technical",
  financial: "Financial",
  data_privacy_security: "Data privacy & security",
  regulatory_legal: "Regulatory & legal",
  competition: "Competition",
  talent: "Talent",
  operational: "Operational",
};

/** In workflow order, which is also the order the register sorts them in. */
export const RISK_STATUSES = ["open", "mitigating", "accepted", "closed"] as const satisfies readonly RiskStatus[];

export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  open: "Open",
  mitigating: "Mitigating",
  accepted: "Accepted",
  closed: "Closed",
};

/** The statuses of risks still being worked on: the heat map and top risks count these. */
export const ACTIVE_RISK_STATUSES = ["open", "mitigating"] as const satisfies readonly RiskStatus[];

export const RISK_BAND_LABELS: Record<RiskBand, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const RISK_BAND_TONES: Record<RiskBand, "neutral" | "good" | "warn" | "bad" | "info"> = {
  low: "good",
  medium: "info",
  high: "warn",
  critical: "bad",
};

/** What each step of the 1–5 scales means, so two people score the same risk alike. */
export const LIKELIHOOD_LABELS: Record<number, string> = {
  1: "Rare",
  2: "Unlikely",
  3: "Possible",
  4: "Likely",
  5: "Almost certain",
};

export const IMPACT_LABELS: Record<number, string> = {
  1: "Negligible",
  2: "Minor",
  3: "Moderate",
  4: "Major",
  5: "Severe",
};

function scoreRange(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** An org's bands in words, e.g. "1–4 low, 5–9 medium, 10–15 high, 16–25 critical". */
export function riskBandsText(bands: RiskBandThresholds = DEFAULT_RISK_BANDS): string {
  return [
    `${scoreRange(1, bands.mediumFrom - 1)} low`,
    `${scoreRange(bands.mediumFrom, bands.highFrom - 1)} medium`,
    `${scoreRange(bands.highFrom, bands.criticalFrom - 1)} high`,
    `${scoreRange(bands.criticalFrom, 25)} critical`,
  ].join(", ");
}

/** The score's definition with the org's own bands (set in the org's settings). */
export function riskScoreHint(bands: RiskBandThresholds = DEFAULT_RISK_BANDS): string {
  return `Score = likelihood × impact (1–25). Bands: ${riskBandsText(bands)}.`;
}
export const REVIEW_OVERDUE_HINT = "Overdue: the next review date has passed and the risk is still open or mitigating.";
export const HEAT_MAP_HINT = "Counts open and mitigating risks; accepted and closed risks are left out.";

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
