import { useEffect, useRef } from "react";
import { Form, NavLink, useLocation, useNavigate } from "@remix-run/react";
import { LanguageSwitch } from "~/components/language-switch";
import { useT, type PlainKey } from "~/i18n";
import { common_appName } from "~/paraglide/messages/common_appname1.js";
import { common_orgKind_investor } from "~/paraglide/messages/common_orgkind_investor1.js";
import { common_orgKind_startup } from "~/paraglide/messages/common_orgkind_startup1.js";
import { layout_logOut } from "~/paraglide/messages/layout_logout1.js";
import { layout_menu } from "~/paraglide/messages/layout_menu.js";
import { layout_newOrg } from "~/paraglide/messages/layout_neworg1.js";
import { layout_orgOption } from "~/paraglide/messages/layout_orgoption1.js";
import { layout_orgSwitcher } from "~/paraglide/messages/layout_orgswitcher1.js";
import { layout_password } from "~/paraglide/messages/layout_password.js";
import { layout_sections } from "~/paraglide/messages/layout_sections.js";
import { ROLE_LABELS } from "~/domain/role-labels";

export interface NavItem {
  to: string;
  label: PlainKey;
  /** Active only on this exact path (the org's home), not below it. */
  end?: boolean;
}

type Role = "owner" | "admin" | "member" | "viewer";

function tabClass(isActive: boolean) {
  return `whitespace-nowrap border-b-2 px-3 py-2 text-sm ${isActive ? "border-indigo-600 font-semibold text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`;
}

/**
 * The org's header. From 640 px up: app name, org switcher and account links on one row, the
 * sections as tabs below. On a phone (issue #15 item 19) the header is one row — app name, org
 * switcher (the widest part: org names are long) and a Menu button — and the sections, with the
 * current one marked, and the account links open below it. The menu is a <details> element, so it works without JavaScript; with it, the
 * menu closes when a link is followed.
 */
export function OrgHeader({
  user,
  org,
  role,
  orgs,
  nav,
}: {
  user: { name: string };
  org: { slug: string };
  role: Role;
  orgs: { slug: string; name: string; kind: "startup" | "investor" }[];
  nav: readonly NavItem[];
}) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const menu = useRef<HTMLDetailsElement>(null);
  // A followed link keeps this layout mounted: close the menu so the new page shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the location change is the trigger, not a value read here
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.key]);
  // The test id marks one copy only (the menu's copy is hidden from 640 px up, the other below).
  const who = (testId?: string) => (
    <span className="text-slate-600">
      {user.name} · <span data-testid={testId}>{t(ROLE_LABELS[role])}</span>
    </span>
  );
  const logOut = (
    <Form method="post" action="/logout">
      <button type="submit" className="rounded-md border border-slate-300 px-2 py-1">
        {t(layout_logOut)}
      </button>
    </Form>
  );
  return (
    <header className="no-print relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-2 sm:flex-wrap sm:py-3">
        <a href="/" className="shrink-0 font-bold text-indigo-700">
          {t(common_appName)}
        </a>
        <label className="sr-only" htmlFor="org-switcher">
          {t(layout_orgSwitcher)}
        </label>
        <select
          id="org-switcher"
          className="min-w-0 flex-1 truncate rounded-md border border-slate-300 px-2 py-1 text-sm sm:max-w-xs sm:flex-none"
          value={org.slug}
          onChange={(e) => navigate(`/o/${e.target.value}`)}
        >
          {orgs.map((o) => (
            <option key={o.slug} value={o.slug}>
              {t(layout_orgOption, { name: o.name, kind: t({ investor: common_orgKind_investor, startup: common_orgKind_startup }[o.kind]) })}
            </option>
          ))}
        </select>
        <a href="/orgs/new" className="hidden text-sm text-indigo-700 underline sm:inline">
          {t(layout_newOrg)}
        </a>
        <div className="ml-auto hidden flex-wrap items-center gap-3 text-sm sm:flex" data-testid="account-links">
          {who("current-role")}
          <LanguageSwitch />
          <a href="/account/password" className="text-indigo-700 underline">
            {t(layout_password)}
          </a>
          {logOut}
        </div>
        <details ref={menu} className="shrink-0 sm:hidden" data-testid="phone-menu">
          <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 px-2 py-1 text-sm font-semibold text-slate-800 [&::-webkit-details-marker]:hidden">
            <span aria-hidden="true">☰</span>
            <span>{t(layout_menu)}</span>
          </summary>
          <div className="absolute inset-x-0 top-full z-40 border-b border-slate-200 bg-white px-4 pb-4 shadow-lg">
            <nav aria-label={t(layout_menu)} className="grid grid-cols-2 gap-x-2 border-b border-slate-100 py-2">
              {nav.map((item) => (
                <NavLink
                  key={item.to}
                  to={item.to}
                  end={item.end}
                  className={({ isActive }) => `rounded-md px-2 py-2 text-sm ${isActive ? "bg-indigo-50 font-semibold text-indigo-700" : "text-slate-700"}`}
                >
                  {t(item.label)}
                </NavLink>
              ))}
            </nav>
            <div className="flex flex-wrap items-center gap-3 pt-3 text-sm">
              {who()}
              <LanguageSwitch />
              <a href="/account/password" className="text-indigo-700 underline">
                {t(layout_password)}
              </a>
              <a href="/orgs/new" className="text-indigo-700 underline">
                {t(layout_newOrg)}
              </a>
              {logOut}
            </div>
          </div>
        </details>
      </div>
      <nav aria-label={t(layout_sections)} className="mx-auto hidden max-w-6xl flex-wrap gap-1 px-4 sm:flex">
        {nav.map((item) => (
          <NavLink key={item.to} to={item.to} end={item.end} className={({ isActive }) => tabClass(isActive)}>
            {t(item.label)}
          </NavLink>
        ))}
      </nav>
    </header>
  );
}
