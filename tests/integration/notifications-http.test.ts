import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox, notificationPreferences, orgs } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { requestAccess } from "../../app/models/access-grant.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { makeOrgWithOwner, type Org } from "../support/factories";
import { linkToken } from "../support/outbox";
import { routeData } from "../support/route-data";
import { first } from "../support/at";
import { pageOf } from "../support/shown-page";

/*
 * The notification pages over HTTP (decision 023): a person's own settings, and the one-click
 * unsubscribe a mail client posts with no session and no Origin — the one path the Origin
 * check lets through; every other mutation is still refused without it.
 */

let app: TestApp;
let startup: Org;
let investor: Org;
let token: string;

async function preferencesOf(userId: string) {
  return withSystem(app.database.db, (tx) =>
    tx
      .select({ kind: notificationPreferences.kind, setting: notificationPreferences.setting })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId))
      .orderBy(notificationPreferences.kind),
  );
}

async function allPreferences() {
  return withSystem(app.database.db, (tx) => tx.select().from(notificationPreferences).orderBy(notificationPreferences.userId, notificationPreferences.kind));
}

/** A POST as a mail client sends it for RFC 8058: no cookie, no Origin, no Sec-Fetch-Site. */
function oneClick(path: string) {
  return fetch(app.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
}

beforeAll(async () => {
  app = await startTestApp();
  startup = await makeOrgWithOwner(app.database, "startup", "Meadow Foods");
  investor = await makeOrgWithOwner(app.database, "investor", "Granite Capital");
  const [code] = await withSystem(app.database.db, (tx) => tx.select({ code: orgs.shareCode }).from(orgs).where(eq(orgs.id, startup.org.id)));
  await requestAccess(investor.ctx, { via: code?.code }, { origin: app.url });
  const row = first(
    await withSystem(app.database.db, (tx) =>
      tx
        .select({ body: mailOutbox.body })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.toEmail, startup.owner.email), eq(mailOutbox.kind, "access_requested"))),
    ),
  );
  token = linkToken(row.body, "/unsubscribe");
}, 240_000);
afterAll(() => app.close());

describe("one-click unsubscribe over HTTP", () => {
  it("GET only asks: it names the kind and the address and turns nothing off", async () => {
    const page = await app.client().get(`/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(startup.owner.email);
    expect(html).toContain("An investor asks for access to my company");
    expect(await preferencesOf(startup.owner.id)).toEqual([]);
  });

  it("a forged token is a 404 on GET and POST and writes nothing", async () => {
    const before = await allPreferences();
    const forged = `${token.slice(0, -3)}abc`;
    expect((await app.client().get(`/unsubscribe/${forged}`)).status).toBe(404);
    expect((await oneClick(`/unsubscribe/${forged}`)).status).toBe(404);
    expect((await oneClick("/unsubscribe/short")).status).toBe(404);
    expect(await allPreferences()).toEqual(before);
  });

  it("the mail client's POST, without session or Origin, turns that kind off for that person only", async () => {
    const response = await oneClick(`/unsubscribe/${token}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("gets no more e-mails");
    expect(await preferencesOf(startup.owner.id)).toEqual([{ kind: "access_requested", setting: "off" }]);
    expect(await preferencesOf(investor.owner.id)).toEqual([]);
    // Again: the same answer, nothing more written.
    expect((await oneClick(`/unsubscribe/${token}`)).status).toBe(200);
    expect(await preferencesOf(startup.owner.id)).toEqual([{ kind: "access_requested", setting: "off" }]);
  });

  it("every other mutation still needs our Origin: the exemption is this one path shape", async () => {
    const form = { access_requested: "off", access_decided: "off", share_link_viewed: "off", alert: "off", investor_update: "off", request_reminder: "off" };
    const before = await allPreferences();
    // No Origin at all (as the one-click POST comes) is refused everywhere else…
    for (const path of ["/account/notifications", `/unsubscribe/${token}/more`, "/unsubscribe", `/account/notifications?x=/unsubscribe/${token}`, "/login"]) {
      expect((await oneClick(path)).status, path).toBe(403);
    }
    // …and so is a signed-in person's browser posting from another site.
    const browser = await app.signIn(investor.owner.email);
    expect((await browser.post("/account/notifications", form, { Origin: "http://evil.example" })).status).toBe(403);
    expect(await allPreferences()).toEqual(before);
  });
});

describe("the notifications page", () => {
  it("shows and saves the signed-in person's own choices only; a bad value answers 400 and writes nothing", async () => {
    const founder = await app.signIn(startup.owner.email);
    const { html } = await pageOf(await founder.get("/account/notifications"));
    expect(html).toContain("Early warnings in my portfolio");
    expect(html).toContain("Weekly digest");
    // Investor updates are a choice like the others, named in both languages.
    expect(html).toContain("A company sends my fund an investor update");
    expect(html).toContain('name="investor_update"');
    expect(await (await founder.get("/account/notifications", { "Accept-Language": "zh-CN" })).text()).toContain("公司向我所在基金发送投资人更新");

    const before = await allPreferences();
    const bad = await founder.post(routeData("/account/notifications", "routes/account.notifications"), {
      access_requested: "on",
      access_decided: "on",
      share_link_viewed: "on",
      request_reminder: "on",
      alert: "hourly",
      investor_update: "on",
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("Choose one of the options offered.");
    expect(await allPreferences()).toEqual(before);

    const fund = await app.signIn(investor.owner.email);
    const saved = await fund.post("/account/notifications", {
      access_requested: "on",
      access_decided: "off",
      share_link_viewed: "on",
      request_reminder: "on",
      alert: "weekly",
      investor_update: "off",
    });
    expect(saved.status).toBe(302);
    expect(await preferencesOf(investor.owner.id)).toEqual([
      { kind: "access_decided", setting: "off" },
      { kind: "access_requested", setting: "on" },
      { kind: "alert", setting: "weekly" },
      { kind: "investor_update", setting: "off" },
      { kind: "request_reminder", setting: "on" },
      { kind: "share_link_viewed", setting: "on" },
    ]);
    // The founder's own choice is untouched by another person's save, and their page shows theirs.
    expect(await preferencesOf(startup.owner.id)).toEqual([{ kind: "access_requested", setting: "off" }]);
    const again = await (await founder.get("/account/notifications")).text();
    expect(again).toMatch(/<option value="off" selected="">Off<\/option>/);
  });
});
