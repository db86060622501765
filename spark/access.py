"""Who may see which students and classes, written once (STYLE.md, 4).

Each rule is a query filter (a subquery of ids) and a per-object check built on
it. The same rules exist as row-level security policies in `sql/`
(`spark_visible_student_ids()`): the database is the second wall.
"""
from peewee import Value

from spark.models import Enrollment, GuardianLink, SchoolClass, User
from spark.models.enums import LinkStatus, Role


def student_ids_visible_to(user):
    """A subquery of the ids of the students this user may see."""
    if user.role == Role.STUDENT:
        return User.select(User.id).where(User.id == user.id)
    if user.role == Role.TEACHER:
        return (Enrollment
                .select(Enrollment.student)
                .join(SchoolClass)
                .where(SchoolClass.teacher == user.id))
    if user.role == Role.GUARDIAN:
        return (GuardianLink
                .select(GuardianLink.student)
                .where((GuardianLink.guardian == user.id)
                       & (GuardianLink.status == LinkStatus.APPROVED)))
    if user.role == Role.ADMIN and user.school_id:
        return User.select(User.id).where((User.school == user.school_id) & (User.role == Role.STUDENT))
    return User.select(User.id).where(Value(False))


def class_ids_visible_to(user):
    """A subquery of the ids of the classes this user may open."""
    if user.role == Role.TEACHER:
        return SchoolClass.select(SchoolClass.id).where(SchoolClass.teacher == user.id)
    if user.role == Role.ADMIN and user.school_id:
        return SchoolClass.select(SchoolClass.id).where(SchoolClass.school == user.school_id)
    if user.role in (Role.STUDENT, Role.GUARDIAN):
        return (Enrollment
                .select(Enrollment.school_class)
                .where(Enrollment.student.in_(student_ids_visible_to(user))))
    return SchoolClass.select(SchoolClass.id).where(Value(False))


def visible_class(user, class_id):
    """The class with this id if this user may open it, else None."""
    return (SchoolClass
            .select()
            .where((SchoolClass.id == class_id) & (SchoolClass.id.in_(class_ids_visible_to(user))))
            .first())
