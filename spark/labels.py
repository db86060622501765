"""Words shown to people for the values the database stores."""
from flask_babel import lazy_gettext as _l

ENROLLMENT_STATUS_NAMES = {
    "ACTIVE": _l("Active"),
    "INACTIVE": _l("Inactive"),
    "COMPLETED": _l("Completed"),
    "DROPPED": _l("Dropped"),
}

LINK_STATUS_NAMES = {
    "PENDING": _l("Waiting for approval"),
    "APPROVED": _l("Approved"),
    "REJECTED": _l("Not approved"),
    "BLOCKED": _l("Blocked"),
}

ROLE_NAMES = {
    "STUDENT": _l("Student"),
    "TEACHER": _l("Teacher"),
    "GUARDIAN": _l("Guardian"),
    "ADMIN": _l("School admin"),
}

PROGRESS_STATUS_NAMES = {
    "NOT_STARTED": _l("Not started"),
    "IN_PROGRESS": _l("In progress"),
    "COMPLETED": _l("Completed"),
    "LOCKED": _l("Locked"),
}

PRIORITY_NAMES = {
    "LOW": _l("Low"),
    "NORMAL": _l("Normal"),
    "HIGH": _l("Important"),
    "URGENT": _l("Urgent"),
}

REWARD_REASONS = {
    "LESSON_COMPLETED": _l("Finished a lesson"),
    "QUIZ_PASSED": _l("Passed a quiz"),
    "PERFECT_SCORE": _l("Perfect score in a quiz"),
    "STREAK_MILESTONE": _l("Learning streak"),
    "BADGE_EARNED": _l("Earned a badge"),
    "ACHIEVEMENT": _l("Achievement"),
    "ADJUSTMENT": _l("Adjusted by your school"),
}

CURRENCY_NAMES = {"XP": _l("XP"), "CRYSTALS": _l("crystals"), "SPARKS": _l("sparks")}

METRIC_NAMES = {
    "lessons_completed": _l("Lessons finished"),
    "quizzes_passed": _l("Quizzes passed"),
    "perfect_scores": _l("Perfect scores"),
    "streak_days": _l("Days in a row"),
    "level": _l("Level"),
    "xp_total": _l("XP"),
    "xp_in_subject": _l("XP in a subject"),
    "course_lessons_completed": _l("Lessons of the course finished"),
}
