"""The installable app and the student's offline pages: service worker, manifest, saved lessons."""
import json
import uuid
from functools import lru_cache
from pathlib import Path

from flask import abort, flash, g, make_response, redirect, request, url_for
from flask_babel import get_locale, gettext as _, ngettext
from flask_login import current_user

from spark import offline, quizzes
from spark.accounts import utcnow
from spark.blueprints.sync import bp
from spark.grading import AnswerRejected, answer_from_form
from spark.lessons import safe_blocks
from spark.models import StudentProgress
from spark.models.enums import Role
from spark.pages import render_page, wants_fragment
from spark.security import role_required

STATIC = Path(__file__).resolve().parents[2] / "static"
# Student pages worth keeping for offline use, as the server rendered them for the
# signed-in student. The service worker caches a page only when the response says so
# (X-Spark-Offline), so no other role's page and no fragment is ever kept.
OFFLINE_PAGES = {"students.home", "students.course_list", "students.course_page", "students.badges_page",
                 "sync.saved", "sync.offline_lesson", "sync.offline_quiz"}


def static_url(filename):
    """The app's hashed static URL (spark.static_url, imported late: spark/__init__ imports the blueprints)."""
    from spark import static_url as hashed
    return hashed(filename)


@bp.after_app_request
def mark_offline_pages(response):
    """Tell the service worker which responses it may keep: whole student pages of the list above."""
    if (request.endpoint in OFFLINE_PAGES and request.method == "GET" and response.status_code == 200
            and current_user.is_authenticated and current_user.role == Role.STUDENT and not wants_fragment()):
        response.headers["X-Spark-Offline"] = "page"
    return response


@bp.app_context_processor
def offline_helpers():
    """`offline_saved(lesson_id)` for the save buttons: one query per page, only when used."""
    def offline_saved(lesson_id):
        if "saved_lesson_ids" not in g:
            g.saved_lesson_ids = offline.saved_lesson_ids(current_user.id)
        return lesson_id in g.saved_lesson_ids
    return {"offline_saved": offline_saved}


def offline_urls(lesson_id, quizzes_with_counts, images):
    """The pages and files a device keeps for one saved lesson."""
    urls = [url_for("sync.offline_lesson", lesson_id=lesson_id)]
    for quiz, count in quizzes_with_counts:
        urls += [url_for("sync.offline_quiz", quiz_id=quiz.id, q=n) for n in range(1, count + 2)]
    return urls + [static_url(src) for src in images]


# ---------------------------------------------------------------------------------- the app


@bp.route("/sw.js")
def service_worker():
    """The service worker, at the root so its scope is the whole site; never cached by HTTP."""
    shell = [url_for("sync.offline_page"), url_for("sync.manifest"), static_url("css/spark.css"),
             static_url("vendor/htmx.min.js"), static_url("js/offline.js"), static_url("icons/icon.svg")]
    body = (_service_worker_source()
            .replace('"__VERSION__"', json.dumps(offline.app_version()))
            .replace('"__SHELL__"', json.dumps(shell)))
    response = make_response(body)
    response.mimetype = "text/javascript"
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@lru_cache(maxsize=1)
def _service_worker_source():
    return (STATIC / "sw.js").read_text(encoding="utf-8")


