-- Spark schema, part 2: schools, users, profiles, classes, enrollments, sign-in throttling.
-- depends: 0001_types_and_helpers

-- ---------------------------------------------------------------------------
-- schools
-- ---------------------------------------------------------------------------
CREATE TABLE schools (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name varchar(200) NOT NULL,
  address text,
  district varchar(100),
  state varchar(100),
  country varchar(100) NOT NULL DEFAULT 'India',           -- seed: nullable; it has a default
  timezone varchar(50) NOT NULL DEFAULT 'Asia/Kolkata',    -- seed: nullable; days (streaks, analytics) are counted in it
  default_language varchar(10) NOT NULL DEFAULT 'en',      -- new: last fallback of the locale (ARCHITECTURE.md 9)
  contact_email varchar(255),
  contact_phone varchar(20),
  settings jsonb NOT NULL DEFAULT '{}',                    -- seed: nullable; it has a default
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),           -- seed: TIMESTAMP; timestamptz (UTC) everywhere
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE schools IS 'A school: the tenant; its time zone counts the days of its students.';
CREATE INDEX idx_schools_district ON schools(district);
CREATE INDEX idx_schools_state ON schools(state);
CREATE INDEX idx_schools_active ON schools(is_active) WHERE is_active = true;
CREATE TRIGGER trg_schools_updated_at BEFORE UPDATE ON schools
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- new: the time zone is validated by this trigger, not by a CHECK: a CHECK must
-- be immutable, and the list of zones (pg_timezone_names) is not.
CREATE FUNCTION schools_check_timezone() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.timezone) THEN
    RAISE EXCEPTION 'unknown time zone "%"', NEW.timezone USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER trg_schools_check_timezone BEFORE INSERT OR UPDATE OF timezone ON schools
  FOR EACH ROW EXECUTE FUNCTION schools_check_timezone();

-- ---------------------------------------------------------------------------
-- users
-- ---------------------------------------------------------------------------
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- seed: UNIQUE(username); unique on lower(username) below, so "Asha" and "asha"
  -- cannot both exist. No '@', so a sign-in identifier is a username or an email, never both.
  username varchar(50) NOT NULL CHECK (username <> '' AND position('@' in username) = 0),
  -- seed: NOT NULL UNIQUE; students may have no email. Unique on lower(email) below.
  email varchar(255) CHECK (email LIKE '%_@_%'),
  password_hash varchar(255) NOT NULL,
  role user_role NOT NULL,
  -- seed: same; nullable because guardians and platform admins may have no school,
  -- but students and teachers must have one (CHECK below).
  school_id uuid REFERENCES schools(id),
  -- seed: varchar(5) DEFAULT 'en'; NULL means "not chosen", so the browser and then
  -- the school's default_language decide (ARCHITECTURE.md 9). 10 fits tags like 'hi-Latn'.
  preferred_language varchar(10),
  is_active boolean NOT NULL DEFAULT true,
  email_verified boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  -- new: bumped on sign-out, password change or deactivation: ends every session of the user.
  session_version integer NOT NULL DEFAULT 1 CHECK (session_version >= 1),
  password_changed_at timestamptz,                          -- new
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_school_required CHECK (school_id IS NOT NULL OR role IN ('GUARDIAN', 'ADMIN'))
);
COMMENT ON TABLE users IS 'An account: student, teacher, school or platform admin, or guardian.';
-- seed: idx_users_username and idx_users_email duplicated the UNIQUE constraints;
-- replaced by these case-insensitive unique indexes (sign-in matches lower(...)).
CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX idx_users_school_role ON users(school_id, role);
CREATE INDEX idx_users_active ON users(is_active) WHERE is_active = true;
CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- new: RLS lets a user update their own row (name, language, password); this
-- trigger keeps them from changing their own role or school through it.
CREATE FUNCTION users_guard_privileged_columns() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW.id = spark_user_id()
     AND NOT spark_may_manage_account(NEW.role, NEW.school_id)
     AND (NEW.role IS DISTINCT FROM OLD.role OR NEW.school_id IS DISTINCT FROM OLD.school_id) THEN
    RAISE EXCEPTION 'a user cannot change their own role or school' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER trg_users_guard_privileged_columns BEFORE UPDATE OF role, school_id ON users
  FOR EACH ROW EXECUTE FUNCTION users_guard_privileged_columns();

