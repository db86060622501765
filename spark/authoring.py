"""Teachers author content: courses, lessons and their blocks, quizzes and their questions.

Rules:
- A teacher writes the courses of their own school; platform courses (school_id
  NULL) are theirs to read and preview only. Row-level security says the same
  (`spark_can_write_content`): the database is the second wall.
- Lesson HTML is sanitised on save with the reader's own allow-list, so what is
  stored is what is shown. `offline_content` follows `content` on every save
  (None when the lesson needs the internet).
- Every change to a lesson's blocks names the revision it was made on; a change
  made on an older revision (a double submit, a second tab) is refused, not
  applied twice.
- Quiz questions are versioned: a question some attempt used is never changed.
  Editing it creates a new question in its place and retires the old one
  (`retired_questions`, sql/0012_authoring.sql); removing it retires it. The
  attempts keep the old ids, so their scores and result pages do not move; new
  attempts get only active questions (spark.quizzes.start_attempt).
"""
import hashlib
import json
import random
import re
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

import nh3
from flask_babel import lazy_gettext as _l
from peewee import JOIN, fn

from spark import grading
from spark.db import database
from spark.lessons import ALLOWED_TAGS
from spark.models import Course, Lesson, Question, Quiz, RetiredQuestion
from spark.models.enums import QuestionType
from spark.uploads import KEY_PATTERN

# An image block's src for a picture a teacher uploaded (spark/uploads.py serves it).
UPLOADED_IMAGE_PREFIX = "upload:"
BLANK_MARKER = re.compile(r"\[\[(\d+)\]\]")
MAX_BLOCKS = 40
MAX_OPTIONS = 8


class AuthoringRefused(Exception):
    """A change the content rules do not allow; `message` says why, for the teacher."""

    def __init__(self, message, field=None):
        super().__init__(str(message))
        self.message = message
        self.field = field


# ---------------------------------------------------------------- finding content

def _school_or_platform(teacher):
    return (Course.school == teacher.school_id) | Course.school.is_null()


def courses_for_teacher(teacher):
    """The school's courses, then the platform's, each with its number of lessons (one query)."""
    return list(Course
                .select(Course, fn.COUNT(Lesson.id).alias("lesson_count"))
                .join(Lesson, JOIN.LEFT_OUTER)
                .where(_school_or_platform(teacher))
                .group_by(Course.id)
                .order_by(Course.school.is_null(), Course.subject, Course.grade, Course.title))


def readable_course(teacher, course_id):
    """A course of the teacher's school or of the platform, else None."""
    return Course.select().where((Course.id == course_id) & _school_or_platform(teacher)).first()


def writable_course(teacher, course_id):
    """A course of the teacher's own school, else None."""
    return Course.select().where((Course.id == course_id) & (Course.school == teacher.school_id)).first()


def readable_lesson(teacher, lesson_id):
    """A lesson (with its course) the teacher may read, else None."""
    return (Lesson.select(Lesson, Course).join(Course)
            .where((Lesson.id == lesson_id) & _school_or_platform(teacher)).first())


def writable_lesson(teacher, lesson_id):
    """A lesson (with its course) of the teacher's school, else None."""
    return (Lesson.select(Lesson, Course).join(Course)
            .where((Lesson.id == lesson_id) & (Course.school == teacher.school_id)).first())


def readable_quiz(teacher, quiz_id):
    """A quiz (with its lesson and course) the teacher may read, else None."""
    return (Quiz.select(Quiz, Lesson, Course).join(Lesson).join(Course)
            .where((Quiz.id == quiz_id) & _school_or_platform(teacher)).first())


def writable_quiz(teacher, quiz_id):
    """A quiz (with its lesson and course) of the teacher's school, else None."""
    return (Quiz.select(Quiz, Lesson, Course).join(Lesson).join(Course)
            .where((Quiz.id == quiz_id) & (Course.school == teacher.school_id)).first())


def writable_question(teacher, question_id):
    """An active question (with its quiz, lesson and course) of the teacher's school, else None."""
    return (Question.select(Question, Quiz, Lesson, Course)
            .join(Quiz).join(Lesson).join(Course)
            .switch(Question).join(RetiredQuestion, JOIN.LEFT_OUTER,
                                   on=(RetiredQuestion.question == Question.id))
            .where((Question.id == question_id) & (Course.school == teacher.school_id)
                   & RetiredQuestion.question.is_null())
            .first())


# ---------------------------------------------------------------- courses

