import "~/page-kit";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { requireInvestor } from "~/auth/tenant.server";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { riskBand } from "~/finance/risk";
import { metaTitle, useT } from "~/i18n";
import { riskBandsList } from "~/components/portfolio-charts";
import { filterParams, IMPACT_KEYS, isFiltered, LIKELIHOOD_KEYS, parsePortfolioFilters, parseRiskCell, RISK_BAND_TITLE_KEYS } from "~/domain/portfolio-query";
import { isRiskCategory, isRiskStatus, RISK_BAND_TONES } from "~/domain/risk-labels";
import { listPortfolioRisks } from "~/models/portfolio.server";
import { Pager } from "~/components/ui/pager";
import { Table, TableHead, Td, Th } from "~/components/ui/table";
import { common_status_accepted } from "~/paraglide/messages/common_status_accepted.js";
import { common_status_acknowledged } from "~/paraglide/messages/common_status_acknowledged.js";
import { common_status_active } from "~/paraglide/messages/common_status_active.js";
import { common_status_approved } from "~/paraglide/messages/common_status_approved.js";
import { common_status_closed } from "~/paraglide/messages/common_status_closed.js";
import { common_status_declined } from "~/paraglide/messages/common_status_declined.js";
import { common_status_mitigating } from "~/paraglide/messages/common_status_mitigating.js";
import { common_status_open } from "~/paraglide/messages/common_status_open.js";
import { common_status_requested } from "~/paraglide/messages/common_status_requested.js";
import { common_status_resolved } from "~/paraglide/messages/common_status_resolved.js";
import { common_status_revoked } from "~/paraglide/messages/common_status_revoked.js";
import { investor_risk_category_competition } from "~/paraglide/messages/investor_risk_category_competition.js";
import { investor_risk_category_data_privacy_security } from "~/paraglide/messages/investor_risk_category_data_privacy_security.js";
import { investor_risk_category_financial } from "~/paraglide/messages/investor_risk_category_financial.js";
import { investor_risk_category_market } from "~/paraglide/messages/investor_risk_category_market.js";
import { investor_risk_category_operational } from "~/paraglide/messages/investor_risk_category_operational.js";
import { investor_risk_category_regulatory_legal } from "~/paraglide/messages/investor_risk_category_regulatory_legal.js";
import { investor_risk_category_talent } from "~/paraglide/messages/investor_risk_category_talent.js";
import { investor_risk_category_technical } from "~/paraglide/messages/investor_risk_category_technical.js";
import { investor_risks_back } from "~/paraglide/messages/investor_risks_back.js";
import { investor_risks_caption } from "~/paraglide/messages/investor_risks_caption.js";
import { investor_risks_cell_both } from "~/paraglide/messages/investor_risks_cell_both.js";
import { investor_risks_cell_every } from "~/paraglide/messages/investor_risks_cell_every.js";
import { investor_risks_cell_impact } from "~/paraglide/messages/investor_risks_cell_impact.js";
import { investor_risks_cell_likelihood } from "~/paraglide/messages/investor_risks_cell_likelihood.js";
import { investor_risks_count } from "~/paraglide/messages/investor_risks_count.js";
import { investor_risks_description } from "~/paraglide/messages/investor_risks_description.js";
import { investor_risks_descriptionFiltered } from "~/paraglide/messages/investor_risks_descriptionfiltered1.js";
import { investor_risks_empty } from "~/paraglide/messages/investor_risks_empty.js";
import { investor_risks_head_category } from "~/paraglide/messages/investor_risks_head_category.js";
import { investor_risks_head_owner } from "~/paraglide/messages/investor_risks_head_owner.js";
import { investor_risks_head_score } from "~/paraglide/messages/investor_risks_head_score.js";
import { investor_risks_head_status } from "~/paraglide/messages/investor_risks_head_status.js";
import { investor_risks_head_title } from "~/paraglide/messages/investor_risks_head_title.js";
import { investor_risks_scoreHint } from "~/paraglide/messages/investor_risks_scorehint1.js";
import { investor_risks_scoreParts } from "~/paraglide/messages/investor_risks_scoreparts1.js";
import { investor_risks_title } from "~/paraglide/messages/investor_risks_title.js";
import { investor_table_company } from "~/paraglide/messages/investor_table_company.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_risks_title)];

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
      ? t(investor_risks_cell_both, { likelihood, likelihoodWord, impact, impactWord, score: likelihood * impact })
      : likelihood !== null
        ? t(investor_risks_cell_likelihood, { likelihood, likelihoodWord })
        : impact !== null
          ? t(investor_risks_cell_impact, { impact, impactWord })
          : t(investor_risks_cell_every);
  const pageHref = (page: number) => {
    const next = new URLSearchParams(location.search);
    next.set("page", String(page));
    return `?${next}`;
  };
  return (
    <>
      <PageHeader
        title={t(investor_risks_title)}
        description={t(isFiltered(filters) ? investor_risks_descriptionFiltered : investor_risks_description, { cell: cellText })}
        actions={
          <TextLink to={`${base}/portfolio${back ? `?${back}` : ""}`} className="text-sm">
            {t(investor_risks_back)}
          </TextLink>
        }
      />
      <Card title={t(investor_risks_count, { count: list.total })}>
        {list.risks.length === 0 ? (
          <EmptyState title={t(investor_risks_empty)} />
        ) : (
          <Table caption={t(investor_risks_caption)} data-testid="portfolio-risks">
            <TableHead>
              <Th>{t(investor_table_company)}</Th>
              <Th>{t(investor_risks_head_title)}</Th>
              <Th>{t(investor_risks_head_category)}</Th>
              <Th title={t(investor_risks_scoreHint, { bands: riskBandsList(t, list.riskBands) })}>{t(investor_risks_head_score)}</Th>
              <Th>{t(investor_risks_head_status)}</Th>
              <Th>{t(investor_risks_head_owner)}</Th>
            </TableHead>
            <tbody>
              {list.risks.map((r, i) => {
                const band = riskBand(r.score, list.riskBands);
                return (
                  <tr key={`${r.companySlug}-${i}`} className="border-b align-top last:border-0">
                    <Td>
                      <TextLink to={`${base}/companies/${r.companySlug}`}>{r.companyName}</TextLink>
                    </Td>
                    <Td>{r.title}</Td>
                    <Td>
                      {isRiskCategory(r.category)
                        ? t(
                            {
                              competition: investor_risk_category_competition,
                              data_privacy_security: investor_risk_category_data_privacy_security,
                              financial: investor_risk_category_financial,
                              market: investor_risk_category_market,
                              operational: investor_risk_category_operational,
                              regulatory_legal: investor_risk_category_regulatory_legal,
                              talent: investor_risk_category_talent,
                              technical: investor_risk_category_technical,
                            }[r.category],
                          )
                        : r.category}
                    </Td>
                    <Td nowrap title={t(investor_risks_scoreParts, { likelihood: r.likelihood, impact: r.impact })}>
                      <span className="mr-1 font-semibold">{r.score}</span>
                      <Badge tone={RISK_BAND_TONES[band]}>{t(RISK_BAND_TITLE_KEYS[band])}</Badge>
                    </Td>
                    <Td>
                      {isRiskStatus(r.status)
                        ? t(
                            {
                              accepted: common_status_accepted,
                              acknowledged: common_status_acknowledged,
                              active: common_status_active,
                              approved: common_status_approved,
                              closed: common_status_closed,
                              declined: common_status_declined,
                              mitigating: common_status_mitigating,
                              open: common_status_open,
                              requested: common_status_requested,
                              resolved: common_status_resolved,
                              revoked: common_status_revoked,
                            }[r.status],
                          )
                        : r.status}
                    </Td>
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
