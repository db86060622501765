-- Spark schema, part 12: teachers author content; answered quiz questions are versioned, never changed.
-- depends: 0010_notification_keys

-- new: editing a question's answer key or points in place would change what every
-- attempt that used it is worth (the result page, an essay graded later, a regrade).
-- So a question that appears in any attempt's submissions.question_order is never
-- changed: editing it inserts a new question row and records the old one here, with
-- its replacement. Old attempts keep the old ids in question_order, so they grade and
-- display from their own rows; new attempts take only questions not listed here
-- (spark.quizzes.start_attempt). A table rather than a column on questions so the
-- history (what replaced what, who, when) is kept, and questions' shape is unchanged.
CREATE TABLE retired_questions (
  question_id uuid PRIMARY KEY REFERENCES questions(id) ON DELETE CASCADE,
  replaced_by uuid REFERENCES questions(id) ON DELETE SET NULL,   -- NULL: removed, not replaced
  retired_by uuid REFERENCES users(id) ON DELETE SET NULL,
  retired_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE retired_questions IS 'Questions kept only for the attempts that used them; new attempts never get them.';
CREATE INDEX idx_retired_questions_replaced_by ON retired_questions(replaced_by);

-- Write rule for a question: the write rule of its quiz (which follows its course).
CREATE FUNCTION spark_can_write_question(p_question uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT COALESCE((SELECT spark_can_write_quiz(q.quiz_id) FROM questions q WHERE q.id = p_question), false)
$$;
COMMENT ON FUNCTION spark_can_write_question(uuid) IS 'True when the actor may change this question (its quiz''s rule).';

-- Which questions of a quiz some attempt has used. A teacher sees only the attempts
-- of students in their own classes (RLS), but a course is shared by the whole school:
-- deciding "no one answered it, change it in place" from what the teacher can see
-- would silently change another class's scores. This answers for every attempt, only
-- to someone who may write the quiz, and says nothing about who answered.
CREATE FUNCTION spark_answered_question_ids(p_quiz uuid) RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT q.id
    FROM questions q
   WHERE q.quiz_id = p_quiz
     AND spark_can_write_quiz(p_quiz)
     AND EXISTS (SELECT 1 FROM submissions s WHERE s.quiz_id = p_quiz AND s.question_order @> ARRAY[q.id])
$$;
COMMENT ON FUNCTION spark_answered_question_ids(uuid) IS 'Ids of the quiz''s questions used by any attempt (for its authors).';

-- spark_rls_reader reads only the two columns the function needs.
GRANT SELECT (quiz_id, question_order) ON submissions TO spark_rls_reader;

DO $$
DECLARE
  f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['spark_can_write_question(uuid)', 'spark_answered_question_ids(uuid)']
  LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO spark_rls_reader', f);
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO spark_app, spark_owner', f);
  END LOOP;
END
$$;

-- Readable with its question; written by whoever may write the question.
ALTER TABLE retired_questions ENABLE ROW LEVEL SECURITY;
ALTER TABLE retired_questions FORCE ROW LEVEL SECURITY;
CREATE POLICY retired_questions_select ON retired_questions FOR SELECT
  USING (question_id IN (SELECT q.id FROM questions q));
CREATE POLICY retired_questions_write ON retired_questions FOR ALL
  USING (spark_can_write_question(question_id))
  WITH CHECK (spark_can_write_question(question_id)
              AND (replaced_by IS NULL OR spark_can_write_question(replaced_by)));

SELECT spark_grant_app_privileges();
