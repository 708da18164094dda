import type { AlertKind } from "~/finance/alerts";
import type { PlainKey } from "~/i18n/translate";
import { investor_alertKind_budget_overrun } from "~/paraglide/messages/investor_alertkind_budget_overrun1.js";
import { investor_alertKind_covenant } from "~/paraglide/messages/investor_alertkind_covenant1.js";
import { investor_alertKind_metric } from "~/paraglide/messages/investor_alertkind_metric1.js";
import { investor_alertKind_default_dead } from "~/paraglide/messages/investor_alertkind_default_dead1.js";
import { investor_alertKind_report_overdue } from "~/paraglide/messages/investor_alertkind_report_overdue1.js";
import { investor_alertKind_risk_score } from "~/paraglide/messages/investor_alertkind_risk_score1.js";
import { investor_alertKind_runway } from "~/paraglide/messages/investor_alertkind_runway1.js";

/** What each kind of early warning is called, as message keys (the alerts feed, the fund's home page). */
export const ALERT_KIND_LABELS: Record<AlertKind, PlainKey> = {
  runway: investor_alertKind_runway,
  report_overdue: investor_alertKind_report_overdue,
  risk_score: investor_alertKind_risk_score,
  budget_overrun: investor_alertKind_budget_overrun,
  covenant: investor_alertKind_covenant,
  default_dead: investor_alertKind_default_dead,
  metric: investor_alertKind_metric,
};
