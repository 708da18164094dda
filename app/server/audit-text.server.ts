/**
 * The audit log in words: one sentence per entry in the reader's language, the changed fields
 * of an update with their values (money formatted in its currency, never cents), and names in
 * place of ids (resolved by the model's joins: `counterpartName`, `subjectUserName`).
 * Messages are looked up by id (`admin_audit_say_<action>`, `admin_audit_act_<action>`,
 * `admin_audit_field_<field>`): tests/integration/audit-log-readable.test.ts checks that
 * every action and field has them in both languages.
 */
import { formatterFor, intlLocale, isTranslationKey, translateUnchecked, translator, type Locale } from "~/i18n";
import { dateText, monthRangeText, monthText } from "~/i18n/display";
import { debtKindLabel } from "~/domain/instruments";
import { instrumentName } from "~/domain/portfolio-query";
import type { AuditLogEntry } from "~/models/audit.server";

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value));
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** Amounts kept in integer minor units of their row's currency (or the org's). */
const MONEY_FIELDS = new Set([
  "cash",
  "revenue",
  "compute",
  "data",
  "payroll",
  "research",
  "go_to_market",
  "general_admin",
  "other",
  "arr",
  "amount",
  "principal",
  "minimumCash",
  "preMoneyValuation",
  "currentValue",
]);
const BASIS_POINT_FIELDS = new Set(["annualRateBp", "ownershipBp", "budgetOverrunThresholdBp", "budgetOverrunBp"]);
const LONG_TEXT_FIELDS = new Set(["highlights", "lowlights", "asks", "mitigation", "notes"]);
/** Bookkeeping a reader never needs: ids, versions, timestamps, hashes. */
const HIDDEN = /(^id$|Id$|Ids$|^version$|At$|^orgId$|Hash$|^createdBy|^updatedBy)/;

export interface AuditText {
  /** The action's name, for the filter and the CSV. */
  label: string;
  /** "Approved Northwind Ventures' access to financials and risks". */
  sentence: string;
  /** One line per changed field of an update: "Cash: $1,200,000 → $1,150,000". */
  changes: string[];
}

export function auditActionLabel(locale: Locale, action: string): string {
  const key = `admin_audit_act_${action.replace(/\./g, "_")}`;
  return translateUnchecked(locale, isTranslationKey(key) ? key : "admin_audit_act_other");
}

