"""Streaks count school-local days on which the student learned, offline days included."""
import datetime

from peewee import SQL

from spark import streaks
from spark.db import acting_as
from spark.models import Achievement, Profile, RewardLedger, School, UserNotification
from spark.models.enums import AchievementType
from spark.reward_amounts import STREAK_MILESTONE_SPARKS

UTC = datetime.timezone.utc
IST = datetime.timezone(datetime.timedelta(hours=5, minutes=30))


# Days to come: a profile's last_active starts at its creation, and only later moments move it.
FIRST_DAY = datetime.date.today() + datetime.timedelta(days=30)


def day_(day):
    """Day `day` of the month the tests play in (day 1 is FIRST_DAY)."""
    return FIRST_DAY + datetime.timedelta(days=day - 1)


def at(day, hour, minute=0, zone=IST):
    return datetime.datetime.combine(day_(day), datetime.time(hour, minute), tzinfo=zone)


def profile_of(user):
    return Profile.get(Profile.user == user.id)


def learn(user, moment):
    return streaks.record_learning_day(user.id, moment)


def test_days_are_counted_in_the_school_time_zone(db, world):
    student = world["student_a3"]
    late, after_midnight = at(1, 23, 30), at(2, 0, 30)
    assert late.astimezone(UTC).date() == after_midnight.astimezone(UTC).date()
    assert learn(student, late) == streaks.StreakChange(streak=1, previous=0)
    assert learn(student, after_midnight).streak == 2
    profile = profile_of(student)
    assert profile.last_active_on == day_(2)
    assert profile.last_active == after_midnight


def test_another_school_zone_moves_the_day(db, world):
    student = world["student_b"]
    School.update(timezone="America/New_York").where(School.id == student.school_id).execute()
    learn(student, at(2, 2, zone=UTC))  # 22:00 the evening before, in New York
    assert profile_of(student).last_active_on == day_(1)


def row_version(user):
    """The physical address of the profile row: every UPDATE writes a new one."""
    return Profile.select(SQL("ctid")).where(Profile.user == user.id).scalar()


def test_same_day_keeps_the_streak_and_replay_changes_nothing(db, world):
    student = world["student_a3"]
    learn(student, at(1, 9))
    learn(student, at(2, 9))
    morning = row_version(student)
    assert learn(student, at(2, 18)) == streaks.StreakChange(streak=2, previous=2)
    assert row_version(student) != morning  # last_active moved on
    profile = profile_of(student)
    assert (profile.streak, profile.last_active_on, profile.last_active) == (2, day_(2), at(2, 18))
    version = row_version(student)
    assert learn(student, at(2, 18)) == streaks.StreakChange(streak=2, previous=2)
    assert learn(student, at(2, 10)) == streaks.StreakChange(streak=2, previous=2)
    assert row_version(student) == version


def test_a_missed_day_starts_again_at_one(db, world):
    student = world["student_a3"]
    learn(student, at(1, 9))
    learn(student, at(2, 9))
    assert learn(student, at(4, 9)) == streaks.StreakChange(streak=1, previous=2)


def test_offline_work_counts_on_the_day_it_was_done(db, world):
    student = world["student_a3"]
    learn(student, at(1, 9))
    # Done offline on the evening of the 2nd, synced on the morning of the 3rd.
    assert learn(student, at(2, 20)).streak == 2
    assert learn(student, at(3, 8)).streak == 3


def test_work_from_before_the_last_active_day_leaves_the_streak(db, world):
    student = world["student_a3"]
    learn(student, at(1, 9))
    learn(student, at(2, 9))
    learn(student, at(3, 9))
    assert learn(student, at(1, 12)) == streaks.StreakChange(streak=3, previous=3)
    profile = profile_of(student)
    assert (profile.streak, profile.last_active_on, profile.last_active) == (
        3, day_(3), at(3, 9))


def test_three_days_pay_sparks_once_per_run(db, world):
    student = world["student_a3"]
    learn(student, at(1, 9))
    learn(student, at(2, 9))
    change = learn(student, at(3, 9))
    assert change.milestone_reached == 3
    assert learn(student, at(3, 10)).milestone_reached is None
    sparks = STREAK_MILESTONE_SPARKS[3]
    assert profile_of(student).sparks == sparks
    [entry] = RewardLedger.select().where(RewardLedger.student == student.id)
    assert entry.idempotency_key == f"streak:3:{day_(1).isoformat()}"
    [achievement] = Achievement.select().where((Achievement.student == student.id)
                                               & (Achievement.type == AchievementType.STREAK_MILESTONE))
    assert (achievement.sparks_awarded, achievement.metadata["days"]) == (sparks, 3)
    [note] = UserNotification.select().where(UserNotification.user == student.id)
    assert note.data["kind"] == "streak_milestone"
    # A new run reaching three days is a new milestone.
    for day in (10, 11, 12):
        learn(student, at(day, 9))
    assert profile_of(student).sparks == 2 * sparks


def test_student_records_their_own_day(db, world):
    student = world["student_a2"]
    with acting_as(student.id, student.role, student.school_id):
        assert learn(student, at(1, 9)).streak == 1
        assert learn(student, at(2, 9)).streak == 2


def test_a_moment_without_a_time_zone_is_refused(db, world):
    try:
        learn(world["student_a3"], datetime.datetime(2026, 7, 1, 9))
    except ValueError:
        return
    raise AssertionError("a naive datetime was accepted")
