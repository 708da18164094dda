import { ALERT_STATUS_FILTERS, type AlertStatusFilter } from "~/domain/alert-filters";
import { and, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { oneRow, type Tx } from "~db/client";
import { ALERT_KINDS, alertRules, alerts, orgs, risks, ROLES, users, type AlertKind, type AlertSeverity } from "~db/schema";
import { withTenant } from "~db/tenant";
import { can } from "~/auth/permissions";
import { DEFAULT_ALERT_RULES, evaluateAlerts, type AlertRules } from "~/finance/alerts";
import { isoDateOfDate, isValidIsoDate, type IsoDate } from "~/finance";
import { messageRef, translator } from "~/i18n/translate";
import type { Locale } from "~/i18n/locales";
import { ALERT_KIND_LABELS } from "~/domain/alert-kinds";
import { alertMail } from "~/server/mail.server";
import { mailOrigin, orgPeople, queueNotification } from "./notification.server";
import { alertReasonFromStored, alertReasonRef, storedAlertReason } from "~/domain/alert-reasons";
import { alertRuleFieldErrors as ruleFieldErrors } from "~/domain/alert-rules";
import { isUuid } from "~/domain/bounds";
import { AppError } from "~/server/http.server";
import { recordAudit } from "./audit.server";
import type { OrgContext } from "~/auth/context";
import { ALERT_KIND_SECTIONS, collectSignals } from "./alert-signals.server";
import { readMetricAlertRules } from "./metric-alert-rule.server";
import { pruneFrozenSnapshots } from "./share-link.server";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { investor_alertRules_error_forbidden } from "~/paraglide/messages/investor_alertrules_error_forbidden1.js";
import { investor_alertRules_error_stale } from "~/paraglide/messages/investor_alertrules_error_stale1.js";
import { investor_alerts_error_cleared } from "~/paraglide/messages/investor_alerts_error_cleared.js";
import { investor_alerts_error_noAlert } from "~/paraglide/messages/investor_alerts_error_noalert1.js";
import { investor_alerts_error_noPage } from "~/paraglide/messages/investor_alerts_error_nopage1.js";
import { investor_alerts_error_viewer } from "~/paraglide/messages/investor_alerts_error_viewer.js";
import { readInOrg } from "./org-read.server";

export { collectSignals };

/** Early warnings belong to investor orgs; anywhere else they do not exist. */
function requireInvestor(ctx: OrgContext): void {
  if (ctx.org.kind !== "investor") throw new AppError("NOT_FOUND", messageRef(investor_alerts_error_noPage));
}

// ---------------------------------------------------------------------------------------
// Rules

type RuleRow = typeof alertRules.$inferSelect;

function toRules(row: RuleRow | undefined): AlertRules {
  if (!row) return DEFAULT_ALERT_RULES;
  return {
    runwayEnabled: row.runwayEnabled,
    runwayCautionMonths: Number(row.runwayCautionMonths),
    runwayCriticalMonths: Number(row.runwayCriticalMonths),
    overdueEnabled: row.overdueEnabled,
    reportDueDay: row.reportDueDay,
    riskEnabled: row.riskEnabled,
    riskScoreMin: row.riskScoreMin,
    budgetEnabled: row.budgetEnabled,
    budgetOverrunBp: row.budgetOverrunBp,
    covenantEnabled: row.covenantEnabled,
    defaultDeadEnabled: row.defaultDeadEnabled,
  };
}

async function readRules(tx: Tx, ctx: OrgContext): Promise<{ rules: AlertRules; version: number }> {
  const [row] = await tx.select().from(alertRules).where(eq(alertRules.orgId, ctx.org.id));
  return { rules: toRules(row), version: row?.version ?? 0 };
}

/** The org's rules, or the spec's defaults (version 0) until someone saves them. */
export async function getAlertRules(ctx: OrgContext) {
  requireInvestor(ctx);
  return readInOrg(ctx, (tx) => readRules(tx, ctx));
}

/**
 * Saves the rules edited on `version` (0: the defaults, never saved). Owners and admins
 * only; out-of-range values are refused per field and nothing is written; a stale version
 * is a conflict. The next sync applies them.
 */
export async function saveAlertRules(ctx: OrgContext, version: number, input: AlertRules) {
  requireInvestor(ctx);
  if (!can(ctx.role, "manage:members")) throw new AppError("FORBIDDEN", messageRef(investor_alertRules_error_forbidden));
  const errors = ruleFieldErrors(input);
  if (Object.keys(errors).length > 0) throw new AppError("INVALID", messageRef(common_validation_checkFields), errors);
  const values = { ...input, runwayCautionMonths: input.runwayCautionMonths.toFixed(1), runwayCriticalMonths: input.runwayCriticalMonths.toFixed(1) };
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await readRules(tx, ctx);
    const [saved] =
      version === 0
        ? await tx
            .insert(alertRules)
            .values({ orgId: ctx.org.id, ...values })
            .onConflictDoNothing({ target: alertRules.orgId })
            .returning()
        : await tx
            .update(alertRules)
            .set({ ...values, version: sql`${alertRules.version} + 1`, updatedAt: sql`now()` })
            .where(and(eq(alertRules.orgId, ctx.org.id), eq(alertRules.version, version)))
            .returning();
    if (!saved) throw new AppError("CONFLICT", messageRef(investor_alertRules_error_stale));
    const after = toRules(saved);
    await recordAudit(tx, ctx, { action: "alert_rules.update", entityType: "alert_rules", entityId: ctx.org.id, before: before.rules, after });
    return { rules: after, version: saved.version };
  });
}

