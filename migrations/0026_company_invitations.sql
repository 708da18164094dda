CREATE TABLE "company_invitations" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"month_from" text NOT NULL,
	"email" text NOT NULL,
	"company_name" text NOT NULL,
	"sections" text[] NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"last_sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"send_count" integer DEFAULT 1 NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"company_org_id" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_invitations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "company_invitations_month_check" CHECK (month_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "company_invitations_sections_check" CHECK ("company_invitations"."sections" <@ array['financials', 'funding_debt', 'budgets', 'risks', 'updates']::text[] and cardinality("company_invitations"."sections") > 0),
	CONSTRAINT "company_invitations_closed_once" CHECK ("company_invitations"."accepted_at" is null or "company_invitations"."cancelled_at" is null)
);
--> statement-breakpoint
ALTER TABLE "company_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "company_invitations" ADD CONSTRAINT "company_invitations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_invitations" ADD CONSTRAINT "company_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_invitations" ADD CONSTRAINT "company_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_invitations" ADD CONSTRAINT "company_invitations_company_org_id_orgs_id_fk" FOREIGN KEY ("company_org_id") REFERENCES "public"."orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_invitations" ADD CONSTRAINT "company_invitations_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_invitations" ADD CONSTRAINT "company_invitations_org_id_plan_id_data_request_plans_org_id_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."data_request_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_invitations_token" ON "company_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "company_invitations_one_open_per_address" ON "company_invitations" USING btree ("org_id","email") WHERE "company_invitations"."accepted_at" is null and "company_invitations"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "company_invitations_org_created_idx" ON "company_invitations" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE POLICY "company_invitations_tenant_isolation" ON "company_invitations" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = (select app_current_org_id())) WITH CHECK (org_id = (select app_current_org_id()));--> statement-breakpoint
-- drizzle-kit does not write FORCE; this forces RLS on the new table and grants it to app_tenant (0002).
SELECT app_force_rls();
