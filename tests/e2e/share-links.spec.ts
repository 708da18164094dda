import { DEMO_PASSWORD, expect, logIn, test } from "./helpers";

// A founder sends a partner a read-only report: create the link, open it in a browser with
// no session, check its figures, print it to PDF, revoke it, and see the link go dead.
test("a founder shares a report that a partner opens without an account, prints to PDF, and loses when revoked", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await logIn(page, "founder@demo.capitaldesk.dev", DEMO_PASSWORD);

  // The figure the partner must see: the dashboard's cash card.
  await page.goto("/o/lumen-labs");
  const cash = (await page.getByTestId("card-cash").locator("p").first().innerText()).trim();
  expect(cash).toMatch(/^\$[\d,]+/);

  await page.goto("/o/lumen-labs/share-links");
  await page.getByLabel("Label").fill("Lumen Labs for our LPs");
  await page.getByRole("button", { name: "Create link" }).click();
  const url = (await page.getByTestId("share-link-url").innerText()).trim();
  expect(url).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);

  // A fresh context: no cookies, no session.
  const partnerContext = await browser.newContext({ userAgent: "LP-Browser/1.0 (e2e partner)" });
  const partner = await partnerContext.newPage();
  const partnerErrors: string[] = [];
  partner.on("pageerror", (error) => partnerErrors.push(error.message));
  const response = await partner.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["cache-control"]).toBe("private, no-store");
  await expect(partner.getByRole("heading", { level: 1, name: "Lumen Labs for our LPs" })).toBeVisible();
  await expect(partner.getByTestId("card-cash")).toContainText(cash);
  await expect(partner.getByTestId("report-as-of")).toContainText(/as of [A-Z][a-z]{2} \d{4}/);
  expect(await partner.locator('a[href^="/o/"]').count()).toBe(0);
  expect(await partner.locator("form").count()).toBe(0);
  // Charts drawn before printing.
  await expect(partner.getByText("Loading chart…")).toHaveCount(0);

  // On paper the charts print and their data tables stay folded (decision 016; tests/e2e/print.spec.ts counts the pages).
  const table = partner.getByRole("table", { name: "Cash and runway by month" });
  await expect(table).toBeHidden();
  await partner.emulateMedia({ media: "print" });
  await expect(partner.getByRole("img", { name: "Cash and runway by month" }).or(partner.locator("[data-chart-box] canvas").first())).toBeVisible();
  await expect(table).toBeHidden();
  await expect(partner.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await partner.emulateMedia({ media: null });

  const pdf = await partner.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(50_000);
  // More than one page: headline cards, charts and tables all made it onto paper.
  expect((pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
  expect(partnerErrors).toEqual([]);

  // The founder sees the view and revokes the link.
  await page.getByRole("link", { name: "See its views or revoke it" }).click();
  await expect(page.getByTestId("share-link-views")).toContainText("LP-Browser/1.0 (e2e partner)");
  // Confirmed in the dialog (tests/e2e/dialogs.spec.ts checks it in detail).
  await expect(page.getByRole("button", { name: "Revoke link" })).toHaveAttribute("aria-haspopup", "dialog");
  await page.getByRole("button", { name: "Revoke link" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText("revoked", { exact: true })).toBeVisible();

  const gone = await partner.reload();
  expect(gone?.status()).toBe(404);
  await expect(partner.getByRole("heading", { name: "This report is not available" })).toBeVisible();
  await partnerContext.close();
});

test("a passphrase-protected report opens only with its passphrase", async ({ page, browser }) => {
  await logIn(page, "founder@demo.capitaldesk.dev", DEMO_PASSWORD);
  await page.goto("/o/lumen-labs/share-links");
  await page.getByLabel("Label").fill("Board pack, protected");
  await page.getByLabel("Passphrase (optional)").fill("board passphrase 7");
  await page.getByRole("button", { name: "Create link" }).click();
  const url = (await page.getByTestId("share-link-url").innerText()).trim();

  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await partner.goto(url);
  await expect(partner.getByRole("heading", { name: "This report is protected" })).toBeVisible();
  await expect(partner.getByTestId("card-cash")).toHaveCount(0);
  await partner.getByLabel("Passphrase").fill("not the passphrase");
  await partner.getByRole("button", { name: "View the report" }).click();
  await expect(partner.getByRole("alert")).toContainText("That passphrase is not right.");
  await partner.getByLabel("Passphrase").fill("board passphrase 7");
  await partner.getByRole("button", { name: "View the report" }).click();
  await expect(partner.getByRole("heading", { level: 1, name: "Board pack, protected" })).toBeVisible();
  await expect(partner.getByTestId("card-cash")).toBeVisible();
  await partnerContext.close();
});
