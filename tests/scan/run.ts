// `npm run test:scan [-- --minutes 10]`
//
// An outside scanner against the running app: Debian's `wapiti` (apt-get install wapiti)
// crawls the production build on a throwaway embedded database with the demo data, signed in as
// the demo founder, and attacks every form and parameter it finds (XSS reflected and stored,
// SQL injection, command execution, path traversal, CRLF injection, open redirects, backup
// files, HTTP methods) and reviews headers, cookies and the CSP. Not in CI: it takes minutes.
// Traffic goes only to 127.0.0.1; the server and its data are removed on every exit path.
//
// Exit codes: 0 nothing found that counts as a vulnerability (anything found is printed);
// 1 a vulnerability or a 500 was found; 2 the run could not be set up.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const ATTACKS = ["xss", "permanentxss", "sql", "exec", "file", "crlf", "redirect", "backup", "methods", "http_headers", "cookieflags", "csp"];
/** Findings of these categories are reported but do not fail the run (see docs/guarantees.md for each). */
const ADVISORY = new Set(["Content Security Policy Configuration", "HTTP Secure Headers", "Secure Flag cookie", "HttpOnly Flag cookie"]);

/**
 * Debian's wapiti 3.0.4 compiles its exclusion patterns as `…\Z(?ms)`, which Python 3.11
 * refuses (global flags must come first), so `-x` crashes it. This starts wapiti with that one
 * function replaced by the same translation with the flags in front.
 */
const WAPITI_SHIM = `
import re, sys
import wapitiCore.net.crawler as crawler
def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\\Z")
crawler.wildcard_translate = wildcard_translate
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
`;

function minutesOption(argv: string[]): number {
  const at = argv.indexOf("--minutes");
  if (at === -1) return 10;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 60) throw new Error("--minutes must be a whole number from 1 to 60.");
  return value;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/** Signs in as the demo founder the way a browser does and returns the session cookie header. */
async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: DEMO_USERS.founder.email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 302) throw new Error(`demo sign-in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

/** The production server on its own embedded database (never a DATABASE_URL one: the scan writes). */
function scanEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  return env;
}

interface WapitiReport {
  vulnerabilities: Record<string, { method: string; path: string; info: string; parameter: string }[]>;
  anomalies: Record<string, { method: string; path: string; info: string }[]>;
  infos: { target: string };
}

async function main() {
  const minutes = minutesOption(process.argv.slice(2));
  if (spawnSync("wapiti", ["--version"], { stdio: "ignore" }).status !== 0) {
    console.error("wapiti is not installed: apt-get install -y wapiti");
    process.exit(2);
  }
  if (!fs.existsSync(path.join(root, "build/index.js"))) spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const work = fs.mkdtempSync(path.join(root, "tests/.tmp/scan-"));
  let server: ChildProcess | undefined;
  const cleanup = () => {
    server?.kill("SIGTERM");
    fs.rmSync(work, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    cleanup();
    process.exit(2);
  });
  try {
    server = spawn("node", ["server.mjs"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: scanEnv(port, path.join(work, "data")),
    });
    await waitFor(`${base}/healthz`, 120_000);
    await waitFor(`${base}/readyz`, 120_000);
    const cookie = await signIn(base);
    const output = path.join(work, "report.json");
    const args = [
      "-u",
      `${base}/`,
      "-s",
      `${base}/o/lumen-labs`,
      "--scope",
      "folder",
      "-m",
      ATTACKS.join(","),
      "-x",
      `${base}/logout`,
      "-x",
      `${base}/build/*`,
      // Python's requests cannot read brotli; without this every page looks empty to the crawler.
      "-H",
      "Accept-Encoding: gzip",
      "-H",
      `Cookie: ${cookie}`,
      // Our own Origin, as a browser on our pages sends it: the scan then reaches the actions
      // behind the Origin check (whose refusal of foreign origins is tested elsewhere).
      "-H",
      `Origin: ${base}`,
      "--max-scan-time",
      String(minutes * 60),
      "--max-attack-time",
      String(Math.max(30, Math.floor((minutes * 60) / ATTACKS.length))),
      "--max-links-per-page",
      "300",
      "-d",
      "3",
      "--flush-session",
      "--store-session",
      path.join(work, "session"),
      "--store-config",
      path.join(work, "config"),
      "-f",
      "json",
      "-o",
      output,
      "--no-bugreport",
      "-v",
      "1",
    ];
    console.log(`== wapiti against ${base} for at most ${minutes} min (modules: ${ATTACKS.join(", ")})`);
    const run = spawnSync("/usr/bin/python3", ["-c", WAPITI_SHIM, ...args], {
      cwd: work,
      stdio: ["ignore", "pipe", "inherit"],
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      timeout: (minutes + 5) * 60_000,
    });
    const printed = run.stdout ?? "";
    fs.writeFileSync(path.join(root, "tests/.tmp/scan-last-output.txt"), printed);
    // The crawl prints each resource it found ("[+] URL") before the first attack module starts.
    const crawl = printed.split("[*] Launching module")[0] ?? "";
    const pagesCrawled = new Set(
      crawl
        .split("\n")
        .filter((l) => l.startsWith("[+] "))
        .map((l) => l.slice(4).trim()),
    ).size;
    if (!fs.existsSync(output)) {
      console.error(`wapiti wrote no report (exit ${run.status})`);
      process.exitCode = 2;
      return;
    }
    const report = JSON.parse(fs.readFileSync(output, "utf8")) as WapitiReport;
    let failing = 0;
    console.log(`\n== findings (${pagesCrawled} pages crawled)`);
    for (const [category, found] of [...Object.entries(report.vulnerabilities), ...Object.entries(report.anomalies)]) {
      if (found.length === 0) continue;
      const advisory = ADVISORY.has(category);
      if (!advisory) failing += found.length;
      console.log(`${advisory ? "advisory" : "FINDING "}  ${category}: ${found.length}`);
      for (const f of found.slice(0, 10)) console.log(`    ${f.method} ${f.path}  ${f.info.replace(/\s+/g, " ").slice(0, 160)}`);
    }
    const summary = {
      at: new Date().toISOString(),
      minutes,
      modules: ATTACKS,
      pagesCrawled,
      output: "tests/.tmp/scan-last-output.txt",
      counts: Object.fromEntries(
        [...Object.entries(report.vulnerabilities), ...Object.entries(report.anomalies)].map(([k, v]) => [k, v.length]).filter(([, n]) => (n as number) > 0),
      ),
    };
    fs.writeFileSync(path.join(here, "last-run.json"), JSON.stringify(summary, null, 2) + "\n");
    console.log(failing === 0 ? "\n== no vulnerability found" : `\n== ${failing} finding(s) to fix`);
    process.exitCode = failing === 0 ? 0 : 1;
  } finally {
    cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
