"""A school at a glance, for its admins and for the platform admin."""
from flask_babel import lazy_gettext as _l
from peewee import Cast, Value, fn

from spark.db import database
from spark.models import Badge, Course, GuardianLink, Profile, School, SchoolClass, User
from spark.models.enums import LinkStatus, Role


def school_overview(school_id) -> dict:
    """How many students, teachers, guardians, classes and courses a school has (one query)."""
    def people(role):
        return (User
                .select(fn.COUNT(User.id))
                .where((User.school == school_id) & (User.role == role) & User.is_active))

    students = User.select(User.id).where(User.school == school_id, User.role == Role.STUDENT)

    def links(status):
        return (GuardianLink
                .select(fn.COUNT(GuardianLink.id))
                .where(GuardianLink.student.in_(students) & (GuardianLink.status == status)))

    row = (School
           .select(
               people(Role.STUDENT).alias("students"),
               people(Role.TEACHER).alias("teachers"),
               people(Role.ADMIN).alias("admins"),
               links(LinkStatus.APPROVED).alias("guardians_linked"),
               links(LinkStatus.PENDING).alias("links_pending"),
               SchoolClass.select(fn.COUNT(SchoolClass.id))
               .where((SchoolClass.school == school_id) & SchoolClass.is_active).alias("classes"),
               Course.select(fn.COUNT(Course.id))
               .where((Course.school == school_id) | Course.school.is_null()).alias("courses"))
           .where(School.id == school_id)
           .dicts()
           .first())
    return row or {}


def schools_with_counts():
    """Every school with its number of active students and teachers (one query)."""
    def people(role):
        return (User
                .select(fn.COUNT(User.id))
                .where((User.school == School.id) & (User.role == role) & User.is_active))

    return list(
        School
        .select(School, people(Role.STUDENT).alias("students"), people(Role.TEACHER).alias("teachers"))
        .order_by(School.name))


# --- what admins change ----------------------------------------------------------------


class SchoolRefused(Exception):
    """A school or badge change the rules refuse; `message` says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


# schools.settings keys an admin may set, with their defaults.
SETTING_DEFAULTS = {
    # Whether school-wide leaderboards show full names (else first name and initial).
    # A child's name appears on them only with a guardian's consent (spark/consent.py).
    "leaderboard_full_names": False,
}

SCHOOL_FIELDS = ("name", "address", "district", "state", "timezone", "contact_email", "contact_phone",
                 "default_language")


def school_settings(school):
    """The school's settings with defaults filled in."""
    return {**SETTING_DEFAULTS, **{k: v for k, v in (school.settings or {}).items() if k in SETTING_DEFAULTS}}


def is_known_timezone(name) -> bool:
    """True for an IANA time zone name this server knows (zoneinfo)."""
    from zoneinfo import available_timezones
    return bool(name) and name in available_timezones()


def update_school(school_id, values: dict, settings: dict):
    """Save a school's details and settings (the admin's own school, or any for the platform admin).

    Returns the school, or None when the actor may not change it (RLS hides it or refuses).
    """
    if not is_known_timezone(values.get("timezone")):
        raise SchoolRefused(_l("Choose a time zone from the list."))
    school = School.get_or_none(School.id == school_id)
    if school is None:
        return None
    changes = {getattr(School, key): (values.get(key) or None) if key in ("address", "district", "state",
                                                                         "contact_email", "contact_phone")
               else values.get(key)
               for key in SCHOOL_FIELDS if key in values}
    merged = {**(school.settings or {}), **{k: settings[k] for k in SETTING_DEFAULTS if k in settings}}
    changes[School.settings] = merged
    updated = School.update(changes).where(School.id == school_id).execute()
    return School.get_by_id(school_id) if updated else None


def create_school(values: dict, settings: dict | None = None):
    """The platform admin adds a school; return it."""
    if not is_known_timezone(values.get("timezone")):
        raise SchoolRefused(_l("Choose a time zone from the list."))
    fields = {key: (values.get(key) or None) for key in SCHOOL_FIELDS}
    fields["name"] = values["name"]
    fields["timezone"] = values["timezone"]
    fields["default_language"] = values.get("default_language") or "en"
    fields["settings"] = {**SETTING_DEFAULTS, **(settings or {})}
    return School.create(**fields)


# --- school badges ---------------------------------------------------------------------


def school_badges(school_id):
    """The school's own badges and the platform's, the school's first (one query)."""
    return list(Badge
                .select()
                .where((Badge.school == school_id) | Badge.school.is_null())
                .order_by(Badge.school.is_null(), Badge.name))


def school_badge(school_id, badge_id):
    """One of the school's own badges (platform badges are not the school's to edit), or None."""
    return Badge.get_or_none((Badge.id == badge_id) & (Badge.school == school_id))


def criteria_problem(criteria):
    """None when a criteria document is valid (the SQL rules, sql/0004), else what is wrong."""
    import json
    if not isinstance(criteria, dict):
        return _l("The criteria must be a JSON object.")
    valid = database.execute_sql("SELECT badge_criteria_is_valid(%s::jsonb)", (json.dumps(criteria),)).fetchone()[0]
    if not valid:
        return _l("These criteria are not valid: each condition needs a known measure and a number of at least 0.")
    return None


def save_school_badge(school_id, badge_id, values: dict):
    """Create (badge_id None) or edit one of the school's badges; return it, or None if not the school's."""
    problem = criteria_problem(values.get("criteria"))
    if problem:
        raise SchoolRefused(problem)
    taken = (Badge.select()
             .where((Badge.school == school_id) & (fn.lower(Badge.name) == values["name"].strip().lower())
                    & ((Badge.id != badge_id) if badge_id else True))
             .exists())
    if taken:
        raise SchoolRefused(_l("The school already has a badge with this name."))
    fields = {key: values[key] for key in ("name", "description", "category", "rarity", "criteria", "xp_reward",
                                           "crystal_reward", "spark_reward", "is_active") if key in values}
    if badge_id is None:
        return Badge.create(school=school_id, **fields)
    if school_badge(school_id, badge_id) is None:
        return None
    Badge.update({getattr(Badge, k): v for k, v in fields.items()}).where(Badge.id == badge_id).execute()
    return Badge.get_by_id(badge_id)


def who_would_earn(school_id, criteria, limit=100):
    """The school's active students who meet these criteria now (nothing is awarded; one query)."""
    import json
    if criteria_problem(criteria):
        return []
    return list(User
                .select(User, Profile)
                .join(Profile, on=(Profile.user == User.id), attr="profile")
                .where((User.school == school_id) & (User.role == Role.STUDENT) & User.is_active
                       & fn.evaluate_badge_criteria(User.id, Cast(Value(json.dumps(criteria)), "jsonb")))
                .order_by(Profile.display_name)
                .limit(limit))
