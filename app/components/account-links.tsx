import { Link } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { useT } from "~/i18n";
import { auth_account_email } from "~/paraglide/messages/auth_account_email.js";
import { auth_account_links } from "~/paraglide/messages/auth_account_links.js";
import { auth_account_sessions } from "~/paraglide/messages/auth_account_sessions.js";
import { auth_notify_title } from "~/paraglide/messages/auth_notify_title.js";
import { auth_password_back } from "~/paraglide/messages/auth_password_back.js";
import { auth_password_title } from "~/paraglide/messages/auth_password_title.js";
import { auth_password_yourData } from "~/paraglide/messages/auth_password_yourdata1.js";
import { auth_twoFactor_title } from "~/paraglide/messages/auth_twofactor_title1.js";
import { deletion_account_link } from "~/paraglide/messages/deletion_account_link.js";

type AccountPage = "password" | "email" | "two-factor" | "sessions" | "notifications" | "data" | "delete";

/**
 * The account pages link to each other and back to the app, so a person finds their data
 * download and account deletion from any of them (not only from the password page).
 */
export function AccountLinks({ current }: { current: AccountPage }) {
  const t = useT();
  const pages: { page: AccountPage; to: string; text: string; tone: string }[] = [
    { page: "password", to: "/account/password", text: t(auth_password_title), tone: "text-indigo-700" },
    { page: "email", to: "/account/email", text: t(auth_account_email), tone: "text-indigo-700" },
    { page: "two-factor", to: "/account/two-factor", text: t(auth_twoFactor_title), tone: "text-indigo-700" },
    { page: "sessions", to: "/account/sessions", text: t(auth_account_sessions), tone: "text-indigo-700" },
    { page: "notifications", to: "/account/notifications", text: t(auth_notify_title), tone: "text-indigo-700" },
    { page: "data", to: "/account/data", text: t(auth_password_yourData), tone: "text-indigo-700" },
    { page: "delete", to: "/account/delete", text: t(deletion_account_link), tone: "text-red-700" },
  ];
  return (
    <nav className="mt-6 flex flex-wrap gap-4 text-sm" aria-label={t(auth_account_links)}>
      {pages
        .filter((p) => p.page !== current)
        .map((p) => (
          <Link key={p.page} to={p.to} className={`${p.tone} underline`}>
            {p.text}
          </Link>
        ))}
      <TextLink to="/">{t(auth_password_back)}</TextLink>
    </nav>
  );
}
