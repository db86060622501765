"""Quiz attempts: start, answer, submit, score, and which attempt counts.

Rules:
- An attempt is started on the server; its question order (shuffled when the
  quiz says so) is fixed at the start and kept for the whole attempt.
- A student has at most `max_attempts` attempts; an attempt left open is
  resumed rather than a new one started.
- The time limit is enforced by the server with a short grace for slow
  networks: answers after it are refused, and the attempt is scored on the
  answers given in time.
- Submitting twice changes nothing. The score is points earned over points
  possible, in percent; an essay waits for a teacher, and until then the
  attempt is NEEDS_GRADING and its score counts only what is graded.
- The attempt that counts (`is_final`) is the best graded one, the earliest
  of equals.
Every function takes the moment the action happened and a client-made id where
a retry could repeat it, so the offline sync can replay them (ARCHITECTURE.md, 4).
"""
import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from peewee import JOIN

from spark import grading
from spark.courses import course_ids_of_student
from spark.db import database
from spark.models import Course, Lesson, Question, Quiz, RetiredQuestion, Submission, SubmissionAnswer
from spark.models.enums import SubmissionStatus

# Extra time after the limit for a slow network between the last answer and the server.
GRACE = timedelta(seconds=60)
FINISHED = (SubmissionStatus.SUBMITTED, SubmissionStatus.NEEDS_GRADING, SubmissionStatus.GRADED)


class QuizRefused(Exception):
    """An action the quiz's rules do not allow; `reason` says which rule."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def quiz_for_student(student_id, quiz_id):
    """The published quiz with its lesson and course, if the student follows the course; else None."""
    return (Quiz
            .select(Quiz, Lesson, Course)
            .join(Lesson)
            .join(Course)
            .where((Quiz.id == quiz_id) & Quiz.is_published & Lesson.is_published
                   & Lesson.course.in_(course_ids_of_student(student_id)))
            .first())


def attempts_of(student_id, quiz_id) -> list:
    """The student's attempts at a quiz, first to last."""
    return list(Submission
                .select()
                .where((Submission.student == student_id) & (Submission.quiz == quiz_id))
                .order_by(Submission.attempt))


def attempt_of_student(student_id, submission_id):
    """One of the student's own attempts, with its quiz, lesson and course; else None."""
    return (Submission
            .select(Submission, Quiz, Lesson, Course)
            .join(Quiz)
            .join(Lesson)
            .join(Course)
            .where((Submission.id == submission_id) & (Submission.student == student_id))
            .first())


def deadline(submission, quiz):
    """When answers stop being accepted, or None for a quiz without a time limit."""
    if not quiz.time_limit:
        return None
    return submission.started_at + timedelta(minutes=quiz.time_limit) + GRACE


