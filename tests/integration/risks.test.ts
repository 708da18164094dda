import { and, eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, riskHistory, risks } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import type { OrgContext } from "../../app/auth/context";
import { createRisk, deleteRisk, getRisk, listRisks, riskHeatMapCounts, topRisks, updateRisk, type RiskInput } from "../../app/models/risk.server";
import { AppError } from "../../app/server/http.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { toastCookieOf, toastIn } from "../support/toast";
import { makeOrgWithOwner, type TwoStartups, twoStartups } from "../support/factories";
import { routeData } from "../support/route-data";
import { english } from "../support/english";

// The list is an index route: a post to its URL carries ?index, or the org layout would get it.
const LIST = "routes/o.$orgSlug.risks._index";
const DETAIL = "routes/o.$orgSlug.risks.$riskId";

let app: TestApp;
let { alpha, beta, alphaOwner, alphaMember, alphaViewer, betaOwner } = {} as TwoStartups;

function riskInput(overrides: Partial<RiskInput> = {}): RiskInput {
  return {
    title: "GPU supplier raises prices",
    category: "financial",
    likelihood: 3,
    impact: 4,
    owner: "CFO",
    mitigation: "Reserve capacity with a second cloud.",
    status: "open",
    nextReviewDate: null,
    ...overrides,
  };
}

const validForm = {
  title: "Key researcher leaves",
  category: "talent",
  likelihood: "2",
  impact: "5",
  owner: "CEO",
  status: "open",
  nextReviewDate: "2030-01-15",
  mitigation: "Retention grants; document the training pipeline.",
};

/** Posts the risk page's edit form for one of alpha's risks: the valid form with the given changes. */
const saveRisk = (client: TestClient, riskId: string, changes: Record<string, string> = {}) =>
  client.post(routeData(`/o/alpha-labs/risks/${riskId}`, DETAIL), { ...validForm, ...changes });

/** What the database holds for an org, read past RLS: rows, history and risk audit entries. */
async function stateOf(org: { id: string }) {
  return withSystem(app.database.db, async (tx) => ({
    risks: await tx.select().from(risks).where(eq(risks.orgId, org.id)),
    history: await tx.select().from(riskHistory).where(eq(riskHistory.orgId, org.id)),
    audit: await tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityType, "risk"))),
  }));
}