// ---------------------------------------------------------------------------------------
// What the investor may still see of an alert

/** `kind`'s sections (ALERT_KIND_SECTIONS) as a text[], built from constants only. */
function sectionsOfKind(kind: SQL): SQL {
  const cases = ALERT_KINDS.map((k) => `when '${k}' then array[${ALERT_KIND_SECTIONS[k].map((s) => `'${s}'`).join(", ")}]`).join(" ");
  return sql`(case ${kind} ${sql.raw(cases)} end)::text[]`;
}

/**
 * True for an alert whose company's approved grant to this investor shares, right now, every
 * section the alert was computed from. Every read of alerts carries it in the same statement,
 * so a revoke or a narrowed grant hides the alert from the very next statement — resolved and
 * acknowledged ones included — whether or not a sync has run since (decision 006).
 */
function stillShared(investorOrgId: string): SQL {
  return sql`exists (select 1 from access_grants g where g.org_id = ${alerts.companyOrgId} and g.investor_org_id = ${investorOrgId} and g.status = 'approved' and g.sections @> ${sectionsOfKind(sql`${alerts.kind}`)})`;
}

/**
 * Forgets what the grants no longer share: deletes every alert (any status) whose sections
 * its company's current grant does not cover, and cuts frozen partner reports down to the
 * current grants. Runs first in every sync — the investor's write transaction on each visit of
 * its overview or alert feed — so the investor's tenant keeps no copy past its next visit.
 */
async function forgetUnshared(tx: Tx, ctx: OrgContext) {
  await tx.delete(alerts).where(and(eq(alerts.orgId, ctx.org.id), sql`not ${stillShared(ctx.org.id)}`));
  await pruneFrozenSnapshots(tx, ctx.org.id);
}

// ---------------------------------------------------------------------------------------
// Sync: the open alerts follow the data on every read

const BATCH = 500;
const key = (a: { companyOrgId: string; kind: string; subject: string }) => `${a.companyOrgId}\u0000${a.kind}\u0000${a.subject}`;

/**
 * Evaluates the rules against what the companies share today and brings the alert rows in
 * line, in the caller's investor transaction: new conditions open an alert; still-true ones
 * are touched (last seen) and take the current severity and reason (a key with variables, see
 * alertReasonRef in app/domain/alert-reasons.ts; rendered per reader); conditions that are gone
 * are resolved. Alerts of a company whose grant was revoked, or whose section was unshared,
 * are deleted first (forgetUnshared). An escalation to critical clears an acknowledgement.
 * Two syncs of one investor (two tabs) take turns on a transaction-level advisory lock, so
 * their multi-row updates cannot deadlock; the open key stays unique either way.
 */
