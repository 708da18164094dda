import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { RiskFields } from "~/components/risk-fields";
import { failureOf, FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { HeatMap } from "~/components/ui/heat-map";
import type { RiskBandThresholds } from "~/finance";
import { metaTitle, translate, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/server/forms.server";
import {
  IMPACT_KEYS,
  isRiskCategory,
  isRiskLevel,
  LIKELIHOOD_KEYS,
  RISK_BAND_IN_SENTENCE_KEYS,
  RISK_BAND_KEYS,
  RISK_BAND_TONES,
  RISK_CATEGORIES,
  RISK_CATEGORY_KEYS,
  RISK_STATUSES,
  RISK_STATUS_KEYS,
  riskScoreHint,
} from "~/domain/risk-labels";
import { riskInputSchema } from "~/domain/risk";
import { createRisk, listRisks, parseRiskListQuery, riskHeatMapCounts, type RiskSort } from "~/models/risk.server";
import { FilterForm, FilterSelect, ListPager, NoRows } from "~/components/list-filters";
import { useHrefWith } from "~/components/use-href-with";
import { SortHeader } from "~/components/ui/sort-header";
import { redirectWithToast, toast, toastLink } from "~/server/toast.server";
import { samePage } from "~/lib/redirects";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { records_budgets_allCategories } from "~/paraglide/messages/records_budgets_allcategories1.js";
import { records_col_category } from "~/paraglide/messages/records_col_category.js";
import { records_col_status } from "~/paraglide/messages/records_col_status.js";
import { records_risk_field_title } from "~/paraglide/messages/records_risk_field_title.js";
import { records_risk_impact } from "~/paraglide/messages/records_risk_impact.js";
import { records_risk_impactScale } from "~/paraglide/messages/records_risk_impactscale1.js";
import { records_risk_likelihood } from "~/paraglide/messages/records_risk_likelihood.js";
import { records_risk_likelihoodScale } from "~/paraglide/messages/records_risk_likelihoodscale1.js";
import { records_risk_nextReview } from "~/paraglide/messages/records_risk_nextreview1.js";
import { records_risk_owner } from "~/paraglide/messages/records_risk_owner.js";
import { records_risk_reviewOverdue } from "~/paraglide/messages/records_risk_reviewoverdue1.js";
import { records_risk_reviewOverdueHint } from "~/paraglide/messages/records_risk_reviewoverduehint2.js";
import { records_risk_score } from "~/paraglide/messages/records_risk_score.js";
import { records_risks_active } from "~/paraglide/messages/records_risks_active.js";
import { records_risks_add } from "~/paraglide/messages/records_risks_add.js";
import { records_risks_addTitle } from "~/paraglide/messages/records_risks_addtitle1.js";
import { records_risks_added } from "~/paraglide/messages/records_risks_added.js";
import { records_risks_adding } from "~/paraglide/messages/records_risks_adding.js";
import { records_risks_allStatuses } from "~/paraglide/messages/records_risks_allstatuses1.js";
import { records_risks_applyFilters } from "~/paraglide/messages/records_risks_applyfilters1.js";
import { records_risks_cellColour } from "~/paraglide/messages/records_risks_cellcolour1.js";
import { records_risks_cellDescribe } from "~/paraglide/messages/records_risks_celldescribe1.js";
import { records_risks_cellEmpty } from "~/paraglide/messages/records_risks_cellempty1.js";
import { records_risks_clearFilters } from "~/paraglide/messages/records_risks_clearfilters1.js";
import { records_risks_count } from "~/paraglide/messages/records_risks_count.js";
import { records_risks_description } from "~/paraglide/messages/records_risks_description.js";
import { records_risks_emptyEditor } from "~/paraglide/messages/records_risks_emptyeditor1.js";
import { records_risks_emptyTitle } from "~/paraglide/messages/records_risks_emptytitle1.js";
import { records_risks_emptyViewer } from "~/paraglide/messages/records_risks_emptyviewer1.js";
import { records_risks_filterCategory } from "~/paraglide/messages/records_risks_filtercategory1.js";
import { records_risks_filterLabel } from "~/paraglide/messages/records_risks_filterlabel1.js";
import { records_risks_filterStatus } from "~/paraglide/messages/records_risks_filterstatus1.js";
import { records_risks_filtering } from "~/paraglide/messages/records_risks_filtering.js";
import { records_risks_heatMap } from "~/paraglide/messages/records_risks_heatmap1.js";
import { records_risks_heatMapCaption } from "~/paraglide/messages/records_risks_heatmapcaption2.js";
import { records_risks_heatMapCorner } from "~/paraglide/messages/records_risks_heatmapcorner2.js";
import { records_risks_noMatches } from "~/paraglide/messages/records_risks_nomatches1.js";
import { records_risks_openIt } from "~/paraglide/messages/records_risks_openit1.js";
import { records_risks_registerTitle } from "~/paraglide/messages/records_risks_registertitle1.js";
import { records_risks_showEveryCell } from "~/paraglide/messages/records_risks_showeverycell2.js";
import { records_risks_showingCell } from "~/paraglide/messages/records_risks_showingcell1.js";
import { records_risks_showingImpact } from "~/paraglide/messages/records_risks_showingimpact1.js";
import { records_risks_showingLikelihood } from "~/paraglide/messages/records_risks_showinglikelihood1.js";
import { records_risks_title } from "~/paraglide/messages/records_risks_title.js";
import { records_validation_checkFields } from "~/paraglide/messages/records_validation_checkfields1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, records_risks_title)];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  const url = new URL(request.url);
  const query = parseRiskListQuery(url.searchParams);
  const [list, heatMap] = await Promise.all([listRisks(ctx, query), riskHeatMapCounts(ctx)]);
  return json({
    list,
    heatMap,
    filters: { status: query.status ?? "", category: query.category ?? "", likelihood: query.likelihood ?? null, impact: query.impact ?? null },
    canEdit: can(ctx.role, "edit:records"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  const locale = getLocale(request);
  const parsed = parseForm(riskInputSchema(), await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors, formError: translate(locale, records_validation_checkFields) });
  try {
    const risk = await createRisk(ctx, parsed.data);
    // Back to the list as it was (filters, sort, page), with a link to the new risk in the toast.
    return redirectWithToast(samePage(request), {
      ...toast(records_risks_added, { title: risk.title }),
      link: toastLink(`/o/${ctx.org.slug}/risks/${risk.id}`, records_risks_openIt),
    });
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function Risks() {
  const data = useLoaderData<typeof loader>();
  return <Register data={data} />;
}

type RegisterData = SerializeFrom<typeof loader>;

function Register({ data }: { data: RegisterData }) {
  const { list, heatMap, filters, canEdit } = data;
  const t = useT();
  const location = useLocation();
  const result = useActionData<typeof action>();
  const { errors, formError } = failureOf(result);
  /** The current query with some parameters changed. */
  const hrefWith = useHrefWith();
  // The export takes the filters and sort on screen, every page of them.
  const exportQuery = hrefWith({ page: null });
  const csvHref = `${location.pathname}.csv${exportQuery.startsWith("?") ? exportQuery : ""}`;
  const filtered = Boolean(filters.status || filters.category || filters.likelihood || filters.impact);
  const filterTexts = { apply: t(records_risks_applyFilters), pending: t(records_risks_filtering), clear: t(records_risks_clearFilters) };

  return (
    <>
      <PageHeader
        title={t(records_risks_title)}
        description={t(records_risks_description)}
        actions={
          <a href={csvHref} className="text-sm text-indigo-700 underline" download>
            {t(common_action_exportCsv)}
          </a>
        }
      />
      {/* The register gets the page's full width (8 columns); adding a risk is a panel above it,
          folded away unless the register is empty or the last add needs correcting. */}
      <div className="space-y-6">
        {canEdit ? (
          <details
            className="group rounded-lg border border-slate-200 bg-white shadow-sm"
            open={Boolean(result && !result.ok) || (list.total === 0 && !filtered)}
            data-testid="add-risk"
          >
            <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg p-4 text-lg font-semibold focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 sm:px-6 [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true" className="inline-block text-indigo-700 transition-transform group-open:rotate-90">
                ›
              </span>
              {t(records_risks_addTitle)}
            </summary>
            <div className="border-t border-slate-200 p-4 sm:px-6">
              {/* Keyed by location: after a successful add (a redirect here) the form starts empty again. */}
              <Form method="post" className="max-w-2xl space-y-3" noValidate key={location.key}>
                <FormError error={formError} />
                <RiskFields errors={errors} bands={list.bands} />
                <SubmitButton pendingText={t(records_risks_adding)}>{t(records_risks_add)}</SubmitButton>
              </Form>
            </div>
          </details>
        ) : null}
        <Card title={t(records_risks_heatMap)}>
          <div className="max-w-2xl">
            <RiskRegisterHeatMap cells={heatMap} bands={list.bands} />
          </div>
        </Card>
        <Card title={t(records_risks_registerTitle, { count: list.total })}>
          <FilterForm label={t(records_risks_filterLabel)} filtered={filtered} clearTo={location.pathname} texts={filterTexts}>
            <FilterSelect
              name="status"
              label={t(records_risks_filterStatus)}
              width="w-44"
              value={filters.status}
              any={t(records_risks_allStatuses)}
              options={[{ value: "active", label: t(records_risks_active) }, ...RISK_STATUSES.map((s) => ({ value: s, label: t(RISK_STATUS_KEYS[s]) }))]}
            />
            <FilterSelect
              name="category"
              label={t(records_risks_filterCategory)}
              width="w-52"
              value={filters.category}
              any={t(records_budgets_allCategories)}
              options={RISK_CATEGORIES.map((c) => ({ value: c, label: t(RISK_CATEGORY_KEYS[c]) }))}
            />
            {filters.likelihood ? <input type="hidden" name="likelihood" value={filters.likelihood} /> : null}
            {filters.impact ? <input type="hidden" name="impact" value={filters.impact} /> : null}
            <input type="hidden" name="sort" value={list.sort} />
          </FilterForm>
          {filters.likelihood || filters.impact ? (
            <p className="mb-3 text-sm text-slate-700">
              {filters.likelihood && filters.impact
                ? t(records_risks_showingCell, { likelihood: filters.likelihood, impact: filters.impact })
                : filters.likelihood
                  ? t(records_risks_showingLikelihood, { likelihood: filters.likelihood })
                  : t(records_risks_showingImpact, { impact: filters.impact ?? "" })}{" "}
              <TextLink to={hrefWith({ likelihood: null, impact: null })}>{t(records_risks_showEveryCell)}</TextLink>
            </p>
          ) : null}
          {list.risks.length === 0 ? (
            <NoRows
              filtered={filtered}
              noMatch={t(records_risks_noMatches)}
              clearTo={location.pathname}
              clear={filterTexts.clear}
              empty={<EmptyState title={t(records_risks_emptyTitle)}>{canEdit ? t(records_risks_emptyEditor) : t(records_risks_emptyViewer)}</EmptyState>}
            />
          ) : (
            <RiskTable list={list} hrefWith={hrefWith} />
          )}
          <ListPager list={list} hrefWith={hrefWith} summary={t(records_risks_count, { count: list.total })} />
        </Card>
      </div>
    </>
  );
}

function RiskRegisterHeatMap({ cells, bands }: { cells: number[][]; bands: RiskBandThresholds }) {
  const t = useT();
  const locale = useLocale();
  const total = cells.flat().reduce((a, b) => a + b, 0);
  return (
    <>
      <HeatMap
        look="page"
        cells={cells}
        bands={bands}
        caption={t(records_risks_heatMapCaption, { total })}
        corner={t(records_risks_heatMapCorner)}
        impactWord={(impact) => (isRiskLevel(impact) ? t(IMPACT_KEYS[impact]) : "")}
        likelihoodWord={(likelihood) => (isRiskLevel(likelihood) ? t(LIKELIHOOD_KEYS[likelihood]) : "")}
        describeCell={(cell) =>
          t(records_risks_cellDescribe, {
            count: cell.count,
            likelihood: cell.likelihood,
            impact: cell.impact,
            score: cell.score,
            band: t(RISK_BAND_IN_SENTENCE_KEYS[cell.band]),
          })
        }
        emptyText={(cell) => ` ${t(records_risks_cellEmpty, { likelihood: cell.likelihood, impact: cell.impact })}`}
        cellHref={(likelihood, impact) => `?likelihood=${likelihood}&impact=${impact}&status=active`}
      />
      <p className="mt-2 text-xs text-slate-600">
        {riskScoreHint(bands, locale)} {t(records_risks_cellColour)}
      </p>
    </>
  );
}

function RiskTable({ list, hrefWith }: { list: RegisterData["list"]; hrefWith: (changes: Record<string, string | null>) => string }) {
  const t = useT();
  const locale = useLocale();
  const scoreHint = riskScoreHint(list.bands, locale);
  const overdueHint = t(records_risk_reviewOverdueHint);
  // One sort parameter per direction ("score" / "-score"); a column not sorted yet starts with `first`.
  const sortHeader = (label: ReactNode, asc: RiskSort, desc: RiskSort, first: RiskSort, hint?: string) => {
    const active = list.sort === asc || list.sort === desc;
    const next = active ? (list.sort === asc ? desc : asc) : first;
    return <SortHeader label={label} sorted={active ? (list.sort === asc ? "asc" : "desc") : null} href={hrefWith({ sort: next })} hint={hint} />;
  };
  return (
    <Table>
      <TableHead>
        <Th>{t(records_risk_field_title)}</Th>
        <Th>{t(records_col_category)}</Th>
        <Th title={t(records_risk_likelihoodScale)}>{t(records_risk_likelihood)}</Th>
        <Th title={t(records_risk_impactScale)}>{t(records_risk_impact)}</Th>
        {sortHeader(t(records_risk_score), "score", "-score", "-score", scoreHint)}
        <Th>{t(records_risk_owner)}</Th>
        {sortHeader(t(records_col_status), "status", "-status", "status")}
        {sortHeader(t(records_risk_nextReview), "nextReview", "-nextReview", "nextReview", overdueHint)}
      </TableHead>
      <tbody>
        {list.risks.map((r) => (
          <Tr key={r.id} top>
            <Td>
              <TextLink to={r.id} className="font-medium">
                {r.title}
              </TextLink>
            </Td>
            <Td>{isRiskCategory(r.category) ? t(RISK_CATEGORY_KEYS[r.category]) : r.category}</Td>
            <Td title={isRiskLevel(r.likelihood) ? t(LIKELIHOOD_KEYS[r.likelihood]) : undefined}>{r.likelihood}</Td>
            <Td title={isRiskLevel(r.impact) ? t(IMPACT_KEYS[r.impact]) : undefined}>{r.impact}</Td>
            <Td nowrap title={scoreHint}>
              <span className="mr-1 font-semibold">{r.score}</span>
              <Badge tone={RISK_BAND_TONES[r.band]}>{t(RISK_BAND_KEYS[r.band])}</Badge>
            </Td>
            <Td>{r.owner ?? "—"}</Td>
            <Td>{t(RISK_STATUS_KEYS[r.status])}</Td>
            <Td nowrap>
              {r.nextReviewDate ?? "—"}
              {r.reviewOverdue ? (
                <span className="ml-1" title={overdueHint}>
                  <Badge tone="bad">{t(records_risk_reviewOverdue)}</Badge>
                </span>
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
