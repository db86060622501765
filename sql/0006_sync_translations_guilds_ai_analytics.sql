-- Spark schema, part 6: offline sync, translations, guilds, the AI companion, analytics.
-- depends: 0005_guardians_assignments_notifications

-- ---------------------------------------------------------------------------
-- sync_logs, sync_conflicts, sync_logs_archive
-- ---------------------------------------------------------------------------
-- Not partitioned (unlike what ARCHITECTURE.md allows): the 30-day archival below
-- keeps it small, and sync_conflicts needs a plain foreign key to it (a partitioned
-- table's keys would have to include created_at).
CREATE TABLE sync_logs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  device_id varchar(100) NOT NULL,
  actions jsonb NOT NULL,          -- the batch: each action has its client id and the moment it happened
  status sync_status NOT NULL DEFAULT 'PENDING',
  processed_actions integer NOT NULL DEFAULT 0 CHECK (processed_actions >= 0),
  failed_actions integer NOT NULL DEFAULT 0 CHECK (failed_actions >= 0),
  conflicts jsonb,
  error_message text,
  processed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sync_logs IS 'One batch of offline actions a device sent, and how it was applied.';
CREATE INDEX idx_sync_logs_user ON sync_logs(user_id);
CREATE INDEX idx_sync_logs_device ON sync_logs(device_id);
CREATE INDEX idx_sync_logs_status ON sync_logs(status);
CREATE INDEX idx_sync_logs_created ON sync_logs(created_at DESC);

CREATE TABLE sync_conflicts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sync_log_id uuid NOT NULL REFERENCES sync_logs(id) ON DELETE CASCADE,
  entity_type varchar(50) NOT NULL,   -- 'lesson_progress', 'quiz_submission', ...
  entity_id uuid NOT NULL,
  client_data jsonb NOT NULL,
  server_data jsonb NOT NULL,
  resolution_strategy varchar(50),    -- 'client_wins', 'server_wins', 'merge'
  resolved_data jsonb,
  resolved_at timestamptz,
  resolved_by uuid REFERENCES users(id) ON DELETE SET NULL,   -- seed: no action
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sync_conflicts IS 'What a sync batch could not merge, until someone resolves it.';
CREATE INDEX idx_sync_conflicts_sync_log ON sync_conflicts(sync_log_id);
CREATE INDEX idx_sync_conflicts_entity ON sync_conflicts(entity_type, entity_id);
CREATE INDEX idx_sync_conflicts_unresolved ON sync_conflicts(resolved_at) WHERE resolved_at IS NULL;

-- seed: LIKE sync_logs INCLUDING ALL. Explicit: defaults and CHECKs, no foreign keys
-- (archived logs may outlive nothing but must not block anything), own primary key.
CREATE TABLE sync_logs_archive (LIKE sync_logs INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE sync_logs_archive ADD PRIMARY KEY (id);
COMMENT ON TABLE sync_logs_archive IS 'Sync batches older than 30 days, moved by archive_old_sync_logs().';
CREATE INDEX idx_sync_logs_archive_user ON sync_logs_archive(user_id);
CREATE INDEX idx_sync_logs_archive_created ON sync_logs_archive(created_at DESC);

-- seed: SELECT * and CURRENT_DATE (the server's day). Explicit column list (the
-- tables may drift apart), and logs with unresolved conflicts stay. pg_cron is not
-- available: Huey (tasks.py) runs it daily as SYSTEM. SECURITY INVOKER: RLS applies.
CREATE FUNCTION archive_old_sync_logs() RETURNS integer
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
DECLARE
  archived_count integer;
BEGIN
  WITH archived AS (
    DELETE FROM sync_logs s
     WHERE s.created_at < now() - interval '30 days'
       AND s.status IN ('COMPLETED', 'FAILED')
       AND NOT EXISTS (SELECT 1 FROM sync_conflicts c
                        WHERE c.sync_log_id = s.id AND c.resolved_at IS NULL)
    RETURNING s.id, s.user_id, s.device_id, s.actions, s.status, s.processed_actions,
              s.failed_actions, s.conflicts, s.error_message, s.processed_at, s.created_at
  )
  INSERT INTO sync_logs_archive (id, user_id, device_id, actions, status, processed_actions,
                                 failed_actions, conflicts, error_message, processed_at, created_at)
  SELECT id, user_id, device_id, actions, status, processed_actions,
         failed_actions, conflicts, error_message, processed_at, created_at
    FROM archived;
  GET DIAGNOSTICS archived_count = ROW_COUNT;
  RETURN archived_count;
END
$$;
COMMENT ON FUNCTION archive_old_sync_logs() IS 'Moves finished sync logs older than 30 days without unresolved conflicts to the archive.';

-- ---------------------------------------------------------------------------
-- content_translations
-- ---------------------------------------------------------------------------
CREATE TABLE content_translations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content_id uuid NOT NULL,           -- a course, lesson, quiz, question or badge id (by content_type)
  -- new CHECK: RLS finds the owning school through the type, so it must be known.
  content_type varchar(50) NOT NULL CHECK (content_type IN ('course', 'lesson', 'quiz', 'question', 'badge')),
  language varchar(10) NOT NULL,      -- seed: varchar(5); same width as users.preferred_language
  translated_content jsonb NOT NULL,  -- field name -> translated text
  translation_quality numeric(3,2) CHECK (translation_quality BETWEEN 0 AND 1),
  translated_by varchar(100),         -- 'auto', 'human', or the translator's name
  translated_at timestamptz NOT NULL DEFAULT now(),
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
  UNIQUE (content_id, content_type, language)
);
COMMENT ON TABLE content_translations IS 'Field-by-field translation of one content item into one language.';
-- seed: idx_translations_content(content_id, content_type) dropped: duplicates the UNIQUE.
CREATE INDEX idx_translations_language ON content_translations(language);
CREATE INDEX idx_translations_quality ON content_translations(translation_quality DESC);

-- ---------------------------------------------------------------------------
-- guilds
-- ---------------------------------------------------------------------------
CREATE TABLE guilds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- seed: UNIQUE(name) across the platform; unique per school, case-insensitively (index below).
  name varchar(100) NOT NULL,
  description text,
  leader_id uuid NOT NULL REFERENCES users(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  max_members integer NOT NULL DEFAULT 10 CHECK (max_members > 0),
  -- seed: DEFAULT 1; maintained by a trigger on guild_memberships (the leader has a
  -- membership row too), so it starts at 0.
  current_members integer NOT NULL DEFAULT 0 CHECK (current_members >= 0),
  guild_level integer NOT NULL DEFAULT 1 CHECK (guild_level >= 1),
  total_xp integer NOT NULL DEFAULT 0 CHECK (total_xp >= 0),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE guilds IS 'A group of students of one school.';
CREATE UNIQUE INDEX guilds_school_name_key ON guilds (school_id, lower(name));
CREATE INDEX idx_guilds_leader ON guilds(leader_id);

CREATE TABLE guild_memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  guild_id uuid NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role guild_role NOT NULL DEFAULT 'MEMBER',
  joined_at timestamptz NOT NULL DEFAULT now(),
  contribution_xp integer NOT NULL DEFAULT 0 CHECK (contribution_xp >= 0),
  UNIQUE (guild_id, student_id)
);
COMMENT ON TABLE guild_memberships IS 'A student''s membership of a guild.';
CREATE INDEX idx_guild_memberships_student ON guild_memberships(student_id);

-- new: keeps guilds.current_members equal to the number of memberships and refuses
-- to go past max_members. The guild row is locked FOR UPDATE so two students joining
-- the last seat at once are serialised. AFTER (not BEFORE) so a row skipped by
-- ON CONFLICT DO NOTHING is not counted. SECURITY DEFINER owned by spark_rls_reader:
-- a student joining may not update the guild row under RLS.
CREATE FUNCTION guild_memberships_count() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_guild guilds%ROWTYPE;
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE guilds SET current_members = greatest(current_members - 1, 0) WHERE id = OLD.guild_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT * INTO v_guild FROM guilds WHERE id = NEW.guild_id FOR UPDATE;
    IF v_guild.current_members >= v_guild.max_members THEN
      RAISE EXCEPTION 'guild is full (% members)', v_guild.max_members USING ERRCODE = 'check_violation';
    END IF;
    UPDATE guilds SET current_members = current_members + 1 WHERE id = NEW.guild_id;
  END IF;
  RETURN NULL;
END
$$;
ALTER FUNCTION guild_memberships_count() OWNER TO spark_rls_reader;
REVOKE EXECUTE ON FUNCTION guild_memberships_count() FROM PUBLIC;
GRANT SELECT, UPDATE ON guilds TO spark_rls_reader;
CREATE TRIGGER trg_guild_memberships_count AFTER INSERT OR DELETE OR UPDATE OF guild_id ON guild_memberships
  FOR EACH ROW EXECUTE FUNCTION guild_memberships_count();

CREATE TABLE guild_quests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title varchar(200) NOT NULL,
  description text NOT NULL,
  guild_id uuid NOT NULL REFERENCES guilds(id) ON DELETE CASCADE,
  target_value integer NOT NULL CHECK (target_value > 0),
  current_value integer NOT NULL DEFAULT 0 CHECK (current_value >= 0),
  reward_xp integer NOT NULL DEFAULT 0 CHECK (reward_xp >= 0),
  starts_at timestamptz NOT NULL DEFAULT now(),
  ends_at timestamptz,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT guild_quests_ends_after_start CHECK (ends_at IS NULL OR ends_at > starts_at)
);
COMMENT ON TABLE guild_quests IS 'A collaborative challenge for a guild.';
CREATE INDEX idx_guild_quests_guild ON guild_quests(guild_id);

