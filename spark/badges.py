"""Badges: earned when a student meets a badge's criteria (docs/database.md, "Badge criteria").

The criteria are evaluated in SQL (`check_badge_eligibility`,
`badge_metric_value`), under the caller's row-level security. Earning is
`INSERT ... ON CONFLICT (user_id, badge_id) DO NOTHING` after the profile lock,
so two evaluations at once, or a replay, earn a badge and pay its rewards once.
"""
import uuid
from dataclasses import dataclass
from typing import NamedTuple, Optional

from peewee import JOIN

from spark import notifications, rewards
from spark.db import database
from spark.models import Badge, EarnedBadge, User
from spark.models.base import utc_now
from spark.models.enums import NotificationType, RewardCurrency

# A badge's XP can lift a level that another badge asks for; a few rounds settle it.
MAX_ROUNDS = 5


def evaluate_badges(student_id, occurred_at):
    """Earn every badge the student now meets; return the badges newly earned."""
    occurred_at = occurred_at or utc_now()
    earned = []
    with database.atomic():
        rewards.lock_profile(student_id)
        for _ in range(MAX_ROUNDS):
            candidates = [row[0] for row in database.execute_sql(
                "SELECT badge_id FROM check_badge_eligibility(%s)", (str(student_id),))]
            new = [badge_id for badge_id in candidates if _earn(student_id, badge_id, occurred_at)]
            if not new:
                break
            badges = list(Badge.select().where(Badge.id.in_(new)).order_by(Badge.name))
            for badge in badges:
                _reward(student_id, badge, occurred_at)
            earned.extend(badges)
    return earned


def _earn(student_id, badge_id, occurred_at):
    return (EarnedBadge
            .insert(id=uuid.uuid4(), user=student_id, badge=badge_id, earned_at=occurred_at)
            .on_conflict(conflict_target=[EarnedBadge.user, EarnedBadge.badge], action="IGNORE")
            .as_rowcount()
            .execute()) > 0


def _reward(student_id, badge, occurred_at):
    for currency, amount in ((RewardCurrency.XP, badge.xp_reward),
                             (RewardCurrency.CRYSTALS, badge.crystal_reward),
                             (RewardCurrency.SPARKS, badge.spark_reward)):
        if amount:
            rewards.award(student_id, currency, amount, rewards.Reason.BADGE_EARNED, "badge", badge.id,
                          occurred_at, f"badge:{badge.id}:{currency.lower()}",
                          description=f"Earned the badge \u201c{badge.name}\u201d",
                          metadata={"badge": badge.name})
    notifications.notify(student_id, "badge_earned", NotificationType.BADGE_EARNED,
                         {"name": badge.name, "badge_id": str(badge.id)}, key=f"badge:{badge.id}")


@dataclass(frozen=True)
class CriterionProgress:
    """One leaf of a badge's criteria: the metric, where the student is, and the target."""
    metric: str
    current: float
    target: float
    subject: Optional[str] = None
    course_id: Optional[str] = None

    @property
    def met(self):
        return self.current >= self.target


class BoardEntry(NamedTuple):
    """A badge on the student's board: when it was earned (or None) and, if locked, the progress."""
    badge: Badge
    earned_at: object
    progress: list


def badge_board(student_id):
    """Every badge available to the student, earned or not, with progress toward the locked ones.

    Two queries, however many badges: the badges with this student's earned
    rows, then one SELECT that walks every locked badge's criteria tree and
    calls `badge_metric_value` on each leaf.
    """
    school_of_student = User.select(User.school).where(User.id == student_id)
    rows = list(Badge
                .select(Badge, EarnedBadge.earned_at)
                .join(EarnedBadge, JOIN.LEFT_OUTER,
                      on=((EarnedBadge.badge == Badge.id) & (EarnedBadge.user == student_id)))
                # An earned badge stays on the board even if it was switched off since.
                .where((Badge.is_active
                        & (Badge.school.is_null() | (Badge.school == school_of_student)))
                       | EarnedBadge.id.is_null(False))
                .order_by(Badge.name)
                .objects())
    locked = [badge.id for badge in rows if badge.earned_at is None]
    progress = _leaf_progress(student_id, locked) if locked else {}
    return [BoardEntry(badge, badge.earned_at, progress.get(badge.id, [])) for badge in rows]


_LEAVES_SQL = """
WITH RECURSIVE node(badge_id, criteria, path) AS (
    SELECT b.id, b.criteria, ARRAY[]::integer[]
      FROM badges b
     WHERE b.id = ANY(%s::uuid[])
  UNION ALL
    SELECT node.badge_id, child.value, node.path || child.position::integer
      FROM node
     CROSS JOIN LATERAL jsonb_array_elements(COALESCE(node.criteria -> 'all', node.criteria -> 'any'))
           WITH ORDINALITY AS child(value, position)
     WHERE node.criteria ? 'all' OR node.criteria ? 'any'
)
SELECT badge_id, criteria ->> 'metric', badge_metric_value(%s, criteria),
       (criteria ->> 'gte')::numeric, criteria ->> 'subject', criteria ->> 'course_id'
  FROM node
 WHERE criteria ? 'metric'
 ORDER BY badge_id, path
"""


def _leaf_progress(student_id, badge_ids):
    progress = {}
    cursor = database.execute_sql(_LEAVES_SQL, ([str(i) for i in badge_ids], str(student_id)))
    for badge_id, metric, current, target, subject, course_id in cursor:
        progress.setdefault(uuid.UUID(str(badge_id)), []).append(
            CriterionProgress(metric, float(current), float(target), subject, course_id))
    return progress
