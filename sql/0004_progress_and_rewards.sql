-- Spark schema, part 4: progress, quiz attempts and answers, the reward ledger, badges,
-- achievements and leaderboards.
-- depends: 0003_content

-- seed: student_progress and submissions were partitioned by date. Not done: a
-- progress row is one per student and lesson, updated in place (not a time series),
-- and a partitioned table's primary and unique keys must contain the partition key,
-- which would break UNIQUE(student_id, lesson_id) and the submission keys below.

-- ---------------------------------------------------------------------------
-- student_progress
-- ---------------------------------------------------------------------------
CREATE TABLE student_progress (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  lesson_id uuid NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
  status progress_status NOT NULL DEFAULT 'NOT_STARTED',
  progress numeric(5,2) NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  time_spent integer NOT NULL DEFAULT 0 CHECK (time_spent >= 0),  -- seconds
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- the moment of the last action (maybe offline), not of its sync
  last_accessed timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  completed_at timestamptz,
  sync_version integer NOT NULL DEFAULT 1,   -- for conflict resolution
  device_id varchar(100),
  UNIQUE (student_id, lesson_id)
);
COMMENT ON TABLE student_progress IS 'Where one student is in one lesson.';
-- seed: idx_student_progress_student dropped: duplicates UNIQUE(student_id, lesson_id).
CREATE INDEX idx_student_progress_lesson ON student_progress(lesson_id);
CREATE INDEX idx_student_progress_status ON student_progress(status);
CREATE INDEX idx_student_progress_completed ON student_progress(completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX idx_student_progress_active ON student_progress(student_id, last_accessed)
  WHERE status IN ('IN_PROGRESS', 'NOT_STARTED');

-- ---------------------------------------------------------------------------
-- submissions: one quiz attempt, from start to grade
-- ---------------------------------------------------------------------------
CREATE TABLE submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  quiz_id uuid NOT NULL REFERENCES quizzes(id) ON DELETE CASCADE,
  status submission_status NOT NULL DEFAULT 'IN_PROGRESS',   -- new
  answers jsonb NOT NULL DEFAULT '{}',      -- seed: no default; empty while in progress
  question_order uuid[],                    -- new: the stable order of a randomized attempt
  score numeric(5,2) CHECK (score BETWEEN 0 AND 100),   -- seed: unchecked
  points_earned numeric(8,2) CHECK (points_earned >= 0),  -- new
  max_score integer NOT NULL CHECK (max_score >= 0),
  passed boolean,                           -- new: NULL until graded
  time_spent integer NOT NULL DEFAULT 0 CHECK (time_spent >= 0),   -- seed: no default
  attempt integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  is_final boolean NOT NULL DEFAULT false,
  started_at timestamptz NOT NULL DEFAULT now(),   -- new
  -- seed: DEFAULT CURRENT_TIMESTAMP; an attempt now exists before it is submitted,
  -- so this is NULL until then (and set from the client's clock for offline attempts).
  submitted_at timestamptz,
  graded_at timestamptz,
  graded_by uuid REFERENCES users(id),
  feedback text,
  sync_version integer NOT NULL DEFAULT 1,
  device_id varchar(100),
  -- new: id made by the client, for idempotent retries and offline sync.
  client_id uuid,
  CONSTRAINT submissions_submitted_at_required CHECK (status = 'IN_PROGRESS' OR submitted_at IS NOT NULL),
  -- new: two simultaneous starts cannot both become attempt 2.
  CONSTRAINT submissions_student_quiz_attempt_key UNIQUE (student_id, quiz_id, attempt),
  CONSTRAINT submissions_student_client_key UNIQUE (student_id, client_id),
  -- new: target of submission_answers' composite foreign key.
  CONSTRAINT submissions_id_student_key UNIQUE (id, student_id)
);
COMMENT ON TABLE submissions IS 'One attempt of a student at a quiz, from start to grade.';
-- seed: idx_submissions_student dropped: duplicates submissions_student_quiz_attempt_key.
CREATE INDEX idx_submissions_quiz ON submissions(quiz_id);
CREATE INDEX idx_submissions_score ON submissions(score DESC);
CREATE INDEX idx_submissions_submitted ON submissions(submitted_at DESC);
CREATE INDEX idx_submissions_needs_grading ON submissions(quiz_id) WHERE status = 'NEEDS_GRADING';
-- seed: one final submission per student and quiz.
CREATE UNIQUE INDEX idx_submissions_final ON submissions(student_id, quiz_id) WHERE is_final = true;

-- ---------------------------------------------------------------------------
-- submission_answers (new): one row per answer, for grading and review
-- ---------------------------------------------------------------------------
CREATE TABLE submission_answers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id uuid NOT NULL,
  -- denormalised so the RLS policy needs no join; the composite FK keeps it honest.
  student_id uuid NOT NULL,
  question_id uuid NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  answer jsonb NOT NULL,
  credit numeric(5,4) CHECK (credit BETWEEN 0 AND 1),   -- NULL until graded
  points_awarded numeric(8,2) CHECK (points_awarded >= 0),
  max_points integer NOT NULL CHECK (max_points >= 0),
  needs_grading boolean NOT NULL DEFAULT false,
  feedback text,
  graded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  graded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT submission_answers_points_within_max CHECK (points_awarded <= max_points),
  UNIQUE (submission_id, question_id),
  FOREIGN KEY (submission_id, student_id) REFERENCES submissions(id, student_id) ON DELETE CASCADE
);
COMMENT ON TABLE submission_answers IS 'One answer of a quiz attempt, with its credit and any teacher feedback.';
CREATE INDEX idx_submission_answers_student ON submission_answers(student_id);
CREATE INDEX idx_submission_answers_question ON submission_answers(question_id);
CREATE INDEX idx_submission_answers_needs_grading ON submission_answers(submission_id) WHERE needs_grading;
CREATE TRIGGER trg_submission_answers_updated_at BEFORE UPDATE ON submission_answers
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------
-- reward_ledger (new): every change of XP, crystals or sparks (ARCHITECTURE.md 5)
-- ---------------------------------------------------------------------------
CREATE TABLE reward_ledger (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  currency reward_currency NOT NULL,
  amount integer NOT NULL CHECK (amount <> 0),
  -- LESSON_COMPLETED, QUIZ_PASSED, PERFECT_SCORE, STREAK_MILESTONE, BADGE_EARNED, ACHIEVEMENT, ADJUSTMENT
  reason varchar(50) NOT NULL,
  source_type varchar(50),
  source_id uuid,
  -- e.g. 'lesson:<id>:completed': a retried or replayed action is refused, never paid twice
  idempotency_key varchar(200) NOT NULL,
  description text,
  metadata jsonb,          -- e.g. {"subject": "Science"} (badge metric xp_in_subject)
  occurred_at timestamptz NOT NULL DEFAULT now(),   -- when the action happened (maybe offline)
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  CONSTRAINT reward_ledger_student_key UNIQUE (student_id, idempotency_key)
);
COMMENT ON TABLE reward_ledger IS 'Append-only ledger of XP, crystals and sparks; profiles hold its totals.';
CREATE INDEX idx_reward_ledger_student_occurred ON reward_ledger(student_id, occurred_at DESC);
CREATE INDEX idx_reward_ledger_source ON reward_ledger(source_type, source_id);

