import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { RiskFields } from "~/components/risk-fields";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { failureOf, FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { MainWithAside } from "~/components/ui/columns";
import { metaTitle, translate, useFormat, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/server/forms.server";
import { AppError, notFound } from "~/server/http.server";
import {
  IMPACT_KEYS,
  isRiskCategory,
  isRiskLevel,
  LIKELIHOOD_KEYS,
  RISK_BAND_IN_SENTENCE_KEYS,
  RISK_BAND_KEYS,
  RISK_BAND_TONES,
  RISK_CATEGORY_KEYS,
  RISK_STATUS_KEYS,
  riskScoreHint,
} from "~/domain/risk-labels";
import { redirectWithToast, toast } from "~/server/toast.server";
import { riskDeleteSchema, riskUpdateSchema } from "~/domain/risk";
import { deleteRisk, getRisk, updateRisk } from "~/models/risk.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { common_action_delete } from "~/paraglide/messages/common_action_delete.js";
import { common_action_deleting } from "~/paraglide/messages/common_action_deleting.js";
import { common_action_edit } from "~/paraglide/messages/common_action_edit.js";
import { common_action_saving } from "~/paraglide/messages/common_action_saving.js";
import { common_state_saved } from "~/paraglide/messages/common_state_saved.js";
import { records_action_saveChanges } from "~/paraglide/messages/records_action_savechanges1.js";
import { records_col_status } from "~/paraglide/messages/records_col_status.js";
import { records_risk_allRisks } from "~/paraglide/messages/records_risk_allrisks1.js";
import { records_risk_delete } from "~/paraglide/messages/records_risk_delete.js";
import { records_risk_deleteConsequence } from "~/paraglide/messages/records_risk_deleteconsequence1.js";
import { records_risk_deleteDialogTitle } from "~/paraglide/messages/records_risk_deletedialogtitle2.js";
import { records_risk_deleteNote } from "~/paraglide/messages/records_risk_deletenote1.js";
import { records_risk_deleteTick } from "~/paraglide/messages/records_risk_deletetick1.js";
import { records_risk_description } from "~/paraglide/messages/records_risk_description.js";
import { records_risk_details } from "~/paraglide/messages/records_risk_details.js";
import { records_risk_history } from "~/paraglide/messages/records_risk_history.js";
import { records_risk_historyNote } from "~/paraglide/messages/records_risk_historynote1.js";
import { records_risk_history_change } from "~/paraglide/messages/records_risk_history_change.js";
import { records_risk_history_created } from "~/paraglide/messages/records_risk_history_created.js";
import { records_risk_history_formerMember } from "~/paraglide/messages/records_risk_history_formermember1.js";
import { records_risk_history_formula } from "~/paraglide/messages/records_risk_history_formula.js";
import { records_risk_history_impact } from "~/paraglide/messages/records_risk_history_impact.js";
import { records_risk_history_likelihood } from "~/paraglide/messages/records_risk_history_likelihood.js";
import { records_risk_history_noChange } from "~/paraglide/messages/records_risk_history_nochange1.js";
import { records_risk_history_separator } from "~/paraglide/messages/records_risk_history_separator.js";
import { records_risk_history_status } from "~/paraglide/messages/records_risk_history_status.js";
import { records_risk_history_when } from "~/paraglide/messages/records_risk_history_when.js";
import { records_risk_history_who } from "~/paraglide/messages/records_risk_history_who.js";
import { records_risk_impact } from "~/paraglide/messages/records_risk_impact.js";
import { records_risk_level } from "~/paraglide/messages/records_risk_level.js";
import { records_risk_likelihood } from "~/paraglide/messages/records_risk_likelihood.js";
import { records_risk_metaTitle } from "~/paraglide/messages/records_risk_metatitle1.js";
import { records_risk_mitigation } from "~/paraglide/messages/records_risk_mitigation.js";
import { records_risk_nextReview } from "~/paraglide/messages/records_risk_nextreview1.js";
import { records_risk_noHistory } from "~/paraglide/messages/records_risk_nohistory1.js";
import { records_risk_noMitigation } from "~/paraglide/messages/records_risk_nomitigation1.js";
import { records_risk_notScheduled } from "~/paraglide/messages/records_risk_notscheduled1.js";
import { records_risk_overdueSuffix } from "~/paraglide/messages/records_risk_overduesuffix1.js";
import { records_risk_owner } from "~/paraglide/messages/records_risk_owner.js";
import { records_risk_reviewOverdue } from "~/paraglide/messages/records_risk_reviewoverdue1.js";
import { records_risk_reviewOverdueHint } from "~/paraglide/messages/records_risk_reviewoverduehint2.js";
import { records_risk_score } from "~/paraglide/messages/records_risk_score.js";
import { records_risk_scoreWithBand } from "~/paraglide/messages/records_risk_scorewithband2.js";
import { records_risks_deleted } from "~/paraglide/messages/records_risks_deleted.js";
import { records_risks_title } from "~/paraglide/messages/records_risks_title.js";
import { records_validation_checkFields } from "~/paraglide/messages/records_validation_checkfields1.js";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data && "risk" in data ? metaTitle(matches, records_risk_metaTitle, { title: data.risk.title }) : metaTitle(matches, records_risks_title),
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
      const parsed = parseForm(riskDeleteSchema(), formData);
      if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.version ?? parsed.fieldErrors.confirm });
      await deleteRisk(ctx, riskId, parsed.data.version);
      return redirectWithToast(`/o/${ctx.org.slug}/risks`, toast(records_risks_deleted));
    }
    const parsed = parseForm(riskUpdateSchema(), formData);
    if (!parsed.ok)
      return formFailure({
        locale,
        fieldErrors: parsed.fieldErrors,
        formError: parsed.fieldErrors.version ?? translate(locale, records_validation_checkFields),
      });
    const { version, ...input } = parsed.data;
    await updateRisk(ctx, riskId, version, input);
    return redirectWithToast(`/o/${ctx.org.slug}/risks/${riskId}`, toast(common_state_saved));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function RiskPage() {
  const { risk, canEdit, listHref } = useLoaderData<typeof loader>();
  const { errors, formError } = failureOf(useActionData<typeof action>());
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const scoreHint = riskScoreHint(risk.bands, locale);
  const overdueHint = t(records_risk_reviewOverdueHint);
  const category = isRiskCategory(risk.category) ? t(RISK_CATEGORY_KEYS[risk.category]) : risk.category;
  // History is newest first; each row is compared with the one before it in time.
  const changes = risk.history.map((entry, i) => {
    const previous = risk.history[i + 1];
    if (!previous) return t(records_risk_history_created);
    const parts: string[] = [];
    if (previous.likelihood !== entry.likelihood) parts.push(t(records_risk_history_likelihood, { from: previous.likelihood, to: entry.likelihood }));
    if (previous.impact !== entry.impact) parts.push(t(records_risk_history_impact, { from: previous.impact, to: entry.impact }));
    if (previous.status !== entry.status) {
      parts.push(t(records_risk_history_status, { from: t(RISK_STATUS_KEYS[previous.status]), to: t(RISK_STATUS_KEYS[entry.status]) }));
    }
    return parts.join(t(records_risk_history_separator)) || t(records_risk_history_noChange);
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <TextLink to={listHref}>← {t(records_risk_allRisks)}</TextLink>
      </p>
      <PageHeader
        title={risk.title}
        description={t(records_risk_description, { category, status: t(RISK_STATUS_KEYS[risk.status]) })}
        actions={
          <div className="flex items-center gap-2" title={scoreHint}>
            <span className="text-sm text-slate-600">{t(records_risk_score)}</span>
            <span className="text-2xl font-bold">{risk.score}</span>
            <Badge tone={RISK_BAND_TONES[risk.band]}>{t(RISK_BAND_KEYS[risk.band])}</Badge>
            {risk.reviewOverdue ? (
              <span title={overdueHint}>
                <Badge tone="bad">{t(records_risk_reviewOverdue)}</Badge>
              </span>
            ) : null}
          </div>
        }
      />
      <div className="mb-4">
        <FormError error={formError} />
      </div>
      <MainWithAside
        aside={
          canEdit ? (
            <>
              <Card title={t(common_action_edit)}>
                {/* A new version (ours or someone else's) remounts the form with the saved values. */}
                <Form method="post" className="space-y-3" noValidate key={risk.version}>
                  <input type="hidden" name="version" value={risk.version} />
                  <RiskFields errors={errors} values={risk} bands={risk.bands} />
                  <SubmitButton intent="update" pendingText={t(common_action_saving)}>
                    {t(records_action_saveChanges)}
                  </SubmitButton>
                </Form>
              </Card>
              <Card title={t(common_action_delete)}>
                <Form method="post" noValidate>
                  <input type="hidden" name="version" value={risk.version} />
                  <p className="mb-3 text-sm text-slate-600">{t(records_risk_deleteNote)}</p>
                  <ConfirmAction
                    intent="delete"
                    texts={{
                      action: t(records_risk_delete),
                      title: t(records_risk_deleteDialogTitle, { title: risk.title }),
                      consequence: t(records_risk_deleteConsequence),
                      tick: t(records_risk_deleteTick),
                      pending: t(common_action_deleting),
                    }}
                    error={errors.confirm}
                  />
                </Form>
              </Card>
            </>
          ) : null
        }
      >
        <Card title={t(records_risk_details)}>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Detail term={t(records_risk_likelihood)}>
              {t(records_risk_level, { level: risk.likelihood, name: isRiskLevel(risk.likelihood) ? t(LIKELIHOOD_KEYS[risk.likelihood]) : "" })}
            </Detail>
            <Detail term={t(records_risk_impact)}>
              {t(records_risk_level, { level: risk.impact, name: isRiskLevel(risk.impact) ? t(IMPACT_KEYS[risk.impact]) : "" })}
            </Detail>
            <Detail term={t(records_risk_score)} hint={scoreHint}>
              {t(records_risk_scoreWithBand, { score: risk.score, band: t(RISK_BAND_IN_SENTENCE_KEYS[risk.band]) })}
            </Detail>
            <Detail term={t(records_risk_owner)}>{risk.owner ?? "—"}</Detail>
            <Detail term={t(records_col_status)}>{t(RISK_STATUS_KEYS[risk.status])}</Detail>
            <Detail term={t(records_risk_nextReview)} hint={overdueHint}>
              {risk.nextReviewDate ?? t(records_risk_notScheduled)}
              {risk.reviewOverdue ? ` ${t(records_risk_overdueSuffix)}` : ""}
            </Detail>
            <div className="sm:col-span-2">
              <dt className="font-medium text-slate-600">{t(records_risk_mitigation)}</dt>
              <dd className="mt-1 whitespace-pre-wrap">{risk.mitigation ?? t(records_risk_noMitigation)}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t(records_risk_history)}>
          <p className="mb-3 text-sm text-slate-600">{t(records_risk_historyNote)}</p>
          {risk.history.length === 0 ? (
            <EmptyState title={t(records_risk_noHistory)} />
          ) : (
            <Table>
              <TableHead>
                <Th>{t(records_risk_history_when)}</Th>
                <Th>{t(records_risk_history_who)}</Th>
                <Th>{t(records_risk_history_change)}</Th>
                <Th title={scoreHint}>{t(records_risk_history_formula)}</Th>
                <Th last>{t(records_col_status)}</Th>
              </TableHead>
              <tbody>
                {risk.history.map((h, i) => (
                  <Tr key={h.id}>
                    <Td nowrap>{f.dateTime(h.changedAt)}</Td>
                    <Td>{h.changedBy ?? t(records_risk_history_formerMember)}</Td>
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
      </MainWithAside>
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
