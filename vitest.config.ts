import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: { "~": path.resolve("app"), "~db": path.resolve("db") },
  },
  test: {
    globals: true,
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "tests/static/**/*.test.ts", "tests/integration/**/*.test.ts", "tests/bench/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // Two cores: more workers only thrash. Each file gets its own database.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
