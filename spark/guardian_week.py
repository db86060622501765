"""What a guardian sees of each APPROVED child, and the weekly summary they are sent (issue 5).

A week runs from Monday 00:00 to the next Monday in the child's school time zone.
Everything is read under the reader's row-level security: a guardian sees only children
with an APPROVED link, so nothing here can show another child, or even say one exists.
The numbers come in a fixed number of queries whatever the number of children:
children (1), activity (1), quiz results (1), badges (1), assignments (1), announcements (1).

"Time" is an estimate: the time saved on the lessons opened this week plus the time of the
quizzes handed in this week (a lesson's time is kept as one total, not per day).
"""
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import force_locale, gettext as _, ngettext
from peewee import JOIN

from spark import notifications
from spark.db import as_system, database
from spark.models import (Assignment, AssignmentSubmission, Badge, EarnedBadge, Enrollment, GuardianLink,
                          Profile, Quiz, School, SchoolClass, Submission, User, UserNotification)
from spark.models.enums import EnrollmentStatus, LinkStatus, NotificationType, Role, SubmissionStatus

DEFAULT_TIMEZONE = "Asia/Kolkata"
ASSIGNMENTS_AHEAD = timedelta(days=14)
ASSIGNMENTS_BEHIND = timedelta(days=30)
ANNOUNCEMENTS_BEHIND = timedelta(days=30)


def week_bounds(now, timezone_name):
    """(start, end) of the week containing `now`, Monday to Monday in this time zone, as aware datetimes."""
    zone = ZoneInfo(timezone_name or DEFAULT_TIMEZONE)
    local = now.astimezone(zone)
    monday = local.date() - timedelta(days=local.weekday())
    start = datetime(monday.year, monday.month, monday.day, tzinfo=zone)
    end_day = monday + timedelta(days=7)
    return start, datetime(end_day.year, end_day.month, end_day.day, tzinfo=zone)


@dataclass
class ChildWeek:
    """One child's week and standing, as their guardian sees it."""
    student: User
    profile: Profile
    school: School
    week_start: datetime
    week_end: datetime
    days_active: int = 0
    seconds: int = 0
    lessons_completed: int = 0
    quizzes: list = field(default_factory=list)       # Submission with .quiz_title
    badges: list = field(default_factory=list)        # EarnedBadge with .badge; .is_new this week
    assignments_due: list = field(default_factory=list)
    assignments_missing: list = field(default_factory=list)
    assignments_graded: list = field(default_factory=list)
    assignments_handed_in: list = field(default_factory=list)
    announcements: list = field(default_factory=list)

    @property
    def last_day(self):
        """Sunday: the last day of the week."""
        return (self.week_end - timedelta(days=1)).date()

    @property
    def minutes(self):
        """Whole minutes of learning this week."""
        return self.seconds // 60


def approved_children(guardian_id, student_id=None):
    """The guardian's APPROVED children, each with profile and school (one query)."""
    query = (User
             .select(User, Profile, School)
             .join(GuardianLink, on=(GuardianLink.student == User.id))
             .switch(User)
             .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
             .switch(User)
             .join(School, JOIN.LEFT_OUTER)
             .where((GuardianLink.guardian == guardian_id) & (GuardianLink.status == LinkStatus.APPROVED)
                    & (User.role == Role.STUDENT))
             .order_by(Profile.display_name, User.id))
    if student_id is not None:
        query = query.where(User.id == student_id)
    return list(query)


def children_weeks(guardian_id, now, student_id=None):
    """The week of each approved child of this guardian (or of one of them); [] when none."""
    return weeks_of(approved_children(guardian_id, student_id), now, extra_recipients=[guardian_id])


def weeks_of(children, now, extra_recipients=()):
    """The weeks of these children (users with .profile and .school), in five more queries."""
    weeks = {}
    for child in children:
        school = child.school
        start, end = week_bounds(now, school.timezone if school else None)
        weeks[child.id] = ChildWeek(child, child.profile, school, start, end)
    if not weeks:
        return []
    _add_activity(weeks)
    _add_quizzes(weeks)
    _add_badges(weeks)
    _add_assignments(weeks, now)
    _add_announcements(weeks, now, extra_recipients)
    return list(weeks.values())


