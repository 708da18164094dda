// `npm run bench:seed -- --companies 1000 --months 60 [--database-url URL | --embedded DIR]`
//
// Fills a database with one investor org whose portfolio has N startups (approved grants for
// every section), each with M months of reports, budgets for the last two fiscal years,
// rounds, debt for some, risks with history, and its company_metrics row.
//
// Why it writes as the connecting (owner/super) user through withSystem rather than as each
// tenant: it writes a thousand tenants' rows in one transaction per chunk of companies with
// multi-row INSERTs. Under app_tenant every company would need its own transaction and
// set_config, and every row would pay the policies' WITH CHECK — neither is what the
// benchmark measures. It is a generator run by an operator against a scratch database, never
// app code: the server still reads everything through withTenant and RLS.
import { pathToFileURL } from "node:url";
import { count, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { migrateDatabase, openDatabase, type Database, type DatabaseOptions, type Tx } from "../../db/client";
import * as schema from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { hashPassword } from "../../app/auth/password.server";
import { addMonths, monthOfDate, type Month } from "../../app/finance/month";
import { CURRENCIES, generateCompany, type GeneratedCompany } from "./generate";
import { at } from "../support/at";
import { readFlags, wholeFlag } from "./flags";

export const BENCH_PASSWORD = "capital-desk-bench";
export const BENCH_INVESTOR = { email: "investor@bench.capitaldesk.dev", name: "Ada Benchmark", slug: "bench-fund", orgName: "Bench Fund" };

export interface BenchSeedOptions {
  companies: number;
  months: number;
  /** PRNG seed: the same seed gives the same figures. */
  seed?: number;
  /** The last reported month; default the month before today's. */
  lastMonth?: Month;
  /** Companies per transaction. */
  chunk?: number;
  /** Also make a second fund (slug `bench-fund-<n>`) holding the first n companies: a smaller portfolio on the same tables. */
  subset?: number;
  log?: (line: string) => void;
}

export interface BenchSeedResult {
  investor: { email: string; password: string; slug: string };
  subsetInvestor: { email: string; password: string; slug: string } | null;
  /** The founder of the first company, and that company's last reported month. */
  founder: { email: string; password: string; companySlug: string; lastMonth: Month };
  companySlugs: string[];
  lastMonth: Month;
  rows: Record<string, number>;
  elapsedMs: number;
}

/** Insert rows in statements of at most ~60,000 parameters (PostgreSQL's limit is 65,535). */
async function insertAll(tx: Tx, table: PgTable, rows: Record<string, unknown>[], counts: Record<string, number>, name: string) {
  if (rows.length === 0) return;
  const columns = Math.max(...rows.slice(0, 20).map((row) => Object.keys(row).length));
  const size = Math.max(1, Math.floor(60_000 / columns));
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as never);
  }
  counts[name] = (counts[name] ?? 0) + rows.length;
}

