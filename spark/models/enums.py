"""The values of each PostgreSQL enum type in `sql/`, as plain strings.

Each class names its type in `PG_TYPE` and lists its labels, in the order the
type declares them, in `ALL`. `tests/test_models_schema.py` checks both
against the live database.
"""


class Role:
    """user_role: what a person is on the platform."""
    PG_TYPE = 'user_role'
    STUDENT = 'STUDENT'
    TEACHER = 'TEACHER'
    ADMIN = 'ADMIN'
    GUARDIAN = 'GUARDIAN'
    ALL = (STUDENT, TEACHER, ADMIN, GUARDIAN)


class Difficulty:
    """difficulty_level: how hard a course is."""
    PG_TYPE = 'difficulty_level'
    EASY = 'EASY'
    MEDIUM = 'MEDIUM'
    HARD = 'HARD'
    EPIC = 'EPIC'
    ALL = (EASY, MEDIUM, HARD, EPIC)


class ProgressStatus:
    """progress_status: where a student is in a lesson."""
    PG_TYPE = 'progress_status'
    NOT_STARTED = 'NOT_STARTED'
    IN_PROGRESS = 'IN_PROGRESS'
    COMPLETED = 'COMPLETED'
    LOCKED = 'LOCKED'
    ALL = (NOT_STARTED, IN_PROGRESS, COMPLETED, LOCKED)


class QuestionType:
    """question_type: how a question is asked and answered."""
    PG_TYPE = 'question_type'
    MULTIPLE_CHOICE = 'MULTIPLE_CHOICE'
    TRUE_FALSE = 'TRUE_FALSE'
    SHORT_ANSWER = 'SHORT_ANSWER'
    ESSAY = 'ESSAY'
    FILL_BLANK = 'FILL_BLANK'
    MATCHING = 'MATCHING'
    ORDERING = 'ORDERING'
    ALL = (MULTIPLE_CHOICE, TRUE_FALSE, SHORT_ANSWER, ESSAY, FILL_BLANK,
           MATCHING, ORDERING)


class SubmissionStatus:
    """submission_status: where a quiz attempt is, from start to grade."""
    PG_TYPE = 'submission_status'
    IN_PROGRESS = 'IN_PROGRESS'
    SUBMITTED = 'SUBMITTED'
    NEEDS_GRADING = 'NEEDS_GRADING'
    GRADED = 'GRADED'
    ALL = (IN_PROGRESS, SUBMITTED, NEEDS_GRADING, GRADED)


class BadgeCategory:
    """badge_category: what kind of feat a badge marks."""
    PG_TYPE = 'badge_category'
    PROGRESS = 'PROGRESS'
    MASTERY = 'MASTERY'
    SOCIAL = 'SOCIAL'
    SPECIAL = 'SPECIAL'
    STREAK = 'STREAK'
    ALL = (PROGRESS, MASTERY, SOCIAL, SPECIAL, STREAK)


class BadgeRarity:
    """badge_rarity: how rare a badge is."""
    PG_TYPE = 'badge_rarity'
    COMMON = 'COMMON'
    RARE = 'RARE'
    EPIC = 'EPIC'
    LEGENDARY = 'LEGENDARY'
    ALL = (COMMON, RARE, EPIC, LEGENDARY)


class AchievementType:
    """achievement_type: what a student achieved."""
    PG_TYPE = 'achievement_type'
    QUEST_COMPLETION = 'QUEST_COMPLETION'
    SKILL_MASTERY = 'SKILL_MASTERY'
    STREAK_MILESTONE = 'STREAK_MILESTONE'
    SOCIAL_CONTRIBUTION = 'SOCIAL_CONTRIBUTION'
    SPECIAL_EVENT = 'SPECIAL_EVENT'
    LEVEL_UP = 'LEVEL_UP'
    ALL = (QUEST_COMPLETION, SKILL_MASTERY, STREAK_MILESTONE,
           SOCIAL_CONTRIBUTION, SPECIAL_EVENT, LEVEL_UP)


class RewardCurrency:
    """reward_currency: what a reward ledger entry is counted in."""
    PG_TYPE = 'reward_currency'
    XP = 'XP'
    CRYSTALS = 'CRYSTALS'
    SPARKS = 'SPARKS'
    ALL = (XP, CRYSTALS, SPARKS)


