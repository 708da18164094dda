import { expect, test } from "@playwright/test";
import { DEMO, settle, signedInPage } from "./a11y-support";

/**
 * Issue #15 item 20: at 1280 px the portfolio needed a sideways scroll for 13 columns. The
 * default columns fit; the investor picks more from "Columns" and the choice is remembered.
 */
test("at 1280 px the default portfolio columns fit without a sideways scroll, and a picked column stays picked", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page } = await signedInPage(browser, DEMO.investor);
  await page.goto("/o/northwind-ventures/portfolio");
  await settle(page);
  const table = page.getByTestId("portfolio-table");
  const overflow = () => table.evaluate((el) => el.scrollWidth - (el.parentElement?.clientWidth ?? el.clientWidth));
  expect(await overflow(), "table wider than its card").toBeLessThanOrEqual(0);
  await expect(table.getByRole("columnheader", { name: /Reporting/ })).toBeVisible();

  await page.getByTestId("columns-picker").locator("summary").click();
  await page.getByLabel("Budget variance").check();
  await page.getByRole("button", { name: "Show these columns" }).click();
  await expect(table.getByRole("columnheader", { name: /Budget variance/ })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("portfolio-table").getByRole("columnheader", { name: /Budget variance/ })).toBeVisible();

  // Back to the default for the tests that follow (the cookie lives in this context only, but say so plainly).
  await page.getByTestId("columns-picker").locator("summary").click();
  await page.getByRole("button", { name: "Back to the default columns" }).click();
  await expect(page.getByTestId("portfolio-table").getByRole("columnheader", { name: /Budget variance/ })).toHaveCount(0);
});
