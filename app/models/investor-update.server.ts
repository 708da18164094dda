/**
 * Investor updates (issue #17, decision 025): the startup's composer, sending (now or scheduled),
 * the investors' feed and "who opened it". The only door to investor_updates and
 * investor_update_views. Startup work runs in the startup's tenant transaction; an investor's
 * reads run in the investor's, where row-level security shows only sent updates addressed to it
 * while its grant shares "updates" — every query also names what it wants explicitly.
 */
import { and, asc, count, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { type Db, oneRow, rowsOf, type Tx } from "~db/client";
import { accessGrants, investorUpdates, investorUpdateViews, metricDefinitions, metricValues, monthlyReports, orgs } from "~db/schema";
import type { UpdateStatus } from "~db/schema/updates";
import { withSystem, withTenant } from "~db/tenant";
import type { OrgContext } from "~/auth/context";
import { can } from "~/auth/permissions";
import { isUuid } from "~/domain/bounds";
import { figuresForMonth, type InvestorUpdateInput, type MetricFigure, metricKeysIn, type UpdateFigures } from "~/domain/investor-update";
import { isMetricUnit } from "~/domain/metric";
import { normalizeDecimal } from "~/finance/metric-rollup";
import { spendOf } from "./monthly-report.server";
import type { Locale } from "~/i18n/locales";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { investorUpdateMail } from "~/server/mail.server";
import { type FigureCardOptions, figureCards, renderUpdateMarkdown, updateMarkdownAsText } from "~/server/update-markdown.server";
import { formatterFor } from "~/i18n/format";
import { queueNotification } from "./notification.server";
import { recordAudit } from "./audit.server";
import { conflictError, lockForEdit } from "./versioning.server";
import { records_readOnlyRecords } from "~/paraglide/messages/records_readonlyrecords2.js";
import { updates_error_alreadySent } from "~/paraglide/messages/updates_error_alreadysent1.js";
import { updates_error_sentNotDeletable } from "~/paraglide/messages/updates_error_sentnotdeletable2.js";
import { updates_error_recipients } from "~/paraglide/messages/updates_error_recipients.js";
import { updates_error_recipientUnknown } from "~/paraglide/messages/updates_error_recipientunknown1.js";
import { updates_error_scheduledAt } from "~/paraglide/messages/updates_error_scheduledat1.js";
import { updates_what } from "~/paraglide/messages/updates_what.js";
import { common_error_404_title } from "~/paraglide/messages/common_error_404_title.js";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { readInOrg } from "./org-read.server";

export const UPDATES_LIST_PAGE_SIZE = 20;
export const UPDATES_FEED_PAGE_SIZE = 20;

export type UpdateIntent = "save" | "send" | "schedule";

export interface UpdateDelivery {
  intent: UpdateIntent;
  /** Investor org ids chosen in the form. */
  recipients: readonly string[];
  /** For "schedule": when to send (must be in the future). */
  scheduledAt: Date | null;
  /** Where the e-mail's link points (the request's origin). */
  origin: string;
  now?: Date;
}

function assertCanEdit(ctx: OrgContext) {
  if (ctx.org.kind !== "startup") throw new AppError("NOT_FOUND", messageRef(common_error_404_title));
  if (!can(ctx.role, "edit:records")) throw new AppError("FORBIDDEN", messageRef(records_readOnlyRecords));
}

function startupOnly(ctx: OrgContext) {
  if (ctx.org.kind !== "startup") throw new AppError("NOT_FOUND", messageRef(common_error_404_title));
}

const notFoundError = () => new AppError("NOT_FOUND", messageRef(common_error_404_title));

// ------------------------------------------------------------------------------ startup side

export interface RecipientChoice {
  orgId: string;
  name: string;
}

/** Investors that hold an approved grant with the "updates" section: whom an update may go to. */
async function grantedInvestors(tx: Tx, orgId: string): Promise<RecipientChoice[]> {
  const rows = await tx
    .select({ orgId: accessGrants.investorOrgId, name: orgs.name })
    .from(accessGrants)
    .leftJoin(orgs, eq(orgs.id, accessGrants.investorOrgId))
    .where(and(eq(accessGrants.orgId, orgId), eq(accessGrants.status, "approved"), sql`'updates' = any(${accessGrants.sections})`))
    .orderBy(asc(orgs.name));
  return rows.map((r) => ({ orgId: r.orgId, name: r.name ?? "—" }));
}

export async function listRecipientChoices(ctx: OrgContext): Promise<RecipientChoice[]> {
  startupOnly(ctx);
  return readInOrg(ctx, (tx) => grantedInvestors(tx, ctx.org.id));
}

export interface UpdateListItem {
  id: string;
  title: string;
  month: string;
  status: UpdateStatus;
  scheduledAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
  opens: number;
}

/** The startup's updates, newest first (sent by when they went, the rest by when they were begun), paged. */
export async function listUpdates(ctx: OrgContext, options: { page?: number } = {}) {
  startupOnly(ctx);
  return readInOrg(ctx, async (tx) => {
    const { total } = oneRow(await tx.select({ total: count() }).from(investorUpdates).where(eq(investorUpdates.orgId, ctx.org.id)), "updates count");
    const pageCount = Math.max(1, Math.ceil(total / UPDATES_LIST_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(options.page ?? 1) || 1), pageCount);
    const opens = tx
      .select({ updateId: investorUpdateViews.updateId, n: count().as("n") })
      .from(investorUpdateViews)
      .where(eq(investorUpdateViews.companyOrgId, ctx.org.id))
      .groupBy(investorUpdateViews.updateId)
      .as("opens");
    const rows = await tx
      .select({
        id: investorUpdates.id,
        title: investorUpdates.title,
        month: investorUpdates.month,
        status: investorUpdates.status,
        scheduledAt: investorUpdates.scheduledAt,
        sentAt: investorUpdates.sentAt,
        createdAt: investorUpdates.createdAt,
        opens: sql<number>`coalesce(${opens.n}, 0)::int`,
      })
      .from(investorUpdates)
      .leftJoin(opens, eq(opens.updateId, investorUpdates.id))
      .where(eq(investorUpdates.orgId, ctx.org.id))
      .orderBy(desc(sql`coalesce(${investorUpdates.sentAt}, ${investorUpdates.createdAt})`), desc(investorUpdates.id))
      .limit(UPDATES_LIST_PAGE_SIZE)
      .offset((page - 1) * UPDATES_LIST_PAGE_SIZE);
    return { updates: rows as UpdateListItem[], page, pageCount, total };
  });
}

export type InvestorUpdateRow = typeof investorUpdates.$inferSelect;

export interface StartupUpdateView {
  update: InvestorUpdateRow;
  recipients: RecipientChoice[];
  opens: { userId: string; name: string; investorName: string; firstViewedAt: Date }[];
}

/** One update with whom it went to and who opened it; null when this org has no such update. */
export async function getUpdateForStartup(ctx: OrgContext, id: string): Promise<StartupUpdateView | null> {
  startupOnly(ctx);
  if (!isUuid(id)) return null;
  return readInOrg(ctx, async (tx) => {
    const [update] = await tx
      .select()
      .from(investorUpdates)
      .where(and(eq(investorUpdates.orgId, ctx.org.id), eq(investorUpdates.id, id)));
    if (!update) return null;
    const names =
      update.recipientOrgIds.length === 0
        ? []
        : await tx.select({ orgId: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, update.recipientOrgIds));
    const nameOf = new Map(names.map((n) => [n.orgId, n.name]));
    const recipients = update.recipientOrgIds.map((orgId) => ({ orgId, name: nameOf.get(orgId) ?? "—" }));
    const views = await tx
      .select({
        userId: investorUpdateViews.userId,
        name: investorUpdateViews.viewerName,
        investorOrgId: investorUpdateViews.orgId,
        firstViewedAt: investorUpdateViews.firstViewedAt,
      })
      .from(investorUpdateViews)
      .where(and(eq(investorUpdateViews.companyOrgId, ctx.org.id), eq(investorUpdateViews.updateId, id)))
      .orderBy(asc(investorUpdateViews.firstViewedAt));
    return {
      update,
      recipients,
      opens: views.map((v) => ({ userId: v.userId, name: v.name, investorName: nameOf.get(v.investorOrgId) ?? "—", firstViewedAt: v.firstViewedAt })),
    };
  });
}

/**
 * The figures of `month` as the startup's own reports give them (its tenant transaction), with the
 * month's value of each custom metric `body` names as `{{metric:key}}` (decision 024).
 */
async function monthFigures(tx: Tx, orgId: string, month: string, body: string): Promise<UpdateFigures> {
  const rows = await tx.select().from(monthlyReports).where(eq(monthlyReports.orgId, orgId)).orderBy(asc(monthlyReports.month));
  const figures = figuresForMonth(
    rows.map((row) => ({ month: row.month, spend: spendOf(row), revenue: row.revenue, cash: row.cash })),
    month,
  );
  const keys = metricKeysIn(body);
  if (keys.length === 0) return figures;
  const found = await tx
    .select({
      key: metricDefinitions.key,
      nameEn: metricDefinitions.nameEn,
      nameZh: metricDefinitions.nameZh,
      unit: metricDefinitions.unit,
      value: metricValues.value,
    })
    .from(metricDefinitions)
    .leftJoin(
      metricValues,
      and(eq(metricValues.orgId, metricDefinitions.orgId), eq(metricValues.metricId, metricDefinitions.id), eq(metricValues.month, month)),
    )
    .where(and(eq(metricDefinitions.orgId, orgId), inArray(metricDefinitions.key, keys)));
  const metrics: Record<string, MetricFigure> = {};
  for (const m of found) {
    metrics[m.key] = {
      nameEn: m.nameEn,
      nameZh: m.nameZh,
      unit: isMetricUnit(m.unit) ? m.unit : "count",
      value: m.value === null ? null : normalizeDecimal(m.value),
    };
  }
  return { ...figures, metrics };
}

/** The figures the startup sees while writing: live from its reports and metrics (a sent update shows what was sent). */
export async function previewFigures(ctx: OrgContext, month: string, body = ""): Promise<UpdateFigures> {
  startupOnly(ctx);
  return readInOrg(ctx, (tx) => monthFigures(tx, ctx.org.id, month, body));
}

/**
 * Whether `investorOrgId`'s approved grant from `companyOrgId` shares the financials section,
 * which holds custom metrics (decision 024): without it, metric cards are withheld from its
 * people. Read in either side's tenant transaction (both see the grant).
 */
async function sharesFinancials(tx: Tx, companyOrgId: string, investorOrgId: string): Promise<boolean> {
  const [grant] = await tx
    .select({ id: accessGrants.id })
    .from(accessGrants)
    .where(
      and(
        eq(accessGrants.orgId, companyOrgId),
        eq(accessGrants.investorOrgId, investorOrgId),
        eq(accessGrants.status, "approved"),
        sql`'financials' = any(${accessGrants.sections})`,
      ),
    );
  return Boolean(grant);
}

/** Checks the delivery fields of a send or schedule; field errors answer 400 and nothing is written. */
function checkDelivery(delivery: UpdateDelivery, granted: readonly RecipientChoice[], now: Date) {
  const fieldErrors: Record<string, ReturnType<typeof messageRef>> = {};
  if (delivery.intent !== "save") {
    if (delivery.recipients.length === 0) fieldErrors.recipients = messageRef(updates_error_recipients);
    const allowed = new Set(granted.map((g) => g.orgId));
    if (delivery.recipients.some((id) => !allowed.has(id))) fieldErrors.recipients = messageRef(updates_error_recipientUnknown);
  }
  if (delivery.intent === "schedule" && (!delivery.scheduledAt || delivery.scheduledAt.getTime() <= now.getTime())) {
    fieldErrors.scheduledAt = messageRef(updates_error_scheduledAt);
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("INVALID", messageRef(common_validation_checkFields), fieldErrors);
}

function stateOf(delivery: UpdateDelivery) {
  return delivery.intent === "schedule" ? { status: "scheduled" as const, scheduledAt: delivery.scheduledAt } : { status: "draft" as const, scheduledAt: null };
}

/** Creates an update: a draft, a scheduled one, or one sent at once (its mail queued in the same transaction). */
export async function createUpdate(ctx: OrgContext, input: InvestorUpdateInput, delivery: UpdateDelivery): Promise<InvestorUpdateRow> {
  assertCanEdit(ctx);
  const now = delivery.now ?? new Date();
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const granted = await grantedInvestors(tx, ctx.org.id);
    checkDelivery(delivery, granted, now);
    const row = oneRow(
      await tx
        .insert(investorUpdates)
        .values({ orgId: ctx.org.id, ...input, ...stateOf(delivery), recipientOrgIds: [...new Set(delivery.recipients)], createdBy: ctx.user.id })
        .returning(),
      "insert investor update",
    );
    if (delivery.intent !== "send") return row;
    return sendInTransaction(tx, { id: ctx.org.id, name: ctx.org.name, baseCurrency: ctx.org.baseCurrency }, row, delivery.origin, now);
  });
}