async function historyOf(org: { id: string }, riskId: string) {
  return withSystem(app.database.db, (tx) =>
    tx
      .select()
      .from(riskHistory)
      .where(and(eq(riskHistory.orgId, org.id), eq(riskHistory.riskId, riskId))),
  );
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

beforeAll(async () => {
  app = await startTestApp();
  ({ alpha, beta, alphaOwner, alphaMember, alphaViewer, betaOwner } = await twoStartups(app, "Alpha Labs", "Beta AI"));
});
afterAll(() => app?.close());

describe("creating risks", () => {
  it("adds a risk from the form with its first history row and an audit entry", async () => {
    const before = await stateOf(alpha.org);
    const response = await alphaMember.post(routeData("/o/alpha-labs/risks", LIST), validForm);
    // Back to the register (a redirect, 204 for a JavaScript submission) with a toast linking to the new risk.
    expect(response.status).toBe(204);
    expect(response.headers.get("x-remix-redirect")).toBe("/o/alpha-labs/risks");

    const after = await stateOf(alpha.org);
    expect(after.risks.length).toBe(before.risks.length + 1);
    const created = after.risks.find((r) => !before.risks.some((b) => b.id === r.id))!;
    const body = { id: created.id };
    expect(toastCookieOf(response)).toMatchObject({
      message: { key: "records_risks_added", values: { title: "Key researcher leaves" } },
      link: { to: `/o/alpha-labs/risks/${created.id}`, message: { key: "records_risks_openIt" } },
    });
    expect(created).toMatchObject({
      title: "Key researcher leaves",
      category: "talent",
      likelihood: 2,
      impact: 5,
      status: "open",
      nextReviewDate: "2030-01-15",
      version: 1,
    });
    const history = await historyOf(alpha.org, body.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ likelihood: 2, impact: 5, status: "open" });
    expect(after.audit.filter((a) => a.entityId === body.id).map((a) => a.action)).toEqual(["risk.create"]);

    const page = await (await alphaMember.get("/o/alpha-labs/risks")).text();
    expect(toastIn(page)).toBe("Added “Key researcher leaves”. Open it");
    expect(page).toContain(`href="/o/alpha-labs/risks/${created.id}"`);
    expect(page).toContain("Key researcher leaves");
    expect(page).toContain("Talent");
    expect(page).toContain("High"); // 2 × 5 = 10: the high band
  });

  it("shows the score as likelihood × impact with its band word", async () => {
    const risk = await createRisk(alpha.ctx, riskInput({ title: "Critical thing", likelihood: 4, impact: 5 }));
    expect(risk.score).toBe(20);
    expect(risk.band).toBe("critical");
    const list = await (await alphaOwner.get(routeData("/o/alpha-labs/risks", LIST))).json();
    const row = list.list.risks.find((r: { id: string }) => r.id === risk.id);
    expect(row).toMatchObject({ score: 20, band: "critical" });
    const page = await (await alphaOwner.get(`/o/alpha-labs/risks/${risk.id}`)).text();
    expect(page).toContain("Critical");
    expect(page).toContain("likelihood × impact");
  });

  for (const [field, value, message] of [
    ["likelihood", "0", /1 to 5/],
    ["likelihood", "6", /1 to 5/],
    ["likelihood", "abc", /1 to 5/],
    ["likelihood", "2.5", /1 to 5/],
    ["impact", "0", /1 to 5/],
    ["impact", "6", /1 to 5/],
    ["title", "", /Enter a title/],
    ["title", "x".repeat(201), /200 characters/],
    ["category", "weather", /category/],
    ["status", "forgotten", /status/],
    ["nextReviewDate", "2026-02-30", /real date/],
    ["nextReviewDate", "next week", /real date/],
    ["mitigation", "m".repeat(5001), /5,000/],
  ] as const) {
    it(`answers 400 for ${field} = ${JSON.stringify(value.length > 20 ? `${value.slice(0, 5)}…(${value.length})` : value)} and writes nothing`, async () => {
      const before = await stateOf(alpha.org);
      const response = await alphaOwner.post(routeData("/o/alpha-labs/risks", LIST), { ...validForm, [field]: value });
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.fieldErrors[field]).toMatch(message);
      const after = await stateOf(alpha.org);
      expect(after.risks.length).toBe(before.risks.length);
      expect(after.history.length).toBe(before.history.length);
      expect(after.audit.length).toBe(before.audit.length);
    });
  }

  it("rejects out-of-range levels in the model too, writing nothing", async () => {
    const before = await stateOf(alpha.org);
    for (const likelihood of [0, 6, "abc"]) {
      const error = await rejection(createRisk(alpha.ctx, riskInput({ likelihood })));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("INVALID");
      expect(english((error as AppError).fieldErrors.likelihood)).toMatch(/1 to 5/);
    }
    const after = await stateOf(alpha.org);
    expect(after.risks.length).toBe(before.risks.length);
  });
});

