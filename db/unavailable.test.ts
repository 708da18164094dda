import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "~/server/http.server";
import { databaseUnavailableResponse, isDatabaseUnavailable, isDriverWriteCrash, unavailableAs503 } from "./unavailable";

const withCode = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(code), { code, ...extra });

describe("isDatabaseUnavailable", () => {
  it.each([
    "ECONNREFUSED",
    "ECONNRESET",
    "ETIMEDOUT",
    "CONNECT_TIMEOUT",
    "CONNECTION_CLOSED",
    "CONNECTION_ENDED",
    "CONNECTION_DESTROYED",
    "57P01",
    "57P02",
    "57P03",
    "57014",
    "53300",
    "08006",
    "08001",
    "08P01",
  ])("treats %s as an outage", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it.each(["23505", "23503", "22P02", "40001", "42P01", "P0001"])("leaves SQLSTATE %s (a real error) alone", (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(false);
  });

  it("finds the driver error inside drizzle's DrizzleQueryError", () => {
    expect(isDatabaseUnavailable(new DrizzleQueryError("select 1", [], withCode("ECONNREFUSED")))).toBe(true);
    expect(isDatabaseUnavailable(new DrizzleQueryError("insert …", [], withCode("23505")))).toBe(false);
  });

  it("finds a refused connection inside an AggregateError (Node's happy-eyeballs connect)", () => {
    expect(isDatabaseUnavailable(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")], "connect failed"))).toBe(true);
  });

  it("counts a vanished Unix socket only when connecting", () => {
    expect(isDatabaseUnavailable(withCode("ENOENT", { syscall: "connect" }))).toBe(true);
    expect(isDatabaseUnavailable(withCode("ENOENT", { syscall: "open" }))).toBe(false);
  });

  it("ignores app errors, plain values and cyclic causes", () => {
    expect(isDatabaseUnavailable(new AppError("CONFLICT", { key: "changed meanwhile" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    const a: Error & { cause?: unknown } = new Error("a");
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe("unavailableAs503", () => {
  it("turns an outage into a 503 Response with Retry-After", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const thrown = await unavailableAs503(() => Promise.reject(withCode("ECONNREFUSED"))).catch((e: unknown) => e);
    spy.mockRestore();
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(await response.text()).toBe("Database unavailable");
  });

  it("passes other errors through unchanged", async () => {
    const conflict = new AppError("CONFLICT", { key: "changed meanwhile" });
    await expect(unavailableAs503(() => Promise.reject(conflict))).rejects.toBe(conflict);
  });

  it("retries once only when asked, and only for outages", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const flaky = vi.fn().mockRejectedValueOnce(withCode("57P01")).mockResolvedValueOnce("ok");
    await expect(unavailableAs503(flaky, { retryOnce: true })).resolves.toBe("ok");
    expect(flaky).toHaveBeenCalledTimes(2);

    const once = vi.fn().mockRejectedValueOnce(withCode("57P01")).mockResolvedValueOnce("ok");
    await expect(unavailableAs503(once)).rejects.toBeInstanceOf(Response);
    expect(once).toHaveBeenCalledTimes(1);

    const down = vi.fn().mockRejectedValue(withCode("ECONNREFUSED"));
    await expect(unavailableAs503(down, { retryOnce: true })).rejects.toBeInstanceOf(Response);
    expect(down).toHaveBeenCalledTimes(2);

    const real = vi.fn().mockRejectedValue(withCode("23505"));
    await expect(unavailableAs503(real, { retryOnce: true })).rejects.toMatchObject({ code: "23505" });
    expect(real).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it("builds the same 503 for every outage", () => {
    const response = databaseUnavailableResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
  });
});

describe("isDriverWriteCrash", () => {
  it("recognises postgres.js's null-socket write from its stack", () => {
    const crash = new TypeError("Cannot read properties of null (reading 'write')");
    crash.stack = `TypeError: Cannot read properties of null (reading 'write')
    at Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)
    at process.processImmediate (node:internal/timers:483:21)`;
    expect(isDriverWriteCrash(crash)).toBe(true);
  });

  it("does not swallow the same message from anywhere else", () => {
    const other = new TypeError("Cannot read properties of null (reading 'write')");
    other.stack = `TypeError: Cannot read properties of null (reading 'write')
    at render (file:///app/build/index.js:10:5)`;
    expect(isDriverWriteCrash(other)).toBe(false);
    expect(isDriverWriteCrash(new Error("Cannot read properties of null (reading 'write')"))).toBe(false);
  });
});
