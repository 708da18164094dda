import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { Badge, Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { riskBand } from "~/finance/risk";
import { notFound } from "~/lib/http.server";
import { filterParams, isFiltered, parsePortfolioFilters, parseRiskCell } from "~/lib/portfolio-query";
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_BAND_LABELS, RISK_BAND_TONES, riskCategoryLabel, riskScoreHint, riskStatusLabel } from "~/lib/risk-labels";
import { listPortfolioRisks } from "~/models/portfolio.server";
import { Pager } from "~/components/ui/pager";

export const meta: MetaFunction = () => [{ title: "Portfolio risks · Capital Desk" }];

/** The risks behind a portfolio heat-map cell: `?likelihood=4&impact=5`, plus the portfolio's filters. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "read:org");
  if (ctx.org.kind !== "investor") notFound();
  const search = new URL(request.url).searchParams;
  const filters = parsePortfolioFilters(search);
  const cell = parseRiskCell(search);
  const list = await listPortfolioRisks(ctx, { filters, ...cell });
  return json({ org: { slug: ctx.org.slug }, filters, list });
}

export default function PortfolioRisks() {
  const { org, filters, list } = useLoaderData<typeof loader>();
  const location = useLocation();
  const base = `/o/${org.slug}`;
  const { likelihood, impact } = list.cell;
  const back = filterParams(filters).toString();
  const cellText =
    likelihood !== null && impact !== null
      ? `likelihood ${likelihood} (${LIKELIHOOD_LABELS[likelihood]}) × impact ${impact} (${IMPACT_LABELS[impact]}) = score ${likelihood * impact}`
      : likelihood !== null
        ? `likelihood ${likelihood} (${LIKELIHOOD_LABELS[likelihood]}), any impact`
        : impact !== null
          ? `impact ${impact} (${IMPACT_LABELS[impact]}), any likelihood`
          : "every cell";
  const pageHref = (page: number) => {
    const next = new URLSearchParams(location.search);
    next.set("page", String(page));
    return `?${next}`;
  };
  return (
    <>
      <PageHeader
        title="Portfolio risks"
        description={`Open and mitigating risks of the companies that share their risk register: ${cellText}.${isFiltered(filters) ? " Only companies matching the portfolio's filters." : ""}`}
        actions={
          <Link to={`${base}/portfolio${back ? `?${back}` : ""}`} className="text-sm text-indigo-700 underline">
            Back to the portfolio
          </Link>
        }
      />
      <Card title={`${list.total} ${list.total === 1 ? "risk" : "risks"}`}>
        {list.risks.length === 0 ? (
          <EmptyState title="No open or mitigating risk in this cell" />
        ) : (
          <TableScroller>
            <table className="min-w-full text-sm" data-testid="portfolio-risks">
              <caption className="sr-only">Risks, highest score first</caption>
              <thead>
                <tr className="border-b text-left text-slate-600">
                  <th scope="col" className="py-2 pr-4 font-medium">Company</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Title</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Category</th>
                  <th scope="col" className="py-2 pr-4 font-medium" title={riskScoreHint(list.riskBands)}>Score</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Status</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Owner</th>
                </tr>
              </thead>
              <tbody>
                {list.risks.map((r, i) => {
                  const band = riskBand(r.score, list.riskBands);
                  return (
                    <tr key={`${r.companySlug}-${i}`} className="border-b align-top last:border-0">
                      <td className="py-2 pr-4">
                        <Link to={`${base}/companies/${r.companySlug}`} className="text-indigo-700 underline">
                          {r.companyName}
                        </Link>
                      </td>
                      <td className="py-2 pr-4">{r.title}</td>
                      <td className="py-2 pr-4">{riskCategoryLabel(r.category)}</td>
                      <td className="whitespace-nowrap py-2 pr-4" title={`likelihood ${r.likelihood} × impact ${r.impact}`}>
                        <span className="mr-1 font-semibold">{r.score}</span>
                        <Badge tone={RISK_BAND_TONES[band]}>{RISK_BAND_LABELS[band]}</Badge>
                      </td>
                      <td className="py-2 pr-4">{riskStatusLabel(r.status)}</td>
                      <td className="py-2 pr-4">{r.owner ?? "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroller>
        )}
        <Pager page={list.page} pageCount={list.pageCount} href={pageHref} />
      </Card>
    </>
  );
}
