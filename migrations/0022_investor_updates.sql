CREATE TABLE "investor_update_views" (
	"org_id" uuid NOT NULL,
	"company_org_id" uuid NOT NULL,
	"update_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"viewer_name" text NOT NULL,
	"first_viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investor_update_views_org_id_update_id_user_id_pk" PRIMARY KEY("org_id","update_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "investor_update_views" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "investor_updates" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"month" text NOT NULL,
	"highlights" text,
	"lowlights" text,
	"asks" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"recipient_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"figures" jsonb,
	"scheduled_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "investor_updates_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "investor_updates_status_check" CHECK ("investor_updates"."status" in ('draft', 'scheduled', 'sent')),
	CONSTRAINT "investor_updates_month_check" CHECK ("investor_updates"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "investor_updates_scheduled_check" CHECK (("investor_updates"."status" = 'scheduled') = ("investor_updates"."scheduled_at" is not null)),
	CONSTRAINT "investor_updates_sent_check" CHECK (("investor_updates"."status" = 'sent') = ("investor_updates"."sent_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "investor_updates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "investor_update_views" ADD CONSTRAINT "investor_update_views_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_update_views" ADD CONSTRAINT "investor_update_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_update_views" ADD CONSTRAINT "investor_update_views_company_org_id_update_id_investor_updates_org_id_id_fk" FOREIGN KEY ("company_org_id","update_id") REFERENCES "public"."investor_updates"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_updates" ADD CONSTRAINT "investor_updates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_updates" ADD CONSTRAINT "investor_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "investor_update_views_org_user_idx" ON "investor_update_views" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "investor_update_views_company_update_idx" ON "investor_update_views" USING btree ("company_org_id","update_id");--> statement-breakpoint
CREATE INDEX "investor_updates_org_created_idx" ON "investor_updates" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "investor_updates_org_sent_idx" ON "investor_updates" USING btree ("org_id","sent_at");--> statement-breakpoint
CREATE INDEX "investor_updates_due_idx" ON "investor_updates" USING btree ("scheduled_at") WHERE "investor_updates"."status" = 'scheduled';--> statement-breakpoint
CREATE POLICY "investor_update_views_tenant_isolation" ON "investor_update_views" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = (select app_current_org_id())) WITH CHECK (org_id = (select app_current_org_id()));--> statement-breakpoint
CREATE POLICY "investor_update_views_sender_read" ON "investor_update_views" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (company_org_id = (select app_current_org_id()));--> statement-breakpoint
CREATE POLICY "investor_update_views_readable_insert" ON "investor_update_views" AS RESTRICTIVE FOR INSERT TO "app_tenant" WITH CHECK (exists (select 1 from investor_updates u where u.org_id = company_org_id and u.id = update_id));--> statement-breakpoint
CREATE POLICY "investor_updates_tenant_isolation" ON "investor_updates" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = (select app_current_org_id())) WITH CHECK (org_id = (select app_current_org_id()));--> statement-breakpoint
CREATE POLICY "investor_updates_investor_read" ON "investor_updates" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = (select app_current_org_id()) and g.status = 'approved' and 'updates' = any(g.sections)));--> statement-breakpoint
CREATE POLICY "investor_updates_only_sent_to_reader" ON "investor_updates" AS RESTRICTIVE FOR SELECT TO "app_tenant" USING (org_id = (select app_current_org_id()) or (status = 'sent' and (select app_current_org_id()) = any(recipient_org_ids)));--> statement-breakpoint
-- drizzle-kit does not write FORCE; this forces RLS on the two new tables and grants them to app_tenant.
SELECT app_force_rls();--> statement-breakpoint
-- The people an update is mailed to (decision 025): owners, admins and members of an investor org
-- that holds an approved grant with the "updates" section from the current tenant. SECURITY DEFINER
-- because a startup's tenant cannot read another org's memberships; it answers only for the caller's
-- own granted investors, and only with what a mail needs (id, address, name, language).
CREATE OR REPLACE FUNCTION app_update_recipients(investor uuid) RETURNS TABLE (user_id uuid, email text, name text, locale text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT u.id, u.email, u.name, u.locale FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.org_id = investor AND m.role IN ('owner', 'admin', 'member')
          AND EXISTS (SELECT 1 FROM access_grants g WHERE g.org_id = app_current_org_id() AND g.investor_org_id = investor
                      AND g.status = 'approved' AND 'updates' = ANY(g.sections))
        ORDER BY u.email $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_update_recipients(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_update_recipients(uuid) TO app_tenant;
