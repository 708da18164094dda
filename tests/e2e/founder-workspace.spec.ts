import { createOrg, expect, signUp, test, uniqueEmail } from "./helpers";
import { axeProblems, PHONE } from "./a11y-support";
import { importReports, REPORTS_CSV_HEADER } from "./support/company-set-up";
import { addRisk, fillFields, recordRound } from "./support/founder-forms";

// The spec's worked example (product.md, "Definitions"): with reports for 2026-01 … 2026-04
// and cash 1,200,000 at 2026-04, runway is 9.2 months, cash-out 2027-02, and the company is
// default alive, profitable from 2026-11. The debt facility below matured in 2024, so it adds
// no debt service to the forecast.
const csvYear = [
  REPORTS_CSV_HEADER,
  ...["2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"].map(
    (m, i) => `${m},${2_900_000 - i * 110_000},15000,40000,10000,60000,5000,5000,5000,5000,8,`,
  ),
  "2026-01,1590000,20000,50000,10000,60000,5000,5000,5000,5000,9,",
].join("\n");

const months = [
  { month: "2026-02", headcount: "9", cash: "1460000", revenue: "20000", compute: "50000", payroll: "100000" },
  { month: "2026-03", headcount: "10", cash: "1330000", revenue: "30000", compute: "60000", payroll: "100000" },
  { month: "2026-04", headcount: "10", cash: "1200000", revenue: "40000", compute: "70000", payroll: "100000" },
];

test("a founder records capital, reports, budget and risk, and reads the dashboard", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, uniqueEmail("cfo"), "Cai Fong");
  const base = await createOrg(page, `Worked Example AI ${Date.now()}`);

  // A funding round: post-money and dilution are derived.
  await recordRound(page, base, {
    instrument: "seed",
    closeDate: "2025-06-15",
    amount: "2000000",
    preMoneyValuation: "8000000",
    leadInvestor: "Test Capital",
  });
  const row = page.getByTestId("round-row").first();
  await expect(row).toContainText("$10,000,000");
  await expect(row).toContainText("20");

  // A debt facility that matured long ago, with its schedule.
  await page.goto(`${base}/debt`);
  await fillFields(page, {
    lender: "Old Bank",
    kind: "bank_loan",
    principal: "100000",
    annualRatePercent: "10",
    drawDate: "2023-01-10",
    termMonths: "12",
    repaymentType: "bullet",
  });
  await page.getByRole("button", { name: "Record facility" }).click();
  await page.getByRole("link", { name: "Old Bank" }).first().click();
  await expect(page.getByText("2024-01").first()).toBeVisible();

  // A CSV year: check, preview, confirm.
  await importReports(page, base, csvYear, 12, "year.csv");

  // Three monthly reports through the form.
  for (const m of months) {
    await page.goto(`${base}/reports/${m.month}`);
    for (const [field, value] of Object.entries(m)) {
      if (field !== "month") await page.locator(`[name="${field}"]`).fill(value);
    }
    await page.getByRole("button", { name: /Save (month|changes)/ }).click();
    await expect(page.getByTestId("saved-burn")).toContainText("Net burn $130,000");
  }

  // A budget for 2026-04 compute, overrun by actual spend of 70,000.
  await page.goto(`${base}/budgets?year=2026`);
  await page.getByLabel("Compute budget for 2026-04").fill("50000");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByText("Over budget").first()).toBeVisible();

  // A risk.
  await page.goto(`${base}/risks`);
  await addRisk(page, { title: "GPU shortage delays training", category: "technical", likelihood: "4", impact: "5" });

  // The dashboard, read as the definitions say.
  await page.goto(base);
  await expect(page.getByTestId("card-cash")).toContainText("$1,200,000");
  await expect(page.getByTestId("card-net-burn")).toContainText("$130,000");
  await expect(page.getByTestId("card-runway")).toContainText("9.2");
  await expect(page.getByTestId("card-cash-out")).toContainText("Feb 2027");
  await expect(page.getByTestId("card-default-alive")).toContainText(/alive/i);
  await expect(page.getByTestId("card-default-alive")).toContainText("Nov 2026");
});

test("a save says so in a toast: announced, closable, paused while pointed at, gone on reload", async ({ page }) => {
  test.setTimeout(120_000);
  // Timers under the test's control (time still flows), so the 6-second dismissal is checked without waiting for it.
  await page.clock.install();
  await page.setViewportSize(PHONE);
  await signUp(page, uniqueEmail("toast"), "Tess Oakes");
  const base = await createOrg(page, `Toast Works AI ${Date.now()}`);

  const recordSeed = (amount: string) => recordRound(page, base, { instrument: "seed", closeDate: "2025-06-15", amount });

  await recordSeed("1000000");
  const toast = page.getByRole("status").filter({ hasText: "Round recorded." });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText("Done"); // the tone in words
  await expect(page).toHaveURL(new RegExp(`${base}/rounds$`)); // no ?notice= in the address
  // On a phone it sits at the bottom inside the margins: nothing scrolls sideways, and axe is content.
  const box = (await toast.getByTestId("toast").boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.y + box.height).toBeGreaterThan(PHONE.height - 120);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  expect(await axeProblems(page, "rounds with a toast")).toEqual([]);

  // Pointed at, it stays past its six seconds; left alone, it goes.
  await toast.getByTestId("toast").hover();
  await page.clock.fastForward(7_000);
  await expect(toast).toBeVisible();
  await page.mouse.move(2, 2);
  await page.clock.fastForward(7_000);
  await expect(toast).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("round-row")).toHaveCount(1);
  await expect(page.getByText("Round recorded.")).toHaveCount(0);

  // The close button (named) dismisses it; a reload does not bring it back.
  await recordSeed("2000000");
  await expect(toast).toBeVisible();
  await toast.getByRole("button", { name: "Dismiss notification" }).click();
  await expect(page.getByText("Round recorded.")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("round-row")).toHaveCount(2);
  await expect(page.getByText("Round recorded.")).toHaveCount(0);
});
