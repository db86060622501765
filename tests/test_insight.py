"""Class insight: the numbers against the rows behind them, the needs-help rule, the pictures."""
import datetime
import re
import uuid
import xml.etree.ElementTree as ET

import pytest
from playhouse.test_utils import count_queries

from spark import charts, insight
from spark.db import database, set_acting_context
from spark.models import Enrollment, Profile, StudentProgress, Submission, SubmissionAnswer
from spark.models.enums import Role
from tests.factories import make_course, make_user
from tests.test_access import page_statements

UTC = datetime.timezone.utc
NOW = datetime.datetime(2026, 3, 18, 9, 0, tzinfo=UTC)  # a Wednesday


def as_system():
    """Act as the system again in the test's transaction (a request leaves its user's context set)."""
    set_acting_context(role="SYSTEM")


def complete(student, lesson, at):
    """A lesson completed at `at`."""
    StudentProgress.create(student=student, lesson=lesson, status="COMPLETED", progress=100,
                           started_at=at, completed_at=at, last_accessed=at)


def attempt(student, quiz, score, number, pass_mark=60, answers=()):
    """A graded attempt with `score`, and per-question credits `answers` [(question, credit)]."""
    at = NOW - datetime.timedelta(days=1)
    submission = Submission.create(student=student, quiz=quiz, status="GRADED", score=score, max_score=4,
                                   points_earned=score * 4 / 100, passed=score >= pass_mark, attempt=number,
                                   started_at=at, submitted_at=at, graded_at=at)
    for question, credit in answers:
        SubmissionAnswer.create(submission=submission, student_id=student.id, question=question,
                                answer={"value": 1}, credit=credit, points_awarded=credit, max_points=1)
    return submission


@pytest.fixture
def taught(db, world):
    """7A Mathematics following a three-lesson course with a three-question quiz (pass mark 60)."""
    school_class = world.classes["maths_a"]
    course, lessons, quiz = make_course(world.schools["a"], world["teacher_a"], school_class)
    from spark.models import Question
    questions = list(quiz.questions.order_by(Question.order_index))
    return school_class, lessons, quiz, questions


def test_roster_numbers_match_the_rows(taught, world):
    school_class, lessons, quiz, questions = taught
    anil, bina = world["student_a"], world["student_a2"]
    complete(anil, lessons[0], NOW - datetime.timedelta(days=2))
    complete(anil, lessons[1], NOW - datetime.timedelta(days=1))
    StudentProgress.create(student=bina, lesson=lessons[0], status="IN_PROGRESS", progress=40)
    attempt(anil, quiz, 100, 1)
    attempt(anil, quiz, 50, 2)
    found = insight.class_insight(school_class, NOW)
    rows = {s.enrollment.student.username: s for s in found.students}
    assert found.lessons_total == 3
    assert (rows["student_a"].lessons_completed, rows["student_a"].graded_attempts,
            rows["student_a"].average_score) == (2, 2, 75.0)
    assert (rows["student_a2"].lessons_completed, rows["student_a2"].graded_attempts,
            rows["student_a2"].average_score) == (0, 0, None)
    assert rows["student_a"].enrollment.student.profile.xp_points == 450


def test_work_outside_the_class_courses_is_not_counted(taught, world):
    school_class, lessons, quiz, questions = taught
    _, other_lessons, other_quiz = make_course(world.schools["a"], world["teacher_a2"], world.classes["science_a"],
                                               title="Plants", subject="Science")
    complete(world["student_a"], other_lessons[0], NOW)
    attempt(world["student_a"], other_quiz, 10, 1)
    found = insight.class_insight(school_class, NOW)
    anil = next(s for s in found.students if s.enrollment.student.username == "student_a")
    assert (anil.lessons_completed, anil.graded_attempts) == (0, 0)
    assert [q.id for q, _ in found.quizzes] == [quiz.id]


