import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { can } from "~/auth/permissions";
import { requireInvestor } from "~/auth/tenant.server";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { monthOfDate } from "~/finance";
import { messageRef, metaTitle, translate, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { COMMON_CURRENCIES } from "~/domain/currencies";
import { monthCell, monthText } from "~/i18n/display";
import { failureFromError, formFailure, invalidForm, parseForm } from "~/server/forms.server";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { EARLIEST_RATE_MONTH } from "~/domain/fx-rate";
import { fxRateDeleteSchema, fxRateSchema } from "~/domain/fx-rate.form";
import { deleteFxRate, listFxRatesPage, saveFxRate } from "~/models/fx-rate.server";
import { listMissingPortfolioRates } from "~/models/portfolio.server";
import { listPositionCurrencies } from "~/models/position.server";
import { Pager } from "~/components/ui/pager";
import { redirectWithToast, toast } from "~/server/toast.server";
import { Table, TableHead, Td, Th } from "~/components/ui/table";
import { common_action_delete } from "~/paraglide/messages/common_action_delete.js";
import { common_action_deleting } from "~/paraglide/messages/common_action_deleting.js";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { common_action_saving } from "~/paraglide/messages/common_action_saving.js";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { investor_alerts_head_actions } from "~/paraglide/messages/investor_alerts_head_actions.js";
import { investor_charts_month } from "~/paraglide/messages/investor_charts_month.js";
import { investor_fx_currencyHint } from "~/paraglide/messages/investor_fx_currencyhint1.js";
import { investor_fx_currencyLabel } from "~/paraglide/messages/investor_fx_currencylabel1.js";
import { investor_fx_deleteConsequence } from "~/paraglide/messages/investor_fx_deleteconsequence1.js";
import { investor_fx_deleteDialogTitle } from "~/paraglide/messages/investor_fx_deletedialogtitle2.js";
import { investor_fx_deleteLabel } from "~/paraglide/messages/investor_fx_deletelabel1.js";
import { investor_fx_deleteTick } from "~/paraglide/messages/investor_fx_deletetick1.js";
import { investor_fx_description } from "~/paraglide/messages/investor_fx_description.js";
import { investor_fx_empty } from "~/paraglide/messages/investor_fx_empty.js";
import { investor_fx_emptyEditor } from "~/paraglide/messages/investor_fx_emptyeditor1.js";
import { investor_fx_emptyReader } from "~/paraglide/messages/investor_fx_emptyreader1.js";
import { investor_fx_error_nothingDeleted } from "~/paraglide/messages/investor_fx_error_nothingdeleted1.js";
import { investor_fx_head_currency } from "~/paraglide/messages/investor_fx_head_currency.js";
import { investor_fx_head_means } from "~/paraglide/messages/investor_fx_head_means.js";
import { investor_fx_head_rate } from "~/paraglide/messages/investor_fx_head_rate.js";
import { investor_fx_importCsv } from "~/paraglide/messages/investor_fx_importcsv1.js";
import { investor_fx_missing_complete } from "~/paraglide/messages/investor_fx_missing_complete.js";
import { investor_fx_missing_months } from "~/paraglide/messages/investor_fx_missing_months.js";
import { investor_fx_missing_noneNeeded } from "~/paraglide/messages/investor_fx_missing_noneneeded1.js";
import { investor_fx_missing_note } from "~/paraglide/messages/investor_fx_missing_note.js";
import { investor_fx_missing_titleAll } from "~/paraglide/messages/investor_fx_missing_titleall1.js";
import { investor_fx_monthHint } from "~/paraglide/messages/investor_fx_monthhint1.js";
import { investor_fx_notice_created } from "~/paraglide/messages/investor_fx_notice_created.js";
import { investor_fx_notice_deleted } from "~/paraglide/messages/investor_fx_notice_deleted.js";
import { investor_fx_notice_unchanged } from "~/paraglide/messages/investor_fx_notice_unchanged.js";
import { investor_fx_notice_updated } from "~/paraglide/messages/investor_fx_notice_updated.js";
import { investor_fx_rateHint } from "~/paraglide/messages/investor_fx_ratehint1.js";
import { investor_fx_rateLabel } from "~/paraglide/messages/investor_fx_ratelabel1.js";
import { investor_fx_ratesCard } from "~/paraglide/messages/investor_fx_ratescard1.js";
import { investor_fx_record } from "~/paraglide/messages/investor_fx_record.js";
import { investor_fx_save } from "~/paraglide/messages/investor_fx_save.js";
import { investor_fx_title } from "~/paraglide/messages/investor_fx_title.js";
import { investor_listSeparator } from "~/paraglide/messages/investor_listseparator1.js";
import { investor_positions_title } from "~/paraglide/messages/investor_positions_title.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_fx_title)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  const search = new URL(request.url).searchParams;
  const [page, companies, positionCurrencies, missing] = await Promise.all([
    listFxRatesPage(ctx, { page: Number(search.get("page") ?? "1") }),
    listAccessibleCompanies(ctx),
    listPositionCurrencies(ctx),
    listMissingPortfolioRates(ctx),
  ]);
  const base = ctx.org.baseCurrency;
  const needed = [...new Set([...companies.map((c) => c.company.baseCurrency), ...positionCurrencies].map((c) => c.toUpperCase()))]
    .filter((c) => c !== base)
    .sort();
  return json({
    ...page,
    needed,
    missing,
    currentMonth: monthOfDate(new Date()),
    earliestMonth: EARLIEST_RATE_MONTH,
    canEdit: can(ctx.role, "edit:records"),
    baseCurrency: base,
    slug: ctx.org.slug,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params, "edit:records");
  const locale = getLocale(request);
  const checkFields = messageRef(common_validation_checkFields);
  const formData = await request.formData();
  const list = `/o/${ctx.org.slug}/fx`;
  try {
    if (formData.get("intent") === "delete") {
      const key = parseForm(fxRateDeleteSchema(), formData);
      if (!key.ok)
        return formFailure({
          locale,
          fieldErrors: key.fieldErrors,
          values: formData,
          formError: key.fieldErrors.confirm ?? translate(locale, investor_fx_error_nothingDeleted),
        });
      await deleteFxRate(ctx, key.data.month, key.data.currency);
      return redirectWithToast(list, toast(investor_fx_notice_deleted));
    }
    const parsed = parseForm(fxRateSchema(monthOfDate(new Date()), ctx.org.baseCurrency), formData);
    if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
    const saved = await saveFxRate(ctx, parsed.data);
    const saidAs = {
      created: toast(investor_fx_notice_created),
      updated: toast(investor_fx_notice_updated),
      unchanged: { ...toast(investor_fx_notice_unchanged), tone: "info" as const },
    };
    return redirectWithToast(list, saidAs[saved.status]);
  } catch (error) {
    return failureFromError(error, locale, { values: formData, formError: checkFields });
  }
}

export default function FxRates() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const t = useT();
  const failure = result && "fieldErrors" in result ? result : null;
  const values = failure && "values" in failure ? (failure.values as Record<string, string>) : {};
  const errors = failure?.fieldErrors ?? {};
  const base = data.baseCurrency;

  return (
    <>
      <PageHeader
        title={t(investor_fx_title)}
        description={t(investor_fx_description, { base })}
        actions={
          <div className="flex gap-4 text-sm">
            <TextLink to={`/o/${data.slug}/positions`}>{t(investor_positions_title)}</TextLink>
            {data.canEdit ? <TextLink to={`/o/${data.slug}/fx/import`}>{t(investor_fx_importCsv)}</TextLink> : null}
            <a href={`/o/${data.slug}/fx.csv`} className="text-indigo-700 underline" download>
              {t(common_action_exportCsv)}
            </a>
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t(investor_fx_missing_titleAll)}>
            <div data-testid="missing-rates">
              {data.needed.length === 0 ? (
                <p className="text-sm text-slate-600">{t(investor_fx_missing_noneNeeded, { base })}</p>
              ) : data.missing.length === 0 ? (
                <p className="text-sm text-emerald-800">{t(investor_fx_missing_complete, { currencies: data.needed.join(t(investor_listSeparator)) })}</p>
              ) : (
                <ul className="space-y-2 text-sm">
                  {data.missing.map((m) => (
                    <li key={m.currency} data-testid={`missing-${m.currency}`}>
                      <span className="font-semibold">{m.currency}</span>:{" "}
                      {t(investor_fx_missing_months, {
                        count: m.months.length,
                        months: m.months.map((month) => monthText(t, month)).join(t(investor_listSeparator)),
                      })}
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-3 text-xs text-slate-500">{t(investor_fx_missing_note)}</p>
            </div>
          </Card>

          <Card title={t(investor_fx_ratesCard, { count: data.total })}>
            {data.rates.length === 0 ? (
              <EmptyState title={t(investor_fx_empty)}>{data.canEdit ? t(investor_fx_emptyEditor) : t(investor_fx_emptyReader)}</EmptyState>
            ) : (
              <Table data-testid="fx-rates">
                <TableHead>
                  <Th>{t(investor_charts_month)}</Th>
                  <Th>{t(investor_fx_head_currency)}</Th>
                  <Th numeric>{t(investor_fx_head_rate)}</Th>
                  <Th>{t(investor_fx_head_means)}</Th>
                  {data.canEdit ? (
                    <Th>
                      <span className="sr-only">{t(investor_alerts_head_actions)}</span>
                    </Th>
                  ) : null}
                </TableHead>
                <tbody>
                  {data.rates.map((r) => (
                    <tr key={`${r.month}-${r.currency}`} className="border-b last:border-0" data-testid="fx-rate-row">
                      <Td>{monthCell(t, r.month)}</Td>
                      <Td>{r.currency}</Td>
                      <Td numeric>{r.rate}</Td>
                      <td className="py-2 pr-4 text-slate-600">
                        1 {r.currency} = {r.rate} {base}
                      </td>
                      {data.canEdit ? (
                        <Td>
                          <Form method="post" noValidate>
                            <input type="hidden" name="month" value={r.month} />
                            <input type="hidden" name="currency" value={r.currency} />
                            <ConfirmAction
                              intent="delete"
                              look="link"
                              label={t(investor_fx_deleteLabel, { currency: r.currency, month: monthText(t, r.month) })}
                              texts={{
                                action: t(common_action_delete),
                                title: t(investor_fx_deleteDialogTitle, { currency: r.currency, month: monthText(t, r.month) }),
                                consequence: t(investor_fx_deleteConsequence),
                                tick: t(investor_fx_deleteTick),
                                pending: t(common_action_deleting),
                              }}
                            />
                          </Form>
                        </Td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            <Pager page={data.page} pageCount={data.pageCount} href={(p) => `?page=${p}`} />
          </Card>
        </div>

        {data.canEdit ? (
          <Card title={t(investor_fx_record)}>
            <Form method="post" className="space-y-4" noValidate key={location.key}>
              <FormError error={failure?.formError} />
              <Field
                label={t(investor_charts_month)}
                name="month"
                type="month"
                min={data.earliestMonth}
                max={data.currentMonth}
                placeholder="YYYY-MM" // i18n-exempt: the input format, the same in every language
                defaultValue={values.month ?? data.currentMonth}
                error={errors.month}
                hint={t(investor_fx_monthHint, { earliest: data.earliestMonth, current: data.currentMonth })}
              />
              <Field
                label={t(investor_fx_currencyLabel)}
                name="currency"
                maxLength={3}
                list="fx-currencies"
                defaultValue={values.currency}
                error={errors.currency}
                hint={t(investor_fx_currencyHint, { base })}
              />
              <datalist id="fx-currencies">
                {COMMON_CURRENCIES.filter((c) => c !== base).map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
              <Field
                label={t(investor_fx_rateLabel, { base })}
                name="rate"
                inputMode="decimal"
                defaultValue={values.rate}
                error={errors.rate}
                hint={t(investor_fx_rateHint, { base })}
              />
              <SubmitButton intent="save" pendingText={t(common_action_saving)}>
                {t(investor_fx_save)}
              </SubmitButton>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  );
}
