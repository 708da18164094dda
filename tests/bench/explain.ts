// `npm run bench:explain [-- --database-url URL] [--verbose]`
//
// EXPLAIN (ANALYZE, BUFFERS) of the statements the investor's pages really run: it calls the
// models (getPortfolio for the portfolio page; getCompanyViewForInvestor for the company view) on a drizzle
// instance that records every statement and its parameters, then replays each SELECT under
// the same tenant settings (role app_tenant, app.org_id = the fund) inside a transaction that
// is rolled back. Prints, per statement, its time and the indexes and sequential scans its
// plan uses. Default database: cd_bench_1000x60 (`npm run bench -- --keep` leaves it), or
// seed one with `npm run bench:seed`.
import { pathToFileURL } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { schema, type Db } from "../../db/client";
import { orgs, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { getPortfolio } from "../../app/models/portfolio.server";
import { parsePortfolioQuery } from "../../app/domain/portfolio-query";
import { findCompanyAccess } from "../../app/models/company-access.server";
import { getCompanyViewForInvestor } from "../../app/models/company-view.server";
import type { OrgContext } from "../../app/auth/context";
import { BENCH_INVESTOR } from "./seed";
import { companySlug } from "./generate";

interface Captured {
  scenario: string;
  query: string;
  params: unknown[];
}

export interface PlanSummary {
  scenario: string;
  statement: string;
  executionMs: number;
  planningMs: number;
  indexes: string[];
  seqScans: string[];
  sharedHit: number;
  sharedRead: number;
  plan: string;
}

/** A short name for a statement: what its last top-level SELECT reads from. */
function statementSummary(query: string): string {
  const flat = query.replace(/\s+/g, " ").trim();
  const last = flat.lastIndexOf(") select ");
  const tail = last >= 0 ? flat.slice(last + 2) : flat;
  return tail.slice(0, 90) + (tail.length > 90 ? "…" : "");
}

export function summarisePlan(lines: string[]) {
  const text = lines.join("\n");
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  for (const m of text.matchAll(/(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)(?: on (\S+))?/g))
    indexes.add(`${m[2]}${m[3] ? ` (${m[3]})` : ""}`);
  for (const m of text.matchAll(/Seq Scan on (\S+)(?: (\S+))?\s+\(cost=[^)]*\) \(actual time=[^ ]+ rows=(\d+)/g)) seqScans.add(`${m[1]} (${m[3]} rows)`);
  const number = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
  let hit = 0;
  let read = 0;
  // Top node's buffers are the statement's totals.
  const buffers = /Buffers: shared(?: hit=(\d+))?(?: read=(\d+))?/.exec(text);
  if (buffers) {
    hit = Number(buffers[1] ?? 0);
    read = Number(buffers[2] ?? 0);
  }
  return {
    indexes: [...indexes],
    seqScans: [...seqScans],
    executionMs: number(/Execution Time: ([\d.]+) ms/),
    planningMs: number(/Planning Time: ([\d.]+) ms/),
    sharedHit: hit,
    sharedRead: read,
  };
}

export async function explainInvestorPages(url: string, companyIndex = 0): Promise<PlanSummary[]> {
  const captured: Captured[] = [];
  let scenario = "";
  const client = postgres(url, { max: 2, onnotice: () => {} });
  const db = drizzle(client, {
    schema,
    casing: "snake_case",
    logger: { logQuery: (query, params) => void captured.push({ scenario, query, params }) },
  }) as unknown as Db;
  try {
    const [fund, owner] = await withSystem(db, async (tx) => [
      (await tx.select().from(orgs).where(eq(orgs.slug, BENCH_INVESTOR.slug)))[0],
      (await tx.select().from(users).where(eq(users.email, BENCH_INVESTOR.email)))[0],
    ]);
    if (!fund || !owner) throw new Error(`no ${BENCH_INVESTOR.slug} in this database: seed it with npm run bench:seed`);
    const ctx: OrgContext = {
      db,
      user: { id: owner.id, email: owner.email, name: owner.name },
      org: { id: fund.id, slug: fund.slug, name: fund.name, kind: fund.kind, baseCurrency: fund.baseCurrency },
      role: "owner",
    };
    captured.length = 0;
    scenario = "portfolio";
    await getPortfolio(ctx, parsePortfolioQuery(new URLSearchParams()));
    scenario = "company";
    const access = await findCompanyAccess(ctx, companySlug(companyIndex));
    if (!access) throw new Error(`no access to ${companySlug(companyIndex)}`);
    await getCompanyViewForInvestor(ctx, access.company.slug, { window: 3, updatesPage: 1 });

    // Every SELECT but withTenant's own role/org switch (replayed once below). Statements that
    // set something transaction-locally (the portfolio turns jit off) are replayed too, in
    // order, so the later plans run under the same settings as in the app.
    const selects = captured.filter((c) => /^\s*(select|with)\b/i.test(c.query) && !/set_config\('role'/.test(c.query));
    const out: PlanSummary[] = [];
    await client.begin(async (tx) => {
      await tx`select set_config('role', 'app_tenant', true), set_config('app.org_id', ${fund.id}, true)`;
      for (const c of selects) {
        const rows = await tx.unsafe(`explain (analyze, buffers) ${c.query}`, c.params as never[]);
        const lines = rows.map((r) => String((r as Record<string, unknown>)["QUERY PLAN"]));
        out.push({ scenario: c.scenario, statement: statementSummary(c.query), ...summarisePlan(lines), plan: lines.join("\n") });
      }
      // EXPLAIN ANALYZE of a SELECT changes nothing; the commit only ends the tenant settings.
    });
    return out;
  } finally {
    await client.end({ timeout: 5 });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const urlAt = args.indexOf("--database-url");
  const url = urlAt >= 0 ? args[urlAt + 1]! : (process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/cd_bench_1000x60");
  const verbose = args.includes("--verbose");
  try {
    const plans = await explainInvestorPages(url);
    let total = 0;
    for (const p of plans) {
      total += p.executionMs;
      console.log(`\n[${p.scenario}] ${p.statement}`);
      console.log(`  execution ${p.executionMs.toFixed(2)} ms, planning ${p.planningMs.toFixed(2)} ms, buffers hit ${p.sharedHit} read ${p.sharedRead}`);
      console.log(`  indexes: ${p.indexes.join(", ") || "none"}`);
      console.log(`  sequential scans: ${p.seqScans.join(", ") || "none"}`);
      if (verbose) console.log(p.plan.replace(/^/gm, "    "));
    }
    const by = (s: string) => plans.filter((p) => p.scenario === s).reduce((a, p) => a + p.executionMs, 0);
    console.log(
      `\n${plans.length} statements; execution time: portfolio ${by("portfolio").toFixed(1)} ms, company view ${by("company").toFixed(1)} ms, total ${total.toFixed(1)} ms.`,
    );
  } catch (error) {
    console.error(`[bench:explain] ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
