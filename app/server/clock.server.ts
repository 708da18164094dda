/**
 * "Now" for the data requests' statuses and reminders (decision 026). The real time, except under
 * NODE_ENV=test with TEST_CLOCK_FILE set (parseEnv refuses that file in any other mode): then the
 * ISO instant in the file, read on every call, so an end-to-end test moves the clock by writing it.
 */
import { readFileSync } from "node:fs";
import { getEnv } from "~/env.server";

export function appNow(): Date {
  const env = getEnv();
  if (env.NODE_ENV !== "test" || !env.TEST_CLOCK_FILE) return new Date();
  try {
    const at = new Date(readFileSync(env.TEST_CLOCK_FILE, "utf8").trim());
    return Number.isNaN(at.getTime()) ? new Date() : at;
  } catch {
    return new Date();
  }
}
