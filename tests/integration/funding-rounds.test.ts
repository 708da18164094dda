import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, fundingRounds } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { isoDateOfDate } from "../../app/finance";
import type { OrgContext } from "../../app/auth/context";
import { fundingRoundSchema } from "../../app/domain/funding-round";
import { oneYearAfter } from "../../app/domain/bounds";
import {
  createFundingRound,
  deleteFundingRound,
  getFundingRound,
  listFundingRounds,
  listFundingRoundsPage,
  updateFundingRound,
  type FundingRoundInput,
} from "../../app/models/funding-round.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { makeOrgWithOwner, type TwoStartups, twoStartups } from "../support/factories";
import { toastIn } from "../support/toast";
import { at, first } from "../support/at";
import { routeData } from "../support/route-data";
import { english } from "../support/english";

let app: TestApp;
let { alpha, beta, alphaOwner, alphaViewer, betaOwner } = {} as TwoStartups;
let betaRoundId: string;

// The list is an index route: a post to its URL carries ?index, or the org layout would get it.
const LIST = "routes/o.$orgSlug.rounds._index";
const DETAIL = "routes/o.$orgSlug.rounds.$roundId";

function roundInput(overrides: Partial<FundingRoundInput> = {}): FundingRoundInput {
  return {
    instrument: "seed",
    closeDate: "2025-06-30",
    amount: 200_000_000,
    currency: null,
    preMoneyValuation: 800_000_000,
    leadInvestor: "Lead Capital",
    otherInvestors: "Angel One, Angel Two",
    crowdfundingPlatform: null,
    backerCount: null,
    notes: null,
    ...overrides,
  };
}

const validForm = {
  intent: "create",
  instrument: "series_a",
  closeDate: "2025-09-15",
  amount: "5,000,000.00",
  currency: "",
  preMoneyValuation: "20000000",
  leadInvestor: "Big Fund",
  otherInvestors: "Small Fund",
};

async function roundsOf(org: { id: string }) {
  return withSystem(app.database.db, (tx) => tx.select().from(fundingRounds).where(eq(fundingRounds.orgId, org.id)));
}

async function auditCount(org: { id: string }) {
  return (await withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.orgId, org.id)))).length;
}

beforeAll(async () => {
  app = await startTestApp();
  ({ alpha, beta, alphaOwner, alphaViewer, betaOwner } = await twoStartups(app, "Alpha Models", "Beta Labs"));
  betaRoundId = (await createFundingRound(beta.ctx, roundInput({ leadInvestor: "Beta's secret investor" }))).id;
});
afterAll(() => app.close());

