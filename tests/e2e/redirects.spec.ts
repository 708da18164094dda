import type { Page } from "@playwright/test";
import { expect, signUp, test, uniqueEmail } from "./helpers";

/**
 * Issue #13, finding 2, in the browser the attack used: /login?redirectTo=%2F%09%2Fevil.example
 * put a raw tab into the form's hidden field, and after signing in Chromium dropped the tab from
 * the Location `/\t/evil.example` and went to //evil.example. Any request to evil.example is
 * answered here (nothing leaves the machine) so the test can see where the browser went.
 */

const HOSTILE = ["/\t/evil.example", "/%09/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/"];

async function trapEvil(page: Page) {
  const visited: string[] = [];
  await page.context().route(
    (url) => url.hostname.endsWith("evil.example"),
    async (route) => {
      visited.push(route.request().url());
      await route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" });
    },
  );
  return visited;
}

async function signInWith(page: Page, email: string, redirectTo: string) {
  await page.goto(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

for (const javaScriptEnabled of [true, false]) {
  test(`after sign-in the browser stays on this site (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser, page }) => {
    const email = uniqueEmail("redirect");
    await signUp(page, email, "Red Irect");
    await expect(page).toHaveURL(/\/orgs\/new/);
    const here = new URL(page.url()).host;
    for (const redirectTo of HOSTILE) {
      // A fresh browser each time: signed out, no cookies.
      const context = await browser.newContext({ baseURL: new URL(page.url()).origin, javaScriptEnabled });
      const visitor = await context.newPage();
      const visited = await trapEvil(visitor);
      await signInWith(visitor, email, redirectTo);
      expect(new URL(visitor.url()).host, redirectTo).toBe(here);
      expect(visited, redirectTo).toEqual([]);
      await context.close();
    }
  });
}
