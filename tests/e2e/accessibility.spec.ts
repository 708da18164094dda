import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, logIn, test } from "./helpers";
import { alternativesProblems, axeProblems, builtRouteIds, DEMO, matchedRouteId, phoneProblems, settle, signedInPage } from "./a11y-support";

/*
 * Issue #8: every page passes axe (WCAG 2.1 A/AA, no serious or critical violation), fits a
 * 375 px phone (wide tables scroll inside their card) and shows its heading there. The page
 * lists below are checked against the routes of the build, so a new route fails the first
 * test until it is visited here or listed as having no page of its own.
 */

/** Routes with no page of their own, and why. */
const NOT_PAGES: Record<string, string> = {
  root: "layout: checked through every page",
  "routes/o.$orgSlug": "layout (header, nav): checked through every org page",
  "routes/_index": "redirect only (visited as / below)",
  "routes/logout": "action only",
  "routes/locale": "action only (the language switch posts here)",
  "routes/i18n": "JSON: the messages a client-side navigation fetches",
  "routes/o.$orgSlug.audit[.]csv": "CSV download",
  "routes/o.$orgSlug.budgets[.]csv": "CSV download",
  "routes/o.$orgSlug.debt[.]csv": "CSV download",
  "routes/o.$orgSlug.fx[.]csv": "CSV download",
  "routes/o.$orgSlug.portfolio[.]csv": "CSV download",
  "routes/o.$orgSlug.positions[.]csv": "CSV download",
  "routes/o.$orgSlug.reports[.]csv": "CSV download",
  "routes/o.$orgSlug.risks[.]csv": "CSV download",
  "routes/o.$orgSlug.metrics[.]csv": "CSV download",
  "routes/o.$orgSlug.rounds[.]csv": "CSV download",
  "routes/o.$orgSlug.export[.]zip": "zip download (the org's data export)",
  "routes/account.data[.]json": "JSON download (a person's own data)",
};

/** A page: its route, and a path or a way to find one (the first detail link on a list). */
type Visit = { route: string; path: string; status?: number } | { route: string; from: string; link: RegExp };

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const S = "/o/tensorleaf";
const STARTUP_PAGES: Visit[] = [
  { route: "routes/o.$orgSlug._index", path: S },
  { route: "routes/o.$orgSlug.reports._index", path: `${S}/reports` },
  { route: "routes/o.$orgSlug.reports.$month", from: `${S}/reports`, link: /\/reports\/\d{4}-\d{2}$/ },
  { route: "routes/o.$orgSlug.reports.$month", path: `${S}/reports/new` },
  { route: "routes/o.$orgSlug.reports.import", path: `${S}/reports/import` },
  { route: "routes/o.$orgSlug.budgets._index", path: `${S}/budgets` },
  { route: "routes/o.$orgSlug.budgets.import", path: `${S}/budgets/import` },
  { route: "routes/o.$orgSlug.rounds._index", path: `${S}/rounds` },
  { route: "routes/o.$orgSlug.rounds.$roundId", from: `${S}/rounds`, link: new RegExp(`/rounds/${uuid}$`) },
  { route: "routes/o.$orgSlug.debt._index", path: `${S}/debt` },
  { route: "routes/o.$orgSlug.debt.$facilityId", from: `${S}/debt`, link: new RegExp(`/debt/${uuid}$`) },
  { route: "routes/o.$orgSlug.risks._index", path: `${S}/risks` },
  { route: "routes/o.$orgSlug.risks.$riskId", from: `${S}/risks`, link: new RegExp(`/risks/${uuid}$`) },
  { route: "routes/o.$orgSlug.metrics._index", path: `${S}/metrics` },
  { route: "routes/o.$orgSlug.metrics.$metricId", from: `${S}/metrics`, link: new RegExp(`/metrics/${uuid}$`) },
  { route: "routes/o.$orgSlug.metrics.import", path: `${S}/metrics/import` },
  { route: "routes/o.$orgSlug.requests", path: `${S}/requests` },
  { route: "routes/o.$orgSlug.updates._index", path: `${S}/updates` },
  { route: "routes/o.$orgSlug.updates.new", path: `${S}/updates/new` },
  { route: "routes/o.$orgSlug.members", path: `${S}/members` },
  { route: "routes/o.$orgSlug.settings", path: `${S}/settings` },
  { route: "routes/o.$orgSlug.audit", path: `${S}/audit` },
  { route: "routes/o.$orgSlug.investors", path: `${S}/investors` },
  { route: "routes/o.$orgSlug.share-links._index", path: `${S}/share-links` },
  { route: "routes/account.password", path: "/account/password" },
  { route: "routes/account.two-factor", path: "/account/two-factor" },
  { route: "routes/account.data", path: "/account/data" },
  { route: "routes/account.delete", path: "/account/delete" },
  { route: "routes/account.email", path: "/account/email" },
  { route: "routes/account.sessions", path: "/account/sessions" },
  { route: "routes/account.notifications", path: "/account/notifications" },
  { route: "routes/verify-email._index", path: "/verify-email" },
  { route: "routes/o.$orgSlug.delete", path: `${S}/delete` },
  { route: "routes/orgs.new", path: "/orgs/new" },
];

