import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { RecordCreator } from "~/components/record-editor";
import { can } from "~/auth/permissions";
import { requireInvestor } from "~/auth/tenant.server";
import { PositionForm } from "~/components/position-form";
import { CompanyReturnsTable, MissingRatesNote, PortfolioMoicCard, PositionsTable } from "~/components/position-returns";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { isoDateOfDate } from "~/finance";
import { metaTitle, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { createFromForm } from "~/server/forms.server";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { positionSchema } from "~/domain/position";
import { createPosition, positionsOverview, type PositionSort, type SortDirection } from "~/models/position.server";
import { Pager } from "~/components/ui/pager";
import { toast } from "~/server/toast.server";
import { useHrefWith } from "~/components/use-href-with";
import { common_action_exportCsv } from "~/paraglide/messages/common_action_exportcsv1.js";
import { investor_fx_title } from "~/paraglide/messages/investor_fx_title.js";
import { investor_positions_byCompany } from "~/paraglide/messages/investor_positions_bycompany1.js";
import { investor_positions_card } from "~/paraglide/messages/investor_positions_card.js";
import { investor_positions_description } from "~/paraglide/messages/investor_positions_description.js";
import { investor_positions_empty } from "~/paraglide/messages/investor_positions_empty.js";
import { investor_positions_emptyEditor } from "~/paraglide/messages/investor_positions_emptyeditor1.js";
import { investor_positions_emptyNoCompanies } from "~/paraglide/messages/investor_positions_emptynocompanies2.js";
import { investor_positions_emptyReader } from "~/paraglide/messages/investor_positions_emptyreader1.js";
import { investor_positions_notice_created } from "~/paraglide/messages/investor_positions_notice_created.js";
import { investor_positions_record } from "~/paraglide/messages/investor_positions_record.js";
import { investor_positions_recordSubmit } from "~/paraglide/messages/investor_positions_recordsubmit1.js";
import { investor_positions_recording } from "~/paraglide/messages/investor_positions_recording.js";
import { investor_positions_title } from "~/paraglide/messages/investor_positions_title.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_positions_title)];

const SORTS: readonly PositionSort[] = ["company", "invested_on", "invested", "moic"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  const search = new URL(request.url).searchParams;
  const sort = (SORTS as readonly string[]).includes(search.get("sort") ?? "") ? (search.get("sort") as PositionSort) : "invested_on";
  const direction: SortDirection = search.get("dir") === "asc" ? "asc" : "desc";
  const canEdit = can(ctx.role, "edit:records");
  const [overview, accessible] = await Promise.all([
    positionsOverview(ctx, { sort, direction, page: Number(search.get("page") ?? "1") }),
    listAccessibleCompanies(ctx),
  ]);
  return json({
    ...overview,
    sort,
    direction,
    canEdit,
    baseCurrency: ctx.org.baseCurrency,
    slug: ctx.org.slug,
    today: isoDateOfDate(new Date()),
    companyOptions: accessible.map((a) => ({ id: a.company.id, name: a.company.name, baseCurrency: a.company.baseCurrency })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params, "edit:records");
  return createFromForm(await request.formData(), {
    schema: positionSchema(isoDateOfDate(new Date())),
    locale: getLocale(request),
    save: (data) => createPosition(ctx, data),
    after: { to: `/o/${ctx.org.slug}/positions`, toast: toast(investor_positions_notice_created) },
  });
}

export default function Positions() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const hrefWith = useHrefWith();
  const pageLink = (page: number) => hrefWith({ sort: data.sort, dir: data.direction, page: String(page) });

  return (
    // Nine columns: on A4 portrait the last one (MOIC) was cut off the page, as on the portfolio.
    <div className="print-landscape">
      <PageHeader
        title={t(investor_positions_title)}
        description={t(investor_positions_description, { currency: data.baseCurrency })}
        actions={
          <div className="flex gap-4 text-sm">
            <TextLink to={`/o/${data.slug}/fx`}>{t(investor_fx_title)}</TextLink>
            <a href={`/o/${data.slug}/positions.csv`} className="text-indigo-700 underline" download>
              {t(common_action_exportCsv)}
            </a>
          </div>
        }
      />
      <div className="space-y-6">
        {data.total === 0 ? (
          <Card>
            <EmptyState title={t(investor_positions_empty)}>
              {data.companyOptions.length === 0
                ? t(investor_positions_emptyNoCompanies)
                : data.canEdit
                  ? t(investor_positions_emptyEditor)
                  : t(investor_positions_emptyReader)}
            </EmptyState>
          </Card>
        ) : (
          <>
            <PortfolioMoicCard portfolio={data.portfolio} baseCurrency={data.baseCurrency} currentMonth={data.currentMonth} />
            <MissingRatesNote missingRates={data.missingRates} excludedCount={data.portfolio.excludedCount} fxHref={`/o/${data.slug}/fx`} />
            <Card title={t(investor_positions_byCompany)}>
              <CompanyReturnsTable companies={data.companies} baseCurrency={data.baseCurrency} />
            </Card>
            <Card title={t(investor_positions_card, { count: data.total })}>
              <PositionsTable positions={data.positions} baseCurrency={data.baseCurrency} sort={data.sort} direction={data.direction} canEdit={data.canEdit} />
              <Pager page={data.page} pageCount={data.pageCount} href={pageLink} />
            </Card>
          </>
        )}

        {data.canEdit && data.companyOptions.length > 0 ? (
          <RecordCreator
            title={t(investor_positions_record)}
            result={result}
            form={(create) => (
              <PositionForm
                {...create}
                companies={data.companyOptions}
                baseCurrency={data.baseCurrency}
                today={data.today}
                submitLabel={t(investor_positions_recordSubmit)}
                pendingText={t(investor_positions_recording)}
              />
            )}
          />
        ) : null}
      </div>
    </div>
  );
}
