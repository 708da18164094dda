import { z } from "zod";
import { zodMessage } from "~/i18n/zod-messages";
import { admin_audit_error_action } from "~/paraglide/messages/admin_audit_error_action.js";
import { admin_audit_error_date } from "~/paraglide/messages/admin_audit_error_date.js";
import { admin_audit_error_person } from "~/paraglide/messages/admin_audit_error_person.js";
import { admin_audit_error_range } from "~/paraglide/messages/admin_audit_error_range.js";

/**
 * The audit log's vocabulary and its list query (browser-safe: the page's filter form and the
 * model share it). Every action any model records, in the order the filter offers them.
 */
export const AUDIT_ACTIONS = [
  "monthly_report.create",
  "monthly_report.update",
  "monthly_report.import",
  "budget.save_grid",
  "budget.import",
  "funding_round.create",
  "funding_round.update",
  "funding_round.delete",
  "debt_facility.create",
  "debt_facility.update",
  "debt_facility.delete",
  "risk.create",
  "risk.update",
  "risk.delete",
  "metric.create",
  "metric.update",
  "metric.delete",
  "metric_value.save",
  "metric_value.clear",
  "metric.import",
  "investor_update.delete",
  "access_grant.request",
  "access_grant.invite",
  "access_grant.approve",
  "access_grant.update_sections",
  "access_grant.decline",
  "access_grant.revoke",
  "share_link.create",
  "share_link.revoke",
  "invitation.create",
  "invitation.revoke",
  "invitation.accept",
  "company_invitation.create",
  "company_invitation.resend",
  "company_invitation.cancel",
  "company_invitation.accept",
  "member.role",
  "member.remove",
  "position.create",
  "position.update",
  "position.delete",
  "fx_rate.create",
  "fx_rate.update",
  "fx_rate.delete",
  "fx_rate.import",
  "alert_rules.update",
  "metric_alert_rule.create",
  "metric_alert_rule.delete",
  "alert.acknowledge",
  "data_request.create",
  "data_request.remind",
  "data_request.stop",
  "data_request.change",
  "org.create",
  "org.update",
  "org.export",
  "org.deletion_schedule",
  "org.deletion_undo",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const isAuditAction = (value: string): value is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(value);

export const AUDIT_SORT_KEYS = ["at", "actor", "action"] as const;
export type AuditSortKey = (typeof AUDIT_SORT_KEYS)[number];
export type AuditSortDirection = "asc" | "desc";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  /** A person's user id. */
  actor: string | null;
  action: AuditAction | null;
  /** Inclusive calendar days (UTC). */
  from: string | null;
  to: string | null;
}

export interface AuditQuery extends AuditFilters {
  sort: AuditSortKey;
  dir: AuditSortDirection;
  page: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) && Number(m[1]) >= 2000;
}

const blank = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

const day = z.preprocess(
  blank,
  z
    .string()
    .refine(isCalendarDay, { message: zodMessage(admin_audit_error_date) })
    .nullable(),
);

/** The filter form's fields (search params); an empty field means "any". */
export const auditFiltersSchema = z
  .object({
    actor: z.preprocess(
      blank,
      z
        .string()
        .regex(UUID, { message: zodMessage(admin_audit_error_person) })
        .nullable(),
    ),
    action: z.preprocess(
      blank,
      z
        .string()
        .refine(isAuditAction, { message: zodMessage(admin_audit_error_action) })
        .nullable(),
    ),
    from: day,
    to: day,
  })
  .superRefine((value, issue) => {
    if (value.from && value.to && isCalendarDay(value.from) && isCalendarDay(value.to) && value.from > value.to)
      issue.addIssue({ code: "custom", path: ["to"], message: zodMessage(admin_audit_error_range) });
  });

/** Sort and page never fail: anything unknown falls back to newest first, page 1. */
export function parseAuditOrder(params: URLSearchParams): Pick<AuditQuery, "sort" | "dir" | "page"> {
  const sortParam = params.get("sort");
  const sort = (AUDIT_SORT_KEYS as readonly string[]).includes(sortParam ?? "") ? (sortParam as AuditSortKey) : "at";
  const dirParam = params.get("dir");
  const dir: AuditSortDirection = dirParam === "asc" || dirParam === "desc" ? dirParam : sort === "at" ? "desc" : "asc";
  const page = Number(params.get("page"));
  return { sort, dir, page: Number.isSafeInteger(page) && page >= 1 ? page : 1 };
}
