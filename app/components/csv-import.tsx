/**
 * The import page shared by monthly reports, budgets, custom metric values and FX rates: choose a file → it is checked in
 * the browser with a progress bar (same rules as the server) → uploaded and checked again
 * on the server, which answers with a preview and what would change → "Confirm import"
 * re-sends the same file with the digest of the previewed content.
 */
import { Form, Link, useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useFormat, useLocale, useT, type PlainKey, type TranslationKey } from "~/i18n";
import {
  expectedHeader,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  MAX_LISTED_ERRORS,
  parseImportCsvInChunks,
  type CsvImportError,
  type ImportKind,
  type MetricColumn,
} from "~/domain/csv-import";
import type { ImportActionResult } from "~/views/csv-import";
import { FormError } from "./ui/form";
import { Card, PageHeader, ScrollArea } from "./ui/layout";
import { Table, TableHead, Tr } from "~/components/ui/table";
import { records_import_allRows } from "~/paraglide/messages/records_import_allrows1.js";
import { records_import_blank } from "~/paraglide/messages/records_import_blank.js";
import { records_import_changed } from "~/paraglide/messages/records_import_changed.js";
import { records_import_changedHint } from "~/paraglide/messages/records_import_changedhint1.js";
import { records_import_checkFile } from "~/paraglide/messages/records_import_checkfile1.js";
import { records_import_checking } from "~/paraglide/messages/records_import_checking.js";
import { records_import_clientTooLarge } from "~/paraglide/messages/records_import_clienttoolarge2.js";
import { records_import_column } from "~/paraglide/messages/records_import_column.js";
import { records_import_confirm } from "~/paraglide/messages/records_import_confirm.js";
import { records_import_confirmNote } from "~/paraglide/messages/records_import_confirmnote1.js";
import { records_import_count_budgetLine } from "~/paraglide/messages/records_import_count_budgetline1.js";
import { records_import_count_month } from "~/paraglide/messages/records_import_count_month.js";
import { records_import_count_rate } from "~/paraglide/messages/records_import_count_rate.js";
import { records_import_errorsFirst } from "~/paraglide/messages/records_import_errorsfirst1.js";
import { records_import_errorsTitle } from "~/paraglide/messages/records_import_errorstitle1.js";
import { records_import_errorsTitleFile } from "~/paraglide/messages/records_import_errorstitlefile2.js";
import { records_import_fileLabel } from "~/paraglide/messages/records_import_filelabel1.js";
import { records_import_firstLine } from "~/paraglide/messages/records_import_firstline1.js";
import { records_import_firstRows } from "~/paraglide/messages/records_import_firstrows1.js";
import { records_import_guideTitle } from "~/paraglide/messages/records_import_guidetitle1.js";
import { records_import_imported } from "~/paraglide/messages/records_import_imported.js";
import { records_import_importedCounts } from "~/paraglide/messages/records_import_importedcounts1.js";
import { records_import_importedNothing } from "~/paraglide/messages/records_import_importednothing1.js";
import { records_import_importing } from "~/paraglide/messages/records_import_importing.js";
import { records_import_importingLabel } from "~/paraglide/messages/records_import_importinglabel1.js";
import { records_import_importingProgress } from "~/paraglide/messages/records_import_importingprogress1.js";
import { records_import_importingRows } from "~/paraglide/messages/records_import_importingrows1.js";
import { records_import_line } from "~/paraglide/messages/records_import_line.js";
import { records_import_lineHint } from "~/paraglide/messages/records_import_linehint1.js";
import { records_import_monthRange } from "~/paraglide/messages/records_import_monthrange1.js";
import { records_import_new } from "~/paraglide/messages/records_import_new.js";
import { records_import_newHint } from "~/paraglide/messages/records_import_newhint1.js";
import { records_import_nothingToImport } from "~/paraglide/messages/records_import_nothingtoimport2.js";
import { records_import_noun_budgetLine } from "~/paraglide/messages/records_import_noun_budgetline1.js";
import { records_import_noun_month } from "~/paraglide/messages/records_import_noun_month.js";
import { records_import_noun_rate } from "~/paraglide/messages/records_import_noun_rate.js";
import { records_import_noun_value } from "~/paraglide/messages/records_import_noun_value.js";
import { records_import_previewOf } from "~/paraglide/messages/records_import_previewof1.js";
import { records_import_problem } from "~/paraglide/messages/records_import_problem.js";
import { records_import_problemsLabel } from "~/paraglide/messages/records_import_problemslabel1.js";
import { records_import_reading } from "~/paraglide/messages/records_import_reading.js";
import { records_import_rowsInFile } from "~/paraglide/messages/records_import_rowsinfile2.js";
import { records_import_rowsInFileHint } from "~/paraglide/messages/records_import_rowsinfilehint3.js";
import { records_import_sample } from "~/paraglide/messages/records_import_sample.js";
import { records_import_step1 } from "~/paraglide/messages/records_import_step1.js";
import { records_import_step2 } from "~/paraglide/messages/records_import_step2.js";
import { records_import_unchanged } from "~/paraglide/messages/records_import_unchanged.js";
import { records_import_unchangedHint } from "~/paraglide/messages/records_import_unchangedhint1.js";
import { records_import_uploading } from "~/paraglide/messages/records_import_uploading.js";
import { records_import_uploadingLabel } from "~/paraglide/messages/records_import_uploadinglabel1.js";

