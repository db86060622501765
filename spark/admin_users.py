"""A school admin manages the school's accounts (issue 5).

Every change goes through the users table, whose audit trigger records it. A school
must keep at least one active admin: deactivating one, or changing their role, is
refused when no other would be left. The check locks the school's row first, so two
admins removing each other at the same moment cannot both succeed.
"""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from peewee import JOIN

from spark.accounts import end_all_sessions, set_user_active
from spark.guardian_links import account_exists, one_time_password
from spark.models import Profile, School, User
from spark.models.base import utc_now
from spark.models.enums import Role
from spark.passwords import hash_password
from spark.people import create_user

USERS_PER_PAGE = 25


class AccountChangeRefused(Exception):
    """An account change the rules refuse; `message` says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class UserPage:
    """One page of a school's users and how many there are in all."""
    users: list
    total: int
    page: int
    per_page: int = USERS_PER_PAGE

    @property
    def pages(self):
        """How many pages there are (at least one)."""
        return max(1, -(-self.total // self.per_page))


def _like(text):
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def school_users(school_id, search="", role=None, page=1):
    """The school's users matching a search (username, email or name) and a role, a page at a time (two queries)."""
    query = (User
             .select(User, Profile)
             .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
             .where(User.school == school_id))
    if role in Role.ALL:
        query = query.where(User.role == role)
    search = (search or "").strip()
    if search:
        pattern = _like(search)  # ** is ILIKE; backslash escapes % and _ typed by the admin
        query = query.where((User.username ** pattern) | (User.email ** pattern)
                            | (Profile.display_name ** pattern))
    total = query.count()
    page = max(1, min(page, max(1, -(-total // USERS_PER_PAGE))))
    users = list(query.order_by(User.role, Profile.display_name, User.username)
                 .paginate(page, USERS_PER_PAGE))
    return UserPage(users, total, page)


def school_user(school_id, user_id):
    """One user of this school, with profile, or None (another school's user is not found)."""
    return (User
            .select(User, Profile)
            .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
            .where((User.id == user_id) & (User.school == school_id))
            .first())


def create_school_user(school_id, *, username, display_name, role, email=None, grade=None,
                       preferred_language=None):
    """Create an account of this school with a one-time password; return (user, password).

    Raises AccountChangeRefused for a taken username or email, ValueError for a malformed one.
    """
    if role not in Role.ALL:
        raise AccountChangeRefused(_l("Choose a role."))
    if account_exists(username) or (email and account_exists(email)):
        raise AccountChangeRefused(_l("This username or email is already taken."))
    password = one_time_password()
    user = create_user(username=username, password=password, role=role, display_name=display_name,
                       school_id=school_id, email=email or None,
                       grade=grade if role == Role.STUDENT else None,
                       preferred_language=preferred_language or None, one_time_password=True)
    return user, password


def _other_active_admins(school_id, user_id):
    """How many active admins the school has besides this user, with the school's row locked."""
    list(School.select(School.id).where(School.id == school_id).for_update())
    return (User
            .select()
            .where((User.school == school_id) & (User.role == Role.ADMIN) & User.is_active
                   & (User.id != user_id))
            .count())


def set_active(actor, user, active: bool):
    """Deactivate (ending the account's sessions) or reactivate a user of the actor's school."""
    if user.is_active == active:
        return user
    if not active:
        if user.id == actor.id:
            raise AccountChangeRefused(_l("You cannot deactivate your own account."))
        if user.role == Role.ADMIN and _other_active_admins(user.school_id, user.id) == 0:
            raise AccountChangeRefused(_l("The school must keep at least one active admin."))
    set_user_active(user, active)
    return user


def reset_password(user):
    """Give a user a new one-time password (shown once) and end their sessions; return it."""
    password = one_time_password()
    (User
     .update(password_hash=hash_password(password), password_changed_at=utc_now(), must_change_password=True)
     .where(User.id == user.id)
     .execute())
    end_all_sessions(user)
    return password


def change_role(actor, user, role):
    """Change a user's role in the school; the school keeps at least one active admin."""
    if role not in Role.ALL:
        raise AccountChangeRefused(_l("Choose a role."))
    if user.role == role:
        return user
    if user.id == actor.id:
        raise AccountChangeRefused(_l("Ask another admin to change your own role."))
    if user.role == Role.ADMIN and user.is_active and _other_active_admins(user.school_id, user.id) == 0:
        raise AccountChangeRefused(_l("The school must keep at least one active admin."))
    # A new role ends the user's sessions: a session carries the role it was opened with.
    User.update(role=role, session_version=User.session_version + 1).where(User.id == user.id).execute()
    user.role = role
    return user