_ACTIVITY_SQL = """
WITH w(student_id, since, until, tz) AS (
  SELECT * FROM unnest(%s::uuid[], %s::timestamptz[], %s::timestamptz[], %s::text[])
)
SELECT w.student_id,
  (SELECT count(DISTINCT (e.t AT TIME ZONE w.tz)::date) FROM (
      SELECT sp.started_at FROM student_progress sp WHERE sp.student_id = w.student_id
      UNION ALL SELECT sp.completed_at FROM student_progress sp WHERE sp.student_id = w.student_id
      UNION ALL SELECT sp.last_accessed FROM student_progress sp WHERE sp.student_id = w.student_id
      UNION ALL SELECT s.submitted_at FROM submissions s WHERE s.student_id = w.student_id
    ) AS e(t) WHERE e.t >= w.since AND e.t < w.until),
  (SELECT COALESCE(sum(sp.time_spent), 0) FROM student_progress sp
    WHERE sp.student_id = w.student_id AND sp.last_accessed >= w.since AND sp.last_accessed < w.until)
  + (SELECT COALESCE(sum(s.time_spent), 0) FROM submissions s
    WHERE s.student_id = w.student_id AND s.submitted_at >= w.since AND s.submitted_at < w.until),
  (SELECT count(*) FROM student_progress sp
    WHERE sp.student_id = w.student_id AND sp.status = 'COMPLETED'
      AND sp.completed_at >= w.since AND sp.completed_at < w.until)
FROM w
"""


def _add_activity(weeks):
    """Days active, seconds and lessons completed this week, for every child in one query."""
    rows = list(weeks.values())
    cursor = database.execute_sql(_ACTIVITY_SQL, (
        [str(w.student.id) for w in rows], [w.week_start for w in rows], [w.week_end for w in rows],
        [str(w.week_start.tzinfo) for w in rows]))
    for student_id, days, seconds, lessons in cursor.fetchall():
        week = weeks[_uuid(student_id)]
        week.days_active, week.seconds, week.lessons_completed = int(days), int(seconds), int(lessons)


def _uuid(value):
    import uuid
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _add_quizzes(weeks):
    earliest = min(w.week_start for w in weeks.values())
    rows = (Submission
            .select(Submission, Quiz.title.alias("quiz_title"))
            .join(Quiz)
            .where(Submission.student.in_(list(weeks)) & (Submission.status != SubmissionStatus.IN_PROGRESS)
                   & (Submission.submitted_at >= earliest))
            .order_by(Submission.submitted_at)
            .objects())
    for submission in rows:
        week = weeks[submission.student_id]
        if week.week_start <= submission.submitted_at < week.week_end:
            week.quizzes.append(submission)


def _add_badges(weeks):
    rows = (EarnedBadge
            .select(EarnedBadge, Badge)
            .join(Badge)
            .where(EarnedBadge.user.in_(list(weeks)))
            .order_by(EarnedBadge.earned_at.desc()))
    for earned in rows:
        week = weeks[earned.user_id]
        earned.is_new = earned.earned_at >= week.week_start
        week.badges.append(earned)


def _add_assignments(weeks, now):
    """Published assignments of the children's active classes due from a month ago to two weeks ahead."""
    rows = (Assignment
            .select(Assignment, Enrollment.student.alias("child_id"), SchoolClass.name.alias("class_name"),
                    AssignmentSubmission.id.alias("submission_id"),
                    AssignmentSubmission.submitted_at.alias("submitted_at"),
                    AssignmentSubmission.score.alias("score"),
                    AssignmentSubmission.feedback.alias("feedback"),
                    AssignmentSubmission.graded_at.alias("graded_at"))
            .join(SchoolClass, on=(Assignment.school_class == SchoolClass.id))
            .join(Enrollment, on=(Enrollment.school_class == SchoolClass.id))
            .join(AssignmentSubmission, JOIN.LEFT_OUTER,
                  on=((AssignmentSubmission.assignment == Assignment.id)
                      & (AssignmentSubmission.student == Enrollment.student)))
            .where(Enrollment.student.in_(list(weeks)) & (Enrollment.status == EnrollmentStatus.ACTIVE)
                   & Assignment.is_published
                   & (Assignment.due_date >= now - ASSIGNMENTS_BEHIND)
                   & (Assignment.due_date <= now + ASSIGNMENTS_AHEAD))
            .order_by(Assignment.due_date, Assignment.id)
            .objects())
    for assignment in rows:
        week = weeks[_uuid(assignment.child_id)]
        if assignment.graded_at is not None:
            week.assignments_graded.append(assignment)
        elif assignment.submission_id is not None:
            week.assignments_handed_in.append(assignment)
        elif assignment.due_date < now:
            week.assignments_missing.append(assignment)
        else:
            week.assignments_due.append(assignment)


