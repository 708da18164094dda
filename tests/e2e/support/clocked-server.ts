import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

/*
 * A second app server for journeys that need the test clock (decision 026): the normal e2e server
 * runs NODE_ENV=production, where TEST_CLOCK_FILE and TEST_JOBS_EVERY_MS are refused. This one runs
 * the same build (server.mjs) with NODE_ENV=test, its clock in a file the test rewrites, its mail
 * going to an SMTP server of the test's, and its scheduled jobs every `jobsEveryMs`.
 *
 * Its database is its own, so it never disturbs the main e2e server's: on the PostgreSQL run
 * (DATABASE_URL set) a scratch database beside it, created here and dropped afterwards; otherwise
 * an embedded (PGlite) data directory in a temporary folder.
 */

export interface ClockedServer {
  origin: string;
  /** Moves the server's "now" (appNow) to `at`. */
  setClock(at: Date): void;
  stop(): Promise<void>;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function scratchPostgres(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const base = decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
  const name = `${base}_clocked_${process.pid}`.slice(0, 63);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabaseName(url, name),
    drop: async () => {
      const dropper = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export async function startClockedServer(options: {
  port: number;
  smtpUrl: string;
  start: Date;
  jobsEveryMs: number;
  logFile: string;
}): Promise<ClockedServer> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cd-clocked-"));
  const clockFile = path.join(folder, "clock");
  const setClock = (at: Date) => fs.writeFileSync(clockFile, at.toISOString());
  setClock(options.start);
  const scratch = process.env.DATABASE_URL ? await scratchPostgres(process.env.DATABASE_URL) : null;
  const origin = `http://localhost:${options.port}`;
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const out = fs.openSync(options.logFile, "w");
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      PORT: String(options.port),
      APP_ORIGIN: origin,
      SMTP_URL: options.smtpUrl,
      MAIL_FROM: "Capital Desk <no-reply@desk.test>",
      MAIL_POLL_MS: "200",
      TEST_CLOCK_FILE: clockFile,
      TEST_JOBS_EVERY_MS: String(options.jobsEveryMs),
      DEMO_DATA: "off",
      ...(scratch ? { DATABASE_URL: scratch.url } : { DATABASE_URL: "", DATA_DIR: path.join(folder, "data") }),
    },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    await scratch?.drop();
    fs.rmSync(folder, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the clocked server exited during startup; log:\n${fs.readFileSync(options.logFile, "utf8")}`);
    }
    const ready = await fetch(`${origin}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() - started > 120_000) {
      await stop();
      throw new Error("the clocked server did not become ready within 120 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { origin, setClock, stop };
}