/**
 * Saves an edit made on `version` (409 when someone saved in between; a sent update cannot
 * change), and sends or schedules it when asked.
 */
export async function saveUpdate(
  ctx: OrgContext,
  id: string,
  version: number,
  input: InvestorUpdateInput,
  delivery: UpdateDelivery,
): Promise<InvestorUpdateRow> {
  assertCanEdit(ctx);
  const now = delivery.now ?? new Date();
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await lockForEdit(tx, investorUpdates, ctx.org.id, id, messageRef(common_error_404_title));
    if (before.status === "sent") throw new AppError("CONFLICT", messageRef(updates_error_alreadySent));
    if (before.version !== version) throw conflictError(updates_what);
    const granted = await grantedInvestors(tx, ctx.org.id);
    checkDelivery(delivery, granted, now);
    const [row] = await tx
      .update(investorUpdates)
      .set({ ...input, ...stateOf(delivery), recipientOrgIds: [...new Set(delivery.recipients)], version: before.version + 1, updatedAt: now })
      .where(and(eq(investorUpdates.orgId, ctx.org.id), eq(investorUpdates.id, id), eq(investorUpdates.version, version)))
      .returning();
    if (!row) throw conflictError(updates_what);
    if (delivery.intent !== "send") return row;
    return sendInTransaction(tx, { id: ctx.org.id, name: ctx.org.name, baseCurrency: ctx.org.baseCurrency }, row, delivery.origin, now);
  });
}

