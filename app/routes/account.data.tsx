import "~/page-kit";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { AccountLinks } from "~/components/account-links";
import { AuthShell } from "~/components/auth-shell";
import { metaTitle, useT } from "~/i18n";
import { auth_data_body } from "~/paraglide/messages/auth_data_body.js";
import { auth_data_download } from "~/paraglide/messages/auth_data_download.js";
import { auth_data_metaTitle } from "~/paraglide/messages/auth_data_metatitle1.js";
import { auth_data_orgData } from "~/paraglide/messages/auth_data_orgdata1.js";
import { auth_data_title } from "~/paraglide/messages/auth_data_title.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_data_metaTitle)];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({});
}

/** What a person's own data export holds, and the download. */
export default function PersonalData() {
  const t = useT();
  return (
    <AuthShell title={t(auth_data_title)}>
      <p className="text-sm text-slate-700">{t(auth_data_body)}</p>
      <p className="mt-3 text-sm text-slate-600">{t(auth_data_orgData)}</p>
      <a href="/account/data.json" className="mt-6 inline-block rounded-md border border-slate-300 px-3 py-2 text-sm font-medium text-indigo-700" download>
        {t(auth_data_download)}
      </a>
      <AccountLinks current="data" />
    </AuthShell>
  );
}
