import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import { withSystem } from "../../db/tenant";
import { parseEnv } from "../../app/env.server";
import { purgeExpiredData, retentionPolicy, startRetentionJob } from "../../app/models/retention.server";
import { makeOrgWithOwner, makeUser } from "../support/factories";
import { openTestDatabase } from "../support/test-db";
import { scratchDatabase } from "../support/scratch-db";
import { at, first } from "../support/at";

// The CLIs as npm runs them (tsx), without npx's start-up.
const TSX = path.resolve("node_modules/.bin/tsx");
const DAY = 24 * 3600_000;
const NOW = new Date("2026-06-15T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const ahead = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function labels(table: string, column: string): Promise<string[]> {
  return withSystem(database.db, async (tx) =>
    rowsOf<{ v: string }>(await tx.execute(sql.raw(`select ${column} as v from ${table} where ${column} like 'ret-%' order by 1`))).map((r) => r.v),
  );
}

/** Rows on both sides of every retention limit, labelled with what must happen to them. */
async function seedAges() {
  const { org, owner } = await makeOrgWithOwner(database, "startup", "Retention Co");
  const other = await makeUser(database, "Another person");
  await withSystem(database.db, async (tx) => {
    const session = (id: string, idle: string, absolute: string, user = owner.id) =>
      tx.execute(
        sql`insert into sessions (id, user_id, expires_at, absolute_expires_at, created_at) values (${id}, ${user}, ${idle}::timestamptz, ${absolute}::timestamptz, ${ago(20 * DAY)}::timestamptz)`,
      );
    await session("ret-session-live", ahead(3600_000), ahead(5 * DAY));
    await session("ret-session-idle-ended", ago(60_000), ahead(5 * DAY), other.id);
    await session("ret-session-absolute-ended", ahead(3600_000), ago(60_000));

    const throttle = (key: string, windowStarted: string, lockedUntil: string | null) =>
      tx.execute(
        sql`insert into login_throttle (key, failures, window_started_at, locked_until) values (${key}, 3, ${windowStarted}::timestamptz, ${lockedUntil}::timestamptz)`,
      );
    await throttle("ret-throttle-recent", ago(2 * 3600_000), null);
    await throttle("ret-throttle-old", ago(30 * 3600_000), null);
    await throttle("ret-throttle-old-lock-over", ago(30 * 3600_000), ago(3600_000));
    await throttle("ret-throttle-old-still-locked", ago(30 * 3600_000), ahead(3600_000));

    const link = first(
      rowsOf<{ id: string }>(
        await tx.execute(sql`insert into share_links (org_id, token_hash, label, scope, company_org_ids, sections, mode, expires_at, created_at)
        values (${org.id}, ${"a".repeat(64)}, 'Retention link', 'company', array[${org.id}]::uuid[], array['financials']::text[], 'live', ${ahead(30 * DAY)}::timestamptz, ${ago(100 * DAY)}::timestamptz) returning id`),
      ),
    );
    const view = (agent: string, at: string) =>
      tx.execute(sql`insert into share_link_views (org_id, link_id, user_agent, viewed_at) values (${org.id}, ${link.id}, ${agent}, ${at}::timestamptz)`);
    await view("ret-view-recent", ago(5 * DAY));
    await view("ret-view-old", ago(40 * DAY));

    const audit = (action: string, at: string) =>
      tx.execute(
        sql`insert into audit_log (org_id, actor_user_id, action, entity_type, at) values (${org.id}, ${owner.id}, ${action}, 'test', ${at}::timestamptz)`,
      );
    await audit("ret-audit-recent", ago(10 * DAY));
    await audit("ret-audit-old", ago(400 * DAY));
  });
}

