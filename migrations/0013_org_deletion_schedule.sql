ALTER TABLE "positions" DROP CONSTRAINT "positions_company_org_id_orgs_id_fk";
--> statement-breakpoint
ALTER TABLE "positions" ALTER COLUMN "company_org_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "deletion_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "deletion_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "purge_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "positions" ADD COLUMN "company_name" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_deletion_requested_by_users_id_fk" FOREIGN KEY ("deletion_requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_company_org_id_orgs_id_fk" FOREIGN KEY ("company_org_id") REFERENCES "public"."orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orgs_purge_after_idx" ON "orgs" USING btree ("purge_after") WHERE "orgs"."purge_after" is not null;--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_deletion_check" CHECK (("orgs"."deletion_requested_at" is null) = ("orgs"."purge_after" is null));--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_company_check" CHECK ("positions"."company_org_id" is not null or "positions"."company_name" is not null);--> statement-breakpoint
-- The startups scheduled for deletion that have a grant naming the current tenant as investor:
-- what the investor-read policy on access_grants hides (decision 009). SECURITY DEFINER because the
-- caller's own row-level security is what must not see them; it answers only about the caller's
-- own counterparties (orgs its grants already name). It starts from the few scheduled orgs
-- (orgs_purge_after_idx), so with none scheduled it costs next to nothing per statement.
CREATE OR REPLACE FUNCTION app_granting_orgs_pending_deletion() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT o.id FROM orgs o WHERE o.purge_after IS NOT NULL AND EXISTS (SELECT 1 FROM access_grants g WHERE g.org_id = o.id AND g.investor_org_id = app_current_org_id()) $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_granting_orgs_pending_deletion() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_granting_orgs_pending_deletion() TO app_tenant;--> statement-breakpoint
ALTER POLICY "access_grants_investor_read" ON "access_grants" TO app_tenant USING (investor_org_id = (select app_current_org_id()) and org_id not in (select app_granting_orgs_pending_deletion()));