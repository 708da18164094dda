// Decision 033: the build's scripts and stylesheets are compressed once, at build time
// (scripts/precompress.mjs, brotli 11 and gzip 9), and sent as they are to a browser that accepts
// them; pages and data are still compressed as they go.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app-server";

const customDir = process.env.BUILD_DIR && process.env.BUILD_DIR !== "build" ? process.env.BUILD_DIR : undefined;
const assetsDir = path.resolve(customDir ? path.join(customDir, "public/build") : "public/build");

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(() => app?.close());

/** The raw answer: bytes as sent, not decoded (fetch would decode them). */
function rawGet(url: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: acceptEncoding === undefined ? {} : { "Accept-Encoding": acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
  });
}

const onDisk = (url: string) => fs.readFileSync(path.join(assetsDir, url.replace(/^\/build\//, "")));

/** The sign-in page's stylesheet and its largest module script (React's chunk), as the page links them. */
async function assetsOfSignIn(): Promise<string[]> {
  const html = await (await app.client().get("/login")).text();
  const stylesheet = /<link rel="stylesheet" href="(\/build\/[^"]+\.css)"/.exec(html)?.[1];
  const scripts = [...html.matchAll(/<link rel="modulepreload" href="(\/build\/[^"]+\.js)"/g)].map((match) => match[1] ?? "");
  expect(stylesheet, "the sign-in page links a stylesheet").toBeDefined();
  expect(scripts.length, "the sign-in page preloads its scripts").toBeGreaterThan(1);
  const largest = scripts.reduce((a, b) => (onDisk(a).length >= onDisk(b).length ? a : b));
  return [stylesheet!, largest];
}

describe("the build's scripts and stylesheets", () => {
  it("every one over 1 KB has a brotli and a gzip copy that decode to it", () => {
    const files = fs.readdirSync(assetsDir, { recursive: true, encoding: "utf8" }).filter((file) => /\.(js|css)$/.test(file));
    expect(files.length).toBeGreaterThan(20);
    const checked = files.filter((file) => fs.statSync(path.join(assetsDir, file)).size > 1024);
    expect(checked.length).toBeGreaterThan(10);
    for (const file of checked) {
      const original = fs.readFileSync(path.join(assetsDir, file));
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(assetsDir, `${file}.br`))).equals(original), `${file}.br`).toBe(true);
      expect(zlib.gunzipSync(fs.readFileSync(path.join(assetsDir, `${file}.gz`))).equals(original), `${file}.gz`).toBe(true);
    }
  });

  it("go to a browser that accepts brotli as the brotli copy, with their type, caching and security headers", async () => {
    for (const url of await assetsOfSignIn()) {
      const answer = await rawGet(app.url + url, "gzip, deflate, br, zstd");
      expect(answer.status, url).toBe(200);
      expect(answer.headers["content-encoding"], url).toBe("br");
      // The prepared copy itself, byte for byte: nothing was compressed again on the way.
      expect(answer.body.equals(fs.readFileSync(path.join(assetsDir, `${url.replace(/^\/build\//, "")}.br`))), url).toBe(true);
      expect(zlib.brotliDecompressSync(answer.body).equals(onDisk(url)), url).toBe(true);
      expect(answer.headers["content-type"], url).toMatch(url.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
      expect(answer.headers.vary, url).toMatch(/Accept-Encoding/i);
      expect(answer.headers["cache-control"], url).toBe("public, max-age=31536000, immutable");
      expect(answer.headers["x-content-type-options"], url).toBe("nosniff");
      expect(answer.headers["content-security-policy"], url).toContain("default-src 'self'");
    }
  });

  it("go to a browser that accepts only gzip as the gzip copy, and to one that accepts neither as they are", async () => {
    for (const url of await assetsOfSignIn()) {
      const gzipped = await rawGet(app.url + url, "gzip");
      expect(gzipped.headers["content-encoding"], url).toBe("gzip");
      expect(zlib.gunzipSync(gzipped.body).equals(onDisk(url)), url).toBe(true);
      const plain = await rawGet(app.url + url);
      expect(plain.headers["content-encoding"], url).toBeUndefined();
      expect(plain.body.equals(onDisk(url)), url).toBe(true);
    }
  });

  it("a missing one is still a plain 404, whatever the browser accepts", async () => {
    const answer = await rawGet(`${app.url}/build/no-such-file.js`, "gzip, deflate, br");
    expect(answer.status).toBe(404);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.toString()).toBe("Not found");
  });

  it("a malformed path is the same plain 400 as anywhere else, not the compression library's HTML", async () => {
    const elsewhere = await rawGet(`${app.url}/o/%E0%A4%A`, "br");
    expect(elsewhere.status).toBe(400);
    for (const url of ["/build/%E0%A4%A.js", "/build/_shared/%E0%A4%A"]) {
      const answer = await rawGet(app.url + url, "gzip, deflate, br");
      expect(answer.status, url).toBe(400);
      expect(answer.headers["content-type"], url).toBe(elsewhere.headers["content-type"]);
      expect(answer.body.toString(), url).toBe(elsewhere.body.toString());
      expect(answer.headers["content-security-policy"], url).toContain("default-src 'self'");
    }
  });

  it("pages are still compressed as they go", async () => {
    const answer = await rawGet(`${app.url}/login`, "gzip, deflate, br");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(zlib.brotliDecompressSync(answer.body).toString()).toContain("<form");
  });
});
