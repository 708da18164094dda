import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { useState } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { Field, FieldError, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { MainWithAside } from "~/components/ui/columns";
import { addMonths, monthOfDate } from "~/finance/month";
import { messageRef, metaTitle, translate, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { NO_SECTIONS_MESSAGE, parseGrantSections, SECTION_KEYS } from "~/domain/access-grants";
import { failureFromError, invalidForm, parseForm, type FieldErrors } from "~/server/forms.server";
import {
  CreateShareLinkSchema,
  isUuid,
  MODE_LABELS,
  parseCompanyIds,
  PASSPHRASE_MIN,
  SCOPE_LABELS,
  sectionLabelKey,
  SHARE_LINK_DEFAULT_DAYS,
  SHARE_LINK_MAX_DAYS,
  shareLinkStatus,
} from "~/domain/share-links";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { createShareLink, listShareLinks } from "~/models/share-link.server";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { admin_linkStatus_active } from "~/paraglide/messages/admin_linkstatus_active1.js";
import { admin_linkStatus_expired } from "~/paraglide/messages/admin_linkstatus_expired1.js";
import { admin_linkStatus_revoked } from "~/paraglide/messages/admin_linkstatus_revoked1.js";
import { admin_listSeparator } from "~/paraglide/messages/admin_listseparator1.js";
import { admin_sectionHint_budgets } from "~/paraglide/messages/admin_sectionhint_budgets1.js";
import { admin_sectionHint_financials } from "~/paraglide/messages/admin_sectionhint_financials1.js";
import { admin_sectionHint_funding_debt } from "~/paraglide/messages/admin_sectionhint_funding_debt1.js";
import { admin_sectionHint_risks } from "~/paraglide/messages/admin_sectionhint_risks1.js";
import { admin_sectionHint_updates } from "~/paraglide/messages/admin_sectionhint_updates1.js";
import { admin_section_budgets } from "~/paraglide/messages/admin_section_budgets.js";
import { admin_section_financials } from "~/paraglide/messages/admin_section_financials.js";
import { admin_section_funding_debt } from "~/paraglide/messages/admin_section_funding_debt.js";
import { admin_section_risks } from "~/paraglide/messages/admin_section_risks.js";
import { admin_section_updates } from "~/paraglide/messages/admin_section_updates.js";
import { admin_shareLinks_col_details } from "~/paraglide/messages/admin_sharelinks_col_details1.js";
import { admin_shareLinks_col_label } from "~/paraglide/messages/admin_sharelinks_col_label1.js";
import { admin_shareLinks_col_shows } from "~/paraglide/messages/admin_sharelinks_col_shows1.js";
import { admin_shareLinks_col_status } from "~/paraglide/messages/admin_sharelinks_col_status1.js";
import { admin_shareLinks_col_views } from "~/paraglide/messages/admin_sharelinks_col_views1.js";
import { admin_shareLinks_companies } from "~/paraglide/messages/admin_sharelinks_companies1.js";
import { admin_shareLinks_company } from "~/paraglide/messages/admin_sharelinks_company1.js";
import { admin_shareLinks_companyGone } from "~/paraglide/messages/admin_sharelinks_companygone2.js";
import { admin_shareLinks_created } from "~/paraglide/messages/admin_sharelinks_created1.js";
import { admin_shareLinks_createdNotice } from "~/paraglide/messages/admin_sharelinks_creatednotice2.js";
import { admin_shareLinks_description } from "~/paraglide/messages/admin_sharelinks_description1.js";
import { admin_shareLinks_empty } from "~/paraglide/messages/admin_sharelinks_empty1.js";
import { admin_shareLinks_emptyManage } from "~/paraglide/messages/admin_sharelinks_emptymanage2.js";
import { admin_shareLinks_emptyView } from "~/paraglide/messages/admin_sharelinks_emptyview2.js";
import { admin_shareLinks_error_chooseCompany } from "~/paraglide/messages/admin_sharelinks_error_choosecompany2.js";
import { admin_shareLinks_error_noSections } from "~/paraglide/messages/admin_sharelinks_error_nosections2.js";
import { admin_shareLinks_error_startupOwnOnly } from "~/paraglide/messages/admin_sharelinks_error_startupownonly3.js";
import { admin_shareLinks_error_unknownSection } from "~/paraglide/messages/admin_sharelinks_error_unknownsection2.js";
import { admin_shareLinks_expiredOn } from "~/paraglide/messages/admin_sharelinks_expiredon2.js";
import { admin_shareLinks_expires } from "~/paraglide/messages/admin_sharelinks_expires1.js";
import { admin_shareLinks_expiresHint } from "~/paraglide/messages/admin_sharelinks_expireshint2.js";
import { admin_shareLinks_figures } from "~/paraglide/messages/admin_sharelinks_figures1.js";
import { admin_shareLinks_frozenAt } from "~/paraglide/messages/admin_sharelinks_frozenat2.js";
import { admin_shareLinks_label } from "~/paraglide/messages/admin_sharelinks_label1.js";
import { admin_shareLinks_labelHint } from "~/paraglide/messages/admin_sharelinks_labelhint2.js";
import { admin_shareLinks_lastViewed } from "~/paraglide/messages/admin_sharelinks_lastviewed2.js";
import { admin_shareLinks_links } from "~/paraglide/messages/admin_sharelinks_links1.js";
import { admin_shareLinks_live } from "~/paraglide/messages/admin_sharelinks_live1.js";
import { admin_shareLinks_metaTitle } from "~/paraglide/messages/admin_sharelinks_metatitle2.js";
import { admin_shareLinks_month } from "~/paraglide/messages/admin_sharelinks_month1.js";
import { admin_shareLinks_monthHint } from "~/paraglide/messages/admin_sharelinks_monthhint2.js";
import { admin_shareLinks_new } from "~/paraglide/messages/admin_sharelinks_new1.js";
import { admin_shareLinks_newer } from "~/paraglide/messages/admin_sharelinks_newer1.js";
import { admin_shareLinks_noCompanies } from "~/paraglide/messages/admin_sharelinks_nocompanies2.js";
import { admin_shareLinks_noCompaniesBody } from "~/paraglide/messages/admin_sharelinks_nocompaniesbody3.js";
import { admin_shareLinks_ofLabel } from "~/paraglide/messages/admin_sharelinks_oflabel2.js";
import { admin_shareLinks_older } from "~/paraglide/messages/admin_sharelinks_older1.js";
import { admin_shareLinks_pages } from "~/paraglide/messages/admin_sharelinks_pages1.js";
import { admin_shareLinks_passphrase } from "~/paraglide/messages/admin_sharelinks_passphrase1.js";
import { admin_shareLinks_passphraseHint } from "~/paraglide/messages/admin_sharelinks_passphrasehint2.js";
import { admin_shareLinks_passphraseNote } from "~/paraglide/messages/admin_sharelinks_passphrasenote2.js";
import { admin_shareLinks_sections } from "~/paraglide/messages/admin_sharelinks_sections1.js";
import { admin_shareLinks_sectionsHint } from "~/paraglide/messages/admin_sharelinks_sectionshint2.js";
import { admin_shareLinks_seeViews } from "~/paraglide/messages/admin_sharelinks_seeviews2.js";
import { admin_shareLinks_shows } from "~/paraglide/messages/admin_sharelinks_shows1.js";
import { admin_shareLinks_submit } from "~/paraglide/messages/admin_sharelinks_submit1.js";
import { admin_shareLinks_title } from "~/paraglide/messages/admin_sharelinks_title1.js";
import { admin_shareLinks_until } from "~/paraglide/messages/admin_sharelinks_until1.js";
import { admin_shareLinks_views } from "~/paraglide/messages/admin_sharelinks_views1.js";
import { admin_shareLinks_viewsRevoke } from "~/paraglide/messages/admin_sharelinks_viewsrevoke2.js";
import { admin_shareLinks_withPassphrase } from "~/paraglide/messages/admin_sharelinks_withpassphrase2.js";
import { common_action_creating } from "~/paraglide/messages/common_action_creating.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, admin_shareLinks_metaTitle)];

/*
 * Share links for partners: owners and admins create them (the token is shown once) and see
 * their status; everyone else in the org reads the list. Revoking and the view log are on
 * each link's own page.
 */

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  const locale = getLocale(request);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1));
  const canManage = can(ctx.role, "manage:members");
  const { links, hasMore } = await listShareLinks(ctx, page);
  const companies = ctx.org.kind === "investor" ? await listAccessibleCompanies(ctx) : [];
  const names = new Map(companies.map((c) => [c.company.id, c.company.name]));
  const now = new Date();
  return json({
    org: { slug: ctx.org.slug, name: ctx.org.name, kind: ctx.org.kind },
    canManage,
    page,
    hasMore,
    links: links.map((l) => ({
      id: l.id,
      label: l.label,
      scope: l.scope,
      companies: ctx.org.kind === "investor" ? l.companyOrgIds.map((id) => names.get(id) ?? translate(locale, admin_shareLinks_companyGone)) : [],
      sections: l.sections,
      mode: l.mode,
      frozenMonth: l.frozenMonth,
      expiresAt: l.expiresAt,
      createdAt: l.createdAt,
      hasPassphrase: l.hasPassphrase,
      status: shareLinkStatus(l, now),
      views: Number(l.views),
      lastViewedAt: l.lastViewedAt,
    })),
    companies: canManage ? companies.map((c) => ({ id: c.company.id, name: c.company.name, sections: c.sections })) : [],
    defaultMonth: addMonths(monthOfDate(now), -1),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  requirePermission(ctx, "manage:members");
  const locale = getLocale(request);
  const formData = await request.formData();
  const parsed = parseForm(CreateShareLinkSchema, formData);
  const sections = parseGrantSections(formData.getAll("sections"));
  const scope = parsed.ok ? parsed.data.scope : null;
  const fieldErrors: FieldErrors = parsed.ok ? {} : { ...parsed.fieldErrors };
  // parseGrantSections (shared with the grant forms) names two mistakes; this page says them in its own words.
  if (!sections.ok) {
    fieldErrors.sections = messageRef(sections.error === NO_SECTIONS_MESSAGE ? admin_shareLinks_error_noSections : admin_shareLinks_error_unknownSection);
  }
  let companyIds: string[] = [];
  if (ctx.org.kind === "investor" && scope === "company") {
    const id = formData.get("companyId");
    if (isUuid(id)) companyIds = [id.toLowerCase()];
    else fieldErrors.companyId = messageRef(admin_shareLinks_error_chooseCompany);
  } else if (ctx.org.kind === "investor" && scope === "companies") {
    const ids = parseCompanyIds(formData.getAll("companyIds"));
    if (ids.ok) companyIds = ids.ids;
    else fieldErrors.companyIds = ids.error;
  } else if (ctx.org.kind === "startup" && scope !== null && scope !== "company") {
    fieldErrors.scope = messageRef(admin_shareLinks_error_startupOwnOnly);
  }
  if (!parsed.ok || !sections.ok || Object.keys(fieldErrors).length > 0) {
    return invalidForm(fieldErrors, { locale, values: formData });
  }
  const input = parsed.data;
  try {
    const created = await createShareLink(ctx, {
      label: input.label,
      scope: input.scope,
      companyIds,
      sections: sections.sections,
      mode: input.mode,
      frozenMonth: input.mode === "frozen" ? (input.frozenMonth ?? null) : null,
      expiresInDays: input.expiresInDays,
      passphrase: input.passphrase,
    });
    // The only time the token is shown: never cached, never redirected through a URL.
    return json(
      { ok: true as const, id: created.id, url: `${context.origin}/r/${created.token}`, label: input.label },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    return failureFromError(error, locale, { values: formData });
  }
}

const STATUS_TONE = { active: "good", expired: "neutral", revoked: "bad" } as const;

export default function ShareLinks() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const base = `/o/${data.org.slug}/share-links`;
  const separator = t(admin_listSeparator);
  const sectionName = (s: string) => {
    const key = sectionLabelKey(s);
    return key ? t(key) : s;
  };
  return (
    <>
      <PageHeader title={t(admin_shareLinks_title)} description={t(admin_shareLinks_description)} />
      {result?.ok ? <CreatedLink url={result.url} label={result.label} detail={`${base}/${result.id}`} /> : null}
      <MainWithAside
        stacked={false}
        stackAside={false}
        aside={data.canManage ? <CreateForm kind={data.org.kind} companies={data.companies} defaultMonth={data.defaultMonth} /> : null}
      >
        <Card title={t(admin_shareLinks_links)}>
          {data.links.length === 0 ? (
            <EmptyState title={t(admin_shareLinks_empty)} body={data.canManage ? t(admin_shareLinks_emptyManage) : t(admin_shareLinks_emptyView)} />
          ) : (
            <Table>
              <ColumnHeads
                heads={[
                  { label: t(admin_shareLinks_col_label), narrow: true },
                  { label: t(admin_shareLinks_col_shows), narrow: true },
                  { label: t(admin_shareLinks_col_status), narrow: true },
                  { label: t(admin_shareLinks_col_views), narrow: true },
                  { label: t(admin_shareLinks_col_details), hidden: true },
                ]}
              />
              <tbody>
                {data.links.map((l) => (
                  <Tr key={l.id} top data-testid="share-link-row">
                    <Td narrow>
                      <span className="font-medium">{l.label}</span>
                      <span className="block text-xs text-slate-500">
                        {t(admin_shareLinks_created, { date: f.date(l.createdAt) })}
                        {l.hasPassphrase ? ` · ${t(admin_shareLinks_withPassphrase)}` : ""}
                      </span>
                    </Td>
                    <Td narrow className="text-xs">
                      {t(SCOPE_LABELS[l.scope])}
                      {l.companies.length > 0 ? `: ${l.companies.join(separator)}` : ""}
                      <span className="block text-slate-500">
                        {l.sections.map(sectionName).join(separator)} ·{" "}
                        {l.mode === "frozen" ? t(admin_shareLinks_frozenAt, { month: f.month(l.frozenMonth) }) : t(admin_shareLinks_live)}
                      </span>
                    </Td>
                    <Td narrow>
                      <Badge tone={STATUS_TONE[l.status]}>
                        {t({ active: admin_linkStatus_active, expired: admin_linkStatus_expired, revoked: admin_linkStatus_revoked }[l.status])}
                      </Badge>
                      <span className="block text-xs text-slate-500">
                        {l.status === "active"
                          ? t(admin_shareLinks_until, { date: f.date(l.expiresAt) })
                          : l.status === "expired"
                            ? t(admin_shareLinks_expiredOn, { date: f.date(l.expiresAt) })
                            : ""}
                      </span>
                    </Td>
                    <Td narrow className="text-xs">
                      {l.views}
                      {l.lastViewedAt ? (
                        <span className="block text-slate-500">{t(admin_shareLinks_lastViewed, { time: f.dateTime(String(l.lastViewedAt)) })}</span>
                      ) : null}
                    </Td>
                    <td className="py-2 text-right">
                      <TextLink to={`${base}/${l.id}`}>
                        {data.canManage && l.status === "active" ? t(admin_shareLinks_viewsRevoke) : t(admin_shareLinks_views)}
                        <span className="sr-only"> {t(admin_shareLinks_ofLabel, { label: l.label })}</span>
                      </TextLink>
                    </td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
          {data.page > 1 || data.hasMore ? (
            <nav aria-label={t(admin_shareLinks_pages)} className="mt-4 flex gap-4 text-sm">
              {data.page > 1 ? <TextLink to={`${base}?page=${data.page - 1}`}>{t(admin_shareLinks_newer)}</TextLink> : null}
              {data.hasMore ? <TextLink to={`${base}?page=${data.page + 1}`}>{t(admin_shareLinks_older)}</TextLink> : null}
            </nav>
          ) : null}
        </Card>
      </MainWithAside>
    </>
  );
}

function CreatedLink({ url, label, detail }: { url: string; label: string; detail: string }) {
  const t = useT();
  return (
    <div role="status" className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
      <p className="font-medium">{t(admin_shareLinks_createdNotice, { label })}</p>
      <code data-testid="share-link-url" className="mt-2 block break-all rounded bg-white p-2 text-xs">
        {url}
      </code>
      <p className="mt-2">
        {t.rich(admin_shareLinks_passphraseNote, {
          link: (
            <Link to={detail} className="underline">
              {t(admin_shareLinks_seeViews)}
            </Link>
          ),
        })}
      </p>
    </div>
  );
}

type Company = { id: string; name: string; sections: string[] };

function CreateForm({ kind, companies, defaultMonth }: { kind: "startup" | "investor"; companies: Company[]; defaultMonth: string }) {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const failed = result && !result.ok ? result : null;
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  const values: Record<string, string> = failed && "values" in failed ? (failed.values as Record<string, string>) : {};
  const [scope, setScope] = useState(values.scope ?? (kind === "startup" ? "company" : "portfolio"));
  const [mode, setMode] = useState(values.mode ?? "live");
  const formKey = result?.ok ? `done-${result.id}` : "form";
  if (kind === "investor" && companies.length === 0) {
    return (
      <Card title={t(admin_shareLinks_new)}>
        <EmptyState title={t(admin_shareLinks_noCompanies)} body={t(admin_shareLinks_noCompaniesBody)} />
      </Card>
    );
  }
  return (
    <Card title={t(admin_shareLinks_new)}>
      <Form method="post" className="space-y-4" noValidate key={formKey} aria-busy={navigation.state === "submitting" || undefined}>
        <FormError error={failed?.formError} />
        <Field label={t(admin_shareLinks_label)} name="label" defaultValue={values.label} error={errors.label} hint={t(admin_shareLinks_labelHint)} required />
        {kind === "startup" ? (
          <input type="hidden" name="scope" value="company" />
        ) : (
          <SelectField
            label={t(admin_shareLinks_shows)}
            name="scope"
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            error={errors.scope}
            options={(["portfolio", "companies", "company"] as const).map((s) => ({ value: s, label: t(SCOPE_LABELS[s]) }))}
          />
        )}
        {kind === "investor" && scope === "company" ? (
          <SelectField
            label={t(admin_shareLinks_company)}
            name="companyId"
            defaultValue={values.companyId}
            error={errors.companyId}
            options={companies.map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : null}
        {kind === "investor" && scope === "companies" ? (
          <fieldset aria-describedby={errors.companyIds ? "companyIds-error" : undefined}>
            <legend className="text-sm font-medium text-slate-700">{t(admin_shareLinks_companies)}</legend>
            <div className="mt-1 max-h-48 space-y-1 overflow-y-auto">
              {companies.map((c) => (
                <label key={c.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="companyIds" value={c.id} /> {c.name}
                </label>
              ))}
            </div>
            <FieldError id="companyIds-error" error={errors.companyIds} />
          </fieldset>
        ) : null}
        <fieldset aria-describedby={errors.sections ? "sections-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">{t(admin_shareLinks_sections)}</legend>
          {kind === "investor" ? <p className="text-xs text-slate-500">{t(admin_shareLinks_sectionsHint)}</p> : null}
          <div className="mt-1 space-y-1">
            {SECTION_KEYS.map((key) => (
              <label key={key} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="sections" value={key} defaultChecked={key !== "updates"} className="mt-0.5" />
                <span>
                  {t(
                    {
                      budgets: admin_section_budgets,
                      financials: admin_section_financials,
                      funding_debt: admin_section_funding_debt,
                      risks: admin_section_risks,
                      updates: admin_section_updates,
                    }[key],
                  )}{" "}
                  <span className="block text-xs text-slate-500">
                    {t(
                      {
                        budgets: admin_sectionHint_budgets,
                        financials: admin_sectionHint_financials,
                        funding_debt: admin_sectionHint_funding_debt,
                        risks: admin_sectionHint_risks,
                        updates: admin_sectionHint_updates,
                      }[key],
                    )}
                  </span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="sections-error" error={errors.sections} />
        </fieldset>
        <SelectField
          label={t(admin_shareLinks_figures)}
          name="mode"
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          error={errors.mode}
          options={(["live", "frozen"] as const).map((m) => ({ value: m, label: t(MODE_LABELS[m]) }))}
        />
        {mode === "frozen" ? (
          <Field
            label={t(admin_shareLinks_month)}
            name="frozenMonth"
            type="month"
            defaultValue={values.frozenMonth ?? defaultMonth}
            error={errors.frozenMonth}
            hint={t(admin_shareLinks_monthHint)}
          />
        ) : null}
        <Field
          label={t(admin_shareLinks_expires)}
          name="expiresInDays"
          type="number"
          min={1}
          max={SHARE_LINK_MAX_DAYS}
          defaultValue={values.expiresInDays ?? String(SHARE_LINK_DEFAULT_DAYS)}
          error={errors.expiresInDays}
          hint={t(admin_shareLinks_expiresHint, { max: SHARE_LINK_MAX_DAYS })}
        />
        <Field
          label={t(admin_shareLinks_passphrase)}
          name="passphrase"
          type="password"
          autoComplete="new-password"
          error={errors.passphrase}
          hint={t(admin_shareLinks_passphraseHint, { min: PASSPHRASE_MIN })}
        />
        <SubmitButton intent="create" pendingText={t(common_action_creating)}>
          {t(admin_shareLinks_submit)}
        </SubmitButton>
      </Form>
    </Card>
  );
}
