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
