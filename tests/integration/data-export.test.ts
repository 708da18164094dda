import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { getTableColumns } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, assert, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client";
import { withSystem } from "../../db/tenant";
import { exportSources, type ExportManifest } from "../../app/models/org-export.server";
import { EXPORT_TABLE_DOCS } from "../../app/models/org-export-tables.server";
import type { PersonalDataExport } from "../../app/models/personal-data.server";
import { totpCodeAt } from "../../app/server/totp.server";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { routeData } from "../support/route-data";
import { seedExportWorld } from "../support/export-fixtures";
import { addMember, makeOrgWithOwner } from "../support/factories";
import { at, first, leading, lookup } from "../support/at";
import { TABLES_WITHOUT_ORG } from "../support/schema-tables";
import { expectWords } from "../support/shown-page";

let app: TestApp;
let alpha: Awaited<ReturnType<typeof seedExportWorld>>;
let beta: Awaited<ReturnType<typeof seedExportWorld>>;

beforeAll(async () => {
  app = await startTestApp();
  alpha = await seedExportWorld(app.database, "ALPHA");
  beta = await seedExportWorld(app.database, "BETA");
});
afterAll(() => app.close());

interface Opened {
  manifest: ExportManifest;
  /** file name (without the archive's folder) → text */
  files: Record<string, string>;
  raw: Record<string, Uint8Array>;
  folder: string;
}

async function download(client: TestClient, slug: string): Promise<Opened> {
  const response = await client.get(`/o/${slug}/export.zip`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/zip");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="capital-desk-${slug}-\\d{4}-\\d{2}-\\d{2}\\.zip"$`));
  // Directory entries (the archive's one folder) carry no data.
  const entries = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(await response.arrayBuffer()))).filter(([name]) => !name.endsWith("/")));
  const folders = new Set(Object.keys(entries).map((name) => first(name.split("/"))));
  expect(folders.size, "one folder holds everything").toBe(1);
  const folder = first([...folders]);
  const raw = Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name.slice(folder.length + 1), bytes]));
  const files = Object.fromEntries(Object.entries(raw).map(([name, bytes]) => [name, strFromU8(bytes)]));
  return { manifest: JSON.parse(lookup(files, "manifest.json")) as ExportManifest, files, raw, folder };
}

/** Every table with an org_id column, from the database catalog (not from our schema). */
async function catalogTenantTables(): Promise<string[]> {
  return withSystem(app.database.db, async (tx) =>
    rowsOf<{ table: string }>(
      await tx.execute(sql`select c.relname as table from pg_class c
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by 1`),
    ).map((r) => r.table),
  );
}

/** What the export should hold for each table, counted as the system (no RLS) with the export's own rules. */
async function expectedCounts(orgId: string, tables: string[], exportedAt: string): Promise<Record<string, number>> {
  return withSystem(app.database.db, async (tx) => {
    const counts: Record<string, number> = {};
    const count = async (query: ReturnType<typeof sql>) => Number(first(rowsOf<{ n: number }>(await tx.execute(query))).n);
    counts.orgs = await count(sql`select count(*)::int as n from orgs where id = ${orgId}`);
    counts.users = await count(sql`select count(*)::int as n from memberships where org_id = ${orgId}`);
    for (const table of tables) {
      counts[table] =
        table === "access_grants"
          ? await count(sql`select count(*)::int as n from access_grants where org_id = ${orgId} or investor_org_id = ${orgId}`)
          : await count(sql.raw(`select count(*)::int as n from "${table}" where org_id = '${orgId}'`));
    }
    // The export's own audit entry is written after it was read.
    counts.audit_log =
      lookup(counts, "audit_log") -
      (await count(sql`select count(*)::int as n from audit_log where org_id = ${orgId} and action = 'org.export' and at >= ${exportedAt}::timestamptz`));
    return counts;
  });
}

function records(csv: string): string[][] {
  return parse(csv, { relax_column_count: false }) as string[][];
}

