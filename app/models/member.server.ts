import { and, asc, eq } from "drizzle-orm";
import { memberships, users, type Role } from "~db/schema";
import { withTenant } from "~db/tenant";
import { AppError } from "~/server/http.server";
import { messageRef } from "~/i18n/translate";
import { recordAudit } from "./audit.server";
import type { OrgContext } from "~/auth/context";
import { admin_members_error_lastOwner } from "~/paraglide/messages/admin_members_error_lastowner1.js";
import { admin_members_error_noMember } from "~/paraglide/messages/admin_members_error_nomember1.js";
import { admin_members_error_ownerOnlyChange } from "~/paraglide/messages/admin_members_error_owneronlychange2.js";
import { admin_members_error_ownerOnlyPromote } from "~/paraglide/messages/admin_members_error_owneronlypromote2.js";

export async function listMembers(ctx: OrgContext) {
  return withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .orderBy(asc(users.name)),
  );
}

/**
 * Changes a member's role or removes them, keeping at least one owner. The owners' rows are
 * locked first, so two owners demoting each other at once cannot leave the org ownerless.
 */
async function changeMembership(ctx: OrgContext, userId: string, nextRole: Role | null) {
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const owners = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.role, "owner")))
      .for("update");
    const [target] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, userId)))
      .for("update");
    if (!target) throw new AppError("NOT_FOUND", messageRef(admin_members_error_noMember));
    if (target.role === "owner" && ctx.role !== "owner") {
      throw new AppError("FORBIDDEN", messageRef(admin_members_error_ownerOnlyChange));
    }
    if (nextRole === "owner" && ctx.role !== "owner") {
      throw new AppError("FORBIDDEN", messageRef(admin_members_error_ownerOnlyPromote));
    }
    const losesOwner = target.role === "owner" && nextRole !== "owner";
    if (losesOwner && owners.length <= 1) {
      throw new AppError("CONFLICT", messageRef(admin_members_error_lastOwner));
    }
    if (nextRole === null) {
      await tx.delete(memberships).where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, userId)));
    } else {
      await tx
        .update(memberships)
        .set({ role: nextRole })
        .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, userId)));
    }
    await recordAudit(tx, ctx, {
      action: nextRole === null ? "member.remove" : "member.role",
      entityType: "membership",
      entityId: userId,
      before: { role: target.role },
      after: nextRole === null ? null : { role: nextRole },
    });
  });
}

export function changeMemberRole(ctx: OrgContext, userId: string, role: Role) {
  return changeMembership(ctx, userId, role);
}

export function removeMember(ctx: OrgContext, userId: string) {
  return changeMembership(ctx, userId, null);
}
