import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { withSystem } from "../../db/tenant";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { grantAccess, makeOrgWithOwner, makeUser, TEST_PASSWORD } from "../support/factories";
import {
  applyMutations,
  describePairs,
  fingerprint,
  hostileValue,
  IMG_PAYLOAD,
  mutationsFor,
  postPairs,
  REFUSALS,
  SCRIPT_PAYLOAD,
  SQL_PAYLOAD,
} from "../support/hostile";
import { type BuiltRoute, builtRoutes, routeData } from "../support/route-data";
import { lookup, first } from "../support/at";
import { reportForm as blankReportForm } from "../support/report-inputs";
import { alertRulesForm } from "../support/alert-rules-form";
import { facilityForm, roundForm } from "../support/record-forms";

/**
 * Bad input, property-based: every action in the built Remix manifest gets malformed and
 * hostile payloads from an owner of the org (so permission checks pass and validation is what
 * is tested). Never a 5xx; a refusal (4xx) writes nothing and names what is wrong; stored text
 * comes back escaped in the HTML.
 */
interface ActionSpec {
  /** A valid submission the mutations start from (so each hostile field is tested alone). */
  base: () => Promise<Record<string, string>> | Record<string, string>;
  /** Which client posts (default: the org owner). */
  as?: () => Promise<TestClient> | TestClient;
  /** field → a value that must be refused with a message on that very field. */
  mustFlag?: Record<string, string | string[]>;
  /** Multipart upload routes: url-encoded posts are refused; files are tested below. */
  upload?: boolean;
  /** Investor-side actions are posted by the owner of an investor org linked to Props Co, under its slug. */
  org?: "investor";
}

const NUM_RUNS = Number(process.env.BAD_INPUT_RUNS ?? 15);
const PAST_MONTH = "2026-03";

let app: TestApp;
let owner: TestClient;
let slug: string;
let orgId: string;
let routes: BuiltRoute[];
const ids = { roundId: "", facilityId: "", riskId: "", positionId: "", metricId: "", updateId: "", planId: "" };
const fund = { slug: "", orgId: "", ownerEmail: "" };
let fundOwner: TestClient;

/** Who posts a spec's action, and under which org slug. */
async function actorFor(spec: ActionSpec): Promise<{ client: TestClient; override: Record<string, string> }> {
  if (spec.org === "investor") return { client: fundOwner, override: { orgSlug: fund.slug } };
  return { client: spec.as ? await spec.as() : owner, override: {} };
}

/** Both orgs' data: a refusal must leave the startup and the investor untouched. */
async function snapshot() {
  return { startup: await fingerprint(app.database, orgId), investor: await fingerprint(app.database, fund.orgId) };
}

function urlFor(route: { pattern: string; id: string; index: boolean }, override: Record<string, string> = {}) {
  const params: Record<string, string> = { orgSlug: slug, month: PAST_MONTH, token: "not-a-token", ...ids, ...override };
  const path = route.pattern.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? "none"));
  return routeData(path, route.id);
}

let metricKeys = 0;
/** A valid metric definition with a key of its own (a key is unique per org). */
const metricForm = () => ({
  nameEn: "Tokens served",
  nameZh: "服务的令牌数",
  key: `tokens_${++metricKeys}_${Date.now() % 100000}`,
  unit: "count",
  direction: "higher_is_better",
  rollup: "sum",
});

/** An investor update saved as a draft (sending needs a granted investor; the composer's own tests send). */
function updateForm(): Record<string, string> {
  return { intent: "save", title: "Monthly update", month: PAST_MONTH, body: "Runway is {{runway}}.", highlights: "Shipped", lowlights: "", asks: "" };
}

async function versionOf(
  table: "funding_rounds" | "debt_facilities" | "risks" | "monthly_reports" | "positions" | "alert_rules" | "investor_updates" | "data_request_plans",
  where: ReturnType<typeof sql>,
) {
  return withSystem(app.database.db, async (tx) => {
    const [row] = rowsOf<{ v: string }>(await tx.execute(sql`select version::text as v from ${sql.identifier(table)} where ${where}`));
    return row?.v ?? "";
  });
}

const riskForm = () => ({
  title: "Key supplier fails",
  category: "operational",
  likelihood: "3",
  impact: "4",
  owner: "CFO",
  mitigation: "Second supplier",
  status: "open",
  nextReviewDate: "2026-12-01",
});
const reportForm = () => ({
  cash: "1200000.00",
  revenue: "40000",
  compute: "60000",
  data: "10000",
  payroll: "80000",
  research: "5000",
  go_to_market: "10000",
  general_admin: "4000",
  other: "1000",
  headcount: "12",
  arr: "480000",
  highlights: "Shipped",
  lowlights: "",
  asks: "",
});

const positionForm = () => ({
  intent: "create",
  companyOrgId: orgId,
  investedOn: "2025-09-15",
  amount: "1,000,000.00",
  currency: "",
  instrument: "seed",
  ownershipPercent: "12.5",
  currentValue: "1500000",
  notes: "Led by us",
});
const currentAlertRulesForm = async () => alertRulesForm((await versionOf("alert_rules", sql`org_id = ${fund.orgId}`)) || "0");

let passwordClient: TestClient | undefined;
/** One signed-in person with no org, for the account pages' actions. */
async function passwordPerson() {
  if (!passwordClient) {
    const user = await makeUser(app.database, "Password Person");
    passwordClient = app.client();
    await passwordClient.login(user.email, TEST_PASSWORD);
  }
  return passwordClient;
}
let accountClient: TestClient | undefined;

