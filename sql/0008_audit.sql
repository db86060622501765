-- Spark schema, part 8: the audit trail.
-- depends: 0007_row_level_security

-- seed: a plain table with a uuid primary key and TIMESTAMP. Partitioned by month:
-- it is append-only and grows forever, and old months can be detached and archived
-- whole. A partitioned table's primary key must contain the partition key, hence
-- (id, created_at).
CREATE TABLE audit_logs (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- the acting user; SET NULL keeps the trail when the account is deleted
  -- (a foreign key from a partitioned table works on PostgreSQL 12+)
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  actor_role varchar(20),          -- new: spark.role at the time (STUDENT ... SYSTEM)
  -- new: the school the row belongs to, so a school's admin reads its own trail.
  -- No foreign key: the trail outlives a deleted school.
  school_id uuid,
  action varchar(100) NOT NULL,    -- INSERT, UPDATE, DELETE (or an app-defined action)
  table_name varchar(63),          -- seed: varchar(50); PostgreSQL names run to 63
  record_id uuid,
  old_values jsonb,                -- UPDATE and DELETE; never password_hash
  new_values jsonb,                -- INSERT and UPDATE; never password_hash
  ip_address inet,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
COMMENT ON TABLE audit_logs IS 'Who changed what, when, from where; partitioned by month of created_at.';
-- Rows of a month without its partition land here; ensure_audit_partitions() moves them out.
CREATE TABLE audit_logs_default PARTITION OF audit_logs DEFAULT;
COMMENT ON TABLE audit_logs_default IS 'Audit rows of months with no partition yet.';
CREATE INDEX idx_audit_logs_school_created ON audit_logs (school_id, created_at DESC);
CREATE INDEX idx_audit_logs_user ON audit_logs (user_id);
CREATE INDEX idx_audit_logs_record ON audit_logs (table_name, record_id);

ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_logs FORCE ROW LEVEL SECURITY;
-- Partitions are only reached through audit_logs (whose policy applies); spark_app
-- gets no grant on them, and RLS is enabled (not forced, so the owner can move rows).
ALTER TABLE audit_logs_default ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON audit_logs_default FROM PUBLIC;

-- Read by the ADMIN of the row's school (a platform admin: every row) and SYSTEM.
-- No INSERT/UPDATE/DELETE policy: only audit_trigger_function writes (as spark_rls_reader).
CREATE POLICY audit_logs_select ON audit_logs FOR SELECT
  USING ((spark_role() = 'ADMIN' AND spark_user_id() IS NOT NULL
          AND (spark_school_id() IS NULL OR school_id = spark_school_id()))
         OR spark_is_system_for(school_id));

-- Creates the monthly partitions (UTC months) from the current month to months_ahead
-- months ahead, moving any rows of those months out of the default partition first.
-- Called below, and monthly by a Huey job (as spark_app): SECURITY DEFINER owned by
-- spark_owner, the table's owner, the only role that may create partitions of it.
CREATE FUNCTION ensure_audit_partitions(months_ahead integer DEFAULT 3) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_month timestamp := date_trunc('month', now() AT TIME ZONE 'UTC');
  v_lo timestamptz;
  v_hi timestamptz;
  v_name text;
  v_created integer := 0;
BEGIN
  IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 36 THEN
    RAISE EXCEPTION 'months_ahead must be between 0 and 36' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  FOR i IN 0..months_ahead LOOP
    v_lo := (v_month + make_interval(months => i)) AT TIME ZONE 'UTC';
    v_hi := (v_month + make_interval(months => i + 1)) AT TIME ZONE 'UTC';
    v_name := 'audit_logs_' || to_char(v_month + make_interval(months => i), 'YYYY_MM');
    CONTINUE WHEN to_regclass('public.' || v_name) IS NOT NULL;
    EXECUTE format('CREATE TABLE %I (LIKE audit_logs INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', v_name);
    EXECUTE format('WITH moved AS (DELETE FROM audit_logs_default WHERE created_at >= %L AND created_at < %L RETURNING *)'
                   ' INSERT INTO %I SELECT * FROM moved', v_lo, v_hi, v_name);
    EXECUTE format('ALTER TABLE audit_logs ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', v_name, v_lo, v_hi);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', v_name);
    EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', v_name);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spark_app') THEN
      -- default privileges (0009) would otherwise give spark_app this partition
      EXECUTE format('REVOKE ALL ON %I FROM spark_app', v_name);
    END IF;
    EXECUTE format('COMMENT ON TABLE %I IS %L', v_name, 'Audit rows of ' || to_char(v_lo AT TIME ZONE 'UTC', 'YYYY-MM') || ' (UTC).');
    v_created := v_created + 1;
  END LOOP;
  RETURN v_created;
