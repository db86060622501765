"""What a guardian sees of a child's week, checked against the rows behind it, and the weekly summary."""
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from playhouse.test_utils import count_queries

from spark import guardian_week
from spark.db import acting_as, as_system
from spark.models import (Assignment, AssignmentSubmission, GuardianLink, StudentProgress, Submission,
                          UserNotification)
from spark.models.enums import LinkStatus, Role
from tests.factories import make_class, make_course, make_user
from tests.test_access import page_statements

# A Wednesday afternoon in India: the week is Monday 8 to Sunday 14 June 2026 (IST).
NOW = datetime(2026, 6, 10, 9, 0, tzinfo=timezone.utc)


def test_week_runs_monday_to_monday_in_the_school_time_zone():
    start, end = guardian_week.week_bounds(datetime(2026, 6, 7, 19, 0, tzinfo=timezone.utc), "Asia/Kolkata")
    # Sunday 19:00 UTC is Monday 00:30 in India: already the next week there.
    assert start.isoformat() == "2026-06-08T00:00:00+05:30" and (end - start) == timedelta(days=7)


@pytest.fixture
def week_rows(db, world):
    """student_a's week: two days of lessons, one quiz, assignments due, missing and graded, an announcement."""
    with as_system():
        student, teacher = world["student_a"], world["teacher_a"]
        course, lessons, quiz = make_course(world.schools["a"], teacher, world.classes["maths_a"])
        monday_evening = datetime(2026, 6, 8, 13, 0, tzinfo=timezone.utc)
        tuesday = datetime(2026, 6, 9, 12, 0, tzinfo=timezone.utc)
        last_week = datetime(2026, 6, 3, 12, 0, tzinfo=timezone.utc)
        for lesson, moment, seconds in ((lessons[0], monday_evening, 600), (lessons[1], tuesday, 300),
                                        (lessons[2], last_week, 900)):
            StudentProgress.create(student=student, lesson=lesson, status="COMPLETED", progress=100,
                                   time_spent=seconds, last_accessed=moment, started_at=moment,
                                   completed_at=moment)
        Submission.create(student=student, quiz=quiz, status="GRADED", score=80, max_score=4, passed=True,
                          time_spent=120, started_at=tuesday, submitted_at=tuesday, graded_at=tuesday)
        common = dict(description="Work", school_class=world.classes["maths_a"], created_by=teacher,
                      is_published=True)
        due = Assignment.create(title="Fractions worksheet", due_date=NOW + timedelta(days=3), **common)
        missing = Assignment.create(title="Decimals poster", due_date=NOW - timedelta(days=2), **common)
        graded = Assignment.create(title="Angles essay", due_date=NOW - timedelta(days=5), **common)
        AssignmentSubmission.create(assignment=graded, student=student, content="done", submitted_at=last_week,
                                    score=9, feedback="Neat work!", graded_at=tuesday, graded_by=teacher)
        UserNotification.create(user=student, title="Sports day", message="Sports day is on Friday.",
                                type="ANNOUNCEMENT", created_at=NOW - timedelta(days=1))
        UserNotification.create(user=student, title="Private", message="Only for the child.", type="SYSTEM")
    return {"due": due, "missing": missing, "graded": graded}


def test_the_week_matches_the_rows(db, world, week_rows):
    guardian = world["guardian_a"]
    with acting_as(guardian.id, Role.GUARDIAN, None):
        [week] = guardian_week.children_weeks(guardian.id, NOW)
    assert week.days_active == 2                     # Monday and Tuesday, not last Wednesday
    assert week.seconds == 600 + 300 + 120 and week.minutes == 17
    assert week.lessons_completed == 2
    assert [(q.quiz_title, float(q.score)) for q in week.quizzes] == [("Fractions quiz", 80.0)]
    assert [a.title for a in week.assignments_due] == ["Fractions worksheet"]
    assert [a.title for a in week.assignments_missing] == ["Decimals poster"]
    assert [(a.title, a.feedback) for a in week.assignments_graded] == [("Angles essay", "Neat work!")]
    assert [n.title for n in week.announcements] == ["Sports day"]
    assert week.profile.streak == 3 and week.profile.level == 3


def test_the_child_page_shows_the_week(client, auth, world, week_rows, monkeypatch):
    monkeypatch.setattr("spark.blueprints.guardians.routes.utcnow", lambda: NOW)
    auth.sign_in("guardian_a")
    html = client.get(f"/guardian/children/{world['student_a'].id}").get_data(as_text=True)
    for text in ("Fractions worksheet", "Decimals poster", "Neat work!", "Sports day", "Days active"):
        assert text in html
    assert "Only for the child" not in html


@pytest.mark.parametrize("who", ["student_a2", "student_b", "unknown"])
def test_nothing_of_a_child_without_an_approved_link(client, auth, world, who):
    auth.sign_in("guardian_a")
    student_id = uuid.uuid4() if who == "unknown" else world[who].id
    assert client.get(f"/guardian/children/{student_id}").status_code == 404
    assert client.get("/guardian/children/not-a-uuid").status_code == 404


def test_the_week_page_makes_the_same_queries_for_one_child_or_three(client, auth, world, week_rows):
    auth.sign_in("guardian_a")
    with count_queries() as one:
        assert client.get("/guardian/week").status_code == 200
    with as_system():
        for n in range(2):
            child = make_user(f"sibling_{n}", Role.STUDENT, world.schools["a"], f"Sibling {n}", grade=7)
            make_class(world.schools["a"], world["teacher_a"], f"Extra {n}", students=[child])
            GuardianLink.create(guardian=world["guardian_a"], student=child, status=LinkStatus.APPROVED)
    with count_queries() as three:
        html = client.get("/guardian/week").get_data(as_text=True)
    assert "Sibling 1" in html
    assert len(page_statements(one)) == len(page_statements(three))


def test_weekly_summary_is_sent_once_per_guardian_child_and_week(db, world, week_rows):
    with as_system(world.schools["a"].id):
        sent = guardian_week.send_weekly_summaries(world.schools["a"].id, NOW)
        again = guardian_week.send_weekly_summaries(world.schools["a"].id, NOW)
        notification = UserNotification.get((UserNotification.user == world["guardian_a"].id)
                                            & (UserNotification.data["kind"] == "guardian_weekly_summary"))
    assert [(g, s) for g, s, _ in sent] == [(world["guardian_a"].id, world["student_a"].id)]
    assert again == []
    assert notification.data["params"]["days"] == 2 and notification.data["params"]["lessons"] == 2
    body = sent[0][2]
    assert "Anil Kumar" in body and "2 days active" in body and "17 minutes" in body
    assert "1 assignment missing" in body


def test_weekly_job_runs_every_school(db, world, week_rows):
    assert guardian_week.send_all_weekly_summaries(NOW) >= 1


def test_summary_is_in_the_guardians_language(app, db, world, week_rows):
    with acting_as(world["guardian_a"].id, Role.GUARDIAN, None), app.test_request_context():
        [week] = guardian_week.children_weeks(world["guardian_a"].id, NOW)
        hindi = guardian_week.summary_text(week, "hi")
        english = guardian_week.summary_text(week, "en")
    assert "Anil Kumar" in hindi and english.startswith("The week of Anil Kumar")