/** Every route with an action needs an entry here; a new action fails the coverage test until it gets one. */
const SPECS: Record<string, ActionSpec> = {
  "routes/login": {
    base: () => ({ email: "nobody@example.test", password: "wrong password 123" }),
    as: () => app.client(),
    mustFlag: { email: "not an email" },
  },
  "routes/signup": {
    base: () => ({ email: `props-${Date.now()}-${Math.random()}@example.test`, name: "Props Person", password: "a long enough password" }),
    as: () => app.client(),
    mustFlag: { email: SCRIPT_PAYLOAD, name: "x".repeat(400), password: "short" },
  },
  "routes/logout": { base: () => ({}), as: () => app.client() },
  // Account links (decision 017): the address is checked before any throttle or look-up.
  "routes/forgot-password": {
    base: () => ({ email: "nobody-bad-input@example.test" }),
    as: () => app.client(),
    mustFlag: { email: ["not an email", SCRIPT_PAYLOAD] },
  },
  "routes/reset-password.$token": {
    base: () => ({ newPassword: "a brand new password", confirmPassword: "a brand new password" }),
    as: () => app.client(),
    mustFlag: { newPassword: "short", confirmPassword: "something else entirely" },
  },
  "routes/verify-email._index": {
    base: () => ({}),
    as: () => passwordPerson(),
  },
  "routes/invite.$token": { base: () => ({}) },
  "routes/account.password": {
    base: () => ({ currentPassword: TEST_PASSWORD, newPassword: "a brand new password", confirmPassword: "a brand new password" }),
    as: () => passwordPerson(),
    mustFlag: { newPassword: "short", confirmPassword: "something else entirely" },
  },
  // Two-factor (decision 021): an unknown intent and a code that is not six digits are refused on their fields.
  "routes/account.two-factor": {
    base: () => ({ intent: "confirm", code: "123456" }),
    as: () => passwordPerson(),
    mustFlag: { intent: ["bogus", ""], code: ["abc", "1234567"] },
  },
  // No pending sign-in here: every answer is a refusal, and nothing is written.
  "routes/login_.two-factor": {
    base: () => ({ code: "123456" }),
    as: () => app.client(),
    mustFlag: { code: ["", "x".repeat(60)] },
  },
  "routes/account.email": {
    base: () => ({ email: `new-address-${Date.now()}@example.test`, currentPassword: TEST_PASSWORD }),
    as: () => passwordPerson(),
    mustFlag: { email: ["not an email", SCRIPT_PAYLOAD], currentPassword: "" },
  },
  // Decision 022: a handle that is not the person's own is a 404 and ends nothing.
  "routes/account.sessions": {
    base: () => ({ intent: "end", session: "00000000-0000-4000-8000-000000000000" }),
    as: () => passwordPerson(),
    mustFlag: { intent: "bogus" },
  },
  "routes/confirm-email.$token": { base: () => ({}), as: () => app.client() },
  "routes/account.delete": {
    // The sole owner of an org: even the right password is refused (409), so nothing is ever deleted here.
    base: () => ({ currentPassword: TEST_PASSWORD, confirm: "yes" }),
    as: async () => {
      if (!accountClient) {
        const made = await makeOrgWithOwner(app.database, "startup", "Sole Owner Co");
        accountClient = app.client();
        await accountClient.login(made.owner.email, TEST_PASSWORD);
      }
      return accountClient;
    },
    mustFlag: { currentPassword: "", confirm: "no" },
  },
  "routes/o.$orgSlug.delete": {
    base: () => ({ intent: "schedule", confirmName: "Not the name of this org", confirm: "yes" }),
    mustFlag: { confirmName: ["", "props co", "x".repeat(400)], confirm: "no" },
  },
  "routes/orgs.new": {
    base: () => ({ name: "Another Co", kind: "startup", baseCurrency: "USD" }),
    mustFlag: { name: "", kind: "bank", baseCurrency: "usd1" },
  },
  "routes/o.$orgSlug.settings": {
    base: () => ({
      name: "Props Co",
      baseCurrency: "USD",
      budgetOverrunThresholdPercent: "10",
      riskMediumFrom: "5",
      riskHighFrom: "10",
      riskCriticalFrom: "16",
    }),
    mustFlag: {
      name: "x".repeat(400),
      baseCurrency: "XXXX",
      budgetOverrunThresholdPercent: ["1e308", "0x10", "", "-1", "100.01", "12.345"],
      riskMediumFrom: ["abc", "", "1", "0", "-5", "2.5", "1e1", "9007199254740993"],
      riskHighFrom: ["5", "4", "26"],
      // Not a checkbox's value; and "on" from an owner without two-factor of their own (decision 021).
      requireTwoFactor: ["yes", "on"],
      riskCriticalFrom: ["30", "10", "0x10"],
    },
  },
  "routes/o.$orgSlug.members": {
    base: () => ({ intent: "invite", email: "invitee@example.test", role: "member" }),
    mustFlag: { email: IMG_PAYLOAD, role: "owner" },
  },
  "routes/o.$orgSlug.rounds._index": {
    base: () => roundForm(),
    mustFlag: { amount: "-5", closeDate: "9999-12-31", currency: "usd1", preMoneyValuation: "1e308", leadInvestor: "x".repeat(400), instrument: SQL_PAYLOAD },
  },
  "routes/o.$orgSlug.updates.new": {
    base: updateForm,
    mustFlag: { title: ["", "x".repeat(201)], month: ["2026-13", ""], body: "x".repeat(20_001), asks: "x".repeat(4_001) },
  },
  "routes/o.$orgSlug.updates.$updateId.edit": {
    base: async () => ({ ...updateForm(), version: await versionOf("investor_updates", sql`id = ${ids.updateId}`) }),
    mustFlag: { title: "", month: "0000-00" },
  },
  // Deleting a draft (decision 025 addendum), at a version no update has: even a submission the
  // mutations leave valid is refused as stale, so the draft the other specs edit stays.
  "routes/o.$orgSlug.updates.$updateId._index": {
    base: () => ({ intent: "delete", confirm: "yes", version: "999999" }),
    mustFlag: { confirm: "" },
  },
  "routes/o.$orgSlug.rounds.$roundId": {
    base: async () => ({ ...roundForm(), version: await versionOf("funding_rounds", sql`id = ${ids.roundId}`) }),
    mustFlag: { amount: "9007199254740993", closeDate: "0001-01-01", currency: "€" },
  },
  "routes/o.$orgSlug.debt._index": {
    base: () => facilityForm(),
    mustFlag: { principal: "-1", annualRatePercent: "1e308", termMonths: "1".repeat(400), drawDate: "2026-13-01", kind: "" },
  },
  "routes/o.$orgSlug.debt.$facilityId": {
    base: async () => ({ ...facilityForm(), version: await versionOf("debt_facilities", sql`id = ${ids.facilityId}`) }),
    mustFlag: { principal: "NaN", reportingDeadlineDay: "31" },
  },
  "routes/o.$orgSlug.risks._index": {
    base: riskForm,
    mustFlag: { title: "", likelihood: "9007199254740993", impact: "0", nextReviewDate: "2026-00-10", category: "<script>" },
  },
  "routes/o.$orgSlug.risks.$riskId": {
    base: async () => ({ ...riskForm(), version: await versionOf("risks", sql`id = ${ids.riskId}`) }),
    mustFlag: { title: "x".repeat(201), status: "deleted" },
  },
  // Custom metrics (decision 024): a definition and one month's value.
  "routes/o.$orgSlug.metrics._index": {
    base: () => metricForm(),
    mustFlag: { unit: "bogus", direction: "sideways", rollup: "median", nameEn: "", key: "Not A Key!" },
  },
  "routes/o.$orgSlug.metrics.$metricId": {
    base: () => ({ intent: "value", month: PAST_MONTH, value: "1250.5", version: "" }),
    mustFlag: { value: ["abc", "12,34,5.6.7"] },
  },
  // Data requests (decision 026): a fund's new request and "remind now" (no such request: a 404 writing nothing).
  "routes/o.$orgSlug.collection.new": {
    org: "investor",
    base: () => ({ month: PAST_MONTH, cadence: "monthly", dueDay: "15", steps: "-3, 0, 3, 7", note: "", scope: "all", arr: "on" }),
    mustFlag: { month: ["2026-13", ""], dueDay: ["31", "abc"], steps: ["soon", "1, 2, 3, 4, 5, 6, 7, 8, 9"], cadence: "weekly", note: "x".repeat(1001) },
  },
  "routes/o.$orgSlug.collection._index": { org: "investor", base: () => ({ requestId: "00000000-0000-4000-8000-000000000000" }) },
  // Stopping a request plan (decision 035): the form is checked before the plan is looked up (none here: a 404 writing nothing).
  "routes/o.$orgSlug.collection.plans.$planId": {
    org: "investor",
    base: async () => ({ version: await versionOf("data_request_plans", sql`id = ${ids.planId}`), dueDay: "15", steps: "-3, 0, 3, 7", note: "" }),
    mustFlag: { dueDay: ["31", "abc"], steps: ["soon", "1, 2, 3, 4, 5, 6, 7, 8, 9"], note: "x".repeat(1001), version: "abc" },
  },
  "routes/o.$orgSlug.collection.plans._index": {
    org: "investor",
    base: () => ({ intent: "stop", planId: "00000000-0000-4000-8000-000000000000", version: "1", confirm: "yes" }),
    mustFlag: { confirm: ["", "no"], version: ["", "abc"] },
  },
  // Company invitations (decision 028): fields are checked before the request named is looked up (none here: refused, writing nothing).
  "routes/o.$orgSlug.collection.invite": {
    org: "investor",
    base: () => ({ intent: "invite", email: "founder@example.test", companyName: "Orbital", planId: "00000000-0000-4000-8000-000000000000" }),
    mustFlag: { email: ["not an email", SCRIPT_PAYLOAD], companyName: ["", "x".repeat(400)] },
  },
  // The founder's link: the token is the capability; an unknown one answers 404 and writes nothing.
  "routes/join.$token": {
    base: () => ({ name: "Ada", password: "a long enough password", companyName: "Orbital", baseCurrency: "USD" }),
    as: () => app.client(),
  },
  // Notifications (decision 023): each choice takes only its own options.
  "routes/account.notifications": {
    base: () => ({ access_requested: "on", access_decided: "on", share_link_viewed: "off", request_reminder: "on", alert: "weekly", investor_update: "on" }),
    as: () => passwordPerson(),
    mustFlag: { access_requested: ["daily", "bogus"], alert: "sometimes", investor_update: "weekly" },
  },
  // One-click unsubscribe: the token is the capability; one that is not ours is a 404 writing nothing.
  "routes/unsubscribe.$token": { base: () => ({}), as: () => app.client() },
  "routes/o.$orgSlug.reports.$month": {
    base: async () => ({ ...reportForm(), version: await versionOf("monthly_reports", sql`org_id = ${orgId} and month = ${PAST_MONTH}`) }),
    mustFlag: { cash: "-0.01", headcount: "1e308", revenue: "1".repeat(400), arr: "12.345" },
  },
  "routes/o.$orgSlug.budgets._index": {
    base: async () => {
      const response = await owner.get(routeData(`/o/${slug}/budgets?year=2026`, "routes/o.$orgSlug.budgets._index"));
      const data = (await response.json()) as { budgets: { token: string } };
      return { year: "2026", token: data.budgets.token, "b:2026-01:compute": "100.00" };
    },
    mustFlag: { "b:2026-01:compute": "-12500.50", "b:2026-02:payroll": "1e308", "b:2026-01:compute:extra": "1" },
  },
  "routes/o.$orgSlug.reports.import": { base: () => ({}), upload: true },
  "routes/o.$orgSlug.budgets.import": { base: () => ({}), upload: true },
  "routes/o.$orgSlug.metrics.import": { base: () => ({}), upload: true },
  "routes/o.$orgSlug.investors": {
    base: () => ({ intent: "invite", via: fund.ownerEmail, sections: "financials" }),
    mustFlag: { via: "not@an@email", sections: "everything" },
  },
  "routes/o.$orgSlug.companies._index": {
    org: "investor",
    base: () => ({ intent: "request", via: "ZZZZ0000ZZZZ" }),
  },
  "routes/o.$orgSlug.positions._index": {
    org: "investor",
    base: positionForm,
    mustFlag: { amount: "-5", investedOn: "9999-12-31", ownershipPercent: "101", currency: "usd1", currentValue: "1e308" },
  },
  "routes/o.$orgSlug.positions.$positionId": {
    org: "investor",
    base: async () => ({ ...positionForm(), intent: "update", version: await versionOf("positions", sql`id = ${ids.positionId}`) }),
    mustFlag: { amount: "abc", investedOn: "2026-13-01" },
  },
  "routes/o.$orgSlug.fx._index": {
    org: "investor",
    base: () => ({ intent: "save", month: PAST_MONTH, currency: "EUR", rate: "1.0825" }),
    mustFlag: { rate: ["-1", "0", "1e308", "abc"], month: "2026-13", currency: "USD" },
  },
  "routes/o.$orgSlug.fx.import": { org: "investor", base: () => ({}), upload: true },
  "routes/o.$orgSlug.portfolio._index": {
    org: "investor",
    base: () => ({ intent: "columns", redirectTo: "/", columns: "cash" }),
  },
  "routes/o.$orgSlug.alerts._index": {
    org: "investor",
    base: () => ({ intent: "acknowledge", alertId: "00000000-0000-4000-8000-000000000000" }),
  },
  "routes/o.$orgSlug.share-links._index": {
    base: () => ({ intent: "create", label: "Q3 report for LPs", scope: "company", mode: "live", expiresInDays: "30", passphrase: "", sections: "financials" }),
    mustFlag: { expiresInDays: ["0", "366", "abc"], label: "x".repeat(400), sections: "everything" },
  },
  "routes/o.$orgSlug.share-links.$linkId": {
    base: () => ({ intent: "revoke", confirm: "yes" }),
  },
  "routes/r.$token": { base: () => ({ passphrase: "wrong passphrase" }), as: () => app.client() },
  "routes/locale": { base: () => ({ locale: "zh-CN", redirectTo: "/" }) },
  "routes/o.$orgSlug.alerts.rules": {
    org: "investor",
    base: currentAlertRulesForm,
    mustFlag: { runwayCautionMonths: "abc", reportDueDay: "29", riskScoreMin: "26", budgetOverrunPercent: "-1" },
  },
};

