import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { rowsOf, type Database } from "../../db/client";
import { withSystem } from "../../db/tenant";
import type { OrgContext } from "../../app/auth/context";
import { saveMonthlyReport } from "../../app/models/monthly-report.server";
import { createRisk } from "../../app/models/risk.server";
import type { TestClient } from "./app-server";
import { postPairs } from "./hostile";
import { routeData } from "./route-data";

const ZERO_SPEND = { compute: 0, data: 0, payroll: 0, research: 0, go_to_market: 0, general_admin: 0, other: 0 };

/**
 * Three months of reports whose latest cash is `cashMajor` (a figure distinctive enough to
 * search a page for), an investor update and an open risk, all carrying `label`.
 */
export async function seedCompany(ctx: OrgContext, label: string, cashMajor: number) {
  const months = ["2026-01", "2026-02", "2026-03"];
  for (const [i, month] of months.entries()) {
    await saveMonthlyReport(ctx, month, null, {
      cash: (cashMajor + (2 - i) * 100_000) * 100,
      revenue: 1_000_000,
      headcount: 9,
      arr: null,
      ...ZERO_SPEND,
      payroll: 11_000_000,
      highlights: month === "2026-03" ? `${label} highlight of March` : null,
      lowlights: null,
      asks: null,
    });
  }
  await createRisk(ctx, {
    title: `${label} risk register entry`,
    category: "talent",
    likelihood: 4,
    impact: 4,
    owner: "CEO",
    mitigation: null,
    status: "open",
    nextReviewDate: null,
  });
}

/** Rewrites a month's cash (a later edit by the company). */
export async function editCash(ctx: OrgContext, month: string, version: number, cashMajor: number) {
  return saveMonthlyReport(ctx, month, version, {
    cash: cashMajor * 100,
    revenue: 1_000_000,
    headcount: 9,
    arr: null,
    ...ZERO_SPEND,
    payroll: 11_000_000,
    highlights: null,
    lowlights: null,
    asks: null,
  });
}

export const LIST_ROUTE = "routes/o.$orgSlug.share-links._index";
export const DETAIL_ROUTE = "routes/o.$orgSlug.share-links.$linkId";
export const REPORT_ROUTE = "routes/r.$token";

export interface LinkForm {
  label?: string;
  scope?: "company" | "portfolio" | "companies";
  companyId?: string;
  companyIds?: string[];
  sections?: string[];
  mode?: "live" | "frozen";
  frozenMonth?: string;
  expiresInDays?: string;
  passphrase?: string;
}

export function linkPairs(form: LinkForm): [string, string][] {
  const pairs: [string, string][] = [
    ["intent", "create"],
    ["label", form.label ?? "Partner report"],
    ["scope", form.scope ?? "company"],
    ["mode", form.mode ?? "live"],
    ["expiresInDays", form.expiresInDays ?? "30"],
    ["passphrase", form.passphrase ?? ""],
  ];
  if (form.companyId) pairs.push(["companyId", form.companyId]);
  for (const id of form.companyIds ?? []) pairs.push(["companyIds", id]);
  for (const s of form.sections ?? ["financials", "funding_debt", "budgets", "risks", "updates"]) pairs.push(["sections", s]);
  if (form.frozenMonth) pairs.push(["frozenMonth", form.frozenMonth]);
  return pairs;
}

/** Creates a link through the management page's action; returns the token and the link id. */
export async function createLink(client: TestClient, slug: string, form: LinkForm = {}) {
  const response = await postPairs(client, routeData(`/o/${slug}/share-links`, LIST_ROUTE), linkPairs(form));
  const body = (await response.json()) as { ok: boolean; id: string; url: string; fieldErrors?: Record<string, string> };
  expect(response.status, JSON.stringify(body)).toBe(200);
  expect(response.headers.get("cache-control")).toContain("no-store");
  const token = body.url.split("/r/")[1]!;
  expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
  return { token, id: body.id, url: body.url };
}

/** The HTML with the per-request parts (CSP nonce) blanked, so two answers compare byte for byte. */
export function stable(html: string) {
  return html.replace(/nonce="[^"]*"/g, 'nonce=""');
}

/** Visible text of an HTML page: the one shared helper, re-exported for the share-link tests. */
export { textOf } from "./html-text";

export async function viewCount(database: Database, linkId: string) {
  const [row] = await withSystem(database.db, async (tx) =>
    rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from share_link_views where link_id = ${linkId}`)),
  );
  return Number(row!.n);
}

/** A digest of every table: "nothing written" means this did not change. */
export async function digestAll(database: Database, except: string[] = []): Promise<Record<string, string>> {
  return withSystem(database.db, async (tx) => {
    const tables = rowsOf<{ table: string }>(
      await tx.execute(sql`select relname as table from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1`),
    );
    const result: Record<string, string> = {};
    for (const { table } of tables) {
      if (except.includes(table)) continue;
      const [row] = rowsOf<{ digest: string | null }>(
        await tx.execute(sql.raw(`select md5(string_agg(t::text, ',' order by t::text)) as digest from "${table}" t`)),
      );
      result[table] = row?.digest ?? "empty";
    }
    return result;
  });
}
