import type { ReactNode } from "react";
import { runwayMonthsText } from "~/components/runway-months-text";
import { TextLink } from "~/components/ui/button";
import { Badge, Card } from "~/components/ui/layout";
import { ALERT_KIND_LABELS } from "~/domain/alert-kinds";
import { alertReasonText } from "~/domain/alert-reasons";
import { useT } from "~/i18n";
import { dateText, monthText } from "~/i18n/display";
import type { FundOverview } from "~/views/fund-overview";
import { common_severity_critical } from "~/paraglide/messages/common_severity_critical.js";
import { common_severity_warning } from "~/paraglide/messages/common_severity_warning.js";
import { investor_home_alerts_all } from "~/paraglide/messages/investor_home_alerts_all.js";
import { investor_home_alerts_none } from "~/paraglide/messages/investor_home_alerts_none.js";
import { investor_home_alerts_summary } from "~/paraglide/messages/investor_home_alerts_summary.js";
import { investor_home_alerts_title } from "~/paraglide/messages/investor_home_alerts_title.js";
import { investor_home_late_all } from "~/paraglide/messages/investor_home_late_all.js";
import { investor_home_late_definition } from "~/paraglide/messages/investor_home_late_definition.js";
import { investor_home_late_none } from "~/paraglide/messages/investor_home_late_none.js";
import { investor_home_late_row } from "~/paraglide/messages/investor_home_late_row.js";
import { investor_home_late_title } from "~/paraglide/messages/investor_home_late_title.js";
import { investor_home_more } from "~/paraglide/messages/investor_home_more.js";
import { investor_home_requests_all } from "~/paraglide/messages/investor_home_requests_all.js";
import { investor_home_requests_none } from "~/paraglide/messages/investor_home_requests_none.js";
import { investor_home_requests_row } from "~/paraglide/messages/investor_home_requests_row.js";
import { investor_home_requests_title } from "~/paraglide/messages/investor_home_requests_title.js";
import { investor_home_runway_all } from "~/paraglide/messages/investor_home_runway_all.js";
import { investor_home_runway_cashOut } from "~/paraglide/messages/investor_home_runway_cashout1.js";
import { investor_home_runway_definition } from "~/paraglide/messages/investor_home_runway_definition.js";
import { investor_home_runway_none } from "~/paraglide/messages/investor_home_runway_none.js";
import { investor_home_runway_title } from "~/paraglide/messages/investor_home_runway_title.js";
import { investor_home_updates_none } from "~/paraglide/messages/investor_home_updates_none.js";
import { investor_home_updates_title } from "~/paraglide/messages/investor_home_updates_title.js";
import { investor_runwayBadge_caution } from "~/paraglide/messages/investor_runwaybadge_caution1.js";
import { investor_runwayBadge_critical } from "~/paraglide/messages/investor_runwaybadge_critical1.js";

// The fund's home page (issue #15 item 13): five short lists of what needs a partner's
// attention, each with its empty state and a link to the page that holds the whole list.

/**
 * One of the short lists, or its empty line. `none` when the list's own total says there is
 * nothing (the rows are only the first few of it).
 */
function ShortList<Item>({
  testId,
  items,
  none = items.length === 0,
  empty,
  children: row,
}: {
  testId: string;
  items: readonly Item[];
  none?: boolean;
  empty: ReactNode;
  children: (item: Item) => ReactNode;
}) {
  if (none) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm" data-testid={testId}>
      {items.map(row)}
    </ul>
  );
}

function Footer({ shown, total, to, label }: { shown: number; total: number; to: string; label: string }) {
  const t = useT();
  return (
    <p className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <TextLink to={to}>{label}</TextLink>
      {total > shown ? <span className="text-slate-500">{t(investor_home_more, { shown, total })}</span> : null}
    </p>
  );
}

export function FundAlerts({ base, alerts }: { base: string; alerts: FundOverview["alerts"] }) {
  const t = useT();
  const { counts, newest } = alerts;
  return (
    <Card title={t(investor_home_alerts_title)}>
      {counts.total > 0 ? (
        <p className="mb-2 text-sm text-slate-700" data-testid="overview-alerts">
          {t(investor_home_alerts_summary, { critical: counts.critical, warning: counts.warning, unacknowledged: counts.unacknowledged })}
        </p>
      ) : null}
      <ShortList testId="overview-new-alerts" items={newest} empty={t(investor_home_alerts_none)}>
        {(a) => (
          <li key={a.id} className="py-2">
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={a.severity === "critical" ? "bad" : "warn"}>
                {t(a.severity === "critical" ? common_severity_critical : common_severity_warning)}
              </Badge>
              <TextLink to={`${base}/companies/${a.companySlug}`} className="font-medium">
                {a.companyName}
              </TextLink>
              <span className="text-slate-600">{t(ALERT_KIND_LABELS[a.kind])}</span>
            </span>
            <span className="mt-0.5 block text-slate-700">{alertReasonText(t.locale, a.reason, { title: a.subjectTitle })}</span>
          </li>
        )}
      </ShortList>
      <Footer shown={newest.length} total={counts.unacknowledged} to={`${base}/alerts?status=open`} label={t(investor_home_alerts_all)} />
    </Card>
  );
}

