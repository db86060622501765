"""Notifications: short messages to one user, shown in that user's language.

The actor who causes a notification (a teacher grading, a job) may speak another
language than the recipient, so a notification stores what it says, not how it
is said: `data = {"kind": ..., "params": ..., "key": ...}`. `notification_text`
renders it in the reader's locale from `KINDS`; the English text is also stored
in `title` and `message`, the fallback for a kind this code no longer knows.

Row-level security lets a teacher create a notification for a student it cannot
read back, so rows are inserted without `RETURNING` (docs/database.md, "Traps").
"""
import contextlib
import uuid

from flask import has_app_context
from flask_babel import force_locale, lazy_gettext as _l
from peewee import fn

from spark.db import database
from spark.models import UserNotification
from spark.models.enums import NotificationPriority

# kind -> (title, message); each a format string over the notification's params.
KINDS = {
    "welcome": (
        _l("Namaste, %(name)s!"),
        _l("Welcome to Spark. Finish a lesson today to start your streak.")),
    "level_up": (
        _l("Level %(level)s!"),
        _l("You reached level %(level)s. Keep going!")),
    "badge_earned": (
        _l("New badge: %(name)s"),
        _l("You earned the badge \u201c%(name)s\u201d. Well done!")),
    "streak_milestone": (
        _l("%(days)s days in a row!"),
        _l("You learned %(days)s days in a row and earned %(sparks)s sparks.")),
    # Grades from a teacher (issue 4: spark/assignments.py, spark/essay_grading.py).
    "assignment_graded": (
        _l("Graded: %(title)s"),
        _l("Your teacher graded \u201c%(title)s\u201d: %(score)s out of %(max)s.")),
    "quiz_graded": (
        _l("Quiz graded: %(title)s"),
        _l("Your teacher graded your answers in \u201c%(title)s\u201d: your score is %(score)s%%.")),
    # Guardian links and the weekly summary (issue 5: spark/guardian_links.py, spark/guardian_week.py).
    "guardian_link_request": (
        _l("New guardian link request"),
        _l("%(guardian)s asked to follow the learning of %(student)s.")),
    "guardian_link_approved": (
        _l("Guardian link approved"),
        _l("%(guardian)s now follows the learning of %(student)s.")),
    "guardian_link_refused": (
        _l("Link request not approved"),
        _l("The school did not approve your request to follow a child.")),
    "guardian_invited": (
        _l("Invitation from %(school)s"),
        _l("%(school)s invites you to follow the learning of %(student)s. Open Spark to accept or decline.")),
    "guardian_invitation_declined": (
        _l("Invitation declined"),
        _l("%(guardian)s declined the invitation to follow %(student)s.")),
    "guardian_weekly_summary": (
        _l("The week of %(student)s"),
        _l("%(days)s days active, %(minutes)s minutes, %(lessons)s lessons and %(quizzes)s quizzes this week."
           " Streak: %(streak)s days. Level %(level)s.")),
}

TITLE_MAX = 200  # user_notifications.title is varchar(200)


class UnknownNotificationKind(ValueError):
    """A notification kind that is not in KINDS."""


def _render(kind, params):
    title, message = KINDS[kind]
    return str(title) % params, str(message) % params


def _english(kind, params):
    # No app context (a job run outside Flask): gettext falls back to the source
    # strings, which are English.
    locale = force_locale("en") if has_app_context() else contextlib.nullcontext()
    with locale:
        return _render(kind, params)


def notify(user_id, kind, type, params, priority=NotificationPriority.NORMAL,
           expires_at=None, key=None):
    """Send `user_id` a notification of `kind`; return its id, or None if `key` was already sent.

    With a `key`, a second call with the same key for the same user adds nothing.
    The check reads the recipient's notifications, which only the recipient and
    SYSTEM may do; other actors (a teacher) should pass keys only for events that
    are themselves once-only (a new achievement, a new badge).
    """
    if kind not in KINDS:
        raise UnknownNotificationKind(kind)
    params = dict(params or {})
    title, message = _english(kind, params)
    with database.atomic():
        if key is not None:
            # Two concurrent senders of the same key wait for each other here.
            database.execute_sql("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                                 (f"notification:{user_id}:{key}",))
            if _sent(user_id, key):
                return None
        notification_id = uuid.uuid4()
        (UserNotification
         .insert(id=notification_id, user=user_id, title=title[:TITLE_MAX], message=message,
                 type=type, priority=priority, expires_at=expires_at,
                 data={"kind": kind, "params": params,
                       "key": None if key is None else str(key)})
         .on_conflict_ignore()  # the unique (user, key) index: a copy another sender made first
         .as_rowcount()  # no RETURNING: the actor may write the row but not read it
         .execute())
    return notification_id


def _sent(user_id, key):
    return (UserNotification
            .select(UserNotification.id)
            .where((UserNotification.user == user_id)
                   & (UserNotification.data["key"] == str(key)))
            .exists())


def notification_text(notification):
    """(title, message) of a notification in the current locale, or as stored."""
    data = notification.data or {}
    kind = data.get("kind")
    if kind in KINDS:
        try:
            return _render(kind, data.get("params") or {})
        except (KeyError, TypeError, ValueError):
            pass  # params of an older shape: the stored English text still reads well
    return notification.title, notification.message


def _visible(user_id):
    return ((UserNotification.user == user_id)
            & (UserNotification.expires_at.is_null() | (UserNotification.expires_at > fn.now())))


def unread_count(user_id):
    """How many unread, unexpired notifications the user has."""
    return (UserNotification
            .select()
            .where(_visible(user_id) & (UserNotification.is_read == False))  # noqa: E712
            .count())


def notifications_for(user_id, limit=50):
    """The user's unexpired notifications: unread first, then newest first."""
    return list(UserNotification
                .select()
                .where(_visible(user_id))
                .order_by(UserNotification.is_read, UserNotification.created_at.desc(),
                          UserNotification.id)
                .limit(limit))


def mark_read(user_id, notification_id):
    """Mark one of the user's notifications read; False when it is not theirs (or not found)."""
    updated = (UserNotification
               .update(is_read=True)
               .where((UserNotification.id == notification_id)
                      & (UserNotification.user == user_id))
               .execute())
    return updated > 0


def mark_all_read(user_id):
    """Mark every unread notification of the user read; return how many changed."""
    return (UserNotification
            .update(is_read=True)
            .where((UserNotification.user == user_id)
                   & (UserNotification.is_read == False))  # noqa: E712
            .execute())
