import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { Field, FieldError, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { addMonths, monthOfDate } from "~/finance/month";
import { parseGrantSections, SECTION_HINTS, SECTION_KEYS, SECTION_LABELS } from "~/lib/access-grants";
import { appErrorResponse, invalidSubmission, parseForm } from "~/lib/forms.server";
import { AppError } from "~/lib/http.server";
import { CreateShareLinkSchema, isUuid, parseCompanyIds, SCOPE_LABELS, SHARE_LINK_DEFAULT_DAYS, SHARE_LINK_MAX_DAYS, shareLinkStatus } from "~/lib/share-links";
import { listAccessibleCompanies } from "~/models/company-access.server";
import { createShareLink, listShareLinks } from "~/models/share-link.server";

export const meta: MetaFunction = () => [{ title: "Share links · Capital Desk" }];

/*
 * Share links for partners: owners and admins create them (the token is shown once) and see
 * their status; everyone else in the org reads the list. Revoking and the view log are on
 * each link's own page.
 */

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
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
      companies: ctx.org.kind === "investor" ? l.companyOrgIds.map((id) => names.get(id) ?? "a company no longer shared") : [],
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
  const formData = await request.formData();
  const parsed = parseForm(CreateShareLinkSchema, formData);
  const sections = parseGrantSections(formData.getAll("sections"));
  const scope = parsed.ok ? parsed.data.scope : null;
  const fieldErrors: Record<string, string> = parsed.ok ? {} : { ...parsed.fieldErrors };
  if (!sections.ok) fieldErrors.sections = sections.error;
  let companyIds: string[] = [];
  if (ctx.org.kind === "investor" && scope === "company") {
    const id = formData.get("companyId");
    if (isUuid(id)) companyIds = [id.toLowerCase()];
    else fieldErrors.companyId = "Choose the company.";
  } else if (ctx.org.kind === "investor" && scope === "companies") {
    const ids = parseCompanyIds(formData.getAll("companyIds"));
    if (ids.ok) companyIds = ids.ids;
    else fieldErrors.companyIds = ids.error;
  } else if (ctx.org.kind === "startup" && scope !== null && scope !== "company") {
    fieldErrors.scope = "A startup shares its own company only.";
  }
  if (!parsed.ok || !sections.ok || Object.keys(fieldErrors).length > 0) return invalidSubmission(fieldErrors, formData);
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
    if (error instanceof AppError && error.code === "INVALID") return invalidSubmission(error.fieldErrors, formData, error.message);
    return appErrorResponse(error);
  }
}

const STATUS_TONE = { active: "good", expired: "neutral", revoked: "bad" } as const;

