-- Spark schema, part 3: content (courses, the classes that follow them, lessons, quizzes, questions).
-- depends: 0002_schools_and_people

CREATE TABLE courses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title varchar(200) NOT NULL,
  description text,
  subject varchar(50) NOT NULL,
  grade smallint NOT NULL CHECK (grade BETWEEN 6 AND 12),
  difficulty difficulty_level NOT NULL,
  estimated_hours integer CHECK (estimated_hours >= 0),
  -- seed: TEXT[]; uuid[] of course ids. Arrays cannot carry foreign keys: the app validates them.
  prerequisites uuid[],
  learning_objectives text[],
  is_published boolean NOT NULL DEFAULT false,
  -- new: NULL = shared platform content; else the school that owns (and alone sees) it.
  school_id uuid REFERENCES schools(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE courses IS 'A course for one subject and grade; platform-wide (school_id NULL) or one school''s.';
COMMENT ON COLUMN courses.prerequisites IS 'Ids of courses to finish first; no FK is possible on an array, the app validates.';
CREATE INDEX idx_courses_subject_grade ON courses(subject, grade);
CREATE INDEX idx_courses_published ON courses(is_published) WHERE is_published = true;
CREATE INDEX idx_courses_difficulty ON courses(difficulty);
CREATE INDEX idx_courses_school ON courses(school_id);
CREATE TRIGGER trg_courses_updated_at BEFORE UPDATE ON courses
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- new: the seed has no link between a class and the courses it follows.
CREATE TABLE class_courses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  class_id uuid NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
  course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  assigned_by uuid REFERENCES users(id) ON DELETE SET NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (class_id, course_id)
);
COMMENT ON TABLE class_courses IS 'The courses a class follows.';
CREATE INDEX idx_class_courses_course ON class_courses(course_id);

CREATE TABLE lessons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title varchar(200) NOT NULL,
  content jsonb NOT NULL,         -- rich content: text, media, interactive elements
  course_id uuid NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  order_index integer NOT NULL,
  duration integer CHECK (duration >= 0),   -- minutes
  objectives text[],
  keywords text[],
  difficulty_level smallint NOT NULL DEFAULT 1 CHECK (difficulty_level BETWEEN 1 AND 5),
  is_published boolean NOT NULL DEFAULT false,
  requires_internet boolean NOT NULL DEFAULT false,
  offline_content jsonb,          -- compact content for offline use
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- seed: plain UNIQUE; DEFERRABLE so lessons can be reordered (swapped) in one
  -- transaction with SET CONSTRAINTS ... DEFERRED. (It cannot be an ON CONFLICT arbiter.)
  CONSTRAINT lessons_course_order_key UNIQUE (course_id, order_index) DEFERRABLE INITIALLY IMMEDIATE
);
COMMENT ON TABLE lessons IS 'A lesson of a course, in order.';
-- seed: idx_lessons_course(course_id, order_index) dropped: duplicates lessons_course_order_key.
CREATE INDEX idx_lessons_published ON lessons(is_published) WHERE is_published = true;
CREATE INDEX idx_lessons_keywords ON lessons USING gin (keywords);
CREATE TRIGGER trg_lessons_updated_at BEFORE UPDATE ON lessons
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE quizzes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title varchar(200) NOT NULL,
  description text,
  -- seed: nullable; a quiz without a lesson is platform content (RLS, 0007).
  lesson_id uuid REFERENCES lessons(id) ON DELETE CASCADE,
  time_limit integer CHECK (time_limit > 0),    -- minutes
  max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
  passing_score integer NOT NULL DEFAULT 70 CHECK (passing_score BETWEEN 0 AND 100),
  question_count integer NOT NULL DEFAULT 0 CHECK (question_count >= 0),
  is_published boolean NOT NULL DEFAULT false,
  randomize_questions boolean NOT NULL DEFAULT false,
  show_results_immediately boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE quizzes IS 'A quiz, usually attached to a lesson.';
CREATE INDEX idx_quizzes_lesson ON quizzes(lesson_id);
CREATE INDEX idx_quizzes_published ON quizzes(is_published) WHERE is_published = true;
CREATE TRIGGER trg_quizzes_updated_at BEFORE UPDATE ON quizzes
  FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  text text NOT NULL,
  type question_type NOT NULL,
  options jsonb,                   -- multiple choice: ["A", "B", "C", "D"]
  correct_answer jsonb NOT NULL,   -- never leaves the server (offline answers are scored on sync)
  explanation text,
  points integer NOT NULL DEFAULT 1 CHECK (points > 0),
  quiz_id uuid NOT NULL REFERENCES quizzes(id) ON DELETE CASCADE,
  order_index integer NOT NULL,
  difficulty smallint NOT NULL DEFAULT 1 CHECK (difficulty BETWEEN 1 AND 5),
  tags text[],
  created_at timestamptz NOT NULL DEFAULT now(),
  -- seed: plain UNIQUE; DEFERRABLE so questions can be reordered in one transaction.
  CONSTRAINT questions_quiz_order_key UNIQUE (quiz_id, order_index) DEFERRABLE INITIALLY IMMEDIATE
);
COMMENT ON TABLE questions IS 'A question of a quiz, with its answer key.';
-- seed: idx_questions_quiz(quiz_id, order_index) dropped: duplicates questions_quiz_order_key.
CREATE INDEX idx_questions_type ON questions(type);
CREATE INDEX idx_questions_difficulty ON questions(difficulty);
