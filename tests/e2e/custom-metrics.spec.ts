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

// The metrics CSV import (decision 024, addendum): the export's shape, checked in the browser and
// on the server, previewed as new / changed / unchanged values, then confirmed.
test("a founder imports metric values from a CSV: an unknown key is named, then a good file is previewed and imported", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, uniqueEmail("metricsimport"), "Ida Moss");
  const base = await createOrg(page, `Metric Import ${Date.now()}`);
  await page.goto(`${base}/metrics`);
  await page.getByLabel("Template for AI companies").selectOption("gpu_hours");
  await page.getByRole("button", { name: "Use template" }).click();
  await expect(page.getByLabel("Key")).toHaveValue("gpu_hours");
  await page.getByRole("button", { name: "Define metric" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "GPU hours" })).toBeVisible();

  await page.goto(`${base}/metrics`);
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import metric values" })).toBeVisible();
  await expect(page.getByText("month,gpu_hours").first()).toBeVisible();
  const file = page.locator('input[type="file"]');
  await file.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("month,gpu_hours,nps\n2026-01,10,3\n") });
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("import-errors").getByRole("row", { name: /nps/ })).toContainText('No metric has the key "nps"');

  await file.setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from('month,gpu_hours\n2026-01,"8,400.5"\n2026-02,9000\n') });
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("import-preview").getByRole("row", { name: "2026-01 8400.5" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm import" }).click();
  await expect(page.getByText("2 added, 0 changed").first()).toBeVisible();
  await page.getByRole("link", { name: "Back to custom metrics" }).first().click();
  await page.getByRole("link", { name: "GPU hours" }).first().click();
  await expect(page.getByLabel("GPU hours for 2026-02")).toHaveValue("9000");
});