export default function ShareLinks() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const base = `/o/${data.org.slug}/share-links`;
  return (
    <>
      <PageHeader
        title="Share links"
        description="Read-only reports for partners — LPs, co-investors, advisors. Anyone with a link can open its report until it expires or you revoke it."
      />
      {result?.ok ? <CreatedLink url={result.url} label={result.label} detail={`${base}/${result.id}`} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Links">
            {data.links.length === 0 ? (
              <EmptyState title="No share links yet">
                {data.canManage ? <p>Create one with the form to send a partner a read-only report.</p> : <p>Owners and admins create share links.</p>}
              </EmptyState>
            ) : (
              <TableScroller>
                <table className="min-w-full text-sm">
                  <thead>
                    <tr className="border-b text-left text-slate-600">
                      <th className="py-2 pr-3 font-medium">Label</th>
                      <th className="py-2 pr-3 font-medium">Shows</th>
                      <th className="py-2 pr-3 font-medium">Status</th>
                      <th className="py-2 pr-3 font-medium">Views</th>
                      <th className="py-2 font-medium"><span className="sr-only">Details</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.links.map((l) => (
                      <tr key={l.id} className="border-b align-top last:border-0" data-testid="share-link-row">
                        <td className="py-2 pr-3">
                          <span className="font-medium">{l.label}</span>
                          <span className="block text-xs text-slate-500">created {l.createdAt.slice(0, 10)}{l.hasPassphrase ? " · passphrase" : ""}</span>
                        </td>
                        <td className="py-2 pr-3 text-xs">
                          {SCOPE_LABELS[l.scope]}
                          {l.companies.length > 0 ? `: ${l.companies.join(", ")}` : ""}
                          <span className="block text-slate-500">
                            {l.sections.map((s) => SECTION_LABELS[s as keyof typeof SECTION_LABELS] ?? s).join(", ")} · {l.mode === "frozen" ? `frozen at ${l.frozenMonth}` : "live"}
                          </span>
                        </td>
                        <td className="py-2 pr-3">
                          <Badge tone={STATUS_TONE[l.status]}>{l.status}</Badge>
                          <span className="block text-xs text-slate-500">{l.status === "active" ? `until ${l.expiresAt.slice(0, 10)}` : l.status === "expired" ? `on ${l.expiresAt.slice(0, 10)}` : ""}</span>
                        </td>
                        <td className="py-2 pr-3 text-xs">
                          {l.views}
                          {l.lastViewedAt ? <span className="block text-slate-500">last {String(l.lastViewedAt).slice(0, 16).replace("T", " ")}</span> : null}
                        </td>
                        <td className="py-2 text-right">
                          <Link to={`${base}/${l.id}`} className="text-indigo-700 underline">
                            {data.canManage && l.status === "active" ? "Views · revoke" : "Views"}
                            <span className="sr-only"> of {l.label}</span>
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroller>
            )}
            {data.page > 1 || data.hasMore ? (
              <nav aria-label="Share link pages" className="mt-4 flex gap-4 text-sm">
                {data.page > 1 ? <Link className="text-indigo-700 underline" to={`${base}?page=${data.page - 1}`}>Newer links</Link> : null}
                {data.hasMore ? <Link className="text-indigo-700 underline" to={`${base}?page=${data.page + 1}`}>Older links</Link> : null}
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
  return (
    <div role="status" className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
      <p className="font-medium">Link &ldquo;{label}&rdquo; created. Copy it now — it is shown only this once and cannot be recovered.</p>
      <code data-testid="share-link-url" className="mt-2 block break-all rounded bg-white p-2 text-xs">
        {url}
      </code>
      <p className="mt-2">
        Send the passphrase, if you set one, by another channel. <Link to={detail} className="underline">See its views or revoke it</Link>.
      </p>
    </div>
  );
}

type Company = { id: string; name: string; sections: string[] };

function CreateForm({ kind, companies, defaultMonth }: { kind: "startup" | "investor"; companies: Company[]; defaultMonth: string }) {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = result && !result.ok ? result : null;
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  const values: Record<string, string> = failed && "values" in failed ? (failed.values as Record<string, string>) : {};
  const [scope, setScope] = useState(values.scope ?? (kind === "startup" ? "company" : "portfolio"));
  const [mode, setMode] = useState(values.mode ?? "live");
  const formKey = result?.ok ? `done-${result.id}` : "form";
  if (kind === "investor" && companies.length === 0) {
    return (
      <Card title="New share link">
        <EmptyState title="No companies to share">
          <p>Share links show companies that approved your access. Once a company shares its data with you, you can report on it here.</p>
        </EmptyState>
      </Card>
    );
  }
  return (
    <Card title="New share link">
      <Form method="post" className="space-y-4" noValidate key={formKey} aria-busy={navigation.state === "submitting" || undefined}>
        <FormError error={failed?.formError} />
        <Field label="Label" name="label" defaultValue={values.label} error={errors.label} hint="For you and the partner, e.g. “Q2 report for Acme LP”." required />
        {kind === "startup" ? (
          <input type="hidden" name="scope" value="company" />
        ) : (
          <SelectField
            label="Shows"
            name="scope"
            value={scope}
            onChange={(e) => setScope(e.target.value)}
            error={errors.scope}
            options={(["portfolio", "companies", "company"] as const).map((s) => ({ value: s, label: SCOPE_LABELS[s] }))}
          />
        )}
        {kind === "investor" && scope === "company" ? (
          <SelectField label="Company" name="companyId" defaultValue={values.companyId} error={errors.companyId} options={companies.map((c) => ({ value: c.id, label: c.name }))} />
        ) : null}
        {kind === "investor" && scope === "companies" ? (
          <fieldset aria-describedby={errors.companyIds ? "companyIds-error" : undefined}>
            <legend className="text-sm font-medium text-slate-700">Companies</legend>
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
          <legend className="text-sm font-medium text-slate-700">Sections</legend>
          {kind === "investor" ? <p className="text-xs text-slate-500">Each company shows only the sections its grant shares with you.</p> : null}
          <div className="mt-1 space-y-1">
            {SECTION_KEYS.map((key) => (
              <label key={key} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="sections" value={key} defaultChecked={key !== "updates"} className="mt-0.5" />
                <span>
                  {SECTION_LABELS[key]} <span className="block text-xs text-slate-500">{SECTION_HINTS[key]}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="sections-error" error={errors.sections} />
        </fieldset>
        <SelectField
          label="Figures"
          name="mode"
          value={mode}
          onChange={(e) => setMode(e.target.value)}
          error={errors.mode}
          options={[
            { value: "live", label: "Live: always the latest" },
            { value: "frozen", label: "Frozen at a month" },
          ]}
        />
        {mode === "frozen" ? (
          <Field label="Month (YYYY-MM)" name="frozenMonth" type="month" defaultValue={values.frozenMonth ?? defaultMonth} error={errors.frozenMonth} hint="The report shows this month's figures and never changes." />
        ) : null}
        <Field
          label="Expires after (days)"
          name="expiresInDays"
          type="number"
          min={1}
          max={SHARE_LINK_MAX_DAYS}
          defaultValue={values.expiresInDays ?? String(SHARE_LINK_DEFAULT_DAYS)}
          error={errors.expiresInDays}
          hint={`1 to ${SHARE_LINK_MAX_DAYS} days.`}
        />
        <Field label="Passphrase (optional)" name="passphrase" type="password" autoComplete="new-password" error={errors.passphrase} hint="At least 8 characters. Wrong guesses are throttled." />
        <SubmitButton intent="create" pendingText="Creating…">
          Create link
        </SubmitButton>
      </Form>
    </Card>
  );
}
