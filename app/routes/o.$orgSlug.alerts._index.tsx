import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation, useParams } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireInvestor, requirePermission } from "~/auth/tenant.server";
import { FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import type { AlertKind } from "~/finance/alerts";
import { messageRef, metaTitle, translate, useFormat, useT, type PlainKey, type Translator } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { alertReasonText } from "~/lib/alert-reasons";
import { failureFromError, formFailure, parseForm } from "~/lib/forms.server";
import { ALERT_STATUS_FILTERS, type AlertStatusFilter } from "~/lib/alert-filters";
import { acknowledgeAlert, listAlerts, parseAlertListQuery, syncAlerts } from "~/models/alert.server";
import { Pager } from "~/components/ui/pager";
import { useHrefWith } from "~/lib/use-href-with";
import { samePage } from "~/lib/redirects";
import { redirectWithToast, toast } from "~/lib/toast.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "investor.alerts.title")];

const ALERT_KIND_LABELS: Record<AlertKind, PlainKey> = {
  runway: "investor.alertKind.runway",
  report_overdue: "investor.alertKind.report_overdue",
  risk_score: "investor.alertKind.risk_score",
  budget_overrun: "investor.alertKind.budget_overrun",
  covenant: "investor.alertKind.covenant",
  default_dead: "investor.alertKind.default_dead",
};
const STATUS_LABELS: Record<AlertStatusFilter, PlainKey> = {
  active: "investor.alerts.status.active",
  open: "investor.alerts.status.open",
  acknowledged: "investor.alerts.status.acknowledged",
  resolved: "investor.alerts.status.resolved",
  all: "investor.alerts.status.all",
};

const CHOOSE_ALERT = messageRef("investor.alerts.error.chooseAlert");
const AcknowledgeSchema = z.object({
  alertId: z.string({ error: CHOOSE_ALERT }).trim().pipe(z.uuid({ error: CHOOSE_ALERT })),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  // Alerts follow the data: a startup's change is seen here on the next read, and
  // time-based ones (overdue reports) are decided against today's date.
  await syncAlerts(ctx);
  const query = parseAlertListQuery(new URL(request.url).searchParams);
  const list = await listAlerts(ctx, query);
  return json({ list, canAcknowledge: can(ctx.role, "edit:records"), canManageRules: can(ctx.role, "manage:members") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  const locale = getLocale(request);
  const formData = await request.formData();
  if (formData.get("intent") !== "acknowledge") {
    return formFailure({ fieldErrors: { intent: translate(locale, "investor.alerts.error.unknownAction") }, formError: translate(locale, "investor.alerts.error.unknownActionForm") });
  }
  requirePermission(ctx, "edit:records");
  const parsed = parseForm(AcknowledgeSchema, formData, locale);
  if (!parsed.ok) return formFailure({ fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.alertId ?? translate(locale, "investor.alerts.error.nothingChanged") });
  try {
    await acknowledgeAlert(ctx, parsed.data.alertId);
    return redirectWithToast(samePage(request), toast("investor.alerts.acknowledged"));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

/** "2026-04-15 14:03 UTC" in English, as the feed has always shown it; the locale's own date and time in Chinese. */
function when(t: Translator, dateTime: (iso: string) => string, iso: string) {
  return t.locale === "en" ? `${new Date(iso).toISOString().replace("T", " ").slice(0, 16)} UTC` : dateTime(iso);
}

export default function Alerts() {
  const { list, canAcknowledge, canManageRules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const location = useLocation();
  const orgPath = `/o/${useParams().orgSlug}`;
  const hrefWith = useHrefWith();
  const filtered = list.status !== "active" || list.severity !== null;
  return (
    <>
      <PageHeader
        title={t("investor.alerts.title")}
        description={t("investor.alerts.description")}
        actions={
          <TextLink to={`${orgPath}/alerts/rules`} className="text-sm">
            {canManageRules ? t("investor.alerts.editRules") : t("investor.alerts.seeRules")}
          </TextLink>
        }
      />
      <Card title={t("investor.alerts.card", { count: list.total })}>
        <FormError error={result && !result.ok ? result.formError : undefined} />
        <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("investor.alerts.filter.label")}>
          <div className="w-48">
            <SelectField
              id="filter-status"
              label={t("investor.alerts.filter.status")}
              name="status"
              defaultValue={list.status}
              options={ALERT_STATUS_FILTERS.map((value) => ({ value, label: t(STATUS_LABELS[value]) }))}
            />
          </div>
          <div className="w-44">
            <SelectField
              id="filter-severity"
              label={t("investor.alerts.filter.severity")}
              name="severity"
              defaultValue={list.severity ?? ""}
              options={[
                { value: "", label: t("investor.alerts.filter.anySeverity") },
                { value: "critical", label: t("common.severity.critical") },
                { value: "warning", label: t("common.severity.warning") },
              ]}
            />
          </div>
          <SubmitButton variant="secondary" pendingText={t("investor.filter.pending")}>
            {t("investor.filter.apply")}
          </SubmitButton>
          {filtered ? (
            <TextLink to={location.pathname} className="py-2 text-sm">
              {t("investor.filter.clear")}
            </TextLink>
          ) : null}
        </Form>
        {list.alerts.length === 0 ? (
          filtered ? (
            <EmptyState title={t("investor.alerts.noMatch")}>
              <TextLink to={location.pathname}>
                {t("investor.filter.clear")}
              </TextLink>
            </EmptyState>
          ) : (
            <EmptyState title={t("investor.alerts.empty.title")}>{t("investor.alerts.empty.body")}</EmptyState>
          )
        ) : (
          <AlertTable alerts={list.alerts} orgPath={orgPath} canAcknowledge={canAcknowledge} />
        )}
        <Pager page={list.page} pageCount={list.pageCount} href={(p) => hrefWith({ page: String(p) })} summary={t("investor.alerts.count", { count: list.total })} />
      </Card>
    </>
  );
}

type AlertRow = SerializeFrom<typeof loader>["list"]["alerts"][number];

function AlertTable({ alerts, orgPath, canAcknowledge }: { alerts: AlertRow[]; orgPath: string; canAcknowledge: boolean }) {
  const navigation = useNavigation();
  const t = useT();
  const f = useFormat();
  const pendingId = navigation.state === "submitting" ? navigation.formData?.get("alertId") : null;
  const time = (iso: string) => when(t, f.dateTime, iso);
  const heads: PlainKey[] = ["investor.alerts.head.severity", "investor.table.company", "investor.alerts.head.alert", "investor.alerts.head.firstSeen", "investor.alerts.head.acknowledged"];
  return (
    <Table>
      <TableHead>
        {heads.map((h, index) => (
          <Th key={index}>
            {t(h)}
          </Th>
        ))}
        <Th>
          <span className="sr-only">{t("investor.alerts.head.actions")}</span>
        </Th>
      </TableHead>
      <tbody>
        {alerts.map((a) => (
          <Tr key={a.id} top>
            <Td>
              <Badge tone={a.severity === "critical" ? "bad" : "warn"}>{a.severity === "critical" ? t("common.severity.critical") : t("common.severity.warning")}</Badge>
              {a.resolvedAt ? (
                <span className="mt-1 block text-xs text-slate-500">{t("investor.alerts.resolvedAt", { when: time(a.resolvedAt) })}</span>
              ) : null}
            </Td>
            <Td>
              <TextLink to={`${orgPath}/companies/${a.companySlug}`} className="font-medium">
                {a.companyName}
              </TextLink>
            </Td>
            <td className="max-w-md py-2 pr-4">
              <span className="block font-medium">{t(ALERT_KIND_LABELS[a.kind])}</span>
              {alertReasonText(t.locale, a.reason, { title: a.subjectTitle })}
            </td>
            <Td nowrap>{time(a.firstSeenAt)}</Td>
            <Td>
              {a.acknowledgedAt
                ? t("investor.alerts.acknowledgedBy", { who: a.acknowledgedBy ?? t("investor.alerts.formerMember"), when: time(a.acknowledgedAt) })
                : t("investor.alerts.notYet")}
            </Td>
            <Td>
              {canAcknowledge && !a.acknowledgedAt && !a.resolvedAt ? (
                <Form method="post">
                  <input type="hidden" name="alertId" value={a.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="acknowledge"
                    disabled={pendingId === a.id}
                    aria-label={t("investor.alerts.acknowledgeLabel", { kind: t(ALERT_KIND_LABELS[a.kind]), company: a.companyName })}
                    className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60"
                  >
                    {pendingId === a.id ? t("investor.alerts.acknowledging") : t("investor.alerts.acknowledge")}
                  </button>
                </Form>
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