async function syncInTx(tx: Tx, ctx: OrgContext, today: IsoDate) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`alerts-sync:${ctx.org.id}`}))`);
  await forgetUnshared(tx, ctx);
  const { rules } = await readRules(tx, ctx);
  const metricRules = await readMetricAlertRules(tx, ctx.org.id);
  const signals = await collectSignals(tx, ctx.org.id, rules, [...new Set(metricRules.map((r) => r.metricKey))]);
  // The engine gives codes and figures; the stored reason is their message ref in its stored form.
  const wanted = evaluateAlerts(signals, rules, today, metricRules).map((a) => ({
    ...a,
    reason: storedAlertReason(alertReasonRef(a.reason)),
  }));
  const open = await tx
    .select({ id: alerts.id, companyOrgId: alerts.companyOrgId, kind: alerts.kind, subject: alerts.subject })
    .from(alerts)
    .where(and(eq(alerts.orgId, ctx.org.id), isNull(alerts.resolvedAt)));
  const openByKey = new Map(open.map((a) => [key(a), a.id]));
  const wantedKeys = new Set(wanted.map(key));
  const fresh = wanted.filter((a) => !openByKey.has(key(a)));
  const still = wanted.flatMap((a) => {
    const id = openByKey.get(key(a));
    return id ? [{ id, severity: a.severity, reason: a.reason }] : [];
  });
  const gone = open.filter((a) => !wantedKeys.has(key(a))).map((a) => a.id);

  const raised: { companyOrgId: string; kind: AlertKind; severity: AlertSeverity }[] = [];
  for (let i = 0; i < fresh.length; i += BATCH) {
    raised.push(
      ...(await tx
        .insert(alerts)
        .values(fresh.slice(i, i + BATCH).map((a) => ({ orgId: ctx.org.id, ...a })))
        .onConflictDoNothing()
        .returning({ companyOrgId: alerts.companyOrgId, kind: alerts.kind, severity: alerts.severity })),
    );
  }
  await mailNewAlerts(tx, ctx, raised);
  for (let i = 0; i < still.length; i += BATCH) {
    const rows = sql.join(
      still.slice(i, i + BATCH).map((a) => sql`(${a.id}::uuid, ${a.severity}, ${a.reason})`),
      sql`, `,
    );
    await tx.execute(sql`
      update alerts as a set
        last_seen_at = now(),
        severity = v.severity,
        reason = v.reason,
        acknowledged_at = case when v.severity = 'critical' and a.severity <> 'critical' then null else a.acknowledged_at end,
        acknowledged_by_user_id = case when v.severity = 'critical' and a.severity <> 'critical' then null else a.acknowledged_by_user_id end
      from (values ${rows}) as v(id, severity, reason)
      where a.org_id = ${ctx.org.id} and a.id = v.id and a.resolved_at is null`);
  }
  for (let i = 0; i < gone.length; i += BATCH) {
    await tx
      .update(alerts)
      .set({ resolvedAt: sql`now()` })
      .where(and(eq(alerts.orgId, ctx.org.id), inArray(alerts.id, gone.slice(i, i + BATCH)), isNull(alerts.resolvedAt)));
  }
  return { open: wanted.length, raised: fresh.length, resolved: gone.length };
}

/** At most this many lines in one message; the link shows the rest. */
const ALERT_LINES_MAX = 20;

/** "Company — what", one line per warning, in `locale`; at most ALERT_LINES_MAX and "…". */
export function alertLines(locale: Locale, list: { companyName: string; kind: AlertKind }[]): string[] {
  const t = translator(locale);
  const lines = list.slice(0, ALERT_LINES_MAX).map((a) => `${a.companyName} — ${t(ALERT_KIND_LABELS[a.kind])}`);
  if (list.length > ALERT_LINES_MAX) lines.push("…");
  return lines;
}

/**
 * New warnings mail the investor's people in the sync's transaction (decision 023): critical ones
 * at once to everyone whose early warnings are not off; the others at once only to those who chose
 * "immediately" (the rest get them in their digest). One message of each per person per sync. The
 * link's origin is APP_ORIGIN (a sync runs on any page).
 */
async function mailNewAlerts(tx: Tx, ctx: OrgContext, raised: { companyOrgId: string; kind: AlertKind; severity: AlertSeverity }[]) {
  if (raised.length === 0) return;
  const companies = await tx
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.id, [...new Set(raised.map((a) => a.companyOrgId))]));
  const names = new Map(companies.map((c) => [c.id, c.name]));
  const origin = mailOrigin();
  const people = await orgPeople(tx, ctx.org.id, ROLES);
  for (const critical of [true, false]) {
    const list = raised.filter((a) => (a.severity === "critical") === critical).map((a) => ({ kind: a.kind, companyName: names.get(a.companyOrgId) ?? "?" }));
    if (list.length === 0) continue;
    await queueNotification(tx, {
      // The person's own mail, in no tenant: it names companies, and once a company's access
      // ends the fund's tenant must keep nothing of it (grant-revocation.test.ts).
      orgId: null,
      kind: "alert",
      critical,
      userIds: people,
      origin,
      compose: (locale, links) =>
        alertMail(
          critical ? "critical" : "warning",
          locale,
          { org: ctx.org.name, lines: alertLines(locale, list), link: `${origin}/o/${ctx.org.slug}/alerts` },
          links,
        ),
    });
  }
}

function todayOr(today?: IsoDate): IsoDate {
  if (today !== undefined && !isValidIsoDate(today)) throw new RangeError(`Not a YYYY-MM-DD date: ${today}`);
  return today ?? isoDateOfDate(new Date());
}

/** Brings the investor's alerts in line with today's data (see syncInTx). `today` is for tests. */
export async function syncAlerts(ctx: OrgContext, today?: IsoDate) {
  requireInvestor(ctx);
  const day = todayOr(today);
  return withTenant(ctx.db, ctx.org.id, (tx) => syncInTx(tx, ctx, day));
}

/** Unresolved alerts by severity, and how many nobody has acknowledged: for the overview. Syncs first unless told not to. */
export async function openAlertCounts(ctx: OrgContext, options: { today?: IsoDate; sync?: boolean } = {}) {
  requireInvestor(ctx);
  const day = todayOr(options.today);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    if (options.sync !== false) await syncInTx(tx, ctx, day);
    const rows = await tx
      .select({ severity: alerts.severity, acknowledged: sql<boolean>`${alerts.acknowledgedAt} is not null`, n: count() })
      .from(alerts)
      .innerJoin(orgs, eq(orgs.id, alerts.companyOrgId))
      .where(and(eq(alerts.orgId, ctx.org.id), isNull(alerts.resolvedAt), stillShared(ctx.org.id)))
      .groupBy(alerts.severity, sql`${alerts.acknowledgedAt} is not null`);
    const counts = { critical: 0, warning: 0, unacknowledged: 0, total: 0 };
    for (const row of rows) {
      const n = Number(row.n);
      counts[row.severity] += n;
      counts.total += n;
      if (!row.acknowledged) counts.unacknowledged += n;
    }
    return counts;
  });
}

// ---------------------------------------------------------------------------------------
// The feed

export { ALERT_STATUS_FILTERS, type AlertStatusFilter };
export const ALERT_PAGE_SIZE = 25;

export interface AlertListOptions {
  /** active = not resolved (the default); open = not resolved and not acknowledged. */
  status?: AlertStatusFilter;
  severity?: AlertSeverity;
  page?: number;
}

export function parseAlertListQuery(params: URLSearchParams): Required<Pick<AlertListOptions, "status" | "page">> & AlertListOptions {
  const status = params.get("status") as AlertStatusFilter | null;
  const severity = params.get("severity");
  const page = Number(params.get("page"));
  return {
    status: status && ALERT_STATUS_FILTERS.includes(status) ? status : "active",
    severity: severity === "critical" || severity === "warning" ? severity : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function statusFilter(status: AlertStatusFilter): SQL | undefined {
  switch (status) {
    case "active":
      return isNull(alerts.resolvedAt);
    case "open":
      return and(isNull(alerts.resolvedAt), isNull(alerts.acknowledgedAt));
    case "acknowledged":
      return and(isNull(alerts.resolvedAt), isNotNull(alerts.acknowledgedAt));
    case "resolved":
      return isNotNull(alerts.resolvedAt);
    case "all":
      return undefined;
  }
}

/**
 * One page of the feed: unresolved first, critical before warning, newest first. Only alerts
 * whose sections the company shares right now (stillShared), in every status. A risk alert's
 * title is read here from the company's register, under the investor's row-level security, so
 * it shows only while risks are shared (null once the risk is deleted).
 */
export async function listAlerts(ctx: OrgContext, options: AlertListOptions = {}) {
  requireInvestor(ctx);
  const status = options.status ?? "active";
  const where = and(
    eq(alerts.orgId, ctx.org.id),
    statusFilter(status),
    options.severity ? eq(alerts.severity, options.severity) : undefined,
    stillShared(ctx.org.id),
  );
  return readInOrg(ctx, async (tx) => {
    const { total } = oneRow(await tx.select({ total: count() }).from(alerts).innerJoin(orgs, eq(orgs.id, alerts.companyOrgId)).where(where), "alerts count");
    const pageCount = Math.max(1, Math.ceil(total / ALERT_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
    const rows = await tx
      .select({
        id: alerts.id,
        kind: alerts.kind,
        subject: alerts.subject,
        severity: alerts.severity,
        reason: alerts.reason,
        firstSeenAt: alerts.firstSeenAt,
        lastSeenAt: alerts.lastSeenAt,
        resolvedAt: alerts.resolvedAt,
        acknowledgedAt: alerts.acknowledgedAt,
        acknowledgedByName: users.name,
        acknowledgedByEmail: users.email,
        companyName: orgs.name,
        companySlug: orgs.slug,
        subjectTitle: risks.title,
      })
      .from(alerts)
      .innerJoin(orgs, eq(orgs.id, alerts.companyOrgId))
      .leftJoin(users, eq(users.id, alerts.acknowledgedByUserId))
      .leftJoin(risks, and(eq(alerts.kind, "risk_score"), eq(risks.orgId, alerts.companyOrgId), sql`${risks.id}::text = ${alerts.subject}`))
      .where(where)
      .orderBy(sql`${alerts.resolvedAt} is not null`, sql`(${alerts.severity} = 'critical') desc`, desc(alerts.firstSeenAt), sql`${orgs.name}`, alerts.id)
      .limit(ALERT_PAGE_SIZE)
      .offset((page - 1) * ALERT_PAGE_SIZE);
    const list = rows.map(({ acknowledgedByName, acknowledgedByEmail, ...row }) => ({
      ...row,
      kind: row.kind as AlertKind,
      // The stored text read once, here: the app sees a message ref.
      reason: alertReasonFromStored(row.reason),
      // Someone who has since left the org is no longer visible to it: null, shown as "a former member".
      acknowledgedBy: row.acknowledgedAt ? (acknowledgedByName ?? acknowledgedByEmail ?? null) : null,
    }));
    return { alerts: list, total, page, pageCount, pageSize: ALERT_PAGE_SIZE, status, severity: options.severity ?? null };
  });
}

/**
 * Marks an open alert as seen by this user (owner, admin or member; viewers only read).
 * Acknowledging twice changes nothing; a resolved alert is a conflict (it cleared since the
 * page was loaded); another org's alert, or one whose sections its company no longer shares,
 * is not found. The audit entry names the alert (id, kind, company, severity), never its
 * reason: the figures are the company's, and the audit log outlives the grant.
 */
export async function acknowledgeAlert(ctx: OrgContext, alertId: string) {
  requireInvestor(ctx);
  if (!can(ctx.role, "edit:records")) throw new AppError("FORBIDDEN", messageRef(investor_alerts_error_viewer));
  if (!isUuid(alertId)) throw new AppError("NOT_FOUND", messageRef(investor_alerts_error_noAlert));
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [row] = await tx
      .select({
        id: alerts.id,
        companyOrgId: alerts.companyOrgId,
        kind: alerts.kind,
        severity: alerts.severity,
        resolvedAt: alerts.resolvedAt,
        acknowledgedAt: alerts.acknowledgedAt,
      })
      .from(alerts)
      .innerJoin(orgs, eq(orgs.id, alerts.companyOrgId))
      .where(and(eq(alerts.orgId, ctx.org.id), eq(alerts.id, alertId), stillShared(ctx.org.id)))
      .for("update", { of: alerts });
    if (!row) throw new AppError("NOT_FOUND", messageRef(investor_alerts_error_noAlert));
    if (row.resolvedAt) throw new AppError("CONFLICT", messageRef(investor_alerts_error_cleared));
    if (row.acknowledgedAt) return { id: row.id, acknowledgedAt: row.acknowledgedAt, changed: false };
    const [updated] = await tx
      .update(alerts)
      .set({ acknowledgedAt: sql`now()`, acknowledgedByUserId: ctx.user.id })
      .where(and(eq(alerts.orgId, ctx.org.id), eq(alerts.id, row.id)))
      .returning({ acknowledgedAt: alerts.acknowledgedAt });
    const { resolvedAt: _resolved, acknowledgedAt: _before, ...alert } = row;
    await recordAudit(tx, ctx, {
      action: "alert.acknowledge",
      entityType: "alert",
      entityId: row.id,
      before: { ...alert, acknowledgedAt: null },
      after: { ...alert, acknowledgedAt: updated!.acknowledgedAt, acknowledgedByUserId: ctx.user.id },
    });
    return { id: row.id, acknowledgedAt: updated!.acknowledgedAt, changed: true };
  });
}
