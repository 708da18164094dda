import "~/page-kit";
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Outlet, useLoaderData } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { can } from "~/auth/permissions";
import { OrgHeader, type NavItem } from "~/components/org-header";
import { SubmitButton } from "~/components/ui/form";
import { useFormat, useT } from "~/i18n";
import { listOrgsForUser } from "~/models/org.server";
import { deletion_banner_askOwner } from "~/paraglide/messages/deletion_banner_askowner1.js";
import { deletion_banner_text } from "~/paraglide/messages/deletion_banner_text.js";
import { deletion_org_undo } from "~/paraglide/messages/deletion_org_undo.js";
import { deletion_org_undoPending } from "~/paraglide/messages/deletion_org_undopending1.js";
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
import { layout_nav_metrics } from "~/paraglide/messages/layout_nav_metrics.js";
import { layout_nav_collection } from "~/paraglide/messages/layout_nav_collection.js";
import { layout_nav_requests } from "~/paraglide/messages/layout_nav_requests.js";
import { layout_nav_risks } from "~/paraglide/messages/layout_nav_risks.js";
import { layout_nav_rounds } from "~/paraglide/messages/layout_nav_rounds.js";
import { layout_nav_settings } from "~/paraglide/messages/layout_nav_settings.js";
import { layout_nav_shareLinks } from "~/paraglide/messages/layout_nav_sharelinks1.js";
import { TextLink } from "~/components/ui/button";
import { layout_nav_updates } from "~/paraglide/messages/layout_nav_updates.js";
import { layout_skipToContent } from "~/paraglide/messages/layout_skiptocontent2.js";
import { auth_verify_banner } from "~/paraglide/messages/auth_verify_banner.js";
import { auth_verify_resend } from "~/paraglide/messages/auth_verify_resend.js";

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
  const t = useT();
  const f = useFormat();
  const base = `/o/${org.slug}`;
  const nav: NavItem[] = [
    org.kind === "startup" ? { to: base, label: layout_nav_dashboard, end: true } : { to: `${base}/overview`, label: layout_nav_overview },
    ...(org.kind === "startup"
      ? [
          { to: `${base}/reports`, label: layout_nav_reports },
          { to: `${base}/budgets`, label: layout_nav_budgets },
          { to: `${base}/rounds`, label: layout_nav_rounds },
          { to: `${base}/debt`, label: layout_nav_debt },
          { to: `${base}/risks`, label: layout_nav_risks },
          { to: `${base}/metrics`, label: layout_nav_metrics },
          { to: `${base}/requests`, label: layout_nav_requests },
          { to: `${base}/investors`, label: layout_nav_investors },
          { to: `${base}/updates`, label: layout_nav_updates },
        ]
      : [
          { to: `${base}/portfolio`, label: layout_nav_portfolio },
          { to: `${base}/alerts`, label: layout_nav_alerts },
          { to: `${base}/collection`, label: layout_nav_collection },
          { to: `${base}/companies`, label: layout_nav_companies },
          { to: `${base}/updates`, label: layout_nav_updates },
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
      <OrgHeader user={user} org={org} role={role} orgs={orgs} nav={nav} />
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
        {/* Decision 017: until the address is proven nobody can share with this person by it — say so on every page. */}
        {user.emailVerified === false ? (
          <p data-testid="verify-banner" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950 print:hidden">
            {t(auth_verify_banner, { email: user.email })}{" "}
            <TextLink to="/verify-email" className="font-medium">
              {t(auth_verify_resend)}
            </TextLink>
          </p>
        ) : null}
        <Outlet />
      </main>
    </div>
  );
}