/**
 * Deletes a draft or a scheduled update read at `version` (decision 025, addendum): a scheduled one
 * is then never sent — the send job takes rows FOR UPDATE SKIP LOCKED and re-checks them, and
 * this takes the row FOR UPDATE, so either the delete wins and there is nothing to send, or the
 * send wins and the delete finds it sent. A sent update is not deleted (CONFLICT): it went to
 * investors' inboxes and feeds, and deleting it would rewrite what they were told. Audited with
 * what it was.
 */
export async function deleteUpdate(ctx: OrgContext, id: string, version: number): Promise<void> {
  assertCanEdit(ctx);
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const before = await lockForEdit(tx, investorUpdates, ctx.org.id, id, messageRef(common_error_404_title));
    if (before.status === "sent") throw new AppError("CONFLICT", messageRef(updates_error_sentNotDeletable));
    if (before.version !== version) throw conflictError(updates_what);
    await tx.delete(investorUpdates).where(and(eq(investorUpdates.orgId, ctx.org.id), eq(investorUpdates.id, before.id)));
    await recordAudit(tx, ctx, {
      action: "investor_update.delete",
      entityType: "investor_update",
      entityId: before.id,
      before: {
        title: before.title,
        month: before.month,
        status: before.status,
        scheduledAt: before.scheduledAt?.toISOString() ?? null,
        recipients: before.recipientOrgIds.length,
        version: before.version,
      },
    });
  });
}

