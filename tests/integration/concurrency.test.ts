/**
 * Concurrency: many editors of one org hit the same month, the same CSV months and the same
 * risk at once, through the real HTTP stack. Whatever the interleaving:
 * - no duplicate rows (one row per (org, month) / (org, month, category));
 * - no lost update without the user being told: of N saves made on one version exactly one
 *   wins (its redirect: 204 to a JavaScript post, with a toast) and every other editor gets a
 *   409 conflict; the stored values are the winner's;
 * - the audit log is complete: one entry per successful change, none for refused ones, and
 *   each entity's audited versions run 1, 2, 3 … without a gap (every version bump audited).
 *
 * On PGlite transactions are serialised, so the bursts only prove the invariants under a
 * queue. On PostgreSQL they truly run in parallel, and each burst is also *gated*: the test
 * holds a lock from its own connection on the row (or the org row) the writers contend for,
 * fires every request, waits until several app transactions are observed blocked on that
 * lock in pg_stat_activity (proof they overlap), then releases it so they all race at once.
 */
import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { auditLog, budgets, monthlyReports, reportUpdates, riskHistory, risks } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import type { OrgContext } from "../../app/auth/context";
import { createRisk } from "../../app/models/risk.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { withDatabase } from "../support/global-setup";
import { addMember, makeOrgWithOwner } from "../support/factories";
import { routeData } from "../support/route-data";
import { at, first } from "../support/at";

const REPORT = "routes/o.$orgSlug.reports.$month";
const RISK = "routes/o.$orgSlug.risks.$riskId";
const IMPORT_REPORTS = "routes/o.$orgSlug.reports.import";
const IMPORT_BUDGETS = "routes/o.$orgSlug.budgets.import";
const EDITORS = 15;

interface Editor {
  client: TestClient;
  userId: string;
}

let app: TestApp;
let ctx: OrgContext;
let editors: Editor[];
/** PostgreSQL only: a connection of the test's own, to hold gates and watch pg_stat_activity. */
let pg: postgres.Sql | null = null;
let dbName = "";

beforeAll(async () => {
  app = await startTestApp();
  const made = await makeOrgWithOwner(app.database, "startup", "Racing Robotics");
  ctx = made.ctx;
  const people = [{ user: made.owner, userId: made.owner.id }];
  for (let i = 1; i < EDITORS; i++) {
    const { user } = await addMember(app.database, ctx, i % 3 === 0 ? "admin" : "member");
    people.push({ user, userId: user.id });
  }
  editors = [];
  for (const { user, userId } of people) {
    const client = app.client();
    await client.login(user.email, user.password);
    editors.push({ client, userId });
  }
  const config = inject("testDb");
  if (config.kind === "postgres") {
    const row = first((await app.database.db.execute(sql`select current_database() as name`)) as unknown as { name: string }[]);
    dbName = row.name;
    pg = postgres(withDatabase(config.adminUrl, dbName), { max: 3, onnotice: () => {} });
  }
});

afterAll(async () => {
  await pg?.end({ timeout: 5 });
  await app?.close();
});

/* ------------------------------------------------------------------------ helpers */

interface Burst<T> {
  results: T[];
  /** Most app backends seen waiting on the gate's lock at once (PostgreSQL; 0 on PGlite). */
  overlapped: number;
}

/**
 * Fires every request at once. On PostgreSQL with a `gate`, first takes that lock in a
 * transaction of the test's own, waits until at least `minWaiting` app transactions are
 * blocked behind it (they have all started and overlap), then rolls back so they race.
 */
