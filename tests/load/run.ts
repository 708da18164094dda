// `npm run test:load [-- --duration 60 --connections 50]`
//
// Load test against the production build on a throwaway PostgreSQL database:
// build (if missing) → create cd_load_<pid> → seed the demo → start `node server.mjs` →
// log in as the demo founder → replay a realistic mix with autocannon → assert zero 5xx,
// zero timeouts/socket errors, only expected statuses, every acknowledged save audited →
// print a latency/throughput table and write tests/load/last-run.json. The server is
// stopped and the database dropped on every exit path. Traffic goes only to 127.0.0.1.
//
// Exit codes: 0 all guarantees held; 1 a guarantee broke; 2 the run could not be set up.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { freePort } from "../support/free-port";
import { signInCookie } from "../support/sign-in-cookie";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { addMonths, monthOfDate, SPEND_CATEGORIES } from "../../app/finance/index";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed";
import { routeData } from "../support/route-data";
import { at, lookup, first } from "../support/at";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const ORG = "lumen-labs";
const FUND = "northwind-ventures";
const MONTH_ROUTE = "routes/o.$orgSlug.reports.$month";

// ---------------------------------------------------------------------------- options

interface Options {
  duration: number;
  connections: number;
  timeoutSeconds: number;
  adminUrl: string;
  buildDir: string;
  output: string;
}

function parseOptions(argv: string[]): Options {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = at(argv, i);
    if (arg === "--") continue;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument "${arg}". Use --duration <seconds> --connections <n>.`);
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${match[1]} needs a value.`);
    flags.set(at(match, 1), value);
  }
  for (const key of flags.keys()) {
    if (!["duration", "connections", "timeout", "output"].includes(key)) throw new Error(`Unknown flag --${key}.`);
  }
  const int = (name: string, fallback: number, max: number) => {
    const raw = flags.get(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) throw new Error(`--${name} must be a whole number from 1 to ${max}.`);
    return Number(raw);
  };
  const adminUrl = process.env.LOAD_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  return {
    duration: int("duration", 60, 600),
    connections: int("connections", 50, 500),
    timeoutSeconds: int("timeout", 10, 60),
    adminUrl,
    buildDir: process.env.BUILD_DIR || "build",
    output: flags.get("output") ?? path.join(here, "last-run.json"),
  };
}

// ---------------------------------------------------------------------------- autocannon (untyped CJS)

interface AcContext {
  month?: string;
  report?: Record<string, unknown> | null;
}
interface AcRequest {
  kind: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AcRequest, context: AcContext) => AcRequest | null;
  onResponse?: (status: number, body: string, context: AcContext) => void;
}
interface AcClient {
  requestIterator: { currentRequest: AcRequest };
}
interface AcResult {
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
  duration: number;
  start: Date;
  finish: Date;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p90: number; p99: number; max: number };
  requests: { total: number; average: number };
}
interface AcInstance {
  on(event: "response", fn: (client: AcClient, status: number, bytes: number, ms: number) => void): void;
  on(event: "reqError", fn: (error: Error) => void): void;
  stop(): void;
}
type Autocannon = (opts: Record<string, unknown>, cb: (error: Error | null, result: AcResult) => void) => AcInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// ---------------------------------------------------------------------------- helpers

