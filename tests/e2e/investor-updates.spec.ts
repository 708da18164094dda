import { axeProblems } from "./a11y-support";
import { createOrg, expect, signUp, test, uniqueEmail } from "./helpers";

/** `YYYY-MM` of the month `offset` months from now (UTC). */
function monthFromNow(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
}

// The spec's worked example, ending three months ago: runway 1,200,000 / 130,000 = 9.2 months.
const LAST = -3;
const csv = [
  "month,cash,revenue,compute,data,payroll,research,go_to_market,general_admin,other,headcount,arr",
  `${monthFromNow(LAST - 3)},1500000,20000,0,0,140000,0,0,0,0,9,`,
  `${monthFromNow(LAST - 2)},1400000,20000,0,0,150000,0,0,0,0,9,`,
  `${monthFromNow(LAST - 1)},1300000,30000,0,0,160000,0,0,0,0,10,`,
  `${monthFromNow(LAST)},1200000,40000,0,0,170000,0,0,0,0,10,`,
].join("\n");

test("a founder composes an update with a live runway card and sends it; the investor opens it from the feed; the founder sees the view", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const company = `Vellum AI ${Date.now()}`;
  await signUp(page, uniqueEmail("founder"), "Fen Lu");
  const base = await createOrg(page, company);
  await page.goto(`${base}/reports/import`);
  await page.locator('input[type="file"]').setInputFiles({ name: "reports.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check file" }).click();
  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByText("4 added, 0 changed").first()).toBeVisible();
  await page.goto(`${base}/investors`);
  const code = (await page.getByTestId("share-code").textContent())?.trim() ?? "";

  // The investor asks for access; the founder approves every section (updates included).
  const investorContext = await browser.newContext();
  const investor = await investorContext.newPage();
  await signUp(investor, uniqueEmail("partner"), "Ines Park");
  const fundName = `Juniper Fund ${Date.now()}`;
  const fund = await createOrg(investor, fundName, "investor");
  await investor.goto(`${fund}/companies`);
  await investor.getByLabel("Company share code or owner email").fill(code.toLowerCase());
  await investor.getByRole("button", { name: "Request access" }).click();
  // Saved before the founder looks (CI's PostgreSQL run reloaded the founder's page before the request existed).
  await expect(investor.getByTestId("pending-request")).toHaveCount(1);
  await page.reload();
  await page.getByTestId("pending-request").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("No pending requests")).toBeVisible();

  // The founder composes with a runway card and sends it to the fund.
  await page.getByRole("navigation").getByRole("link", { name: "Updates", exact: true }).first().click();
  await page.getByRole("link", { name: "New update" }).click();
  await page.getByLabel("Title").fill("Quarter in review");
  await page.getByLabel("Month it reports on").fill(monthFromNow(LAST));
  await page.getByLabel(/^Update \(Markdown/).fill("## Where we are\n\nRunway is {{runway}}.\n\n- **Shipped** the new model");
  await page.getByLabel(fundName).check();
  // A draft first: its page and its edit page are checked for accessibility on the way (the demo has no update to visit).
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  expect(await axeProblems(page, "update (draft)")).toEqual([]);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByLabel("Title")).toHaveValue("Quarter in review");
  expect(await axeProblems(page, "update (edit)")).toEqual([]);
  await page.getByLabel(fundName).check();
  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByText("Update sent.")).toBeVisible();
  expect(await axeProblems(page, "update (sent)")).toEqual([]);
  const card = page.locator('[data-figure="runway"]');
  await expect(card).toContainText("Runway");
  await expect(card).toContainText("9.2 months");
  await expect(page.getByText("Nobody has opened it yet.")).toBeVisible();

  // The investor opens it from the feed and reads the same card.
  await investor.goto(`${fund}/updates`);
  await investor.getByRole("link", { name: "Quarter in review" }).click();
  await expect(investor.getByRole("heading", { name: "Where we are" })).toBeVisible();
  await expect(investor.locator('[data-figure="runway"]')).toContainText("9.2 months");
  expect(await axeProblems(investor, "update (investor)")).toEqual([]);

  // The founder sees who opened it.
  await page.reload();
  await expect(page.getByRole("table", { name: "Who opened it" })).toContainText("Ines Park");
  await investorContext.close();
});
