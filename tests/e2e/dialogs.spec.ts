import type { Locator, Page } from "@playwright/test";
import { createOrg, DEMO_PASSWORD, expect, logIn, signUp, test, uniqueEmail } from "./helpers";
import { recordRound } from "./support/founder-forms";

/*
 * Issue #8: every destructive action asks in one confirmation dialog once the page is hydrated
 * (without JavaScript it is a tick box the server insists on — tests/integration). Checked here
 * on two of them: a round's delete and a share link's revoke.
 */

/** The destructive button, once hydrated: it opens a dialog instead of submitting. */
async function hydratedOpener(page: Page, name: string): Promise<Locator> {
  const button = page.getByRole("button", { name, exact: true });
  await expect(button).toHaveAttribute("aria-haspopup", "dialog");
  return button;
}

/** Opens the dialog and checks what a keyboard or screen-reader user meets first. */
async function openDialog(opener: Locator, page: Page, title: string, consequence: RegExp): Promise<Locator> {
  await opener.click();
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((el) => el.matches(":modal")), "a modal dialog (showModal)").toBe(true);
  await expect(dialog).toHaveAccessibleDescription(consequence);
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  return dialog;
}

test("a round's delete asks in a dialog: Escape keeps the round, a stale delete shows its error, confirming deletes it", async ({ page, context }) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("dialogs"), "Dee Alog");
  const base = await createOrg(page, `Dialog Check AI ${Date.now()}`);
  await recordRound(page, base, { instrument: "seed", closeDate: "2025-06-15", amount: "2000000" });
  await page.getByRole("link", { name: "Edit Seed round of 2025-06-15" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Seed · 2025-06-15" })).toBeVisible();
  const detail = page.url();

  const opener = await hydratedOpener(page, "Delete round");
  // Hydrated, the tick box of the no-JavaScript form is gone: the dialog asks instead.
  await expect(page.getByRole("checkbox", { name: /Yes, delete this round/ })).toHaveCount(0);
  const title = "Delete the Seed round of 2025-06-15?";
  const consequence = /The round is deleted for everyone in the organisation/;

  // Escape: nothing deleted, focus back on the button.
  let dialog = await openDialog(opener, page, title, consequence);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page).toHaveURL(detail);
  await page.reload();
  await expect(page.getByTestId("round-summary")).toContainText("$2,000,000");

  // Someone else saves the round meanwhile: this page's delete is stale, and says so on the page.
  const other = await context.newPage();
  await other.goto(detail);
  await other.locator('[name="amount"]').fill("2500000");
  await other.getByRole("button", { name: "Save changes" }).click();
  await expect(other).toHaveURL(/\/rounds$/);
  await other.close();
  dialog = await openDialog(await hydratedOpener(page, "Delete round"), page, title, consequence);
  await dialog.getByRole("button", { name: "Delete round" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("alert")).toContainText("Someone else changed this funding round while you were editing.");
  await expect(page.getByRole("button", { name: "Delete round", exact: true })).toBeFocused();

  // Confirmed on a fresh page: the round is gone.
  await page.goto(detail);
  await expect(page.getByTestId("round-summary")).toContainText("$2,500,000");
  dialog = await openDialog(await hydratedOpener(page, "Delete round"), page, title, consequence);
  await dialog.getByRole("button", { name: "Delete round" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/rounds$`));
  await expect(page.getByRole("status").filter({ hasText: "Round deleted." })).toBeVisible();
  await expect(page.getByTestId("round-row")).toHaveCount(0);
  expect((await page.goto(detail))?.status()).toBe(404);
});

test("a share link's revoke asks in a dialog: Escape keeps the link working, confirming revokes it", async ({ page, browser }) => {
  await logIn(page, "founder@demo.capitaldesk.dev", DEMO_PASSWORD);
  await page.goto("/o/lumen-labs/share-links");
  const label = `Dialog check ${Date.now()}`;
  await page.getByLabel("Label").fill(label);
  await page.getByRole("button", { name: "Create link" }).click();
  const url = (await page.getByTestId("share-link-url").innerText()).trim();
  await page.getByRole("link", { name: "See its views or revoke it" }).click();

  const opener = await hydratedOpener(page, "Revoke link");
  const title = `Revoke the link “${label}”?`;
  const consequence = /gets “not found” from now on/;
  let dialog = await openDialog(opener, page, title, consequence);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  expect((await partner.goto(url))?.status(), "the link still works after Escape").toBe(200);

  // Cancel closes too; then confirm.
  dialog = await openDialog(opener, page, title, consequence);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  // While the revoke is in flight (held back here for a moment), the dialog says so.
  await page.route("**/share-links/*", async (route) => {
    if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  dialog = await openDialog(opener, page, title, consequence);
  await dialog.getByRole("button", { name: "Revoke link" }).click();
  await expect(dialog.getByRole("button", { name: "Revoking…" })).toBeDisabled();
  await expect(page.getByText("revoked", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Revoke link" })).toHaveCount(0);
  expect((await partner.reload())?.status(), "the revoked link answers 404").toBe(404);
  await partnerContext.close();
});

test("without JavaScript the same revoke is a tick box the server insists on", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await logIn(page, "founder@demo.capitaldesk.dev", DEMO_PASSWORD);
  await page.goto("/o/lumen-labs/share-links");
  await page.getByLabel("Label").fill(`No script ${Date.now()}`);
  await page.getByRole("button", { name: "Create link" }).click();
  await page.getByRole("link", { name: "See its views or revoke it" }).click();

  await page.getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText("Tick the box to confirm you want to revoke this link.").first()).toBeVisible();
  await expect(page.getByText("revoked", { exact: true })).toHaveCount(0);
  await page.getByRole("checkbox", { name: /Revoke this link/ }).check();
  await page.getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByText("revoked", { exact: true })).toBeVisible();
  expect(await page.locator("dialog").count()).toBe(0);
  await context.close();
});

test("a draft investor update's delete asks in a dialog, and confirming deletes it", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("deleteupdate"), "Del Draft");
  const base = await createOrg(page, `Update Delete AI ${Date.now()}`);
  await page.goto(`${base}/updates/new`);
  await page.getByLabel("Title").fill("Draft to throw away");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft saved.")).toBeVisible();
  const detail = page.url();
  const title = "Delete “Draft to throw away”?";
  const consequence = /The draft is removed for everyone in your company/;

  let dialog = await openDialog(await hydratedOpener(page, "Delete update"), page, title, consequence);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  dialog = await openDialog(await hydratedOpener(page, "Delete update"), page, title, consequence);
  await dialog.getByRole("button", { name: "Delete update" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/updates$`));
  await expect(page.getByRole("status").filter({ hasText: "Update deleted." })).toBeVisible();
  expect((await page.goto(detail))?.status()).toBe(404);
});

