import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext } from "~/auth/tenant.server";
import { RiskFields } from "~/components/risk-fields";
import { FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { RISK_BAND_CELL_CLASSES } from "~/components/charts/palette";
import { CellBand, RiskBandLegend } from "~/components/charts/risk-band-legend";
import { riskBand, riskScore, type RiskBandThresholds } from "~/finance";
import { appErrorResponse, invalid, parseForm } from "~/lib/forms.server";
import {
  HEAT_MAP_HINT,
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  REVIEW_OVERDUE_HINT,
  RISK_BAND_LABELS,
  RISK_BAND_TONES,
  RISK_CATEGORIES,
  RISK_CATEGORY_LABELS,
  RISK_STATUSES,
  RISK_STATUS_LABELS,
  riskScoreHint,
} from "~/lib/risk-labels";
import { createRisk, listRisks, parseRiskListQuery, riskHeatMapCounts, RiskInputSchema, type RiskSort } from "~/models/risk.server";
import { Pager } from "~/components/ui/pager";

export const meta: MetaFunction = () => [{ title: "Risks · Capital Desk" }];

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
    deleted: url.searchParams.get("deleted") === "1",
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params, "edit:records");
  const parsed = parseForm(RiskInputSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.fieldErrors, "Check the highlighted fields.");
  try {
    const risk = await createRisk(ctx, parsed.data);
    return json({ ok: true as const, id: risk.id, title: risk.title });
  } catch (error) {
    return appErrorResponse(error);
  }
}

const LEVELS = [1, 2, 3, 4, 5] as const;

export default function Risks() {
  const data = useLoaderData<typeof loader>();
  return <Register data={data} />;
}

type RegisterData = SerializeFrom<typeof loader>;