/**
 * Sends `row` inside the startup's tenant transaction: freezes the month's figures, marks it sent
 * and queues one e-mail per person (owner, admin, member) of each chosen investor that still holds
 * an "updates" grant — app_update_recipients (migration 0022) answers nothing for any other.
 * The mail is a notification (decision 023): `queueNotification` skips whoever turned investor
 * updates off and gives the others a one-click unsubscribe link. The update is sent all the same:
 * it is in the investor's feed, whoever chose not to be mailed about it.
 */
async function sendInTransaction(
  tx: Tx,
  company: { id: string; name: string; baseCurrency: string },
  row: InvestorUpdateRow,
  origin: string,
  now: Date,
): Promise<InvestorUpdateRow> {
  const figures = await monthFigures(tx, company.id, row.month, row.body);
  const [sent] = await tx
    .update(investorUpdates)
    .set({ status: "sent", sentAt: now, scheduledAt: null, figures, updatedAt: now, version: row.version + 1 })
    .where(and(eq(investorUpdates.orgId, company.id), eq(investorUpdates.id, row.id), eq(investorUpdates.version, row.version)))
    .returning();
  if (!sent) throw conflictError(updates_what);
  for (const investorOrgId of sent.recipientOrgIds) {
    const [investor] = await tx.select({ slug: orgs.slug }).from(orgs).where(eq(orgs.id, investorOrgId));
    if (!investor) continue;
    const people = rowsOf<{ user_id: string }>(await tx.execute(sql`select user_id from app_update_recipients(${investorOrgId}::uuid)`));
    const link = `${origin}/o/${investor.slug}/updates/${row.id}`;
    const metricsWithheld = !(await sharesFinancials(tx, company.id, investorOrgId));
    await queueNotification(tx, {
      // The startup's owners follow the delivery of what they sent under Settings → Mail.
      orgId: company.id,
      kind: "investor_update",
      userIds: people.map((p) => p.user_id),
      origin,
      compose: (locale, links) => {
        const card = figureCards(locale, figures, company.baseCurrency, { metricsWithheld });
        const text = [sent.body ? updateMarkdownAsText(sent.body, card) : "", ...threeFields(sent)].filter((s) => s !== "").join("\n\n");
        return investorUpdateMail(locale, { company: company.name, title: sent.title, month: formatterFor(locale).month(sent.month), text, link }, links);
      },
    });
  }
  return sent;
}

