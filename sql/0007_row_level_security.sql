-- Spark schema, part 7: row-level security (docs/database.md, "Row-level security").
-- depends: 0006_sync_translations_guilds_ai_analytics
--
-- Every policy reads the acting user through spark_user_id(), spark_role() and
-- spark_school_id(); with nothing set they are NULL and every policy yields no rows.
-- Policies apply to every role (no TO clause): spark_app, and spark_owner too since
-- every table is FORCEd. Lookups a policy needs in another RLS table go through
-- SECURITY DEFINER functions owned by spark_rls_reader (BYPASSRLS, SELECT on a few
-- tables only), so a policy never recurses into another table's policy; reads that
-- should compose (content of a school I may read) use a plain subquery on purpose.
-- seed: policies were written FOR authenticated_users with current_user_id(), neither defined.

-- spark_rls_reader reads only what the helpers below need.
GRANT SELECT ON users, enrollments, classes, guardian_links, courses, lessons, quizzes TO spark_rls_reader;

-- ---------------------------------------------------------------------------
-- SECURITY DEFINER helpers
-- ---------------------------------------------------------------------------
-- STUDENT: themselves; TEACHER: students enrolled (any status) in a class they teach;
-- GUARDIAN: students with an APPROVED link; ADMIN with a school: its students
-- (a platform admin: none); SYSTEM: students of spark.school_id, or of every school.
CREATE FUNCTION spark_visible_student_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT spark_user_id() WHERE spark_role() = 'STUDENT' AND spark_user_id() IS NOT NULL
  UNION
  SELECT e.student_id
    FROM enrollments e JOIN classes c ON c.id = e.class_id
   WHERE spark_role() = 'TEACHER' AND c.teacher_id = spark_user_id()
  UNION
  SELECT g.student_id
    FROM guardian_links g
   WHERE spark_role() = 'GUARDIAN' AND g.guardian_id = spark_user_id() AND g.status = 'APPROVED'
  UNION
  SELECT u.id
    FROM users u
   WHERE u.role = 'STUDENT'
     AND (   (spark_role() = 'ADMIN' AND spark_user_id() IS NOT NULL AND u.school_id = spark_school_id())
          OR (spark_role() = 'SYSTEM' AND (spark_school_id() IS NULL OR u.school_id = spark_school_id())))
$$;
COMMENT ON FUNCTION spark_visible_student_ids() IS 'Students whose data the actor may see (docs/database.md).';

-- Users (accounts and profiles) the actor may see.
CREATE FUNCTION spark_visible_user_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  -- self
  SELECT spark_user_id() WHERE spark_user_id() IS NOT NULL
  UNION
  -- visible students
  SELECT spark_visible_student_ids()
  UNION
  -- anyone with a school: that school's teachers and admins
  SELECT u.id FROM users u
   WHERE spark_user_id() IS NOT NULL AND u.school_id = spark_school_id() AND u.role IN ('TEACHER', 'ADMIN')
  UNION
  -- staff (and SYSTEM): guardians linked, in any status, to their visible students
  SELECT g.guardian_id FROM guardian_links g
   WHERE spark_role() IN ('TEACHER', 'ADMIN', 'SYSTEM')
     AND g.student_id IN (SELECT spark_visible_student_ids())
  UNION
  -- a student: guardians linked to them (to see and answer requests)
  SELECT g.guardian_id FROM guardian_links g
   WHERE spark_role() = 'STUDENT' AND g.student_id = spark_user_id()
  UNION
  -- a guardian: teachers and admins of the schools of their APPROVED children
  SELECT u.id FROM users u
   WHERE spark_role() = 'GUARDIAN' AND u.role IN ('TEACHER', 'ADMIN')
     AND u.school_id IN (SELECT s.school_id
                           FROM guardian_links g JOIN users s ON s.id = g.student_id
                          WHERE g.guardian_id = spark_user_id() AND g.status = 'APPROVED')
  UNION
  -- a platform admin: every admin
  SELECT u.id FROM users u WHERE spark_is_platform_admin() AND u.role = 'ADMIN'
  UNION
  -- SYSTEM: the users of spark.school_id, or every user
  SELECT u.id FROM users u
   WHERE spark_role() = 'SYSTEM' AND (spark_school_id() IS NULL OR u.school_id = spark_school_id())
