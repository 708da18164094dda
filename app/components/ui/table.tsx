import type { HTMLAttributes, ReactNode, TableHTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { TableScroller } from "./layout";

/**
 * The house table: `min-w-full text-sm`, a caption (for screen readers unless told otherwise)
 * and, by default, the scroll box that keeps a wide table inside its card at 375 px
 * (TableScroller). `scroll={false}` for a table that already sits in a scrolling box or never
 * overflows. Texts come translated from the page.
 */
export function Table({
  caption,
  captionClassName = "sr-only",
  className = "min-w-full text-sm",
  scroll = true,
  scrollLabel,
  maxHeight,
  children,
  ...rest
}: TableHTMLAttributes<HTMLTableElement> & {
  caption?: ReactNode;
  captionClassName?: string;
  scroll?: boolean;
  /** The scroll box's name when the caption is not the right one. */
  scrollLabel?: string;
  /** A Tailwind max-height ("max-h-96"): the table scrolls down inside its box too. */
  maxHeight?: string;
}) {
  const table = (
    <table className={className} {...rest}>
      {caption != null ? <caption className={captionClassName}>{caption}</caption> : null}
      {children}
    </table>
  );
  return scroll ? (
    <TableScroller label={scrollLabel} maxHeight={maxHeight}>
      {table}
    </TableScroller>
  ) : (
    table
  );
}

/** The header row: grey, left-aligned labels over a rule. `sticky` keeps it in view in a table with a max height. */
export function TableHead({
  children,
  className = "border-b text-left text-slate-600",
  sticky = false,
}: {
  children: ReactNode;
  className?: string;
  sticky?: boolean;
}) {
  return (
    <thead className={sticky ? "sticky top-0 bg-white" : undefined}>
      <tr className={className}>{children}</tr>
    </thead>
  );
}

/**
 * A column header for ColumnHeads: its label, or the label with the look of its column;
 * `hidden` keeps the label for screen readers only (an actions column); `hint` is the title shown
 * on hover; "" heads a column that needs no label.
 */
export type ColumnHead = string | ({ label: string; hidden?: boolean; className?: string; hint?: string } & Omit<HeaderLook, "last" | "row">);

/**
 * The header row of a table whose headers are plain labels: one Th each, in order, the last
 * one flush right (`last`). Headers that sort or hold more than a label use TableHead and Th.
 */
export function ColumnHeads({ heads, sticky }: { heads: readonly ColumnHead[]; sticky?: boolean }) {
  return (
    <TableHead sticky={sticky}>
      {heads.map((head, i) => {
        const { label, hidden, hint, ...look } = typeof head === "string" ? { label: head } : head;
        return (
          <Th key={i} {...look} title={hint} last={i === heads.length - 1}>
            {hidden ? <span className="sr-only">{label}</span> : label || null}
          </Th>
        );
      })}
    </TableHead>
  );
}

interface CellLook {
  /** Figures: right-aligned (and tabular in a data cell). */
  numeric?: boolean;
  /** The last column: no right padding. */
  last?: boolean;
  /** pr-3 instead of pr-4, for tables with many columns. */
  narrow?: boolean;
  /** py-1 instead of py-2, for the small tables inside cards. */
  dense?: boolean;
  /** Keeps dates and amounts on one line. */
  nowrap?: boolean;
}

interface HeaderLook extends CellLook {
  /** A row header (`scope="row"`, left-aligned) instead of a column header. */
  row?: boolean;
}

function cellClass(kind: "th" | "td", { numeric, last, narrow, dense, nowrap, row }: HeaderLook, extra?: string): string {
  return [
    nowrap ? "whitespace-nowrap" : null,
    dense ? "py-1" : "py-2",
    last ? null : narrow ? "pr-3" : "pr-4",
    numeric ? "text-right" : row ? "text-left" : null,
    kind === "th" ? "font-medium" : numeric ? "tabular-nums" : null,
    extra,
  ]
    .filter(Boolean)
    .join(" ");
}

/** A column header (`scope="col"`), or with `row` a row header. */
export function Th({ numeric, last, narrow, dense, nowrap, row, className, children, ...rest }: ThHTMLAttributes<HTMLTableCellElement> & HeaderLook) {
  return (
    <th scope={row ? "row" : "col"} className={cellClass("th", { numeric, last, narrow, dense, nowrap, row }, className)} {...rest}>
      {children}
    </th>
  );
}

/** A data cell; `numeric` for amounts and counts. */
export function Td({ numeric, last, narrow, dense, nowrap, className, children, ...rest }: TdHTMLAttributes<HTMLTableCellElement> & CellLook) {
  return (
    <td className={cellClass("td", { numeric, last, narrow, dense, nowrap }, className)} {...rest}>
      {children}
    </td>
  );
}

/** A body row over a rule (none under the last); `top` aligns multi-line cells to the top. */
export function Tr({ top = false, className, children, ...rest }: HTMLAttributes<HTMLTableRowElement> & { top?: boolean }) {
  return (
    <tr className={className ?? (top ? "border-b align-top last:border-0" : "border-b last:border-0")} {...rest}>
      {children}
    </tr>
  );
}
