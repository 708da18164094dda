import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireInvestor } from "~/auth/tenant.server";
import { instrumentName } from "~/lib/portfolio-query";
import { PositionForm, type PositionFormValues } from "~/components/position-form";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { isoDateOfDate } from "~/finance";
import { metaTitle, translate, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { dateText, monthText, multipleText } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { basisPointsToPercentString } from "~/lib/instruments";
import { minorToMajorString } from "~/lib/money";
import { versionedEditAction } from "~/lib/versioned-edit.server";
import { toast } from "~/lib/toast.server";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { positionSchema } from "~/domain/position";
import { deletePosition, getPositionWithReturn, updatePosition } from "~/models/position.server";
import { DELETED_COMPANY } from "~/lib/positions";
import { DeleteForm } from "~/components/ui/delete-form";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "investor.position.metaTitle")];


export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  const found = await getPositionWithReturn(ctx, params.positionId ?? "");
  if (!found) notFound();
  const canEdit = can(ctx.role, "edit:records");
  const companies = canEdit ? (await listAccessibleCompanies(ctx)).map((a) => ({ id: a.company.id, name: a.company.name, baseCurrency: a.company.baseCurrency })) : [];
  // A company that stopped sharing stays selectable for its own position (the fund still holds it).
  if (canEdit && !companies.some((c) => c.id === found.position.companyOrgId)) {
    const { companyOrgId, companyName } = found.position;
    const locale = getLocale(request);
    companies.unshift(
      companyOrgId === null
        ? { id: DELETED_COMPANY, name: translate(locale, "deletion.position.deleted", { name: companyName ?? "" }), baseCurrency: found.position.currency }
        : { id: companyOrgId, name: translate(locale, "investor.position.currentCompany"), baseCurrency: found.position.currency },
    );
  }
  return json({ ...found, canEdit, companies, baseCurrency: ctx.org.baseCurrency, today: isoDateOfDate(new Date()) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params, "edit:records");
  const id = params.positionId ?? "";
  const list = `/o/${ctx.org.slug}/positions`;
  return versionedEditAction(await request.formData(), {
    what: "investor.positions.whatShort",
    schema: positionSchema(isoDateOfDate(new Date())),
    update: (version, data) => updatePosition(ctx, id, version, data),
    remove: (version) => deletePosition(ctx, id, version),
    afterUpdate: { to: list, toast: toast("investor.positions.notice.updated") },
    afterDelete: { to: list, toast: toast("investor.positions.notice.deleted") },
    locale: getLocale(request),
  });
}

export default function PositionDetail() {
  const { position, returns, canEdit, companies, baseCurrency, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const errors: Record<string, string> = result && !result.ok ? result.fieldErrors : {};
  const formError = result && !result.ok ? result.formError : undefined;
  const conflict = Boolean(result && "conflict" in result && result.conflict);
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
    position.company?.name ?? (position.companyName ? t("deletion.position.deleted", { name: position.companyName }) : t("investor.positions.companyGone"));
  const missing = <Badge tone="warn">{t("investor.positions.rateMissing")}</Badge>;
  const converted = (amount: number | null, rate: { month: string; rate: string } | null) =>
    amount === null || rate === null ? (
      missing
    ) : (
      <>
        {f.money(amount, baseCurrency)}
        {position.currency !== baseCurrency ? (
          <span className="block text-xs font-normal text-slate-500">
            {t("investor.positions.atRate", { rate: rate.rate, base: baseCurrency, currency: position.currency, month: monthText(t, rate.month) })}
          </span>
        ) : null}
      </>
    );

  return (
    <>
      <PageHeader
        title={t("investor.position.title", { company: companyLabel, date: dateText(t, position.investedOn) })}
        actions={
          <TextLink to=".." relative="path" className="text-sm">
            {t("investor.position.back")}
          </TextLink>
        }
      />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="position-summary">
          <Item label={t("investor.charts.raised.instrument")}>{instrumentName(t, position.instrument)}</Item>
          <Item label={t("investor.positions.head.ownership")}>
            {position.ownershipBp === null ? "—" : t("investor.positions.percent", { value: basisPointsToPercentString(position.ownershipBp) })}
          </Item>
          <Item label={t("investor.positions.invested")}>{f.money(position.amount, position.currency)}</Item>
          <Item label={t("investor.position.investedInBase", { base: baseCurrency })}>{converted(returns.investedBase, returns.investedRate)}</Item>
          <Item label={t("investor.positions.currentValue")}>{f.money(position.currentValue, position.currency)}</Item>
          <Item label={t("investor.position.valueInBase", { base: baseCurrency })}>{converted(returns.currentValueBase, returns.valueRate)}</Item>
          <Item label={t("investor.positions.moicDefinition")}>{returns.moic === null ? missing : multipleText(t, returns.moic)}</Item>
          {position.notes ? <Item label={t("investor.position.notes")}>{position.notes}</Item> : null}
        </dl>
        {canEdit ? (
          <div className="mt-6 space-y-6 border-t pt-6">
            {conflict ? (
              <p className="text-sm text-slate-700">
                {t.rich("investor.position.conflict", {
                  reload: (
                    // biome-ignore lint/a11y/useValidAnchor: an empty href is this very URL: following it reloads the page, without JavaScript
                    <a href="" className="text-indigo-700 underline">
                      {t("investor.position.reload")}
                    </a>
                  ),
                })}
              </p>
            ) : null}
            <h3 className="font-semibold">{t("investor.position.edit")}</h3>
            {/* Not keyed by version: after a conflict the user's typing stays and so does the version they edited. */}
            <PositionForm
              values={values}
              errors={errors}
              formError={formError}
              companies={companies}
              baseCurrency={baseCurrency}
              today={today}
              intent="update"
              submitLabel={t("investor.position.saveChanges")}
              pendingText={t("common.action.saving")}
              version={position.version}
            />
            <DeleteForm
              version={position.version}
              heading={t("investor.position.deleteTitle")}
              texts={{
                action: t("investor.position.delete"),
                title: t("investor.position.deleteDialogTitle", { company: companyLabel, date: dateText(t, position.investedOn) }),
                consequence: t("investor.position.deleteConsequence"),
                tick: t("investor.position.deleteConfirm"),
                pending: t("common.action.deleting"),
              }}
              error={errors.confirm}
            />
          </div>
        ) : (
          <p className="mt-4 text-xs text-slate-500">{t("investor.position.readOnly")}</p>
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
