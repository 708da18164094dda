import type { Browser, Page } from "@playwright/test";
import { createOrg, expect, signUp, uniqueEmail } from "../helpers";

/*
 * The steps several journeys take before the part they are about: a founder imports a CSV of
 * monthly reports, and an investor with a fund of its own asks a company for access.
 */

/** `YYYY-MM` of the month `offset` months from now (UTC), as the server counts months. */
export function monthFromNow(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
}

export const REPORTS_CSV_HEADER = "month,cash,revenue,compute,data,payroll,research,go_to_market,general_admin,other,headcount,arr";

/** The spec's worked example, its last month `last` months from now: runway 1,200,000 / 130,000 = 9.2 months. */
export function workedExampleCsv(last: number) {
  return [
    REPORTS_CSV_HEADER,
    `${monthFromNow(last - 3)},1500000,20000,0,0,140000,0,0,0,0,9,`,
    `${monthFromNow(last - 2)},1400000,20000,0,0,150000,0,0,0,0,9,`,
    `${monthFromNow(last - 1)},1300000,30000,0,0,160000,0,0,0,0,10,`,
    `${monthFromNow(last)},1200000,40000,0,0,170000,0,0,0,0,10,`,
  ].join("\n");
}

/** Imports monthly reports from a CSV through the import page: check, preview, confirm. */
export async function importReports(page: Page, base: string, csv: string, added: number, fileName = "reports.csv") {
  await page.goto(`${base}/reports/import`);
  await page.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check file" }).click();
  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByText(`${added} added, 0 changed`).first()).toBeVisible();
}

/** A founder signs up, creates the company and imports the worked example ending `last` months from now. */
export async function founderWithWorkedExample(page: Page, company: string, last: number) {
  await signUp(page, uniqueEmail("founder"), "Fen Lu");
  const base = await createOrg(page, company);
  await importReports(page, base, workedExampleCsv(last), 4);
  return base;
}

/** The company's share code, as its investors page shows it. */
export async function shareCode(page: Page, base: string) {
  await page.goto(`${base}/investors`);
  return (await page.getByTestId("share-code").textContent())?.trim() ?? "";
}

/**
 * An investor, in a browser of its own, signs up, creates a fund and asks for access with the
 * company's share code; the request is saved before this returns (so the founder's page sees it).
 */
export async function investorRequestsAccess(browser: Browser, fundName: string, code: string) {
  const context = await browser.newContext();
  const investor = await context.newPage();
  await signUp(investor, uniqueEmail("partner"), "Ines Park");
  const fund = await createOrg(investor, fundName, "investor");
  await investor.goto(`${fund}/companies`);
  await investor.getByLabel("Company share code or owner email").fill(code.toLowerCase());
  await investor.getByRole("button", { name: "Request access" }).click();
  await expect(investor.getByTestId("pending-request")).toHaveCount(1);
  return { context, investor, fund };
}
