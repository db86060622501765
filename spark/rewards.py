"""Rewards: XP, crystals and sparks, each grant a row of the ledger (ARCHITECTURE.md, 5).

Every grant is one `reward_ledger` row with a key unique per student, inserted
with `ON CONFLICT DO NOTHING`: a retried request or a replayed sync batch finds
its key taken and changes nothing. The ledger's trigger adds each row to the
profile's totals (and level); nothing else may change them.

Quizzes are paid by top-up to the best score: a pass at 80 % earns 80 % of
QUIZ_PASSED_XP, and a later pass at 95 % earns the 15 % difference, so trying
again is always worth it and the total for a quiz never exceeds a perfect
pass. Each top-up's key names the XP total it brings the quiz to
(`quiz-passed:<quiz>:<xp>`), so replaying any earlier pass adds nothing.

Rows are written without `RETURNING`: a teacher grading may insert a row for a
student whose rows row-level security would not let them read back.
"""
import uuid
from decimal import Decimal

from peewee import fn

from spark import notifications
from spark.db import database
from spark.levels import level_for_xp
from spark.models import Achievement, RewardLedger
from spark.models.base import utc_now
from spark.models.enums import AchievementType, NotificationType, RewardCurrency
from spark.reward_amounts import LESSON_COMPLETED_XP, PERFECT_SCORE_CRYSTALS, QUIZ_PASSED_XP


class Reason:
    """What a ledger row was given for (reward_ledger.reason); pages translate these."""
    LESSON_COMPLETED = "LESSON_COMPLETED"
    QUIZ_PASSED = "QUIZ_PASSED"
    PERFECT_SCORE = "PERFECT_SCORE"
    STREAK_MILESTONE = "STREAK_MILESTONE"
    BADGE_EARNED = "BADGE_EARNED"
    ACHIEVEMENT = "ACHIEVEMENT"
    ADJUSTMENT = "ADJUSTMENT"


class NoProfile(LookupError):
    """The student has no profile the actor may update, so they cannot be rewarded."""


def lock_profile(student_id):
    """Lock the student's profile row for this transaction; return (xp_points, level).

    Every change to a student's rewards or streak takes this lock first, so two
    requests for the same student run one after the other and never deadlock.
    """
    row = database.execute_sql(
        "SELECT xp_points, level FROM profiles WHERE user_id = %s FOR UPDATE",
        (str(student_id),)).fetchone()
    if row is None:
        raise NoProfile(student_id)
    return row


def award(student_id, currency, amount, reason, source_type, source_id, occurred_at, key,
          description=None, metadata=None, created_by=None):
    """Grant `amount` of `currency` once per `key`; True if this call added it.

    An XP grant that lifts the student to a new level also records a LEVEL_UP
    achievement for each level reached (once per level, ever) and notifies them.
    """
    if amount == 0:
        return False
    occurred_at = occurred_at or utc_now()
    with database.atomic():
        xp_before, level_before = lock_profile(student_id)
        added = (RewardLedger
                 .insert(id=uuid.uuid4(), student=student_id, currency=currency, amount=amount,
                         reason=reason, source_type=source_type, source_id=source_id,
                         idempotency_key=key, description=description, metadata=metadata,
                         occurred_at=occurred_at, created_by=created_by)
                 .on_conflict(conflict_target=[RewardLedger.student, RewardLedger.idempotency_key],
                              action="IGNORE")
                 .as_rowcount()
                 .execute())
        if added and currency == RewardCurrency.XP:
            _celebrate_levels(student_id, level_before, level_for_xp(xp_before + amount), occurred_at)
    return bool(added)


