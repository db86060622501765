"""Guardian links, both ways, as a small state machine (issue 5).

A link (guardian_links) is PENDING, APPROVED, REJECTED or BLOCKED. It starts one of two ways:
- **an invitation**: school staff (an admin of the child's school, or a teacher of one of
  the child's classes) invite a guardian account (existing, or made on the spot with a
  one-time password). The row is PENDING with `approved_by` = the inviter: the school's side
  is given, the guardian accepts (APPROVED, `approved_at` stamped) or declines (REJECTED);
- **a request**: the guardian types a code that the child or the child's teacher made
  (8 characters, single use, 7 days; only its hash is stored). The row is PENDING with no
  `approved_by`; staff approve, reject or block it.
A guardian cannot read a child before approval (row-level security), so a code is redeemed
by the SQL function `spark_request_guardian_link` (sql/0014), which returns ids, never a name.

Staff transitions are in STAFF_TRANSITIONS; asking for the status a link already has is a
no-op (a double submit changes nothing). Every change is audited by guardian_links' trigger.
Guardians may only write their own notifications, so what their actions tell others is sent
acting as the system for the child's school.
"""
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from peewee import JOIN

from spark import accounts, notifications
from spark.db import as_system, database
from spark.models import Enrollment, GuardianLink, GuardianLinkCode, Profile, School, SchoolClass, User
from spark.models.base import utc_now
from spark.models.enums import EnrollmentStatus, LinkStatus, NotificationType, Role
from spark.people import create_user

# No 0/O, 1/I/L: a code read aloud over a phone or copied from a slip of paper survives.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
CODE_LIFETIME = timedelta(days=7)
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PASSWORD_LENGTH = 12
RELATIONSHIPS = ("parent", "guardian", "sibling", "grandparent", "other")

# What school staff may do to a link in each status.
STAFF_TRANSITIONS = {
    LinkStatus.PENDING: {LinkStatus.APPROVED, LinkStatus.REJECTED, LinkStatus.BLOCKED},
    LinkStatus.APPROVED: {LinkStatus.REJECTED, LinkStatus.BLOCKED},
    LinkStatus.REJECTED: {LinkStatus.BLOCKED},
    LinkStatus.BLOCKED: {LinkStatus.REJECTED},  # unblock: the guardian may ask again with a new code
}


class LinkRefused(Exception):
    """A link change that the rules refuse; `message` says why, for the person who asked."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


REFUSALS = {
    "unknown": _l("This code is not right. Check it with your child's teacher."),
    "used": _l("This code has already been used. Ask for a new one."),
    "expired": _l("This code has expired. Ask for a new one."),
    "other_school": _l("This code is for another school."),
    "already": _l("You have already asked to follow this child, or you follow them already."),
    "blocked": _l("The school has blocked links from your account to this child."),
    "not_guardian": _l("Only a guardian account can use a link code."),
}


def normalise_code(text: str) -> str:
    """The code as typed, upper-case, without spaces or dashes."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def hash_code(code: str) -> str:
    """The stored form of a code (sha256, hex): the code itself is never kept."""
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


def format_code(code: str) -> str:
    """A code shown in two groups of four, easier to read out."""
    return f"{code[:4]}-{code[4:]}"


def one_time_password() -> str:
    """A random password to hand over once; its owner should change it."""
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


def managed_student_ids(actor):
    """A subquery of the students whose guardian links this staff member may decide.

    An admin: the students of their school. A teacher: the students active in a class
    they teach. Anyone else: none.
    """
    if actor.role == Role.ADMIN and actor.school_id:
        return User.select(User.id).where((User.school == actor.school_id) & (User.role == Role.STUDENT))
    if actor.role == Role.TEACHER:
        return (Enrollment
                .select(Enrollment.student)
                .join(SchoolClass)
                .where((SchoolClass.teacher == actor.id) & (Enrollment.status == EnrollmentStatus.ACTIVE)))
    return User.select(User.id).where(User.id.is_null())


def managed_student(actor, student_id):
    """The student (with profile and school) if this staff member may decide their links, else None."""
    return (User
            .select(User, Profile, School)
            .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
            .switch(User)
            .join(School)
            .where((User.id == student_id) & User.id.in_(managed_student_ids(actor)))
            .first())