async function burst<T>(fire: () => Promise<T>[], gate?: (tx: postgres.ReservedSql) => Promise<unknown>, minWaiting = 3): Promise<Burst<T>> {
  if (!pg || !gate) return { results: await Promise.all(fire()), overlapped: 0 };
  const held = await pg.reserve();
  let overlapped = 0;
  let pending: Promise<T[]> | undefined;
  try {
    await held`begin`;
    await gate(held);
    const { pid } = first(await held`select pg_backend_pid() as pid`);
    pending = Promise.all(fire());
    const deadline = Date.now() + 4000;
    while (Date.now() < deadline) {
      const { n } = first(
        await pg`select count(*)::int as n from pg_stat_activity
        where datname = ${dbName} and pid <> ${pid} and wait_event_type = 'Lock'`,
      );
      overlapped = Math.max(overlapped, n);
      if (overlapped >= minWaiting) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await held`rollback`;
    held.release();
  }
  return { results: await pending!, overlapped };
}

/** Asserts the burst really overlapped on PostgreSQL (several transactions blocked at once). */
function expectOverlap(b: Burst<unknown>) {
  if (pg) expect(b.overlapped, "app transactions seen waiting on the gate at once").toBeGreaterThanOrEqual(3);
}

/** A form save that wins redirects (204 + X-Remix-Redirect to a `_data` post, no body); imports and refusals answer JSON. */
const SAVED = 204;

async function answer(response: Response) {
  return {
    status: response.status,
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers of several routes; each test reads the fields it asserts
    body: (response.status === SAVED ? { redirect: response.headers.get("x-remix-redirect") } : await response.json()) as Record<string, any>,
  };
}

function auditsOf(entityType: string) {
  return withSystem(app.database.db, (tx) =>
    tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, ctx.org.id), eq(auditLog.entityType, entityType)))
      .orderBy(asc(auditLog.at)),
  );
}

type AuditRow = Awaited<ReturnType<typeof auditsOf>>[number];
/** The fields of an audit entry's before/after these tests read. */
type AuditSnapshot = { version?: number; cash?: number; amount?: number };
const afterOf = (entry: AuditRow | undefined) => entry?.after as AuditSnapshot | null | undefined;
/** The version an entry recorded; NaN for none, which no expected version list contains. */
const versionOf = (entry: AuditRow | undefined) => afterOf(entry)?.version ?? Number.NaN;

/**
 * Every version an entity went through has exactly one audit entry, and each entry's
 * before is the previous entry's after: versions 1..current, no gap, no duplicate.
 */
function expectVersionChain(entries: AuditRow[], currentVersion: number, label: string) {
  const versioned = entries.filter((e) => e.after && typeof afterOf(e)?.version === "number").sort((a, b) => versionOf(a) - versionOf(b));
  expect(
    versioned.map((e) => afterOf(e)?.version),
    `audited versions of ${label}`,
  ).toEqual(Array.from({ length: currentVersion }, (_, i) => i + 1));
  versioned.forEach((e, i) => {
    if (i === 0) expect(e.before, `first audit entry of ${label} has no before`).toBeNull();
    else expect((e.before as AuditSnapshot | null)?.version, `before of ${label} v${i + 1}`).toBe(i);
  });
}

/** Each report row's audit entries, read once, make its whole version chain (see expectVersionChain). */
async function expectReportVersionChains(rows: { id: string; version: number; month: string }[]) {
  const all = await auditsOf("monthly_report");
  for (const row of rows)
    expectVersionChain(
      all.filter((a) => a.entityId === row.id),
      row.version,
      row.month,
    );
}

const SPEND = ["compute", "data", "payroll", "research", "go_to_market", "general_admin", "other"] as const;

function reportForm(cash: number, version: number | null, note: string) {
  return {
    ...(version === null ? {} : { version }),
    cash: `${cash}.00`,
    revenue: "1000",
    ...Object.fromEntries(SPEND.map((c) => [c, "100"])),
    headcount: "7",
    arr: "",
    highlights: note,
  };
}

function postReport(editor: Editor, month: string, form: Record<string, string | number>) {
  return editor.client.post(routeData(`/o/${ctx.org.slug}/reports/${month}`, REPORT), form).then(answer);
}

/** Each month's report with its investor update text (kept in report_updates, decision 006). */
async function reportRows(month?: string) {
  const rows = await withSystem(app.database.db, (tx) =>
    tx
      .select({ report: monthlyReports, highlights: reportUpdates.highlights })
      .from(monthlyReports)
      .leftJoin(reportUpdates, and(eq(reportUpdates.orgId, monthlyReports.orgId), eq(reportUpdates.month, monthlyReports.month)))
      .where(and(eq(monthlyReports.orgId, ctx.org.id), month ? eq(monthlyReports.month, month) : undefined))
      .orderBy(asc(monthlyReports.month)),
  );
  return rows.map((r) => ({ ...r.report, highlights: r.highlights }));
}

const lockMonth = (month: string) => (tx: postgres.ReservedSql) =>
  tx`select 1 from monthly_reports where org_id = ${ctx.org.id} and month = ${month} for update`;
