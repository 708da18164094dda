import { createHash } from "node:crypto";
import fs from "node:fs";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, fundingRounds, fxRates, monthlyReports, orgs, positions } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { getPortfolio, listMissingPortfolioRates } from "../../app/models/portfolio.server";
import { parsePortfolioQuery } from "../../app/domain/portfolio-query";
import { addMonths, monthOfDate } from "../../app/finance";
import { parseFxRatesCsv } from "../../app/domain/csv-import";
import type { OrgContext } from "../../app/auth/context";
import { translator } from "../../app/i18n/translate";
import { monthText } from "../../app/i18n/display";
import { renderMessage } from "../../app/i18n/message-ref";
import { refFromZodMessage } from "../../app/i18n/zod-messages";
import { fxRateSchema } from "../../app/domain/fx-rate.form";
import { deleteFxRate, importFxRates, listFxRatesPage, previewFxRatesImport, saveFxRate } from "../../app/models/fx-rate.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { toastIn } from "../support/toast";
import { addMember, grantAccess, makeOrgWithOwner } from "../support/factories";
import { routeData } from "../support/route-data";
import { at } from "../support/at";

let app: TestApp;
let fund: Awaited<ReturnType<typeof makeOrgWithOwner>>;
let otherFund: Awaited<ReturnType<typeof makeOrgWithOwner>>;
let startup: Awaited<ReturnType<typeof makeOrgWithOwner>>;
let owner: TestClient;
let viewer: TestClient;
let outsider: TestClient;
let founder: TestClient;

const LIST = "routes/o.$orgSlug.fx._index";
const IMPORT = "routes/o.$orgSlug.fx.import";
const NOW = monthOfDate(new Date());
const LAST = addMonths(NOW, -1);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const file = (...lines: string[]) => ["month,currency,rate", ...lines].join("\n") + "\n";

async function ratesOf(org: { id: string }) {
  const rows = await withSystem(app.database.db, (tx) =>
    tx.select().from(fxRates).where(eq(fxRates.orgId, org.id)).orderBy(asc(fxRates.month), asc(fxRates.currency)),
  );
  return rows.map((r) => `${r.month} ${r.currency} ${r.rate}`);
}
async function audits(org: { id: string }) {
  return withSystem(app.database.db, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityType, "fx_rate"))),
  );
}
function upload(client: TestClient, slug: string, text: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.append("intent", extra.intent ?? "preview");
  if (extra.checksum) form.append("checksum", extra.checksum);
  form.append("file", new Blob([text], { type: "text/csv" }), "rates.csv");
  return client.postMultipart(routeData(`/o/${slug}/fx/import`, IMPORT), form);
}

beforeAll(async () => {
  app = await startTestApp();
  fund = await makeOrgWithOwner(app.database, "investor", "Rate Fund");
  otherFund = await makeOrgWithOwner(app.database, "investor", "Other Fund");
  startup = await makeOrgWithOwner(app.database, "startup", "Euro Models");
  const viewerMember = await addMember(app.database, fund.ctx, "viewer");
  owner = await app.signIn(fund.owner.email);
  viewer = await app.signIn(viewerMember.user.email);
  outsider = await app.signIn(otherFund.owner.email);
  founder = await app.signIn(startup.owner.email);
});
afterAll(() => app?.close());

