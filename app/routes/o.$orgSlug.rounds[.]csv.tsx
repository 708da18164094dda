import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStartup } from "~/auth/tenant.server";
import { csvResponse } from "~/server/csv.server";
import { minorToMajorString } from "~/domain/money-fields";
import { listFundingRounds, type FundingRound } from "~/models/funding-round.server";

/** Every funding round as CSV: keys as stored, amounts in major units, derived figures included. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  const rounds = await listFundingRounds(ctx, { sort: "close_date", direction: "asc" });
  const money = (minor: number | null | undefined) => (minor === null || minor === undefined ? null : minorToMajorString(minor));
  return csvResponse<FundingRound>(`${ctx.org.slug}-funding-rounds.csv`, rounds, [
    { header: "id", value: (r) => r.id },
    { header: "close_date", value: (r) => r.closeDate },
    { header: "instrument", value: (r) => r.instrument },
    { header: "amount", value: (r) => money(r.amount) },
    { header: "currency", value: (r) => r.currency },
    { header: "pre_money_valuation", value: (r) => money(r.preMoneyValuation) },
    { header: "post_money_valuation", value: (r) => money(r.valuation?.postMoney) },
    { header: "dilution_percent", value: (r) => (r.valuation ? (r.valuation.dilution * 100).toFixed(2) : null) },
    { header: "lead_investor", value: (r) => r.leadInvestor },
    { header: "other_investors", value: (r) => r.otherInvestors },
    { header: "crowdfunding_platform", value: (r) => r.crowdfundingPlatform },
    { header: "backer_count", value: (r) => r.backerCount },
    { header: "notes", value: (r) => r.notes },
  ]);
}