type ClientCheck =
  | { phase: "idle" }
  | { phase: "reading" }
  | { phase: "checking"; done: number; total: number; lines: number }
  | { phase: "failed"; errors: CsvImportError[]; errorCount: number; fileName: string };

/** Texts are translated by the calling page (t()); column names stay as the file's header names. */
export interface CsvImportPageProps {
  kind: ImportKind;
  title: string;
  description: string;
  sampleHref: string;
  backHref: string;
  backLabel: string;
  /** Rows of the column guide: column, what it holds. */
  columnGuide: [string, string][];
  notes: string[];
  /** No longer read: the counts' nouns come from the kind (UNITS below). Kept so callers not yet translated still compile. */
  unit?: [string, string];
  /** FX rates: the org's base currency, refused in the file by the browser check as on the server. */
  baseCurrency?: string;
  /** Custom metrics: the org's metrics, whose keys are the file's columns. */
  metrics?: MetricColumn[];
  /** The sample link's text, when the sample is not a sample file (custom metrics: the org's own export). */
  sampleLabel?: string;
}

const TEXT_COLUMNS = new Set(["month", "category", "currency"]);

/** What a row of each kind is called: in a count ("12 months") and as a plural noun in the preview's hints. */
const UNITS = {
  "monthly-reports": { count: records_import_count_month, noun: records_import_noun_month },
  budgets: { count: records_import_count_budgetLine, noun: records_import_noun_budgetLine },
  "fx-rates": { count: records_import_count_rate, noun: records_import_noun_rate },
  // A metrics file has a row per month and a value per metric: the preview counts values.
  metrics: { count: records_import_count_month, noun: records_import_noun_value },
} as const satisfies Record<ImportKind, { count: TranslationKey; noun: PlainKey }>;

