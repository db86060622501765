"""Views: authoring (teachers) — courses, lessons and their blocks, quizzes and questions, previews.

Content of the teacher's school is editable; platform content is read-only (its
write pages answer 404, like another school's content). Reordering and removing
work as plain forms that post and redirect, and as htmx posts that get back the
list they changed (one block of the same page template).
"""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from spark import authoring, uploads
from spark.authoring import AuthoringRefused
from spark.blueprints.teachers import bp
from spark.blueprints.teachers.authoring_forms import (
    BLOCK_FORMS, BLOCK_TYPE_NAMES, DIFFICULTY_NAMES, QUESTION_FORMS, QUESTION_TYPE_NAMES, CourseForm,
    LessonForm, QuizForm, lines,
)
from spark.grading import AnswerRejected, answer_from_form, grade
from spark.lessons import safe_blocks
from spark.models.enums import QuestionType
from spark.pages import render_page, wants_fragment

IMAGE_MAX_BYTES = 500 * 1024
NAMES = dict(block_type_names=BLOCK_TYPE_NAMES, question_type_names=QUESTION_TYPE_NAMES,
             difficulty_names=DIFFICULTY_NAMES)


def _page(template, status=200, block="content", **context):
    return render_page(template, block=block, status=status, **NAMES, **context)


def _direction():
    direction = request.form.get("direction")
    if direction not in ("up", "down"):
        abort(400)
    return direction


# ---------------------------------------------------------------- courses

@bp.route("/courses")
def course_list():
    """The school's courses (editable) and the platform's (read-only), with their lesson counts."""
    courses = authoring.courses_for_teacher(current_user)
    return _page("teachers/authoring/courses.html",
                 own=[c for c in courses if c.school_id is not None],
                 platform=[c for c in courses if c.school_id is None])


@bp.route("/courses/new", methods=["GET", "POST"])
def new_course():
    """Create a course of my school (unpublished until I publish it)."""
    return _course_form(None)


@bp.route("/courses/<uuid:course_id>/edit", methods=["GET", "POST"])
def edit_course(course_id):
    """Change a course's details."""
    return _course_form(authoring.writable_course(current_user, course_id) or abort(404))


def _course_form(course):
    form = CourseForm(obj=course)
    form.set_prerequisite_choices(authoring.prerequisite_choices(current_user, course))
    if request.method == "GET" and course is not None:
        form.learning_objectives.data = "\n".join(course.learning_objectives or [])
        form.prerequisites.data = list(course.prerequisites or [])
    if form.validate_on_submit():
        try:
            course = authoring.save_course(current_user, course, authoring.CourseFields(
                title=form.title.data.strip(), description=(form.description.data or "").strip(),
                subject=form.subject.data.strip(), grade=form.grade.data, difficulty=form.difficulty.data,
                estimated_hours=form.estimated_hours.data, learning_objectives=lines(form.learning_objectives.data),
                prerequisites=list(form.prerequisites.data or [])))
        except AuthoringRefused as refused:
            form.prerequisites.errors = [refused.message]
        else:
            flash(_("The course is saved."), "success")
            return redirect(url_for("teachers.course_editor", course_id=course.id))
    return _page("teachers/authoring/course_form.html", form=form, course=course,
                 status=422 if form.errors else 200)


@bp.route("/courses/<uuid:course_id>")
def course_editor(course_id):
    """A course with its lessons in order and their quizzes; read-only for platform courses."""
    course = authoring.readable_course(current_user, course_id) or abort(404)
    return _page("teachers/authoring/course.html", course=course, lessons=authoring.course_outline(course),
                 editable=course.school_id == current_user.school_id, error=None)


