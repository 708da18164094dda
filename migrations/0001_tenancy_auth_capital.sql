CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invitations" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "invitations_role_check" CHECK ("invitations"."role" in ('admin', 'member', 'viewer'))
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"to_email" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "memberships" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_org_id_user_id_pk" PRIMARY KEY("org_id","user_id"),
	CONSTRAINT "memberships_role_check" CHECK ("memberships"."role" in ('owner', 'admin', 'member', 'viewer'))
);
--> statement-breakpoint
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"base_currency" text DEFAULT 'USD' NOT NULL,
	"budget_overrun_threshold_bp" integer DEFAULT 1000 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orgs_slug_unique" UNIQUE("slug"),
	CONSTRAINT "orgs_kind_check" CHECK ("orgs"."kind" in ('startup', 'investor')),
	CONSTRAINT "orgs_currency_check" CHECK ("orgs"."base_currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "orgs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "budgets" (
	"org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"category" text NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "budgets_org_id_month_category_pk" PRIMARY KEY("org_id","month","category"),
	CONSTRAINT "budgets_month_check" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "budgets_amount_check" CHECK ("budgets"."amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "budgets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "debt_facilities" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"lender" text NOT NULL,
	"kind" text NOT NULL,
	"principal" bigint NOT NULL,
	"currency" text NOT NULL,
	"annual_rate_bp" integer NOT NULL,
	"draw_date" date NOT NULL,
	"term_months" integer NOT NULL,
	"repayment_type" text NOT NULL,
	"interest_only_months" integer DEFAULT 0 NOT NULL,
	"minimum_cash" bigint,
	"reporting_deadline_day" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "debt_facilities_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "debt_principal_check" CHECK ("debt_facilities"."principal" > 0),
	CONSTRAINT "debt_rate_check" CHECK ("debt_facilities"."annual_rate_bp" between 0 and 10000),
	CONSTRAINT "debt_term_check" CHECK ("debt_facilities"."term_months" between 1 and 600),
	CONSTRAINT "debt_io_check" CHECK ("debt_facilities"."interest_only_months" >= 0 and "debt_facilities"."interest_only_months" < "debt_facilities"."term_months")
);
--> statement-breakpoint
ALTER TABLE "debt_facilities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "funding_rounds" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"instrument" text NOT NULL,
	"close_date" date NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"pre_money_valuation" bigint,
	"lead_investor" text,
	"other_investors" text,
	"crowdfunding_platform" text,
	"backer_count" integer,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "funding_rounds_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "funding_rounds_amount_check" CHECK ("funding_rounds"."amount" > 0),
	CONSTRAINT "funding_rounds_pre_money_check" CHECK ("funding_rounds"."pre_money_valuation" is null or "funding_rounds"."pre_money_valuation" > 0)
);
--> statement-breakpoint
ALTER TABLE "funding_rounds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"month" text NOT NULL,
	"cash" bigint NOT NULL,
	"revenue" bigint DEFAULT 0 NOT NULL,
	"compute" bigint DEFAULT 0 NOT NULL,
	"data" bigint DEFAULT 0 NOT NULL,
	"payroll" bigint DEFAULT 0 NOT NULL,
	"research" bigint DEFAULT 0 NOT NULL,
	"go_to_market" bigint DEFAULT 0 NOT NULL,
	"general_admin" bigint DEFAULT 0 NOT NULL,
	"other" bigint DEFAULT 0 NOT NULL,
	"headcount" integer DEFAULT 0 NOT NULL,
	"arr" bigint,
	"highlights" text,
	"lowlights" text,
	"asks" text,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "monthly_reports_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "monthly_reports_org_month" UNIQUE("org_id","month"),
	CONSTRAINT "monthly_reports_month_check" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "monthly_reports_nonnegative" CHECK ("monthly_reports"."revenue" >= 0 and "monthly_reports"."compute" >= 0 and "monthly_reports"."data" >= 0 and "monthly_reports"."payroll" >= 0 and "monthly_reports"."research" >= 0 and "monthly_reports"."go_to_market" >= 0 and "monthly_reports"."general_admin" >= 0 and "monthly_reports"."other" >= 0 and "monthly_reports"."headcount" >= 0 and ("monthly_reports"."arr" is null or "monthly_reports"."arr" >= 0))
);
--> statement-breakpoint
ALTER TABLE "monthly_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "risk_history" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"risk_id" uuid NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"status" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_history_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "risk_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "risks" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"owner" text,
	"mitigation" text,
	"status" text DEFAULT 'open' NOT NULL,
	"next_review_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "risks_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "risks_likelihood_check" CHECK ("risks"."likelihood" between 1 and 5),
	CONSTRAINT "risks_impact_check" CHECK ("risks"."impact" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "risks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debt_facilities" ADD CONSTRAINT "debt_facilities_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_rounds" ADD CONSTRAINT "funding_rounds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_history" ADD CONSTRAINT "risk_history_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_history" ADD CONSTRAINT "risk_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_history" ADD CONSTRAINT "risk_history_org_id_risk_id_risks_org_id_id_fk" FOREIGN KEY ("org_id","risk_id") REFERENCES "public"."risks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_org_id_at_index" ON "audit_log" USING btree ("org_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_index" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "memberships_user_id_index" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "funding_rounds_org_id_close_date_index" ON "funding_rounds" USING btree ("org_id","close_date");--> statement-breakpoint
CREATE INDEX "risk_history_org_id_risk_id_changed_at_index" ON "risk_history" USING btree ("org_id","risk_id","changed_at");--> statement-breakpoint
CREATE POLICY "users_visible_to_org" ON "users" AS PERMISSIVE FOR SELECT TO "app_tenant" USING (exists (select 1 from memberships m where m.user_id = users.id));--> statement-breakpoint
CREATE POLICY "audit_log_tenant_isolation" ON "audit_log" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "invitations_tenant_isolation" ON "invitations" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "mail_outbox_tenant_isolation" ON "mail_outbox" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "memberships_tenant_isolation" ON "memberships" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "orgs_tenant_isolation" ON "orgs" AS PERMISSIVE FOR ALL TO "app_tenant" USING (id = app_current_org_id()) WITH CHECK (id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "budgets_tenant_isolation" ON "budgets" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "debt_facilities_tenant_isolation" ON "debt_facilities" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "funding_rounds_tenant_isolation" ON "funding_rounds" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "monthly_reports_tenant_isolation" ON "monthly_reports" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "risk_history_tenant_isolation" ON "risk_history" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());--> statement-breakpoint
CREATE POLICY "risks_tenant_isolation" ON "risks" AS PERMISSIVE FOR ALL TO "app_tenant" USING (org_id = app_current_org_id()) WITH CHECK (org_id = app_current_org_id());