import "~/page-kit";
import { monthText } from "~/i18n/months";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { TextLink } from "~/components/ui/button";
import { can } from "~/auth/permissions";
import { EARLIEST_MONTH, REPORT_TEXT_MAX } from "~/domain/bounds";
import { currentMonth, reportMonthError } from "~/domain/monthly-report";
import { monthlyReportFormSchema } from "~/domain/monthly-report.form";
import { requireStartup } from "~/auth/tenant.server";
import { Field, FormError, SubmitButton, TextareaField } from "~/components/ui/form";
import { AmountField } from "~/components/ui/amount-field";
import { ReportLiveFigures, type EarlierMonth } from "~/components/report-live-figures";
import { Card, PageHeader } from "~/components/ui/layout";
import { isValidMonth } from "~/finance";
import { intlLocale, metaTitle, renderMessage, translate, useFormat, useLocale, useT, type Locale, type PlainKey } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { conflictFailure, failureFromError, formFailure, isConflict, parseForm } from "~/server/forms.server";
import { notFound } from "~/server/http.server";
import { minorToGroupedString } from "~/domain/money";
import { SPEND_CATEGORIES, SPEND_CATEGORY_KEYS } from "~/domain/spend-categories";
import { getMonthlyReport, listReportsBefore, saveMonthlyReport, type MonthlyReport, type MonthlyReportFigures } from "~/models/monthly-report.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { common_action_cancel } from "~/paraglide/messages/common_action_cancel.js";
import { common_action_saving } from "~/paraglide/messages/common_action_saving.js";
import { records_action_saveChanges } from "~/paraglide/messages/records_action_savechanges1.js";
import { records_col_headcount } from "~/paraglide/messages/records_col_headcount.js";
import { records_conflict_field } from "~/paraglide/messages/records_conflict_field.js";
import { records_conflict_notSavedTitle } from "~/paraglide/messages/records_conflict_notsavedtitle2.js";
import { records_conflict_theirs } from "~/paraglide/messages/records_conflict_theirs.js";
import { records_conflict_yours } from "~/paraglide/messages/records_conflict_yours.js";
import { records_report_allMonths } from "~/paraglide/messages/records_report_allmonths1.js";
import { records_report_asSaved } from "~/paraglide/messages/records_report_assaved1.js";
import { records_report_conflictHelp } from "~/paraglide/messages/records_report_conflicthelp1.js";
import { records_report_continue } from "~/paraglide/messages/records_report_continue.js";
import { records_report_field_arr } from "~/paraglide/messages/records_report_field_arr.js";
import { records_report_field_arrOptional } from "~/paraglide/messages/records_report_field_arroptional1.js";
import { records_report_field_asks } from "~/paraglide/messages/records_report_field_asks.js";
import { records_report_field_cash } from "~/paraglide/messages/records_report_field_cash.js";
import { records_report_field_highlights } from "~/paraglide/messages/records_report_field_highlights.js";
import { records_report_field_lowlights } from "~/paraglide/messages/records_report_field_lowlights.js";
import { records_report_field_revenue } from "~/paraglide/messages/records_report_field_revenue.js";
import { records_report_grossBurnHint } from "~/paraglide/messages/records_report_grossburnhint2.js";
import { records_report_grossBurnValue } from "~/paraglide/messages/records_report_grossburnvalue2.js";
import { records_report_hint_arr } from "~/paraglide/messages/records_report_hint_arr.js";
import { records_report_hint_asks } from "~/paraglide/messages/records_report_hint_asks.js";
import { records_report_hint_cash } from "~/paraglide/messages/records_report_hint_cash.js";
import { records_report_hint_headcount } from "~/paraglide/messages/records_report_hint_headcount.js";
import { records_report_hint_highlights } from "~/paraglide/messages/records_report_hint_highlights.js";
import { records_report_hint_lowlights } from "~/paraglide/messages/records_report_hint_lowlights.js";
import { records_report_lastSaved } from "~/paraglide/messages/records_report_lastsaved1.js";
import { records_report_lastSavedBy } from "~/paraglide/messages/records_report_lastsavedby2.js";
import { records_report_metaTitle } from "~/paraglide/messages/records_report_metatitle1.js";
import { records_report_netBurnHint } from "~/paraglide/messages/records_report_netburnhint2.js";
import { records_report_netBurnValue } from "~/paraglide/messages/records_report_netburnvalue2.js";
import { records_report_newMetaTitle } from "~/paraglide/messages/records_report_newmetatitle2.js";
import { records_report_notReported } from "~/paraglide/messages/records_report_notreported1.js";
import { records_report_opening } from "~/paraglide/messages/records_report_opening.js";
import { records_report_pickDescription } from "~/paraglide/messages/records_report_pickdescription1.js";
import { records_report_pickHint } from "~/paraglide/messages/records_report_pickhint1.js";
import { records_report_pickLabel } from "~/paraglide/messages/records_report_picklabel1.js";
import { records_report_readOnly } from "~/paraglide/messages/records_report_readonly1.js";
import { records_report_readOnlyField } from "~/paraglide/messages/records_report_readonlyfield2.js";
import { records_report_readOnlyValue } from "~/paraglide/messages/records_report_readonlyvalue2.js";
import { records_report_copied } from "~/paraglide/messages/records_report_copied.js";
import { records_report_copyLast } from "~/paraglide/messages/records_report_copylast1.js";
import { records_report_copyHint } from "~/paraglide/messages/records_report_copyhint1.js";
import { records_report_clearCopy } from "~/paraglide/messages/records_report_clearcopy1.js";
import { records_report_saveMonth } from "~/paraglide/messages/records_report_savemonth1.js";
import { records_report_saved } from "~/paraglide/messages/records_report_saved.js";
import { records_report_spendHeading } from "~/paraglide/messages/records_report_spendheading1.js";
import { records_report_spendNote } from "~/paraglide/messages/records_report_spendnote1.js";
import { records_report_title } from "~/paraglide/messages/records_report_title.js";
import { records_reports_def_revenue } from "~/paraglide/messages/records_reports_def_revenue.js";
import { records_reports_enterMonth } from "~/paraglide/messages/records_reports_entermonth1.js";
import { records_validation_checkFieldsNothingSaved } from "~/paraglide/messages/records_validation_checkfieldsnothingsaved3.js";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data && data.mode === "edit" ? metaTitle(matches, records_report_metaTitle, { month: data.month }) : metaTitle(matches, records_report_newMetaTitle),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const locale = getLocale(request);
  const canEdit = can(ctx.role, "edit:records");
  const month = params.month ?? "";
  if (month === "new") {
    const picked = new URL(request.url).searchParams.get("month");
    if (picked !== null) {
      const error = reportMonthError(picked.trim());
      if (!error) return redirect(`/o/${ctx.org.slug}/reports/${picked.trim()}`);
      return json({ mode: "new" as const, slug: ctx.org.slug, picked, error: renderMessage(locale, error), latest: currentMonth() }, { status: 400 });
    }
    return json({ mode: "new" as const, slug: ctx.org.slug, picked: currentMonth(), error: null, latest: currentMonth() });
  }
  if (!isValidMonth(month)) notFound();
  const report = await getMonthlyReport(ctx, month);
  const monthError = report ? null : reportMonthError(month);
  // Up to three earlier reports: the live runway averages the ones in its window, and the
  // newest is what "copy last month" prefills (a GET, so it works without JavaScript and
  // writes nothing; only Save does).
  const before = canEdit ? await listReportsBefore(ctx, month, 3) : [];
  const earlier: EarlierMonth[] = before.map(({ month: m, cash, revenue, compute, data, payroll, research, go_to_market, general_admin, other }) => ({
    month: m,
    cash,
    revenue,
    compute,
    data,
    payroll,
    research,
    go_to_market,
    general_admin,
    other,
  }));
  const last = before[0] ?? null;
  const copied = !report && last && new URL(request.url).searchParams.get("copy") === "last" ? last : null;
  return json({
    earlier,
    lastMonth: last?.month ?? null,
    copied,
    mode: "edit" as const,
    slug: ctx.org.slug,
    month,
    report,
    canEdit,
    currency: ctx.org.baseCurrency,
    monthError: monthError === null ? null : renderMessage(locale, monthError),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  const month = params.month ?? "";
  if (month === "new") notFound();
  const locale = getLocale(request);
  const formData = await request.formData();
  const parsed = parseForm(monthlyReportFormSchema(), formData);
  const monthError = reportMonthError(month);
  if (!parsed.ok || monthError) {
    const fieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...(monthError ? { month: monthError } : {}) };
    return formFailure({ locale, fieldErrors, formError: monthError ?? translate(locale, records_validation_checkFieldsNothingSaved), values: formData });
  }
  const { version, ...input } = parsed.data;
  try {
    await saveMonthlyReport(ctx, month, version, input);
    return redirectWithToast(`/o/${ctx.org.slug}/reports/${month}`, toast(records_report_saved, { month: monthText(locale, month) }));
  } catch (error) {
    if (isConflict(error)) {
      return conflictFailure(error, { locale, help: records_report_conflictHelp, current: await getMonthlyReport(ctx, month), yours: formData });
    }
    return failureFromError(error, locale);
  }
}