describe("risk history", () => {
  it("gets a row exactly when likelihood, impact or status change", async () => {
    const risk = await createRisk(alpha.ctx, riskInput({ title: "History test" }));
    const rows = async () => (await getRisk(alpha.ctx, risk.id)).history;
    expect(await rows()).toHaveLength(1);

    // Other edits: no history row.
    let current = await updateRisk(
      alpha.ctx,
      risk.id,
      1,
      riskInput({ title: "History test, renamed", owner: "COO", mitigation: "New plan", nextReviewDate: "2031-03-01" }),
    );
    expect(await rows()).toHaveLength(1);
    current = await updateRisk(alpha.ctx, risk.id, current.version, riskInput({ title: "History test, renamed", category: "market", owner: "COO" }));
    expect(await rows()).toHaveLength(1);

    // Likelihood, impact, status each: one row.
    current = await updateRisk(alpha.ctx, risk.id, current.version, riskInput({ title: current.title, likelihood: 4 }));
    expect(await rows()).toHaveLength(2);
    current = await updateRisk(alpha.ctx, risk.id, current.version, riskInput({ title: current.title, likelihood: 4, impact: 2 }));
    expect(await rows()).toHaveLength(3);
    current = await updateRisk(alpha.ctx, risk.id, current.version, riskInput({ title: current.title, likelihood: 4, impact: 2, status: "mitigating" }));
    expect(await rows()).toHaveLength(4);
    // Two at once is one change, one row.
    current = await updateRisk(alpha.ctx, risk.id, current.version, riskInput({ title: current.title, likelihood: 1, impact: 1, status: "closed" }));
    // Saving without changes: no row.
    current = await updateRisk(alpha.ctx, risk.id, current.version, riskInput({ title: current.title, likelihood: 1, impact: 1, status: "closed" }));

    const history = await rows();
    expect(history.map((h) => [h.likelihood, h.impact, h.status])).toEqual([
      [1, 1, "closed"],
      [4, 2, "mitigating"],
      [4, 2, "open"],
      [4, 4, "open"],
      [3, 4, "open"],
    ]);
    expect(history.every((h) => h.changedBy === alpha.owner.name)).toBe(true);
    expect(current.version).toBe(8);

    // Every update is audited, history or not.
    const audit = (await stateOf(alpha.org)).audit.filter((a) => a.entityId === risk.id);
    expect(audit.filter((a) => a.action === "risk.update")).toHaveLength(7);
    const renamed = audit.find(
      (a) => (a.after as { title: string }).title === "History test, renamed" && (a.before as { title: string }).title === "History test",
    )!;
    expect(renamed.actorUserId).toBe(alpha.owner.id);
  });

  it("shows who changed what and when on the risk's page", async () => {
    const added = await alphaMember.post(routeData("/o/alpha-labs/risks", LIST), { ...validForm, title: "Page history", likelihood: "3" });
    const created = { id: toastCookieOf(added)!.link!.to.split("/").pop()! };
    const save = await saveRisk(alphaOwner, created.id, { title: "Page history", likelihood: "4", status: "mitigating", version: "1" });
    expect(save.status).toBe(204);
    expect(save.headers.get("x-remix-redirect")).toBe(`/o/alpha-labs/risks/${created.id}`);
    const data = await (await alphaOwner.get(routeData(`/o/alpha-labs/risks/${created.id}`, DETAIL))).json();
    expect(data.risk.history).toHaveLength(2);
    expect(data.risk.history[0]).toMatchObject({ likelihood: 4, status: "mitigating", changedBy: alpha.owner.name });
    expect(data.risk.history[1]).toMatchObject({ likelihood: 3, status: "open", changedBy: "member person" });
    const page = await (await alphaOwner.get(`/o/alpha-labs/risks/${created.id}`)).text();
    expect(toastIn(page)).toBe("Saved.");
    expect(page).toContain("Likelihood 3 → 4; Status Open → Mitigating");
    expect(page).toContain("Created");
    expect(page).toContain(alpha.owner.name);
  });
});

describe("editing with optimistic concurrency", () => {
  it("answers 409 to a save made on a stale version and keeps the first save", async () => {
    const risk = await createRisk(alpha.ctx, riskInput({ title: "Race" }));
    const first = await saveRisk(alphaOwner, risk.id, { title: "Race (owner)", likelihood: "5", version: "1" });
    expect(first.status).toBe(204);
    const historyAfterFirst = await historyOf(alpha.org, risk.id);
    const second = await saveRisk(alphaMember, risk.id, { title: "Race (member)", likelihood: "1", version: "1" });
    expect(second.status).toBe(409);
    expect((await second.json()).formError).toMatch(/Someone else changed this risk/);
    const [row] = (await stateOf(alpha.org)).risks.filter((r) => r.id === risk.id);
    expect(row).toMatchObject({ title: "Race (owner)", likelihood: 5, version: 2 });
    expect(await historyOf(alpha.org, risk.id)).toHaveLength(historyAfterFirst.length);
  });

  it("throws CONFLICT from the model for a stale version", async () => {
    const risk = await createRisk(alpha.ctx, riskInput({ title: "Model race" }));
    await updateRisk(alpha.ctx, risk.id, 1, riskInput({ title: "Model race 2" }));
    const error = await rejection(updateRisk(alpha.ctx, risk.id, 1, riskInput({ title: "Model race 3", likelihood: 1 })));
    expect((error as AppError).code).toBe("CONFLICT");
    expect((await getRisk(alpha.ctx, risk.id)).title).toBe("Model race 2");
  });

  it("answers 400 to an invalid edit and leaves the risk as it was", async () => {
    const risk = await createRisk(alpha.ctx, riskInput({ title: "Steady" }));
    for (const likelihood of ["0", "6", "abc"]) {
      const response = await saveRisk(alphaOwner, risk.id, { likelihood, version: "1" });
      expect(response.status).toBe(400);
      expect((await response.json()).fieldErrors.likelihood).toMatch(/1 to 5/);
    }
    const missingVersion = await saveRisk(alphaOwner, risk.id);
    expect(missingVersion.status).toBe(400);
    const after = await getRisk(alpha.ctx, risk.id);
    expect(after).toMatchObject({ title: "Steady", likelihood: 3, version: 1 });
    expect(after.history).toHaveLength(1);
  });
});