test("a custom metric rule's delete asks in the same dialog: Escape keeps the rule, confirming deletes it", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("rules"), "Rue Rules");
  const fund = await createOrg(page, `Dialog Rules Fund ${Date.now()}`, "investor");
  await page.goto(`${fund}/alerts/rules`);
  await page.getByLabel("Metric key").fill("gross_margin");
  await page.getByLabel("Threshold").fill("40");
  await page.getByRole("button", { name: "Add rule" }).click();
  const rules = page.getByTestId("metric-rules");
  await expect(rules).toContainText("gross_margin: Below a floor of 40 (Warning)");

  const opener = page.getByRole("button", { name: "Delete rule gross_margin: Below a floor of 40 (Warning)", exact: true });
  await expect(opener).toHaveAttribute("aria-haspopup", "dialog");
  const title = "Delete the rule gross_margin: Below a floor of 40 (Warning)?";
  const consequence = /Companies are no longer checked against it/;
  let dialog = await openDialog(opener, page, title, consequence);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await page.reload();
  await expect(rules).toContainText("gross_margin: Below a floor of 40 (Warning)");

  dialog = await openDialog(opener, page, title, consequence);
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rule deleted." })).toBeVisible();
  await expect(page.getByTestId("metric-rules-empty")).toBeVisible();
});
