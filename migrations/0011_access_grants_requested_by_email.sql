ALTER TABLE "access_grants" ADD COLUMN "requested_by_email" text;--> statement-breakpoint
-- Requests made before this column existed: the requester's address as it is now.
UPDATE "access_grants" g SET "requested_by_email" = u.email FROM "users" u WHERE u.id = g.requested_by_user_id AND g.requested_by_email IS NULL;