/** Every insert into a tenant table checks its org_id foreign key (FOR KEY SHARE): this blocks them all. */
const lockOrg = () => (tx: postgres.ReservedSql) => tx`select 1 from orgs where id = ${ctx.org.id} for update`;

/* ---------------------------------------------------------------- monthly reports */

describe("many editors saving the same monthly report", () => {
  it("first-time creation of one month by 10 editors at once: one row, one save, nine 409s, one audit entry", async () => {
    const month = "2025-07";
    const b = await burst(() => editors.slice(0, 10).map((e, i) => postReport(e, month, reportForm(500000 + i, null, `creator ${i}`))), lockOrg());
    expectOverlap(b);
    const statuses = b.results.map((r) => r.status);
    expect(statuses.filter((s) => s === SAVED)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    const winner = statuses.indexOf(SAVED);
    for (const loser of b.results.filter((r) => r.status === 409)) {
      expect(loser.body.formError).toMatch(/Someone else saved 2025-07/);
      expect(loser.body.conflict.current.cash).toBe((500000 + winner) * 100);
    }

    const rows = await reportRows(month);
    expect(rows).toHaveLength(1);
    expect(at(rows, 0)).toMatchObject({ cash: (500000 + winner) * 100, version: 1, highlights: `creator ${winner}`, updatedBy: at(editors, winner).userId });
    const audits = (await auditsOf("monthly_report")).filter((a) => a.entityId === at(rows, 0).id);
    expect(audits).toHaveLength(1);
    expect(at(audits, 0)).toMatchObject({ action: "monthly_report.create", actorUserId: at(editors, winner).userId });
    expect(afterOf(audits[0])?.cash).toBe((500000 + winner) * 100);
  });

  it("15 saves from the same loaded version, in rounds: each round exactly one wins, the rest are told (409)", async () => {
    const month = "2025-06";
    const created = await postReport(at(editors, 0), month, reportForm(100000, null, "first draft"));
    expect(created.status).toBe(SAVED);
    let version = first(await reportRows(month)).version;
    expect(version).toBe(1);

    // Round 1 gated (all blocked on the month's row, then released together); round 2 just fired.
    for (const gated of [true, false]) {
      const base = gated ? 200000 : 300000;
      const b = await burst(
        () => editors.map((e, i) => postReport(e, month, reportForm(base + i, version, `edit ${base + i}`))),
        gated ? lockMonth(month) : undefined,
      );
      if (gated) expectOverlap(b);
      const statuses = b.results.map((r) => r.status);
      expect(
        statuses.filter((s) => s === SAVED),
        `round ${gated ? "gated" : "free"}: winners`,
      ).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(EDITORS - 1);
      const winner = statuses.indexOf(SAVED);
      expect(at(b.results, winner).body.redirect).toBe(`/o/${ctx.org.slug}/reports/${month}`);
      for (const loser of b.results.filter((r) => r.status === 409)) {
        expect(loser.body.formError).toMatch(/your changes were not saved/);
      }

      const row = first(await reportRows(month));
      expect(row).toMatchObject({
        cash: (base + winner) * 100,
        highlights: `edit ${base + winner}`,
        version: version + 1,
        updatedBy: at(editors, winner).userId,
      });
      const updates = (await auditsOf("monthly_report")).filter(
        (a) => a.entityId === row.id && a.action === "monthly_report.update" && afterOf(a)?.version === version + 1,
      );
      expect(updates).toHaveLength(1);
      expect(at(updates, 0).actorUserId).toBe(at(editors, winner).userId);
      expect(at(updates, 0).before).toMatchObject({ version });
      expect(at(updates, 0).after).toMatchObject({ cash: (base + winner) * 100 });
      version += 1;
    }

    const row = first(await reportRows(month));
    expect(row.version).toBe(3);
    expectVersionChain(
      (await auditsOf("monthly_report")).filter((a) => a.entityId === row.id),
      row.version,
      month,
    );
  });
});

/* ---------------------------------------------------------------------- CSV imports */

const MONTHLY_HEADER = "month,cash,revenue,compute,data,payroll,research,go_to_market,general_admin,other,headcount,arr";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function upload(editor: Editor, section: "reports" | "budgets", text: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  form.append("intent", extra.intent ?? "preview");
  for (const [k, v] of Object.entries(extra)) if (k !== "intent") form.append(k, v);
  form.append("file", new Blob([text], { type: "text/csv" }), `${section}.csv`);
  const route = section === "reports" ? IMPORT_REPORTS : IMPORT_BUDGETS;
  return answer(await editor.client.postMultipart(routeData(`/o/${ctx.org.slug}/${section}/import`, route), form));
}

type Cells = Map<string, string>;
interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}

