import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { TextLink } from "./ui/button";
import { SelectField, SubmitButton } from "./ui/form";
import { EmptyState } from "./ui/layout";
import { Pager } from "./ui/pager";

/** The filter bar's three words: "Apply", while applying, and "Clear filters". */
export interface FilterTexts {
  apply: string;
  pending: string;
  clear: string;
}

/**
 * A list's filter bar: a GET form, so filters live in the URL (they work without JavaScript and
 * can be bookmarked), its fields, Apply, and a link clearing them while any is set.
 */
export function FilterForm({
  label,
  filtered,
  clearTo,
  texts,
  children,
}: {
  label: string;
  filtered: boolean;
  clearTo: string;
  texts: FilterTexts;
  children: ReactNode;
}) {
  return (
    <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={label}>
      {children}
      <SubmitButton variant="secondary" pendingText={texts.pending}>
        {texts.apply}
      </SubmitButton>
      {filtered ? (
        <TextLink to={clearTo} className="py-2 text-sm">
          {texts.clear}
        </TextLink>
      ) : null}
    </Form>
  );
}

/** One choice of the filter bar (its id is `filter-<name>`), `width` a Tailwind width class. */
export function FilterSelect({
  name,
  label,
  width,
  value,
  any,
  options,
}: {
  name: string;
  label: string;
  width: string;
  value: string;
  /** The first option's words, the one that filters nothing (value ""): "Any status". */
  any?: string;
  options: { value: string; label: string }[];
}) {
  const all = any === undefined ? options : [{ value: "", label: any }, ...options];
  return (
    <div className={width}>
      <SelectField id={`filter-${name}`} label={label} name={name} defaultValue={value} options={all} />
    </div>
  );
}

/**
 * A filtered list with nothing in it says that nothing matches and how to clear the filters;
 * an unfiltered one shows the list's own empty state (`empty`).
 */
export function NoRows({ filtered, noMatch, clearTo, clear, empty }: { filtered: boolean; noMatch: string; clearTo: string; clear: string; empty: ReactNode }) {
  if (!filtered) return <>{empty}</>;
  return (
    <EmptyState title={noMatch}>
      <TextLink to={clearTo}>{clear}</TextLink>
    </EmptyState>
  );
}

/** The pager of a list whose page lives in the URL beside its sort and filters (useHrefWith). */
export function ListPager({
  list,
  hrefWith,
  summary,
}: {
  list: { page: number; pageCount: number };
  hrefWith: (changes: Record<string, string | null>) => string;
  summary: string;
}) {
  return <Pager page={list.page} pageCount={list.pageCount} href={(p) => hrefWith({ page: String(p) })} summary={summary} />;
}
