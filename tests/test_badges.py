"""Badges are earned once when their criteria hold, with their rewards, even under concurrency."""
import datetime
import uuid

import pytest
from playhouse.test_utils import count_queries

from spark import badges, rewards
from spark.db import acting_as, as_system, database
from spark.models import Badge, EarnedBadge, Profile, RewardLedger, School, User, UserNotification
from spark.models.enums import BadgeCategory, RewardCurrency, Role
from tests import factories
from tests.concurrency import run_at_once

WHEN = datetime.datetime(2026, 7, 1, 9, 30, tzinfo=datetime.timezone.utc)


def make_badge(name, criteria, school=None, **kwargs):
    return Badge.create(name=name, description=f"{name} for testing", category=BadgeCategory.PROGRESS,
                        criteria=criteria, school=school, **kwargs)


def xp_at_least(n):
    return {"metric": "xp_total", "gte": n}


def give_xp(student, amount, key):
    rewards.award(student.id, RewardCurrency.XP, amount, rewards.Reason.ADJUSTMENT, None, None, WHEN, key)


def earned_ids(student):
    return {row.badge_id for row in EarnedBadge.select().where(EarnedBadge.user == student.id)}


def test_all_needs_every_criterion(db, world):
    student = world["student_a"]  # 450 XP, streak 3
    badge = make_badge("Steady", {"all": [xp_at_least(500), {"metric": "streak_days", "gte": 3}]})
    assert badge not in badges.evaluate_badges(student.id, WHEN)
    give_xp(student, 50, "to-500")
    assert badges.evaluate_badges(student.id, WHEN) == [badge]
    assert earned_ids(student) >= {badge.id}


def test_any_needs_one_criterion(db, world):
    student = world["student_a3"]
    badge = make_badge("Curious", {"any": [{"metric": "xp_in_subject", "subject": "Science", "gte": 50},
                                           {"metric": "level", "gte": 10}]})
    rewards.award_lesson_completed(student.id, uuid.uuid4(), "Maths", WHEN)
    assert badge not in badges.evaluate_badges(student.id, WHEN)
    rewards.award_lesson_completed(student.id, uuid.uuid4(), "science", WHEN)
    assert badge in badges.evaluate_badges(student.id, WHEN)


def test_badge_is_earned_and_rewarded_once(db, world):
    student = world["student_a3"]
    badge = make_badge("First Light", xp_at_least(0), xp_reward=20, crystal_reward=5)
    first = badges.evaluate_badges(student.id, WHEN)
    assert badge in first
    assert badge not in badges.evaluate_badges(student.id, WHEN)
    earned = EarnedBadge.get((EarnedBadge.user == student.id) & (EarnedBadge.badge == badge.id))
    assert earned.earned_at == WHEN
    entries = list(RewardLedger.select().where((RewardLedger.student == student.id)
                                               & (RewardLedger.source_id == badge.id)))
    assert sorted((e.currency, e.amount) for e in entries) == [("CRYSTALS", 5), ("XP", 20)]
    assert {e.idempotency_key for e in entries} == {f"badge:{badge.id}:xp", f"badge:{badge.id}:crystals"}
    profile = Profile.get(Profile.user == student.id)
    assert (profile.xp_points, profile.crystals) == (20, 5)
    notes = [n for n in UserNotification.select().where(UserNotification.user == student.id)
             if n.data["kind"] == "badge_earned"]
    assert [(n.title, n.data["params"]["name"]) for n in notes] == [("New badge: First Light", "First Light")]


def test_badge_xp_can_unlock_a_level_badge(db, world):
    student = world["student_a3"]  # level 1
    starter = make_badge("Starter", xp_at_least(0), xp_reward=100)
    climber = make_badge("Climber", {"metric": "level", "gte": 2})
    assert {starter, climber} <= set(badges.evaluate_badges(student.id, WHEN))


