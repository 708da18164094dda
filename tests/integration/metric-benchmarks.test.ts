import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricDefinitions, metricValues } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { findCompanyAccess } from "../../app/models/company-access.server";
import { revokeGrant } from "../../app/models/access-grant.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { readAlone } from "../support/company-view-parts";
import { grantAccess, makeOrgWithOwner, type Org, TEST_PASSWORD } from "../support/factories";
import { textOf } from "../support/html-text";

// Custom metrics in portfolio benchmarks (decision 027): a fund compares a company's metric with
// the peers that report the same key, unit and month, under the same k ≥ 5 floor and the same
// grants as the built-in benchmarks; on whichever driver DATABASE_URL names.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

type Unit = "count" | "percent" | "currency";
async function reports(org: Org, metrics: Record<string, { unit?: Unit; values: Record<string, string> }>) {
  await withSystem(app.database.db, async (tx) => {
    for (const [key, { unit = "count", values }] of Object.entries(metrics)) {
      const [definition] = await tx
        .insert(metricDefinitions)
        .values({ orgId: org.org.id, key, nameEn: `Metric ${key}`, nameZh: `指标 ${key}`, unit, direction: "higher_is_better", rollup: "sum" })
        .returning();
      await tx.insert(metricValues).values(Object.entries(values).map(([month, value]) => ({ orgId: org.org.id, metricId: definition!.id, month, value })));
    }
  });
}

async function benchmarksOf(investor: Org, company: Org) {
  const access = await findCompanyAccess(investor.ctx, company.org.slug);
  if (!access) throw new Error("no access");
  return readAlone.benchmarks(investor.ctx, access);
}

