"""Views of the admin's pages: home, school settings, class rosters."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from spark import schools
from spark.access import visible_class
from spark.blueprints.admins import bp
from spark.blueprints.admins.forms import SchoolForm
from spark.classes import classes_with_student_counts, rosters_of
from spark.pages import render_page
from spark.schools import school_overview, schools_with_counts


def my_school_id():
    """The admin's school; a platform admin (no school) does not have these pages (404)."""
    return current_user.school_id or abort(404)


@bp.route("/")
def home():
    """A school admin sees their school's counts and classes; the platform admin, every school."""
    if current_user.school_id is None:
        return render_page("admins/platform.html", schools=schools_with_counts())
    return render_page("admins/home.html", school=current_user.school,
                       counts=school_overview(current_user.school_id),
                       classes=classes_with_student_counts(current_user.school_id))


def school_form_values(form):
    """The school fields and settings a SchoolForm carries."""
    values = {key: getattr(form, key).data for key in schools.SCHOOL_FIELDS}
    return values, {"leaderboard_full_names": bool(form.leaderboard_full_names.data)}


@bp.route("/settings", methods=["GET", "POST"])
def settings():
    """The school's name, place, time zone, contacts, language and settings."""
    school = current_user.school if current_user.school_id else abort(404)
    form = SchoolForm(obj=school, leaderboard_full_names=schools.school_settings(school)["leaderboard_full_names"])
    if form.validate_on_submit():
        try:
            schools.update_school(my_school_id(), *school_form_values(form))
        except schools.SchoolRefused as refused:
            form.timezone.errors.append(refused.message)
        else:
            flash(_("The school's settings are saved."), "success")
            return redirect(url_for("admins.settings"))
    return render_page("admins/settings.html", form=form, status=422 if form.errors else 200)


@bp.route("/classes/<uuid:class_id>")
def class_roster(class_id):
    """A class of the school and its students, read only; another school's class is not found."""
    my_school_id()
    school_class = visible_class(current_user, class_id) or abort(404)
    return render_page("admins/class_roster.html", school_class=school_class,
                       roster=rosters_of([school_class.id]).get(school_class.id, []))