function threeFields(row: Pick<InvestorUpdateRow, "highlights" | "lowlights" | "asks">): string[] {
  return [row.highlights, row.lowlights, row.asks].filter((v): v is string => Boolean(v));
}

// ------------------------------------------------------------------------------ scheduled sending

/**
 * Sends every scheduled update that is due (the job in app/server/update-schedule.server.ts).
 * Several instances may run it at once: each due row is taken in its startup's tenant transaction
 * with FOR UPDATE SKIP LOCKED and sent there, so one instance sends it and the others skip it;
 * once committed it is "sent" and no longer due. Returns the ids it sent.
 */
export async function sendDueUpdates(db: Db, origin: string, now: Date = new Date(), limit = 20): Promise<string[]> {
  const due = await withSystem(db, (tx) =>
    tx
      .select({ orgId: investorUpdates.orgId, id: investorUpdates.id })
      .from(investorUpdates)
      .where(and(eq(investorUpdates.status, "scheduled"), sql`${investorUpdates.scheduledAt} <= ${now.toISOString()}::timestamptz`))
      .orderBy(asc(investorUpdates.scheduledAt))
      .limit(limit),
  );
  const sent: string[] = [];
  for (const { orgId, id } of due) {
    const done = await withTenant(db, orgId, async (tx) => {
      const [row] = await tx
        .select()
        .from(investorUpdates)
        .where(and(eq(investorUpdates.orgId, orgId), eq(investorUpdates.id, id), eq(investorUpdates.status, "scheduled")))
        .for("update", { skipLocked: true });
      if (!row?.scheduledAt || row.scheduledAt.getTime() > now.getTime()) return false;
      const [company] = await tx.select({ id: orgs.id, name: orgs.name, baseCurrency: orgs.baseCurrency }).from(orgs).where(eq(orgs.id, orgId));
      if (!company) return false;
      await sendInTransaction(tx, company, row, origin, now);
      return true;
    });
    if (done) sent.push(id);
  }
  return sent;
}

// ------------------------------------------------------------------------------ investor side

export interface FeedItem {
  id: string;
  title: string;
  month: string;
  sentAt: Date;
  company: { name: string; slug: string };
}

