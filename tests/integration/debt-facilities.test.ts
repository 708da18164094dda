import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, debtFacilities, monthlyReports } from "../../db/schema";
import { withSystem, withTenant } from "../../db/tenant";
import { debtSchedule, debtServiceByMonth, isoDateOfDate, type DebtTerms } from "../../app/finance";
import type { OrgContext } from "../../app/auth/context";
import { debtFacilitySchema, parsePercentToBasisPoints } from "../../app/domain/debt-facility";
import {
  createDebtFacility,
  debtServiceForOrg,
  deleteDebtFacility,
  getDebtFacility,
  getDebtFacilityDetail,
  listDebtFacilities,
  updateDebtFacility,
  type DebtFacilityInput,
} from "../../app/models/debt-facility.server";
import { oneYearAfter } from "../../app/domain/bounds";
import { startTestApp, type TestApp } from "../support/app-server";
import { makeOrgWithOwner, type TwoStartups, twoStartups } from "../support/factories";
import { toastIn } from "../support/toast";
import { at, first } from "../support/at";
import { routeData } from "../support/route-data";
import { english } from "../support/english";

let app: TestApp;
let { alpha, beta, alphaOwner, alphaViewer, betaOwner } = {} as TwoStartups;
let betaFacilityId: string;

// The list is an index route: a post to its URL carries ?index, or the org layout would get it.
const LIST = "routes/o.$orgSlug.debt._index";
const DETAIL = "routes/o.$orgSlug.debt.$facilityId";

function facilityInput(overrides: Partial<DebtFacilityInput> = {}): DebtFacilityInput {
  return {
    lender: "First Bank",
    kind: "bank_loan",
    principal: 12_000_000, // 120,000.00
    annualRatePercent: 1200, // 12.00 % in basis points
    drawDate: "2025-01-15",
    termMonths: 12,
    repaymentType: "amortizing",
    interestOnlyMonths: null,
    minimumCash: null,
    reportingDeadlineDay: null,
    ...overrides,
  };
}

const validForm = {
  intent: "create",
  lender: "Venture Lender LLC",
  kind: "venture_debt",
  principal: "120000.00",
  annualRatePercent: "12",
  drawDate: "2025-01-15",
  termMonths: "12",
  repaymentType: "amortizing",
  interestOnlyMonths: "",
  minimumCash: "500000",
  reportingDeadlineDay: "10",
};

/** The known loan of `validForm`: 120,000.00 at 12 %, 12 months, amortizing, drawn January 2025. */
const KNOWN_LOAN: DebtTerms = { principal: 12_000_000, annualRateBps: 1200, drawMonth: "2025-01", termMonths: 12, repayment: "amortizing" };

async function facilitiesOf(org: { id: string }) {
  return withSystem(app.database.db, (tx) => tx.select().from(debtFacilities).where(eq(debtFacilities.orgId, org.id)));
}

async function auditCount(org: { id: string }) {
  return (await withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.orgId, org.id)))).length;
}

async function addReports(ctx: OrgContext, reports: { month: string; cash: number; createdAt?: Date }[]) {
  await withTenant(ctx.db, ctx.org.id, (tx) => tx.insert(monthlyReports).values(reports.map((r) => ({ orgId: ctx.org.id, ...r }))));
}

function usd(minor: number) {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 }).format(minor / 100);
}

/** The schedule table as a user reads it: one array of cell texts per row. */
function scheduleTable(html: string): string[][] {
  const rows = [...html.matchAll(/<tr[^>]*data-testid="schedule-row"[^>]*>(.*?)<\/tr>/g)].map((m) => at(m, 1));
  return rows.map((row) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => at(c, 1).replace(/<!-- -->/g, "")));
}

beforeAll(async () => {
  app = await startTestApp();
  ({ alpha, beta, alphaOwner, alphaViewer, betaOwner } = await twoStartups(app, "Alpha Compute", "Beta Inference"));
  betaFacilityId = (await createDebtFacility(beta.ctx, facilityInput({ lender: "Beta's private lender" }))).id;
});
afterAll(() => app.close());

