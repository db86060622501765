"""Guardians and the children they follow."""
from peewee import JOIN

from spark.models import GuardianLink, Profile, School, User


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
