"""Views: grading (teachers): an assignment's submissions graded in place, and the essay queue.

Each row of the grading table is a plain form (posts, then redirects back to
the row) that htmx enhances: "Save" swaps just that row; "Save and next
ungraded" swaps the table with the next ungraded row's score field focused.
Errors come back as the row (or table) with the message: 422 for a bad score,
409 when someone else saved the submission since the form was opened.
"""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from spark import assignments, essay_grading
from spark.accounts import utcnow
from spark.blueprints.teachers import bp
from spark.pages import render_page, wants_fragment

PAGE = "teachers/grading/submissions.html"


@bp.route("/assignments/<uuid:assignment_id>/submissions")
def assignment_submissions(assignment_id):
    """The assignment's class as a table: who handed in when, late or not, score and status."""
    assignment = assignments.assignment_of_teacher(current_user, assignment_id) or abort(404)
    rows = assignments.grading_rows(assignment)
    focus = request.args.get("focus")
    return render_page(PAGE, assignment=assignment, rows=rows, states={}, focus=focus,
                       penalty_rule=_penalty_rule(assignment))


def _penalty_rule(assignment):
    if not assignment.late_penalty:
        return None
    return _("Late work loses %(penalty)s %% of the score it is given (rounded to 2 decimals).",
             penalty=assignments.plain_number(assignment.late_penalty))


@bp.route("/assignments/<uuid:assignment_id>/submissions/<uuid:submission_id>/grade", methods=["POST"])
def grade_submission(assignment_id, submission_id):
    """Save a score and feedback for one submission; then show the row, or the next ungraded one."""
    assignment = assignments.assignment_of_teacher(current_user, assignment_id) or abort(404)
    submission = assignments.submission_of_assignment(assignment, submission_id) or abort(404)
    go_next = request.form.get("next") == "1" or request.args.get("next") == "1"
    try:
        version = int(request.form.get("version", ""))
    except ValueError:
        abort(400)
    score_text, feedback = request.form.get("score", ""), request.form.get("feedback", "")
    try:
        saved = assignments.grade_submission(current_user, assignment, submission, score_text, feedback,
                                             version, utcnow())
    except assignments.GradeInvalid as refused:
        state = {"error": refused.message, "score": score_text, "feedback": feedback}
        return _refused(assignment, submission.id, state, 422, go_next)
    except assignments.StaleGrade as stale:
        state = {"stale": stale.current, "score": score_text, "feedback": feedback}
        return _refused(assignment, submission.id, state, 409, go_next)
    following = assignments.next_ungraded(assignment, exclude_id=saved.id,
                                          after_student_name=_name_of(assignment, saved)) if go_next else None
    if wants_fragment():
        if go_next:
            rows = assignments.grading_rows(assignment)
            return render_page(PAGE, block="grading_table", assignment=assignment, rows=rows,
                               states={saved.id: {"saved": True}},
                               focus=str(following.submission.id) if following else None,
                               penalty_rule=_penalty_rule(assignment))
        row = assignments.grading_row(assignment, saved.id)
        return render_page(PAGE, block="grading_row", assignment=assignment, row=row,
                           states={saved.id: {"saved": True}}, focus=None)
    flash(_("Grade saved for %(name)s.", name=_name_of(assignment, saved)), "success")
    if go_next and following is not None:
        return redirect(url_for("teachers.assignment_submissions", assignment_id=assignment.id,
                                focus=following.submission.id, _anchor=f"row-{following.student_id}"))
    if go_next:
        flash(_("Every handed-in submission is graded."), "success")
    return redirect(url_for("teachers.assignment_submissions", assignment_id=assignment.id,
                            _anchor=f"row-{saved.student_id}"))


def _name_of(assignment, submission):
    row = assignments.grading_row(assignment, submission.id)
    return row.name if row else ""


def _refused(assignment, submission_id, state, status, go_next):
    """The row (htmx) or the whole page with the refused row's message and what was typed."""
    states = {submission_id: state}
    if wants_fragment() and not go_next:
        row = assignments.grading_row(assignment, submission_id)
        return render_page(PAGE, block="grading_row", status=status, assignment=assignment, row=row,
                           states=states, focus=str(submission_id))
    rows = assignments.grading_rows(assignment)
    block = "grading_table" if wants_fragment() else "content"
    return render_page(PAGE, block=block, status=status, assignment=assignment, rows=rows, states=states,
                       focus=str(submission_id), penalty_rule=_penalty_rule(assignment))


# ------------------------------------------------------------------ essays from quizzes

ESSAYS = "teachers/grading/essays.html"


@bp.route("/grading/essays")
def essay_queue():
    """Essay answers from quizzes waiting for a grade, from the students of my classes."""
    return render_page(ESSAYS, items=essay_grading.essay_queue(current_user), states={})


@bp.route("/grading/essays/<uuid:answer_id>", methods=["POST"])
def grade_essay(answer_id):
    """Give one essay answer its points and feedback; the attempt is scored when none waits."""
    answer = essay_grading.essay_for_teacher(current_user, answer_id) or abort(404)
    points, feedback = request.form.get("points", ""), request.form.get("feedback", "")
    try:
        essay_grading.grade_essay(current_user, answer, points, feedback, utcnow())
    except essay_grading.EssayGradeInvalid as refused:
        return _essay_refused(answer, {"error": refused.message, "points": points, "feedback": feedback}, 422)
    except essay_grading.EssayAlreadyGraded as done:
        return _essay_refused(answer, {"stale": done.current, "points": points, "feedback": feedback}, 409)
    if wants_fragment():
        item = essay_grading.essay_item(essay_grading.essay_for_teacher(current_user, answer_id))
        return render_page(ESSAYS, block="essay_item", item=item, states={answer.id: {"saved": True}})
    flash(_("Essay graded."), "success")
    return redirect(url_for("teachers.essay_queue"))


def _essay_refused(answer, state, status):
    states = {answer.id: state}
    if wants_fragment():
        item = essay_grading.essay_item(essay_grading.essay_for_teacher(current_user, answer.id))
        return render_page(ESSAYS, block="essay_item", status=status, item=item, states=states)
    items = essay_grading.essay_queue(current_user)
    if answer.id not in {i.answer.id for i in items}:
        items.insert(0, essay_grading.essay_item(essay_grading.essay_for_teacher(current_user, answer.id)))
    return render_page(ESSAYS, status=status, items=items, states=states)
