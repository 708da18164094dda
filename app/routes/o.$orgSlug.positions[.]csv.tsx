import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireInvestor } from "~/auth/tenant.server";
import { csvResponse } from "~/server/csv.server";
import { basisPointsToPercentString } from "~/domain/instruments";
import { positionsOverview, type PositionWithReturn } from "~/models/position.server";
import { amountColumns, majorUnits, storedColumns } from "~/server/csv-columns.server";

/**
 * Every position as CSV: amounts in major units of their own currency, then in the base
 * currency with the rates used (blank where the rate is missing — never 0), and MOIC.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  const overview = await positionsOverview(ctx, { sort: "invested_on", direction: "asc", page: 1, pageSize: Number.MAX_SAFE_INTEGER });
  const base = ctx.org.baseCurrency.toLowerCase();
  return csvResponse<PositionWithReturn>(`${ctx.org.slug}-positions.csv`, overview.positions, [
    ...storedColumns<PositionWithReturn>("id"),
    { header: "company", value: (p) => p.company?.name ?? (p.companyName ? `${p.companyName} (deleted)` : "(no longer shared)") },
    ...storedColumns<PositionWithReturn>("investedOn", "instrument"),
    ...amountColumns<PositionWithReturn>("amount"),
    ...storedColumns<PositionWithReturn>("currency"),
    ...amountColumns<PositionWithReturn>("currentValue"),
    { header: "ownership_percent", value: (p) => (p.ownershipBp === null ? null : basisPointsToPercentString(p.ownershipBp)) },
    { header: `amount_${base}`, value: (p) => majorUnits(p.returns.investedBase) },
    { header: "amount_rate", value: (p) => p.returns.investedRate?.rate ?? null },
    { header: "amount_rate_month", value: (p) => p.returns.investedRate?.month ?? null },
    { header: `current_value_${base}`, value: (p) => majorUnits(p.returns.currentValueBase) },
    { header: "current_value_rate", value: (p) => p.returns.valueRate?.rate ?? null },
    { header: "current_value_rate_month", value: (p) => p.returns.valueRate?.month ?? null },
    { header: "moic", value: (p) => (p.returns.moic === null ? null : p.returns.moic.toFixed(4)) },
    { header: "rate_missing", value: (p) => (p.returns.included ? "no" : "yes") },
    ...storedColumns<PositionWithReturn>("notes"),
  ]);
}
