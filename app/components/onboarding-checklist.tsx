import { Link } from "@remix-run/react";
import { useT, type PlainKey } from "~/i18n";

const LABELS: Record<string, { title: PlainKey; hint: PlainKey }> = {
  round: { title: "investor.onboarding.round.title", hint: "investor.onboarding.round.hint" },
  first_month: { title: "investor.onboarding.first_month.title", hint: "investor.onboarding.first_month.hint" },
  colleague: { title: "investor.onboarding.colleague.title", hint: "investor.onboarding.colleague.hint" },
  investor: { title: "investor.onboarding.investor.title", hint: "investor.onboarding.investor.hint" },
  company: { title: "investor.onboarding.company.title", hint: "investor.onboarding.company.hint" },
  position: { title: "investor.onboarding.position.title", hint: "investor.onboarding.position.hint" },
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
    <section aria-labelledby="onboarding-title" className="mb-6 rounded-lg border border-indigo-200 bg-indigo-50 p-4" data-testid="onboarding">
      <h2 id="onboarding-title" className="font-semibold text-indigo-950">
        {t("investor.onboarding.title", { done: steps.length - remaining, total: steps.length })}
      </h2>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2">
        {steps.map((step) => {
          const keys = LABELS[step.key];
          const label = keys ? { title: t(keys.title), hint: t(keys.hint) } : { title: step.key, hint: "" };
          return (
            <li key={step.key} className="flex items-start gap-2 text-sm" data-done={step.done ? "yes" : "no"}>
              <span aria-hidden="true" className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full border ${step.done ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-400 bg-white"}`}>
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
                <span className="sr-only">{step.done ? t("investor.onboarding.done") : t("investor.onboarding.toDo")}</span>
                <span className="block text-slate-700">{label.hint}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
