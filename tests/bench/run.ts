// `npm run bench [-- --embedded --duration 10 --keep --reuse --profile]`
//
// Speed at portfolio scale (issue #7), against the production build:
// fresh PostgreSQL databases → bench:seed 1,000 companies × 60 months (plus a 100-company fund
// on the same tables) and 1,000 × 12 → `node server.mjs` (NODE_ENV=production) → sign in as
// the investor and a founder → autocannon at 1 connection (median, p95, p99) and at 8
// (requests/s) on: a trivial page (baseline), the portfolio, a company, a founder's report
// save and a share-link report → growth ratios → table, targets, tests/bench/last-run.json.
// `--embedded` runs the same on PGlite afterwards and prints both side by side.
// Needs a build (`npm run build`; BUILD_DIR respected); runs `remix build` once if missing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";
import postgres from "postgres";
import { eq } from "drizzle-orm";
import { openDatabase, type DatabaseOptions } from "../../db/client";
import { orgs, users } from "../../db/schema";
import { withSystem } from "../../db/tenant";
import { measure, signIn, startServer, type RunningServer } from "./harness";
import { findRoute, mainPageSizes, readManifest, routeJsSize } from "./js-size";
import { documentRequest, mainPages, routeExists } from "./pages";
import { printReport, type EngineResult, type PageResult } from "./report";
import { BENCH_INVESTOR, BENCH_PASSWORD, describeSeed, seedTarget, type BenchSeedResult } from "./seed";
import { companySlug, generateCompany } from "./generate";
import { first } from "../support/at";
import { readFlags, wholeFlag } from "./flags";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

/** What a page's HTML weighs gzipped. Messages: none in the HTML since decision 012 (they are in the page's JavaScript). */
function documentSize(html: string): { htmlGzipBytes: number; messagesGzipBytes: number } {
  return { htmlGzipBytes: zlib.gzipSync(html).length, messagesGzipBytes: 0 };
}

function parseOptions(argv: string[]) {
  const flags = readFlags(argv, { booleans: ["embedded", "keep", "reuse", "profile"] });
  const known = ["embedded", "keep", "reuse", "profile", "duration", "warmup", "companies", "months", "small", "short", "output"];
  for (const key of flags.keys()) if (!known.includes(key)) throw new Error(`Unknown flag --${key} (known: ${known.join(", ")}).`);
  const whole = (name: string, fallback: number, min: number, max: number) => wholeFlag(flags, name, fallback, min, max);
  return {
    embedded: flags.has("embedded"),
    keep: flags.has("keep") || flags.has("reuse"),
    reuse: flags.has("reuse"),
    profile: flags.has("profile"),
    duration: whole("duration", 10, 1, 300),
    warmup: whole("warmup", 2, 0, 60),
    companies: whole("companies", 1000, 2, 20_000),
    months: whole("months", 60, 13, 240),
    small: whole("small", 100, 1, 20_000),
    short: whole("short", 12, 4, 240),
    output: flags.get("output") ?? path.join(here, "last-run.json"),
    adminUrl: process.env.BENCH_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    buildDir: process.env.BUILD_DIR || "build",
  };
}
type Options = ReturnType<typeof parseOptions>;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A live share link of the fund for its first company, made through the app's own model, when #5 exists. */
async function makeShareLink(target: DatabaseOptions, companyOrgSlug: string): Promise<string | null> {
  const model = path.join(root, "app/models/share-link.server.ts");
  if (!fs.existsSync(model)) return null;
  const { createShareLink } = (await import(pathToFileURL(model).href)) as { createShareLink: (ctx: unknown, input: unknown) => Promise<{ token: string }> };
  const database = await openDatabase(target);
  try {
    const [fund, company, user] = await withSystem(
      database.db,
      async (tx) =>
        [
          (await tx.select().from(orgs).where(eq(orgs.slug, BENCH_INVESTOR.slug)))[0]!,
          (await tx.select().from(orgs).where(eq(orgs.slug, companyOrgSlug)))[0]!,
          (await tx.select().from(users).where(eq(users.email, BENCH_INVESTOR.email)))[0]!,
        ] as const,
    );
    const ctx = {
      db: database.db,
      user: { id: user.id, email: user.email, name: user.name },
      org: { id: fund.id, slug: fund.slug, name: fund.name, kind: fund.kind, baseCurrency: fund.baseCurrency },
      role: "owner",
    };
    const sections = ["financials", "funding_debt", "budgets", "risks", "updates"];
    const input = {
      label: "Benchmark",
      scope: "company",
      companyIds: [company.id],
      sections,
      mode: "live",
      frozenMonth: null,
      expiresInDays: 30,
      passphrase: null,
    };
    return (await createShareLink(ctx, input)).token;
  } finally {
    await database.close();
  }
}