-- ---------------------------------------------------------------------------
-- AI companion
-- ---------------------------------------------------------------------------
CREATE TABLE ai_interactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  interaction_type varchar(50) NOT NULL,   -- 'hint', 'encouragement', 'challenge'
  context jsonb,
  ai_response text NOT NULL,
  student_feedback integer CHECK (student_feedback BETWEEN 1 AND 5),   -- seed: unchecked 1-5 rating
  was_helpful boolean,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE ai_interactions IS 'One hint, encouragement or challenge the companion gave a student.';
CREATE INDEX idx_ai_interactions_student ON ai_interactions(student_id, created_at DESC);

CREATE TABLE learning_preferences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  learning_style varchar(20) NOT NULL DEFAULT 'visual',      -- visual, auditory, kinesthetic
  difficulty_preference numeric(3,2) NOT NULL DEFAULT 0.5 CHECK (difficulty_preference BETWEEN 0 AND 1),
  session_length_preference integer NOT NULL DEFAULT 30 CHECK (session_length_preference > 0),   -- minutes
  preferred_subjects text[],
  challenging_subjects text[],
  ai_personality varchar(20) NOT NULL DEFAULT 'encouraging', -- encouraging, challenging, neutral
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE learning_preferences IS 'How a student likes to learn, for the companion.';
CREATE TRIGGER trg_learning_preferences_updated_at BEFORE UPDATE ON learning_preferences
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------
-- Analytics
-- ---------------------------------------------------------------------------
CREATE TABLE learning_analytics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  date date NOT NULL,     -- the school-local day the activity happened (not the day of sync)
  total_time_spent integer NOT NULL DEFAULT 0 CHECK (total_time_spent >= 0),   -- seconds
  lessons_completed integer NOT NULL DEFAULT 0 CHECK (lessons_completed >= 0),
  quizzes_taken integer NOT NULL DEFAULT 0 CHECK (quizzes_taken >= 0),
  average_score numeric(5,2) CHECK (average_score BETWEEN 0 AND 100),
  xp_gained integer NOT NULL DEFAULT 0,
  subjects_studied text[],
  peak_performance_hour integer CHECK (peak_performance_hour BETWEEN 0 AND 23),   -- school-local hour
  UNIQUE (student_id, date)
);
COMMENT ON TABLE learning_analytics IS 'One student''s learning totals for one school-local day.';

