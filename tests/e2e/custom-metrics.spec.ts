import { createOrg, expect, signUp, test, uniqueEmail } from "./helpers";

// Custom metrics (issue #17, decision 024): a founder defines a metric from an AI template,
// enters this month's value, and sees it on the dashboard as a chart with its table.
test("a founder defines a metric from a template, enters a value and sees it on the dashboard", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("metrics"), "Mei Tan");
  const base = await createOrg(page, `Metric Works ${Date.now()}`);

  await page.goto(`${base}/metrics`);
  await expect(page.getByRole("heading", { level: 1, name: "Custom metrics" })).toBeVisible();
  await page.getByLabel("Template for AI companies").selectOption("gpu_hours");
  await page.getByRole("button", { name: "Use template" }).click();
  await expect(page.getByLabel("Name in Chinese")).toHaveValue("GPU 小时数");
  await expect(page.getByLabel("Key")).toHaveValue("gpu_hours");
  await page.getByRole("button", { name: "Define metric" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "GPU hours" })).toBeVisible();
  const month = new Date().toISOString().slice(0, 7);
  // Running text names the month as a reader says it ("Dec 2026"); tables keep "2026-12".
  const monthWords = new Date(`${month}-01T00:00:00Z`).toLocaleString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
  const input = page.getByLabel(`GPU hours for ${month}`);
  // A value that is not a number is refused where it was typed, and nothing is saved.
  await input.fill("lots");
  await input.press("Enter");
  await expect(page.getByText("Enter a number, such as 1234.5 or 1,234.5.")).toBeVisible();
  await page.getByLabel(`GPU hours for ${month}`).fill("8,400.5");
  await page.getByLabel(`GPU hours for ${month}`).press("Enter");
  await expect(page.getByText(`Saved ${monthWords}.`)).toBeVisible();
  await expect(page.getByLabel(`GPU hours for ${month}`)).toHaveValue("8400.5");

  await page.goto(base);
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Custom metrics" }) });
  await expect(section.getByText(`Latest: 8,400.5 h (${monthWords})`)).toBeVisible();
  await expect(section.getByRole("img", { name: "GPU hours over the last twelve months" })).toBeAttached();
  await section.getByText("Show the data as a table").click();
  await expect(section.getByRole("row", { name: `${month} 8,400.5 h` })).toBeVisible();
});