def _celebrate_levels(student_id, old_level, new_level, occurred_at):
    # Several levels at once (a big grant) get an achievement each but one notification.
    # Levels lost through an ADJUSTMENT and regained are not celebrated again.
    for level in range(old_level + 1, new_level + 1):
        reached = (Achievement
                   .select(Achievement.id)
                   .where((Achievement.student == student_id)
                          & (Achievement.type == AchievementType.LEVEL_UP)
                          & Achievement.metadata.contains({"level": level}))
                   .exists())
        if reached:
            continue
        (Achievement
         .insert(id=uuid.uuid4(), student=student_id, type=AchievementType.LEVEL_UP,
                 title=f"Level {level}!", description=f"Reached level {level}.",
                 metadata={"level": level}, earned_at=occurred_at)
         .as_rowcount()
         .execute())
        if level == new_level:
            notifications.notify(student_id, "level_up", NotificationType.LEVEL_UP,
                                 {"level": level}, key=f"level-up:{level}")


def award_lesson_completed(student_id, lesson_id, subject, occurred_at):
    """XP for finishing a lesson, once per lesson; True if given now."""
    return award(student_id, RewardCurrency.XP, LESSON_COMPLETED_XP, Reason.LESSON_COMPLETED,
                 "lesson", lesson_id, occurred_at, f"lesson:{lesson_id}:completed",
                 description=f"Finished a {subject} lesson" if subject else "Finished a lesson",
                 metadata={"subject": subject} if subject else None)


def quiz_xp_for_score(score_percent):
    """The XP a pass at `score_percent` is worth in all (whole points, rounded down)."""
    score = Decimal(str(score_percent))
    if not 0 <= score <= 100:
        raise ValueError(f"a score is a percentage from 0 to 100, not {score_percent!r}")
    return int(QUIZ_PASSED_XP * score / 100)


def award_quiz_passed(student_id, quiz_id, subject, score_percent, occurred_at):
    """Top the quiz's XP up to what this pass is worth; return the XP given now (0 if none)."""
    target = quiz_xp_for_score(score_percent)
    with database.atomic():
        lock_profile(student_id)  # the sum below must not change before we add to it
        paid = (RewardLedger
                .select(fn.COALESCE(fn.SUM(RewardLedger.amount), 0))
                .where((RewardLedger.student == student_id)
                       & (RewardLedger.reason == Reason.QUIZ_PASSED)
                       & (RewardLedger.source_id == quiz_id))
                .scalar())
        top_up = target - int(paid)
        if top_up <= 0:
            return 0
        added = award(student_id, RewardCurrency.XP, top_up, Reason.QUIZ_PASSED, "quiz", quiz_id,
                      occurred_at, f"quiz-passed:{quiz_id}:{target}",
                      description=_quiz_description(subject, score_percent, paid),
                      metadata={"subject": subject, "score": float(score_percent)} if subject
                      else {"score": float(score_percent)})
    return top_up if added else 0


def _quiz_description(subject, score_percent, paid):
    score = f"{Decimal(str(score_percent)).normalize():f}"
    what = f"a {subject} quiz" if subject else "a quiz"
    if paid:
        return f"Improved your best score on {what} to {score}%"
    return f"Passed {what} with {score}%"


def award_perfect_score(student_id, quiz_id, occurred_at):
    """Crystals for the first perfect score on a quiz; True if given now."""
    return award(student_id, RewardCurrency.CRYSTALS, PERFECT_SCORE_CRYSTALS, Reason.PERFECT_SCORE,
                 "quiz", quiz_id, occurred_at, f"quiz-perfect:{quiz_id}",
                 description="Perfect score on a quiz")


def ledger_for(student_id, limit=50):
    """The student's reward history, newest first (each row has `reason` and `description`)."""
    return list(RewardLedger
                .select()
                .where(RewardLedger.student == student_id)
                .order_by(RewardLedger.occurred_at.desc(), RewardLedger.created_at.desc(),
                          RewardLedger.id)
                .limit(limit))


def totals_explained(student_id):
    """The ledger's sum per currency ({"XP": n, "CRYSTALS": n, "SPARKS": n}), as the profile holds."""
    totals = {currency: 0 for currency in RewardCurrency.ALL}
    rows = (RewardLedger
            .select(RewardLedger.currency, fn.SUM(RewardLedger.amount).alias("total"))
            .where(RewardLedger.student == student_id)
            .group_by(RewardLedger.currency)
            .tuples())
    for currency, total in rows:
        totals[currency] = int(total)
    return totals
