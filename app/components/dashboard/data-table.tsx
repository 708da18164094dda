import type { ReactNode } from "react";
import { TableScroller } from "~/components/ui/layout";
import { useT } from "~/i18n";

/** A chart's figures as a table, folded away under the chart (the chart's text alternative). Texts come translated. */
export function DataTable({ caption, head, rows, foot }: { caption: string; head: string[]; rows: ReactNode[][]; foot?: ReactNode[] }) {
  const t = useT();
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-indigo-700">{t("dashboard.chart.showTable")}</summary>
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
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-2 py-1 text-left font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="px-2 py-1 tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {foot ? (
            <tfoot>
              <tr className="font-semibold">
                {foot.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className="px-2 py-1 text-left">
                      {cell}
                    </th>
                  ) : (
                    <td key={i} className="px-2 py-1 tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroller>
    </details>
  );
}
