"""Reading the audit trail: who changed what, when (issue 5).

Rows are read through row-level security: a school's admin sees the rows of their school,
the platform admin every row. The trail is large and only grows, so a page fetches one
row more than it shows instead of counting them all.
"""
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from peewee import JOIN

from spark.models import AuditLog, Profile, User

ENTRIES_PER_PAGE = 50
ACTIONS = ("INSERT", "UPDATE", "DELETE")
# The tables with the audit trigger (sql/0008, sql/0014).
TABLES = ("users", "enrollments", "guardian_links", "guardian_consents", "guardian_link_codes", "submissions",
          "submission_answers", "assignment_submissions", "classes", "class_courses", "schools", "badges",
          "sync_conflicts", "reward_ledger")


@dataclass(frozen=True)
class AuditFilters:
    """What the admin asked for: who (a username), what action, which table, days from and to."""
    who: str = ""
    action: str = ""
    table: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class AuditPage:
    """One page of entries, and whether there is another after it."""
    entries: list
    page: int
    has_next: bool


def audit_entries(filters: AuditFilters, timezone_name, page=1):
    """The audit rows matching the filters, newest first, a page at a time (one query).

    Days are the school's calendar days (`timezone_name`): "until" includes its whole day.
    """
    zone = ZoneInfo(timezone_name or "Asia/Kolkata")
    actor_profile = Profile.alias()
    query = (AuditLog
             .select(AuditLog, User.username.alias("actor_username"),
                     actor_profile.display_name.alias("actor_name"))
             .join(User, JOIN.LEFT_OUTER, on=(User.id == AuditLog.user))
             .join(actor_profile, JOIN.LEFT_OUTER, on=(actor_profile.user == User.id)))
    if filters.who.strip():
        query = query.where(User.username == filters.who.strip().lower())
    if filters.action in ACTIONS:
        query = query.where(AuditLog.action == filters.action)
    if filters.table in TABLES:
        query = query.where(AuditLog.table_name == filters.table)
    if filters.since:
        query = query.where(AuditLog.created_at >= datetime.combine(filters.since, time(), zone))
    if filters.until:
        query = query.where(AuditLog.created_at < datetime.combine(filters.until + timedelta(days=1), time(), zone))
    page = max(1, page)
    rows = list(query
                .order_by(AuditLog.created_at.desc(), AuditLog.id)
                .limit(ENTRIES_PER_PAGE + 1)
                .offset((page - 1) * ENTRIES_PER_PAGE)
                .objects())
    return AuditPage(rows[:ENTRIES_PER_PAGE], page, len(rows) > ENTRIES_PER_PAGE)


def changed_fields(entry):
    """The names of the columns an UPDATE changed (for a one-line summary)."""
    old, new = entry.old_values or {}, entry.new_values or {}
    return sorted(key for key in set(old) | set(new)
                  if old.get(key) != new.get(key) and key not in ("updated_at",))
