import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData, useNavigate } from "@remix-run/react";
import { requireOrgContext } from "~/auth/tenant.server";
import { can } from "~/auth/permissions";
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
  });
}

export default function OrgLayout() {
  const { user, org, role, orgs, canManage, canAudit } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const base = `/o/${org.slug}`;
  const nav = [
    { to: base, label: org.kind === "startup" ? "Dashboard" : "Overview", end: true },
    ...(org.kind === "startup"
      ? [
          { to: `${base}/reports`, label: "Monthly reports" },
          { to: `${base}/budgets`, label: "Budgets" },
          { to: `${base}/rounds`, label: "Funding rounds" },
          { to: `${base}/debt`, label: "Debt" },
          { to: `${base}/risks`, label: "Risks" },
          { to: `${base}/investors`, label: "Investors" },
        ]
      : [
          { to: `${base}/portfolio`, label: "Portfolio" },
          { to: `${base}/alerts`, label: "Alerts" },
          { to: `${base}/companies`, label: "Companies" },
          { to: `${base}/positions`, label: "Positions" },
          { to: `${base}/fx`, label: "FX rates" },
        ]),
    { to: `${base}/members`, label: "Members" },
    ...(canManage ? [{ to: `${base}/share-links`, label: "Share links" }] : []),
    ...(canManage ? [{ to: `${base}/settings`, label: "Settings" }] : []),
    ...(canAudit ? [{ to: `${base}/audit`, label: "Audit log" }] : []),
  ];
  return (
    <div className="min-h-screen">
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-3 px-4 py-3">
          <a href="/" className="font-bold text-indigo-700">
            Capital Desk
          </a>
          <label className="sr-only" htmlFor="org-switcher">
            Organisation
          </label>
          <select
            id="org-switcher"
            className="rounded-md border border-slate-300 px-2 py-1 text-sm"
            value={org.slug}
            onChange={(e) => navigate(`/o/${e.target.value}`)}
          >
            {orgs.map((o) => (
              <option key={o.slug} value={o.slug}>
                {o.name} ({o.kind})
              </option>
            ))}
          </select>
          <a href="/orgs/new" className="text-sm text-indigo-700 underline">
            New organisation
          </a>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-slate-600">
              {user.name} · <span data-testid="current-role">{role}</span>
            </span>
            <a href="/account/password" className="text-indigo-700 underline">
              Password
            </a>
            <Form method="post" action="/logout">
              <button type="submit" className="rounded-md border border-slate-300 px-2 py-1">
                Log out
              </button>
            </Form>
          </div>
        </div>
        <nav aria-label="Sections" className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4">
          {nav.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                `whitespace-nowrap border-b-2 px-3 py-2 text-sm ${isActive ? "border-indigo-600 font-semibold text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`
              }
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        <Outlet />
      </main>
    </div>
  );
}
