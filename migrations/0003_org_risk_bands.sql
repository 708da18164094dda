ALTER TABLE "orgs" ADD COLUMN "risk_medium_from" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "risk_high_from" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "risk_critical_from" integer DEFAULT 16 NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_risk_bands_check" CHECK (1 < "orgs"."risk_medium_from" and "orgs"."risk_medium_from" < "orgs"."risk_high_from" and "orgs"."risk_high_from" < "orgs"."risk_critical_from" and "orgs"."risk_critical_from" <= 25);