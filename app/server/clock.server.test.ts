import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";

describe("the test clock (TEST_CLOCK_FILE)", () => {
  it("is refused in production and development: boot fails rather than run on a moved clock", () => {
    expect(() => parseEnv({ NODE_ENV: "production", TEST_CLOCK_FILE: "/tmp/clock" })).toThrow(/TEST_CLOCK_FILE/);
    expect(() => parseEnv({ NODE_ENV: "development", TEST_CLOCK_FILE: "/tmp/clock" })).toThrow(/TEST_CLOCK_FILE/);
  });

  it("is accepted under the test runner", () => {
    expect(parseEnv({ NODE_ENV: "test", TEST_CLOCK_FILE: "/tmp/clock" }).TEST_CLOCK_FILE).toBe("/tmp/clock");
  });
});

describe("the test job interval (TEST_JOBS_EVERY_MS)", () => {
  it("is refused in production and development: the reminder job runs at most once a minute there", () => {
    expect(() => parseEnv({ NODE_ENV: "production", TEST_JOBS_EVERY_MS: "500" })).toThrow(/TEST_JOBS_EVERY_MS/);
    expect(() => parseEnv({ NODE_ENV: "development", TEST_JOBS_EVERY_MS: "500" })).toThrow(/TEST_JOBS_EVERY_MS/);
  });

  it("is accepted under the test runner, as a whole number of milliseconds of at least 50", () => {
    expect(parseEnv({ NODE_ENV: "test", TEST_JOBS_EVERY_MS: "500" }).TEST_JOBS_EVERY_MS).toBe(500);
    expect(parseEnv({ NODE_ENV: "test" }).TEST_JOBS_EVERY_MS).toBeUndefined();
    expect(() => parseEnv({ NODE_ENV: "test", TEST_JOBS_EVERY_MS: "10" })).toThrow(/TEST_JOBS_EVERY_MS/);
    expect(() => parseEnv({ NODE_ENV: "test", TEST_JOBS_EVERY_MS: "soon" })).toThrow(/TEST_JOBS_EVERY_MS/);
  });
});
