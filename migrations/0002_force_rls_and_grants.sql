-- drizzle-kit writes ENABLE ROW LEVEL SECURITY but not FORCE; without FORCE the
-- table owner would bypass the policies. Later migrations call app_force_rls() again.
CREATE OR REPLACE FUNCTION app_force_rls() RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
  LOOP
    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', r.relname);
  END LOOP;
  -- Tenant tables: full DML for the tenant role; RLS decides which rows.
  FOR r IN
    SELECT DISTINCT c.relname FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO app_tenant', r.relname);
  END LOOP;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_tenant;
--> statement-breakpoint
GRANT SELECT, UPDATE ON orgs TO app_tenant;
--> statement-breakpoint
-- Never the password hash; sessions and login_throttle are not readable at all.
GRANT SELECT (id, email, name, locale) ON users TO app_tenant;
--> statement-breakpoint
SELECT app_force_rls();
