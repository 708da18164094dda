import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { TextareaHTMLAttributes } from "react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { EARLIEST_REPORT_MONTH, REPORT_TEXT_MAX } from "~/lib/report-rules";
import { requireOrgContext } from "~/auth/tenant.server";
import { Field, FieldError, FormError, SubmitButton } from "~/components/ui/form";
import { Card, PageHeader } from "~/components/ui/layout";
import { isValidMonth } from "~/finance";
import { appErrorResponse, invalid, parseForm } from "~/lib/forms.server";
import { AppError, notFound } from "~/lib/http.server";
import { formatMoney, minorToMajorString, moneyField } from "~/lib/money";
import { SPEND_CATEGORIES, SPEND_CATEGORY_INFO, type SpendCategory } from "~/lib/spend-categories";
import {
  currentMonth,
  getMonthlyReport,
  reportMonthError,
  saveMonthlyReport,
  type MonthlyReport,
} from "~/models/monthly-report.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && data.mode === "edit" ? `Report ${data.month}` : "New monthly report"} · Capital Desk` },
];

const blankToZero = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? "0" : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
/** An amount the form may leave empty: an empty spend line was not spent on. */
const amountOrZero = (label: string) => z.preprocess(blankToZero, moneyField(label));
const textField = (label: string) =>
  z
    .string()
    .trim()
    .max(REPORT_TEXT_MAX, `Keep ${label} to at most ${REPORT_TEXT_MAX.toLocaleString("en-US")} characters.`)
    .optional()
    .transform((v) => (v ? v : null));

const ReportSchema = z.object({
  version: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.union([z.literal("").transform(() => null), z.string().regex(/^\d+$/).transform(Number)])),
  cash: moneyField("cash at month end"),
  revenue: amountOrZero("revenue"),
  ...(Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, amountOrZero(`${SPEND_CATEGORY_INFO[c].label.toLowerCase()} spend`)])) as Record<
    SpendCategory,
    ReturnType<typeof amountOrZero>
  >),
  headcount: z
    .string({ error: "Enter the headcount at month end." })
    .trim()
    .min(1, "Enter the headcount at month end.")
    .regex(/^\d{1,7}$/, "Enter headcount as a whole number of people, 0 or more.")
    .transform(Number),
  arr: z.preprocess(blankToUndefined, moneyField("ARR").optional()).transform((v) => (v === undefined ? null : v)),
  highlights: textField("highlights"),
  lowlights: textField("lowlights"),
  asks: textField("asks"),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "startup") notFound();
  const canEdit = can(ctx.role, "edit:records");
  const month = params.month ?? "";
  if (month === "new") {
    const picked = new URL(request.url).searchParams.get("month");
    if (picked !== null) {
      const error = reportMonthError(picked.trim());
      if (!error) return redirect(`/o/${ctx.org.slug}/reports/${picked.trim()}`);
      return json({ mode: "new" as const, slug: ctx.org.slug, picked, error, latest: currentMonth() }, { status: 400 });
    }
    return json({ mode: "new" as const, slug: ctx.org.slug, picked: currentMonth(), error: null, latest: currentMonth() });
  }
  if (!isValidMonth(month)) notFound();
  const report = await getMonthlyReport(ctx, month);
  return json({
    mode: "edit" as const,
    slug: ctx.org.slug,
    month,
    report,
    canEdit,
    currency: ctx.org.baseCurrency,
    monthError: report ? null : reportMonthError(month),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "startup") notFound();
  const month = params.month ?? "";
  if (month === "new") notFound();
  const formData = await request.formData();
  const parsed = parseForm(ReportSchema, formData);
  const monthError = reportMonthError(month);
  if (!parsed.ok || monthError) {
    const fieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...(monthError ? { month: monthError } : {}) };
    return invalid(fieldErrors, monthError ?? "Check the highlighted fields; nothing was saved.");
  }
  const { version, ...input } = parsed.data;
  try {
    const report = await saveMonthlyReport(ctx, month, version, input);
    return json({ ok: true as const, message: `Saved ${month}.`, version: report.version });
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") {
      const current = await getMonthlyReport(ctx, month);
      const yours = Object.fromEntries(
        [...formData.entries()].filter(([k, v]) => typeof v === "string" && k !== "version").map(([k, v]) => [k, String(v)]),
      );
      return json(
        {
          ok: false as const,
          formError: `${error.message} Their values are now in the form below; yours are listed next to them. Apply your changes again and save.`,
          fieldErrors: {} as Record<string, string>,
          conflict: { current, yours },
        },
        { status: 409 },
      );
    }
    return appErrorResponse(error);
  }
}

