import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n";
import { common_sort_ascending } from "~/paraglide/messages/common_sort_ascending.js";
import { common_sort_descending } from "~/paraglide/messages/common_sort_descending.js";
import { common_sort_sortable } from "~/paraglide/messages/common_sort_sortable.js";

export type SortDirection = "asc" | "desc";

/**
 * The column header of a list sorted through its URL: a link to the same list sorted by this
 * column (the caller builds `href`, usually with useHrefWith, so filters stay and paging starts
 * again), `aria-sort` on the header, an arrow for the eye (hidden from screen readers) and the
 * sort in words for them. A plain link: sorting works without JavaScript and can be bookmarked.
 * `sorted` is this column's direction when the list is sorted by it, else null.
 */
export function SortHeader({
  label,
  sorted,
  href,
  hint,
  align = "left",
  className = "py-2 pr-4",
}: {
  label: ReactNode;
  sorted: SortDirection | null;
  href: string;
  /** What the column means (a definition), shown on hover like the other headers' titles. */
  hint?: string;
  align?: "left" | "right";
  /** Padding (and wrapping) to match the table's other headers. */
  className?: string;
}) {
  const t = useT();
  return (
    <th
      scope="col"
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}
      title={hint}
      className={`font-medium ${align === "right" ? "text-right" : "text-left"} ${className}`}
    >
      <Link to={href} className="underline decoration-dotted underline-offset-2 hover:decoration-solid">
        {label}
        <span aria-hidden="true" className={sorted ? "ml-1" : "ml-1 text-slate-500"}>
          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
        </span>
        <span className="sr-only"> {t(sorted === "asc" ? common_sort_ascending : sorted === "desc" ? common_sort_descending : common_sort_sortable)}</span>
      </Link>
    </th>
  );
}
