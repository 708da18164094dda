import { expect, logIn, signUp, test, uniqueEmail } from "./helpers";

/*
 * Decision 022 in the browser: one person signed in from two browsers sees both on the sessions
 * page, this one marked, and signs the other out; that browser's next request goes to sign-in.
 * The rules (someone else's session is a 404, all others at once, last used) are tested over
 * HTTP in tests/integration/account-sessions.test.ts.
 */
test("a person signs out their other browser from the sessions page", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("two-browsers");
  await signUp(page, email, "Sam Twice");
  await expect(page).toHaveURL(/\/orgs\/new/);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email);

  await page.goto("/account/sessions");
  await expect(page.getByRole("heading", { level: 1, name: "Signed-in devices" })).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(page.locator('tr[data-session="current"]')).toContainText("This device");
  await expect(page.locator('tr[data-session="current"]')).toContainText("Chrome");

  await page.locator('tr[data-session="other"]').getByRole("button", { name: "Sign out this one" }).click();
  await expect(page.getByText("That session was signed out.")).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(page.getByText("No other device is signed in.")).toBeVisible();

  await otherPage.goto("/account/sessions");
  await expect(otherPage).toHaveURL(/\/login\?redirectTo=%2Faccount%2Fsessions/);
  await other.close();

  // This browser is still signed in.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Signed-in devices" })).toBeVisible();
});