describe("FX rate model", () => {
  it("records, replaces and deletes a rate, audits each change, and ignores a save of the same rate", async () => {
    const { ctx, org } = await makeOrgWithOwner(app.database, "investor", "Model Fund");
    expect(await saveFxRate(ctx, { month: "2026-01", currency: "EUR", rate: "1.0825" })).toMatchObject({ status: "created" });
    expect(await saveFxRate(ctx, { month: "2026-01", currency: "EUR", rate: "1.08250" })).toMatchObject({ status: "unchanged" });
    expect(await saveFxRate(ctx, { month: "2026-01", currency: "EUR", rate: "1.09" })).toMatchObject({ status: "updated" });
    expect(await ratesOf(org)).toEqual(["2026-01 EUR 1.0900000000"]);
    const page = await listFxRatesPage(ctx, { page: 1 });
    expect(page.rates.map((r) => [r.month, r.currency, r.rate])).toEqual([["2026-01", "EUR", "1.09"]]);
    await deleteFxRate(ctx, "2026-01", "EUR");
    expect(await ratesOf(org)).toEqual([]);
    const log = await audits(org);
    expect(log.map((a) => a.action)).toEqual(["fx_rate.create", "fx_rate.update", "fx_rate.delete"]);
    expect(at(log, 1).before).toEqual({ month: "2026-01", currency: "EUR", rate: "1.0825" });
    expect(at(log, 1).after).toEqual({ month: "2026-01", currency: "EUR", rate: "1.09" });
    await expect(deleteFxRate(ctx, "2026-01", "EUR")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses viewers, startups and the base currency", async () => {
    const viewerCtx: OrgContext = { ...fund.ctx, role: "viewer" };
    await expect(saveFxRate(viewerCtx, { month: "2026-01", currency: "EUR", rate: "1.1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveFxRate(startup.ctx, { month: "2026-01", currency: "EUR", rate: "1.1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(importFxRates(startup.ctx, [])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveFxRate(fund.ctx, { month: "2026-01", currency: "USD", rate: "1" })).rejects.toMatchObject({ code: "INVALID" });
    expect(await ratesOf(fund.org)).toEqual([]);
  });

  it("validates the form per field", () => {
    const schema = fxRateSchema("2026-11", "USD");
    expect(schema.parse({ month: "2026-11", currency: " eur ", rate: "0.000700" })).toEqual({ month: "2026-11", currency: "EUR", rate: "0.0007" });
    const bad = schema.safeParse({ month: "2026-12", currency: "USD", rate: "1,5" });
    // Schema messages are message refs, answered in the request's language (here: English).
    expect(bad.error?.issues.map((i) => [i.path.join("."), renderMessage("en", refFromZodMessage(i.message))])).toEqual([
      ["month", expect.stringMatching(/in the future/)],
      ["currency", expect.stringMatching(/base currency/)],
      ["rate", expect.stringMatching(/plain decimal/)],
    ]);
  });

  it("checks an import file with line numbers: bad rates, the base currency, duplicates, future months", () => {
    const result = parseFxRatesCsv(
      file("2026-01,EUR,1.08", "2026-01,eur,1.09", "2026-02,USD,1", "2026-02,GBP,0", "2026-12,GBP,1.2", "2026-02,XYZ,1", "2026-02,CHF,1.00000000001"),
      { now: new Date("2026-11-28T00:00:00Z"), baseCurrency: "USD" },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "currency"],
      [4, "currency"],
      [5, "rate"],
      [6, "month"],
      [7, "currency"],
      [8, "rate"],
    ]);
    expect(at(result.errors, 0).message).toMatch(/2026-01 EUR appears more than once \(first on line 2\)/);
    expect(at(result.errors, 1).message).toMatch(/USD is your base currency/);
    const sample = parseFxRatesCsv(fs.readFileSync("public/samples/fx-rates.csv", "utf8"), { now: new Date("2026-11-28T00:00:00Z"), baseCurrency: "USD" });
    expect(sample.ok && sample.rows).toHaveLength(6);
  });
});

describe("FX rates over HTTP", () => {
  it("an owner records, replaces and deletes a rate through the page", async () => {
    const base = `/o/${fund.org.slug}/fx?index`;
    const created = await owner.post(base, { intent: "save", month: LAST, currency: "eur", rate: "1.0825" });
    expect(created.status).toBe(302);
    const list = `/o/${fund.org.slug}/fx`;
    expect(created.headers.get("location")).toBe(list);
    const page = await (await owner.get(list)).text();
    expect(toastIn(page)).toBe("Rate recorded.");
    expect(page).toContain("1 <!-- -->EUR<!-- --> = <!-- -->1.0825<!-- --> <!-- -->USD");
    const same = await owner.post(base, { intent: "save", month: LAST, currency: "EUR", rate: "1.08250" });
    expect(same.headers.get("location")).toBe(list);
    const unchanged = await (await owner.get(list)).text();
    expect(toastIn(unchanged)).toBe("That rate was already recorded: nothing changed.");
    expect(unchanged).toContain('data-tone="info"');
    const replaced = await owner.post(base, { intent: "save", month: LAST, currency: "EUR", rate: "1.1" });
    expect(replaced.headers.get("location")).toBe(list);
    expect(toastIn(await (await owner.get(list)).text())).toBe("Rate replaced.");
    expect(await ratesOf(fund.org)).toEqual([`${LAST} EUR 1.1000000000`]);
    // Unconfirmed (no tick, no dialog): refused, the rate stays.
    const unconfirmed = await owner.post(routeData(`/o/${fund.org.slug}/fx`, LIST), { intent: "delete", month: LAST, currency: "EUR" });
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).formError).toBe("Tick the box to confirm you want to delete this rate.");
    expect(await ratesOf(fund.org)).toEqual([`${LAST} EUR 1.1000000000`]);
    const deleted = await owner.post(base, { intent: "delete", month: LAST, currency: "EUR", confirm: "yes" });
    expect(deleted.headers.get("location")).toBe(list);
    expect(toastIn(await (await owner.get(list)).text())).toBe("Rate deleted.");
    expect(await ratesOf(fund.org)).toEqual([]);
    expect((await audits(fund.org)).map((a) => a.action).sort()).toEqual(["fx_rate.create", "fx_rate.delete", "fx_rate.update"]);
    expect((await owner.post(base, { intent: "delete", month: LAST, currency: "EUR", confirm: "yes" })).status).toBe(404);
  });

  it("answers bad input with 400 and field errors, writing nothing", async () => {
    const before = { rates: await ratesOf(fund.org), audit: (await audits(fund.org)).length };
    const path = routeData(`/o/${fund.org.slug}/fx`, LIST);
    const valid = { intent: "save", month: LAST, currency: "GBP", rate: "1.27" };
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ month: "2026-13" }, "month", /YYYY-MM/],
      [{ month: addMonths(NOW, 1) }, "month", /in the future/],
      [{ month: "1999-12" }, "month", /start at 2000-01/],
      [{ currency: "XYZ" }, "currency", /ISO 4217/],
      [{ currency: "usd" }, "currency", /base currency/],
      [{ rate: "0" }, "rate", /more than zero/],
      [{ rate: "-1.2" }, "rate", /more than zero/],
      [{ rate: "1,27" }, "rate", /plain decimal/],
      [{ rate: "1.00000000001" }, "rate", /10 decimals/],
      [{ rate: "" }, "rate", /Enter the rate/],
      [{ rate: "12345678901" }, "rate", /too large/],
    ];
    for (const [change, field, message] of cases) {
      const response = await owner.post(path, { ...valid, ...change });
      expect(response.status, JSON.stringify(change)).toBe(400);
      expect((await response.json()).fieldErrors[field], JSON.stringify(change)).toMatch(message);
    }
    expect(await ratesOf(fund.org)).toEqual(before.rates);
    expect((await audits(fund.org)).length).toBe(before.audit);
  });

  it("lists every month the portfolio lacks a rate for, across years, never the month still running (issue #15 item 9)", async () => {
    const { ctx, org, owner: fundOwner } = await makeOrgWithOwner(app.database, "investor", "Coverage Fund");
    const client = await app.signIn(fundOwner.email);
    const euro = await makeOrgWithOwner(app.database, "startup", "Euro Co");
    const home = await makeOrgWithOwner(app.database, "startup", "Dollar Co");
    await withSystem(app.database.db, (tx) => tx.update(orgs).set({ baseCurrency: "EUR" }).where(eq(orgs.id, euro.org.id)));
    await grantAccess(app.database, euro.org, org);
    await grantAccess(app.database, home.org, org);
    // 14 months of EUR reports up to last month (so they always span two calendar years), a round
    // 20 months ago and one this month; a GBP position invested 30 months ago.
    await withTenant(app.database.db, euro.org.id, async (tx) => {
      await tx
        .insert(monthlyReports)
        .values(Array.from({ length: 14 }, (_, i) => ({ orgId: euro.org.id, month: addMonths(NOW, -1 - i), cash: 900_000_00, compute: 50_000_00 })));
      await tx.insert(fundingRounds).values([
        { orgId: euro.org.id, instrument: "seed", closeDate: `${addMonths(NOW, -20)}-10`, amount: 1_000_000_00, currency: "EUR" },
        { orgId: euro.org.id, instrument: "bridge", closeDate: `${NOW}-01`, amount: 200_000_00, currency: "EUR" },
      ]);
      await refreshCompanyMetrics(tx, euro.org.id);
    });
    await withTenant(app.database.db, org.id, (tx) =>
      tx.insert(positions).values({
        orgId: org.id,
        companyOrgId: home.org.id,
        investedOn: `${addMonths(NOW, -30)}-15`,
        amount: 100_000_00,
        currency: "GBP",
        instrument: "seed",
        currentValue: 150_000_00,
      }),
    );
    // Every EUR month from 24 months ago up to this one has a rate, except two.
    for (let i = 0; i <= 24; i++) if (i !== 3 && i !== 13) await saveFxRate(ctx, { month: addMonths(NOW, -i), currency: "EUR", rate: "1.1" });
    await deleteFxRate(ctx, NOW, "EUR"); // this month's rate is not known yet: needed by the bridge round, never listed
    const body = await (await client.get(routeData(`/o/${org.slug}/fx`, LIST))).json();
    expect(body.needed).toEqual(["EUR", "GBP"]);
    expect(body.missing).toEqual(
      [
        { currency: "GBP", months: [addMonths(NOW, -30), LAST] },
        { currency: "EUR", months: [addMonths(NOW, -13), addMonths(NOW, -3)] },
      ].sort((a, b) => a.currency.localeCompare(b.currency)),
    );
    // The portfolio's own list of rates it needed and lacks: the same EUR months, plus the running month.
    const portfolio = await getPortfolio(ctx, parsePortfolioQuery(new URLSearchParams()));
    expect(portfolio.rates.filter((r) => r.rate === null).map((r) => `${r.currency} ${r.month}`)).toEqual([
      `EUR ${addMonths(NOW, -13)}`,
      `EUR ${addMonths(NOW, -3)}`,
      `EUR ${NOW}`,
    ]);
    expect(await listMissingPortfolioRates(ctx)).toEqual(body.missing);
    // The page in both languages names the months, across years, and never this month.
    const monthName = (m: string) => monthText(translator("en"), m);
    const en = (await (await client.get(`/o/${org.slug}/fx`)).text()).replace(/<!-- -->/g, "");
    const box = en.slice(en.indexOf('data-testid="missing-rates"'), en.indexOf('data-testid="missing-rates"') + 2000);
    expect(box).toContain(monthName(addMonths(NOW, -13)));
    expect(box).toContain(monthName(addMonths(NOW, -30)));
    expect(box).not.toContain(monthName(NOW));
    const zh = (await (await client.get(`/o/${org.slug}/fx`, { "Accept-Language": "zh-CN" })).text()).replace(/<!-- -->/g, "");
    expect(zh).toContain("缺失的汇率");
    const [y, m] = addMonths(NOW, -13).split("-");
    expect(zh).toContain(`${y}年${Number(m)}月`);
  });

  it("imports a file after a preview, re-importing changes nothing, and the export re-imports unchanged", async () => {
    const { org, owner: fundOwner } = await makeOrgWithOwner(app.database, "investor", "Import Fund");
    const client = await app.signIn(fundOwner.email);
    const text = file(`${LAST},EUR,1.08`, `${LAST},GBP,1.27`, `${NOW},EUR,1.09`);
    const preview = await (await upload(client, org.slug, text)).json();
    expect(preview).toMatchObject({ status: "preview", counts: { rows: 3, inserted: 3, updated: 0, unchanged: 0 }, checksum: sha256(text) });
    expect(preview.previewRows).toEqual([
      [LAST, "EUR", "1.08"],
      [LAST, "GBP", "1.27"],
      [NOW, "EUR", "1.09"],
    ]);
    expect(await ratesOf(org)).toEqual([]);
    // A confirmation carrying another file's digest writes nothing and previews again.
    const mismatched = await (await upload(client, org.slug, text, { intent: "import", checksum: sha256("other") })).json();
    expect(mismatched).toMatchObject({ status: "preview", notice: expect.stringMatching(/not the one you checked/) });
    expect(await ratesOf(org)).toEqual([]);
    const imported = await (await upload(client, org.slug, text, { intent: "import", checksum: preview.checksum })).json();
    expect(imported).toMatchObject({ status: "imported", counts: { rows: 3, inserted: 3, updated: 0, unchanged: 0 } });
    expect(await ratesOf(org)).toHaveLength(3);
    const auditCount = (await audits(org)).length;
    expect(auditCount).toBe(4); // one per rate + the summary
    const again = await (await upload(client, org.slug, text, { intent: "import", checksum: sha256(text) })).json();
    expect(again.counts).toEqual({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect((await audits(org)).length).toBe(auditCount);
    const changed = file(`${LAST},EUR,1.0800`, `${LAST},GBP,1.3`);
    const second = await (await upload(client, org.slug, changed, { intent: "import", checksum: sha256(changed) })).json();
    expect(second.counts).toEqual({ rows: 2, inserted: 0, updated: 1, unchanged: 1 });
    const exported = await client.get(`/o/${org.slug}/fx.csv`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain(`${org.slug}-fx-rates.csv`);
    const csv = await exported.text();
    expect(csv).toBe(file(`${LAST},EUR,1.08`, `${LAST},GBP,1.3`, `${NOW},EUR,1.09`));
    expect((await (await upload(client, org.slug, csv)).json()).counts).toEqual({ rows: 3, inserted: 0, updated: 0, unchanged: 3 });
  });

  it("refuses an invalid file with line numbers and writes nothing", async () => {
    const before = await ratesOf(fund.org);
    const text = file(`${LAST},EUR,1.08`, `${LAST},USD,1`, `${LAST},GBP,abc`);
    const response = await upload(owner, fund.org.slug, text, { intent: "import", checksum: sha256(text) });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.status).toBe("errors");
    expect(body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [3, "currency"],
      [4, "rate"],
    ]);
    expect(await ratesOf(fund.org)).toEqual(before);
    await expect(previewFxRatesImport(fund.ctx, [{ month: LAST, currency: "USD", rate: "1" }])).rejects.toMatchObject({ code: "INVALID" });
  });

  it("a viewer reads rates but gets 403 for every change, and nothing is written", async () => {
    await saveFxRate(fund.ctx, { month: LAST, currency: "CHF", rate: "1.12" });
    const before = { rates: await ratesOf(fund.org), audit: (await audits(fund.org)).length };
    expect((await viewer.get(`/o/${fund.org.slug}/fx`)).status).toBe(200);
    expect((await viewer.get(`/o/${fund.org.slug}/fx.csv`)).status).toBe(200);
    expect((await viewer.get(`/o/${fund.org.slug}/fx/import`)).status).toBe(403);
    expect((await viewer.post(`/o/${fund.org.slug}/fx?index`, { intent: "save", month: LAST, currency: "CHF", rate: "2" })).status).toBe(403);
    expect((await viewer.post(`/o/${fund.org.slug}/fx?index`, { intent: "delete", month: LAST, currency: "CHF", confirm: "yes" })).status).toBe(403);
    const text = file(`${LAST},CHF,3`);
    expect((await upload(viewer, fund.org.slug, text, { intent: "import", checksum: sha256(text) })).status).toBe(403);
    const html = await (await viewer.get(`/o/${fund.org.slug}/fx`)).text();
    expect(html).not.toContain("Record a rate");
    expect(await ratesOf(fund.org)).toEqual(before.rates);
    expect((await audits(fund.org)).length).toBe(before.audit);
  });

  it("another tenant's user gets 404 on every FX route, and nothing is written", async () => {
    const before = { rates: await ratesOf(fund.org), audit: (await audits(fund.org)).length };
    const slug = fund.org.slug;
    for (const path of [`/o/${slug}/fx`, `/o/${slug}/fx/import`, `/o/${slug}/fx.csv`]) expect((await outsider.get(path)).status, path).toBe(404);
    expect((await outsider.post(`/o/${slug}/fx?index`, { intent: "save", month: LAST, currency: "CHF", rate: "9" })).status).toBe(404);
    expect((await outsider.post(`/o/${slug}/fx?index`, { intent: "delete", month: LAST, currency: "CHF", confirm: "yes" })).status).toBe(404);
    const text = file(`${LAST},CHF,9`);
    expect((await upload(outsider, slug, text, { intent: "import", checksum: sha256(text) })).status).toBe(404);
    expect(await ratesOf(fund.org)).toEqual(before.rates);
    expect((await audits(fund.org)).length).toBe(before.audit);
    expect(await ratesOf(otherFund.org)).toEqual([]);
  });

  it("a startup has no FX pages: 404 for every route", async () => {
    const slug = startup.org.slug;
    for (const path of [`/o/${slug}/fx`, `/o/${slug}/fx/import`, `/o/${slug}/fx.csv`]) expect((await founder.get(path)).status, path).toBe(404);
    expect((await founder.post(`/o/${slug}/fx?index`, { intent: "save", month: LAST, currency: "EUR", rate: "1" })).status).toBe(404);
    const text = file(`${LAST},EUR,1`);
    expect((await upload(founder, slug, text, { intent: "import", checksum: sha256(text) })).status).toBe(404);
    expect(await ratesOf(startup.org)).toEqual([]);
  });
});
