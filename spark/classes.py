"""Classes, their rosters, and the classes a student is in."""
import uuid
from collections import defaultdict

from flask_babel import lazy_gettext as _l
from peewee import JOIN, Case, fn

from spark import access
from spark.db import database
from spark.models import ClassCourse, Course, Enrollment, Profile, School, SchoolClass, User
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


# --- A teacher runs a class: the class itself, its roster, the courses it follows -------------
#
# Rules:
# - A teacher manages only the classes they teach (a school admin those of their school:
#   `access.class_ids_visible_to`); anything else is "not found".
# - max_students counts ACTIVE enrollments. Enrolling, reactivating and switching a status
#   back to ACTIVE all check it while the class row is locked (SELECT ... FOR UPDATE), so
#   two teachers' tabs cannot both take the last seat.
# - Enrolling is idempotent: an ACTIVE student stays as they are; a student who was
#   dropped (or inactive, completed) is made ACTIVE again rather than enrolled twice.

SEARCH_LIMIT = 20
MIN_SEARCH_LENGTH = 2


class ClassRefused(Exception):
    """A change to a class or its roster that the rules above do not allow; `message` says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def class_to_manage(user, class_id):
    """The class with its school if this user may manage it (its teacher, an admin of its school), else None."""
    return (SchoolClass
            .select(SchoolClass, School)
            .join(School)
            .where((SchoolClass.id == class_id) & (SchoolClass.id.in_(access.class_ids_visible_to(user))))
            .first())


def create_class(teacher, *, name, subject, grade, section=None, academic_year=None, max_students=50):
    """Create a class taught by this teacher in their school."""
    return SchoolClass.create(name=name.strip(), subject=subject.strip(), grade=grade,
                              section=(section or "").strip() or None,
                              academic_year=(academic_year or "").strip() or None,
                              max_students=max_students, teacher=teacher.id, school=teacher.school_id)


def update_class(school_class, *, name, subject, grade, section=None, academic_year=None, max_students=50):
    """Change a class's details; max_students may not drop below the students already active."""
    with database.atomic():
        locked = lock_class(school_class.id)
        active = active_student_count(locked.id)
        if max_students < active:
            raise ClassRefused(_l("%(num)d students are active in this class: the limit cannot be lower.",
                                  num=active))
        (SchoolClass
         .update(name=name.strip(), subject=subject.strip(), grade=grade,
                 section=(section or "").strip() or None,
                 academic_year=(academic_year or "").strip() or None, max_students=max_students)
         .where(SchoolClass.id == locked.id)
         .execute())


def set_class_active(school_class, active: bool) -> None:
    """Archive a class (is_active false) or bring it back; doing it twice changes nothing more."""
    (SchoolClass
     .update(is_active=bool(active))
     .where((SchoolClass.id == school_class.id) & (SchoolClass.is_active != bool(active)))
     .execute())


def lock_class(class_id):
    """The class row, locked until the transaction ends: every seat-taking change queues on it."""
    return SchoolClass.select().where(SchoolClass.id == class_id).for_update().get()


def active_student_count(class_id) -> int:
    """How many students are ACTIVE in the class (what max_students limits)."""
    return (Enrollment
            .select()
            .where((Enrollment.school_class == class_id) & (Enrollment.status == EnrollmentStatus.ACTIVE))
            .count())


def search_school_students(query, limit=SEARCH_LIMIT) -> list:
    """Students of the acting teacher's (or admin's) school whose name or username contains `query`.

    RLS shows a teacher only the students of their own classes, so this goes through the
    SQL function `spark_school_students_search` (sql/0011_rosters.sql), which returns just
    id, name, username and grade. Fewer than two characters find nobody.
    """
    query = (query or "").strip()[:100]
    if len(query) < MIN_SEARCH_LENGTH:
        return []
    cursor = database.execute_sql(
        "SELECT id, display_name, username, grade FROM spark_school_students_search(%s, %s)", (query, limit))
    return [StudentMatch(*row) for row in cursor.fetchall()]


class StudentMatch:
    """One student found by a search: what a teacher needs to pick them, nothing more."""

    __slots__ = ("id", "display_name", "username", "grade")

    def __init__(self, id, display_name, username, grade):
        self.id, self.display_name, self.username, self.grade = id, display_name, username, grade


def enrollment_statuses(school_class, student_ids) -> dict:
    """Map each of these students who has an enrollment in the class to its status (one query)."""
    if not student_ids:
        return {}
    rows = (Enrollment
            .select(Enrollment.student, Enrollment.status)
            .where((Enrollment.school_class == school_class.id) & (Enrollment.student.in_(list(student_ids))))
            .tuples())
    return {str(student): status for student, status in rows}


