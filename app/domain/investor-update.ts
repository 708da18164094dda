import { z } from "zod";
import { averageNetBurn, isValidMonth, netBurnOf, runway, runwayForDisplay, type MonthlyFigures } from "~/finance";
import { zodMessage } from "~/i18n/zod-messages";
import type { MetricUnit } from "./metric";
import { updates_error_month } from "~/paraglide/messages/updates_error_month.js";
import { updates_error_title } from "~/paraglide/messages/updates_error_title.js";
import { updates_error_tooLong } from "~/paraglide/messages/updates_error_toolong1.js";

// An investor update's rules, once (decision 025): the composer's form and the model take their
// input from this schema; the figure tokens and their values are worked out here, purely.

/** Headline figures an author can insert as `{{token}}`; rendered as cards when read. */
export const FIGURE_TOKENS = ["cash", "runway", "net_burn"] as const;
export type FigureToken = (typeof FIGURE_TOKENS)[number];
/** A custom metric's card (decision 024): its names, unit and the month's exact value (null: not reported). */
export interface MetricFigure {
  nameEn: string;
  nameZh: string;
  unit: MetricUnit;
  value: string | null;
}

/**
 * Minor units for cash and net burn; months (rounded down to 0.1) for runway, null when not burning.
 * `metrics`: the custom metrics the body names, by key (a key the company has no metric for is absent).
 */
export type UpdateFigures = Partial<Record<FigureToken, number | null>> & { reported?: boolean; metrics?: Record<string, MetricFigure> };

/** `{{cash}}`, `{{runway}}`, `{{net_burn}}` — and `{{metric:key}}`, a custom metric's value for the month. */
export const FIGURE_TOKEN_RE = /\{\{\s*(cash|runway|net_burn|metric:[a-z0-9_]{1,40})\s*\}\}/g;

export const METRIC_TOKEN_PREFIX = "metric:";

/** The metric keys a body names as `{{metric:key}}`, each once, in order. */
export function metricKeysIn(body: string): string[] {
  const keys: string[] = [];
  for (const match of body.matchAll(new RegExp(FIGURE_TOKEN_RE.source, "g"))) {
    const token = match[1] ?? "";
    if (token.startsWith(METRIC_TOKEN_PREFIX) && !keys.includes(token.slice(METRIC_TOKEN_PREFIX.length))) keys.push(token.slice(METRIC_TOKEN_PREFIX.length));
  }
  return keys;
}

export function isFigureToken(name: string): name is FigureToken {
  return (FIGURE_TOKENS as readonly string[]).includes(name);
}

/**
 * The month's headline figures, as the dashboard defines them: cash at month end, that month's
 * net burn, and runway = cash ÷ average net burn over 3 months (rounded down). A month without a
 * report has no figures (`reported: false`).
 */
export function figuresForMonth(reports: readonly MonthlyFigures[], month: string): UpdateFigures {
  const report = reports.find((r) => r.month === month);
  if (!report) return { reported: false, cash: null, runway: null, net_burn: null };
  const cash = report.cash ?? null;
  const average = averageNetBurn(reports, month, 3).value;
  const months = cash === null || average === null ? null : runwayForDisplay(runway(cash, average));
  return { reported: true, cash, net_burn: netBurnOf(report), runway: months };
}

export const UPDATE_TITLE_MAX = 200;
export const UPDATE_BODY_MAX = 20_000;
export const UPDATE_FIELD_MAX = 4_000;

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/\r\n/g, "\n").trim())
    .refine((v) => v.length <= max, { message: zodMessage(updates_error_tooLong, { max }) })
    .transform((v) => (v === "" ? null : v));

/** The composer's fields. Recipients and the send time are checked by the model (they need the database and the clock). */
export const investorUpdateSchema = z.object({
  title: z
    .string({ error: zodMessage(updates_error_title) })
    .transform((v) => v.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, zodMessage(updates_error_title))
        .max(UPDATE_TITLE_MAX, zodMessage(updates_error_tooLong, { max: UPDATE_TITLE_MAX })),
    ),
  month: z
    .string({ error: zodMessage(updates_error_month) })
    .trim()
    .refine((v) => isValidMonth(v), zodMessage(updates_error_month)),
  body: z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/\r\n/g, "\n"))
    .refine((v) => v.length <= UPDATE_BODY_MAX, { message: zodMessage(updates_error_tooLong, { max: UPDATE_BODY_MAX }) }),
  highlights: optionalText(UPDATE_FIELD_MAX),
  lowlights: optionalText(UPDATE_FIELD_MAX),
  asks: optionalText(UPDATE_FIELD_MAX),
});
export type InvestorUpdateInput = z.output<typeof investorUpdateSchema>;
