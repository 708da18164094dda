import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "../../db/client";
import { accessGrants, mailOutbox, notificationPreferences, orgs, unsubscribeTokens, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { systemContextOf } from "../../app/auth/system.server";
import type { AccountContext } from "../../app/auth/context";
import { approveGrant, inviteInvestor, requestAccess, revokeGrant, updateGrantSections } from "../../app/models/access-grant.server";
import { getNotificationSettings, saveNotificationSettings, unsubscribe, wantsMail } from "../../app/models/notification.server";
import { createShareLink, findActiveShareLinkByToken, recordShareLinkView } from "../../app/models/share-link.server";
import { smtpSender, startMailDelivery } from "../../app/server/mail-delivery.server";
import { syncAlerts } from "../../app/models/alert.server";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { addMonths, isoDateOfDate, monthOfDate } from "../../app/finance";
import { alerts, monthlyReports, personSchedules } from "../../db/schema";
import { runAlertDigests } from "../../app/models/alert-digest.server";
import { withTenant } from "../../db/tenant";
import { openTestDatabase } from "../support/test-db";
import { addMember, grantAccess, makeOrgWithOwner, type Org } from "../support/factories";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { linkToken } from "../support/outbox";
import { first } from "../support/at";
import type { ParsedMail } from "mailparser";
import { createUpdate } from "../../app/models/investor-update.server";
import { startUpdateSchedule } from "../../app/server/update-schedule.server";
import { investorUpdates } from "../../db/schema";
import type { InvestorContext } from "../../app/auth/context";
import { stepTime } from "../../app/domain/data-request";
import { createDataRequest } from "../../app/models/data-request.server";
import { runRequestReminders } from "../../app/models/data-request-jobs.server";

/** What APP_ORIGIN says here, set before anything reads the environment: the origin of links in mail sent by jobs. */
const JOB_ORIGIN = vi.hoisted(() => {
  process.env.APP_ORIGIN = "https://jobs.desk.example.test";
  return process.env.APP_ORIGIN;
});

/*
 * Notifications (issue #16, decision 023): each kind queued in the cause's transaction to the
 * people it concerns, in their language, honouring their choice, delivered with the RFC 8058
 * one-click unsubscribe headers; the unsubscribe link turns exactly that kind off.
 */

let database: Database;
let smtp: TestSmtp;
const ORIGIN = "https://desk.example.test";
const update = (title: string) => ({ title, month: "2026-03", body: "Cash is {{cash}}.", highlights: "Shipped v2", lowlights: null, asks: null });
const ALL_ON = { access_requested: "on", access_decided: "on", share_link_viewed: "on", investor_update: "on", request_reminder: "on" };
const mail = { origin: ORIGIN };

async function deliverAll() {
  const worker = startMailDelivery(async () => database.db, smtpSender(smtp.url, "Capital Desk <no-reply@desk.example.test>"), { poll: false, log: () => {} });
  while ((await worker.runOnce()) > 0);
  await worker.stop();
}

async function queued(email: string, kind?: string) {
  return withSystem(database.db, (tx) =>
    tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toEmail, email), kind ? eq(mailOutbox.kind, kind) : undefined)),
  );
}

/** A header as sent (mailparser folds List-* headers into one object). */
function rawHeader(message: ParsedMail | undefined, name: string): string | undefined {
  const line = message?.headerLines.find((h) => h.key === name)?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}

/**
 * A delivered notification carries RFC 8058's two headers, and its footer the same link and the way
 * to the settings; returns the unsubscribe URL.
 */
