import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { CsvImportPage } from "~/components/csv-import";
import { MAX_RATE_DECIMALS } from "~/finance";
import { EARLIEST_IMPORT_MONTH } from "~/lib/csv-import";
import { notFound } from "~/lib/http.server";
import { handleImportAction } from "~/lib/csv-import.server";

export const meta: MetaFunction = () => [{ title: "Import FX rates · Capital Desk" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "investor") notFound();
  return json({ slug: ctx.org.slug, currency: ctx.org.baseCurrency });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  if (ctx.org.kind !== "investor") notFound();
  return handleImportAction(request, ctx, "fx-rates");
}

export default function ImportFxRates() {
  const { slug, currency } = useLoaderData<typeof loader>();
  return (
    <CsvImportPage
      kind="fx-rates"
      baseCurrency={currency}
      title="Import FX rates"
      description={`Add or update many monthly rates into ${currency} at once. Nothing is written unless the whole file is valid.`}
      sampleHref="/samples/fx-rates.csv"
      backHref={`/o/${slug}/fx`}
      backLabel="Back to FX rates"
      unit={["rate", "rates"]}
      columnGuide={[
        ["month", `Calendar month, YYYY-MM (e.g. 2026-03), from ${EARLIEST_IMPORT_MONTH} to this month.`],
        ["currency", `ISO 4217 code of the currency (EUR, GBP, CNY…), not ${currency}.`],
        ["rate", `How many ${currency} one unit of the currency was worth that month: a positive decimal with up to ${MAX_RATE_DECIMALS} decimals, like 1.0825.`],
      ]}
      notes={[
        `1 unit of the currency = rate ${currency}. Use a point for decimals, no thousands separators.`,
        "One row per month and currency. A rate already recorded gets the file's rate; rates not in the file are left as they are.",
        "Importing the same file again changes nothing. The export of this page is a valid import file.",
      ]}
    />
  );
}
