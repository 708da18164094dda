/**
 * What the fund's home page shows (app/models/fund-overview.server.ts): JSON-ready values only,
 * so the page and its components can name the shape without importing server code.
 */
import type { IsoDate } from "~/finance";
import type { AlertKind } from "~/finance/alerts";
import type { RunwayThresholds } from "~/finance/runway";
import type { MessageRef } from "~/i18n/message-ref";

export interface FundOverview {
  today: IsoDate;
  baseCurrency: string;
  runwayThresholds: RunwayThresholds;
  /** Companies with an approved grant (0 = the empty state). */
  companyCount: number;
  alerts: {
    counts: { critical: number; warning: number; unacknowledged: number; total: number };
    /** Unresolved alerts nobody has acknowledged yet, critical and newest first. */
    newest: {
      id: string;
      kind: AlertKind;
      severity: "critical" | "warning";
      /** The stored reason read back into a ref by the model (alertReasonFromStored). */
      reason: MessageRef;
      subjectTitle: string | null;
      companyName: string;
      companySlug: string;
      firstSeenAt: string;
    }[];
  };
  /** Companies whose report is overdue (reporting status), the longest overdue first. */
  lateReports: { total: number; companies: { slug: string; name: string; owedMonth: string; dueDate: IsoDate }[] };
  /** Companies whose runway is under the fund's caution or critical threshold, shortest first. */
  lowRunway: {
    total: number;
    companies: { slug: string; name: string; runwayMonths: number | null; cashOutMonth: string | null; level: "critical" | "caution" }[];
  };
  /** The newest investor updates (highlights, lowlights, asks) of companies sharing updates. */
  recentUpdates: {
    companyName: string;
    companySlug: string;
    month: string;
    highlights: string | null;
    lowlights: string | null;
    asks: string | null;
    updatedAt: string;
  }[];
  /** The fund's own requests no company has answered yet, by what was typed. */
  pendingRequests: { requestedVia: string; requestedAt: string }[];
}