function applyFile(state: Cells, file: Cells): Counts {
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const [key, value] of file) {
    const current = state.get(key);
    if (current === undefined) counts.inserted += 1;
    else if (current !== value) counts.updated += 1;
    else counts.unchanged += 1;
    state.set(key, value);
  }
  return counts;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

/**
 * The imports were each all-or-nothing and isolated iff some serial order of them turns the
 * starting cells into the final cells AND gives every import exactly the counts it reported.
 */
function serialOrderExplaining(start: Cells, files: Cells[], reported: Counts[], final: Cells): number[] | null {
  for (const order of permutations(files.length)) {
    const state = new Map(start);
    const counts: Counts[] = [];
    for (const i of order) counts[i] = applyFile(state, at(files, i));
    const sameCounts = counts.every(
      (c, i) => c.inserted === at(reported, i).inserted && c.updated === at(reported, i).updated && c.unchanged === at(reported, i).unchanged,
    );
    const sameCells = state.size === final.size && [...state].every(([k, v]) => final.get(k) === v);
    if (sameCounts && sameCells) return order;
  }
  return null;
}

/** Previews every file (as each editor's page does), then fires every confirmation at once. */
async function concurrentImports(section: "reports" | "budgets", texts: string[], gate: (tx: postgres.ReservedSql) => Promise<unknown>) {
  const checksums: string[] = [];
  for (const [i, text] of texts.entries()) {
    const preview = await upload(at(editors, i), section, text);
    expect(preview.status).toBe(200);
    expect(preview.body.status).toBe("preview");
    expect(preview.body.checksum).toBe(sha256(text));
    checksums.push(preview.body.checksum);
  }
  const b = await burst(() => texts.map((text, i) => upload(at(editors, i), section, text, { intent: "import", checksum: at(checksums, i) })), gate);
  expectOverlap(b);
  for (const r of b.results) {
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.status).toBe("imported");
  }
  return b.results.map((r) => r.body.counts as Counts & { rows: number });
}