def students_for_links(actor):
    """The students this staff member may make codes and invitations for, by name (one query)."""
    return list(User
                .select(User, Profile)
                .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
                .where(User.id.in_(managed_student_ids(actor)) & User.is_active)
                .order_by(Profile.display_name, User.username))


# --- codes -----------------------------------------------------------------------------


def issue_link_code(actor, student_id, now=None) -> str:
    """Make a link code for a student: by the student themselves, or by staff who manage them.

    Returns the code, to be shown once; None when the actor may not make one for this student.
    """
    now = now or utc_now()
    if actor.role == Role.STUDENT:
        student = actor if actor.id == student_id else None
    else:
        student = managed_student(actor, student_id)
    if student is None:
        return None
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    (GuardianLinkCode
     .insert(id=uuid.uuid4(), code_hash=hash_code(code), student=student.id, school=student.school_id,
             created_by=actor.id, created_at=now, expires_at=now + CODE_LIFETIME)
     .as_rowcount()
     .execute())
    return code


def request_link(guardian, code_text, relationship="parent"):
    """A guardian asks to follow a child with a code; return the new PENDING link's id.

    Raises LinkRefused for an unknown, used or expired code, a code of another school,
    a second request, or a blocked guardian.
    """
    # Codes are short enough to type on a basic phone, so guessing is throttled per guardian,
    # with the same rule and table as sign-in failures.
    throttle_key, now = f"link-code:{guardian.id}", utc_now()
    try:
        accounts.refuse_if_throttled(throttle_key, now)
    except accounts.SignInThrottled as throttled:
        raise LinkRefused(_l("Too many wrong codes. Try again in %(num)d minutes.",
                             num=max(1, round(throttled.retry_after / 60)))) from None
    code = normalise_code(code_text)
    if len(code) != CODE_LENGTH:
        accounts.record_failure(throttle_key, now)
        raise LinkRefused(REFUSALS["unknown"])
    relationship = relationship if relationship in RELATIONSHIPS else "parent"
    outcome, link_id, student_id, school_id = database.execute_sql(
        "SELECT outcome, link_id, student_id, school_id FROM spark_request_guardian_link(%s, %s)",
        (hash_code(code), relationship)).fetchone()
    if outcome != "requested":
        if outcome in ("unknown", "used", "expired"):
            accounts.record_failure(throttle_key, now)
        raise LinkRefused(REFUSALS[outcome])
    with as_system(school_id):
        names = _names(guardian.id, student_id)
        for staff_id in _staff_of(student_id, school_id):
            notifications.notify(staff_id, "guardian_link_request", NotificationType.SYSTEM, names,
                                 key=f"guardian-link:{link_id}:request")
        notifications.notify(student_id, "guardian_link_request", NotificationType.SYSTEM, names,
                             key=f"guardian-link:{link_id}:request")
    return link_id


def _staff_of(student_id, school_id):
    """The school's active admins and the teachers of the student's active classes."""
    admins = User.select(User.id).where((User.school == school_id) & (User.role == Role.ADMIN) & User.is_active)
    teachers = (SchoolClass
                .select(SchoolClass.teacher)
                .join(Enrollment)
                .where((Enrollment.student == student_id) & (Enrollment.status == EnrollmentStatus.ACTIVE)))
    return {row[0] for row in admins.union(teachers).tuples()}


def _names(guardian_id, student_id):
    rows = dict(Profile
                .select(Profile.user, Profile.display_name)
                .where(Profile.user.in_([guardian_id, student_id]))
                .tuples())
    return {"guardian": rows.get(guardian_id, ""), "student": rows.get(student_id, "")}


# --- invitations -----------------------------------------------------------------------


def find_guardian_account(identifier):
    """The id of the active GUARDIAN account with this exact username or email, else None.

    Staff cannot read guardians who are not yet linked to their students (row-level
    security), so this asks the sign-in lookup, and takes from it only the id and role.
    """
    row = database.execute_sql(
        "SELECT id, role, is_active FROM spark_login_candidate(%s)",
        ((identifier or "").strip().lower(),)).fetchone()
    if row is None or row[1] != Role.GUARDIAN or not row[2]:
        return None
    return row[0]


