import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireStartup } from "~/auth/tenant.server";
import { CsvImportPage } from "~/components/csv-import";
import { metaTitle, useT } from "~/i18n";
import { handleImportAction } from "~/lib/csv-import.server";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "records.reportsImport.title")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  return json({ slug: ctx.org.slug, currency: ctx.org.baseCurrency });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params, "edit:records");
  return handleImportAction(request, ctx, "monthly-reports");
}

export default function ImportMonthlyReports() {
  const { slug, currency } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <CsvImportPage
      kind="monthly-reports"
      title={t("records.reportsImport.title")}
      description={t("records.reportsImport.description")}
      sampleHref="/samples/monthly-reports.csv"
      backHref={`/o/${slug}/reports`}
      backLabel={t("records.reportsImport.back")}
      columnGuide={[
        ["month", t("records.reportsImport.col.month")],
        ["cash", t("records.reportsImport.col.cash", { currency })],
        ["revenue", t("records.reportsImport.col.revenue")],
        ["compute", t("records.reportsImport.col.compute")],
        ["data", t("records.reportsImport.col.data")],
        ["payroll", t("records.reportsImport.col.payroll")],
        ["research", t("records.reportsImport.col.research")],
        ["go_to_market", t("records.reportsImport.col.go_to_market")],
        ["general_admin", t("records.reportsImport.col.general_admin")],
        ["other", t("records.reportsImport.col.other")],
        ["headcount", t("records.reportsImport.col.headcount")],
        ["arr", t("records.reportsImport.col.arr")],
      ]}
      notes={[
        t("records.reportsImport.note.amounts", { currency }),
        t("records.reportsImport.note.existing"),
        t("records.reportsImport.note.blankArr"),
        t("records.import.note.idempotent"),
      ]}
    />
  );
}