/** What a reused (already seeded) database holds, rebuilt from the generator's fixed names. */
async function describeExisting(url: string, companies: number): Promise<BenchSeedResult | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ last: string | null; small: string | null }[]>`
      select (select max(r.month) from monthly_reports r join orgs o on o.id = r.org_id where o.slug = ${companySlug(0)}) as last,
             (select slug from orgs where slug like ${BENCH_INVESTOR.slug + "-%"} limit 1) as small`;
    if (!row?.last) return null;
    const first = generateCompany(0, 1, row.last, 42);
    const login = { email: BENCH_INVESTOR.email, password: BENCH_PASSWORD };
    return {
      investor: { ...login, slug: BENCH_INVESTOR.slug },
      subsetInvestor: row.small ? { ...login, slug: row.small } : null,
      founder: { email: first.founderEmail, password: BENCH_PASSWORD, companySlug: first.slug, lastMonth: row.last },
      companySlugs: Array.from({ length: companies }, (_, i) => companySlug(i)),
      lastMonth: row.last,
      rows: {},
      elapsedMs: 0,
    };
  } catch {
    return null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function runEngine(engine: "postgres" | "pglite", options: Options, manifestPatterns: (p: string | null) => boolean): Promise<EngineResult> {
  const tag = options.keep ? "" : `_${process.pid}`;
  const dbs = [
    { key: "main", name: `cd_bench_${options.companies}x${options.months}${tag}`, companies: options.companies, months: options.months, subset: options.small },
    { key: "short", name: `cd_bench_${options.companies}x${options.short}${tag}`, companies: options.companies, months: options.short, subset: undefined },
  ];
  const admin = engine === "postgres" ? postgres(options.adminUrl, { max: 1, onnotice: () => {} }) : null;
  const created: string[] = [];
  const logFile = path.join(os.tmpdir(), `cd-bench-${process.pid}-${engine}.log`);
  const result: EngineResult = { engine, seeds: {}, pages: {}, loadAverage: { before: os.loadavg()[0]! } };
  let server: RunningServer | null = null;
  const targetOf = (name: string): DatabaseOptions =>
    engine === "postgres"
      ? { url: withDatabase(options.adminUrl, name), statementTimeoutMs: 600_000, maxConnections: 2 }
      : { dataDir: path.join(os.tmpdir(), name) };
  const serverEnv = (name: string): Record<string, string> =>
    engine === "postgres"
      ? { DATABASE_URL: withDatabase(options.adminUrl, name), BUILD_DIR: options.buildDir }
      : { DATA_DIR: path.join(os.tmpdir(), name), DATABASE_URL: "", BUILD_DIR: options.buildDir };
  const measureAll = async (key: string, label: string, requests: Parameters<typeof measure>[1], connections: number[]) => {
    const page: PageResult = { label, status: "measured", runs: {} };
    for (const c of connections) {
      log(`${engine}: ${key} at ${c} connection${c > 1 ? "s" : ""} for ${options.duration} s…`);
      page.runs[c] = await measure(server!.base, requests, c, options.duration, options.warmup);
    }
    result.pages[key] = page;
    return page;
  };

  // Ctrl-C: stop the server and drop what this run created, then exit.
  const cleanupOnSignal = async () => {
    await server?.stop().catch(() => {});
    if (options.keep) return;
    for (const name of created) {
      if (admin) await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      else fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  };
  interrupted.add(cleanupOnSignal);
  try {
    // 1. Databases, seeded (or reused with --reuse).
    const seeds: Record<string, BenchSeedResult> = {};
    for (const db of dbs) {
      const target = targetOf(db.name);
      if (engine === "postgres" && options.reuse) {
        const existing = await describeExisting(withDatabase(options.adminUrl, db.name), db.companies);
        if (existing) {
          log(`${engine}: reusing ${db.name}`);
          seeds[db.key] = existing;
          continue;
        }
      }
      if (admin) {
        await admin.unsafe(`drop database if exists ${db.name} with (force)`);
        await admin.unsafe(`create database ${db.name}`);
      } else {
        fs.rmSync(path.join(os.tmpdir(), db.name), { recursive: true, force: true });
      }
      created.push(db.name);
      log(`${engine}: seeding ${db.companies} × ${db.months} into ${db.name}…`);
      seeds[db.key] = await seedTarget(target, { companies: db.companies, months: db.months, subset: db.subset, log: (l) => log(`${engine}:   ${l}`) });
      log(describeSeed(seeds[db.key]!).split("\n")[0]!);
      result.seeds[db.key] = { companies: db.companies, months: db.months, elapsedMs: seeds[db.key]!.elapsedMs, rows: seeds[db.key]!.rows };
    }
    const main = seeds.main!;
    const share = manifestPatterns("r/:token")
      ? await makeShareLink(targetOf(dbs[0]!.name), main.founder.companySlug).catch((e: Error) => {
          log(`share link: ${e.message}`);
          return null;
        })
      : null;

    // 2. The main database: every page.
    server = await startServer(
      root,
      serverEnv(dbs[0]!.name),
      logFile,
      options.profile ? [`--cpu-prof`, `--cpu-prof-dir=${path.join(os.tmpdir(), `cd-bench-prof-${engine}`)}`] : [],
    );
    log(
      `${engine}: server on ${server.base} (pid ${server.pid})${options.profile ? `; CPU profile into ${path.join(os.tmpdir(), `cd-bench-prof-${engine}`)} when it stops (figures are slower while profiling)` : ""}`,
    );
    const sessions = {
      investor: await signIn(server.base, main.investor.email, main.investor.password),
      founder: await signIn(server.base, main.founder.email, main.founder.password),
    };
    const pages = mainPages(
      main.investor.slug,
      main.founder.companySlug,
      main.founder.companySlug,
      main.founder.lastMonth,
      options.months,
      sessions,
      server.base,
      share,
    );
    for (const page of pages) {
      if (!manifestPatterns(page.pattern)) {
        result.pages[page.key] = { label: page.label, status: page.key === "share" ? "not built yet" : "missing", runs: {} };
        continue;
      }
      if (page.requests.length === 0) {
        result.pages[page.key] = { label: page.label, status: "no link (share-link model not found)", runs: {} };
        continue;
      }
      const pre = await fetch(server.base + page.preflightPath, { headers: page.preflightCookie ? { Cookie: page.preflightCookie } : {}, redirect: "manual" });
      const html = await pre.text();
      if (pre.status !== 200) {
        result.pages[page.key] = { label: page.label, status: pre.status === 404 ? "missing (404)" : `preflight answered ${pre.status}`, runs: {} };
        continue;
      }
      await measureAll(page.key, page.label, page.requests, page.connections);
      if (result.pages[page.key]) result.pages[page.key]!.document = documentSize(html);
    }
    // The smaller fund on the same tables: cost against the number of companies.
    if (result.pages.portfolio?.status === "measured" && main.subsetInvestor) {
      await measureAll(
        "portfolioSmall",
        `GET /o/${main.subsetInvestor.slug}/portfolio (${options.small} companies × ${options.months} months)`,
        [documentRequest(`/o/${main.subsetInvestor.slug}/portfolio`, sessions.investor)],
        [1],
      );
    }
    await server.stop();
    server = null;

    // 3. The short-history database: cost against months of history.
    if (result.pages.portfolio?.status === "measured") {
      const short = seeds.short!;
      server = await startServer(root, serverEnv(dbs[1]!.name), logFile, []);
      const investor = await signIn(server.base, short.investor.email, short.investor.password);
      await measureAll(
        "portfolioShort",
        `GET /o/${short.investor.slug}/portfolio (${options.companies} companies × ${options.short} months)`,
        [documentRequest(`/o/${short.investor.slug}/portfolio`, investor)],
        [1],
      );
      await server.stop();
      server = null;
    }
    result.loadAverage.after = os.loadavg()[0]!;
    fs.rmSync(logFile, { force: true }); // kept only when something failed
    return result;
  } finally {
    interrupted.delete(cleanupOnSignal);
    await server?.stop().catch(() => {});
    if (!options.keep) {
      for (const name of created) {
        if (admin) await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
        else fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
      }
    } else if (created.length) log(`kept ${created.join(", ")} (--keep)`);
    await admin?.end({ timeout: 5 });
  }
}

const interrupted = new Set<() => Promise<void>>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the server and dropping this run's databases…`);
    void Promise.all([...interrupted].map((fn) => fn())).finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const customDir = options.buildDir !== "build" ? options.buildDir : null;
  if (!fs.existsSync(path.join(root, options.buildDir, "index.js"))) {
    log(`no ${options.buildDir}/index.js: running remix build once`);
    const built = spawnSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, BUILD_DIR: options.buildDir } });
    if (built.status !== 0) throw new Error("remix build failed");
  }
  const assetsDir = path.join(root, customDir ? path.join(customDir, "public/build") : "public/build");
  const manifest = readManifest(assetsDir);
  const portfolioRoute = findRoute(manifest, "o/:orgSlug/portfolio");
  const jsSize = portfolioRoute ? routeJsSize(assetsDir, manifest, portfolioRoute) : null;
  // The other measured pages' JavaScript too, for comparison (the target is the portfolio's).
  const otherJs: Record<string, number> = {};
  for (const [key, pattern] of [
    ["company", "o/:orgSlug/companies/:companySlug"],
    ["share", "r/:token"],
    ["baseline", "login"],
  ] as const) {
    const id = findRoute(manifest, pattern);
    if (id) otherJs[key] = routeJsSize(assetsDir, manifest, id).gzipBytes;
  }
  // The budget holds for every main page, not the portfolio alone (npm run bench:js prints the detail).
  const mainPagesJs = mainPageSizes(assetsDir, manifest).map((p) => ({ name: p.name, gzipBytes: p.size?.gzipBytes ?? null }));
  const engines: ("postgres" | "pglite")[] = options.embedded ? ["postgres", "pglite"] : ["postgres"];
  const started = Date.now();
  const admin = postgres(options.adminUrl, { max: 1, onnotice: () => {} });
  const { version } = first(await admin<{ version: string }[]>`select version()`);
  await admin.end({ timeout: 5 });
  const results: EngineResult[] = [];
  for (const engine of engines) results.push(await runEngine(engine, options, (p) => routeExists(manifest, p)));
  const record = printReport(results, {
    jsSize,
    otherJs,
    mainPagesJs,
    portfolioRoute,
    options,
    postgresVersion: version.split(" on ")[0]!,
    elapsedS: Math.round((Date.now() - started) / 1000),
  });
  fs.writeFileSync(options.output, JSON.stringify(record, null, 2) + "\n");
  // In the house's format, so `npm run format:check` passes without a manual step.
  spawnSync(path.join(root, "node_modules/.bin/biome"), ["format", "--write", options.output], { stdio: "ignore" });
  log(`wrote ${path.relative(root, options.output)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[bench] ${(error as Error).stack ?? error}`);
    process.exit(2);
  },
);