const log = (message: string) => process.stdout.write(`[load] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return at(sorted, rank);
}

const major = (minor: unknown) => {
  const n = typeof minor === "number" ? minor : 0;
  const abs = Math.abs(n);
  return `${n < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};

/** The month form's fields as a browser would post them, from the loader's report (or a first entry). */
function reportForm(report: Record<string, unknown> | null | undefined, edit: number): string {
  const form = new URLSearchParams();
  form.set("version", report ? String(report.version) : "");
  form.set("cash", report ? major(report.cash) : "4200000.00");
  form.set("revenue", report ? major(report.revenue) : "52000.00");
  for (const c of SPEND_CATEGORIES) form.set(c, report ? major(report[c]) : "31000.00");
  form.set("headcount", report ? String(report.headcount) : "15");
  form.set("arr", report && report.arr !== null && report.arr !== undefined ? major(report.arr) : "");
  form.set("highlights", `Load run edit #${edit}: shipped the eval harness.`);
  form.set("lowlights", report && typeof report.lowlights === "string" ? report.lowlights : "");
  form.set("asks", report && typeof report.asks === "string" ? report.asks : "Intros to infra buyers.");
  return form.toString();
}

// ---------------------------------------------------------------------------- run

interface KindStats {
  kind: string;
  description: string;
  latencies: number[];
  statuses: Map<number, number>;
  bytes: number;
}

interface Guarantee {
  name: string;
  ok: boolean;
  detail: string;
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`[load] ${(error as Error).message}`);
    return 2;
  }
  const dbName = `cd_load_${process.pid}`;
  const logFile = path.join(os.tmpdir(), `cd-load-${process.pid}-server.log`);
  const admin = postgres(options.adminUrl, { max: 1, onnotice: () => {} });
  let server: ChildProcess | null = null;
  let created = false;
  let interrupted = false;
  let running: AcInstance | null = null;

  const stopServer = async () => {
    const child = server;
    server = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 12_000);
    await exited;
    clearTimeout(timer);
  };
  const cleanup = async () => {
    await stopServer().catch(() => {});
    if (created) {
      created = false;
      await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch((error) => console.error(`[load] could not drop ${dbName}: ${error.message}`));
      log(`dropped database ${dbName}`);
    }
    await admin.end({ timeout: 5 }).catch(() => {});
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: stopping the load, the server and dropping the database…`);
    running?.stop();
    void cleanup().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    // 1. Production build.
    const buildIndex = path.join(root, options.buildDir, "index.js");
    if (!fs.existsSync(buildIndex)) {
      log(`no ${path.relative(root, buildIndex)}: running remix build (BUILD_DIR=${options.buildDir})`);
      const built = spawnSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, BUILD_DIR: options.buildDir } });
      if (built.status !== 0) throw new Error("remix build failed");
    }

    // 2. Fresh database, migrated and seeded with the demo.
    const { version: pgVersion } = first(await admin<{ version: string }[]>`select version()`);
    await admin.unsafe(`create database ${dbName}`);
    created = true;
    const databaseUrl = withDatabase(options.adminUrl, dbName);
    log(`created database ${dbName}; seeding the demo…`);
    const seeded = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["db/cli/seed.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`);

    // 3. The production server.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const out = fs.openSync(logFile, "w");
    server = spawn(process.execPath, ["server.mjs"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        BUILD_DIR: options.buildDir,
        APP_ORIGIN: "",
      },
      stdio: ["ignore", out, out],
    });
    fs.closeSync(out);
    const started = Date.now();
    for (;;) {
      if (!server || server.exitCode !== null) throw new Error(`the server exited during startup; log:\n${fs.readFileSync(logFile, "utf8")}`);
      const ready = await fetch(`${base}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      if (Date.now() - started > 60_000) throw new Error("the server did not become ready within 60 s");
      await sleep(250);
    }
    log(`server ready on ${base} (pid ${server.pid})`);

    // 4. Log in as the demo founder; the session cookie rides on every request.
    const headers = { Cookie: await signInCookie(base, DEMO_USERS.founder.email, DEMO_PASSWORD) };
    const investorHeaders = { Cookie: await signInCookie(base, DEMO_USERS.investor.email, DEMO_PASSWORD) };
    // A live share link for the partner's view, made the way an owner makes one.
    const linkResponse = await fetch(base + routeData(`/o/${ORG}/share-links`, "routes/o.$orgSlug.share-links._index"), {
      method: "POST",
      headers: { ...headers, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        intent: "create",
        label: "Load run",
        scope: "company",
        mode: "live",
        expiresInDays: "1",
        passphrase: "",
        sections: "financials",
      }).toString(),
    });
    const link = (await linkResponse.json().catch(() => ({}))) as { url?: string };
    if (!link.url) throw new Error(`creating a share link failed: ${linkResponse.status}`);
    const sharePath = new URL(link.url).pathname;

    // 5. The mix. Months for submissions rotate over the 24 seeded months and the 12
    //    before them (first saves create, later ones update), so two connections rarely
    //    edit the same month at once; when they do, the loser's 409 is expected.
    const lastMonth = addMonths(monthOfDate(new Date()), -1);
    const months = Array.from({ length: 36 }, (_, i) => addMonths(lastMonth, -i));
    const detailMonth = addMonths(lastMonth, -1);
    let rotation = 0;
    let edits = 0;
    const submitPath = (month: string) => routeData(`/o/${ORG}/reports/${month}`, MONTH_ROUTE);
    const requests: AcRequest[] = [
      { kind: "dashboard", method: "GET", path: `/o/${ORG}`, headers },
      { kind: "reports-list", method: "GET", path: `/o/${ORG}/reports`, headers },
      { kind: "report-detail", method: "GET", path: `/o/${ORG}/reports/${detailMonth}`, headers },
      {
        kind: "report-read",
        method: "GET",
        headers,
        setupRequest: (req, context) => {
          context.month = at(months, rotation++ % months.length);
          return { ...req, path: submitPath(context.month) };
        },
        onResponse: (status, body, context) => {
          if (status !== 200) return;
          try {
            context.report = (JSON.parse(body) as { report: Record<string, unknown> | null }).report;
          } catch {
            context.report = undefined;
          }
        },
      },
      {
        kind: "report-submit",
        method: "POST",
        headers: { ...headers, Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
        setupRequest: (req, context) => {
          // A client that could not read the month does not post a blind save.
          if (!context.month || context.report === undefined) return null;
          return { ...req, path: submitPath(context.month), body: reportForm(context.report, ++edits) };
        },
      },
      { kind: "risks", method: "GET", path: `/o/${ORG}/risks`, headers },
      { kind: "portfolio", method: "GET", path: `/o/${FUND}/portfolio`, headers: investorHeaders },
      { kind: "company-view", method: "GET", path: `/o/${FUND}/companies/${ORG}`, headers: investorHeaders },
      { kind: "share-link", method: "GET", path: sharePath },
      { kind: "healthz", method: "GET", path: "/healthz" },
    ];
    const descriptions: Record<string, string> = {
      dashboard: `GET /o/${ORG} (company dashboard, HTML)`,
      "reports-list": `GET /o/${ORG}/reports (HTML)`,
      "report-detail": `GET /o/${ORG}/reports/${detailMonth} (HTML)`,
      "report-read": `GET /o/${ORG}/reports/<month>?_data (read version)`,
      "report-submit": `POST /o/${ORG}/reports/<month>?_data (save)`,
      risks: `GET /o/${ORG}/risks (HTML)`,
      portfolio: `GET /o/${FUND}/portfolio (investor portfolio, HTML)`,
      "company-view": `GET /o/${FUND}/companies/${ORG} (investor company view, HTML)`,
      "share-link": "GET /r/<token> (partner report, no session)",
      healthz: "GET /healthz (baseline)",
    };
    // A save answers with its redirect (204 + X-Remix-Redirect to a data request) and a toast.
    const expected: Record<string, number[]> = { "report-submit": [204, 409] };

    // 5a. Preflight: every request once, so a broken mix fails before the run, not in it.
    for (const r of requests) {
      const month = at(months, 0);
      const url = base + (r.path ?? submitPath(month));
      const res =
        r.kind === "report-submit"
          ? await fetch(url, {
              method: "POST",
              headers: r.headers,
              body: reportForm((await (await fetch(base + submitPath(month), { headers })).json()).report, 0),
            })
          : await fetch(url, { headers: r.headers, redirect: "manual" });
      const text = await res.text();
      if (!(expected[r.kind] ?? [200]).includes(res.status) || res.status === 409)
        throw new Error(`preflight ${r.kind}: ${url} answered ${res.status}: ${text.slice(0, 300)}`);
      if (r.kind === "dashboard" && !text.includes("Lumen Labs")) throw new Error("preflight dashboard: page does not name Lumen Labs");
    }
    log("preflight ok (every request of the mix answered 200, a save its redirect)");

    const dbAdmin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const { n: savesBefore } = first(await dbAdmin<{ n: number }[]>`select count(*)::int as n from audit_log where action like 'monthly_report.%'`);

    // 6. The run.
    const stats = new Map<string, KindStats>(
      requests.map((r) => [r.kind, { kind: r.kind, description: lookup(descriptions, r.kind), latencies: [], statuses: new Map(), bytes: 0 }]),
    );
    const loadBefore = at(os.loadavg(), 0);
    log(`running ${options.connections} connections for ${options.duration} s (1-min load average before: ${loadBefore.toFixed(2)})…`);
    const reqErrors: string[] = [];
    const result = await new Promise<AcResult>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: options.connections,
          duration: options.duration,
          timeout: options.timeoutSeconds,
          requests,
        },
        (error, res) => (error ? reject(error) : resolve(res)),
      );
      running = instance;
      instance.on("response", (client, status, bytes, ms) => {
        const kind = client.requestIterator.currentRequest.kind;
        const s = stats.get(kind);
        if (!s) return;
        s.latencies.push(ms);
        s.bytes += bytes;
        s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
      });
      instance.on("reqError", (error) => {
        if (reqErrors.length < 20) reqErrors.push(error.message);
      });
    });

    const loadAfter = at(os.loadavg(), 0);
    // Drain in-flight requests (SIGTERM lets them finish) before counting what was written.
    await stopServer();
    const { n: savesAfter } = first(await dbAdmin<{ n: number }[]>`select count(*)::int as n from audit_log where action like 'monthly_report.%'`);
    await dbAdmin.end({ timeout: 5 });
    const serverLog = fs.readFileSync(logFile, "utf8");
    const serverErrors = serverLog.split("\n").filter((line) => /"level":"(error|fatal)"|Error:|ERR_/.test(line));

    // 7. Figures.
    const seconds = result.duration || options.duration;
    const row = (kind: string, description: string, latencies: number[], statuses: Map<number, number>, bytes: number) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      const count = latencies.length;
      const by = (test: (code: number) => boolean) => [...statuses].filter(([code]) => test(code)).reduce((sum, [, n]) => sum + n, 0);
      return {
        kind,
        description,
        requests: count,
        perSecond: Math.round((count / seconds) * 10) / 10,
        p50: Math.round(percentile(sorted, 50)),
        p90: Math.round(percentile(sorted, 90)),
        p99: Math.round(percentile(sorted, 99)),
        max: Math.round(sorted[sorted.length - 1] ?? 0),
        mean: count ? Math.round(latencies.reduce((a, b) => a + b, 0) / count) : 0,
        status2xx: by((c) => c >= 200 && c < 300),
        status409: by((c) => c === 409),
        status4xxOther: by((c) => c >= 400 && c < 500 && c !== 409),
        status5xx: by((c) => c >= 500),
        statusOther: by((c) => c < 200 || (c >= 300 && c < 400)),
        kbPerSecond: Math.round(bytes / 1024 / seconds),
      };
    };
    const rows = [...stats.values()].map((s) => row(s.kind, s.description, s.latencies, s.statuses, s.bytes));
    const allStatuses = new Map<number, number>();
    for (const s of stats.values()) for (const [code, n] of s.statuses) allStatuses.set(code, (allStatuses.get(code) ?? 0) + n);
    const overall = row(
      "overall",
      "the whole mix",
      [...stats.values()].flatMap((s) => s.latencies),
      allStatuses,
      [...stats.values()].reduce((sum, s) => sum + s.bytes, 0),
    );

    const unexpected = [...stats.values()].flatMap((s) =>
      [...s.statuses].filter(([code]) => !(expected[s.kind] ?? [200]).includes(code)).map(([code, n]) => `${s.kind} ${code}×${n}`),
    );
    const fivexx = Object.entries(result.statusCodeStats)
      .filter(([code]) => Number(code) >= 500)
      .reduce((sum, [, v]) => sum + v.count, 0);
    const submitted = rows.find((r) => r.kind === "report-submit")!;
    const savesWritten = savesAfter - savesBefore;
    const guarantees: Guarantee[] = [
      { name: "zero 5xx responses", ok: fivexx === 0 && overall.status5xx === 0, detail: `${fivexx} 5xx` },
      { name: "zero timeouts", ok: result.timeouts === 0, detail: `${result.timeouts} timeouts (limit ${options.timeoutSeconds} s)` },
      {
        name: "zero socket errors",
        ok: result.errors - result.timeouts === 0,
        detail: `${result.errors - result.timeouts} errors${result.errors > result.timeouts && reqErrors.length ? `: ${reqErrors.slice(0, 3).join("; ")}` : ""}`,
      },
      {
        name: "only expected statuses (200; 204 or 409 for saves)",
        ok: unexpected.length === 0,
        detail: unexpected.length ? unexpected.join(", ") : "all expected",
      },
      {
        name: "every request kind was exercised",
        ok: rows.every((r) => r.requests > 0),
        detail:
          rows
            .filter((r) => r.requests === 0)
            .map((r) => r.kind)
            .join(", ") || "all kinds answered",
      },
      {
        // An acknowledged save must be in the audit log; at most one per connection may have
        // committed after the run stopped listening.
        name: "every acknowledged save was written and audited",
        ok: savesWritten >= submitted.status2xx && savesWritten <= submitted.status2xx + options.connections,
        detail: `${submitted.status2xx} saves answered 204, ${savesWritten} audited monthly_report writes`,
      },
    ];
    const failed = guarantees.filter((g) => !g.ok);

    // 8. Report.
    const pad = (v: string | number, n: number, left = false) => (left ? String(v).padEnd(n) : String(v).padStart(n));
    const header = `${pad("kind", 14, true)} ${pad("req", 7)} ${pad("req/s", 7)} ${pad("p50", 6)} ${pad("p90", 6)} ${pad("p99", 6)} ${pad("max", 6)} ${pad("2xx", 7)} ${pad("409", 5)} ${pad("4xx", 5)} ${pad("5xx", 5)}`;
    const line = (r: ReturnType<typeof row>) =>
      `${pad(r.kind, 14, true)} ${pad(r.requests, 7)} ${pad(r.perSecond, 7)} ${pad(r.p50, 6)} ${pad(r.p90, 6)} ${pad(r.p99, 6)} ${pad(r.max, 6)} ${pad(r.status2xx, 7)} ${pad(r.status409, 5)} ${pad(r.status4xxOther, 5)} ${pad(r.status5xx, 5)}`;
    console.log("");
    console.log(`Load run: ${options.connections} connections × ${seconds} s against ${base} (production build, PostgreSQL)`);
    console.log("Latency in ms (p50/p90/p99/max), throughput in requests per second.");
    console.log(header);
    console.log("-".repeat(header.length));
    for (const r of rows) console.log(line(r));
    console.log("-".repeat(header.length));
    console.log(line(overall));
    console.log("");
    for (const r of rows) console.log(`  ${pad(r.kind, 14, true)} ${r.description}`);
    console.log("");
    console.log(`Machine: ${os.cpus().length} cores, 1-min load average ${loadBefore.toFixed(2)} before the run, ${loadAfter.toFixed(2)} at its end.`);
    console.log(`autocannon: ${result.requests.total} responses, ${result.errors} errors, ${result.timeouts} timeouts, ${result.mismatches} mismatches.`);
    console.log("");
    for (const g of guarantees) console.log(`${g.ok ? "PASS" : "FAIL"}  ${g.name} — ${g.detail}`);
    if (serverErrors.length) {
      console.log(`\nServer log has ${serverErrors.length} error lines (${logFile}); first ones:`);
      for (const l of serverErrors.slice(0, 10)) console.log(`  ${l.slice(0, 400)}`);
    }

    const cpus = os.cpus();
    const record = {
      date: new Date().toISOString(),
      ok: failed.length === 0,
      options: { duration: options.duration, connections: options.connections, timeoutSeconds: options.timeoutSeconds },
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? "unknown",
        memoryGb: Math.round(os.totalmem() / 1024 ** 3),
        node: process.version,
        postgres: pgVersion.split(" on ")[0],
        loadAverage1m: { before: Math.round(loadBefore * 100) / 100, endOfRun: Math.round(loadAfter * 100) / 100 },
        note: "app server (one Node process), PostgreSQL and the load generator share the same machine",
      },
      mix: rows.map((r) => ({ kind: r.kind, request: r.description })),
      results: rows,
      overall,
      autocannon: {
        responses: result.requests.total,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
        latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
      },
      saves: { acknowledged: submitted.status2xx, conflicts409: submitted.status409, audited: savesWritten },
      serverErrorLines: serverErrors.length,
      guarantees,
    };
    fs.writeFileSync(options.output, JSON.stringify(record, null, 2) + "\n");
    log(`wrote ${path.relative(root, options.output)}`);
    if (failed.length === 0) fs.rmSync(logFile, { force: true });
    else log(`server log kept at ${logFile}`);
    return failed.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`[load] setup failed: ${(error as Error).message}`);
    if (fs.existsSync(logFile)) console.error(`[load] server log: ${logFile}`);
    return 2;
  } finally {
    await cleanup();
  }
}

process.exitCode = await main();
