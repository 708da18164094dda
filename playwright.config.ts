import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";

const PORT = Number(process.env.E2E_PORT ?? 3330);
const dataDir = `tests/.tmp/e2e-data-${PORT}`;
const chromium = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// The production build on a fresh embedded database (or the DATABASE_URL database, seeded
// explicitly, since the app never seeds a real server on its own).
const serve = process.env.DATABASE_URL ? "npm run db:seed && node server.mjs" : `rm -rf ${dataDir} && node server.mjs`;

export default defineConfig({
  testDir: "tests/e2e",
  // Per port, so two runs side by side (E2E_PORT) do not wipe each other's traces.
  outputDir: `test-results/${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        },
      },
    },
  ],
  webServer: {
    command: serve,
    url: `http://localhost:${PORT}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      // Production on PostgreSQL needs a key for two-factor secrets (decision 021); a test-only key.
      ...(process.env.DATABASE_URL ? { TOTP_ENCRYPTION_KEY: "ZTJlLXRlc3Qtb25seS10b3RwLWtleS0zMi1ieXRlcyE=" } : {}),
    },
  },
});