def _add_announcements(weeks, now, extra_recipients):
    """Announcements to the children (sql/0014 lets their guardians read these) or to the guardian."""
    recipients = list(weeks) + list(extra_recipients)
    rows = (UserNotification
            .select()
            .where(UserNotification.user.in_(recipients)
                   & (UserNotification.type == NotificationType.ANNOUNCEMENT)
                   & (UserNotification.created_at >= now - ANNOUNCEMENTS_BEHIND))
            .order_by(UserNotification.created_at.desc())
            .limit(50))
    seen = set()
    for notification in rows:
        # One announcement sent to a whole class reaches the guardian once per child: show it once.
        text = (notification.title, notification.message)
        targets = [weeks[notification.user_id]] if notification.user_id in weeks else list(weeks.values())
        for week in targets:
            if (week.student.id, text) not in seen:
                seen.add((week.student.id, text))
                week.announcements.append(notification)


# --- the weekly summary ----------------------------------------------------------------


def summary_params(week):
    """The figures of a child's week, as a notification's params."""
    return {"student": week.profile.display_name if week.profile else "", "days": week.days_active,
            "minutes": week.minutes, "lessons": week.lessons_completed, "quizzes": len(week.quizzes),
            "streak": week.profile.streak if week.profile else 0,
            "level": week.profile.level if week.profile else 1}


def summary_text(week, language="en"):
    """A child's week as plain text in this language (the body of an email, later)."""
    with force_locale(language or "en"):
        lines = [_("The week of %(name)s on Spark", name=week.profile.display_name), ""]
        lines.append(ngettext("%(num)d day active", "%(num)d days active", week.days_active))
        lines.append(ngettext("%(num)d minute of learning", "%(num)d minutes of learning", week.minutes))
        lines.append(ngettext("%(num)d lesson finished", "%(num)d lessons finished", week.lessons_completed))
        for quiz in week.quizzes:
            lines.append(_("Quiz %(title)s: %(score)s%%", title=quiz.quiz_title,
                           score="—" if quiz.score is None else f"{quiz.score:.0f}"))
        lines.append(_("Streak: %(days)d days · Level %(level)d", days=week.profile.streak,
                       level=week.profile.level))
        new_badges = [earned.badge.name for earned in week.badges if earned.is_new]
        if new_badges:
            lines.append(_("New badges: %(names)s", names=", ".join(new_badges)))
        if week.assignments_missing:
            lines.append(ngettext("%(num)d assignment missing", "%(num)d assignments missing",
                                  len(week.assignments_missing)))
        if week.assignments_due:
            lines.append(ngettext("%(num)d assignment due soon", "%(num)d assignments due soon",
                                  len(week.assignments_due)))
    return "\n".join(lines) + "\n"


def send_weekly_summaries(school_id, now):
    """Send every approved guardian of this school's students a summary of each child's week.

    Acts as the system for the school (call inside `as_system(school_id)`). A summary is
    sent once per guardian, child and week (its key), so a rerun of the job adds nothing.
    Returns [(guardian id, student id, plain-text body)] for what was sent.
    """
    links = list(GuardianLink
                 .select(GuardianLink.guardian, GuardianLink.student, User.preferred_language)
                 .join(User, on=(User.id == GuardianLink.guardian))
                 .switch(GuardianLink)
                 .join(Profile, on=(Profile.user == GuardianLink.student))
                 .where((GuardianLink.status == LinkStatus.APPROVED)
                        & GuardianLink.student.in_(User.select(User.id).where(
                            (User.school == school_id) & (User.role == Role.STUDENT) & User.is_active)))
                 .tuples())
    if not links:
        return []
    students = list(User
                    .select(User, Profile, School)
                    .join(Profile, on=(Profile.user == User.id), attr="profile")
                    .switch(User)
                    .join(School)
                    .where(User.id.in_({student for _, student, _ in links})))
    weeks = {week.student.id: week for week in weeks_of(students, now)}
    school_language = School.select(School.default_language).where(School.id == school_id).scalar()
    sent = []
    for guardian_id, student_id, language in links:
        week = weeks[student_id]
        key = f"weekly-summary:{student_id}:{week.week_start.date().isoformat()}"
        if notifications.notify(guardian_id, "guardian_weekly_summary", NotificationType.REMINDER,
                                summary_params(week), key=key):
            sent.append((guardian_id, student_id, summary_text(week, language or school_language)))
    return sent


def send_all_weekly_summaries(now):
    """The weekly job: each school's summaries, each school in its own transaction as its system."""
    with as_system():
        school_ids = [row[0] for row in School.select(School.id).where(School.is_active).tuples()]
    total = 0
    for school_id in school_ids:
        with as_system(school_id):
            total += len(send_weekly_summaries(school_id, now))
    return total
