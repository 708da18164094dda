import { createOrg, expect, test, DEMO_PASSWORD, logIn, logOut, signUp, uniqueEmail } from "./helpers";
import { routeData } from "../support/route-data";

test("sign up, create an org, sign out and sign back in", async ({ page }) => {
  const email = uniqueEmail("founder");
  await signUp(page, email, "Lin Wei");
  const orgPath = await createOrg(page, `Orbit AI ${Date.now()}`);
  await logOut(page);
  await page.goto(orgPath);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(new RegExp(`${orgPath}$`));
  await expect(page.getByTestId("current-role")).toHaveText("owner");
});

test("sign-up shows field errors and keeps the user on the form", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("nope");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

test("an invitation accepted by a second user gives the invited role", async ({ page, browser }) => {
  await signUp(page, uniqueEmail("owner"), "Owner One");
  const orgPath = await createOrg(page, `Invite Co ${Date.now()}`);
  await page.goto(`${orgPath}/members`);
  const invitee = uniqueEmail("analyst");
  await page.getByLabel("Email").fill(invitee);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!.trim();
  expect(link).toMatch(/\/invite\//);

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await second.getByRole("link", { name: "Sign up to accept" }).click();
  await second.getByLabel("Email").fill(invitee);
  await second.getByLabel("Your name").fill("Ana Lyst");
  await second.getByLabel("Password").fill("a-long-password");
  await second.getByRole("button", { name: "Create account" }).click();
  await second.getByRole("button", { name: "Accept invitation" }).click();
  await expect(second).toHaveURL(new RegExp(`${orgPath}$`));
  await expect(second.getByTestId("current-role")).toHaveText("viewer");

  // The link is single-use.
  await second.goto(link);
  await expect(second.getByRole("heading", { name: "Not found" })).toBeVisible();
  await other.close();
});

test("a viewer sees no editing controls and a forged post is refused", async ({ page }) => {
  await logIn(page, "viewer@demo.capitaldesk.dev", DEMO_PASSWORD);
  await page.goto("/o/lumen-labs/members");
  await expect(page.getByTestId("current-role")).toHaveText("viewer");
  await expect(page.getByRole("button", { name: "Create invitation" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
  const status = await page.evaluate(
    async (url) => {
      const body = new URLSearchParams({ intent: "invite", email: "x@example.test", role: "admin" });
      const response = await fetch(url, { method: "POST", body });
      return response.status;
    },
    routeData("/o/lumen-labs/members", "routes/o.$orgSlug.members"),
  );
  expect(status).toBe(403);
  await page.goto("/o/lumen-labs/settings");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("a user of another org gets 404 for every page of the demo startup", async ({ page }) => {
  await signUp(page, uniqueEmail("outsider"), "Out Sider");
  await createOrg(page, `Outsider Labs ${Date.now()}`);
  for (const path of ["/o/lumen-labs", "/o/lumen-labs/members", "/o/lumen-labs/settings", "/o/lumen-labs/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("Lumen Labs")).toHaveCount(0);
  }
});

test("the demo founder lands on a startup with a switcher across orgs", async ({ page }) => {
  await logIn(page, "founder@demo.capitaldesk.dev", DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/o\/[a-z-]+$/);
  const switcher = page.getByRole("combobox", { name: "Organisation" });
  await expect(switcher.locator("option")).toHaveCount(6); // the six demo startups
  await switcher.selectOption("tensorleaf");
  await expect(page).toHaveURL(/\/o\/tensorleaf$/);
});
