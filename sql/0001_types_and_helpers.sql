-- Spark schema, part 1: enumerated types and helper functions used everywhere.
-- Applied by yoyo as spark_owner, in one transaction (docs/database.md).
-- Seed: ../shared/seed/project-spark-schema.md. Every departure carries its reason.

-- spark_rls_reader owns the SECURITY DEFINER helpers; PostgreSQL only lets a
-- function (or view) be given to a role that may CREATE in its schema.
GRANT USAGE, CREATE ON SCHEMA public TO spark_rls_reader;

-- ---------------------------------------------------------------------------
-- Enumerated types (seed), plus the three the seed uses or needs but never defines.
-- ---------------------------------------------------------------------------
CREATE TYPE user_role AS ENUM ('STUDENT', 'TEACHER', 'ADMIN', 'GUARDIAN');
CREATE TYPE difficulty_level AS ENUM ('EASY', 'MEDIUM', 'HARD', 'EPIC');
CREATE TYPE progress_status AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'LOCKED');
CREATE TYPE question_type AS ENUM (
  'MULTIPLE_CHOICE', 'TRUE_FALSE', 'SHORT_ANSWER', 'ESSAY', 'FILL_BLANK', 'MATCHING', 'ORDERING'
);
CREATE TYPE badge_category AS ENUM ('PROGRESS', 'MASTERY', 'SOCIAL', 'SPECIAL', 'STREAK');
CREATE TYPE badge_rarity AS ENUM ('COMMON', 'RARE', 'EPIC', 'LEGENDARY');
CREATE TYPE achievement_type AS ENUM (
  'QUEST_COMPLETION', 'SKILL_MASTERY', 'STREAK_MILESTONE', 'SOCIAL_CONTRIBUTION', 'SPECIAL_EVENT', 'LEVEL_UP'
);
CREATE TYPE link_status AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'BLOCKED');
CREATE TYPE enrollment_status AS ENUM ('ACTIVE', 'INACTIVE', 'COMPLETED', 'DROPPED');
CREATE TYPE notification_type AS ENUM (
  'ACHIEVEMENT', 'ASSIGNMENT', 'ANNOUNCEMENT', 'REMINDER', 'SYSTEM', 'BADGE_EARNED', 'LEVEL_UP', 'GUILD_MESSAGE'
);
CREATE TYPE notification_priority AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');
CREATE TYPE assignment_type AS ENUM ('FILE', 'TEXT', 'QUIZ', 'PROJECT', 'PRESENTATION');
CREATE TYPE sync_status AS ENUM ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CONFLICT');
CREATE TYPE leaderboard_scope AS ENUM ('CLASS', 'SCHOOL', 'GLOBAL', 'GUILD');
CREATE TYPE leaderboard_timeframe AS ENUM ('DAILY', 'WEEKLY', 'MONTHLY', 'ALL_TIME');
-- new: a quiz attempt exists from its start (randomized order, offline) to its grade.
CREATE TYPE submission_status AS ENUM ('IN_PROGRESS', 'SUBMITTED', 'NEEDS_GRADING', 'GRADED');
-- new: the reward ledger's currencies (ARCHITECTURE.md 5: rewards are a ledger).
CREATE TYPE reward_currency AS ENUM ('XP', 'CRYSTALS', 'SPARKS');
-- seed: guild_memberships.role uses guild_role but never defines it.
CREATE TYPE guild_role AS ENUM ('LEADER', 'OFFICER', 'MEMBER');

-- ---------------------------------------------------------------------------
-- The acting user, read from transaction-local settings (docs/database.md).
-- seed: current_user_id() was used but never defined. After a transaction the
-- settings read '' (not NULL), hence NULLIF; with nothing set they yield NULL
-- and every policy yields no rows.
-- ---------------------------------------------------------------------------
CREATE FUNCTION spark_user_id() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('spark.user_id', true), '')::uuid $$;
COMMENT ON FUNCTION spark_user_id() IS 'The acting user (setting spark.user_id), NULL when none.';

CREATE FUNCTION spark_role() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('spark.role', true), '') $$;
COMMENT ON FUNCTION spark_role() IS 'The acting role: STUDENT, TEACHER, GUARDIAN, ADMIN or SYSTEM; NULL when none.';

CREATE FUNCTION spark_school_id() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('spark.school_id', true), '')::uuid $$;
COMMENT ON FUNCTION spark_school_id() IS 'The acting school (setting spark.school_id), NULL when none.';

