ALTER TABLE "share_links" ADD COLUMN "snapshot_grants" text;--> statement-breakpoint
-- Hand-written (issue #13, finding 3; decision 006 "What the investor keeps of a startup").
-- An investor's tenant keeps only what the startup's current grant shares. The app now stores
-- alerts without the startup's text and audits acknowledgements as references; this brings the
-- rows written before in line. Frozen partner reports are cut to the current grants by each
-- investor's next sync (snapshot_grants is null until then), as that needs the app's report shape.

-- A risk alert's reason named the risk's title: keep the figures, drop the title (the feed reads it from the register).
UPDATE "alerts" SET "reason" = 'investor.alertReason.riskScore#' || ((substr("reason", length('investor.alertReason.riskScore#') + 1))::jsonb - 'title')::text
WHERE "kind" = 'risk_score' AND "reason" LIKE 'investor.alertReason.riskScore#{%';--> statement-breakpoint
-- Reasons stored as English sentences, before reasons were keys, quoted the title inside the sentence.
UPDATE "alerts" SET "reason" = 'investor.alertReason.riskScoreLegacy'
WHERE "kind" = 'risk_score' AND "reason" NOT LIKE 'investor.alertReason.%';--> statement-breakpoint
-- Alerts whose company's grant no longer shares every section they were computed from
-- (app/models/alert-signals.server.ts ALERT_KIND_SECTIONS), in any status.
DELETE FROM "alerts" a WHERE NOT EXISTS (
  SELECT 1 FROM "access_grants" g
  WHERE g."org_id" = a."company_org_id" AND g."investor_org_id" = a."org_id" AND g."status" = 'approved'
    AND g."sections" @> (CASE a."kind"
      WHEN 'risk_score' THEN ARRAY['risks']
      WHEN 'budget_overrun' THEN ARRAY['financials', 'budgets']
      WHEN 'covenant' THEN ARRAY['financials', 'funding_debt']
      ELSE ARRAY['financials'] END)::text[]
);--> statement-breakpoint
-- Acknowledgements copied the alert's reason (the startup's figures, a risk's title) and subject into the audit log: keep references only.
UPDATE "audit_log" SET "before" = "before" - 'reason' - 'subject', "after" = "after" - 'reason' - 'subject'
WHERE "action" = 'alert.acknowledge';
