// Graceful shutdown (issue #14, item 7): the real server (`node server.mjs`, the production
// build) gets SIGTERM while a request is still arriving. It stops listening at once (a new
// connection is refused), lets that request finish against the database, closes the
// connection after the answer, closes the database and exits 0; a request that never ends is
// cut after the 10 s bound and the process still exits 0 (server/shutdown.mjs).
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../bench/harness";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { scratchDatabase, type ScratchTarget } from "../support/scratch-db";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const GRACE_MS = 10_000;

let target: ScratchTarget;
let email: string;
const logs: string[] = [];

beforeAll(async () => {
  target = await scratchDatabase();
  const database = await target.open();
  ({ email } = (await makeOrgWithOwner(database, "startup", "Shutdown Labs")).owner);
  await database.close();
});

afterAll(async () => {
  await target?.drop();
});

async function start(): Promise<RunningServer & { log: string }> {
  const log = path.join(os.tmpdir(), `cd-shutdown-${process.pid}-${logs.length}.log`);
  logs.push(log);
  const where: Record<string, string> = target.url ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir! };
  const server = await startServer(root, { ...where, LOG_LEVEL: "info", BUILD_DIR: process.env.BUILD_DIR ?? "" }, log);
  return { ...server, log };
}

async function until(what: string, check: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The JSON lines the server wrote. */
function lines(log: string): Record<string, unknown>[] {
  return fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** A sign-in POST whose body is sent only when `finish()` is called: a request in flight. */
function slowSignIn(base: string) {
  const body = new URLSearchParams({ email, password: TEST_PASSWORD }).toString();
  const half = Math.floor(body.length / 2);
  const request = http.request(`${base}/login`, {
    method: "POST",
    agent: new http.Agent({ keepAlive: true }),
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) },
  });
  let socketClosed = false;
  request.on("socket", (socket) => socket.on("close", () => (socketClosed = true)));
  const answer = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(response));
    });
    request.on("error", reject);
  });
  request.write(body.slice(0, half));
  return { answer, finish: () => request.end(body.slice(half)), socketClosed: () => socketClosed };
}

/** Resolves with the error code of a fresh TCP connection to the port, or "connected". */
function connect(base: string): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe("graceful shutdown on SIGTERM", () => {
  it("refuses new connections, finishes the request in flight, closes its connection and the database, and exits 0", async () => {
    const server = await start();
    try {
      const slow = slowSignIn(server.base);
      // The server has the request (its headers and half its body) before the signal.
      await new Promise((resolve) => setTimeout(resolve, 300));
      process.kill(server.pid, "SIGTERM");
      await until("the shutdown log line", () => lines(server.log).some((l) => l.msg === "shutting down"));

      expect(await connect(server.base)).toBe("ECONNREFUSED");

      slow.finish();
      const answer = await slow.answer;
      // Signed in: the request ran to its end against the database while the server drained.
      expect(answer.statusCode).toBe(302);
      expect(answer.headers["set-cookie"]?.some((c) => c.startsWith("cd_session="))).toBe(true);
      // Its keep-alive connection is closed after the answer, well before the bound.
      await until("the connection to close", slow.socketClosed, 2_000);

      expect(await server.exit).toBe(0);
      const messages = lines(server.log).map((l) => l.msg);
      expect(messages).toEqual(expect.arrayContaining(["shutting down", "drained", "stopped"]));
      const stopped = lines(server.log).find((l) => l.msg === "stopped")!;
      expect(Number(stopped.ms)).toBeLessThan(GRACE_MS);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it("cuts a request that never ends after the bound, and still closes the database and exits 0", async () => {
    const server = await start();
    try {
      const stuck = slowSignIn(server.base);
      stuck.answer.catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 300));
      const signalled = Date.now();
      process.kill(server.pid, "SIGTERM");
      expect(await server.exit).toBe(0);
      const took = Date.now() - signalled;
      expect(took).toBeGreaterThanOrEqual(GRACE_MS - 500);
      expect(took).toBeLessThan(GRACE_MS + 4_000);
      expect(stuck.socketClosed()).toBe(true);
      expect(lines(server.log).map((l) => l.msg)).toContain("stopped");
    } finally {
      await server.stop();
    }
  }, 120_000);
});
