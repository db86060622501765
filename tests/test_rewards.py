"""The rewards ledger: every grant once, totals that add up, levels celebrated once."""
import datetime
import uuid

import pytest

from spark import rewards
from spark.db import acting_as
from spark.models import Achievement, Profile, RewardLedger, UserNotification
from spark.models.enums import AchievementType, NotificationType, RewardCurrency
from spark.reward_amounts import LESSON_COMPLETED_XP, PERFECT_SCORE_CRYSTALS, QUIZ_PASSED_XP

WHEN = datetime.datetime(2026, 7, 1, 9, 30, tzinfo=datetime.timezone.utc)


def profile_of(user):
    return Profile.get(Profile.user == user.id)


def level_ups(user):
    return list(Achievement.select().where((Achievement.student == user.id)
                                           & (Achievement.type == AchievementType.LEVEL_UP)))


def test_award_adds_to_the_profile_once_per_key(db, world):
    student = world["student_a3"]
    source = uuid.uuid4()
    args = (student.id, RewardCurrency.SPARKS, 7, rewards.Reason.ADJUSTMENT, "test", source, WHEN, "gift:1")
    assert rewards.award(*args, description="A gift")
    assert not rewards.award(*args, description="A gift")
    assert profile_of(student).sparks == 7
    entry = RewardLedger.get(RewardLedger.student == student.id)
    assert (entry.amount, entry.reason, entry.source_id, entry.occurred_at) == (7, "ADJUSTMENT", source, WHEN)


def test_zero_is_not_a_grant(db, world):
    assert not rewards.award(world["student_a3"].id, RewardCurrency.XP, 0, rewards.Reason.ADJUSTMENT,
                             None, None, WHEN, "nothing")


def test_lesson_xp_is_given_once_and_tagged_with_its_subject(db, world):
    student, lesson = world["student_a3"], uuid.uuid4()
    assert rewards.award_lesson_completed(student.id, lesson, "Science", WHEN)
    assert not rewards.award_lesson_completed(student.id, lesson, "Science", WHEN)
    entry = RewardLedger.get(RewardLedger.student == student.id)
    assert entry.amount == LESSON_COMPLETED_XP
    assert entry.metadata == {"subject": "Science"}
    assert entry.description == "Finished a Science lesson"
    assert entry.reason == "LESSON_COMPLETED"
    subject_xp = db.execute_sql("SELECT badge_metric_value(%s, %s)",
                                (str(student.id), '{"metric": "xp_in_subject", "subject": "science"}'))
    assert subject_xp.fetchone()[0] == LESSON_COMPLETED_XP


def test_quiz_xp_scales_with_the_score_and_tops_up_to_the_best(db, world):
    student, quiz = world["student_a3"], uuid.uuid4()
    assert rewards.award_quiz_passed(student.id, quiz, "Maths", 80, WHEN) == QUIZ_PASSED_XP * 80 // 100
    assert rewards.award_quiz_passed(student.id, quiz, "Maths", 80, WHEN) == 0   # replay
    assert rewards.award_quiz_passed(student.id, quiz, "Maths", 70, WHEN) == 0   # worse
    assert rewards.award_quiz_passed(student.id, quiz, "Maths", 95.5, WHEN) == 15
    assert rewards.award_quiz_passed(student.id, quiz, "Maths", 80, WHEN) == 0   # old pass replayed
    assert profile_of(student).xp_points == 95
    assert rewards.award_quiz_passed(student.id, uuid.uuid4(), "Maths", 100, WHEN) == QUIZ_PASSED_XP
    assert profile_of(student).xp_points == 195


def test_quiz_score_must_be_a_percentage(db, world):
    with pytest.raises(ValueError):
        rewards.award_quiz_passed(world["student_a3"].id, uuid.uuid4(), None, 120, WHEN)


def test_perfect_score_crystals_once_per_quiz(db, world):
    student, quiz = world["student_a3"], uuid.uuid4()
    assert rewards.award_perfect_score(student.id, quiz, WHEN)
    assert not rewards.award_perfect_score(student.id, quiz, WHEN)
    assert rewards.award_perfect_score(student.id, uuid.uuid4(), WHEN)
    assert profile_of(student).crystals == 2 * PERFECT_SCORE_CRYSTALS


