import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { mailOutbox } from "../../db/schema";
import { withSystem } from "../../db/tenant";

/** Every message queued to `email` (newest first), read through the system door; `kind` narrows it. */
export async function mailTo(database: Database, email: string, kind?: string) {
  return withSystem(database.db, (tx) =>
    tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toEmail, email.toLowerCase()), kind ? eq(mailOutbox.kind, kind) : undefined))
      .orderBy(desc(mailOutbox.createdAt)),
  );
}

/** The newest message to `email` (of `kind`), or null. */
export async function latestMail(database: Database, email: string, kind?: string) {
  return (await mailTo(database, email, kind))[0] ?? null;
}

/** The token at the end of the first link in `body` under `path` (e.g. "/reset-password"). */
export function linkToken(body: string, path: string): string {
  const match = body.match(new RegExp(`${path}/([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in the mail`);
  return match[1];
}
