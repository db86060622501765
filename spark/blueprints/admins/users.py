"""Views of the admin's user management: list, create, deactivate, reset a password, change a role."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from spark import admin_users
from spark.blueprints.admins import bp
from spark.blueprints.admins.forms import ActiveForm, NewUserForm, RoleForm, UserSearchForm
from spark.blueprints.admins.routes import my_school_id
from spark.pages import render_page
from spark.passwords import PasswordRejected


@bp.route("/users")
def users():
    """The school's users, searched and filtered by role, a page at a time."""
    form = UserSearchForm(request.args)
    form.validate()
    found = admin_users.school_users(my_school_id(), form.q.data or "",
                                     form.role.data if not form.role.errors else None,
                                     form.page.data if not form.page.errors and form.page.data else 1)
    return render_page("admins/users.html", form=form, found=found, block="results" if request.headers.get(
        "HX-Target") == "user-results" else "content")


@bp.route("/users/new", methods=["GET", "POST"])
def new_user():
    """Create an account of the school; its one-time password is shown once, on the next page."""
    my_school_id()
    form = NewUserForm()
    if form.validate_on_submit():
        try:
            user, password = admin_users.create_school_user(
                my_school_id(), username=form.username.data, display_name=form.display_name.data,
                role=form.role.data, email=form.email.data, grade=form.grade.data,
                preferred_language=form.language.data)
        except admin_users.AccountChangeRefused as refused:
            form.username.errors.append(refused.message)
        except PasswordRejected as rejected:
            form.username.errors.append(rejected.message)
        except ValueError:
            form.username.errors.append(_("A username has 3 to 50 letters, digits, dots, dashes or underscores."))
        else:
            return render_page("admins/password_once.html", user=user, password=password, created=True)
    return render_page("admins/new_user.html", form=form, status=422 if form.errors else 200)


def _user_or_404(user_id):
    return admin_users.school_user(my_school_id(), user_id) or abort(404)


def _user_page(user, role_form=None, error=None, status=200):
    return render_page("admins/user.html", user=user, role_form=role_form or RoleForm(role=user.role),
                       error=error, status=status)


@bp.route("/users/<uuid:user_id>")
def user(user_id):
    """One account of the school: its role, whether it is active, its password."""
    return _user_page(_user_or_404(user_id))


@bp.route("/users/<uuid:user_id>/active", methods=["POST"])
def set_active(user_id):
    """Deactivate (ends the account's sessions) or reactivate an account."""
    user = _user_or_404(user_id)
    form = ActiveForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        admin_users.set_active(current_user, user, form.active.data == "yes")
    except admin_users.AccountChangeRefused as refused:
        return _user_page(user, error=refused.message, status=422)
    flash(_("The account is active again.") if user.is_active else _("The account is deactivated."), "success")
    return redirect(url_for("admins.user", user_id=user.id))


@bp.route("/users/<uuid:user_id>/password", methods=["POST"])
def reset_password(user_id):
    """Give the account a new one-time password, shown once; its sessions end."""
    user = _user_or_404(user_id)  # CSRFProtect has checked the form's token
    password = admin_users.reset_password(user)
    return render_page("admins/password_once.html", user=user, password=password, created=False)


@bp.route("/users/<uuid:user_id>/role", methods=["POST"])
def change_role(user_id):
    """Change the account's role; the school keeps at least one active admin."""
    user = _user_or_404(user_id)
    form = RoleForm()
    if not form.validate_on_submit():
        return _user_page(user, role_form=form, status=422)
    try:
        admin_users.change_role(current_user, user, form.role.data)
    except admin_users.AccountChangeRefused as refused:
        form.role.errors.append(refused.message)
        return _user_page(user, role_form=form, status=422)
    flash(_("The role is changed."), "success")
    return redirect(url_for("admins.user", user_id=user.id))