export function auditTexts(locale: Locale, orgCurrency: string) {
  const t = translator(locale);
  const f = formatterFor(locale);
  const list = new Intl.ListFormat(intlLocale(locale), { style: "long", type: "conjunction" });

  const say = (key: string, vars: Record<string, unknown> = {}) => translateUnchecked(locale, `admin_audit_${key}`, vars);
  const currencyOf = (...rows: Json[]) => text(rows.find((r) => typeof r.currency === "string")?.currency) || orgCurrency;
  const money = (value: unknown, currency: string) => (num(value) === null ? say("empty_value") : f.money(num(value), currency));
  const month = (value: unknown) => (text(value) ? monthText(t, text(value)) : say("empty_value"));
  const day = (value: unknown) => (text(value) ? dateText(t, text(value).slice(0, 10)) : say("empty_value"));
  const role = (value: unknown) => translateUnchecked(locale, `common_role_${text(value)}`);
  const sections = (value: unknown) => {
    const names = Array.isArray(value) ? value.map((s) => say(`section_${String(s)}`)) : [];
    return names.length === 0 ? say("noSections") : list.format(names);
  };

  function valueText(field: string, value: unknown, currency: string): string {
    if (value === null || value === undefined || value === "") return say("empty_value");
    if (MONEY_FIELDS.has(field)) return money(value, currency);
    if (BASIS_POINT_FIELDS.has(field) && num(value) !== null) return f.percent(num(value)! / 10_000, 2); // the house's one percent style
    if (field === "month") return month(value);
    if (/Date$|On$/.test(field)) return day(value);
    if (field === "kind") return debtKindLabel(text(value), locale);
    if (field === "instrument") return instrumentName(t, text(value));
    if (field === "role") return role(value);
    if (field === "sections") return sections(value);
    if (typeof value === "boolean") return say(value ? "yes" : "no");
    if (typeof value === "number") return f.number(value, 4);
    if (typeof value === "object") return say("empty_value");
    return text(value);
  }

  /** The fields an update changed, in a reader's words; long texts say only that they changed. */
  function changes(entry: AuditLogEntry): string[] {
    const before = asObject(entry.before);
    const after = asObject(entry.after);
    if (entry.before === null || entry.after === null || entry.action === "budget.save_grid") return [];
    const currency = currencyOf(after, before);
    const lines: string[] = [];
    let more = 0;
    for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (HIDDEN.test(field) || JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)) continue;
      const labelKey = `admin_audit_field_${field}`;
      if (!isTranslationKey(labelKey)) {
        more += 1;
        continue;
      }
      const label = translateUnchecked(locale, labelKey);
      lines.push(
        LONG_TEXT_FIELDS.has(field)
          ? say("changedText", { field: label })
          : say("changeLine", { field: label, before: valueText(field, before[field], currency), after: valueText(field, after[field], currency) }),
      );
    }
    if (more > 0) lines.push(say("moreChanges", { count: more }));
    return lines;
  }

  /** A request's period: "Apr 2026", or "Feb 2026 – Apr 2026" for a quarter. */
  const period = (row: Json) => (text(row.monthFrom) ? monthRangeText(t, text(row.monthFrom), text(row.monthTo) || text(row.monthFrom)) : say("empty_value"));

  /** A custom metric by its name in the reader's language (its key when an old entry has no names). */
  const metricName = (row: Json) => text(locale === "zh-CN" ? row.nameZh : row.nameEn) || text(row.key) || say("empty_value");

  function sentence(entry: AuditLogEntry): string {
    const before = asObject(entry.before);
    const after = asObject(entry.after);
    const row = { ...before, ...after };
    const currency = currencyOf(after, before);
    const counts = { inserted: num(after.inserted) ?? 0, updated: num(after.updated) ?? 0, first: month(after.firstMonth), last: month(after.lastMonth) };
    const org = entry.counterpartName ?? text(row.investorName) ?? "";
    const company = entry.counterpartName ?? (text(row.companyName) || say("aCompany"));
    switch (entry.action) {
      case "monthly_report.create":
      case "monthly_report.update":
        return say(`say_${entry.action.replace(".", "_")}`, { month: month(row.month) });
      case "monthly_report.import":
      case "budget.import":
      case "fx_rate.import":
        return say(`say_${entry.action.replace(".", "_")}`, counts);
      case "budget.save_grid":
        return say("say_budget_save_grid", { year: text(entry.entityId), cells: Object.keys(after).length || Object.keys(before).length });
      case "funding_round.create":
      case "funding_round.update":
      case "funding_round.delete":
        return say(`say_${entry.action.replace(".", "_")}`, {
          instrument: instrumentName(t, text(row.instrument)),
          amount: money(row.amount, currency),
          date: day(row.closeDate),
        });
      case "debt_facility.create":
      case "debt_facility.update":
      case "debt_facility.delete":
        return say(`say_${entry.action.replace(".", "_")}`, {
          lender: text(row.lender),
          kind: debtKindLabel(text(row.kind), locale).toLowerCase(),
          amount: money(row.principal, currency),
        });
      case "risk.create":
      case "risk.update":
      case "risk.delete":
        return say(`say_${entry.action.replace(".", "_")}`, { title: text(row.title) });
      case "metric.create":
      case "metric.update":
      case "metric.delete":
        return say(`say_${entry.action.replace(".", "_")}`, { name: metricName(row) });
      case "metric_value.save":
      case "metric_value.clear":
        return say(`say_${entry.action.replace(".", "_")}`, { name: metricName(row), month: month(row.month), value: text(after.value ?? before.value) });
      case "investor_update.delete":
        return say(row.status === "scheduled" ? "say_investor_update_delete_scheduled" : "say_investor_update_delete", {
          title: text(row.title),
          month: month(row.month),
        });
      case "metric.import":
        return say("say_metric_import", { inserted: num(after.inserted) ?? 0, updated: num(after.updated) ?? 0 });
      case "access_grant.request":
      case "access_grant.invite":
      case "access_grant.approve":
      case "access_grant.update_sections":
      case "access_grant.decline":
      case "access_grant.revoke":
        return say(`say_${entry.action.replace(".", "_")}`, { org: org || say("anInvestor"), sections: sections(after.sections ?? before.sections) });
      case "share_link.create":
      case "share_link.revoke":
        return say(`say_${entry.action.replace(".", "_")}`, { label: text(row.label), date: day(row.expiresAt) });
      case "invitation.create":
      case "invitation.revoke":
        return say(`say_${entry.action.replace(".", "_")}`, { email: text(row.email), role: role(row.role) });
      case "invitation.accept":
        return say("say_invitation_accept", { role: role(after.role) });
      case "company_invitation.create":
      case "company_invitation.resend":
      case "company_invitation.cancel":
        return say(`say_${entry.action.replace(".", "_")}`, { company: text(row.companyName), email: text(row.email), month: month(row.monthFrom) });
      case "company_invitation.accept":
        return say("say_company_invitation_accept", { company: text(after.company), email: text(row.email), sections: sections(after.sections) });
      case "member.role":
      case "member.remove":
        return say(`say_${entry.action.replace(".", "_")}`, {
          person: entry.subjectUserName ?? say("someone"),
          from: role(before.role),
          to: role(after.role),
          role: role(before.role),
        });
      case "position.create":
      case "position.update":
      case "position.delete":
        return say(`say_${entry.action.replace(".", "_")}`, { company, amount: money(row.amount, currency), date: day(row.investedOn) });
      case "fx_rate.create":
      case "fx_rate.delete":
        return say(`say_${entry.action.replace(".", "_")}`, { currency: text(row.currency), month: month(row.month), rate: text(row.rate) });
      case "fx_rate.update":
        return say("say_fx_rate_update", { currency: text(row.currency), month: month(row.month), from: text(before.rate), to: text(after.rate) });
      case "alert.acknowledge":
        return say("say_alert_acknowledge", { company });
      case "metric_alert_rule.create":
      case "metric_alert_rule.delete":
        return say(`say_${entry.action.replace(".", "_")}`, {
          key: text(row.metricKey),
          condition: say(`metricRule_${text(row.condition)}`),
          threshold: `${text(row.threshold)}${row.measure === "percent" ? "%" : ""}`,
        });
      case "data_request.create":
        return say("say_data_request_create", {
          // One company by name while it is shared (the log's join); several by how many.
          companies: entry.counterpartName ?? ((num(after.companies) ?? 0) > 1 ? say("companyCount", { count: num(after.companies) }) : say("aCompany")),
          period: period(after),
          date: day(after.dueOn),
        });
      case "data_request.remind":
        return say("say_data_request_remind", { company, period: period(after) });
      case "data_request.stop":
      case "data_request.change":
        return say(`say_${entry.action.replace(".", "_")}`, { month: typeof after.firstMonth === "string" ? monthText(locale, after.firstMonth) : "" });
      case "alert_rules.update":
      case "org.update":
      case "org.deletion_undo":
        return say(`say_${entry.action.replace(".", "_")}`);
      case "org.create":
        return say("say_org_create", { name: text(after.name) });
      case "org.export":
        return say("say_org_export", { tables: num(after.tables) ?? 0, rows: num(after.rows) ?? 0 });
      case "org.deletion_schedule":
        return say("say_org_deletion_schedule", { date: day(after.purgeAfter) });
      default:
        return say("say_other");
    }
  }

  return (entry: AuditLogEntry): AuditText => ({ label: auditActionLabel(locale, entry.action), sentence: sentence(entry), changes: changes(entry) });
}