@bp.route("/courses/<uuid:course_id>/publish", methods=["POST"])
def publish_course(course_id):
    """Publish or unpublish a course (students see only published courses)."""
    course = authoring.writable_course(current_user, course_id) or abort(404)
    authoring.set_published(course, request.form.get("published") == "1")
    flash(_("Students of classes that follow this course can now see it.") if course.is_published
          else _("The course is hidden from students."), "success")
    return redirect(url_for("teachers.course_editor", course_id=course.id))


# ---------------------------------------------------------------- lessons

@bp.route("/courses/<uuid:course_id>/lessons/new", methods=["GET", "POST"])
def new_lesson(course_id):
    """Add a lesson at the end of a course; its blocks come next."""
    course = authoring.writable_course(current_user, course_id) or abort(404)
    form = LessonForm()
    if form.validate_on_submit():
        lesson = authoring.create_lesson(course, _lesson_fields(form))
        flash(_("The lesson is added. Now add its blocks."), "success")
        return redirect(url_for("teachers.lesson_editor", lesson_id=lesson.id))
    return _page("teachers/authoring/lesson_form.html", form=form, course=course,
                 status=422 if form.errors else 200)


def _lesson_fields(form):
    return authoring.LessonFields(
        title=form.title.data.strip(), duration=form.duration.data, difficulty_level=form.difficulty_level.data,
        objectives=lines(form.objectives.data), keywords=lines(form.keywords.data),
        requires_internet=bool(form.requires_internet.data))


@bp.route("/lessons/<uuid:lesson_id>/move", methods=["POST"])
def move_lesson(lesson_id):
    """Move a lesson up or down in its course."""
    lesson = authoring.writable_lesson(current_user, lesson_id) or abort(404)
    authoring.move_lesson(lesson, _direction())
    if wants_fragment():
        return _page("teachers/authoring/course.html", block="lessons", course=lesson.course,
                     lessons=authoring.course_outline(lesson.course), editable=True, error=None)
    return redirect(url_for("teachers.course_editor", course_id=lesson.course.id) + "#lessons")


@bp.route("/lessons/<uuid:lesson_id>", methods=["GET", "POST"])
def lesson_editor(lesson_id):
    """A lesson's details and its blocks; read-only for platform lessons."""
    lesson = authoring.readable_lesson(current_user, lesson_id) or abort(404)
    editable = lesson.course.school_id == current_user.school_id
    form = LessonForm(obj=lesson)
    if request.method == "GET":
        form.objectives.data = "\n".join(lesson.objectives or [])
        form.keywords.data = "\n".join(lesson.keywords or [])
    elif not editable:
        abort(404)
    elif form.validate_on_submit():
        authoring.save_lesson(lesson, _lesson_fields(form))
        flash(_("The lesson is saved."), "success")
        return redirect(url_for("teachers.lesson_editor", lesson_id=lesson.id))
    return _lesson_page(lesson, form=form, editable=editable, status=422 if form.errors else 200)


def _lesson_page(lesson, form=None, editable=True, status=200, block="content", error=None):
    return _page("teachers/authoring/lesson.html", block=block, status=status, lesson=lesson,
                 form=form or LessonForm(formdata=None, obj=lesson), editable=editable,
                 blocks=authoring.lesson_blocks(lesson), revision=authoring.revision_of(lesson),
                 quizzes=[] if block == "blocks" else list(lesson.quizzes), error=error)


@bp.route("/lessons/<uuid:lesson_id>/publish", methods=["POST"])
def publish_lesson(lesson_id):
    """Publish or unpublish a lesson."""
    lesson = authoring.writable_lesson(current_user, lesson_id) or abort(404)
    authoring.set_published(lesson, request.form.get("published") == "1")
    flash(_("The lesson is published.") if lesson.is_published else _("The lesson is hidden from students."),
          "success")
    return redirect(url_for("teachers.lesson_editor", lesson_id=lesson.id))


