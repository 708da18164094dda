import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useParams } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { appErrorResponse, invalid, parseForm } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { acknowledgeAlert, listAlerts, parseAlertListQuery, syncAlerts } from "~/models/alert.server";
import { Pager } from "~/components/ui/pager";

export const meta: MetaFunction = () => [{ title: "Early warnings · Capital Desk" }];

const KIND_LABELS: Record<string, string> = {
  runway: "Runway",
  report_overdue: "Report overdue",
  risk_score: "Risk score",
  budget_overrun: "Budget overrun",
  covenant: "Covenant",
  default_dead: "Default dead",
};
const STATUS_OPTIONS = [
  { value: "active", label: "Not resolved" },
  { value: "open", label: "Not acknowledged" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

const AcknowledgeSchema = z.object({
  alertId: z.string({ error: "Choose an alert from the list." }).trim().pipe(z.uuid({ error: "Choose an alert from the list." })),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "investor") notFound();
  // Alerts follow the data: a startup's change is seen here on the next read, and
  // time-based ones (overdue reports) are decided against today's date.
  await syncAlerts(ctx);
  const query = parseAlertListQuery(new URL(request.url).searchParams);
  const list = await listAlerts(ctx, query);
  return json({ list, canAcknowledge: can(ctx.role, "edit:records"), canManageRules: can(ctx.role, "manage:members") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "investor") notFound();
  const formData = await request.formData();
  if (formData.get("intent") !== "acknowledge") return invalid({ intent: "Unknown action." }, "Nothing was changed: unknown action.");
  requirePermission(ctx, "edit:records");
  const parsed = parseForm(AcknowledgeSchema, formData);
  if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.fieldErrors.alertId ?? "Nothing was changed.");
  try {
    const result = await acknowledgeAlert(ctx, parsed.data.alertId);
    return json({ ok: true as const, id: result.id });
  } catch (error) {
    return appErrorResponse(error);
  }
}

const when = (iso: string) => `${new Date(iso).toISOString().replace("T", " ").slice(0, 16)} UTC`;

export default function Alerts() {
  const { list, canAcknowledge, canManageRules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const orgPath = `/o/${useParams().orgSlug}`;
  const current = new URLSearchParams(location.search);
  current.delete("index");
  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(current);
    if (!("page" in changes)) next.delete("page");
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    const qs = next.toString();
    return qs ? `?${qs}` : location.pathname;
  };
  const filtered = list.status !== "active" || list.severity !== null;
  return (
    <>
      <PageHeader
        title="Early warnings"
        description="Alerts from your rules over the data each linked company shares with you, updated every time this page loads."
        actions={
          <Link to={`${orgPath}/alerts/rules`} className="text-sm text-indigo-700 underline">
            {canManageRules ? "Edit alert rules" : "See alert rules"}
          </Link>
        }
      />
      <Card title={`Alerts (${list.total})`}>
        <FormError error={result && !result.ok ? result.formError : undefined} />
        {result?.ok ? (
          <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
            Alert acknowledged.
          </p>
        ) : null}
        <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter alerts">
          <div className="w-48">
            <SelectField id="filter-status" label="Status" name="status" defaultValue={list.status} options={STATUS_OPTIONS} />
          </div>
          <div className="w-44">
            <SelectField
              id="filter-severity"
              label="Severity"
              name="severity"
              defaultValue={list.severity ?? ""}
              options={[
                { value: "", label: "Any severity" },
                { value: "critical", label: "Critical" },
                { value: "warning", label: "Warning" },
              ]}
            />
          </div>
          <SubmitButton variant="secondary" pendingText="Filtering…">
            Apply filters
          </SubmitButton>
          {filtered ? (
            <Link to={location.pathname} className="py-2 text-sm text-indigo-700 underline">
              Clear filters
            </Link>
          ) : null}
        </Form>
        {list.alerts.length === 0 ? (
          filtered ? (
            <EmptyState title="No alerts match these filters">
              <Link to={location.pathname} className="text-indigo-700 underline">
                Clear filters
              </Link>
            </EmptyState>
          ) : (
            <EmptyState title="No early warnings — all linked companies are within your rules">
              Alerts appear here when a company shares data that crosses one of your rules.
            </EmptyState>
          )
        ) : (
          <AlertTable alerts={list.alerts} orgPath={orgPath} canAcknowledge={canAcknowledge} />
        )}
        <Pager page={list.page} pageCount={list.pageCount} href={(p) => hrefWith({ page: String(p) })} summary={`${list.total} alerts`} />
      </Card>
    </>
  );
}

type AlertRow = SerializeFrom<typeof loader>["list"]["alerts"][number];

function AlertTable({ alerts, orgPath, canAcknowledge }: { alerts: AlertRow[]; orgPath: string; canAcknowledge: boolean }) {
  const navigation = useNavigation();
  const pendingId = navigation.state === "submitting" ? navigation.formData?.get("alertId") : null;
  return (
    <TableScroller>
      <table className="min-w-full text-sm">
        <thead>
          <tr className="border-b text-left text-slate-600">
            {["Severity", "Company", "Alert", "First seen", "Acknowledged", ""].map((h, i) => (
              <th key={i} scope="col" className="py-2 pr-4 font-medium">
                {h || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => (
            <tr key={a.id} className="border-b align-top last:border-0">
              <td className="py-2 pr-4">
                <Badge tone={a.severity === "critical" ? "bad" : "warn"}>{a.severity === "critical" ? "Critical" : "Warning"}</Badge>
                {a.resolvedAt ? (
                  <span className="mt-1 block text-xs text-slate-500">Resolved {when(a.resolvedAt)}</span>
                ) : null}
              </td>
              <td className="py-2 pr-4">
                <Link to={`${orgPath}/companies/${a.companySlug}`} className="font-medium text-indigo-700 underline">
                  {a.companyName}
                </Link>
              </td>
              <td className="max-w-md py-2 pr-4">
                <span className="block font-medium">{KIND_LABELS[a.kind] ?? a.kind}</span>
                {a.reason}
              </td>
              <td className="whitespace-nowrap py-2 pr-4">{when(a.firstSeenAt)}</td>
              <td className="py-2 pr-4">{a.acknowledgedAt ? `${a.acknowledgedBy ?? "—"}, ${when(a.acknowledgedAt)}` : "Not yet"}</td>
              <td className="py-2 pr-4">
                {canAcknowledge && !a.acknowledgedAt && !a.resolvedAt ? (
                  <Form method="post">
                    <input type="hidden" name="alertId" value={a.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="acknowledge"
                      disabled={pendingId === a.id}
                      aria-label={`Acknowledge: ${KIND_LABELS[a.kind] ?? a.kind} at ${a.companyName}`}
                      className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-semibold text-slate-800 hover:bg-slate-50 disabled:opacity-60"
                    >
                      {pendingId === a.id ? "Acknowledging…" : "Acknowledge"}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
