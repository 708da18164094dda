// `npm run bench:lighthouse [-- --runs 3 --no-write --reports <folder>]` (after `npm run build`; it builds nothing)
//
// Lighthouse (mobile preset, performance only) on the pages of issue #15 item 21: sign-in, the
// demo founder's startup dashboard and the demo investor's portfolio. Starts the built server
// on a fresh embedded demo database, signs in over HTTP as the founder and the investor (their
// session cookies go to Lighthouse as an extra header), runs the Lighthouse CLI on each page
// `--runs` times (interleaved, so a change in the machine's load falls on every page alike),
// prints the medians and writes them, with the load average, to docs/performance.md
// ("## Lighthouse") and tests/bench/lighthouse-last-run.json (not with --no-write); --reports keeps
// every run's full Lighthouse JSON (where the blocking time goes: bootup-time, long-tasks).
//
// Exit codes: 0 measured (targets met or not: the figures move with the machine's load, read
// them beside it); 2 the run could not be set up or Lighthouse failed.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed";
import { signIn, startServer, type RunningServer } from "./harness";
import {
  figuresOf,
  lighthouseSection,
  medianFigures,
  replaceSection,
  targetsMet,
  type LighthouseFigures,
  type LighthouseResult,
  type PageSummary,
} from "./lighthouse-report";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const log = (line: string) => process.stdout.write(`[lighthouse] ${line}\n`);
const CHROME = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const LIGHTHOUSE_CLI = path.join(path.dirname(createRequire(import.meta.url).resolve("lighthouse/package.json")), "cli/index.js");

function parseOptions(argv: string[]) {
  let runs = 3;
  let write = true;
  let reports: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    if (arg === "--no-write") write = false;
    else if (arg === "--reports") {
      reports = argv[++i] ?? "";
      if (!reports) throw new Error("--reports needs a folder.");
    } else if (arg === "--runs") {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1 || value > 15) throw new Error("--runs must be a whole number from 1 to 15.");
      runs = value;
    } else throw new Error(`Unknown argument "${arg}" (known: --runs <n>, --no-write, --reports <folder>).`);
  }
  return { runs, write, reports };
}

/** Where `/` sends a signed-in user: their org's home (the founder's startup dashboard, the investor's fund). */
async function homeOf(base: string, cookie: string): Promise<string> {
  const response = await fetch(`${base}/`, { redirect: "manual", headers: { Cookie: cookie } });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location?.startsWith("/o/")) throw new Error(`GET / answered ${response.status} ${location ?? ""}, not an org's home`);
  return location;
}

