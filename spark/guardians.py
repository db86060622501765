"""Guardians and the children they follow."""
from peewee import JOIN

from spark.models import GuardianLink, Profile, School, User
from spark.models.enums import LinkStatus


def links_of_guardian(guardian_id):
    """Every link this guardian has asked for or been given, with the child's profile (one query)."""
    return list(
        GuardianLink
        .select(GuardianLink, User, Profile, School)
        # Outer joins: a link that is not approved yet shows, but row-level
        # security hides the child (not even their name) until the school approves.
        .join(User, JOIN.LEFT_OUTER, on=(GuardianLink.student == User.id))
        .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
        .switch(User)
        .join(School, JOIN.LEFT_OUTER)
        .where(GuardianLink.guardian == guardian_id)
        .order_by(GuardianLink.status, GuardianLink.requested_at))


def approved_child(guardian_id, student_id):
    """The student with their profile when this guardian's link to them is APPROVED, else None."""
    return (User
            .select(User, Profile)
            .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
            .join_from(User, GuardianLink, on=(GuardianLink.student == User.id))
            .where((User.id == student_id)
                   & (GuardianLink.guardian == guardian_id)
                   & (GuardianLink.status == LinkStatus.APPROVED))
            .first())
