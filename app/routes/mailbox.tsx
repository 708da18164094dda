import "~/page-kit";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { systemContext } from "~/auth/system.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";
import { getEnv } from "~/env.server";
import { metaTitle, useFormat, useT } from "~/i18n";
import { getUnsentMail, listUnsentMail } from "~/models/mail-outbox.server";
import { demoMailboxAvailable } from "~/server/demo-mailbox.server";
import { notFound } from "~/server/http.server";
import { auth_mailbox_back } from "~/paraglide/messages/auth_mailbox_back.js";
import { auth_mailbox_caption } from "~/paraglide/messages/auth_mailbox_caption.js";
import { auth_mailbox_col_subject } from "~/paraglide/messages/auth_mailbox_col_subject.js";
import { auth_mailbox_col_time } from "~/paraglide/messages/auth_mailbox_col_time.js";
import { auth_mailbox_col_to } from "~/paraglide/messages/auth_mailbox_col_to.js";
import { auth_mailbox_empty } from "~/paraglide/messages/auth_mailbox_empty.js";
import { auth_mailbox_intro } from "~/paraglide/messages/auth_mailbox_intro.js";
import { auth_mailbox_metaTitle } from "~/paraglide/messages/auth_mailbox_metatitle1.js";
import { auth_mailbox_title } from "~/paraglide/messages/auth_mailbox_title.js";
import { auth_mailbox_to } from "~/paraglide/messages/auth_mailbox_to.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, auth_mailbox_metaTitle)];

/** The demo's mailbox (app/server/demo-mailbox.server.ts says when it exists); `?id=` opens one message. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const system = await systemContext();
  const env = getEnv();
  if (!demoMailboxAvailable({ driver: system.driver, smtpUrl: env.SMTP_URL, appOrigin: env.APP_ORIGIN, clientIp: context.clientIp })) notFound();
  const id = new URL(request.url).searchParams.get("id");
  if (id !== null) {
    const message = await getUnsentMail(system, id);
    if (!message) notFound();
    return json({ messages: null, message }, { headers: { "Cache-Control": "no-store" } });
  }
  return json({ messages: await listUnsentMail(system), message: null }, { headers: { "Cache-Control": "no-store" } });
}

const LINK = /(https?:\/\/[^\s<>"']+)/;

/** A line of a message's text with its links clickable (React escapes the rest). */
function LineWithLinks({ line }: { line: string }) {
  return (
    <p className="mb-3 break-words">
      {line.split(LINK).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="text-indigo-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}

export default function Mailbox() {
  const { messages, message } = useLoaderData<typeof loader>();
  const t = useT();
  const f = useFormat();
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-4 py-8">
      <h1 className="text-2xl font-bold">{t(auth_mailbox_title)}</h1>
      <p className="text-sm text-slate-700">{t(auth_mailbox_intro)}</p>
      {message ? (
        <article className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="mailbox-message">
          <p>
            <Link to="/mailbox" className="text-indigo-700 underline">
              {t(auth_mailbox_back)}
            </Link>
          </p>
          <h2 className="mt-3 text-lg font-semibold">{message.subject}</h2>
          <p className="mb-4 text-slate-600">
            {t(auth_mailbox_to, { email: message.toEmail })} · {f.dateTime(message.createdAt)}
          </p>
          {message.text
            .split("\n")
            .filter((line) => line.trim() !== "")
            .map((line, i) => (
              <LineWithLinks key={i} line={line} />
            ))}
        </article>
      ) : messages && messages.length > 0 ? (
        <Table caption={t(auth_mailbox_caption)}>
          <TableHead>
            <Th>{t(auth_mailbox_col_to)}</Th>
            <Th>{t(auth_mailbox_col_subject)}</Th>
            <Th>{t(auth_mailbox_col_time)}</Th>
          </TableHead>
          <tbody>
            {messages.map((m) => (
              <Tr key={m.id}>
                <Td>{m.toEmail}</Td>
                <Td>
                  <Link to={`/mailbox?id=${m.id}`} className="text-indigo-700 underline">
                    {m.subject}
                  </Link>
                </Td>
                <Td nowrap>{f.dateTime(m.createdAt)}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{t(auth_mailbox_empty)}</p>
      )}
    </main>
  );
}
