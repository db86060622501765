"""Essay answers a teacher grades: the queue, a grade, and finishing the attempt.

A quiz attempt with an essay is NEEDS_GRADING until every essay answer is
graded. Grading one answer gives it points (0..max_points) and feedback; the
grade that empties the attempt's queue then scores the attempt the way
`spark.quizzes.submit_attempt` would have (points over points possible,
passed against the quiz's pass mark), marks it GRADED, picks the attempt that
counts (`mark_final_attempt`) and gives the rewards the pages give
(`learning_rewards.reward_attempt`, on the day the student did the work), and
notifies the student.

Who: a teacher sees the essays of students enrolled in a class they teach, for
quizzes of courses that class follows. Row-level security lets a teacher update
those students' submissions and answers, and insert their rewards and
notifications (without reading the notification back).

Two tabs: an answer is graded once from the queue; a second save of the same
answer finds it no longer waiting and is refused (`EssayAlreadyGraded`) with
the grade it has.
"""
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l
from peewee import JOIN, fn

from spark import grading, notifications, quizzes
from spark.db import database
from spark.learning_rewards import reward_attempt
from spark.models import (ClassCourse, Course, Enrollment, Lesson, Profile, Question, Quiz, SchoolClass, Submission,
                          SubmissionAnswer)
from spark.models.enums import NotificationType, SubmissionStatus

_CENTS = Decimal("0.01")
_CREDIT = Decimal("0.0001")
FEEDBACK_LIMIT = 5_000


