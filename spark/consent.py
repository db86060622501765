"""Consent for what goes beyond schooling (India's DPDP Act, 2023, section 9).

A child's data is processed beyond what the school needs only with the verifiable
consent of a parent: here, an APPROVED guardian of the child, signed in. The optional
features are the AI companion and the child's name on school-wide and global
leaderboards. Each stays off for a child until a guardian turns it on (`has_consent`),
and off again the moment it is withdrawn, or when the guardian who gave it is no
longer approved. Every change is audited (guardian_consents has the audit trigger);
a decision is updated in place, never deleted.
"""
import uuid

from flask_babel import lazy_gettext as _l
from peewee import fn

from spark.models import GuardianConsent, GuardianLink
from spark.models.base import utc_now
from spark.models.enums import LinkStatus

AI_COMPANION = "AI_COMPANION"
LEADERBOARD_NAME = "LEADERBOARD_NAME"
FEATURES = {
    AI_COMPANION: _l("The AI companion: your child can ask an AI helper questions about lessons."),
    LEADERBOARD_NAME: _l("Your child's name on school-wide and all-India leaderboards"
                         " (otherwise only initials are shown)."),
}


def _held():
    """Consent rows that count: granted by a guardian whose link to the child is still approved."""
    approved = (GuardianLink
                .select()
                .where((GuardianLink.guardian == GuardianConsent.guardian)
                       & (GuardianLink.student == GuardianConsent.student)
                       & (GuardianLink.status == LinkStatus.APPROVED)))
    return GuardianConsent.granted & fn.EXISTS(approved)


def has_consent(student_id, feature) -> bool:
    """True when an approved guardian of the child has consented to this feature (one query).

    The features' code calls this before anything optional happens; with no decision, no.
    """
    if feature not in FEATURES:
        raise ValueError(f"unknown consent feature {feature!r}")
    return (GuardianConsent
            .select()
            .where((GuardianConsent.student == student_id) & (GuardianConsent.feature == feature) & _held())
            .exists())


def consents_of(student_ids):
    """Map each child to {feature: GuardianConsent} of the decisions on record (one query)."""
    found = {student_id: {} for student_id in student_ids}
    if not student_ids:
        return found
    for row in GuardianConsent.select().where(GuardianConsent.student.in_(list(student_ids))):
        found.setdefault(row.student_id, {})[row.feature] = row
    return found


def set_consent(guardian, student_id, feature, granted: bool, now=None):
    """An approved guardian gives or withdraws consent for a feature; None if the child is not theirs.

    Repeating the decision on record changes nothing (no update, no audit row).
    """
    if feature not in FEATURES:
        return None
    linked = (GuardianLink
              .select()
              .where((GuardianLink.guardian == guardian.id) & (GuardianLink.student == student_id)
                     & (GuardianLink.status == LinkStatus.APPROVED))
              .exists())
    if not linked:
        return None
    now = now or utc_now()
    (GuardianConsent
     .insert(id=uuid.uuid4(), student=student_id, feature=feature, granted=bool(granted),
             guardian=guardian.id, changed_at=now)
     .on_conflict(conflict_target=[GuardianConsent.student, GuardianConsent.feature],
                  update={GuardianConsent.granted: bool(granted), GuardianConsent.guardian: guardian.id,
                          GuardianConsent.changed_at: now},
                  where=(GuardianConsent.granted != bool(granted)))
     .as_rowcount()
     .execute())
    return GuardianConsent.get((GuardianConsent.student == student_id) & (GuardianConsent.feature == feature))
