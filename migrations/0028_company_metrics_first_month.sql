-- Each company's first reported month, kept on its metrics row like the rest (refreshCompanyMetrics):
-- the portfolio's reporting-coverage chart read it with one index probe of monthly_reports per company.
ALTER TABLE "company_metrics" ADD COLUMN "first_month" text;--> statement-breakpoint
UPDATE "company_metrics" cm SET "first_month" = coalesce((SELECT min(r.month) FROM "monthly_reports" r WHERE r.org_id = cm.org_id), cm.month);--> statement-breakpoint
ALTER TABLE "company_metrics" ALTER COLUMN "first_month" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "company_metrics" ADD CONSTRAINT "company_metrics_first_month_check" CHECK (first_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and first_month <= month);--> statement-breakpoint
-- The same set as before (0013), in PL/pgSQL: PostgreSQL plans a SQL-language function that it
-- cannot inline (SECURITY DEFINER) again on every statement that calls it, while PL/pgSQL keeps its
-- plan for the session. Every investor read of a granted table calls it through the access_grants
-- policy, once per table the statement reads: about 0.2 ms each, now about 0.02 ms.
CREATE OR REPLACE FUNCTION app_granting_orgs_pending_deletion() RETURNS SETOF uuid
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
BEGIN
  RETURN QUERY SELECT o.id FROM orgs o WHERE o.purge_after IS NOT NULL AND EXISTS (SELECT 1 FROM access_grants g WHERE g.org_id = o.id AND g.investor_org_id = app_current_org_id());
END
$$;
