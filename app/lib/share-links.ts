import { z } from "zod";
import type { ShareMode, ShareScope } from "~db/schema/sharing";
import { nameField } from "./fields";

/*
 * Share links as the forms and lists name them. Not a .server module: the management page
 * builds its zod schema at module level and renders these labels in the browser.
 */

export const SHARE_LINK_DEFAULT_DAYS = 30;
export const SHARE_LINK_MAX_DAYS = 365;
export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 200;
/** A companies subset is at most this many (the table's CHECK says the same). */
export const MAX_SUBSET = 500;
/** The detail page lists this many of a link's latest views. */
export const SHARE_LINK_VIEWS_SHOWN = 200;

export const SCOPE_LABELS: Record<ShareScope, string> = {
  company: "One company",
  portfolio: "Whole portfolio",
  companies: "Chosen companies",
};

export const MODE_LABELS: Record<ShareMode, string> = {
  live: "Live (always the latest figures)",
  frozen: "Frozen at a month (the same figures forever)",
};

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
    label: nameField("a label"),
    scope: z.enum(["company", "portfolio", "companies"], { error: "Choose what the link shows." }),
    companyId: z.string().optional(),
    mode: z.enum(["live", "frozen"], { error: "Choose live or frozen." }),
    frozenMonth: z.string().trim().optional(),
    expiresInDays: z
      .string({ error: `Enter a number of days from 1 to ${SHARE_LINK_MAX_DAYS}.` })
      .trim()
      .regex(/^\d{1,3}$/, `Enter a whole number of days from 1 to ${SHARE_LINK_MAX_DAYS}.`)
      .transform(Number)
      .pipe(z.number().min(1, "A link lasts at least 1 day.").max(SHARE_LINK_MAX_DAYS, `A link lasts at most ${SHARE_LINK_MAX_DAYS} days.`)),
    passphrase: z
      .string()
      .max(PASSPHRASE_MAX, `Keep the passphrase under ${PASSPHRASE_MAX} characters.`)
      .optional()
      .transform((v) => (v === undefined || v === "" ? null : v))
      .refine((v) => v === null || v.length >= PASSPHRASE_MIN, `Use at least ${PASSPHRASE_MIN} characters, or leave it empty.`),
  })
  .superRefine((v, issue) => {
    if (v.mode === "frozen" && !(v.frozenMonth && MONTH.test(v.frozenMonth))) {
      issue.addIssue({ code: "custom", path: ["frozenMonth"], message: "Choose the month to freeze the report at, as YYYY-MM." });
    }
  });

export type CreateShareLinkForm = z.output<typeof CreateShareLinkSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ticked companies of a "chosen companies" link: ids only, no duplicates, at most MAX_SUBSET. */
export function parseCompanyIds(values: readonly unknown[]): { ok: true; ids: string[] } | { ok: false; error: string } {
  if (!values.every((v): v is string => typeof v === "string" && UUID.test(v))) return { ok: false, error: "Choose companies from the list." };
  const ids = [...new Set(values.map((v) => v.toLowerCase()))];
  if (ids.length === 0) return { ok: false, error: "Choose at least one company." };
  if (ids.length > MAX_SUBSET) return { ok: false, error: `Choose at most ${MAX_SUBSET} companies.` };
  return { ok: true, ids };
}

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
