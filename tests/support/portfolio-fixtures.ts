import type { Database, Db, Tx } from "../../db/client";
import { accessGrants, alertRules, budgets, companyMetrics, fundingRounds, fxRates, monthlyReports, orgs, risks } from "../../db/schema";
import type { GrantSection } from "../../db/schema/rls";
import { withSystem, withTenant } from "../../db/tenant";
import { refreshCompanyMetrics } from "../../app/models/company-metrics.server";
import { createOrg } from "../../app/models/org.server";
import { systemContextOf } from "../../app/auth/system.server";
import { makeUser } from "./factories";

/** All amounts in minor units; spend goes to `compute` (any category adds to gross burn alike). */
export interface ReportSeed {
  month: string;
  spend: number;
  revenue: number;
  cash: number;
}

export interface StartupSeed {
  name: string;
  currency: string;
  reports?: ReportSeed[];
  budgets?: { month: string; amount: number }[];
  risks?: { title: string; likelihood: number; impact: number; status?: string; owner?: string; category?: string }[];
  rounds?: { instrument: string; closeDate: string; amount: number; currency: string }[];
}

/**
 * A startup with its data written the way the app writes it: in the startup's own tenant
 * transaction, with company_metrics refreshed by the real model in the same transaction.
 */
export async function seedStartup(database: Database, seed: StartupSeed) {
  const owner = await makeUser(database, `${seed.name} Owner`);
  const org = await createOrg(systemContextOf(database), owner, { name: seed.name, kind: "startup", baseCurrency: seed.currency });
  await withTenant(database.db, org.id, async (tx) => {
    if (seed.reports?.length) {
      await tx.insert(monthlyReports).values(seed.reports.map((r) => ({ orgId: org.id, month: r.month, cash: r.cash, revenue: r.revenue, compute: r.spend })));
    }
    if (seed.budgets?.length) {
      await tx.insert(budgets).values(seed.budgets.map((b) => ({ orgId: org.id, month: b.month, category: "compute", amount: b.amount })));
    }
    if (seed.risks?.length) {
      await tx.insert(risks).values(
        seed.risks.map((r) => ({
          orgId: org.id,
          title: r.title,
          category: r.category ?? "technical",
          likelihood: r.likelihood,
          impact: r.impact,
          status: r.status ?? "open",
          owner: r.owner ?? null,
        })),
      );
    }
    if (seed.rounds?.length) {
      await tx.insert(fundingRounds).values(seed.rounds.map((r) => ({ orgId: org.id, ...r })));
    }
    await refreshCompanyMetrics(tx, org.id);
  });
  return { org, owner };
}

/** A grant in any state, written directly (the grant workflow has its own tests). */
export async function grantWithStatus(
  database: Database,
  startupId: string,
  investorId: string,
  status: "requested" | "declined" | "revoked",
  sections: GrantSection[] = [],
) {
  await withSystem(database.db, (tx) =>
    tx.insert(accessGrants).values({
      orgId: startupId,
      investorOrgId: investorId,
      status,
      sections,
      initiatedBy: "investor",
      decidedAt: status === "requested" ? null : new Date(),
    }),
  );
}

export async function addFxRates(database: Database, investorId: string, rates: { month: string; currency: string; rate: string }[]) {
  await withSystem(database.db, (tx) => tx.insert(fxRates).values(rates.map((r) => ({ orgId: investorId, ...r }))));
}

export async function setAlertRules(database: Database, investorId: string, caution: string, critical: string, reportDueDay = 15) {
  await withSystem(database.db, (tx) =>
    tx.insert(alertRules).values({ orgId: investorId, runwayCautionMonths: caution, runwayCriticalMonths: critical, reportDueDay }),
  );
}

/**
 * `count` startups granted to `investorId` (financials and risks), each with a synthetic
 * company_metrics row and one open risk, inserted in bulk — for paging and for proving the
 * number of statements does not depend on the number of companies.
 */
export async function seedManyCompanies(database: Database, investorId: string, prefix: string, count: number, month: string) {
  const rows = Array.from({ length: count }, (_, i) => ({
    slug: `${prefix.toLowerCase()}-${String(i + 1).padStart(3, "0")}-${Date.now()}`,
    name: `${prefix} ${String(i + 1).padStart(3, "0")}`,
    kind: "startup" as const,
    baseCurrency: "USD",
  }));
  return withSystem(database.db, async (tx) => {
    const created = await tx.insert(orgs).values(rows).returning({ id: orgs.id, name: orgs.name });
    await tx.insert(accessGrants).values(
      created.map((o) => ({
        orgId: o.id,
        investorOrgId: investorId,
        status: "approved" as const,
        sections: ["financials", "risks"],
        initiatedBy: "startup" as const,
      })),
    );
    await tx.insert(companyMetrics).values(
      created.map((o, i) => ({
        orgId: o.id,
        month,
        cash: (i + 1) * 100_000_00,
        revenue: 0,
        grossBurn: 10_000_00,
        netBurn: 10_000_00,
        averageNetBurn: 10_000_00,
        shortHistory: false,
        runwayMonths: `${(i + 1) * 10}.0`,
        defaultAlive: "cash_out" as const,
        headcount: 3,
        reportCount: 1,
        firstMonth: month,
        recentNetBurn: [...Array<null>(23).fill(null), 10_000_00],
      })),
    );
    await tx.insert(risks).values(created.map((o) => ({ orgId: o.id, title: `${o.name} risk`, category: "market", likelihood: 2, impact: 3 })));
    return created;
  });
}

/**
 * Wraps a database so every statement a tenant transaction runs through `tx.execute` is
 * counted. Any other query-building method used on the transaction is recorded too, so a
 * test can prove `execute` saw every statement.
 */
export function countingDb(db: Db) {
  const counter = { statements: 0, otherMethods: new Set<string>() };
  const OTHER = new Set(["select", "selectDistinct", "selectDistinctOn", "insert", "update", "delete", "query", "with", "transaction"]);
  const wrapTx = (tx: Tx): Tx =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop === "execute") {
          return (...args: unknown[]) => {
            counter.statements += 1;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        if (typeof prop === "string" && OTHER.has(prop)) counter.otherMethods.add(prop);
        return value;
      },
    });
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "transaction") {
        return (work: (tx: Tx) => Promise<unknown>, config?: unknown) =>
          (target.transaction as (w: (tx: Tx) => Promise<unknown>, c?: unknown) => Promise<unknown>)((tx) => work(wrapTx(tx)), config);
      }
      return Reflect.get(target, prop, receiver);
    },
  });
  return { db: proxy as Db, counter };
}
