-- Spark schema, part 15: offline sync (issue 6): the actions a device already sent, the lessons saved for offline use, versions kept by the database.
-- depends: 0010_notification_keys

-- ---------------------------------------------------------------------------
-- sync_actions: one row per offline action the server has answered
-- ---------------------------------------------------------------------------
-- The idempotency key of the sync API (ARCHITECTURE.md, 4 and 8): a device may send
-- the same action again (a batch cut off, a lost response, two tabs), and the key
-- (student_id, client_id) makes the second one a "duplicate" that changes nothing
-- and returns the first result. Keyed per student: a client id is made by one
-- device, and one student cannot block or probe another student's ids.
-- Not in sync_logs.actions: that column is the batch as sent, archived after 30
-- days; the key must outlive the log (so the foreign key is ON DELETE SET NULL).
CREATE TABLE sync_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  client_id uuid NOT NULL,
  sync_log_id uuid REFERENCES sync_logs(id) ON DELETE SET NULL,
  device_id varchar(100) NOT NULL,
  action_type varchar(30) NOT NULL,
  occurred_at timestamptz NOT NULL,   -- the moment it happened on the device (clamped)
  result jsonb NOT NULL,              -- what the server answered, returned again to a replay
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sync_actions_student_client UNIQUE (student_id, client_id)
);
COMMENT ON TABLE sync_actions IS 'Offline actions already answered, by student and client id, so a replay changes nothing.';
CREATE INDEX idx_sync_actions_sync_log ON sync_actions(sync_log_id);

-- ---------------------------------------------------------------------------
-- saved_lessons: what a student saved for offline use
-- ---------------------------------------------------------------------------
-- The service worker keeps the pages; the server keeps the list, so the "saved for
-- offline" page is server-rendered HTML (no client-side rendering) and a sync can
-- tell the device which saved lessons changed or were unpublished.
CREATE TABLE saved_lessons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  lesson_id uuid NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
  version varchar(64) NOT NULL,       -- a hash of the offline package when it was last saved
  size_bytes integer NOT NULL DEFAULT 0 CHECK (size_bytes >= 0),
  saved_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT saved_lessons_student_lesson UNIQUE (student_id, lesson_id)
);
COMMENT ON TABLE saved_lessons IS 'Lessons a student saved for offline use, with the version the device holds.';
CREATE INDEX idx_saved_lessons_lesson ON saved_lessons(lesson_id);

-- ---------------------------------------------------------------------------
-- Row-level security
-- ---------------------------------------------------------------------------
-- Read: like other student data (the student, their teachers, their school's admin,
-- approved guardians, SYSTEM). Write: only the student acting for themselves (the
-- sync API runs as the student whose session it is) or SYSTEM; a teacher resolving
-- a conflict never writes these.
ALTER TABLE sync_actions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_actions FORCE ROW LEVEL SECURITY;
CREATE POLICY sync_actions_select ON sync_actions FOR SELECT
  USING (student_id IN (SELECT spark_visible_student_ids()));
CREATE POLICY sync_actions_insert ON sync_actions FOR INSERT
  WITH CHECK (student_id = spark_user_id() OR spark_role() = 'SYSTEM');
CREATE POLICY sync_actions_update ON sync_actions FOR UPDATE
  USING (student_id = spark_user_id() OR spark_role() = 'SYSTEM')
  WITH CHECK (student_id = spark_user_id() OR spark_role() = 'SYSTEM');
-- No DELETE policy: a key once written stays, or a replay could be applied twice.

ALTER TABLE saved_lessons ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_lessons FORCE ROW LEVEL SECURITY;
CREATE POLICY saved_lessons_select ON saved_lessons FOR SELECT
  USING (student_id IN (SELECT spark_visible_student_ids()));
CREATE POLICY saved_lessons_insert ON saved_lessons FOR INSERT
  WITH CHECK (student_id = spark_user_id() OR spark_role() = 'SYSTEM');
CREATE POLICY saved_lessons_update ON saved_lessons FOR UPDATE
  USING (student_id = spark_user_id() OR spark_role() = 'SYSTEM')
  WITH CHECK (student_id = spark_user_id() OR spark_role() = 'SYSTEM');
CREATE POLICY saved_lessons_delete ON saved_lessons FOR DELETE
  USING (student_id = spark_user_id() OR spark_role() = 'SYSTEM');

-- 0007 lets anyone who may write a batch update its conflicts, the student too.
-- Deciding a conflict is for staff (a student must not settle their own quiz
-- conflict): a restrictive policy narrows UPDATE to teachers, admins and SYSTEM.
-- Python checks the same (spark.sync.resolve_conflict); this is the second wall.
CREATE POLICY sync_conflicts_resolved_by_staff ON sync_conflicts AS RESTRICTIVE FOR UPDATE
  USING (spark_role() IN ('TEACHER', 'ADMIN', 'SYSTEM'))
  WITH CHECK (spark_role() IN ('TEACHER', 'ADMIN', 'SYSTEM'));

-- ---------------------------------------------------------------------------
-- sync_version: counted by the database
-- ---------------------------------------------------------------------------
-- seed: "sync_version for conflict resolution", never incremented. A trigger bumps it
-- on every real change, whoever makes it (a page, the sync API, a teacher's grade),
-- so an action's "based on version N" tells whether the row changed since the device
-- last saw it. A client cannot forge it: a value written by an UPDATE is replaced.
CREATE FUNCTION spark_bump_sync_version() RETURNS trigger
LANGUAGE plpgsql
SET search_path = public, pg_temp
AS $$
BEGIN
  NEW.sync_version := OLD.sync_version;
  IF NEW IS DISTINCT FROM OLD THEN
    NEW.sync_version := OLD.sync_version + 1;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION spark_bump_sync_version() IS 'Adds one to sync_version when a row really changes.';

CREATE TRIGGER trg_student_progress_sync_version BEFORE UPDATE ON student_progress
  FOR EACH ROW EXECUTE FUNCTION spark_bump_sync_version();
CREATE TRIGGER trg_submissions_sync_version BEFORE UPDATE ON submissions
  FOR EACH ROW EXECUTE FUNCTION spark_bump_sync_version();

SELECT spark_grant_app_privileges();