def test_level_up_is_celebrated_once_per_level(db, world):
    student = world["student_a"]  # 450 XP: level 3; level 4 starts at 900
    assert profile_of(student).level == 3
    rewards.award(student.id, RewardCurrency.XP, 450, rewards.Reason.ADJUSTMENT, None, None, WHEN, "push")
    assert profile_of(student).level == 4
    [achievement] = level_ups(student)
    assert (achievement.title, achievement.metadata, achievement.earned_at) == ("Level 4!", {"level": 4}, WHEN)
    [note] = UserNotification.select().where(UserNotification.user == student.id)
    assert note.type == NotificationType.LEVEL_UP and note.data["params"] == {"level": 4}
    # Down and up again through adjustments: level 4 is not celebrated twice.
    rewards.award(student.id, RewardCurrency.XP, -10, rewards.Reason.ADJUSTMENT, None, None, WHEN, "down")
    rewards.award(student.id, RewardCurrency.XP, 10, rewards.Reason.ADJUSTMENT, None, None, WHEN, "up")
    assert len(level_ups(student)) == 1
    assert UserNotification.select().where(UserNotification.user == student.id).count() == 1


def test_a_big_grant_records_each_level_and_notifies_the_last(db, world):
    student = world["student_a3"]  # 0 XP, level 1
    rewards.award(student.id, RewardCurrency.XP, 1000, rewards.Reason.ADJUSTMENT, None, None, WHEN, "big")
    assert sorted(a.metadata["level"] for a in level_ups(student)) == [2, 3, 4]
    [note] = UserNotification.select().where(UserNotification.user == student.id)
    assert note.data["params"] == {"level": 4}


def test_teacher_grading_rewards_a_student_of_their_class(db, world):
    student, teacher = world["student_a2"], world["teacher_a"]   # 120 XP, level 2
    with acting_as(teacher.id, teacher.role, teacher.school_id):
        gained = rewards.award_quiz_passed(student.id, uuid.uuid4(), "Maths", 100, WHEN)
        assert gained == QUIZ_PASSED_XP
        rewards.award(student.id, RewardCurrency.XP, 200, rewards.Reason.ADJUSTMENT, None, None, WHEN,
                      "to-level-3", created_by=teacher.id)
    assert profile_of(student).level == 3
    assert len(level_ups(student)) == 1
    assert UserNotification.select().where(UserNotification.user == student.id).count() == 1


def test_student_without_a_visible_profile_cannot_be_rewarded(db, world):
    teacher = world["teacher_a"]
    with acting_as(teacher.id, teacher.role, teacher.school_id):
        with pytest.raises(rewards.NoProfile):
            rewards.award_lesson_completed(world["student_b"].id, uuid.uuid4(), None, WHEN)


def test_totals_from_the_ledger_equal_the_profile(db, world):
    student = world["student_a"]
    rewards.award_lesson_completed(student.id, uuid.uuid4(), "Maths", WHEN)
    rewards.award_quiz_passed(student.id, uuid.uuid4(), "Maths", 90, WHEN)
    rewards.award_perfect_score(student.id, uuid.uuid4(), WHEN)
    rewards.award(student.id, RewardCurrency.SPARKS, 5, rewards.Reason.ADJUSTMENT, None, None, WHEN, "s")
    profile = profile_of(student)
    assert rewards.totals_explained(student.id) == {
        "XP": profile.xp_points, "CRYSTALS": profile.crystals, "SPARKS": profile.sparks}
    assert rewards.totals_explained(student.id)["XP"] == 450 + LESSON_COMPLETED_XP + 90


def test_ledger_lists_newest_first_with_descriptions(db, world):
    student = world["student_a3"]
    rewards.award_lesson_completed(student.id, uuid.uuid4(), "Maths", WHEN)
    rewards.award_perfect_score(student.id, uuid.uuid4(), WHEN + datetime.timedelta(hours=1))
    with acting_as(student.id, student.role, student.school_id):
        history = rewards.ledger_for(student.id)
    assert [(e.reason, e.description) for e in history] == [
        ("PERFECT_SCORE", "Perfect score on a quiz"), ("LESSON_COMPLETED", "Finished a Maths lesson")]
    assert len(rewards.ledger_for(student.id, limit=1)) == 1
