"""Class insight for its teacher: who is where, who needs help, what was hard.

Everything counted here is about the class: lessons of the courses the class follows
(class_courses) and attempts at the quizzes of those lessons, by the class's students.

Who needs help (only students whose enrollment is ACTIVE), for either reason:
- **Away**: no learning activity for NEEDS_HELP_IDLE_DAYS days or more
  (`profiles.last_active`; a new account starts "active" on the day it is made).
- **Struggling**: at least NEEDS_HELP_MIN_ATTEMPTS graded attempts at the class's
  quizzes, and their average score is below the average pass mark of those quizzes.
  One wrong answer, or one bad attempt, never flags anyone.

The numbers per student are computed live from the rows. The class summary at the top
comes from `class_performance(class_id)` (the class_performance_summary materialized
view, sql/0006): it is as fresh as its last refresh by the Huey job, and the page says
when that was; a class made after it has no summary yet.

The page runs a fixed number of queries whatever the class size: one per table below,
each grouped by student, week, bin or question in SQL.
"""
import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from peewee import JOIN, SQL, Case, fn

from spark.db import database
from spark.models import (
    ClassCourse, Course, Enrollment, Lesson, Profile, Question, Quiz, StudentProgress, Submission,
    SubmissionAnswer, User,
)
from spark.models.enums import EnrollmentStatus, ProgressStatus, SubmissionStatus

NEEDS_HELP_IDLE_DAYS = 7
NEEDS_HELP_MIN_ATTEMPTS = 3
HARDEST_MIN_ANSWERS = 3
HARDEST_SHOWN = 5
WEEKS_SHOWN = 6
DEFAULT_TIMEZONE = "Asia/Kolkata"
# Students whose work counts in the class's pictures: not those who left it.
COUNTED_STATUSES = (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED)

REASON_AWAY = _l("No activity for %(days)d days", days=NEEDS_HELP_IDLE_DAYS)
REASON_STRUGGLING = _l("Average below the pass mark")


@dataclass
class StudentInsight:
    """One row of the insight roster."""

    enrollment: Enrollment
    lessons_completed: int = 0
    graded_attempts: int = 0
    average_score: float | None = None
    average_pass_mark: float | None = None
    reasons: list = field(default_factory=list)

    @property
    def needs_help(self) -> bool:
        """True when a rule of the module's docstring flags this student."""
        return bool(self.reasons)


@dataclass
class ClassInsight:
    """Everything the insight page shows."""

    summary: dict | None
    students: list
    lessons_total: int
    weeks: list          # [(monday, lessons completed that week)], oldest first
    score_bins: list     # 10 counts: scores 0–9, 10–19, …, 90–100
    quizzes: list        # [(quiz, answers counted)]
    quiz: Quiz | None
    hardest: list        # [(question, answers, share right)]

    @property
    def needing_help(self) -> list:
        """The students flagged by the rules, in roster order."""
        return [student for student in self.students if student.needs_help]


def class_insight(school_class, now, quiz_id=None) -> ClassInsight:
    """The class's insight as of `now`; `quiz_id` picks the quiz whose hardest questions are shown."""
    students = _roster(school_class)
    completed = _lessons_completed(school_class)
    scores = _scores(school_class)
    idle_since = now - datetime.timedelta(days=NEEDS_HELP_IDLE_DAYS)
    for student in students:
        student_id = student.enrollment.student.id
        student.lessons_completed = completed.get(student_id, 0)
        attempts, average, pass_mark = scores.get(student_id, (0, None, None))
        student.graded_attempts, student.average_score, student.average_pass_mark = attempts, average, pass_mark
        if student.enrollment.status != EnrollmentStatus.ACTIVE:
            continue
        last_active = getattr(student.enrollment.student.profile, "last_active", None)
        if last_active is not None and last_active <= idle_since:
            student.reasons.append(REASON_AWAY)
        if attempts >= NEEDS_HELP_MIN_ATTEMPTS and average < pass_mark:
            student.reasons.append(REASON_STRUGGLING)
    quizzes = _quizzes(school_class)
    chosen = _chosen_quiz(quizzes, quiz_id)
    return ClassInsight(
        summary=class_summary(school_class),
        students=students,
        lessons_total=_lessons_total(school_class),
        weeks=weekly_lessons_completed(school_class, now),
        score_bins=score_distribution(school_class),
        quizzes=quizzes,
        quiz=chosen,
        hardest=hardest_questions(school_class, chosen) if chosen else [],
    )


