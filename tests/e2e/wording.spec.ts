import { createOrg, DEMO_PASSWORD, expect, logIn, signUp, test, uniqueEmail } from "./helpers";
import { importReports, monthFromNow, REPORTS_CSV_HEADER } from "./support/company-set-up";
import { addRisk, addRiskForm } from "./support/founder-forms";

// Issue #15 item 10: a company whose revenue is above its spend generates cash. Net burn is
// −15,000 every month: the card says "Net cash generated $15,000", never "Net burn -$15,000".
const csv = [
  REPORTS_CSV_HEADER,
  `${monthFromNow(-4)},500000,115000,0,0,100000,0,0,0,0,8,`,
  `${monthFromNow(-3)},515000,115000,0,0,100000,0,0,0,0,8,`,
  `${monthFromNow(-2)},530000,115000,0,0,100000,0,0,0,0,8,`,
].join("\n");

test("a company generating cash is read as such, and each card's definition opens from the keyboard", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("generating"), "Gen Erate");
  const base = await createOrg(page, `Cashflow Positive AI ${Date.now()}`);
  await importReports(page, base, csv, 3);

  await page.goto(base);
  const card = page.getByTestId("card-net-burn");
  await expect(card.getByRole("heading")).toHaveText("Net cash generated");
  await expect(card).toContainText("$15,000");
  await expect(card).toContainText("net cash generated $15,000");
  await expect(card).not.toContainText("-$15,000");
  await expect(card).not.toContainText("−$15,000");
  // Not burning: runway says so, and the cash-out month is beyond the horizon, in the one wording.
  await expect(page.getByTestId("card-runway")).toContainText("Not burning");
  await expect(page.getByTestId("card-cash-out")).toContainText("Beyond 10 years");

  // The definition is one click (or one key) away, folded by default.
  const definition = card.getByTestId("definition");
  const summary = definition.getByText("How is this calculated?");
  await expect(definition.getByText(/revenue − operating spend/)).toBeHidden();
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(definition.getByText(/Average net cash generated \(revenue − operating spend\)/)).toBeVisible();
  await page.keyboard.press("Space");
  await expect(definition.getByText(/revenue − operating spend/)).toBeHidden();

  // The same in Chinese.
  await page.getByRole("group", { name: "Language" }).first().getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("card-net-burn").getByRole("heading")).toHaveText("净现金流入");
  await expect(page.getByTestId("card-cash-out")).toContainText("10 年以后");
});

test("the risk register has the page's width at 1280 px: the add form sits above it, not beside it; and it fits 375 px", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signUp(page, uniqueEmail("risks"), "Ris Ker");
  const base = await createOrg(page, `Risky Layout AI ${Date.now()}`);
  await page.goto(`${base}/risks`);
  // An empty register opens the add panel.
  const panel = page.getByTestId("add-risk");
  await expect(panel).toHaveAttribute("open", "");
  await addRisk(page, { title: "Inference costs outrun pricing", category: "financial" });

  const table = page.locator("table", { has: page.getByRole("link", { name: "Inference costs outrun pricing" }) });
  const tableBox = await table.boundingBox();
  const panelBox = await panel.boundingBox();
  expect(tableBox && panelBox).toBeTruthy();
  if (!tableBox || !panelBox) return;
  // Above, not beside: the panel ends before the table starts, and the table is wider than the old two-thirds column.
  expect(panelBox.y + panelBox.height).toBeLessThanOrEqual(tableBox.y);
  expect(tableBox.width).toBeGreaterThan(1280 * 0.7);
  // With risks recorded, the panel is folded and opens from the keyboard.
  await expect(panel).not.toHaveAttribute("open", "");
  await panel.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(addRiskForm(page).locator('[name="title"]')).toBeVisible();

  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("on a phone in Chinese the positions table keeps each instrument on one line", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await logIn(page, "investor@demo.capitaldesk.dev", DEMO_PASSWORD);
  await page.context().addCookies([{ name: "lang", value: "zh-CN", url: new URL(page.url()).origin }]);
  await page.goto("/o/northwind-ventures/positions");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  // The lines a cell's text takes: before, "种子轮" stood one character a line in a squeezed column.
  const linesOf = (cell: import("@playwright/test").Locator) =>
    cell.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
    });
  const table = page.getByTestId("positions");
  await expect(table.getByRole("columnheader", { name: "融资工具" })).toBeVisible();
  expect(await linesOf(table.getByRole("columnheader", { name: "融资工具" }))).toBe(1);
  const instruments = table.getByTestId("position-row").locator("td:nth-child(3)");
  expect(await instruments.count()).toBeGreaterThan(3);
  for (const cell of await instruments.all()) {
    await expect(cell).toHaveText(/\S/);
    expect(await linesOf(cell), await cell.innerText()).toBe(1);
  }
});