END
$$;
REVOKE EXECUTE ON FUNCTION ensure_audit_partitions(integer) FROM PUBLIC;
COMMENT ON FUNCTION ensure_audit_partitions(integer) IS 'Creates missing monthly audit_logs partitions up to months_ahead; returns how many.';
SELECT ensure_audit_partitions(3);

-- seed: current_user_id() (undefined), to_jsonb(NEW) with the password hash, no
-- school, role, address or agent, and UPDATEs that changed nothing were logged.
-- SECURITY DEFINER owned by spark_rls_reader: spark_app has no INSERT on audit_logs.
CREATE FUNCTION audit_trigger_function() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_row jsonb;
  v_school uuid;
  v_key text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    v_old := to_jsonb(OLD) - 'password_hash';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    v_new := to_jsonb(NEW) - 'password_hash';
  END IF;
  IF TG_OP = 'UPDATE' AND v_old = v_new THEN
    RETURN NULL;    -- nothing visible changed (a no-op UPDATE)
  END IF;
  v_row := COALESCE(v_new, v_old);

  -- the school: the row's own, else its student's/user's/guardian's, else its class's, else the actor's
  IF TG_TABLE_NAME = 'schools' THEN
    v_school := (v_row ->> 'id')::uuid;
  ELSIF v_row ->> 'school_id' IS NOT NULL THEN
    v_school := (v_row ->> 'school_id')::uuid;
  ELSE
    FOREACH v_key IN ARRAY ARRAY['student_id', 'user_id', 'guardian_id'] LOOP
      IF v_row ->> v_key IS NOT NULL THEN
        SELECT u.school_id INTO v_school FROM users u WHERE u.id = (v_row ->> v_key)::uuid;
        EXIT WHEN v_school IS NOT NULL;
      END IF;
    END LOOP;
    IF v_school IS NULL AND v_row ->> 'class_id' IS NOT NULL THEN
      SELECT c.school_id INTO v_school FROM classes c WHERE c.id = (v_row ->> 'class_id')::uuid;
    END IF;
    v_school := COALESCE(v_school, spark_school_id());
  END IF;

  INSERT INTO audit_logs (user_id, actor_role, school_id, action, table_name, record_id,
                          old_values, new_values, ip_address, user_agent)
  VALUES ((SELECT u.id FROM users u WHERE u.id = spark_user_id()),   -- NULL if the actor is gone
          left(spark_role(), 20),
          v_school,
          TG_OP,
          TG_TABLE_NAME,
          (v_row ->> 'id')::uuid,
          v_old,
          v_new,
          spark_try_inet(current_setting('spark.ip', true)),
          left(NULLIF(current_setting('spark.user_agent', true), ''), 500));
  RETURN NULL;
END
$$;
ALTER FUNCTION audit_trigger_function() OWNER TO spark_rls_reader;
REVOKE EXECUTE ON FUNCTION audit_trigger_function() FROM PUBLIC;
GRANT INSERT ON audit_logs TO spark_rls_reader;
GRANT SELECT ON users, classes TO spark_rls_reader;

-- profiles are not audited: too chatty, and XP changes are explained by reward_ledger.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'users', 'enrollments', 'guardian_links', 'submissions', 'submission_answers',
    'assignment_submissions', 'classes', 'class_courses', 'schools', 'badges', 'sync_conflicts',
    'reward_ledger']
  LOOP
    EXECUTE format('CREATE TRIGGER trg_%s_audit AFTER INSERT OR UPDATE OR DELETE ON %I'
                   ' FOR EACH ROW EXECUTE FUNCTION audit_trigger_function()', t, t);
  END LOOP;
END
$$;
