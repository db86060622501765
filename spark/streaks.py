"""Learning streaks: how many days in a row a student has learned (ARCHITECTURE.md, 6).

A day is a calendar day in the student's school time zone (`schools.timezone`;
Asia/Kolkata for a student without a school), and it is the day the action
happened, which for offline work is earlier than the day it was synced.

`profiles.streak` and `profiles.last_active_on` (the school-local day of the
latest activity) carry the state. An action on:
- the same day as `last_active_on` leaves the streak as it is;
- the next day adds one;
- a later day starts a new run of 1;
- an earlier day (offline work synced after newer activity) leaves the streak
  and `last_active_on` alone. Such an action may have filled a gap in the past,
  but telling that needs the history of active days, which the profile does not
  keep; recomputing streaks from history is left to a later issue.

Reaching 3, 7 or 30 days pays STREAK_MILESTONE_SPARKS through the ledger with a
key per milestone and run (`streak:<days>:<first day of the run>`): a new run
that reaches 3 again is rewarded again, a replayed action is not.
"""
import datetime
import uuid
from dataclasses import dataclass
from typing import Optional

from peewee import fn

from spark import notifications, rewards
from spark.db import database
from spark.models import Achievement, Profile
from spark.models.enums import AchievementType, NotificationType, RewardCurrency
from spark.reward_amounts import STREAK_MILESTONE_SPARKS

DEFAULT_TIMEZONE = "Asia/Kolkata"


@dataclass(frozen=True)
class StreakChange:
    """The streak after an action, the streak before it, and a milestone reached now (or None)."""
    streak: int
    previous: int
    milestone_reached: Optional[int] = None


def _locked_state(student_id, occurred_at):
    # The day is computed by PostgreSQL from the school's zone name: the same
    # zone database that validated schools.timezone.
    row = database.execute_sql(
        "SELECT p.streak, p.last_active_on,"
        "       (%s::timestamptz AT TIME ZONE COALESCE(s.timezone, %s))::date"
        "  FROM profiles p"
        "  JOIN users u ON u.id = p.user_id"
        "  LEFT JOIN schools s ON s.id = u.school_id"
        " WHERE p.user_id = %s"
        "   FOR UPDATE OF p",
        (occurred_at, DEFAULT_TIMEZONE, str(student_id))).fetchone()
    if row is None:
        raise rewards.NoProfile(student_id)
    return row


def next_streak(streak, last_day, day):
    """The streak after learning on `day`, given the streak and the last day learned."""
    if last_day is None or day > last_day + datetime.timedelta(days=1):
        return 1
    if day == last_day + datetime.timedelta(days=1):
        return streak + 1
    return streak  # the same day, or an earlier one synced late


def record_learning_day(student_id, occurred_at):
    """Count the school-local day of `occurred_at` in the student's streak; return the change."""
    if occurred_at.tzinfo is None:
        raise ValueError("occurred_at must carry its time zone (store UTC)")
    with database.atomic():
        streak, last_day, day = _locked_state(student_id, occurred_at)
        new_streak = next_streak(streak, last_day, day)
        newest_day = day if last_day is None else max(day, last_day)
        (Profile
         .update(streak=new_streak, last_active_on=newest_day,
                 last_active=fn.GREATEST(Profile.last_active, occurred_at))
         .where((Profile.user == student_id)
                # A replay changes nothing, not even updated_at.
                & ((Profile.streak != new_streak)
                   | Profile.last_active_on.is_null()
                   | (Profile.last_active_on != newest_day)
                   | (Profile.last_active < occurred_at)))
         .execute())
        milestone = None
        if new_streak != streak and new_streak in STREAK_MILESTONE_SPARKS:
            run_start = day - datetime.timedelta(days=new_streak - 1)
            if _reward_milestone(student_id, new_streak, run_start, occurred_at):
                milestone = new_streak
    return StreakChange(streak=new_streak, previous=streak, milestone_reached=milestone)


def _reward_milestone(student_id, days, run_start, occurred_at):
    sparks = STREAK_MILESTONE_SPARKS[days]
    key = f"streak:{days}:{run_start.isoformat()}"
    details = {"days": days, "run_start": run_start.isoformat()}
    if not rewards.award(student_id, RewardCurrency.SPARKS, sparks, rewards.Reason.STREAK_MILESTONE,
                         "streak", None, occurred_at, key,
                         description=f"Learned {days} days in a row", metadata=details):
        return False
    (Achievement
     .insert(id=uuid.uuid4(), student=student_id, type=AchievementType.STREAK_MILESTONE,
             title=f"{days}-day streak!", description=f"Learned {days} days in a row.",
             sparks_awarded=sparks, metadata=details, earned_at=occurred_at)
     .as_rowcount()
     .execute())
    notifications.notify(student_id, "streak_milestone", NotificationType.ACHIEVEMENT,
                         {"days": days, "sparks": sparks}, key=key)
    return True
