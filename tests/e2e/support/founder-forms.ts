import type { Locator, Page } from "@playwright/test";
import { expect } from "../helpers";

/*
 * The record forms a founder fills in many journeys, filled the way a person does: field by
 * field, by the field's name, then the form's own button.
 */

/** Fills fields by their name, in the order given: a select gets the option, any other field the text. */
export async function fillFields(scope: Page | Locator, fields: Record<string, string>) {
  for (const [name, value] of Object.entries(fields)) {
    const field = scope.locator(`[name="${name}"]`);
    if (await field.evaluate((element) => element instanceof HTMLSelectElement)) await field.selectOption(value);
    else await field.fill(value);
  }
}

/** Records a funding round from the rounds page (instrument, close date, amount and any more fields). */
export async function recordRound(page: Page, base: string, fields: Record<string, string>) {
  await page.goto(`${base}/rounds`);
  await fillFields(page, fields);
  await page.getByRole("button", { name: "Record round" }).click();
}

/** The risk register's add form. */
export const addRiskForm = (page: Page) => page.locator('form:has(button:text("Add risk"))');

/** Adds a risk from the open register's add form, and waits for its link in the register. */
export async function addRisk(page: Page, fields: { title: string } & Record<string, string>) {
  await fillFields(addRiskForm(page), fields);
  await page.getByRole("button", { name: "Add risk" }).click();
  await expect(page.getByRole("link", { name: fields.title })).toBeVisible();
}
