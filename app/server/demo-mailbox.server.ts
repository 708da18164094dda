/**
 * The demo mailbox (issue #16): with no SMTP relay nothing leaves the machine, so on the embedded
 * demo the person trying the app reads held mail in the app itself and can follow every link
 * (verification, reset, invitations). Those links are credentials for any account on that
 * database, so the page exists only where its reader is the machine's own user anyway: the
 * embedded database (whose files they can read), no relay configured, no public origin set, and
 * a request from this machine's loopback address. Everywhere else the route is a plain 404.
 */
export interface MailboxConditions {
  driver: "postgres" | "pglite";
  smtpUrl: string | undefined;
  appOrigin: string | undefined;
  clientIp: string;
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

export function demoMailboxAvailable({ driver, smtpUrl, appOrigin, clientIp }: MailboxConditions): boolean {
  return driver === "pglite" && !smtpUrl && !appOrigin && LOOPBACK.test(clientIp);
}