export async function seedBench(database: Database, options: BenchSeedOptions): Promise<BenchSeedResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const db = database.db;
  const seed = options.seed ?? 42;
  const lastMonth = options.lastMonth ?? addMonths(monthOfDate(new Date()), -1);
  const chunk = options.chunk ?? 50;
  const counts: Record<string, number> = {};

  const { n: existing } = at(await withSystem(db, (tx) => tx.select({ n: count() }).from(schema.orgs).where(sql`slug = ${BENCH_INVESTOR.slug}`)), 0);
  if (existing > 0) throw new Error(`This database already has the bench fund (${BENCH_INVESTOR.slug}); seed a fresh database.`);

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const fundId = crypto.randomUUID();
  const ownerId = crypto.randomUUID();
  const subsetFundId = options.subset ? crypto.randomUUID() : null;
  const firstRate = addMonths(lastMonth, -(options.months + 8));
  await withSystem(db, async (tx) => {
    await insertAll(tx, schema.users, [{ id: ownerId, email: BENCH_INVESTOR.email, name: BENCH_INVESTOR.name, passwordHash }], counts, "users");
    const funds = [{ id: fundId, slug: BENCH_INVESTOR.slug, name: BENCH_INVESTOR.orgName, kind: "investor", baseCurrency: "USD" }];
    if (subsetFundId)
      funds.push({
        id: subsetFundId,
        slug: `${BENCH_INVESTOR.slug}-${options.subset}`,
        name: `${BENCH_INVESTOR.orgName} ${options.subset}`,
        kind: "investor",
        baseCurrency: "USD",
      });
    await insertAll(tx, schema.orgs, funds, counts, "orgs");
    await insertAll(
      tx,
      schema.memberships,
      funds.map((f) => ({ orgId: f.id, userId: ownerId, role: "owner" })),
      counts,
      "memberships",
    );
    // Monthly rates into USD for every month the reports and positions cover.
    const rates: Record<string, unknown>[] = [];
    for (const fund of funds) {
      for (let m = firstRate, i = 0; m <= lastMonth; m = addMonths(m, 1), i++) {
        for (const currency of CURRENCIES.filter((c) => c !== "USD")) {
          const base = currency === "EUR" ? 1.08 : 1.27;
          rates.push({ orgId: fund.id, month: m, currency, rate: (base + 0.03 * Math.sin(i / 5)).toFixed(4) });
        }
      }
    }
    await insertAll(tx, schema.fxRates, rates, counts, "fx_rates");
  });

  const slugs: string[] = [];
  for (let start = 0; start < options.companies; start += chunk) {
    const companies: GeneratedCompany[] = [];
    for (let i = start; i < Math.min(options.companies, start + chunk); i++) companies.push(generateCompany(i, options.months, lastMonth, seed));
    await withSystem(db, (tx) =>
      insertCompanies(tx, companies, { fundId, subsetFundId, subset: options.subset ?? 0, offset: start, ownerId, passwordHash }, counts),
    );
    slugs.push(...companies.map((c) => c.slug));
    if ((start / chunk) % 5 === 4 || start + chunk >= options.companies) log(`${Math.min(options.companies, start + chunk)} / ${options.companies} companies`);
  }

  // Fresh statistics (and, on PostgreSQL, the visibility map for index-only scans), as a
  // database that has lived a while would have: the first plans must not be guesses.
  const vacuumStarted = performance.now();
  await db.execute(sql`vacuum analyze`);
  log(`vacuum analyze: ${Math.round(performance.now() - vacuumStarted)} ms`);

  const first = generateCompany(0, options.months, lastMonth, seed);
  return {
    investor: { email: BENCH_INVESTOR.email, password: BENCH_PASSWORD, slug: BENCH_INVESTOR.slug },
    subsetInvestor: subsetFundId ? { email: BENCH_INVESTOR.email, password: BENCH_PASSWORD, slug: `${BENCH_INVESTOR.slug}-${options.subset}` } : null,
    founder: { email: first.founderEmail, password: BENCH_PASSWORD, companySlug: first.slug, lastMonth: first.reports.at(-1)!.month },
    companySlugs: slugs,
    lastMonth,
    rows: counts,
    elapsedMs: Math.round(performance.now() - started),
  };
}

interface ChunkContext {
  fundId: string;
  subsetFundId: string | null;
  subset: number;
  offset: number;
  ownerId: string;
  passwordHash: string;
}

type ChunkRows = (companies: GeneratedCompany[], ctx: ChunkContext, decidedAt: Date) => Record<string, unknown>[];

const SECTIONS = ["financials", "funding_debt", "budgets", "risks", "updates"];
/** The funds a company of the chunk is in: the bench fund, and the smaller one for the first `subset`. */
const fundsOf = (ctx: ChunkContext, i: number) => (ctx.subsetFundId !== null && ctx.offset + i < ctx.subset ? [ctx.fundId, ctx.subsetFundId] : [ctx.fundId]);
const each =
  (rows: (c: GeneratedCompany, ctx: ChunkContext) => Record<string, unknown>[]): ChunkRows =>
  (companies, ctx) =>
    companies.flatMap((c) => rows(c, ctx));

