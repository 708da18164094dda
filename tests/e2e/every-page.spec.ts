import { DEMO_PASSWORD, expect, logIn, test } from "./helpers";

// Each page of the demo, loaded in a real browser: the fixture in helpers.ts fails the test
// on any console error, which is how a route module that cannot run in the browser (or a
// hydration mismatch) shows up. Links are followed by clicking, so client navigation runs too.
const SECTIONS = ["Monthly reports", "Budgets", "Funding rounds", "Debt", "Risks", "Members", "Settings", "Audit log", "Dashboard"];

test("every startup page loads and hydrates without errors", async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, "founder@demo.capitaldesk.dev", DEMO_PASSWORD);
  await page.goto("/o/tensorleaf");
  for (const section of SECTIONS) {
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: section, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  }
  // Detail and import pages.
  for (const path of ["/o/tensorleaf/reports/new", "/o/tensorleaf/reports/import", "/o/tensorleaf/budgets/import", "/o/tensorleaf/metrics/import"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  }
  await page.goto("/o/tensorleaf/reports");
  await page.locator('a[href^="/o/tensorleaf/reports/20"]').first().click();
  await expect(page.locator('[name="cash"]')).not.toHaveValue("");
  await page.goto("/o/tensorleaf/rounds");
  await page.locator('a[href^="/o/tensorleaf/rounds/"]').first().click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.goto("/o/tensorleaf/debt");
  await page.locator('a[href^="/o/tensorleaf/debt/"]').first().click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.goto("/o/tensorleaf/risks");
  await page.locator('a[href^="/o/tensorleaf/risks/"]').first().click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
});

test("a failed save keeps what the user typed", async ({ page }) => {
  await logIn(page, "founder@demo.capitaldesk.dev", DEMO_PASSWORD);
  await page.goto("/o/lumen-labs/reports/2001-01");
  await page.locator('[name="cash"]').fill("123456");
  await page.locator('[name="revenue"]').fill("-5");
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByText(/cannot be negative/i).first()).toBeVisible();
  await expect(page.locator('[name="cash"]')).toHaveValue("123456");
});

test("the investor and the viewer pages load without errors", async ({ page }) => {
  await logIn(page, "investor@demo.capitaldesk.dev", DEMO_PASSWORD);
  await page.goto("/o/northwind-ventures");
  await expect(page.getByRole("heading", { level: 1, name: "Northwind Ventures" })).toBeVisible();
  // Every investor page on the demo portfolio: each loads, hydrates and shows its heading.
  for (const path of [
    "/o/northwind-ventures/portfolio",
    "/o/northwind-ventures/portfolio/risks?likelihood=4&impact=4",
    "/o/northwind-ventures/alerts",
    "/o/northwind-ventures/alerts/rules",
    "/o/northwind-ventures/companies",
    "/o/northwind-ventures/companies/lumen-labs",
    "/o/northwind-ventures/companies/quanta-speech",
    "/o/northwind-ventures/positions",
    "/o/northwind-ventures/fx",
    "/o/northwind-ventures/fx/import",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
  }
  // The demo portfolio shows every chart and at least one alert of each kind.
  await page.goto("/o/northwind-ventures/portfolio");
  await expect(page.locator("canvas")).toHaveCount(3);
  await expect(page.getByTestId("portfolio-heat-map")).toBeVisible();
  await page.goto("/o/northwind-ventures/alerts");
  for (const kind of ["Runway", "Report overdue", "Risk score", "Budget overrun", "Covenant", "Default dead"]) {
    await expect(page.getByRole("row", { name: new RegExp(kind) }).first(), kind).toBeVisible();
  }
  await page.getByRole("button", { name: "Log out" }).click();
  await logIn(page, "viewer@demo.capitaldesk.dev", DEMO_PASSWORD);
  for (const path of ["/o/lumen-labs", "/o/lumen-labs/reports", "/o/lumen-labs/budgets", "/o/lumen-labs/rounds", "/o/lumen-labs/debt", "/o/lumen-labs/risks"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: /^(Save|Record|Add)/ })).toHaveCount(0);
  }
});
