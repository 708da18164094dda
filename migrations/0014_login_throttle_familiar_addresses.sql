ALTER TABLE "login_throttle" ADD COLUMN "last_success_at" timestamp with time zone;--> statement-breakpoint
-- Hand-written: the throttle's keys changed (per account, per account and address, per
-- address; app/models/login-throttle.server.ts). Rows under the old per-account keys would
-- never be read again, so they go; a pending lock there simply ends.
DELETE FROM "login_throttle" WHERE "key" LIKE 'email:%' OR "key" LIKE 'share-link:%';
