-- Issue #13, finding 8. The audit log is append-only for the tenant role: a member who may edit
-- records must not be able to rewrite or erase who did what. Retention and org purges run as the
-- connecting (owner) role, outside tenant transactions.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM app_tenant;
--> statement-breakpoint
-- app_force_rls() is called again by later migrations and grants full DML on every org_id table;
-- from now on it leaves append-only tables at SELECT, INSERT.
CREATE OR REPLACE FUNCTION app_force_rls() RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
  LOOP
    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', r.relname);
  END LOOP;
  FOR r IN
    SELECT DISTINCT c.relname FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
  LOOP
    IF r.relname IN ('audit_log') THEN
      EXECUTE format('GRANT SELECT, INSERT ON public.%I TO app_tenant', r.relname);
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON public.%I FROM app_tenant', r.relname);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON public.%I TO app_tenant', r.relname);
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
-- An org's kind is fixed at creation: a startup turned "investor" (or the reverse) would meet the
-- grant-pair checks from the other side. No code path changes it, so refuse it for every role.
CREATE OR REPLACE FUNCTION app_orgs_kind_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.kind IS DISTINCT FROM OLD.kind THEN
    RAISE EXCEPTION 'an org''s kind cannot change (% stays %)', OLD.id, OLD.kind USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER orgs_kind_fixed BEFORE UPDATE OF kind ON orgs FOR EACH ROW EXECUTE FUNCTION app_orgs_kind_fixed();