/** Every table a chunk of companies writes, in foreign-key order, with the rows it takes. */
const COMPANY_TABLES: [name: string, table: PgTable, rows: ChunkRows][] = [
  ["users", schema.users, each((c, ctx) => [{ id: c.founderId, email: c.founderEmail, name: `Founder of ${c.name}`, passwordHash: ctx.passwordHash }])],
  ["orgs", schema.orgs, each((c) => [{ id: c.id, slug: c.slug, name: c.name, kind: "startup", baseCurrency: c.currency }])],
  ["memberships", schema.memberships, each((c) => [{ orgId: c.id, userId: c.founderId, role: "owner" }])],
  [
    "access_grants",
    schema.accessGrants,
    (companies, ctx, decidedAt) =>
      companies.flatMap((c, i) =>
        fundsOf(ctx, i).map((investorOrgId) => ({
          orgId: c.id,
          investorOrgId,
          status: "approved",
          sections: SECTIONS,
          initiatedBy: "startup",
          decidedByUserId: c.founderId,
          decidedAt,
        })),
      ),
  ],
  ["funding_rounds", schema.fundingRounds, each((c) => c.rounds)],
  ["debt_facilities", schema.debtFacilities, each((c) => c.facilities)],
  ["monthly_reports", schema.monthlyReports, each((c) => c.reports)],
  ["report_updates", schema.reportUpdates, each((c) => c.updates)],
  ["budgets", schema.budgets, each((c) => c.budgets)],
  ["risks", schema.risks, each((c) => c.risks)],
  ["risk_history", schema.riskHistory, each((c) => c.riskHistory)],
  ["company_metrics", schema.companyMetrics, each((c) => (c.metrics ? [c.metrics] : []))],
  ["metric_definitions", schema.metricDefinitions, each((c) => c.metricDefinitions)],
  ["metric_values", schema.metricValues, each((c) => c.metricValues)],
  [
    "positions",
    schema.positions,
    (companies, ctx) =>
      companies.flatMap((c, i) => fundsOf(ctx, i).map((orgId) => ({ orgId, companyOrgId: c.id, currency: c.currency, notes: null, ...c.position }))),
  ],
];

async function insertCompanies(tx: Tx, companies: GeneratedCompany[], ctx: ChunkContext, counts: Record<string, number>) {
  const decidedAt = new Date();
  for (const [name, table, rows] of COMPANY_TABLES) {
    await insertAll(tx, table, rows(companies, ctx, decidedAt), counts, name);
  }
}

// ---------------------------------------------------------------------------- CLI

export function parseSeedArgs(argv: string[]) {
  const flags = readFlags(argv, { valueRequired: true });
  const known = ["companies", "months", "database-url", "embedded", "seed", "subset", "chunk"];
  for (const key of flags.keys()) if (!known.includes(key)) throw new Error(`Unknown flag --${key} (known: ${known.map((k) => `--${k}`).join(", ")}).`);
  const whole = (name: string, fallback: number, min: number, max: number) => wholeFlag(flags, name, fallback, min, max);
  const url = flags.get("database-url") ?? (flags.has("embedded") ? undefined : process.env.DATABASE_URL);
  if (url && flags.has("embedded")) throw new Error("Give --database-url or --embedded, not both.");
  if (!url && !flags.has("embedded")) throw new Error("Give --database-url postgres://… (or DATABASE_URL) or --embedded <dir>.");
  const target: DatabaseOptions = url ? { url, statementTimeoutMs: 600_000, maxConnections: 2 } : { dataDir: flags.get("embedded")! };
  return {
    target,
    options: {
      companies: whole("companies", 1000, 1, 20_000),
      months: whole("months", 60, 1, 240),
      seed: whole("seed", 42, 0, 2 ** 31),
      subset: flags.has("subset") ? whole("subset", 0, 1, 20_000) : undefined,
      chunk: whole("chunk", 50, 1, 1000),
    } satisfies BenchSeedOptions,
  };
}

/** Opens (and migrates) the target, seeds it, closes it. */
export async function seedTarget(target: DatabaseOptions, options: BenchSeedOptions): Promise<BenchSeedResult> {
  const database = await openDatabase(target);
  try {
    await migrateDatabase(target, database);
    return await seedBench(database, options);
  } finally {
    await database.close();
  }
}

export function describeSeed(result: BenchSeedResult): string {
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  return [
    `Seeded in ${(result.elapsedMs / 1000).toFixed(1)} s: ${total.toLocaleString("en")} rows (${Object.entries(result.rows)
      .map(([t, n]) => `${t} ${n.toLocaleString("en")}`)
      .join(", ")}).`,
    `Investor: ${result.investor.email} / ${result.investor.password} → /o/${result.investor.slug}/portfolio`,
    ...(result.subsetInvestor ? [`Smaller fund (same login): /o/${result.subsetInvestor.slug}/portfolio`] : []),
    `Founder of ${result.founder.companySlug}: ${result.founder.email} / ${result.founder.password}`,
    `Last reported month: ${result.lastMonth}; a company: /o/${result.investor.slug}/companies/${result.companySlugs[0]}`,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    const { target, options } = parseSeedArgs(process.argv.slice(2));
    console.log(
      `[bench:seed] ${options.companies} companies × ${options.months} months into ${"url" in target ? target.url.replace(/\/\/[^@]*@/, "//") : `PGlite ${target.dataDir}`}`,
    );
    const result = await seedTarget(target, { ...options, log: (line) => console.log(`[bench:seed] ${line}`) });
    console.log(describeSeed(result));
  } catch (error) {
    console.error(`[bench:seed] ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
