"""Assignments: set by a teacher for a class, handed in by students, graded in place.

Rules:
- A due date is entered and shown in the school's time zone and stored in UTC.
  A new assignment (or a changed due date) may not be due in the past.
- `max_score` is 1..999 (scores are numeric(5,2)); `late_penalty` 0..100 %;
  `max_file_size` at most the app's upload limit; allowed file types come from
  `spark.uploads.ASSIGNMENT_EXTENSIONS`.
- A student hands in once per assignment (one row, UNIQUE(assignment, student))
  and may hand in again until the due date, or after it when late work is
  allowed; each time replaces the text and (if files are sent) the files, the
  old files kept as history. `is_late` is decided here from the moment of the
  hand-in against the due date. A graded submission is closed.
- Late penalty: a percentage of the raw score, the result rounded half up to
  two decimals: raw 80, penalty 10 % -> 72.00 (`apply_late_penalty`). Only a
  late submission is penalised; the penalty used is stored with the grade.
- Grading is optimistic: the form carries the submission's `version`; a save
  with an older version is refused (`StaleGrade`) with the current grade, so
  two tabs never overwrite each other silently. Every grade notifies the
  student; the audit trigger records it.
"""
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from peewee import JOIN, fn

from spark import notifications, uploads
from spark.db import database
from spark.models import (Assignment, AssignmentSubmission, Enrollment, Profile, SchoolClass, School, User)
from spark.models.enums import AssignmentType, EnrollmentStatus, NotificationPriority, NotificationType

MAX_SCORE_LIMIT = 999
TEXT_LIMIT = 20_000
MAX_FILES = 5
FEEDBACK_LIMIT = 5_000
# Types a student hands in on this page (a QUIZ assignment would need a quiz picker).
SUBMISSION_TYPES = (AssignmentType.FILE, AssignmentType.TEXT, AssignmentType.PROJECT, AssignmentType.PRESENTATION)
_CENTS = Decimal("0.01")


class AssignmentInvalid(Exception):
    """Values an assignment may not have; `errors` maps a field name to its message."""

    def __init__(self, errors: dict):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class SubmissionRefused(Exception):
    """A hand-in the rules do not allow; `.message` says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class GradeInvalid(Exception):
    """A grade out of range; `.message` says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class StaleGrade(Exception):
    """Someone saved this submission since the form was opened; `.current` is it now."""

    def __init__(self, current):
        super().__init__("stale grade")
        self.current = current


# ------------------------------------------------------------------ time zones

def local_to_utc(local: datetime, tz_name: str) -> datetime:
    """A wall-clock time in the school's zone (naive, from datetime-local) as an aware UTC time."""
    return local.replace(tzinfo=ZoneInfo(tz_name)).astimezone(timezone.utc)


def utc_to_local(moment: datetime, tz_name: str) -> datetime:
    """An aware time as naive wall-clock time in the school's zone (to fill datetime-local)."""
    return moment.astimezone(ZoneInfo(tz_name)).replace(tzinfo=None)


# ------------------------------------------------------------------ teacher: setting work

@dataclass
class AssignmentValues:
    """What the teacher's form gives (due_local is naive, in the school's zone)."""

    title: str
    description: str
    due_local: datetime
    max_score: int
    submission_type: str
    allowed_file_types: list
    max_file_size: int
    late_submission_allowed: bool
    late_penalty: Decimal
    is_published: bool


