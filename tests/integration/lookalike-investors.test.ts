import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgs } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { createOrg } from "../../app/models/org.server";
import { systemContextOf } from "../../app/auth/system.server";
import { createUser } from "../../app/models/user.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { formatShareCode } from "../../app/domain/access-grants";
import { routeData } from "../support/route-data";
import { first } from "../support/at";

/**
 * Issue #13, finding 4: anyone can name an investor org "Northwind Ventures". When two orgs of
 * that name ask a startup for access, its investors page must show what tells them apart: who
 * asked (address and domain), the investor org's short code, and since when it exists.
 */
const COMPANIES = "routes/o.$orgSlug.companies._index";
let app: TestApp;
let founder: TestClient;
let startupSlug: string;
const codes: string[] = [];

async function fundOwnedBy(email: string) {
  const user = await createUser(app.database.db, { email, name: "Partner", password: TEST_PASSWORD });
  const org = await createOrg(systemContextOf(app.database), user, { name: "Northwind Ventures", kind: "investor", baseCurrency: "USD" });
  const [row] = await withSystem(app.database.db, (tx) => tx.select({ code: orgs.shareCode }).from(orgs).where(eq(orgs.id, org.id)));
  codes.push(row!.code);
  const client = app.client();
  await client.login(email, TEST_PASSWORD);
  return { client, slug: org.slug };
}

beforeAll(async () => {
  app = await startTestApp();
  const startup = await makeOrgWithOwner(app.database, "startup", "Lookalike Target AI");
  startupSlug = startup.org.slug;
  const { shareCode } = first(
    await withSystem(app.database.db, (tx) => tx.select({ shareCode: orgs.shareCode }).from(orgs).where(eq(orgs.id, startup.org.id))),
  );
  for (const email of ["ana@northwind.vc", "ana@northwlnd-ventures.example"]) {
    const fund = await fundOwnedBy(email);
    const response = await fund.client.post(routeData(`/o/${fund.slug}/companies`, COMPANIES), { intent: "request", via: shareCode });
    expect(response.status).toBe(204);
  }
  founder = app.client();
  await founder.login(startup.owner.email, TEST_PASSWORD);
}, 60_000);
afterAll(() => app?.close());

describe("look-alike investors on the startup's investors page", () => {
  it("shows each requester's address and domain, each org's short code and age, and warns about the shared name", async () => {
    const response = await founder.get(`/o/${startupSlug}/investors`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.match(/Northwind Ventures/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    for (const shown of ["ana@northwind.vc", "northwind.vc", "ana@northwlnd-ventures.example", "northwlnd-ventures.example", ...codes.map(formatShareCode)]) {
      expect(html, shown).toContain(shown);
    }
    expect(html).toContain("Two or more investors here are named");
  });

  it("says the same in Chinese", async () => {
    const response = await founder.get(`/o/${startupSlug}/investors`, { "Accept-Language": "zh-CN" });
    const html = await response.text();
    expect(html).toContain("ana@northwind.vc");
    expect(html).toContain(formatShareCode(codes[0]!));
    expect(html).toContain("同名");
  });
});

/** Issue #15 item 14: approving failed with "Nothing was saved" because no section started ticked. */
describe("approving a request", () => {
  const tickedSections = (html: string) => [...html.matchAll(/<input[^>]*name="sections"[^>]*>/g)].map((m) => m[0]).filter((tag) => /\schecked=""/.test(tag));

  it("starts with every section ticked (the request names none) and says in words what each section holds", async () => {
    const html = await (await founder.get(`/o/${startupSlug}/investors`)).text();
    // Two pending requests × five sections, every box ticked.
    expect(tickedSections(html)).toHaveLength(10);
    expect(html).toContain("Monthly reports (cash, revenue, spend, headcount, runway and burn) and custom metrics");
    expect(html).toContain("Funding rounds and debt facilities");
  });

  it("says what each section holds in Chinese too", async () => {
    const html = await (await founder.get(`/o/${startupSlug}/investors`, { "Accept-Language": "zh-CN" })).text();
    expect(tickedSections(html)).toHaveLength(10);
    expect(html).toContain("月度报告");
  });
});