def class_summary(school_class):
    """The class's row of class_performance_summary (through `class_performance()`), or None."""
    cursor = database.execute_sql(
        "SELECT total_students, active_students, average_level, average_progress, completed_lessons,"
        "       refreshed_at FROM class_performance(%s)", (str(school_class.id),))
    row = cursor.fetchone()
    if row is None:
        return None
    names = ("total_students", "active_students", "average_level", "average_progress", "completed_lessons",
             "refreshed_at")
    return dict(zip(names, row))


def _members(school_class):
    return (Enrollment
            .select(Enrollment.student)
            .where((Enrollment.school_class == school_class.id) & (Enrollment.status.in_(COUNTED_STATUSES))))


def _class_lessons(school_class):
    return (Lesson
            .select(Lesson.id)
            .join(ClassCourse, on=(ClassCourse.course == Lesson.course))
            .where(ClassCourse.school_class == school_class.id))


def _roster(school_class):
    rows = (Enrollment
            .select(Enrollment, User, Profile)
            .join(User, on=(Enrollment.student == User.id))
            .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
            .where(Enrollment.school_class == school_class.id)
            .order_by(Case(None, [(Enrollment.status == EnrollmentStatus.ACTIVE, 0)], 1),
                      Profile.display_name, User.username))
    return [StudentInsight(enrollment) for enrollment in rows]


def _lessons_total(school_class) -> int:
    return (Lesson
            .published()
            .join(ClassCourse, on=(ClassCourse.course == Lesson.course))
            .where(ClassCourse.school_class == school_class.id)
            .count())


def _lessons_completed(school_class) -> dict:
    """Student id -> lessons of the class's courses they completed."""
    rows = (StudentProgress
            .select(StudentProgress.student, fn.COUNT(StudentProgress.id))
            .where((StudentProgress.status == ProgressStatus.COMPLETED)
                   & StudentProgress.lesson.in_(_class_lessons(school_class))
                   & StudentProgress.student.in_(
                       Enrollment.select(Enrollment.student).where(Enrollment.school_class == school_class.id)))
            .group_by(StudentProgress.student)
            .tuples())
    return {student: count for student, count in rows}


def _graded_attempts(school_class):
    return (Submission
            .select()
            .join(Quiz)
            .join(Lesson)
            .join(ClassCourse, on=(ClassCourse.course == Lesson.course))
            .where((ClassCourse.school_class == school_class.id)
                   & (Submission.status == SubmissionStatus.GRADED)
                   & Submission.score.is_null(False)))


def _scores(school_class) -> dict:
    """Student id -> (graded attempts, average score, average pass mark of those quizzes)."""
    rows = (_graded_attempts(school_class)
            .select(Submission.student, fn.COUNT(Submission.id), fn.AVG(Submission.score),
                    fn.AVG(Quiz.passing_score))
            .where(Submission.student.in_(
                Enrollment.select(Enrollment.student).where(Enrollment.school_class == school_class.id)))
            .group_by(Submission.student)
            .tuples())
    return {student: (count, round(float(average), 1), float(pass_mark))
            for student, count, average, pass_mark in rows}


def week_starts(now, timezone, weeks=WEEKS_SHOWN) -> list:
    """The Mondays (school-local dates) of the last `weeks` weeks, oldest first, this week last."""
    today = now.astimezone(ZoneInfo(timezone)).date()
    monday = today - datetime.timedelta(days=today.weekday())
    return [monday - datetime.timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]


