CREATE TABLE "account_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"email" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_tokens_purpose_check" CHECK ("account_tokens"."purpose" in ('verify_email', 'password_reset', 'email_change'))
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_tokens_user_id_purpose_index" ON "account_tokens" USING btree ("user_id","purpose");--> statement-breakpoint
-- Existing accounts stay unverified (decision 017): the attack this fixes used an account made
-- before there was verification, and marking every old account verified would bless it. The one
-- proof an old account already gave is accepting an invitation mailed to its own address.
UPDATE "users" u SET "email_verified_at" = i."accepted_at"
FROM "invitations" i JOIN "memberships" m ON m."org_id" = i."org_id"
WHERE m."user_id" = u."id" AND i."email" = u."email" AND i."accepted_at" IS NOT NULL;--> statement-breakpoint
-- Not tenant data: the tenant role gets no privilege on account tokens (like sessions), and the
-- users column grant (0002) stays id, email, name, locale.
REVOKE ALL ON "account_tokens" FROM app_tenant;
