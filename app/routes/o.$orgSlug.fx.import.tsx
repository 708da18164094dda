import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireInvestor } from "~/auth/tenant.server";
import { CsvImportPage } from "~/components/csv-import";
import { MAX_RATE_DECIMALS } from "~/finance";
import { metaTitle, useT } from "~/i18n";
import { EARLIEST_IMPORT_MONTH } from "~/lib/csv-import";
import { handleImportAction } from "~/lib/csv-import.server";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "investor.fxImport.title")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params, "edit:records");
  return json({ slug: ctx.org.slug, currency: ctx.org.baseCurrency });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params, "edit:records");
  return handleImportAction(request, ctx, "fx-rates");
}

export default function ImportFxRates() {
  const { slug, currency } = useLoaderData<typeof loader>();
  const t = useT();
  // The column names are the file's own (month, currency, rate): they stay as they are in every language.
  return (
    <CsvImportPage
      kind="fx-rates"
      baseCurrency={currency}
      title={t("investor.fxImport.title")}
      description={t("investor.fxImport.description", { currency })}
      sampleHref="/samples/fx-rates.csv"
      backHref={`/o/${slug}/fx`}
      backLabel={t("investor.fxImport.back")}
      unit={[t("investor.fxImport.unitOne"), t("investor.fxImport.unitOther")]}
      columnGuide={[
        ["month", t("investor.fxImport.column.month", { earliest: EARLIEST_IMPORT_MONTH })],
        ["currency", t("investor.fxImport.column.currency", { currency })],
        ["rate", t("investor.fxImport.column.rate", { currency, decimals: MAX_RATE_DECIMALS })],
      ]}
      notes={[t("investor.fxImport.note.unit", { currency }), t("investor.fxImport.note.rows"), t("investor.fxImport.note.again")]}
    />
  );
}
