"""Lessons saved for offline use: what a device keeps of a lesson, and the list a student saved.

A lesson's offline package is its `offline_content` (sanitised like the page; a
translation of the content replaces it, as on the page), the images it shows
(our own static files) and its published quizzes, whose questions go out
without their answer keys: answer keys never leave the server, offline answers
are scored at sync (ARCHITECTURE.md, 8). A lesson with no `offline_content`
(it needs the internet) cannot be saved.

The device keeps the pages the server rendered from the package (the service
worker's cache); the server keeps the list (`saved_lessons`), so the "saved for
offline" page is ordinary server-rendered HTML, and every sync tells the device
which saved lessons changed (a new `version`: fetch their pages again) and
which are gone (unpublished, or the course is no longer the student's: delete
them). `version` hashes the package and the app version, so a new release also
refreshes the saved pages (they link the new CSS).
"""
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from peewee import fn

from spark.content_language import translations_for
from spark.courses import course_ids_of_student
from spark.lessons import safe_blocks
from spark.models import Course, Lesson, Question, Quiz, RetiredQuestion, SavedLesson
from spark.models.enums import QuestionType

PACKAGE_ROOT = Path(__file__).parent
STATIC_ROOT = PACKAGE_ROOT / "static"


class CannotSave(Exception):
    """The lesson is not one the student may keep offline; `reason` says why."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@lru_cache(maxsize=1)
def app_version() -> str:
    """A hash of the static files and templates, computed once per process.

    Every process of one release computes the same value, so the service
    worker's caches change exactly when what they hold may have changed.
    """
    digest = hashlib.sha256()
    for folder in ("static", "templates"):
        for path in sorted((PACKAGE_ROOT / folder).rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(PACKAGE_ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass(frozen=True)
class OfflineQuestion:
    """A question as the device gets it: what `students/_question.html` needs, no answer key."""

    id: object
    text: str
    type: str
    options: object
    points: int
    correct_answer: dict  # only the shape: how many choices are right, how many blanks


def public_question(question) -> OfflineQuestion:
    """The question without its answer key (the macro only reads its shape)."""
    key = question.correct_answer or {}
    if question.type == QuestionType.MULTIPLE_CHOICE:
        shape = {"correct": [None] * len(key.get("correct", []))}  # radio or checkboxes
    elif question.type == QuestionType.FILL_BLANK:
        shape = {"blanks": [None] * len(key.get("blanks", []))}    # how many inputs
    elif question.type == QuestionType.ESSAY:
        shape = {"min_words": key.get("min_words")}
    else:
        shape = {}
    return OfflineQuestion(id=question.id, text=question.text, type=question.type, options=question.options,
                           points=question.points, correct_answer=shape)


@dataclass(frozen=True)
class OfflineLesson:
    """One lesson's offline package, with its version and size."""

    lesson: Lesson
    title: str
    blocks: list
    quizzes: list      # [(quiz, [OfflineQuestion, ...]), ...]
    images: list       # static paths
    version: str
    size_bytes: int


def current_questions(quiz_ids):
    """The questions of these quizzes that attempts still use, in order (one query)."""
    return list(Question
                .select()
                .where(Question.quiz.in_(list(quiz_ids))
                       & Question.id.not_in(RetiredQuestion.select(RetiredQuestion.question)))
                .order_by(Question.quiz, Question.order_index))


def packages_for(lessons, language) -> list[OfflineLesson]:
    """The offline packages of these lessons (three queries, however many lessons)."""
    lessons = [lesson for lesson in lessons if lesson.offline_content is not None]
    if not lessons:
        return []
    quizzes = list(Quiz.published().where(Quiz.lesson.in_([l.id for l in lessons])).order_by(Quiz.title))
    questions = current_questions(q.id for q in quizzes) if quizzes else []
    translated = translations_for("lesson", [l.id for l in lessons], language)
    by_quiz = {}
    for question in questions:
        by_quiz.setdefault(question.quiz_id, []).append(public_question(question))
    return [_package(lesson, translated.get(lesson.id, {}),
                     [(quiz, by_quiz.get(quiz.id, [])) for quiz in quizzes if quiz.lesson_id == lesson.id])
            for lesson in lessons]


def _package(lesson, translation, quizzes) -> OfflineLesson:
    blocks = safe_blocks(translation.get("content") or lesson.offline_content)
    title = translation.get("title") or lesson.title
    images = [block["src"] for block in blocks if block["type"] == "image"]
    shipped = {
        "app": app_version(), "lesson": str(lesson.id), "title": title, "blocks": blocks,
        "quizzes": [{"id": str(quiz.id), "title": quiz.title, "description": quiz.description,
                     "time_limit": quiz.time_limit, "max_attempts": quiz.max_attempts,
                     "questions": [[str(q.id), q.text, q.type, q.options, q.points, q.correct_answer]
                                   for q in questions]}
                    for quiz, questions in quizzes],
    }
    body = json.dumps(shipped, sort_keys=True, default=str).encode()
    size = len(body) + sum(_file_size(src) for src in images)
    return OfflineLesson(lesson=lesson, title=title, blocks=blocks, quizzes=quizzes, images=images,
                         version=hashlib.sha256(body).hexdigest()[:16], size_bytes=size)


