-- Each custom metric's latest month with a value, and that value, on its definition (decision
-- 031): a company's peer benchmarks read a thousand peers' values from here instead of one index
-- probe per peer into metric_values (20 ms at the bench's 1,000 companies x 3 metrics).
ALTER TABLE "metric_definitions" ADD COLUMN "latest_month" text;--> statement-breakpoint
ALTER TABLE "metric_definitions" ADD COLUMN "latest_value" numeric(24, 6);--> statement-breakpoint
-- Kept by the database, so that no writer (the app, a seed, a restore, a future import) can
-- forget it: after each statement that writes values, the definitions it touched are refreshed
-- from metric_values. It runs as the writer's role, under the same row-level security: a
-- tenant's statement only ever touches its own org's definitions.
CREATE OR REPLACE FUNCTION app_metric_latest_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE metric_definitions d
     SET latest_month = l.month, latest_value = l.value
    FROM (SELECT DISTINCT org_id, metric_id FROM changed) c
    LEFT JOIN LATERAL (
      SELECT v.month, v.value FROM metric_values v
       WHERE v.org_id = c.org_id AND v.metric_id = c.metric_id
       ORDER BY v.month DESC LIMIT 1
    ) l ON true
   WHERE d.org_id = c.org_id AND d.id = c.metric_id
     AND (d.latest_month IS DISTINCT FROM l.month OR d.latest_value IS DISTINCT FROM l.value);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- One trigger per event: a statement trigger sees the rows it wrote as a transition table, and
-- each event names its own. A value's metric and org never change (the app updates the value only).
CREATE TRIGGER metric_values_latest_after_insert AFTER INSERT ON metric_values
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION app_metric_latest_refresh();--> statement-breakpoint
CREATE TRIGGER metric_values_latest_after_update AFTER UPDATE ON metric_values
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION app_metric_latest_refresh();--> statement-breakpoint
CREATE TRIGGER metric_values_latest_after_delete AFTER DELETE ON metric_values
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION app_metric_latest_refresh();--> statement-breakpoint
UPDATE metric_definitions d
   SET latest_month = l.month, latest_value = l.value
  FROM (
    SELECT DISTINCT ON (org_id, metric_id) org_id, metric_id, month, value
      FROM metric_values ORDER BY org_id, metric_id, month DESC
  ) l
 WHERE d.org_id = l.org_id AND d.id = l.metric_id;
