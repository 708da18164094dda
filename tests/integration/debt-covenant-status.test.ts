/**
 * Issue #15 item 8: a lender report saved after its deadline reads "late" (amber, with the day
 * it came in), not a green "Reported"; the debt list flags a minimum-cash covenant breach, and
 * so does the investor's company view.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { debtFacilities, monthlyReports } from "../../db/schema";
import { withTenant } from "../../db/tenant";
import { addMonths, isoDateOfDate, reportDueDate } from "../../app/finance";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { getDebtFacilityDetail, listDebtFacilities } from "../../app/models/debt-facility.server";
import { startTestApp, type TestApp } from "../support/app-server";
import { grantAccess, makeOrgWithOwner } from "../support/factories";

let app: TestApp;
type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let startup: Org;
let investor: Org;
let stranger: Org;
let lateFacilityId: string;
let onTimeFacilityId: string;

const today = isoDateOfDate(new Date());
const currentMonth = today.slice(0, 7);
const lastMonth = addMonths(currentMonth, -1);
const DUE_DAY = 1;
const dueDate = reportDueDate(lastMonth, DUE_DAY);
const dayAfter = (iso: string) => isoDateOfDate(new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000));

/** The page as text a reader sees (tags and React's comment markers dropped). */
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

beforeAll(async () => {
  app = await startTestApp();
  startup = await makeOrgWithOwner(app.database, "startup", "Covenant Watch AI");
  investor = await makeOrgWithOwner(app.database, "investor", "Lender Watch Fund");
  stranger = await makeOrgWithOwner(app.database, "startup", "Covenant Stranger");
  await grantAccess(app.database, startup.org, investor.org);
  await withTenant(app.database.db, startup.org.id, async (tx) => {
    // Last month's report came in the day after its due date (day 1): late. Its cash, 400,000, is below one facility's minimum.
    await tx.insert(monthlyReports).values([
      {
        orgId: startup.org.id,
        month: addMonths(lastMonth, -1),
        cash: 900_000_00,
        compute: 50_000_00,
        createdAt: new Date(`${addMonths(lastMonth, -1)}-28T10:00:00Z`),
      },
      { orgId: startup.org.id, month: lastMonth, cash: 400_000_00, compute: 50_000_00, createdAt: new Date(`${dayAfter(dueDate)}T10:00:00Z`) },
    ]);
    const common = {
      orgId: startup.org.id,
      kind: "venture_debt",
      principal: 1_000_000_00,
      currency: "USD",
      annualRateBp: 1200,
      drawDate: `${addMonths(currentMonth, -6)}-01`,
      termMonths: 24,
      repaymentType: "amortizing",
    };
    const [late] = await tx
      .insert(debtFacilities)
      .values({ ...common, lender: "Harbour Mezzanine Bank", minimumCash: 500_000_00, reportingDeadlineDay: DUE_DAY })
      .returning();
    // A deadline at the end of the month: last month's report came in on time.
    const [onTime] = await tx
      .insert(debtFacilities)
      .values({ ...common, lender: "Quayside Credit", minimumCash: 100_000_00, reportingDeadlineDay: 28 })
      .returning();
    lateFacilityId = late!.id;
    onTimeFacilityId = onTime!.id;
    await refreshCompanyMetrics(tx, startup.org.id);
  });
});
afterAll(() => app.close());

