import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { heatMapRows, type HeatMapCell } from "~/components/charts/heat-map";
import { CellBand, RiskBandLegend } from "~/components/charts/risk-band-legend";
import type { RiskBandThresholds } from "~/finance/risk";
import { useT } from "~/i18n";
import { TableScroller } from "./layout";
import { common_heatMap_legacyDefinition } from "~/paraglide/messages/common_heatmap_legacydefinition2.js";
import { records_risk_heatMapHint } from "~/paraglide/messages/records_risk_heatmaphint2.js";

/** Where the map sits: a dashboard card, the portfolio's chart grid, or a page of its own. */
const LOOKS = {
  card: {
    table: "w-full max-w-md table-fixed border-separate border-spacing-1 text-center text-sm",
    caption: "mb-2 text-left text-xs text-slate-600",
    corner: "w-20 text-left text-xs font-medium text-slate-600 sm:w-28",
    column: "text-xs font-medium text-slate-600",
    row: "text-left text-xs font-medium text-slate-600",
    cell: "h-10 rounded",
    link: "block px-0.5 py-2 font-bold sm:p-2",
    empty: "block px-0.5 py-2 sm:p-2",
  },
  wide: {
    table: "w-full max-w-lg table-fixed border-separate border-spacing-1 text-center text-sm",
    caption: "mb-2 text-left text-xs text-slate-600",
    corner: "w-20 text-left text-xs font-medium text-slate-600 sm:w-28",
    column: "text-xs font-medium text-slate-600",
    row: "text-left text-xs font-medium text-slate-600",
    cell: "h-10 rounded p-0",
    link: "block px-0.5 py-2 font-bold sm:p-2",
    empty: "block px-0.5 py-2 sm:p-2",
  },
  page: {
    table: "min-w-full border-collapse text-center text-sm",
    caption: "mb-2 text-left text-sm text-slate-600",
    corner: "p-2 text-left font-medium text-slate-600",
    column: "p-2 font-medium text-slate-600",
    row: "p-2 text-left font-medium text-slate-600",
    cell: "border border-white p-0",
    link: "block p-3 font-semibold",
    empty: "block p-3",
  },
} as const;

export type HeatMapLook = keyof typeof LOOKS;

/** An axis step and its word ("4 likely"): hidden but titled in a card, shown from `sm` up when wide, always on a page. */
function AxisStep({ look, step, word, column }: { look: HeatMapLook; step: number; word: string; column: boolean }) {
  if (look === "card") {
    return (
      <>
        {step}
        <span className="sr-only"> ({word})</span>
      </>
    );
  }
  const shown = look === "page" ? "text-xs font-normal" : "sr-only text-[10px] font-normal sm:not-sr-only";
  return column ? (
    <>
      {step}
      <span className={`${look === "page" ? "block " : ""}${shown}${look === "wide" ? " sm:block" : ""}`}>{word}</span>
    </>
  ) : (
    <>
      {step} <span className={shown}>{word}</span>
    </>
  );
}

/**
 * The 5×5 risk matrix as an HTML table, its own text alternative: highest likelihood on top,
 * impact 1…5 left to right, each cell coloured by its band under the org's thresholds and its
 * band written in it, the legend under the table. `cells` (cells[likelihood − 1][impact − 1])
 * count what every heat map counts — open and mitigating risks (HEAT_MAP_RISK_STATUSES,
 * app/finance/risk.ts) — and the map says so in one sentence under itself, on every page.
 * `countsAccepted`: a frozen report stored before that definition, whose counts include
 * accepted risks, says that instead. With `cellHref` every counted cell links to the risks
 * behind it. Texts come translated.
 */
export function HeatMap({
  cells,
  bands,
  caption,
  corner,
  impactWord,
  likelihoodWord,
  describeCell,
  emptyText,
  cellHref,
  look,
  testId,
  countsAccepted = false,
}: {
  cells: readonly (readonly number[])[];
  bands: RiskBandThresholds;
  caption: ReactNode;
  corner: string;
  impactWord: (impact: number) => string;
  likelihoodWord: (likelihood: number) => string;
  /** A cell's title (and its link's name): "2 risks with likelihood 4 and impact 5: score 20, critical". */
  describeCell: (cell: HeatMapCell) => string;
  /** After the 0 of an empty linked cell, for screen readers. */
  emptyText?: (cell: HeatMapCell) => string;
  cellHref?: (likelihood: number, impact: number) => string;
  look: HeatMapLook;
  testId?: string;
  countsAccepted?: boolean;
}) {
  const t = useT();
  const classes = LOOKS[look];
  const rows = heatMapRows(cells, bands);
  const titled = look === "card";
  const table = (
    <table className={classes.table} data-testid={testId}>
      <caption className={classes.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={classes.corner}>
            {corner}
          </th>
          {[1, 2, 3, 4, 5].map((impact) => (
            <th key={impact} scope="col" className={classes.column} title={titled ? impactWord(impact) : undefined}>
              <AxisStep look={look} step={impact} word={impactWord(impact)} column />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const likelihood = row[0]!.likelihood;
          return (
            <tr key={likelihood}>
              <th scope="row" className={classes.row} title={titled ? likelihoodWord(likelihood) : undefined}>
                <AxisStep look={look} step={likelihood} word={likelihoodWord(likelihood)} column={false} />
              </th>
              {row.map((cell) => {
                const text = describeCell(cell);
                return (
                  <td
                    key={cell.impact}
                    className={[classes.cell, cell.className, !cellHref && cell.count > 0 ? "font-bold" : null].filter(Boolean).join(" ")}
                    title={text}
                    data-cell={`${cell.likelihood}x${cell.impact}`}
                  >
                    {cellHref ? (
                      cell.count > 0 ? (
                        <Link to={cellHref(cell.likelihood, cell.impact)} aria-label={text} className={classes.link}>
                          <span className="underline">{cell.count}</span>
                          <CellBand band={cell.band} />
                        </Link>
                      ) : (
                        <span className={classes.empty}>
                          0<span className="sr-only">{emptyText?.(cell)}</span>
                        </span>
                      )
                    ) : cell.count > 0 ? (
                      <>
                        {cell.count}
                        <CellBand band={cell.band} />
                      </>
                    ) : (
                      <>
                        <span aria-hidden="true">·</span>
                        <span className="sr-only">0</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
  return (
    <>
      {look === "page" ? <TableScroller>{table}</TableScroller> : table}
      <p className="mt-2 text-xs text-slate-600" data-testid="heat-map-definition">
        {t(countsAccepted ? common_heatMap_legacyDefinition : records_risk_heatMapHint)}
      </p>
      <RiskBandLegend bands={bands} />
    </>
  );
}
