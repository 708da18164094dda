import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { requireInvestor } from "~/auth/tenant.server";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { riskBand } from "~/finance/risk";
import { metaTitle, useT } from "~/i18n";
import { riskBandsList } from "~/components/portfolio-charts";
import { filterParams, IMPACT_KEYS, isFiltered, LIKELIHOOD_KEYS, parsePortfolioFilters, parseRiskCell, RISK_BAND_TITLE_KEYS } from "~/lib/portfolio-query";
import { isRiskCategory, isRiskStatus, RISK_BAND_TONES } from "~/lib/risk-labels";
import { listPortfolioRisks } from "~/models/portfolio.server";
import { Pager } from "~/components/ui/pager";
import { Table, TableHead, Td, Th } from "~/components/ui/table";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "investor.risks.title")];

/** The risks behind a portfolio heat-map cell: `?likelihood=4&impact=5`, plus the portfolio's filters. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params, "read:org");
  const search = new URL(request.url).searchParams;
  const filters = parsePortfolioFilters(search);
  const cell = parseRiskCell(search);
  const list = await listPortfolioRisks(ctx, { filters, ...cell });
  return json({ org: { slug: ctx.org.slug }, filters, list });
}

export default function PortfolioRisks() {
  const { org, filters, list } = useLoaderData<typeof loader>();
  const location = useLocation();
  const t = useT();
  const base = `/o/${org.slug}`;
  const { likelihood, impact } = list.cell;
  const back = filterParams(filters).toString();
  const likelihoodWord = likelihood !== null ? t(LIKELIHOOD_KEYS[likelihood]!) : "";
  const impactWord = impact !== null ? t(IMPACT_KEYS[impact]!) : "";
  const cellText =
    likelihood !== null && impact !== null
      ? t("investor.risks.cell.both", { likelihood, likelihoodWord, impact, impactWord, score: likelihood * impact })
      : likelihood !== null
        ? t("investor.risks.cell.likelihood", { likelihood, likelihoodWord })
        : impact !== null
          ? t("investor.risks.cell.impact", { impact, impactWord })
          : t("investor.risks.cell.every");
  const pageHref = (page: number) => {
    const next = new URLSearchParams(location.search);
    next.set("page", String(page));
    return `?${next}`;
  };
  return (
    <>
      <PageHeader
        title={t("investor.risks.title")}
        description={t(isFiltered(filters) ? "investor.risks.descriptionFiltered" : "investor.risks.description", { cell: cellText })}
        actions={
          <TextLink to={`${base}/portfolio${back ? `?${back}` : ""}`} className="text-sm">
            {t("investor.risks.back")}
          </TextLink>
        }
      />
      <Card title={t("investor.risks.count", { count: list.total })}>
        {list.risks.length === 0 ? (
          <EmptyState title={t("investor.risks.empty")} />
        ) : (
          <Table caption={t("investor.risks.caption")} data-testid="portfolio-risks">
            <TableHead>
              <Th>{t("investor.table.company")}</Th>
              <Th>{t("investor.risks.head.title")}</Th>
              <Th>{t("investor.risks.head.category")}</Th>
              <Th title={t("investor.risks.scoreHint", { bands: riskBandsList(t, list.riskBands) })}>
                {t("investor.risks.head.score")}
              </Th>
              <Th>{t("investor.risks.head.status")}</Th>
              <Th>{t("investor.risks.head.owner")}</Th>
            </TableHead>
            <tbody>
              {list.risks.map((r, i) => {
                const band = riskBand(r.score, list.riskBands);
                return (
                  <tr key={`${r.companySlug}-${i}`} className="border-b align-top last:border-0">
                    <Td>
                      <TextLink to={`${base}/companies/${r.companySlug}`}>
                        {r.companyName}
                      </TextLink>
                    </Td>
                    <Td>{r.title}</Td>
                    <Td>{isRiskCategory(r.category) ? t(`investor.risk.category.${r.category}`) : r.category}</Td>
                    <Td nowrap title={t("investor.risks.scoreParts", { likelihood: r.likelihood, impact: r.impact })}>
                      <span className="mr-1 font-semibold">{r.score}</span>
                      <Badge tone={RISK_BAND_TONES[band]}>{t(RISK_BAND_TITLE_KEYS[band])}</Badge>
                    </Td>
                    <Td>{isRiskStatus(r.status) ? t(`common.status.${r.status}`) : r.status}</Td>
                    <Td>{r.owner ?? "—"}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        <Pager page={list.page} pageCount={list.pageCount} href={pageHref} />
      </Card>
    </>
  );
}