/** "April 2026" / "2026年4月": the month in full for the heading (Intl, in the page's language). */
function monthLabel(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}

/** Saved figures as the inputs show them: grouped ("2,400,000.00"), so a zero too many is seen. */
function figureValues(figures: MonthlyReportFigures): Record<string, string> {
  return {
    cash: minorToGroupedString(figures.cash),
    revenue: minorToGroupedString(figures.revenue),
    ...Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, minorToGroupedString(figures[c])])),
    headcount: String(figures.headcount),
    arr: figures.arr === null ? "" : minorToGroupedString(figures.arr),
  };
}

function formValues(report: MonthlyReport | null): Record<string, string> {
  if (!report) return {};
  return { ...figureValues(report), highlights: report.highlights ?? "", lowlights: report.lowlights ?? "", asks: report.asks ?? "" };
}

const FIELD_LABELS = {
  cash: records_report_field_cash,
  revenue: records_report_field_revenue,
  ...Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, SPEND_CATEGORY_KEYS[c].label])),
  headcount: records_col_headcount,
  arr: records_report_field_arr,
  highlights: records_report_field_highlights,
  lowlights: records_report_field_lowlights,
  asks: records_report_field_asks,
} satisfies Record<string, PlainKey>;

/** The month's narrative for investors, each with what to write in it. */
const NARRATIVE_FIELDS = [
  ["highlights", records_report_hint_highlights],
  ["lowlights", records_report_hint_lowlights],
  ["asks", records_report_hint_asks],
] as const;

