import { TextLink } from "./button";
import { useT } from "~/i18n";
import { common_page_ofPages } from "~/paraglide/messages/common_page_ofpages1.js";
import { dashboard_pager_label } from "~/paraglide/messages/dashboard_pager_label.js";
import { dashboard_pager_next } from "~/paraglide/messages/dashboard_pager_next.js";
import { dashboard_pager_pageOfSummary } from "~/paraglide/messages/dashboard_pager_pageofsummary2.js";
import { dashboard_pager_previous } from "~/paraglide/messages/dashboard_pager_previous.js";

/**
 * Previous / next links for a paged list, with "Page n of m" and what is counted. Plain links
 * (the page lives in the URL), so paging works without JavaScript, can be bookmarked and
 * keeps the list's sort and filters in `href`. Renders nothing for a single page.
 * `summary` is already translated by the caller ("42 risks").
 */
export function Pager({ page, pageCount, href, summary }: { page: number; pageCount: number; href: (page: number) => string; summary?: string }) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t(dashboard_pager_label)} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <TextLink to={href(page - 1)} rel="prev">
          {t(dashboard_pager_previous)}
        </TextLink>
      ) : (
        <span />
      )}
      <span>{summary ? t(dashboard_pager_pageOfSummary, { page, pages: pageCount, summary }) : t(common_page_ofPages, { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <TextLink to={href(page + 1)} rel="next">
          {t(dashboard_pager_next)}
        </TextLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