@bp.route("/lessons/<uuid:lesson_id>/preview")
def preview_lesson(lesson_id):
    """The lesson as a student sees it; nothing is recorded."""
    lesson = authoring.readable_lesson(current_user, lesson_id) or abort(404)
    return _page("teachers/authoring/lesson_preview.html", lesson=lesson, blocks=safe_blocks(lesson.content))


# ---------------------------------------------------------------- lesson blocks

@bp.route("/lessons/<uuid:lesson_id>/blocks/new", methods=["GET", "POST"])
def new_block(lesson_id):
    """Add a block of the chosen kind at the end of the lesson."""
    lesson = authoring.writable_lesson(current_user, lesson_id) or abort(404)
    kind = request.args.get("type", "")
    return _block_form(lesson, kind, None) if kind in BLOCK_FORMS else abort(404)


@bp.route("/lessons/<uuid:lesson_id>/blocks/<int:index>", methods=["GET", "POST"])
def edit_block(lesson_id, index):
    """Change one block."""
    lesson = authoring.writable_lesson(current_user, lesson_id) or abort(404)
    blocks = authoring.lesson_blocks(lesson)
    if not 0 <= index < len(blocks) or blocks[index].get("type") not in BLOCK_FORMS:
        abort(404)
    return _block_form(lesson, blocks[index]["type"], index)


def _block_form(lesson, kind, index):
    form = BLOCK_FORMS[kind]()
    existing = authoring.lesson_blocks(lesson)[index] if index is not None else None
    if request.method == "GET" and existing is not None:
        form.fill(existing)
    revision = request.form.get("revision") or authoring.revision_of(lesson)
    error = None
    if form.validate_on_submit():
        try:
            block = form.to_block()
            if kind == "image":
                block.update(_image_source(form, lesson, existing, revision))
            if index is None:
                authoring.add_block(lesson, revision, block)
            else:
                authoring.replace_block(lesson, revision, index, block)
        except (AuthoringRefused, uploads.UploadRefused) as refused:
            error = refused.message
        else:
            flash(_("The block is saved."), "success")
            return redirect(url_for("teachers.lesson_editor", lesson_id=lesson.id) + "#blocks")
    return _page("teachers/authoring/block_form.html", form=form, lesson=lesson, kind=kind, index=index,
                 existing=existing, revision=revision, error=error,
                 status=422 if form.errors or error else 200)


def _image_source(form, lesson, existing, revision):
    """The picture's `src` (and size): a new upload, or the one the block already had."""
    upload = form.image.data
    if not upload or not getattr(upload, "filename", ""):
        if existing is not None and existing.get("src"):
            return {"src": existing["src"], "width": existing.get("width"), "height": existing.get("height")}
        raise AuthoringRefused(_("Choose a picture to upload."), "image")
    if revision != authoring.revision_of(lesson):
        raise AuthoringRefused(_("The lesson was changed in the meantime (another tab, or a second click). "
                                 "Here it is as it is now; make your change again."))
    stored = uploads.store_upload(upload, uploads.IMAGE_EXTENSIONS, IMAGE_MAX_BYTES, current_user.id,
                                  uploads.PURPOSE_LESSON_IMAGE, lesson_id=lesson.id)
    width, height = authoring.image_size(uploads.path_of(stored.key))
    # "upload:<key>": served by the files blueprint to whoever may read the lesson. Today's reader
    # (spark.lessons.safe_blocks) drops such a block safely until it learns this form (see the report).
    return {"src": authoring.UPLOADED_IMAGE_PREFIX + stored.key, "width": width, "height": height}


@bp.route("/lessons/<uuid:lesson_id>/blocks/<int:index>/move", methods=["POST"])
def move_block(lesson_id, index):
    """Move a block up or down."""
    lesson = authoring.writable_lesson(current_user, lesson_id) or abort(404)
    direction = _direction()
    return _after_block_change(lesson, lambda revision: authoring.move_block(lesson, revision, index, direction))