function NewMonthPicker({ slug, picked, error, latest }: { slug: string; picked: string; error: string | null; latest: string }) {
  const t = useT();
  return (
    <>
      <PageHeader title={t(records_reports_enterMonth)} description={t(records_report_pickDescription)} />
      <Card>
        <Form method="get" className="max-w-sm space-y-4" noValidate>
          <Field
            label={t(records_report_pickLabel)}
            name="month"
            type="month"
            min={EARLIEST_MONTH}
            max={latest}
            placeholder="2026-04"
            defaultValue={picked}
            error={error ?? undefined}
            hint={t(records_report_pickHint, { earliest: EARLIEST_MONTH, latest })}
          />
          <div className="flex items-center gap-3">
            <SubmitButton pendingText={t(records_report_opening)}>{t(records_report_continue)}</SubmitButton>
            <TextLink className="text-sm" to={`/o/${slug}/reports`}>
              {t(common_action_cancel)}
            </TextLink>
          </div>
        </Form>
      </Card>
    </>
  );
}

type ActionResult = {
  ok: false;
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string>;
  conflict?: { current: MonthlyReport | null; yours: Record<string, string> };
};

const AMOUNT_FIELDS = ["cash", "revenue", ...SPEND_CATEGORIES] as const;

/** The editor: amounts that echo what they understood, and burn and runway as you type. */
function ReportForm({
  month,
  values,
  errors,
  version,
  currency,
  earlier,
  isNew,
}: {
  month: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  version: number | null;
  currency: string;
  earlier: EarlierMonth[];
  isNew: boolean;
}) {
  const t = useT();
  const [typed, setTyped] = useState<Record<string, string>>(values);
  // Every amount of the month (cash, revenue, ARR, each spend category) is entered the same way.
  const amountField = (name: string, label: string, hint: string) => (
    <AmountField key={name} label={label} name={name} currency={currency} defaultValue={values[name]} error={errors[name]} hint={hint} />
  );
  return (
    <Form
      method="post"
      noValidate
      className="space-y-6"
      onChange={(event) => {
        const target = event.target as HTMLInputElement;
        if ((AMOUNT_FIELDS as readonly string[]).includes(target.name)) setTyped((before) => ({ ...before, [target.name]: target.value }));
      }}
    >
      <input type="hidden" name="version" value={version ?? ""} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {amountField("cash", t(FIELD_LABELS.cash), t(records_report_hint_cash))}
        {amountField("revenue", t(FIELD_LABELS.revenue), t(records_reports_def_revenue))}
        <Field
          label={t(FIELD_LABELS.headcount)}
          name="headcount"
          inputMode="numeric"
          defaultValue={values.headcount}
          error={errors.headcount}
          hint={t(records_report_hint_headcount)}
        />
        {amountField("arr", t(records_report_field_arrOptional), t(records_report_hint_arr))}
      </div>
      <div>
        <h2 className="text-base font-semibold">{t(records_report_spendHeading)}</h2>
        <p className="text-xs text-slate-500">{t(records_report_spendNote)}</p>
        <div className="mt-2 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {SPEND_CATEGORIES.map((c) => amountField(c, t(SPEND_CATEGORY_KEYS[c].label), t(SPEND_CATEGORY_KEYS[c].meaning)))}
        </div>
      </div>
      <ReportLiveFigures values={typed} month={month} earlier={earlier} currency={currency} />
      <div className="grid gap-4 lg:grid-cols-3">
        {NARRATIVE_FIELDS.map(([name, hint]) => (
          <TextareaField
            key={name}
            rows={4}
            maxLength={REPORT_TEXT_MAX}
            label={t(FIELD_LABELS[name])}
            name={name}
            defaultValue={values[name]}
            error={errors[name]}
            hint={t(hint)}
          />
        ))}
      </div>
      <SubmitButton pendingText={t(common_action_saving)}>{isNew ? t(records_report_saveMonth) : t(records_action_saveChanges)}</SubmitButton>
    </Form>
  );
}

