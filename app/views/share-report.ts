/**
 * What a partner's report page receives. Plain numbers (minor units) and months, exactly as
 * shown; the same shape is stored in a frozen link's snapshot. Types only, so the page's
 * browser-side components can name them.
 */
import type { GrantSection } from "~db/schema/rls";
import type { ShareMode, ShareScope } from "~db/schema/sharing";
import type { Month } from "~/finance";
import type { CompanyDashboardForInvestor, DashboardHeadline } from "./dashboard";

/** The sections a report can hold, named here so the page's components need not reach into db/. */
export type { GrantSection };

export interface UpdateView {
  month: Month;
  highlights: string | null;
  lowlights: string | null;
  asks: string | null;
}

/** One company of a report: only the sections the link (and, for an investor, the grant) shares. */
export interface CompanyReport {
  name: string;
  currency: string;
  sections: GrantSection[];
  /** Keys absent when their section is not shared (see CompanyDashboardForInvestor). */
  dashboard: CompanyDashboardForInvestor;
  /** The latest investor updates (newest first); absent when "updates" is not shared. */
  updates?: UpdateView[];
}

export interface ShareReport {
  label: string;
  /** The org that issued the link. */
  issuer: string;
  scope: ShareScope;
  mode: ShareMode;
  /** The month a frozen report stops at; null for a live one. */
  frozenMonth: Month | null;
  /** When these figures were read: now for a live report, the creation time for a frozen one. */
  generatedAt: string;
  sections: GrantSection[];
  companies: CompanyReport[];
}

/** One company of a frozen link's stored report. */
export type StoredCompanyReport = CompanyReport & {
  /** So that views (and the investor's sync) can check the company's current grant. */
  orgId: string;
  /**
   * When the forecasts include the company's debt service (funding & debt shared): the same
   * headline without it, so that a grant narrowed to exclude funding & debt can show figures
   * that owe nothing to the debt facilities (share-report.server.ts restrictCompanyReport).
   * Never sent to the page.
   */
  headlineWithoutDebt?: DashboardHeadline;
};

/** A frozen link's stored report: each company keeps its org id so views can re-check grants. */
export interface ShareSnapshot {
  version: 1;
  generatedAt: string;
  companies: StoredCompanyReport[];
}