$$;
COMMENT ON FUNCTION spark_visible_user_ids() IS 'Users whose account and profile the actor may see (docs/database.md).';

CREATE FUNCTION spark_teacher_class_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT c.id FROM classes c
   WHERE spark_role() IN ('TEACHER', 'ADMIN') AND c.teacher_id = spark_user_id()
$$;
COMMENT ON FUNCTION spark_teacher_class_ids() IS 'Classes the actor teaches.';

-- Sign-in happens before any user is set, so RLS hides every user: this returns
-- just what checking a password needs, for a lowercased username or email.
CREATE FUNCTION spark_login_candidate(p_identifier text)
RETURNS TABLE(id uuid, password_hash varchar, is_active boolean, role user_role, school_id uuid, session_version integer)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT u.id, u.password_hash, u.is_active, u.role, u.school_id, u.session_version
    FROM users u
   WHERE lower(u.username) = lower(p_identifier)
      OR lower(u.email) = lower(p_identifier)
   ORDER BY (lower(u.username) = lower(p_identifier)) DESC
   LIMIT 1
$$;
COMMENT ON FUNCTION spark_login_candidate(text) IS 'The account a sign-in identifier (username or email, any case) names, for password checking.';

-- enrollments write rule: the class's teacher, an admin of its school, or SYSTEM,
-- and the student must be a STUDENT of the class's school.
CREATE FUNCTION spark_can_manage_enrollment(p_student uuid, p_class uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1
      FROM classes c JOIN users u ON u.id = p_student AND u.school_id = c.school_id AND u.role = 'STUDENT'
     WHERE c.id = p_class
       AND (   (spark_role() = 'TEACHER' AND c.teacher_id = spark_user_id())
            OR (spark_role() = 'ADMIN' AND spark_user_id() IS NOT NULL AND c.school_id = spark_school_id())
            OR spark_is_system_for(c.school_id)))
$$;
COMMENT ON FUNCTION spark_can_manage_enrollment(uuid, uuid) IS 'True when the actor may enrol this student in this class.';

