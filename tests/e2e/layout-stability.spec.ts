import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, DESKTOP, PHONE, settle, signedInPage } from "./a11y-support";

/**
 * Issue #15 item 21: nothing on the sign-in page, the startup dashboard or the portfolio moves
 * while it loads, hydrates and draws its charts (Lighthouse measured the sign-in page's CLS at
 * 0.18). The sum of the page's layout shifts not caused by input stays under Lighthouse's 0.1
 * ("good"); each shift names the elements that moved, so a failure says where to look.
 * Speed itself is measured by `npm run bench:lighthouse`, not here.
 */
async function layoutShifts(page: Page): Promise<{ total: number; moved: string[] }> {
  return page.evaluate(
    () =>
      new Promise<{ total: number; moved: string[] }>((resolve) => {
        type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] };
        let total = 0;
        const moved: string[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as Shift[]) {
            if (entry.hadRecentInput) continue;
            total += entry.value;
            for (const source of entry.sources ?? []) {
              const node = source.node;
              moved.push(
                `${entry.value.toFixed(3)} ${node instanceof Element ? `${node.tagName.toLowerCase()}.${String(node.className).split(" ").slice(0, 3).join(".")}` : (node?.nodeName ?? "?")}`,
              );
            }
          }
        });
        observer.observe({ type: "layout-shift", buffered: true });
        // Buffered entries arrive in the observer's next callback: two frames later they are all in.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            observer.disconnect();
            resolve({ total, moved });
          }),
        );
      }),
  );
}

async function freshPage(browser: Browser, viewport: { width: number; height: number }, locale: string) {
  const context = await browser.newContext({ viewport, locale, reducedMotion: "reduce" });
  return context.newPage();
}

for (const [label, viewport] of [
  ["phone", PHONE],
  ["desktop", DESKTOP],
] as const) {
  for (const locale of ["en-US", "zh-CN"]) {
    test(`the sign-in page does not move while it loads (${label}, ${locale})`, async ({ browser }) => {
      const page = await freshPage(browser, viewport, locale);
      await page.goto("/login");
      await settle(page);
      await page.waitForLoadState("networkidle");
      const shifts = await layoutShifts(page);
      expect(shifts.total, shifts.moved.join("; ")).toBeLessThan(0.1);
      await page.context().close();
    });
  }
}

for (const [who, path] of [
  [DEMO.founder, "/o/lumen-labs"],
  [DEMO.investor, "/o/northwind-ventures/portfolio"],
] as const) {
  test(`${path} does not move while it loads and draws its charts (phone)`, async ({ browser }) => {
    const { page, errors } = await signedInPage(browser, who);
    await page.setViewportSize(PHONE);
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Every chart drawn (each scrolled to, as it draws near the screen), into the box kept for it.
    await settle(page);
    const shifts = await layoutShifts(page);
    expect(shifts.total, shifts.moved.join("; ")).toBeLessThan(0.1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
}