-- Adds each entry to the student's profile totals (level follows through
-- trigger_update_level). SECURITY DEFINER owned by spark_rls_reader so it works
-- when a teacher grading inserts an entry for a student whose profile RLS would
-- not let the teacher update.
CREATE FUNCTION apply_reward_ledger_entry() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  UPDATE profiles
     SET xp_points = xp_points + CASE WHEN NEW.currency = 'XP' THEN NEW.amount ELSE 0 END,
         crystals  = crystals  + CASE WHEN NEW.currency = 'CRYSTALS' THEN NEW.amount ELSE 0 END,
         sparks    = sparks    + CASE WHEN NEW.currency = 'SPARKS' THEN NEW.amount ELSE 0 END
   WHERE user_id = NEW.student_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no profile for student %: create it before rewarding', NEW.student_id
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END
$$;
ALTER FUNCTION apply_reward_ledger_entry() OWNER TO spark_rls_reader;
REVOKE EXECUTE ON FUNCTION apply_reward_ledger_entry() FROM PUBLIC;
GRANT SELECT, UPDATE ON profiles TO spark_rls_reader;
CREATE TRIGGER trg_reward_ledger_apply AFTER INSERT ON reward_ledger
  FOR EACH ROW EXECUTE FUNCTION apply_reward_ledger_entry();

-- Append-only even for the owner: the only change allowed is the ON DELETE SET NULL
-- of created_by when that user is deleted. (spark_app has SELECT, INSERT only.)
CREATE FUNCTION reward_ledger_append_only() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF (to_jsonb(NEW) - 'created_by') IS DISTINCT FROM (to_jsonb(OLD) - 'created_by') THEN
    RAISE EXCEPTION 'reward_ledger is append-only: add an ADJUSTMENT entry instead'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER trg_reward_ledger_append_only BEFORE UPDATE ON reward_ledger
  FOR EACH ROW EXECUTE FUNCTION reward_ledger_append_only();

