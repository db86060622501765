-- Spark schema, part 13: uploaded files, and what grading assignments needs (issue 4).
-- depends: 0010_notification_keys

-- ---------------------------------------------------------------------------
-- uploads: one row per file stored under UPLOAD_DIR (spark/uploads.py).
-- The file lives outside static/ under a random key; this row says whose it is
-- and what it belongs to, which is what serving it checks.
-- ---------------------------------------------------------------------------
CREATE TABLE uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the random name on disk and in URLs: url-safe base64 of 32 random bytes
  key varchar(64) NOT NULL UNIQUE CHECK (key ~ '^[A-Za-z0-9_-]{32,64}$'),
  owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  -- the owner's school (NULL for someone without one): lets staff see unattached lesson images
  school_id uuid REFERENCES schools(id) ON DELETE CASCADE,
  -- what the file is for: 'assignment_submission', 'lesson_image' (spark.uploads.PURPOSES)
  purpose varchar(30) NOT NULL CHECK (purpose ~ '^[a-z_]{1,30}$'),
  original_name varchar(255) NOT NULL CHECK (original_name <> ''),
  content_type varchar(100) NOT NULL,          -- from the sniffed content, never from the client
  size integer NOT NULL CHECK (size > 0),      -- bytes; empty files are refused
  sha256 char(64) NOT NULL,
  -- what the file is attached to; who may download it follows from it
  assignment_submission_id uuid REFERENCES assignment_submissions(id) ON DELETE CASCADE,
  lesson_id uuid REFERENCES lessons(id) ON DELETE SET NULL,
  -- set when a resubmission replaces the file: kept as history, no longer current
  replaced_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE uploads IS 'A file stored under UPLOAD_DIR by a random key, and what it belongs to.';
CREATE INDEX idx_uploads_submission ON uploads(assignment_submission_id) WHERE assignment_submission_id IS NOT NULL;
CREATE INDEX idx_uploads_lesson ON uploads(lesson_id) WHERE lesson_id IS NOT NULL;
CREATE INDEX idx_uploads_owner ON uploads(owner_id);

ALTER TABLE uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE uploads FORCE ROW LEVEL SECURITY;

-- Read: the owner; whoever sees the submission it is attached to (composes with
-- assignment_submissions' policy: the student, their teachers, the school's
-- admins, approved guardians); whoever reads the lesson it illustrates
-- (composes with lessons'); staff of the owner's school for a lesson image not
-- yet attached; SYSTEM for the school. The app narrows teachers further to the
-- class's own teacher (spark.uploads.may_download).
CREATE POLICY uploads_select ON uploads FOR SELECT
  USING (owner_id = spark_user_id()
         OR spark_is_system_for(school_id)
         OR assignment_submission_id IN (SELECT s.id FROM assignment_submissions s)
         OR lesson_id IN (SELECT l.id FROM lessons l)
         OR (purpose = 'lesson_image' AND lesson_id IS NULL AND school_id IS NOT NULL
             AND spark_is_school_staff(school_id)));
-- Write: the owner, for their own school (not a guardian: they only read), or SYSTEM.
CREATE POLICY uploads_insert ON uploads FOR INSERT
  WITH CHECK ((owner_id = spark_user_id() AND spark_role() <> 'GUARDIAN'
               AND school_id IS NOT DISTINCT FROM spark_school_id())
              OR spark_is_system_for(school_id));
CREATE POLICY uploads_update ON uploads FOR UPDATE
  USING ((owner_id = spark_user_id() AND spark_role() <> 'GUARDIAN') OR spark_is_system_for(school_id))
  WITH CHECK ((owner_id = spark_user_id() AND spark_role() <> 'GUARDIAN'
               AND school_id IS NOT DISTINCT FROM spark_school_id())
              OR spark_is_system_for(school_id));
CREATE POLICY uploads_delete ON uploads FOR DELETE
  USING ((owner_id = spark_user_id() AND spark_role() <> 'GUARDIAN') OR spark_is_system_for(school_id));

-- ---------------------------------------------------------------------------
-- Grading assignments
-- ---------------------------------------------------------------------------
-- version: optimistic concurrency. Every grade or resubmission bumps it; a save
-- carrying an older version is refused, so two tabs cannot overwrite each other's
-- grade silently (spark/assignments.py, grade_submission).
-- raw_score: what the teacher gave; score stays the final score everyone reads
-- (guardians, the student), after the late penalty; penalty_percent: the penalty
-- applied when graded, so a later change of the assignment's penalty does not
-- make an old grade unexplainable.
ALTER TABLE assignment_submissions
  ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  ADD COLUMN raw_score numeric(5,2) CHECK (raw_score >= 0),
  ADD COLUMN penalty_percent numeric(5,2) NOT NULL DEFAULT 0 CHECK (penalty_percent BETWEEN 0 AND 100);

-- score and raw_score are numeric(5,2) (at most 999.99), so a larger max_score
-- could never be reached.
ALTER TABLE assignments ADD CONSTRAINT assignments_max_score_fits CHECK (max_score <= 999);

-- The grading page lists a class's assignments by due date.
CREATE INDEX idx_assignments_class_due ON assignments(class_id, due_date);

SELECT spark_grant_app_privileges();