/** Keys worth mutating beyond the base form's own: cells of the wrong year, odd names. */
const EXTRA_KEYS: Record<string, string[]> = {
  "routes/o.$orgSlug.budgets._index": [
    "b:9999-12:compute",
    "b:0001-01:compute",
    "b:2026-13:payroll",
    "b:2026-00:data",
    "b:2026-01:'; drop",
    "b:2026-01:compute:x",
    "year",
  ],
  "routes/o.$orgSlug.members": ["userId", "invitationId"],
};

beforeAll(async () => {
  app = await startTestApp();
  const made = await makeOrgWithOwner(app.database, "startup", "Props Co");
  slug = made.org.slug;
  orgId = made.org.id;
  owner = app.client();
  await owner.login(made.owner.email, TEST_PASSWORD);

  routes = await builtRoutes();

  // One of each record, made through the real forms, for the edit actions to aim at.
  expect((await owner.post(`/o/${slug}/rounds?index`, roundForm())).status).toBe(302);
  expect((await owner.post(`/o/${slug}/debt?index`, facilityForm())).status).toBe(302);
  expect((await owner.post(`/o/${slug}/risks?index`, riskForm())).status).toBe(302);
  expect((await owner.post(`/o/${slug}/reports/${PAST_MONTH}`, reportForm())).status).toBe(302);
  expect((await owner.post(`/o/${slug}/updates/new`, updateForm())).status).toBe(302);
  await withSystem(app.database.db, async (tx) => {
    const one = async (q: ReturnType<typeof sql>) => first(rowsOf<{ v: string }>(await tx.execute(q))).v;
    ids.roundId = await one(sql`select id::text as v from funding_rounds where org_id = ${orgId}`);
    ids.facilityId = await one(sql`select id::text as v from debt_facilities where org_id = ${orgId}`);
    ids.riskId = await one(sql`select id::text as v from risks where org_id = ${orgId}`);
    ids.updateId = await one(sql`select id::text as v from investor_updates where org_id = ${orgId}`);
  });
  expect((await owner.post(`/o/${slug}/metrics?index`, metricForm())).status).toBe(302);
  await withSystem(app.database.db, async (tx) => {
    ids.metricId = first(rowsOf<{ v: string }>(await tx.execute(sql`select id::text as v from metric_definitions where org_id = ${orgId}`))).v;
  });

  // An investor linked to Props Co, with one position, for the investor-side actions.
  const investor = await makeOrgWithOwner(app.database, "investor", "Props Fund");
  Object.assign(fund, { slug: investor.org.slug, orgId: investor.org.id, ownerEmail: investor.owner.email });
  await grantAccess(app.database, { id: orgId }, investor.org, ["financials"]);
  fundOwner = app.client();
  await fundOwner.login(investor.owner.email, TEST_PASSWORD);
  expect((await fundOwner.post(`/o/${fund.slug}/positions?index`, positionForm())).status).toBe(302);
  await withSystem(app.database.db, async (tx) => {
    ids.positionId = first(rowsOf<{ v: string }>(await tx.execute(sql`select id::text as v from positions where org_id = ${fund.orgId}`))).v;
  });
  // A request plan of the fund, for the plan's change form.
  expect(
    (
      await fundOwner.post(`/o/${fund.slug}/collection/new`, {
        month: PAST_MONTH,
        cadence: "monthly",
        dueDay: "15",
        steps: "-3, 0, 3, 7",
        note: "",
        scope: "all",
      })
    ).status,
  ).toBe(302);
  await withSystem(app.database.db, async (tx) => {
    ids.planId = first(rowsOf<{ v: string }>(await tx.execute(sql`select id::text as v from data_request_plans where org_id = ${fund.orgId}`))).v;
  });
}, 60_000);
afterAll(() => app?.close());