describe("deleting", () => {
  it("deletes after confirmation, with its history, and records what it was", async () => {
    const risk = await createRisk(alpha.ctx, riskInput({ title: "Short-lived" }));
    const stale = await alphaOwner.post(routeData(`/o/alpha-labs/risks/${risk.id}`, DETAIL), { intent: "delete", version: "7", confirm: "yes" });
    expect(stale.status).toBe(409);
    // Unconfirmed (no tick, no dialog): refused, and the risk is still there.
    const unconfirmed = await alphaOwner.post(routeData(`/o/alpha-labs/risks/${risk.id}`, DETAIL), { intent: "delete", version: "1" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.json()).toMatchObject({
      formError: "Tick the box to confirm you want to delete this risk.",
      fieldErrors: { confirm: "Tick the box to confirm you want to delete this risk." },
    });
    expect((await stateOf(alpha.org)).risks.some((r) => r.id === risk.id)).toBe(true);
    const response = await alphaOwner.post(`/o/alpha-labs/risks/${risk.id}`, { intent: "delete", version: "1", confirm: "yes" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/o/alpha-labs/risks");
    expect(toastIn(await (await alphaOwner.get("/o/alpha-labs/risks")).text())).toBe("Risk deleted.");
    const state = await stateOf(alpha.org);
    expect(state.risks.some((r) => r.id === risk.id)).toBe(false);
    expect(state.history.some((h) => h.riskId === risk.id)).toBe(false);
    const entry = state.audit.find((a) => a.entityId === risk.id && a.action === "risk.delete")!;
    expect((entry.before as { title: string }).title).toBe("Short-lived");
    expect((await alphaOwner.get(`/o/alpha-labs/risks/${risk.id}`)).status).toBe(404);
  });
});

describe("permissions and tenancy", () => {
  it("lets a viewer read but answers 403 to every write and writes nothing", async () => {
    const risk = await createRisk(alpha.ctx, riskInput({ title: "Viewer can see me" }));
    const list = await alphaViewer.get("/o/alpha-labs/risks");
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain("Viewer can see me");
    expect(listHtml).not.toContain("Add risk");
    const detailHtml = await (await alphaViewer.get(`/o/alpha-labs/risks/${risk.id}`)).text();
    expect(detailHtml).toContain("Viewer can see me");
    expect(detailHtml).not.toContain("Save changes");
    expect(detailHtml).not.toContain("Delete risk");

    const before = await stateOf(alpha.org);
    expect((await alphaViewer.post(routeData("/o/alpha-labs/risks", LIST), validForm)).status).toBe(403);
    expect((await saveRisk(alphaViewer, risk.id, { version: "1" })).status).toBe(403);
    expect((await alphaViewer.post(routeData(`/o/alpha-labs/risks/${risk.id}`, DETAIL), { intent: "delete", version: "1", confirm: "yes" })).status).toBe(403);
    expect(await stateOf(alpha.org)).toEqual(before);
  });

  it("answers 404 for another org's risk id under our own slug and changes nothing", async () => {
    const theirs = await createRisk(beta.ctx, riskInput({ title: "Beta secret" }));
    const betaBefore = await stateOf(beta.org);
    const alphaBefore = await stateOf(alpha.org);

    expect((await alphaOwner.get(`/o/alpha-labs/risks/${theirs.id}`)).status).toBe(404);
    expect((await alphaOwner.get(routeData(`/o/alpha-labs/risks/${theirs.id}`, DETAIL))).status).toBe(404);
    expect((await saveRisk(alphaOwner, theirs.id, { version: "1" })).status).toBe(404);
    expect((await alphaOwner.post(routeData(`/o/alpha-labs/risks/${theirs.id}`, DETAIL), { intent: "delete", version: "1", confirm: "yes" })).status).toBe(404);
    expect((await alphaOwner.get("/o/alpha-labs/risks/not-a-uuid")).status).toBe(404);
    await expect(getRisk(alpha.ctx, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(updateRisk(alpha.ctx, theirs.id, 1, riskInput())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteRisk(alpha.ctx, theirs.id, 1)).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await stateOf(beta.org)).toEqual(betaBefore);
    expect(await stateOf(alpha.org)).toEqual(alphaBefore);
    const listHtml = await (await alphaOwner.get("/o/alpha-labs/risks")).text();
    expect(listHtml).not.toContain("Beta secret");
    expect(await (await alphaOwner.get("/o/alpha-labs/risks.csv")).text()).not.toContain("Beta secret");
  });

  it("answers 404 to a user of another org on every risk URL and writes nothing", async () => {
    const ours = await createRisk(alpha.ctx, riskInput({ title: "Alpha only" }));
    const before = await stateOf(alpha.org);
    expect((await betaOwner.get("/o/alpha-labs/risks")).status).toBe(404);
    expect((await betaOwner.get(`/o/alpha-labs/risks/${ours.id}`)).status).toBe(404);
    expect((await betaOwner.get("/o/alpha-labs/risks.csv")).status).toBe(404);
    expect((await betaOwner.post(routeData("/o/alpha-labs/risks", LIST), validForm)).status).toBe(404);
    expect((await saveRisk(betaOwner, ours.id, { version: "1" })).status).toBe(404);
    expect((await betaOwner.post(routeData(`/o/alpha-labs/risks/${ours.id}`, DETAIL), { intent: "delete", version: "1", confirm: "yes" })).status).toBe(404);
    // Under their own slug, our id is not theirs either.
    expect((await betaOwner.get(`/o/beta-ai/risks/${ours.id}`)).status).toBe(404);
    expect(await stateOf(alpha.org)).toEqual(before);
  });
});

describe("heat map, register views and export", () => {
  let gamma: Awaited<ReturnType<typeof makeOrgWithOwner>>;
  let gammaOwner: TestClient;
  let ctx: OrgContext;

  beforeAll(async () => {
    gamma = await makeOrgWithOwner(app.database, "startup", "Gamma Vision");
    ctx = gamma.ctx;
    gammaOwner = await app.signIn(gamma.owner.email);
  });

  it("counts open and mitigating risks per likelihood × impact cell and links each cell to its risks", async () => {
    const empty = await riskHeatMapCounts(ctx);
    expect(empty.flat().every((n) => n === 0)).toBe(true);
    await createRisk(ctx, riskInput({ title: "L4 I5 open", likelihood: 4, impact: 5, status: "open" }));
    await createRisk(ctx, riskInput({ title: "L4 I5 mitigating", likelihood: 4, impact: 5, status: "mitigating" }));
    await createRisk(ctx, riskInput({ title: "L4 I5 closed", likelihood: 4, impact: 5, status: "closed" }));
    await createRisk(ctx, riskInput({ title: "L2 I3 accepted", likelihood: 2, impact: 3, status: "accepted" }));
    await createRisk(ctx, riskInput({ title: "L1 I1 open", likelihood: 1, impact: 1, status: "open" }));
    await createRisk(ctx, riskInput({ title: "L5 I2 open", likelihood: 5, impact: 2, status: "open" }));

    const cells = await riskHeatMapCounts(ctx);
    expect(cells[3]![4]).toBe(2);
    expect(cells[0]![0]).toBe(1);
    expect(cells[4]![1]).toBe(1);
    expect(cells[1]![2]).toBe(0);
    expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(4);

    const html = await (await gammaOwner.get("/o/gamma-vision/risks")).text();
    expect(html).toContain("<table");
    expect(html).toMatch(
      /<a aria-label="2 risks with likelihood 4 and impact 5: score 20, critical"[^>]*href="\/o\/gamma-vision\/risks\?likelihood=4&amp;impact=5&amp;status=active"/,
    );
    const drill = await (await gammaOwner.get(routeData("/o/gamma-vision/risks?likelihood=4&impact=5&status=active", LIST))).json();
    expect(drill.list.risks.map((r: { title: string }) => r.title).sort()).toEqual(["L4 I5 mitigating", "L4 I5 open"]);
    const wholeCell = await (await gammaOwner.get(routeData("/o/gamma-vision/risks?likelihood=4&impact=5", LIST))).json();
    expect(wholeCell.list.total).toBe(3);
  });

  it("lists the top open or mitigating risks by score", async () => {
    const top = await topRisks(ctx, 2);
    expect(top.map((r) => r.title)).toEqual(["L4 I5 mitigating", "L4 I5 open"].sort((a, b) => a.localeCompare(b)));
    expect(top.every((r) => r.score === 20 && r.band === "critical")).toBe(true);
    expect((await topRisks(ctx, 10)).some((r) => r.status === "closed" || r.status === "accepted")).toBe(false);
  });

  it("flags an overdue review only for open or mitigating risks", async () => {
    const late = await createRisk(ctx, riskInput({ title: "Late review", likelihood: 1, impact: 2, nextReviewDate: "2020-01-01" }));
    const lateClosed = await createRisk(ctx, riskInput({ title: "Late but closed", likelihood: 1, impact: 2, status: "closed", nextReviewDate: "2020-01-01" }));
    const future = await createRisk(ctx, riskInput({ title: "Future review", likelihood: 1, impact: 2, nextReviewDate: "2099-01-01" }));
    expect([late.reviewOverdue, lateClosed.reviewOverdue, future.reviewOverdue]).toEqual([true, false, false]);
    const html = await (await gammaOwner.get(`/o/gamma-vision/risks/${late.id}`)).text();
    expect(html).toContain("Review overdue");
    const listHtml = await (await gammaOwner.get("/o/gamma-vision/risks?sort=nextReview")).text();
    expect(listHtml).toContain("Review overdue");
  });

  it("sorts by score, next review and status, filters by status and category, and pages", async () => {
    const byScore = await listRisks(ctx, {});
    const scores = byScore.risks.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ascending = (await listRisks(ctx, { sort: "score" })).risks.map((r) => r.score);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

    const byReview = (await listRisks(ctx, { sort: "nextReview" })).risks;
    expect(byReview.slice(0, 2).map((r) => r.nextReviewDate)).toEqual(["2020-01-01", "2020-01-01"]);
    expect(byReview[2]!.nextReviewDate).toBe("2099-01-01");
    expect(byReview.at(-1)!.nextReviewDate).toBeNull();

    const byStatus = (await listRisks(ctx, { sort: "status" })).risks.map((r) => r.status);
    const order = ["open", "mitigating", "accepted", "closed"];
    expect(byStatus).toEqual([...byStatus].sort((a, b) => order.indexOf(a) - order.indexOf(b)));

    expect((await listRisks(ctx, { status: "closed" })).risks.map((r) => r.title).sort()).toEqual(["L4 I5 closed", "Late but closed"]);
    expect((await listRisks(ctx, { status: "active" })).risks.every((r) => r.status === "open" || r.status === "mitigating")).toBe(true);
    await createRisk(ctx, riskInput({ title: "Model drift", category: "technical", likelihood: 2, impact: 2 }));
    expect((await listRisks(ctx, { category: "technical" })).risks.map((r) => r.title)).toEqual(["Model drift"]);

    for (let i = 0; i < 20; i++)
      await createRisk(ctx, riskInput({ title: `Bulk ${String(i).padStart(2, "0")}`, category: "operational", likelihood: 1, impact: 1 }));
    const total = (await listRisks(ctx, {})).total;
    expect(total).toBe(30);
    const first = await listRisks(ctx, { page: 1 });
    const second = await listRisks(ctx, { page: 2 });
    expect(first.risks).toHaveLength(25);
    expect(second.risks).toHaveLength(5);
    expect(first.pageCount).toBe(2);
    expect(new Set([...first.risks, ...second.risks].map((r) => r.id)).size).toBe(30);
    expect((await listRisks(ctx, { page: 99 })).page).toBe(2);

    const html = await (await gammaOwner.get("/o/gamma-vision/risks?page=2")).text();
    expect(html).toContain("Page 2 of 2");
    expect(html).toContain("Previous page");
  });

  it("exports the register as CSV with the filters on screen, neutralising formulas", async () => {
    await createRisk(ctx, riskInput({ title: '=HYPERLINK("http://evil")', category: "regulatory_legal", likelihood: 2, impact: 4 }));
    const response = await gammaOwner.get("/o/gamma-vision/risks.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="risks-gamma-vision-/);
    const rows = parse(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(31);
    const evil = rows.find((r) => r.category === "regulatory_legal")!;
    expect(evil.title?.startsWith("'=")).toBe(true);
    expect(evil).toMatchObject({ likelihood: "2", impact: "4", score: "8", band: "Medium", status: "open" });
    const top = rows[0]!;
    expect(top.score).toBe("20");

    const closed = parse(await (await gammaOwner.get("/o/gamma-vision/risks.csv?status=closed")).text(), { columns: true }) as Record<string, string>[];
    expect(closed.map((r) => r.title).sort()).toEqual(["L4 I5 closed", "Late but closed"]);
    const late = closed.find((r) => r.title === "Late but closed")!;
    expect(late.review_overdue).toBe("no");
  });
});
