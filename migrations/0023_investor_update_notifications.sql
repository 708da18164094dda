-- Investor updates become a notification choice like the others (issue #16, decisions 023 and 025):
-- a person may turn them off, and their one-click unsubscribe link turns off exactly this kind.
ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_kind_check";--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_kind_check" CHECK ("notification_preferences"."kind" in ('access_requested', 'access_decided', 'share_link_viewed', 'alert', 'investor_update'));--> statement-breakpoint
-- Still not tenant data (decision 023): replacing a constraint keeps the table's privileges, and the
-- tenant role keeps none on it; said again here so this migration alone shows it.
REVOKE ALL ON "notification_preferences" FROM app_tenant;
