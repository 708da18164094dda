import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { accessGrants, alerts, auditLog, invitations, memberships, orgs, positions, shareLinks, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { startPurgeSchedule } from "../../app/jobs.server";
import { createInvitation } from "../../app/models/invitation.server";
import { purgeDueOrgs, purgeOrg } from "../../app/models/org-deletion.server";
import { createPosition } from "../../app/models/position.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { addMember, grantAccess, makeOrgWithOwner } from "../support/factories";
import { seedStartupData } from "../support/grant-fixtures";
import { postPairs } from "../support/hostile";
import { createLink, stable, textOf } from "../support/share-fixtures";
import { formatterFor } from "../../app/i18n/format";
import { routeData } from "../support/route-data";
import { first } from "../support/at";
import { reportForm } from "../support/report-inputs";

/**
 * Deleting an org (decision 009): owners only, 30 days read-only and shared with nobody with an
 * undo, then a purge that leaves no row of it anywhere and touches no other org's rows.
 */
let app: TestApp;
type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let doomed: Org, survivor: Org, fund: Org, bystander: Org, outsider: Org;
let owner: TestClient, admin: TestClient, member: TestClient, viewer: TestClient, fundOwner: TestClient, outsiderOwner: TestClient;
let doomedLink: string, fundCompanyLink: string, fundCompaniesLink: string, fundFrozenLink: string;
let doomedPositionId: string;

const DELETE_ROUTE = "routes/o.$orgSlug.delete";
const DAY = 24 * 60 * 60 * 1000;

function partner(path: string) {
  return fetch(app.url + path, { redirect: "manual" });
}

/** Every table with an org_id column, straight from the catalog: a table added later is covered. */
async function orgIdTables(): Promise<string[]> {
  return withSystem(app.database.db, async (tx) =>
    rowsOf<{ table: string }>(
      await tx.execute(sql`select c.relname as table from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by 1`),
    ).map((r) => r.table),
  );
}

/** A digest of every row of one org in every org_id table, plus its orgs row. */
async function fingerprint(orgId: string, except: string[] = []): Promise<Record<string, string>> {
  const tables = await orgIdTables();
  return withSystem(app.database.db, async (tx) => {
    const result: Record<string, string> = {};
    for (const table of tables.filter((t) => !except.includes(t))) {
      const [row] = rowsOf<{ digest: string | null }>(
        await tx.execute(sql`select md5(string_agg(t::text, ',' order by t::text)) as digest from ${sql.identifier(table)} t where org_id = ${orgId}`),
      );
      result[table] = row?.digest ?? "empty";
    }
    const [org] = rowsOf<{ digest: string | null }>(await tx.execute(sql`select md5(o::text) as digest from orgs o where id = ${orgId}`));
    result.orgs = org?.digest ?? "gone";
    return result;
  });
}

/** How many rows anywhere still hold or name the org. */
async function leftovers(orgId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await orgIdTables()) {
    const [row] = await withSystem(app.database.db, async (tx) =>
      rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId}`)),
    );
    if (Number(row!.n) > 0) counts[table] = Number(row!.n);
  }
  const named = await withSystem(app.database.db, async (tx) =>
    rowsOf<{ what: string; n: number }>(
      await tx.execute(sql`
        select 'orgs' as what, count(*)::int as n from orgs where id = ${orgId}
        union all select 'access_grants.investor_org_id', count(*)::int from access_grants where investor_org_id = ${orgId}
        union all select 'alerts.company_org_id', count(*)::int from alerts where company_org_id = ${orgId}
        union all select 'positions.company_org_id', count(*)::int from positions where company_org_id = ${orgId}
        union all select 'share_links.company_org_ids', count(*)::int from share_links where ${orgId}::uuid = any(company_org_ids)
        union all select 'share_links.snapshot', count(*)::int from share_links where snapshot::text like ${"%" + orgId + "%"}`),
    ),
  );
  for (const { what, n } of named) if (Number(n) > 0) counts[what] = Number(n);
  return counts;
}

async function schedule(client: TestClient, org: Org, confirmName = org.org.name) {
  return postPairs(client, routeData(`/o/${org.org.slug}/delete`, DELETE_ROUTE), [
    ["intent", "schedule"],
    ["confirmName", confirmName],
    ["confirm", "yes"],
  ]);
}

async function undo(client: TestClient, org: Org) {
  return postPairs(client, routeData(`/o/${org.org.slug}/delete`, DELETE_ROUTE), [["intent", "undo"]]);
}

async function purgeAfterOf(orgId: string): Promise<Date | null> {
  const [row] = await withSystem(app.database.db, (tx) => tx.select({ purgeAfter: orgs.purgeAfter }).from(orgs).where(eq(orgs.id, orgId)));
  return row?.purgeAfter ?? null;
}

/** The client's cookies plus the language cookie: the page in Chinese. */
function inChinese(client: TestClient) {
  return { Cookie: [...[...client.cookies].map(([k, v]) => `${k}=${v}`), "lang=zh-CN"].join("; ") };
}

async function pageText(client: TestClient, path: string) {
  const response = await client.get(path);
  return { status: response.status, text: textOf(await response.text()) };
}

beforeAll(async () => {
  app = await startTestApp();
  doomed = await makeOrgWithOwner(app.database, "startup", "Doomed Labs");
  survivor = await makeOrgWithOwner(app.database, "startup", "Survivor AI");
  fund = await makeOrgWithOwner(app.database, "investor", "Watchful Fund");
  bystander = await makeOrgWithOwner(app.database, "investor", "Bystander Capital");
  outsider = await makeOrgWithOwner(app.database, "startup", "Outsider Co");
  await seedStartupData(doomed.ctx, "Doomed");
  await seedStartupData(survivor.ctx, "Survivor");
  await grantAccess(app.database, doomed.org, fund.org);
  await grantAccess(app.database, survivor.org, fund.org);
  await grantAccess(app.database, survivor.org, bystander.org);
  owner = await app.signIn(doomed.owner.email);
  admin = await app.signIn((await addMember(app.database, doomed.ctx, "admin")).user.email);
  member = await app.signIn((await addMember(app.database, doomed.ctx, "member")).user.email);
  viewer = await app.signIn((await addMember(app.database, doomed.ctx, "viewer")).user.email);
  fundOwner = await app.signIn(fund.owner.email);
  outsiderOwner = await app.signIn(outsider.owner.email);
  await createInvitation(doomed.ctx, { email: "later@example.test", role: "member" }, app.url, "en");

  // What the fund keeps about Doomed Labs: a position, alerts, share links naming it.
  const position = {
    investedOn: "2025-06-01",
    amount: 50_000_000,
    currency: null,
    instrument: "seed" as const,
    ownershipPercent: null,
    currentValue: 40_000_000,
    notes: null,
  };
  doomedPositionId = (await createPosition(fund.ctx, { ...position, companyOrgId: doomed.org.id })).id;
  await createPosition(fund.ctx, { ...position, companyOrgId: survivor.org.id });
  await withSystem(app.database.db, (tx) =>
    tx.insert(alerts).values([
      { orgId: fund.org.id, companyOrgId: doomed.org.id, kind: "risk_score", subject: "r1", severity: "critical", reason: "Doomed GPU prices scored 20" },
      { orgId: fund.org.id, companyOrgId: survivor.org.id, kind: "risk_score", subject: "r2", severity: "warning", reason: "Survivor GPU prices scored 12" },
    ]),
  );
  doomedLink = (await createLink(owner, doomed.org.slug, { label: "Doomed for LPs" })).token;
  fundCompanyLink = (await createLink(fundOwner, fund.org.slug, { label: "Just Doomed", scope: "company", companyId: doomed.org.id })).token;
  fundCompaniesLink = (
    await createLink(fundOwner, fund.org.slug, { label: "Doomed and Survivor", scope: "companies", companyIds: [doomed.org.id, survivor.org.id] })
  ).token;
  fundFrozenLink = (await createLink(fundOwner, fund.org.slug, { label: "Frozen portfolio", scope: "portfolio", mode: "frozen", frozenMonth: "2026-02" }))
    .token;
}, 120_000);

afterAll(() => app?.close());

describe("who may delete an org", () => {
  it("only an owner: admin, member and viewer are refused and nothing is written", async () => {
    const before = await fingerprint(doomed.org.id);
    for (const [who, client] of [
      ["admin", admin],
      ["member", member],
      ["viewer", viewer],
    ] as const) {
      expect((await client.get(`/o/${doomed.org.slug}/delete`)).status, `${who} GET`).toBe(403);
      expect((await schedule(client, doomed)).status, `${who} POST`).toBe(403);
    }
    expect(await fingerprint(doomed.org.id)).toEqual(before);
    expect(await purgeAfterOf(doomed.org.id)).toBeNull();
  });

  it("another tenant's owner gets 404 and writes nothing", async () => {
    const before = await fingerprint(doomed.org.id);
    const page = await outsiderOwner.get(`/o/${doomed.org.slug}/delete`);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("Doomed Labs");
    expect((await schedule(outsiderOwner, doomed)).status).toBe(404);
    expect((await undo(outsiderOwner, doomed)).status).toBe(404);
    expect(await fingerprint(doomed.org.id)).toEqual(before);
  });

  it("wants the tick and the org's name typed exactly; otherwise 400 on that field and nothing written", async () => {
    const before = await fingerprint(doomed.org.id);
    const path = routeData(`/o/${doomed.org.slug}/delete`, DELETE_ROUTE);
    const unticked = await postPairs(owner, path, [
      ["intent", "schedule"],
      ["confirmName", "Doomed Labs"],
    ]);
    expect(unticked.status).toBe(400);
    expect((await unticked.json()).fieldErrors.confirm).toBe("Tick the box to confirm.");
    const misnamed = await schedule(owner, doomed, "doomed labs");
    expect(misnamed.status).toBe(400);
    expect((await misnamed.json()).fieldErrors.confirmName).toBe("That is not the organisation's name. Type Doomed Labs exactly.");
    const zh = await owner.post(path, { intent: "schedule", confirmName: "Doomed", confirm: "yes" }, inChinese(owner));
    expect(zh.status).toBe(400);
    expect((await zh.json()).fieldErrors.confirmName).toBe("这不是该组织的名称。请准确输入 Doomed Labs。");
    expect((await undo(owner, doomed)).status, "nothing to undo").toBe(409);
    expect(await fingerprint(doomed.org.id)).toEqual(before);
  });
});

describe("scheduled, then undone", () => {
  let before: Record<string, string>;
  let grantsBefore: unknown;

  it("schedules for 30 days, read-only at once, with a banner, and audited", async () => {
    expect((await pageText(fundOwner, `/o/${fund.org.slug}/portfolio`)).text).toContain("Doomed Labs");
    expect((await partner(`/r/${doomedLink}`)).status).toBe(200);
    before = await fingerprint(doomed.org.id, ["audit_log"]);
    grantsBefore = await withSystem(app.database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.orgId, doomed.org.id)));

    const started = Date.now();
    const response = await schedule(owner, doomed);
    expect(response.status).toBe(204);
    expect(response.headers.get("x-remix-redirect")).toBe(`/o/${doomed.org.slug}`);
    const purgeAfter = (await purgeAfterOf(doomed.org.id))!;
    expect(purgeAfter.getTime() - started).toBeGreaterThan(30 * DAY - 60_000);
    expect(purgeAfter.getTime() - started).toBeLessThan(30 * DAY + 60_000);

    const [entry] = await withSystem(app.database.db, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.orgId, doomed.org.id), eq(auditLog.action, "org.deletion_schedule"))),
    );
    expect(entry!.actorUserId).toBe(doomed.owner.id);

    // The banner, with the date, on every page; the undo button for owners only.
    const ownerPage = await owner.get(`/o/${doomed.org.slug}/reports`);
    const ownerHtml = await ownerPage.text();
    expect(textOf(ownerHtml)).toContain(`Doomed Labs is scheduled for deletion on ${formatterFor("en").dateTime(purgeAfter)}.`);
    expect(ownerHtml).toContain("Undo deletion");
    const memberText = (await pageText(member, `/o/${doomed.org.slug}`)).text;
    expect(memberText).toContain("Doomed Labs is scheduled for deletion on");
    expect(memberText).toContain("Only an owner can undo it.");
    expect(memberText).not.toContain("Undo deletion");
    const zh = await member.get(`/o/${doomed.org.slug}`, inChinese(member));
    expect(textOf(await zh.text())).toContain(`Doomed Labs 已安排于 ${formatterFor("zh-CN").dateTime(purgeAfter)} 删除`);
  });

  it("while scheduled nobody changes anything, the owner included: 409, nothing written", async () => {
    const snapshot = await fingerprint(doomed.org.id);
    const report = reportForm({ revenue: "1", headcount: "1" });
    for (const [who, client] of [
      ["owner", owner],
      ["admin", admin],
      ["member", member],
    ] as const) {
      const save = await client.post(`/o/${doomed.org.slug}/reports/2026-03`, report);
      expect(save.status, `${who} saves a report`).toBe(409);
      expect(textOf(await save.text()), who).toContain("This organisation is read-only");
    }
    expect((await owner.post(`/o/${doomed.org.slug}/members`, { intent: "invite", email: "new@example.test", role: "member" })).status).toBe(409);
    expect((await owner.post(`/o/${doomed.org.slug}/settings`, { name: "Renamed", baseCurrency: "USD", budgetOverrunThresholdPercent: "10" })).status).toBe(
      409,
    );
    expect((await schedule(owner, doomed)).status, "scheduled twice").toBe(409);
    expect(await fingerprint(doomed.org.id)).toEqual(snapshot);
    // Reading goes on, and the owner can still take everything with them.
    expect((await member.get(`/o/${doomed.org.slug}/reports`)).status).toBe(200);
    const exported = await owner.get(`/o/${doomed.org.slug}/export.zip`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("zip");
  });

  it("investors lose access at once: portfolio, company pages, new requests; the startup's share links are the same 404", async () => {
    const portfolio = await pageText(fundOwner, `/o/${fund.org.slug}/portfolio`);
    expect(portfolio.status).toBe(200);
    expect(portfolio.text).not.toContain("Doomed Labs");
    expect(portfolio.text).toContain("Survivor AI");
    expect((await fundOwner.get(`/o/${fund.org.slug}/companies/${doomed.org.slug}`)).status).toBe(404);
    const companies = await pageText(fundOwner, `/o/${fund.org.slug}/companies`);
    expect(companies.text).not.toContain("Doomed Labs");
    expect((await pageText(fundOwner, `/o/${fund.org.slug}/alerts?status=all`)).text).not.toContain("Doomed");
    // Under the tenant role, not only through the pages: the grant and every shared row are gone from view.
    const seen = await withSystem(app.database.db, async (tx) => {
      await tx.execute(sql`select set_config('role', 'app_tenant', true), set_config('app.org_id', ${fund.org.id}, true)`);
      return rowsOf<{ grants: number; reports: number; org: number }>(
        await tx.execute(sql`select (select count(*)::int from access_grants where org_id = ${doomed.org.id}) as grants,
          (select count(*)::int from monthly_reports where org_id = ${doomed.org.id}) as reports,
          (select count(*)::int from orgs where id = ${doomed.org.id}) as org`),
      )[0];
    });
    expect(seen).toEqual({ grants: 0, reports: 0, org: 0 });

    // The startup's own link: the same 404 as a token that never existed.
    const own = await partner(`/r/${doomedLink}`);
    const unknown = await partner(`/r/${"x".repeat(43)}`);
    expect(own.status).toBe(404);
    expect(stable(await own.text())).toBe(stable(await unknown.text()));
    const fundLink = textOf(await (await partner(`/r/${fundCompaniesLink}`)).text());
    expect(fundLink).not.toContain("Doomed Labs");
    expect(fundLink).not.toContain("Doomed GPU prices");
    expect(fundLink).toContain("Survivor AI");
    const frozen = textOf(await (await partner(`/r/${fundFrozenLink}`)).text());
    expect(frozen).toContain("Survivor AI");
    expect(frozen).not.toContain("Doomed Labs");

    // No new request reaches it, and nobody joins it.
    const grantsBefore = await withSystem(app.database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.orgId, doomed.org.id)));
    const { shareCode } = first(
      await withSystem(app.database.db, (tx) => tx.select({ shareCode: orgs.shareCode }).from(orgs).where(eq(orgs.id, doomed.org.id))),
    );
    const bystanderOwner = await app.signIn(bystander.owner.email);
    const asked = await bystanderOwner.post(`/o/${bystander.org.slug}/companies?index`, { intent: "request", via: shareCode });
    expect(asked.status).toBeLessThan(400);
    expect(await withSystem(app.database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.orgId, doomed.org.id)))).toEqual(grantsBefore);
  });

  it("undo (owner only) brings every row and every reader back as it was", async () => {
    expect((await undo(admin, doomed)).status).toBe(403);
    const response = await undo(owner, doomed);
    expect(response.status).toBe(204);
    expect(await purgeAfterOf(doomed.org.id)).toBeNull();
    expect(await fingerprint(doomed.org.id, ["audit_log"])).toEqual(before);
    expect(await withSystem(app.database.db, (tx) => tx.select().from(accessGrants).where(eq(accessGrants.orgId, doomed.org.id)))).toEqual(grantsBefore);
    const actions = (
      await withSystem(app.database.db, (tx) => tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.orgId, doomed.org.id)))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["org.deletion_schedule", "org.deletion_undo"]));

    expect((await pageText(fundOwner, `/o/${fund.org.slug}/portfolio`)).text).toContain("Doomed Labs");
    expect((await fundOwner.get(`/o/${fund.org.slug}/companies/${doomed.org.slug}`)).status).toBe(200);
    expect((await partner(`/r/${doomedLink}`)).status).toBe(200);
    expect(textOf(await (await partner(`/r/${fundCompaniesLink}`)).text())).toContain("Doomed Labs");
    expect((await pageText(member, `/o/${doomed.org.slug}`)).text).not.toContain("scheduled for deletion");
  });
});

describe("the purge", () => {
  it("does nothing before the grace period has ended", async () => {
    expect((await schedule(owner, doomed)).status).toBe(204);
    const before = await fingerprint(doomed.org.id);
    const purgeAfter = (await purgeAfterOf(doomed.org.id))!;
    expect(await purgeDueOrgs(app.database.db, new Date(purgeAfter.getTime() - 1000))).toEqual({ purged: [], failed: [] });
    expect(await purgeOrg(app.database.db, doomed.org.id, new Date(Date.now() + 29 * DAY))).toBeNull();
    expect(await fingerprint(doomed.org.id)).toEqual(before);
  });

  it("afterwards removes every row of the org and what others derived from it, and nothing of anyone else", async () => {
    // A table added later, with org_id but no foreign key: the catalog sweep still empties it of the org.
    await withSystem(app.database.db, async (tx) => {
      await tx.execute(sql`create table future_notes (org_id uuid not null, note text)`);
      await tx.execute(sql`insert into future_notes values (${doomed.org.id}, 'doomed'), (${survivor.org.id}, 'survivor')`);
    });
    const others = {
      survivor: await fingerprint(survivor.org.id),
      bystander: await fingerprint(bystander.org.id),
      outsider: await fingerprint(outsider.org.id),
    };
    // The fund's own rows that are not about Doomed Labs stay exactly as they were.
    const fundRowsNotAboutDoomed = async () =>
      withSystem(app.database.db, async (tx) => ({
        alerts: await tx
          .select()
          .from(alerts)
          .where(and(eq(alerts.orgId, fund.org.id), sql`${alerts.companyOrgId} <> ${doomed.org.id}`)),
        positions: await tx
          .select()
          .from(positions)
          .where(and(eq(positions.orgId, fund.org.id), eq(positions.companyOrgId, survivor.org.id))),
        memberships: await tx.select().from(memberships).where(eq(memberships.orgId, fund.org.id)),
        audit: (await tx.select().from(auditLog).where(eq(auditLog.orgId, fund.org.id))).length,
      }));
    const fundBefore = await fundRowsNotAboutDoomed();
    const doomedUsers = (
      await withSystem(app.database.db, (tx) => tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.orgId, doomed.org.id)))
    ).map((m) => m.userId);
    expect(Object.keys(await leftovers(doomed.org.id)).length).toBeGreaterThan(10);

    const purgeAfter = (await purgeAfterOf(doomed.org.id))!;
    const result = await purgeDueOrgs(app.database.db, new Date(purgeAfter.getTime() + 1000));
    expect(result).toEqual({ purged: [{ id: doomed.org.id, slug: doomed.org.slug, kind: "startup" }], failed: [] });

    expect(await leftovers(doomed.org.id)).toEqual({});
    expect(await withSystem(app.database.db, (tx) => tx.select().from(invitations).where(eq(invitations.orgId, doomed.org.id)))).toEqual([]);
    expect(others).toEqual({
      survivor: await fingerprint(survivor.org.id),
      bystander: await fingerprint(bystander.org.id),
      outsider: await fingerprint(outsider.org.id),
    });
    expect(await fundRowsNotAboutDoomed()).toEqual(fundBefore);
    // The people stay (they may belong elsewhere); only their membership went.
    expect((await withSystem(app.database.db, (tx) => tx.select({ id: users.id }).from(users).where(sql`${users.id} in ${doomedUsers}`))).length).toBe(
      doomedUsers.length,
    );

    // The fund's own record of its investment stays, with the company's name.
    const [kept] = await withSystem(app.database.db, (tx) => tx.select().from(positions).where(eq(positions.id, doomedPositionId)));
    expect(kept).toMatchObject({ companyOrgId: null, companyName: "Doomed Labs", amount: 50_000_000 });
    const positionsPage = await pageText(fundOwner, `/o/${fund.org.slug}/positions`);
    expect(positionsPage.text).toContain("Doomed Labs (deleted)");
    // A write-off of that position still saves, on the same (deleted) company.
    const edit = await fundOwner.post(`/o/${fund.org.slug}/positions/${doomedPositionId}`, {
      intent: "update",
      version: String(kept!.version),
      companyOrgId: "deleted",
      investedOn: "2025-06-01",
      amount: "500000",
      currency: "",
      instrument: "seed",
      ownershipPercent: "",
      currentValue: "0",
      notes: "written off",
    });
    expect(edit.status).toBe(302);
    const [written] = await withSystem(app.database.db, (tx) => tx.select().from(positions).where(eq(positions.id, doomedPositionId)));
    expect(written).toMatchObject({ companyOrgId: null, companyName: "Doomed Labs", currentValue: 0 });

    // The fund's links: the one about Doomed alone is gone, the others no longer name it.
    const fundLinks = await withSystem(app.database.db, (tx) =>
      tx.select({ label: shareLinks.label, ids: shareLinks.companyOrgIds }).from(shareLinks).where(eq(shareLinks.orgId, fund.org.id)),
    );
    expect(fundLinks.map((l) => l.label).sort()).toEqual(["Doomed and Survivor", "Frozen portfolio"]);
    expect(fundLinks.find((l) => l.label === "Doomed and Survivor")!.ids).toEqual([survivor.org.id]);
    expect((await partner(`/r/${fundCompanyLink}`)).status).toBe(404);
    expect((await partner(`/r/${doomedLink}`)).status).toBe(404);
    expect(textOf(await (await partner(`/r/${fundFrozenLink}`)).text())).toContain("Survivor AI");

    // The catalog sweep reached the table without a foreign key, and only for this org.
    const notes = await withSystem(app.database.db, async (tx) => rowsOf<{ note: string }>(await tx.execute(sql`select note from future_notes order by 1`)));
    expect(notes.map((n) => n.note)).toEqual(["survivor"]);
    await withSystem(app.database.db, (tx) => tx.execute(sql`drop table future_notes`));

    // Its members land elsewhere: the org answers 404 like any unknown one.
    expect((await owner.get(`/o/${doomed.org.slug}`)).status).toBe(404);
  });

  it("is idempotent: a second run finds nothing and changes nothing", async () => {
    const before = { survivor: await fingerprint(survivor.org.id), fund: await fingerprint(fund.org.id) };
    expect(await purgeDueOrgs(app.database.db, new Date(Date.now() + 365 * DAY))).toEqual({ purged: [], failed: [] });
    expect(await purgeOrg(app.database.db, doomed.org.id, new Date(Date.now() + 365 * DAY))).toBeNull();
    expect({ survivor: await fingerprint(survivor.org.id), fund: await fingerprint(fund.org.id) }).toEqual(before);
  });

  it("the server's timer purges a due org on its own, logs only its id, and never keeps the process alive", async () => {
    const timed = await makeOrgWithOwner(app.database, "startup", "Timed Out Robotics");
    const timedOwner = await app.signIn(timed.owner.email);
    expect((await schedule(timedOwner, timed)).status).toBe(204);
    const lines: string[] = [];
    // The clock is the job's: a run 31 days later.
    const job = startPurgeSchedule(async () => app.database, {
      firstMs: 10,
      everyMs: 60_000,
      now: () => new Date(Date.now() + 31 * DAY),
      log: (line) => lines.push(line),
    });
    try {
      expect(job.keepsProcessAlive()).toBe(false);
      for (const deadline = Date.now() + 10_000; Date.now() < deadline && lines.length === 0; ) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      job.stop();
    }
    expect(lines.map((l) => JSON.parse(l))).toEqual([{ level: "info", msg: "org purged", orgId: timed.org.id, kind: "startup" }]);
    expect(await leftovers(timed.org.id)).toEqual({});
  });

  it("an investor org's purge removes its grants in the startups' tenants (both directions) and its derived rows", async () => {
    const leaving = await makeOrgWithOwner(app.database, "investor", "Leaving Fund");
    await grantAccess(app.database, survivor.org, leaving.org, ["financials"]);
    const leavingOwner = await app.signIn(leaving.owner.email);
    await createLink(leavingOwner, leaving.org.slug, { label: "Leaving's view", scope: "company", companyId: survivor.org.id, sections: ["financials"] });
    const survivorBefore = await fingerprint(survivor.org.id, ["access_grants"]);
    expect((await schedule(leavingOwner, leaving)).status).toBe(204);
    const purgeAfter = (await purgeAfterOf(leaving.org.id))!;
    expect((await purgeDueOrgs(app.database.db, new Date(purgeAfter.getTime() + 1))).purged.map((p) => p.id)).toEqual([leaving.org.id]);
    expect(await leftovers(leaving.org.id)).toEqual({});
    expect(await fingerprint(survivor.org.id, ["access_grants"])).toEqual(survivorBefore);
    const survivorGrants = await withSystem(app.database.db, (tx) =>
      tx.select({ investor: accessGrants.investorOrgId }).from(accessGrants).where(eq(accessGrants.orgId, survivor.org.id)),
    );
    expect(survivorGrants.map((g) => g.investor).sort()).toEqual([fund.org.id, bystander.org.id].sort());
  });
});
