"""Signing in and out, passwords, and ending sessions.

A session is valid while its token (`user id . session_version`) matches the
user's row: signing out, changing the password or being deactivated bumps the
version, which ends every other session of that user at its next request.
"""
from datetime import datetime, timedelta, timezone

from spark.db import database, set_acting_context
from spark.models import LoginThrottle, User
from spark.passwords import check_new_password, hash_password, needs_rehash, verify_password

# Failures allowed on one account within the window before it must wait.
FAILURES_BEFORE_WAIT = 5
FAILURE_WINDOW = timedelta(minutes=15)
FIRST_WAIT = timedelta(minutes=1)
LONGEST_WAIT = timedelta(minutes=15)


class SignInRefused(Exception):
    """Wrong password or unknown account: the two are answered alike."""


class SignInThrottled(Exception):
    """Too many recent failures on this account; `retry_after` is in seconds."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


class AccountInactive(Exception):
    """The password was right but the account has been deactivated."""


def utcnow() -> datetime:
    """The current moment, timezone-aware in UTC."""
    return datetime.now(timezone.utc)


def session_token(user) -> str:
    """The token a session keeps: it stops matching when the user's sessions are ended."""
    return f"{user.id}.{user.session_version}"


def parse_session_token(token: str):
    """Split a session token into (user id, version); None when malformed."""
    user_id, _, version = (token or "").partition(".")
    if len(user_id) != 36 or not version.isdigit():
        return None
    return user_id, int(version)


def sign_in(identifier: str, password: str, ip=None, user_agent=None, now=None) -> User:
    """Check a username-or-email and password; return the user, acting as them from now on.

    Throttling is per account name, not per address: a whole school shares one
    address, so one student guessing must not lock out the others.
    """
    now = now or utcnow()
    key = identifier.strip().lower()[:255]
    refuse_if_throttled(key, now)
    candidate = _login_candidate(key)
    if not verify_password(candidate["password_hash"] if candidate else None, password):
        record_failure(key, now)
        raise SignInRefused()
    if not candidate["is_active"]:
        raise AccountInactive()
    LoginThrottle.delete().where(LoginThrottle.identifier == key).execute()
    set_acting_context(candidate["id"], candidate["role"], candidate["school_id"], ip, user_agent)
    changes = {User.last_login_at: now}
    if needs_rehash(candidate["password_hash"]):
        changes[User.password_hash] = hash_password(password)
    User.update(changes).where(User.id == candidate["id"]).execute()
    return User.get_by_id(candidate["id"])


def _login_candidate(key: str):
    cursor = database.execute_sql(
        "SELECT id, password_hash, is_active, role, school_id, session_version"
        " FROM spark_login_candidate(%s)", (key,))
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip(("id", "password_hash", "is_active", "role", "school_id", "session_version"), row))


def refuse_if_throttled(key: str, now: datetime) -> None:
    """Raise SignInThrottled while `key` (an account name, or another guessable secret's owner) must wait."""
    throttle = LoginThrottle.get_or_none(LoginThrottle.identifier == key)
    if throttle and throttle.locked_until and throttle.locked_until > now:
        raise SignInThrottled(max(1, int((throttle.locked_until - now).total_seconds() + 0.999)))


def record_failure(key: str, now: datetime) -> None:
    """Count a failure atomically; past the limit, each failure doubles the wait."""
    window_start = now - FAILURE_WINDOW
    database.execute_sql(
        "INSERT INTO login_throttles (identifier, failures, first_failed_at, updated_at)"
        " VALUES (%s, 1, %s, %s)"
        " ON CONFLICT (identifier) DO UPDATE SET"
        "  failures = CASE WHEN login_throttles.first_failed_at < %s THEN 1"
        "                  ELSE login_throttles.failures + 1 END,"
        "  first_failed_at = CASE WHEN login_throttles.first_failed_at < %s THEN EXCLUDED.first_failed_at"
        "                         ELSE login_throttles.first_failed_at END,"
        "  updated_at = EXCLUDED.updated_at",
        (key, now, now, window_start, window_start))
    throttle = LoginThrottle.get(LoginThrottle.identifier == key)
    extra = throttle.failures - FAILURES_BEFORE_WAIT
    if extra >= 0:
        wait = min(LONGEST_WAIT, FIRST_WAIT * (2 ** min(extra, 10)))
        (LoginThrottle
         .update(locked_until=now + wait)
         .where(LoginThrottle.identifier == key)
         .execute())


def end_all_sessions(user) -> int:
    """End every session of this user (sign-out, password change, deactivation)."""
    (User
     .update(session_version=User.session_version + 1)
     .where(User.id == user.id)
     .execute())
    user.session_version = User.select(User.session_version).where(User.id == user.id).scalar()
    return user.session_version


def change_password(user, current_password: str, new_password: str, now=None) -> None:
    """Replace a user's password after checking the current one; ends their other sessions."""
    stored = User.select(User.password_hash).where(User.id == user.id).scalar()
    if not verify_password(stored, current_password):
        raise SignInRefused()
    check_new_password(new_password, user.username)
    (User
     .update(password_hash=hash_password(new_password),
             password_changed_at=now or utcnow(),
             must_change_password=False,
             session_version=User.session_version + 1)
     .where(User.id == user.id)
     .execute())
    user.session_version = User.select(User.session_version).where(User.id == user.id).scalar()
    user.must_change_password = False


def set_user_active(user, active: bool) -> None:
    """Deactivate or reactivate an account; deactivation ends its sessions at once."""
    changes = {User.is_active: active}
    if not active:
        changes[User.session_version] = User.session_version + 1
    User.update(changes).where(User.id == user.id).execute()
    user.is_active = active


def set_preferred_language(user, language: str | None) -> None:
    """Remember the language a user chose for the interface."""
    User.update(preferred_language=language).where(User.id == user.id).execute()
    user.preferred_language = language