def enroll_student(school_class, student_id):
    """Make a student of the class's school an ACTIVE member of the class; return the enrollment.

    Refused when the class is full or archived, or the student is not a student of the
    school (the database's policy checks the last one again).
    """
    if not school_class.is_active:
        raise ClassRefused(_l("This class is archived: bring it back before adding students."))
    if not _is_active_student(student_id):
        raise ClassRefused(_l("We could not find that student in your school."))
    with database.atomic():
        locked = lock_class(school_class.id)
        existing = (Enrollment
                    .select()
                    .where((Enrollment.school_class == locked.id) & (Enrollment.student == student_id))
                    .first())
        if existing is not None and existing.status == EnrollmentStatus.ACTIVE:
            return existing
        if active_student_count(locked.id) >= locked.max_students:
            raise ClassRefused(_l("This class is full (%(num)d students). Raise its limit or drop a student first.",
                                  num=locked.max_students))
        if existing is not None:
            existing.status = EnrollmentStatus.ACTIVE
            existing.save(only=[Enrollment.status])
            return existing
        enrollment_id = uuid.uuid4()
        Enrollment.insert(id=enrollment_id, student=student_id, school_class=locked.id,
                          status=EnrollmentStatus.ACTIVE).execute()
        return Enrollment.get_by_id(enrollment_id)


def _is_active_student(student_id) -> bool:
    # A teacher cannot read the accounts of students outside their classes (RLS), so the
    # database answers this one question for them; another school's student is not found.
    return database.execute_sql("SELECT spark_is_school_student(%s)", (str(student_id),)).fetchone()[0]


def enrollment_in_class(school_class, enrollment_id):
    """One enrollment of this class with its student and profile, else None."""
    return (Enrollment
            .select(Enrollment, User, Profile)
            .join(User, on=(Enrollment.student == User.id))
            .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
            .where((Enrollment.id == enrollment_id) & (Enrollment.school_class == school_class.id))
            .first())


def set_enrollment_status(school_class, enrollment, status):
    """Change an enrollment's status; back to ACTIVE only while the class has a free seat."""
    if status not in EnrollmentStatus.ALL:
        raise ClassRefused(_l("Choose one of the statuses offered."))
    if status == enrollment.status:
        return enrollment
    with database.atomic():
        locked = lock_class(school_class.id)
        if status == EnrollmentStatus.ACTIVE and active_student_count(locked.id) >= locked.max_students:
            raise ClassRefused(_l("This class is full (%(num)d students). Raise its limit or drop a student first.",
                                  num=locked.max_students))
        (Enrollment
         .update(status=status)
         .where((Enrollment.id == enrollment.id) & (Enrollment.school_class == locked.id))
         .execute())
    enrollment.status = status
    return enrollment


def courses_of_class(school_class) -> list:
    """The courses the class follows, in the order they were linked."""
    return list(Course
                .select(Course, ClassCourse.assigned_at)
                .join(ClassCourse, on=(ClassCourse.course == Course.id))
                .where(ClassCourse.school_class == school_class.id)
                .order_by(ClassCourse.assigned_at, Course.title))


def courses_to_link(school_class) -> list:
    """Published courses of the class's school or of the platform that it does not follow yet.

    Any grade may be linked (a class may revise an earlier grade's course); those of the
    class's own grade and subject come first.
    """
    linked = ClassCourse.select(ClassCourse.course).where(ClassCourse.school_class == school_class.id)
    fits = Case(None, [((Course.grade == school_class.grade) & (Course.subject == school_class.subject), 0),
                       (Course.grade == school_class.grade, 1)], 2)
    return list(Course
                .published()
                .where((Course.school.is_null() | (Course.school == school_class.school_id))
                       & Course.id.not_in(linked))
                .order_by(fits, Course.subject, Course.grade, Course.title)
                .limit(200))


def link_course(school_class, course_id, teacher_id):
    """Make the class follow a published course of its school or of the platform; twice is once."""
    course = (Course
              .published()
              .where((Course.id == course_id)
                     & (Course.school.is_null() | (Course.school == school_class.school_id)))
              .first())
    if course is None:
        raise ClassRefused(_l("We could not find that course."))
    (ClassCourse
     .insert(id=uuid.uuid4(), school_class=school_class.id, course=course.id, assigned_by=teacher_id)
     .on_conflict_ignore()
     .execute())
    return course


def unlink_course(school_class, course_id) -> bool:
    """Stop the class following a course (the students keep their progress); True if it did follow it."""
    return bool(ClassCourse
                .delete()
                .where((ClassCourse.school_class == school_class.id) & (ClassCourse.course == course_id))
                .execute())
