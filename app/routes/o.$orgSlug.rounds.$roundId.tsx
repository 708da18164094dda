import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireStartup } from "~/auth/tenant.server";
import { FundingRoundForm, type RoundFormValues } from "~/components/funding-round-form";
import { Card, PageHeader } from "~/components/ui/layout";
import { isoDateOfDate } from "~/finance";
import { localeFromMatches, metaTitle, useFormat, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { versionedEditAction } from "~/lib/versioned-edit.server";
import { toast } from "~/lib/toast.server";
import { notFound } from "~/lib/http.server";
import { instrumentLabel } from "~/lib/instruments";
import { minorToMajorString } from "~/lib/money";
import { fundingRoundSchema } from "~/domain/funding-round";
import { oneYearAfter } from "~/domain/bounds";
import { deleteFundingRound, getFundingRound, updateFundingRound } from "~/models/funding-round.server";
import { DeleteForm } from "~/components/ui/delete-form";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  data
    ? metaTitle(matches, "records.round.metaTitle", { instrument: instrumentLabel(data.round.instrument, localeFromMatches(matches)), date: data.round.closeDate })
    : metaTitle(matches, "records.rounds.title"),
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
    what: "records.round.whatShort",
    locale: getLocale(request),
    schema: fundingRoundSchema(isoDateOfDate(new Date())),
    update: (version, data) => updateFundingRound(ctx, id, version, data),
    remove: (version) => deleteFundingRound(ctx, id, version),
    afterUpdate: { to: list, toast: toast("records.rounds.notice.updated") },
    afterDelete: { to: list, toast: toast("records.rounds.notice.deleted") },
  });
}

export default function FundingRoundDetail() {
  const { round, canEdit, baseCurrency, maxCloseDate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const formError = result && !result.ok ? result.formError : undefined;
  const conflict = Boolean(result && "conflict" in result && result.conflict);
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
  const title = t("records.round.title", { instrument: instrumentLabel(round.instrument, locale), date: round.closeDate });
  const summary = (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="round-summary">
      <Item label={t("records.rounds.amount")}>{f.money(round.amount, round.currency)}</Item>
      <Item label={t("records.round.field.preMoney")}>{f.money(round.preMoneyValuation, round.currency)}</Item>
      <Item label={t("records.round.postMoneyDerived")}>{f.money(round.valuation?.postMoney, round.currency)}</Item>
      <Item label={t("records.round.dilutionDerived")}>{f.percent(round.valuation?.dilution, 2)}</Item>
      <Item label={t("records.round.field.leadInvestor")}>{round.leadInvestor ?? "—"}</Item>
      <Item label={t("records.round.field.otherInvestors")}>{round.otherInvestors ?? "—"}</Item>
      {round.instrument === "equity_crowdfunding" ? (
        <>
          <Item label={t("records.round.field.platform")}>{round.crowdfundingPlatform ?? "—"}</Item>
          <Item label={t("records.round.backersLabel")}>{f.number(round.backerCount)}</Item>
        </>
      ) : null}
      {round.notes ? <Item label={t("records.round.notes")}>{round.notes}</Item> : null}
    </dl>
  );

  return (
    <>
      <PageHeader
        title={title}
        actions={
          <TextLink to=".." relative="path" className="text-sm">
            {t("records.round.back")}
          </TextLink>
        }
      />
      <Card>
      {summary}
      {canEdit ? (
        <div className="mt-6 space-y-6 border-t pt-6">
          {conflict ? (
            <p className="text-sm text-slate-700">
              {t.rich("records.conflict.savedShown", {
                reload: (
                  // biome-ignore lint/a11y/useValidAnchor: an empty href is this very URL: following it reloads the page, without JavaScript
                  <a href="" className="text-indigo-700 underline">
                    {t("records.conflict.reload")}
                  </a>
                ),
              })}
            </p>
          ) : null}
          <h3 className="font-semibold">{t("records.round.editTitle")}</h3>
          {/* Not keyed by version: after a conflict the user's typing stays and so does the version they edited. */}
          <FundingRoundForm
            values={values}
            errors={errors}
            formError={formError}
            baseCurrency={baseCurrency}
            maxCloseDate={maxCloseDate}
            intent="update"
            submitLabel={t("records.action.saveChanges")}
            pendingText={t("common.action.saving")}
            version={round.version}
          />
          <DeleteForm
            version={round.version}
            heading={t("records.round.deleteTitle")}
            texts={{
              action: t("records.round.delete"),
              title: t("records.round.deleteDialogTitle", { instrument: instrumentLabel(round.instrument, locale), date: round.closeDate }),
              consequence: t("records.round.deleteConsequence"),
              tick: t("records.round.deleteConfirm"),
              pending: t("common.action.deleting"),
            }}
            error={errors.confirm}
          />
        </div>
      ) : (
        <p className="mt-4 text-xs text-slate-500">{t("records.round.readOnly")}</p>
      )}
      </Card>
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}
