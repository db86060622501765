"""Views: assignments (teachers): list, set and change work for a class."""
from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import get_timezone, gettext as _, lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateTimeLocalField, DecimalField, IntegerField, SelectChoice, SelectField,
                     SelectMultipleField, StringField, TextAreaField, widgets)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from spark import assignments
from spark.accounts import utcnow
from spark.blueprints.teachers import bp
from spark.models import SchoolClass
from spark.models.enums import AssignmentType
from spark.pages import render_page
from spark.uploads import ASSIGNMENT_EXTENSIONS

MB = 1024 * 1024

SUBMISSION_TYPE_NAMES = {
    AssignmentType.FILE: _l("Files (with an optional note)"),
    AssignmentType.TEXT: _l("Text typed in the page"),
    AssignmentType.PROJECT: _l("Project (files and/or text)"),
    AssignmentType.PRESENTATION: _l("Presentation (files and/or text)"),
}


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes (usable on a phone, no JavaScript)."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class AssignmentForm(FlaskForm):
    """Title, instructions, due date (school time), scoring, what to hand in, late rules, publish."""

    class_id = SelectField(_l("Class"), validators=[InputRequired(_l("Choose a class."))])
    title = StringField(_l("Title"), validators=[InputRequired(_l("Give the assignment a title.")),
                                                 Length(max=200, message=_l("Use at most 200 characters."))])
    description = TextAreaField(_l("Instructions"), validators=[
        Length(max=10_000, message=_l("Use at most 10,000 characters."))])
    due_local = DateTimeLocalField(_l("Due"), format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
                                   validators=[InputRequired(_l("Choose when it is due."))])
    max_score = IntegerField(_l("Maximum score"), default=100, validators=[
        InputRequired(_l("Enter the maximum score.")),
        NumberRange(min=1, max=assignments.MAX_SCORE_LIMIT,
                    message=_l("The maximum score must be between 1 and %(max)s.", max=assignments.MAX_SCORE_LIMIT))])
    submission_type = SelectField(_l("Students hand in"), default=AssignmentType.FILE,
                                  choices=[SelectChoice(k, v) for k, v in SUBMISSION_TYPE_NAMES.items()])
    allowed_file_types = MultiCheckboxField(_l("File types allowed"), default=["pdf", "jpg", "jpeg", "png"],
                                            choices=[SelectChoice(ext, "." + ext) for ext in ASSIGNMENT_EXTENSIONS])
    max_file_size_mb = IntegerField(_l("Largest file (MB)"), default=10, validators=[
        InputRequired(_l("Enter the largest file size in MB."))])
    late_submission_allowed = BooleanField(_l("Take late work"), default=True)
    late_penalty = DecimalField(_l("Late penalty (%)"), default=0, places=2, validators=[
        Optional(), NumberRange(min=0, max=100, message=_l("The late penalty is a percentage from 0 to 100."))])
    is_published = BooleanField(_l("Published: students can see it"))

    def values(self) -> assignments.AssignmentValues:
        """The form's data for the domain (sizes in bytes)."""
        return assignments.AssignmentValues(
            title=self.title.data or "", description=self.description.data or "",
            due_local=self.due_local.data, max_score=self.max_score.data,
            submission_type=self.submission_type.data, allowed_file_types=list(self.allowed_file_types.data or []),
            max_file_size=(self.max_file_size_mb.data or 0) * MB,
            late_submission_allowed=bool(self.late_submission_allowed.data),
            late_penalty=self.late_penalty.data if self.late_penalty.data is not None else 0,
            is_published=bool(self.is_published.data))


def _my_classes():
    """My active classes, for the class choice."""
    return list(SchoolClass.select(SchoolClass.id, SchoolClass.name)
                .where((SchoolClass.teacher == current_user.id) & SchoolClass.is_active)
                .order_by(SchoolClass.name))


def _max_upload() -> int:
    """The app's upload limit in bytes (no assignment may allow more)."""
    return current_app.config["MAX_CONTENT_LENGTH"]


def _attach_errors(form, errors):
    """Show the domain's refusals beside the fields they are about."""
    names = {"max_file_size": "max_file_size_mb"}
    for name, message in errors.items():
        getattr(form, names.get(name, name)).errors.append(message)


@bp.route("/assignments")
def assignment_list():
    """My assignments, latest due first, with how many are handed in and graded."""
    return render_page("teachers/assignments/list.html",
                       summaries=assignments.assignments_of_teacher(current_user))


@bp.route("/assignments/new", methods=["GET", "POST"])
def new_assignment():
    """Set a new assignment for one of my classes."""
    form = AssignmentForm()
    form.class_id.choices = [SelectChoice(str(c.id), c.name) for c in _my_classes()]
    if request.method == "GET" and request.args.get("class_id"):
        form.class_id.data = request.args["class_id"]
    return _save(form, None)


@bp.route("/assignments/<uuid:assignment_id>/edit", methods=["GET", "POST"])
def edit_assignment(assignment_id):
    """Change an assignment of one of my classes."""
    assignment = assignments.assignment_of_teacher(current_user, assignment_id) or abort(404)
    form = AssignmentForm(obj=None)
    form.class_id.choices = [SelectChoice(str(assignment.school_class.id), assignment.school_class.name)]
    if request.method == "GET":
        _fill(form, assignment)
    return _save(form, assignment)


def _fill(form, assignment):
    """Fill the form from a saved assignment (the due date in the school's time)."""
    tz_name = assignment.school_class.school.timezone
    form.class_id.data = str(assignment.school_class.id)
    form.title.data = assignment.title
    form.description.data = assignment.description
    form.due_local.data = assignments.utc_to_local(assignment.due_date, tz_name)
    form.max_score.data = assignment.max_score
    form.submission_type.data = assignment.submission_type
    form.allowed_file_types.data = list(assignment.allowed_file_types or [])
    form.max_file_size_mb.data = max(1, assignment.max_file_size // MB)
    form.late_submission_allowed.data = assignment.late_submission_allowed
    form.late_penalty.data = assignment.late_penalty
    form.is_published.data = assignment.is_published


def _save(form, assignment):
    """Validate and save the form; re-render it with errors (422) when refused."""
    if form.validate_on_submit():
        if assignment is None:
            school_class = assignments.class_of_teacher(current_user, form.class_id.data) or abort(404)
        else:
            school_class = assignment.school_class
        try:
            saved = assignments.save_assignment(current_user, school_class, form.values(), utcnow(), _max_upload(),
                                                assignment=assignment)
        except assignments.AssignmentInvalid as refused:
            _attach_errors(form, refused.errors)
        else:
            flash(_("Assignment saved.") if saved.is_published
                  else _("Assignment saved as a draft: students do not see it until you publish it."), "success")
            return redirect(url_for("teachers.assignment_submissions", assignment_id=saved.id))
    status = 422 if form.errors or any(f.errors for f in form) else 200
    return render_page("teachers/assignments/form.html", form=form, assignment=assignment,
                       timezone=str(get_timezone()), max_mb=_max_upload() // MB, status=status)
