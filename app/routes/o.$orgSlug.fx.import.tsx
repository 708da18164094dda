import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireInvestor } from "~/auth/tenant.server";
import { CsvImportPage } from "~/components/csv-import";
import { MAX_RATE_DECIMALS } from "~/finance";
import { metaTitle, useT } from "~/i18n";
import { EARLIEST_IMPORT_MONTH } from "~/domain/csv-import";
import { handleImportAction } from "~/models/csv-import.server";
import { investor_fxImport_back } from "~/paraglide/messages/investor_fximport_back1.js";
import { investor_fxImport_column_currency } from "~/paraglide/messages/investor_fximport_column_currency1.js";
import { investor_fxImport_column_month } from "~/paraglide/messages/investor_fximport_column_month1.js";
import { investor_fxImport_column_rate } from "~/paraglide/messages/investor_fximport_column_rate1.js";
import { investor_fxImport_description } from "~/paraglide/messages/investor_fximport_description1.js";
import { investor_fxImport_note_again } from "~/paraglide/messages/investor_fximport_note_again1.js";
import { investor_fxImport_note_rows } from "~/paraglide/messages/investor_fximport_note_rows1.js";
import { investor_fxImport_note_unit } from "~/paraglide/messages/investor_fximport_note_unit1.js";
import { investor_fxImport_title } from "~/paraglide/messages/investor_fximport_title1.js";
import { investor_fxImport_unitOne } from "~/paraglide/messages/investor_fximport_unitone2.js";
import { investor_fxImport_unitOther } from "~/paraglide/messages/investor_fximport_unitother2.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_fxImport_title)];

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
      title={t(investor_fxImport_title)}
      description={t(investor_fxImport_description, { currency })}
      sampleHref="/samples/fx-rates.csv"
      backHref={`/o/${slug}/fx`}
      backLabel={t(investor_fxImport_back)}
      unit={[t(investor_fxImport_unitOne), t(investor_fxImport_unitOther)]}
      columnGuide={[
        ["month", t(investor_fxImport_column_month, { earliest: EARLIEST_IMPORT_MONTH })],
        ["currency", t(investor_fxImport_column_currency, { currency })],
        ["rate", t(investor_fxImport_column_rate, { currency, decimals: MAX_RATE_DECIMALS })],
      ]}
      notes={[t(investor_fxImport_note_unit, { currency }), t(investor_fxImport_note_rows), t(investor_fxImport_note_again)]}
    />
  );
}
