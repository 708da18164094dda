import { z } from "zod";
import { isValidMonth } from "~/finance/month";
import { zodMessage } from "~/i18n/zod-messages";
import { isUuid } from "./bounds";
import { DEFAULT_REQUEST_DUE_DAY, parseReminderSteps } from "./data-request";
import { versionField } from "./fields";
import { METRIC_KEY_RE } from "./metric";
import { investor_request_error_cadence } from "~/paraglide/messages/investor_request_error_cadence.js";
import { investor_request_error_companies } from "~/paraglide/messages/investor_request_error_companies.js";
import { investor_request_error_dueDay } from "~/paraglide/messages/investor_request_error_dueday1.js";
import { investor_request_error_month } from "~/paraglide/messages/investor_request_error_month.js";
import { investor_request_error_note } from "~/paraglide/messages/investor_request_error_note.js";
import { investor_request_error_steps } from "~/paraglide/messages/investor_request_error_steps.js";

// The fund's "new request" form (decision 026). Metrics and companies are check boxes named
// `metric.<key>` and `company.<org id>`, one name each, so the form parses as one flat object.

export const REQUEST_NOTE_MAX = 1000;

/** Due day, reminder days and note: what a plan is sent with, at its definition and when changed (decision 035). */
function planScheduleFields() {
  return {
    dueDay: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : DEFAULT_REQUEST_DUE_DAY))
      .refine((v) => Number.isInteger(v) && v >= 1 && v <= 28, zodMessage(investor_request_error_dueDay)),
    steps: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const steps = parseReminderSteps(v ?? "");
        if (steps === null) {
          ctx.addIssue({ code: "custom", message: zodMessage(investor_request_error_steps) });
          return z.NEVER;
        }
        return steps;
      }),
    note: z
      .string()
      .trim()
      .max(REQUEST_NOTE_MAX, zodMessage(investor_request_error_note))
      .optional()
      .transform((v) => v || null),
  };
}

export function dataRequestSchema() {
  return z
    .object({
      month: z.string().trim().refine(isValidMonth, zodMessage(investor_request_error_month)),
      cadence: z.enum(["monthly", "quarterly"], { error: zodMessage(investor_request_error_cadence) }),
      ...planScheduleFields(),
      arr: z
        .string()
        .optional()
        .transform((v) => v === "on"),
      scope: z.enum(["all", "chosen"]).default("all"),
    })
    .catchall(z.string())
    .transform((v, ctx) => {
      const picked = (prefix: string) =>
        Object.keys(v)
          .filter((k) => k.startsWith(prefix) && v[k] === "on")
          .map((k) => k.slice(prefix.length));
      const metricKeys = picked("metric.").filter((k) => METRIC_KEY_RE.test(k));
      const companyIds = picked("company.").filter(isUuid);
      if (v.scope === "chosen" && companyIds.length === 0) {
        ctx.addIssue({ code: "custom", path: ["companies"], message: zodMessage(investor_request_error_companies) });
        return z.NEVER;
      }
      return {
        month: v.month,
        cadence: v.cadence,
        dueDay: v.dueDay,
        steps: v.steps,
        note: v.note,
        arr: v.arr,
        metricKeys,
        companyIds: v.scope === "chosen" ? companyIds : null,
      };
    });
}
export type DataRequestInput = z.output<ReturnType<typeof dataRequestSchema>>;

/** Changing a running plan (decision 035): its schedule at the version the fund read. */
export function requestPlanChangeSchema() {
  return z.object({ version: versionField(), ...planScheduleFields() });
}
export type RequestPlanChange = Omit<z.output<ReturnType<typeof requestPlanChangeSchema>>, "version">;
