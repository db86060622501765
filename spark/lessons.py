"""Reading a lesson: its content blocks made safe to show, and the progress a student makes.

Each state change takes the moment it happened and the device it came from, so
the offline sync can call the same functions later (ARCHITECTURE.md, 4 and 6).
"""
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import nh3

from spark.courses import course_ids_of_student, lesson_states
from spark.db import database
from spark.models import Course, Lesson, Quiz, StudentProgress
from spark.models.enums import ProgressStatus
from spark.uploads import KEY_PATTERN

# What lesson HTML may contain (docs/content-format.md); everything else is stripped.
ALLOWED_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "strong", "em", "br", "sub", "sup"}
BLOCK_TYPES = {"text", "image", "example", "key_points", "video", "check"}
# A gap longer than this between two signs of reading is not counted as time spent.
LONGEST_COUNTED_GAP = timedelta(minutes=5)
# Progress shown once a lesson is opened, before it is finished.
OPENED_PROGRESS = 10


class LessonUnavailable(Exception):
    """Not a published lesson of a course this student follows (or locked for them)."""

    def __init__(self, reason="not_found"):
        super().__init__(reason)
        self.reason = reason


def lesson_for_student(student_id, lesson_id):
    """The published lesson with its course, if the student follows the course; else None."""
    return (Lesson
            .select(Lesson, Course)
            .join(Course)
            .where((Lesson.id == lesson_id) & Lesson.is_published
                   & Lesson.course.in_(course_ids_of_student(student_id)))
            .first())


@dataclass(frozen=True)
class LessonPage:
    """What the reader shows: the lesson, its blocks, its neighbours, its quizzes and my progress."""

    lesson: Lesson
    blocks: list
    state: object
    previous: Lesson | None
    next: Lesson | None
    quizzes: list


def lesson_page(student_id, lesson, content=None) -> LessonPage:
    """Everything the reader needs for one lesson; `content` replaces the blocks (a translation)."""
    states = lesson_states(student_id, lesson.course)
    index = next(i for i, state in enumerate(states) if state.lesson.id == lesson.id)
    quizzes = list(Quiz.published().where(Quiz.lesson == lesson.id).order_by(Quiz.title))
    return LessonPage(
        lesson=lesson,
        blocks=safe_blocks(content or lesson.content),
        state=states[index],
        previous=states[index - 1].lesson if index > 0 else None,
        next=states[index + 1].lesson if index + 1 < len(states) else None,
        quizzes=quizzes,
    )


def safe_blocks(content) -> list[dict]:
    """The lesson's blocks with their HTML sanitised and unknown blocks or unsafe links dropped."""
    blocks = []
    for block in (content or {}).get("blocks", []):
        kind = block.get("type")
        if kind not in BLOCK_TYPES:
            continue
        block = dict(block)
        if kind == "text":
            block["html"] = nh3.clean(block.get("html", ""), tags=ALLOWED_TAGS, attributes={})
        elif kind == "image":
            # Only our own files: a child's page loads nothing from third parties. A picture a
            # teacher uploaded is "upload:<key>" (served by the files blueprint), else a static path.
            source = str(block.get("src", ""))
            if source.startswith("upload:"):
                if not KEY_PATTERN.match(source[len("upload:"):]):
                    continue
            elif urlsplit(source).scheme or source.startswith("/") or ".." in source:
                continue
        elif kind == "video" and urlsplit(str(block.get("url", ""))).scheme not in ("http", "https"):
            continue
        blocks.append(block)
    return blocks


def open_lesson(student_id, lesson, occurred_at, device_id=None):
    """Note that the student opened the lesson: started once, in progress, last seen now."""
    if _is_locked(student_id, lesson):
        raise LessonUnavailable("locked")
    with database.atomic():
        progress = _progress_row(student_id, lesson, occurred_at, device_id)
        new_sitting = (progress.status == ProgressStatus.NOT_STARTED
                       or occurred_at - progress.last_accessed > LONGEST_COUNTED_GAP)
        _count_time(progress, occurred_at)
        if progress.status == ProgressStatus.NOT_STARTED:
            progress.status = ProgressStatus.IN_PROGRESS
            progress.progress = max(progress.progress, OPENED_PROGRESS)
        if new_sitting:
            progress.attempts += 1  # how many times the student sat down with this lesson
        progress.save()
    return progress


def keep_reading(student_id, lesson, occurred_at, device_id=None):
    """A sign that the student is still reading: adds the time since the last sign (capped)."""
    with database.atomic():
        progress = _progress_row(student_id, lesson, occurred_at, device_id)
        _count_time(progress, occurred_at)
        progress.save()
    return progress


def finish_lesson(student_id, lesson, occurred_at, device_id=None) -> bool:
    """Mark the lesson completed; True the first time, False when it already was (nothing changes)."""
    if _is_locked(student_id, lesson):
        raise LessonUnavailable("locked")
    with database.atomic():
        progress = _progress_row(student_id, lesson, occurred_at, device_id)
        if progress.status == ProgressStatus.COMPLETED:
            return False
        # Without JavaScript there are no pings between opening and finishing: allow up to
        # twice the lesson's planned length for that one gap.
        _count_time(progress, occurred_at, max(LONGEST_COUNTED_GAP, timedelta(minutes=2 * (lesson.duration or 0))))
        progress.status = ProgressStatus.COMPLETED
        progress.progress = 100
        progress.completed_at = occurred_at
        progress.save()
    return True


def _is_locked(student_id, lesson) -> bool:
    return any(state.lesson.id == lesson.id and state.status == ProgressStatus.LOCKED
               for state in lesson_states(student_id, lesson.course))


def _progress_row(student_id, lesson, occurred_at, device_id):
    """The student's progress row for the lesson, created if missing, locked for this transaction."""
    (StudentProgress
     .insert(student=student_id, lesson=lesson.id, status=ProgressStatus.NOT_STARTED, progress=0,
             time_spent=0, attempts=0, started_at=occurred_at, last_accessed=occurred_at, device_id=device_id)
     .on_conflict(conflict_target=[StudentProgress.student, StudentProgress.lesson], action="IGNORE")
     .execute())
    progress = (StudentProgress
                .select()
                .where((StudentProgress.student == student_id) & (StudentProgress.lesson == lesson.id))
                .for_update()
                .get())
    if device_id:
        progress.device_id = device_id
    progress.started_at = min(progress.started_at or occurred_at, occurred_at)
    return progress


def _count_time(progress, occurred_at, longest=LONGEST_COUNTED_GAP):
    """Add the gap since the last sign of reading, when it is short enough to be reading."""
    gap = occurred_at - progress.last_accessed
    if timedelta(0) < gap <= longest:
        progress.time_spent += int(gap.total_seconds())
    progress.last_accessed = max(progress.last_accessed, occurred_at)
