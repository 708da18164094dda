import type { GrantSection } from "~db/schema/rls";
import type { MessageRef } from "~/i18n/message-ref";
import { messageRef, type PlainKey } from "~/i18n/translate";
import { refFromZodMessage } from "~/i18n/zod-messages";
import { emailField } from "./base-fields";
import { common_validation_emailInvalid } from "~/paraglide/messages/common_validation_emailinvalid1.js";
import { investor_grants_error_badCode } from "~/paraglide/messages/investor_grants_error_badcode1.js";
import { investor_grants_error_emptyVia } from "~/paraglide/messages/investor_grants_error_emptyvia1.js";
import { investor_grants_error_longVia } from "~/paraglide/messages/investor_grants_error_longvia1.js";
import { investor_grants_error_noSections } from "~/paraglide/messages/investor_grants_error_nosections1.js";
import { investor_grants_error_unknownSection } from "~/paraglide/messages/investor_grants_error_unknownsection1.js";
import { investor_sectionHint_budgets } from "~/paraglide/messages/investor_sectionhint_budgets1.js";
import { investor_sectionHint_financials } from "~/paraglide/messages/investor_sectionhint_financials1.js";
import { investor_sectionHint_funding_debt } from "~/paraglide/messages/investor_sectionhint_funding_debt1.js";
import { investor_sectionHint_risks } from "~/paraglide/messages/investor_sectionhint_risks1.js";
import { investor_sectionHint_updates } from "~/paraglide/messages/investor_sectionhint_updates1.js";
import { investor_section_budgets } from "~/paraglide/messages/investor_section_budgets.js";
import { investor_section_financials } from "~/paraglide/messages/investor_section_financials.js";
import { investor_section_funding_debt } from "~/paraglide/messages/investor_section_funding_debt.js";
import { investor_section_risks } from "~/paraglide/messages/investor_section_risks.js";
import { investor_section_updates } from "~/paraglide/messages/investor_section_updates.js";

/**
 * What a startup can share with an investor, in the order screens list them, with the words
 * people read. Not a .server module: the grant forms render these checkboxes in the browser.
 * The keys are db/schema/rls.ts GRANT_SECTIONS (the `satisfies` plus the exhaustive label
 * record keep the two lists equal without bundling drizzle into the browser).
 */
export const SECTION_KEYS = ["financials", "funding_debt", "budgets", "risks", "updates"] as const satisfies readonly GrantSection[];

/** What each section is called, as message keys: `t(SECTION_LABEL_KEYS[section])`. */
export const SECTION_LABEL_KEYS: Record<GrantSection, PlainKey> = {
  financials: investor_section_financials,
  funding_debt: investor_section_funding_debt,
  budgets: investor_section_budgets,
  risks: investor_section_risks,
  updates: investor_section_updates,
};

/** What each section holds, as message keys. */
export const SECTION_HINT_KEYS: Record<GrantSection, PlainKey> = {
  financials: investor_sectionHint_financials,
  funding_debt: investor_sectionHint_funding_debt,
  budgets: investor_sectionHint_budgets,
  risks: investor_sectionHint_risks,
  updates: investor_sectionHint_updates,
};

/** English only, for pages not converted to t() yet (share links); new code uses SECTION_LABEL_KEYS. */
export const SECTION_LABELS: Record<GrantSection, string> = {
  financials: "Financials",
  funding_debt: "Funding & debt",
  budgets: "Budgets",
  risks: "Risks",
  updates: "Investor updates",
};

/** English only, like SECTION_LABELS; new code uses SECTION_HINT_KEYS. */
export const SECTION_HINTS: Record<GrantSection, string> = {
  financials: "Monthly reports: cash, revenue, spend, headcount, runway and burn",
  funding_debt: "Funding rounds and debt facilities",
  budgets: "Budgets by month and category",
  risks: "The risk register and its history",
  updates: "Highlights, lowlights and asks of each month",
};

// Validation messages are message refs: the model puts them in an AppError and the failure
// reply renders them in the request's language (failureFromError / formFailure).
export const NO_SECTIONS_MESSAGE = messageRef(investor_grants_error_noSections);
export const UNKNOWN_SECTION_MESSAGE = messageRef(investor_grants_error_unknownSection);

function isSection(value: unknown): value is GrantSection {
  return typeof value === "string" && (SECTION_KEYS as readonly string[]).includes(value);
}

/**
 * The sections ticked on a grant form (FormData.getAll gives one entry per ticked box).
 * Anything outside the list refuses the whole set — a forged value is a mistake to name, not
 * to drop silently; duplicates collapse; the result keeps the canonical order, so comparing
 * two sets is comparing two arrays.
 */
export function parseGrantSections(values: readonly unknown[]): { ok: true; sections: GrantSection[] } | { ok: false; error: MessageRef } {
  if (!values.every(isSection)) return { ok: false, error: UNKNOWN_SECTION_MESSAGE };
  const chosen = new Set<string>(values);
  const sections = SECTION_KEYS.filter((key) => chosen.has(key));
  if (sections.length === 0) return { ok: false, error: NO_SECTIONS_MESSAGE };
  return { ok: true, sections };
}

export function sameSections(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((value, i) => value === right[i]);
}

/** How the other org was named on a grant form: an org's share code or its owner's email. */
export type AccessVia = { kind: "share_code"; code: string; typed: string } | { kind: "email"; email: string; typed: string };

export const VIA_MAX = 254;
export const EMPTY_VIA_MESSAGE = messageRef(investor_grants_error_emptyVia);
export const BAD_CODE_MESSAGE = messageRef(investor_grants_error_badCode);
const LONG_VIA_MESSAGE = messageRef(investor_grants_error_longVia);

/**
 * Reads the "share code or owner email" box. With an @ it is an email (trimmed, lower-cased,
 * validated as on every other form); otherwise a share code, compared upper-case with the
 * spaces and dashes people add when they read a code aloud or copy it grouped. `typed` is the
 * trimmed input, kept on the grant as what the requester entered.
 */
export function parseAccessVia(input: unknown): { ok: true; via: AccessVia } | { ok: false; error: MessageRef } {
  if (typeof input !== "string" || input.trim() === "") return { ok: false, error: EMPTY_VIA_MESSAGE };
  const typed = input.trim();
  if (typed.length > VIA_MAX) return { ok: false, error: LONG_VIA_MESSAGE };
  if (typed.includes("@")) {
    const email = emailField.safeParse(typed);
    // emailField's messages are zod's strings: read back as refs.
    const issue = email.error?.issues[0];
    if (!email.success) return { ok: false, error: issue ? refFromZodMessage(issue.message) : messageRef(common_validation_emailInvalid) };
    return { ok: true, via: { kind: "email", email: email.data, typed } };
  }
  const code = typed.replace(/[\s-]+/g, "").toUpperCase();
  if (!/^[A-Z0-9]{4,64}$/.test(code)) return { ok: false, error: BAD_CODE_MESSAGE };
  return { ok: true, via: { kind: "share_code", code, typed } };
}

/** "3F9A1C0B7D2E" → "3F9A 1C0B 7D2E": easier to read aloud; parseAccessVia takes either form. */
export function formatShareCode(code: string): string {
  return code.match(/.{1,4}/g)?.join(" ") ?? code;
}