def test_a_single_wrong_answer_does_not_flag_a_student(taught, world):
    school_class, lessons, quiz, questions = taught
    attempt(world["student_a"], quiz, 0, 1, answers=[(questions[0], 0)])
    found = insight.class_insight(school_class, NOW)
    assert found.needing_help == []


def test_three_attempts_below_the_pass_mark_flag_a_student(taught, world):
    school_class, lessons, quiz, questions = taught
    for number, score in enumerate((40, 70, 50), start=1):  # average 53.3 < 60
        attempt(world["student_a"], quiz, score, number)
    for number, score in enumerate((40, 50), start=1):  # only two attempts: not yet
        attempt(world["student_a2"], quiz, score, number)
    flagged = insight.class_insight(school_class, NOW).needing_help
    assert [(s.enrollment.student.username, [str(r) for r in s.reasons]) for s in flagged] == [
        ("student_a", ["Average below the pass mark"])]


def test_three_attempts_at_the_pass_mark_do_not_flag(taught, world):
    school_class, lessons, quiz, questions = taught
    for number, score in enumerate((40, 80, 60), start=1):  # average 60 = pass mark
        attempt(world["student_a"], quiz, score, number)
    assert insight.class_insight(school_class, NOW).needing_help == []


def test_a_week_without_activity_flags_an_active_student_only(taught, world):
    school_class, *_ = taught
    Profile.update(last_active=NOW - datetime.timedelta(days=7, minutes=1)).where(
        Profile.user.in_([world["student_a"].id, world["student_a2"].id])).execute()
    Enrollment.update(status="DROPPED").where((Enrollment.student == world["student_a2"].id)
                                               & (Enrollment.school_class == school_class.id)).execute()
    Profile.update(last_active=NOW - datetime.timedelta(days=6)).where(
        Profile.user == world["student_a3"].id).execute()
    flagged = insight.class_insight(school_class, NOW).needing_help
    assert [(s.enrollment.student.username, [str(r) for r in s.reasons]) for s in flagged] == [
        ("student_a", ["No activity for 7 days"])]


def test_weeks_are_counted_in_the_school_time_zone(taught, world):
    school_class, lessons, *_ = taught
    # Monday 16 March 2026, 00:30 in Kolkata is still Sunday 15 March in UTC.
    complete(world["student_a"], lessons[0], datetime.datetime(2026, 3, 15, 19, 0, tzinfo=UTC))
    complete(world["student_a"], lessons[1], datetime.datetime(2026, 3, 15, 18, 0, tzinfo=UTC))  # Sunday 23:30
    complete(world["student_a2"], lessons[0], datetime.datetime(2026, 2, 1, 12, 0, tzinfo=UTC))  # too old
    school_class = insight_class(world, school_class)
    weeks = insight.weekly_lessons_completed(school_class, NOW)
    assert [day.isoformat() for day, _ in weeks] == [
        "2026-02-09", "2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16"]
    assert [count for _, count in weeks] == [0, 0, 0, 0, 1, 1]


def insight_class(world, school_class):
    """The class with its school, as the page loads it."""
    from spark.models import School, SchoolClass
    return SchoolClass.select(SchoolClass, School).join(School).where(SchoolClass.id == school_class.id).get()


def test_score_distribution_bins_of_ten(taught, world):
    school_class, lessons, quiz, questions = taught
    for number, score in enumerate((0, 9.99, 10, 59, 95, 100), start=1):
        attempt(world["student_a"], quiz, score, number)
    assert insight.score_distribution(school_class) == [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]


def test_hardest_questions_need_three_answers(taught, world):
    school_class, lessons, quiz, questions = taught
    first, second, third = questions
    students = [world["student_a"], world["student_a2"]]
    extra = make_user("extra_student", Role.STUDENT, world.schools["a"], "Extra Student", grade=7)
    Enrollment.create(student=extra, school_class=school_class)
    students.append(extra)
    credits = {first: (1, 1, 0), second: (0, 0, 0.5), third: (1, 0, None)}  # third: two graded answers only
    for index, student in enumerate(students):
        attempt(student, quiz, 50, 1, answers=[(q, c[index]) for q, c in credits.items() if c[index] is not None])
    hardest = insight.hardest_questions(school_class, quiz)
    assert [(q.id, n, round(share, 2)) for q, n, share in hardest] == [(second.id, 3, 0.0), (first.id, 3, 0.67)]


