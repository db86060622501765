"""What a student's home page shows, gathered in a fixed number of queries."""
from dataclasses import dataclass
from datetime import timedelta

from peewee import JOIN

from spark.classes import classes_of_student
from spark.courses import next_lessons
from spark.levels import xp_for_level
from spark.models import (Achievement, Assignment, AssignmentSubmission, Badge, EarnedBadge, Enrollment)
from spark.models.enums import EnrollmentStatus

DUE_SOON = timedelta(days=14)


@dataclass(frozen=True)
class StudentHome:
    """The student's home: where to continue, how far to the next level, what is new and due."""

    next_lessons: list
    xp_into_level: int
    xp_level_span: int
    recent_badges: list
    recent_achievements: list
    assignments_due: list
    enrollments: list


def student_home(student_id, profile, now) -> StudentHome:
    """Everything on the student's home page (six queries, whatever the numbers of rows)."""
    level_start = xp_for_level(profile.level)
    return StudentHome(
        next_lessons=next_lessons(student_id),
        xp_into_level=profile.xp_points - level_start,
        xp_level_span=xp_for_level(profile.level + 1) - level_start,
        recent_badges=list(EarnedBadge.select(EarnedBadge, Badge).join(Badge)
                           .where(EarnedBadge.user == student_id)
                           .order_by(EarnedBadge.earned_at.desc()).limit(3)),
        recent_achievements=list(Achievement.select().where(Achievement.student == student_id)
                                 .order_by(Achievement.earned_at.desc()).limit(3)),
        assignments_due=assignments_due(student_id, now),
        enrollments=classes_of_student(student_id),
    )


def assignments_due(student_id, now):
    """Published assignments of the student's classes due in the next two weeks, not yet handed in."""
    my_classes = (Enrollment.select(Enrollment.school_class)
                  .where((Enrollment.student == student_id) & (Enrollment.status == EnrollmentStatus.ACTIVE)))
    return list(
        Assignment
        .select(Assignment)
        .join(AssignmentSubmission, JOIN.LEFT_OUTER,
              on=((AssignmentSubmission.assignment == Assignment.id)
                  & (AssignmentSubmission.student == student_id)))
        .where(Assignment.is_published & Assignment.school_class.in_(my_classes)
               & (Assignment.due_date >= now) & (Assignment.due_date <= now + DUE_SOON)
               & AssignmentSubmission.id.is_null())
        .order_by(Assignment.due_date)
        .limit(5))
