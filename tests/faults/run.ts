// `npm run test:faults` — the database goes away while the app serves, and comes back.
//
// Never touches the machine's shared PostgreSQL: it creates its OWN throwaway cluster
// (initdb + pg_ctl on a free port, socket and data in a temp dir; as the `postgres` OS user
// when run as root), seeds the demo into it, starts the production server (`node
// server.mjs`) against it, logs in as the demo founder and keeps traffic coming — the
// dashboard page, `?_data` loads, monthly-report saves (POST with Origin) — through:
//
//   1 healthy      every request 200
//   2 outage       `pg_ctl stop -m fast` mid-traffic; once stopped every request answers 503
//                  (documents: the "Temporarily unavailable" page; `_data`: status 503 with
//                  Retry-After) in < 8 s, no 500s, no hangs; /healthz 200, /readyz 503
//   3 recovered    `pg_ctl start`; within 20 s requests succeed again without restarting the
//                  app, the same session cookie still works, data saved before the outage
//                  is intact, and every committed save has exactly one audit entry (no
//                  half-written data)
//   0 mail         (tests/faults/mail-outage.ts) the SMTP relay stops while reset mail is
//                  asked for and comes back: nothing lost, each message delivered exactly once
//   4 SIGTERM      while a request is held up in the database (a lock on the sessions
//                  table): the server stops accepting connections, finishes the request
//                  with 200, closes its pool (PostgreSQL logs no client vanishing) and exits 0
//
// Prints a summary table and exits 1 when a guarantee broke (2 when the run could not be
// set up). Everything started is stopped and the temp dir removed on every exit path.
// Loops are bounded by time and count; traffic goes only to 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed";
import { routeData } from "../support/route-data";
import { at, first } from "../support/at";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { phaseMailOutage } from "./mail-outage";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const buildDir = process.env.BUILD_DIR || "build";
const ORG = "lumen-labs";
const HANG_MS = 8_000; // a response slower than this counts as a hang
const RECOVERY_MS = 20_000;
const DOC_PATH = `/o/${ORG}`;
const DASHBOARD_DATA = routeData(`/o/${ORG}`, "routes/o.$orgSlug._index");
const REPORT_ROUTE = "routes/o.$orgSlug.reports.$month";
// The current month: valid for a report, and the demo seed stops at last month.
const MONTH = new Date().toISOString().slice(0, 7);
const REPORT_DATA = routeData(`/o/${ORG}/reports/${MONTH}`, REPORT_ROUTE);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ----------------------------------------------------------------------- results

const failures: string[] = [];
function check(ok: boolean, message: string): boolean {
  console.log(`${ok ? "  ok   " : "  FAIL "} ${message}`);
  if (!ok) failures.push(message);
  return ok;
}

type Kind = "doc" | "data" | "save" | "healthz" | "readyz";
interface Outcome {
  kind: Kind;
  status: number | "hang" | "error";
  ms: number;
  startedAt: number;
  body: string;
  contentType: string;
  retryAfter: string | null;
}

interface PhaseRow {
  phase: string;
  outcomes: Outcome[];
  expect: string;
}
const table: PhaseRow[] = [];

function summarise(outcomes: Outcome[]) {
  const statuses = new Map<string, number>();
  for (const o of outcomes) statuses.set(`${o.kind}:${o.status}`, (statuses.get(`${o.kind}:${o.status}`) ?? 0) + 1);
  const text = [...statuses]
    .sort()
    .map(([k, n]) => `${k}×${n}`)
    .join(" ");
  const maxMs = outcomes.reduce((m, o) => Math.max(m, o.ms), 0);
  const hangs = outcomes.filter((o) => o.status === "hang").length;
  return { text, maxMs, hangs };
}

function printTable() {
  const rows = table.map((r) => {
    const s = summarise(r.outcomes);
    return [r.phase, String(r.outcomes.length), s.text || "-", String(Math.round(s.maxMs)), String(s.hangs), r.expect];
  });
  const head = ["phase", "requests", "statuses (kind:status×n)", "max ms", "hangs", "expected"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => at(r, i).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(at(widths, i))).join(" | ");
  console.log("\n" + line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("-+-"));
  for (const r of rows) console.log(line(r));
}