describe("debt facility model", () => {
  it("stores the rate in basis points, the base currency, and audits the creation", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Model Debt");
    const facility = await createDebtFacility(ctx, facilityInput({ annualRatePercent: 975 }));
    expect(facility).toMatchObject({ annualRateBp: 975, currency: "USD", interestOnlyMonths: 0, version: 1 });
    const audit = await withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, facility.id)));
    expect(audit.map((a) => a.action)).toEqual(["debt_facility.create"]);
    expect(parsePercentToBasisPoints("8.29")).toBe(829);
    expect(parsePercentToBasisPoints("12.5 %")).toBe(1250);
    expect(parsePercentToBasisPoints("1.234")).toBeNull();
  });

  it("lists facilities with maturity, what is outstanding now and the next payment, from the schedule", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "List Debt");
    await createDebtFacility(ctx, facilityInput());
    const listed = first(await listDebtFacilities(ctx, { today: "2025-04-20" }));
    const schedule = debtSchedule(KNOWN_LOAN);
    expect(listed.maturityMonth).toBe("2026-01");
    // Payments 2025-02, -03 and -04 are made by 2025-04-20; the next is 2025-05.
    expect(listed.outstandingNow).toBe(at(schedule, 2).outstandingAfter);
    expect(listed.nextPayment).toEqual({ month: "2025-05", payment: at(schedule, 3).payment });
    const beforeDraw = first(await listDebtFacilities(ctx, { today: "2025-01-20" }));
    expect(beforeDraw.outstandingNow).toBe(12_000_000);
    const repaid = first(await listDebtFacilities(ctx, { today: "2026-03-01" }));
    expect(repaid.outstandingNow).toBe(0);
    expect(repaid.nextPayment).toBeNull();
  });

  it("adds up debt service per month across facilities via finance debtServiceByMonth", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Service Debt");
    await createDebtFacility(ctx, facilityInput());
    await createDebtFacility(
      ctx,
      facilityInput({
        lender: "Bond",
        kind: "bond",
        principal: 5_000_000,
        annualRatePercent: 800,
        drawDate: "2025-03-01",
        termMonths: 6,
        repaymentType: "bullet",
      }),
    );
    await createDebtFacility(ctx, facilityInput({ lender: "IO", repaymentType: "interest_only_then_amortizing", interestOnlyMonths: 3, termMonths: 9 }));
    const service = await debtServiceForOrg(ctx);
    const expected = debtServiceByMonth([
      KNOWN_LOAN,
      { principal: 5_000_000, annualRateBps: 800, drawMonth: "2025-03", termMonths: 6, repayment: "bullet" },
      { ...KNOWN_LOAN, termMonths: 9, repayment: "interest_only_then_amortizing", interestOnlyMonths: 3 },
    ]);
    expect([...service].sort()).toEqual([...expected].sort());
    expect(service.get("2025-09")).toBe(expected.get("2025-09"));
    // Bullet: 8 % on 50,000.00 is 333.33 a month, the principal at maturity.
    expect(
      service.get("2025-09")! -
        at(debtSchedule(KNOWN_LOAN), 7).payment -
        at(debtSchedule({ ...KNOWN_LOAN, termMonths: 9, repayment: "interest_only_then_amortizing", interestOnlyMonths: 3 }), 7).payment,
    ).toBe(5_000_000 + 333_33);
    const empty = await makeOrgWithOwner(app.database, "startup", "No Debt");
    expect((await debtServiceForOrg(empty.ctx)).size).toBe(0);
  });

  it("checks minimum cash against every report since the draw and the reporting deadline of the latest months", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Covenant Debt");
    const facility = await createDebtFacility(ctx, facilityInput({ minimumCash: 50_000_000, reportingDeadlineDay: 10 }));
    await addReports(ctx, [
      { month: "2024-12", cash: 10_000_000 }, // before the draw: not checked
      { month: "2025-01", cash: 60_000_000 },
      { month: "2025-02", cash: 40_000_000, createdAt: new Date("2025-03-09T12:00:00Z") },
      { month: "2025-03", cash: 50_000_000, createdAt: new Date("2025-04-12T12:00:00Z") },
    ]);
    const detail = await getDebtFacilityDetail(ctx, facility.id, { today: "2025-05-05" });
    expect(detail?.minimumCash).toEqual([
      { month: "2025-01", cash: 60_000_000, breach: false },
      { month: "2025-02", cash: 40_000_000, breach: true },
      { month: "2025-03", cash: 50_000_000, breach: false }, // equal to the minimum is not below it
    ]);
    expect(detail?.reporting).toEqual([
      { month: "2025-04", status: "due", dueDate: "2025-05-10", submittedOn: null },
      { month: "2025-03", status: "late", dueDate: "2025-04-10", submittedOn: "2025-04-12" },
      { month: "2025-02", status: "reported", dueDate: "2025-03-10", submittedOn: "2025-03-09" },
    ]);
    const later = await getDebtFacilityDetail(ctx, facility.id, { today: "2025-05-11" });
    expect(later?.reporting?.[0]).toMatchObject({ month: "2025-04", status: "overdue" });
    const none = await createDebtFacility(ctx, facilityInput());
    const noCovenants = await getDebtFacilityDetail(ctx, none.id, { today: "2025-05-05" });
    expect(noCovenants).toMatchObject({ minimumCash: null, reporting: null });
    expect(noCovenants?.schedule).toEqual(debtSchedule(KNOWN_LOAN));
  });

  it("refuses stale versions, other orgs' facilities and viewers", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "Stale Debt");
    const facility = await createDebtFacility(ctx, facilityInput());
    await updateDebtFacility(ctx, facility.id, 1, facilityInput({ lender: "First editor" }));
    await expect(updateDebtFacility(ctx, facility.id, 1, facilityInput({ lender: "Second editor" }))).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getDebtFacility(ctx, facility.id))?.lender).toBe("First editor");
    expect(await getDebtFacility(alpha.ctx, betaFacilityId)).toBeNull();
    expect(await getDebtFacilityDetail(alpha.ctx, betaFacilityId)).toBeNull();
    await expect(updateDebtFacility(alpha.ctx, betaFacilityId, 1, facilityInput())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteDebtFacility(alpha.ctx, betaFacilityId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createDebtFacility({ ...ctx, role: "viewer" }, facilityInput())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await facilitiesOf(beta.org)).find((f) => f.id === betaFacilityId)).toMatchObject({ lender: "Beta's private lender", version: 1 });
  });

  it("validates terms with a message per field", () => {
    const schema = debtFacilitySchema("2026-03-10");
    const io = schema.safeParse({ ...validForm, repaymentType: "interest_only_then_amortizing", interestOnlyMonths: "12" });
    expect(io.error?.issues.map((i) => [i.path.join("."), english(i.message)])).toEqual([
      ["interestOnlyMonths", expect.stringMatching(/fewer than the term \(12 months\)/)],
    ]);
    const several = schema.safeParse({
      ...validForm,
      principal: "-1",
      termMonths: "0",
      repaymentType: "interest_only_then_amortizing",
      interestOnlyMonths: "",
    });
    expect(several.error?.issues.map((i) => i.path.join("."))).toEqual(["principal", "termMonths", "interestOnlyMonths"]);
    const ok = schema.safeParse({ ...validForm, repaymentType: "interest_only_then_amortizing", interestOnlyMonths: "6", annualRatePercent: "100" });
    expect(ok.success && ok.data).toMatchObject({ interestOnlyMonths: 6, annualRatePercent: 10_000, principal: 12_000_000, minimumCash: 50_000_000 });
  });
});

