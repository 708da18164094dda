CREATE TABLE "share_link_views" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text,
	CONSTRAINT "share_link_views_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "share_link_views_user_agent_check" CHECK ("share_link_views"."user_agent" is null or char_length("share_link_views"."user_agent") <= 300)
);
--> statement-breakpoint
ALTER TABLE "share_link_views" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "share_links" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"label" text NOT NULL,
	"scope" text NOT NULL,
	"company_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"sections" text[] NOT NULL,
	"mode" text NOT NULL,
	"frozen_month" text,
	"snapshot" jsonb,
	"expires_at" timestamp with time zone NOT NULL,
	"passphrase_hash" text,
	"created_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "share_links_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "share_links_token_hash_check" CHECK ("share_links"."token_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "share_links_label_check" CHECK (char_length("share_links"."label") between 1 and 120),
	CONSTRAINT "share_links_scope_check" CHECK ("share_links"."scope" in ('company', 'portfolio', 'companies')),
	CONSTRAINT "share_links_companies_check" CHECK (("share_links"."scope" = 'company' and cardinality("share_links"."company_org_ids") = 1) or ("share_links"."scope" = 'companies' and cardinality("share_links"."company_org_ids") between 1 and 500) or ("share_links"."scope" = 'portfolio' and cardinality("share_links"."company_org_ids") = 0)),
	CONSTRAINT "share_links_sections_check" CHECK (cardinality("share_links"."sections") > 0 and "share_links"."sections" <@ array['financials', 'funding_debt', 'budgets', 'risks', 'updates']::text[]),
	CONSTRAINT "share_links_mode_check" CHECK ("share_links"."mode" in ('live', 'frozen')),
	CONSTRAINT "share_links_frozen_check" CHECK (("share_links"."mode" = 'live' and "share_links"."frozen_month" is null and "share_links"."snapshot" is null) or ("share_links"."mode" = 'frozen' and "share_links"."frozen_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and "share_links"."snapshot" is not null)),
	CONSTRAINT "share_links_expiry_check" CHECK ("share_links"."expires_at" > "share_links"."created_at" and "share_links"."expires_at" <= "share_links"."created_at" + interval '365 days 1 hour')
);
--> statement-breakpoint
ALTER TABLE "share_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "share_link_views" ADD CONSTRAINT "share_link_views_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_link_views" ADD CONSTRAINT "share_link_views_org_id_link_id_share_links_org_id_id_fk" FOREIGN KEY ("org_id","link_id") REFERENCES "public"."share_links"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "share_link_views_org_id_link_id_viewed_at_index" ON "share_link_views" USING btree ("org_id","link_id","viewed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "share_links_token_hash_index" ON "share_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "share_links_org_id_created_at_index" ON "share_links" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE POLICY "share_link_views_tenant_isolation" ON "share_link_views" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "share_links_tenant_isolation" ON "share_links" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
-- drizzle-kit does not write FORCE; this forces RLS on the two new tables and grants them to app_tenant.
SELECT app_force_rls();