export function FundLateReports({ base, late }: { base: string; late: FundOverview["lateReports"] }) {
  const t = useT();
  return (
    <Card title={t(investor_home_late_title)}>
      <p className="mb-2 text-xs text-slate-600">{t(investor_home_late_definition)}</p>
      <ShortList testId="overview-late-reports" items={late.companies} none={late.total === 0} empty={t(investor_home_late_none)}>
        {(c) => (
          <li key={c.slug} className="flex flex-wrap justify-between gap-x-3 py-2">
            <TextLink to={`${base}/companies/${c.slug}`} className="font-medium">
              {c.name}
            </TextLink>
            <span className="text-slate-700">{t(investor_home_late_row, { month: monthText(t, c.owedMonth), date: dateText(t, c.dueDate) })}</span>
          </li>
        )}
      </ShortList>
      <Footer shown={late.companies.length} total={late.total} to={`${base}/portfolio?status=overdue`} label={t(investor_home_late_all)} />
    </Card>
  );
}

export function FundLowRunway({ base, low, thresholds }: { base: string; low: FundOverview["lowRunway"]; thresholds: FundOverview["runwayThresholds"] }) {
  const t = useT();
  return (
    <Card title={t(investor_home_runway_title)}>
      <p className="mb-2 text-xs text-slate-600">
        {t(investor_home_runway_definition, { critical: thresholds.criticalBelowMonths, caution: thresholds.cautionBelowMonths })}
      </p>
      <ShortList
        testId="overview-low-runway"
        items={low.companies}
        none={low.total === 0}
        empty={t(investor_home_runway_none, { caution: thresholds.cautionBelowMonths })}
      >
        {(c) => (
          <li key={c.slug} className="flex flex-wrap items-center justify-between gap-x-3 py-2">
            <TextLink to={`${base}/companies/${c.slug}`} className="font-medium">
              {c.name}
            </TextLink>
            <span className="flex flex-wrap items-center gap-2 text-slate-700">
              {c.runwayMonths !== null ? runwayMonthsText(t, c.runwayMonths) : null}
              {c.cashOutMonth ? <span className="text-slate-600">{t(investor_home_runway_cashOut, { month: monthText(t, c.cashOutMonth) })}</span> : null}
              <Badge tone={c.level === "critical" ? "bad" : "warn"}>
                {t(c.level === "critical" ? investor_runwayBadge_critical : investor_runwayBadge_caution)}
              </Badge>
            </span>
          </li>
        )}
      </ShortList>
      <Footer shown={low.companies.length} total={low.total} to={`${base}/portfolio?sort=runway&dir=asc`} label={t(investor_home_runway_all)} />
    </Card>
  );
}

export function FundRecentUpdates({ base, updates }: { base: string; updates: FundOverview["recentUpdates"] }) {
  const t = useT();
  return (
    <Card title={t(investor_home_updates_title)}>
      <ShortList testId="overview-recent-updates" items={updates} empty={t(investor_home_updates_none)}>
        {(u) => (
          <li key={`${u.companySlug}-${u.month}`} className="py-2">
            <span className="flex flex-wrap justify-between gap-x-3">
              <TextLink to={`${base}/companies/${u.companySlug}`} className="font-medium">
                {u.companyName}
              </TextLink>
              <span className="text-slate-600">{monthText(t, u.month)}</span>
            </span>
            {/* The first written part, cut to two lines: the company page has the whole update. */}
            <span className="mt-0.5 line-clamp-2 block whitespace-pre-line text-slate-700">{u.highlights ?? u.lowlights ?? u.asks}</span>
          </li>
        )}
      </ShortList>
    </Card>
  );
}

export function FundPendingRequests({ base, pending }: { base: string; pending: FundOverview["pendingRequests"] }) {
  const t = useT();
  return (
    <Card title={t(investor_home_requests_title)}>
      <ShortList testId="overview-pending-requests" items={pending} empty={t(investor_home_requests_none)}>
        {(p) => (
          <li key={p.requestedVia} className="py-2 text-slate-700">
            {t(investor_home_requests_row, { via: p.requestedVia, date: dateText(t, p.requestedAt.slice(0, 10)) })}
          </li>
        )}
      </ShortList>
      <Footer shown={pending.length} total={pending.length} to={`${base}/companies`} label={t(investor_home_requests_all)} />
    </Card>
  );
}
