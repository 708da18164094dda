import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./helpers";
import { DEMO, PHONE, settle, signedInPage } from "./a11y-support";

/*
 * Issue #8: screenshots of the main pages on the demo data, taken by the suite so they show
 * the app as it is. Full-page PNGs at desktop width (and two on a 375 px phone) written to
 * docs/screenshots/ (listed in its README); each must stay under 500 KB, so very long pages
 * are cut (MAX_PIXELS).
 */

// Every run takes them (a broken page fails here); only UPDATE_SCREENSHOTS=1 rewrites the committed
// copies in docs/screenshots, so `npm test` does not leave the tree changed (the demo's months follow today's date).
const OUT = path.resolve(process.env.UPDATE_SCREENSHOTS === "1" ? "docs/screenshots" : "test-results/screenshots");
const MAX_BYTES = 500 * 1024;
/** Long pages are cut at this many pixels (2,600 px high on a desktop, more on a phone), to keep each file small. */
const MAX_PIXELS = 1024 * 2_600;
/** A laptop's width: wide enough for the two-column layouts, small enough to keep the files light. */
const DESKTOP = { width: 1024, height: 768 };

type Shot = { file: string; path: string | ((page: Page) => Promise<string>) };

/** The newest month on the reports list: the form a founder fills in every month. */
async function latestReport(page: Page) {
  await page.goto("/o/tensorleaf/reports");
  const href = await page.locator('a[href^="/o/tensorleaf/reports/20"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

const FOUNDER_SHOTS: Shot[] = [
  { file: "startup-dashboard.png", path: "/o/tensorleaf" },
  { file: "monthly-report-form.png", path: latestReport },
  { file: "budgets.png", path: "/o/tensorleaf/budgets" },
  { file: "risks.png", path: "/o/tensorleaf/risks" },
  { file: "custom-metrics.png", path: "/o/tensorleaf/metrics" },
  { file: "requests-inbox.png", path: "/o/tensorleaf/requests" },
  { file: "metrics-import.png", path: "/o/tensorleaf/metrics/import" },
  { file: "investor-updates.png", path: "/o/tensorleaf/updates" },
];
const INVESTOR_SHOTS: Shot[] = [
  { file: "fund-overview.png", path: "/o/northwind-ventures/overview" },
  { file: "investor-portfolio.png", path: "/o/northwind-ventures/portfolio" },
  { file: "alerts.png", path: "/o/northwind-ventures/alerts" },
  { file: "company-view.png", path: "/o/northwind-ventures/companies/lumen-labs" },
  { file: "positions.png", path: "/o/northwind-ventures/positions" },
  { file: "data-collection.png", path: "/o/northwind-ventures/collection" },
  { file: "invite-company.png", path: "/o/northwind-ventures/collection/invite" },
];

async function shoot(page: Page, shot: Shot) {
  const target = typeof shot.path === "string" ? shot.path : await shot.path(page);
  const response = await page.goto(target);
  expect(response?.status(), target).toBe(200);
  await settle(page);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const file = path.join(OUT, shot.file);
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  const clip = { x: 0, y: 0, width, height: Math.min(height, Math.floor(MAX_PIXELS / width)) };
  await page.screenshot({ path: file, fullPage: true, clip, type: "png", animations: "disabled", caret: "hide" });
  const size = fs.statSync(file).size;
  expect(size, `${shot.file} is ${Math.round(size / 1024)} KB`).toBeLessThan(MAX_BYTES);
}

/** One signed-in page per user: the desktop shots, then the phone shots on the same page made 375 px wide. */
async function shootAll(browser: Browser, email: string | null, shots: Shot[], phoneShots: Shot[] = []) {
  const { page, errors } = await signedInPage(browser, email);
  await page.setViewportSize(DESKTOP);
  for (const shot of shots) await shoot(page, shot);
  await page.setViewportSize(PHONE);
  for (const shot of phoneShots) await shoot(page, shot);
  await page.context().close();
  expect(errors, "errors in the browser console").toEqual([]);
}

test.beforeAll(() => fs.mkdirSync(OUT, { recursive: true }));

test("screenshots of the founder's pages", async ({ browser }) => {
  await shootAll(browser, DEMO.founder, FOUNDER_SHOTS, [{ file: "phone-startup-dashboard.png", path: "/o/tensorleaf" }]);
});

test("screenshots of the investor's pages", async ({ browser }) => {
  await shootAll(browser, DEMO.investor, INVESTOR_SHOTS, [{ file: "phone-investor-portfolio.png", path: "/o/northwind-ventures/portfolio" }]);
});

test("screenshot of the login page", async ({ browser }) => {
  await shootAll(browser, null, [{ file: "login.png", path: "/login" }]);
});
