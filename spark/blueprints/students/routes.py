"""Views of the student's pages: home, courses, lessons, quizzes, badges and profile."""
import uuid

from flask import abort, flash, redirect, request, url_for
from flask_babel import get_locale, gettext as _, ngettext
from flask_login import current_user

from spark import badges, courses, guardian_links, lessons, quizzes, rewards
from spark.accounts import utcnow
from spark.blueprints.students import bp
from spark.blueprints.students.forms import ProfileForm
from spark.content_language import translations_for
from spark.grading import AnswerRejected, answer_from_form
from spark.learning_rewards import reward_attempt, reward_finished_lesson
from spark.pages import render_page
from spark.profiles import AVATARS, update_profile
from spark.student_home import student_home


def device_id():
    """The device a page action came from (the offline app sends its own)."""
    return request.headers.get("X-Spark-Device") or "web"


@bp.route("/")
def home():
    """Continue where I left off, level and XP, streak, rewards, badges, assignments due."""
    summary = student_home(current_user.id, current_user.profile, utcnow())
    return render_page("students/home.html", profile=current_user.profile, summary=summary,
                       course_names=translations_for("course", [n.course.id for n in summary.next_lessons],
                                                     str(get_locale())))


@bp.route("/courses")
def course_list():
    """The courses of my classes, with how far I am in each."""
    mine = courses.courses_of_student(current_user.id)
    return render_page("students/courses.html", courses=mine,
                       names=translations_for("course", [c.id for c in mine], str(get_locale())))


@bp.route("/courses/<uuid:course_id>")
def course_page(course_id):
    """One course: its lessons in order, each with my status."""
    course = courses.course_of_student(current_user.id, course_id) or abort(404)
    states = courses.lesson_states(current_user.id, course)
    language = str(get_locale())
    return render_page("students/course.html", course=course, states=states,
                       names=translations_for("course", [course.id], language),
                       lesson_names=translations_for("lesson", [s.lesson.id for s in states], language))


@bp.route("/lessons/<uuid:lesson_id>")
def lesson_page(lesson_id):
    """Read a lesson; opening it marks it started."""
    lesson = lessons.lesson_for_student(current_user.id, lesson_id) or abort(404)
    try:
        lessons.open_lesson(current_user.id, lesson, utcnow(), device_id())
    except lessons.LessonUnavailable:
        flash(_("Finish the lessons before this one first."), "error")
        return redirect(url_for("students.course_page", course_id=lesson.course.id))
    language = str(get_locale())
    translation = translations_for("lesson", [lesson.id], language).get(lesson.id, {})
    page = lessons.lesson_page(current_user.id, lesson, translation.get("content"))
    return render_page("students/lesson.html", page=page, lesson_title=translation.get("title") or lesson.title)


@bp.route("/lessons/<uuid:lesson_id>/reading", methods=["POST"])
def keep_reading(lesson_id):
    """htmx pings this while the lesson is open, so the time spent is saved as the student goes."""
    lesson = lessons.lesson_for_student(current_user.id, lesson_id) or abort(404)
    lessons.keep_reading(current_user.id, lesson, utcnow(), device_id())
    return "", 204


@bp.route("/lessons/<uuid:lesson_id>/finish", methods=["POST"])
def finish_lesson(lesson_id):
    """Mark a lesson done; the first time, earn its XP and see what it brought."""
    lesson = lessons.lesson_for_student(current_user.id, lesson_id) or abort(404)
    now = utcnow()
    try:
        first_time = lessons.finish_lesson(current_user.id, lesson, now, device_id())
    except lessons.LessonUnavailable:
        abort(404)
    if first_time:
        flash_gains(reward_finished_lesson(current_user.id, lesson, lesson.course.subject, now),
                    _("Lesson finished!"))
    page = lessons.lesson_page(current_user.id, lesson)
    if page.quizzes:
        return redirect(url_for("students.quiz_page", quiz_id=page.quizzes[0].id))
    if page.next:
        return redirect(url_for("students.lesson_page", lesson_id=page.next.id))
    return redirect(url_for("students.course_page", course_id=lesson.course.id))


def flash_gains(gains, headline):
    """Tell the student what they just earned."""
    parts = [headline]
    if gains.xp:
        parts.append(_("+%(xp)d XP", xp=gains.xp))
    if gains.crystals:
        parts.append(ngettext("+%(num)d crystal", "+%(num)d crystals", gains.crystals))
    if gains.sparks:
        parts.append(ngettext("+%(num)d spark", "+%(num)d sparks", gains.sparks))
    if gains.levelled_up:
        parts.append(_("You reached level %(level)d!", level=gains.level_after))
    for badge in gains.badges:
        parts.append(_("New badge: %(name)s", name=badge.name))
    flash(" · ".join(str(part) for part in parts), "success")


@bp.route("/quizzes/<uuid:quiz_id>")
def quiz_page(quiz_id):
    """A quiz's rules and my attempts so far, with a button to start or continue."""
    quiz = quizzes.quiz_for_student(current_user.id, quiz_id) or abort(404)
    attempts = quizzes.attempts_of(current_user.id, quiz.id)
    return render_page("students/quiz.html", quiz=quiz, attempts=attempts, client_id=uuid.uuid4(),
                       open_attempt=next((a for a in attempts if a.status == "IN_PROGRESS"), None))