CREATE TABLE class_analytics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  date date NOT NULL,     -- school-local day
  active_students integer NOT NULL DEFAULT 0 CHECK (active_students >= 0),
  average_engagement numeric(5,2),
  average_score numeric(5,2) CHECK (average_score BETWEEN 0 AND 100),
  completion_rate numeric(5,2) CHECK (completion_rate BETWEEN 0 AND 100),
  total_time_spent integer NOT NULL DEFAULT 0 CHECK (total_time_spent >= 0),
  UNIQUE (class_id, date)
);
COMMENT ON TABLE class_analytics IS 'One class''s engagement and scores for one school-local day.';

-- ---------------------------------------------------------------------------
-- class_performance_summary (materialized view)
-- ---------------------------------------------------------------------------
-- seed bugs fixed: alias p was undefined (it is profiles); progress counted every
-- lesson a student ever touched, now only lessons of the courses the class follows
-- (class_courses); averages were skewed by the progress join (now aggregated apart);
-- active = profiles.last_active within 7 days of the refresh.
-- A materialized view has no RLS: only its owner (spark_rls_reader, which bypasses
-- RLS so the refresh sees every row) reads it; others go through class_performance().
CREATE MATERIALIZED VIEW class_performance_summary AS
WITH roster AS (
  SELECT e.class_id, e.student_id FROM enrollments e WHERE e.status = 'ACTIVE'
), students AS (
  SELECT r.class_id,
         count(*) AS total_students,
         count(*) FILTER (WHERE pr.last_active > now() - interval '7 days') AS active_students,
         avg(pr.level) AS average_level
    FROM roster r LEFT JOIN profiles pr ON pr.user_id = r.student_id
   GROUP BY r.class_id
), progress AS (
  SELECT r.class_id,
         avg(CASE WHEN sp.status = 'COMPLETED' THEN 100.0 ELSE sp.progress END) AS average_progress,
         count(*) FILTER (WHERE sp.status = 'COMPLETED') AS completed_lessons,
         count(*) AS total_lesson_attempts
    FROM roster r
    JOIN class_courses cc ON cc.class_id = r.class_id
    JOIN lessons l ON l.course_id = cc.course_id
    JOIN student_progress sp ON sp.student_id = r.student_id AND sp.lesson_id = l.id
   GROUP BY r.class_id
)
SELECT c.id AS class_id,
       c.name AS class_name,
       c.subject,
       c.grade,
       c.school_id,
       c.teacher_id,
       COALESCE(s.total_students, 0)::integer AS total_students,
       COALESCE(s.active_students, 0)::integer AS active_students,
       round(s.average_level, 2)::numeric(8,2) AS average_level,
       round(p.average_progress, 2)::numeric(5,2) AS average_progress,
       COALESCE(p.completed_lessons, 0)::integer AS completed_lessons,
       COALESCE(p.total_lesson_attempts, 0)::integer AS total_lesson_attempts,
       now() AS refreshed_at
  FROM classes c
  LEFT JOIN students s ON s.class_id = c.id
  LEFT JOIN progress p ON p.class_id = c.id
