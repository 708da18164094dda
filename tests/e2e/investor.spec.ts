import type { Page } from "@playwright/test";
import { expect, test } from "./helpers";
import { founderWithWorkedExample, investorRequestsAccess, shareCode } from "./support/company-set-up";
import { addRisk } from "./support/founder-forms";

// The spec's worked example, ending three months ago: runway 1,200,000 / 130,000 = 9.2 months.
// The month after the last report was due by day 15 of the month before this one, so it is
// overdue whatever today's date is.
const LAST = -3;

async function founderSetsUp(page: Page, company: string) {
  const base = await founderWithWorkedExample(page, company, LAST);

  await page.goto(`${base}/risks`);
  await addRisk(page, { title: "Inference costs outrun pricing", category: "financial", likelihood: "4", impact: "5" });

  const code = await shareCode(page, base);
  expect(code.replace(/[\s-]/g, "")).toMatch(/^[0-9A-F]{12}$/);
  return { base, code };
}

test("an investor requests access, the startup approves two sections, and the portfolio, alerts and heat map follow", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const company = `Quill AI ${Date.now()}`;
  const founder = await founderSetsUp(page, company);

  // The investor, in a browser of its own, asks with the share code.
  const { context: investorContext, investor, fund } = await investorRequestsAccess(browser, `Harbour Fund ${Date.now()}`, founder.code);
  // Not approved yet: the company is not readable.
  const companySlug = founder.base.split("/").pop()!;
  expect((await investor.goto(`${fund}/companies/${companySlug}`))?.status()).toBe(404);

  // The startup approves financials and risks only. Every section starts ticked (the request
  // names none), each with what it holds in words; the founder unticks the other three.
  await page.reload();
  const request = page.getByTestId("pending-request");
  for (const section of ["Financials", "Funding & debt", "Budgets", "Risks", "Investor updates"]) {
    await expect(request.getByLabel(section, { exact: true })).toBeChecked();
  }
  await expect(request.getByTestId("section-hint").first()).toContainText("cash, revenue");
  for (const section of ["Funding & debt", "Budgets", "Investor updates"]) await request.getByLabel(section, { exact: true }).uncheck();
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("No pending requests")).toBeVisible();

  // The portfolio shows the company with the worked example's runway.
  await investor.goto(`${fund}/portfolio`);
  const row = investor.getByRole("row", { name: new RegExp(company) });
  await expect(row).toContainText("9.2");

  // The overdue report raised an alert; acknowledge it.
  await investor.goto(`${fund}/alerts`);
  const alert = investor.getByRole("row", { name: /Report overdue/ });
  await expect(alert).toContainText(company);
  await alert.getByRole("button", { name: /Acknowledge/ }).click();
  await expect(investor.getByRole("row", { name: /Report overdue/ })).toContainText("Ines Park");

  // The heat map's 4 × 5 cell drills down to the risk behind it.
  await investor.goto(`${fund}/portfolio`);
  await investor.locator('[data-cell="4x5"] a').click();
  await expect(investor.getByRole("row", { name: /Inference costs outrun pricing/ })).toContainText(company);
  await investorContext.close();
});