def _file_size(src) -> int:
    path = (STATIC_ROOT / src).resolve()
    if not path.is_relative_to(STATIC_ROOT.resolve()) or not path.is_file():
        return 0
    return path.stat().st_size


def lessons_of_student(student_id, lesson_ids):
    """The published lessons among these that the student follows, with their course (one query)."""
    return list(Lesson
                .select(Lesson, Course)
                .join(Course)
                .where(Lesson.id.in_(list(lesson_ids)) & Lesson.is_published
                       & Lesson.course.in_(course_ids_of_student(student_id)))
                .order_by(Course.title, Lesson.order_index))


def save_lesson(student_id, lesson_id, language, now) -> int:
    """Save one lesson of the student's for offline use; return how many were saved (0 or 1)."""
    found = lessons_of_student(student_id, [lesson_id])
    if not found:
        raise CannotSave("not_found")
    if found[0].offline_content is None:
        raise CannotSave("needs_internet")
    return _save(student_id, found, language, now)


def save_course(student_id, course_id, language, now) -> int:
    """Save every lesson of a course of the student's that can be used offline; return how many."""
    ids = (Lesson.select(Lesson.id).where(Lesson.course == course_id))
    found = lessons_of_student(student_id, ids)
    if not found:
        raise CannotSave("not_found")
    return _save(student_id, found, language, now)


def _save(student_id, lessons, language, now) -> int:
    packages = packages_for(lessons, language)
    for package in packages:
        (SavedLesson
         .insert(student=student_id, lesson=package.lesson.id, version=package.version,
                 size_bytes=package.size_bytes, saved_at=now)
         .on_conflict(conflict_target=[SavedLesson.student, SavedLesson.lesson],
                      update={SavedLesson.version: package.version, SavedLesson.size_bytes: package.size_bytes})
         .as_rowcount()
         .execute())
    return len(packages)


def remove_saved(student_id, lesson_id) -> bool:
    """Forget a saved lesson; True if it was saved."""
    return bool(SavedLesson
                .delete()
                .where((SavedLesson.student == student_id) & (SavedLesson.lesson == lesson_id))
                .execute())


def saved_lesson_ids(student_id) -> set:
    """The ids of the lessons the student saved (one query)."""
    return {row.lesson_id for row in
            SavedLesson.select(SavedLesson.lesson).where(SavedLesson.student == student_id)}


@dataclass(frozen=True)
class SavedEntry:
    """A line of the saved list: the lesson, its quizzes' question counts, size and version."""

    lesson: Lesson
    quizzes: list      # [(quiz, number of questions), ...]
    size_bytes: int
    version: str


def saved_list(student_id) -> list[SavedEntry]:
    """What the student saved that they may still open, with sizes (two queries, however many)."""
    rows = list(SavedLesson
                .select(SavedLesson, Lesson, Course)
                .join(Lesson)
                .join(Course)
                .where((SavedLesson.student == student_id) & Lesson.is_published
                       & Lesson.course.in_(course_ids_of_student(student_id)))
                .order_by(Course.title, Lesson.order_index))
    counts = {}
    if rows:
        current = Question.id.not_in(RetiredQuestion.select(RetiredQuestion.question))
        for quiz in (Quiz.published()
                     .select(Quiz, fn.COUNT(Question.id).alias("questions"))
                     .join(Question, on=((Question.quiz == Quiz.id) & current))
                     .where(Quiz.lesson.in_([row.lesson.id for row in rows]) & Quiz.is_published)
                     .group_by(Quiz.id)
                     .order_by(Quiz.title)):
            counts.setdefault(quiz.lesson_id, []).append((quiz, quiz.questions))
    return [SavedEntry(lesson=row.lesson, quizzes=counts.get(row.lesson.id, []), size_bytes=row.size_bytes,
                       version=row.version) for row in rows]


def refresh_saved(student_id, language):
    """Bring the saved list up to date: (entries the device should hold, ids of lessons to delete).

    A lesson unpublished, moved out of the student's courses or made online-only
    is removed; one whose package changed gets its new version (the device then
    fetches its pages again).
    """
    saved = {row.lesson_id: row for row in SavedLesson.select().where(SavedLesson.student == student_id)}
    if not saved:
        return [], []
    lessons = lessons_of_student(student_id, list(saved))
    packages = {package.lesson.id: package for package in packages_for(lessons, language)}
    removed = [lesson_id for lesson_id in saved if lesson_id not in packages]
    if removed:
        SavedLesson.delete().where((SavedLesson.student == student_id) & SavedLesson.lesson.in_(removed)).execute()
    for lesson_id, package in packages.items():
        row = saved[lesson_id]
        if row.version != package.version or row.size_bytes != package.size_bytes:
            (SavedLesson.update(version=package.version, size_bytes=package.size_bytes)
             .where(SavedLesson.id == row.id).execute())
    return list(packages.values()), removed