@bp.route("/lessons/<uuid:lesson_id>/blocks/<int:index>/remove", methods=["POST"])
def remove_block(lesson_id, index):
    """Remove a block."""
    lesson = authoring.writable_lesson(current_user, lesson_id) or abort(404)
    return _after_block_change(lesson, lambda revision: authoring.remove_block(lesson, revision, index))


def _after_block_change(lesson, change):
    error = None
    try:
        change(request.form.get("revision", ""))
    except AuthoringRefused as refused:
        error = refused.message
        lesson = authoring.writable_lesson(current_user, lesson.id)
    if wants_fragment():
        return _lesson_page(lesson, block="blocks", status=409 if error else 200, error=error)
    if error:
        flash(error, "error")
    return redirect(url_for("teachers.lesson_editor", lesson_id=lesson.id) + "#blocks")


# ---------------------------------------------------------------- quizzes

@bp.route("/lessons/<uuid:lesson_id>/quizzes/new", methods=["GET", "POST"])
def new_quiz(lesson_id):
    """Add a quiz to a lesson; its questions come next."""
    lesson = authoring.writable_lesson(current_user, lesson_id) or abort(404)
    form = QuizForm()
    if form.validate_on_submit():
        quiz = authoring.create_quiz(lesson, _quiz_fields(form))
        flash(_("The quiz is added. Now add its questions."), "success")
        return redirect(url_for("teachers.quiz_editor", quiz_id=quiz.id))
    return _page("teachers/authoring/quiz_form.html", form=form, lesson=lesson, status=422 if form.errors else 200)


def _quiz_fields(form):
    return authoring.QuizFields(
        title=form.title.data.strip(), description=(form.description.data or "").strip(),
        time_limit=form.time_limit.data, max_attempts=form.max_attempts.data,
        passing_score=form.passing_score.data, randomize_questions=bool(form.randomize_questions.data),
        show_results_immediately=bool(form.show_results_immediately.data))


@bp.route("/quizzes/<uuid:quiz_id>", methods=["GET", "POST"])
def quiz_editor(quiz_id):
    """A quiz's settings and its questions; read-only for platform quizzes."""
    quiz = authoring.readable_quiz(current_user, quiz_id) or abort(404)
    editable = quiz.lesson.course.school_id == current_user.school_id
    form = QuizForm(obj=quiz)
    if request.method == "POST":
        if not editable:
            abort(404)
        if form.validate_on_submit():
            authoring.save_quiz_settings(quiz, _quiz_fields(form))
            flash(_("The quiz settings are saved."), "success")
            return redirect(url_for("teachers.quiz_editor", quiz_id=quiz.id))
    return _quiz_page(quiz, form=form, editable=editable, status=422 if form.errors else 200)


def _quiz_page(quiz, form=None, editable=True, status=200, block="content", error=None):
    return _page("teachers/authoring/quiz.html", block=block, status=status, quiz=quiz,
                 form=form or QuizForm(formdata=None, obj=quiz), editable=editable,
                 questions=authoring.active_questions(quiz),
                 answered=authoring.answered_question_ids(quiz) if editable else set(),
                 retired=authoring.retired_count(quiz), error=error)


@bp.route("/quizzes/<uuid:quiz_id>/publish", methods=["POST"])
def publish_quiz(quiz_id):
    """Publish or unpublish a quiz."""
    quiz = authoring.writable_quiz(current_user, quiz_id) or abort(404)
    try:
        authoring.set_published(quiz, request.form.get("published") == "1")
    except AuthoringRefused as refused:
        flash(refused.message, "error")
    else:
        flash(_("The quiz is published.") if quiz.is_published else _("The quiz is hidden from students."),
              "success")
    return redirect(url_for("teachers.quiz_editor", quiz_id=quiz.id))