@bp.route("/quizzes/<uuid:quiz_id>/attempts", methods=["POST"])
def start_attempt(quiz_id):
    """Start an attempt (a double click or a retry gets the same one)."""
    quiz = quizzes.quiz_for_student(current_user.id, quiz_id) or abort(404)
    try:
        client_id = uuid.UUID(request.form.get("client_id", ""))
    except ValueError:
        client_id = uuid.uuid4()
    try:
        attempt = quizzes.start_attempt(current_user.id, quiz, utcnow(), client_id, device_id())
    except quizzes.QuizRefused:
        flash(_("You have used all your attempts for this quiz."), "error")
        return redirect(url_for("students.quiz_page", quiz_id=quiz.id))
    return redirect(url_for("students.attempt_page", attempt_id=attempt.id, q=1))


@bp.route("/attempts/<uuid:attempt_id>", methods=["GET", "POST"])
def attempt_page(attempt_id):
    """One question per screen; `q` past the last question is the review screen."""
    attempt = quizzes.attempt_of_student(current_user.id, attempt_id) or abort(404)
    if attempt.status != "IN_PROGRESS":
        return redirect(url_for("students.attempt_result", attempt_id=attempt.id))
    questions = quizzes.attempt_questions(attempt)
    number = min(max(request.args.get("q", 1, type=int), 1), len(questions) + 1)
    error, status = None, 200
    if request.method == "POST":
        question = questions[number - 1] if number <= len(questions) else abort(400)
        try:
            answer = answer_from_form(question.type, question.options, question.correct_answer,
                                      request.form, "answer")
            quizzes.save_answer(current_user.id, attempt, attempt.quiz, question, answer, utcnow())
        except AnswerRejected as rejected:
            error, status = rejected.message, 422
        except quizzes.QuizRefused as refused:
            return _refused_attempt(attempt, refused)
        else:
            go_to = request.form.get("go", "next")
            target = number - 1 if go_to == "previous" else number + 1
            return redirect(url_for("students.attempt_page", attempt_id=attempt.id, q=max(target, 1)))
        questions = quizzes.attempt_questions(attempt)
    return render_page("students/attempt.html", block="question", status=status, attempt=attempt,
                       quiz=attempt.quiz, questions=questions, number=number, error=error,
                       unanswered=sum(1 for question in questions if not quizzes.is_answered(question)),
                       deadline=quizzes.deadline(attempt, attempt.quiz))


def _refused_attempt(attempt, refused):
    if refused.reason == "time_up":
        flash(_("Time is up. Your answers given in time were kept; submit to see your score."), "error")
        return redirect(url_for("students.attempt_page", attempt_id=attempt.id, q=9999))
    return redirect(url_for("students.attempt_result", attempt_id=attempt.id))


@bp.route("/attempts/<uuid:attempt_id>/submit", methods=["POST"])
def submit_attempt(attempt_id):
    """Hand in the attempt; submitting twice changes nothing."""
    attempt = quizzes.attempt_of_student(current_user.id, attempt_id) or abort(404)
    now = utcnow()
    outcome = quizzes.submit_attempt(current_user.id, attempt, attempt.quiz, now)
    if outcome.newly_submitted:
        gains = reward_attempt(current_user.id, outcome.submission, attempt.quiz,
                               attempt.quiz.lesson.course.subject, now)
        flash_gains(gains, _("Quiz submitted."))
    return redirect(url_for("students.attempt_result", attempt_id=attempt.id))


@bp.route("/attempts/<uuid:attempt_id>/result")
def attempt_result(attempt_id):
    """The score, and each question's correctness and explanation when the quiz shows them."""
    attempt = quizzes.attempt_of_student(current_user.id, attempt_id) or abort(404)
    if attempt.status == "IN_PROGRESS":
        return redirect(url_for("students.attempt_page", attempt_id=attempt.id))
    show_details = attempt.quiz.show_results_immediately or attempt.status == "GRADED" and attempt.graded_by_id
    return render_page("students/result.html", attempt=attempt, quiz=attempt.quiz,
                       questions=quizzes.attempt_questions(attempt), show_details=show_details,
                       attempts_left=attempt.quiz.max_attempts - len(quizzes.attempts_of(current_user.id,
                                                                                         attempt.quiz.id)))


@bp.route("/badges")
def badges_page():
    """Badges I have earned, and the locked ones with my progress toward each."""
    board = badges.badge_board(current_user.id)
    return render_page("students/badges.html", board=board,
                       names=translations_for("badge", [entry.badge.id for entry in board], str(get_locale())))


@bp.route("/profile", methods=["GET", "POST"])
def profile():
    """My name, avatar and language; my totals and where every XP, crystal and spark came from."""
    form = ProfileForm(obj=current_user.profile, language=current_user.preferred_language or str(get_locale()))
    if form.validate_on_submit():
        update_profile(current_user, form.display_name.data, form.avatar.data, form.language.data)
        flash(_("Your profile is saved."), "success")
        return redirect(url_for("students.profile"))
    return _profile_page(form, status=422 if form.errors else 200)


@bp.route("/profile/link-code", methods=["POST"])
def make_link_code():
    """A code for a parent to link their account to mine; shown once, single use, expires."""
    code = guardian_links.issue_link_code(current_user, current_user.id) or abort(404)
    return _profile_page(ProfileForm(obj=current_user.profile), link_code=guardian_links.format_code(code))


def _profile_page(form, link_code=None, status=200):
    return render_page("students/profile.html", form=form, profile=current_user.profile,
                       totals=rewards.totals_explained(current_user.id),
                       ledger=rewards.ledger_for(current_user.id), avatars=AVATARS,
                       my_guardians=guardian_links.guardians_of_student(current_user.id),
                       link_code=link_code, status=status)