@dataclass(frozen=True)
class CourseFields:
    """What a teacher sets on a course."""

    title: str
    description: str
    subject: str
    grade: int
    difficulty: str
    estimated_hours: int | None
    learning_objectives: list
    prerequisites: list


def prerequisite_choices(teacher, course=None):
    """Courses that may be chosen as prerequisites of `course` (all readable ones but itself)."""
    courses = (Course.select(Course.id, Course.title, Course.grade, Course.school)
               .where(_school_or_platform(teacher))
               .order_by(Course.subject, Course.grade, Course.title))
    return [c for c in courses if course is None or c.id != course.id]


def save_course(teacher, course, fields: CourseFields):
    """Create (course None) or update a course of the teacher's school."""
    _check_prerequisites(teacher, course, fields.prerequisites)
    values = dict(title=fields.title, description=fields.description or None, subject=fields.subject,
                  grade=fields.grade, difficulty=fields.difficulty, estimated_hours=fields.estimated_hours,
                  learning_objectives=fields.learning_objectives or None,
                  prerequisites=fields.prerequisites or None)
    with database.atomic():
        if course is None:
            course = Course(id=uuid.uuid4(), school=teacher.school_id, created_by=teacher.id,
                            is_published=False, **values)
            course.save(force_insert=True)
        else:
            for name, value in values.items():
                setattr(course, name, value)
            course.save()
    return course


def _check_prerequisites(teacher, course, chosen):
    """Each prerequisite is another readable course, and none leads back to this one."""
    graph = {c.id: c.prerequisites or [] for c in
             Course.select(Course.id, Course.prerequisites).where(_school_or_platform(teacher))}
    for course_id in chosen:
        if course_id not in graph or (course is not None and course_id == course.id):
            raise AuthoringRefused(_l("Choose prerequisites from the list."), "prerequisites")
    if course is None:
        return
    # A cycle would lock every lesson of both courses for every student, forever.
    seen, waiting = set(), list(chosen)
    while waiting:
        current = waiting.pop()
        if current == course.id:
            raise AuthoringRefused(_l("A prerequisite cannot need this course itself."), "prerequisites")
        if current not in seen:
            seen.add(current)
            waiting.extend(graph.get(current, []))


def set_published(item, published: bool):
    """Publish or unpublish a course, lesson or quiz; publishing twice changes nothing."""
    if isinstance(item, Quiz) and published and not active_questions(item):
        raise AuthoringRefused(_l("Add a question before publishing the quiz."))
    if item.is_published != published:
        type(item).update(is_published=published).where(type(item).id == item.id).execute()
        item.is_published = published
    return item


# ---------------------------------------------------------------- lessons

def course_outline(course):
    """The course's lessons in order, each with its quizzes (two queries, whatever the count)."""
    lessons = list(Lesson.select().where(Lesson.course == course.id).order_by(Lesson.order_index))
    quizzes = {}
    for quiz in (Quiz.select().where(Quiz.lesson.in_([lesson.id for lesson in lessons]))
                 .order_by(Quiz.title)):
        quizzes.setdefault(quiz.lesson_id, []).append(quiz)
    for lesson in lessons:
        lesson.quiz_list = quizzes.get(lesson.id, [])
    return lessons


@dataclass(frozen=True)
class LessonFields:
    """What a teacher sets on a lesson, besides its blocks."""

    title: str
    duration: int | None
    difficulty_level: int
    objectives: list
    keywords: list
    requires_internet: bool


def create_lesson(course, fields: LessonFields):
    """Add an unpublished, empty lesson at the end of the course."""
    with database.atomic():
        _lock(Course, course.id)  # two lessons added at once must not take the same place
        last = Lesson.select(fn.MAX(Lesson.order_index)).where(Lesson.course == course.id).scalar() or 0
        lesson = Lesson(id=uuid.uuid4(), course=course.id, order_index=last + 1, is_published=False,
                        content={"version": 1, "blocks": []})
        _apply_lesson_fields(lesson, fields)
        lesson.save(force_insert=True)
    return lesson


def save_lesson(lesson, fields: LessonFields):
    """Change a lesson's title, duration, keywords, objectives and offline flag."""
    _apply_lesson_fields(lesson, fields)
    lesson.save()
    return lesson