const I = "/o/northwind-ventures";
const INVESTOR_PAGES: Visit[] = [
  { route: "routes/o.$orgSlug.overview", path: I },
  { route: "routes/o.$orgSlug.portfolio._index", path: `${I}/portfolio` },
  { route: "routes/o.$orgSlug.portfolio.risks", path: `${I}/portfolio/risks?likelihood=4&impact=4` },
  { route: "routes/o.$orgSlug.alerts._index", path: `${I}/alerts` },
  { route: "routes/o.$orgSlug.alerts.rules", path: `${I}/alerts/rules` },
  { route: "routes/o.$orgSlug.collection._index", path: `${I}/collection` },
  { route: "routes/o.$orgSlug.collection.new", path: `${I}/collection/new` },
  { route: "routes/o.$orgSlug.collection.invite", path: `${I}/collection/invite` },
  { route: "routes/o.$orgSlug.collection.plans._index", path: `${I}/collection/plans` },
  { route: "routes/o.$orgSlug.collection.plans.$planId", from: `${I}/collection/plans`, link: new RegExp(`/collection/plans/${uuid}$`) },
  { route: "routes/o.$orgSlug.companies._index", path: `${I}/companies` },
  { route: "routes/o.$orgSlug.companies.$companySlug", path: `${I}/companies/lumen-labs` },
  { route: "routes/o.$orgSlug.positions._index", path: `${I}/positions` },
  { route: "routes/o.$orgSlug.positions.$positionId", from: `${I}/positions`, link: new RegExp(`/positions/${uuid}$`) },
  { route: "routes/o.$orgSlug.updates._index", path: `${I}/updates` },
  { route: "routes/o.$orgSlug.fx._index", path: `${I}/fx` },
  { route: "routes/o.$orgSlug.fx.import", path: `${I}/fx/import` },
  { route: "routes/o.$orgSlug.members", path: `${I}/members` },
  { route: "routes/o.$orgSlug.share-links._index", path: `${I}/share-links` },
];

// Pages reached through something made on the way (a share link, an invitation) are checked inline.
const MADE_ON_THE_WAY = ["routes/o.$orgSlug.share-links.$linkId", "routes/r.$token", "routes/invite.$token"];
// An update's page and edit page: the demo has no update, so investor-updates.spec.ts checks them (axe) as it makes one.
const CHECKED_IN_THEIR_SPEC = ["routes/o.$orgSlug.updates.$updateId._index", "routes/o.$orgSlug.updates.$updateId.edit"];
// Checked on the embedded database only (PUBLIC_PAGES); listed here so the PostgreSQL run's coverage check still counts it.
const EMBEDDED_ONLY = ["routes/mailbox"];
const PUBLIC_PAGES: Visit[] = [
  { route: "routes/login", path: "/" },
  { route: "routes/login", path: "/login" },
  { route: "routes/signup", path: "/signup" },
  { route: "routes/forgot-password", path: "/forgot-password" },
  // Without a pending sign-in the second step says it has expired (decision 021).
  { route: "routes/login_.two-factor", path: "/login/two-factor" },
  // Account links with a token that is no link: the pages that say so (410 for a verification link).
  { route: "routes/reset-password.$token", path: "/reset-password/not-a-real-token" },
  { route: "routes/verify-email.$token", path: "/verify-email/not-a-real-token", status: 410 },
  { route: "routes/confirm-email.$token", path: "/confirm-email/not-a-real-token", status: 410 },
  // An unsubscribe link that is not ours: the page that says so.
  { route: "routes/unsubscribe.$token", path: "/unsubscribe/not-a-real-token", status: 404 },
  // A fund's invitation link that is no link (decision 028): the page that says so.
  { route: "routes/join.$token", path: "/join/not-a-real-token", status: 404 },
  // The demo mailbox exists only on the embedded database (on PostgreSQL it is a 404 by design).
  ...(process.env.DATABASE_URL ? [] : [{ route: "routes/mailbox", path: "/mailbox" }]),
];

