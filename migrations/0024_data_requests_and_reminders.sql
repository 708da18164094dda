CREATE TABLE "data_request_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cadence" text NOT NULL,
	"asks" jsonb NOT NULL,
	"first_month" text NOT NULL,
	"issued_through" text NOT NULL,
	"due_day" integer DEFAULT 15 NOT NULL,
	"note" text,
	"reminder_steps" integer[] NOT NULL,
	"company_org_ids" uuid[],
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_request_plans_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "data_request_plans_cadence_check" CHECK ("data_request_plans"."cadence" in ('monthly', 'quarterly')),
	CONSTRAINT "data_request_plans_month_check" CHECK (first_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and issued_through ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "data_request_plans_due_day_check" CHECK ("data_request_plans"."due_day" between 1 and 28)
);
--> statement-breakpoint
ALTER TABLE "data_request_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "data_request_reminders" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"company_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"step" integer,
	"sent_by" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_request_reminders_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "data_request_reminders_kind_check" CHECK (("data_request_reminders"."kind" = 'step') = ("data_request_reminders"."step" is not null) and "data_request_reminders"."kind" in ('step', 'manual'))
);
--> statement-breakpoint
ALTER TABLE "data_request_reminders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "data_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"company_org_id" uuid NOT NULL,
	"month_from" text NOT NULL,
	"month_to" text NOT NULL,
	"due_on" date NOT NULL,
	"asks" jsonb NOT NULL,
	"note" text,
	"reminder_steps" integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "data_requests_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "data_requests_month_check" CHECK (month_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and month_to ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and month_from <= month_to)
);
--> statement-breakpoint
ALTER TABLE "data_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "data_request_plans" ADD CONSTRAINT "data_request_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_plans" ADD CONSTRAINT "data_request_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_reminders" ADD CONSTRAINT "data_request_reminders_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_reminders" ADD CONSTRAINT "data_request_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_request_reminders" ADD CONSTRAINT "data_request_reminders_org_id_request_id_data_requests_org_id_id_fk" FOREIGN KEY ("org_id","request_id") REFERENCES "public"."data_requests"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_company_org_id_orgs_id_fk" FOREIGN KEY ("company_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_org_id_plan_id_data_request_plans_org_id_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."data_request_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_request_plans_org_created_idx" ON "data_request_plans" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "data_request_reminders_once_per_step" ON "data_request_reminders" USING btree ("org_id","request_id","step") WHERE "data_request_reminders"."kind" = 'step';--> statement-breakpoint
CREATE INDEX "data_request_reminders_org_request_idx" ON "data_request_reminders" USING btree ("org_id","request_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "data_requests_org_company_period" ON "data_requests" USING btree ("org_id","company_org_id","month_from");--> statement-breakpoint
CREATE INDEX "data_requests_org_period_idx" ON "data_requests" USING btree ("org_id","month_to");--> statement-breakpoint
CREATE INDEX "data_requests_company_idx" ON "data_requests" USING btree ("company_org_id","due_on");--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" in ('access_requested', 'access_decided', 'share_link_viewed', 'alert', 'investor_update', 'request_reminder'));--> statement-breakpoint
CREATE POLICY "data_request_plans_tenant_isolation" ON "data_request_plans" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = (select app_current_org_id())) WITH CHECK (org_id = (select app_current_org_id()));--> statement-breakpoint
CREATE POLICY "data_request_reminders_tenant_isolation" ON "data_request_reminders" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = (select app_current_org_id())) WITH CHECK (org_id = (select app_current_org_id()));--> statement-breakpoint
CREATE POLICY "data_request_reminders_company_read" ON "data_request_reminders" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (company_org_id = (select app_current_org_id()) and exists (select 1 from access_grants g where g.org_id = company_org_id and g.investor_org_id = data_request_reminders.org_id and g.status = 'approved'));--> statement-breakpoint
CREATE POLICY "data_requests_tenant_isolation" ON "data_requests" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = (select app_current_org_id())) WITH CHECK (org_id = (select app_current_org_id()));--> statement-breakpoint
CREATE POLICY "data_requests_company_read" ON "data_requests" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (company_org_id = (select app_current_org_id()) and exists (select 1 from access_grants g where g.org_id = company_org_id and g.investor_org_id = data_requests.org_id and g.status = 'approved'));--> statement-breakpoint
-- drizzle-kit does not write FORCE; this forces RLS on the three new tables and grants them to app_tenant (0002).
SELECT app_force_rls();
