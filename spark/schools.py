"""A school at a glance, for its admins and for the platform admin."""
from peewee import fn

from spark.models import Course, GuardianLink, School, SchoolClass, User
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
