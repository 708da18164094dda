-- users.locale was NOT NULL DEFAULT 'en', so a user who chose English and one who never chose
-- looked the same. From now on null means "never chose: each browser decides".
ALTER TABLE "users" ALTER COLUMN "locale" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "locale" DROP NOT NULL;--> statement-breakpoint
-- Hand-written: an existing 'en' cannot be told apart from the old default, and the app
-- already treated it as no choice, so it becomes null (follow the browser), as it behaved.
UPDATE "users" SET "locale" = NULL WHERE "locale" = 'en';
