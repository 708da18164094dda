import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation, useParams } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireInvestor, requirePermission } from "~/auth/tenant.server";
import { FormError } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { ALERT_KIND_LABELS } from "~/domain/alert-kinds";
import { messageRef, metaTitle, translate, useFormat, useT, zodMessage, type PlainKey, type Translator } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { alertReasonText } from "~/domain/alert-reasons";
import { failureFromError, formFailure, parseForm } from "~/server/forms.server";
import { ALERT_STATUS_FILTERS, type AlertStatusFilter } from "~/domain/alert-filters";
import { acknowledgeAlert, listAlerts, parseAlertListQuery, syncAlerts } from "~/models/alert.server";
import { FilterForm, FilterSelect, ListPager, NoRows } from "~/components/list-filters";
import { useHrefWith } from "~/components/use-href-with";
import { samePage } from "~/lib/redirects";
import { redirectWithToast, toast } from "~/server/toast.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { common_severity_critical } from "~/paraglide/messages/common_severity_critical.js";
import { common_severity_warning } from "~/paraglide/messages/common_severity_warning.js";
import { investor_alerts_acknowledge } from "~/paraglide/messages/investor_alerts_acknowledge.js";
import { investor_alerts_acknowledgeLabel } from "~/paraglide/messages/investor_alerts_acknowledgelabel1.js";
import { investor_alerts_acknowledged } from "~/paraglide/messages/investor_alerts_acknowledged.js";
import { investor_alerts_acknowledgedBy } from "~/paraglide/messages/investor_alerts_acknowledgedby1.js";
import { investor_alerts_acknowledging } from "~/paraglide/messages/investor_alerts_acknowledging.js";
import { investor_alerts_card } from "~/paraglide/messages/investor_alerts_card.js";
import { investor_alerts_count } from "~/paraglide/messages/investor_alerts_count.js";
import { investor_alerts_description } from "~/paraglide/messages/investor_alerts_description.js";
import { investor_alerts_editRules } from "~/paraglide/messages/investor_alerts_editrules1.js";
import { investor_alerts_empty_body } from "~/paraglide/messages/investor_alerts_empty_body.js";
import { investor_alerts_empty_title } from "~/paraglide/messages/investor_alerts_empty_title.js";
import { investor_alerts_error_chooseAlert } from "~/paraglide/messages/investor_alerts_error_choosealert1.js";
import { investor_alerts_error_nothingChanged } from "~/paraglide/messages/investor_alerts_error_nothingchanged1.js";
import { investor_alerts_error_unknownAction } from "~/paraglide/messages/investor_alerts_error_unknownaction1.js";
import { investor_alerts_error_unknownActionForm } from "~/paraglide/messages/investor_alerts_error_unknownactionform2.js";
import { investor_alerts_filter_anySeverity } from "~/paraglide/messages/investor_alerts_filter_anyseverity1.js";
import { investor_alerts_filter_label } from "~/paraglide/messages/investor_alerts_filter_label.js";
import { investor_alerts_filter_severity } from "~/paraglide/messages/investor_alerts_filter_severity.js";
import { investor_alerts_filter_status } from "~/paraglide/messages/investor_alerts_filter_status.js";
import { investor_alerts_formerMember } from "~/paraglide/messages/investor_alerts_formermember1.js";
import { investor_alerts_head_acknowledged } from "~/paraglide/messages/investor_alerts_head_acknowledged.js";
import { investor_alerts_head_actions } from "~/paraglide/messages/investor_alerts_head_actions.js";
import { investor_alerts_head_alert } from "~/paraglide/messages/investor_alerts_head_alert.js";
import { investor_alerts_head_firstSeen } from "~/paraglide/messages/investor_alerts_head_firstseen1.js";
import { investor_alerts_head_severity } from "~/paraglide/messages/investor_alerts_head_severity.js";
import { investor_alerts_noMatch } from "~/paraglide/messages/investor_alerts_nomatch1.js";
import { investor_alerts_notYet } from "~/paraglide/messages/investor_alerts_notyet1.js";
import { investor_alerts_resolvedAt } from "~/paraglide/messages/investor_alerts_resolvedat1.js";
import { investor_alerts_seeRules } from "~/paraglide/messages/investor_alerts_seerules1.js";
import { investor_alerts_status_acknowledged } from "~/paraglide/messages/investor_alerts_status_acknowledged.js";
import { investor_alerts_status_active } from "~/paraglide/messages/investor_alerts_status_active.js";
import { investor_alerts_status_all } from "~/paraglide/messages/investor_alerts_status_all.js";
import { investor_alerts_status_open } from "~/paraglide/messages/investor_alerts_status_open.js";
import { investor_alerts_status_resolved } from "~/paraglide/messages/investor_alerts_status_resolved.js";
import { investor_alerts_title } from "~/paraglide/messages/investor_alerts_title.js";
import { investor_filter_apply } from "~/paraglide/messages/investor_filter_apply.js";
import { investor_filter_clear } from "~/paraglide/messages/investor_filter_clear.js";
import { investor_filter_pending } from "~/paraglide/messages/investor_filter_pending.js";
import { investor_table_company } from "~/paraglide/messages/investor_table_company.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_alerts_title)];

