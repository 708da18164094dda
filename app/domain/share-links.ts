import { z } from "zod";
import type { GrantSection } from "~db/schema/rls";
import type { ShareMode, ShareScope } from "~db/schema/sharing";
import type { MessageRef } from "~/i18n/message-ref";
import { messageRef, type PlainKey } from "~/i18n/translate";
import { zodMessage } from "~/i18n/zod-messages";
import { SECTION_KEYS } from "./access-grants";
import { isUuid } from "~/domain/bounds";
import { nameField } from "./base-fields";
import { admin_scope_companies } from "~/paraglide/messages/admin_scope_companies.js";
import { admin_scope_company } from "~/paraglide/messages/admin_scope_company.js";
import { admin_scope_portfolio } from "~/paraglide/messages/admin_scope_portfolio.js";
import { admin_section_budgets } from "~/paraglide/messages/admin_section_budgets.js";
import { admin_section_financials } from "~/paraglide/messages/admin_section_financials.js";
import { admin_section_funding_debt } from "~/paraglide/messages/admin_section_funding_debt.js";
import { admin_section_risks } from "~/paraglide/messages/admin_section_risks.js";
import { admin_section_updates } from "~/paraglide/messages/admin_section_updates.js";
import { admin_shareLinks_error_chooseMode } from "~/paraglide/messages/admin_sharelinks_error_choosemode2.js";
import { admin_shareLinks_error_chooseScope } from "~/paraglide/messages/admin_sharelinks_error_choosescope2.js";
import { admin_shareLinks_error_companiesAtLeastOne } from "~/paraglide/messages/admin_sharelinks_error_companiesatleastone4.js";
import { admin_shareLinks_error_companiesAtMost } from "~/paraglide/messages/admin_sharelinks_error_companiesatmost3.js";
import { admin_shareLinks_error_companiesFromList } from "~/paraglide/messages/admin_sharelinks_error_companiesfromlist3.js";
import { admin_shareLinks_error_daysInvalid } from "~/paraglide/messages/admin_sharelinks_error_daysinvalid2.js";
import { admin_shareLinks_error_daysMax } from "~/paraglide/messages/admin_sharelinks_error_daysmax2.js";
import { admin_shareLinks_error_daysMin } from "~/paraglide/messages/admin_sharelinks_error_daysmin2.js";
import { admin_shareLinks_error_daysRequired } from "~/paraglide/messages/admin_sharelinks_error_daysrequired2.js";
import { admin_shareLinks_error_frozenMonthRequired } from "~/paraglide/messages/admin_sharelinks_error_frozenmonthrequired3.js";
import { admin_shareLinks_error_passphraseTooLong } from "~/paraglide/messages/admin_sharelinks_error_passphrasetoolong3.js";
import { admin_shareLinks_error_passphraseTooShort } from "~/paraglide/messages/admin_sharelinks_error_passphrasetooshort3.js";
import { admin_shareLinks_labelInSentence } from "~/paraglide/messages/admin_sharelinks_labelinsentence3.js";
import { admin_shareLinks_modeFrozen } from "~/paraglide/messages/admin_sharelinks_modefrozen2.js";
import { admin_shareLinks_modeLive } from "~/paraglide/messages/admin_sharelinks_modelive2.js";

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
  company: admin_scope_company,
  portfolio: admin_scope_portfolio,
  companies: admin_scope_companies,
};

export const MODE_LABELS: Record<ShareMode, PlainKey> = {
  live: admin_shareLinks_modeLive,
  frozen: admin_shareLinks_modeFrozen,
};

/** The message key naming a stored section, or null for a value no longer known (shown as it is). */
export function sectionLabelKey(section: string): PlainKey | null {
  return (SECTION_KEYS as readonly string[]).includes(section)
    ? {
        budgets: admin_section_budgets,
        financials: admin_section_financials,
        funding_debt: admin_section_funding_debt,
        risks: admin_section_risks,
        updates: admin_section_updates,
      }[section as GrantSection]
    : null;
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
    label: nameField(admin_shareLinks_labelInSentence),
    scope: z.enum(["company", "portfolio", "companies"], { error: zodMessage(admin_shareLinks_error_chooseScope) }),
    companyId: z.string().optional(),
    mode: z.enum(["live", "frozen"], { error: zodMessage(admin_shareLinks_error_chooseMode) }),
    frozenMonth: z.string().trim().optional(),
    expiresInDays: z
      .string({ error: zodMessage(admin_shareLinks_error_daysRequired, { max: SHARE_LINK_MAX_DAYS }) })
      .trim()
      .regex(/^\d{1,3}$/, zodMessage(admin_shareLinks_error_daysInvalid, { max: SHARE_LINK_MAX_DAYS }))
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, zodMessage(admin_shareLinks_error_daysMin))
          .max(SHARE_LINK_MAX_DAYS, zodMessage(admin_shareLinks_error_daysMax, { max: SHARE_LINK_MAX_DAYS })),
      ),
    passphrase: z
      .string()
      .max(PASSPHRASE_MAX, zodMessage(admin_shareLinks_error_passphraseTooLong, { max: PASSPHRASE_MAX }))
      .optional()
      .transform((v) => (v === undefined || v === "" ? null : v))
      .refine((v) => v === null || v.length >= PASSPHRASE_MIN, zodMessage(admin_shareLinks_error_passphraseTooShort, { min: PASSPHRASE_MIN })),
  })
  .superRefine((v, issue) => {
    if (v.mode === "frozen" && !(v.frozenMonth && MONTH.test(v.frozenMonth))) {
      issue.addIssue({ code: "custom", path: ["frozenMonth"], message: zodMessage(admin_shareLinks_error_frozenMonthRequired) });
    }
  });

export type CreateShareLinkForm = z.output<typeof CreateShareLinkSchema>;

/** The ticked companies of a "chosen companies" link: ids only, no duplicates, at most MAX_SUBSET. The error is a message ref. */
export function parseCompanyIds(values: readonly unknown[]): { ok: true; ids: string[] } | { ok: false; error: MessageRef } {
  if (!values.every((v): v is string => isUuid(v))) return { ok: false, error: messageRef(admin_shareLinks_error_companiesFromList) };
  const ids = [...new Set(values.map((v) => v.toLowerCase()))];
  if (ids.length === 0) return { ok: false, error: messageRef(admin_shareLinks_error_companiesAtLeastOne) };
  if (ids.length > MAX_SUBSET) return { ok: false, error: messageRef(admin_shareLinks_error_companiesAtMost, { max: MAX_SUBSET }) };
  return { ok: true, ids };
}

export { isUuid };