def validate_assignment(values: AssignmentValues, tz_name, now, max_upload_bytes, current=None) -> datetime:
    """Return the due date in UTC, or raise AssignmentInvalid with every problem found."""
    errors = {}
    if not (values.title or "").strip():
        errors["title"] = _l("Give the assignment a title.")
    due = local_to_utc(values.due_local, tz_name) if values.due_local else None
    if due is not None and current is not None and due == current.due_date.replace(second=0, microsecond=0):
        due = current.due_date  # unchanged (the form shows minutes only)
    if due is None:
        errors["due_local"] = _l("Choose when it is due.")
    elif due <= now and (current is None or due != current.due_date):
        # An existing assignment may keep its (past) due date; a new or moved one may not be in the past.
        errors["due_local"] = _l("The due date is in the past. Choose a later date and time.")
    if values.max_score is None or not 1 <= values.max_score <= MAX_SCORE_LIMIT:
        errors["max_score"] = _l("The maximum score must be between 1 and %(max)s.", max=MAX_SCORE_LIMIT)
    if values.submission_type not in SUBMISSION_TYPES:
        errors["submission_type"] = _l("Choose what students hand in.")
    bad_types = set(values.allowed_file_types or ()) - set(uploads.ASSIGNMENT_EXTENSIONS)
    if bad_types:
        errors["allowed_file_types"] = _l("Choose file types from the list.")
    elif accepts_files(values.submission_type) and not values.allowed_file_types:
        errors["allowed_file_types"] = _l("Choose at least one file type students may upload.")
    if values.max_file_size is None or not 1 <= values.max_file_size <= max_upload_bytes:
        errors["max_file_size"] = _l("The file size limit must be between 1 byte and %(max)s.",
                                     max=uploads.human_size(max_upload_bytes))
    if values.late_penalty is None or not Decimal(0) <= values.late_penalty <= Decimal(100):
        errors["late_penalty"] = _l("The late penalty is a percentage from 0 to 100.")
    if errors:
        raise AssignmentInvalid(errors)
    return due


def save_assignment(teacher, school_class, values: AssignmentValues, now, max_upload_bytes, assignment=None):
    """Create (or, given `assignment`, change) an assignment of a class the teacher teaches."""
    tz_name = school_class.school.timezone
    due = validate_assignment(values, tz_name, now, max_upload_bytes, current=assignment)
    fields = dict(
        title=values.title.strip(), description=(values.description or "").strip(), due_date=due,
        max_score=values.max_score, submission_type=values.submission_type,
        allowed_file_types=sorted(set(values.allowed_file_types)) if accepts_files(values.submission_type) else None,
        max_file_size=values.max_file_size, late_submission_allowed=values.late_submission_allowed,
        late_penalty=values.late_penalty.quantize(_CENTS), is_published=values.is_published)
    if assignment is None:
        return Assignment.create(school_class=school_class, created_by=teacher.id, **fields)
    for name, value in fields.items():
        setattr(assignment, name, value)
    assignment.save()
    return assignment


def accepts_files(submission_type) -> bool:
    """Whether students upload files for this type (TEXT is typed in the page)."""
    return submission_type != AssignmentType.TEXT


def assignment_of_teacher(teacher, assignment_id):
    """The assignment if the teacher teaches its class, else None (another class's: 404)."""
    return (Assignment.select(Assignment, SchoolClass, School)
            .join(SchoolClass).join(School)
            .where((Assignment.id == assignment_id) & (SchoolClass.teacher == teacher.id))
            .first())


def class_of_teacher(teacher, class_id):
    """The class if this teacher teaches it, else None."""
    return (SchoolClass.select(SchoolClass, School).join(School)
            .where((SchoolClass.id == class_id) & (SchoolClass.teacher == teacher.id))
            .first())


@dataclass
class AssignmentSummary:
    """An assignment with how far its grading is."""

    assignment: Assignment
    handed_in: int
    graded: int
    students: int


def assignments_of_teacher(teacher) -> list:
    """The teacher's assignments, latest due first, with counts (one query)."""
    handed_in = (AssignmentSubmission.select(fn.COUNT(AssignmentSubmission.id))
                 .where(AssignmentSubmission.assignment == Assignment.id))
    graded = handed_in.clone().where(AssignmentSubmission.score.is_null(False))
    students = (Enrollment.select(fn.COUNT(Enrollment.id))
                .where((Enrollment.school_class == Assignment.school_class)
                       & (Enrollment.status == EnrollmentStatus.ACTIVE)))
    rows = (Assignment
            .select(Assignment, SchoolClass, handed_in.alias("handed_in"), graded.alias("graded"),
                    students.alias("students"))
            .join(SchoolClass)
            .where(SchoolClass.teacher == teacher.id)
            .order_by(Assignment.due_date.desc())
            .objects())
    return [AssignmentSummary(row, row.handed_in, row.graded, row.students) for row in rows]


