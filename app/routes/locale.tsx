import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getSessionUser } from "~/auth/session.server";
import { systemContext } from "~/auth/system.server";
import { isLocale, messageRef } from "~/i18n";
import { getLocale, localeCookie } from "~/i18n/locale.server";
import { formFailure } from "~/server/forms.server";
import { safeRedirect } from "~/lib/redirects";
import { setUserLocale } from "~/models/user.server";
import { layout_badLocale } from "~/paraglide/messages/layout_badlocale1.js";

/**
 * The language switch posts here (`locale`, `redirectTo`): the `lang` cookie remembers the
 * choice on this browser, and a signed-in user keeps it for their next sessions. Then back to
 * the page the switch was on (same-site paths only). A GET answers 405: nothing to show here.
 */
export function loader(): never {
  throw new Response("Method not allowed", { status: 405, statusText: "Method Not Allowed", headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  if (!isLocale(locale)) return formFailure({ locale: getLocale(request), fieldErrors: { locale: messageRef(layout_badLocale) } });
  const user = await getSessionUser(request);
  if (user) await setUserLocale(await systemContext(), user.id, locale);
  return redirect(safeRedirect(form.get("redirectTo")), { headers: { "Set-Cookie": localeCookie(locale) } });
}
