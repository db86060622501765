"""Views of the guardian's pages."""
from flask import abort
from flask_login import current_user

from spark.blueprints.guardians import bp
from spark.classes import classes_of_student
from spark.guardians import approved_child, links_of_guardian
from spark.pages import render_page


@bp.route("/")
def home():
    """The children this guardian follows, and the links still waiting."""
    return render_page("guardians/home.html", links=links_of_guardian(current_user.id))


@bp.route("/children/<uuid:student_id>")
def child(student_id):
    """One approved child: level, XP, streak and classes. Anyone else's child is not found."""
    student = approved_child(current_user.id, student_id)
    if student is None:
        abort(404)
    return render_page("guardians/child.html", student=student, profile=student.profile,
                       enrollments=classes_of_student(student.id))