/** What a viewer sees: the saved month as values, with separators, and no inputs. */
function ReadOnlyReport({ report, currency }: { report: MonthlyReport | null; currency: string }) {
  const t = useT();
  const f = useFormat();
  const money = (minor: number | null) => (minor === null ? "—" : f.money(minor, currency));
  const rows: [string, string][] = report
    ? [
        [t(FIELD_LABELS.cash), money(report.cash)],
        [t(FIELD_LABELS.revenue), money(report.revenue)],
        [t(FIELD_LABELS.headcount), f.number(report.headcount)],
        [t(FIELD_LABELS.arr), money(report.arr)],
        ...SPEND_CATEGORIES.map((c): [string, string] => [t(SPEND_CATEGORY_KEYS[c].label), money(report[c])]),
        [t(FIELD_LABELS.highlights), report.highlights ?? "—"],
        [t(FIELD_LABELS.lowlights), report.lowlights ?? "—"],
        [t(FIELD_LABELS.asks), report.asks ?? "—"],
      ]
    : [];
  return (
    <>
      <p className="mb-4 text-sm text-slate-600">{t(records_report_readOnly)}</p>
      {report ? (
        <Table scroll={false} data-testid="report-values">
          <ColumnHeads
            heads={[
              { label: t(records_report_readOnlyField), dense: true },
              { label: t(records_report_readOnlyValue), dense: true },
            ]}
          />
          <tbody>
            {rows.map(([label, value]) => (
              <Tr key={label}>
                <Td dense>{label}</Td>
                <td className="whitespace-pre-wrap py-1 tabular-nums">{value}</td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </>
  );
}

export default function MonthlyReportPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  if (data.mode === "new") return <NewMonthPicker slug={data.slug} picked={data.picked} error={data.error} latest={data.latest} />;

  const { slug, month, report, canEdit, currency, monthError, earlier, lastMonth, copied } = data;
  const failure = result && !result.ok ? result : null;
  const conflict = failure?.conflict ?? null;
  const shown: MonthlyReport | null = conflict?.current ?? report;
  const saved = formValues(shown);
  const values = !conflict && failure?.values ? failure.values : copied && !shown ? figureValues(copied) : saved;
  const errors: Record<string, string> = failure?.fieldErrors ?? {};
  const money = (minor: number) => f.money(minor, currency);
  const differing = conflict ? Object.entries(FIELD_LABELS).filter(([k]) => (conflict.yours[k] ?? "").trim() !== (saved[k] ?? "").trim()) : [];
  const formKey = `${month}-${shown?.version ?? "new"}-${copied ? "copied" : "blank"}-${failure?.values ? "typed" : "loaded"}`;

  return (
    <>
      <PageHeader
        title={t(records_report_title, { month: monthLabel(month, locale) })}
        description={
          report
            ? report.updatedByName
              ? t(records_report_lastSavedBy, { when: f.dateTime(report.updatedAt), name: report.updatedByName, currency })
              : t(records_report_lastSaved, { when: f.dateTime(report.updatedAt), currency })
            : t(records_report_notReported, { currency })
        }
        actions={
          <TextLink className="text-sm" to={`/o/${slug}/reports`}>
            {t(records_report_allMonths)}
          </TextLink>
        }
      />
      {failure ? (
        <div className="mb-4">
          <FormError error={failure.formError} />
        </div>
      ) : null}
      {conflict && differing.length > 0 ? (
        <Card title={t(records_conflict_notSavedTitle)}>
          <Table scroll={false} data-testid="conflict-table">
            <ColumnHeads
              heads={[
                { label: t(records_conflict_field), dense: true },
                { label: t(records_conflict_yours), dense: true },
                { label: t(records_conflict_theirs), dense: true },
              ]}
            />
            <tbody>
              {differing.map(([k, label]) => (
                <Tr key={k}>
                  <Td dense>{t(label)}</Td>
                  <td className="whitespace-pre-wrap py-1 pr-4">{conflict.yours[k] || "—"}</td>
                  <td className="whitespace-pre-wrap py-1">{saved[k] || "—"}</td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </Card>
      ) : null}
      {monthError && !report ? (
        <Card>
          <p role="alert" className="text-sm text-red-800">
            {monthError}
          </p>
        </Card>
      ) : (
        <div className="mt-4">
          <Card>
            {canEdit && !shown && lastMonth ? (
              <div className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="copy-last">
                {copied ? (
                  <>
                    <p role="status" className="text-slate-700">
                      {t(records_report_copied, { month: monthLabel(copied.month, locale) })}
                    </p>
                    <Link className="text-indigo-700 underline" to={`/o/${slug}/reports/${month}`}>
                      {t(records_report_clearCopy)}
                    </Link>
                  </>
                ) : (
                  <>
                    <Link className="font-medium text-indigo-700 underline" to={`/o/${slug}/reports/${month}?copy=last`}>
                      {t(records_report_copyLast, { month: monthLabel(lastMonth, locale) })}
                    </Link>
                    <span className="text-xs text-slate-500">{t(records_report_copyHint)}</span>
                  </>
                )}
              </div>
            ) : null}
            {canEdit ? (
              <ReportForm
                key={formKey}
                month={month}
                values={values}
                errors={errors}
                version={shown?.version ?? null}
                currency={currency}
                earlier={earlier}
                isNew={!report}
              />
            ) : (
              <ReadOnlyReport report={shown} currency={currency} />
            )}
            {shown ? (
              <p className="mt-4 text-sm text-slate-700" data-testid="saved-burn">
                <span title={t(records_report_grossBurnHint)}>{t(records_report_grossBurnValue, { amount: money(shown.grossBurn) })}</span> ·{" "}
                <span title={t(records_report_netBurnHint)}>{t(records_report_netBurnValue, { amount: money(shown.netBurn) })}</span>{" "}
                <span className="text-xs text-slate-500">{t(records_report_asSaved)}</span>
              </p>
            ) : null}
          </Card>
        </div>
      )}
    </>
  );
}
