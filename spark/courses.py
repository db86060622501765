"""The courses a student follows, their lessons in order, and which are open to them.

A student follows the published courses linked to the classes they are actively
enrolled in. A lesson is locked until the lesson before it is completed, and
every lesson of a course is locked until its prerequisite courses are completed.
"""
from dataclasses import dataclass

from peewee import JOIN, fn

from spark.models import ClassCourse, Course, Enrollment, Lesson, StudentProgress
from spark.models.enums import EnrollmentStatus, ProgressStatus


def course_ids_of_student(student_id):
    """A subquery of the ids of the published courses this student follows."""
    return (ClassCourse
            .select(ClassCourse.course)
            .join(Enrollment, on=(Enrollment.school_class == ClassCourse.school_class))
            .join_from(ClassCourse, Course)
            .where((Enrollment.student == student_id)
                   & (Enrollment.status == EnrollmentStatus.ACTIVE)
                   & Course.is_published))


def courses_of_student(student_id):
    """The student's courses, each with its number of published and completed lessons (one query)."""
    completed = fn.COUNT(StudentProgress.id).filter(StudentProgress.status == ProgressStatus.COMPLETED)
    return list(
        Course
        .select(Course, fn.COUNT(Lesson.id.distinct()).alias("lesson_count"), completed.alias("completed_count"))
        .join(Lesson, JOIN.LEFT_OUTER, on=((Lesson.course == Course.id) & Lesson.is_published))
        .join(StudentProgress, JOIN.LEFT_OUTER,
              on=((StudentProgress.lesson == Lesson.id) & (StudentProgress.student == student_id)))
        .where(Course.id.in_(course_ids_of_student(student_id)))
        .group_by(Course.id)
        .order_by(Course.subject, Course.title))


def course_of_student(student_id, course_id):
    """The course if this student follows it, else None."""
    return (Course
            .select()
            .where((Course.id == course_id) & Course.id.in_(course_ids_of_student(student_id)))
            .first())


@dataclass(frozen=True)
class LessonState:
    """A lesson as one student sees it in the course outline."""

    lesson: Lesson
    status: str          # NOT_STARTED, IN_PROGRESS, COMPLETED or LOCKED
    progress: float
    locked_reason: str | None  # "previous" or "prerequisite" when LOCKED


def lesson_states(student_id, course) -> list[LessonState]:
    """The published lessons of a course in order, with this student's status of each (two queries)."""
    lessons = list(
        Lesson
        .select(Lesson, StudentProgress)
        .join(StudentProgress, JOIN.LEFT_OUTER, attr="my_progress",
              on=((StudentProgress.lesson == Lesson.id) & (StudentProgress.student == student_id)))
        .where((Lesson.course == course.id) & Lesson.is_published)
        .order_by(Lesson.order_index))
    prerequisites_met = _prerequisites_met(student_id, course)
    states, previous_done = [], True
    for lesson in lessons:
        progress = lesson.my_progress if lesson.my_progress and lesson.my_progress.id else None
        status = progress.status if progress else ProgressStatus.NOT_STARTED
        reason = None
        if status != ProgressStatus.COMPLETED:
            if not prerequisites_met:
                reason = "prerequisite"
            elif not previous_done:
                reason = "previous"
        states.append(LessonState(lesson, ProgressStatus.LOCKED if reason else status,
                                  float(progress.progress) if progress else 0.0, reason))
        previous_done = status == ProgressStatus.COMPLETED
    return states


def _prerequisites_met(student_id, course) -> bool:
    """True when every lesson of every prerequisite course is completed."""
    if not course.prerequisites:
        return True
    lessons = Lesson.select(Lesson.id).where(Lesson.course.in_(course.prerequisites) & Lesson.is_published)
    unfinished = (lessons
                  .join(StudentProgress, JOIN.LEFT_OUTER,
                        on=((StudentProgress.lesson == Lesson.id) & (StudentProgress.student == student_id)
                            & (StudentProgress.status == ProgressStatus.COMPLETED)))
                  .where(StudentProgress.id.is_null()))
    return not unfinished.exists()


def next_lessons(student_id):
    """For each course the student follows, the first published lesson not yet completed (one query).

    "Continue where I left off" on the student's home.
    """
    done = (StudentProgress
            .select(StudentProgress.lesson)
            .where((StudentProgress.student == student_id) & (StudentProgress.status == ProgressStatus.COMPLETED)))
    first_open = (Lesson
                  .select(Lesson.course, fn.MIN(Lesson.order_index).alias("order_index"))
                  .where(Lesson.is_published & Lesson.course.in_(course_ids_of_student(student_id))
                         & Lesson.id.not_in(done))
                  .group_by(Lesson.course)
                  .alias("first_open"))
    return list(
        Lesson
        .select(Lesson, Course, StudentProgress)
        .join(first_open, on=((first_open.c.course_id == Lesson.course)
                              & (first_open.c.order_index == Lesson.order_index)))
        .join_from(Lesson, Course)
        .join_from(Lesson, StudentProgress, JOIN.LEFT_OUTER, attr="my_progress",
                   on=((StudentProgress.lesson == Lesson.id) & (StudentProgress.student == student_id)))
        .order_by(Course.subject, Course.title))
