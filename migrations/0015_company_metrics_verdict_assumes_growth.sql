ALTER TABLE "company_metrics" ADD COLUMN "verdict_assumes_growth" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Existing rows are brought to what refreshCompanyMetrics now writes (amended spec, issue #15):
-- revenue(m) that already covers gross burn(m) is default alive and profitable from m itself,
UPDATE "company_metrics" SET "default_alive" = 'profitable', "default_alive_month" = "month"
WHERE "revenue" >= "gross_burn";--> statement-breakpoint
-- and a verdict rests on an assumed g = 0 when revenue(m) is above zero but below gross burn(m)
-- and revenue(m−3) was not reported or was zero.
UPDATE "company_metrics" cm SET "verdict_assumes_growth" = true
WHERE cm.revenue > 0 AND cm.revenue < cm.gross_burn AND NOT EXISTS (
  SELECT 1 FROM "monthly_reports" mr
  WHERE mr.org_id = cm.org_id AND mr.revenue > 0
    AND mr.month = to_char(to_date(cm.month, 'YYYY-MM') - make_interval(months => 3), 'YYYY-MM')
);
