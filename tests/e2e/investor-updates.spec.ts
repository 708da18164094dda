import { axeProblems } from "./a11y-support";
import { expect, test } from "./helpers";
import { founderWithWorkedExample, investorRequestsAccess, monthFromNow, shareCode } from "./support/company-set-up";

// The spec's worked example, ending three months ago: runway 1,200,000 / 130,000 = 9.2 months.
const LAST = -3;

test("a founder composes an update with a live runway card and sends it; the investor opens it from the feed; the founder sees the view", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const company = `Vellum AI ${Date.now()}`;
  const base = await founderWithWorkedExample(page, company, LAST);
  const code = await shareCode(page, base);

  // The investor asks for access; the founder approves every section (updates included).
  const fundName = `Juniper Fund ${Date.now()}`;
  const { context: investorContext, investor, fund } = await investorRequestsAccess(browser, fundName, code);
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
