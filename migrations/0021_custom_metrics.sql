CREATE TABLE "metric_definitions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name_en" text NOT NULL,
	"name_zh" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"rollup" text NOT NULL,
	"source_org_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "metric_definitions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "metric_definitions_org_key" UNIQUE("org_id","key"),
	CONSTRAINT "metric_definitions_key_check" CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
	CONSTRAINT "metric_definitions_unit_check" CHECK (unit in ('currency', 'count', 'percent', 'ratio', 'duration')),
	CONSTRAINT "metric_definitions_direction_check" CHECK (direction in ('higher_is_better', 'lower_is_better')),
	CONSTRAINT "metric_definitions_rollup_check" CHECK (rollup in ('sum', 'last', 'average'))
);
--> statement-breakpoint
ALTER TABLE "metric_definitions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "metric_values" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"metric_id" uuid NOT NULL,
	"month" text NOT NULL,
	"value" numeric(24, 6) NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "metric_values_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "metric_values_org_metric_month" UNIQUE("org_id","metric_id","month"),
	CONSTRAINT "metric_values_month_check" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "metric_values" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "metric_definitions" ADD CONSTRAINT "metric_definitions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_definitions" ADD CONSTRAINT "metric_definitions_source_org_id_orgs_id_fk" FOREIGN KEY ("source_org_id") REFERENCES "public"."orgs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metric_values" ADD CONSTRAINT "metric_values_org_id_metric_id_metric_definitions_org_id_id_fk" FOREIGN KEY ("org_id","metric_id") REFERENCES "public"."metric_definitions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_values_org_id_month_index" ON "metric_values" USING btree ("org_id","month");--> statement-breakpoint
CREATE POLICY "metric_definitions_tenant_isolation" ON "metric_definitions" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = (select app_current_org_id())) WITH CHECK (org_id = (select app_current_org_id()));--> statement-breakpoint
CREATE POLICY "metric_definitions_investor_read" ON "metric_definitions" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = (select app_current_org_id()) and g.status = 'approved' and 'financials' = any(g.sections)));--> statement-breakpoint
CREATE POLICY "metric_values_tenant_isolation" ON "metric_values" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = (select app_current_org_id())) WITH CHECK (org_id = (select app_current_org_id()));--> statement-breakpoint
CREATE POLICY "metric_values_investor_read" ON "metric_values" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (org_id in (select g.org_id from access_grants g where g.investor_org_id = (select app_current_org_id()) and g.status = 'approved' and 'financials' = any(g.sections)));--> statement-breakpoint
-- drizzle-kit does not write FORCE; this forces RLS on the two new tables and grants them to app_tenant (0002).
SELECT app_force_rls();