/** `%`, `_` and `\` typed by the user match themselves in ILIKE. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The investor's feed: updates sent to it across the portfolio, newest first, searchable by title and body, paged. */
export async function listUpdateFeed(ctx: OrgContext, options: { q?: string; page?: number } = {}) {
  if (ctx.org.kind !== "investor") throw notFoundError();
  const q = (options.q ?? "").trim().slice(0, 200);
  return readInOrg(ctx, async (tx) => {
    const where = and(
      eq(investorUpdates.status, "sent"),
      sql`${ctx.org.id}::uuid = any(${investorUpdates.recipientOrgIds})`,
      q ? or(ilike(investorUpdates.title, likePattern(q)), ilike(investorUpdates.body, likePattern(q))) : undefined,
    );
    const { total } = oneRow(await tx.select({ total: count() }).from(investorUpdates).where(where), "feed count");
    const pageCount = Math.max(1, Math.ceil(total / UPDATES_FEED_PAGE_SIZE));
    const page = Math.min(Math.max(1, Math.floor(options.page ?? 1) || 1), pageCount);
    const rows = await tx
      .select({
        id: investorUpdates.id,
        title: investorUpdates.title,
        month: investorUpdates.month,
        sentAt: investorUpdates.sentAt,
        companyName: orgs.name,
        companySlug: orgs.slug,
      })
      .from(investorUpdates)
      .innerJoin(orgs, eq(orgs.id, investorUpdates.orgId))
      .where(where)
      .orderBy(desc(investorUpdates.sentAt), desc(investorUpdates.id))
      .limit(UPDATES_FEED_PAGE_SIZE)
      .offset((page - 1) * UPDATES_FEED_PAGE_SIZE);
    const updates: FeedItem[] = rows.map((r) => ({
      id: r.id,
      title: r.title,
      month: r.month,
      sentAt: r.sentAt ?? new Date(0),
      company: { name: r.companyName, slug: r.companySlug },
    }));
    return { updates, page, pageCount, total, q };
  });
}

export interface ReadableUpdate {
  id: string;
  title: string;
  month: string;
  status: UpdateStatus;
  sentAt: Date | null;
  scheduledAt: Date | null;
  highlights: string | null;
  lowlights: string | null;
  asks: string | null;
  /** Safe HTML (app/server/update-markdown.server.ts), figure cards in the reader's language. */
  html: string;
  body: string;
  version: number;
  company: { name: string; slug: string };
}

function readable(
  row: InvestorUpdateRow,
  company: { name: string; slug: string; baseCurrency: string },
  figures: UpdateFigures,
  locale: Locale,
  options: FigureCardOptions = {},
): ReadableUpdate {
  return {
    id: row.id,
    title: row.title,
    month: row.month,
    status: row.status,
    sentAt: row.sentAt,
    scheduledAt: row.scheduledAt,
    highlights: row.highlights,
    lowlights: row.lowlights,
    asks: row.asks,
    body: row.body,
    version: row.version,
    html: renderUpdateMarkdown(row.body, figureCards(locale, figures, company.baseCurrency, options)),
    company: { name: company.name, slug: company.slug },
  };
}

/** The startup's own update rendered as a reader sees it (a draft with today's figures, a sent one with what was sent). */
export async function renderUpdateForStartup(ctx: OrgContext, view: StartupUpdateView, locale: Locale): Promise<ReadableUpdate> {
  const figures = view.update.figures ?? (await previewFigures(ctx, view.update.month, view.update.body));
  return readable(view.update, { name: ctx.org.name, slug: ctx.org.slug, baseCurrency: ctx.org.baseCurrency }, figures, locale);
}

/**
 * An investor opens an update: read through RLS (sent to it, grant with "updates" still held) and
 * the person's first view recorded, once, in the same transaction. Null for anything else — no
 * update, another company's, not sent to this investor, revoked — so the route answers 404.
 */
export async function openUpdateAsInvestor(ctx: OrgContext, id: string, locale: Locale): Promise<ReadableUpdate | null> {
  if (ctx.org.kind !== "investor" || !isUuid(id)) return null;
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const [found] = await tx
      .select({ update: investorUpdates, name: orgs.name, slug: orgs.slug, baseCurrency: orgs.baseCurrency })
      .from(investorUpdates)
      .innerJoin(orgs, eq(orgs.id, investorUpdates.orgId))
      .where(and(eq(investorUpdates.id, id), eq(investorUpdates.status, "sent"), sql`${ctx.org.id}::uuid = any(${investorUpdates.recipientOrgIds})`));
    if (!found) return null;
    await tx
      .insert(investorUpdateViews)
      .values({ orgId: ctx.org.id, companyOrgId: found.update.orgId, updateId: id, userId: ctx.user.id, viewerName: ctx.user.name })
      .onConflictDoNothing();
    // Metric cards follow the grant as it is now: revoking financials hides them on the next view.
    const metricsWithheld = !(await sharesFinancials(tx, found.update.orgId, ctx.org.id));
    return readable(found.update, found, found.update.figures ?? {}, locale, { metricsWithheld });
  });
}
