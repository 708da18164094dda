import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireInvestor } from "~/auth/tenant.server";
import { csvResponse } from "~/server/csv.server";
import { listAllFxRates, type StoredFxRate } from "~/models/fx-rate.server";

/** Every FX rate as CSV, in the import's own format (month,currency,rate), so it re-imports unchanged. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  const rates = await listAllFxRates(ctx);
  return csvResponse<StoredFxRate>(`${ctx.org.slug}-fx-rates.csv`, rates, [
    { header: "month", value: (r) => r.month },
    { header: "currency", value: (r) => r.currency },
    { header: "rate", value: (r) => r.rate },
  ]);
}
