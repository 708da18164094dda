CREATE TABLE "metric_alert_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"metric_key" text NOT NULL,
	"condition" text NOT NULL,
	"measure" text DEFAULT 'amount' NOT NULL,
	"threshold" numeric(24, 6) NOT NULL,
	"severity" text DEFAULT 'warning' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "metric_alert_rules_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "metric_alert_rules_key_check" CHECK (metric_key ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "metric_alert_rules_condition_check" CHECK (condition in ('floor', 'ceiling', 'fall', 'rise')),
	CONSTRAINT "metric_alert_rules_measure_check" CHECK (measure in ('amount', 'percent') and (measure = 'amount' or condition in ('fall', 'rise'))),
	CONSTRAINT "metric_alert_rules_threshold_check" CHECK (condition in ('floor', 'ceiling') or threshold > 0),
	CONSTRAINT "metric_alert_rules_severity_check" CHECK (severity in ('critical', 'warning'))
);
--> statement-breakpoint
ALTER TABLE "metric_alert_rules" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "alerts" DROP CONSTRAINT "alerts_kind_check";--> statement-breakpoint
ALTER TABLE "metric_alert_rules" ADD CONSTRAINT "metric_alert_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_alert_rules" ADD CONSTRAINT "metric_alert_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_kind_check" CHECK ("alerts"."kind" in ('runway', 'report_overdue', 'risk_score', 'budget_overrun', 'covenant', 'default_dead', 'metric'));--> statement-breakpoint
CREATE POLICY "metric_alert_rules_tenant_isolation" ON "metric_alert_rules" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = (select app_current_org_id())) WITH CHECK (org_id = (select app_current_org_id()));--> statement-breakpoint
-- drizzle-kit does not write FORCE; this forces RLS on the new table and grants it to app_tenant (0002).
SELECT app_force_rls();