-- The class's teacher, an admin of its school (or a platform admin), or SYSTEM.
CREATE FUNCTION spark_can_manage_class(p_class uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT EXISTS (
    SELECT 1 FROM classes c
     WHERE c.id = p_class
       AND ((spark_role() = 'TEACHER' AND c.teacher_id = spark_user_id()) OR spark_is_school_admin(c.school_id)))
$$;
COMMENT ON FUNCTION spark_can_manage_class(uuid) IS 'True for the class''s teacher, an admin of its school, or SYSTEM.';

-- profiles write rule: the users write rule applied to the profile's user.
CREATE FUNCTION spark_may_manage_user(p_user uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT COALESCE((SELECT spark_may_manage_account(u.role, u.school_id) FROM users u WHERE u.id = p_user), false)
$$;
COMMENT ON FUNCTION spark_may_manage_user(uuid) IS 'True when the actor may change this user''s account (and profile).';

-- Content write rules: lessons/quizzes/questions follow their course.
CREATE FUNCTION spark_can_write_course(p_course uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT COALESCE((SELECT spark_can_write_content(c.school_id) FROM courses c WHERE c.id = p_course), false)
$$;

CREATE FUNCTION spark_can_write_lesson(p_lesson uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT COALESCE((SELECT spark_can_write_content(c.school_id)
                     FROM lessons l JOIN courses c ON c.id = l.course_id
                    WHERE l.id = p_lesson), false)
$$;

-- A quiz without a lesson is platform content.
CREATE FUNCTION spark_can_write_quiz(p_quiz uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT COALESCE((SELECT spark_can_write_content(c.school_id)
                     FROM quizzes q
                     LEFT JOIN lessons l ON l.id = q.lesson_id
                     LEFT JOIN courses c ON c.id = l.course_id
                    WHERE q.id = p_quiz), false)
$$;

CREATE FUNCTION spark_can_write_translation(p_type text, p_content uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT CASE p_type
    WHEN 'course' THEN spark_can_write_course(p_content)
    WHEN 'lesson' THEN spark_can_write_lesson(p_content)
    WHEN 'quiz' THEN spark_can_write_quiz(p_content)
    WHEN 'question' THEN COALESCE((SELECT spark_can_write_quiz(q.quiz_id) FROM questions q WHERE q.id = p_content), false)
    WHEN 'badge' THEN COALESCE((SELECT spark_can_write_content(b.school_id) FROM badges b WHERE b.id = p_content), false)
    ELSE false
  END
$$;
GRANT SELECT ON questions, badges TO spark_rls_reader;

DO $$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY[
    'spark_visible_student_ids()', 'spark_visible_user_ids()', 'spark_teacher_class_ids()',
    'spark_login_candidate(text)', 'spark_can_manage_enrollment(uuid, uuid)',
    'spark_can_manage_class(uuid)', 'spark_may_manage_user(uuid)', 'spark_can_write_course(uuid)',
    'spark_can_write_lesson(uuid)', 'spark_can_write_quiz(uuid)', 'spark_can_write_translation(text, uuid)']
  LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO spark_rls_reader', f);
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO spark_app, spark_owner', f);
  END LOOP;
END
$$;

-- ---------------------------------------------------------------------------
-- Guard: XP, crystals, sparks and level change only through reward_ledger (its
-- trigger runs as spark_rls_reader). RLS lets a student update their own profile
-- (streak, avatar), so without this they could give themselves XP.
-- ---------------------------------------------------------------------------
CREATE FUNCTION profiles_guard_totals() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF pg_has_role(current_user, 'spark_rls_reader', 'USAGE') THEN
    RETURN NEW;    -- the ledger trigger, the owner (maintenance), a superuser
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.xp_points <> 0 OR NEW.crystals <> 0 OR NEW.sparks <> 0 THEN
      RAISE EXCEPTION 'a profile starts at zero: XP, crystals and sparks come from reward_ledger'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF NEW.xp_points IS DISTINCT FROM OLD.xp_points OR NEW.crystals IS DISTINCT FROM OLD.crystals
        OR NEW.sparks IS DISTINCT FROM OLD.sparks OR NEW.level IS DISTINCT FROM OLD.level THEN
    RAISE EXCEPTION 'XP, crystals, sparks and level change only through reward_ledger'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
-- Named to fire after trigger_update_level (triggers fire in name order) so the
-- level it computes is compared, not a value the caller sent.
CREATE TRIGGER trigger_zz_profiles_guard_totals BEFORE INSERT OR UPDATE ON profiles
  FOR EACH ROW EXECUTE FUNCTION profiles_guard_totals();

-- ---------------------------------------------------------------------------
-- Enable and force RLS (the owner is bound too, unless it has BYPASSRLS).
-- audit_logs is created, and secured, in 0008; login_throttles has none (0002).
-- ---------------------------------------------------------------------------
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'users', 'profiles', 'enrollments', 'student_progress', 'submissions', 'submission_answers',
    'assignment_submissions', 'user_notifications', 'guardian_links', 'achievements', 'earned_badges',
    'reward_ledger', 'learning_analytics', 'learning_preferences', 'ai_interactions', 'sync_logs',
    'sync_logs_archive', 'sync_conflicts', 'guild_memberships',
    'schools', 'classes', 'class_courses', 'courses', 'lessons', 'quizzes', 'questions', 'assignments',
    'badges', 'leaderboards', 'guilds', 'guild_quests', 'class_analytics', 'content_translations']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END
$$;

-- ---------------------------------------------------------------------------
-- People
-- ---------------------------------------------------------------------------
-- The row-based terms come first: an INSERT ... RETURNING (which Peewee always
-- sends) must see the new row, and spark_visible_user_ids() reads a snapshot
-- taken before it.
CREATE POLICY users_select ON users FOR SELECT
  USING (id = spark_user_id() OR spark_may_manage_account(role, school_id)
         OR id IN (SELECT spark_visible_user_ids()));
CREATE POLICY users_insert ON users FOR INSERT
  WITH CHECK (spark_may_manage_account(role, school_id));
CREATE POLICY users_update ON users FOR UPDATE
  USING (id = spark_user_id() OR spark_may_manage_account(role, school_id))
  WITH CHECK (id = spark_user_id() OR spark_may_manage_account(role, school_id));
CREATE POLICY users_delete ON users FOR DELETE
  USING (spark_may_manage_account(role, school_id) AND spark_role() <> 'TEACHER');

CREATE POLICY profiles_select ON profiles FOR SELECT
  USING (user_id IN (SELECT spark_visible_user_ids()));
CREATE POLICY profiles_insert ON profiles FOR INSERT
  WITH CHECK (spark_may_manage_user(user_id));
CREATE POLICY profiles_update ON profiles FOR UPDATE
  USING (user_id = spark_user_id() OR spark_may_manage_user(user_id))
  WITH CHECK (user_id = spark_user_id() OR spark_may_manage_user(user_id));
CREATE POLICY profiles_delete ON profiles FOR DELETE
  USING (spark_may_manage_user(user_id));

CREATE POLICY enrollments_select ON enrollments FOR SELECT
  USING (student_id IN (SELECT spark_visible_student_ids())
         OR class_id IN (SELECT spark_teacher_class_ids()));
CREATE POLICY enrollments_insert ON enrollments FOR INSERT
  WITH CHECK (spark_can_manage_enrollment(student_id, class_id));
CREATE POLICY enrollments_update ON enrollments FOR UPDATE
  USING (spark_can_manage_enrollment(student_id, class_id))
  WITH CHECK (spark_can_manage_enrollment(student_id, class_id));
CREATE POLICY enrollments_delete ON enrollments FOR DELETE
  USING (spark_can_manage_enrollment(student_id, class_id));

CREATE POLICY guardian_links_select ON guardian_links FOR SELECT
  USING (guardian_id = spark_user_id() OR student_id IN (SELECT spark_visible_student_ids()));
CREATE POLICY guardian_links_insert ON guardian_links FOR INSERT
  WITH CHECK ((spark_role() = 'GUARDIAN' AND guardian_id = spark_user_id() AND status = 'PENDING')
              OR (spark_role() IN ('TEACHER', 'ADMIN', 'SYSTEM')
                  AND student_id IN (SELECT spark_visible_student_ids())));
-- (guardian_links_guard keeps a guardian from approving their own link)
CREATE POLICY guardian_links_update ON guardian_links FOR UPDATE
  USING ((spark_role() = 'GUARDIAN' AND guardian_id = spark_user_id())
         OR (spark_role() IN ('TEACHER', 'ADMIN', 'SYSTEM') AND student_id IN (SELECT spark_visible_student_ids())))
  WITH CHECK ((spark_role() = 'GUARDIAN' AND guardian_id = spark_user_id())
              OR (spark_role() IN ('TEACHER', 'ADMIN', 'SYSTEM') AND student_id IN (SELECT spark_visible_student_ids())));
CREATE POLICY guardian_links_delete ON guardian_links FOR DELETE
  USING ((spark_role() = 'GUARDIAN' AND guardian_id = spark_user_id())
         OR (spark_role() IN ('TEACHER', 'ADMIN', 'SYSTEM') AND student_id IN (SELECT spark_visible_student_ids())));

CREATE POLICY user_notifications_select ON user_notifications FOR SELECT
  USING (user_id = spark_user_id()
         OR (spark_role() = 'SYSTEM' AND user_id IN (SELECT spark_visible_user_ids())));
CREATE POLICY user_notifications_insert ON user_notifications FOR INSERT
  WITH CHECK (user_id = spark_user_id()
              OR (spark_role() IN ('TEACHER', 'ADMIN', 'SYSTEM') AND user_id IN (SELECT spark_visible_user_ids())));
CREATE POLICY user_notifications_update ON user_notifications FOR UPDATE
  USING (user_id = spark_user_id()
         OR (spark_role() = 'SYSTEM' AND user_id IN (SELECT spark_visible_user_ids())))
  WITH CHECK (user_id = spark_user_id()
              OR (spark_role() = 'SYSTEM' AND user_id IN (SELECT spark_visible_user_ids())));
CREATE POLICY user_notifications_delete ON user_notifications FOR DELETE
  USING (user_id = spark_user_id()
         OR (spark_role() = 'SYSTEM' AND user_id IN (SELECT spark_visible_user_ids())));

-- ---------------------------------------------------------------------------
-- Student data: read by whoever sees the student; written by them unless a guardian.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
  t text;
  col text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'student_progress', 'submissions', 'submission_answers', 'assignment_submissions', 'achievements',
    'learning_analytics', 'learning_preferences', 'ai_interactions', 'guild_memberships', 'earned_badges',
    'reward_ledger']
  LOOP
    col := CASE t WHEN 'earned_badges' THEN 'user_id' ELSE 'student_id' END;
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (%I IN (SELECT spark_visible_student_ids()))',
                   t || '_select', t, col);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK (%I IN (SELECT spark_visible_student_ids()) AND spark_role() <> ''GUARDIAN'')',
                   t || '_insert', t, col);
    -- reward_ledger is append-only: no UPDATE or DELETE policy (and no grant).
    CONTINUE WHEN t = 'reward_ledger';
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING (%I IN (SELECT spark_visible_student_ids()) AND spark_role() <> ''GUARDIAN'') WITH CHECK (%I IN (SELECT spark_visible_student_ids()) AND spark_role() <> ''GUARDIAN'')',
                   t || '_update', t, col, col);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING (%I IN (SELECT spark_visible_student_ids()) AND spark_role() <> ''GUARDIAN'')',
                   t || '_delete', t, col);
  END LOOP;
