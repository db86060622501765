"""What a student gains when they finish a lesson or a quiz attempt is graded.

One place ties learning to the rewards ledger, streaks and badges, so the pages,
the offline sync and teacher grading give the same rewards for the same work.
"""
from dataclasses import dataclass, field

from spark import badges, rewards, streaks
from spark.models import Profile
from spark.models.enums import SubmissionStatus


@dataclass(frozen=True)
class Gains:
    """What changed for the student: to show them right after they earned it."""

    xp: int = 0
    crystals: int = 0
    sparks: int = 0
    level_before: int = 1
    level_after: int = 1
    streak: int = 0
    badges: list = field(default_factory=list)

    @property
    def levelled_up(self) -> bool:
        return self.level_after > self.level_before


def reward_finished_lesson(student_id, lesson, subject, occurred_at) -> Gains:
    """XP for the lesson, the day counted for the streak, badges checked."""
    before = _totals(student_id)
    rewards.award_lesson_completed(student_id, lesson.id, subject, occurred_at)
    streaks.record_learning_day(student_id, occurred_at)
    earned = badges.evaluate_badges(student_id, occurred_at)
    return _gains(before, _totals(student_id), earned)


def reward_attempt(student_id, submission, quiz, subject, occurred_at) -> Gains:
    """XP for a passed quiz (scaled by score) and crystals for a perfect one, once graded."""
    before = _totals(student_id)
    if submission.status == SubmissionStatus.GRADED:
        if submission.passed:
            rewards.award_quiz_passed(student_id, quiz.id, subject, submission.score, occurred_at)
        if submission.score == 100:
            rewards.award_perfect_score(student_id, quiz.id, occurred_at)
    streaks.record_learning_day(student_id, occurred_at)
    earned = badges.evaluate_badges(student_id, occurred_at)
    return _gains(before, _totals(student_id), earned)


def _totals(student_id):
    return (Profile
            .select(Profile.xp_points, Profile.crystals, Profile.sparks, Profile.level, Profile.streak)
            .where(Profile.user == student_id)
            .get())


def _gains(before, after, earned) -> Gains:
    return Gains(xp=after.xp_points - before.xp_points, crystals=after.crystals - before.crystals,
                 sparks=after.sparks - before.sparks, level_before=before.level, level_after=after.level,
                 streak=after.streak, badges=earned)
