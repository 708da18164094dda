/**
 * A person deletes their own account (decision 009). Refused while they are the only owner of
 * an org (it would be left with nobody able to manage or delete it); otherwise the user row
 * goes, and with it their sessions and memberships (foreign keys cascade). Every other
 * reference to them — audit entries, who updated a report, who decided a grant — is set to
 * null by its foreign key, so the records stay and the actor reads as "a former member".
 */
import { and, eq, sql } from "drizzle-orm";
import { rowsOf } from "~db/client";
import { users } from "~db/schema";
import { withSystem } from "~db/tenant";
import { verifyPassword } from "~/auth/password.server";
import { messageRef } from "~/i18n/translate";
import { AppError } from "~/server/http.server";
import { forgetAccount, signInKeys, throttled } from "./login-throttle.server";
import type { SystemContext } from "~/auth/context";
import { auth_password_currentWrong } from "~/paraglide/messages/auth_password_currentwrong1.js";
import { deletion_account_error_lastOwner } from "~/paraglide/messages/deletion_account_error_lastowner1.js";

export interface SoleOwnedOrg {
  id: string;
  slug: string;
  name: string;
  /** Set when the org is already scheduled for deletion: it does not block the account's. */
  purgeAfter: Date | null;
}

const SOLE_OWNED = (userId: string) => sql`
  select o.id, o.slug, o.name, o.purge_after as "purgeAfter"
  from memberships m join orgs o on o.id = m.org_id
  where m.user_id = ${userId} and m.role = 'owner'
    and not exists (select 1 from memberships other where other.org_id = m.org_id and other.role = 'owner' and other.user_id <> ${userId})
  order by o.name, o.slug`;

function toSoleOwned(rows: { id: string; slug: string; name: string; purgeAfter: Date | string | null }[]): SoleOwnedOrg[] {
  return rows.map((r) => ({ ...r, purgeAfter: r.purgeAfter === null ? null : new Date(r.purgeAfter) }));
}

/** The orgs this user is the only owner of, by name: the ones in the way of deleting the account. */
export async function listSoleOwnedOrgs({ db }: SystemContext, userId: string): Promise<SoleOwnedOrg[]> {
  return withSystem(db, async (tx) => toSoleOwned(rowsOf(await tx.execute(SOLE_OWNED(userId)))));
}

/**
 * Deletes the account after checking the current password — behind the sign-in throttle (the
 * same buckets: it is a guess at the same password), so a refusal there comes back as the
 * seconds to wait and the password is not checked. A wrong password is INVALID. The owner rows
 * of every org the user owns are locked first, so two owners deleting their accounts at once
 * cannot leave an org without one (the second waits, then sees itself as the last owner and is
 * refused). An org already scheduled for deletion does not block: it goes anyway.
 */
export async function deleteAccount(
  { db }: SystemContext,
  user: { id: string; email: string },
  currentPassword: string,
  ip: string,
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const checked = await throttled(db, signInKeys(user.email, ip), async () => {
    const [row] = await withSystem(db, (tx) => tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)));
    return row && (await verifyPassword(row.passwordHash, currentPassword)) ? true : null;
  });
  if (!checked.ok && checked.reason === "throttled") return { ok: false, retryAfterSeconds: checked.retryAfterSeconds };
  if (!checked.ok) {
    throw new AppError("INVALID", messageRef(auth_password_currentWrong), { currentPassword: messageRef(auth_password_currentWrong) });
  }
  await withSystem(db, async (tx) => {
    await tx.execute(sql`
      select m.org_id from memberships m
      where m.role = 'owner' and m.org_id in (select org_id from memberships where user_id = ${user.id} and role = 'owner')
      for update`);
    const blocking = toSoleOwned(rowsOf(await tx.execute(SOLE_OWNED(user.id)))).filter((o) => o.purgeAfter === null);
    if (blocking.length > 0) {
      throw new AppError("CONFLICT", messageRef(deletion_account_error_lastOwner, { orgs: blocking.map((o) => `“${o.name}”`).join(", ") }));
    }
    // The sign-in throttle's rows name the address (and the addresses signed in from): they go too.
    await forgetAccount(tx, user.email);
    await tx.delete(users).where(and(eq(users.id, user.id)));
  });
  return { ok: true };
}
