import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessGrants, auditLog, positions } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { addMonths, isoDateOfDate, monthOfDate } from "../../app/finance";
import type { OrgContext } from "../../app/auth/context";
import { saveFxRate } from "../../app/models/fx-rate.server";
import { positionSchema } from "../../app/domain/position";
import { createPosition, updatePosition } from "../../app/models/position.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { toastCookieOf, toastIn } from "../support/toast";
import { addMember, grantAccess, makeOrgWithOwner } from "../support/factories";
import { routeData } from "../support/route-data";
import { first } from "../support/at";
import { positionInput } from "../support/record-forms";

let app: TestApp;
let fund: Awaited<ReturnType<typeof makeOrgWithOwner>>;
let otherFund: Awaited<ReturnType<typeof makeOrgWithOwner>>;
let shared: Awaited<ReturnType<typeof makeOrgWithOwner>>;
let notShared: Awaited<ReturnType<typeof makeOrgWithOwner>>;
let owner: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let founder: TestClient;
let otherFundPositionId: string;

const LIST = "routes/o.$orgSlug.positions._index";
const DETAIL = "routes/o.$orgSlug.positions.$positionId";
const NOW = monthOfDate(new Date());
const TODAY = isoDateOfDate(new Date());

async function positionsOf(org: { id: string }) {
  return withSystem(app.database.db, (tx) => tx.select().from(positions).where(eq(positions.orgId, org.id)));
}
async function auditsOf(org: { id: string }) {
  return withSystem(app.database.db, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityType, "position"))),
  );
}
async function snapshot(org: { id: string }) {
  return { positions: JSON.stringify(await positionsOf(org)), audit: (await auditsOf(org)).length };
}
const form = (companyOrgId: string, overrides: Record<string, string> = {}) => ({
  intent: "create",
  companyOrgId,
  investedOn: "2025-09-15",
  amount: "1,000,000.00",
  currency: "",
  instrument: "series_a",
  ownershipPercent: "12.5",
  currentValue: "1500000",
  notes: "Led by us",
  ...overrides,
});

beforeAll(async () => {
  app = await startTestApp();
  fund = await makeOrgWithOwner(app.database, "investor", "Positions Fund");
  otherFund = await makeOrgWithOwner(app.database, "investor", "Rival Fund");
  shared = await makeOrgWithOwner(app.database, "startup", "Shared Labs");
  notShared = await makeOrgWithOwner(app.database, "startup", "Private Labs");
  await grantAccess(app.database, shared.org, fund.org, ["financials"]);
  await grantAccess(app.database, notShared.org, otherFund.org);
  const viewerMember = await addMember(app.database, fund.ctx, "viewer");
  owner = await app.signIn(fund.owner.email);
  viewer = await app.signIn(viewerMember.user.email);
  outsider = await app.signIn(otherFund.owner.email);
  founder = await app.signIn(shared.owner.email);
  otherFundPositionId = (await createPosition(otherFund.ctx, positionInput(notShared.org.id))).id;
});
afterAll(() => app?.close());