function expectOneClick(message: ParsedMail | undefined, origin: string): string {
  const header = rawHeader(message, "list-unsubscribe") ?? "";
  expect(header).toMatch(new RegExp(`^<${origin}/unsubscribe/[A-Za-z0-9_-]{43}>$`));
  expect(rawHeader(message, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  expect(message?.text).toContain(header.slice(1, -1));
  expect(message?.text).toContain(`${origin}/account/notifications`);
  return header.slice(1, -1);
}

async function setLocale(userId: string, locale: string) {
  await withSystem(database.db, (tx) => tx.update(users).set({ locale }).where(eq(users.id, userId)));
}

function account(org: Org): AccountContext {
  return { ...systemContextOf(database), user: org.ctx.user };
}

async function shareCodeOf(orgId: string) {
  return first(await withSystem(database.db, (tx) => tx.select({ code: orgs.shareCode }).from(orgs).where(eq(orgs.id, orgId)))).code;
}

async function grantOf(startupId: string, investorId: string) {
  return first(
    await withSystem(database.db, (tx) =>
      tx
        .select()
        .from(accessGrants)
        .where(and(eq(accessGrants.orgId, startupId), eq(accessGrants.investorOrgId, investorId))),
    ),
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startTestSmtp();
}, 120_000);

afterAll(async () => {
  await smtp.stop();
  await database.close();
});

beforeEach(async () => {
  // Nothing another test queued is sent here.
  await withSystem(database.db, (tx) => tx.execute(sql`update mail_outbox set status = 'held' where status in ('queued', 'retrying')`));
});

describe("access notifications", () => {
  it("a request mails the startup's owners and admins (not members), each in their language, with one-click unsubscribe", async () => {
    const startup = await makeOrgWithOwner(database, "startup", "Nimbus Robotics");
    const { user: admin } = await addMember(database, startup.ctx, "admin");
    const { user: member } = await addMember(database, startup.ctx, "member");
    await setLocale(admin.id, "zh-CN");
    const investor = await makeOrgWithOwner(database, "investor", "Harbor Fund");

    await requestAccess(investor.ctx, { via: await shareCodeOf(startup.org.id) }, mail);
    expect(await queued(member.email)).toEqual([]);
    expect(await queued(investor.owner.email)).toEqual([]);
    await deliverAll();

    const [english] = smtp.to(startup.owner.email);
    expect(english?.subject).toBe("Harbor Fund asked for access to Nimbus Robotics");
    expect(english?.text).toContain(`${ORIGIN}/o/${startup.org.slug}/investors`);
    expect(english?.headers.get("content-language")).toBe("en");
    const link = expectOneClick(english, ORIGIN);

    const [chinese] = smtp.to(admin.email);
    expect(chinese?.subject).toBe("Harbor Fund 申请查看 Nimbus Robotics");
    expect(chinese?.text).toContain("一键停止接收此类邮件");
    expect(chinese?.headers.get("content-language")).toBe("zh-CN");
    // Each recipient's link is their own.
    expect(rawHeader(chinese, "list-unsubscribe")).not.toBe(`<${link}>`);
    const row = first(await queued(startup.owner.email, "access_requested"));
    expect(row).toMatchObject({ orgId: startup.org.id, status: "sent", listUnsubscribe: null, body: "" });
  });

  it("approval, a change of sections and revocation mail the investor's requester; a startup's own share mails the investor's owners", async () => {
    const startup = await makeOrgWithOwner(database, "startup", "Quill Health");
    const investor = await makeOrgWithOwner(database, "investor", "Cedar Partners");
    const { user: analyst, ctx: analystCtx } = await addMember(database, investor.ctx, "admin");
    await requestAccess(analystCtx, { via: await shareCodeOf(startup.org.id) }, mail);

    let grant = await grantOf(startup.org.id, investor.org.id);
    await approveGrant(startup.ctx, grant.id, grant.version, ["financials"], mail);
    grant = await grantOf(startup.org.id, investor.org.id);
    await updateGrantSections(startup.ctx, grant.id, grant.version, ["financials", "risks"], mail);
    grant = await grantOf(startup.org.id, investor.org.id);
    await revokeGrant(startup.ctx, grant.id, grant.version, mail);
    await deliverAll();

    // One message each (sent in whatever order the worker claimed them).
    expect(
      smtp
        .to(analyst.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      "Quill Health changed what it shares with Cedar Partners",
      "Quill Health shared its figures with Cedar Partners",
      "Quill Health stopped sharing with Cedar Partners",
    ]);
    expect(smtp.to(investor.owner.email)).toEqual([]);
    for (const m of smtp.to(analyst.email)) expect(rawHeader(m, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(first(smtp.to(analyst.email)).text).toContain(`${ORIGIN}/o/${investor.org.slug}/companies`);

    const other = await makeOrgWithOwner(database, "investor", "Birch Ventures");
    await inviteInvestor(startup.ctx, { via: await shareCodeOf(other.org.id), sections: ["financials"] }, mail);
    await deliverAll();
    expect(smtp.to(other.owner.email).map((m) => m.subject)).toEqual(["Quill Health shared its figures with Birch Ventures"]);
  });

  it("a person who turned a kind off gets nothing queued; the rest still do", async () => {
    const startup = await makeOrgWithOwner(database, "startup", "Ridge Analytics");
    const { user: admin } = await addMember(database, startup.ctx, "admin");
    const saved = await saveNotificationSettings(account(startup), { ...ALL_ON, access_requested: "off", alert: "weekly" });
    expect(saved).toEqual({ ok: true });
    const investor = await makeOrgWithOwner(database, "investor", "Orchard Capital");
    await requestAccess(investor.ctx, { via: await shareCodeOf(startup.org.id) }, mail);
    expect(await queued(startup.owner.email)).toEqual([]);
    expect(await queued(admin.email, "access_requested")).toHaveLength(1);
    await withSystem(database.db, async (tx) => {
      expect(await wantsMail(tx, startup.owner.id, "access_requested")).toBe(false);
      // Security and transactional mail cannot be turned off.
      expect(await wantsMail(tx, startup.owner.id, "password_changed")).toBe(true);
      expect(await wantsMail(tx, startup.owner.id, "invitation")).toBe(true);
      // Weekly digest: critical warnings still at once, the others in the digest.
      expect(await wantsMail(tx, startup.owner.id, "alert", { critical: true })).toBe(true);
      expect(await wantsMail(tx, startup.owner.id, "alert")).toBe(false);
      expect(await wantsMail(tx, startup.owner.id, "alert_digest")).toBe(true);
    });
  });

  it("a settings form with an option the kind does not offer writes nothing", async () => {
    const person = await makeOrgWithOwner(database, "startup", "Slate Labs");
    const before = await getNotificationSettings(account(person));
    expect(before).toEqual({
      access_requested: "on",
      access_decided: "on",
      share_link_viewed: "on",
      alert: "daily",
      investor_update: "on",
      request_reminder: "on",
    });
    const saved = await saveNotificationSettings(account(person), {
      ...ALL_ON,
      access_requested: "weekly",
      access_decided: "off",
      alert: "on",
      investor_update: "daily",
    });
    expect(saved).toEqual({ ok: false, invalid: ["access_requested", "alert", "investor_update"] });
    const rows = await withSystem(database.db, (tx) => tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, person.owner.id)));
    expect(rows).toEqual([]);
  });
});

describe("a share link viewed for the first time", () => {
  it("mails its creator once, not on later views", async () => {
    const startup = await makeOrgWithOwner(database, "startup", "Lantern Bio");
    const { token } = await createShareLink(startup.ctx, {
      label: "Board pack",
      scope: "company",
      companyIds: [startup.org.id],
      sections: ["financials"],
      mode: "live",
      frozenMonth: null,
      expiresInDays: 7,
      passphrase: null,
    });
    const system = systemContextOf(database);
    const link = await findActiveShareLinkByToken(system, token);
    if (!link) throw new Error("link not found");
    await recordShareLinkView(system, link, "Test agent", mail);
    await recordShareLinkView(system, link, "Test agent", mail);
    await deliverAll();
    const got = smtp.to(startup.owner.email);
    expect(got.map((m) => m.subject)).toEqual(["Your share link “Board pack” was opened"]);
    expect(first(got).text).toContain(`${ORIGIN}/o/${startup.org.slug}/share-links/${link.id}`);
    expect(rawHeader(first(got), "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  });
});

describe("one-click unsubscribe", () => {
  it("the link turns exactly its kind off for its person; a forged token writes nothing", async () => {
    const startup = await makeOrgWithOwner(database, "startup", "Beacon Energy");
    const investor = await makeOrgWithOwner(database, "investor", "Summit Fund");
    await requestAccess(investor.ctx, { via: await shareCodeOf(startup.org.id) }, mail);
    const row = first(await queued(startup.owner.email, "access_requested"));
    const token = linkToken(row.body, "/unsubscribe");
    const system = systemContextOf(database);

    const before = await withSystem(database.db, (tx) => tx.select().from(notificationPreferences));
    expect(await unsubscribe(system, `${token.slice(0, -2)}xx`)).toBeNull();
    expect(await unsubscribe(system, "not-a-token")).toBeNull();
    expect(await withSystem(database.db, (tx) => tx.select().from(notificationPreferences))).toEqual(before);

    expect(await unsubscribe(system, token)).toEqual({ email: startup.owner.email, kind: "access_requested" });
    expect(await getNotificationSettings(account(startup))).toMatchObject({ access_requested: "off", access_decided: "on" });
    // Only the hash is stored.
    const stored = await withSystem(database.db, (tx) => tx.select().from(unsubscribeTokens).where(eq(unsubscribeTokens.userId, startup.owner.id)));
    expect(stored.map((s) => s.tokenHash)).not.toContain(token);
    expect(stored[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("early warnings", () => {
  it("a new critical warning mails the fund's people at once (weekly-digest readers too), not those who turned warnings off, and not again on the next sync", async () => {
    const fund = await makeOrgWithOwner(database, "investor", "Willow Fund");
    const { user: weekly, ctx: weeklyCtx } = await addMember(database, fund.ctx, "member");
    const { user: silent, ctx: silentCtx } = await addMember(database, fund.ctx, "viewer");
    await setLocale(weekly.id, "zh-CN");
    const choices = ALL_ON;
    await saveNotificationSettings({ ...systemContextOf(database), user: weeklyCtx.user }, { ...choices, alert: "weekly" });
    await saveNotificationSettings({ ...systemContextOf(database), user: silentCtx.user }, { ...choices, alert: "off" });
    // A company burning $100k a month with $240k left: runway 2.4 months, critical.
    const company = await makeOrgWithOwner(database, "startup", "Ember Motors");
    const month = monthOfDate(new Date());
    await withTenant(database.db, company.org.id, async (tx) => {
      await tx.insert(monthlyReports).values(
        [-2, -1, 0].map((k, i) => ({
          orgId: company.org.id,
          month: addMonths(month, k),
          cash: (440 - i * 100) * 100_000,
          revenue: 0,
          payroll: 100 * 100_000,
        })),
      );
      await refreshCompanyMetrics(tx, company.org.id);
    });
    await grantAccess(database, company.org, fund.org);

    const today = isoDateOfDate(new Date());
    await syncAlerts(fund.ctx, today);
    await syncAlerts(fund.ctx, today);
    await deliverAll();

    const [english] = smtp.to(fund.owner.email);
    expect(smtp.to(fund.owner.email)).toHaveLength(1);
    expect(english?.subject).toBe("New critical early warnings in Willow Fund");
    expect(english?.text).toMatch(/- Ember Motors — Runway/);
    expect(english?.text).toContain(`/o/${fund.org.slug}/alerts`);
    expect(rawHeader(english, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const [chinese] = smtp.to(weekly.email);
    expect(chinese?.subject).toBe("Willow Fund 有新的严重预警");
    expect(smtp.to(silent.email)).toEqual([]);
    expect(await queued(silent.email)).toEqual([]);
  });

  it("a daily digest gathers the warnings since the last one, goes once per period even with two instances racing, and not to 'off'", async () => {
    const fund = await makeOrgWithOwner(database, "investor", "Aspen Fund");
    const { user: off, ctx: offCtx } = await addMember(database, fund.ctx, "member");
    await saveNotificationSettings({ ...systemContextOf(database), user: offCtx.user }, { ...ALL_ON, alert: "off" });
    const company = await makeOrgWithOwner(database, "startup", "Fern Robotics");
    await withSystem(database.db, (tx) =>
      tx.insert(alerts).values({ orgId: fund.org.id, companyOrgId: company.org.id, kind: "report_overdue", severity: "warning", reason: "{}" }),
    );
    // The schedules exist after a first run; then the period is made to have passed.
    await runAlertDigests(database.db, { origin: ORIGIN });
    await withSystem(database.db, (tx) =>
      tx
        .update(personSchedules)
        .set({ lastRunAt: sql`now() - interval '1 day'`, nextRunAt: sql`now()` })
        .where(sql`${personSchedules.userId} in (${fund.owner.id}, ${off.id})`),
    );
    const [one, two] = await Promise.all([runAlertDigests(database.db, { origin: ORIGIN }), runAlertDigests(database.db, { origin: ORIGIN })]);
    expect((one ?? 0) + (two ?? 0)).toBe(1);
    expect(await runAlertDigests(database.db, { origin: ORIGIN })).toBe(0);
    await deliverAll();
    const got = smtp.to(fund.owner.email);
    expect(got.map((m) => m.subject)).toEqual(["Early warnings in Aspen Fund: your digest"]);
    expect(first(got).text).toMatch(/- Fern Robotics — /);
    expect(rawHeader(first(got), "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(smtp.to(off.email)).toEqual([]);
    const [mark] = await withSystem(database.db, (tx) => tx.select().from(personSchedules).where(eq(personSchedules.userId, fund.owner.id)));
    expect(mark?.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });
});

describe("investor updates", () => {
  it("go through each person's choice: delivered with one-click unsubscribe in their language; a muted person gets nothing, the update still goes to the others", async () => {
    const startup = await makeOrgWithOwner(database, "startup", "Kestrel Labs");
    const fund = await makeOrgWithOwner(database, "investor", "Heron Capital");
    const { user: muted, ctx: mutedCtx } = await addMember(database, fund.ctx, "member");
    const { user: chinese } = await addMember(database, fund.ctx, "admin");
    await setLocale(chinese.id, "zh-CN");
    await grantAccess(database, startup.org, fund.org, ["updates"]);
    await saveNotificationSettings({ ...systemContextOf(database), user: mutedCtx.user }, { ...ALL_ON, alert: "daily", investor_update: "off" });

    const sent = await createUpdate(startup.ctx, update("March news"), { intent: "send", recipients: [fund.org.id], scheduledAt: null, origin: ORIGIN });
    expect(sent).toMatchObject({ status: "sent", recipientOrgIds: [fund.org.id] });
    expect(await queued(muted.email)).toEqual([]);
    await deliverAll();

    const [english] = smtp.to(fund.owner.email);
    expect(english?.subject).toBe("Kestrel Labs: March news");
    expect(english?.text).toContain(`${ORIGIN}/o/${fund.org.slug}/updates/${sent.id}`);
    expectOneClick(english, ORIGIN);
    const [zh] = smtp.to(chinese.email);
    expect(zh?.subject).toBe("Kestrel Labs：March news");
    expect(zh?.text).toContain("一键停止接收此类邮件");
    expectOneClick(zh, ORIGIN);
    expect(smtp.to(muted.email)).toEqual([]);
    // The startup's owners see the delivery under Settings → Mail, as before.
    expect(first(await queued(fund.owner.email, "investor_update"))).toMatchObject({ orgId: startup.org.id, status: "sent" });

    // The owner's link turns investor updates off — and nothing else.
    const token = linkToken(english?.text ?? "", "/unsubscribe");
    expect(await unsubscribe(systemContextOf(database), token)).toEqual({ email: fund.owner.email, kind: "investor_update" });
    expect(await getNotificationSettings(account(fund))).toEqual({ ...ALL_ON, alert: "daily", investor_update: "off" });

    const next = await createUpdate(startup.ctx, update("April news"), { intent: "send", recipients: [fund.org.id], scheduledAt: null, origin: ORIGIN });
    expect(next.status).toBe("sent");
    expect(await queued(fund.owner.email, "investor_update")).toHaveLength(1);
    expect((await queued(chinese.email, "investor_update")).map((m) => m.subject).sort()).toEqual(["Kestrel Labs：April news", "Kestrel Labs：March news"]);
  });
});

describe("data-request reminders", () => {
  it("arrive at a step with one-click unsubscribe in each person's language; the link mutes reminders only, and a muted person gets none", async () => {
    const startup = await makeOrgWithOwner(database, "startup", "Osprey Vision");
    const fund = await makeOrgWithOwner(database, "investor", "Plover Partners");
    const { user: chinese } = await addMember(database, startup.ctx, "admin");
    await setLocale(chinese.id, "zh-CN");
    const { user: muted, ctx: mutedCtx } = await addMember(database, startup.ctx, "member");
    await saveNotificationSettings({ ...systemContextOf(database), user: mutedCtx.user }, { ...ALL_ON, alert: "daily", request_reminder: "off" });
    await grantAccess(database, startup.org, fund.org, ["financials"]);
    const month = monthOfDate(new Date());
    const due = `${addMonths(month, 1)}-15`;
    await createDataRequest(fund.ctx as InvestorContext, {
      month,
      cadence: "monthly",
      dueDay: 15,
      steps: [-3, 0],
      note: null,
      arr: false,
      metricKeys: [],
      companyIds: null,
    });
    expect(await runRequestReminders(database.db, { now: stepTime(due, -3), origin: ORIGIN })).toBe(1);
    await deliverAll();

    const [english] = smtp.to(startup.owner.email);
    expect(english?.subject).toMatch(/^Reminder: Plover Partners asks for your figures for /);
    expect(english?.text).toContain(`${ORIGIN}/o/${startup.org.slug}/requests`);
    expectOneClick(english, ORIGIN);
    const [zh] = smtp.to(chinese.email);
    expect(zh?.text).toContain("一键停止接收此类邮件");
    expectOneClick(zh, ORIGIN);
    expect(smtp.to(muted.email)).toEqual([]);

    const token = linkToken(english?.text ?? "", "/unsubscribe");
    expect(await unsubscribe(systemContextOf(database), token)).toEqual({ email: startup.owner.email, kind: "request_reminder" });
    expect(await getNotificationSettings(account(startup))).toEqual({ ...ALL_ON, alert: "daily", request_reminder: "off" });
    expect(await runRequestReminders(database.db, { now: stepTime(due, 0), origin: ORIGIN })).toBe(1);
    expect(await queued(startup.owner.email, "request_reminder")).toHaveLength(1);
    expect(await queued(chinese.email, "request_reminder")).toHaveLength(2);
  });
});

describe("mail sent by jobs (no request)", () => {
  it("links to APP_ORIGIN: the early-warning digest and a scheduled investor update, started as the server starts them", async () => {
    const fund = await makeOrgWithOwner(database, "investor", "Osprey Fund");
    const company = await makeOrgWithOwner(database, "startup", "Tern Energy");
    await grantAccess(database, company.org, fund.org, ["updates"]);
    await withSystem(database.db, (tx) =>
      tx.insert(alerts).values({ orgId: fund.org.id, companyOrgId: company.org.id, kind: "report_overdue", severity: "warning", reason: "{}" }),
    );
    await runAlertDigests(database.db);
    await withSystem(database.db, (tx) =>
      tx.update(personSchedules).set({ lastRunAt: sql`now() - interval '1 day'`, nextRunAt: sql`now()` }).where(eq(personSchedules.userId, fund.owner.id)),
    );
    expect(await runAlertDigests(database.db)).toBe(1);

    const now = new Date();
    const scheduled = await createUpdate(company.ctx, update("Scheduled May"), {
      intent: "schedule",
      recipients: [fund.org.id],
      scheduledAt: new Date(now.getTime() + 60_000),
      origin: ORIGIN,
      now,
    });
    const job = startUpdateSchedule(async () => database.db, {
      firstMs: 3_600_000,
      everyMs: 3_600_000,
      now: () => new Date(now.getTime() + 120_000),
      log: () => {},
    });
    await job.runOnce();
    job.stop();
    const [row] = await withSystem(database.db, (tx) => tx.select().from(investorUpdates).where(eq(investorUpdates.id, scheduled.id)));
    expect(row?.status).toBe("sent");
    await deliverAll();

    const got = smtp.to(fund.owner.email);
    const digest = got.find((m) => m.subject?.startsWith("Early warnings in Osprey Fund"));
    const news = got.find((m) => m.subject === "Tern Energy: Scheduled May");
    expect(digest?.text).toContain(`${JOB_ORIGIN}/o/${fund.org.slug}/alerts`);
    expect(news?.text).toContain(`${JOB_ORIGIN}/o/${fund.org.slug}/updates/${scheduled.id}`);
    for (const message of [digest, news]) {
      expectOneClick(message, JOB_ORIGIN);
      expect(message?.text).not.toContain("localhost");
    }
  });
});
