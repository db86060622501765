-- Spark schema, part 16: who may read a user's account row, narrowed again.
-- depends: 0015_sync

-- 0007 let anyone who may manage an account read it, so that an INSERT ... RETURNING
-- of a new account passes the SELECT policy. For teachers that meant every student
-- account of the school (usernames, emails), wider than "the students of my classes".
-- Accounts are now created without RETURNING (spark/people.py, spark/rosters.py), so
-- only admins and the system keep the row-based read; teachers read the students of
-- their classes through spark_visible_user_ids(), and search the school's other students
-- through spark_school_students_search() (0011), which returns names and usernames only.
DROP POLICY users_select ON users;
CREATE POLICY users_select ON users FOR SELECT
  USING (id = spark_user_id()
         OR (spark_role() IN ('ADMIN', 'SYSTEM') AND spark_may_manage_account(role, school_id))
         OR id IN (SELECT spark_visible_user_ids()));

-- Whether a user is an active student of the acting staff member's school: what a teacher
-- needs to know before enrolling someone found through spark_school_students_search(),
-- without being able to read the account itself.
CREATE FUNCTION spark_is_school_student(p_student uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT spark_role() IN ('TEACHER', 'ADMIN', 'SYSTEM')
     AND EXISTS (SELECT 1 FROM users u
                  WHERE u.id = p_student AND u.role = 'STUDENT' AND u.is_active
                    AND u.school_id = spark_school_id())
$$;
ALTER FUNCTION spark_is_school_student(uuid) OWNER TO spark_rls_reader;
REVOKE EXECUTE ON FUNCTION spark_is_school_student(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION spark_is_school_student(uuid) TO spark_app, spark_owner;
COMMENT ON FUNCTION spark_is_school_student(uuid) IS 'True when the user is an active student of the acting staff member''s school.';