describe("custom metrics in portfolio benchmarks", () => {
  let fund: Org;
  let viewed: Org;
  const peers: Org[] = [];
  const peerGrants: string[] = [];

  beforeAll(async () => {
    fund = await makeOrgWithOwner(app.database, "investor", "Metric Bench Fund");
    viewed = await makeOrgWithOwner(app.database, "startup", "Viewed Tokens AI");
    await grantAccess(app.database, viewed.org, fund.org, ["financials"]);
    await reports(viewed, {
      tokens_served: { values: { "2026-03": "150", "2026-04": "200" } },
      seats: { values: { "2026-04": "12" } },
      gross_margin: { unit: "percent", values: { "2026-04": "61.5" } },
    });
    // Five peers report tokens served for April; only four of them report seats.
    for (const [i, tokens] of ["100", "200", "300", "400", "500.5"].entries()) {
      const peer = await makeOrgWithOwner(app.database, "startup", `Secret Peer ${i} Labs`);
      peerGrants.push(await grantAccess(app.database, peer.org, fund.org, ["financials", "risks"]));
      // Peer 2 has reported May too: its April value counts (read from its history), May's does not.
      const tokensByMonth: Record<string, string> = i === 2 ? { "2026-04": tokens, "2026-05": "90000" } : { "2026-04": tokens };
      await reports(peer, { tokens_served: { values: tokensByMonth }, ...(i < 4 ? { seats: { values: { "2026-04": String(10 + i) } } } : {}) });
      peers.push(peer);
    }
    // Outliers that must not count: another month, another unit, no financials, a pending grant, another fund's company.
    const lastMonthOnly = await makeOrgWithOwner(app.database, "startup", "Outlier March Only");
    await grantAccess(app.database, lastMonthOnly.org, fund.org, ["financials"]);
    await reports(lastMonthOnly, { tokens_served: { values: { "2026-03": "90000" } } });
    const mayOnly = await makeOrgWithOwner(app.database, "startup", "Outlier May Only");
    await grantAccess(app.database, mayOnly.org, fund.org, ["financials"]);
    await reports(mayOnly, { tokens_served: { values: { "2026-03": "90000", "2026-05": "90000" } } });
    const otherUnit = await makeOrgWithOwner(app.database, "startup", "Outlier Percent Tokens");
    await grantAccess(app.database, otherUnit.org, fund.org, ["financials"]);
    await reports(otherUnit, { tokens_served: { unit: "percent", values: { "2026-04": "90000" } } });
    const risksOnly = await makeOrgWithOwner(app.database, "startup", "Outlier Risks Only");
    await grantAccess(app.database, risksOnly.org, fund.org, ["risks"]);
    await reports(risksOnly, { tokens_served: { values: { "2026-04": "90000" } } });
    const elsewhere = await makeOrgWithOwner(app.database, "startup", "Outlier Elsewhere");
    await grantAccess(app.database, elsewhere.org, (await makeOrgWithOwner(app.database, "investor", "Other Metric Fund")).org);
    await reports(elsewhere, { tokens_served: { values: { "2026-04": "90000" } } });
  });

  it("gives the cohort's quartiles at 5 peers and the 'fewer than 5' answer below, in the company's latest month", async () => {
    const benchmarks = await benchmarksOf(fund, viewed);
    expect(benchmarks!.customMetrics).toEqual([
      {
        key: "gross_margin",
        nameEn: "Metric gross_margin",
        nameZh: "指标 gross_margin",
        unit: "percent",
        month: "2026-04",
        value: "61.5",
        peers: null,
        position: null,
      },
      { key: "seats", nameEn: "Metric seats", nameZh: "指标 seats", unit: "count", month: "2026-04", value: "12", peers: null, position: null },
      {
        key: "tokens_served",
        nameEn: "Metric tokens_served",
        nameZh: "指标 tokens_served",
        unit: "count",
        month: "2026-04",
        value: "200",
        // 100, 200, 300, 400, 500.5 → ranks 1, 2, 3: exact decimals, none of the outliers.
        peers: { p25: "200", median: "300", p75: "400", cohortSize: 5 },
        position: "p25_to_median",
      },
    ]);
  });

  it("keeps each definition's latest month and value in step with every insert, update and delete of its values", async () => {
    const latest = async () =>
      withSystem(app.database.db, (tx) =>
        tx
          .select({ month: metricDefinitions.latestMonth, value: metricDefinitions.latestValue })
          .from(metricDefinitions)
          .where(and(eq(metricDefinitions.orgId, viewed.org.id), eq(metricDefinitions.key, "tokens_served"))),
      );
    expect(await latest()).toEqual([{ month: "2026-04", value: "200.000000" }]);
    const [definition] = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(metricDefinitions)
        .where(and(eq(metricDefinitions.orgId, viewed.org.id), eq(metricDefinitions.key, "tokens_served"))),
    );
    const ofMonth = (month: string) => and(eq(metricValues.orgId, viewed.org.id), eq(metricValues.metricId, definition!.id), eq(metricValues.month, month));
    await withSystem(app.database.db, (tx) => tx.insert(metricValues).values({ orgId: viewed.org.id, metricId: definition!.id, month: "2026-06", value: "7" }));
    expect(await latest()).toEqual([{ month: "2026-06", value: "7.000000" }]);
    await withSystem(app.database.db, (tx) => tx.update(metricValues).set({ value: "8.5" }).where(ofMonth("2026-06")));
    expect(await latest()).toEqual([{ month: "2026-06", value: "8.500000" }]);
    // An earlier month written later leaves the latest alone; deleting the latest falls back.
    await withSystem(app.database.db, (tx) => tx.insert(metricValues).values({ orgId: viewed.org.id, metricId: definition!.id, month: "2026-01", value: "1" }));
    expect(await latest()).toEqual([{ month: "2026-06", value: "8.500000" }]);
    await withSystem(app.database.db, (tx) => tx.delete(metricValues).where(ofMonth("2026-06")));
    expect(await latest()).toEqual([{ month: "2026-04", value: "200.000000" }]);
    await withSystem(app.database.db, (tx) => tx.delete(metricValues).where(ofMonth("2026-01")));
    expect(await latest()).toEqual([{ month: "2026-04", value: "200.000000" }]);
  });

  it("shows the quartiles on the company view, names no peer, and says 'fewer than 5' in both languages", async () => {
    const browser = app.client();
    await browser.login(fund.owner.email, TEST_PASSWORD);
    const page = await browser.get(`/o/${fund.org.slug}/companies/${viewed.org.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = textOf(html);
    expect(html).toMatch(/data-metric="tokens_served"[\s\S]*?>200<[\s\S]*?>300<[\s\S]*?>400</);
    expect(html).toMatch(/data-metric="seats"[\s\S]*?Fewer than 5 peers have this figure/);
    expect(text).toContain("between the 25th percentile and the median of 5 peers");
    for (const peer of peers) expect(html).not.toContain(peer.org.name);
    expect(html).not.toContain("Outlier");
    browser.cookies.set("lang", "zh-CN");
    const zh = textOf(await (await browser.get(`/o/${fund.org.slug}/companies/${viewed.org.slug}`)).text());
    expect(zh).toContain("截至 2026年4月");
    expect(zh).toContain("同行少于 5 家");
  });

  it("drops a peer from the cohort once its grant is revoked, and shows nothing without the company's financials", async () => {
    await revokeGrant(peers[4]!.ctx, peerGrants[4]!, 1);
    const after = await benchmarksOf(fund, viewed);
    expect(after!.customMetrics.find((m) => m.key === "tokens_served")).toMatchObject({ peers: null, position: null });

    const risksFund = await makeOrgWithOwner(app.database, "investor", "Risks Only Fund");
    await grantAccess(app.database, viewed.org, risksFund.org, ["risks"]);
    for (const peer of peers) await grantAccess(app.database, peer.org, risksFund.org, ["financials"]);
    expect(await benchmarksOf(risksFund, viewed)).toBeNull();
  });
});
