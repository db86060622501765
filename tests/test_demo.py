"""The demo school loads completely, and loading it twice changes nothing."""
from spark.db import as_system, database
from spark.demo.loader import DEMO_PASSWORD, load_demo_school
from spark import accounts
from spark.models import (Badge, Course, Enrollment, GuardianLink, Lesson, Profile, Question, RewardLedger,
                          SchoolClass, User)
from spark.models.enums import LinkStatus, QuestionType, Role

TABLES = ["schools", "users", "profiles", "classes", "enrollments", "class_courses", "courses", "lessons",
          "quizzes", "questions", "badges", "guardian_links", "student_progress", "submissions",
          "reward_ledger", "earned_badges", "content_translations", "user_notifications"]


def snapshot():
    counts = {table: database.execute_sql(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
    totals = database.execute_sql("SELECT sum(xp_points), sum(crystals), sum(streak) FROM profiles").fetchone()
    return counts, totals


def test_demo_school_has_what_the_product_needs(db):
    with as_system():
        school_id = load_demo_school()
        people = User.select().where(User.school == school_id)
        assert people.where(User.role == Role.STUDENT).count() >= 40
        assert people.where(User.role == Role.TEACHER).count() == 3
        assert people.where(User.role == Role.ADMIN).count() >= 1
        assert SchoolClass.select().where(SchoolClass.school == school_id).count() == 3
        assert Course.select().where(Course.school == school_id).count() == 3
        for course in Course.select().where(Course.school == school_id):
            assert Lesson.select().where(Lesson.course == course).count() >= 5
        types = {q.type for q in Question.select(Question.type)}
        assert types == set(QuestionType.ALL)
        assert Badge.select().count() >= 8
        links = GuardianLink.select()
        assert links.where(GuardianLink.status == LinkStatus.APPROVED).count() >= 3
        assert links.where(GuardianLink.status == LinkStatus.PENDING).count() >= 1
        assert RewardLedger.select().count() > 0
        aarav = User.get(User.username == "aarav")
        profile = Profile.get(Profile.user == aarav)
        ledger_xp = sum(r.amount for r in RewardLedger.select().where(
            (RewardLedger.student == aarav) & (RewardLedger.currency == "XP")))
        assert profile.xp_points == ledger_xp > 0
        assert Enrollment.select().where(Enrollment.student == aarav).count() >= 2


def test_loading_the_demo_twice_changes_nothing(db):
    with as_system():
        load_demo_school()
        first = snapshot()
        load_demo_school()
        assert snapshot() == first


def test_demo_accounts_sign_in_with_the_demo_password(db):
    with as_system():
        load_demo_school()
    assert accounts.sign_in("aarav", DEMO_PASSWORD).role == Role.STUDENT
