import AxeBuilder from "@axe-core/playwright";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export const DEMO = {
  founder: "founder@demo.capitaldesk.dev",
  investor: "investor@demo.capitaldesk.dev",
  viewer: "viewer@demo.capitaldesk.dev",
} as const;

/** Every route id of the production build the suite runs against (BUILD_DIR aware, like server.mjs). */
export async function builtRouteIds(): Promise<string[]> {
  const custom = process.env.BUILD_DIR && process.env.BUILD_DIR !== "build" ? process.env.BUILD_DIR : "build";
  const build = await import(pathToFileURL(path.resolve(custom, "index.js")).href);
  return Object.keys(build.routes as Record<string, unknown>);
}

/** One signed-in page per user, reused for every page that user visits (logging in costs an argon2 hash). */
export async function signedInPage(browser: Browser, email: string | null): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: "reduce" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  if (email) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).not.toHaveURL(/\/login/);
  }
  return { page, errors };
}

/** The id of the deepest route Remix matched for what the browser shows (proves which route a page covers). */
export async function matchedRouteId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const router = (window as unknown as { __remixRouter?: { state: { matches: { route: { id: string } }[] } } }).__remixRouter;
    return router?.state.matches.at(-1)?.route.id;
  });
}

/**
 * Hydrated, and every chart drawn (a chart shows "Loading chart…" until Chart.js has run). A chart
 * draws when it comes near the screen (app/components/charts/draw-schedule.ts), so each is
 * scrolled to as a reader would; the page is left scrolled back to the top.
 */
export async function settle(page: Page) {
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: { state: { initialized: boolean } } }).__remixRouter?.state.initialized === true);
  for (const chart of await page.locator("canvas").all()) if (await chart.isVisible()) await chart.scrollIntoViewIfNeeded();
  await expect(page.getByText("Loading chart…")).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Serious and critical WCAG 2.1 A/AA violations, one line per rule and element. axe files
 * contrast failures of very short text (a "0" in a heat-map cell) as "incomplete" although it
 * measured them; those with a measured ratio below the required one count as violations here.
 */
export async function axeProblems(page: Page, label: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const line = (id: string, impact: string | null | undefined, target: unknown[], detail: string) =>
    `${label}: [${impact}] ${id} at ${target.join(" ")} — ${detail}`;
  const violations = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => line(v.id, v.impact, n.target, `${v.help}. ${(n.failureSummary ?? "").split("\n").slice(1, 2).join(" ").trim()}`)));
  const measuredContrast = result.incomplete
    .filter((v) => v.id === "color-contrast")
    .flatMap((v) =>
      v.nodes.flatMap((n) => {
        const data = n.any[0]?.data as { contrastRatio?: number; expectedContrastRatio?: string; fgColor?: string; bgColor?: string } | undefined;
        const expected = Number.parseFloat(data?.expectedContrastRatio ?? "");
        if (!data?.contrastRatio || !(data.contrastRatio < expected)) return [];
        return [line(v.id, "serious", n.target, `contrast ${data.contrastRatio} (${data.fgColor} on ${data.bgColor}), needs ${data.expectedContrastRatio}`)];
      }),
    );
  return [...violations, ...measuredContrast];
}

/** At 375 px: nothing wider than the screen (wide tables scroll inside their card) and the h1 in view. */
export async function phoneProblems(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  await page.setViewportSize(PHONE);
  try {
    // Charts redraw for the new width on the next animation frames: give the layout a moment.
    await page.waitForFunction((width) => document.documentElement.scrollWidth <= width, PHONE.width, { timeout: 1_500 }).catch(() => undefined);
    const layout = await page.evaluate(() => {
      const width = document.documentElement.scrollWidth;
      // Name the widest culprits so a failure says where to look.
      const culprits = Array.from(document.querySelectorAll("body *"))
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(el).position !== "fixed")
        .filter((el) => {
          if (getComputedStyle(el).position === "absolute") return true; // escapes a scroller that is not positioned
          for (let up = el.parentElement; up; up = up.parentElement) if (/(auto|scroll|hidden)/.test(getComputedStyle(up).overflowX)) return false;
          return true;
        })
        .filter((el) => !Array.from(el.children).some((child) => child.getBoundingClientRect().right > window.innerWidth + 1))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")}`);
      return { width, culprits };
    });
    if (layout.width > PHONE.width) problems.push(`${label}: page is ${layout.width}px wide at 375px (${layout.culprits.join(", ")})`);
    const heading = page.getByRole("heading", { level: 1 }).first();
    if (!(await heading.isVisible())) problems.push(`${label}: no visible h1 at 375px`);
    else {
      const box = await heading.boundingBox();
      if (!box || box.x < 0 || box.x + box.width > PHONE.width + 1) problems.push(`${label}: the h1 does not fit the 375px screen`);
    }
  } finally {
    await page.setViewportSize(DESKTOP);
  }
  return problems;
}

/**
 * Text alternatives the brief asks for beyond axe: every chart canvas is an image with a name
 * and has its figures as a table in the same card; every counted heat-map cell says its risk
 * band in words (colour only repeats it).
 */
export async function alternativesProblems(page: Page, label: string): Promise<string[]> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    for (const canvas of Array.from(document.querySelectorAll("canvas"))) {
      const name = canvas.getAttribute("aria-label") ?? "";
      if (canvas.getAttribute("role") !== "img" || name.trim() === "") found.push(`a chart canvas without role="img" and a name`);
      if (!canvas.closest("section")?.querySelector("table")) found.push(`chart "${name}" has no data table in its card`);
    }
    const bandCells = Array.from(document.querySelectorAll("td")).filter((td) => /\bbg-(emerald-100|amber-100|orange-200|red-300)\b/.test(td.className));
    for (const td of bandCells) {
      const text = td.textContent?.trim() ?? "";
      if (/^[1-9]/.test(text) && !/(low|medium|high|critical)/i.test(text)) found.push(`heat-map cell "${text}" shows its band by colour only`);
    }
    return found;
  });
  return problems.map((p) => `${label}: ${p}`);
}
