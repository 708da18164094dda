import { asc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { investorUpdates, investorUpdateViews, monthlyReports } from "./schema";
import { withTenant } from "./tenant";
import { figuresForMonth } from "../app/domain/investor-update";
import { addMonths, type Month } from "../app/finance/month";
import { spendOf } from "../app/models/monthly-report.server";

// The demo's investor updates (decision 025): each story company has sent the fund updates in its
// own words, some with live figure cards ({{runway}}, {{cash}}) frozen at sending as the app does,
// and the demo investor has opened all but the newest; Helix Bio AI, which does not share updates
// with the fund, has a draft instead. Figures come from the company's seeded reports.

interface UpdateCompany {
  id: string;
  slug: string;
  /** The company's owner, who writes its updates. */
  actor: { user: { id: string } };
  /** The company's last reported month. */
  lastReported: Month | null;
}

interface PlannedUpdate {
  /** Months before the last reported one. */
  back: number;
  title: string;
  body: string;
}

const SENT: Record<string, PlannedUpdate[]> = {
  "lumen-labs": [
    {
      back: 1,
      title: "Enterprise pilots turn into contracts",
      body: "## The month\n\nTwo of the three enterprise pilots signed annual contracts, and usage from the third doubled.\n\n- **Shipped** batch inference with per-tenant quotas\n- **Hired** a second solutions engineer\n\nCash at month end: {{cash}}.",
    },
    {
      back: 0,
      title: "Revenue up again; hiring ahead of plan",
      body: "## Where we are\n\nRevenue grew for the sixth month running. We are hiring ahead of plan while the pipeline is this full; runway is {{runway}} at the current burn.\n\n## Asks\n\nIntroductions to heads of data at logistics companies.",
    },
  ],
  "parallax-ai": [
    {
      back: 0,
      title: "Bridge talks and a tighter plan",
      body: "## Straight talk\n\nRunway is down to {{runway}}. We cut the GPU reservation in half and paused two hires.\n\nWe are talking to existing investors about a bridge and would value a call this week.",
    },
  ],
  "quanta-speech": [
    {
      back: 0,
      title: "Another profitable month",
      body: "## Highlights\n\nRevenue covered every cost again, so we are not burning cash: {{cash}} in the bank.\n\n- Mandarin and Cantonese models now at parity with English on our test set\n- Churn stayed under 1 %",
    },
  ],
  tensorleaf: [
    {
      back: 0,
      title: "Covenant waiver with Silicon Bridge Bank",
      body: "## What happened\n\nCash dipped below the loan's minimum-cash covenant at month end. We told the bank the same day and expect a waiver by the 20th.\n\nNet burn this month: {{net_burn}}. Cash: {{cash}}.\n\n## What we are doing\n\nCollections on two overdue invoices and a smaller training run next month.",
    },
  ],
};

const DRAFT = {
  slug: "helix-bio-ai",
  title: "Wet-lab results for the board",
  body: "## Draft — not sent\n\nAssay results from the partner lab are in; the summary for the board follows.\n\nRunway: {{runway}}.",
};

/** When an update about `month` went out: the 6th of the next month, never after `today`. */
function sentAtFor(month: Month, today: Date): Date {
  const planned = new Date(`${addMonths(month, 1)}-06T09:30:00.000Z`);
  return planned.getTime() < today.getTime() ? planned : new Date(today.getTime() - 6 * 3_600_000);
}

export async function seedInvestorUpdates(
  db: Db,
  fund: { id: string },
  reader: { id: string; name: string },
  companies: readonly UpdateCompany[],
  today: Date,
): Promise<void> {
  const opened: { companyOrgId: string; updateId: string; at: Date }[] = [];
  for (const company of companies) {
    const planned = SENT[company.slug];
    const draft = company.slug === DRAFT.slug;
    if ((!planned && !draft) || !company.lastReported) continue;
    const last = company.lastReported;
    await withTenant(db, company.id, async (tx) => {
      const reports = (await tx.select().from(monthlyReports).where(eq(monthlyReports.orgId, company.id)).orderBy(asc(monthlyReports.month))).map((r) => ({
        month: r.month,
        spend: spendOf(r),
        revenue: r.revenue,
        cash: r.cash,
      }));
      if (draft) {
        await tx.insert(investorUpdates).values({
          orgId: company.id,
          title: DRAFT.title,
          body: DRAFT.body,
          month: last,
          createdBy: company.actor.user.id,
          createdAt: new Date(today.getTime() - 2 * 3_600_000),
          updatedAt: new Date(today.getTime() - 2 * 3_600_000),
        });
        return;
      }
      const newest = Math.min(...planned!.map((p) => p.back));
      for (const update of planned!) {
        const month = addMonths(last, -update.back);
        const sentAt = sentAtFor(month, today);
        const [row] = await tx
          .insert(investorUpdates)
          .values({
            orgId: company.id,
            title: update.title,
            body: update.body,
            month,
            status: "sent",
            recipientOrgIds: [fund.id],
            figures: figuresForMonth(reports, month),
            sentAt,
            createdBy: company.actor.user.id,
            createdAt: new Date(sentAt.getTime() - 86_400_000),
            updatedAt: sentAt,
            version: 2,
          })
          .returning({ id: investorUpdates.id });
        // The investor opened every update but Lumen's newest (its page then says nobody has yet).
        if (!(company.slug === "lumen-labs" && update.back === newest)) {
          opened.push({ companyOrgId: company.id, updateId: row!.id, at: new Date(Math.min(sentAt.getTime() + 20 * 3_600_000, today.getTime())) });
        }
      }
    });
  }
  if (opened.length === 0) return;
  // Views are the reader's rows, written in the fund's tenant as opening an update writes them.
  await withTenant(db, fund.id, (tx) =>
    tx.insert(investorUpdateViews).values(
      opened.map((o) => ({
        orgId: fund.id,
        companyOrgId: o.companyOrgId,
        updateId: o.updateId,
        userId: reader.id,
        viewerName: reader.name,
        firstViewedAt: o.at,
      })),
    ),
  );
}
