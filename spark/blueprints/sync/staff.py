"""Teachers' and admins' sync pages: students' devices and the conflicts that wait for a decision."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user

from spark import sync
from spark.accounts import utcnow
from spark.blueprints.sync import bp
from spark.models.enums import Role
from spark.pages import render_page
from spark.security import role_required

# Why a conflict was kept, in the teacher's words (reasons are spark.sync's codes).
CONFLICT_REASONS = {
    "no_attempts_left": _l("An attempt beyond the number allowed"),
    "quiz_closed": _l("The quiz was closed before this attempt reached the server"),
    "too_old": _l("Done more than 30 days before it was synced"),
    "locked": _l("The lesson before it was not finished on the server"),
    "already_graded": _l("A hand-in for work you had already graded"),
    "newer_on_server": _l("An older hand-in than the one you have"),
}
STRATEGY_NAMES = {
    "client_wins": _l("Accept the student's work"),
    "merge": _l("Keep it for the record only"),
    "server_wins": _l("Discard it"),
}
ENTITY_NAMES = {"lesson_progress": _l("Lesson"), "quiz_attempt": _l("Quiz attempt"),
                "assignment_submission": _l("Assignment")}
STATUS_NAMES = {"COMPLETED": _l("Synced"), "CONFLICT": _l("Synced, to decide"), "FAILED": _l("Refused"),
                "PROCESSING": _l("Stopped halfway"), "PENDING": _l("Waiting")}


@bp.route("/sync/devices")
@role_required(Role.TEACHER, Role.ADMIN)
def devices():
    """My students' devices: how many batches each sent, and when and how the last sync went."""
    return render_page("sync/devices.html", rows=sync.devices_of_students(current_user), status_names=STATUS_NAMES)


@bp.route("/sync/conflicts")
@role_required(Role.TEACHER, Role.ADMIN)
def conflicts():
    """Offline work the server could not merge on its own, with the three ways to decide it."""
    waiting = sync.pending_conflicts(current_user)
    done_at = {conflict.id: sync.parse_moment(conflict.client_data["occurred_at"]) for conflict in waiting}
    return render_page("sync/conflicts.html", conflicts=waiting, titles=sync.conflict_titles(waiting), done_at=done_at,
                       reasons=CONFLICT_REASONS, strategies=STRATEGY_NAMES, entities=ENTITY_NAMES)


@bp.route("/sync/conflicts/<uuid:conflict_id>", methods=["POST"])
@role_required(Role.TEACHER, Role.ADMIN)
def resolve(conflict_id):
    """Decide one conflict: accept the student's work, keep it for the record, or discard it."""
    strategy = request.form.get("strategy")
    if strategy not in sync.STRATEGIES:
        abort(400)
    try:
        decided = sync.resolve_conflict(current_user, conflict_id, strategy, utcnow())
    except sync.CannotResolve:
        flash(_("This work cannot be applied any more (the lesson or quiz changed). Discard it instead."), "error")
        return redirect(url_for("sync.conflicts"))
    if decided is None:
        abort(404)
    flash(_("Decided: %(choice)s.", choice=STRATEGY_NAMES[strategy]), "success")
    return redirect(url_for("sync.conflicts"))