def weekly_lessons_completed(school_class, now) -> list:
    """Lessons of the class's courses completed by its students in each of the last weeks (school's zone)."""
    timezone = getattr(school_class.school, "timezone", None) or DEFAULT_TIMEZONE
    mondays = week_starts(now, timezone)
    since = datetime.datetime.combine(mondays[0], datetime.time(), ZoneInfo(timezone))
    # timezone(zone, t) is `t AT TIME ZONE zone`: the school-local wall time, whose week starts on Monday.
    week = fn.date_trunc("week", fn.timezone(timezone, StudentProgress.completed_at))
    rows = (StudentProgress
            .select(fn.DATE(week).alias("week"), fn.COUNT(StudentProgress.id))
            .where((StudentProgress.status == ProgressStatus.COMPLETED)
                   & (StudentProgress.completed_at >= since)
                   & StudentProgress.lesson.in_(_class_lessons(school_class))
                   & StudentProgress.student.in_(_members(school_class)))
            .group_by(SQL("1"))
            .tuples())
    counts = {day: count for day, count in rows}
    return [(monday, counts.get(monday, 0)) for monday in mondays]


def score_distribution(school_class) -> list:
    """How many graded attempts at the class's quizzes scored 0–9, 10–19, …, 90–100 (100 joins the last)."""
    score_bin = fn.LEAST(fn.FLOOR(Submission.score / 10), 9)
    rows = (_graded_attempts(school_class)
            .select(score_bin, fn.COUNT(Submission.id))
            .where(Submission.student.in_(_members(school_class)))
            .group_by(score_bin)
            .tuples())
    bins = [0] * 10
    for index, count in rows:
        bins[int(index)] = count
    return bins


def _quizzes(school_class) -> list:
    """The quizzes of the class's courses, each with how many of its answers were graded (one query)."""
    answers = (SubmissionAnswer
               .select(SubmissionAnswer.question, fn.COUNT(SubmissionAnswer.id).alias("answers"))
               .where(SubmissionAnswer.credit.is_null(False)
                      & SubmissionAnswer.student_id.in_(_members(school_class)))
               .group_by(SubmissionAnswer.question)
               .alias("answered"))
    counted = fn.COALESCE(fn.SUM(answers.c.answers), 0)
    rows = (Quiz
            .select(Quiz, Lesson, Course, counted.alias("answers"))
            .join(Lesson)
            .join(Course)
            .join(ClassCourse, on=(ClassCourse.course == Course.id))
            .switch(Quiz)
            .join(Question, JOIN.LEFT_OUTER, on=(Question.quiz == Quiz.id))
            .join(answers, JOIN.LEFT_OUTER, on=(answers.c.question_id == Question.id))
            .where(ClassCourse.school_class == school_class.id)
            .group_by(Quiz.id, Lesson.id, Course.id)
            .order_by(Course.title, Lesson.order_index, Quiz.title))
    return [(quiz, int(quiz.answers)) for quiz in rows]


def _chosen_quiz(quizzes, quiz_id):
    if quiz_id is not None:
        return next((quiz for quiz, _ in quizzes if str(quiz.id) == str(quiz_id)), None)
    answered = [(count, quiz) for quiz, count in quizzes if count]
    return answered[0][1] if answered else (quizzes[0][0] if quizzes else None)


def hardest_questions(school_class, quiz, limit=HARDEST_SHOWN) -> list:
    """The quiz's questions the class's students got right least often (at least 3 graded answers each).

    An answer is right when it earned full credit; partial credit counts as not right.
    Returns [(question, answers, share right from 0 to 1)], hardest first.
    """
    right = fn.AVG(Case(None, [(SubmissionAnswer.credit >= 1, 1)], 0))
    answers = fn.COUNT(SubmissionAnswer.id)
    rows = (Question
            .select(Question, answers.alias("answers"), right.alias("share_right"))
            .join(SubmissionAnswer, on=(SubmissionAnswer.question == Question.id))
            .where((Question.quiz == quiz.id)
                   & SubmissionAnswer.credit.is_null(False)
                   & SubmissionAnswer.student_id.in_(_members(school_class)))
            .group_by(Question.id)
            .having(answers >= HARDEST_MIN_ANSWERS)
            .order_by(right, Question.order_index)
            .limit(limit))
    return [(question, question.answers, float(question.share_right)) for question in rows]