describe("MOIC = current value / amount invested, converted into the fund's base currency", () => {
  it("matches hand-computed figures, names the rates used, and leaves out a position whose rate is missing", async () => {
    const { ctx, org, owner: fundOwner } = await makeOrgWithOwner(app.database, "investor", "MOIC Fund");
    const euro = await makeOrgWithOwner(app.database, "startup", "Euro AI");
    const sterling = await makeOrgWithOwner(app.database, "startup", "Sterling AI");
    await grantAccess(app.database, euro.org, org);
    await grantAccess(app.database, sterling.org, org);
    const client = await app.signIn(fundOwner.email);
    const previous = addMonths(NOW, -1);
    // EUR: 2025-01 at 1.10 and last month at 1.05 (none yet this month); GBP only 2025-06 at 1.25; JPY none.
    await saveFxRate(ctx, { month: "2025-01", currency: "EUR", rate: "1.10" });
    await saveFxRate(ctx, { month: previous, currency: "EUR", rate: "1.05" });
    await saveFxRate(ctx, { month: "2025-06", currency: "GBP", rate: "1.25" });
    const post = (company: string, fields: Record<string, string>) =>
      client.post(`/o/${org.slug}/positions?index`, form(company, { ownershipPercent: "", notes: "", ...fields }));
    // €1,000,000 → €2,500,000: $1,100,000 in (2025-01 rate), $2,625,000 now (last month's rate)
    expect((await post(euro.org.id, { investedOn: "2025-01-15", amount: "1000000", currency: "EUR", currentValue: "2500000" })).status).toBe(302);
    // $500,000 → $400,000, no conversion
    expect((await post(euro.org.id, { investedOn: "2025-06-01", amount: "500000", currency: "USD", currentValue: "400000" })).status).toBe(302);
    // £200,000 → £300,000: $250,000 → $375,000 (2025-06 is also the latest GBP rate)
    expect((await post(sterling.org.id, { investedOn: "2025-06-10", amount: "200000", currency: "GBP", currentValue: "300000" })).status).toBe(302);
    // ¥10,000,000 → ¥20,000,000: no JPY rate, so left out, never counted as zero
    expect((await post(sterling.org.id, { investedOn: "2025-03-01", amount: "10000000", currency: "JPY", currentValue: "20000000" })).status).toBe(302);

    const body = await (await client.get(routeData(`/o/${org.slug}/positions?sort=invested_on&dir=asc`, LIST))).json();
    expect(body.portfolio).toMatchObject({ invested: 185_000_000, currentValue: 340_000_000, includedCount: 3, excludedCount: 1 });
    expect(body.portfolio.moic).toBeCloseTo(3_400_000 / 1_850_000, 12);
    const byName = Object.fromEntries(body.companies.map((c: { name: string }) => [c.name, c]));
    expect(byName["Euro AI"]).toMatchObject({ invested: 160_000_000, currentValue: 302_500_000, moic: 1.890625, includedCount: 2, excludedCount: 0 });
    expect(byName["Sterling AI"]).toMatchObject({ invested: 25_000_000, currentValue: 37_500_000, moic: 1.5, includedCount: 1, excludedCount: 1 });
    const [eur, jpy, usd, gbp] = body.positions.map((p: { returns: unknown }) => p.returns);
    expect(eur).toMatchObject({
      investedRate: { month: "2025-01", rate: "1.1" },
      valueRate: { month: previous, rate: "1.05" },
      investedBase: 110_000_000,
      currentValueBase: 262_500_000,
    });
    expect(eur.moic).toBeCloseTo(2_625_000 / 1_100_000, 12);
    expect(jpy).toMatchObject({ investedBase: null, currentValueBase: null, moic: null, included: false });
    expect(usd).toMatchObject({ investedRate: { month: "2025-06", rate: "1" }, investedBase: 50_000_000, moic: 0.8 });
    expect(gbp).toMatchObject({ valueRate: { month: "2025-06", rate: "1.25" }, currentValueBase: 37_500_000, moic: 1.5 });
    expect(body.missingRates).toEqual([
      { currency: "JPY", month: NOW, use: "current_value" },
      { currency: "JPY", month: "2025-03", use: "amount" },
    ]);

    const html = await (await client.get(`/o/${org.slug}/positions`)).text();
    expect(html).toContain("MOIC = current value / amount invested");
    expect(html).toMatch(/data-testid="portfolio-moic-value"[^>]*>1\.84×/);
    expect(html).toMatch(/data-testid="portfolio-invested"[^>]*>\$1,850,000/);
    expect(html).toMatch(/data-testid="portfolio-value"[^>]*>\$3,400,000/);
    expect(html).toContain("rate missing");
    expect(html).toContain("1 position is left out of the MOIC totals: rate missing.");
    expect(html).toContain("1.89×");

    // Once the JPY rates exist the position counts: ¥10M × 0.0067 = $67,000 in, ¥20M × 0.0065 = $130,000 now.
    await saveFxRate(ctx, { month: "2025-03", currency: "JPY", rate: "0.0067" });
    await saveFxRate(ctx, { month: NOW, currency: "JPY", rate: "0.0065" });
    const after = await (await client.get(routeData(`/o/${org.slug}/positions`, LIST))).json();
    expect(after.portfolio).toMatchObject({ invested: 191_700_000, currentValue: 353_000_000, includedCount: 4, excludedCount: 0 });
    expect(after.missingRates).toEqual([]);

    const csv = await (await client.get(`/o/${org.slug}/positions.csv`)).text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe(
      "id,company,invested_on,instrument,amount,currency,current_value,ownership_percent,amount_usd,amount_rate,amount_rate_month,current_value_usd,current_value_rate,current_value_rate_month,moic,rate_missing,notes",
    );
    expect(lines[1]).toMatch(
      new RegExp(`^[0-9a-f-]{36},Euro AI,2025-01-15,series_a,1000000.00,EUR,2500000.00,,1100000.00,1.1,2025-01,2625000.00,1.05,${previous},2.3864,no,$`),
    );
  });
});

