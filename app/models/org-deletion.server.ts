/**
 * Deleting an org (decision 009): an owner schedules it, it stays 30 days read-only and shared
 * with nobody, an owner may undo it until then, and afterwards the purge removes it with
 * everything it owns and everything other tenants derived from it.
 */
import { and, eq, isNotNull, lte, sql } from "drizzle-orm";
import { oneRow, rowsOf, type Db, type Tx } from "~db/client";
import { orgs, users } from "~db/schema";
import { withSystem, withTenant } from "~db/tenant";
import { can } from "~/auth/permissions";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { recordAudit } from "./audit.server";
import type { OrgContext } from "~/auth/context";
import { common_error_404_title } from "~/paraglide/messages/common_error_404_title.js";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { deletion_org_error_alreadyScheduled } from "~/paraglide/messages/deletion_org_error_alreadyscheduled1.js";
import { deletion_org_error_nameMismatch } from "~/paraglide/messages/deletion_org_error_namemismatch1.js";
import { deletion_org_error_notScheduled } from "~/paraglide/messages/deletion_org_error_notscheduled1.js";
import { deletion_org_error_ownerOnly } from "~/paraglide/messages/deletion_org_error_owneronly1.js";
import { readInOrg } from "./org-read.server";

/** Days between scheduling and the purge: the window for an undo. */
export const DELETION_GRACE_DAYS = 30;

export interface OrgDeletion {
  requestedAt: Date;
  purgeAfter: Date;
  /** null when the owner who asked has since deleted their account. */
  requestedByName: string | null;
}

function requireOwner(ctx: OrgContext) {
  if (!can(ctx.role, "delete:org")) throw new AppError("FORBIDDEN", messageRef(deletion_org_error_ownerOnly));
}

/** The org's deletion schedule, or null when none is. */
export async function getOrgDeletion(ctx: OrgContext): Promise<OrgDeletion | null> {
  const [row] = await readInOrg(ctx, (tx) =>
    tx
      .select({ requestedAt: orgs.deletionRequestedAt, purgeAfter: orgs.purgeAfter, requestedByName: users.name })
      .from(orgs)
      .leftJoin(users, eq(users.id, orgs.deletionRequestedBy))
      .where(eq(orgs.id, ctx.org.id)),
  );
  if (!row?.requestedAt || !row.purgeAfter) return null;
  return { requestedAt: row.requestedAt, purgeAfter: row.purgeAfter, requestedByName: row.requestedByName };
}

async function lockOrg(tx: Tx, orgId: string) {
  const [org] = await tx
    .select({ name: orgs.name, deletionRequestedAt: orgs.deletionRequestedAt, purgeAfter: orgs.purgeAfter })
    .from(orgs)
    .where(eq(orgs.id, orgId))
    .for("update");
  if (!org) throw new AppError("NOT_FOUND", messageRef(common_error_404_title));
  return org;
}

/**
 * Schedules the deletion. `confirmName` must be the org's name as it is now (a product asks
 * for that before anything irreversible). From the commit on, investors read nothing of the
 * org and its share links answer 404 (the row-level security of access_grants and the link
 * look-up both read `purge_after`); its pages are read-only for everyone but an owner's undo.
 */
export async function scheduleOrgDeletion(ctx: OrgContext, input: { confirmName: string }): Promise<OrgDeletion> {
  requireOwner(ctx);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const org = await lockOrg(tx, ctx.org.id);
    if (org.purgeAfter) throw new AppError("CONFLICT", messageRef(deletion_org_error_alreadyScheduled));
    if (input.confirmName.trim() !== org.name) {
      throw new AppError("INVALID", messageRef(common_validation_checkFields), {
        confirmName: messageRef(deletion_org_error_nameMismatch, { name: org.name }),
      });
    }
    const after = oneRow(
      await tx
        .update(orgs)
        .set({
          deletionRequestedAt: sql`now()`,
          deletionRequestedBy: ctx.user.id,
          purgeAfter: sql`now() + make_interval(days => ${DELETION_GRACE_DAYS})`,
        })
        .where(eq(orgs.id, ctx.org.id))
        .returning({ requestedAt: orgs.deletionRequestedAt, purgeAfter: orgs.purgeAfter }),
      "schedule org deletion",
    );
    await recordAudit(tx, ctx, {
      action: "org.deletion_schedule",
      entityType: "org",
      entityId: ctx.org.id,
      before: null,
      after: { deletionRequestedAt: after.requestedAt, purgeAfter: after.purgeAfter },
    });
    return { requestedAt: after.requestedAt!, purgeAfter: after.purgeAfter!, requestedByName: ctx.user.name };
  });
}

