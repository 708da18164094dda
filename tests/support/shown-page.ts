import { expect } from "vitest";
import { textOf } from "./html-text";

/** Checks a reply's status (200 unless told) and gives the page's HTML and its visible text. */
export async function pageOf(response: Response, status = 200) {
  expect(response.status, response.url).toBe(status);
  const html = await response.text();
  return { html, text: textOf(html) };
}

/** A page served in Chinese: 200, `<html lang="zh-CN">` and the given title. */
export async function chinesePageOf(response: Response, title: string) {
  const page = await pageOf(response);
  expect(page.html).toContain('<html lang="zh-CN">');
  expect(page.html).toContain(`<title>${title}</title>`);
  return page;
}

/** Checks a page's text shows each of `shown` and none of `notShown`, naming the words that fail. */
export function expectWords(text: string, shown: readonly string[], notShown: readonly string[] = []) {
  for (const words of shown) expect(text, words).toContain(words);
  for (const words of notShown) expect(text, words).not.toContain(words);
}

/** Checks a reply redirects (302) to an address matching `pattern`, and gives that address. */
export function redirectTarget(response: Response, pattern: RegExp) {
  expect(response.status).toBe(302);
  const location = response.headers.get("location") ?? "";
  expect(location).toMatch(pattern);
  return location;
}
