"""The platform admin's pages (an admin with no school): schools and their first admin."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from spark import admin_users, schools
from spark.blueprints.admins import bp
from spark.blueprints.admins.forms import NewUserForm, SchoolForm
from spark.blueprints.admins.routes import school_form_values
from spark.labels import ROLE_NAMES
from spark.models import School
from spark.models.enums import Role
from spark.pages import render_page
from spark.passwords import PasswordRejected


def only_platform_admin():
    """These pages are the platform admin's; a school's admin may not open them (403)."""
    if current_user.school_id is not None:
        abort(403)


@bp.route("/schools/new", methods=["GET", "POST"])
def new_school():
    """Add a school; next, its first admin."""
    only_platform_admin()
    form = SchoolForm()
    if form.validate_on_submit():
        try:
            school = schools.create_school(*school_form_values(form))
        except schools.SchoolRefused as refused:
            form.timezone.errors.append(refused.message)
        else:
            flash(_("The school is added. Now create its first admin."), "success")
            return redirect(url_for("admins.new_school_admin", school_id=school.id))
    return render_page("admins/school.html", form=form, school=None, status=422 if form.errors else 200)


@bp.route("/schools/<uuid:school_id>", methods=["GET", "POST"])
def edit_school(school_id):
    """Edit any school's details and settings."""
    only_platform_admin()
    school = School.get_or_none(School.id == school_id) or abort(404)
    form = SchoolForm(obj=school, leaderboard_full_names=schools.school_settings(school)["leaderboard_full_names"])
    if form.validate_on_submit():
        try:
            schools.update_school(school.id, *school_form_values(form))
        except schools.SchoolRefused as refused:
            form.timezone.errors.append(refused.message)
        else:
            flash(_("The school is saved."), "success")
            return redirect(url_for("admins.edit_school", school_id=school.id))
    return render_page("admins/school.html", form=form, school=school, status=422 if form.errors else 200)


@bp.route("/schools/<uuid:school_id>/admins/new", methods=["GET", "POST"])
def new_school_admin(school_id):
    """Create an admin of a school (its first, or another); the one-time password is shown once."""
    only_platform_admin()
    school = School.get_or_none(School.id == school_id) or abort(404)
    form = NewUserForm(roles=[SelectChoice(Role.ADMIN, ROLE_NAMES[Role.ADMIN])])
    if form.validate_on_submit():
        try:
            user, password = admin_users.create_school_user(
                school.id, username=form.username.data, display_name=form.display_name.data, role=Role.ADMIN,
                email=form.email.data, preferred_language=form.language.data)
        except (admin_users.AccountChangeRefused, PasswordRejected) as refused:
            form.username.errors.append(refused.message)
        except ValueError:
            form.username.errors.append(_("A username has 3 to 50 letters, digits, dots, dashes or underscores."))
        else:
            return render_page("admins/password_once.html", user=user, password=password, created=True)
    return render_page("admins/new_user.html", form=form, school=school, status=422 if form.errors else 200)
