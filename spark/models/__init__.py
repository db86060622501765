"""Peewee models of Spark's tables, one module per area; `sql/` is their truth.

`class_performance_summary` (a materialized view) has no model: only its owner
may read it, and everyone else reads one class's row through the SQL function
`class_performance(class_id)`.
"""
from spark.models.base import BaseModel
from spark.models.schools import (
    ClassCourse, Enrollment, Profile, School, SchoolClass, User,
)
from spark.models.content import (
    ContentTranslation, Course, Lesson, Question, Quiz,
)
from spark.models.progress import (
    ClassAnalytics, LearningAnalytics, StudentProgress, Submission,
    SubmissionAnswer,
)
from spark.models.rewards import (
    Achievement, Badge, EarnedBadge, Leaderboard, RewardLedger,
)
from spark.models.guardians import GuardianLink
from spark.models.consent import GuardianConsent, GuardianLinkCode
from spark.models.assignments import Assignment, AssignmentSubmission
from spark.models.uploads import Upload
from spark.models.notifications import UserNotification
from spark.models.sync import SyncConflict, SyncLog, SyncLogArchive
from spark.models.offline_sync import SavedLesson, SyncAction
from spark.models.guilds import Guild, GuildMembership, GuildQuest
from spark.models.companion import AiInteraction, LearningPreference
from spark.models.audit import AuditLog, LoginThrottle
from spark.models.authoring import RetiredQuestion

ALL_MODELS = [
    School, User, Profile, SchoolClass, Enrollment, ClassCourse,
    Course, Lesson, Quiz, Question, ContentTranslation, RetiredQuestion,
    StudentProgress, Submission, SubmissionAnswer, LearningAnalytics,
    ClassAnalytics,
    RewardLedger, Badge, EarnedBadge, Achievement, Leaderboard,
    GuardianLink, GuardianLinkCode, GuardianConsent,
    Assignment, AssignmentSubmission, Upload,
    UserNotification,
    SyncLog, SyncLogArchive, SyncConflict, SyncAction, SavedLesson,
    Guild, GuildMembership, GuildQuest,
    AiInteraction, LearningPreference,
    AuditLog, LoginThrottle,
]

__all__ = ['ALL_MODELS', 'BaseModel'] + [m.__name__ for m in ALL_MODELS]