def invite_guardian(actor, student_id, guardian_id, relationship="parent", now=None):
    """Staff invite an existing guardian account to follow a student; return the link.

    Returns None when the actor may not manage this student (the caller answers 404).
    """
    now = now or utc_now()
    student = managed_student(actor, student_id)
    if student is None:
        return None
    relationship = relationship if relationship in RELATIONSHIPS else "parent"
    with database.atomic():
        link = (GuardianLink
                .select()
                .where((GuardianLink.guardian == guardian_id) & (GuardianLink.student == student.id))
                .for_update()
                .first())
        if link is not None and link.status == LinkStatus.BLOCKED:
            raise LinkRefused(_l("This guardian is blocked from following this child. Unblock them first."))
        if link is not None and link.status in (LinkStatus.PENDING, LinkStatus.APPROVED):
            raise LinkRefused(_l("This guardian already follows this child or has a request waiting."))
        if link is None:
            link = GuardianLink.create(guardian=guardian_id, student=student.id, relationship=relationship,
                                       status=LinkStatus.PENDING, requested_at=now, approved_by=actor.id)
        else:  # REJECTED before: invite again
            GuardianLink.update(status=LinkStatus.PENDING, relationship=relationship, requested_at=now,
                                approved_by=actor.id, approved_at=None).where(GuardianLink.id == link.id).execute()
        notifications.notify(guardian_id, "guardian_invited", NotificationType.SYSTEM,
                             {"school": student.school.name, "student": student.profile.display_name},
                             key=f"guardian-link:{link.id}:invited:{now.isoformat()}")
    return GuardianLink.get_by_id(link.id)


def create_guardian_and_invite(actor, student_id, *, username, display_name, email=None,
                               relationship="parent", preferred_language=None, now=None):
    """Staff make a guardian account (in the child's school) and invite it; return (link, password).

    The password is random and shown once. A teacher may not create accounts other than
    students' (row-level security), so, once the right to manage this child is checked,
    the account is created acting as the system for the school. Returns None when the
    actor may not manage this student; raises LinkRefused for a taken username or email,
    ValueError for a malformed username.
    """
    student = managed_student(actor, student_id)
    if student is None:
        return None
    if account_exists(username) or (email and account_exists(email)):
        raise LinkRefused(_l("This username or email is already taken."))
    password = one_time_password()

    def create():
        return create_user(username=username, password=password, role=Role.GUARDIAN,
                           display_name=display_name, school_id=student.school_id, email=email or None,
                           preferred_language=preferred_language or None, one_time_password=True)

    if actor.role == Role.ADMIN:
        guardian = create()
    else:
        with as_system(student.school_id):
            guardian = create()
    return invite_guardian(actor, student_id, guardian.id, relationship, now), password


def account_exists(identifier) -> bool:
    """True when any account, in any school, has this username or email (they are unique everywhere)."""
    return database.execute_sql("SELECT 1 FROM spark_login_candidate(%s)",
                                ((identifier or "").strip().lower(),)).fetchone() is not None


def invitations_for(guardian_id):
    """The invitations waiting for this guardian: link id, child's name, school, relationship, date."""
    cursor = database.execute_sql(
        "SELECT link_id, student_name, school_name, relationship, invited_at FROM spark_guardian_invitations()")
    return [Invitation(*row) for row in cursor.fetchall()]


@dataclass(frozen=True)
class Invitation:
    """An invitation a guardian may accept or decline."""
    link_id: uuid.UUID
    student_name: str
    school_name: str
    relationship: str
    invited_at: object


def answer_invitation(guardian, link_id, accept: bool, now=None):
    """The guardian accepts or declines an invitation; return the link, or None if it is not theirs.

    Answering the same way twice is a no-op.
    """
    now = now or utc_now()
    with database.atomic():
        link = (GuardianLink
                .select()
                .where((GuardianLink.id == link_id) & (GuardianLink.guardian == guardian.id)
                       & GuardianLink.approved_by.is_null(False))
                .for_update()
                .first())
        if link is None:
            return None
        wanted = LinkStatus.APPROVED if accept else LinkStatus.REJECTED
        if link.status == wanted:
            return link
        if link.status != LinkStatus.PENDING:
            raise LinkRefused(_l("This invitation has already been answered."))
        changes = {GuardianLink.status: wanted}
        if accept:
            changes[GuardianLink.approved_at] = now
        GuardianLink.update(changes).where(GuardianLink.id == link.id).execute()
    with as_system(_school_of(link.student_id)):
        names = _names(guardian.id, link.student_id)
        kind = "guardian_link_approved" if accept else "guardian_invitation_declined"
        recipients = {link.approved_by_id} | ({link.student_id} if accept else set())
        for recipient in recipients:
            notifications.notify(recipient, kind, NotificationType.SYSTEM, names,
                                 key=f"guardian-link:{link.id}:{wanted}:{now.isoformat()}")
    return GuardianLink.get_by_id(link.id)