/** Cancels a scheduled deletion: the org is as it was, its grants and share links work again. */
export async function undoOrgDeletion(ctx: OrgContext): Promise<void> {
  requireOwner(ctx);
  await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const org = await lockOrg(tx, ctx.org.id);
    if (!org.purgeAfter) throw new AppError("CONFLICT", messageRef(deletion_org_error_notScheduled));
    await tx.update(orgs).set({ deletionRequestedAt: null, deletionRequestedBy: null, purgeAfter: null }).where(eq(orgs.id, ctx.org.id));
    await recordAudit(tx, ctx, {
      action: "org.deletion_undo",
      entityType: "org",
      entityId: ctx.org.id,
      before: { deletionRequestedAt: org.deletionRequestedAt, purgeAfter: org.purgeAfter },
      after: null,
    });
  });
}

// ---------------------------------------------------------------------------------------
// The purge: system work, not a tenant's action

export interface PurgedOrg {
  id: string;
  slug: string;
  kind: string;
}

/** Every table with an `org_id` column, from the catalog, so a table added later is swept too. */
async function tablesWithOrgId(tx: Tx): Promise<string[]> {
  const rows = rowsOf<{ table: string }>(
    await tx.execute(sql`
      select c.relname as table from pg_class c
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
      where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by 1`),
  );
  return rows.map((r) => r.table);
}

/**
 * Removes one org whose grace period ended at `now`, in one transaction; null when there is
 * nothing to do (no such org, not scheduled, undone, not due yet, or already purged), so it is
 * safe to run again and from two instances at once (the org row is locked first).
 *
 * What goes: every row with its `org_id` in every table (the foreign keys cascade from `orgs`;
 * the catalog sweep afterwards catches a future table without one), both directions of its
 * grants, its memberships, invitations, share links and their views, and what other tenants
 * derived from it: investors' alerts about it, their share links naming only it, its id in the
 * others and its pages in their frozen snapshots. What stays: investors' positions in it, their
 * own record of an investment, with the company's name kept as text (decision 009); and the
 * users, who may belong to other orgs.
 */
export async function purgeOrg(db: Db, orgId: string, now: Date): Promise<PurgedOrg | null> {
  return withSystem(db, async (tx) => {
    const [org] = await tx
      .select({ id: orgs.id, slug: orgs.slug, kind: orgs.kind, name: orgs.name, purgeAfter: orgs.purgeAfter })
      .from(orgs)
      .where(eq(orgs.id, orgId))
      .for("update");
    if (!org?.purgeAfter || org.purgeAfter.getTime() > now.getTime()) return null;

    await tx.execute(sql`update positions set company_name = ${org.name}, company_org_id = null where company_org_id = ${org.id}`);
    // Other orgs' share links: one naming only this company goes (its views with it); one naming
    // others too loses this one; a frozen report keeps no page of it.
    await tx.execute(sql`
      delete from share_links
      where ${org.id}::uuid = any(company_org_ids) and cardinality(array_remove(company_org_ids, ${org.id}::uuid)) = 0`);
    await tx.execute(sql`
      update share_links set company_org_ids = array_remove(company_org_ids, ${org.id}::uuid)
      where ${org.id}::uuid = any(company_org_ids)`);
    await tx.execute(sql`
      update share_links set snapshot = jsonb_set(snapshot, '{companies}', coalesce(
          (select jsonb_agg(e.company order by e.n) from jsonb_array_elements(snapshot -> 'companies') with ordinality as e(company, n)
           where e.company ->> 'orgId' is distinct from ${org.id}),
          '[]'::jsonb))
      where snapshot -> 'companies' @> jsonb_build_array(jsonb_build_object('orgId', ${org.id}::text))`);

    await tx.delete(orgs).where(eq(orgs.id, org.id));
    for (const table of await tablesWithOrgId(tx)) {
      await tx.execute(sql`delete from ${sql.identifier(table)} where org_id = ${org.id}`);
    }
    return { id: org.id, slug: org.slug, kind: org.kind };
  });
}

/** Purges every org whose grace period ended by `now`, each in its own transaction. */
export async function purgeDueOrgs(db: Db, now: Date = new Date()): Promise<{ purged: PurgedOrg[]; failed: { id: string; error: string }[] }> {
  const due = await withSystem(db, (tx) =>
    tx
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(isNotNull(orgs.purgeAfter), lte(orgs.purgeAfter, now)))
      .orderBy(orgs.purgeAfter),
  );
  const purged: PurgedOrg[] = [];
  const failed: { id: string; error: string }[] = [];
  for (const { id } of due) {
    try {
      const done = await purgeOrg(db, id, now);
      if (done) purged.push(done);
    } catch (error) {
      // One org that cannot go must not keep the others: it is reported and tried again next run.
      failed.push({ id, error: error instanceof Response ? `database unavailable (${error.status})` : error instanceof Error ? error.message : String(error) });
    }
  }
  return { purged, failed };
}
