// The benchmark's moving parts: the production server as a child process, signing in over
// HTTP like a browser (Origin header, session cookie), and autocannon runs whose latencies
// are taken per response (float milliseconds), so sub-millisecond pages are not rounded away.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { freePort } from "../support/free-port";

export interface AcRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Tag: only responses of requests with `measure: true` are counted (a read before a save is not). */
  measure?: boolean;
  setupRequest?: (req: AcRequest, context: Record<string, unknown>) => AcRequest | null;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface AcInstance {
  on(event: "response", fn: (client: { requestIterator: { currentRequest: AcRequest } }, status: number, bytes: number, ms: number) => void): void;
  stop(): void;
}
type Autocannon = (
  opts: Record<string, unknown>,
  cb: (error: Error | null, result: { errors: number; timeouts: number; duration: number }) => void,
) => AcInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export { freePort };

export interface RunningServer {
  base: string;
  pid: number;
  /** The process's exit code once it has ended (null: ended by a signal). */
  exit: Promise<number | null>;
  stop(): Promise<void>;
}

/** `node server.mjs` in production mode on a free port; resolves once /readyz answers 200. */
export async function startServer(root: string, env: Record<string, string>, logFile: string, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const out = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "server.mjs"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", APP_ORIGIN: "", DEMO_DATA: "off", ...env, PORT: String(port) },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 12_000);
    await exited;
    clearTimeout(timer);
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during startup; log: ${logFile}`);
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      )
    )
      break;
    if (Date.now() - started > 90_000) {
      await stop();
      throw new Error(`the server did not become ready within 90 s; log: ${logFile}`);
    }
    await sleep(200);
  }
  return { base, pid: child.pid!, exit, stop };
}

/** POST /login as a browser would (our Origin); returns the `cd_session=…` cookie pair. */
export { signInCookie as signIn } from "../support/sign-in-cookie";

export interface Measurement {
  connections: number;
  seconds: number;
  count: number;
  median: number;
  p95: number;
  p99: number;
  mean: number;
  perSecond: number;
  statuses: Record<string, number>;
  errors: number;
  /** Mean response size in bytes (as sent: gzip when asked for). */
  bytes: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Runs `requests` in a loop on `connections` connections for `seconds` (after `warmup`
 * seconds whose responses are thrown away: JIT, caches, the pool's connections).
 */
export async function measure(base: string, requests: AcRequest[], connections: number, seconds: number, warmup = 2): Promise<Measurement> {
  if (warmup > 0) await runAutocannon(base, requests, connections, warmup, () => {});
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const result = await runAutocannon(base, requests, connections, seconds, (req, status, size, ms) => {
    if (req.measure === false) return;
    latencies.push(ms);
    bytes += size;
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  latencies.sort((a, b) => a - b);
  const elapsed = result.duration || seconds;
  return {
    connections,
    seconds: round(elapsed),
    count: latencies.length,
    median: round(percentile(latencies, 50), 2),
    p95: round(percentile(latencies, 95), 2),
    p99: round(percentile(latencies, 99), 2),
    mean: round(latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length), 2),
    perSecond: round(latencies.length / elapsed),
    statuses,
    errors: result.errors,
    bytes: Math.round(bytes / Math.max(1, latencies.length)),
  };
}

function runAutocannon(
  base: string,
  requests: AcRequest[],
  connections: number,
  seconds: number,
  onResponse: (req: AcRequest, status: number, bytes: number, ms: number) => void,
) {
  return new Promise<{ errors: number; duration: number }>((resolve, reject) => {
    const instance = autocannon({ url: base, connections, duration: seconds, timeout: 30, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on("response", (client, status, bytes, ms) => onResponse(client.requestIterator.currentRequest, status, bytes, ms));
  });
}
