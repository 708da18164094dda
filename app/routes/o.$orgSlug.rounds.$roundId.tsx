import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireStartup } from "~/auth/tenant.server";
import { FundingRoundForm, type RoundFormValues } from "~/components/funding-round-form";
import { Card } from "~/components/ui/layout";
import { BackHeader } from "~/components/back-header";
import { RecordEditor, SummaryItem } from "~/components/record-editor";
import { isoDateOfDate } from "~/finance";
import { localeFromMatches, metaTitle, useFormat, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { versionedEditAction } from "~/server/versioned-edit.server";
import { toast } from "~/server/toast.server";
import { notFound } from "~/server/http.server";
import { instrumentLabel } from "~/domain/instruments";
import { minorToMajorString } from "~/domain/money-fields";
import { fundingRoundSchema } from "~/domain/funding-round";
import { oneYearAfter } from "~/domain/bounds";
import { deleteFundingRound, getFundingRound, updateFundingRound } from "~/models/funding-round.server";
import { records_action_saveChanges } from "~/paraglide/messages/records_action_savechanges1.js";
import { records_round_back } from "~/paraglide/messages/records_round_back.js";
import { records_round_backersLabel } from "~/paraglide/messages/records_round_backerslabel1.js";
import { records_round_delete } from "~/paraglide/messages/records_round_delete.js";
import { records_round_deleteConfirm } from "~/paraglide/messages/records_round_deleteconfirm1.js";
import { records_round_deleteConsequence } from "~/paraglide/messages/records_round_deleteconsequence1.js";
import { records_round_deleteDialogTitle } from "~/paraglide/messages/records_round_deletedialogtitle2.js";
import { records_round_deleteTitle } from "~/paraglide/messages/records_round_deletetitle1.js";
import { records_round_dilutionDerived } from "~/paraglide/messages/records_round_dilutionderived1.js";
import { records_round_editTitle } from "~/paraglide/messages/records_round_edittitle1.js";
import { records_round_field_leadInvestor } from "~/paraglide/messages/records_round_field_leadinvestor1.js";
import { records_round_field_otherInvestors } from "~/paraglide/messages/records_round_field_otherinvestors1.js";
import { records_round_field_platform } from "~/paraglide/messages/records_round_field_platform.js";
import { records_round_field_preMoney } from "~/paraglide/messages/records_round_field_premoney1.js";
import { records_round_metaTitle } from "~/paraglide/messages/records_round_metatitle1.js";
import { records_round_notes } from "~/paraglide/messages/records_round_notes.js";
import { records_round_postMoneyDerived } from "~/paraglide/messages/records_round_postmoneyderived2.js";
import { records_round_readOnly } from "~/paraglide/messages/records_round_readonly1.js";
import { records_round_title } from "~/paraglide/messages/records_round_title.js";
import { records_round_whatShort } from "~/paraglide/messages/records_round_whatshort1.js";
import { records_rounds_amount } from "~/paraglide/messages/records_rounds_amount.js";
import { records_rounds_notice_deleted } from "~/paraglide/messages/records_rounds_notice_deleted.js";
import { records_rounds_notice_updated } from "~/paraglide/messages/records_rounds_notice_updated.js";
import { records_rounds_title } from "~/paraglide/messages/records_rounds_title.js";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data
    ? metaTitle(matches, records_round_metaTitle, {
        instrument: instrumentLabel(data.round.instrument, localeFromMatches(matches)),
        date: data.round.closeDate,
      })
    : metaTitle(matches, records_rounds_title),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const round = await getFundingRound(ctx, params.roundId ?? "");
  if (!round) notFound();
  return json({
    round,
    canEdit: can(ctx.role, "edit:records"),
    baseCurrency: ctx.org.baseCurrency,
    maxCloseDate: oneYearAfter(isoDateOfDate(new Date())),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  const id = params.roundId ?? "";
  const list = `/o/${ctx.org.slug}/rounds`;
  return versionedEditAction(await request.formData(), {
    what: records_round_whatShort,
    locale: getLocale(request),
    schema: fundingRoundSchema(isoDateOfDate(new Date())),
    update: (version, data) => updateFundingRound(ctx, id, version, data),
    remove: (version) => deleteFundingRound(ctx, id, version),
    afterUpdate: { to: list, toast: toast(records_rounds_notice_updated) },
    afterDelete: { to: list, toast: toast(records_rounds_notice_deleted) },
  });
}

export default function FundingRoundDetail() {
  const { round, canEdit, baseCurrency, maxCloseDate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const values: RoundFormValues = {
    instrument: round.instrument,
    closeDate: round.closeDate,
    amount: minorToMajorString(round.amount),
    currency: round.currency,
    preMoneyValuation: round.preMoneyValuation === null ? "" : minorToMajorString(round.preMoneyValuation),
    leadInvestor: round.leadInvestor ?? "",
    otherInvestors: round.otherInvestors ?? "",
    crowdfundingPlatform: round.crowdfundingPlatform ?? "",
    backerCount: round.backerCount === null ? "" : String(round.backerCount),
    notes: round.notes ?? "",
  };
  const title = t(records_round_title, { instrument: instrumentLabel(round.instrument, locale), date: round.closeDate });
  const summary = (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="round-summary">
      <SummaryItem label={t(records_rounds_amount)}>{f.money(round.amount, round.currency)}</SummaryItem>
      <SummaryItem label={t(records_round_field_preMoney)}>{f.money(round.preMoneyValuation, round.currency)}</SummaryItem>
      <SummaryItem label={t(records_round_postMoneyDerived)}>{f.money(round.valuation?.postMoney, round.currency)}</SummaryItem>
      <SummaryItem label={t(records_round_dilutionDerived)}>{f.percent(round.valuation?.dilution, 2)}</SummaryItem>
      <SummaryItem label={t(records_round_field_leadInvestor)}>{round.leadInvestor ?? "—"}</SummaryItem>
      <SummaryItem label={t(records_round_field_otherInvestors)}>{round.otherInvestors ?? "—"}</SummaryItem>
      {round.instrument === "equity_crowdfunding" ? (
        <>
          <SummaryItem label={t(records_round_field_platform)}>{round.crowdfundingPlatform ?? "—"}</SummaryItem>
          <SummaryItem label={t(records_round_backersLabel)}>{f.number(round.backerCount)}</SummaryItem>
        </>
      ) : null}
      {round.notes ? <SummaryItem label={t(records_round_notes)}>{round.notes}</SummaryItem> : null}
    </dl>
  );

  return (
    <>
      <BackHeader title={title} back={t(records_round_back)} />
      <Card>
        {summary}
        <RecordEditor
          layout="inline"
          canEdit={canEdit}
          result={result}
          version={round.version}
          title={t(records_round_editTitle)}
          readOnly={t(records_round_readOnly)}
          remove={{
            heading: t(records_round_deleteTitle),
            action: t(records_round_delete),
            title: t(records_round_deleteDialogTitle, { instrument: instrumentLabel(round.instrument, locale), date: round.closeDate }),
            consequence: t(records_round_deleteConsequence),
            tick: t(records_round_deleteConfirm),
          }}
          form={(edit) => (
            <FundingRoundForm {...edit} values={values} baseCurrency={baseCurrency} maxCloseDate={maxCloseDate} submitLabel={t(records_action_saveChanges)} />
          )}
        />
      </Card>
    </>
  );
}
