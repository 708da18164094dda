import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { useState } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { Field, FieldError, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { addMonths, monthOfDate } from "~/finance/month";
import { localizeMessage, metaTitle, translate, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { NO_SECTIONS_MESSAGE, parseGrantSections, SECTION_KEYS } from "~/lib/access-grants";
import { failureFromError, invalidForm, parseForm } from "~/lib/forms.server";
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
} from "~/lib/share-links";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { createShareLink, listShareLinks } from "~/models/share-link.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "admin.shareLinks.metaTitle")];

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
      companies: ctx.org.kind === "investor" ? l.companyOrgIds.map((id) => names.get(id) ?? translate(locale, "admin.shareLinks.companyGone")) : [],
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
  const parsed = parseForm(CreateShareLinkSchema, formData, locale);
  const sections = parseGrantSections(formData.getAll("sections"));
  const scope = parsed.ok ? parsed.data.scope : null;
  const fieldErrors: Record<string, string> = parsed.ok ? {} : { ...parsed.fieldErrors };
  // parseGrantSections (shared with the grant forms) names two mistakes; this page says them in its own words.
  if (!sections.ok) {
    fieldErrors.sections = translate(locale, sections.error === NO_SECTIONS_MESSAGE ? "admin.shareLinks.error.noSections" : "admin.shareLinks.error.unknownSection");
  }
  let companyIds: string[] = [];
  if (ctx.org.kind === "investor" && scope === "company") {
    const id = formData.get("companyId");
    if (isUuid(id)) companyIds = [id.toLowerCase()];
    else fieldErrors.companyId = translate(locale, "admin.shareLinks.error.chooseCompany");
  } else if (ctx.org.kind === "investor" && scope === "companies") {
    const ids = parseCompanyIds(formData.getAll("companyIds"));
    if (ids.ok) companyIds = ids.ids;
    else fieldErrors.companyIds = localizeMessage(locale, ids.error);
  } else if (ctx.org.kind === "startup" && scope !== null && scope !== "company") {
    fieldErrors.scope = translate(locale, "admin.shareLinks.error.startupOwnOnly");
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
  const separator = t("admin.listSeparator");
  const sectionName = (s: string) => {
    const key = sectionLabelKey(s);
    return key ? t(key) : s;
  };
  return (
    <>
      <PageHeader title={t("admin.shareLinks.title")} description={t("admin.shareLinks.description")} />
      {result?.ok ? <CreatedLink url={result.url} label={result.label} detail={`${base}/${result.id}`} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title={t("admin.shareLinks.links")}>
            {data.links.length === 0 ? (
              <EmptyState title={t("admin.shareLinks.empty")}>
                <p>{data.canManage ? t("admin.shareLinks.emptyManage") : t("admin.shareLinks.emptyView")}</p>
              </EmptyState>
            ) : (
              <Table>
                <TableHead>
                  <Th narrow>{t("admin.shareLinks.col.label")}</Th>
                  <Th narrow>{t("admin.shareLinks.col.shows")}</Th>
                  <Th narrow>{t("admin.shareLinks.col.status")}</Th>
                  <Th narrow>{t("admin.shareLinks.col.views")}</Th>
                  <Th last><span className="sr-only">{t("admin.shareLinks.col.details")}</span></Th>
                </TableHead>
                <tbody>
                  {data.links.map((l) => (
                    <Tr key={l.id} top data-testid="share-link-row">
                      <Td narrow>
                        <span className="font-medium">{l.label}</span>
                        <span className="block text-xs text-slate-500">
                          {t("admin.shareLinks.created", { date: f.date(l.createdAt) })}
                          {l.hasPassphrase ? ` · ${t("admin.shareLinks.withPassphrase")}` : ""}
                        </span>
                      </Td>
                      <Td narrow className="text-xs">
                        {t(SCOPE_LABELS[l.scope])}
                        {l.companies.length > 0 ? `: ${l.companies.join(separator)}` : ""}
                        <span className="block text-slate-500">
                          {l.sections.map(sectionName).join(separator)} ·{" "}
                          {l.mode === "frozen" ? t("admin.shareLinks.frozenAt", { month: f.month(l.frozenMonth) }) : t("admin.shareLinks.live")}
                        </span>
                      </Td>
                      <Td narrow>
                        <Badge tone={STATUS_TONE[l.status]}>{t(`admin.linkStatus.${l.status}`)}</Badge>
                        <span className="block text-xs text-slate-500">
                          {l.status === "active"
                            ? t("admin.shareLinks.until", { date: f.date(l.expiresAt) })
                            : l.status === "expired"
                              ? t("admin.shareLinks.expiredOn", { date: f.date(l.expiresAt) })
                              : ""}
                        </span>
                      </Td>
                      <Td narrow className="text-xs">
                        {l.views}
                        {l.lastViewedAt ? <span className="block text-slate-500">{t("admin.shareLinks.lastViewed", { time: f.dateTime(String(l.lastViewedAt)) })}</span> : null}
                      </Td>
                      <td className="py-2 text-right">
                        <TextLink to={`${base}/${l.id}`}>
                          {data.canManage && l.status === "active" ? t("admin.shareLinks.viewsRevoke") : t("admin.shareLinks.views")}
                          <span className="sr-only"> {t("admin.shareLinks.ofLabel", { label: l.label })}</span>
                        </TextLink>
                      </td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
            {data.page > 1 || data.hasMore ? (
              <nav aria-label={t("admin.shareLinks.pages")} className="mt-4 flex gap-4 text-sm">
                {data.page > 1 ? <TextLink to={`${base}?page=${data.page - 1}`}>{t("admin.shareLinks.newer")}</TextLink> : null}
                {data.hasMore ? <TextLink to={`${base}?page=${data.page + 1}`}>{t("admin.shareLinks.older")}</TextLink> : null}
              </nav>
            ) : null}
          </Card>
        </div>
        {data.canManage ? <CreateForm kind={data.org.kind} companies={data.companies} defaultMonth={data.defaultMonth} /> : null}
      </div>
    </>
  );
}

function CreatedLink({ url, label, detail }: { url: string; label: string; detail: string }) {
  const t = useT();
  return (
    <div role="status" className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
      <p className="font-medium">{t("admin.shareLinks.createdNotice", { label })}</p>
      <code data-testid="share-link-url" className="mt-2 block break-all rounded bg-white p-2 text-xs">
        {url}
      </code>
      <p className="mt-2">
        {t.rich("admin.shareLinks.passphraseNote", {
          link: (
            <Link to={detail} className="underline">
              {t("admin.shareLinks.seeViews")}
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
      <Card title={t("admin.shareLinks.new")}>
        <EmptyState title={t("admin.shareLinks.noCompanies")}>
          <p>{t("admin.shareLinks.noCompaniesBody")}</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card title={t("admin.shareLinks.new")}>
      <Form method="post" className="space-y-4" noValidate key={formKey} aria-busy={navigation.state === "submitting" || undefined}>
        <FormError error={failed?.formError} />
        <Field label={t("admin.shareLinks.label")} name="label" defaultValue={values.label} error={errors.label} hint={t("admin.shareLinks.labelHint")} required />
        {kind === "startup" ? (
          <input type="hidden" name="scope" value="company" />
        ) : (
          <SelectField
            label={t("admin.shareLinks.shows")}
            name="scope"
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            error={errors.scope}
            options={(["portfolio", "companies", "company"] as const).map((s) => ({ value: s, label: t(SCOPE_LABELS[s]) }))}
          />
        )}
        {kind === "investor" && scope === "company" ? (
          <SelectField label={t("admin.shareLinks.company")} name="companyId" defaultValue={values.companyId} error={errors.companyId} options={companies.map((c) => ({ value: c.id, label: c.name }))} />
        ) : null}
        {kind === "investor" && scope === "companies" ? (
          <fieldset aria-describedby={errors.companyIds ? "companyIds-error" : undefined}>
            <legend className="text-sm font-medium text-slate-700">{t("admin.shareLinks.companies")}</legend>
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
          <legend className="text-sm font-medium text-slate-700">{t("admin.shareLinks.sections")}</legend>
          {kind === "investor" ? <p className="text-xs text-slate-500">{t("admin.shareLinks.sectionsHint")}</p> : null}
          <div className="mt-1 space-y-1">
            {SECTION_KEYS.map((key) => (
              <label key={key} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="sections" value={key} defaultChecked={key !== "updates"} className="mt-0.5" />
                <span>
                  {t(`admin.section.${key}`)} <span className="block text-xs text-slate-500">{t(`admin.sectionHint.${key}`)}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="sections-error" error={errors.sections} />
        </fieldset>
        <SelectField
          label={t("admin.shareLinks.figures")}
          name="mode"
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          error={errors.mode}
          options={(["live", "frozen"] as const).map((m) => ({ value: m, label: t(MODE_LABELS[m]) }))}
        />
        {mode === "frozen" ? (
          <Field
            label={t("admin.shareLinks.month")}
            name="frozenMonth"
            type="month"
            defaultValue={values.frozenMonth ?? defaultMonth}
            error={errors.frozenMonth}
            hint={t("admin.shareLinks.monthHint")}
          />
        ) : null}
        <Field
          label={t("admin.shareLinks.expires")}
          name="expiresInDays"
          type="number"
          min={1}
          max={SHARE_LINK_MAX_DAYS}
          defaultValue={values.expiresInDays ?? String(SHARE_LINK_DEFAULT_DAYS)}
          error={errors.expiresInDays}
          hint={t("admin.shareLinks.expiresHint", { max: SHARE_LINK_MAX_DAYS })}
        />
        <Field
          label={t("admin.shareLinks.passphrase")}
          name="passphrase"
          type="password"
          autoComplete="new-password"
          error={errors.passphrase}
          hint={t("admin.shareLinks.passphraseHint", { min: PASSPHRASE_MIN })}
        />
        <SubmitButton intent="create" pendingText={t("common.action.creating")}>
          {t("admin.shareLinks.submit")}
        </SubmitButton>
      </Form>
    </Card>
  );
}
