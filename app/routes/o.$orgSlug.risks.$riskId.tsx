import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { RiskFields } from "~/components/risk-fields";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { metaTitle, translate, useFormat, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/lib/forms.server";
import { AppError, notFound } from "~/lib/http.server";
import {
  IMPACT_KEYS,
  isRiskCategory,
  LIKELIHOOD_KEYS,
  RISK_BAND_IN_SENTENCE_KEYS,
  RISK_BAND_KEYS,
  RISK_BAND_TONES,
  RISK_CATEGORY_KEYS,
  RISK_STATUS_KEYS,
  riskScoreHint,
} from "~/lib/risk-labels";
import { redirectWithToast, toast } from "~/lib/toast.server";
import { riskDeleteSchema, riskUpdateSchema } from "~/domain/risk";
import { deleteRisk, getRisk, updateRisk } from "~/models/risk.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data && "risk" in data ? metaTitle(matches, "records.risk.metaTitle", { title: data.risk.title }) : metaTitle(matches, "records.risks.title"),
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
  const locale = getLocale(request);
  const formData = await request.formData();
  try {
    if (formData.get("intent") === "delete") {
      const parsed = parseForm(riskDeleteSchema(), formData, locale);
      if (!parsed.ok) return formFailure({ fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.version ?? parsed.fieldErrors.confirm });
      await deleteRisk(ctx, riskId, parsed.data.version);
      return redirectWithToast(`/o/${ctx.org.slug}/risks`, toast("records.risks.deleted"));
    }
    const parsed = parseForm(riskUpdateSchema(), formData, locale);
    if (!parsed.ok) return formFailure({ fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.version ?? translate(locale, "records.validation.checkFields") });
    const { version, ...input } = parsed.data;
    await updateRisk(ctx, riskId, version, input);
    return redirectWithToast(`/o/${ctx.org.slug}/risks/${riskId}`, toast("common.state.saved"));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function RiskPage() {
  const { risk, canEdit, listHref } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const scoreHint = riskScoreHint(risk.bands, locale);
  const overdueHint = t("records.risk.reviewOverdueHint");
  const category = isRiskCategory(risk.category) ? t(RISK_CATEGORY_KEYS[risk.category]) : risk.category;
  // History is newest first; each row is compared with the one before it in time.
  const changes = risk.history.map((entry, i) => {
    const previous = risk.history[i + 1];
    if (!previous) return t("records.risk.history.created");
    const parts: string[] = [];
    if (previous.likelihood !== entry.likelihood) parts.push(t("records.risk.history.likelihood", { from: previous.likelihood, to: entry.likelihood }));
    if (previous.impact !== entry.impact) parts.push(t("records.risk.history.impact", { from: previous.impact, to: entry.impact }));
    if (previous.status !== entry.status) {
      parts.push(t("records.risk.history.status", { from: t(RISK_STATUS_KEYS[previous.status]), to: t(RISK_STATUS_KEYS[entry.status]) }));
    }
    return parts.join(t("records.risk.history.separator")) || t("records.risk.history.noChange");
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <TextLink to={listHref}>
          ← {t("records.risk.allRisks")}
        </TextLink>
      </p>
      <PageHeader
        title={risk.title}
        description={t("records.risk.description", { category, status: t(RISK_STATUS_KEYS[risk.status]) })}
        actions={
          <div className="flex items-center gap-2" title={scoreHint}>
            <span className="text-sm text-slate-600">{t("records.risk.score")}</span>
            <span className="text-2xl font-bold">{risk.score}</span>
            <Badge tone={RISK_BAND_TONES[risk.band]}>{t(RISK_BAND_KEYS[risk.band])}</Badge>
            {risk.reviewOverdue ? (
              <span title={overdueHint}>
                <Badge tone="bad">{t("records.risk.reviewOverdue")}</Badge>
              </span>
            ) : null}
          </div>
        }
      />
      <div className="mb-4">
        <FormError error={result && !result.ok ? result.formError : undefined} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("records.risk.details")}>
            <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Detail term={t("records.risk.likelihood")}>
                {t("records.risk.level", { level: risk.likelihood, name: LIKELIHOOD_KEYS[risk.likelihood] ? t(LIKELIHOOD_KEYS[risk.likelihood]) : "" })}
              </Detail>
              <Detail term={t("records.risk.impact")}>
                {t("records.risk.level", { level: risk.impact, name: IMPACT_KEYS[risk.impact] ? t(IMPACT_KEYS[risk.impact]) : "" })}
              </Detail>
              <Detail term={t("records.risk.score")} hint={scoreHint}>
                {t("records.risk.scoreWithBand", { score: risk.score, band: t(RISK_BAND_IN_SENTENCE_KEYS[risk.band]) })}
              </Detail>
              <Detail term={t("records.risk.owner")}>{risk.owner ?? "—"}</Detail>
              <Detail term={t("records.col.status")}>{t(RISK_STATUS_KEYS[risk.status])}</Detail>
              <Detail term={t("records.risk.nextReview")} hint={overdueHint}>
                {risk.nextReviewDate ?? t("records.risk.notScheduled")}
                {risk.reviewOverdue ? ` ${t("records.risk.overdueSuffix")}` : ""}
              </Detail>
              <div className="sm:col-span-2">
                <dt className="font-medium text-slate-600">{t("records.risk.mitigation")}</dt>
                <dd className="mt-1 whitespace-pre-wrap">{risk.mitigation ?? t("records.risk.noMitigation")}</dd>
              </div>
            </dl>
          </Card>
          <Card title={t("records.risk.history")}>
            <p className="mb-3 text-sm text-slate-600">{t("records.risk.historyNote")}</p>
            {risk.history.length === 0 ? (
              <EmptyState title={t("records.risk.noHistory")} />
            ) : (
              <Table>
                <TableHead>
                  <Th>
                    {t("records.risk.history.when")}
                  </Th>
                  <Th>
                    {t("records.risk.history.who")}
                  </Th>
                  <Th>
                    {t("records.risk.history.change")}
                  </Th>
                  <Th title={scoreHint}>
                    {t("records.risk.history.formula")}
                  </Th>
                  <Th last>
                    {t("records.col.status")}
                  </Th>
                </TableHead>
                <tbody>
                  {risk.history.map((h, i) => (
                    <Tr key={h.id}>
                      <Td nowrap>{f.dateTime(h.changedAt)}</Td>
                      <Td>{h.changedBy ?? t("records.risk.history.formerMember")}</Td>
                      <Td>{changes[i]}</Td>
                      <Td>
                        {h.likelihood} × {h.impact} = {h.score}
                      </Td>
                      <Td last>{t(RISK_STATUS_KEYS[h.status])}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </div>
        {canEdit ? (
          <div className="space-y-6">
            <Card title={t("common.action.edit")}>
              {/* A new version (ours or someone else's) remounts the form with the saved values. */}
              <Form method="post" className="space-y-3" noValidate key={risk.version}>
                <input type="hidden" name="version" value={risk.version} />
                <RiskFields errors={errors} values={risk} bands={risk.bands} />
                <SubmitButton intent="update" pendingText={t("common.action.saving")}>
                  {t("records.action.saveChanges")}
                </SubmitButton>
              </Form>
            </Card>
            <Card title={t("common.action.delete")}>
              <Form method="post" noValidate>
                <input type="hidden" name="version" value={risk.version} />
                <p className="mb-3 text-sm text-slate-600">{t("records.risk.deleteNote")}</p>
                <ConfirmAction
                  intent="delete"
                  texts={{
                    action: t("records.risk.delete"),
                    title: t("records.risk.deleteDialogTitle", { title: risk.title }),
                    consequence: t("records.risk.deleteConsequence"),
                    tick: t("records.risk.deleteTick"),
                    pending: t("common.action.deleting"),
                  }}
                  error={errors.confirm}
                />
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
