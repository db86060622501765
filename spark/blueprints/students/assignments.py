"""Views: assignments (students): my assignments, and handing one in (text and/or files)."""
from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from spark import assignments, uploads
from spark.accounts import utcnow
from spark.blueprints.students import bp
from spark.pages import render_page

# Room for the text, the token and multipart framing beside the files.
FORM_OVERHEAD = 64 * 1024


@bp.route("/assignments")
def assignment_list():
    """My assignments with their status: not handed in, handed in, late, graded (score, feedback)."""
    items = assignments.assignments_for_student(current_user.id, utcnow())
    return render_page("students/assignments/list.html", items=items)


@bp.route("/assignments/<uuid:assignment_id>", methods=["GET", "POST"])
def assignment_page(assignment_id):
    """One assignment: instructions, my submission, and the form to hand in (again)."""
    now = utcnow()
    item = assignments.assignment_for_student(current_user.id, assignment_id, now) or abort(404)
    error = None
    if request.method == "POST":
        assignment = item.assignment
        limit = min(assignment.max_file_size * assignments.MAX_FILES + FORM_OVERHEAD,
                    current_app.config["MAX_CONTENT_LENGTH"])
        try:
            # Refused before the body is read when the browser says how big it is;
            # werkzeug stops reading past the same limit when it does not.
            uploads.check_declared_size(request.content_length, limit)
            request.max_content_length = limit
            text = request.form.get("content", "")
            files = request.files.getlist("files")
            assignments.submit_assignment(current_user, assignment, text, files, now,
                                          current_app.config["MAX_CONTENT_LENGTH"])
        except (uploads.UploadRefused, assignments.SubmissionRefused) as refused:
            error = refused.message
        else:
            flash(_("Handed in. You can hand in again until the due date.") if item.submission is None
                  else _("Handed in again: your new work replaces the old."), "success")
            return redirect(url_for("students.assignment_page", assignment_id=assignment_id))
        item = assignments.assignment_for_student(current_user.id, assignment_id, now)
    files = []
    if item.submission is not None:
        files = uploads.uploads_of_submissions([item.submission.id]).get(item.submission.id, [])
    return render_page("students/assignments/detail.html", item=item, files=files, error=error,
                       draft=request.form.get("content") if error else None,
                       accept=",".join("." + ext for ext in item.assignment.allowed_file_types or ()),
                       max_size=uploads.human_size(min(item.assignment.max_file_size,
                                                       current_app.config["MAX_CONTENT_LENGTH"])),
                       max_files=assignments.MAX_FILES,
                       accepts_files=assignments.accepts_files(item.assignment.submission_type),
                       status=422 if error else 200)
