import { Link } from "@remix-run/react";
import { useT, type PlainKey } from "~/i18n";
import { investor_onboarding_colleague_hint } from "~/paraglide/messages/investor_onboarding_colleague_hint.js";
import { investor_onboarding_colleague_title } from "~/paraglide/messages/investor_onboarding_colleague_title.js";
import { investor_onboarding_company_hint } from "~/paraglide/messages/investor_onboarding_company_hint.js";
import { investor_onboarding_company_title } from "~/paraglide/messages/investor_onboarding_company_title.js";
import { investor_onboarding_done } from "~/paraglide/messages/investor_onboarding_done.js";
import { investor_onboarding_first_month_hint } from "~/paraglide/messages/investor_onboarding_first_month_hint.js";
import { investor_onboarding_first_month_title } from "~/paraglide/messages/investor_onboarding_first_month_title.js";
import { investor_onboarding_investor_hint } from "~/paraglide/messages/investor_onboarding_investor_hint.js";
import { investor_onboarding_investor_title } from "~/paraglide/messages/investor_onboarding_investor_title.js";
import { investor_onboarding_position_hint } from "~/paraglide/messages/investor_onboarding_position_hint.js";
import { investor_onboarding_position_title } from "~/paraglide/messages/investor_onboarding_position_title.js";
import { investor_onboarding_round_hint } from "~/paraglide/messages/investor_onboarding_round_hint.js";
import { investor_onboarding_round_title } from "~/paraglide/messages/investor_onboarding_round_title.js";
import { investor_onboarding_title } from "~/paraglide/messages/investor_onboarding_title.js";
import { investor_onboarding_toDo } from "~/paraglide/messages/investor_onboarding_todo1.js";

const LABELS: Record<string, { title: PlainKey; hint: PlainKey }> = {
  round: { title: investor_onboarding_round_title, hint: investor_onboarding_round_hint },
  first_month: { title: investor_onboarding_first_month_title, hint: investor_onboarding_first_month_hint },
  colleague: { title: investor_onboarding_colleague_title, hint: investor_onboarding_colleague_hint },
  investor: { title: investor_onboarding_investor_title, hint: investor_onboarding_investor_hint },
  company: { title: investor_onboarding_company_title, hint: investor_onboarding_company_hint },
  position: { title: investor_onboarding_position_title, hint: investor_onboarding_position_hint },
};

/**
 * Getting started: shown until every step is done. The steps tick themselves off from the
 * org's data, so there is nothing to dismiss or to keep in sync.
 */
export function OnboardingChecklist({ steps, orgSlug }: { steps: { key: string; done: boolean; href: string }[]; orgSlug: string }) {
  const t = useT();
  const remaining = steps.filter((s) => !s.done).length;
  if (steps.length === 0 || remaining === 0) return null;
  return (
    <section aria-labelledby="onboarding-title" className="mb-6 rounded-lg border border-indigo-200 bg-indigo-50 p-4 print:hidden" data-testid="onboarding">
      <h2 id="onboarding-title" className="font-semibold text-indigo-950">
        {t(investor_onboarding_title, { done: steps.length - remaining, total: steps.length })}
      </h2>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2">
        {steps.map((step) => {
          const keys = LABELS[step.key];
          const label = keys ? { title: t(keys.title), hint: t(keys.hint) } : { title: step.key, hint: "" };
          return (
            <li key={step.key} className="flex items-start gap-2 text-sm" data-done={step.done ? "yes" : "no"}>
              <span
                aria-hidden="true"
                className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full border ${step.done ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-400 bg-white"}`}
              >
                {step.done ? "✓" : ""}
              </span>
              <span>
                {step.done ? (
                  <span className="font-medium text-slate-700 line-through">{label.title}</span>
                ) : (
                  <Link to={`/o/${orgSlug}/${step.href}`} className="font-medium text-indigo-800 underline">
                    {label.title}
                  </Link>
                )}
                <span className="sr-only">{step.done ? t(investor_onboarding_done) : t(investor_onboarding_toDo)}</span>
                <span className="block text-slate-700">{label.hint}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