async function expectOk(base: string, pagePath: string, cookie: string | null) {
  const response = await fetch(`${base}${pagePath}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  if (response.status !== 200) throw new Error(`GET ${pagePath} answered ${response.status}`);
}

/** One Lighthouse CLI run (its own Chrome); the JSON report. */
function runLighthouse(
  url: string,
  headersFile: string | null,
): Promise<LighthouseResult & { lighthouseVersion: string; environment: { hostUserAgent: string; benchmarkIndex: number } }> {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    "--only-categories=performance",
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run`,
    ...(headersFile ? [`--extra-headers=${headersFile}`] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, CHROME_PATH: CHROME }, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse exited ${code}: ${Buffer.concat(err).toString().slice(-2000)}`));
      try {
        resolve(JSON.parse(Buffer.concat(out).toString("utf8")));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * Lighthouse sometimes fails to record a trace on a busy machine ("NO_NAVSTART", "NO_FCP"): such a
 * run is repeated, twice at most, rather than losing the whole measurement.
 */
async function runLighthouseWithRetry(url: string, headersFile: string | null) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runLighthouse(url, headersFile);
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`${url}: ${(error as Error).message.split("\n")[0]} — running it again`);
    }
  }
}

function loadAverage(): number[] {
  return os.loadavg().map((n) => Math.round(n * 100) / 100);
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(path.join(root, "build/index.js")))
    throw new Error("no build/index.js: run `npm run build` first (this script measures a build, it does not make one)");
  if (!fs.existsSync(CHROME)) throw new Error(`no Chromium at ${CHROME} (set CHROME_PATH)`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "cd-lighthouse-"));
  const logFile = path.join(work, "server.log");
  let server: RunningServer | undefined;
  const stop = async () => {
    await server?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));
  try {
    log("starting the built server on a fresh embedded demo database…");
    server = await startServer(root, { DATA_DIR: path.join(work, "data"), DEMO_DATA: "auto" }, logFile);
    const { base } = server;
    const founder = await signIn(base, DEMO_USERS.founder.email, DEMO_PASSWORD);
    const investor = await signIn(base, DEMO_USERS.investor.email, DEMO_PASSWORD);
    const dashboard = await homeOf(base, founder);
    const portfolio = `${await homeOf(base, investor)}/portfolio`;
    const pages = [
      { name: "sign-in", path: "/login", cookie: null },
      { name: "startup dashboard", path: dashboard, cookie: founder },
      { name: "portfolio", path: portfolio, cookie: investor },
    ].map((page) => {
      const headersFile = page.cookie ? path.join(work, `${page.name.replace(/\W+/g, "-")}.json`) : null;
      if (headersFile) fs.writeFileSync(headersFile, JSON.stringify({ Cookie: page.cookie }));
      return { ...page, headersFile, runs: [] as LighthouseFigures[] };
    });
    for (const page of pages) await expectOk(base, page.path, page.cookie);

    const loadBefore = loadAverage();
    let meta = { lighthouseVersion: "?", chrome: "?", benchmarkIndex: [] as number[] };
    for (let run = 1; run <= options.runs; run++) {
      for (const page of pages) {
        const report = await runLighthouseWithRetry(`${base}${page.path}`, page.headersFile);
        const figures = figuresOf(report);
        if (options.reports) {
          fs.mkdirSync(options.reports, { recursive: true });
          fs.writeFileSync(path.join(options.reports, `${page.name.replace(/\W+/g, "-")}-${run}.json`), JSON.stringify(report));
        }
        page.runs.push(figures);
        meta = {
          lighthouseVersion: report.lighthouseVersion,
          chrome: /(?:Headless)?Chrome\/[\d.]+/.exec(report.environment.hostUserAgent)?.[0] ?? "Chromium",
          benchmarkIndex: [...meta.benchmarkIndex, report.environment.benchmarkIndex],
        };
        log(
          `run ${run}/${options.runs} ${page.name}: performance ${figures.performance}, CLS ${figures.cls.toFixed(3)}, TBT ${Math.round(figures.tbtMs)} ms, LCP ${(figures.lcpMs / 1000).toFixed(2)} s (load ${os.loadavg()[0]?.toFixed(2)})`,
        );
      }
    }
    const loadAfter = loadAverage();
    const summaries: PageSummary[] = pages.map((p) => ({ name: p.name, path: p.path, runs: p.runs, median: medianFigures(p.runs) }));
    const cpus = os.cpus();
    const indexes = [...meta.benchmarkIndex].sort((a, b) => a - b);
    const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version.slice(1)}; Lighthouse's CPU benchmark index ${indexes[0]?.toFixed(0)}–${indexes.at(-1)?.toFixed(0)}`;
    const context = {
      date: new Date(),
      lighthouseVersion: meta.lighthouseVersion,
      chrome: meta.chrome,
      machine,
      loadBefore,
      loadAfter,
      runsPerPage: options.runs,
    };

    console.log("");
    for (const s of summaries) {
      const met = targetsMet(s.median);
      console.log(
        `${s.name.padEnd(18)} performance ${String(s.median.performance).padStart(3)} ${met.performance ? "MET " : "MISS"}  CLS ${s.median.cls.toFixed(3)} ${met.cls ? "MET " : "MISS"}  TBT ${String(Math.round(s.median.tbtMs)).padStart(5)} ms ${met.tbt ? "MET " : "MISS"}  LCP ${(s.median.lcpMs / 1000).toFixed(2)} s`,
      );
    }
    console.log(`\n${machine}; load average ${loadBefore.join(" / ")} before, ${loadAfter.join(" / ")} after.`);
    if (options.write) {
      const docPath = path.join(root, "docs/performance.md");
      fs.writeFileSync(docPath, replaceSection(fs.readFileSync(docPath, "utf8"), lighthouseSection(summaries, context)));
      const record = { ...context, date: context.date.toISOString(), pages: summaries };
      const lastRun = path.join(here, "lighthouse-last-run.json");
      fs.writeFileSync(lastRun, `${JSON.stringify(record, null, 2)}\n`);
      // In the house's format, so `npm run format:check` (part of npm test) passes without a manual step.
      spawnSync(path.join(root, "node_modules/.bin/biome"), ["format", "--write", docPath, lastRun], { stdio: "ignore" });
      log("wrote docs/performance.md (## Lighthouse) and tests/bench/lighthouse-last-run.json");
    }
    return 0;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[lighthouse] ${(error as Error).stack ?? error}`);
    process.exit(2);
  },
);