/** What every answer to a bad or doubtful submission must satisfy. */
async function checkAnswer(label: string, response: Response, before: Awaited<ReturnType<typeof snapshot>>) {
  expect(response.status, `${label}: a server error`).toBeLessThan(500);
  if (response.status < 400) return;
  expect(REFUSALS, `${label}: unexpected refusal status`).toContain(response.status);
  expect(await snapshot(), `${label}: a refused request wrote something`).toEqual(before);
  if (response.status === 400 && (response.headers.get("content-type") ?? "").includes("json")) {
    const body = (await response.json()) as { fieldErrors?: Record<string, string>; formError?: string; errors?: unknown[] };
    const messages = [...Object.values(body.fieldErrors ?? {}), body.formError ?? "", ...(body.errors ?? []).map(String)].filter(Boolean);
    expect(messages.length, `${label}: a 400 without any message`).toBeGreaterThan(0);
  }
}

describe("bad input to every action", () => {
  it("every action in the manifest has a bad-input spec", () => {
    const withAction = routes.filter((r) => r.hasAction).map((r) => r.id);
    expect(withAction.length).toBeGreaterThanOrEqual(10);
    expect(withAction.filter((id) => !SPECS[id])).toEqual([]);
  });

  it(
    "hostile payloads never cause a 5xx, and a refusal writes nothing",
    async () => {
      for (const route of routes.filter((r) => r.hasAction)) {
        const spec = SPECS[route.id] ?? { base: () => ({}) };
        const probe = await spec.base();
        const keys = [...new Set([...Object.keys(probe), ...(EXTRA_KEYS[route.id] ?? []), "intent", "version", "unknown"])];
        await fc.assert(
          fc.asyncProperty(mutationsFor(keys), async (mutations) => {
            const { client, override } = await actorFor(spec);
            const pairs = applyMutations(await spec.base(), mutations);
            const before = await snapshot();
            const response = await postPairs(client, urlFor(route, override), pairs);
            await checkAnswer(`${route.id} ${describePairs(pairs)}`, response, before);
          }),
          { numRuns: NUM_RUNS },
        );
      }
      // Every action route runs NUM_RUNS requests: the limit grows with the app (half a second per request, at least 2 minutes).
    },
    Math.max(120_000, Object.keys(SPECS).length * NUM_RUNS * 500),
  );

  it("a field at fault is refused with a message on that field, and nothing is written", async () => {
    for (const route of routes.filter((r) => r.hasAction && SPECS[r.id]?.mustFlag)) {
      const spec = lookup(SPECS, route.id);
      for (const [field, value] of Object.entries(spec.mustFlag ?? {}).flatMap(([f, v]) => (Array.isArray(v) ? v : [v]).map((one) => [f, one] as const))) {
        const { client, override } = await actorFor(spec);
        const before = await snapshot();
        const response = await postPairs(client, urlFor(route, override), Object.entries({ ...(await spec.base()), [field]: value }));
        const label = `${route.id} ${field}=${JSON.stringify(value.slice(0, 40))}`;
        expect(response.status, label).toBe(400);
        const body = (await response.json()) as { fieldErrors: Record<string, string> };
        expect(body.fieldErrors[field], label).toEqual(expect.any(String));
        expect(await snapshot(), label).toEqual(before);
      }
    }
  }, 60_000);

  it("hostile ids and months in the URL answer 400 or 404 and write nothing", async () => {
    const withParams = routes.filter((r) => r.hasAction && /:(roundId|facilityId|riskId|month|positionId|metricId|planId)/.test(r.pattern));
    expect(withParams.length).toBeGreaterThanOrEqual(4);
    const hostileParam = fc.oneof(
      fc.constantFrom(
        "9999-12",
        "0001-01",
        "2026-13",
        "2026-00",
        "1999-12",
        "2099-01",
        "new",
        "00000000-0000-4000-8000-000000000000",
        SQL_PAYLOAD,
        "\u0000",
        "%2e%2e",
      ),
      // "." and ".." are resolved by the client before the request is sent (another URL, not a hostile id).
      hostileValue.filter((v) => v !== "" && v !== "." && v !== ".."),
    );
    for (const route of withParams) {
      const spec = lookup(SPECS, route.id);
      await fc.assert(
        fc.asyncProperty(hostileParam, async (value) => {
          const actor = await actorFor(spec);
          const override = {
            ...actor.override,
            roundId: value,
            facilityId: value,
            riskId: value,
            month: value,
            positionId: value,
            metricId: value,
            planId: value,
          };
          const before = await snapshot();
          const response = await postPairs(actor.client, urlFor(route, override), Object.entries(await spec.base()));
          const label = `${route.id} param=${JSON.stringify(value.slice(0, 60))}`;
          expect([400, 404, 409], label).toContain(response.status);
          await checkAnswer(label, response, before);
        }),
        { numRuns: Math.ceil(NUM_RUNS / 2) },
      );
    }
  }, 60_000);

  it("a NUL byte in a text field is refused on that field (PostgreSQL text cannot store it), nothing written", async () => {
    const cases: [string, string][] = [
      ["routes/o.$orgSlug.risks._index", "title"],
      ["routes/o.$orgSlug.risks.$riskId", "mitigation"],
      ["routes/o.$orgSlug.rounds._index", "leadInvestor"],
      ["routes/o.$orgSlug.rounds.$roundId", "notes"],
      ["routes/o.$orgSlug.debt._index", "lender"],
      ["routes/o.$orgSlug.debt.$facilityId", "lender"],
      ["routes/o.$orgSlug.reports.$month", "highlights"],
      ["routes/o.$orgSlug.settings", "name"],
      ["routes/orgs.new", "name"],
      ["routes/signup", "name"],
    ];
    for (const [id, field] of cases) {
      const route = routes.find((r) => r.id === id);
      expect(route, id).toBeDefined();
      const spec = lookup(SPECS, id);
      const client = spec.as ? await spec.as() : owner;
      const before = await fingerprint(app.database, orgId);
      const response = await postPairs(client, urlFor(route!), Object.entries({ ...(await spec.base()), [field]: "Acme\u0000Capital" }));
      expect(response.status, `${id} ${field}`).toBe(400);
      const body = (await response.json()) as { fieldErrors: Record<string, string> };
      expect(body.fieldErrors?.[field] ?? JSON.stringify(body), `${id} ${field}`).toMatch(/NUL/);
      expect(await fingerprint(app.database, orgId), `${id} ${field}`).toEqual(before);
    }
  }, 60_000);

  it("a 1 MB value in each text field is refused with a field message, not a crash", async () => {
    const huge = "A".repeat(1024 * 1024);
    const cases: [string, string, Record<string, string>][] = [
      [`/o/${slug}/risks?index`, "title", riskForm()],
      [`/o/${slug}/rounds?index`, "leadInvestor", roundForm()],
      [
        `/o/${slug}/reports/${PAST_MONTH}`,
        "highlights",
        { ...reportForm(), version: await versionOf("monthly_reports", sql`org_id = ${orgId} and month = ${PAST_MONTH}`) },
      ],
      [`/o/${slug}/debt?index`, "principal", facilityForm()],
    ];
    for (const [path, field, base] of cases) {
      const before = await snapshot();
      const response = await postPairs(owner, path, Object.entries({ ...base, [field]: huge }));
      expect([400, 413], `${path} ${field}`).toContain(response.status);
      await checkAnswer(`${path} ${field}`, response, before);
    }
  }, 60_000);

  // Found by the property above (cash 9,999,999,999,999.99 answered 500): the figures derived
  // from the largest amounts a report accepts must fit where they are stored.
  it("reports at the largest amounts the form accepts are saved, and every page that reads their figures answers", async () => {
    const MAX = "9999999999999.99";
    // Nothing spent and nothing earned: each case below sets the lines it needs.
    const quiet = blankReportForm();
    // One company burning a cent a month on the most cash: a runway of 10^15 months.
    const slow = await makeOrgWithOwner(app.database, "startup", "Slow Burn Co");
    const slowOwner = app.client();
    await slowOwner.login(slow.owner.email, TEST_PASSWORD);
    expect(
      (
        await slowOwner.post(`/o/${slow.org.slug}/reports/2026-03`, {
          ...quiet,
          cash: MAX,
          other: "0.01",
        })
      ).status,
    ).toBe(302);
    // One going from a cent a month to the most a payroll line takes, with ARR up by a cent:
    // net burn growth and burn multiple far beyond any real company's.
    const steep = await makeOrgWithOwner(app.database, "startup", "Steep Burn Co");
    const steepOwner = app.client();
    await steepOwner.login(steep.owner.email, TEST_PASSWORD);
    const months = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"];
    for (const [i, month] of months.entries()) {
      const late = i >= 3;
      const form = {
        ...quiet,
        cash: MAX,
        payroll: late ? MAX : "0.01",
        arr: month === "2026-03" ? "0.01" : "0",
      };
      expect((await steepOwner.post(`/o/${steep.org.slug}/reports/${month}`, form)).status, month).toBe(302);
    }
    await withSystem(app.database.db, async (tx) => {
      const stored = rowsOf<{
        runway: string | null;
        growth: string | null;
        multiple: string | null;
      }>(
        await tx.execute(sql`select runway_months::text as runway, net_burn_growth_bp::text as growth, burn_multiple::text as multiple
                               from company_metrics where org_id in (${slow.org.id}, ${steep.org.id}) order by org_id = ${steep.org.id}`),
      );
      expect(stored[0]?.runway).toBe("999999999999999.0");
      expect(Number(stored[1]?.growth)).toBeGreaterThan(2 ** 31);
      expect(Number(stored[1]?.multiple)).toBeGreaterThan(1e12);
    });
    // The founders' dashboards and the investor's portfolio and company views read them back.
    expect((await slowOwner.get(`/o/${slow.org.slug}`)).status).toBe(200);
    expect((await steepOwner.get(`/o/${steep.org.slug}`)).status).toBe(200);
    const investor = await makeOrgWithOwner(app.database, "investor", "Edge Fund");
    await grantAccess(app.database, { id: slow.org.id }, investor.org, ["financials"]);
    await grantAccess(app.database, { id: steep.org.id }, investor.org, ["financials"]);
    const fundClient = app.client();
    await fundClient.login(investor.owner.email, TEST_PASSWORD);
    expect((await fundClient.get(`/o/${investor.org.slug}/portfolio`)).status).toBe(200);
    for (const company of [slow.org.slug, steep.org.slug]) expect((await fundClient.get(`/o/${investor.org.slug}/companies/${company}`)).status).toBe(200);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------
// The alert rules page's other actions: a custom metric rule's add and delete (decision 027),
// posted to the same route under their own intents.

describe("bad input to the metric-rule actions", () => {
  const RULES_ROUTE = "routes/o.$orgSlug.alerts.rules";
  const rulesUrl = () => urlFor(lookup(Object.fromEntries(routes.map((r) => [r.id, r])), RULES_ROUTE), { orgSlug: fund.slug });
  const ruleForm = () => ({ intent: "metricRule.add", metricKey: "gross_margin", condition: "floor", measure: "amount", threshold: "40", severity: "warning" });
  const ruleIds = async () =>
    withSystem(app.database.db, async (tx) =>
      rowsOf<{ v: string }>(await tx.execute(sql`select id::text as v from metric_alert_rules where org_id = ${fund.orgId} order by created_at`)).map(
        (r) => r.v,
      ),
    );

  it("adding: each field at fault is refused with a message on that field, and nothing is written", async () => {
    const mustFlag: Record<string, string[]> = {
      metricKey: ["", "Not A Key!", SCRIPT_PAYLOAD, "x".repeat(400)],
      condition: ["sideways", ""],
      measure: ["bogus", "percent"],
      threshold: ["abc", "", "1,2,3.4.5", SQL_PAYLOAD],
      severity: ["info"],
    };
    for (const [field, values] of Object.entries(mustFlag)) {
      for (const value of values) {
        const before = await snapshot();
        const response = await postPairs(fundOwner, rulesUrl(), Object.entries({ ...ruleForm(), [field]: value }));
        const label = `metricRule.add ${field}=${JSON.stringify(value.slice(0, 40))}`;
        expect(response.status, label).toBe(400);
        const body = (await response.json()) as { fieldErrors: Record<string, string> };
        expect(body.fieldErrors[field], label).toEqual(expect.any(String));
        expect(await snapshot(), label).toEqual(before);
      }
    }
    // A fall or rise of 0 is no rule: refused on the threshold.
    const zero = await postPairs(fundOwner, rulesUrl(), Object.entries({ ...ruleForm(), condition: "rise", threshold: "0" }));
    expect(zero.status).toBe(400);
    expect(((await zero.json()) as { fieldErrors: Record<string, string> }).fieldErrors.threshold).toEqual(expect.any(String));
  });

  it("deleting: unconfirmed is refused on the tick box, another id is a 404, and nothing is written", async () => {
    // A data request's redirect: 204 with the target in a header.
    expect([204, 302]).toContain((await postPairs(fundOwner, rulesUrl(), Object.entries(ruleForm()))).status);
    const [id] = await ruleIds();
    for (const confirm of [null, "no", "", "YES", SCRIPT_PAYLOAD]) {
      const before = await snapshot();
      const pairs: [string, string][] = [
        ["intent", "metricRule.delete"],
        ["id", id!],
      ];
      if (confirm !== null) pairs.push(["confirm", confirm]);
      const response = await postPairs(fundOwner, rulesUrl(), pairs);
      const label = `metricRule.delete confirm=${JSON.stringify(confirm)}`;
      expect(response.status, label).toBe(400);
      expect(((await response.json()) as { fieldErrors: Record<string, string> }).fieldErrors.confirm, label).toEqual(expect.any(String));
      expect(await snapshot(), label).toEqual(before);
    }
    for (const other of ["00000000-0000-4000-8000-000000000000", "", "not-a-uuid", SQL_PAYLOAD, "x".repeat(400)]) {
      const before = await snapshot();
      const response = await postPairs(fundOwner, rulesUrl(), Object.entries({ intent: "metricRule.delete", id: other, confirm: "yes" }));
      const label = `metricRule.delete id=${JSON.stringify(other.slice(0, 40))}`;
      expect([400, 404], label).toContain(response.status);
      await checkAnswer(label, response, before);
    }
    expect(await ruleIds()).toEqual([id]);
  });

  it("hostile payloads to either never cause a 5xx, and a refusal writes nothing", async () => {
    const [id] = await ruleIds();
    for (const base of [ruleForm(), { intent: "metricRule.delete", id: id!, confirm: "yes" }]) {
      await fc.assert(
        fc.asyncProperty(mutationsFor([...Object.keys(base), "unknown"]), async (mutations) => {
          const pairs = applyMutations(base, mutations);
          const before = await snapshot();
          const response = await postPairs(fundOwner, rulesUrl(), pairs);
          await checkAnswer(`${base.intent} ${describePairs(pairs)}`, response, before);
        }),
        { numRuns: NUM_RUNS },
      );
    }
  }, 120_000);
});

// ---------------------------------------------------------------------------------------
// CSV imports

const MONTHLY_HEADER = "month,cash,revenue,compute,data,payroll,research,go_to_market,general_admin,other,headcount,arr";
const monthlyLine = (month: string) => `${month},1200000.00,40000,60000,10000,80000,5000,10000,4000,1000,12,480000`;

type ImportKind = "reports" | "budgets" | "metrics";

async function upload(kind: ImportKind, bytes: Uint8Array | string, intent: "preview" | "import" = "import", name = "file.csv") {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  const form = new FormData();
  form.set("intent", intent);
  // The server digests the text as it decodes it (UTF-8), so a confirmed import sends that digest.
  form.set("checksum", createHash("sha256").update(new TextDecoder().decode(data)).digest("hex"));
  form.set("file", new File([new Uint8Array(data)], name, { type: "text/csv" }));
  return owner.postMultipart(routeData(`/o/${slug}/${kind}/import`, `routes/o.$orgSlug.${kind}.import`), form);
}

/** The key of a custom metric Props Co defined (the metrics import's columns are keys). */
async function metricKey(): Promise<string> {
  return withSystem(app.database.db, async (tx) => {
    return first(rowsOf<{ key: string }>(await tx.execute(sql`select key from metric_definitions where org_id = ${orgId} order by key limit 1`))).key;
  });
}

/** Uploads must be refused with row/column messages and write nothing. */
async function expectRefusedUpload(label: string, kind: ImportKind, bytes: Uint8Array | string, statuses = [400]) {
  const before = await fingerprint(app.database, orgId);
  const response = await upload(kind, bytes);
  expect(statuses, `${label}: status`).toContain(response.status);
  const body = (await response.json()) as { status: string; errors: { message: string }[] };
  expect(body.status, label).toBe("errors");
  expect(body.errors.length, label).toBeGreaterThan(0);
  expect(await fingerprint(app.database, orgId), `${label}: wrote something`).toEqual(before);
  return body;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe("broken CSV files", () => {
  it("refuses unbalanced quotes, wrong encodings, empty and header-only files, writing nothing", async () => {
    await expectRefusedUpload("unbalanced quote", "reports", `${MONTHLY_HEADER}\n"2026-01,1200000,"40000,0,0,0,0,0,0,0,1,\n`);
    await expectRefusedUpload("stray quote inside a field", "budgets", `month,category,amount\n2026-01,com"pute,100\n`);
    const latin1 = Uint8Array.from(Buffer.from(`month,category,amount\n2026-01,caf\xe9,100\n`, "latin1"));
    await expectRefusedUpload("Latin-1 bytes", "budgets", latin1);
    await expectRefusedUpload("UTF-16 with BOM", "reports", utf16le(`${MONTHLY_HEADER}\r\n${monthlyLine("2026-01")}\r\n`));
    await expectRefusedUpload("a zero-byte file", "reports", "");
    await expectRefusedUpload("header only", "reports", `${MONTHLY_HEADER}\n`);
    await expectRefusedUpload("header only (budgets)", "budgets", "month,category,amount\r\n");
    await expectRefusedUpload(
      "hostile cells",
      "budgets",
      `month,category,amount\n9999-12,compute,1e308\n0001-01,${SQL_PAYLOAD},-5\n2026-13,"${SCRIPT_PAYLOAD}",${"1".repeat(400)}\n2026-00,data,\u0000\n`,
    );
    await expectRefusedUpload("NUL bytes", "reports", `${MONTHLY_HEADER}\n2026-01\u0000,1,1,1,1,1,1,1,1,1,1,\n`);
    // Custom metric values (a column per metric key): the same refusals, with the org's own key.
    const key = await metricKey();
    await expectRefusedUpload("metrics: unbalanced quote", "metrics", `month,${key}\n"2026-01,12\n`);
    await expectRefusedUpload("metrics: header only", "metrics", `month,${key}\n`);
    await expectRefusedUpload("metrics: unknown key", "metrics", `month,${key},${SQL_PAYLOAD}\n2026-01,12,1\n`);
    await expectRefusedUpload(
      "metrics: hostile cells",
      "metrics",
      `month,${key}\n9999-12,1e308\n0001-01,${SQL_PAYLOAD}\n2026-13,"${SCRIPT_PAYLOAD}"\n2026-00,${"1".repeat(400)}\n2026-02,\u0000\n`,
    );
  }, 60_000);

  it("accepts the same valid file with a BOM, with CRLF and with LF", async () => {
    for (const [label, text] of [
      ["BOM + CRLF", `\uFEFF${MONTHLY_HEADER}\r\n${monthlyLine("2025-01")}\r\n`],
      ["LF", `${MONTHLY_HEADER}\n${monthlyLine("2025-02")}\n`],
      ["mixed endings, no final newline", `${MONTHLY_HEADER}\r\n${monthlyLine("2025-03")}\n${monthlyLine("2025-04")}`],
    ] as const) {
      const response = await upload("reports", text);
      expect(response.status, label).toBe(200);
      expect(((await response.json()) as { status: string }).status, label).toBe("imported");
    }
  }, 60_000);

  it("a 100k-row file is checked without a crash and nothing is written", async () => {
    const categories = ["compute", "data", "payroll", "research", "go_to_market", "general_admin", "other"];
    const lines = ["month,category,amount"];
    // Every (month, category) repeats, so the file is refused for duplicates after a full read.
    for (let i = 0; i < 100_000; i++) lines.push(`2026-${String((i % 12) + 1).padStart(2, "0")},${categories[i % 7]},${i}.50`);
    const started = Date.now();
    await expectRefusedUpload("100k rows", "budgets", lines.join("\n") + "\n");
    expect(Date.now() - started).toBeLessThan(30_000);
    await expectRefusedUpload("100k + 1 rows", "budgets", lines.join("\n") + "\n2026-01,compute,1\n");
  }, 90_000);

  it("a file just over 10 MB answers 413 with the page's message, without reading it into the database", async () => {
    // Larger bodies never reach the app: the edge refuses them as they stream in (body-limit.test.ts).
    const line = `${monthlyLine("2026-01")}\n`;
    const text = MONTHLY_HEADER + "\n" + line.repeat(Math.ceil((10 * 1024 * 1024 + 16 * 1024) / line.length));
    await expectRefusedUpload("10 MB + 16 KB", "reports", text, [413]);
  }, 60_000);

  it("random CSV-ish files never cause a 5xx, and a refused import writes nothing", async () => {
    const cell = fc.oneof(
      hostileValue.filter((v) => v.length < 200),
      fc.constantFrom('"', '""', '"a,b"', "2026-01", "compute", "100.00", ""),
    );
    const file = fc.record({
      header: fc.constantFrom(MONTHLY_HEADER, "month,category,amount", "", "a,b,c", `"month,category,amount`, "month,{key}", "{key},month,{key}"),
      rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 13 }), { maxLength: 6 }),
      eol: fc.constantFrom("\n", "\r\n", "\r"),
      bom: fc.boolean(),
      kind: fc.constantFrom("reports" as const, "budgets" as const, "metrics" as const),
    });
    const key = await metricKey();
    await fc.assert(
      fc.asyncProperty(file, async ({ header, rows, eol, bom, kind }) => {
        const text = (bom ? "\uFEFF" : "") + [header.replaceAll("{key}", key), ...rows.map((r) => r.join(","))].join(eol) + eol;
        const before = await snapshot();
        const response = await upload(kind, text);
        await checkAnswer(`${kind} import ${JSON.stringify(text.slice(0, 200))}`, response, before);
      }),
      { numRuns: NUM_RUNS },
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------------------
// Stored text comes back escaped

describe("stored hostile text is rendered escaped", () => {
  const PAYLOADS = [SCRIPT_PAYLOAD, IMG_PAYLOAD] as const;

  function expectEscaped(label: string, html: string) {
    expect(html, label).not.toContain("<script>alert(1)");
    expect(html, label).not.toContain("<img src=x onerror");
  }

  it("a risk title, report highlights, round lead investor and org name never appear unescaped", async () => {
    const [script, img] = PAYLOADS;
    expect((await owner.post(`/o/${slug}/risks?index`, { ...riskForm(), title: `${script} ${img}`, owner: img, mitigation: script })).status).toBe(302);
    const month = "2026-02";
    expect((await owner.post(`/o/${slug}/reports/${month}`, { ...reportForm(), highlights: script, lowlights: img, asks: `${img}${script}` })).status).toBe(
      302,
    );
    expect((await owner.post(`/o/${slug}/rounds?index`, { ...roundForm(), leadInvestor: img, otherInvestors: script, notes: `${script}${img}` })).status).toBe(
      302,
    );
    expect((await owner.post(`/o/${slug}/debt?index`, { ...facilityForm(), lender: `${img}` })).status).toBe(302);

    const stored = await withSystem(app.database.db, async (tx) => ({
      risk: first(rowsOf<{ id: string }>(await tx.execute(sql`select id::text as id from risks where org_id = ${orgId} and title like '%<script>%'`))).id,
      round: first(
        rowsOf<{ id: string }>(await tx.execute(sql`select id::text as id from funding_rounds where org_id = ${orgId} and lead_investor like '%<img%'`)),
      ).id,
      facility: first(
        rowsOf<{ id: string }>(await tx.execute(sql`select id::text as id from debt_facilities where org_id = ${orgId} and lender like '%<img%'`)),
      ).id,
    }));

    const pages = [
      `/o/${slug}`,
      `/o/${slug}/risks`,
      `/o/${slug}/risks/${stored.risk}`,
      `/o/${slug}/reports`,
      `/o/${slug}/reports/${month}`,
      `/o/${slug}/rounds`,
      `/o/${slug}/rounds/${stored.round}`,
      `/o/${slug}/debt`,
      `/o/${slug}/debt/${stored.facility}`,
      `/o/${slug}/audit`,
    ];
    for (const page of pages) {
      const response = await owner.get(page);
      expect(response.status, page).toBe(200);
      const html = await response.text();
      expectEscaped(page, html);
    }
    // The text is there, escaped, where the user expects it.
    expect(await (await owner.get(`/o/${slug}/risks/${stored.risk}`)).text()).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(await (await owner.get(`/o/${slug}/rounds`)).text()).toContain("&lt;img src=x onerror=alert(1)&gt;");

    // Org name shows on every page through the layout; it must be escaped too.
    const renamed = await owner.post(`/o/${slug}/settings`, {
      name: `${script}${img}`.slice(0, 110),
      baseCurrency: "USD",
      budgetOverrunThresholdPercent: "10",
    });
    expect(renamed.status).toBe(302);
    for (const page of [`/o/${slug}`, `/o/${slug}/settings`, `/o/${slug}/members`]) {
      const response = await owner.get(page);
      expect(response.status, page).toBe(200);
      expectEscaped(page, await response.text());
    }
  }, 60_000);
});
