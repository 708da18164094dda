CREATE TABLE "company_metrics" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"cash" bigint NOT NULL,
	"revenue" bigint NOT NULL,
	"gross_burn" bigint NOT NULL,
	"net_burn" bigint NOT NULL,
	"average_net_burn" bigint NOT NULL,
	"short_history" boolean NOT NULL,
	"runway_months" numeric(8, 1),
	"cash_out_month" text,
	"default_alive" text NOT NULL,
	"default_alive_month" text,
	"compute_share_bp" integer,
	"burn_multiple" numeric(12, 2),
	"net_burn_growth_bp" integer,
	"arr" bigint,
	"headcount" integer NOT NULL,
	"covenant" text,
	"report_count" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_metrics_month_check" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "company_metrics" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_updates" (
	"org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"highlights" text,
	"lowlights" text,
	"asks" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_updates_org_id_month_pk" PRIMARY KEY("org_id","month")
);
--> statement-breakpoint
ALTER TABLE "report_updates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "access_grants" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"investor_org_id" uuid NOT NULL,
	"status" text NOT NULL,
	"sections" text[] DEFAULT '{}'::text[] NOT NULL,
	"initiated_by" text NOT NULL,
	"requested_via" text,
	"requested_by_user_id" uuid,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "access_grants_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "access_grants_status_check" CHECK ("access_grants"."status" in ('requested', 'approved', 'declined', 'revoked')),
	CONSTRAINT "access_grants_initiated_check" CHECK ("access_grants"."initiated_by" in ('investor', 'startup')),
	CONSTRAINT "access_grants_sections_check" CHECK ("access_grants"."sections" <@ array['financials', 'funding_debt', 'budgets', 'risks', 'updates']::text[]),
	CONSTRAINT "access_grants_not_self" CHECK ("access_grants"."org_id" <> "access_grants"."investor_org_id")
);
--> statement-breakpoint
ALTER TABLE "access_grants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"runway_enabled" boolean DEFAULT true NOT NULL,
	"runway_caution_months" numeric(5, 1) DEFAULT '6' NOT NULL,
	"runway_critical_months" numeric(5, 1) DEFAULT '3' NOT NULL,
	"overdue_enabled" boolean DEFAULT true NOT NULL,
	"report_due_day" integer DEFAULT 15 NOT NULL,
	"risk_enabled" boolean DEFAULT true NOT NULL,
	"risk_score_min" integer DEFAULT 16 NOT NULL,
	"budget_enabled" boolean DEFAULT true NOT NULL,
	"budget_overrun_bp" integer DEFAULT 1000 NOT NULL,
	"covenant_enabled" boolean DEFAULT true NOT NULL,
	"default_dead_enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "alert_rules_runway_check" CHECK (0 < "alert_rules"."runway_critical_months" and "alert_rules"."runway_critical_months" < "alert_rules"."runway_caution_months" and "alert_rules"."runway_caution_months" <= 120),
	CONSTRAINT "alert_rules_due_day_check" CHECK ("alert_rules"."report_due_day" between 1 and 28),
	CONSTRAINT "alert_rules_risk_check" CHECK ("alert_rules"."risk_score_min" between 1 and 25),
	CONSTRAINT "alert_rules_budget_check" CHECK ("alert_rules"."budget_overrun_bp" between 0 and 100000)
);
--> statement-breakpoint
ALTER TABLE "alert_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "alerts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"company_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"reason" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_user_id" uuid,
	CONSTRAINT "alerts_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "alerts_kind_check" CHECK ("alerts"."kind" in ('runway', 'report_overdue', 'risk_score', 'budget_overrun', 'covenant', 'default_dead')),
	CONSTRAINT "alerts_severity_check" CHECK ("alerts"."severity" in ('critical', 'warning'))
);
--> statement-breakpoint
ALTER TABLE "alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"currency" text NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_org_id_month_currency_pk" PRIMARY KEY("org_id","month","currency"),
	CONSTRAINT "fx_rates_month_check" CHECK ("fx_rates"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "fx_rates_currency_check" CHECK ("fx_rates"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "fx_rates_rate_check" CHECK ("fx_rates"."rate" > 0)
);
--> statement-breakpoint
ALTER TABLE "fx_rates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "positions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"company_org_id" uuid NOT NULL,
	"invested_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"instrument" text NOT NULL,
	"ownership_bp" integer,
	"current_value" bigint NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "positions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "positions_amount_check" CHECK ("positions"."amount" > 0),
	CONSTRAINT "positions_value_check" CHECK ("positions"."current_value" >= 0),
	CONSTRAINT "positions_ownership_check" CHECK ("positions"."ownership_bp" is null or "positions"."ownership_bp" between 0 and 10000),
	CONSTRAINT "positions_currency_check" CHECK ("positions"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "positions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "share_code" text DEFAULT upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12)) NOT NULL;--> statement-breakpoint
ALTER TABLE "company_metrics" ADD CONSTRAINT "company_metrics_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_updates" ADD CONSTRAINT "report_updates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_updates" ADD CONSTRAINT "report_updates_org_id_month_monthly_reports_org_id_month_fk" FOREIGN KEY ("org_id","month") REFERENCES "public"."monthly_reports"("org_id","month") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_investor_org_id_orgs_id_fk" FOREIGN KEY ("investor_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_grants" ADD CONSTRAINT "access_grants_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_company_org_id_orgs_id_fk" FOREIGN KEY ("company_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_acknowledged_by_user_id_users_id_fk" FOREIGN KEY ("acknowledged_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fx_rates" ADD CONSTRAINT "fx_rates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_company_org_id_orgs_id_fk" FOREIGN KEY ("company_org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_grants_live_pair" ON "access_grants" USING btree ("org_id","investor_org_id") WHERE status in ('requested', 'approved');--> statement-breakpoint
CREATE INDEX "access_grants_investor_idx" ON "access_grants" USING btree ("investor_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_key" ON "alerts" USING btree ("org_id","company_org_id","kind","subject") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "alerts_org_id_first_seen_at_index" ON "alerts" USING btree ("org_id","first_seen_at");--> statement-breakpoint
CREATE INDEX "positions_org_id_company_org_id_index" ON "positions" USING btree ("org_id","company_org_id");--> statement-breakpoint
-- The investor update moves to its own table (its own section) before its columns go.
INSERT INTO "report_updates" ("org_id", "month", "highlights", "lowlights", "asks")
SELECT "org_id", "month", "highlights", "lowlights", "asks" FROM "monthly_reports"
WHERE "highlights" IS NOT NULL OR "lowlights" IS NOT NULL OR "asks" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "monthly_reports" DROP COLUMN "highlights";--> statement-breakpoint
ALTER TABLE "monthly_reports" DROP COLUMN "lowlights";--> statement-breakpoint
ALTER TABLE "monthly_reports" DROP COLUMN "asks";--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_shareCode_unique" UNIQUE("share_code");--> statement-breakpoint
CREATE POLICY "orgs_grant_read" ON "orgs" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (id in (select g.org_id from access_grants g where g.investor_org_id = app_current_org_id() and g.status = 'approved') or id in (select g.investor_org_id from access_grants g where g.org_id = app_current_org_id()));--> statement-breakpoint
CREATE POLICY "budgets_investor_read" ON "budgets" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = app_current_org_id() and g.status = 'approved' and 'budgets' = any(g.sections)));--> statement-breakpoint
CREATE POLICY "debt_facilities_investor_read" ON "debt_facilities" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = app_current_org_id() and g.status = 'approved' and 'funding_debt' = any(g.sections)));--> statement-breakpoint
CREATE POLICY "funding_rounds_investor_read" ON "funding_rounds" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = app_current_org_id() and g.status = 'approved' and 'funding_debt' = any(g.sections)));--> statement-breakpoint
CREATE POLICY "monthly_reports_investor_read" ON "monthly_reports" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = app_current_org_id() and g.status = 'approved' and 'financials' = any(g.sections)));--> statement-breakpoint
CREATE POLICY "risk_history_investor_read" ON "risk_history" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = app_current_org_id() and g.status = 'approved' and 'risks' = any(g.sections)));--> statement-breakpoint
CREATE POLICY "risks_investor_read" ON "risks" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = app_current_org_id() and g.status = 'approved' and 'risks' = any(g.sections)));--> statement-breakpoint
CREATE POLICY "company_metrics_tenant_isolation" ON "company_metrics" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "company_metrics_investor_read" ON "company_metrics" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = app_current_org_id() and g.status = 'approved' and 'financials' = any(g.sections)));--> statement-breakpoint
CREATE POLICY "report_updates_tenant_isolation" ON "report_updates" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "report_updates_investor_read" ON "report_updates" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = app_current_org_id() and g.status = 'approved' and 'updates' = any(g.sections)));--> statement-breakpoint
CREATE POLICY "access_grants_tenant_isolation" ON "access_grants" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "access_grants_investor_read" ON "access_grants" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (investor_org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "access_grants_investor_request" ON "access_grants" AS PERMISSIVE FOR INSERT TO "app_tenant" WITH CHECK (investor_org_id = app_current_org_id() and status = 'requested' and sections = '{}'::text[] and initiated_by = 'investor' and decided_by_user_id is null);--> statement-breakpoint
CREATE POLICY "alert_rules_tenant_isolation" ON "alert_rules" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "alerts_tenant_isolation" ON "alerts" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "fx_rates_tenant_isolation" ON "fx_rates" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "positions_tenant_isolation" ON "positions" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
SELECT app_force_rls();
