import { createOrg, expect, signUp, test, uniqueEmail } from "./helpers";

/*
 * Decision 009 in the browser: deleting an org goes through the confirmation dialog with the
 * org's name typed, the banner with its undo appears on every page; deleting an account asks
 * for the password in the same dialog and ends the session. The rules themselves are tested
 * over HTTP in tests/integration/org-deletion.test.ts and account-deletion.test.ts.
 */

test("an owner schedules the org's deletion (name typed, dialog), sees the banner and undoes it", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("delete-org"), "Dana Leet");
  const name = `Short Lived AI ${Date.now()}`;
  const base = await createOrg(page, name);

  await page.goto(`${base}/settings`);
  await page.getByRole("link", { name: "Delete this organisation…" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Delete ${name}` })).toBeVisible();
  const opener = page.getByRole("button", { name: "Delete organisation", exact: true });
  await expect(opener).toHaveAttribute("aria-haspopup", "dialog");

  // A wrong name: the dialog closes on the answer and the field says what to type.
  const field = page.getByLabel("Type the organisation's name to confirm");
  await field.fill("Short Lived");
  await opener.click();
  let dialog = page.getByRole("dialog", { name: `Delete ${name}?` });
  await expect(dialog).toHaveAccessibleDescription(/deleted for good in 30 days unless an owner undoes it/);
  await dialog.getByRole("button", { name: "Delete organisation" }).click();
  await expect(page.getByText(`That is not the organisation's name. Type ${name} exactly.`)).toBeVisible();
  await expect(dialog).toBeHidden();

  await field.fill(name);
  await opener.click();
  dialog = page.getByRole("dialog", { name: `Delete ${name}?` });
  await dialog.getByRole("button", { name: "Delete organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}$`));
  const banner = page.getByTestId("deletion-banner");
  await expect(banner).toContainText(`${name} is scheduled for deletion on`);
  await page.goto(`${base}/reports`);
  await expect(banner).toBeVisible();

  await banner.getByRole("button", { name: "Undo deletion" }).click();
  await expect(page.getByText("Deletion undone. The organisation is back as it was.")).toBeVisible();
  await expect(page.getByTestId("deletion-banner")).toHaveCount(0);
});

test("a person without orgs deletes their account: password, dialog, signed out, and the sign-in fails", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("delete-me");
  await signUp(page, email, "Brief Visitor");
  await expect(page).toHaveURL(/\/orgs\/new/);
  await page.goto("/account/password");
  await page.getByRole("link", { name: "Delete your account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delete your account" })).toBeVisible();
  await page.getByLabel("Current password").fill("a-long-password");
  await page.getByRole("button", { name: "Delete my account", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Delete the account ${email}?` });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("Your account was deleted.")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
});
