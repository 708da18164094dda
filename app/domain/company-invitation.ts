import { z } from "zod";
import type { RequestAsks } from "~db/schema/requests";
import type { GrantSection } from "~db/schema/rls";
import { zodMessage } from "~/i18n/zod-messages";
import { currencyField, emailField, nameField, passwordField } from "./base-fields";
import { isUuid } from "./bounds";
import { investor_invite_error_plan } from "~/paraglide/messages/investor_invite_error_plan.js";
import { investor_invite_field_companyInSentence } from "~/paraglide/messages/investor_invite_field_companyinsentence2.js";
import { auth_signup_nameInSentence } from "~/paraglide/messages/auth_signup_nameinsentence2.js";
import { records_join_error_company } from "~/paraglide/messages/records_join_error_company.js";

// A fund's invitation to a company not on Capital Desk yet (decision 028): the fund's form and the
// founder's join form. Browser-safe: the route modules build these at module level.

/** How long the link works, and how often the fund may send it again. */
export const COMPANY_INVITATION_DAYS = 14;
export const RESEND_INTERVAL_MS = 60 * 60 * 1000;
export const MAX_SENDS = 5;

/**
 * The grant sections a request is read under (decision 028), so exactly what accepting grants the
 * fund. Everything a request asks — the month's report (cash, revenue, spend, headcount), ARR (a
 * column of the report) and custom metric values — is read by the fund under `financials` (the
 * monthly_reports and metric_values policies, decision 024); no other section is needed, whatever
 * the request asks.
 */
export function sectionsForAsks(_asks: RequestAsks): GrantSection[] {
  return ["financials"];
}

/** Whether the fund may send the link again now: not within the interval of the last send, and at most MAX_SENDS in all. */
export function canResend(lastSentAt: Date, sendCount: number, now: Date): boolean {
  return sendCount < MAX_SENDS && now.getTime() - lastSentAt.getTime() >= RESEND_INTERVAL_MS;
}

/** The fund's "Invite a company" form. */
export function companyInvitationSchema() {
  return z.object({
    email: emailField,
    companyName: nameField(investor_invite_field_companyInSentence),
    planId: z.string({ error: zodMessage(investor_invite_error_plan) }).refine(isUuid, zodMessage(investor_invite_error_plan)),
  });
}
export type CompanyInvitationInput = z.output<ReturnType<typeof companyInvitationSchema>>;

/** The founder's form on the link's page when the address has no account yet. */
export function joinNewAccountSchema() {
  return z.object({
    name: nameField(auth_signup_nameInSentence),
    password: passwordField,
    companyName: nameField(investor_invite_field_companyInSentence),
    baseCurrency: currencyField,
  });
}

/** Signed in with the invited address: a startup they own, or a new one (`company` = "new"). */
export function joinSignedInSchema() {
  return z
    .object({
      company: z.string({ error: zodMessage(records_join_error_company) }).refine((v) => v === "new" || isUuid(v), zodMessage(records_join_error_company)),
      companyName: z.string().optional(),
      baseCurrency: z.string().optional(),
    })
    .transform((v, ctx) => {
      if (v.company !== "new") return { company: v.company, companyName: "", baseCurrency: "" };
      const name = nameField(investor_invite_field_companyInSentence).safeParse(v.companyName ?? "");
      const currency = currencyField.safeParse(v.baseCurrency ?? "");
      if (!name.success) ctx.addIssue({ code: "custom", path: ["companyName"], message: name.error.issues[0]?.message ?? "" });
      if (!currency.success) ctx.addIssue({ code: "custom", path: ["baseCurrency"], message: currency.error.issues[0]?.message ?? "" });
      if (!name.success || !currency.success) return z.NEVER;
      return { company: "new" as const, companyName: name.data, baseCurrency: currency.data };
    });
}