def _school_of(student_id):
    """The school of a student, read as the system (a guardian may not see the child yet)."""
    with as_system():
        return User.select(User.school).where(User.id == student_id).scalar()


# --- staff decisions -------------------------------------------------------------------


def decide_link(actor, link_id, status, now=None):
    """Staff approve, reject or block a link (or unblock it); return the link, None if not theirs.

    An invitation still waiting for the guardian's answer can only be withdrawn (REJECTED)
    or blocked: approving it is the guardian's part.
    """
    now = now or utc_now()
    if status not in LinkStatus.ALL:
        return None
    with database.atomic():
        link = (GuardianLink
                .select()
                .where((GuardianLink.id == link_id) & GuardianLink.student.in_(managed_student_ids(actor)))
                .for_update()
                .first())
        if link is None:
            return None
        if link.status == status:
            return link
        if status not in STAFF_TRANSITIONS.get(link.status, ()):
            raise LinkRefused(_l("A link that is %(now)s cannot become %(then)s.",
                                 now=link.status.lower(), then=status.lower()))
        if status == LinkStatus.APPROVED and link.approved_by_id is not None:
            raise LinkRefused(_l("This invitation waits for the guardian to accept it."))
        changes = {GuardianLink.status: status, GuardianLink.approved_by: actor.id,
                   GuardianLink.approved_at: now if status == LinkStatus.APPROVED else None}
        GuardianLink.update(changes).where(GuardianLink.id == link.id).execute()
        names = _names(link.guardian_id, link.student_id)
        if status == LinkStatus.APPROVED:
            for recipient in (link.guardian_id, link.student_id):
                notifications.notify(recipient, "guardian_link_approved", NotificationType.SYSTEM, names,
                                     key=f"guardian-link:{link.id}:approved:{now.isoformat()}")
        elif link.status == LinkStatus.PENDING:
            notifications.notify(link.guardian_id, "guardian_link_refused", NotificationType.SYSTEM, {},
                                 key=f"guardian-link:{link.id}:refused:{now.isoformat()}")
    return GuardianLink.get_by_id(link.id)


@dataclass(frozen=True)
class QueueEntry:
    """A link on the staff's queue, with the child's and the guardian's names."""
    link: GuardianLink
    student_name: str
    guardian_name: str
    guardian_username: str
    is_invitation: bool


def link_queue(actor, statuses=(LinkStatus.PENDING,), limit=200):
    """Links of the students this staff member manages, in these statuses, oldest first (one query)."""
    student_profile = Profile.alias()
    guardian_user = User.alias()
    guardian_profile = Profile.alias()
    rows = (GuardianLink
            .select(GuardianLink, student_profile.display_name.alias("student_name"),
                    guardian_user.username.alias("guardian_username"),
                    guardian_profile.display_name.alias("guardian_name"))
            .join(student_profile, JOIN.LEFT_OUTER, on=(student_profile.user == GuardianLink.student))
            .switch(GuardianLink)
            .join(guardian_user, on=(guardian_user.id == GuardianLink.guardian))
            .join(guardian_profile, JOIN.LEFT_OUTER, on=(guardian_profile.user == guardian_user.id))
            .where(GuardianLink.student.in_(managed_student_ids(actor)) & GuardianLink.status.in_(list(statuses)))
            .order_by(GuardianLink.requested_at, GuardianLink.id)
            .limit(limit)
            .objects())
    return [QueueEntry(link, link.student_name, link.guardian_name, link.guardian_username,
                       link.status == LinkStatus.PENDING and link.approved_by_id is not None)
            for link in rows]


def guardians_of_student(student_id):
    """Who is linked to this student, in every status, with their names (one query; for the student)."""
    guardian_user = User.alias()
    return list(GuardianLink
                .select(GuardianLink, guardian_user, Profile)
                .join(guardian_user, on=(guardian_user.id == GuardianLink.guardian), attr="guardian_user")
                .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == guardian_user.id), attr="profile")
                .where(GuardianLink.student == student_id)
                .order_by(GuardianLink.status, Profile.display_name))