export function CsvImportPage(props: CsvImportPageProps) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const unit = UNITS[props.kind];
  const rowsText = (count: number) => t(unit.count, { count });
  const noun = t(unit.noun);
  const result = useActionData<ImportActionResult | { ok: false; formError?: string }>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const [check, setCheck] = useState<ClientCheck>({ phase: "idle" });
  const [fileChanged, setFileChanged] = useState(false);
  const busyIntent = navigation.state === "submitting" ? (navigation.formData?.get("intent") as string | null) : null;
  const elapsed = useElapsedSeconds(busyIntent !== null);
  const formId = `import-${props.kind}`;

  const action = result && "status" in result ? result : null;
  const formError = result && "formError" in result ? result.formError : undefined;

  useEffect(() => {
    if (action?.status === "imported") formRef.current?.reset();
    setFileChanged(false);
  }, [action]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value !== "preview") return; // confirming: let the form post the same file
    const input = event.currentTarget.elements.namedItem("file") as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    formData.set("intent", "preview");
    if (file.size > MAX_FILE_BYTES) {
      const message = t(records_import_clientTooLarge, { mb: MAX_FILE_BYTES / 1024 / 1024 });
      setCheck({ phase: "failed", fileName: file.name, errorCount: 1, errors: [{ line: null, column: null, message }] });
      return;
    }
    setCheck({ phase: "reading" });
    const text = await file.text();
    const checked = await parseImportCsvInChunks(props.kind, text, {
      baseCurrency: props.baseCurrency,
      metrics: props.metrics,
      locale,
      onProgress: ({ doneChars, totalChars, lines }) => setCheck({ phase: "checking", done: doneChars, total: totalChars, lines }),
    });
    if (!checked.ok) {
      setCheck({ phase: "failed", fileName: file.name, errors: checked.errors, errorCount: checked.errorCount });
      return;
    }
    setCheck({ phase: "idle" });
    submit(formData, { method: "post", encType: "multipart/form-data" });
  }

  const checkingInBrowser = check.phase === "reading" || check.phase === "checking";
  const shownErrors = check.phase === "failed" ? check : action?.status === "errors" && !fileChanged ? action : null;
  const preview = action?.status === "preview" && check.phase !== "failed" && !fileChanged ? action : null;

  return (
    <>
      <PageHeader
        title={props.title}
        description={props.description}
        actions={
          <TextLink to={props.backHref} className="text-sm">
            {props.backLabel}
          </TextLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t(records_import_step1)}>
            <Form id={formId} ref={formRef} method="post" encType="multipart/form-data" onSubmit={onSubmit} className="space-y-4">
              <div>
                <label htmlFor={`${formId}-file`} className="block text-sm font-medium text-slate-700">
                  {t(records_import_fileLabel, { rows: MAX_DATA_ROWS, mb: MAX_FILE_BYTES / 1024 / 1024 })}
                </label>
                <input
                  id={`${formId}-file`}
                  name="file"
                  type="file"
                  accept=".csv,text/csv"
                  required
                  onChange={() => {
                    setFileChanged(true);
                    setCheck({ phase: "idle" });
                  }}
                  className="mt-1 block w-full text-sm"
                  aria-describedby={`${formId}-file-hint`}
                />
                <p id={`${formId}-file-hint`} className="mt-1 text-xs text-slate-500">
                  {t.rich(records_import_firstLine, {
                    header: <code>{expectedHeader(props.kind, props.metrics)}</code>,
                    sample: (
                      <a href={props.sampleHref} download className="text-indigo-700 underline">
                        {props.sampleLabel ?? t(records_import_sample)}
                      </a>
                    ),
                  })}
                </p>
              </div>
              <FormError error={formError} />
              <button
                type="submit"
                name="intent"
                value="preview"
                disabled={checkingInBrowser || busyIntent !== null}
                className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
              >
                {t(records_import_checkFile)}
              </button>
            </Form>
            <Progress check={check} busyIntent={busyIntent} elapsed={elapsed} rowsText={preview ? rowsText(preview.counts.rows) : null} />
          </Card>

          {action?.status === "imported" ? (
            <div role="status" className="rounded-md bg-emerald-50 p-4 text-sm text-emerald-900">
              <p className="font-semibold">
                {t(records_import_imported, { file: action.fileName, rows: rowsText(action.counts.rows), first: action.firstMonth, last: action.lastMonth })}
              </p>
              <p className="mt-1">
                {t(action.counts.inserted + action.counts.updated === 0 ? records_import_importedNothing : records_import_importedCounts, {
                  added: action.counts.inserted,
                  changed: action.counts.updated,
                  unchanged: action.counts.unchanged,
                })}
              </p>
              <Link to={props.backHref} className="mt-2 inline-block text-emerald-900 underline">
                {props.backLabel}
              </Link>
            </div>
          ) : null}

          {shownErrors ? <ErrorList {...shownErrors} /> : null}

          {preview ? (
            <Card title={t(records_import_step2)}>
              {preview.notice ? (
                <div role="alert" className="mb-4 rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
                  {preview.notice}
                </div>
              ) : null}
              <dl className="mb-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
                <Count label={t(records_import_rowsInFile)} value={f.number(preview.counts.rows)} hint={t(records_import_rowsInFileHint)} />
                <Count label={t(records_import_new)} value={f.number(preview.counts.inserted)} hint={t(records_import_newHint, { unit: noun })} />
                <Count label={t(records_import_changed)} value={f.number(preview.counts.updated)} hint={t(records_import_changedHint, { unit: noun })} />
                <Count label={t(records_import_unchanged)} value={f.number(preview.counts.unchanged)} hint={t(records_import_unchangedHint, { unit: noun })} />
              </dl>
              <p className="mb-2 text-sm text-slate-600">
                {t(records_import_previewOf, {
                  file: preview.fileName,
                  months:
                    preview.firstMonth === preview.lastMonth
                      ? preview.firstMonth
                      : t(records_import_monthRange, { first: preview.firstMonth, last: preview.lastMonth }),
                })}{" "}
                {preview.counts.rows > preview.previewRows.length
                  ? t(records_import_firstRows, { shown: preview.previewRows.length, total: preview.counts.rows })
                  : t(records_import_allRows)}
              </p>
              <Table data-testid="import-preview">
                <TableHead>
                  {preview.columns.map((c) => (
                    <th key={c} className={`py-2 pr-4 font-medium ${TEXT_COLUMNS.has(c) ? "" : "text-right"}`}>
                      {c}
                    </th>
                  ))}
                </TableHead>
                <tbody>
                  {preview.previewRows.map((cells, i) => (
                    <Tr key={i}>
                      {cells.map((cell, j) => (
                        <td key={j} className={`py-1 pr-4 ${TEXT_COLUMNS.has(preview.columns[j] ?? "") ? "" : "text-right tabular-nums"}`}>
                          {cell === "" ? <span className="text-slate-600">{t(records_import_blank)}</span> : cell}
                        </td>
                      ))}
                    </Tr>
                  ))}
                </tbody>
              </Table>
              <div className="mt-4 flex flex-wrap items-center gap-3">
                <input type="hidden" name="checksum" value={preview.checksum} form={formId} />
                <button
                  type="submit"
                  form={formId}
                  name="intent"
                  value="import"
                  disabled={busyIntent !== null || preview.counts.inserted + preview.counts.updated === 0}
                  className="inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60"
                >
                  {busyIntent === "import" ? t(records_import_importing) : t(records_import_confirm)}
                </button>
                <p className="text-xs text-slate-500">
                  {preview.counts.inserted + preview.counts.updated === 0 ? t(records_import_nothingToImport) : t(records_import_confirmNote)}
                </p>
              </div>
            </Card>
          ) : null}
        </div>

        <Card title={t(records_import_guideTitle)}>
          <table className="w-full text-sm">
            <tbody>
              {props.columnGuide.map(([column, meaning]) => (
                <Tr key={column} top>
                  <th scope="row" className="py-1 pr-3 text-left font-mono text-xs font-medium">
                    {column}
                  </th>
                  <td className="py-1 text-slate-700">{meaning}</td>
                </Tr>
              ))}
            </tbody>
          </table>
          <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-slate-600">
            {props.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}

function Count({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="rounded-md border border-slate-200 p-3" title={hint}>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
      <dd className="sr-only">{hint}</dd>
    </div>
  );
}

function ErrorList({ errors, errorCount, fileName }: { errors: CsvImportError[]; errorCount: number; fileName: string | null }) {
  const t = useT();
  return (
    <section role="alert" aria-labelledby="import-errors-title" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <h2 id="import-errors-title" className="font-semibold">
        {fileName ? t(records_import_errorsTitleFile, { file: fileName, count: errorCount }) : t(records_import_errorsTitle, { count: errorCount })}
      </h2>
      {errorCount > errors.length ? <p className="mt-1">{t(records_import_errorsFirst, { count: Math.min(errors.length, MAX_LISTED_ERRORS) })}</p> : null}
      <ScrollArea label={t(records_import_problemsLabel)} className="mt-3 max-h-[32rem] overflow-auto">
        <table className="min-w-full bg-white text-left text-sm text-slate-900" data-testid="import-errors">
          <TableHead className="border-b text-slate-600">
            <th className="px-2 py-1 font-medium" title={t(records_import_lineHint)}>
              {t(records_import_line)}
            </th>
            <th className="px-2 py-1 font-medium">{t(records_import_column)}</th>
            <th className="px-2 py-1 font-medium">{t(records_import_problem)}</th>
          </TableHead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i} className="border-b last:border-0 align-top">
                <td className="px-2 py-1 tabular-nums">{e.line ?? "—"}</td>
                <td className="px-2 py-1 font-mono text-xs">{e.column ?? ""}</td>
                <td className="px-2 py-1">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </section>
  );
}