# ------------------------------------------------------------------ students: handing in

@dataclass
class StudentAssignment:
    """An assignment as one student sees it, with their submission (or None)."""

    assignment: Assignment
    submission: AssignmentSubmission | None
    status: str        # NOT_SUBMITTED, OVERDUE, SUBMITTED, LATE, GRADED
    can_submit: bool


def _student_status(assignment, submission, now):
    if submission is not None and submission.score is not None:
        return "GRADED", False
    open_ = now <= assignment.due_date or assignment.late_submission_allowed
    if submission is not None:
        return ("LATE" if submission.is_late else "SUBMITTED"), open_
    return ("NOT_SUBMITTED" if now <= assignment.due_date else "OVERDUE"), open_


def _student_query(student_id):
    my_classes = (Enrollment.select(Enrollment.school_class)
                  .where((Enrollment.student == student_id) & (Enrollment.status == EnrollmentStatus.ACTIVE)))
    return (Assignment
            .select(Assignment, SchoolClass, AssignmentSubmission)
            .join(SchoolClass)
            .switch(Assignment)
            .join(AssignmentSubmission, JOIN.LEFT_OUTER,
                  on=((AssignmentSubmission.assignment == Assignment.id)
                      & (AssignmentSubmission.student == student_id)),
                  attr="my_submission")
            .where(Assignment.is_published & Assignment.school_class.in_(my_classes)))


def _as_student_assignment(row, now):
    submission = getattr(row, "my_submission", None)
    if submission is not None and submission.id is None:
        submission = None
    status, can_submit = _student_status(row, submission, now)
    return StudentAssignment(row, submission, status, can_submit)


def assignments_for_student(student_id, now) -> list:
    """Published assignments of the student's active classes, soonest due first (one query)."""
    rows = _student_query(student_id).order_by(Assignment.due_date, Assignment.title)
    return [_as_student_assignment(row, now) for row in rows]


def assignment_for_student(student_id, assignment_id, now):
    """One published assignment of the student's classes with their submission, else None."""
    row = _student_query(student_id).where(Assignment.id == assignment_id).first()
    return _as_student_assignment(row, now) if row is not None else None