describe("funding round model", () => {
  it("creates a round in the org's base currency, derives post-money and dilution, and audits it", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Model Org");
    const round = await createFundingRound(ctx, roundInput());
    expect(round.currency).toBe("USD");
    expect(round.version).toBe(1);
    // post-money = 8M + 2M = 10M; dilution = 2M / 10M = 20 %
    expect(round.valuation).toEqual({ postMoney: 1_000_000_000, dilution: 0.2 });
    const audit = await withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.orgId, ctx.org.id)));
    expect(audit.map((a) => a.action)).toContain("funding_round.create");
    expect(audit.find((a) => a.action === "funding_round.create")?.entityId).toBe(round.id);
  });

  it("totals raised by instrument per currency and pages sorted rounds", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Totals Org");
    await createFundingRound(ctx, roundInput({ instrument: "seed", amount: 100_00, closeDate: "2024-01-01" }));
    await createFundingRound(ctx, roundInput({ instrument: "seed", amount: 250_00, closeDate: "2024-03-01" }));
    await createFundingRound(ctx, roundInput({ instrument: "safe", amount: 75_00, preMoneyValuation: null, closeDate: "2024-02-01" }));
    await createFundingRound(ctx, roundInput({ instrument: "grant", amount: 40_00, currency: "EUR", preMoneyValuation: null, closeDate: "2024-04-01" }));
    const page = await listFundingRoundsPage(ctx, { sort: "amount", direction: "desc", page: 1, pageSize: 2 });
    expect(page.total).toBe(4);
    expect(page.pageCount).toBe(2);
    expect(page.rounds.map((r) => r.amount)).toEqual([250_00, 100_00]);
    const second = await listFundingRoundsPage(ctx, { sort: "amount", direction: "desc", page: 2, pageSize: 2 });
    expect(second.rounds.map((r) => r.amount)).toEqual([75_00, 40_00]);
    const usd = page.totals.find((t) => t.currency === "USD")!;
    expect(usd.byInstrument.seed).toBe(350_00);
    expect(usd.byInstrument.safe).toBe(75_00);
    expect(usd.byInstrument.grant).toBe(0);
    expect(usd.total).toBe(425_00);
    expect(page.totals.find((t) => t.currency === "EUR")?.byInstrument.grant).toBe(40_00);
    expect(at(page.totals, 0).currency).toBe("USD"); // base currency first
    const byDate = await listFundingRounds(ctx, { sort: "close_date", direction: "asc" });
    expect(byDate.map((r) => r.closeDate)).toEqual(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]);
  });

  it("refuses a stale version with a conflict and keeps the first save", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Stale Org");
    const round = await createFundingRound(ctx, roundInput());
    await updateFundingRound(ctx, round.id, 1, roundInput({ leadInvestor: "First editor" }));
    await expect(updateFundingRound(ctx, round.id, 1, roundInput({ leadInvestor: "Second editor" }))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(deleteFundingRound(ctx, round.id, 1)).rejects.toMatchObject({ code: "CONFLICT" });
    const saved = await getFundingRound(ctx, round.id);
    expect(saved?.leadInvestor).toBe("First editor");
    expect(saved?.version).toBe(2);
  });

  it("cannot see, change or delete another org's round, and refuses viewers", async () => {
    expect(await getFundingRound(alpha.ctx, betaRoundId)).toBeNull();
    expect(await getFundingRound(alpha.ctx, "not-a-uuid")).toBeNull();
    await expect(updateFundingRound(alpha.ctx, betaRoundId, 1, roundInput())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteFundingRound(alpha.ctx, betaRoundId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const viewer: OrgContext = { ...beta.ctx, role: "viewer" };
    await expect(createFundingRound(viewer, roundInput())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const row = first((await roundsOf(beta.org)).filter((r) => r.id === betaRoundId));
    expect(row.leadInvestor).toBe("Beta's secret investor");
    expect(row.version).toBe(1);
  });

  it("validates the form with a message per field", () => {
    const today = "2026-03-10";
    const schema = fundingRoundSchema(today);
    const bad = schema.safeParse({
      instrument: "series_z",
      closeDate: "2026-02-30",
      amount: "-5",
      currency: "dollars",
      preMoneyValuation: "abc",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["instrument", "closeDate", "amount", "currency", "preMoneyValuation"]));
    expect(schema.safeParse({ instrument: "seed", closeDate: oneYearAfter(today), amount: "1" }).success).toBe(true);
    const tooLate = schema.safeParse({ instrument: "seed", closeDate: "2027-03-11", amount: "1" });
    expect(english(tooLate.error?.issues[0]?.message)).toMatch(/more than a year in the future/);
    expect(english(schema.safeParse({ instrument: "seed", closeDate: "2026-01-01", amount: "0" }).error?.issues[0]?.message)).toMatch(/more than zero/);
    expect(oneYearAfter("2024-02-29")).toBe("2025-02-28");
    // Every problem at once: a bad amount does not hide the crowdfunding rules.
    const all = schema.safeParse({ instrument: "equity_crowdfunding", closeDate: "2026-01-01", amount: "-5" });
    expect(all.error?.issues.map((i) => i.path.join("."))).toEqual(["amount", "crowdfundingPlatform", "backerCount"]);
  });
});

describe("funding rounds over HTTP", () => {
  it("an owner records a round and sees it with derived post-money, dilution and totals", async () => {
    const created = await alphaOwner.post(`/o/${alpha.org.slug}/rounds?index`, validForm);
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe(`/o/${alpha.org.slug}/rounds`);
    const row = first(await roundsOf(alpha.org));
    expect(row).toMatchObject({ instrument: "series_a", amount: 500_000_000, currency: "USD", preMoneyValuation: 2_000_000_000, version: 1 });
    const page = await (await alphaOwner.get(`/o/${alpha.org.slug}/rounds`)).text();
    expect(toastIn(page)).toBe("Round recorded.");
    expect(page).toContain("Series A");
    expect(page).toContain("$5,000,000"); // amount
    expect(page).toContain("$25,000,000"); // post-money = 20M + 5M
    expect(page).toContain("20%"); // dilution = 5M / 25M
    expect(page).toMatch(/data-testid="total-USD"[^>]*>\$5,000,000/);
    const audit = await withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, row.id)));
    expect(audit.map((a) => a.action)).toEqual(["funding_round.create"]);
  });

  it("answers validation problems per field with 400 and writes nothing", async () => {
    const before = { rounds: (await roundsOf(alpha.org)).length, audit: await auditCount(alpha.org) };
    const path = routeData(`/o/${alpha.org.slug}/rounds`, LIST);
    const farFuture = oneYearAfter(oneYearAfter(isoDateOfDate(new Date())));
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ amount: "-100" }, "amount", /cannot be negative/],
      [{ amount: "0" }, "amount", /more than zero/],
      [{ amount: "12.345" }, "amount", /at most two decimals/],
      [{ instrument: "series_z" }, "instrument", /Choose an instrument/],
      [{ closeDate: "2025-13-01" }, "closeDate", /real calendar date/],
      [{ closeDate: farFuture }, "closeDate", /more than a year in the future/],
      [{ currency: "XYZ" }, "currency", /ISO 4217/],
      [{ instrument: "safe" }, "preMoneyValuation", /no pre-money valuation/],
      [{ preMoneyValuation: "-1" }, "preMoneyValuation", /cannot be negative/],
      [{ preMoneyValuation: "lots" }, "preMoneyValuation", /like 2,400,000.50, 2.4m or 240万/],
      [{ instrument: "equity_crowdfunding" }, "crowdfundingPlatform", /Enter the crowdfunding platform/],
      [{ instrument: "equity_crowdfunding", crowdfundingPlatform: "Republic" }, "backerCount", /number of backers/],
      [{ crowdfundingPlatform: "Republic" }, "crowdfundingPlatform", /only to equity crowdfunding/],
      [{ backerCount: "12" }, "backerCount", /only to equity crowdfunding/],
    ];
    for (const [change, field, message] of cases) {
      const response = await alphaOwner.post(path, { ...validForm, ...change });
      expect(response.status, JSON.stringify(change)).toBe(400);
      const body = await response.json();
      expect(body.fieldErrors[field], JSON.stringify(change)).toMatch(message);
      expect(body.formError).toMatch(/Nothing was saved/);
    }
    expect((await roundsOf(alpha.org)).length).toBe(before.rounds);
    expect(await auditCount(alpha.org)).toBe(before.audit);
  });

  it("records an equity crowdfunding round with its platform and backers", async () => {
    const response = await alphaOwner.post(`/o/${alpha.org.slug}/rounds?index`, {
      ...validForm,
      instrument: "equity_crowdfunding",
      amount: "750000",
      preMoneyValuation: "",
      crowdfundingPlatform: "Republic",
      backerCount: "1,204",
      currency: "eur",
    });
    expect(response.status).toBe(302);
    const row = (await roundsOf(alpha.org)).find((r) => r.instrument === "equity_crowdfunding");
    expect(row).toMatchObject({ crowdfundingPlatform: "Republic", backerCount: 1204, currency: "EUR", preMoneyValuation: null });
  });

  it("sorts by amount and close date", async () => {
    const byAmountAsc = await (await alphaOwner.get(routeData(`/o/${alpha.org.slug}/rounds?sort=amount&dir=asc`, LIST))).json();
    const amounts = byAmountAsc.rounds.map((r: { amount: number }) => r.amount);
    expect(amounts).toEqual([...amounts].sort((a: number, b: number) => a - b));
    const byDateDesc = await (await alphaOwner.get(routeData(`/o/${alpha.org.slug}/rounds?sort=close_date&dir=desc`, LIST))).json();
    const dates = byDateDesc.rounds.map((r: { closeDate: string }) => r.closeDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("a viewer reads rounds but gets 403 for every change, and nothing is written", async () => {
    const row = first(await roundsOf(alpha.org));
    const before = { rounds: (await roundsOf(alpha.org)).length, audit: await auditCount(alpha.org) };
    const list = await alphaViewer.get(`/o/${alpha.org.slug}/rounds`);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).not.toContain("Record a round");
    const detail = await alphaViewer.get(`/o/${alpha.org.slug}/rounds/${row.id}`);
    expect(detail.status).toBe(200);
    const detailHtml = await detail.text();
    expect(detailHtml).not.toContain("Save changes");
    expect(detailHtml).not.toContain("Delete round");
    expect((await alphaViewer.post(`/o/${alpha.org.slug}/rounds?index`, validForm)).status).toBe(403);
    expect((await alphaViewer.post(`/o/${alpha.org.slug}/rounds/${row.id}`, { ...validForm, intent: "update", version: row.version })).status).toBe(403);
    expect((await alphaViewer.post(`/o/${alpha.org.slug}/rounds/${row.id}`, { intent: "delete", version: row.version, confirm: "yes" })).status).toBe(403);
    expect((await roundsOf(alpha.org)).length).toBe(before.rounds);
    expect((await roundsOf(alpha.org)).find((r) => r.id === row.id)).toEqual(row);
    expect(await auditCount(alpha.org)).toBe(before.audit);
  });

  it("answers 404 for another org's rounds, under either slug, and writes nothing", async () => {
    const betaBefore = await roundsOf(beta.org);
    const betaAudit = await auditCount(beta.org);
    // Org A's user asks for org B's round under org A's own slug.
    const underOwnSlug = `/o/${alpha.org.slug}/rounds/${betaRoundId}`;
    const own = await alphaOwner.get(underOwnSlug);
    expect(own.status).toBe(404);
    expect(await own.text()).not.toContain("Beta's secret investor");
    expect((await alphaOwner.post(underOwnSlug, { ...validForm, intent: "update", version: 1 })).status).toBe(404);
    expect((await alphaOwner.post(underOwnSlug, { intent: "delete", version: 1, confirm: "yes" })).status).toBe(404);
    // …and under org B's slug, where they are not a member.
    const underTheirSlug = `/o/${beta.org.slug}/rounds/${betaRoundId}`;
    expect((await alphaOwner.get(underTheirSlug)).status).toBe(404);
    expect((await alphaOwner.get(`/o/${beta.org.slug}/rounds`)).status).toBe(404);
    expect((await alphaOwner.get(`/o/${beta.org.slug}/rounds.csv`)).status).toBe(404);
    expect((await alphaOwner.post(`/o/${beta.org.slug}/rounds?index`, validForm)).status).toBe(404);
    expect((await alphaOwner.post(underTheirSlug, { ...validForm, intent: "update", version: 1 })).status).toBe(404);
    expect((await alphaOwner.post(underTheirSlug, { intent: "delete", version: 1, confirm: "yes" })).status).toBe(404);
    // A round id that is not a UUID names nothing.
    expect((await alphaOwner.get(`/o/${alpha.org.slug}/rounds/not-a-round`)).status).toBe(404);
    expect(await roundsOf(beta.org)).toEqual(betaBefore);
    expect(await auditCount(beta.org)).toBe(betaAudit);
    // Org B's owner still sees their own round.
    const theirs = await betaOwner.get(underTheirSlug);
    expect(theirs.status).toBe(200);
    expect(await theirs.text()).toContain("Beta&#x27;s secret investor");
  });

  it("an investor org has no rounds pages", async () => {
    const investor = await makeOrgWithOwner(app.database, "investor", "Gamma Ventures");
    const client = await app.signIn(investor.owner.email);
    expect((await client.get(`/o/${investor.org.slug}/rounds`)).status).toBe(404);
  });

  it("edits with the version it read; a stale edit gets a 409 conflict message and changes nothing", async () => {
    const created = await createFundingRound(alpha.ctx, roundInput({ leadInvestor: "Original lead" }));
    const path = `/o/${alpha.org.slug}/rounds/${created.id}`;
    const loaded = await (await alphaOwner.get(routeData(path, DETAIL))).json();
    expect(loaded.round.version).toBe(1);
    const editForm = { ...validForm, intent: "update", instrument: "seed", preMoneyValuation: "8000000", version: "1" };
    const first = await alphaOwner.post(path, { ...editForm, leadInvestor: "First editor" });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(`/o/${alpha.org.slug}/rounds`);
    expect(toastIn(await (await alphaOwner.get(`/o/${alpha.org.slug}/rounds`)).text())).toBe("Round saved.");
    const auditBefore = await auditCount(alpha.org);
    const stale = await alphaOwner.post(routeData(path, DETAIL), { ...editForm, leadInvestor: "Second editor" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).formError).toMatch(/Someone else changed this funding round while you were editing/);
    const row = at(
      (await roundsOf(alpha.org)).filter((r) => r.id === created.id),
      0,
    );
    expect(row).toMatchObject({ leadInvestor: "First editor", version: 2, amount: 500_000_000 });
    expect(await auditCount(alpha.org)).toBe(auditBefore);
    const audit = await withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, created.id)));
    const update = audit.find((a) => a.action === "funding_round.update");
    expect(update?.before).toMatchObject({ leadInvestor: "Original lead" });
    expect(update?.after).toMatchObject({ leadInvestor: "First editor" });
    // An edit that fails validation also writes nothing.
    const invalid = await alphaOwner.post(routeData(path, DETAIL), { ...editForm, version: "2", amount: "-1" });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).fieldErrors.amount).toMatch(/negative/);
    expect((await roundsOf(alpha.org)).find((r) => r.id === created.id)?.version).toBe(2);
  });

  it("deletes only after confirmation, and audits the deletion", async () => {
    const created = await createFundingRound(alpha.ctx, roundInput({ leadInvestor: "To be deleted" }));
    const path = `/o/${alpha.org.slug}/rounds/${created.id}`;
    const unconfirmed = await alphaOwner.post(routeData(path, DETAIL), { intent: "delete", version: "1" });
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).fieldErrors.confirm).toMatch(/Tick the box/);
    expect((await roundsOf(alpha.org)).some((r) => r.id === created.id)).toBe(true);
    const page = await (await alphaOwner.get(path)).text();
    expect(page).toContain("Delete round");
    const deleted = await alphaOwner.post(path, { intent: "delete", version: "1", confirm: "yes" });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe(`/o/${alpha.org.slug}/rounds`);
    expect(toastIn(await (await alphaOwner.get(`/o/${alpha.org.slug}/rounds`)).text())).toBe("Round deleted.");
    expect((await roundsOf(alpha.org)).some((r) => r.id === created.id)).toBe(false);
    const audit = await withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, created.id)));
    const entry = audit.find((a) => a.action === "funding_round.delete");
    expect(entry?.before).toMatchObject({ leadInvestor: "To be deleted" });
    expect(entry?.after).toBeNull();
  });

  it("exports the rounds as CSV with derived figures, neutralising formulas", async () => {
    await createFundingRound(alpha.ctx, roundInput({ leadInvestor: '=HYPERLINK("http://evil")', closeDate: "2020-01-01" }));
    const response = await alphaViewer.get(`/o/${alpha.org.slug}/rounds.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    expect(response.headers.get("content-disposition")).toContain(`${alpha.org.slug}-funding-rounds.csv`);
    const text = await response.text();
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe(
      "id,close_date,instrument,amount,currency,pre_money_valuation,post_money_valuation,dilution_percent,lead_investor,other_investors,crowdfunding_platform,backer_count,notes",
    );
    expect(lines[1]).toContain("2020-01-01,seed,2000000.00,USD,8000000.00,10000000.00,20.00");
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines.length - 1).toBe((await roundsOf(alpha.org)).length);
    expect(text).not.toContain("Beta's secret investor");
  });
});
