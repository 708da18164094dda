import type { Db } from "./client";
import { dataRequestPlans, dataRequestReminders, dataRequests, monthlyReports, type RequestAsks } from "./schema";
import { withTenant } from "./tenant";
import { stepTime } from "../app/domain/data-request";
import { findMetricTemplate } from "../app/domain/metric";
import { addMonths, isoDateOfDate, type Month } from "../app/finance/month";
import { translate } from "../app/i18n/translate";

// The demo fund's data requests (decision 026), one in every status the collection view shows.
// Statuses are computed from the companies' seeded data, so each row is set up to land in its
// status on the day the demo is seeded: an answered month due ahead (fulfilled), a month with
// the report but not an asked metric (partly), this month not yet reported (not started), and a
// request past its due day with nothing in (late, reminded twice).

interface Asked {
  id: string;
  slug: string;
}

interface Reported extends Asked {
  lastReported: Month | null;
  /** When last month's report was filed, if it was. */
  lastMonthFiled: Date | null;
}

const metric = (key: string): RequestAsks["metrics"][number] => {
  const t = findMetricTemplate(key);
  if (!t) throw new Error(`seedDataRequests: no template ${key}`);
  return { key, nameEn: translate("en", t.name), nameZh: translate("zh-CN", t.name), unit: t.unit, direction: t.direction, rollup: t.rollup };
};

export async function seedDataRequests(db: Db, fundId: string, asked: readonly Asked[], createdBy: string, today: Date): Promise<void> {
  // What each company really filed (the simulation leaves some months out), read as the fund.
  const filed = await withTenant(db, fundId, (tx) =>
    tx.select({ orgId: monthlyReports.orgId, month: monthlyReports.month, at: monthlyReports.createdAt }).from(monthlyReports),
  );
  const lastMonthOf = addMonths(isoDateOfDate(today).slice(0, 7), -1);
  const companies: Reported[] = asked.map((c) => {
    const own = filed.filter((r) => r.orgId === c.id);
    const last =
      own
        .map((r) => r.month)
        .sort()
        .at(-1) ?? null;
    const at = own.find((r) => r.month === lastMonthOf)?.at;
    return { ...c, lastReported: last, lastMonthFiled: at ? new Date(at) : null };
  });
  const day = (offset: number) => isoDateOfDate(new Date(today.getTime() + offset * 86_400_000));
  const thisMonth = isoDateOfDate(today).slice(0, 7);
  const lastMonth = addMonths(thisMonth, -1);
  const reportedLast = companies.filter((c) => c.lastMonthFiled !== null && c.lastMonthFiled.getTime() <= today.getTime());
  const behind = companies.find((c) => c.lastReported !== null && c.lastReported < lastMonth);
  const bySlug = (slug: string) => companies.find((c) => c.slug === slug);
  const lumen = bySlug("lumen-labs");
  const tensorleaf = bySlug("tensorleaf");
  const rows: { company: Reported; monthFrom: Month; dueOn: string; asks: RequestAsks; reminded?: number[] }[] = [];
  const fulfilled = reportedLast.find((c) => c !== lumen && c !== tensorleaf);
  if (fulfilled) rows.push({ company: fulfilled, monthFrom: lastMonth, dueOn: day(10), asks: { arr: false, metrics: [] } });
  // Lumen keeps tokens served but not paying customers: the report and one metric are in.
  if (lumen?.lastReported)
    rows.push({
      company: lumen,
      monthFrom: lumen.lastReported,
      dueOn: day(5),
      asks: { arr: false, metrics: [metric("tokens_served"), metric("paying_customers")] },
    });
  if (tensorleaf)
    rows.push({ company: tensorleaf, monthFrom: thisMonth, dueOn: `${addMonths(thisMonth, 1)}-15`, asks: { arr: true, metrics: [metric("gpu_hours")] } });
  const late = behind ?? companies.find((c) => !rows.some((r) => r.company === c));
  if (late) rows.push({ company: late, monthFrom: behind ? lastMonth : thisMonth, dueOn: day(-4), asks: { arr: false, metrics: [] }, reminded: [0, 3] });
  if (rows.length === 0) return;
  await withTenant(db, fundId, async (tx) => {
    for (const row of rows) {
      const [plan] = await tx
        .insert(dataRequestPlans)
        .values({
          orgId: fundId,
          cadence: "monthly",
          asks: row.asks,
          firstMonth: row.monthFrom,
          issuedThrough: row.monthFrom,
          reminderSteps: [-3, 0, 3, 7],
          companyOrgIds: [row.company.id],
          note: "For the quarterly LP letter: the month's figures, please.",
          createdBy,
        })
        .returning();
      const [request] = await tx
        .insert(dataRequests)
        .values({
          orgId: fundId,
          planId: plan!.id,
          companyOrgId: row.company.id,
          monthFrom: row.monthFrom,
          monthTo: row.monthFrom,
          dueOn: row.dueOn,
          asks: row.asks,
          note: plan!.note,
          reminderSteps: [-3, 0, 3, 7],
        })
        .returning();
      for (const step of row.reminded ?? []) {
        await tx.insert(dataRequestReminders).values({
          orgId: fundId,
          requestId: request!.id,
          companyOrgId: row.company.id,
          kind: "step",
          step,
          sentAt: new Date(Math.min(stepTime(row.dueOn, step).getTime(), today.getTime())),
        });
      }
    }
  });
}