def start_attempt(student_id, quiz, occurred_at, client_id, device_id=None):
    """Start (or resume) an attempt; the same client id always gets the same attempt."""
    with database.atomic():
        # One start at a time per student and quiz: two tabs cannot both take the last attempt.
        database.execute_sql("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                             (f"quiz-attempt:{student_id}:{quiz.id}",))
        attempts = attempts_of(student_id, quiz.id)
        for attempt in attempts:
            if attempt.client_id == uuid.UUID(str(client_id)):
                return attempt
        open_attempt = next((a for a in attempts if a.status == SubmissionStatus.IN_PROGRESS), None)
        if open_attempt is not None:
            limit = deadline(open_attempt, quiz)
            if limit is None or occurred_at <= limit:
                return open_attempt
            submit_attempt(student_id, open_attempt, quiz, occurred_at)
            attempts = attempts_of(student_id, quiz.id)
        if len(attempts) >= quiz.max_attempts:
            raise QuizRefused("no_attempts_left")
        # Retired questions stay only for the attempts that used them (sql/0012_authoring.sql).
        questions = list(Question.select(Question.id, Question.points)
                         .where((Question.quiz == quiz.id)
                                & Question.id.not_in(RetiredQuestion.select(RetiredQuestion.question)))
                         .order_by(Question.order_index))
        order = [q.id for q in questions]
        if quiz.randomize_questions:
            random.Random(str(client_id)).shuffle(order)
        attempt = Submission(
            id=uuid.uuid4(), student=student_id, quiz=quiz.id, status=SubmissionStatus.IN_PROGRESS,
            answers={}, question_order=order, max_score=sum(q.points for q in questions),
            attempt=len(attempts) + 1, started_at=occurred_at, client_id=client_id, device_id=device_id)
        attempt.save(force_insert=True)
        return attempt


def attempt_questions(submission) -> list:
    """The attempt's questions in its own order, each with the answer saved so far (one query)."""
    rows = (Question
            .select(Question, SubmissionAnswer)
            .join(SubmissionAnswer, JOIN.LEFT_OUTER, attr="saved",
                  on=((SubmissionAnswer.question == Question.id) & (SubmissionAnswer.submission == submission.id)))
            .where(Question.id.in_(submission.question_order or [])))
    by_id = {question.id: question for question in rows}
    return [by_id[question_id] for question_id in submission.question_order or [] if question_id in by_id]


def save_answer(student_id, submission, quiz, question, answer, occurred_at):
    """Keep the student's answer to one question of an open attempt (the last answer wins)."""
    if submission.status != SubmissionStatus.IN_PROGRESS:
        raise QuizRefused("already_submitted")
    limit = deadline(submission, quiz)
    if limit is not None and occurred_at > limit:
        raise QuizRefused("time_up")
    if question.id not in (submission.question_order or []):
        raise QuizRefused("not_found")
    answer = grading.check_answer(question.type, question.options, question.correct_answer, answer)
    if answer is None:
        (SubmissionAnswer.delete()
         .where((SubmissionAnswer.submission == submission.id) & (SubmissionAnswer.question == question.id))
         .execute())
        return
    (SubmissionAnswer
     .insert(id=uuid.uuid4(), submission=submission.id, student_id=student_id, question=question.id,
             answer=answer, max_points=question.points, needs_grading=False)
     .on_conflict(conflict_target=[SubmissionAnswer.submission, SubmissionAnswer.question],
                  update={SubmissionAnswer.answer: answer})
     .execute())


@dataclass(frozen=True)
class Outcome:
    """What a submit did: the attempt, and whether this call was the one that submitted it."""

    submission: Submission
    newly_submitted: bool


def submit_attempt(student_id, submission, quiz, occurred_at) -> Outcome:
    """Score and close an attempt; a second submit returns it unchanged."""
    with database.atomic():
        submission = (Submission.select()
                      .where((Submission.id == submission.id) & (Submission.student == student_id))
                      .for_update()
                      .get())
        if submission.status != SubmissionStatus.IN_PROGRESS:
            return Outcome(submission, False)
        questions = attempt_questions(submission)
        earned, waiting = _grade_answers(questions)
        submission.points_earned = earned
        submission.score = grading.score_percent(earned, submission.max_score)
        submission.status = SubmissionStatus.NEEDS_GRADING if waiting else SubmissionStatus.GRADED
        submission.passed = None if waiting else submission.score >= quiz.passing_score
        submission.answers = {str(q.id): q.saved.answer for q in questions if is_answered(q)}
        limit = deadline(submission, quiz)
        last_moment = min(occurred_at, limit) if limit else occurred_at
        submission.time_spent = max(0, int((last_moment - submission.started_at).total_seconds()))
        submission.submitted_at = occurred_at
        if not waiting:
            submission.graded_at = occurred_at
        submission.save()
        submission.is_final = mark_final_attempt(student_id, quiz.id) == submission.id
        return Outcome(submission, True)


def is_answered(question) -> bool:
    """True when a question from attempt_questions() has a saved answer."""
    return question.saved is not None and question.saved.id is not None


def _grade_answers(questions):
    """Grade every saved answer in place; return (points earned, whether an essay waits)."""
    earned, waiting = 0, False
    for question in questions:
        if not is_answered(question):
            continue
        result = grading.grade(question.type, question.options, question.correct_answer, question.saved.answer)
        saved = question.saved
        saved.credit = result.credit
        saved.points_awarded = grading.points_for(result, question.points)
        saved.needs_grading = result.credit is None
        waiting = waiting or saved.needs_grading
        earned += saved.points_awarded or 0
        saved.save()
    return earned, waiting


def mark_final_attempt(student_id, quiz_id):
    """Mark the best graded attempt (the earliest of equals) as the one that counts; return its id."""
    best = (Submission
            .select(Submission.id)
            .where((Submission.student == student_id) & (Submission.quiz == quiz_id)
                   & (Submission.status == SubmissionStatus.GRADED))
            .order_by(Submission.score.desc(), Submission.attempt)
            .first())
    # Two statements: the partial unique index allows one final attempt at any moment.
    others = (Submission.student == student_id) & (Submission.quiz == quiz_id) & Submission.is_final
    if best is not None:
        others &= Submission.id != best.id
    Submission.update(is_final=False).where(others).execute()
    if best is None:
        return None
    Submission.update(is_final=True).where(Submission.id == best.id).execute()
    return best.id