describe("debt facilities over HTTP", () => {
  let facilityId: string;

  it("an owner records a facility and sees it listed", async () => {
    const created = await alphaOwner.post(`/o/${alpha.org.slug}/debt?index`, validForm);
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe(`/o/${alpha.org.slug}/debt`);
    const row = first(await facilitiesOf(alpha.org));
    facilityId = row.id;
    expect(row).toMatchObject({
      lender: "Venture Lender LLC",
      kind: "venture_debt",
      principal: 12_000_000,
      annualRateBp: 1200,
      currency: "USD",
      termMonths: 12,
      repaymentType: "amortizing",
      interestOnlyMonths: 0,
      minimumCash: 50_000_000,
      reportingDeadlineDay: 10,
    });
    const page = await (await alphaOwner.get(`/o/${alpha.org.slug}/debt`)).text();
    expect(toastIn(page)).toBe("Facility recorded.");
    expect(page).toContain("Venture Lender LLC");
    expect(page).toContain("Venture debt");
    expect(page).toContain("2026-01"); // maturity
    const audit = await withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, row.id)));
    expect(audit.map((a) => a.action)).toEqual(["debt_facility.create"]);
  });

  it("shows the month-by-month schedule exactly as finance debtSchedule computes it", async () => {
    const expected = debtSchedule(KNOWN_LOAN);
    const path = `/o/${alpha.org.slug}/debt/${facilityId}`;
    const data = await (await alphaOwner.get(routeData(path, DETAIL))).json();
    expect(data.schedule).toEqual(expected);
    const html = await (await alphaOwner.get(path)).text();
    const table = scheduleTable(html);
    expect(table).toEqual(expected.map((r) => [r.month, usd(r.interest), usd(r.principal), usd(r.payment), usd(r.outstandingAfter)]));
    // Spot-check the known loan: first month's interest is 1 % of 120,000.00; it is repaid in full by 2026-01.
    expect(table[0]).toEqual(["2025-02", "$1,200.00", "$9,461.85", "$10,661.85", "$110,538.15"]);
    expect(table.at(-1)?.[0]).toBe("2026-01");
    expect(table.at(-1)?.[4]).toBe("$0.00");
  });

  it("flags minimum-cash breaches per month since the draw on the facility page", async () => {
    await addReports(alpha.ctx, [
      { month: "2024-12", cash: 1_000_00 },
      { month: "2025-01", cash: 600_000_00 },
      { month: "2025-02", cash: 450_000_00 },
      { month: "2025-03", cash: 520_000_00 },
      { month: "2025-04", cash: 499_999_99 },
    ]);
    const path = `/o/${alpha.org.slug}/debt/${facilityId}`;
    const data = await (await alphaOwner.get(routeData(path, DETAIL))).json();
    expect(data.minimumCash.map((c: { month: string; breach: boolean }) => [c.month, c.breach])).toEqual([
      ["2025-01", false],
      ["2025-02", true],
      ["2025-03", false],
      ["2025-04", true],
    ]);
    // No report for the latest three months: each is still due or past its day-10 deadline.
    expect(data.reporting).toHaveLength(3);
    for (const r of data.reporting) expect(["due", "overdue"]).toContain(r.status);
    expect(data.reporting[2].status).toBe("overdue");
    const html = await (await alphaOwner.get(path)).text();
    expect(html).toContain("Breached in 2 of 4 reported months: 2025-02, 2025-04.");
    expect(html).toContain("Overdue");
  });

  it("answers validation problems per field with 400 and writes nothing", async () => {
    const before = { facilities: await facilitiesOf(alpha.org), audit: await auditCount(alpha.org) };
    const path = routeData(`/o/${alpha.org.slug}/debt`, LIST);
    const farFuture = oneYearAfter(oneYearAfter(isoDateOfDate(new Date())));
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ lender: " " }, "lender", /Enter the lender/],
      [{ kind: "loan_shark" }, "kind", /kind of debt/],
      [{ principal: "-1" }, "principal", /cannot be negative/],
      [{ principal: "0" }, "principal", /more than zero/],
      [{ annualRatePercent: "100.01" }, "annualRatePercent", /above 100%/],
      [{ annualRatePercent: "-2" }, "annualRatePercent", /cannot be negative/],
      [{ annualRatePercent: "9.755" }, "annualRatePercent", /two decimals/],
      [{ drawDate: "2025-02-30" }, "drawDate", /real calendar date/],
      [{ drawDate: farFuture }, "drawDate", /more than a year in the future/],
      [{ termMonths: "0" }, "termMonths", /between 1 and 600/],
      [{ termMonths: "601" }, "termMonths", /between 1 and 600/],
      [{ termMonths: "12.5" }, "termMonths", /whole number/],
      [{ repaymentType: "balloon" }, "repaymentType", /repayment type/],
      [{ repaymentType: "interest_only_then_amortizing" }, "interestOnlyMonths", /how many months are interest-only/],
      [{ repaymentType: "interest_only_then_amortizing", interestOnlyMonths: "12" }, "interestOnlyMonths", /fewer than the term/],
      [{ interestOnlyMonths: "3" }, "interestOnlyMonths", /apply only to the interest-only-then-amortizing/],
      [{ minimumCash: "-5" }, "minimumCash", /cannot be negative/],
      [{ minimumCash: "0" }, "minimumCash", /more than zero/],
      [{ reportingDeadlineDay: "29" }, "reportingDeadlineDay", /between 1 and 28/],
    ];
    for (const [change, field, message] of cases) {
      const response = await alphaOwner.post(path, { ...validForm, ...change });
      expect(response.status, JSON.stringify(change)).toBe(400);
      const body = await response.json();
      expect(body.fieldErrors[field], JSON.stringify(change)).toMatch(message);
    }
    expect(await facilitiesOf(alpha.org)).toEqual(before.facilities);
    expect(await auditCount(alpha.org)).toBe(before.audit);
  });

  it("a viewer reads debt but gets 403 for every change, and nothing is written", async () => {
    const before = { facilities: await facilitiesOf(alpha.org), audit: await auditCount(alpha.org) };
    const list = await alphaViewer.get(`/o/${alpha.org.slug}/debt`);
    expect(list.status).toBe(200);
    expect(await list.text()).not.toContain("Record a facility");
    const detail = await alphaViewer.get(`/o/${alpha.org.slug}/debt/${facilityId}`);
    expect(detail.status).toBe(200);
    const html = await detail.text();
    expect(scheduleTable(html)).toHaveLength(12);
    expect(html).not.toContain("Save changes");
    expect(html).not.toContain("Delete facility");
    expect((await alphaViewer.post(`/o/${alpha.org.slug}/debt?index`, validForm)).status).toBe(403);
    expect((await alphaViewer.post(`/o/${alpha.org.slug}/debt/${facilityId}`, { ...validForm, intent: "update", version: "1" })).status).toBe(403);
    expect((await alphaViewer.post(`/o/${alpha.org.slug}/debt/${facilityId}`, { intent: "delete", version: "1", confirm: "yes" })).status).toBe(403);
    expect(await facilitiesOf(alpha.org)).toEqual(before.facilities);
    expect(await auditCount(alpha.org)).toBe(before.audit);
  });

  it("answers 404 for another org's facility, under either slug, and writes nothing", async () => {
    const betaBefore = await facilitiesOf(beta.org);
    const betaAudit = await auditCount(beta.org);
    const underOwnSlug = `/o/${alpha.org.slug}/debt/${betaFacilityId}`;
    const own = await alphaOwner.get(underOwnSlug);
    expect(own.status).toBe(404);
    expect(await own.text()).not.toContain("private lender");
    expect((await alphaOwner.post(underOwnSlug, { ...validForm, intent: "update", version: "1" })).status).toBe(404);
    expect((await alphaOwner.post(underOwnSlug, { intent: "delete", version: "1", confirm: "yes" })).status).toBe(404);
    const underTheirSlug = `/o/${beta.org.slug}/debt/${betaFacilityId}`;
    expect((await alphaOwner.get(underTheirSlug)).status).toBe(404);
    expect((await alphaOwner.get(`/o/${beta.org.slug}/debt`)).status).toBe(404);
    expect((await alphaOwner.get(`/o/${beta.org.slug}/debt.csv`)).status).toBe(404);
    expect((await alphaOwner.post(`/o/${beta.org.slug}/debt?index`, validForm)).status).toBe(404);
    expect((await alphaOwner.post(underTheirSlug, { ...validForm, intent: "update", version: "1" })).status).toBe(404);
    expect((await alphaOwner.post(underTheirSlug, { intent: "delete", version: "1", confirm: "yes" })).status).toBe(404);
    expect((await alphaOwner.get(`/o/${alpha.org.slug}/debt/12345`)).status).toBe(404);
    expect(await facilitiesOf(beta.org)).toEqual(betaBefore);
    expect(await auditCount(beta.org)).toBe(betaAudit);
    expect((await betaOwner.get(underTheirSlug)).status).toBe(200);
  });

  it("edits with the version it read; a stale edit gets a 409 conflict message and changes nothing", async () => {
    const path = `/o/${alpha.org.slug}/debt/${facilityId}`;
    const { facility } = await (await alphaOwner.get(routeData(path, DETAIL))).json();
    const editForm = { ...validForm, intent: "update", version: String(facility.version) };
    const first = await alphaOwner.post(path, { ...editForm, repaymentType: "interest_only_then_amortizing", interestOnlyMonths: "6" });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(path);
    expect(toastIn(await (await alphaOwner.get(path)).text())).toBe("Facility saved.");
    const auditBefore = await auditCount(alpha.org);
    const stale = await alphaOwner.post(routeData(path, DETAIL), { ...editForm, annualRatePercent: "15" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).formError).toMatch(/Someone else changed this debt facility while you were editing/);
    const row = at(
      (await facilitiesOf(alpha.org)).filter((f) => f.id === facilityId),
      0,
    );
    expect(row).toMatchObject({ repaymentType: "interest_only_then_amortizing", interestOnlyMonths: 6, annualRateBp: 1200, version: facility.version + 1 });
    expect(await auditCount(alpha.org)).toBe(auditBefore);
    // The page now shows the new schedule: six interest-only months, then amortizing.
    const data = await (await alphaOwner.get(routeData(path, DETAIL))).json();
    expect(data.schedule).toEqual(debtSchedule({ ...KNOWN_LOAN, repayment: "interest_only_then_amortizing", interestOnlyMonths: 6 }));
    expect(data.schedule[5].principal).toBe(0);
  });

  it("exports facilities as CSV", async () => {
    const response = await alphaViewer.get(`/o/${alpha.org.slug}/debt.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toMatch(
      /^id,lender,kind,principal,currency,annual_rate_percent,draw_date,term_months,repayment_type,interest_only_months,minimum_cash,reporting_deadline_day,maturity_month,outstanding_\d{4}-\d{2},minimum_cash_checked_month,minimum_cash_breach,last_report_month,last_report_status,last_report_in_on$/,
    );
    expect(lines[1]).toContain(",Venture Lender LLC,venture_debt,120000.00,USD,12,2025-01-15,12,interest_only_then_amortizing,6,500000.00,10,2026-01,0.00");
    expect(lines).toHaveLength(2);
  });

  it("deletes only after confirmation, and audits the deletion", async () => {
    const path = `/o/${alpha.org.slug}/debt/${facilityId}`;
    const { facility } = await (await alphaOwner.get(routeData(path, DETAIL))).json();
    const unconfirmed = await alphaOwner.post(routeData(path, DETAIL), { intent: "delete", version: String(facility.version) });
    expect(unconfirmed.status).toBe(400);
    expect((await unconfirmed.json()).fieldErrors.confirm).toMatch(/Tick the box/);
    expect(await facilitiesOf(alpha.org)).toHaveLength(1);
    const deleted = await alphaOwner.post(path, { intent: "delete", version: String(facility.version), confirm: "yes" });
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("location")).toBe(`/o/${alpha.org.slug}/debt`);
    expect(await facilitiesOf(alpha.org)).toHaveLength(0);
    const audit = await withSystem(app.database.db, (tx) => tx.select().from(auditLog).where(eq(auditLog.entityId, facilityId)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["debt_facility.create", "debt_facility.update", "debt_facility.delete"]));
    const page = await (await alphaOwner.get(`/o/${alpha.org.slug}/debt`)).text();
    expect(toastIn(page)).toBe("Facility deleted.");
    expect(page).toContain("No debt facilities recorded");
  });
});
