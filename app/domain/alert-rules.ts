import { z } from "zod";
import { alertRulesErrors, type AlertRules } from "~/finance/alerts";
import type { MessageRef } from "~/i18n/message-ref";
import { refAsZodMessage, zodMessage } from "~/i18n/zod-messages";
import { alertRuleErrorRef } from "~/domain/alert-reasons";
import { investor_alertRules_error_dueDay } from "~/paraglide/messages/investor_alertrules_error_dueday2.js";
import { investor_alertRules_error_months } from "~/paraglide/messages/investor_alertrules_error_months1.js";
import { investor_alertRules_error_percent } from "~/paraglide/messages/investor_alertrules_error_percent1.js";
import { investor_alertRules_error_score } from "~/paraglide/messages/investor_alertrules_error_score1.js";
import { investor_alertRules_error_toggle } from "~/paraglide/messages/investor_alertrules_error_toggle1.js";

// An investor's alert rules, once: the rules form (app/routes/o.$orgSlug.alerts.rules.tsx) and
// the model (app/models/alert.server.ts) check them with the limits of finance/alerts.ts,
// the same ones the table's CHECK constraints hold.

// Zod messages are refs (zodMessage); parseForm gives them back as refs and the failure reply renders them in the request's language.
const ruleMessages = () => ({
  months: zodMessage(investor_alertRules_error_months),
  dueDay: zodMessage(investor_alertRules_error_dueDay),
  score: zodMessage(investor_alertRules_error_score),
  percent: zodMessage(investor_alertRules_error_percent),
});

/** A checkbox: ticked sends "on"; unticked sends nothing. Anything else is refused, not guessed. */
const toggle = () =>
  z
    .union([z.boolean(), z.string()])
    .optional()
    .refine(
      (v) => v === undefined || typeof v === "boolean" || ["on", "true", "1", "off", "false", "0", ""].includes(v),
      zodMessage(investor_alertRules_error_toggle),
    )
    .transform((v) => v === true || v === "on" || v === "true" || v === "1");
const decimal = (pattern: RegExp, message: string) => z.coerce.string().trim().regex(pattern, message).transform(Number);

/**
 * The rules form. Field names are the form's; the budget threshold is a percentage here
 * and basis points in storage. Cross-field limits come from `alertRulesErrors`, the same
 * ones the table's CHECK constraints hold.
 */
export function alertRulesSchema() {
  const m = ruleMessages();
  return z
    .object({
      runwayEnabled: toggle(),
      runwayCautionMonths: decimal(/^\d{1,3}(\.\d)?$/, m.months),
      runwayCriticalMonths: decimal(/^\d{1,3}(\.\d)?$/, m.months),
      overdueEnabled: toggle(),
      reportDueDay: decimal(/^\d{1,2}$/, m.dueDay).refine((n) => n >= 1 && n <= 28, m.dueDay),
      riskEnabled: toggle(),
      riskScoreMin: decimal(/^\d{1,2}$/, m.score).refine((n) => n >= 1 && n <= 25, m.score),
      budgetEnabled: toggle(),
      budgetOverrunPercent: decimal(/^\d{1,4}(\.\d{1,2})?$/, m.percent).refine((n) => n <= 1000, m.percent),
      covenantEnabled: toggle(),
      defaultDeadEnabled: toggle(),
    })
    .transform(({ budgetOverrunPercent, ...rest }): AlertRules => ({ ...rest, budgetOverrunBp: Math.round(budgetOverrunPercent * 100) }))
    .superRefine((rules, issues) => {
      for (const [field, ref] of Object.entries(alertRuleFieldErrors(rules))) issues.addIssue({ code: "custom", path: [field], message: refAsZodMessage(ref) });
    });
}

/** The model's check (direct callers): the same limits, keyed by the form's field names. */
export function alertRuleFieldErrors(rules: AlertRules): Record<string, MessageRef> {
  const errors: Record<string, MessageRef> = {};
  for (const [field, error] of Object.entries(alertRulesErrors(rules)))
    errors[field === "budgetOverrunBp" ? "budgetOverrunPercent" : field] = alertRuleErrorRef(error);
  return errors;
}