function Progress({
  check,
  busyIntent,
  elapsed,
  rowsText,
}: {
  check: ClientCheck;
  busyIntent: string | null;
  elapsed: number;
  /** "12 months", once the preview has counted them. */
  rowsText: string | null;
}) {
  const t = useT();
  const f = useFormat();
  let content: JSX.Element | null = null;
  if (check.phase === "reading") {
    content = <p>{t(records_import_reading)}</p>;
  } else if (check.phase === "checking") {
    const percent = check.total === 0 ? 100 : Math.round((check.done / check.total) * 100);
    content = (
      <>
        <label htmlFor="import-progress" className="block">
          {t(records_import_checking, { rows: Math.max(check.lines - 1, 0), percent: f.percent(percent / 100, 0) })}
        </label>
        <progress id="import-progress" className="mt-1 h-2 w-full" max={100} value={percent}>
          {f.percent(percent / 100, 0)}
        </progress>
      </>
    );
  } else if (busyIntent === "preview") {
    content = (
      <>
        <p>{t(records_import_uploading, { seconds: elapsed })}</p>
        <progress className="mt-1 h-2 w-full" aria-label={t(records_import_uploadingLabel)} />
      </>
    );
  } else if (busyIntent === "import") {
    content = (
      <>
        <p>
          {rowsText === null
            ? t(records_import_importingProgress, { seconds: elapsed })
            : t(records_import_importingRows, { rows: rowsText, seconds: elapsed })}
        </p>
        <progress className="mt-1 h-2 w-full" aria-label={t(records_import_importingLabel)} />
      </>
    );
  }
  if (!content) return null;
  return (
    <div role="status" aria-live="polite" className="mt-4 text-sm text-slate-700">
      {content}
    </div>
  );
}

/** Seconds since `running` became true: proof of life while the server works. */
function useElapsedSeconds(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    setSeconds(0);
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}