test("the pages checked here cover every route of the build", async () => {
  const listed = new Set([
    ...Object.keys(NOT_PAGES),
    ...MADE_ON_THE_WAY,
    ...CHECKED_IN_THEIR_SPEC,
    ...EMBEDDED_ONLY,
    ...[...STARTUP_PAGES, ...INVESTOR_PAGES, ...PUBLIC_PAGES].map((v) => v.route),
  ]);
  const built = await builtRouteIds();
  expect(
    built.filter((id) => !listed.has(id)),
    "routes with no accessibility check: add them to accessibility.spec.ts",
  ).toEqual([]);
});

/** Open a page (following the first detail link when asked), prove which route it is, run every check. */
async function check(page: Page, visit: Visit): Promise<string[]> {
  let path: string;
  if ("path" in visit) path = visit.path;
  else {
    await page.goto(visit.from);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const found = hrefs.find((h) => visit.link.test(h));
    if (!found) return [`${visit.from}: no link matching ${visit.link}`];
    path = found;
  }
  const response = await page.goto(path);
  const expected = "status" in visit ? visit.status : undefined;
  if (!response || (expected ? response.status() !== expected : response.status() >= 400)) return [`${path}: HTTP ${response?.status()}`];
  return checkCurrent(page, visit.route, path);
}

async function checkCurrent(page: Page, route: string, label: string): Promise<string[]> {
  await settle(page);
  const matched = await matchedRouteId(page);
  if (matched !== route) return [`${label}: expected route ${route}, the browser shows ${matched}`];
  return [...(await axeProblems(page, label)), ...(await alternativesProblems(page, label)), ...(await phoneProblems(page, label))];
}

/** A confirmation dialog open over the page (app/components/ui/confirm-dialog.tsx): axe and the 375 px check, then Escape. */
async function checkDialog(page: Page, opener: string, label: string): Promise<string[]> {
  const button = page.getByRole("button", { name: opener, exact: true }).first();
  await expect(button).toHaveAttribute("aria-haspopup", "dialog");
  await button.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  const problems = [...(await axeProblems(page, label)), ...(await phoneProblems(page, label))];
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  return problems;
}

/** A signed-out visitor opens the link the signed-in page just made (share link, invitation): its checks join the rest, then all are reported. */
async function checkLinkSignedOutAndReport(browser: Browser, route: string, url: string, problems: string[], errors: string[]) {
  const visitor = await signedInPage(browser, null);
  problems.push(...(await check(visitor.page, { route, path: new URL(url).pathname })));
  await visitor.page.context().close();
  report(problems, [...errors, ...visitor.errors]);
}

function report(problems: string[], errors: string[]) {
  if (problems.length) console.log(problems.join("\n"));
  expect(problems, "accessibility and 375px problems").toEqual([]);
  expect(errors, "errors in the browser console").toEqual([]);
}

test("startup pages, as the founder", async ({ browser }) => {
  test.setTimeout(240_000);
  const { page, errors } = await signedInPage(browser, DEMO.founder);
  const problems: string[] = [];
  for (const visit of STARTUP_PAGES) problems.push(...(await check(page, visit)));

  // A share link: the page that shows its token once, its own page, and (below) the public report.
  await page.goto(`${S}/share-links`);
  await page.getByLabel("Label").fill("Accessibility check");
  await page.getByRole("button", { name: "Create link" }).click();
  const shareUrl = (await page.getByTestId("share-link-url").innerText()).trim();
  problems.push(...(await checkCurrent(page, "routes/o.$orgSlug.share-links._index", "share link just created")));
  await page.getByRole("link", { name: "See its views or revoke it" }).click();
  await expect(page).toHaveURL(new RegExp(`/share-links/${uuid}$`));
  problems.push(...(await checkCurrent(page, "routes/o.$orgSlug.share-links.$linkId", "a share link")));
  problems.push(...(await checkDialog(page, "Revoke link", "a share link, its revoke dialog open")));
  await page.context().close();

  await checkLinkSignedOutAndReport(browser, "routes/r.$token", shareUrl, problems, errors);
});

