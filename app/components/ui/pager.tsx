import { Link } from "@remix-run/react";

/**
 * Previous / next links for a paged list, with "Page n of m" and what is counted. Plain links
 * (the page lives in the URL), so paging works without JavaScript, can be bookmarked and
 * keeps the list's sort and filters in `href`. Renders nothing for a single page.
 */
export function Pager({ page, pageCount, href, summary }: { page: number; pageCount: number; href: (page: number) => string; summary?: string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link className="text-indigo-700 underline" to={href(page - 1)} rel="prev">
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span>{`Page ${page} of ${pageCount}${summary ? ` (${summary})` : ""}`}</span>
      {page < pageCount ? (
        <Link className="text-indigo-700 underline" to={href(page + 1)} rel="next">
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