def submit_assignment(student, assignment, text, files, now, max_upload_bytes) -> AssignmentSubmission:
    """Hand in (or again) text and/or files for an assignment; one row per student and assignment.

    `files` are werkzeug FileStorage objects (empty ones, an unused file input,
    are skipped). Every file is checked before anything is saved."""
    text = (text or "").strip()
    files = [f for f in files or () if f and f.filename]
    if len(text) > TEXT_LIMIT:
        raise SubmissionRefused(_l("Your text is too long (at most %(max)s characters).", max=TEXT_LIMIT))
    if files and not accepts_files(assignment.submission_type):
        raise SubmissionRefused(_l("This assignment takes text only, not files."))
    if len(files) > MAX_FILES:
        raise SubmissionRefused(_l("Upload at most %(max)s files.", max=MAX_FILES))
    if now > assignment.due_date and not assignment.late_submission_allowed:
        raise SubmissionRefused(_l("This assignment was due on %(when)s and does not take late work.",
                                   when=assignment.due_date.strftime("%Y-%m-%d %H:%M UTC")))
    with database.atomic():
        # One hand-in at a time per student and assignment: a double click or a
        # replayed form waits here and then replaces, never adds a second row.
        database.execute_sql("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                             (f"assignment-submission:{assignment.id}:{student.id}",))
        existing = (AssignmentSubmission.select()
                    .where((AssignmentSubmission.assignment == assignment.id)
                           & (AssignmentSubmission.student == student.id))
                    .for_update()
                    .first())
        if existing is not None and existing.score is not None:
            raise SubmissionRefused(_l("Your work was already graded; it cannot be handed in again."))
        kept_files = list(existing.file_urls or ()) if existing is not None else []
        stored = []
        seen = set()
        for file_storage in files:
            saved = uploads.store_upload(file_storage, set(assignment.allowed_file_types or ()),
                                         min(assignment.max_file_size, max_upload_bytes), student.id,
                                         uploads.PURPOSE_SUBMISSION, school_id=student.school_id)
            if saved.sha256 in seen:  # the same file chosen twice
                continue
            seen.add(saved.sha256)
            stored.append(saved)
        new_keys = [s.key for s in stored] if stored else kept_files
        if not text and not new_keys:
            raise SubmissionRefused(_l("Add your text or a file before handing in."))
        if assignment.submission_type == AssignmentType.TEXT and not text:
            raise SubmissionRefused(_l("Write your answer in the text box."))
        if assignment.submission_type == AssignmentType.FILE and not new_keys:
            raise SubmissionRefused(_l("Choose a file to upload."))
        is_late = now > assignment.due_date
        if existing is None:
            submission = AssignmentSubmission.create(
                id=uuid.uuid4(), assignment=assignment.id, student=student.id, content=text or None,
                file_urls=new_keys, submitted_at=now, is_late=is_late)
        else:
            (AssignmentSubmission
             .update(content=text or None, file_urls=new_keys, submitted_at=now, is_late=is_late,
                     version=AssignmentSubmission.version + 1)
             .where(AssignmentSubmission.id == existing.id)
             .execute())
            if stored:
                uploads.mark_replaced(kept_files)
            submission = AssignmentSubmission.get_by_id(existing.id)
        uploads.attach_to_submission([s.key for s in stored], submission.id)
    return submission


# ------------------------------------------------------------------ teachers: grading

def apply_late_penalty(raw_score, penalty_percent) -> Decimal:
    """The score after a late penalty: raw × (100 − penalty) / 100, rounded half up to 2 decimals."""
    raw = Decimal(str(raw_score))
    penalty = Decimal(str(penalty_percent or 0))
    return (raw * (Decimal(100) - penalty) / Decimal(100)).quantize(_CENTS, ROUND_HALF_UP)


def parse_score(text, max_score) -> Decimal:
    """A score typed by a teacher (0..max, at most two decimals; a comma works as the point)."""
    try:
        score = Decimal((text or "").strip().replace(",", "."))
    except InvalidOperation:
        raise GradeInvalid(_l("Enter the score as a number, e.g. 8 or 7.5.")) from None
    if not score.is_finite():
        raise GradeInvalid(_l("Enter the score as a number, e.g. 8 or 7.5."))
    if score < 0 or score > max_score:
        raise GradeInvalid(_l("The score must be between 0 and %(max)s.", max=max_score))
    if score != score.quantize(_CENTS):
        raise GradeInvalid(_l("Use at most two decimals."))
    return score.quantize(_CENTS)


@dataclass
class GradingRow:
    """A line of the grading table: an enrolled student and their submission, if any."""

    student_id: uuid.UUID
    name: str
    submission: AssignmentSubmission | None
    files: list

    @property
    def status(self) -> str:
        if self.submission is None:
            return "NOT_SUBMITTED"
        return "GRADED" if self.submission.score is not None else "SUBMITTED"


def grading_rows(assignment) -> list:
    """Every student of the class (active, or who handed in) with their submission: two queries."""
    name = fn.COALESCE(Profile.display_name, User.username)
    rows = (User
            .select(User.id, name.alias("name"), AssignmentSubmission)
            .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id))
            .switch(User)
            .join(AssignmentSubmission, JOIN.LEFT_OUTER,
                  on=((AssignmentSubmission.student == User.id)
                      & (AssignmentSubmission.assignment == assignment.id)),
                  attr="found")
            .where(User.id.in_(Enrollment.select(Enrollment.student)
                               .where((Enrollment.school_class == assignment.class_id)
                                      & (Enrollment.status == EnrollmentStatus.ACTIVE)))
                   | AssignmentSubmission.id.is_null(False))
            .order_by(fn.LOWER(name), User.id))
    result = []
    for row in rows:
        submission = row.found if getattr(row, "found", None) is not None and row.found.id else None
        result.append(GradingRow(row.id, row.name, submission, []))
    files = uploads.uploads_of_submissions([r.submission.id for r in result if r.submission])
    for row in result:
        if row.submission is not None:
            row.files = files.get(row.submission.id, [])
    return result