test("investor pages, as the fund's owner", async ({ browser }) => {
  test.setTimeout(240_000);
  const { page, errors } = await signedInPage(browser, DEMO.investor);
  const problems: string[] = [];
  for (const visit of INVESTOR_PAGES) problems.push(...(await check(page, visit)));

  // Alert severity is a word on every alert, not only a colour.
  await page.goto(`${I}/alerts`);
  const severities = await page
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => /^(Critical|Warning)/.test(row.querySelector("td")?.textContent?.trim() ?? "")));
  expect(severities.length).toBeGreaterThan(0);
  expect(severities.every(Boolean), "every alert row names its severity").toBe(true);

  // An invitation for the public invitation page; the members page showing its link once.
  await page.goto(`${I}/members`);
  await page.getByLabel("Email").fill(`a11y-${Date.now()}@example.test`);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const inviteUrl = (await page.getByTestId("invitation-link").innerText()).trim();
  problems.push(...(await checkCurrent(page, "routes/o.$orgSlug.members", "invitation just created")));
  problems.push(...(await checkDialog(page, "Revoke", "members, an invitation's revoke dialog open")));
  await page.context().close();

  await checkLinkSignedOutAndReport(browser, "routes/invite.$token", inviteUrl, problems, errors);
});

test("public pages, signed out", async ({ browser }) => {
  const { page, errors } = await signedInPage(browser, null);
  const problems: string[] = [];
  for (const visit of PUBLIC_PAGES) problems.push(...(await check(page, visit)));
  // A failed login shows its error in an accessible way too.
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.viewer);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  problems.push(...(await checkCurrent(page, "routes/login", "login with a wrong password")));
  await page.context().close();
  report(problems, errors);
});

/** What has focus, and whether it shows the app's focus ring (the :focus-visible outline in tailwind.css). */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? el.textContent ?? "";
    return {
      tag: el.tagName.toLowerCase(),
      name: label.trim().replace(/\s+/g, " ").slice(0, 40),
      ring: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2,
      onScreen: rect.width > 1 && rect.height > 1 && rect.bottom > 0 && rect.top < window.innerHeight,
      inMain: Boolean(el.closest("main")),
    };
  });
}

test("the keyboard alone reaches past the header with the skip link, tabs through nav and a form, and submits it", async ({ page }) => {
  await logIn(page, DEMO.investor, DEMO_PASSWORD);
  await page.goto(`${I}/members`);
  await settle(page);

  // The first Tab shows the skip link; Enter moves focus to the page's main content.
  await page.keyboard.press("Tab");
  const skip = await focused(page);
  expect(skip).toMatchObject({ tag: "a", name: "Skip to content", ring: true, onScreen: true });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  await page.keyboard.press("Tab");
  expect((await focused(page))?.inMain, "the Tab after the skip link lands in the page").toBe(true);

  // From the top again: every stop shows a focus ring, in order header → sections → form → its button.
  await page.goto(`${I}/members`);
  await settle(page);
  const stops: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    expect(now, `Tab ${i + 1} lost focus`).not.toBeNull();
    expect(now!.ring, `no visible focus ring on ${now!.tag} "${now!.name}"`).toBe(true);
    stops.push(`${now!.tag}:${now!.name}`);
    if (now!.tag === "input" && now!.name === "Email") await page.keyboard.type(`keyboard-${Date.now()}@example.test`);
    if (now!.tag === "button" && now!.name === "Create invitation") break;
  }
  const at = (stop: string) => stops.indexOf(stop);
  expect(at("a:Skip to content")).toBe(0);
  expect(at("select:Organisation")).toBeGreaterThan(0);
  expect(at("a:Portfolio"), stops.join(" → ")).toBeGreaterThan(at("select:Organisation"));
  expect(at("a:Members")).toBeGreaterThan(at("a:Portfolio"));
  expect(at("input:Email")).toBeGreaterThan(at("a:Members"));
  expect(at("select:Role")).toBeGreaterThan(at("input:Email"));
  expect(stops.at(-1)).toBe("button:Create invitation");

  // The role by arrow key, then Enter on the button submits the form.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("invitation-link")).toBeVisible();
});
