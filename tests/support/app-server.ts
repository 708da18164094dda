import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Database } from "../../db/client";
import { TEST_PASSWORD } from "./test-password";
import { openTestDatabase } from "./test-db";
import { first } from "./at";
import { captureLogs, type LogCapture } from "./log-capture";

interface BuiltApp {
  entry: { module: { useDatabase(database: Database): void; getEnv(): Record<string, unknown> } };
}

export interface TestApp {
  url: string;
  database: Database;
  close(): Promise<void>;
  /** A cookie-keeping client that sends our own Origin on posts, like a browser would. */
  client(): TestClient;
  /** A client logged in as `email` (every test user's password is TEST_PASSWORD unless given). */
  signIn(email: string, password?: string): Promise<TestClient>;
}

/**
 * The real production HTTP stack (server.mjs + the built Remix app) on a fresh database,
 * in this process, on a random port. Run `npm run build` first (npm test does).
 */
export async function startTestApp(): Promise<TestApp> {
  process.env.COOKIE_SECURE ??= "true";
  // Tests speak for other client addresses through X-Forwarded-For from loopback.
  process.env.TRUST_PROXY ??= "loopback";
  const database = await openTestDatabase();
  // Plain JS produced by `remix build`; imported by a computed path so tsc does not chase it.
  const buildPath = `../../${process.env.BUILD_DIR || "build"}/index.js`;
  const build = (await import(/* @vite-ignore */ buildPath)) as BuiltApp;
  build.entry.module.useDatabase(database);
  const { createApp } = await import("../../server.mjs");
  const app = createApp({ build, env: { ...build.entry.module.getEnv(), NODE_ENV: "production" } });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    database,
    client: () => new TestClient(url),
    signIn: async (email, password = TEST_PASSWORD) => {
      const client = new TestClient(url);
      await client.login(email, password);
      return client;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}

/**
 * startTestApp with the process's log output captured from before the app starts, for tests that read
 * what an operator would see. The app's close() also gives the terminal its output back.
 */
export async function startTestAppCapturingLogs(): Promise<{ app: TestApp; logs: LogCapture }> {
  const logs = captureLogs();
  const app = await startTestApp();
  const closeApp = app.close;
  app.close = async () => {
    await closeApp();
    logs.restore();
  };
  return { app, logs };
}

export class TestClient {
  cookies = new Map<string, string>();
  lastSetCookie: string[] = [];
  constructor(public base: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    this.lastSetCookie = response.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const pair = first(line.split(";"));
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(this.base + path, { redirect: "manual", headers: { Cookie: this.cookieHeader(), ...headers } });
    this.remember(response);
    return response;
  }

  /** A form post; an array value sends the field once per item (checkbox groups). */
  async post(path: string, form: Record<string, string | number | readonly string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams(Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((item) => [k, item]) : [[k, String(v)]])));
    const response = await fetch(this.base + path, {
      method: "POST",
      redirect: "manual",
      body,
      headers: { Cookie: this.cookieHeader(), Origin: this.base, ...headers },
    });
    this.remember(response);
    return response;
  }

  /** Posts multipart form data (file uploads). */
  async postMultipart(path: string, form: FormData, headers: Record<string, string> = {}) {
    const response = await fetch(this.base + path, {
      method: "POST",
      redirect: "manual",
      body: form,
      headers: { Cookie: this.cookieHeader(), Origin: this.base, ...headers },
    });
    this.remember(response);
    return response;
  }

  async login(email: string, password: string, headers: Record<string, string> = {}) {
    const response = await this.post("/login", { email, password }, headers);
    if (response.status !== 302) throw new Error(`login failed for ${email}: ${response.status}`);
    return response;
  }
}