function monthLabel(month: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}

function formValues(report: MonthlyReport | null): Record<string, string> {
  if (!report) return {};
  return {
    cash: minorToMajorString(report.cash),
    revenue: minorToMajorString(report.revenue),
    ...Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, minorToMajorString(report[c])])),
    headcount: String(report.headcount),
    arr: report.arr === null ? "" : minorToMajorString(report.arr),
    highlights: report.highlights ?? "",
    lowlights: report.lowlights ?? "",
    asks: report.asks ?? "",
  };
}

const FIELD_LABELS: Record<string, string> = {
  cash: "Cash at month end",
  revenue: "Revenue",
  ...Object.fromEntries(SPEND_CATEGORIES.map((c) => [c, SPEND_CATEGORY_INFO[c].label])),
  headcount: "Headcount",
  arr: "ARR",
  highlights: "Highlights",
  lowlights: "Lowlights",
  asks: "Asks",
};

function TextAreaField({
  label,
  name,
  error,
  hint,
  ...rest
}: { label: string; name: string; error?: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        maxLength={REPORT_TEXT_MAX}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 aria-[invalid=true]:border-red-500"
        {...rest}
      />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

function NewMonthPicker({ slug, picked, error, latest }: { slug: string; picked: string; error: string | null; latest: string }) {
  return (
    <>
      <PageHeader title="Enter a month" description="Choose the calendar month the report is for." />
      <Card>
        <Form method="get" className="max-w-sm space-y-4" noValidate>
          <Field
            label="Month (YYYY-MM)"
            name="month"
            type="month"
            min={EARLIEST_REPORT_MONTH}
            max={latest}
            placeholder="2026-04"
            defaultValue={picked}
            error={error ?? undefined}
            hint={`From ${EARLIEST_REPORT_MONTH} to ${latest}. If the month already has a report, you will edit it.`}
          />
          <div className="flex items-center gap-3">
            <SubmitButton pendingText="Opening…">Continue</SubmitButton>
            <Link className="text-sm text-indigo-700 underline" to={`/o/${slug}/reports`}>
              Cancel
            </Link>
          </div>
        </Form>
      </Card>
    </>
  );
}

type ActionResult =
  | { ok: true; message: string; version: number }
  | { ok: false; formError?: string; fieldErrors: Record<string, string>; conflict?: { current: MonthlyReport | null; yours: Record<string, string> } };

export default function MonthlyReportPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  if (data.mode === "new") return <NewMonthPicker slug={data.slug} picked={data.picked} error={data.error} latest={data.latest} />;

  const { slug, month, report, canEdit, currency, monthError } = data;
  const failure = result && !result.ok ? result : null;
  const conflict = failure?.conflict ?? null;
  const shown: MonthlyReport | null = conflict?.current ?? report;
  const values = formValues(shown);
  const errors: Record<string, string> = failure?.fieldErrors ?? {};
  const money = (minor: number) => formatMoney(minor, currency);
  const differing = conflict
    ? Object.keys(FIELD_LABELS).filter((k) => (conflict.yours[k] ?? "").trim() !== (values[k] ?? "").trim())
    : [];

  return (
    <>
      <PageHeader
        title={`Monthly report · ${monthLabel(month)}`}
        description={
          report
            ? `Last saved ${new Date(report.updatedAt).toISOString().replace("T", " ").slice(0, 16)} UTC${report.updatedByName ? ` by ${report.updatedByName}` : ""}. Amounts in ${currency}.`
            : `Not reported yet. Amounts in ${currency}, in major units like 12500.50.`
        }
        actions={
          <Link className="text-sm text-indigo-700 underline" to={`/o/${slug}/reports`}>
            All months
          </Link>
        }
      />
      {result?.ok ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {result.message}
        </p>
      ) : null}
      {failure ? (
        <div className="mb-4">
          <FormError error={failure.formError} />
        </div>
      ) : null}
      {conflict && differing.length > 0 ? (
        <Card title="Your entries that were not saved">
          <table className="min-w-full text-sm" data-testid="conflict-table">
            <thead>
              <tr className="border-b text-left text-slate-600">
                <th scope="col" className="py-1 pr-4 font-medium">Field</th>
                <th scope="col" className="py-1 pr-4 font-medium">Yours (not saved)</th>
                <th scope="col" className="py-1 font-medium">Saved by the other person</th>
              </tr>
            </thead>
            <tbody>
              {differing.map((k) => (
                <tr key={k} className="border-b last:border-0">
                  <td className="py-1 pr-4">{FIELD_LABELS[k]}</td>
                  <td className="whitespace-pre-wrap py-1 pr-4">{conflict.yours[k] || "—"}</td>
                  <td className="whitespace-pre-wrap py-1">{values[k] || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
            {!canEdit ? (
              <p className="mb-4 text-sm text-slate-600">You have read-only access to this organisation; the figures cannot be changed here.</p>
            ) : null}
            <Form method="post" noValidate key={`${month}-${shown?.version ?? "new"}`} className="space-y-6">
              <input type="hidden" name="version" value={shown?.version ?? ""} />
              <fieldset disabled={!canEdit} className="space-y-6">
                <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                  <Field label={FIELD_LABELS.cash} name="cash" inputMode="decimal" defaultValue={values.cash} error={errors.cash} hint="Cash in the bank on the last day of the month." />
                  <Field label={FIELD_LABELS.revenue} name="revenue" inputMode="decimal" defaultValue={values.revenue} error={errors.revenue} hint="Revenue recognised in the month." />
                  <Field label={FIELD_LABELS.headcount} name="headcount" inputMode="numeric" defaultValue={values.headcount} error={errors.headcount} hint="People on the team at month end." />
                  <Field label={`${FIELD_LABELS.arr} (optional)`} name="arr" inputMode="decimal" defaultValue={values.arr} error={errors.arr} hint="Annual recurring revenue at month end." />
                </div>
                <div>
                  <h2 className="text-base font-semibold">Operating spend by category</h2>
                  <p className="text-xs text-slate-500">Leave a category empty when nothing was spent. Excludes debt interest and principal.</p>
                  <div className="mt-2 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                    {SPEND_CATEGORIES.map((c) => (
                      <Field
                        key={c}
                        label={SPEND_CATEGORY_INFO[c].label}
                        name={c}
                        inputMode="decimal"
                        defaultValue={values[c]}
                        error={errors[c]}
                        hint={SPEND_CATEGORY_INFO[c].meaning}
                      />
                    ))}
                  </div>
                </div>
                {shown ? (
                  <p className="text-sm text-slate-700" data-testid="saved-burn">
                    <span title="Gross burn = sum of the seven spend categories">Gross burn {money(shown.grossBurn)}</span> ·{" "}
                    <span title="Net burn = gross burn − revenue; positive means burning cash">Net burn {money(shown.netBurn)}</span>{" "}
                    <span className="text-xs text-slate-500">(as saved)</span>
                  </p>
                ) : null}
                <div className="grid gap-4 lg:grid-cols-3">
                  <TextAreaField label="Highlights" name="highlights" defaultValue={values.highlights} error={errors.highlights} hint="What went well, for investors." />
                  <TextAreaField label="Lowlights" name="lowlights" defaultValue={values.lowlights} error={errors.lowlights} hint="What went badly." />
                  <TextAreaField label="Asks" name="asks" defaultValue={values.asks} error={errors.asks} hint="How investors can help." />
                </div>
              </fieldset>
              {canEdit ? <SubmitButton pendingText="Saving…">{report ? "Save changes" : "Save month"}</SubmitButton> : null}
            </Form>
          </Card>
        </div>
      )}
    </>
  );
}
