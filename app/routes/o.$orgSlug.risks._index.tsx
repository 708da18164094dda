import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { RiskFields } from "~/components/risk-fields";
import { FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { HeatMap } from "~/components/ui/heat-map";
import type { RiskBandThresholds } from "~/finance";
import { metaTitle, translate, useLocale, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/lib/forms.server";
import {
  IMPACT_KEYS,
  isRiskCategory,
  LIKELIHOOD_KEYS,
  RISK_BAND_IN_SENTENCE_KEYS,
  RISK_BAND_KEYS,
  RISK_BAND_TONES,
  RISK_CATEGORIES,
  RISK_CATEGORY_KEYS,
  RISK_STATUSES,
  RISK_STATUS_KEYS,
  riskScoreHint,
} from "~/lib/risk-labels";
import { riskInputSchema } from "~/domain/risk";
import { createRisk, listRisks, parseRiskListQuery, riskHeatMapCounts, type RiskSort } from "~/models/risk.server";
import { Pager } from "~/components/ui/pager";
import { useHrefWith } from "~/lib/use-href-with";
import { SortHeader } from "~/components/ui/sort-header";
import { redirectWithToast, toast, toastLink } from "~/lib/toast.server";
import { samePage } from "~/lib/redirects";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "records.risks.title")];

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
  const parsed = parseForm(riskInputSchema(), await request.formData(), locale);
  if (!parsed.ok) return formFailure({ fieldErrors: parsed.fieldErrors, formError: translate(locale, "records.validation.checkFields") });
  try {
    const risk = await createRisk(ctx, parsed.data);
    // Back to the list as it was (filters, sort, page), with a link to the new risk in the toast.
    return redirectWithToast(samePage(request), {
      ...toast("records.risks.added", { title: risk.title }),
      link: toastLink(`/o/${ctx.org.slug}/risks/${risk.id}`, "records.risks.openIt"),
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
  const errors = result && !result.ok ? result.fieldErrors : {};
  /** The current query with some parameters changed. */
  const hrefWith = useHrefWith();
  // The export takes the filters and sort on screen, every page of them.
  const exportQuery = hrefWith({ page: null });
  const csvHref = `${location.pathname}.csv${exportQuery.startsWith("?") ? exportQuery : ""}`;
  const filtered = Boolean(filters.status || filters.category || filters.likelihood || filters.impact);

  return (
    <>
      <PageHeader
        title={t("records.risks.title")}
        description={t("records.risks.description")}
        actions={
          <a href={csvHref} className="text-sm text-indigo-700 underline" download>
            {t("records.risks.downloadCsv")}
          </a>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={t("records.risks.heatMap")}>
            <RiskRegisterHeatMap cells={heatMap} bands={list.bands} />
          </Card>
          <Card title={t("records.risks.registerTitle", { count: list.total })}>
            <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("records.risks.filterLabel")}>
              <div className="w-44">
                <SelectField
                  id="filter-status"
                  label={t("records.risks.filterStatus")}
                  name="status"
                  defaultValue={filters.status}
                  options={[
                    { value: "", label: t("records.risks.allStatuses") },
                    { value: "active", label: t("records.risks.active") },
                    ...RISK_STATUSES.map((s) => ({ value: s, label: t(RISK_STATUS_KEYS[s]) })),
                  ]}
                />
              </div>
              <div className="w-52">
                <SelectField
                  id="filter-category"
                  label={t("records.risks.filterCategory")}
                  name="category"
                  defaultValue={filters.category}
                  options={[
                    { value: "", label: t("records.budgets.allCategories") },
                    ...RISK_CATEGORIES.map((c) => ({ value: c, label: t(RISK_CATEGORY_KEYS[c]) })),
                  ]}
                />
              </div>
              {filters.likelihood ? <input type="hidden" name="likelihood" value={filters.likelihood} /> : null}
              {filters.impact ? <input type="hidden" name="impact" value={filters.impact} /> : null}
              <input type="hidden" name="sort" value={list.sort} />
              <SubmitButton variant="secondary" pendingText={t("records.risks.filtering")}>
                {t("records.risks.applyFilters")}
              </SubmitButton>
              {filtered ? (
                <TextLink to={location.pathname} className="py-2 text-sm">
                  {t("records.risks.clearFilters")}
                </TextLink>
              ) : null}
            </Form>
            {filters.likelihood || filters.impact ? (
              <p className="mb-3 text-sm text-slate-700">
                {filters.likelihood && filters.impact
                  ? t("records.risks.showingCell", { likelihood: filters.likelihood, impact: filters.impact })
                  : filters.likelihood
                    ? t("records.risks.showingLikelihood", { likelihood: filters.likelihood })
                    : t("records.risks.showingImpact", { impact: filters.impact ?? "" })}{" "}
                <TextLink to={hrefWith({ likelihood: null, impact: null })}>
                  {t("records.risks.showEveryCell")}
                </TextLink>
              </p>
            ) : null}
            {list.risks.length === 0 ? (
              filtered ? (
                <EmptyState title={t("records.risks.noMatches")}>
                  <TextLink to={location.pathname}>
                    {t("records.risks.clearFilters")}
                  </TextLink>
                </EmptyState>
              ) : (
                <EmptyState title={t("records.risks.emptyTitle")}>{canEdit ? t("records.risks.emptyEditor") : t("records.risks.emptyViewer")}</EmptyState>
              )
            ) : (
              <RiskTable list={list} hrefWith={hrefWith} />
            )}
            <Pager
              page={list.page}
              pageCount={list.pageCount}
              href={(p) => hrefWith({ page: String(p) })}
              summary={t("records.risks.count", { count: list.total })}
            />
          </Card>
        </div>
        {canEdit ? (
          <div>
            <Card title={t("records.risks.addTitle")}>
              {/* Keyed by location: after a successful add (a redirect here) the form starts empty again. */}
              <Form method="post" className="space-y-3" noValidate key={location.key}>
                <FormError error={result && !result.ok ? result.formError : undefined} />
                <RiskFields errors={errors} bands={list.bands} />
                <SubmitButton pendingText={t("records.risks.adding")}>{t("records.risks.add")}</SubmitButton>
              </Form>
            </Card>
          </div>
        ) : null}
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
        caption={t("records.risks.heatMapCaption", { total, hint: t("records.risk.heatMapHint") })}
        corner={t("records.risks.heatMapCorner")}
        impactWord={(impact) => t(IMPACT_KEYS[impact])}
        likelihoodWord={(likelihood) => t(LIKELIHOOD_KEYS[likelihood])}
        describeCell={(cell) =>
          t("records.risks.cellDescribe", {
            count: cell.count,
            likelihood: cell.likelihood,
            impact: cell.impact,
            score: cell.score,
            band: t(RISK_BAND_IN_SENTENCE_KEYS[cell.band]),
          })
        }
        emptyText={(cell) => ` ${t("records.risks.cellEmpty", { likelihood: cell.likelihood, impact: cell.impact })}`}
        cellHref={(likelihood, impact) => `?likelihood=${likelihood}&impact=${impact}&status=active`}
      />
      <p className="mt-2 text-xs text-slate-600">
        {riskScoreHint(bands, locale)} {t("records.risks.cellColour")}
      </p>
    </>
  );
}

function RiskTable({ list, hrefWith }: { list: RegisterData["list"]; hrefWith: (changes: Record<string, string | null>) => string }) {
  const t = useT();
  const locale = useLocale();
  const scoreHint = riskScoreHint(list.bands, locale);
  const overdueHint = t("records.risk.reviewOverdueHint");
  // One sort parameter per direction ("score" / "-score"); a column not sorted yet starts with `first`.
  const sortHeader = (label: ReactNode, asc: RiskSort, desc: RiskSort, first: RiskSort, hint?: string) => {
    const active = list.sort === asc || list.sort === desc;
    const next = active ? (list.sort === asc ? desc : asc) : first;
    return <SortHeader label={label} sorted={active ? (list.sort === asc ? "asc" : "desc") : null} href={hrefWith({ sort: next })} hint={hint} />;
  };
  return (
    <Table>
      <TableHead>
        <Th>
          {t("records.risk.field.title")}
        </Th>
        <Th>
          {t("records.col.category")}
        </Th>
        <Th title={t("records.risk.likelihoodScale")}>
          {t("records.risk.likelihood")}
        </Th>
        <Th title={t("records.risk.impactScale")}>
          {t("records.risk.impact")}
        </Th>
        {sortHeader(t("records.risk.score"), "score", "-score", "-score", scoreHint)}
        <Th>
          {t("records.risk.owner")}
        </Th>
        {sortHeader(t("records.col.status"), "status", "-status", "status")}
        {sortHeader(t("records.risk.nextReview"), "nextReview", "-nextReview", "nextReview", overdueHint)}
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
            <Td title={LIKELIHOOD_KEYS[r.likelihood] ? t(LIKELIHOOD_KEYS[r.likelihood]) : undefined}>
              {r.likelihood}
            </Td>
            <Td title={IMPACT_KEYS[r.impact] ? t(IMPACT_KEYS[r.impact]) : undefined}>
              {r.impact}
            </Td>
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
                  <Badge tone="bad">{t("records.risk.reviewOverdue")}</Badge>
                </span>
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
