import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { Card, PageHeader } from "~/components/ui/layout";
import { appErrorResponse, invalid, invalidSubmission, parseForm } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { AlertRulesSchema, getAlertRules, saveAlertRules } from "~/models/alert.server";

export const meta: MetaFunction = () => [{ title: "Alert rules · Capital Desk" }];

const RELOAD = "This form is missing its version. Reload the page and try again.";
const VersionSchema = z.object({ version: z.string({ error: RELOAD }).regex(/^\d{1,9}$/, RELOAD).transform(Number) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "investor") notFound();
  const { rules, version } = await getAlertRules(ctx);
  return json({ rules, version, canEdit: can(ctx.role, "manage:members") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "investor") notFound();
  requirePermission(ctx, "manage:members");
  const formData = await request.formData();
  const version = parseForm(VersionSchema, formData);
  if (!version.ok) return invalid({}, version.fieldErrors.version);
  const parsed = parseForm(AlertRulesSchema, formData);
  if (!parsed.ok) return invalidSubmission(parsed.fieldErrors, formData);
  try {
    const saved = await saveAlertRules(ctx, version.data.version, parsed.data);
    return json({ ok: true as const, version: saved.version });
  } catch (error) {
    return appErrorResponse(error);
  }
}

export default function AlertRulesPage() {
  const { rules, version, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { orgSlug } = useParams();
  const errors: Record<string, string> = result && !result.ok ? result.fieldErrors : {};
  const typed = result && !result.ok ? (result as { values?: Record<string, string> }).values : undefined;
  // After a refused save the form shows what was typed; otherwise the stored rules.
  const value = (name: string, stored: number) => typed?.[name] ?? String(stored);
  const checked = (name: string, stored: boolean) => (typed ? typed[name] !== undefined : stored);
  const percent = rules.budgetOverrunBp / 100;

  const toggle = (name: string, stored: boolean, label: string) => (
    <label className="flex items-center gap-2 text-sm font-medium">
      <input type="checkbox" name={name} defaultChecked={checked(name, stored)} className="h-4 w-4 rounded border-slate-300" />
      {label}
    </label>
  );

  return (
    <>
      <PageHeader
        title="Alert rules"
        description="When a linked company crosses one of these rules, an early warning appears on the alerts page. Only data a company shares with you is checked."
        actions={
          <Link to={`/o/${orgSlug}/alerts`} className="text-sm text-indigo-700 underline">
            Back to alerts
          </Link>
        }
      />
      <Card>
        {result?.ok ? (
          <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
            Rules saved. Alerts follow them the next time the alerts page loads.
          </p>
        ) : null}
        {!canEdit ? (
          <p className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700">Only owners and admins can change these rules; you can read them.</p>
        ) : null}
        <Form method="post" className="max-w-2xl space-y-6" noValidate key={`${version}-${typed ? "typed" : "stored"}`}>
          <FormError error={result && !result.ok ? result.formError : undefined} />
          <input type="hidden" name="version" value={version} />
          <fieldset disabled={!canEdit} className="space-y-6">
            <Rule
              toggle={toggle("runwayEnabled", rules.runwayEnabled, "Runway")}
              definition="Runway = cash at the last reported month ÷ average net burn of the last 3 reported months. Below the caution threshold is a warning; below the critical threshold is critical. Companies that are not burning cash are never flagged."
            >
              <div className="grid grid-cols-2 gap-3">
                <Field label="Caution below (months)" name="runwayCautionMonths" inputMode="decimal" defaultValue={value("runwayCautionMonths", rules.runwayCautionMonths)} hint="Default 6. At most 120." error={errors.runwayCautionMonths} />
                <Field label="Critical below (months)" name="runwayCriticalMonths" inputMode="decimal" defaultValue={value("runwayCriticalMonths", rules.runwayCriticalMonths)} hint="Default 3. Above 0, below the caution value." error={errors.runwayCriticalMonths} />
              </div>
            </Rule>
            <Rule
              toggle={toggle("overdueEnabled", rules.overdueEnabled, "Report overdue")}
              definition="A warning when the report for the month after the company's last report is not in by this day of the following month (the October report is due by this day of November). Companies that have never filed a report are not flagged."
            >
              <div className="w-48">
                <Field label="Due by day of the next month" name="reportDueDay" inputMode="numeric" defaultValue={value("reportDueDay", rules.reportDueDay)} hint="Default 15. 1 to 28." error={errors.reportDueDay} />
              </div>
            </Rule>
            <Rule
              toggle={toggle("riskEnabled", rules.riskEnabled, "Risk score")}
              definition="A critical alert for each open or mitigating risk whose score (likelihood × impact, 1–25) is at least this value. Needs the risks section."
            >
              <div className="w-48">
                <Field label="Minimum score" name="riskScoreMin" inputMode="numeric" defaultValue={value("riskScoreMin", rules.riskScoreMin)} hint="Default 16. 1 to 25." error={errors.riskScoreMin} />
              </div>
            </Rule>
            <Rule
              toggle={toggle("budgetEnabled", rules.budgetEnabled, "Budget overrun")}
              definition="A warning when the last reported month's total operating spend is more than this percentage above that month's budget (spend against a zero budget always counts). Needs the financials and budgets sections."
            >
              <div className="w-48">
                <Field label="More than (% over budget)" name="budgetOverrunPercent" inputMode="decimal" defaultValue={typed?.budgetOverrunPercent ?? String(percent)} hint="Default 10. 0 to 1000." error={errors.budgetOverrunPercent} />
              </div>
            </Rule>
            <Rule
              toggle={toggle("covenantEnabled", rules.covenantEnabled, "Covenant breach")}
              definition="Critical when cash at the last reported month is below a debt facility's minimum cash; a warning when the cash-out forecast crosses the minimum within 3 months. Needs the financials and funding & debt sections."
            />
            <Rule
              toggle={toggle("defaultDeadEnabled", rules.defaultDeadEnabled, "Default dead")}
              definition="A warning when, holding expenses and growing revenue at the last three months' rate, the company runs out of cash before revenue covers expenses (Paul Graham's default alive test)."
            />
          </fieldset>
          {errors.version ? <p className="text-sm text-red-700">{errors.version}</p> : null}
          {canEdit ? <SubmitButton pendingText="Saving…">Save rules</SubmitButton> : null}
        </Form>
      </Card>
    </>
  );
}

function Rule({ toggle, definition, children }: { toggle: ReactNode; definition: string; children?: ReactNode }) {
  return (
    <div className="space-y-3 border-b border-slate-100 pb-5 last:border-0">
      {toggle}
      <p className="text-sm text-slate-600">{definition}</p>
      {children}
    </div>
  );
}
