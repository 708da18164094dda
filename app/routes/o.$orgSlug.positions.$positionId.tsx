import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { can } from "~/auth/permissions";
import { requireInvestor } from "~/auth/tenant.server";
import { instrumentName } from "~/domain/portfolio-query";
import { PositionForm, type PositionFormValues } from "~/components/position-form";
import { Badge, Card } from "~/components/ui/layout";
import { BackHeader } from "~/components/back-header";
import { RecordEditor, SummaryItem } from "~/components/record-editor";
import { isoDateOfDate } from "~/finance";
import { metaTitle, translate, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { dateText, monthText, multipleText } from "~/i18n/display";
import { notFound } from "~/server/http.server";
import { basisPointsToPercentString } from "~/domain/instruments";
import { minorToMajorString } from "~/domain/money-fields";
import { versionedEditAction } from "~/server/versioned-edit.server";
import { toast } from "~/server/toast.server";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { positionSchema } from "~/domain/position";
import { deletePosition, getPositionWithReturn, updatePosition } from "~/models/position.server";
import { DELETED_COMPANY } from "~/domain/positions";
import { deletion_position_deleted } from "~/paraglide/messages/deletion_position_deleted.js";
import { investor_charts_raised_instrument } from "~/paraglide/messages/investor_charts_raised_instrument.js";
import { investor_position_back } from "~/paraglide/messages/investor_position_back.js";
import { investor_position_currentCompany } from "~/paraglide/messages/investor_position_currentcompany1.js";
import { investor_position_delete } from "~/paraglide/messages/investor_position_delete.js";
import { investor_position_deleteConfirm } from "~/paraglide/messages/investor_position_deleteconfirm1.js";
import { investor_position_deleteConsequence } from "~/paraglide/messages/investor_position_deleteconsequence1.js";
import { investor_position_deleteDialogTitle } from "~/paraglide/messages/investor_position_deletedialogtitle2.js";
import { investor_position_deleteTitle } from "~/paraglide/messages/investor_position_deletetitle1.js";
import { investor_position_edit } from "~/paraglide/messages/investor_position_edit.js";
import { investor_position_investedInBase } from "~/paraglide/messages/investor_position_investedinbase2.js";
import { investor_position_metaTitle } from "~/paraglide/messages/investor_position_metatitle1.js";
import { investor_position_notes } from "~/paraglide/messages/investor_position_notes.js";
import { investor_position_readOnly } from "~/paraglide/messages/investor_position_readonly1.js";
import { investor_position_saveChanges } from "~/paraglide/messages/investor_position_savechanges1.js";
import { investor_position_title } from "~/paraglide/messages/investor_position_title.js";
import { investor_position_valueInBase } from "~/paraglide/messages/investor_position_valueinbase2.js";
import { investor_positions_atRate } from "~/paraglide/messages/investor_positions_atrate1.js";
import { investor_positions_companyGone } from "~/paraglide/messages/investor_positions_companygone1.js";
import { investor_positions_currentValue } from "~/paraglide/messages/investor_positions_currentvalue1.js";
import { investor_positions_head_ownership } from "~/paraglide/messages/investor_positions_head_ownership.js";
import { investor_positions_invested } from "~/paraglide/messages/investor_positions_invested.js";
import { investor_positions_moicDefinition } from "~/paraglide/messages/investor_positions_moicdefinition1.js";
import { investor_positions_notice_deleted } from "~/paraglide/messages/investor_positions_notice_deleted.js";
import { investor_positions_notice_updated } from "~/paraglide/messages/investor_positions_notice_updated.js";
import { investor_positions_rateMissing } from "~/paraglide/messages/investor_positions_ratemissing1.js";
import { investor_positions_whatShort } from "~/paraglide/messages/investor_positions_whatshort1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_position_metaTitle)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  const found = await getPositionWithReturn(ctx, params.positionId ?? "");
  if (!found) notFound();
  const canEdit = can(ctx.role, "edit:records");
  const companies = canEdit
    ? (await listAccessibleCompanies(ctx)).map((a) => ({ id: a.company.id, name: a.company.name, baseCurrency: a.company.baseCurrency }))
    : [];
  // A company that stopped sharing stays selectable for its own position (the fund still holds it).
  if (canEdit && !companies.some((c) => c.id === found.position.companyOrgId)) {
    const { companyOrgId, companyName } = found.position;
    const locale = getLocale(request);
    companies.unshift(
      companyOrgId === null
        ? { id: DELETED_COMPANY, name: translate(locale, deletion_position_deleted, { name: companyName ?? "" }), baseCurrency: found.position.currency }
        : { id: companyOrgId, name: translate(locale, investor_position_currentCompany), baseCurrency: found.position.currency },
    );
  }
  return json({ ...found, canEdit, companies, baseCurrency: ctx.org.baseCurrency, today: isoDateOfDate(new Date()) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params, "edit:records");
  const id = params.positionId ?? "";
  const list = `/o/${ctx.org.slug}/positions`;
  return versionedEditAction(await request.formData(), {
    what: investor_positions_whatShort,
    schema: positionSchema(isoDateOfDate(new Date())),
    update: (version, data) => updatePosition(ctx, id, version, data),
    remove: (version) => deletePosition(ctx, id, version),
    afterUpdate: { to: list, toast: toast(investor_positions_notice_updated) },
    afterDelete: { to: list, toast: toast(investor_positions_notice_deleted) },
    locale: getLocale(request),
  });
}

export default function PositionDetail() {
  const { position, returns, canEdit, companies, baseCurrency, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const values: PositionFormValues = {
    companyOrgId: position.companyOrgId ?? DELETED_COMPANY,
    investedOn: position.investedOn,
    amount: minorToMajorString(position.amount),
    currency: position.currency,
    instrument: position.instrument,
    ownershipPercent: position.ownershipBp === null ? "" : basisPointsToPercentString(position.ownershipBp),
    currentValue: minorToMajorString(position.currentValue),
    notes: position.notes ?? "",
  };
  const companyLabel =
    position.company?.name ?? (position.companyName ? t(deletion_position_deleted, { name: position.companyName }) : t(investor_positions_companyGone));
  const missing = <Badge tone="warn">{t(investor_positions_rateMissing)}</Badge>;
  const converted = (amount: number | null, rate: { month: string; rate: string } | null) =>
    amount === null || rate === null ? (
      missing
    ) : (
      <>
        {f.money(amount, baseCurrency)}
        {position.currency !== baseCurrency ? (
          <span className="block text-xs font-normal text-slate-500">
            {t(investor_positions_atRate, { rate: rate.rate, base: baseCurrency, currency: position.currency, month: monthText(t, rate.month) })}
          </span>
        ) : null}
      </>
    );

  return (
    <>
      <BackHeader title={t(investor_position_title, { company: companyLabel, date: dateText(t, position.investedOn) })} back={t(investor_position_back)} />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="position-summary">
          <SummaryItem label={t(investor_charts_raised_instrument)}>{instrumentName(t, position.instrument)}</SummaryItem>
          <SummaryItem label={t(investor_positions_head_ownership)}>{position.ownershipBp === null ? "—" : f.basisPoints(position.ownershipBp)}</SummaryItem>
          <SummaryItem label={t(investor_positions_invested)}>{f.money(position.amount, position.currency)}</SummaryItem>
          <SummaryItem label={t(investor_position_investedInBase, { base: baseCurrency })}>{converted(returns.investedBase, returns.investedRate)}</SummaryItem>
          <SummaryItem label={t(investor_positions_currentValue)}>{f.money(position.currentValue, position.currency)}</SummaryItem>
          <SummaryItem label={t(investor_position_valueInBase, { base: baseCurrency })}>{converted(returns.currentValueBase, returns.valueRate)}</SummaryItem>
          <SummaryItem label={t(investor_positions_moicDefinition)}>{returns.moic === null ? missing : multipleText(t, returns.moic)}</SummaryItem>
          {position.notes ? <SummaryItem label={t(investor_position_notes)}>{position.notes}</SummaryItem> : null}
        </dl>
        <RecordEditor
          layout="inline"
          canEdit={canEdit}
          result={result}
          version={position.version}
          title={t(investor_position_edit)}
          readOnly={t(investor_position_readOnly)}
          remove={{
            heading: t(investor_position_deleteTitle),
            action: t(investor_position_delete),
            title: t(investor_position_deleteDialogTitle, { company: companyLabel, date: dateText(t, position.investedOn) }),
            consequence: t(investor_position_deleteConsequence),
            tick: t(investor_position_deleteConfirm),
          }}
          form={(edit) => (
            <PositionForm
              {...edit}
              values={values}
              companies={companies}
              baseCurrency={baseCurrency}
              today={today}
              submitLabel={t(investor_position_saveChanges)}
            />
          )}
        />
      </Card>
    </>
  );
}
