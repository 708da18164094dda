import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvitation } from "../../app/models/invitation.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { addMember, grantAccess, makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { routeData } from "../support/route-data";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** The checklist is on the org's home: a startup's dashboard, or a fund's overview. */
async function stepsOf(email: string, slug: string, home: "startup" | "fund" = "startup") {
  const browser = app.client();
  await browser.login(email, TEST_PASSWORD);
  const response = await browser.get(
    home === "startup" ? routeData(`/o/${slug}`, "routes/o.$orgSlug._index") : routeData(`/o/${slug}/overview`, "routes/o.$orgSlug.overview"),
  );
  expect(response.status).toBe(200);
  const body = (await response.json()) as { onboarding: { key: string; done: boolean }[] };
  return Object.fromEntries(body.onboarding.map((s) => [s.key, s.done]));
}

describe("onboarding checklist", () => {
  it("a new startup starts with four open steps that tick themselves off from its data", async () => {
    const { owner, org, ctx } = await makeOrgWithOwner(app.database, "startup", "Fresh Start AI");
    expect(await stepsOf(owner.email, org.slug)).toEqual({ round: false, first_month: false, colleague: false, investor: false });
    const html = await (
      await (async () => {
        const b = app.client();
        await b.login(owner.email, TEST_PASSWORD);
        return b.get(`/o/${org.slug}`);
      })()
    ).text();
    expect(html.replace(/<!-- -->/g, "")).toContain("Getting started · 0 of 4 done");

    const browser = app.client();
    await browser.login(owner.email, TEST_PASSWORD);
    const round = {
      instrument: "seed",
      closeDate: "2025-06-01",
      amount: "1500000",
      currency: "",
      preMoneyValuation: "",
      leadInvestor: "",
      otherInvestors: "",
      crowdfundingPlatform: "",
      backerCount: "",
      notes: "",
    };
    expect((await browser.post(`/o/${org.slug}/rounds?index`, round)).status).toBe(302);
    await createInvitation(ctx, { email: "colleague@example.test", role: "member" }, "http://localhost");
    const fund = await makeOrgWithOwner(app.database, "investor", "Onboarding Fund");
    await grantAccess(app.database, org, fund.org, ["financials"]);
    expect(await stepsOf(owner.email, org.slug)).toEqual({ round: true, first_month: false, colleague: true, investor: true });
  });

  it("an investor's steps follow its grants, members and positions; a viewer sees no checklist", async () => {
    const fund = await makeOrgWithOwner(app.database, "investor", "Checklist Fund");
    expect(await stepsOf(fund.owner.email, fund.org.slug, "fund")).toEqual({ company: false, colleague: false, position: false });
    const startup = await makeOrgWithOwner(app.database, "startup", "Checklist Co");
    await grantAccess(app.database, startup.org, fund.org, ["financials"]);
    const viewer = await addMember(app.database, fund.ctx, "viewer");
    expect(await stepsOf(fund.owner.email, fund.org.slug, "fund")).toEqual({ company: true, colleague: true, position: false });
    expect(await stepsOf(viewer.user.email, fund.org.slug, "fund")).toEqual({});
  });
});
