-- The last 24 months' net burn per company, kept on write (refreshCompanyMetrics), so the
-- portfolio's aggregate net burn chart sums one array per company instead of every report.
-- Existing rows are backfilled with what refreshCompanyMetrics now writes: element i is the
-- net burn (spend − revenue) of month (month − 24 + i), NULL where no report.
ALTER TABLE "company_metrics" ADD COLUMN "recent_net_burn" bigint[] NOT NULL DEFAULT array_fill(NULL::bigint, ARRAY[24]);--> statement-breakpoint
UPDATE "company_metrics" cm SET "recent_net_burn" = ARRAY(
  SELECT (
    SELECT mr.compute + mr.data + mr.payroll + mr.research + mr.go_to_market + mr.general_admin + mr.other - mr.revenue
    FROM "monthly_reports" mr
    WHERE mr.org_id = cm.org_id AND mr.month = to_char(to_date(cm.month, 'YYYY-MM') + make_interval(months => i - 24), 'YYYY-MM')
  )
  FROM generate_series(1, 24) AS i
  ORDER BY i
);--> statement-breakpoint
ALTER TABLE "company_metrics" ALTER COLUMN "recent_net_burn" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "company_metrics" ADD CONSTRAINT "company_metrics_recent_net_burn_24" CHECK (cardinality("company_metrics"."recent_net_burn") = 24);
