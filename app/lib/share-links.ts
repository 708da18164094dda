import { z } from "zod";
import type { GrantSection } from "~db/schema/rls";
import type { ShareMode, ShareScope } from "~db/schema/sharing";
import { messageRef, type PlainKey } from "~/i18n/translate";
import { SECTION_KEYS } from "./access-grants";
import { isUuid } from "~/domain/bounds";
import { nameField } from "./fields";

/*
 * Share links as the forms and lists name them. Not a .server module: the management page
 * builds its zod schema at module level and renders these labels in the browser. Labels are
 * message keys and messages are message refs (docs/i18n.md).
 */

export const SHARE_LINK_DEFAULT_DAYS = 30;
export const SHARE_LINK_MAX_DAYS = 365;
export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 200;
/** A companies subset is at most this many (the table's CHECK says the same). */
export const MAX_SUBSET = 500;
/** The detail page lists this many of a link's latest views. */
export const SHARE_LINK_VIEWS_SHOWN = 200;

export const SCOPE_LABELS: Record<ShareScope, PlainKey> = {
  company: "admin.scope.company",
  portfolio: "admin.scope.portfolio",
  companies: "admin.scope.companies",
};

export const MODE_LABELS: Record<ShareMode, PlainKey> = {
  live: "admin.shareLinks.modeLive",
  frozen: "admin.shareLinks.modeFrozen",
};

/** The message key naming a stored section, or null for a value no longer known (shown as it is). */
export function sectionLabelKey(section: string): PlainKey | null {
  return (SECTION_KEYS as readonly string[]).includes(section) ? `admin.section.${section as GrantSection}` : null;
}

export type ShareLinkStatus = "active" | "expired" | "revoked";

export function shareLinkStatus(link: { revokedAt: Date | string | null; expiresAt: Date | string }, now = new Date()): ShareLinkStatus {
  if (link.revokedAt) return "revoked";
  return new Date(link.expiresAt).getTime() <= now.getTime() ? "expired" : "active";
}

const MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

/**
 * The scalar fields of the create form. Sections and the chosen companies are ticked boxes
 * (several values under one name), parsed with FormData.getAll beside this schema.
 */
export const CreateShareLinkSchema = z
  .object({
    intent: z.literal("create"),
    label: nameField("admin.shareLinks.labelInSentence"),
    scope: z.enum(["company", "portfolio", "companies"], { error: messageRef("admin.shareLinks.error.chooseScope") }),
    companyId: z.string().optional(),
    mode: z.enum(["live", "frozen"], { error: messageRef("admin.shareLinks.error.chooseMode") }),
    frozenMonth: z.string().trim().optional(),
    expiresInDays: z
      .string({ error: messageRef("admin.shareLinks.error.daysRequired", { max: SHARE_LINK_MAX_DAYS }) })
      .trim()
      .regex(/^\d{1,3}$/, messageRef("admin.shareLinks.error.daysInvalid", { max: SHARE_LINK_MAX_DAYS }))
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, messageRef("admin.shareLinks.error.daysMin"))
          .max(SHARE_LINK_MAX_DAYS, messageRef("admin.shareLinks.error.daysMax", { max: SHARE_LINK_MAX_DAYS })),
      ),
    passphrase: z
      .string()
      .max(PASSPHRASE_MAX, messageRef("admin.shareLinks.error.passphraseTooLong", { max: PASSPHRASE_MAX }))
      .optional()
      .transform((v) => (v === undefined || v === "" ? null : v))
      .refine((v) => v === null || v.length >= PASSPHRASE_MIN, messageRef("admin.shareLinks.error.passphraseTooShort", { min: PASSPHRASE_MIN })),
  })
  .superRefine((v, issue) => {
    if (v.mode === "frozen" && !(v.frozenMonth && MONTH.test(v.frozenMonth))) {
      issue.addIssue({ code: "custom", path: ["frozenMonth"], message: messageRef("admin.shareLinks.error.frozenMonthRequired") });
    }
  });

export type CreateShareLinkForm = z.output<typeof CreateShareLinkSchema>;


/** The ticked companies of a "chosen companies" link: ids only, no duplicates, at most MAX_SUBSET. The error is a message ref. */
export function parseCompanyIds(values: readonly unknown[]): { ok: true; ids: string[] } | { ok: false; error: string } {
  if (!values.every((v): v is string => isUuid(v))) return { ok: false, error: messageRef("admin.shareLinks.error.companiesFromList") };
  const ids = [...new Set(values.map((v) => v.toLowerCase()))];
  if (ids.length === 0) return { ok: false, error: messageRef("admin.shareLinks.error.companiesAtLeastOne") };
  if (ids.length > MAX_SUBSET) return { ok: false, error: messageRef("admin.shareLinks.error.companiesAtMost", { max: MAX_SUBSET }) };
  return { ok: true, ids };
}

export { isUuid };