describe("overlapping CSV imports at the same time", () => {
  const month = (m: number) => `2024-${String(m).padStart(2, "0")}`;

  /**
   * Five CSV files over overlapping months: file k (0..4) covers `span` months from month k+1, newest
   * first in the odd files; `linesOf(k, m, cells)` gives file k's lines for month m and records in
   * `cells` what they should leave in the table.
   */
  function overlappingFiles(span: number, header: string, linesOf: (k: number, m: number, cells: Cells) => string[]) {
    const fileCells: Cells[] = [];
    const texts: string[] = [];
    for (let k = 0; k < 5; k++) {
      const months = Array.from({ length: span }, (_, i) => k + 1 + i);
      if (k % 2 === 1) months.reverse();
      const cells: Cells = new Map();
      const lines = months.flatMap((m) => linesOf(k, m, cells));
      fileCells.push(cells);
      texts.push([header, ...lines].join("\n") + "\n");
    }
    return { fileCells, texts };
  }

  it("5 monthly-report files over the same months: one row per month, a serial outcome, an audit entry per changed row", async () => {
    // Months 2024-03..05 exist before; file k covers 2024-(k+1)..2024-(k+6); odd files list months newest first.
    const seed = [MONTHLY_HEADER, ...[3, 4, 5].map((m) => `${month(m)},9000,1,1,1,1,1,1,1,1,1,`)].join("\n") + "\n";
    const seeded = await upload(at(editors, 0), "reports", seed);
    expect((await upload(at(editors, 0), "reports", seed, { intent: "import", checksum: seeded.body.checksum })).body.status).toBe("imported");

    const { fileCells, texts } = overlappingFiles(6, MONTHLY_HEADER, (k, m, cells) => {
      const figures = 10000 * (k + 1) + m;
      cells.set(month(m), `${figures * 100}|${k + 1}`);
      return [`${month(m)},${figures},0,${k + 1},0,0,0,0,0,0,${k + 1},`];
    });
    const cellOf = (r: { cash: number; compute: number }) => `${r.cash}|${r.compute / 100}`;
    const start: Cells = new Map((await reportRows()).filter((r) => r.month.startsWith("2024-")).map((r) => [r.month, cellOf(r)]));
    const auditsBefore = (await auditsOf("monthly_report")).length;

    // Gate: the existing months' rows and the org row (every new row's foreign-key check).
    const reported = await concurrentImports("reports", texts, async (tx) => {
      await tx`select 1 from monthly_reports where org_id = ${ctx.org.id} and month between '2024-03' and '2024-05' for update`;
    });

    const rows = (await reportRows()).filter((r) => r.month.startsWith("2024-"));
    expect(rows.map((r) => r.month)).toEqual(Array.from({ length: 10 }, (_, i) => month(i + 1)));
    const final: Cells = new Map(rows.map((r) => [r.month, cellOf(r)]));
    const order = serialOrderExplaining(start, fileCells, reported, final);
    expect(order, `no serial order of the imports explains the result: ${JSON.stringify({ reported, final: [...final] })}`).not.toBeNull();

    // One per-row audit entry for each inserted or updated row, one summary per import that changed something.
    const audits = (await auditsOf("monthly_report")).slice(auditsBefore);
    const changed = reported.reduce((n, c) => n + c.inserted + c.updated, 0);
    expect(audits.filter((a) => a.action === "monthly_report.import_create")).toHaveLength(reported.reduce((n, c) => n + c.inserted, 0));
    expect(audits.filter((a) => a.action === "monthly_report.import_update")).toHaveLength(reported.reduce((n, c) => n + c.updated, 0));
    expect(audits.filter((a) => a.action === "monthly_report.import")).toHaveLength(reported.filter((c) => c.inserted + c.updated > 0).length);
    expect(audits.filter((a) => a.action !== "monthly_report.import")).toHaveLength(changed);
    await expectReportVersionChains(rows);
  });

  it("form saves creating a month race an import of that month: nothing lost, every version audited with its before", async () => {
    const text = [MONTHLY_HEADER, `${month(11)},77000,0,9,0,0,0,0,0,0,9,`, `${month(12)},78000,0,9,0,0,0,0,0,0,9,`].join("\n") + "\n";
    const preview = await upload(at(editors, 5), "reports", text);
    const b = await burst(
      () => [
        // The import starts once the forms are in flight (on PostgreSQL: while they wait at the gate).
        new Promise((resolve) => setTimeout(resolve, 300)).then(() =>
          upload(at(editors, 5), "reports", text, { intent: "import", checksum: preview.body.checksum }),
        ),
        ...editors.slice(0, 2).map((e, i) => postReport(e, month(11), reportForm(88000 + i, null, `form ${i}`))),
      ],
      lockOrg(),
    );
    expectOverlap(b);
    const imported = at(b.results, 0);
    const saves = b.results.slice(1);
    expect(imported.status).toBe(200);
    expect(imported.body.status).toBe("imported");
    const won = saves.filter((r) => r.status === SAVED);
    expect(won.length).toBeLessThanOrEqual(1);
    expect(saves.filter((r) => r.status === 409)).toHaveLength(saves.length - won.length);

    const rows = (await reportRows()).filter((r) => r.month === month(11) || r.month === month(12));
    expect(rows.map((r) => r.month)).toEqual([month(11), month(12)]);
    const nov = first(rows);
    // The form's creation came first (then the import updated it) or the import created it (and every form was told).
    expect(nov.version).toBe(won.length === 1 ? 2 : 1);
    expect(nov.cash).toBe(7700000);
    const counts = imported.body.counts as Counts;
    expect(counts).toMatchObject(won.length === 1 ? { inserted: 1, updated: 1 } : { inserted: 2, updated: 0 });
    await expectReportVersionChains(rows);
  });

  it("5 budget files over the same months and categories: one row per cell, a serial outcome, an audit entry per changed row", async () => {
    const categories = ["compute", "payroll", "research"];
    const { fileCells, texts } = overlappingFiles(4, "month,category,amount", (k, m, cells) =>
      categories.map((c) => {
        const amount = 100 * (k + 1) + m;
        cells.set(`${month(m)}|${c}`, String(amount * 100));
        return `${month(m)},${c},${amount}`;
      }),
    );
    const budgetRows = () =>
      withSystem(app.database.db, (tx) => tx.select().from(budgets).where(eq(budgets.orgId, ctx.org.id)).orderBy(asc(budgets.month), asc(budgets.category)));
    const start: Cells = new Map((await budgetRows()).map((r) => [`${r.month}|${r.category}`, String(r.amount)]));
    expect(start.size).toBe(0);

    const reported = await concurrentImports("budgets", texts, lockOrg());

    const rows = await budgetRows();
    const keys = rows.map((r) => `${r.month}|${r.category}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(8 * categories.length);
    const final: Cells = new Map(rows.map((r) => [`${r.month}|${r.category}`, String(r.amount)]));
    expect(serialOrderExplaining(start, fileCells, reported, final), JSON.stringify({ reported, final: [...final] })).not.toBeNull();

    const audits = await auditsOf("budget");
    expect(audits.filter((a) => a.action === "budget.import_create")).toHaveLength(reported.reduce((n, c) => n + c.inserted, 0));
    expect(audits.filter((a) => a.action === "budget.import_update")).toHaveLength(reported.reduce((n, c) => n + c.updated, 0));
    expect(audits.filter((a) => a.action === "budget.import")).toHaveLength(reported.filter((c) => c.inserted + c.updated > 0).length);
    for (const row of rows) {
      const cellAudits = audits.filter((a) => a.entityId === `${row.month}:${row.category}`);
      const versions = cellAudits.map(versionOf).sort((a, b) => a - b);
      expect(versions, `audited versions of ${row.month} ${row.category}`).toEqual(Array.from({ length: row.version }, (_, i) => i + 1));
      const last = cellAudits.find((a) => afterOf(a)?.version === row.version)!;
      expect(afterOf(last)?.amount).toBe(row.amount);
    }
  });
});

/* ---------------------------------------------------------------------------- risks */

describe("many editors changing the same risk", () => {
  it("10 edits from one version: one wins, nine 409s, one history row and one audit entry, for the winner", async () => {
    const risk = await createRisk(ctx, {
      title: "Lead customer churns",
      category: "market",
      likelihood: 2,
      impact: 2,
      owner: "CEO",
      mitigation: null,
      status: "open",
      nextReviewDate: null,
    });
    const statuses = ["mitigating", "accepted", "open", "closed"] as const;
    const form = (i: number) => ({
      intent: "update",
      version: risk.version,
      title: `Lead customer churns (edit ${i})`,
      category: "market",
      likelihood: String((i % 5) + 1),
      impact: String(((i + 2) % 5) + 1),
      owner: `Editor ${i}`,
      status: at(statuses, i % statuses.length),
      nextReviewDate: "",
      mitigation: `Plan ${i}`,
    });
    const b = await burst(
      () => editors.slice(0, 10).map((e, i) => e.client.post(routeData(`/o/${ctx.org.slug}/risks/${risk.id}`, RISK), form(i)).then(answer)),
      (tx) => tx`select 1 from risks where id = ${risk.id} for update`,
    );
    expectOverlap(b);
    const codes = b.results.map((r) => r.status);
    expect(codes.filter((s) => s === SAVED)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(9);
    for (const loser of b.results.filter((r) => r.status === 409)) expect(loser.body.formError).toMatch(/Someone else changed this risk/);
    const w = codes.indexOf(SAVED);

    const state = await withSystem(app.database.db, async (tx) => ({
      row: (await tx.select().from(risks).where(eq(risks.id, risk.id)))[0],
      history: await tx.select().from(riskHistory).where(eq(riskHistory.riskId, risk.id)),
    }));
    const won = form(w);
    expect(state.row).toMatchObject({
      title: won.title,
      owner: won.owner,
      likelihood: Number(won.likelihood),
      impact: Number(won.impact),
      status: won.status,
      version: 2,
    });
    // The creation's history row plus the winner's (each edit changed likelihood, impact or status).
    expect(state.history).toHaveLength(2);
    const [first, second] = [...state.history].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
    expect(first).toMatchObject({ likelihood: 2, impact: 2, status: "open" });
    expect(second).toMatchObject({ likelihood: Number(won.likelihood), impact: Number(won.impact), status: won.status, changedBy: at(editors, w).userId });
    const audits = (await auditsOf("risk")).filter((a) => a.entityId === risk.id);
    expect(audits.map((a) => a.action).sort()).toEqual(["risk.create", "risk.update"]);
    expect(audits.find((a) => a.action === "risk.update")).toMatchObject({
      actorUserId: at(editors, w).userId,
      after: expect.objectContaining({ title: won.title, version: 2 }),
    });
    expectVersionChain(audits, 2, "risk");
  });
});