function Register({ data }: { data: RegisterData }) {
  const { list, heatMap, filters, canEdit, deleted } = data;
  const location = useLocation();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const current = new URLSearchParams(location.search);
  current.delete("deleted");
  // A form posted without JavaScript lands on "?index" (how a post reaches an index route); links leave it out.
  current.delete("index");

  /** The current query with some parameters changed; any change of view starts at page 1. */
  const hrefWith = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(current);
    if (!("page" in changes)) next.delete("page");
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    const qs = next.toString();
    return qs ? `?${qs}` : location.pathname;
  };
  // The export takes the filters and sort on screen, every page of them.
  const exportQuery = hrefWith({ page: null });
  const csvHref = `${location.pathname}.csv${exportQuery.startsWith("?") ? exportQuery : ""}`;
  const filtered = Boolean(filters.status || filters.category || filters.likelihood || filters.impact);

  return (
    <>
      <PageHeader
        title="Risks"
        description="The risk register: what could go wrong, how likely, how bad, and who is on it."
        actions={
          <a href={csvHref} className="text-sm text-indigo-700 underline" download>
            Download CSV
          </a>
        }
      />
      {deleted ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          Risk deleted.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Heat map">
            <HeatMap cells={heatMap} bands={list.bands} />
          </Card>
          <Card title={`Register (${list.total})`}>
            <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter risks">
              <div className="w-44">
                <SelectField
                  id="filter-status"
                  label="Filter by status"
                  name="status"
                  defaultValue={filters.status}
                  options={[
                    { value: "", label: "All statuses" },
                    { value: "active", label: "Open or mitigating" },
                    ...RISK_STATUSES.map((s) => ({ value: s, label: RISK_STATUS_LABELS[s] })),
                  ]}
                />
              </div>
              <div className="w-52">
                <SelectField
                  id="filter-category"
                  label="Filter by category"
                  name="category"
                  defaultValue={filters.category}
                  options={[{ value: "", label: "All categories" }, ...RISK_CATEGORIES.map((c) => ({ value: c, label: RISK_CATEGORY_LABELS[c] }))]}
                />
              </div>
              {filters.likelihood ? <input type="hidden" name="likelihood" value={filters.likelihood} /> : null}
              {filters.impact ? <input type="hidden" name="impact" value={filters.impact} /> : null}
              <input type="hidden" name="sort" value={list.sort} />
              <SubmitButton variant="secondary" pendingText="Filtering…">
                Apply filters
              </SubmitButton>
              {filtered ? (
                <Link to={location.pathname} className="py-2 text-sm text-indigo-700 underline">
                  Clear filters
                </Link>
              ) : null}
            </Form>
            {filters.likelihood || filters.impact ? (
              <p className="mb-3 text-sm text-slate-700">
                Showing the heat map cell
                {filters.likelihood ? ` likelihood ${filters.likelihood}` : ""}
                {filters.impact ? ` × impact ${filters.impact}` : ""}.{" "}
                <Link className="text-indigo-700 underline" to={hrefWith({ likelihood: null, impact: null })}>
                  Show every cell
                </Link>
              </p>
            ) : null}
            {list.risks.length === 0 ? (
              filtered ? (
                <EmptyState title="No risks match these filters">
                  <Link to={location.pathname} className="text-indigo-700 underline">
                    Clear filters
                  </Link>
                </EmptyState>
              ) : (
                <EmptyState title="No risks recorded yet">
                  {canEdit
                    ? "Add the first one with the form: market, technical, financial, data privacy, regulatory, competition, talent or operational."
                    : "Nobody has added a risk yet."}
                </EmptyState>
              )
            ) : (
              <RiskTable list={list} hrefWith={hrefWith} />
            )}
            <Pager page={list.page} pageCount={list.pageCount} href={(p) => hrefWith({ page: String(p) })} summary={`${list.total} risks`} />
          </Card>
        </div>
        {canEdit ? (
          <div>
            <Card title="Add a risk">
              {result?.ok ? (
                <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
                  Added “{result.title}”.{" "}
                  <Link className="underline" to={`${location.pathname}/${result.id}`}>
                    Open it
                  </Link>
                </p>
              ) : null}
              <Form method="post" className="space-y-3" noValidate key={result?.ok ? result.id : "new"}>
                <FormError error={result && !result.ok ? result.formError : undefined} />
                <RiskFields errors={errors} bands={list.bands} />
                <SubmitButton pendingText="Adding…">Add risk</SubmitButton>
              </Form>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}

function HeatMap({ cells, bands }: { cells: number[][]; bands: RiskBandThresholds }) {
  const total = cells.flat().reduce((a, b) => a + b, 0);
  return (
    <>
      <TableScroller>
        <table className="min-w-full border-collapse text-center text-sm">
          <caption className="mb-2 text-left text-sm text-slate-600">
            Open and mitigating risks by likelihood (rows) and impact (columns): {total} in all. {HEAT_MAP_HINT} Choose a
            count to list its risks.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="p-2 text-left font-medium text-slate-600">
                Likelihood ↓ / Impact →
              </th>
              {LEVELS.map((impact) => (
                <th key={impact} scope="col" className="p-2 font-medium text-slate-600">
                  {impact}
                  <span className="block text-xs font-normal">{IMPACT_LABELS[impact]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...LEVELS].reverse().map((likelihood) => (
              <tr key={likelihood}>
                <th scope="row" className="p-2 text-left font-medium text-slate-600">
                  {likelihood} <span className="text-xs font-normal">{LIKELIHOOD_LABELS[likelihood]}</span>
                </th>
                {LEVELS.map((impact) => {
                  const n = cells[likelihood - 1]?.[impact - 1] ?? 0;
                  const score = riskScore(likelihood, impact);
                  const band = riskBand(score, bands);
                  const describe = `${n} ${n === 1 ? "risk" : "risks"} with likelihood ${likelihood} and impact ${impact}: score ${score}, ${RISK_BAND_LABELS[band].toLowerCase()}`;
                  return (
                    <td key={impact} className={`border border-white p-0 ${RISK_BAND_CELL_CLASSES[band]}`} title={describe}>
                      {n > 0 ? (
                        <Link
                          to={`?likelihood=${likelihood}&impact=${impact}&status=active`}
                          aria-label={describe}
                          className="block p-3 font-semibold"
                        >
                          <span className="underline">{n}</span>
                          <CellBand band={band} />
                        </Link>
                      ) : (
                        <span className="block p-3">
                          0<span className="sr-only"> risks with likelihood {likelihood} and impact {impact}</span>
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroller>
      <RiskBandLegend bands={bands} />
      <p className="mt-2 text-xs text-slate-600">{riskScoreHint(bands)} Cell colour repeats the band of its score.</p>
    </>
  );
}

function RiskTable({ list, hrefWith }: { list: RegisterData["list"]; hrefWith: (changes: Record<string, string | null>) => string }) {
  const scoreHint = riskScoreHint(list.bands);
  const sortHeader = (label: ReactNode, asc: RiskSort, desc: RiskSort, first: RiskSort, hint?: string) => {
    const active = list.sort === asc || list.sort === desc;
    const next = active ? (list.sort === asc ? desc : asc) : first;
    return (
      <th
        scope="col"
        className="py-2 pr-4 font-medium"
        aria-sort={active ? (list.sort === asc ? "ascending" : "descending") : "none"}
        title={hint}
      >
        <Link to={hrefWith({ sort: next })} className="underline decoration-dotted">
          {label}
          {active ? (list.sort === asc ? " ▲" : " ▼") : ""}
        </Link>
      </th>
    );
  };
  return (
    <TableScroller>
      <table className="min-w-full text-sm">
        <thead>
          <tr className="border-b text-left text-slate-600">
            <th scope="col" className="py-2 pr-4 font-medium">
              Title
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Category
            </th>
            <th scope="col" className="py-2 pr-4 font-medium" title="1 rare … 5 almost certain">
              Likelihood
            </th>
            <th scope="col" className="py-2 pr-4 font-medium" title="1 negligible … 5 severe">
              Impact
            </th>
            {sortHeader("Score", "score", "-score", "-score", scoreHint)}
            <th scope="col" className="py-2 pr-4 font-medium">
              Owner
            </th>
            {sortHeader("Status", "status", "-status", "status")}
            {sortHeader("Next review", "nextReview", "-nextReview", "nextReview", REVIEW_OVERDUE_HINT)}
          </tr>
        </thead>
        <tbody>
          {list.risks.map((r) => (
            <tr key={r.id} className="border-b align-top last:border-0">
              <td className="py-2 pr-4">
                <Link to={r.id} className="font-medium text-indigo-700 underline">
                  {r.title}
                </Link>
              </td>
              <td className="py-2 pr-4">{RISK_CATEGORY_LABELS[r.category] ?? r.category}</td>
              <td className="py-2 pr-4" title={LIKELIHOOD_LABELS[r.likelihood]}>
                {r.likelihood}
              </td>
              <td className="py-2 pr-4" title={IMPACT_LABELS[r.impact]}>
                {r.impact}
              </td>
              <td className="whitespace-nowrap py-2 pr-4" title={scoreHint}>
                <span className="mr-1 font-semibold">{r.score}</span>
                <Badge tone={RISK_BAND_TONES[r.band]}>{RISK_BAND_LABELS[r.band]}</Badge>
              </td>
              <td className="py-2 pr-4">{r.owner ?? "—"}</td>
              <td className="py-2 pr-4">{RISK_STATUS_LABELS[r.status]}</td>
              <td className="whitespace-nowrap py-2 pr-4">
                {r.nextReviewDate ?? "—"}
                {r.reviewOverdue ? (
                  <span className="ml-1" title={REVIEW_OVERDUE_HINT}>
                    <Badge tone="bad">Review overdue</Badge>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroller>
  );
}