def _apply_lesson_fields(lesson, fields):
    lesson.title = fields.title
    lesson.duration = fields.duration
    lesson.difficulty_level = fields.difficulty_level
    lesson.objectives = fields.objectives or None
    lesson.keywords = fields.keywords or None
    lesson.requires_internet = fields.requires_internet
    lesson.offline_content = _offline_copy(lesson)


def _offline_copy(lesson):
    # What a phone may save for offline reading: the content itself, unless it needs the internet.
    return None if lesson.requires_internet else lesson.content


def move_lesson(lesson, direction: str):
    """Swap a lesson with the one before ("up") or after ("down"); at either end nothing moves."""
    with database.atomic():
        _lock(Course, lesson.course_id)
        current = Lesson.get_by_id(lesson.id)
        neighbour = _neighbour(Lesson.select().where(Lesson.course == current.course_id),
                               Lesson.order_index, current.order_index, direction)
        if neighbour is not None:
            _swap_order(Lesson, "lessons_course_order_key", current, neighbour)
    return lesson


def _neighbour(query, order_field, index, direction):
    if direction == "up":
        return query.where(order_field < index).order_by(order_field.desc()).first()
    if direction == "down":
        return query.where(order_field > index).order_by(order_field).first()
    raise AuthoringRefused(_l("Move up or down."))


def _swap_order(model, constraint, first, second):
    # The unique key is DEFERRABLE: checked at commit, when the two rows no longer clash.
    database.execute_sql(f"SET CONSTRAINTS {constraint} DEFERRED")
    model.update(order_index=second.order_index).where(model.id == first.id).execute()
    model.update(order_index=first.order_index).where(model.id == second.id).execute()
    database.execute_sql(f"SET CONSTRAINTS {constraint} IMMEDIATE")


def _lock(model, row_id):
    model.select(model.id).where(model.id == row_id).for_update().execute()


# ---------------------------------------------------------------- lesson blocks

def lesson_blocks(lesson) -> list:
    """The lesson's blocks as stored (each a dict with a `type`)."""
    return list((lesson.content or {}).get("blocks", []))