describe("positions over HTTP", () => {
  it("an owner records a position in a shared company, stored exactly and audited", async () => {
    const response = await owner.post(`/o/${fund.org.slug}/positions?index`, form(shared.org.id));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/o/${fund.org.slug}/positions`);
    expect(toastIn(await (await owner.get(`/o/${fund.org.slug}/positions`)).text())).toBe("Position recorded.");
    const row = first(await positionsOf(fund.org));
    expect(row).toMatchObject({
      companyOrgId: shared.org.id,
      investedOn: "2025-09-15",
      amount: 100_000_000,
      currency: "USD",
      instrument: "series_a",
      ownershipBp: 1250,
      currentValue: 150_000_000,
      notes: "Led by us",
      version: 1,
    });
    expect((await auditsOf(fund.org)).map((a) => [a.action, a.entityId])).toEqual([["position.create", row.id]]);
    const detail = await (await owner.get(`/o/${fund.org.slug}/positions/${row.id}`)).text();
    expect(detail).toContain("Shared Labs");
    expect(detail).toContain("1.50×");
  });

  it("answers bad input with 400 and a field error, writing nothing", async () => {
    const before = await snapshot(fund.org);
    const path = routeData(`/o/${fund.org.slug}/positions`, LIST);
    const tomorrow = isoDateOfDate(new Date(Date.now() + 86_400_000));
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ companyOrgId: "" }, "companyOrgId", /Choose a company/],
      [{ companyOrgId: "not-a-uuid" }, "companyOrgId", /from the list/],
      [{ companyOrgId: notShared.org.id }, "companyOrgId", /share their data with you/],
      [{ companyOrgId: randomUUID() }, "companyOrgId", /share their data with you/],
      [{ investedOn: tomorrow }, "investedOn", /cannot be in the future/],
      [{ investedOn: "2025-02-30" }, "investedOn", /real calendar date/],
      [{ investedOn: "1949-12-31" }, "investedOn", /1950-01-01 or later/],
      [{ amount: "0" }, "amount", /more than zero/],
      [{ amount: "-5" }, "amount", /cannot be negative/],
      [{ amount: "12.345" }, "amount", /at most two decimals/],
      [{ currentValue: "-1" }, "currentValue", /cannot be negative/],
      [{ currentValue: "" }, "currentValue", /Enter the current value/],
      [{ currency: "XYZ" }, "currency", /ISO 4217/],
      [{ instrument: "series_z" }, "instrument", /Choose an instrument/],
      [{ ownershipPercent: "100.01" }, "ownershipPercent", /above 100/],
      [{ ownershipPercent: "-1" }, "ownershipPercent", /cannot be negative/],
      [{ ownershipPercent: "12.345" }, "ownershipPercent", /at most two decimals/],
      [{ notes: "x".repeat(2001) }, "notes", /under 2000/],
    ];
    for (const [change, field, message] of cases) {
      const response = await owner.post(path, form(shared.org.id, change));
      expect(response.status, JSON.stringify(change).slice(0, 80)).toBe(400);
      expect((await response.json()).fieldErrors[field], JSON.stringify(change).slice(0, 80)).toMatch(message);
    }
    expect(await snapshot(fund.org)).toEqual(before);
    // A zero current value (written off) is allowed.
    expect(positionSchema(TODAY).safeParse(form(shared.org.id, { currentValue: "0", investedOn: TODAY })).success).toBe(true);
  });

  it("edits with the version it was loaded with: a stale version is 409 and changes nothing", async () => {
    const row = first(await positionsOf(fund.org));
    const path = routeData(`/o/${fund.org.slug}/positions/${row.id}`, DETAIL);
    const saved = await owner.post(path, { ...form(shared.org.id, { currentValue: "2000000" }), intent: "update", version: "1" });
    expect(saved.status).toBe(204); // a redirect answered to ?_data is a 204 with X-Remix-Redirect
    expect(saved.headers.get("x-remix-redirect")).toBe(`/o/${fund.org.slug}/positions`);
    expect(toastCookieOf(saved)).toMatchObject({ tone: "success", message: { key: "investor_positions_notice_updated" } });
    const before = await snapshot(fund.org);
    const stale = await owner.post(path, { ...form(shared.org.id, { currentValue: "1" }), intent: "update", version: "1" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).formError).toMatch(/Someone else changed this position/);
    expect((await owner.post(path, { intent: "delete", version: "1", confirm: "yes" })).status).toBe(409);
    expect((await owner.post(path, { intent: "delete", version: "2" })).status).toBe(400);
    const moved = await owner.post(path, { ...form(notShared.org.id), intent: "update", version: "2" });
    expect(moved.status).toBe(400);
    expect((await moved.json()).fieldErrors.companyOrgId).toMatch(/share their data with you/);
    expect(await snapshot(fund.org)).toEqual(before);
    const [current] = await positionsOf(fund.org);
    expect(current).toMatchObject({ currentValue: 200_000_000, version: 2 });
  });

  it("keeps a position whose company stopped sharing: shown as no longer shared, still editable", async () => {
    const { ctx, org, owner: fundOwner } = await makeOrgWithOwner(app.database, "investor", "Revoked Fund");
    const company = await makeOrgWithOwner(app.database, "startup", "Gone Quiet AI");
    const grantId = await grantAccess(app.database, company.org, org);
    const position = await createPosition(ctx, positionInput(company.org.id));
    await withSystem(app.database.db, (tx) => tx.update(accessGrants).set({ status: "revoked" }).where(eq(accessGrants.id, grantId)));
    const updated = await updatePosition(ctx, position.id, 1, positionInput(company.org.id, { currentValue: 60_000_000 }));
    expect(updated.version).toBe(2);
    await expect(createPosition(ctx, positionInput(company.org.id))).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { companyOrgId: expect.objectContaining({ key: "investor_positions_error_notShared" }) },
    });
    expect((await positionsOf(org)).length).toBe(1);
    const client = await app.signIn(fundOwner.email);
    const list = await (await client.get(`/o/${org.slug}/positions`)).text();
    expect(list).toContain("No longer shared");
    expect(list).not.toContain("Gone Quiet AI");
    const detail = await client.get(`/o/${org.slug}/positions/${position.id}`);
    expect(detail.status).toBe(200);
    expect(await detail.text()).toContain("Current company (no longer shared)");
  });

  it("a viewer reads positions but gets 403 for every change, and nothing is written", async () => {
    const row = first(await positionsOf(fund.org));
    const before = await snapshot(fund.org);
    for (const path of [`/o/${fund.org.slug}/positions`, `/o/${fund.org.slug}/positions/${row.id}`, `/o/${fund.org.slug}/positions.csv`]) {
      expect((await viewer.get(path)).status, path).toBe(200);
    }
    expect(await (await viewer.get(`/o/${fund.org.slug}/positions`)).text()).not.toContain("Record a position");
    expect((await viewer.post(`/o/${fund.org.slug}/positions?index`, form(shared.org.id))).status).toBe(403);
    expect(
      (await viewer.post(`/o/${fund.org.slug}/positions/${row.id}`, { ...form(shared.org.id), intent: "update", version: String(row.version) })).status,
    ).toBe(403);
    expect((await viewer.post(`/o/${fund.org.slug}/positions/${row.id}`, { intent: "delete", version: String(row.version), confirm: "yes" })).status).toBe(403);
    expect(await snapshot(fund.org)).toEqual(before);
    const viewerCtx: OrgContext = { ...fund.ctx, role: "viewer" };
    await expect(createPosition(viewerCtx, positionInput(shared.org.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("another tenant's user gets 404 on every positions route, and nothing is written", async () => {
    const row = first(await positionsOf(fund.org));
    const before = await snapshot(fund.org);
    const otherBefore = await snapshot(otherFund.org);
    const slug = fund.org.slug;
    for (const path of [`/o/${slug}/positions`, `/o/${slug}/positions/${row.id}`, `/o/${slug}/positions.csv`])
      expect((await outsider.get(path)).status, path).toBe(404);
    expect((await outsider.post(`/o/${slug}/positions?index`, form(shared.org.id))).status).toBe(404);
    expect((await outsider.post(`/o/${slug}/positions/${row.id}`, { ...form(shared.org.id), intent: "update", version: "2" })).status).toBe(404);
    expect((await outsider.post(`/o/${slug}/positions/${row.id}`, { intent: "delete", version: "2", confirm: "yes" })).status).toBe(404);
    // Through their own org: this fund's position id names nothing, and theirs names nothing here.
    expect((await outsider.get(`/o/${otherFund.org.slug}/positions/${row.id}`)).status).toBe(404);
    expect((await outsider.post(`/o/${otherFund.org.slug}/positions/${row.id}`, { intent: "delete", version: "2", confirm: "yes" })).status).toBe(404);
    expect((await owner.get(`/o/${slug}/positions/${otherFundPositionId}`)).status).toBe(404);
    expect((await owner.post(`/o/${slug}/positions/${otherFundPositionId}`, { ...form(shared.org.id), intent: "update", version: "1" })).status).toBe(404);
    // Nor can they open a position in a company shared only with this fund.
    expect((await outsider.post(`/o/${otherFund.org.slug}/positions?index`, form(shared.org.id))).status).toBe(400);
    expect(await snapshot(fund.org)).toEqual(before);
    expect(await snapshot(otherFund.org)).toEqual(otherBefore);
  });

  it("a startup has no positions pages: 404 for every route", async () => {
    const slug = shared.org.slug;
    for (const path of [`/o/${slug}/positions`, `/o/${slug}/positions/${randomUUID()}`, `/o/${slug}/positions.csv`])
      expect((await founder.get(path)).status, path).toBe(404);
    expect((await founder.post(`/o/${slug}/positions?index`, form(shared.org.id))).status).toBe(404);
    await expect(createPosition(shared.ctx, positionInput(shared.org.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await positionsOf(shared.org)).toEqual([]);
  });

  it("deletes with the confirmation tick, audited", async () => {
    const row = first(await positionsOf(fund.org));
    const response = await owner.post(`/o/${fund.org.slug}/positions/${row.id}`, { intent: "delete", version: String(row.version), confirm: "yes" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/o/${fund.org.slug}/positions`);
    expect(await positionsOf(fund.org)).toEqual([]);
    const deleted = (await auditsOf(fund.org)).find((a) => a.action === "position.delete");
    expect(deleted).toMatchObject({ entityId: row.id, after: null });
    const empty = await (await owner.get(`/o/${fund.org.slug}/positions`)).text();
    expect(toastIn(empty)).toBe("Position deleted.");
    expect(empty).toContain("No positions recorded yet");
  });
});
