import { Secret, TOTP } from "otpauth";
import { createOrg, expect, signUp, test, uniqueEmail } from "./helpers";

/*
 * Decision 021 in the browser: a person enrols an authenticator app from the QR page (the test
 * plays the app: it computes codes with otpauth from the key shown for entry by hand), sees the
 * recovery codes once, signs out, and signs in again with the password and then a code. The
 * rules (replay, throttle, recovery codes, the org setting) are tested over HTTP in
 * tests/integration/two-factor.test.ts.
 */
function codeFor(secret: string, timestamp: number) {
  return new TOTP({ algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp });
}

test("enrol with an authenticator app, then sign in with the password and a code", async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("two-factor");
  await signUp(page, email, "Tova Factor");
  await createOrg(page, `Two Factor Co ${Date.now()}`);

  await page.goto("/account/password");
  await page.getByRole("navigation", { name: "Your account" }).getByRole("link", { name: "Two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Two-factor sign-in" })).toBeVisible();
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel("Code from the app").fill(codeFor(secret, Date.now()));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("Two-factor sign-in is on.", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  await expect(page.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);

  // Shown once: a reload shows the state, not the codes.
  await page.reload();
  await expect(page.getByText("Two-factor sign-in is on. Unused recovery codes: 10.")).toBeVisible();
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);

  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await expect(page.getByRole("heading", { level: 1, name: "Enter your code" })).toBeVisible();

  // The code the enrolment used is spent: the next time step's code (a step ahead is allowed).
  await page.getByLabel("Code or recovery code").fill(codeFor(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/account/two-factor");
  await expect(page.getByText("Two-factor sign-in is on. Unused recovery codes: 10.")).toBeVisible();
});
