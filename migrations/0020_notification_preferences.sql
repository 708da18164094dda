CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"setting" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind"),
	CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" in ('access_requested', 'access_decided', 'share_link_viewed', 'alert')),
	CONSTRAINT "notification_preferences_setting_check" CHECK ("notification_preferences"."setting" in ('on', 'off', 'immediate', 'daily', 'weekly'))
);
--> statement-breakpoint
CREATE TABLE "person_schedules" (
	"user_id" uuid NOT NULL,
	"job" text NOT NULL,
	"last_run_at" timestamp with time zone,
	"next_run_at" timestamp with time zone NOT NULL,
	"claimed_until" timestamp with time zone,
	CONSTRAINT "person_schedules_user_id_job_pk" PRIMARY KEY("user_id","job")
);
--> statement-breakpoint
CREATE TABLE "unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "list_unsubscribe" text;--> statement-breakpoint
ALTER TABLE "share_links" ADD COLUMN "first_viewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_schedules" ADD CONSTRAINT "person_schedules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unsubscribe_tokens" ADD CONSTRAINT "unsubscribe_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_schedules_next_run_at_index" ON "person_schedules" USING btree ("next_run_at");--> statement-breakpoint
CREATE INDEX "unsubscribe_tokens_user_id_index" ON "unsubscribe_tokens" USING btree ("user_id");--> statement-breakpoint
-- A link already viewed is not "viewed for the first time" again: its creator is told only about new links' first view.
UPDATE "share_links" l SET "first_viewed_at" = v."first" FROM (
  SELECT "org_id", "link_id", min("viewed_at") AS "first" FROM "share_link_views" GROUP BY "org_id", "link_id"
) v WHERE v."org_id" = l."org_id" AND v."link_id" = l."id";--> statement-breakpoint
-- Not tenant data (decision 023): a person's own choices, their unsubscribe links and their
-- schedules; the tenant role gets no privilege on any of them (like sessions and account tokens).
REVOKE ALL ON "notification_preferences" FROM app_tenant;--> statement-breakpoint
REVOKE ALL ON "unsubscribe_tokens" FROM app_tenant;--> statement-breakpoint
REVOKE ALL ON "person_schedules" FROM app_tenant;
