import { en, zh } from "./catalogue";
import { DEMO_PASSWORD, expect, logIn, test } from "./helpers";

// Each page's JavaScript holds the messages its code uses, in both languages (decision 012):
// switching language and moving between sections and areas client-side fetches no messages,
// shows no message key or id, and raises no hydration error (the helpers' fixture fails on any
// console error).
const RAW_KEY = /\b(common|layout|auth|records|dashboard|investor|admin)[._][A-Za-z0-9]+[._][A-Za-z0-9_.]+/;

test("switching to Chinese and moving around client-side shows every text in Chinese, then back in English", async ({ page }) => {
  await logIn(page, "founder@demo.capitaldesk.dev", DEMO_PASSWORD);
  await page.goto("/o/tensorleaf");
  const requests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === "/i18n") requests.push(request.url());
  });

  await page.getByRole("group", { name: en["layout.language"] }).getByRole("button", { name: "中文" }).click();
  const nav = page.getByRole("navigation", { name: zh["layout.sections"] });
  await expect(nav).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  // Client-side navigation to sections the first page did not carry.
  await nav.getByRole("link", { name: zh["layout.nav.rounds"], exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh["records.rounds.title"] })).toBeVisible();
  await nav.getByRole("link", { name: zh["layout.nav.risks"], exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh["records.risks.title"] })).toBeVisible();
  expect(await page.locator("body").innerText()).not.toMatch(RAW_KEY);
  expect(requests, "no messages are fetched: the pages' code carries them").toEqual([]);

  await page.getByRole("group", { name: zh["layout.language"] }).getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: en["records.risks.title"] })).toBeVisible();
  await page.getByRole("navigation", { name: en["layout.sections"] }).getByRole("link", { name: en["layout.nav.rounds"], exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: en["records.rounds.title"] })).toBeVisible();
  expect(await page.locator("body").innerText()).not.toMatch(RAW_KEY);
});

test("an investor's client-side walk from the portfolio to a company and the alerts shows no message key", async ({ page }) => {
  await logIn(page, "investor@demo.capitaldesk.dev", DEMO_PASSWORD);
  await page.goto("/o/northwind-ventures/portfolio");
  await expect(page.getByRole("heading", { level: 1, name: en["investor.portfolio.title"] })).toBeVisible();
  await page.locator('table a[href*="/companies/"]').first().click();
  await expect(page).toHaveURL(/\/companies\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.locator("body").innerText()).not.toMatch(RAW_KEY);
  await page.getByRole("navigation", { name: en["layout.sections"] }).getByRole("link", { name: en["layout.nav.alerts"], exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: en["investor.alerts.title"] })).toBeVisible();
  expect(await page.locator("body").innerText()).not.toMatch(RAW_KEY);
});