END
$$;
-- A membership must also be of a guild the actor can see (the student's school).
CREATE POLICY guild_memberships_visible_guild ON guild_memberships AS RESTRICTIVE FOR INSERT
  WITH CHECK (guild_id IN (SELECT g.id FROM guilds g));

-- sync_logs and its archive: the device owner's, or a visible student's (not writable
-- by a guardian); SYSTEM (archival) sees the logs of every user it covers.
DO $$
DECLARE
  t text;
  readable text := '(user_id = spark_user_id() OR user_id IN (SELECT spark_visible_student_ids())'
                   ' OR (spark_role() = ''SYSTEM'' AND user_id IN (SELECT spark_visible_user_ids())))';
  writable text := '(user_id = spark_user_id() OR (spark_role() <> ''GUARDIAN'' AND'
                   ' (user_id IN (SELECT spark_visible_student_ids())'
                   '  OR (spark_role() = ''SYSTEM'' AND user_id IN (SELECT spark_visible_user_ids())))))';
BEGIN
  FOREACH t IN ARRAY ARRAY['sync_logs', 'sync_logs_archive'] LOOP
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING %s', t || '_select', t, readable);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT WITH CHECK %s', t || '_insert', t, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE USING %s WITH CHECK %s', t || '_update', t, writable, writable);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE USING %s', t || '_delete', t, writable);
  END LOOP;