-- True when someone (a user, or a job) is acting at all.
CREATE FUNCTION spark_signed_in() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT spark_user_id() IS NOT NULL OR spark_role() = 'SYSTEM' $$;
COMMENT ON FUNCTION spark_signed_in() IS 'True when a user is set, or a SYSTEM job acts.';

-- A platform admin: ADMIN with no school.
CREATE FUNCTION spark_is_platform_admin() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT COALESCE(spark_role() = 'ADMIN' AND spark_school_id() IS NULL AND spark_user_id() IS NOT NULL, false) $$;
COMMENT ON FUNCTION spark_is_platform_admin() IS 'True for an ADMIN acting without a school (platform admin).';

-- A SYSTEM job whose scope covers p_school (spark.school_id empty = every school).
CREATE FUNCTION spark_is_system_for(p_school uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT COALESCE(spark_role() = 'SYSTEM' AND (spark_school_id() IS NULL OR p_school = spark_school_id()), false) $$;
COMMENT ON FUNCTION spark_is_system_for(uuid) IS 'True for a SYSTEM job acting for p_school or for every school.';

-- Administers p_school: its ADMIN, a platform admin, or SYSTEM for it.
CREATE FUNCTION spark_is_school_admin(p_school uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT COALESCE(spark_is_system_for(p_school)
      OR spark_is_platform_admin()
      OR (spark_role() = 'ADMIN' AND spark_user_id() IS NOT NULL AND p_school = spark_school_id()), false)
$$;
COMMENT ON FUNCTION spark_is_school_admin(uuid) IS 'True for an admin of p_school, a platform admin, or SYSTEM for p_school.';

-- Staff of p_school: its TEACHERs and ADMINs, plus what spark_is_school_admin allows.
CREATE FUNCTION spark_is_school_staff(p_school uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT COALESCE(spark_is_school_admin(p_school)
      OR (spark_role() = 'TEACHER' AND spark_user_id() IS NOT NULL AND p_school = spark_school_id()), false)
$$;
COMMENT ON FUNCTION spark_is_school_staff(uuid) IS 'True for a teacher or admin of p_school, a platform admin, or SYSTEM for p_school.';

-- Who may write content owned by p_school (NULL = shared platform content).
CREATE FUNCTION spark_can_write_content(p_school uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN p_school IS NULL
              THEN COALESCE(spark_is_platform_admin() OR (spark_role() = 'SYSTEM' AND spark_school_id() IS NULL), false)
              ELSE spark_is_school_staff(p_school) END
$$;
COMMENT ON FUNCTION spark_can_write_content(uuid) IS 'Platform content: platform admin or SYSTEM for all schools; school content: that school''s staff.';

-- May the acting user create or change an account with this role and school?
-- (users write rule, docs/database.md: admin of the school, platform admin,
-- a teacher for STUDENT accounts of their school (roster import), SYSTEM.)
CREATE FUNCTION spark_may_manage_account(p_role user_role, p_school uuid) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT COALESCE(
       spark_is_platform_admin()
    OR (spark_role() = 'SYSTEM' AND (spark_school_id() IS NULL OR p_school = spark_school_id()))
    OR (spark_role() = 'ADMIN' AND spark_user_id() IS NOT NULL AND p_school = spark_school_id())
    OR (spark_role() = 'TEACHER' AND spark_user_id() IS NOT NULL AND p_role = 'STUDENT' AND p_school = spark_school_id()),
    false)
$$;
COMMENT ON FUNCTION spark_may_manage_account(user_role, uuid) IS 'True when the actor may create or change an account of this role in this school.';

-- ---------------------------------------------------------------------------
-- Generic helpers.
-- ---------------------------------------------------------------------------
-- new: one updated_at trigger for every table that has the column.
CREATE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION set_updated_at() IS 'BEFORE UPDATE trigger: stamps updated_at.';

-- seed: plpgsql; LANGUAGE sql IMMUTABLE STRICT so it can be inlined and used in
-- indexes; same formula (ARCHITECTURE.md 5): floor(sqrt(xp / 100)) + 1, 0 -> 1.
CREATE FUNCTION calculate_level(xp_points integer) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT (floor(sqrt(xp_points::double precision / 100)) + 1)::integer $$;
COMMENT ON FUNCTION calculate_level(integer) IS 'Level for an XP total: floor(sqrt(xp / 100)) + 1.';

-- Text to inet, NULL on garbage (the audit trail must never fail on a bad header).
CREATE FUNCTION spark_try_inet(p_value text) RETURNS inet
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
  RETURN NULLIF(p_value, '')::inet;
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION spark_try_inet(text) IS 'Casts text to inet, NULL when it is not an address.';