describe("the org export's contents are derived from the schema", () => {
  it("reads every table with org_id in the database, plus the org's own row and its members", async () => {
    const names = exportSources().map((s) => s.name);
    expect(names.slice().sort()).toEqual(["orgs", "users", ...(await catalogTenantTables())].sort());
  });

  it("describes every table and every column it exports, and names what it leaves out", () => {
    for (const source of exportSources()) {
      const doc = EXPORT_TABLE_DOCS[source.name];
      assert(doc, `${source.name} is described in org-export-tables.server.ts`);
      expect(doc.about.length, source.name).toBeGreaterThan(10);
      const all = Object.values(getTableColumns(source.table)).map((c) => c.name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`));
      const documented = [...Object.keys(doc.columns), ...Object.keys(doc.excluded ?? {})];
      expect(documented.slice().sort(), `${source.name}: every column is described or excluded, and no more`).toEqual(all.slice().sort());
      for (const column of source.columns) {
        if (column.column.columnType === "PgBigInt53") {
          expect(doc.columns[column.name], `${source.name}.${column.name} is money`).toMatch(/minor units/);
        }
      }
    }
  });
});

describe("an owner's export of all the org's data", () => {
  let opened: Opened;
  let tables: string[];
  beforeAll(async () => {
    tables = await catalogTenantTables();
    opened = await download(await app.signIn(alpha.startup.owner.email), alpha.startup.org.slug);
  });

  it("holds a CSV of every tenant table and a manifest naming each, with matching row counts and SHA-256", async () => {
    const { manifest, files, raw } = opened;
    expect(Object.keys(files).sort()).toEqual(["manifest.json", ...["orgs", "users", ...tables].map((t) => `${t}.csv`)].sort());
    expect(manifest.tables.map((t) => t.table).sort()).toEqual(["orgs", "users", ...tables].sort());
    const expected = await expectedCounts(alpha.startup.org.id, tables, manifest.exportedAt);
    for (const entry of manifest.tables) {
      const [header, ...rows] = records(lookup(files, entry.file));
      expect(header, entry.file).toEqual(entry.columns.map((c) => c.name));
      expect(rows.length, `${entry.file} rows in the file`).toBe(entry.rows);
      expect(entry.rows, `${entry.file} rows in the database`).toBe(expected[entry.table]);
      expect(entry.sha256, entry.file).toBe(crypto.createHash("sha256").update(lookup(raw, entry.file)).digest("hex"));
      for (const column of entry.columns) expect(column.meaning, `${entry.table}.${column.name}`).not.toBe("");
    }
    // The startup's world has a row in every table a startup uses.
    for (const table of [
      "memberships",
      "invitations",
      "mail_outbox",
      "audit_log",
      "funding_rounds",
      "debt_facilities",
      "monthly_reports",
      "report_updates",
      "budgets",
      "risks",
      "risk_history",
      "company_metrics",
      "access_grants",
      "share_links",
      "share_link_views",
    ]) {
      expect(expected[table], table).toBeGreaterThan(0);
    }
  });

  it("says who exported what, when, with which app version, and how money is kept", () => {
    const { manifest } = opened;
    expect(manifest.format).toBe("capital-desk-org-export");
    expect(manifest.org).toMatchObject({ id: alpha.startup.org.id, slug: alpha.startup.org.slug, name: "ALPHA-S Startup", kind: "startup" });
    expect(manifest.exportedBy).toMatchObject({ userId: alpha.startup.owner.id, email: alpha.startup.owner.email, role: "owner" });
    expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(Math.abs(Date.parse(manifest.exportedAt) - Date.now())).toBeLessThan(60_000);
    expect(manifest.conventions.money).toMatch(/minor units/);
    const rounds = manifest.tables.find((t) => t.table === "funding_rounds")!;
    expect(rounds.columns.find((c) => c.name === "amount")!.meaning).toMatch(/minor units.*currency/);
    // Money stays in minor units beside its currency: 1,500,000.00 USD is 150000000.
    const [header, row] = leading(records(lookup(opened.files, "funding_rounds.csv")), 2);
    expect(row[header.indexOf("amount")]).toBe("150000000");
    expect(row[header.indexOf("currency")]).toBe("USD");
    // A cell a spreadsheet would run as a formula is neutralised, as in every CSV export.
    expect(row[header.indexOf("notes")]).toBe("'=ALPHA-S formula-looking note");
  });

  it("contains the org's own data and none of another org's, nor of the investor it shares with", () => {
    const all = Object.values(opened.files).join("\n");
    const own = ["ALPHA-S Lead Partners", "ALPHA-S GPU shortage risk", "ALPHA-S highlight", "ALPHA-S board link", "ALPHA-S Browser/1.0", "ALPHA-S audit after"];
    expectWords(all, own, ["BETA"]);
    expect(all, "the investor's own rows and members").not.toContain("ALPHA-I");
  });

  it("leaves out every secret, and says which columns it left out", async () => {
    const all = Object.values(opened.files).join("\n");
    const { hashes, sessionIds } = await withSystem(app.database.db, async (tx) => ({
      hashes: rowsOf<{ h: string }>(await tx.execute(sql`select password_hash as h from users`)).map((r) => r.h),
      sessionIds: rowsOf<{ id: string }>(await tx.execute(sql`select id from sessions`)).map((r) => r.id),
    }));
    expect(hashes.length).toBeGreaterThan(0);
    expect(sessionIds.length, "the owner's own session exists").toBeGreaterThan(0);
    for (const secret of [
      ...hashes,
      ...sessionIds,
      alpha.secrets.invitationToken,
      alpha.secrets.linkToken,
      alpha.secrets.passphraseHash,
      alpha.secrets.mailBody,
      "live-invitation-token",
    ]) {
      expect(all.includes(secret), `secret ${secret.slice(0, 24)}… in the export`).toBe(false);
    }
    const headers = Object.entries(opened.files)
      .filter(([name]) => name.endsWith(".csv"))
      .flatMap(([name, csv]) => first(records(csv)).map((column) => `${name}:${column}`));
    for (const forbidden of [
      "users.csv:password_hash",
      "invitations.csv:token_hash",
      "share_links.csv:token_hash",
      "share_links.csv:passphrase_hash",
      "mail_outbox.csv:body",
      "mail_outbox.csv:html",
    ]) {
      expect(headers).not.toContain(forbidden);
    }
    expect(Object.keys(opened.files)).not.toContain("sessions.csv");
    const excluded = Object.fromEntries(opened.manifest.tables.map((t) => [t.table, t.excludedColumns.map((c) => c.name)]));
    expect(excluded).toMatchObject({
      users: expect.arrayContaining(["password_hash"]),
      invitations: ["token_hash"],
      share_links: ["token_hash", "passphrase_hash"],
      mail_outbox: ["body", "html", "list_unsubscribe"],
    });
    for (const t of opened.manifest.tables) for (const c of t.excludedColumns) expect(c.reason, `${t.table}.${c.name}`).not.toBe("");
    // Every table with no org_id is named as not exported, except the org's own row and its members.
    const notExported = opened.manifest.notExported.map((t) => t.table);
    expect(notExported.sort()).toEqual([...TABLES_WITHOUT_ORG].sort());
  });

  it("is recorded in the org's audit log as org.export", async () => {
    const entry = first(
      await withSystem(app.database.db, async (tx) =>
        rowsOf<{ actor: string; entity: string; after: { tables: number; rows: number } }>(
          await tx.execute(sql`select actor_user_id as actor, entity_id as entity, after from audit_log
          where org_id = ${alpha.startup.org.id} and action = 'org.export' order by at desc limit 1`),
        ),
      ),
    );
    expect(entry).toMatchObject({ actor: alpha.startup.owner.id, entity: alpha.startup.org.id });
    expect(entry.after.tables).toBe(opened.manifest.tables.length);
    expect(entry.after.rows).toBe(opened.manifest.tables.reduce((sum, t) => sum + t.rows, 0));
  });
});

describe("an investor's export", () => {
  it("holds its own portfolio data and not the rows its startups share with it", async () => {
    const opened = await download(await app.signIn(beta.investor.owner.email), beta.investor.org.slug);
    const all = Object.values(opened.files).join("\n");
    for (const own of ["BETA-I position note", "BETA-I alert reason", "BETA-I LP link", "BETA-I audit after"]) expect(all, own).toContain(own);
    // The startup shares every section with it: readable in its tenant transaction, but the startup's data.
    expect(all).not.toContain("BETA-S");
    expect(all).not.toContain("ALPHA");
    const grants = records(lookup(opened.files, "access_grants.csv"));
    expect(grants.length - 1, "its grant is listed: the startup's row, the investor's portfolio").toBe(1);
    expect(at(grants, 1)[at(grants, 0).indexOf("investor_org_id")]).toBe(beta.investor.org.id);
    for (const table of ["positions", "fx_rates", "alert_rules", "alerts"]) {
      expect(opened.manifest.tables.find((t) => t.table === table)!.rows, table).toBe(1);
    }
    expect(opened.manifest.tables.find((t) => t.table === "monthly_reports")!.rows).toBe(0);
  });
});

describe("who may export", () => {
  it("an admin may", async () => {
    const opened = await download(await app.signIn(alpha.admin.user.email), alpha.startup.org.slug);
    expect(opened.manifest.exportedBy.role).toBe("admin");
  });

  it("a member and a viewer are refused (403) and nothing is recorded", async () => {
    const count = () =>
      withSystem(app.database.db, async (tx) =>
        Number(
          first(
            rowsOf<{ n: number }>(
              await tx.execute(sql`select count(*)::int as n from audit_log where org_id = ${alpha.startup.org.id} and action = 'org.export'`),
            ),
          ).n,
        ),
      );
    const before = await count();
    for (const person of [alpha.member, alpha.viewer]) {
      const response = await (await app.signIn(person.user.email)).get(`/o/${alpha.startup.org.slug}/export.zip`);
      expect(response.status, person.ctx.role).toBe(403);
      expect(response.headers.get("content-type")).not.toBe("application/zip");
    }
    expect(await count()).toBe(before);
  });

  it("the owner of another org gets 404, as for any org that is not theirs", async () => {
    const response = await (await app.signIn(beta.startup.owner.email)).get(`/o/${alpha.startup.org.slug}/export.zip`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("ALPHA");
  });

  it("an anonymous visitor is sent to sign in", async () => {
    const response = await app.client().get(`/o/${alpha.startup.org.slug}/export.zip`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login/);
  });

  it("the settings page offers the export with a sentence on what is in it, in both languages", async () => {
    const owner = await app.signIn(alpha.startup.owner.email);
    const english = await (await owner.get(`/o/${alpha.startup.org.slug}/settings`)).text();
    expect(english).toContain(`href="/o/${alpha.startup.org.slug}/export.zip"`);
    expect(english).toContain("Export all data");
    expect(english).toMatch(/minor units/);
    const chinese = await (await owner.get(`/o/${alpha.startup.org.slug}/settings`, { "Accept-Language": "zh-CN" })).text();
    expect(chinese).toContain("导出全部数据");
  });
});

describe("a person's own data", () => {
  async function personalData(client: TestClient): Promise<PersonalDataExport> {
    const response = await client.get("/account/data.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="capital-desk-personal-data-\d{4}-\d{2}-\d{2}\.json"$/);
    return (await response.json()) as PersonalDataExport;
  }

  it("holds the user's account, memberships, sessions, invitations and audit entries, and nothing of another person", async () => {
    const person = alpha.startup.owner;
    // Also an investor's member, and invited somewhere else.
    const other = await makeOrgWithOwner(app.database, "investor", "GAMMA Elsewhere Fund");
    await withSystem(app.database.db, async (tx) => {
      await tx.execute(sql`insert into memberships (org_id, user_id, role) values (${other.org.id}, ${person.id}, 'viewer')`);
      await tx.execute(sql`insert into invitations (org_id, email, role, token_hash, invited_by, expires_at)
        values (${other.org.id}, ${person.email}, 'admin', ${crypto.randomBytes(32).toString("hex")}, ${other.owner.id}, now() + interval '7 days')`);
      await tx.execute(sql`insert into audit_log (org_id, actor_user_id, action, entity_type, after)
        values (${other.org.id}, ${other.owner.id}, 'test.marker', 'test', '{"note": "GAMMA owner entry"}'::jsonb)`);
    });
    const client = await app.signIn(person.email);
    const data = await personalData(client);
    expect(data.format).toBe("capital-desk-personal-data");
    expect(data.user).toMatchObject({ id: person.id, email: person.email, name: "ALPHA-S Startup Owner" });
    expect(data.user).not.toHaveProperty("passwordHash");
    expect(data.memberships.map((m) => [m.orgName, m.role]).sort()).toEqual([
      ["ALPHA-S Startup", "owner"],
      ["GAMMA Elsewhere Fund", "viewer"],
    ]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    for (const session of data.sessions) {
      expect(Object.keys(session).sort()).toEqual(["absoluteExpiresAt", "createdAt", "expiresAt", "ipAddress", "lastUsedAt", "userAgent"]);
    }
    expect(data.invitationsToYourAddress).toEqual([expect.objectContaining({ orgName: "GAMMA Elsewhere Fund", role: "admin" })]);
    const notes = data.auditEntriesYouAuthored.map((e) => JSON.stringify(e.after));
    expect(notes.some((n) => n.includes("ALPHA-S audit after"))).toBe(true);
    expect(data.auditEntriesYouAuthored.every((e) => e.orgSlug === alpha.startup.org.slug || e.orgSlug === other.org.slug)).toBe(true);

    const text = JSON.stringify(data);
    const hash = await withSystem(
      app.database.db,
      async (tx) => first(rowsOf<{ h: string }>(await tx.execute(sql`select password_hash as h from users where id = ${person.id}`))).h,
    );
    expect(text).not.toContain(hash);
    const sessionIds = await withSystem(app.database.db, async (tx) =>
      rowsOf<{ id: string }>(await tx.execute(sql`select id from sessions where user_id = ${person.id}`)).map((r) => r.id),
    );
    for (const id of sessionIds) expect(text).not.toContain(id);
    // Another person's entries, address and name, even in an org they share.
    expect(text).not.toContain("GAMMA owner entry");
    expect(text).not.toContain(other.owner.email);
    expect(text).not.toContain(alpha.admin.user.email);
    expect(text).not.toContain("BETA");
  });

  it("holds the person's two-factor enrolment, sign-in devices, sessions, notification choices and schedules — never a secret or a hash", async () => {
    const { owner } = await makeOrgWithOwner(app.database, "startup", "EPSILON Secure Co");
    const client = await app.signIn(owner.email);
    // A real enrolment through the account page: the secret shown once, a code, ten recovery codes.
    expect((await client.post("/account/two-factor", { intent: "start" })).status).toBe(302);
    const secret = (/data-testid="totp-secret"[^>]*>([^<]+)</.exec(await (await client.get("/account/two-factor")).text())?.[1] ?? "").replace(/\s/g, "");
    expect(secret).not.toBe("");
    const confirmed = await client.post(routeData("/account/two-factor", "routes/account.two-factor"), { intent: "confirm", code: totpCodeAt(secret) });
    const { codes } = (await confirmed.json()) as { codes: string[] };
    expect(codes).toHaveLength(10);
    await withSystem(app.database.db, async (tx) => {
      await tx.execute(sql`insert into notification_preferences (user_id, kind, setting) values (${owner.id}, 'investor_update', 'off')`);
      await tx.execute(sql`insert into person_schedules (user_id, job, next_run_at) values (${owner.id}, 'alert_digest', now() + interval '1 day')`);
      await tx.execute(sql`insert into unsubscribe_tokens (token_hash, user_id, kind) values (${"e".repeat(64)}, ${owner.id}, 'alert')`);
    });

    const data = await personalData(client);
    expect(data.twoFactor).toEqual({
      enrolled: true,
      enrolmentStartedAt: expect.any(String),
      enabledAt: expect.any(String),
      lastCodeAcceptedAt: expect.any(String),
      recoveryCodes: { total: 10, unused: 10 },
    });
    expect(data.signInDevices).toEqual([
      { fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), firstSeenAt: expect.any(String), lastSeenAt: expect.any(String) },
    ]);
    expect(data.sessions).toEqual([
      expect.objectContaining({ ipAddress: expect.stringMatching(/127\.0\.0\.1/), userAgent: expect.any(String), lastUsedAt: expect.any(String) }),
    ]);
    expect(data.notificationPreferences).toEqual([{ kind: "investor_update", setting: "off", updatedAt: expect.any(String) }]);
    expect(data.personSchedules).toEqual([{ job: "alert_digest", lastRunAt: null, nextRunAt: expect.any(String) }]);
    expect(data.notes.join(" ")).toMatch(/two-factor secret and the hashes of your recovery codes/);

    // None of the secrets, in clear or as stored.
    const text = JSON.stringify(data);
    const stored = await withSystem(app.database.db, async (tx) =>
      rowsOf<{ v: string }>(
        await tx.execute(sql`select secret as v from user_two_factor where user_id = ${owner.id}
          union all select code_hash from two_factor_recovery_codes where user_id = ${owner.id}
          union all select id from sessions where user_id = ${owner.id}
          union all select token_hash from unsubscribe_tokens where user_id = ${owner.id}`),
      ).map((r) => r.v),
    );
    expect(stored.length).toBe(1 + 10 + 1 + 1);
    for (const value of [secret, ...codes, ...stored]) expect(text).not.toContain(value);
    expect(text).not.toContain(secret.slice(0, 12));
  });

  it("a person who never enrolled says so", async () => {
    const client = await app.signIn(alpha.member.user.email);
    const data = await personalData(client);
    expect(data.twoFactor).toEqual({
      enrolled: false,
      enrolmentStartedAt: null,
      enabledAt: null,
      lastCodeAcceptedAt: null,
      recoveryCodes: { total: 0, unused: 0 },
    });
    expect(data.notificationPreferences).toEqual([]);
  });

  it("counts the sign-in failures against the person's account, naming only the addresses they signed in from", async () => {
    const person = alpha.viewer.user;
    const client = await app.signIn(person.email);
    // Someone else, from another address, gets the password wrong twice.
    const elsewhere = { "X-Forwarded-For": "198.51.100.77" };
    for (let i = 0; i < 2; i += 1)
      expect((await app.client().post("/login", { email: person.email, password: "wrong password here" }, elsewhere)).status).toBe(401);
    const data = await personalData(client);
    // The throttle's counters (login-throttle.server.ts): the account's, and one per address tried.
    expect(data.signInThrottle).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ counter: "account", address: null, failures: 2 }),
        expect.objectContaining({ counter: "account and address", address: null, failures: 2 }),
        expect.objectContaining({ counter: "account and address", address: expect.any(String), failures: 0, lastSignInFromAddress: expect.any(String) }),
      ]),
    );
    expect(data.signInThrottle).toHaveLength(3);
    const text = JSON.stringify(data.signInThrottle);
    expect(text).not.toContain("198.51.100.77");
    expect(text).not.toContain("account:");
    expect(text).not.toContain(person.email);
  });

  it("leaves out the audit entries of an org the person has left", async () => {
    const { ctx } = await makeOrgWithOwner(app.database, "startup", "DELTA Left Co");
    const leaver = await addMember(app.database, ctx, "member");
    await withSystem(app.database.db, async (tx) => {
      await tx.execute(sql`insert into audit_log (org_id, actor_user_id, action, entity_type, after)
        values (${ctx.org.id}, ${leaver.user.id}, 'test.marker', 'test', '{"note": "DELTA entry of the leaver"}'::jsonb)`);
    });
    const client = await app.signIn(leaver.user.email);
    expect(JSON.stringify(await personalData(client))).toContain("DELTA entry of the leaver");
    await withSystem(app.database.db, (tx) => tx.execute(sql`delete from memberships where org_id = ${ctx.org.id} and user_id = ${leaver.user.id}`));
    const after = await personalData(client);
    expect(JSON.stringify(after)).not.toContain("DELTA");
    expect(after.memberships).toEqual([]);
  });

  it("is offered from the account pages in both languages, and needs a signed-in person", async () => {
    const client = await app.signIn(alpha.admin.user.email);
    expect(await (await client.get("/account/password")).text()).toContain('href="/account/data"');
    const page = await (await client.get("/account/data")).text();
    expect(page).toContain('href="/account/data.json"');
    expect(page).toContain("Your personal data");
    expect(await (await client.get("/account/data", { "Accept-Language": "zh-CN" })).text()).toContain("您的个人数据");
    for (const path of ["/account/data", "/account/data.json"]) {
      const response = await app.client().get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toMatch(/^\/login/);
    }
  });
});
