-- Figures derived from the largest amounts a report accepts must fit where they are kept: cash of
-- 9,999,999,999,999.99 over a cent of burn is 10^15 months of runway (numeric(8,1) held 10^7), and
-- net burn growth from an earlier cent-a-month burn runs past an integer's 2^31 basis points.
ALTER TABLE "company_metrics" ALTER COLUMN "runway_months" SET DATA TYPE numeric(20, 1);--> statement-breakpoint
ALTER TABLE "company_metrics" ALTER COLUMN "burn_multiple" SET DATA TYPE numeric(22, 2);--> statement-breakpoint
ALTER TABLE "company_metrics" ALTER COLUMN "net_burn_growth_bp" SET DATA TYPE numeric(24, 0);