-- ---------------------------------------------------------------------------
-- profiles
-- ---------------------------------------------------------------------------
CREATE TABLE profiles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL UNIQUE REFERENCES users(id) ON DELETE CASCADE,
  first_name varchar(100) NOT NULL,
  last_name varchar(100) NOT NULL,
  display_name varchar(150) NOT NULL,
  avatar varchar(50),          -- new: a key into the built-in avatar set; children do not upload photos
  avatar_url varchar(500),     -- seed; kept for staff and guardians
  grade smallint CHECK (grade BETWEEN 6 AND 12),
  -- seed: these defaults were nullable; NOT NULL. xp_points/crystals/sparks are
  -- totals of reward_ledger, maintained by its trigger (0004).
  xp_points integer NOT NULL DEFAULT 0 CHECK (xp_points >= 0),
  level integer NOT NULL DEFAULT 1 CHECK (level >= 1),
  crystals integer NOT NULL DEFAULT 0 CHECK (crystals >= 0),
  sparks integer NOT NULL DEFAULT 0 CHECK (sparks >= 0),
  streak integer NOT NULL DEFAULT 0 CHECK (streak >= 0),
  total_time_spent integer NOT NULL DEFAULT 0 CHECK (total_time_spent >= 0), -- seconds
  last_active timestamptz NOT NULL DEFAULT now(),
  -- new: the school-local day of the last learning activity, counted from the
  -- moment the action happened (maybe offline); the domain's streaks use it.
  last_active_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE profiles IS 'A user''s name, avatar and game totals (XP, level, crystals, sparks, streak).';
-- seed: idx_profiles_user_id dropped: duplicates UNIQUE(user_id).
CREATE INDEX idx_profiles_level ON profiles(level DESC);
CREATE INDEX idx_profiles_xp ON profiles(xp_points DESC);
CREATE INDEX idx_profiles_grade ON profiles(grade);
CREATE TRIGGER trg_profiles_updated_at BEFORE UPDATE ON profiles
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE FUNCTION update_level_on_xp_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.level := calculate_level(NEW.xp_points);
  RETURN NEW;
END
$$;
-- seed: BEFORE UPDATE OF xp_points only, so a profile inserted with XP kept level 1.
CREATE TRIGGER trigger_update_level BEFORE INSERT OR UPDATE OF xp_points ON profiles
  FOR EACH ROW EXECUTE FUNCTION update_level_on_xp_change();

-- seed: update_learning_streak()/trigger_update_streak are deliberately NOT created.
-- They counted the server's date at the moment of sync, not the school's day of the
-- moment the action happened. The domain layer (spark/progress.py) counts streaks in
-- the school's time zone from the action's own time and stores profiles.last_active_on.

-- ---------------------------------------------------------------------------
-- classes
-- ---------------------------------------------------------------------------
CREATE TABLE classes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name varchar(100) NOT NULL,
  subject varchar(50) NOT NULL,
  grade smallint NOT NULL CHECK (grade BETWEEN 6 AND 12),
  section varchar(10),
  teacher_id uuid NOT NULL REFERENCES users(id),
  school_id uuid NOT NULL REFERENCES schools(id),
  max_students integer NOT NULL DEFAULT 50 CHECK (max_students > 0),
  academic_year varchar(10),   -- e.g. '2024-25'
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE classes IS 'A class (section) of a school, taught by one teacher.';
CREATE INDEX idx_classes_teacher ON classes(teacher_id);
CREATE INDEX idx_classes_school ON classes(school_id);
CREATE INDEX idx_classes_grade_subject ON classes(grade, subject);
CREATE INDEX idx_classes_active ON classes(is_active) WHERE is_active = true;
CREATE TRIGGER trg_classes_updated_at BEFORE UPDATE ON classes
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- ---------------------------------------------------------------------------
-- enrollments
-- ---------------------------------------------------------------------------
CREATE TABLE enrollments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  status enrollment_status NOT NULL DEFAULT 'ACTIVE',   -- seed: nullable
  final_grade varchar(5),     -- A+, A, B+, ...
  UNIQUE (student_id, class_id)
);
COMMENT ON TABLE enrollments IS 'A student''s membership of a class.';
-- seed: idx_enrollments_student dropped: duplicates UNIQUE(student_id, class_id).
CREATE INDEX idx_enrollments_class ON enrollments(class_id);
CREATE INDEX idx_enrollments_status ON enrollments(status);

-- ---------------------------------------------------------------------------
-- login_throttles (new)
-- ---------------------------------------------------------------------------
-- new: counts failed sign-ins per identifier typed, whether or not it exists, so
-- guessing is slowed without revealing which accounts exist. No RLS: it is read
-- and written before anyone is signed in, and holds no personal data beyond the
-- identifier typed.
CREATE TABLE login_throttles (
  identifier varchar(255) PRIMARY KEY CHECK (identifier = lower(identifier)),
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  first_failed_at timestamptz,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE login_throttles IS 'Failed sign-ins per lowercased identifier typed; no RLS (used before sign-in).';
CREATE INDEX idx_login_throttles_updated ON login_throttles(updated_at);
CREATE TRIGGER trg_login_throttles_updated_at BEFORE UPDATE ON login_throttles
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();
