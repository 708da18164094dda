import { expect, test } from "@playwright/test";
import { DEMO, DESKTOP, PHONE, settle, signedInPage } from "./a11y-support";

/**
 * Issue #15 items 8 and 20: Tensorleaf's covenant breach badge ran out of the debt table at
 * 1280 px (the sentence with its figures was cut). Badges that say a sentence wrap in their
 * cell: at 1280 px the table needs no sideways scroll, and on a phone the whole sentence is
 * still there to scroll to.
 */
test("the debt table shows the whole covenant breach at 1280 px without a sideways scroll", async ({ browser }) => {
  const { page, errors } = await signedInPage(browser, DEMO.founder);
  await page.setViewportSize(DESKTOP);
  await page.goto("/o/tensorleaf/debt");
  await settle(page);
  const table = page.getByTestId("facility-row").first().locator("xpath=ancestor::table");
  const overflow = await table.evaluate((el) => el.scrollWidth - (el.parentElement?.clientWidth ?? el.clientWidth));
  expect(overflow, "table wider than its card").toBeLessThanOrEqual(0);
  const breach = page.getByTestId("facility-covenants").getByText(/Covenant breach: cash \$[\d,]+ at the end of \w{3} \d{4}/);
  await expect(breach).toBeVisible();
  // Nothing of the sentence is clipped: the badge ends inside the table's box.
  const [badge, box] = await Promise.all([breach.boundingBox(), table.boundingBox()]);
  expect(badge && box && badge.x + badge.width <= box.x + box.width + 0.5).toBe(true);

  await page.setViewportSize(PHONE);
  await expect(breach).toHaveText(/below the minimum \$[\d,]+$/);
  expect(errors).toEqual([]);
  await page.context().close();
});