class EssayGradeInvalid(Exception):
    """Points out of range or feedback too long; `.message` says which."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class EssayAlreadyGraded(Exception):
    """The answer was graded meanwhile (another tab or teacher); `.current` is it now."""

    def __init__(self, current):
        super().__init__("already graded")
        self.current = current


@dataclass
class EssayItem:
    """One essay answer waiting in the queue, with what grading it needs."""

    answer: SubmissionAnswer
    question: Question
    quiz: Quiz
    student_name: str
    class_name: str = ""


def _covered_by(teacher_id):
    """An EXISTS test: the attempt's student is in a class this teacher teaches that follows the quiz's course."""
    return fn.EXISTS(Enrollment
                     .select(Enrollment.id)
                     .join(SchoolClass, on=(SchoolClass.id == Enrollment.school_class))
                     .join(ClassCourse, on=(ClassCourse.school_class == SchoolClass.id))
                     .where((SchoolClass.teacher == teacher_id)
                            & (Enrollment.student == Submission.student)
                            & (ClassCourse.course == Lesson.course)))


def _answers_of(teacher):
    return (SubmissionAnswer
            .select(SubmissionAnswer, Question, Submission, Quiz, Profile)
            .join(Question)
            .switch(SubmissionAnswer)
            .join(Submission)
            .join(Quiz)
            .join(Lesson)
            .switch(Submission)
            .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == Submission.student), attr="profile")
            .where(_covered_by(teacher.id)))


def essay_queue(teacher, limit=100) -> list:
    """Essay answers waiting for this teacher, oldest hand-in first (one query)."""
    rows = (_answers_of(teacher)
            .where(SubmissionAnswer.needs_grading & (Submission.status == SubmissionStatus.NEEDS_GRADING))
            .order_by(Submission.submitted_at, SubmissionAnswer.id)
            .limit(limit))
    return [EssayItem(row, row.question, row.submission.quiz, _name(row.submission), "") for row in rows]


def _name(submission):
    profile = getattr(submission, "profile", None)
    return profile.display_name if profile is not None and profile.display_name else ""


def essay_for_teacher(teacher, answer_id):
    """One essay answer this teacher may grade (waiting or not), else None."""
    return _answers_of(teacher).where(SubmissionAnswer.id == answer_id).first()


def essay_item(answer) -> EssayItem:
    """An answer from essay_for_teacher as a queue item."""
    return EssayItem(answer, answer.question, answer.submission.quiz, _name(answer.submission), "")


def parse_points(text, max_points) -> Decimal:
    """Points typed by a teacher: 0..max_points, at most two decimals."""
    try:
        points = Decimal((text or "").strip().replace(",", "."))
    except InvalidOperation:
        raise EssayGradeInvalid(_l("Enter the points as a number, e.g. 3 or 2.5.")) from None
    if not points.is_finite():
        raise EssayGradeInvalid(_l("Enter the points as a number, e.g. 3 or 2.5."))
    if points < 0 or points > max_points:
        raise EssayGradeInvalid(_l("The points must be between 0 and %(max)s.", max=max_points))
    if points != points.quantize(_CENTS):
        raise EssayGradeInvalid(_l("Use at most two decimals."))
    return points.quantize(_CENTS)


def grade_essay(teacher, answer, points_text, feedback, now):
    """Grade one waiting essay answer; finish its attempt when it was the last. Returns the attempt."""
    points = parse_points(points_text, answer.max_points)
    feedback = (feedback or "").strip()
    if len(feedback) > FEEDBACK_LIMIT:
        raise EssayGradeInvalid(_l("The feedback is too long (at most %(max)s characters).", max=FEEDBACK_LIMIT))
    credit = (points / Decimal(answer.max_points)).quantize(_CREDIT, ROUND_HALF_UP) if answer.max_points else Decimal(1)
    with database.atomic():
        # The attempt is locked first, so two teachers grading its last two
        # answers at once finish it exactly once.
        submission = Submission.select().where(Submission.id == answer.submission_id).for_update().get()
        changed = (SubmissionAnswer
                   .update(points_awarded=points, credit=credit, needs_grading=False, feedback=feedback or None,
                           graded_by=teacher.id, graded_at=now, updated_at=now)
                   .where((SubmissionAnswer.id == answer.id) & SubmissionAnswer.needs_grading)
                   .execute())
        if not changed:
            raise EssayAlreadyGraded(SubmissionAnswer.get_by_id(answer.id))
        waiting = (SubmissionAnswer.select()
                   .where((SubmissionAnswer.submission == submission.id) & SubmissionAnswer.needs_grading)
                   .exists())
        if not waiting and submission.status == SubmissionStatus.NEEDS_GRADING:
            finish_attempt(teacher, submission, now)
    return submission


def finish_attempt(teacher, submission, now):
    """Score a fully graded attempt, pick the attempt that counts, reward and notify the student."""
    quiz = Quiz.get_by_id(submission.quiz_id)
    earned = (SubmissionAnswer
              .select(fn.COALESCE(fn.SUM(SubmissionAnswer.points_awarded), 0))
              .where(SubmissionAnswer.submission == submission.id)
              .scalar())
    submission.points_earned = Decimal(str(earned)).quantize(_CENTS)
    submission.score = grading.score_percent(earned, submission.max_score)
    submission.passed = submission.score >= quiz.passing_score
    submission.status = SubmissionStatus.GRADED
    submission.graded_by = teacher.id
    submission.graded_at = now
    submission.save(only=[Submission.points_earned, Submission.score, Submission.passed, Submission.status,
                          Submission.graded_by, Submission.graded_at])
    student_id = submission.student_id
    quizzes.mark_final_attempt(student_id, quiz.id)
    subject = (Course.select(Course.subject).join(Lesson).where(Lesson.id == quiz.lesson_id).scalar()
               if quiz.lesson_id else None)
    # The rewards count the day the student did the work, not the day it was graded.
    reward_attempt(student_id, submission, quiz, subject, submission.submitted_at or now)
    notifications.notify(student_id, "quiz_graded", NotificationType.ASSIGNMENT,
                         {"title": quiz.title, "score": _plain(submission.score)})
    return submission


def _plain(number) -> str:
    text = f"{Decimal(number):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