// --------------------------------------------------------------- the throwaway cluster

function pgBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of versions) if (fs.existsSync(path.join(base, v, "bin/initdb"))) return path.join(base, v, "bin");
  const config = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (config.status === 0) return config.stdout.trim();
  throw new Error("No PostgreSQL server binaries found (set PG_BIN).");
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL tool, as the `postgres` OS user when we are root (initdb refuses root). */
function pgTool(bin: string, tool: string, args: string[], timeoutMs = 90_000): Promise<string> {
  const file = path.join(bin, tool);
  const [cmd, cmdArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  // Asynchronous, so the traffic loops keep running (and keep their timings honest) meanwhile.
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${tool} ${args.join(" ")} failed (${code ?? signal}): ${out}`));
    });
  });
}

/** The same, blocking: only for cleanup, which may run from a signal handler. */
function pgToolSync(bin: string, tool: string, args: string[]) {
  const file = path.join(bin, tool);
  const [cmd, cmdArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  return spawnSync(cmd, cmdArgs, { encoding: "utf8", timeout: 60_000 });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

class Cluster {
  running = false;
  readonly dataDir: string;
  readonly logFile: string;
  constructor(
    readonly bin: string,
    readonly tmp: string,
    readonly port: number,
  ) {
    this.dataDir = path.join(tmp, "data");
    this.logFile = path.join(tmp, "postgres.log");
  }
  get url() {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }
  async init() {
    await pgTool(this.bin, "initdb", ["-D", this.dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  }
  async start() {
    await pgTool(this.bin, "pg_ctl", [
      "-D",
      this.dataDir,
      "-l",
      this.logFile,
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${this.port} -k ${this.tmp} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "start",
    ]);
    this.running = true;
  }
  async stop() {
    await pgTool(this.bin, "pg_ctl", ["-D", this.dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
    this.running = false;
  }
  /** Cleanup: whatever state it is in, the cluster goes away now. */
  kill() {
    if (!fs.existsSync(path.join(this.dataDir, "postmaster.pid"))) return;
    const r = pgToolSync(this.bin, "pg_ctl", ["-D", this.dataDir, "-m", "immediate", "-w", "-t", "30", "stop"]);
    if (r.status !== 0) console.error(`cleanup: pg_ctl stop failed: ${r.stderr}`);
    this.running = false;
  }
  log(): string {
    try {
      return fs.readFileSync(this.logFile, "utf8");
    } catch {
      return "";
    }
  }
}

// ---------------------------------------------------------------------- the app

class App {
  output = "";
  exit: Promise<number | null>;
  constructor(
    readonly child: ChildProcess,
    readonly base: string,
  ) {
    child.stdout?.on("data", (d) => (this.output += String(d)));
    child.stderr?.on("data", (d) => (this.output += String(d)));
    this.exit = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  }
  get alive() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

async function startApp(port: number, databaseUrl: string, smtpUrl: string): Promise<App> {
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      BUILD_DIR: buildDir,
      // Plain http on 127.0.0.1; the cookie jar below ignores Secure anyway.
      COOKIE_SECURE: "false",
      LOG_LEVEL: "info",
      // A real SMTP server in this process (phase 0); polled often so a reset link goes out at once.
      SMTP_URL: smtpUrl,
      // Production with a relay needs the public origin for mail links (app/env.server.ts): here, this one.
      APP_ORIGIN: `http://127.0.0.1:${port}`,
      MAIL_FROM: "Capital Desk <no-reply@faults.test>",
      MAIL_POLL_MS: "250",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const app = new App(child, `http://127.0.0.1:${port}`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (!app.alive) throw new Error(`server exited during boot:\n${app.output}`);
    try {
      const r = await fetch(`${app.base}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (r.ok) return app;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`server did not start within 60 s:\n${app.output}`);
}

// ------------------------------------------------------------------------ traffic

let cookie = "";
let origin = "";

async function request(kind: Kind, base: string, pathname: string, init: RequestInit = {}): Promise<Outcome> {
  const startedAt = Date.now();
  const headers = new Headers(init.headers);
  if (cookie) headers.set("Cookie", cookie);
  if (kind === "doc") headers.set("Accept", "text/html");
  try {
    const response = await fetch(base + pathname, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(HANG_MS) });
    const body = await response.text();
    return {
      kind,
      status: response.status,
      ms: Date.now() - startedAt,
      startedAt,
      body,
      contentType: response.headers.get("content-type") ?? "",
      retryAfter: response.headers.get("retry-after"),
    };
  } catch (error) {
    const hang = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { kind, status: hang ? "hang" : "error", ms: Date.now() - startedAt, startedAt, body: String(error), contentType: "", retryAfter: null };
  }
}

/** A good answer: 200, or for a save its redirect (204 to a data request). */
function answered(o: Outcome): boolean {
  return o.status === 200 || (o.kind === "save" && o.status === 204);
}

/** Saves the report month again and again with a rising cash figure; knows what it last saved. */
class Saver {
  version: number | null = null;
  counter = 0;
  /** Cash (minor units) of acknowledged saves, in order. */
  acknowledged: number[] = [];
  /** Cash of saves that got no 200 — any of them may still have committed before the outage. */
  unacknowledged: number[] = [];
  constructor(readonly base: string) {}

  async sync(): Promise<Outcome> {
    const o = await request("data", this.base, REPORT_DATA);
    if (o.status === 200) {
      const data = JSON.parse(o.body) as { report: { version: number } | null };
      this.version = data.report?.version ?? null;
    }
    return o;
  }

  async save(): Promise<Outcome> {
    this.counter += 1;
    const cashMinor = 50_000_000 + this.counter * 100; // 500000.00 + counter
    const form = new URLSearchParams({
      version: this.version === null ? "" : String(this.version),
      cash: (cashMinor / 100).toFixed(2),
      revenue: "1000.00",
      headcount: "12",
      highlights: `fault run save #${this.counter}`,
    });
    const o = await request("save", this.base, REPORT_DATA, {
      method: "POST",
      body: form,
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    });
    if (answered(o)) {
      // A save answers with its redirect (204 + X-Remix-Redirect for a data request) and a toast;
      // it moved the report's version on by one.
      this.version = (this.version ?? 0) + 1;
      this.acknowledged.push(cashMinor);
    } else {
      this.unacknowledged.push(cashMinor);
      if (o.status === 409) await this.sync(); // an unacknowledged save did commit
    }
    return o;
  }
}

/** Clients for `ms`: a page viewer, a `_data` poller and (given a saver) a saver, each sequential. */
async function traffic(base: string, saver: Saver | null, ms: number, pauseMs = 100): Promise<Outcome[]> {
  const until = Date.now() + ms;
  const outcomes: Outcome[] = [];
  const loop = async (next: () => Promise<Outcome>) => {
    for (let i = 0; i < 1_000 && Date.now() < until; i++) {
      outcomes.push(await next());
      await sleep(pauseMs);
    }
  };
  let flip = false;
  await Promise.all([
    loop(() => request("doc", base, DOC_PATH)),
    loop(() => {
      flip = !flip;
      return request("data", base, flip ? DASHBOARD_DATA : REPORT_DATA);
    }),
    ...(saver ? [loop(() => saver.save())] : []),
  ]);
  return outcomes;
}

function isUnavailablePage(o: Outcome): boolean {
  if (o.status !== 503) return false;
  if (o.kind === "doc") return o.contentType.startsWith("text/html") && o.body.includes("Temporarily unavailable");
  return true;
}

// ----------------------------------------------------------------- integrity check

interface ReportState {
  id: string;
  version: number;
  cash: number;
  audits: { action: string; cash: number | null; version: number | null }[];
}

async function readReport(url: string): Promise<ReportState | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [row] = await sql<{ id: string; version: number; cash: string }[]>`
      select r.id, r.version, r.cash::text as cash from monthly_reports r join orgs o on o.id = r.org_id
      where o.slug = ${ORG} and r.month = ${MONTH}`;
    if (!row) return null;
    const audits = await sql<{ action: string; cash: string | null; version: number | null }[]>`
      select action, (after->>'cash') as cash, (after->>'version')::int as version
      from audit_log where entity_type = 'monthly_report' and entity_id = ${row.id} order by at, (after->>'version')::int`;
    return {
      id: row.id,
      version: row.version,
      cash: Number(row.cash),
      audits: audits.map((a) => ({ action: a.action, cash: a.cash === null ? null : Number(a.cash), version: a.version })),
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** No half-written data: the row and its audit trail agree, and the last acknowledged save is there. */
async function checkIntegrity(url: string, saver: Saver, label: string) {
  const state = await readReport(url);
  if (!check(state !== null, `${label}: the report saved before the outage exists`)) return;
  const s = state!;
  check(s.audits.length === s.version, `${label}: one audit entry per committed write (version ${s.version}, audit entries ${s.audits.length})`);
  const last = s.audits.at(-1);
  check(last?.cash === s.cash && last?.version === s.version, `${label}: the latest audit entry matches the stored row`);
  const lastAck = saver.acknowledged.at(-1);
  const ackIndex = lastAck === undefined ? -1 : s.audits.findIndex((a) => a.cash === lastAck);
  check(ackIndex >= 0, `${label}: the last acknowledged save (cash ${lastAck}) is in the data`);
  // Anything stored after the last acknowledged save must be a save whose answer was lost.
  const later = s.audits.slice(ackIndex + 1).map((a) => a.cash);
  check(
    later.every((c) => c !== null && saver.unacknowledged.includes(c)),
    `${label}: nothing stored that no client sent (${later.length} save(s) committed as their answer was lost)`,
  );
  check(
    s.version >= saver.acknowledged.length && s.version <= saver.acknowledged.length + saver.unacknowledged.length,
    `${label}: committed writes (${s.version}) between acknowledged (${saver.acknowledged.length}) and attempted (${saver.acknowledged.length + saver.unacknowledged.length})`,
  );
}

// ------------------------------------------------------------------------- phases

async function login(base: string) {
  const r = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: DEMO_USERS.founder.email, password: DEMO_PASSWORD, redirectTo: DOC_PATH }),
    signal: AbortSignal.timeout(HANG_MS),
  });
  const session = r.headers.getSetCookie().find((c) => c.startsWith("cd_session="));
  if (r.status !== 302 || !session) throw new Error(`login failed: ${r.status} ${await r.text()}`);
  cookie = first(session.split(";"));
}