END
$$;

-- Composes with sync_logs' policy: a conflict is as visible as its batch.
CREATE POLICY sync_conflicts_select ON sync_conflicts FOR SELECT
  USING (sync_log_id IN (SELECT s.id FROM sync_logs s));
CREATE POLICY sync_conflicts_insert ON sync_conflicts FOR INSERT
  WITH CHECK (sync_log_id IN (SELECT s.id FROM sync_logs s) AND spark_role() <> 'GUARDIAN');
CREATE POLICY sync_conflicts_update ON sync_conflicts FOR UPDATE
  USING (sync_log_id IN (SELECT s.id FROM sync_logs s) AND spark_role() <> 'GUARDIAN')
  WITH CHECK (sync_log_id IN (SELECT s.id FROM sync_logs s) AND spark_role() <> 'GUARDIAN');
CREATE POLICY sync_conflicts_delete ON sync_conflicts FOR DELETE
  USING (sync_log_id IN (SELECT s.id FROM sync_logs s) AND spark_role() <> 'GUARDIAN');

-- ---------------------------------------------------------------------------
-- School structure and content
-- ---------------------------------------------------------------------------
-- A school: its own members, a platform admin, SYSTEM for it, and a guardian for the
-- schools of the children they may see (through users' policy).
CREATE POLICY schools_select ON schools FOR SELECT
  USING (spark_is_platform_admin()
         OR spark_is_system_for(id)
         OR (spark_user_id() IS NOT NULL AND id = spark_school_id())
         OR (spark_role() = 'GUARDIAN' AND id IN (SELECT u.school_id FROM users u)));
CREATE POLICY schools_insert ON schools FOR INSERT
  WITH CHECK (spark_is_platform_admin() OR (spark_role() = 'SYSTEM' AND spark_school_id() IS NULL));
CREATE POLICY schools_update ON schools FOR UPDATE
  USING (spark_is_school_admin(id)) WITH CHECK (spark_is_school_admin(id));
CREATE POLICY schools_delete ON schools FOR DELETE
  USING (spark_is_platform_admin() OR (spark_role() = 'SYSTEM' AND spark_school_id() IS NULL));

CREATE POLICY classes_select ON classes FOR SELECT
  USING (spark_is_platform_admin()
         OR spark_is_system_for(school_id)
         OR (spark_user_id() IS NOT NULL AND school_id = spark_school_id())
         OR (spark_role() = 'GUARDIAN' AND id IN (SELECT e.class_id FROM enrollments e)));
CREATE POLICY classes_write ON classes FOR ALL
  USING (spark_is_school_admin(school_id)
         OR (spark_role() = 'TEACHER' AND teacher_id = spark_user_id() AND school_id = spark_school_id()))
  WITH CHECK (spark_is_school_admin(school_id)
              OR (spark_role() = 'TEACHER' AND teacher_id = spark_user_id() AND school_id = spark_school_id()));

CREATE POLICY class_courses_select ON class_courses FOR SELECT
  USING (class_id IN (SELECT c.id FROM classes c));
CREATE POLICY class_courses_write ON class_courses FOR ALL
  USING (spark_can_manage_class(class_id))
  WITH CHECK (spark_can_manage_class(class_id) AND course_id IN (SELECT c.id FROM courses c));

-- Content with school_id NULL is readable by everyone signed in; a school's content
-- by whoever may read the school (composes with schools' policy).
CREATE POLICY courses_select ON courses FOR SELECT
  USING ((school_id IS NULL AND spark_signed_in()) OR school_id IN (SELECT s.id FROM schools s));
CREATE POLICY courses_write ON courses FOR ALL
  USING (spark_can_write_content(school_id)) WITH CHECK (spark_can_write_content(school_id));

CREATE POLICY lessons_select ON lessons FOR SELECT
  USING (course_id IN (SELECT c.id FROM courses c));
CREATE POLICY lessons_write ON lessons FOR ALL
  USING (spark_can_write_course(course_id)) WITH CHECK (spark_can_write_course(course_id));

CREATE POLICY quizzes_select ON quizzes FOR SELECT
  USING ((lesson_id IS NULL AND spark_signed_in()) OR lesson_id IN (SELECT l.id FROM lessons l));
CREATE POLICY quizzes_write ON quizzes FOR ALL
  USING (CASE WHEN lesson_id IS NULL THEN spark_can_write_content(NULL) ELSE spark_can_write_lesson(lesson_id) END)
  WITH CHECK (CASE WHEN lesson_id IS NULL THEN spark_can_write_content(NULL) ELSE spark_can_write_lesson(lesson_id) END);

CREATE POLICY questions_select ON questions FOR SELECT
  USING (quiz_id IN (SELECT q.id FROM quizzes q));
CREATE POLICY questions_write ON questions FOR ALL
  USING (spark_can_write_quiz(quiz_id)) WITH CHECK (spark_can_write_quiz(quiz_id));

CREATE POLICY badges_select ON badges FOR SELECT
  USING ((school_id IS NULL AND spark_signed_in()) OR school_id IN (SELECT s.id FROM schools s));
CREATE POLICY badges_write ON badges FOR ALL
  USING (spark_can_write_content(school_id)) WITH CHECK (spark_can_write_content(school_id));

CREATE POLICY content_translations_select ON content_translations FOR SELECT
  USING (CASE content_type
           WHEN 'course' THEN content_id IN (SELECT c.id FROM courses c)
           WHEN 'lesson' THEN content_id IN (SELECT l.id FROM lessons l)
           WHEN 'quiz' THEN content_id IN (SELECT q.id FROM quizzes q)
           WHEN 'question' THEN content_id IN (SELECT q.id FROM questions q)
           WHEN 'badge' THEN content_id IN (SELECT b.id FROM badges b)
           ELSE false END);
CREATE POLICY content_translations_write ON content_translations FOR ALL
  USING (spark_can_write_translation(content_type, content_id))
  WITH CHECK (spark_can_write_translation(content_type, content_id));

-- Assignments: the class's teacher and school admins, and the students (and
-- guardians) whose enrollments the actor can see.
CREATE POLICY assignments_select ON assignments FOR SELECT
  USING (spark_can_manage_class(class_id) OR class_id IN (SELECT e.class_id FROM enrollments e));
CREATE POLICY assignments_write ON assignments FOR ALL
  USING (spark_can_manage_class(class_id)) WITH CHECK (spark_can_manage_class(class_id));

-- Leaderboards are computed by a SYSTEM job; read as far as their scope is readable.
CREATE POLICY leaderboards_select ON leaderboards FOR SELECT
  USING (CASE scope
           WHEN 'GLOBAL' THEN spark_signed_in()
           WHEN 'SCHOOL' THEN scope_id IN (SELECT s.id FROM schools s)
           WHEN 'CLASS' THEN scope_id IN (SELECT c.id FROM classes c)
           WHEN 'GUILD' THEN scope_id IN (SELECT g.id FROM guilds g)
           ELSE false END);
CREATE POLICY leaderboards_write ON leaderboards FOR ALL
  USING (spark_role() = 'SYSTEM') WITH CHECK (spark_role() = 'SYSTEM');

-- Guilds: seen within the school; created by staff, or by a student who leads it.
CREATE POLICY guilds_select ON guilds FOR SELECT
  USING (spark_is_platform_admin()
         OR spark_is_system_for(school_id)
         OR (spark_user_id() IS NOT NULL AND school_id = spark_school_id()));
CREATE POLICY guilds_insert ON guilds FOR INSERT
  WITH CHECK (spark_is_school_staff(school_id)
              OR (spark_role() = 'STUDENT' AND leader_id = spark_user_id() AND school_id = spark_school_id()));
CREATE POLICY guilds_update ON guilds FOR UPDATE
  USING (spark_is_school_staff(school_id) OR (spark_role() = 'STUDENT' AND leader_id = spark_user_id()))
  WITH CHECK (spark_is_school_staff(school_id)
              OR (spark_role() = 'STUDENT' AND leader_id = spark_user_id() AND school_id = spark_school_id()));
CREATE POLICY guilds_delete ON guilds FOR DELETE
  USING (spark_is_school_staff(school_id) OR (spark_role() = 'STUDENT' AND leader_id = spark_user_id()));

CREATE POLICY guild_quests_select ON guild_quests FOR SELECT
  USING (guild_id IN (SELECT g.id FROM guilds g));
CREATE POLICY guild_quests_write ON guild_quests FOR ALL
  USING (guild_id IN (SELECT g.id FROM guilds g WHERE spark_is_school_staff(g.school_id)))
  WITH CHECK (guild_id IN (SELECT g.id FROM guilds g WHERE spark_is_school_staff(g.school_id)));

-- Class analytics: the class's teacher and school admins read; a SYSTEM job writes.
CREATE POLICY class_analytics_select ON class_analytics FOR SELECT
  USING (spark_can_manage_class(class_id));
CREATE POLICY class_analytics_write ON class_analytics FOR ALL
  USING (spark_role() = 'SYSTEM' AND spark_can_manage_class(class_id))
  WITH CHECK (spark_role() = 'SYSTEM' AND spark_can_manage_class(class_id));
