import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useNavigate } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { can } from "~/auth/permissions";
import { LanguageSwitch } from "~/components/language-switch";
import { SubmitButton } from "~/components/ui/form";
import { useFormat, useT, type PlainKey } from "~/i18n";
import { listOrgsForUser } from "~/models/org.server";
import { common_appName } from "~/paraglide/messages/common_appname1.js";
import { common_orgKind_investor } from "~/paraglide/messages/common_orgkind_investor1.js";
import { common_orgKind_startup } from "~/paraglide/messages/common_orgkind_startup1.js";
import { common_role_admin } from "~/paraglide/messages/common_role_admin.js";
import { common_role_member } from "~/paraglide/messages/common_role_member.js";
import { common_role_owner } from "~/paraglide/messages/common_role_owner.js";
import { common_role_viewer } from "~/paraglide/messages/common_role_viewer.js";
import { deletion_banner_askOwner } from "~/paraglide/messages/deletion_banner_askowner1.js";
import { deletion_banner_text } from "~/paraglide/messages/deletion_banner_text.js";
import { deletion_org_undo } from "~/paraglide/messages/deletion_org_undo.js";
import { deletion_org_undoPending } from "~/paraglide/messages/deletion_org_undopending1.js";
import { layout_logOut } from "~/paraglide/messages/layout_logout1.js";
import { layout_nav_alerts } from "~/paraglide/messages/layout_nav_alerts.js";
import { layout_nav_audit } from "~/paraglide/messages/layout_nav_audit.js";
import { layout_nav_budgets } from "~/paraglide/messages/layout_nav_budgets.js";
import { layout_nav_companies } from "~/paraglide/messages/layout_nav_companies.js";
import { layout_nav_dashboard } from "~/paraglide/messages/layout_nav_dashboard.js";
import { layout_nav_debt } from "~/paraglide/messages/layout_nav_debt.js";
import { layout_nav_fx } from "~/paraglide/messages/layout_nav_fx.js";
import { layout_nav_investors } from "~/paraglide/messages/layout_nav_investors.js";
import { layout_nav_members } from "~/paraglide/messages/layout_nav_members.js";
import { layout_nav_overview } from "~/paraglide/messages/layout_nav_overview.js";
import { layout_nav_portfolio } from "~/paraglide/messages/layout_nav_portfolio.js";
import { layout_nav_positions } from "~/paraglide/messages/layout_nav_positions.js";
import { layout_nav_reports } from "~/paraglide/messages/layout_nav_reports.js";
import { layout_nav_risks } from "~/paraglide/messages/layout_nav_risks.js";
import { layout_nav_rounds } from "~/paraglide/messages/layout_nav_rounds.js";
import { layout_nav_settings } from "~/paraglide/messages/layout_nav_settings.js";
import { layout_nav_shareLinks } from "~/paraglide/messages/layout_nav_sharelinks1.js";
import { layout_newOrg } from "~/paraglide/messages/layout_neworg1.js";
import { layout_orgOption } from "~/paraglide/messages/layout_orgoption1.js";
import { layout_orgSwitcher } from "~/paraglide/messages/layout_orgswitcher1.js";
import { layout_password } from "~/paraglide/messages/layout_password.js";
import { layout_sections } from "~/paraglide/messages/layout_sections.js";
import { layout_skipToContent } from "~/paraglide/messages/layout_skiptocontent2.js";

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
    { to: base, label: org.kind === "startup" ? layout_nav_dashboard : layout_nav_overview, end: true },
    ...(org.kind === "startup"
      ? [
          { to: `${base}/reports`, label: layout_nav_reports },
          { to: `${base}/budgets`, label: layout_nav_budgets },
          { to: `${base}/rounds`, label: layout_nav_rounds },
          { to: `${base}/debt`, label: layout_nav_debt },
          { to: `${base}/risks`, label: layout_nav_risks },
          { to: `${base}/investors`, label: layout_nav_investors },
        ]
      : [
          { to: `${base}/portfolio`, label: layout_nav_portfolio },
          { to: `${base}/alerts`, label: layout_nav_alerts },
          { to: `${base}/companies`, label: layout_nav_companies },
          { to: `${base}/positions`, label: layout_nav_positions },
          { to: `${base}/fx`, label: layout_nav_fx },
        ]),
    { to: `${base}/members`, label: layout_nav_members },
    ...(canManage ? [{ to: `${base}/share-links`, label: layout_nav_shareLinks }] : []),
    ...(canManage ? [{ to: `${base}/settings`, label: layout_nav_settings }] : []),
    ...(canAudit ? [{ to: `${base}/audit`, label: layout_nav_audit }] : []),
  ];
  return (
    <div className="min-h-screen">
      {/* The first Tab stop: past the header and the section links to the page itself. */}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-indigo-700 focus:shadow-lg"
      >
        {t(layout_skipToContent)}
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
          <a href="/" className="font-bold text-indigo-700">
            {t(common_appName)}
          </a>
          <label className="sr-only" htmlFor="org-switcher">
            {t(layout_orgSwitcher)}
          </label>
          <select
            id="org-switcher"
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
            value={org.slug}
            onChange={(e) => navigate(`/o/${e.target.value}`)}
          >
            {orgs.map((o) => (
              <option key={o.slug} value={o.slug}>
                {t(layout_orgOption, { name: o.name, kind: t({ investor: common_orgKind_investor, startup: common_orgKind_startup }[o.kind]) })}
              </option>
            ))}
          </select>
          <a href="/orgs/new" className="text-sm text-indigo-700 underline">
            {t(layout_newOrg)}
          </a>
          <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
            <span className="text-slate-600">
              {user.name} ·{" "}
              <span data-testid="current-role">
                {t({ admin: common_role_admin, member: common_role_member, owner: common_role_owner, viewer: common_role_viewer }[role])}
              </span>
            </span>
            <LanguageSwitch />
            <a href="/account/password" className="text-indigo-700 underline">
              {t(layout_password)}
            </a>
            <Form method="post" action="/logout">
              <button type="submit" className="rounded-md border border-slate-300 px-2 py-1">
                {t(layout_logOut)}
              </button>
            </Form>
          </div>
        </div>
        <nav aria-label={t(layout_sections)} className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4 sm:flex-wrap">
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
          <div
            data-testid="deletion-banner"
            className="mb-6 flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900"
          >
            <p className="flex-1">
              {t(deletion_banner_text, { org: org.name, date: f.dateTime(org.purgeAfter) })}
              {canDelete ? null : <> {t(deletion_banner_askOwner)}</>}
            </p>
            {canDelete ? (
              <Form method="post" action={`${base}/delete`}>
                <SubmitButton intent="undo" variant="secondary" pendingText={t(deletion_org_undoPending)}>
                  {t(deletion_org_undo)}
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
