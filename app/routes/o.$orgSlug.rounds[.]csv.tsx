import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStartup } from "~/auth/tenant.server";
import { csvResponse } from "~/server/csv.server";
import { listFundingRounds, type FundingRound } from "~/models/funding-round.server";
import { amountColumns, majorUnits, storedColumns } from "~/server/csv-columns.server";

/** Every funding round as CSV: keys as stored, amounts in major units, derived figures included. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const rounds = await listFundingRounds(ctx, { sort: "close_date", direction: "asc" });
  return csvResponse<FundingRound>(`${ctx.org.slug}-funding-rounds.csv`, rounds, [
    ...storedColumns<FundingRound>("id", "closeDate", "instrument"),
    ...amountColumns<FundingRound>("amount"),
    ...storedColumns<FundingRound>("currency"),
    ...amountColumns<FundingRound>("preMoneyValuation"),
    { header: "post_money_valuation", value: (r) => majorUnits(r.valuation?.postMoney) },
    { header: "dilution_percent", value: (r) => (r.valuation ? (r.valuation.dilution * 100).toFixed(2) : null) },
    ...storedColumns<FundingRound>("leadInvestor", "otherInvestors", "crowdfundingPlatform", "backerCount", "notes"),
  ]);
}