WITH NO DATA;
COMMENT ON MATERIALIZED VIEW class_performance_summary IS 'Per-class totals, refreshed by a Huey job; read through class_performance().';
-- seed: a plain index; REFRESH ... CONCURRENTLY needs a unique one.
CREATE UNIQUE INDEX idx_class_performance_class_id ON class_performance_summary(class_id);
GRANT SELECT ON classes, enrollments, profiles, student_progress, class_courses, lessons TO spark_rls_reader;
ALTER MATERIALIZED VIEW class_performance_summary OWNER TO spark_rls_reader;
REVOKE ALL ON class_performance_summary FROM PUBLIC;
REFRESH MATERIALIZED VIEW class_performance_summary;

-- The only way to read the view: the row of one class, for its teacher, an admin of
-- its school, or SYSTEM (for that school or all). Checked against the live classes row.
CREATE FUNCTION class_performance(p_class_id uuid) RETURNS SETOF class_performance_summary
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT s.*
    FROM class_performance_summary s
    JOIN classes c ON c.id = s.class_id
   WHERE s.class_id = p_class_id
     AND (   (spark_role() = 'TEACHER' AND c.teacher_id = spark_user_id())
          OR (spark_role() = 'ADMIN' AND spark_user_id() IS NOT NULL AND c.school_id = spark_school_id())
          OR spark_is_system_for(c.school_id))
$$;
ALTER FUNCTION class_performance(uuid) OWNER TO spark_rls_reader;
REVOKE EXECUTE ON FUNCTION class_performance(uuid) FROM PUBLIC;
COMMENT ON FUNCTION class_performance(uuid) IS 'The class''s performance row, for its teacher, an admin of its school or SYSTEM; else nothing.';

-- Called by a Huey job (seed: pg_cron), acting as SYSTEM.
CREATE FUNCTION refresh_class_performance() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF spark_role() IS DISTINCT FROM 'SYSTEM' THEN
    RAISE EXCEPTION 'only a SYSTEM job refreshes class performance' USING ERRCODE = 'insufficient_privilege';
  END IF;
  REFRESH MATERIALIZED VIEW CONCURRENTLY class_performance_summary;
END
$$;
ALTER FUNCTION refresh_class_performance() OWNER TO spark_rls_reader;
REVOKE EXECUTE ON FUNCTION refresh_class_performance() FROM PUBLIC;
COMMENT ON FUNCTION refresh_class_performance() IS 'Refreshes class_performance_summary (SYSTEM only; Huey schedules it).';
