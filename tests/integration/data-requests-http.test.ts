import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../../db/seed";
import { dataRequests, mailOutbox, orgs } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { addMonths, monthOfDate } from "../../app/finance/month";
import { startTestApp, type TestApp } from "../support/app-server";

// The data request pages over HTTP on the demo (decision 026): the founder's inbox, the fund's
// collection with its statuses, the new-request form's permission and validation, and "remind now".

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedDemo(app.database.db);
});
afterAll(() => app?.close());

const signIn = (who: keyof typeof DEMO_USERS) => app.signIn(DEMO_USERS[who].email, DEMO_PASSWORD);

describe("data request pages", () => {
  it("the founder's inbox shows Northwind's request with what is asked and the answer links", async () => {
    const founder = await signIn("founder");
    const response = await founder.get("/o/tensorleaf/requests");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Northwind Ventures");
    expect(html).toContain("Not started");
    expect(html).toMatch(/\/o\/tensorleaf\/reports\/\d{4}-\d{2}/);
  });

  it("the fund's collection lists companies with their statuses; a viewer may read it but not define a request", async () => {
    const investor = await signIn("investor");
    const page = await investor.get("/o/northwind-ventures/collection");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Data collection");
    const viewer = await signIn("viewer");
    expect((await viewer.get("/o/northwind-ventures/collection")).status).toBe(200);
    expect((await viewer.get("/o/northwind-ventures/collection/new")).status).toBe(403);
    expect((await viewer.post("/o/northwind-ventures/collection/new", { month: "2026-01", cadence: "monthly" })).status).toBe(403);
  });

  it("a new request is validated field by field, then sent; remind now queues one reminder", async () => {
    const investor = await signIn("investor");
    const bad = await investor.post("/o/northwind-ventures/collection/new?_data=routes%2Fo.%24orgSlug.collection.new", {
      month: "2026-13",
      cadence: "monthly",
      dueDay: "40",
      steps: "soon",
      scope: "all",
    });
    expect(bad.status).toBe(400);
    const errors = ((await bad.json()) as { fieldErrors: Record<string, string> }).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(["dueDay", "month", "steps"]);
    const month = addMonths(monthOfDate(new Date()), -3);
    // Paying customers: a metric Lumen Labs does not keep, so its request stays open to remind.
    const sent = await investor.post("/o/northwind-ventures/collection/new", {
      month,
      cadence: "monthly",
      dueDay: "15",
      steps: "-3, 0, 3, 7",
      scope: "all",
      "metric.paying_customers": "on",
    });
    expect(sent.status).toBe(302);
    const [fund] = await withSystem(app.database.db, (tx) => tx.select().from(orgs).where(eq(orgs.slug, "northwind-ventures")));
    const issued = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(dataRequests)
        .where(and(eq(dataRequests.orgId, fund!.id), eq(dataRequests.monthFrom, month))),
    );
    expect(issued.length).toBeGreaterThan(0);
    const [lumen] = await withSystem(app.database.db, (tx) => tx.select().from(orgs).where(eq(orgs.slug, "lumen-labs")));
    const target = issued.find((r) => r.companyOrgId === lumen!.id)!;
    const before = await withSystem(app.database.db, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.kind, "request_reminder")));
    const remind = await investor.post(`/o/northwind-ventures/collection?index&month=${month}`, { requestId: target.id });
    expect(remind.status).toBe(302);
    const again = await investor.post(`/o/northwind-ventures/collection?index&month=${month}`, { requestId: target.id });
    expect(again.status).toBe(400);
    const after = await withSystem(app.database.db, (tx) => tx.select().from(mailOutbox).where(eq(mailOutbox.kind, "request_reminder")));
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.every((m) => m.orgId === target.companyOrgId || before.some((b) => b.id === m.id))).toBe(true);
  });
});
