import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { PositionForm, type PositionFormValues } from "~/components/position-form";
import { MOIC_DEFINITION } from "~/components/position-returns";
import { FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, PageHeader } from "~/components/ui/layout";
import { isoDateOfDate } from "~/finance";
import { formatMultiple } from "~/lib/format";
import { notFound } from "~/lib/http.server";
import { basisPointsToPercentString, instrumentLabel } from "~/lib/instruments";
import { formatMoney, minorToMajorString } from "~/lib/money";
import { versionedEditAction } from "~/lib/versioned-edit.server";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { deletePosition, getPositionWithReturn, positionSchema, updatePosition } from "~/models/position.server";

export const meta: MetaFunction = () => [{ title: "Position · Capital Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "investor") notFound();
  const found = await getPositionWithReturn(ctx, params.positionId ?? "");
  if (!found) notFound();
  const canEdit = can(ctx.role, "edit:records");
  const companies = canEdit ? (await listAccessibleCompanies(ctx)).map((a) => ({ id: a.company.id, name: a.company.name, baseCurrency: a.company.baseCurrency })) : [];
  // A company that stopped sharing stays selectable for its own position (the fund still holds it).
  if (canEdit && !companies.some((c) => c.id === found.position.companyOrgId)) {
    companies.unshift({ id: found.position.companyOrgId, name: "Current company (no longer shared)", baseCurrency: found.position.currency });
  }
  return json({ ...found, canEdit, companies, baseCurrency: ctx.org.baseCurrency, today: isoDateOfDate(new Date()) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "investor") notFound();
  const id = params.positionId ?? "";
  const list = `/o/${ctx.org.slug}/positions`;
  return versionedEditAction(await request.formData(), {
    what: "position",
    schema: positionSchema(isoDateOfDate(new Date())),
    update: (version, data) => updatePosition(ctx, id, version, data),
    remove: (version) => deletePosition(ctx, id, version),
    afterUpdate: `${list}?notice=updated`,
    afterDelete: `${list}?notice=deleted`,
  });
}

export default function PositionDetail() {
  const { position, returns, canEdit, companies, baseCurrency, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const formError = result && !result.ok ? result.formError : undefined;
  const conflict = formError?.startsWith("Someone else changed");
  const values: PositionFormValues = {
    companyOrgId: position.companyOrgId,
    investedOn: position.investedOn,
    amount: minorToMajorString(position.amount),
    currency: position.currency,
    instrument: position.instrument,
    ownershipPercent: position.ownershipBp === null ? "" : basisPointsToPercentString(position.ownershipBp),
    currentValue: minorToMajorString(position.currentValue),
    notes: position.notes ?? "",
  };
  const missing = <Badge tone="warn">rate missing</Badge>;
  const converted = (amount: number | null, rate: { month: string; rate: string } | null) =>
    amount === null || rate === null ? (
      missing
    ) : (
      <>
        {formatMoney(amount, baseCurrency)}
        {position.currency !== baseCurrency ? (
          <span className="block text-xs font-normal text-slate-500">
            at {rate.rate} {baseCurrency}/{position.currency} ({rate.month})
          </span>
        ) : null}
      </>
    );

  return (
    <>
      <PageHeader
        title={`${position.company?.name ?? "Company no longer shared"} · ${position.investedOn}`}
        actions={
          <Link to=".." relative="path" className="text-sm text-indigo-700 underline">
            Back to positions
          </Link>
        }
      />
      <Card>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="position-summary">
          <Item label="Instrument">{instrumentLabel(position.instrument)}</Item>
          <Item label="Ownership">{position.ownershipBp === null ? "—" : `${basisPointsToPercentString(position.ownershipBp)} %`}</Item>
          <Item label="Amount invested">{formatMoney(position.amount, position.currency)}</Item>
          <Item label={`Amount invested in ${baseCurrency} (rate of the month invested)`}>{converted(returns.investedBase, returns.investedRate)}</Item>
          <Item label="Current value">{formatMoney(position.currentValue, position.currency)}</Item>
          <Item label={`Current value in ${baseCurrency} (latest rate)`}>{converted(returns.currentValueBase, returns.valueRate)}</Item>
          <Item label={MOIC_DEFINITION}>{returns.moic === null ? missing : formatMultiple(returns.moic)}</Item>
          {position.notes ? <Item label="Notes">{position.notes}</Item> : null}
        </dl>
        {canEdit ? (
          <div className="mt-6 space-y-6 border-t pt-6">
            {conflict ? (
              <p className="text-sm text-slate-700">
                The saved version is shown above. Your changes are still in the form below;{" "}
                <a href="" className="text-indigo-700 underline">
                  reload
                </a>{" "}
                to start again from the saved version.
              </p>
            ) : null}
            <h3 className="font-semibold">Edit position</h3>
            {/* Not keyed by version: after a conflict the user's typing stays and so does the version they edited. */}
            <PositionForm
              values={values}
              errors={errors}
              formError={formError}
              companies={companies}
              baseCurrency={baseCurrency}
              today={today}
              intent="update"
              submitLabel="Save changes"
              pendingText="Saving…"
              version={position.version}
            />
            <Form method="post" className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4" noValidate>
              <h3 className="font-semibold text-red-900">Delete this position</h3>
              <input type="hidden" name="version" defaultValue={position.version} />
              <label className="flex items-start gap-2 text-sm text-red-900">
                <input type="checkbox" name="confirm" value="yes" className="mt-1" aria-invalid={errors.confirm ? true : undefined} />
                <span>Yes, delete this position for everyone in the organisation. MOIC totals change at once; the audit log keeps a copy.</span>
              </label>
              {errors.confirm ? <FormError error={errors.confirm} /> : null}
              <SubmitButton intent="delete" variant="danger" pendingText="Deleting…">
                Delete position
              </SubmitButton>
            </Form>
          </div>
        ) : (
          <p className="mt-4 text-xs text-slate-500">You can read this position; only owners, admins and members can change it.</p>
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