@bp.route("/manifest.webmanifest")
def manifest():
    """The web app manifest: Spark installs like an app, opens on the user's home page."""
    body = {
        "name": "Spark", "short_name": "Spark", "description": _("Learn, play and grow, online or offline."),
        "lang": str(get_locale()), "start_url": "/", "scope": "/", "display": "standalone",
        "background_color": "#f6f7fb", "theme_color": "#5b3cc4",
        "icons": [
            {"src": static_url("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static_url("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static_url("icons/icon-512.png"), "sizes": "512x512", "type": "image/png",
             "purpose": "any maskable"},
        ],
    }
    response = make_response(json.dumps(body, ensure_ascii=False))
    response.mimetype = "application/manifest+json"
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.route("/offline")
def offline_page():
    """What the service worker shows for a page it has not kept, when there is no network."""
    return render_page("sync/offline.html", keep_offline_copies=True)


# ---------------------------------------------------------------------------------- saved lessons


@bp.route("/student/saved")
@role_required(Role.STUDENT)
def saved():
    """The lessons I saved for offline use, their size, and a button to remove each."""
    entries = offline.saved_list(current_user.id)
    urls = {entry.lesson.id: offline_urls(entry.lesson.id, entry.quizzes,
                                          [b["src"] for b in safe_blocks(entry.lesson.offline_content)
                                           if b["type"] == "image"])
            for entry in entries}
    return render_page("sync/saved.html", entries=entries, urls=urls,
                       total_bytes=sum(entry.size_bytes for entry in entries))


@bp.route("/student/saved", methods=["POST"])
@role_required(Role.STUDENT)
def save():
    """Save a lesson, or every lesson of a course, for offline use."""
    lesson_id, course_id = _form_uuid("lesson_id"), _form_uuid("course_id")
    try:
        if lesson_id:
            count = offline.save_lesson(current_user.id, lesson_id, str(get_locale()), utcnow())
        elif course_id:
            count = offline.save_course(current_user.id, course_id, str(get_locale()), utcnow())
        else:
            abort(404)
    except offline.CannotSave as refused:
        if refused.reason == "needs_internet":
            flash(_("This lesson needs the internet, so it cannot be saved for offline use."), "error")
            return redirect(url_for("students.lesson_page", lesson_id=lesson_id))
        abort(404)
    if count:
        flash(ngettext("%(num)d lesson saved for offline use.", "%(num)d lessons saved for offline use.", count),
              "success")
    else:
        flash(_("None of these lessons can be used offline."), "error")
    return redirect(url_for("sync.saved"))


def _form_uuid(name):
    try:
        return uuid.UUID(request.form.get(name, ""))
    except ValueError:
        return None


@bp.route("/student/saved/<uuid:lesson_id>/remove", methods=["POST"])
@role_required(Role.STUDENT)
def remove_saved(lesson_id):
    """Remove a lesson from the saved list (the phone deletes its copy on the next page or sync)."""
    if offline.remove_saved(current_user.id, lesson_id):
        flash(_("Removed from this phone's offline lessons."), "success")
    return redirect(url_for("sync.saved"))


@bp.route("/student/saved/lessons/<uuid:lesson_id>")
@role_required(Role.STUDENT)
def offline_lesson(lesson_id):
    """A lesson as kept for offline use; finishing it offline is queued and sent at the next sync."""
    found = offline.lessons_of_student(current_user.id, [lesson_id]) or abort(404)
    packages = offline.packages_for(found, str(get_locale())) or abort(404)
    progress = (StudentProgress.select()
                .where((StudentProgress.student == current_user.id) & (StudentProgress.lesson == lesson_id))
                .first())
    return render_page("sync/lesson.html", package=packages[0], lesson=found[0], progress=progress)


@bp.route("/student/saved/quizzes/<uuid:quiz_id>", methods=["GET", "POST"])
@role_required(Role.STUDENT)
def offline_quiz(quiz_id):
    """A saved quiz, one question per screen, no answer keys; offline.js keeps the answers and queues them.

    Without JavaScript (no offline use then) the form starts a real attempt and goes on online.
    """
    quiz = quizzes.quiz_for_student(current_user.id, quiz_id) or abort(404)
    questions = [offline.public_question(q) for q in offline.current_questions([quiz.id])]
    number = min(max(request.args.get("q", 1, type=int), 1), len(questions) + 1)
    error, status = None, 200
    if request.method == "POST":
        outcome = _answer_online(quiz, questions, number)
        if not isinstance(outcome, str):
            return outcome
        error, status = outcome, 422
    return render_page("sync/quiz.html", status=status, quiz=quiz, questions=questions, number=number,
                       error=error, client_id=uuid.uuid4(),
                       attempts_used=len(quizzes.attempts_of(current_user.id, quiz.id)))


def _answer_online(quiz, questions, number):
    """The page's form sent without JavaScript: start (or resume) an attempt, save this answer, go on online."""
    try:
        client_id = uuid.UUID(request.form.get("client_id", ""))
    except ValueError:
        client_id = uuid.uuid4()
    now = utcnow()
    try:
        attempt = quizzes.start_attempt(current_user.id, quiz, now, client_id, request.headers.get("X-Spark-Device"))
    except quizzes.QuizRefused:
        flash(_("You have used all your attempts for this quiz."), "error")
        return redirect(url_for("students.quiz_page", quiz_id=quiz.id))
    if attempt.status != "IN_PROGRESS":
        return redirect(url_for("students.attempt_result", attempt_id=attempt.id))
    order = attempt.question_order or []
    if number > len(questions):
        return redirect(url_for("students.attempt_page", attempt_id=attempt.id, q=len(order) + 1))
    question = next((q for q in quizzes.attempt_questions(attempt) if q.id == questions[number - 1].id), None)
    if question is None:
        return redirect(url_for("students.attempt_page", attempt_id=attempt.id, q=1))
    try:
        answer = answer_from_form(question.type, question.options, question.correct_answer, request.form, "answer")
        quizzes.save_answer(current_user.id, attempt, quiz, question, answer, now)
    except AnswerRejected as rejected:
        return str(rejected.message)
    except quizzes.QuizRefused:
        return redirect(url_for("students.attempt_page", attempt_id=attempt.id, q=len(order) + 1))
    return redirect(url_for("students.attempt_page", attempt_id=attempt.id, q=order.index(question.id) + 2))