describe("reporting deadline: late vs on time", () => {
  it("the model says late when the report came in after the due date, reported when by it", async () => {
    const late = await getDebtFacilityDetail(startup.ctx, lateFacilityId, { today });
    expect(late?.reporting?.[0]).toEqual({ month: lastMonth, status: "late", dueDate, submittedOn: dayAfter(dueDate) });
    const onTime = await getDebtFacilityDetail(startup.ctx, onTimeFacilityId, { today });
    expect(onTime?.reporting?.[0]).toMatchObject({ month: lastMonth, status: "reported", submittedOn: dayAfter(dueDate) });
  });

  it("the facility page shows an amber late badge with the day it came in, in English and Chinese", async () => {
    const owner = await app.signIn(startup.owner.email);
    const path = `/o/${startup.org.slug}/debt/${lateFacilityId}`;
    const en = await (await owner.get(path)).text();
    const inOn = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" }).format(new Date(dayAfter(dueDate)));
    expect(text(en)).toContain(`Late: in on ${inOn}`);
    expect(en).toMatch(/bg-amber-100[^"]*">Late: in on/);
    const zh = await (await owner.get(path, { "Accept-Language": "zh-CN" })).text();
    expect(text(zh)).toMatch(/逾期报送：\d{4}年\d{1,2}月\d{1,2}日收到/);
    const onTime = await (await owner.get(`/o/${startup.org.slug}/debt/${onTimeFacilityId}`)).text();
    expect(onTime).toMatch(/bg-emerald-100[^"]*">Reported</);
    expect(onTime).not.toContain("Late: in on");
  });
});

describe("covenant breach in the debt list", () => {
  it("the model checks minimum cash against the latest report for each facility", async () => {
    const list = await listDebtFacilities(startup.ctx, { today });
    const byLender = new Map(list.map((f) => [f.lender, f]));
    expect(byLender.get("Harbour Mezzanine Bank")?.minimumCashCheck).toEqual({ month: lastMonth, cash: 400_000_00, breach: true });
    expect(byLender.get("Harbour Mezzanine Bank")?.lastReporting).toMatchObject({ status: "late", submittedOn: dayAfter(dueDate) });
    expect(byLender.get("Quayside Credit")?.minimumCashCheck).toEqual({ month: lastMonth, cash: 400_000_00, breach: false });
    expect(byLender.get("Quayside Credit")?.lastReporting).toMatchObject({ status: "reported" });
  });

  it("the startup's debt page flags the breach and the late report, in English and Chinese; the CSV carries both", async () => {
    const owner = await app.signIn(startup.owner.email);
    const en = text(await (await owner.get(`/o/${startup.org.slug}/debt`)).text());
    expect(en).toContain("Covenant breach: cash $400,000 at the end of");
    expect(en).toContain("below the minimum $500,000");
    expect(en).toMatch(/report late: in on/);
    expect(en).toContain("Minimum cash met in");
    const zh = text(await (await owner.get(`/o/${startup.org.slug}/debt`, { "Accept-Language": "zh-CN" })).text());
    expect(zh).toContain("违反契约");
    expect(zh).toContain("逾期报送");
    const csv = await (await owner.get(`/o/${startup.org.slug}/debt.csv`)).text();
    const [header, ...rows] = csv.trim().split("\n");
    expect(header).toContain("minimum_cash_breach,last_report_month,last_report_status,last_report_in_on");
    expect(rows.find((r) => r.includes("Harbour Mezzanine Bank"))).toContain(`true,${lastMonth},late,${dayAfter(dueDate)}`);
  });

  it("the investor's company view flags the breach too", async () => {
    const reader = await app.signIn(investor.owner.email);
    const page = text(await (await reader.get(`/o/${investor.org.slug}/companies/${startup.org.slug}`)).text());
    expect(page).toContain("Harbour Mezzanine Bank");
    expect(page).toContain("below minimum cash ($500,000)");
  });

  it("another tenant's user gets 404 for the debt pages and nothing of the facility", async () => {
    const other = await app.signIn(stranger.owner.email);
    expect((await other.get(`/o/${startup.org.slug}/debt`)).status).toBe(404);
    expect((await other.get(`/o/${startup.org.slug}/debt/${lateFacilityId}`)).status).toBe(404);
    expect((await other.get(`/o/${stranger.org.slug}/debt/${lateFacilityId}`)).status).toBe(404);
    expect(await getDebtFacilityDetail(stranger.ctx, lateFacilityId, { today })).toBeNull();
    expect(await listDebtFacilities(stranger.ctx, { today })).toEqual([]);
  });
});
