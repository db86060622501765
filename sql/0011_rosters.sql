-- Spark schema, part 11: what teachers need to build rosters (search the school's students, pick free usernames).
-- depends: 0010_notification_keys
--
-- No table changes. A teacher sees (through RLS) only the students enrolled in their
-- classes (docs/database.md), so enrolling another student of the school, or choosing
-- usernames for a roster import, needs to look a little beyond that. Two narrow
-- SECURITY DEFINER functions do it rather than letting the app act as SYSTEM for the
-- school: SYSTEM would see every column of every student and could write anything,
-- while these return only the few columns a teacher needs to pick a student (no email,
-- no guardian, no learning data) or just whether a username is taken. Like the helpers
-- of 0007 they are owned by spark_rls_reader (BYPASSRLS, SELECT on a few tables) with a
-- fixed search_path, and EXECUTE is granted to spark_app and spark_owner only.
--
-- users.must_change_password (a first sign-in password change after a roster import)
-- is deliberately not added here: the User model and the sign-in code belong to other
-- parts of the app; a later issue can add it with them.

-- Students of the actor's school whose name or username contains p_query (any case),
-- for a TEACHER or a school ADMIN only; at most 50 rows, active accounts only.
-- strpos() rather than LIKE, so '%' and '_' typed by the teacher match themselves.
CREATE FUNCTION spark_school_students_search(p_query text, p_limit integer)
RETURNS TABLE(id uuid, display_name varchar, username varchar, grade smallint)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT u.id, p.display_name, u.username, p.grade
    FROM users u
    JOIN profiles p ON p.user_id = u.id
   WHERE spark_role() IN ('TEACHER', 'ADMIN')
     AND spark_user_id() IS NOT NULL
     AND spark_school_id() IS NOT NULL
     AND u.school_id = spark_school_id()
     AND u.role = 'STUDENT'
     AND u.is_active
     AND length(btrim(COALESCE(p_query, ''))) >= 2
     AND (   strpos(lower(p.display_name), lower(btrim(p_query))) > 0
          OR strpos(lower(u.username), lower(btrim(p_query))) > 0)
   ORDER BY lower(p.display_name), lower(u.username)
   LIMIT LEAST(GREATEST(COALESCE(p_limit, 20), 1), 50)
$$;
COMMENT ON FUNCTION spark_school_students_search(text, integer) IS
  'Students of the actor''s school matching a name or username (id, name, username, grade only), for its teachers and admins.';

-- Which of these sign-in identifiers (usernames or emails, compared lowercased) some
-- account of any school already has. Both are unique across the platform
-- (users_username_lower_key, users_email_lower_key) and a teacher sees only some users,
-- so a roster import cannot check them through RLS; finding out at INSERT time would
-- abort the whole import on the first clash. It answers only "taken or not" (as any
-- sign-up form does), to staff and SYSTEM, for at most 2000 identifiers a call.
CREATE FUNCTION spark_identifiers_taken(p_identifiers text[])
RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT DISTINCT lower(n)
    FROM unnest(p_identifiers) AS n
   WHERE spark_role() IN ('TEACHER', 'ADMIN', 'SYSTEM')
     AND cardinality(p_identifiers) <= 2000
     AND EXISTS (SELECT 1 FROM users u WHERE lower(u.username) = lower(n) OR lower(u.email) = lower(n))
$$;
COMMENT ON FUNCTION spark_identifiers_taken(text[]) IS
  'The given usernames or emails (lowercased) that some account already has; for staff and SYSTEM (roster import).';

DO $$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['spark_school_students_search(text, integer)', 'spark_identifiers_taken(text[])']
  LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO spark_rls_reader', f);
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO spark_app, spark_owner', f);
  END LOOP;
END
$$;
