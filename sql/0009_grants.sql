-- Spark schema, part 9: what the application role may do (docs/database.md, "Roles").
-- depends: 0008_audit
--
-- spark_app (the web app, the sync API, the Huey jobs) owns nothing, may not ALTER or
-- DROP anything, and reads and writes only through the policies of 0007.
-- Later migrations that add tables end with:  SELECT spark_grant_app_privileges();
-- (the default privileges below already give new tables the plain grant; the
-- function applies the exceptions again).

GRANT USAGE ON SCHEMA public TO spark_app;

-- No one but the owner creates objects in public (PostgreSQL 14 still grants CREATE
-- to PUBLIC; `db bootstrap` makes spark_owner the schema's owner and revokes it).
DO $$
BEGIN
  IF (SELECT nspowner FROM pg_namespace WHERE nspname = 'public') = (SELECT oid FROM pg_roles WHERE rolname = current_user) THEN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    REVOKE CREATE ON SCHEMA public FROM spark_app;
  ELSE
    RAISE WARNING 'schema public is not owned by %: revoke CREATE on it from PUBLIC as its owner', current_user;
  END IF;
END
$$;

CREATE FUNCTION spark_grant_app_privileges() RETURNS void
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT c.relname, c.relkind, c.relispartition
      FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace
       AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
     ORDER BY c.relname
  LOOP
    EXECUTE format('REVOKE ALL ON TABLE %I FROM spark_app', r.relname);
    CONTINUE WHEN r.relname LIKE '\_yoyo\_%' OR r.relname LIKE 'yoyo\_%'   -- yoyo's own tables
               OR r.relispartition                  -- partitions: only through their parent's RLS
               OR r.relkind = 'm';                  -- materialized views have no RLS (class_performance())
    IF r.relname = 'reward_ledger' THEN
      EXECUTE 'GRANT SELECT, INSERT ON TABLE reward_ledger TO spark_app';        -- append-only
    ELSIF r.relname = 'audit_logs' THEN
      EXECUTE 'GRANT SELECT ON TABLE audit_logs TO spark_app';                   -- written by its trigger
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %I TO spark_app', r.relname);
    END IF;
  END LOOP;
  GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO spark_app;
  GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO spark_app;
  REVOKE EXECUTE ON FUNCTION spark_grant_app_privileges() FROM spark_app;
END
$$;
REVOKE EXECUTE ON FUNCTION spark_grant_app_privileges() FROM PUBLIC;
COMMENT ON FUNCTION spark_grant_app_privileges() IS 'Re-applies spark_app''s grants (run as spark_owner at the end of a migration that adds tables).';

SELECT spark_grant_app_privileges();

-- Objects spark_owner creates later get the plain grants at once.
ALTER DEFAULT PRIVILEGES FOR ROLE spark_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO spark_app;
ALTER DEFAULT PRIVILEGES FOR ROLE spark_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO spark_app;
ALTER DEFAULT PRIVILEGES FOR ROLE spark_owner IN SCHEMA public
  GRANT EXECUTE ON FUNCTIONS TO spark_app;
