import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CsvImportPage, type CsvImportPageProps } from "~/components/csv-import";
import type { ImportKind } from "~/domain/csv-import";
import { metaTitle, useT, type PlainKey, type Translator } from "~/i18n";

/** The page's own texts besides its title; the sample file and the way back follow from the kind. */
export type CsvImportTexts = Omit<CsvImportPageProps, "kind" | "title" | "sampleHref" | "backHref">;

/** Which list page each import returns to (below /o/<slug>/). */
const LIST_PATHS = { "monthly-reports": "reports", budgets: "budgets", "fx-rates": "fx" } as const satisfies Partial<Record<ImportKind, string>>;

type TextsFor = (t: Translator, currency: string) => CsvImportTexts;

function CsvImportRoutePage({ kind, title, texts }: { kind: keyof typeof LIST_PATHS; title: PlainKey; texts: TextsFor }) {
  const { slug, currency } = useLoaderData<{ slug: string; currency: string }>();
  const t = useT();
  return <CsvImportPage kind={kind} title={t(title)} sampleHref={`/samples/${kind}.csv`} backHref={`/o/${slug}/${LIST_PATHS[kind]}`} {...texts(t, currency)} />;
}

/**
 * The browser half of a CSV import route (its loader and action: app/server/csv-import-page.server.ts):
 * the page title (also the document's), the sample file /samples/<kind>.csv, the back link to the
 * kind's list, and the other texts in the reader's language for the org's base currency.
 */
export function csvImportRoute(kind: keyof typeof LIST_PATHS, title: PlainKey, texts: TextsFor) {
  const meta: MetaFunction = ({ matches }) => [metaTitle(matches, title)];
  // biome-ignore lint/correctness/noComponentHookFactories: called once, at a route module's top level; never re-created by a render
  const Page = () => <CsvImportRoutePage kind={kind} title={title} texts={texts} />;
  return { meta, Page };
}
