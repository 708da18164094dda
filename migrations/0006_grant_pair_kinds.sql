-- The kind of an org, for the restrictive grant policies below. SECURITY DEFINER so the check
-- sees the org row even where the caller's row-level security would hide it (a startup naming
-- an investor it has no grant with yet); it reveals only "startup"/"investor" for an id.
CREATE OR REPLACE FUNCTION app_org_kind(org uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT kind FROM orgs WHERE id = org $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION app_org_kind(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_org_kind(uuid) TO app_tenant;--> statement-breakpoint
CREATE POLICY "access_grants_pair_kinds_insert" ON "access_grants" AS RESTRICTIVE FOR INSERT TO "app_tenant" WITH CHECK (app_org_kind(org_id) = 'startup' and app_org_kind(investor_org_id) = 'investor');--> statement-breakpoint
CREATE POLICY "access_grants_pair_kinds_update" ON "access_grants" AS RESTRICTIVE FOR UPDATE TO "app_tenant" USING (true) WITH CHECK (app_org_kind(org_id) = 'startup' and app_org_kind(investor_org_id) = 'investor');