@bp.route("/quizzes/<uuid:quiz_id>/questions/new", methods=["GET", "POST"])
def new_question(quiz_id):
    """Add a question of the chosen type."""
    quiz = authoring.writable_quiz(current_user, quiz_id) or abort(404)
    kind = request.args.get("type", "")
    if kind not in QUESTION_FORMS:
        abort(404)
    return _question_form(quiz, QUESTION_FORMS[kind](), None)


@bp.route("/questions/<uuid:question_id>", methods=["GET", "POST"])
def edit_question(question_id):
    """Change a question; if students have answered it, the change makes a new version."""
    question = authoring.writable_question(current_user, question_id) or abort(404)
    form = QUESTION_FORMS[question.type]()
    if request.method == "GET":
        form.fill(question)
    return _question_form(question.quiz, form, question)


def _question_form(quiz, form, question):
    error = None
    if form.validate_on_submit():
        try:
            fields = form.to_question()
            if question is None:
                authoring.add_question(quiz, fields)
                flash(_("The question is added."), "success")
            else:
                saved = authoring.save_question(current_user, question, fields)
                flash(_("Students had already answered this question, so it was saved as a new version: "
                        "their earlier attempts keep their scores.") if saved.id != question.id
                      else _("The question is saved."), "success")
        except AuthoringRefused as refused:
            error = refused.message
        else:
            return redirect(url_for("teachers.quiz_editor", quiz_id=quiz.id) + "#questions")
    if hasattr(form, "label_choices"):
        form.label_choices()
    answered = question is not None and question.id in authoring.answered_question_ids(quiz)
    return _page("teachers/authoring/question_form.html", form=form, quiz=quiz, question=question,
                 kind=form.kind, error=error, answered=answered, status=422 if form.errors or error else 200)


@bp.route("/questions/<uuid:question_id>/move", methods=["POST"])
def move_question(question_id):
    """Move a question up or down in its quiz."""
    question = authoring.writable_question(current_user, question_id) or abort(404)
    direction = _direction()
    return _after_question_change(question.quiz, lambda: authoring.move_question(question, direction))


@bp.route("/questions/<uuid:question_id>/remove", methods=["POST"])
def remove_question(question_id):
    """Remove a question (kept for the attempts that used it, if any)."""
    question = authoring.writable_question(current_user, question_id) or abort(404)
    return _after_question_change(question.quiz, lambda: authoring.remove_question(current_user, question))


def _after_question_change(quiz, change):
    error = None
    try:
        change()
    except AuthoringRefused as refused:
        error = refused.message
    quiz = authoring.writable_quiz(current_user, quiz.id)
    if wants_fragment():
        return _quiz_page(quiz, block="questions", status=409 if error else 200, error=error)
    if error:
        flash(error, "error")
    return redirect(url_for("teachers.quiz_editor", quiz_id=quiz.id) + "#questions")


@bp.route("/quizzes/<uuid:quiz_id>/preview", methods=["GET", "POST"])
def preview_quiz(quiz_id):
    """The quiz one question at a time as a student sees it; an answer is marked but never recorded."""
    quiz = authoring.readable_quiz(current_user, quiz_id) or abort(404)
    questions = authoring.active_questions(quiz)
    number = min(max(request.args.get("q", 1, type=int), 1), max(len(questions), 1))
    question = questions[number - 1] if questions else None
    result, error, status, typed = None, None, 200, None
    if request.method == "POST" and question is not None:
        try:
            answer = answer_from_form(question.type, question.options, question.correct_answer,
                                      request.form, "answer")
            result = grade(question.type, question.options, question.correct_answer, answer)
            # Shown again in the inputs, shaped like a saved answer (question_inputs reads .id and .answer).
            typed = {"id": "preview", "answer": answer} if answer is not None else None
        except AnswerRejected as rejected:
            error, status = rejected.message, 422
    return _page("teachers/authoring/quiz_preview.html", block="question", status=status, quiz=quiz,
                 questions=questions, number=number, question=question, result=result, error=error,
                 typed=typed, essay=QuestionType.ESSAY)