def grading_row(assignment, submission_id):
    """One row of the grading table (after a save), or None."""
    submission = (AssignmentSubmission.select()
                  .where((AssignmentSubmission.id == submission_id)
                         & (AssignmentSubmission.assignment == assignment.id))
                  .first())
    if submission is None:
        return None
    profile = Profile.select(Profile.display_name).where(Profile.user == submission.student_id).first()
    files = uploads.uploads_of_submissions([submission.id]).get(submission.id, [])
    return GradingRow(submission.student_id, profile.display_name if profile else "", submission, files)


def submission_of_assignment(assignment, submission_id):
    """A submission of this assignment, else None."""
    return (AssignmentSubmission.select()
            .where((AssignmentSubmission.id == submission_id)
                   & (AssignmentSubmission.assignment == assignment.id))
            .first())


def next_ungraded(assignment, after_student_name=None, exclude_id=None):
    """The next handed-in, ungraded submission in the table's order (wrapping round), or None."""
    rows = [r for r in grading_rows(assignment)
            if r.submission is not None and r.submission.score is None and r.submission.id != exclude_id]
    if not rows:
        return None
    if after_student_name is not None:
        later = [r for r in rows if r.name.lower() > after_student_name.lower()]
        if later:
            return later[0]
    return rows[0]


def grade_submission(teacher, assignment, submission, raw_text, feedback, version: int, now):
    """Grade a handed-in submission: the raw score, the late penalty, feedback; notify the student.

    Refused (GradeInvalid) out of range; refused (StaleGrade) when the
    submission changed since `version` was read (another tab, a resubmission)."""
    raw = parse_score(raw_text, assignment.max_score)
    feedback = (feedback or "").strip()
    if len(feedback) > FEEDBACK_LIMIT:
        raise GradeInvalid(_l("The feedback is too long (at most %(max)s characters).", max=FEEDBACK_LIMIT))
    penalty = Decimal(str(assignment.late_penalty)) if submission.is_late else Decimal(0)
    final = apply_late_penalty(raw, penalty)
    with database.atomic():
        changed = (AssignmentSubmission
                   .update(raw_score=raw, score=final, penalty_percent=penalty, feedback=feedback or None,
                           graded_at=now, graded_by=teacher.id, version=AssignmentSubmission.version + 1)
                   .where((AssignmentSubmission.id == submission.id)
                          & (AssignmentSubmission.assignment == assignment.id)
                          & (AssignmentSubmission.version == version))
                   .execute())
        current = AssignmentSubmission.get_by_id(submission.id)
        if not changed:
            raise StaleGrade(current)
        notifications.notify(
            current.student_id, "assignment_graded", NotificationType.ASSIGNMENT,
            {"title": assignment.title, "score": plain_number(final), "max": assignment.max_score},
            priority=NotificationPriority.NORMAL)
    return current


def plain_number(number) -> str:
    """A decimal without trailing zeros, for messages: 72.00 -> '72', 7.50 -> '7.5'."""
    text = f"{Decimal(number):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