def revision_of(lesson) -> str:
    """A short fingerprint of the lesson's blocks: a change made on another revision is refused."""
    text = json.dumps(lesson_blocks(lesson), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def add_block(lesson, revision, block):
    """Add a block at the end of the lesson."""
    def change(blocks):
        if len(blocks) >= MAX_BLOCKS:
            raise AuthoringRefused(_l("A lesson has at most %(num)d blocks: split it into two lessons.",
                                      num=MAX_BLOCKS))
        return blocks + [clean_block(block)]
    return _change_blocks(lesson, revision, change)


def replace_block(lesson, revision, index, block):
    """Replace the block at `index` (0-based)."""
    def change(blocks):
        _check_index(blocks, index)
        return blocks[:index] + [clean_block(block)] + blocks[index + 1:]
    return _change_blocks(lesson, revision, change)


def remove_block(lesson, revision, index):
    """Remove the block at `index`."""
    def change(blocks):
        _check_index(blocks, index)
        return blocks[:index] + blocks[index + 1:]
    return _change_blocks(lesson, revision, change)


def move_block(lesson, revision, index, direction):
    """Move the block at `index` one place up or down; at either end nothing moves."""
    def change(blocks):
        _check_index(blocks, index)
        other = index - 1 if direction == "up" else index + 1 if direction == "down" else None
        if other is None:
            raise AuthoringRefused(_l("Move up or down."))
        if 0 <= other < len(blocks):
            blocks[index], blocks[other] = blocks[other], blocks[index]
        return blocks
    return _change_blocks(lesson, revision, change)


def _check_index(blocks, index):
    if not 0 <= index < len(blocks):
        raise AuthoringRefused(_l("That block is no longer there: the lesson was changed. Look again."))


def _change_blocks(lesson, revision, change):
    with database.atomic():
        current = Lesson.select().where(Lesson.id == lesson.id).for_update().get()
        if revision != revision_of(current):
            raise AuthoringRefused(_l("The lesson was changed in the meantime (another tab, or a second "
                                      "click). Here it is as it is now; make your change again."))
        current.content = {"version": 1, "blocks": change(lesson_blocks(current))}
        current.offline_content = _offline_copy(current)
        current.save()
    lesson.content, lesson.offline_content = current.content, current.offline_content
    return lesson


def clean_block(block) -> dict:
    """A block in the reader's format (docs/content-format.md), made safe, or AuthoringRefused."""
    kind = block.get("type")
    cleaners = {"text": _clean_text, "image": _clean_image, "example": _clean_example,
                "key_points": _clean_key_points, "video": _clean_video, "check": _clean_check}
    if kind not in cleaners:
        raise AuthoringRefused(_l("Choose a kind of block from the list."))
    return {"type": kind, **cleaners[kind](block)}


def sanitise_html(html: str) -> str:
    """Lesson HTML cut down to the reader's allowed tags, without attributes (what the reader shows)."""
    return nh3.clean(html or "", tags=ALLOWED_TAGS, attributes={}).strip()


def _clean_text(block):
    html = sanitise_html(block.get("html"))
    if not nh3.clean(html, tags=set()).strip():
        raise AuthoringRefused(_l("Write some text."), "html")
    return {"html": html}


def _clean_image(block):
    src, alt = str(block.get("src") or ""), _plain(block.get("alt"))
    if not _is_image_source(src):
        raise AuthoringRefused(_l("Upload a picture."), "image")
    if not alt:
        raise AuthoringRefused(_l("Describe the picture for students who cannot see it."), "alt")
    cleaned = {"src": src, "alt": alt, "caption": _plain(block.get("caption")) or None}
    for size in ("width", "height"):
        value = block.get(size)
        cleaned[size] = value if isinstance(value, int) and 0 < value <= 4000 else None
    return cleaned


def _is_image_source(src) -> bool:
    """An uploaded picture (`upload:<key>`, served by the files blueprint) or one of our static files."""
    if src.startswith(UPLOADED_IMAGE_PREFIX):
        return bool(KEY_PATTERN.match(src.removeprefix(UPLOADED_IMAGE_PREFIX)))
    return bool(src) and not urlsplit(src).scheme and not src.startswith("/") and ".." not in src


def _clean_example(block):
    title, problem, answer = _plain(block.get("title")), _plain(block.get("problem")), _plain(block.get("answer"))
    steps = _plain_list(block.get("steps"))
    if not problem:
        raise AuthoringRefused(_l("Write the problem."), "problem")
    if not steps:
        raise AuthoringRefused(_l("Write at least one step."), "steps")
    if not answer:
        raise AuthoringRefused(_l("Write the answer."), "answer")
    return {"title": title, "problem": problem, "steps": steps, "answer": answer}


def _clean_key_points(block):
    points = _plain_list(block.get("points"))
    if not points:
        raise AuthoringRefused(_l("Write at least one key point."), "points")
    return {"points": points}


def _clean_video(block):
    url, title = str(block.get("url") or "").strip(), _plain(block.get("title"))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise AuthoringRefused(_l("Give a link that starts with https:// (or http://)."), "url")
    if not title:
        raise AuthoringRefused(_l("Say what the video shows."), "title")
    seconds = block.get("duration_seconds")
    if seconds is not None and (not isinstance(seconds, int) or seconds <= 0):
        raise AuthoringRefused(_l("Give the length in whole minutes, or leave it empty."), "duration")
    return {"url": url, "title": title, "duration_seconds": seconds}


def _clean_check(block):
    question, options = _plain(block.get("question")), _plain_list(block.get("options"))
    index, explanation = block.get("answer_index"), _plain(block.get("explanation"))
    if not question:
        raise AuthoringRefused(_l("Write the question."), "question")
    if not 2 <= len(options) <= MAX_OPTIONS:
        raise AuthoringRefused(_l("Give 2 to %(num)d choices, one per line.", num=MAX_OPTIONS), "options")
    if not isinstance(index, int) or not 0 <= index < len(options):
        raise AuthoringRefused(_l("Choose which answer is right: a number from 1 to %(num)d.",
                                  num=len(options)), "answer")
    return {"question": question, "options": options, "answer_index": index, "explanation": explanation}


def _plain(value) -> str:
    # PostgreSQL cannot store NUL in JSONB; it never means anything in a lesson.
    return str(value or "").replace("\x00", "").strip()


def _plain_list(values) -> list:
    return [text for text in (_plain(value) for value in (values or [])) if text]


# ---------------------------------------------------------------- quizzes

@dataclass(frozen=True)
class QuizFields:
    """A quiz's settings."""

    title: str
    description: str
    time_limit: int | None
    max_attempts: int
    passing_score: int
    randomize_questions: bool
    show_results_immediately: bool


def create_quiz(lesson, fields: QuizFields):
    """Add an unpublished quiz, without questions yet, to a lesson."""
    quiz = Quiz(id=uuid.uuid4(), lesson=lesson.id, is_published=False, question_count=0)
    _apply_quiz_fields(quiz, fields)
    quiz.save(force_insert=True)
    return quiz


def save_quiz_settings(quiz, fields: QuizFields):
    """Change a quiz's settings. Scores already given stay: they are stored with each attempt."""
    _apply_quiz_fields(quiz, fields)
    quiz.save()
    return quiz


def _apply_quiz_fields(quiz, fields):
    for name in ("title", "time_limit", "max_attempts", "passing_score", "randomize_questions",
                 "show_results_immediately"):
        setattr(quiz, name, getattr(fields, name))
    quiz.description = fields.description or None


def active_questions(quiz) -> list:
    """The quiz's questions that new attempts get, in order (one query)."""
    return list(Question.select()
                .join(RetiredQuestion, JOIN.LEFT_OUTER, on=(RetiredQuestion.question == Question.id))
                .where((Question.quiz == quiz.id) & RetiredQuestion.question.is_null())
                .order_by(Question.order_index))


def answered_question_ids(quiz) -> set:
    """Ids of the quiz's questions that any attempt used, whoever's (see sql/0012_authoring.sql)."""
    cursor = database.execute_sql("SELECT spark_answered_question_ids(%s)", (str(quiz.id),))
    return {uuid.UUID(str(row[0])) for row in cursor.fetchall()}


def retired_count(quiz) -> int:
    """How many earlier versions of questions the quiz keeps for old attempts."""
    return (RetiredQuestion.select().join(Question, on=(RetiredQuestion.question == Question.id))
            .where(Question.quiz == quiz.id).count())


@dataclass(frozen=True)
class QuestionFields:
    """A question as the teacher wrote it, in its stored shape."""

    type: str
    text: str
    options: object
    correct_answer: dict
    explanation: str
    points: int
    difficulty: int


def add_question(quiz, fields: QuestionFields):
    """Add a question at the end of the quiz."""
    check_question(fields)
    with database.atomic():
        _lock(Quiz, quiz.id)
        question = _insert_question(quiz, fields, _next_order(quiz))
        _count_questions(quiz)
    return question


def save_question(teacher, question, fields: QuestionFields):
    """Change a question. If an attempt used it, a new version takes its place and the old one
    is retired, so that attempt's score stays as it was. Returns the question now in place."""
    check_question(fields)
    with database.atomic():
        _lock(Quiz, question.quiz_id)  # one change to a quiz's questions at a time
        current = _active_or_refuse(question)
        if _same_question(current, fields):
            return current
        if current.id not in answered_question_ids(current.quiz):
            for name in ("type", "text", "options", "correct_answer", "explanation", "points", "difficulty"):
                setattr(current, name, getattr(fields, name))
            current.save()
            return current
        place = current.order_index
        _retire(teacher, current)
        replacement = _insert_question(current.quiz, fields, place)
        RetiredQuestion.update(replaced_by=replacement.id).where(RetiredQuestion.question == current.id).execute()
    return replacement


def remove_question(teacher, question) -> bool:
    """Remove a question: deleted if no attempt used it, else retired (kept for those attempts).
    Returns True when it was retired rather than deleted."""
    with database.atomic():
        _lock(Quiz, question.quiz_id)
        current = _active_or_refuse(question)
        answered = current.id in answered_question_ids(current.quiz)
        if answered:
            _retire(teacher, current)
        else:
            Question.delete().where(Question.id == current.id).execute()
        _count_questions(current.quiz)
    return answered


def move_question(question, direction):
    """Swap a question with the active one before or after it."""
    with database.atomic():
        _lock(Quiz, question.quiz_id)
        current = _active_or_refuse(question)
        active = (Question.select()
                  .join(RetiredQuestion, JOIN.LEFT_OUTER, on=(RetiredQuestion.question == Question.id))
                  .where((Question.quiz == current.quiz_id) & RetiredQuestion.question.is_null()))
        neighbour = _neighbour(active, Question.order_index, current.order_index, direction)
        if neighbour is not None:
            _swap_order(Question, "questions_quiz_order_key", current, neighbour)


def _active_or_refuse(question):
    current = (Question.select()
               .join(RetiredQuestion, JOIN.LEFT_OUTER, on=(RetiredQuestion.question == Question.id))
               .where((Question.id == question.id) & RetiredQuestion.question.is_null())
               .first())
    if current is None:
        raise AuthoringRefused(_l("This question was changed in the meantime (another tab, or a second "
                                  "click). Open the quiz again to see it as it is now."))
    return current


def _retire(teacher, question):
    # Retired rows leave the active numbering: they take a free place below zero.
    lowest = Question.select(fn.MIN(Question.order_index)).where(Question.quiz == question.quiz_id).scalar()
    Question.update(order_index=min(lowest or 0, 0) - 1).where(Question.id == question.id).execute()
    RetiredQuestion.insert(question=question.id, retired_by=teacher.id).execute()


def _next_order(quiz):
    return (Question.select(fn.MAX(Question.order_index)).where(Question.quiz == quiz.id).scalar() or 0) + 1


def _insert_question(quiz, fields, order_index):
    question = Question(id=uuid.uuid4(), quiz=quiz.id, order_index=order_index, type=fields.type,
                        text=fields.text, options=fields.options, correct_answer=fields.correct_answer,
                        explanation=fields.explanation, points=fields.points, difficulty=fields.difficulty)
    question.save(force_insert=True)
    return question


def _count_questions(quiz):
    count = (Question.select()
             .join(RetiredQuestion, JOIN.LEFT_OUTER, on=(RetiredQuestion.question == Question.id))
             .where((Question.quiz == quiz.id) & RetiredQuestion.question.is_null())
             .count())
    Quiz.update(question_count=count).where(Quiz.id == quiz.id).execute()


def _same_question(question, fields):
    """True when the form says what the question already says (a shuffled list counts as the same)."""
    if question.type != fields.type:
        return False
    if (question.text, question.explanation or "", question.points, question.difficulty) != (
            fields.text, fields.explanation or "", fields.points, fields.difficulty):
        return False
    return canonical_key(question.type, question.options, question.correct_answer) == canonical_key(
        fields.type, fields.options, fields.correct_answer)


def canonical_key(kind, options, correct_answer):
    """The answer key in the teacher's order: matching pairs lined up, ordering items in order."""
    if kind == QuestionType.MATCHING:
        pairs = sorted(correct_answer["pairs"])
        used = {right for _, right in pairs}
        spare = [item for index, item in enumerate(options["right"]) if index not in used]
        return {"left": options["left"], "right": [options["right"][right] for _, right in pairs] + spare}
    if kind == QuestionType.ORDERING:
        return {"items": [options[index] for index in correct_answer["order"]]}
    return {"options": options, "correct_answer": correct_answer}


# ---------------------------------------------------------------- question shapes

def matching_options(left, right_in_order, spare=None, rng=random):
    """Store a matching question: `right_in_order[i]` matches `left[i]`; the right column shuffled."""
    right = list(right_in_order) + ([spare] if spare else [])
    order = list(range(len(right)))
    if len(order) > 1:
        while order == list(range(len(right))):
            rng.shuffle(order)  # never left in the teacher's order: the answer would be the layout
    shuffled = [right[i] for i in order]
    pairs = [[i, order.index(i)] for i in range(len(left))]
    return {"left": list(left), "right": shuffled}, {"pairs": pairs}


def ordering_options(items_in_order, rng=random):
    """Store an ordering question: the items jumbled, never already in order, and the key."""
    jumbled = list(range(len(items_in_order)))
    if len(jumbled) > 1:
        while jumbled == sorted(jumbled):
            rng.shuffle(jumbled)
    options = [items_in_order[i] for i in jumbled]
    # order lists option indices in the correct order: item k sits at jumbled.index(k).
    return options, {"order": [jumbled.index(k) for k in range(len(items_in_order))]}


def check_question(fields: QuestionFields):
    """Refuse a question whose answer key does not fit its type (docs/content-format.md)."""
    if not fields.text.strip():
        raise AuthoringRefused(_l("Write the question."), "text")
    if not fields.explanation.strip():
        raise AuthoringRefused(_l("Write an explanation: students see it after their answer is marked."),
                               "explanation")
    if not isinstance(fields.points, int) or fields.points <= 0:
        raise AuthoringRefused(_l("Points must be a whole number above 0."), "points")
    checker = _QUESTION_CHECKS.get(fields.type)
    if checker is None:
        raise AuthoringRefused(_l("Choose a kind of question from the list."))
    checker(fields.text, fields.options, fields.correct_answer)
    _check_key_grades(fields)


def _check_key_grades(fields):
    """The grader itself must give full marks to the key's own answer: the last word on the shape."""
    right = _answer_from_key(fields.type, fields.options, fields.correct_answer)
    if right is None:
        return
    try:
        result = grading.grade(fields.type, fields.options, fields.correct_answer, right)
    except (grading.AnswerRejected, KeyError, TypeError, ValueError, IndexError):
        raise AuthoringRefused(_l("This answer key does not fit the question.")) from None
    if result.credit != 1:
        raise AuthoringRefused(_l("This answer key does not fit the question."))


def _answer_from_key(kind, options, key):
    if kind == QuestionType.MULTIPLE_CHOICE:
        return {"chosen": sorted(key["correct"])}
    if kind == QuestionType.TRUE_FALSE:
        return {"value": key["value"]}
    if kind == QuestionType.FILL_BLANK:
        firsts = [accepted[0] for accepted in key["blanks"]]
        return None if any("*" in text for text in firsts) else {"blanks": firsts}
    if kind == QuestionType.SHORT_ANSWER:
        if "numeric" in key:
            return {"text": format(Decimal(str(key["numeric"])), "f")}
        return None if "*" in key["accepted"][0] else {"text": key["accepted"][0]}
    if kind == QuestionType.MATCHING:
        return {"pairs": key["pairs"]}
    if kind == QuestionType.ORDERING:
        return {"order": key["order"]}
    return None  # essays: a person decides


def _check_multiple_choice(text, options, key):
    if not isinstance(options, list) or not 2 <= len(options) <= MAX_OPTIONS or not all(options):
        raise AuthoringRefused(_l("Give 2 to %(num)d choices, one per line.", num=MAX_OPTIONS), "options")
    if len(set(options)) != len(options):
        raise AuthoringRefused(_l("Each choice must be different."), "options")
    correct = key.get("correct") if isinstance(key, dict) else None
    if not isinstance(correct, list) or not correct:
        raise AuthoringRefused(_l("Tick at least one right answer."), "correct")
    if any(not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(options) for i in correct):
        raise AuthoringRefused(_l("A right answer you ticked has no choice: there are only %(num)d choices.",
                                  num=len(options)), "correct")
    if len(set(correct)) != len(correct):
        raise AuthoringRefused(_l("Tick each right answer once."), "correct")
    if len(correct) == len(options):
        raise AuthoringRefused(_l("Leave at least one choice wrong."), "correct")


def _check_true_false(text, options, key):
    if options is not None or not isinstance(key, dict) or not isinstance(key.get("value"), bool):
        raise AuthoringRefused(_l("Choose whether the statement is true or false."), "value")


def _check_short_answer(text, options, key):
    if options is not None or not isinstance(key, dict):
        raise AuthoringRefused(_l("This answer key does not fit the question."))
    if "numeric" in key:
        if set(key) != {"numeric", "tolerance"}:
            raise AuthoringRefused(_l("This answer key does not fit the question."))
        for name in ("numeric", "tolerance"):
            if not isinstance(key[name], (int, float)) or isinstance(key[name], bool):
                raise AuthoringRefused(_l("Give the right number, such as 0.75."), name)
        if key["tolerance"] < 0:
            raise AuthoringRefused(_l("The tolerance cannot be below 0."), "tolerance")
        return
    if set(key) != {"accepted", "case_sensitive"} or not isinstance(key["case_sensitive"], bool):
        raise AuthoringRefused(_l("This answer key does not fit the question."))
    if not isinstance(key["accepted"], list) or not key["accepted"] or not all(
            isinstance(a, str) and a.strip() and a.strip() != "*" for a in key["accepted"]):
        raise AuthoringRefused(_l("Give at least one accepted answer, one per line (a lone * would accept "
                                  "anything)."), "accepted")


def _check_fill_blank(text, options, key):
    markers = [int(n) for n in BLANK_MARKER.findall(text)]
    if not markers:
        raise AuthoringRefused(_l("Mark each blank in the text with [[1]], [[2]] and so on."), "text")
    if markers != list(range(1, len(markers) + 1)):
        raise AuthoringRefused(_l("Number the blanks [[1]], [[2]], … in order, each once."), "text")
    if options is not None or not isinstance(key, dict) or set(key) != {"blanks", "case_sensitive"}:
        raise AuthoringRefused(_l("This answer key does not fit the question."))
    blanks = key["blanks"]
    if not isinstance(blanks, list) or len(blanks) != len(markers):
        raise AuthoringRefused(_l("The text has %(markers)d blanks but you gave answers for %(lines)d: "
                                  "give one line of answers per blank.",
                                  markers=len(markers), lines=len(blanks) if isinstance(blanks, list) else 0),
                               "blanks")
    if not all(isinstance(accepted, list) and accepted and all(isinstance(a, str) and a.strip() for a in accepted)
               for accepted in blanks):
        raise AuthoringRefused(_l("Give at least one accepted answer for every blank."), "blanks")


def _check_matching(text, options, key):
    if not isinstance(options, dict) or set(options) != {"left", "right"}:
        raise AuthoringRefused(_l("This answer key does not fit the question."))
    left, right = options["left"], options["right"]
    if not 2 <= len(left) <= MAX_OPTIONS:
        raise AuthoringRefused(_l("Give 2 to %(num)d items to match, one per line.", num=MAX_OPTIONS), "left")
    if len(right) not in (len(left), len(left) + 1):
        raise AuthoringRefused(_l("Give one match per item, in the same order, and at most one extra "
                                  "(a distractor)."), "right")
    if len(set(left)) != len(left) or len(set(right)) != len(right) or not all(left) or not all(right):
        raise AuthoringRefused(_l("Each item and each match must be different."), "right")
    pairs = key.get("pairs") if isinstance(key, dict) else None
    if (not isinstance(pairs, list) or sorted(p[0] for p in pairs) != list(range(len(left)))
            or len({p[1] for p in pairs}) != len(pairs)
            or not all(isinstance(p[1], int) and 0 <= p[1] < len(right) for p in pairs)):
        raise AuthoringRefused(_l("Each item needs exactly one match, and each match is used once."), "right")


def _check_ordering(text, options, key):
    if not isinstance(options, list) or not 2 <= len(options) <= MAX_OPTIONS or not all(options):
        raise AuthoringRefused(_l("Give 2 to %(num)d items, one per line, in the right order.",
                                  num=MAX_OPTIONS), "items")
    if len(set(options)) != len(options):
        raise AuthoringRefused(_l("Each item must be different."), "items")
    order = key.get("order") if isinstance(key, dict) else None
    if not isinstance(order, list) or sorted(order) != list(range(len(options))):
        raise AuthoringRefused(_l("This answer key does not fit the question."))
    if order == list(range(len(options))):
        raise AuthoringRefused(_l("The items must not be stored in the right order already."))


def _check_essay(text, options, key):
    if options is not None or not isinstance(key, dict) or set(key) != {"rubric", "sample_answer", "min_words"}:
        raise AuthoringRefused(_l("This answer key does not fit the question."))
    if not str(key["rubric"]).strip():
        raise AuthoringRefused(_l("Write the rubric: what a good answer has, for whoever marks it."), "rubric")
    if not isinstance(key["min_words"], int) or key["min_words"] <= 0:
        raise AuthoringRefused(_l("The least number of words must be above 0."), "min_words")
    if len(str(key["sample_answer"]).split()) < key["min_words"]:
        raise AuthoringRefused(_l("The sample answer must itself have at least %(num)d words.",
                                  num=key["min_words"]), "sample_answer")


_QUESTION_CHECKS = {
    QuestionType.MULTIPLE_CHOICE: _check_multiple_choice,
    QuestionType.TRUE_FALSE: _check_true_false,
    QuestionType.SHORT_ANSWER: _check_short_answer,
    QuestionType.FILL_BLANK: _check_fill_blank,
    QuestionType.MATCHING: _check_matching,
    QuestionType.ORDERING: _check_ordering,
    QuestionType.ESSAY: _check_essay,
}


def parse_decimal(text):
    """A typed number (`,` or `.` decimals, real minus sign) as a float, or None."""
    value = (text or "").strip().replace("\u2212", "-").replace(",", ".")
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return float(number) if number.is_finite() else None


def image_size(path):
    """(width, height) of a PNG, GIF or JPEG file, or (None, None): the reader reserves the space."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return None, None
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return int.from_bytes(head[6:8], "little"), int.from_bytes(head[8:10], "little")
    if head.startswith(b"\xff\xd8"):
        position = 2
        while position + 9 < len(head):
            if head[position] != 0xFF:
                break
            marker = head[position + 1]
            length = int.from_bytes(head[position + 2:position + 4], "big")
            # Start-of-frame markers carry the size; C4, C8 and CC are not frames.
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                return (int.from_bytes(head[position + 7:position + 9], "big"),
                        int.from_bytes(head[position + 5:position + 7], "big"))
            position += 2 + length
    return None, None