def test_summary_comes_from_class_performance(taught, world):
    school_class, lessons, quiz, questions = taught
    complete(world["student_a"], lessons[0], NOW)
    database.execute_sql("SELECT refresh_class_performance()")
    summary = insight.class_summary(school_class)
    assert (summary["total_students"], summary["completed_lessons"]) == (2, 1)
    set_acting_context(user_id=world["teacher_a2"].id, role="TEACHER", school_id=world.schools["a"].id)
    assert insight.class_summary(school_class) is None  # not their class


def test_insight_page_shows_numbers_and_well_formed_svg(auth, taught, world):
    school_class, lessons, quiz, questions = taught
    complete(world["student_a"], lessons[0], datetime.datetime.now(UTC))
    attempt(world["student_a"], quiz, 80, 1)
    auth.sign_in("teacher_a")
    response = auth.client.get(f"/teacher/classes/{school_class.id}/insight")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Anil Kumar" in html and "1 of 3" in html and "80%" in html
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 2
    for svg in svgs:
        root = ET.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.find("{http://www.w3.org/2000/svg}title").text
        assert "style=" not in svg
    assert 'style="' not in html and "<script>" not in html


def test_hardest_questions_block_swaps_with_htmx(auth, taught, world):
    school_class, lessons, quiz, questions = taught
    auth.sign_in("teacher_a")
    response = auth.client.get(f"/teacher/classes/{school_class.id}/insight?quiz={quiz.id}",
                               headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Not enough answers yet" in html and "<table" not in html
    other = uuid.uuid4()
    assert auth.client.get(f"/teacher/classes/{school_class.id}/insight?quiz={other}").status_code == 404


def test_chart_escapes_labels_and_scales():
    svg = charts.bar_chart([("<a&b>", 3), ("x", 0)], title="T <1>", description="D & E", chart_id="c")
    root = ET.fromstring(str(svg))
    assert root.find("{http://www.w3.org/2000/svg}title").text == "T <1>"
    assert charts._nice_ceiling(0) == 1 and charts._nice_ceiling(7) == 10 and charts._nice_ceiling(11) == 20


@pytest.mark.parametrize("path", ["/teacher/classes/{cls}/insight", "/teacher/classes/{cls}"])
def test_teacher_pages_run_the_same_queries_for_3_or_40_students(auth, db, world, path):
    school = world.schools["a"]
    small = make_class_of(world, school, 3, "small")
    large = make_class_of(world, school, 40, "large")
    auth.sign_in("teacher_a")
    counts = []
    for school_class in (small, large):
        with count_queries() as counted:
            assert auth.client.get(path.format(cls=school_class.id)).status_code == 200
        counts.append(len(page_statements(counted)))
    assert counts[0] == counts[1], counts


def make_class_of(world, school, size, prefix):
    """A class of `size` students, each with a completed lesson and a graded attempt."""
    from tests.factories import make_class
    as_system()
    school_class = make_class(school, world["teacher_a"], f"{prefix} class")
    course, lessons, quiz = make_course(school, world["teacher_a"], school_class, title=f"{prefix} course")
    questions = list(quiz.questions)
    for n in range(size):
        student = make_user(f"{prefix}_{n}", Role.STUDENT, school, f"{prefix.title()} Student {n}", grade=7)
        Enrollment.create(student=student, school_class=school_class)
        complete(student, lessons[0], NOW)
        attempt(student, quiz, 10 * (n % 10), 1, answers=[(q, n % 2) for q in questions])
    return school_class
