"""Classes, their rosters, and the classes a student is in."""
from collections import defaultdict

from peewee import JOIN, fn

from spark.models import Enrollment, Profile, SchoolClass, User
from spark.models.enums import EnrollmentStatus


def classes_of_student(student_id):
    """The student's active classes with each teacher's profile (one query)."""
    teacher = User.alias()
    teacher_profile = Profile.alias()
    return list(
        Enrollment
        .select(Enrollment, SchoolClass, teacher, teacher_profile)
        .join(SchoolClass)
        .join(teacher, on=(SchoolClass.teacher == teacher.id))
        .join(teacher_profile, JOIN.LEFT_OUTER, on=(teacher_profile.user == teacher.id), attr="profile")
        .where((Enrollment.student == student_id) & (Enrollment.status == EnrollmentStatus.ACTIVE))
        .order_by(SchoolClass.subject, SchoolClass.name))


def classes_taught_with_rosters(teacher_id):
    """The teacher's classes, each with its roster (two queries, whatever the class sizes)."""
    classes = list(
        SchoolClass
        .select()
        .where(SchoolClass.teacher == teacher_id)
        .order_by(SchoolClass.is_active.desc(), SchoolClass.grade, SchoolClass.name))
    rosters = rosters_of([c.id for c in classes])
    return [(school_class, rosters.get(school_class.id, [])) for school_class in classes]


def rosters_of(class_ids):
    """Map each class id to its enrollments, with each student's user and profile."""
    if not class_ids:
        return {}
    rows = (Enrollment
            .select(Enrollment, User, Profile)
            .join(User, on=(Enrollment.student == User.id))
            .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
            .where(Enrollment.school_class.in_(class_ids))
            .order_by(Profile.display_name, User.username))
    rosters = defaultdict(list)
    for enrollment in rows:
        rosters[enrollment.class_id].append(enrollment)
    return rosters


def classes_with_student_counts(school_id):
    """The school's classes with their teacher and number of active students (one query)."""
    teacher_profile = Profile.alias()
    active = fn.COUNT(Enrollment.id).filter(Enrollment.status == EnrollmentStatus.ACTIVE)
    return list(
        SchoolClass
        .select(SchoolClass, teacher_profile, active.alias("active_students"))
        .join(teacher_profile, JOIN.LEFT_OUTER, on=(teacher_profile.user == SchoolClass.teacher),
              attr="teacher_profile")
        .switch(SchoolClass)
        .join(Enrollment, JOIN.LEFT_OUTER)
        .where(SchoolClass.school == school_id)
        .group_by(SchoolClass.id, teacher_profile.id)
        .order_by(SchoolClass.grade, SchoolClass.name))