async function phaseHealthy(app: App, saver: Saver) {
  console.log("\n== phase 1: healthy");
  const outcomes = [await saver.sync(), ...(await traffic(app.base, saver, 3_000))];
  table.push({ phase: "1 healthy", outcomes, expect: "all 200" });
  check(outcomes.every(answered), "every request answered 200 (a save: its redirect)");
  check(saver.acknowledged.length > 0, `saves committed before the outage: ${saver.acknowledged.length}`);
}

async function phaseOutage(app: App, cluster: Cluster, saver: Saver) {
  console.log("\n== phase 2: database stopped (pg_ctl stop -m fast) while requests keep coming");
  let stoppedAt = Infinity;
  const during = traffic(app.base, saver, 8_000, 50);
  await sleep(700);
  // A burst of concurrent dashboard loads (several transactions each) across the stop, so
  // the server cuts connections in the middle of transactions — the case that trips the
  // postgres.js bug app/db.server.ts guards against.
  const burst = Promise.all(
    Array.from({ length: 6 }, async () => {
      const out: Outcome[] = [];
      for (let i = 0; i < 500 && stoppedAt === Infinity; i++) out.push(await request("data", app.base, DASHBOARD_DATA));
      return out;
    }),
  );
  await sleep(300);
  await cluster.stop();
  stoppedAt = Date.now();
  console.log("  database stopped");
  // pg_ctl stop can take seconds on a busy machine, eating most of the first window; a
  // second stream that starts at the stop makes sure the down phase is really exercised.
  const afterStop = traffic(app.base, null, 4_000, 50); // readers only: one saver at a time
  const probes: Outcome[] = [];
  await sleep(500);
  for (let i = 0; i < 3; i++) {
    probes.push(await request("healthz", app.base, "/healthz"));
    probes.push(await request("readyz", app.base, "/readyz"));
    await sleep(500);
  }
  const outcomes = [...(await during), ...(await burst).flat(), ...(await afterStop)];
  const stopping = outcomes.filter((o) => o.startedAt < stoppedAt);
  const down = outcomes.filter((o) => o.startedAt >= stoppedAt);
  table.push({ phase: "2a stopping", outcomes: stopping, expect: "200 or 503, never 500" });
  table.push({ phase: "2b down", outcomes: [...down, ...probes], expect: "503; healthz 200, readyz 503" });

  const all = [...outcomes, ...probes];
  check(
    all.every((o) => o.status !== "hang" && o.ms < HANG_MS),
    `no hung request: every answer within ${HANG_MS / 1000} s`,
  );
  check(
    stopping.every((o) => answered(o) || isUnavailablePage(o)),
    "requests in flight while stopping: 200 or 503, never a 500",
  );
  check(down.length >= 10, `requests while down: ${down.length}`);
  const bad = down.filter((o) => !isUnavailablePage(o));
  check(
    bad.length === 0,
    `every request while down answered 503${
      bad.length
        ? ` (not: ${bad
            .slice(0, 3)
            .map((o) => `${o.kind}:${o.status} ${o.body.slice(0, 80)}`)
            .join("; ")})`
        : ""
    }`,
  );
  const docs = down.filter((o) => o.kind === "doc");
  check(docs.length > 0 && docs.every((o) => o.body.includes("The database is not answering")), "documents show the 'Temporarily unavailable' page");
  const data = down.filter((o) => o.kind !== "doc" && o.status === 503);
  check(data.length > 0 && data.every((o) => o.retryAfter === "5"), "`_data` 503 answers carry Retry-After: 5");
  const downMax = down.reduce((m, o) => Math.max(m, o.ms), 0);
  check(downMax < 6_000, `503s come quickly (slowest ${downMax} ms)`);
  check(
    probes.filter((o) => o.kind === "healthz").every((o) => o.status === 200),
    "/healthz stays 200 (process alive)",
  );
  check(
    probes.filter((o) => o.kind === "readyz").every((o) => o.status === 503 && o.ms < 4_000),
    "/readyz answers 503 within 4 s",
  );
  check(app.alive, "the server process is still running");
  const replaced = app.output.split("\n").filter((l) => l.includes("replacing the pool")).length;
  console.log(`  (postgres.js dropped-connection failures caught and pool replaced: ${replaced})`);
}

