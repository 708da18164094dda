import type { ReactNode } from "react";
import { TableScroller } from "./layout";

/**
 * A chart's figures as a table, folded away under the chart: every chart's text alternative
 * (dashboard, portfolio, share report). The first column heads each row; the others are
 * figures. Texts come translated, `summary` included ("Show the data as a table").
 */
export function ChartDataTable({
  summary,
  caption,
  head,
  rows,
  foot,
}: {
  summary: string;
  caption: string;
  head: string[];
  rows: ReactNode[][];
  foot?: ReactNode[];
}) {
  const cells = (row: ReactNode[], strong = false) =>
    row.map((cell, i) =>
      i === 0 ? (
        <th key={i} scope="row" className={strong ? "px-2 py-1 text-left" : "px-2 py-1 text-left font-normal"}>
          {cell}
        </th>
      ) : (
        <td key={i} className="px-2 py-1 tabular-nums">
          {cell}
        </td>
      ),
    );
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-indigo-700">{summary}</summary>
      <TableScroller>
        <table className="mt-2 min-w-full text-right text-xs">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-slate-200">
              {head.map((cell, i) => (
                <th key={i} scope="col" className={`px-2 py-1 font-medium text-slate-600 ${i === 0 ? "text-left" : ""}`}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r} className="border-b border-slate-100">
                {cells(row)}
              </tr>
            ))}
          </tbody>
          {foot ? (
            <tfoot>
              <tr className="font-semibold">{cells(foot, true)}</tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroller>
    </details>
  );
}
