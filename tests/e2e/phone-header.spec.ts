import { expect, test } from "@playwright/test";
import { DEMO, PHONE, settle, signedInPage } from "./a11y-support";

/**
 * Issue #15 item 19: on a 375 px phone the org header took ~240 px over four rows and the
 * section tabs were cut off. Now it is one row (app name, org switcher, a Menu naming the
 * current section) and every section is one tap away in the menu, in both languages.
 */
test("on a phone the header is one row and the menu reaches every section", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, errors } = await signedInPage(browser, DEMO.investor);
  await page.setViewportSize(PHONE);
  await page.goto("/o/northwind-ventures/portfolio");
  await settle(page);

  const header = page.locator("header").first();
  const height = (await header.boundingBox())?.height ?? Number.POSITIVE_INFINITY;
  expect(height, "header height at 375 px").toBeLessThanOrEqual(64);
  // The desktop tabs are not shown (nothing cut off at the edge); the org switcher keeps room for a name.
  await expect(page.getByRole("navigation", { name: "Sections" })).toBeHidden();
  const menu = page.getByTestId("phone-menu");
  await expect(menu.locator("summary")).toContainText("Menu");
  expect((await page.locator("#org-switcher").boundingBox())?.width ?? 0, "org switcher width").toBeGreaterThanOrEqual(120);

  await menu.locator("summary").click();
  const sections = page.getByRole("navigation", { name: "Menu" });
  for (const name of ["Overview", "Portfolio", "Alerts", "Companies", "Positions", "FX rates", "Members", "Audit log"]) {
    const link = sections.getByRole("link", { name, exact: true });
    await expect(link).toBeVisible();
    if (name === "Portfolio") await expect(link).toHaveAttribute("aria-current", "page");
    const box = await link.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, `${name} fits the screen`).toBe(true);
  }
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();

  // Following a link opens the page and closes the menu.
  await sections.getByRole("link", { name: "Alerts", exact: true }).click();
  await expect(page).toHaveURL(/\/alerts$/);
  await expect(sections).toBeHidden();

  // The same in Chinese, switched from the menu itself (the choice is saved on the demo user:
  // put English back whatever happens, for the tests that follow).
  try {
    await menu.locator("summary").click();
    await page.getByRole("button", { name: "中文" }).click();
    await expect(menu.locator("summary")).toContainText("菜单");
    expect((await header.boundingBox())?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(64);
    await menu.locator("summary").click();
    await expect(page.getByRole("navigation", { name: "菜单" }).getByRole("link", { name: "预警", exact: true })).toHaveAttribute("aria-current", "page");
  } finally {
    const origin = new URL(page.url()).origin;
    await page.request.post("/locale", { form: { locale: "en", redirectTo: "/" }, headers: { Origin: origin }, maxRedirects: 0 });
  }
  expect(errors).toEqual([]);
});

test("from 640 px up the tabs and account links show as before, and the menu does not", async ({ browser }) => {
  const { page } = await signedInPage(browser, DEMO.founder);
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Monthly reports", exact: true })).toBeVisible();
  await expect(page.getByTestId("current-role")).toBeVisible();
  await expect(page.getByTestId("phone-menu")).toBeHidden();
});