async function phaseRecovery(app: App, cluster: Cluster, saver: Saver) {
  console.log("\n== phase 3: database started again (pg_ctl start), no app restart");
  await cluster.start();
  const startedAt = Date.now();
  const waiting: Outcome[] = [];
  let recovered = false;
  for (let i = 0; i < 200 && Date.now() - startedAt < RECOVERY_MS; i++) {
    const o = await request("data", app.base, REPORT_DATA);
    waiting.push(o);
    if (o.status === 200) {
      recovered = true;
      break;
    }
    await sleep(250);
  }
  const recoveryMs = Date.now() - startedAt;
  check(recovered, `requests succeed again ${recovered ? `after ${recoveryMs} ms` : `(not within ${RECOVERY_MS / 1000} s)`}`);
  if (!recovered) return;
  // Before anything new is written: the data from before the outage is intact.
  await checkIntegrity(cluster.url, saver, "after the outage");
  await saver.sync();
  const ready = await request("readyz", app.base, "/readyz");
  const outcomes = [...waiting, ready, ...(await traffic(app.base, saver, 3_000))];
  table.push({ phase: "3 recovered", outcomes, expect: `200 within ${RECOVERY_MS / 1000} s` });
  check(ready.status === 200, "/readyz is 200 again");
  const after = outcomes.slice(waiting.length);
  check(after.every(answered), "every request after recovery answered 200 (same session cookie: no login redirect)");
  await checkIntegrity(cluster.url, saver, "after recovery traffic");
}

