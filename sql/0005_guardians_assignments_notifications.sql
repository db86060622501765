-- Spark schema, part 5: guardian links, assignments and their submissions, notifications.
-- depends: 0004_progress_and_rewards

CREATE TABLE guardian_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  guardian_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  relationship varchar(20) NOT NULL DEFAULT 'parent',   -- parent, guardian, sibling
  status link_status NOT NULL DEFAULT 'PENDING',        -- seed: nullable
  requested_at timestamptz NOT NULL DEFAULT now(),
  approved_at timestamptz,
  approved_by uuid REFERENCES users(id) ON DELETE SET NULL,   -- seed: no action; the link outlives its approver
  notes text,
  CONSTRAINT guardian_links_not_self CHECK (guardian_id <> student_id),   -- new
  UNIQUE (guardian_id, student_id)
);
COMMENT ON TABLE guardian_links IS 'A guardian''s request to follow a student; APPROVED links grant read access.';
-- seed: idx_guardian_links_guardian dropped: duplicates UNIQUE(guardian_id, student_id).
CREATE INDEX idx_guardian_links_student ON guardian_links(student_id);
CREATE INDEX idx_guardian_links_status ON guardian_links(status);

-- new: RLS lets a guardian update their own link (relationship, notes); this
-- trigger keeps them from approving it or pointing it at another student.
CREATE FUNCTION guardian_links_guard() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF spark_role() = 'GUARDIAN'
     AND (NEW.status IS DISTINCT FROM OLD.status
          OR NEW.student_id IS DISTINCT FROM OLD.student_id
          OR NEW.guardian_id IS DISTINCT FROM OLD.guardian_id
          OR NEW.approved_at IS DISTINCT FROM OLD.approved_at
          OR NEW.approved_by IS DISTINCT FROM OLD.approved_by) THEN
    RAISE EXCEPTION 'a guardian cannot change the status or the people of a link'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER trg_guardian_links_guard BEFORE UPDATE ON guardian_links
  FOR EACH ROW EXECUTE FUNCTION guardian_links_guard();

CREATE TABLE assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title varchar(200) NOT NULL,
  description text NOT NULL,
  instructions jsonb,
  course_id uuid REFERENCES courses(id),
  class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  due_date timestamptz NOT NULL,       -- seed: TIMESTAMP; shown in the school's time zone
  max_score integer NOT NULL DEFAULT 100 CHECK (max_score > 0),
  submission_type assignment_type NOT NULL DEFAULT 'FILE',
  allowed_file_types text[],           -- ['pdf', 'doc', 'jpg']
  max_file_size integer NOT NULL DEFAULT 10485760 CHECK (max_file_size > 0),   -- bytes
  is_published boolean NOT NULL DEFAULT false,
  late_submission_allowed boolean NOT NULL DEFAULT true,
  -- seed: unchecked; a percentage.
  late_penalty numeric(5,2) NOT NULL DEFAULT 0 CHECK (late_penalty BETWEEN 0 AND 100),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE assignments IS 'Work a teacher sets a class, with a due date.';
CREATE INDEX idx_assignments_class ON assignments(class_id);
CREATE INDEX idx_assignments_due_date ON assignments(due_date);
CREATE INDEX idx_assignments_published ON assignments(is_published) WHERE is_published = true;
CREATE TRIGGER trg_assignments_updated_at BEFORE UPDATE ON assignments
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE assignment_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assignment_id uuid NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  content text,
  file_urls text[],
  submitted_at timestamptz NOT NULL DEFAULT now(),   -- the moment of the action (maybe offline)
  is_late boolean NOT NULL DEFAULT false,
  score numeric(5,2) CHECK (score >= 0),
  feedback text,
  graded_at timestamptz,
  graded_by uuid REFERENCES users(id),
  UNIQUE (assignment_id, student_id)
);
COMMENT ON TABLE assignment_submissions IS 'A student''s work for an assignment, and its grade.';
-- seed: idx_assignment_submissions_assignment dropped: duplicates UNIQUE(assignment_id, student_id).
CREATE INDEX idx_assignment_submissions_student ON assignment_submissions(student_id);
CREATE INDEX idx_assignment_submissions_submitted ON assignment_submissions(submitted_at DESC);

CREATE TABLE user_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title varchar(200) NOT NULL,
  message text NOT NULL,
  type notification_type NOT NULL,
  priority notification_priority NOT NULL DEFAULT 'NORMAL',
  is_read boolean NOT NULL DEFAULT false,
  data jsonb,
  expires_at timestamptz,       -- seed: TIMESTAMP
  created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE user_notifications IS 'A message to one user; expired and old read ones are cleaned by a Huey job.';
CREATE INDEX idx_notifications_user ON user_notifications(user_id);
CREATE INDEX idx_notifications_unread ON user_notifications(user_id, is_read) WHERE is_read = false;
CREATE INDEX idx_notifications_type ON user_notifications(type);
CREATE INDEX idx_notifications_created ON user_notifications(created_at DESC);
CREATE INDEX idx_notifications_cleanup ON user_notifications(expires_at) WHERE expires_at IS NOT NULL;
