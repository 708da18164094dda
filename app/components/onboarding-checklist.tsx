import { Link } from "@remix-run/react";

const LABELS: Record<string, { title: string; hint: string }> = {
  round: { title: "Add a funding round", hint: "Angel, seed, SAFE, debt… post-money and dilution are derived." },
  first_month: { title: "Enter your first month", hint: "Cash, revenue and spend by category: burn and runway start here." },
  colleague: { title: "Invite a colleague", hint: "Owners, admins, members and read-only viewers." },
  investor: { title: "Link an investor", hint: "Approve a request or share chosen sections with a fund." },
  company: { title: "Link a company", hint: "Ask a startup for access with its share code." },
  position: { title: "Record a position", hint: "What the fund invested, for MOIC per company and overall." },
};

/**
 * Getting started: shown until every step is done. The steps tick themselves off from the
 * org's data, so there is nothing to dismiss or to keep in sync.
 */
export function OnboardingChecklist({ steps, orgSlug }: { steps: { key: string; done: boolean; href: string }[]; orgSlug: string }) {
  const remaining = steps.filter((s) => !s.done).length;
  if (steps.length === 0 || remaining === 0) return null;
  return (
    <section aria-labelledby="onboarding-title" className="mb-6 rounded-lg border border-indigo-200 bg-indigo-50 p-4" data-testid="onboarding">
      <h2 id="onboarding-title" className="font-semibold text-indigo-950">
        Getting started · {steps.length - remaining} of {steps.length} done
      </h2>
      <ol className="mt-3 grid gap-2 sm:grid-cols-2">
        {steps.map((step) => {
          const label = LABELS[step.key] ?? { title: step.key, hint: "" };
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
                <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
                <span className="block text-slate-700">{label.hint}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