async function phaseSigterm(app: App, cluster: Cluster) {
  console.log("\n== phase 4: SIGTERM with a request in flight");
  const logBefore = cluster.log().length;
  const HOLD_MS = 2_500;
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  let locked!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  // Hold the sessions table so the next request waits in the database (< statement timeout).
  const holder = admin.begin(async (tx) => {
    await tx`lock table sessions in access exclusive mode`;
    locked();
    await sleep(HOLD_MS);
  });
  await lockTaken;
  const sentAt = Date.now();
  const slow = request("doc", app.base, DOC_PATH);
  await sleep(500);
  app.child.kill("SIGTERM");
  await sleep(200);
  const refused = await new Promise<boolean>((resolve) => {
    const socket = net.connect(Number(new URL(app.base).port), "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
  const response = await slow;
  await holder;
  await admin.end({ timeout: 5 });
  const code = await Promise.race([app.exit, sleep(15_000).then(() => "timeout" as const)]);
  const exitedAfter = Date.now() - sentAt;
  table.push({ phase: "4 SIGTERM", outcomes: [response], expect: "200, then exit 0" });
  check(refused, "after SIGTERM new connections are refused");
  check(response.status === 200 && response.ms >= HOLD_MS - 600, `the in-flight request finished: ${response.status} after ${response.ms} ms`);
  check(code === 0, `the server exited ${code === "timeout" ? "(not within 15 s)" : `with code ${code}`} ${exitedAfter} ms after the request was sent`);
  check(/"shutting down"/.test(app.output), "the server logged its shutdown");
  console.log(
    app.output
      .split("\n")
      .filter((l) => /"(shutting down|drained|stopped)"/.test(l))
      .join("\n"),
  );
  await sleep(300);
  const pgLog = cluster.log().slice(logBefore);
  check(!/unexpected EOF on client connection|could not receive data from client/.test(pgLog), "the pool was closed cleanly (PostgreSQL saw no client vanish)");
}

// ------------------------------------------------------------------------- main

async function main(): Promise<number> {
  const bin = pgBinDir();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cd-faults-"));
  let cluster: Cluster | undefined;
  let app: App | undefined;
  let smtp: TestSmtp | undefined;
  const cleanup = () => {
    if (app?.alive) app.child.kill("SIGKILL");
    void smtp?.stop();
    cluster?.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = () => {
    cleanup();
    process.exit(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    if (asRoot) {
      const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
      const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
      fs.chownSync(tmp, uid, gid);
    }
    fs.chmodSync(tmp, 0o700);

    if (!fs.existsSync(path.join(root, buildDir, "index.js"))) {
      console.log(`== building (${buildDir}/index.js is missing)`);
      const built = spawnSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit" });
      if (built.status !== 0) throw new Error("remix build failed");
    }

    cluster = new Cluster(bin, tmp, await freePort());
    console.log(`== throwaway PostgreSQL (${bin}) on 127.0.0.1:${cluster.port}, data in ${tmp}`);
    await cluster.init();
    await cluster.start();

    console.log("== seeding the demo");
    const seeded = spawnSync("npm", ["run", "--silent", "db:seed"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: cluster.url },
      encoding: "utf8",
      timeout: 180_000,
    });
    if (seeded.status !== 0) throw new Error(`db:seed failed: ${seeded.stderr || seeded.stdout}`);

    const port = await freePort();
    smtp = await startTestSmtp();
    app = await startApp(port, cluster.url, smtp.url);
    origin = app.base;
    console.log(`== server up at ${app.base} (pid ${app.child.pid})`);
    await login(app.base);
    const saver = new Saver(app.base);

    await phaseMailOutage(
      { base: app.base, databaseUrl: cluster.url, smtp, check },
      { before: DEMO_USERS.founder.email, during: [DEMO_USERS.investor.email, DEMO_USERS.viewer.email] },
    );
    await phaseHealthy(app, saver);
    await phaseOutage(app, cluster, saver);
    if (!cluster.running) await phaseRecovery(app, cluster, saver);
    await phaseSigterm(app, cluster);
  } catch (error) {
    console.error(`\n== the run could not be completed: ${(error as Error).stack ?? error}`);
    if (app) console.error(`-- server output (last 40 lines):\n${app.output.split("\n").slice(-40).join("\n")}`);
    cleanup();
    return 2;
  }
  printTable();
  if (failures.length && app) {
    const notable = app.output.split("\n").filter((l) => l && !l.includes(`"msg":"request"`));
    console.error(`\n-- server output other than request logs (last 40 lines):\n${notable.slice(-40).join("\n")}`);
  }
  cleanup();
  console.log(failures.length ? `\n== FAILED: ${failures.length} guarantee(s) broke:\n - ${failures.join("\n - ")}` : "\n== all fault guarantees held");
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