class LinkStatus:
    """link_status: whether a guardian's link to a student holds."""
    PG_TYPE = 'link_status'
    PENDING = 'PENDING'
    APPROVED = 'APPROVED'
    REJECTED = 'REJECTED'
    BLOCKED = 'BLOCKED'
    ALL = (PENDING, APPROVED, REJECTED, BLOCKED)


class EnrollmentStatus:
    """enrollment_status: whether a student is still in a class."""
    PG_TYPE = 'enrollment_status'
    ACTIVE = 'ACTIVE'
    INACTIVE = 'INACTIVE'
    COMPLETED = 'COMPLETED'
    DROPPED = 'DROPPED'
    ALL = (ACTIVE, INACTIVE, COMPLETED, DROPPED)


class NotificationType:
    """notification_type: what a notification is about."""
    PG_TYPE = 'notification_type'
    ACHIEVEMENT = 'ACHIEVEMENT'
    ASSIGNMENT = 'ASSIGNMENT'
    ANNOUNCEMENT = 'ANNOUNCEMENT'
    REMINDER = 'REMINDER'
    SYSTEM = 'SYSTEM'
    BADGE_EARNED = 'BADGE_EARNED'
    LEVEL_UP = 'LEVEL_UP'
    GUILD_MESSAGE = 'GUILD_MESSAGE'
    ALL = (ACHIEVEMENT, ASSIGNMENT, ANNOUNCEMENT, REMINDER, SYSTEM,
           BADGE_EARNED, LEVEL_UP, GUILD_MESSAGE)


class NotificationPriority:
    """notification_priority: how urgent a notification is."""
    PG_TYPE = 'notification_priority'
    LOW = 'LOW'
    NORMAL = 'NORMAL'
    HIGH = 'HIGH'
    URGENT = 'URGENT'
    ALL = (LOW, NORMAL, HIGH, URGENT)


class AssignmentType:
    """assignment_type: what a student hands in for an assignment."""
    PG_TYPE = 'assignment_type'
    FILE = 'FILE'
    TEXT = 'TEXT'
    QUIZ = 'QUIZ'
    PROJECT = 'PROJECT'
    PRESENTATION = 'PRESENTATION'
    ALL = (FILE, TEXT, QUIZ, PROJECT, PRESENTATION)


class SyncStatus:
    """sync_status: where an offline sync batch is."""
    PG_TYPE = 'sync_status'
    PENDING = 'PENDING'
    PROCESSING = 'PROCESSING'
    COMPLETED = 'COMPLETED'
    FAILED = 'FAILED'
    CONFLICT = 'CONFLICT'
    ALL = (PENDING, PROCESSING, COMPLETED, FAILED, CONFLICT)


class LeaderboardScope:
    """leaderboard_scope: whom a leaderboard ranks."""
    PG_TYPE = 'leaderboard_scope'
    CLASS = 'CLASS'
    SCHOOL = 'SCHOOL'
    GLOBAL = 'GLOBAL'
    GUILD = 'GUILD'
    ALL = (CLASS, SCHOOL, GLOBAL, GUILD)


class LeaderboardTimeframe:
    """leaderboard_timeframe: over what period a leaderboard ranks."""
    PG_TYPE = 'leaderboard_timeframe'
    DAILY = 'DAILY'
    WEEKLY = 'WEEKLY'
    MONTHLY = 'MONTHLY'
    ALL_TIME = 'ALL_TIME'
    ALL = (DAILY, WEEKLY, MONTHLY, ALL_TIME)


class GuildRole:
    """guild_role: a student's standing in a guild."""
    PG_TYPE = 'guild_role'
    LEADER = 'LEADER'
    OFFICER = 'OFFICER'
    MEMBER = 'MEMBER'
    ALL = (LEADER, OFFICER, MEMBER)


ALL_ENUMS = (
    Role, Difficulty, ProgressStatus, QuestionType, SubmissionStatus,
    BadgeCategory, BadgeRarity, AchievementType, RewardCurrency, LinkStatus,
    EnrollmentStatus, NotificationType, NotificationPriority, AssignmentType,
    SyncStatus, LeaderboardScope, LeaderboardTimeframe, GuildRole,
)
