import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { seedNorthstarPortfolio } from "../support/portfolio-seed";

/**
 * Issue #15 item 20: the portfolio shows default columns that fit 1280 px, and each person
 * picks the rest; the choice is remembered (a cookie) and sent back to the same page.
 */
let app: TestApp;
let slug: string;
let partner: TestClient;

/** The portfolio table's column headings, without the sort cues ("↕ (sortable)", "▲"). */
function headers(html: string): string[] {
  const start = html.indexOf('data-testid="portfolio-table"');
  const table = html.slice(start, html.indexOf("</table>", start));
  return [...table.matchAll(/<th[^>]*scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) =>
    m[1]!
      .replace(/<[^>]+>/g, "")
      .replace(/[↕▲▼].*$/, "")
      .trim(),
  );
}

beforeAll(async () => {
  app = await startTestApp();
  const seeded = await seedNorthstarPortfolio(app.database);
  slug = seeded.fund.org.slug;
  partner = app.client();
  await partner.login(seeded.fund.owner.email, TEST_PASSWORD);
}, 120_000);
afterAll(() => app?.close());

describe("the portfolio's columns", () => {
  it("shows the default columns, without average net burn and budget variance", async () => {
    const html = await (await partner.get(`/o/${slug}/portfolio`)).text();
    const shown = headers(html).join(" | ");
    for (const column of ["Company", "Last report", "Cash", "Net burn", "Runway", "Default alive", "Top risk", "Reporting"]) expect(shown).toContain(column);
    expect(shown).not.toContain("Avg net burn");
    expect(shown).not.toContain("Cash-out");
    expect(shown).not.toContain("Budget variance");
    expect(html).toContain('data-testid="columns-picker"');
  });

  it("remembers a choice and comes back to the same page, filters and sort kept", async () => {
    const back = `/o/${slug}/portfolio?sort=runway&dir=asc`;
    const response = await partner.post(`/o/${slug}/portfolio?index`, { intent: "columns", redirectTo: back, columns: ["variance", "runway"] });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(back);
    expect(response.headers.get("set-cookie")).toMatch(/^cd_portfolio_columns=.+; .*HttpOnly.*SameSite=Lax/i);
    const shown = headers(await (await partner.get(back)).text());
    expect(shown).toEqual(["Company", "Runway", "Budget variance", "Variance %"]);
  });

  it("goes back to the default columns on request", async () => {
    const response = await partner.post(`/o/${slug}/portfolio?index`, { intent: "columns-default", redirectTo: `/o/${slug}/portfolio` });
    expect(response.status).toBe(302);
    const shown = headers(await (await partner.get(`/o/${slug}/portfolio`)).text()).join(" | ");
    expect(shown).toContain("Top risk");
    expect(shown).not.toContain("Budget variance");
  });

  it("never sends a person elsewhere, and refuses an unknown intent", async () => {
    const away = await partner.post(`/o/${slug}/portfolio?index`, { intent: "columns", redirectTo: "https://evil.example/", columns: ["cash"] });
    expect(away.headers.get("location")).toBe(`/o/${slug}/portfolio`);
    const bad = await partner.post(`/o/${slug}/portfolio?index`, { intent: "drop-tables" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("set-cookie") ?? "").not.toContain("cd_portfolio_columns");
  });

  it("gives another tenant's user a 404 and sets nothing", async () => {
    const stranger = await makeOrgWithOwner(app.database, "investor", "Stranger Fund");
    const client = app.client();
    await client.login(stranger.owner.email, TEST_PASSWORD);
    const response = await client.post(`/o/${slug}/portfolio?index`, { intent: "columns", redirectTo: `/o/${slug}/portfolio`, columns: ["cash"] });
    expect(response.status).toBe(404);
    expect(response.headers.get("set-cookie") ?? "").not.toContain("cd_portfolio_columns");
  });

  it("names the picker and its columns in Chinese", async () => {
    const html = await (await partner.get(`/o/${slug}/portfolio`, { "Accept-Language": "zh-CN" })).text();
    for (const shown of ["显示列", "恢复默认列", "预算偏差", "平均净消耗"]) expect(html, shown).toContain(shown);
  });
});
