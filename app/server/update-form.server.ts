import { z } from "zod";
import { versionField } from "~/domain/fields";
import { investorUpdateSchema, type InvestorUpdateInput } from "~/domain/investor-update";
import { getLocale } from "~/i18n/locale.server";
import type { UpdateDelivery, UpdateIntent } from "~/models/investor-update.server";
import { failureFromError, formFailure, invalidForm, parseForm } from "./forms.server";
import { redirectWithToast, toast } from "./toast.server";
import { updates_notice_saved } from "~/paraglide/messages/updates_notice_saved.js";
import { updates_notice_scheduled } from "~/paraglide/messages/updates_notice_scheduled.js";
import { updates_notice_sent } from "~/paraglide/messages/updates_notice_sent.js";

const INTENTS = new Set<UpdateIntent>(["save", "send", "schedule"]);

/** `2026-12-07T09:30` from a datetime-local field, read as UTC (the form says so); null when empty or not a time. */
export function parseScheduledAt(value: FormDataEntryValue | null): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value.trim())) return null;
  const at = new Date(`${value.trim()}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * The composer's action (new and edit): parse the fields, the chosen investors and the intent
 * (save a draft, send now, schedule); field problems answer 400 and nothing is written; a stale
 * version (an edit's) answers 409; success lands on the update with a toast.
 */
export async function composerAction(
  request: Request,
  options: {
    origin: string;
    orgSlug: string;
    withVersion: boolean;
    save: (input: InvestorUpdateInput, delivery: UpdateDelivery, version: number) => Promise<{ id: string }>;
  },
) {
  const locale = getLocale(request);
  const formData = await request.formData();
  const intentValue = formData.get("intent");
  const intent: UpdateIntent = typeof intentValue === "string" && INTENTS.has(intentValue as UpdateIntent) ? (intentValue as UpdateIntent) : "save";
  let version = 0;
  if (options.withVersion) {
    const parsedVersion = parseForm(z.object({ version: versionField() }), formData);
    if (!parsedVersion.ok) return formFailure({ locale, formError: parsedVersion.fieldErrors.version, values: formData });
    version = parsedVersion.data.version;
  }
  const parsed = parseForm(investorUpdateSchema, formData);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
  const recipients = formData.getAll("recipients").filter((v): v is string => typeof v === "string");
  try {
    const saved = await options.save(
      parsed.data,
      { intent, recipients, scheduledAt: parseScheduledAt(formData.get("scheduledAt")), origin: options.origin },
      version,
    );
    const notice = intent === "send" ? updates_notice_sent : intent === "schedule" ? updates_notice_scheduled : updates_notice_saved;
    return redirectWithToast(`/o/${options.orgSlug}/updates/${saved.id}`, toast(notice));
  } catch (error) {
    return failureFromError(error, locale, { values: formData });
  }
}