const STATUS_LABELS: Record<AlertStatusFilter, PlainKey> = {
  active: investor_alerts_status_active,
  open: investor_alerts_status_open,
  acknowledged: investor_alerts_status_acknowledged,
  resolved: investor_alerts_status_resolved,
  all: investor_alerts_status_all,
};

const CHOOSE_ALERT = zodMessage(investor_alerts_error_chooseAlert);
const AcknowledgeSchema = z.object({
  alertId: z
    .string({ error: CHOOSE_ALERT })
    .trim()
    .pipe(z.uuid({ error: CHOOSE_ALERT })),
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
    return formFailure({
      locale,
      fieldErrors: { intent: messageRef(investor_alerts_error_unknownAction) },
      formError: messageRef(investor_alerts_error_unknownActionForm),
    });
  }
  requirePermission(ctx, "edit:records");
  const parsed = parseForm(AcknowledgeSchema, formData);
  if (!parsed.ok)
    return formFailure({
      locale,
      fieldErrors: parsed.fieldErrors,
      formError: parsed.fieldErrors.alertId ?? translate(locale, investor_alerts_error_nothingChanged),
    });
  try {
    await acknowledgeAlert(ctx, parsed.data.alertId);
    return redirectWithToast(samePage(request), toast(investor_alerts_acknowledged));
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
  const filterTexts = { apply: t(investor_filter_apply), pending: t(investor_filter_pending), clear: t(investor_filter_clear) };
  return (
    <>
      <PageHeader
        title={t(investor_alerts_title)}
        description={t(investor_alerts_description)}
        actions={
          <TextLink to={`${orgPath}/alerts/rules`} className="text-sm">
            {canManageRules ? t(investor_alerts_editRules) : t(investor_alerts_seeRules)}
          </TextLink>
        }
      />
      <Card title={t(investor_alerts_card, { count: list.total })}>
        <FormError error={result && !result.ok ? result.formError : undefined} />
        <FilterForm label={t(investor_alerts_filter_label)} filtered={filtered} clearTo={location.pathname} texts={filterTexts}>
          <FilterSelect
            name="status"
            label={t(investor_alerts_filter_status)}
            width="w-48"
            value={list.status}
            options={ALERT_STATUS_FILTERS.map((value) => ({ value, label: t(STATUS_LABELS[value]) }))}
          />
          <FilterSelect
            name="severity"
            label={t(investor_alerts_filter_severity)}
            width="w-44"
            value={list.severity ?? ""}
            any={t(investor_alerts_filter_anySeverity)}
            options={[
              { value: "critical", label: t(common_severity_critical) },
              { value: "warning", label: t(common_severity_warning) },
            ]}
          />
        </FilterForm>
        {list.alerts.length === 0 ? (
          <NoRows
            filtered={filtered}
            noMatch={t(investor_alerts_noMatch)}
            clearTo={location.pathname}
            clear={filterTexts.clear}
            empty={<EmptyState title={t(investor_alerts_empty_title)}>{t(investor_alerts_empty_body)}</EmptyState>}
          />
        ) : (
          <AlertTable alerts={list.alerts} orgPath={orgPath} canAcknowledge={canAcknowledge} />
        )}
        <ListPager list={list} hrefWith={hrefWith} summary={t(investor_alerts_count, { count: list.total })} />
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
  const heads: PlainKey[] = [
    investor_alerts_head_severity,
    investor_table_company,
    investor_alerts_head_alert,
    investor_alerts_head_firstSeen,
    investor_alerts_head_acknowledged,
  ];
  return (
    <Table>
      <TableHead>
        {heads.map((h, index) => (
          <Th key={index}>{t(h)}</Th>
        ))}
        <Th>
          <span className="sr-only">{t(investor_alerts_head_actions)}</span>
        </Th>
      </TableHead>
      <tbody>
        {alerts.map((a) => (
          <Tr key={a.id} top>
            <Td>
              <Badge tone={a.severity === "critical" ? "bad" : "warn"}>
                {a.severity === "critical" ? t(common_severity_critical) : t(common_severity_warning)}
              </Badge>
              {a.resolvedAt ? <span className="mt-1 block text-xs text-slate-500">{t(investor_alerts_resolvedAt, { when: time(a.resolvedAt) })}</span> : null}
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
                ? t(investor_alerts_acknowledgedBy, { who: a.acknowledgedBy ?? t(investor_alerts_formerMember), when: time(a.acknowledgedAt) })
                : t(investor_alerts_notYet)}
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
                    aria-label={t(investor_alerts_acknowledgeLabel, { kind: t(ALERT_KIND_LABELS[a.kind]), company: a.companyName })}
                    className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60"
                  >
                    {pendingId === a.id ? t(investor_alerts_acknowledging) : t(investor_alerts_acknowledge)}
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
