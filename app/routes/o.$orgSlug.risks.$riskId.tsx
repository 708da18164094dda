import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { RiskFields } from "~/components/risk-fields";
import { FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { appErrorResponse, invalid, parseForm } from "~/lib/forms.server";
import { AppError, notFound } from "~/lib/http.server";
import {
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  REVIEW_OVERDUE_HINT,
  RISK_BAND_LABELS,
  RISK_BAND_TONES,
  RISK_CATEGORY_LABELS,
  RISK_STATUS_LABELS,
  riskScoreHint,
} from "~/lib/risk-labels";
import { deleteRisk, getRisk, RiskDeleteSchema, RiskUpdateSchema, updateRisk } from "~/models/risk.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "risk" in data ? data.risk.title : "Risk"} · Risks · Capital Desk` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  try {
    const risk = await getRisk(ctx, params.riskId ?? "");
    return json({ risk, canEdit: can(ctx.role, "edit:records"), listHref: `/o/${ctx.org.slug}/risks` });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  const riskId = params.riskId ?? "";
  const formData = await request.formData();
  try {
    if (formData.get("intent") === "delete") {
      const parsed = parseForm(RiskDeleteSchema, formData);
      if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.fieldErrors.version);
      await deleteRisk(ctx, riskId, parsed.data.version);
      return redirect(`/o/${ctx.org.slug}/risks?deleted=1`);
    }
    const parsed = parseForm(RiskUpdateSchema, formData);
    if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.fieldErrors.version ?? "Check the highlighted fields.");
    const { version, ...input } = parsed.data;
    const risk = await updateRisk(ctx, riskId, version, input);
    return json({ ok: true as const, version: risk.version });
  } catch (error) {
    return appErrorResponse(error);
  }
}

export default function RiskPage() {
  const { risk, canEdit, listHref } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const scoreHint = riskScoreHint(risk.bands);
  // History is newest first; each row is compared with the one before it in time.
  const changes = risk.history.map((entry, i) => {
    const previous = risk.history[i + 1];
    if (!previous) return "Created";
    const parts: string[] = [];
    if (previous.likelihood !== entry.likelihood) parts.push(`Likelihood ${previous.likelihood} → ${entry.likelihood}`);
    if (previous.impact !== entry.impact) parts.push(`Impact ${previous.impact} → ${entry.impact}`);
    if (previous.status !== entry.status) parts.push(`Status ${RISK_STATUS_LABELS[previous.status]} → ${RISK_STATUS_LABELS[entry.status]}`);
    return parts.join("; ") || "No change";
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={listHref} className="text-indigo-700 underline">
          ← All risks
        </Link>
      </p>
      <PageHeader
        title={risk.title}
        description={`${RISK_CATEGORY_LABELS[risk.category] ?? risk.category} risk · ${RISK_STATUS_LABELS[risk.status]}`}
        actions={
          <div className="flex items-center gap-2" title={scoreHint}>
            <span className="text-sm text-slate-600">Score</span>
            <span className="text-2xl font-bold">{risk.score}</span>
            <Badge tone={RISK_BAND_TONES[risk.band]}>{RISK_BAND_LABELS[risk.band]}</Badge>
            {risk.reviewOverdue ? (
              <span title={REVIEW_OVERDUE_HINT}>
                <Badge tone="bad">Review overdue</Badge>
              </span>
            ) : null}
          </div>
        }
      />
      {result?.ok ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          Saved.
        </p>
      ) : null}
      <div className="mb-4">
        <FormError error={result && !result.ok ? result.formError : undefined} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Details">
            <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Detail term="Likelihood">
                {risk.likelihood} · {LIKELIHOOD_LABELS[risk.likelihood]}
              </Detail>
              <Detail term="Impact">
                {risk.impact} · {IMPACT_LABELS[risk.impact]}
              </Detail>
              <Detail term="Score" hint={scoreHint}>
                {risk.score} ({RISK_BAND_LABELS[risk.band].toLowerCase()})
              </Detail>
              <Detail term="Owner">{risk.owner ?? "—"}</Detail>
              <Detail term="Status">{RISK_STATUS_LABELS[risk.status]}</Detail>
              <Detail term="Next review" hint={REVIEW_OVERDUE_HINT}>
                {risk.nextReviewDate ?? "Not scheduled"}
                {risk.reviewOverdue ? " (overdue)" : ""}
              </Detail>
              <div className="sm:col-span-2">
                <dt className="font-medium text-slate-600">Mitigation plan</dt>
                <dd className="mt-1 whitespace-pre-wrap">{risk.mitigation ?? "None written yet."}</dd>
              </div>
            </dl>
          </Card>
          <Card title="History">
            <p className="mb-3 text-sm text-slate-600">Every change of likelihood, impact or status, newest first. Other edits are in the audit log.</p>
            {risk.history.length === 0 ? (
              <EmptyState title="No history recorded" />
            ) : (
              <TableScroller>
                <table className="min-w-full text-sm">
                  <thead>
                    <tr className="border-b text-left text-slate-600">
                      <th scope="col" className="py-2 pr-4 font-medium">
                        When (UTC)
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Who
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium">
                        Change
                      </th>
                      <th scope="col" className="py-2 pr-4 font-medium" title={scoreHint}>
                        Likelihood × impact = score
                      </th>
                      <th scope="col" className="py-2 font-medium">
                        Status
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {risk.history.map((h, i) => (
                      <tr key={h.id} className="border-b last:border-0">
                        <td className="whitespace-nowrap py-2 pr-4">{new Date(h.changedAt).toISOString().replace("T", " ").slice(0, 16)}</td>
                        <td className="py-2 pr-4">{h.changedBy ?? "A former member"}</td>
                        <td className="py-2 pr-4">{changes[i]}</td>
                        <td className="py-2 pr-4">
                          {h.likelihood} × {h.impact} = {h.score}
                        </td>
                        <td className="py-2">{RISK_STATUS_LABELS[h.status]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
            )}
          </Card>
        </div>
        {canEdit ? (
          <div className="space-y-6">
            <Card title="Edit">
              {/* A new version (ours or someone else's) remounts the form with the saved values. */}
              <Form method="post" className="space-y-3" noValidate key={risk.version}>
                <input type="hidden" name="version" value={risk.version} />
                <RiskFields errors={errors} values={risk} bands={risk.bands} />
                <SubmitButton intent="update" pendingText="Saving…">
                  Save changes
                </SubmitButton>
              </Form>
            </Card>
            <Card title="Delete">
              <Form
                method="post"
                onSubmit={(event) => {
                  if (!window.confirm(`Delete the risk “${risk.title}” and its history? This cannot be undone.`)) event.preventDefault();
                }}
              >
                <input type="hidden" name="version" value={risk.version} />
                <p className="mb-3 text-sm text-slate-600">Removes the risk and its history. The audit log keeps a record of what it was.</p>
                <SubmitButton intent="delete" variant="danger" pendingText="Deleting…">
                  Delete risk
                </SubmitButton>
              </Form>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}

function Detail({ term, hint, children }: { term: string; hint?: string; children: ReactNode }) {
  return (
    <div title={hint}>
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}
