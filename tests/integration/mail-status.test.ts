import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSystem } from "../../db/tenant";
import { createInvitation } from "../../app/models/invitation.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { twoStartups, type TwoStartups } from "../support/factories";

/*
 * The org's mail and its delivery status on the settings page (issue #16): owners and admins
 * see their own org's messages — never the message itself — and nobody else sees them.
 */

let app: TestApp;
let cast: TwoStartups;
const INVITEE = `status-invitee-${Date.now()}@example.test`;

beforeAll(async () => {
  app = await startTestApp();
  cast = await twoStartups(app, "Alpha Status", "Beta Status");
  const { link } = await createInvitation(cast.alpha.ctx, { email: INVITEE, role: "member" }, "https://desk.example.test");
  // As the worker leaves it after a refused attempt.
  await withSystem(app.database.db, (tx) =>
    tx.execute(sql`update mail_outbox set status = 'retrying', attempts = 1, last_error = '451: Try again later' where to_email = ${INVITEE}`),
  );
  expect(link).toContain("/invite/");
}, 60_000);

afterAll(() => app.close());

describe("the Mail table on the settings page", () => {
  it("shows the owner the org's messages with status, attempts and last error — not their link", async () => {
    const response = await cast.alphaOwner.get(`/o/${cast.alpha.org.slug}/settings`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(INVITEE);
    expect(html).toContain("Retrying");
    expect(html).toContain("451: Try again later");
    expect(html).not.toContain("/invite/");
  });

  it("another tenant's owner gets 404 on this org's settings and sees none of its mail on their own", async () => {
    expect((await cast.betaOwner.get(`/o/${cast.alpha.org.slug}/settings`)).status).toBe(404);
    const own = await cast.betaOwner.get(`/o/${cast.beta.org.slug}/settings`);
    expect(own.status).toBe(200);
    const html = await own.text();
    expect(html).not.toContain(INVITEE);
    expect(html).toContain("No mail sent yet.");
  });

  it("a member or viewer of the org does not get the page", async () => {
    for (const client of [cast.alphaMember, cast.alphaViewer]) {
      const response = await client.get(`/o/${cast.alpha.org.slug}/settings`);
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain(INVITEE);
    }
  });
});
