import "~/page-kit";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { endSession } from "~/auth/session.server";
import { requireSystemSession } from "~/auth/system.server";
import { AccountLinks } from "~/components/account-links";
import { AuthShell } from "~/components/auth-shell";
import { SubmitButton } from "~/components/ui/form";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { metaTitle, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { deviceLabel } from "~/lib/user-agent";
import { endAccountSession, endOtherAccountSessions, listAccountSessions } from "~/models/account-session.server";
import { formFailure, parseForm } from "~/server/forms.server";
import { notFound } from "~/server/http.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { auth_sessions_actions } from "~/paraglide/messages/auth_sessions_actions.js";
import { auth_sessions_address } from "~/paraglide/messages/auth_sessions_address.js";
import { auth_sessions_caption } from "~/paraglide/messages/auth_sessions_caption.js";
import { auth_sessions_created } from "~/paraglide/messages/auth_sessions_created.js";
import { auth_sessions_device } from "~/paraglide/messages/auth_sessions_device.js";
import { auth_sessions_endedOne } from "~/paraglide/messages/auth_sessions_endedone1.js";
import { auth_sessions_endedOthers } from "~/paraglide/messages/auth_sessions_endedothers1.js";
import { auth_sessions_endOne } from "~/paraglide/messages/auth_sessions_endone1.js";
import { auth_sessions_endOnePending } from "~/paraglide/messages/auth_sessions_endonepending2.js";
import { auth_sessions_endOthers } from "~/paraglide/messages/auth_sessions_endothers1.js";
import { auth_sessions_endOthersPending } from "~/paraglide/messages/auth_sessions_endotherspending2.js";
import { auth_sessions_intro } from "~/paraglide/messages/auth_sessions_intro.js";
import { auth_sessions_lastUsed } from "~/paraglide/messages/auth_sessions_lastused1.js";
import { auth_sessions_metaTitle } from "~/paraglide/messages/auth_sessions_metatitle1.js";
import { auth_sessions_onlyThis } from "~/paraglide/messages/auth_sessions_onlythis1.js";
import { auth_sessions_thisDevice } from "~/paraglide/messages/auth_sessions_thisdevice1.js";
import { auth_sessions_title } from "~/paraglide/messages/auth_sessions_title.js";
import { auth_sessions_unknownAddress } from "~/paraglide/messages/auth_sessions_unknownaddress1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_sessions_metaTitle)];

/** Decision 022: a person sees and ends only their own sessions; a handle that is not theirs is a 404. */
export async function loader({ request }: LoaderFunctionArgs) {
  const account = await requireSystemSession(request);
  const sessions = await listAccountSessions(account, account.sessionHandle);
  return json({ sessions });
}

const SessionsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("end"), session: z.string().max(64) }),
  z.object({ intent: z.literal("end-others") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const account = await requireSystemSession(request);
  const parsed = parseForm(SessionsSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale: getLocale(request), fieldErrors: parsed.fieldErrors });
  if (parsed.data.intent === "end-others") {
    await endOtherAccountSessions(account, account.sessionHandle);
    return redirectWithToast("/account/sessions", toast(auth_sessions_endedOthers));
  }
  if (parsed.data.session === account.sessionHandle) {
    // Signing out this very session is signing out: the cookie goes too.
    return redirect("/login", { headers: { "Set-Cookie": await endSession(request) } });
  }
  if (!(await endAccountSession(account, parsed.data.session))) notFound();
  return redirectWithToast("/account/sessions", toast(auth_sessions_endedOne));
}

export default function AccountSessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const t = useT();
  const f = useFormat();
  const others = sessions.filter((s) => !s.current).length;
  return (
    <AuthShell title={t(auth_sessions_title)}>
      <p className="mb-4 text-sm text-slate-700">{t(auth_sessions_intro)}</p>
      <Table caption={t(auth_sessions_caption)}>
        {/* On a phone the address and sign-in time sit under the device: five columns do not fit 375 px. */}
        <ColumnHeads
          heads={[
            t(auth_sessions_device),
            { label: t(auth_sessions_address), className: "hidden sm:table-cell" },
            { label: t(auth_sessions_created), className: "hidden sm:table-cell" },
            t(auth_sessions_lastUsed),
            { label: t(auth_sessions_actions), hidden: true },
          ]}
        />
        <tbody>
          {sessions.map((s) => (
            <Tr key={s.handle} top data-session={s.current ? "current" : "other"}>
              <Td>
                <span className="block">{deviceLabel(t, s.userAgent)}</span>
                <span className="block text-xs text-slate-600 sm:hidden">
                  <span className="break-all">{s.ipAddress || t(auth_sessions_unknownAddress)}</span> · {t(auth_sessions_created)}{" "}
                  {f.dateTime(String(s.createdAt))}
                </span>
                {s.current ? (
                  <span className="mt-1 inline-block rounded bg-indigo-50 px-1.5 text-xs font-medium text-indigo-800">{t(auth_sessions_thisDevice)}</span>
                ) : null}
              </Td>
              <Td className="hidden break-all sm:table-cell">{s.ipAddress || t(auth_sessions_unknownAddress)}</Td>
              <Td className="hidden sm:table-cell">{f.dateTime(String(s.createdAt))}</Td>
              <Td>{f.dateTime(String(s.lastUsedAt))}</Td>
              <Td last nowrap>
                {s.current ? null : (
                  <Form method="post">
                    <input type="hidden" name="session" value={s.handle} />
                    <SubmitButton intent="end" variant="secondary" pendingText={t(auth_sessions_endOnePending)}>
                      {t(auth_sessions_endOne)}
                    </SubmitButton>
                  </Form>
                )}
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      {others > 0 ? (
        <Form method="post" className="mt-4">
          <SubmitButton intent="end-others" variant="danger" pendingText={t(auth_sessions_endOthersPending)}>
            {t(auth_sessions_endOthers)}
          </SubmitButton>
        </Form>
      ) : (
        <p className="mt-4 text-sm text-slate-600">{t(auth_sessions_onlyThis)}</p>
      )}
      <AccountLinks current="sessions" />
    </AuthShell>
  );
}
