-- A fund can stop a request plan (decision 035): no more periods are issued and its requests get no
-- more scheduled reminders. Plans get a version, so two stops from two tabs are one stop and a conflict.
ALTER TABLE "data_request_plans" ADD COLUMN "stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "data_request_plans" ADD COLUMN "stopped_by" uuid;--> statement-breakpoint
ALTER TABLE "data_request_plans" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_request_plans" ADD CONSTRAINT "data_request_plans_stopped_by_users_id_fk" FOREIGN KEY ("stopped_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;