import { describe, expect, it } from "vitest";
import { demoMailboxAvailable, type MailboxConditions } from "./demo-mailbox.server";

const demo: MailboxConditions = { driver: "pglite", smtpUrl: undefined, appOrigin: undefined, clientIp: "127.0.0.1" };

describe("the demo mailbox is there only for the embedded demo's own machine", () => {
  it("opens on the embedded database, no relay, no public origin, from loopback (v4, v6, mapped)", () => {
    for (const clientIp of ["127.0.0.1", "127.0.0.2", "::1", "::ffff:127.0.0.1"]) expect(demoMailboxAvailable({ ...demo, clientIp })).toBe(true);
  });

  it("is a 404 on PostgreSQL, with a relay, with a public origin, or from any other address", () => {
    expect(demoMailboxAvailable({ ...demo, driver: "postgres" })).toBe(false);
    expect(demoMailboxAvailable({ ...demo, smtpUrl: "smtp://relay.example:587" })).toBe(false);
    expect(demoMailboxAvailable({ ...demo, appOrigin: "https://desk.example.com" })).toBe(false);
    for (const clientIp of ["10.0.0.5", "192.168.1.20", "::ffff:10.0.0.5", "2001:db8::1", "1127.0.0.1", ""]) {
      expect(demoMailboxAvailable({ ...demo, clientIp }), clientIp).toBe(false);
    }
  });
});