describe("the retention cleanup", () => {
  it("deletes only what is past retention, and keeps the audit log by default", async () => {
    await seedAges();
    const removed = await purgeExpiredData(database.db, { shareViewDays: 30, throttleHours: 24 }, NOW);
    expect(removed).toEqual({ sessions: 2, loginThrottle: 2, shareLinkViews: 1, auditLog: 0, mailBodies: 0, mailOutbox: 0 });
    expect(await labels("sessions", "id")).toEqual(["ret-session-live"]);
    expect(await labels("login_throttle", "key")).toEqual(["ret-throttle-old-still-locked", "ret-throttle-recent"]);
    expect(await labels("share_link_views", "user_agent")).toEqual(["ret-view-recent"]);
    expect(await labels("audit_log", "action")).toEqual(["ret-audit-old", "ret-audit-recent"]);
  });

  it("deletes audit entries older than AUDIT_RETENTION_DAYS when it is set, and is idempotent", async () => {
    const removed = await purgeExpiredData(database.db, { auditDays: 365, shareViewDays: 30, throttleHours: 24 }, NOW);
    expect(removed).toEqual({ sessions: 0, loginThrottle: 0, shareLinkViews: 0, auditLog: 1, mailBodies: 0, mailOutbox: 0 });
    expect(await labels("audit_log", "action")).toEqual(["ret-audit-recent"]);
    expect(await purgeExpiredData(database.db, { auditDays: 365, shareViewDays: 30, throttleHours: 24 }, NOW)).toEqual({
      sessions: 0,
      loginThrottle: 0,
      shareLinkViews: 0,
      auditLog: 0,
      mailBodies: 0,
      mailOutbox: 0,
    });
  });

  it("reads its limits from the environment, with defaults, and a bad value stops the app naming it", () => {
    expect(retentionPolicy(parseEnv({}))).toEqual({ auditDays: undefined, shareViewDays: 365, throttleHours: 24 });
    expect(retentionPolicy(parseEnv({ AUDIT_RETENTION_DAYS: "730", SHARE_VIEW_RETENTION_DAYS: "90", THROTTLE_RETENTION_HOURS: "6" }))).toEqual({
      auditDays: 730,
      shareViewDays: 90,
      throttleHours: 6,
    });
    expect(() => parseEnv({ AUDIT_RETENTION_DAYS: "0" })).toThrow(/AUDIT_RETENTION_DAYS/);
    expect(() => parseEnv({ SHARE_VIEW_RETENTION_DAYS: "a year" })).toThrow(/SHARE_VIEW_RETENTION_DAYS/);
    expect(() => parseEnv({ THROTTLE_RETENTION_HOURS: "1.5" })).toThrow(/THROTTLE_RETENTION_HOURS/);
  });

  it("runs on its own in the server process, without keeping the process alive", async () => {
    const user = await makeUser(database, "Timer person");
    await withSystem(database.db, (tx) =>
      tx.execute(
        sql`insert into sessions (id, user_id, expires_at, absolute_expires_at) values ('ret-timer-ended', ${user.id}, now() - interval '1 minute', now() + interval '1 day')`,
      ),
    );
    const lines: string[] = [];
    const job = startRetentionJob(
      async () => database.db,
      () => ({ shareViewDays: 365, throttleHours: 24 }),
      { firstMs: 10, everyMs: 50, log: (line) => lines.push(line) },
    );
    try {
      expect(job.keepsProcessAlive()).toBe(false);
      await expect.poll(() => labels("sessions", "id"), { timeout: 5_000 }).toEqual([]);
      // Earlier tests' rows are dated by a fixed clock; against the real one more may have ended too.
      const runs = lines.map((l) => JSON.parse(l) as { msg: string; removed: { sessions: number } });
      expect(
        runs.some((run) => run.msg === "retention cleanup" && run.removed.sessions >= 1),
        lines.join("\n"),
      ).toBe(true);
    } finally {
      job.stop();
    }
  });

  it("a failed run is logged and the job goes on", async () => {
    const lines: string[] = [];
    let calls = 0;
    const job = startRetentionJob(
      async () => {
        calls += 1;
        throw new Response("down", { status: 503 });
      },
      () => ({ shareViewDays: 365, throttleHours: 24 }),
      { firstMs: 5, everyMs: 20, log: (line) => lines.push(line) },
    );
    try {
      await expect.poll(() => calls, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
      expect(JSON.parse(at(lines, 0))).toMatchObject({ level: "warn", msg: "retention cleanup failed", error: "database unavailable (503)" });
    } finally {
      job.stop();
    }
  });
});

describe("unsent mail", () => {
  it("loses its parts once every link in it is dead, and leaves the outbox after 90 days; queued and retrying mail is never touched", async () => {
    // A database of its own: the counts below are this test's rows only.
    const own = await openTestDatabase();
    try {
      await withSystem(own.db, async (tx) => {
        const mail = (subject: string, status: string, createdAt: string) =>
          tx.execute(sql`insert into mail_outbox (to_email, kind, subject, body, html, message_id, status, created_at)
            values ('someone@example.test', 'password_reset', ${subject}, 'Reset: https://x.test/reset-password/secret', '<p>secret</p>', ${`<${subject}@test>`}, ${status}, ${createdAt}::timestamptz)`);
        await mail("ret-mail-held-recent", "held", ago(2 * DAY));
        await mail("ret-mail-held-old", "held", ago(8 * DAY));
        await mail("ret-mail-failed-old", "failed", ago(8 * DAY));
        await mail("ret-mail-retrying-old", "retrying", ago(8 * DAY));
        await mail("ret-mail-held-ancient", "held", ago(91 * DAY));
        await mail("ret-mail-queued-ancient", "queued", ago(91 * DAY));
      });
      const removed = await purgeExpiredData(own.db, { shareViewDays: 30, throttleHours: 24 }, NOW);
      expect(removed).toMatchObject({ mailBodies: 2, mailOutbox: 1 });
      const rows = await withSystem(own.db, async (tx) =>
        rowsOf<{ subject: string; body: string; html: string | null }>(await tx.execute(sql`select subject, body, html from mail_outbox order by subject`)),
      );
      const blank = (subject: string) => rows.find((r) => r.subject === subject)?.body === "";
      expect(rows.map((r) => r.subject)).toEqual([
        "ret-mail-failed-old",
        "ret-mail-held-old",
        "ret-mail-held-recent",
        "ret-mail-queued-ancient",
        "ret-mail-retrying-old",
      ]);
      expect(["ret-mail-failed-old", "ret-mail-held-old"].every(blank)).toBe(true);
      expect(rows.filter((r) => r.body === "").every((r) => r.html === null)).toBe(true);
      expect(["ret-mail-held-recent", "ret-mail-queued-ancient", "ret-mail-retrying-old"].some(blank)).toBe(false);
      expect(await purgeExpiredData(own.db, { shareViewDays: 30, throttleHours: 24 }, NOW)).toMatchObject({ mailBodies: 0, mailOutbox: 0 });
    } finally {
      await own.close();
    }
  });
});

describe("npm run db:cleanup", () => {
  it("deletes what is past retention in the configured database", async () => {
    const target = await scratchDatabase();
    try {
      const scratch = await target.open();
      const user = await makeUser(scratch, "CLI person");
      await withSystem(scratch.db, (tx) =>
        tx.execute(sql`insert into sessions (id, user_id, expires_at, absolute_expires_at) values
          ('ret-cli-ended', ${user.id}, now() - interval '1 minute', now() + interval '1 day'),
          ('ret-cli-live', ${user.id}, now() + interval '1 hour', now() + interval '1 day')`),
      );
      await scratch.close();
      const env = { ...process.env, DATABASE_URL: target.url ?? "", DATA_DIR: target.dataDir ?? "" };
      const { stdout } = await promisify(execFile)(TSX, ["db/cli/cleanup.ts"], { env });
      expect(stdout).toMatch(/Retention cleanup: \{"sessions":1,/);
      const reopened = await target.open();
      const left = await withSystem(reopened.db, async (tx) =>
        rowsOf<{ id: string }>(await tx.execute(sql`select id from sessions where id like 'ret-cli-%'`)),
      );
      await reopened.close();
      expect(left.map((r) => r.id)).toEqual(["ret-cli-live"]);
    } finally {
      await target.drop();
    }
  }, 120_000);
});