def test_only_active_badges_of_the_students_school_or_platform(db, world):
    student = world["student_a3"]
    own = make_badge("Ours", xp_at_least(0), school=student.school_id)
    other = make_badge("Theirs", xp_at_least(0), school=world.schools["b"])
    off = make_badge("Retired", xp_at_least(0), is_active=False)
    earned = badges.evaluate_badges(student.id, WHEN)
    assert own in earned and other not in earned and off not in earned


def test_student_evaluates_their_own_badges(db, world):
    student = world["student_a2"]  # 120 XP
    badge = make_badge("Hundred", xp_at_least(100), spark_reward=3)
    with acting_as(student.id, student.role, student.school_id):
        assert badge in badges.evaluate_badges(student.id, WHEN)
    assert Profile.get(Profile.user == student.id).sparks == 3


def test_board_shows_earned_and_progress_of_locked_in_two_queries(db, world):
    student = world["student_a"]  # 450 XP, streak 3
    earned = make_badge("Already", xp_at_least(100))
    nested = make_badge("Nested", {"all": [xp_at_least(1000),
                                           {"any": [{"metric": "streak_days", "gte": 7},
                                                    {"metric": "xp_in_subject", "subject": "Art", "gte": 10}]}]})
    hidden = make_badge("Elsewhere", xp_at_least(0), school=world.schools["b"])
    retired = make_badge("Retired", xp_at_least(0), is_active=False)
    badges.evaluate_badges(student.id, WHEN)
    with acting_as(student.id, student.role, student.school_id):
        with count_queries() as counted:
            board = {entry.badge.id: entry for entry in badges.badge_board(student.id)}
    assert counted.count == 2
    assert board[earned.id].earned_at == WHEN and board[earned.id].progress == []
    locked = board[nested.id]
    assert locked.earned_at is None
    assert [(p.metric, p.current, p.target, p.met) for p in locked.progress] == [
        ("xp_total", 450, 1000, False), ("streak_days", 3, 7, False), ("xp_in_subject", 0, 10, False)]
    assert locked.progress[2].subject == "Art"
    assert hidden.id not in board and retired.id not in board


def test_a_switched_off_badge_stays_on_the_board_of_who_earned_it(db, world):
    student = world["student_a3"]
    badge = make_badge("Vintage", xp_at_least(0))
    badges.evaluate_badges(student.id, WHEN)
    Badge.update(is_active=False).where(Badge.id == badge.id).execute()
    board = {entry.badge.id: entry for entry in badges.badge_board(student.id)}
    assert board[badge.id].earned_at == WHEN


@pytest.fixture
def committed_student(app):
    """A school with one student and a badge they qualify for, committed so other connections see them."""
    tag = uuid.uuid4().hex[:8]
    with as_system():
        school = School.create(name=f"Concurrency School {tag}")
        student = factories.make_user(f"racer_{tag}", Role.STUDENT, school)
        badge = make_badge(f"Race {tag}", xp_at_least(0), school=school, xp_reward=10, spark_reward=2)
    yield school, student, badge
    with as_system():
        # Deleting the user cascades to its profile, ledger rows, badges earned and notifications.
        User.delete().where(User.id == student.id).execute()
        Badge.delete().where(Badge.id == badge.id).execute()
        School.delete().where(School.id == school.id).execute()


def test_two_evaluations_at_once_earn_the_badge_once(committed_student):
    school, student, badge = committed_student

    def evaluate():
        with as_system(school.id):
            return badges.evaluate_badges(student.id, WHEN)

    results = run_at_once(evaluate)
    assert sorted(len(result) for result in results) == [0, 1]
    with as_system(school.id):
        assert EarnedBadge.select().where(EarnedBadge.user == student.id).count() == 1
        assert RewardLedger.select().where(RewardLedger.student == student.id).count() == 2
        profile = Profile.get(Profile.user == student.id)
        assert (profile.xp_points, profile.sparks) == (10, 2)
    assert database.is_closed()