-- ---------------------------------------------------------------------------
-- Badge criteria (seed: evaluate_badge_criteria was used but never defined).
-- A criterion is a JSON object, one of:
--   {"all": [c, ...]}   every c holds (an empty list holds)
--   {"any": [c, ...]}   at least one c holds (an empty list does not)
--   {"metric": M, "gte": N}  with "subject": "..." for xp_in_subject,
--                            "course_id": "<uuid>" for course_lessons_completed
-- M is one of lessons_completed, quizzes_passed, perfect_scores, streak_days,
-- level, xp_total, xp_in_subject, course_lessons_completed.
-- ---------------------------------------------------------------------------
CREATE FUNCTION badge_criteria_is_valid(p_criteria jsonb) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
  v_key text;
  v_item jsonb;
BEGIN
  IF p_criteria IS NULL OR jsonb_typeof(p_criteria) <> 'object' THEN
    RETURN false;
  END IF;
  IF p_criteria ? 'all' OR p_criteria ? 'any' THEN
    v_key := CASE WHEN p_criteria ? 'all' THEN 'all' ELSE 'any' END;
    IF (SELECT count(*) FROM jsonb_object_keys(p_criteria)) <> 1
       OR jsonb_typeof(p_criteria -> v_key) <> 'array' THEN
      RETURN false;
    END IF;
    FOR v_item IN SELECT value FROM jsonb_array_elements(p_criteria -> v_key) LOOP
      IF NOT badge_criteria_is_valid(v_item) THEN
        RETURN false;
      END IF;
    END LOOP;
    RETURN true;
  END IF;
  IF jsonb_typeof(p_criteria -> 'metric') IS DISTINCT FROM 'string'
     OR jsonb_typeof(p_criteria -> 'gte') IS DISTINCT FROM 'number' THEN
    RETURN false;
  END IF;
  CASE p_criteria ->> 'metric'
    WHEN 'lessons_completed', 'quizzes_passed', 'perfect_scores', 'streak_days', 'level', 'xp_total' THEN
      RETURN true;
    WHEN 'xp_in_subject' THEN
      RETURN COALESCE(jsonb_typeof(p_criteria -> 'subject') = 'string', false);
    WHEN 'course_lessons_completed' THEN
      RETURN COALESCE((p_criteria ->> 'course_id') ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', false);
    ELSE
      RETURN false;
  END CASE;
END
$$;
COMMENT ON FUNCTION badge_criteria_is_valid(jsonb) IS 'True when a badge criteria document has the documented shape (docs/database.md).';

-- SECURITY INVOKER (the default): the caller's RLS applies to what is counted.
CREATE FUNCTION badge_metric_value(p_user uuid, p_leaf jsonb) RETURNS numeric
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
DECLARE
  v_metric text := p_leaf ->> 'metric';
  v_value numeric;
BEGIN
  CASE v_metric
    WHEN 'lessons_completed' THEN
      SELECT count(*) INTO v_value FROM student_progress
       WHERE student_id = p_user AND status = 'COMPLETED';
    WHEN 'quizzes_passed' THEN
      SELECT count(DISTINCT quiz_id) INTO v_value FROM submissions
       WHERE student_id = p_user AND passed;
    WHEN 'perfect_scores' THEN
      SELECT count(DISTINCT quiz_id) INTO v_value FROM submissions
       WHERE student_id = p_user AND score = 100;
    WHEN 'streak_days' THEN
      SELECT streak INTO v_value FROM profiles WHERE user_id = p_user;
    WHEN 'level' THEN
      SELECT level INTO v_value FROM profiles WHERE user_id = p_user;
    WHEN 'xp_total' THEN
      SELECT xp_points INTO v_value FROM profiles WHERE user_id = p_user;
    WHEN 'xp_in_subject' THEN
      IF p_leaf ->> 'subject' IS NULL THEN
        RAISE EXCEPTION 'badge metric xp_in_subject needs "subject"' USING ERRCODE = 'invalid_parameter_value';
      END IF;
      SELECT sum(amount) INTO v_value FROM reward_ledger
       WHERE student_id = p_user AND currency = 'XP'
         AND lower(metadata ->> 'subject') = lower(p_leaf ->> 'subject');
    WHEN 'course_lessons_completed' THEN
      IF p_leaf ->> 'course_id' IS NULL THEN
        RAISE EXCEPTION 'badge metric course_lessons_completed needs "course_id"' USING ERRCODE = 'invalid_parameter_value';
      END IF;
      SELECT count(*) INTO v_value
        FROM student_progress sp JOIN lessons l ON l.id = sp.lesson_id
       WHERE sp.student_id = p_user AND sp.status = 'COMPLETED'
         AND l.course_id = (p_leaf ->> 'course_id')::uuid;
    ELSE
      RAISE EXCEPTION 'unknown badge metric "%"', v_metric
        USING ERRCODE = 'invalid_parameter_value',
              HINT = 'known metrics: lessons_completed, quizzes_passed, perfect_scores, streak_days, level, xp_total, xp_in_subject, course_lessons_completed';
  END CASE;
  RETURN COALESCE(v_value, 0);
END
$$;
COMMENT ON FUNCTION badge_metric_value(uuid, jsonb) IS 'Value of one badge criteria leaf''s metric for a user (caller''s RLS applies).';

CREATE FUNCTION evaluate_badge_criteria(p_user uuid, p_criteria jsonb) RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
DECLARE
  v_item jsonb;
BEGIN
  IF p_criteria IS NULL OR jsonb_typeof(p_criteria) <> 'object' THEN
    RAISE EXCEPTION 'badge criteria must be a JSON object, not %', COALESCE(jsonb_typeof(p_criteria), 'NULL')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF p_criteria ? 'all' THEN
    IF jsonb_typeof(p_criteria -> 'all') <> 'array' THEN
      RAISE EXCEPTION 'badge criteria "all" must be an array' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR v_item IN SELECT value FROM jsonb_array_elements(p_criteria -> 'all') LOOP
      IF NOT evaluate_badge_criteria(p_user, v_item) THEN
        RETURN false;
      END IF;
    END LOOP;
    RETURN true;
  ELSIF p_criteria ? 'any' THEN
    IF jsonb_typeof(p_criteria -> 'any') <> 'array' THEN
      RAISE EXCEPTION 'badge criteria "any" must be an array' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR v_item IN SELECT value FROM jsonb_array_elements(p_criteria -> 'any') LOOP
      IF evaluate_badge_criteria(p_user, v_item) THEN
        RETURN true;
      END IF;
    END LOOP;
    RETURN false;
  ELSIF p_criteria ? 'metric' THEN
    IF jsonb_typeof(p_criteria -> 'gte') IS DISTINCT FROM 'number' THEN
      RAISE EXCEPTION 'badge criteria leaf needs a numeric "gte": %', p_criteria
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN badge_metric_value(p_user, p_criteria) >= (p_criteria ->> 'gte')::numeric;
  END IF;
  RAISE EXCEPTION 'badge criteria must have "all", "any" or "metric": %', p_criteria
    USING ERRCODE = 'invalid_parameter_value';
END
$$;
COMMENT ON FUNCTION evaluate_badge_criteria(uuid, jsonb) IS 'True when the user meets a badge criteria document (recursive over all/any).';

-- ---------------------------------------------------------------------------
-- badges, earned_badges, achievements
-- ---------------------------------------------------------------------------
CREATE TABLE badges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- seed: UNIQUE(name) across the platform; unique per school (index below) so
  -- schools name their own badges freely.
  name varchar(100) NOT NULL,
  description text NOT NULL,
  icon_url varchar(500),
  category badge_category NOT NULL,
  rarity badge_rarity NOT NULL DEFAULT 'COMMON',
  -- seed: free-form; checked against the documented format so a typo cannot hide a badge.
  criteria jsonb NOT NULL CONSTRAINT badges_criteria_valid CHECK (badge_criteria_is_valid(criteria)),
  xp_reward integer NOT NULL DEFAULT 0 CHECK (xp_reward >= 0),
  crystal_reward integer NOT NULL DEFAULT 0 CHECK (crystal_reward >= 0),
  spark_reward integer NOT NULL DEFAULT 0 CHECK (spark_reward >= 0),
  is_active boolean NOT NULL DEFAULT true,
  school_id uuid REFERENCES schools(id),    -- new: NULL = a platform badge
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE badges IS 'A badge students can earn: platform-wide (school_id NULL) or one school''s.';
COMMENT ON COLUMN badges.criteria IS
  'JSON: {"all": [c,...]} | {"any": [c,...]} | {"metric": M, "gte": N} (+ "subject" for xp_in_subject, '
  '"course_id" for course_lessons_completed). M: lessons_completed, quizzes_passed, perfect_scores, '
  'streak_days, level, xp_total, xp_in_subject, course_lessons_completed.';
CREATE UNIQUE INDEX badges_school_name_key
  ON badges (COALESCE(school_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
CREATE INDEX idx_badges_category ON badges(category);
CREATE INDEX idx_badges_rarity ON badges(rarity);
CREATE INDEX idx_badges_active ON badges(is_active) WHERE is_active = true;

CREATE TABLE earned_badges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  badge_id uuid NOT NULL REFERENCES badges(id) ON DELETE CASCADE,
  earned_at timestamptz NOT NULL DEFAULT now(),
  progress_data jsonb,
  UNIQUE (user_id, badge_id)
);
COMMENT ON TABLE earned_badges IS 'A badge a user has earned.';
-- seed: idx_earned_badges_user dropped: duplicates UNIQUE(user_id, badge_id).
CREATE INDEX idx_earned_badges_badge ON earned_badges(badge_id);
CREATE INDEX idx_earned_badges_earned_at ON earned_badges(earned_at DESC);

-- seed's check_badge_eligibility, on top of evaluate_badge_criteria; it also skips
-- badges of other schools. SECURITY INVOKER: the caller's RLS applies.
CREATE FUNCTION check_badge_eligibility(user_id_param uuid)
RETURNS TABLE(badge_id uuid, badge_name varchar)
LANGUAGE plpgsql STABLE
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  badge_record record;
BEGIN
  FOR badge_record IN
    SELECT b.id, b.name, b.criteria
      FROM badges b
     WHERE b.is_active
       AND (b.school_id IS NULL
            OR b.school_id = (SELECT u.school_id FROM users u WHERE u.id = user_id_param))
       AND NOT EXISTS (SELECT 1 FROM earned_badges eb
                        WHERE eb.user_id = user_id_param AND eb.badge_id = b.id)
     ORDER BY b.name
  LOOP
    IF evaluate_badge_criteria(user_id_param, badge_record.criteria) THEN
      badge_id := badge_record.id;
      badge_name := badge_record.name;
      RETURN NEXT;
    END IF;
  END LOOP;
END
$$;
COMMENT ON FUNCTION check_badge_eligibility(uuid) IS 'Active badges of the user''s school or platform that the user meets and has not earned.';

CREATE TABLE achievements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  type achievement_type NOT NULL,
  title varchar(200) NOT NULL,
  description text,
  icon_url varchar(500),
  xp_awarded integer NOT NULL DEFAULT 0,
  crystals_awarded integer NOT NULL DEFAULT 0,
  sparks_awarded integer NOT NULL DEFAULT 0,
  metadata jsonb,
  earned_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE achievements IS 'A milestone a student reached (level-up, streak, quest...); its rewards are ledger rows.';
CREATE INDEX idx_achievements_student ON achievements(student_id);
CREATE INDEX idx_achievements_type ON achievements(type);
CREATE INDEX idx_achievements_earned_at ON achievements(earned_at DESC);

-- ---------------------------------------------------------------------------
-- leaderboards
-- ---------------------------------------------------------------------------
CREATE TABLE leaderboards (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope leaderboard_scope NOT NULL,
  scope_id uuid,               -- class, school or guild id by scope; NULL for GLOBAL
  timeframe leaderboard_timeframe NOT NULL,
  rankings jsonb NOT NULL,
  last_updated timestamptz NOT NULL DEFAULT now(),
  -- new: scope_id is NULL exactly for GLOBAL.
  CONSTRAINT leaderboards_scope_id_matches_scope CHECK ((scope = 'GLOBAL') = (scope_id IS NULL))
);
COMMENT ON TABLE leaderboards IS 'Cached rankings for a class, school, guild or everyone, over a timeframe.';
-- seed: UNIQUE(scope, scope_id, timeframe) let GLOBAL duplicates through (NULLs are
-- distinct; NULLS NOT DISTINCT needs PostgreSQL 15); COALESCE to the nil uuid instead.
CREATE UNIQUE INDEX leaderboards_scope_timeframe_key
  ON leaderboards (scope, COALESCE(scope_id, '00000000-0000-0000-0000-000000000000'::uuid), timeframe);
-- kept: lookups by (scope, scope_id) cannot use the COALESCE expression above.
CREATE INDEX idx_leaderboards_scope ON leaderboards(scope, scope_id);
CREATE INDEX idx_leaderboards_updated ON leaderboards(last_updated DESC);
