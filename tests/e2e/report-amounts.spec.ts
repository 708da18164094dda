import { createOrg, expect, signUp, test, uniqueEmail } from "./helpers";

// issue #15 items 15 and 16: a founder types 2.4m and sees what it means, watches burn and
// runway while typing, starts the next month from the last one, and fills a budget.

const SHOTS = process.env.FORMS_SHOTS_DIR;

test("typing 2.4m echoes $2,400,000.00, runway updates live, copy last month prefills, budget tools fill the grid", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("amounts"), "Ada Amounts");
  const base = await createOrg(page, `Amounts AI ${Date.now()}`);

  await page.goto(`${base}/reports/2026-02`);
  await page.locator('[name="cash"]').fill("2.4m");
  await expect(page.getByTestId("echo-cash")).toHaveText("= $2,400,000.00");
  await page.locator('[name="revenue"]').fill("20k");
  await page.locator('[name="payroll"]').fill("100,000");
  await page.locator('[name="headcount"]').fill("8");
  await expect(page.getByTestId("live-gross")).toHaveText("$100,000");
  await expect(page.getByTestId("live-net")).toHaveText("$80,000");
  await expect(page.getByTestId("live-runway")).toHaveText("30 months");
  // A slip shows at once, before saving, and the figures wait for it.
  await page.locator('[name="compute"]').fill("2,4");
  await expect(page.getByTestId("echo-compute")).toContainText("Commas group thousands in threes");
  await expect(page.getByTestId("live-figures")).toContainText("Correct the amounts marked above");
  await page.locator('[name="compute"]').fill("20k");
  await expect(page.getByTestId("live-runway")).toHaveText("24 months");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/report-1280-en.png`, fullPage: true });
  await page.getByRole("button", { name: "Save month" }).click();
  await expect(page.getByTestId("saved-burn")).toContainText("Net burn $100,000");
  await expect(page.locator('[name="cash"]')).toHaveValue("2,400,000.00");

  // The next month starts from this one; nothing is saved until Save.
  await page.goto(`${base}/reports/2026-03`);
  await page.getByRole("link", { name: "Copy figures from February 2026" }).click();
  await expect(page.locator('[name="cash"]')).toHaveValue("2,400,000.00");
  await expect(page.locator('[name="payroll"]')).toHaveValue("100,000.00");
  await expect(page.getByText("Nothing is saved yet")).toBeVisible();
  await page.locator('[name="cash"]').fill("2.3m");
  await expect(page.getByTestId("live-runway")).toHaveText("23 months");

  // Budget tools: spread 120k over the year, exactly.
  await page.goto(`${base}/budgets?year=2026`);
  await page.locator('[name="spreadCategory"]').selectOption("compute");
  await page.locator('[name="spreadAmount"]').fill("120k");
  await page.getByRole("button", { name: "Spread over 12 months" }).click();
  await expect(page.getByTestId("budget-preview")).toContainText("Nothing is saved yet");
  await expect(page.getByLabel("Compute budget for 2026-07")).toHaveValue("10,000.00");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/budgets-1280-en.png`, fullPage: true });

  if (SHOTS) {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/reports/2026-03?copy=last`);
    await page.screenshot({ path: `${SHOTS}/report-375-en.png`, fullPage: true });
    await page.goto(`${base}/budgets?year=2026`);
    await page.screenshot({ path: `${SHOTS}/budgets-375-en.png`, fullPage: true });
    await page.context().addCookies([{ name: "lang", value: "zh-CN", url: page.url() }]);
    await page.goto(`${base}/reports/2026-03?copy=last`);
    await page.screenshot({ path: `${SHOTS}/report-375-zh.png`, fullPage: true });
    await page.goto(`${base}/budgets?year=2026`);
    await page.screenshot({ path: `${SHOTS}/budgets-375-zh.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/reports/2026-03?copy=last`);
    await page.locator('[name="cash"]').fill("240万");
    await page.screenshot({ path: `${SHOTS}/report-1280-zh.png`, fullPage: true });
    await page.goto(`${base}/budgets?year=2026`);
    await page.screenshot({ path: `${SHOTS}/budgets-1280-zh.png`, fullPage: true });
  }
});
