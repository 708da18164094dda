import { expect as baseExpect, test as base, type Page } from "@playwright/test";

/**
 * Every e2e test fails on a browser error: a route module that cannot load in the browser
 * (say, a .server import used at module level) otherwise degrades silently to full reloads.
 */
export const test = base.extend<{ browserErrors: string[] }>({
  browserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        // 4xx/5xx answers the test provokes on purpose are logged by Chromium as resource errors.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
      });
      await use(errors);
      baseExpect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});
export const expect = baseExpect;

export const DEMO_PASSWORD = "capital-desk-demo";

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

export async function signUp(page: Page, email: string, name: string, password = "a-long-password") {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function createOrg(page: Page, name: string, kind: "startup" | "investor" = "startup") {
  await expect(page).toHaveURL(/\/orgs\/new/);
  // The address changes before the new page renders (it may still be fetching its messages).
  await expect(page.getByRole("heading", { level: 1, name: "Create an organisation" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(kind === "startup" ? /Startup/ : /Investor/).check();
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  // The org's own address, /o/<slug> (a fund lands on /o/<slug>/overview, its home page).
  const org = /^\/o\/[^/]+/.exec(new URL(page.url()).pathname)?.[0];
  expect(org, "an org's page after creating it").toBeTruthy();
  return org!;
}

export async function logIn(page: Page, email: string, password = "a-long-password") {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);
}
