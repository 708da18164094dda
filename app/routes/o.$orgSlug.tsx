import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useNavigate } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { can } from "~/auth/permissions";
import { LanguageSwitch } from "~/components/language-switch";
import { SubmitButton } from "~/components/ui/form";
import { useFormat, useT, type PlainKey } from "~/i18n";
import { listOrgsForUser } from "~/models/org.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  const orgs = await listOrgsForUser(ctx.db, ctx.user.id);
  return json({
    user: ctx.user,
    org: ctx.org,
    role: ctx.role,
    orgs: orgs.map((o) => ({ slug: o.slug, name: o.name, kind: o.kind })),
    canManage: can(ctx.role, "manage:members"),
    canAudit: can(ctx.role, "read:audit"),
    canDelete: can(ctx.role, "delete:org"),
  });
}

export default function OrgLayout() {
  const { user, org, role, orgs, canManage, canAudit, canDelete } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const t = useT();
  const f = useFormat();
  const base = `/o/${org.slug}`;
  const nav: { to: string; label: PlainKey; end?: boolean }[] = [
    { to: base, label: org.kind === "startup" ? "layout.nav.dashboard" : "layout.nav.overview", end: true },
    ...(org.kind === "startup"
      ? [
          { to: `${base}/reports`, label: "layout.nav.reports" as const },
          { to: `${base}/budgets`, label: "layout.nav.budgets" as const },
          { to: `${base}/rounds`, label: "layout.nav.rounds" as const },
          { to: `${base}/debt`, label: "layout.nav.debt" as const },
          { to: `${base}/risks`, label: "layout.nav.risks" as const },
          { to: `${base}/investors`, label: "layout.nav.investors" as const },
        ]
      : [
          { to: `${base}/portfolio`, label: "layout.nav.portfolio" as const },
          { to: `${base}/alerts`, label: "layout.nav.alerts" as const },
          { to: `${base}/companies`, label: "layout.nav.companies" as const },
          { to: `${base}/positions`, label: "layout.nav.positions" as const },
          { to: `${base}/fx`, label: "layout.nav.fx" as const },
        ]),
    { to: `${base}/members`, label: "layout.nav.members" },
    ...(canManage ? [{ to: `${base}/share-links`, label: "layout.nav.shareLinks" as const }] : []),
    ...(canManage ? [{ to: `${base}/settings`, label: "layout.nav.settings" as const }] : []),
    ...(canAudit ? [{ to: `${base}/audit`, label: "layout.nav.audit" as const }] : []),
  ];
  return (
    <div className="min-h-screen">
      {/* The first Tab stop: past the header and the section links to the page itself. */}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-indigo-700 focus:shadow-lg"
      >
        {t("layout.skipToContent")}
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
          <a href="/" className="font-bold text-indigo-700">
            {t("common.appName")}
          </a>
          <label className="sr-only" htmlFor="org-switcher">
            {t("layout.orgSwitcher")}
          </label>
          <select
            id="org-switcher"
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
            value={org.slug}
            onChange={(e) => navigate(`/o/${e.target.value}`)}
          >
            {orgs.map((o) => (
              <option key={o.slug} value={o.slug}>
                {t("layout.orgOption", { name: o.name, kind: t(`common.orgKind.${o.kind}`) })}
              </option>
            ))}
          </select>
          <a href="/orgs/new" className="text-sm text-indigo-700 underline">
            {t("layout.newOrg")}
          </a>
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <span className="text-slate-600">
              {user.name} · <span data-testid="current-role">{t(`common.role.${role}`)}</span>
            </span>
            <LanguageSwitch />
            <a href="/account/password" className="text-indigo-700 underline">
              {t("layout.password")}
            </a>
            <Form method="post" action="/logout">
              <button type="submit" className="rounded-md border border-slate-300 px-2 py-1">
                {t("layout.logOut")}
              </button>
            </Form>
          </div>
        </div>
        <nav aria-label={t("layout.sections")} className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4 sm:flex-wrap">
          {nav.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                `whitespace-nowrap border-b-2 px-3 py-2 text-sm ${isActive ? "border-indigo-600 font-semibold text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`
              }
            >
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
        {org.purgeAfter ? (
          <div data-testid="deletion-banner" className="mb-6 flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            <p className="flex-1">
              {t("deletion.banner.text", { org: org.name, date: f.dateTime(org.purgeAfter) })}
              {canDelete ? null : <> {t("deletion.banner.askOwner")}</>}
            </p>
            {canDelete ? (
              <Form method="post" action={`${base}/delete`}>
                <SubmitButton intent="undo" variant="secondary" pendingText={t("deletion.org.undoPending")}>
                  {t("deletion.org.undo")}
                </SubmitButton>
              </Form>
            ) : null}
          </div>
        ) : null}
        <Outlet />
      </main>
    </div>
  );
}
