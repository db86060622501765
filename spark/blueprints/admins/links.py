"""Views of the guardian link queue, for a school's admins and for teachers (their classes' students)."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from spark import guardian_links
from spark.accounts import utcnow
from spark.blueprints.admins import bp
from spark.blueprints.admins.forms import (DecisionForm, InviteGuardianForm, LinkCodeForStudentForm,
                                           NewGuardianForm)
from spark.models.enums import LinkStatus
from spark.pages import render_page
from spark.passwords import PasswordRejected


def _forms(students, code_form=None, invite_form=None, new_form=None):
    choices = [SelectChoice("", "—")] + [SelectChoice(str(s.id), f"{s.profile.display_name} (@{s.username})")
                                         for s in students]
    forms = {"code_form": code_form or LinkCodeForStudentForm(),
             "invite_form": invite_form or InviteGuardianForm(),
             "new_form": new_form or NewGuardianForm()}
    for form in forms.values():
        form.student.choices = choices
    return forms


def _queue_page(status=200, code=None, code_student=None, password=None, created=None, **forms):
    students = guardian_links.students_for_links(current_user)
    return render_page(
        "admins/guardian_links.html",
        pending=guardian_links.link_queue(current_user),
        decided=guardian_links.link_queue(current_user, (LinkStatus.APPROVED, LinkStatus.REJECTED,
                                                         LinkStatus.BLOCKED), limit=50),
        decision_form=DecisionForm(), code=code, code_student=code_student, password=password, created=created,
        transitions=guardian_links.STAFF_TRANSITIONS, status=status, **_forms(students, **forms))


def guardian_links_page():
    """Requests waiting for a decision, links decided, and forms to make codes and invite guardians."""
    return _queue_page()


bp.add_url_rule("/guardian-links", endpoint="guardian_links", view_func=guardian_links_page)


@bp.route("/guardian-links/<uuid:link_id>", methods=["POST"])
def decide_link(link_id):
    """Approve, reject, block or unblock one link; a link of a student I do not manage is not found."""
    form = DecisionForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        link = guardian_links.decide_link(current_user, link_id, form.status.data, utcnow())
    except guardian_links.LinkRefused as refused:
        flash(str(refused.message), "error")
        return redirect(url_for("admins.guardian_links"))
    if link is None:
        abort(404)
    flash(_("Saved: %(status)s.", status=_status_name(link.status)), "success")
    return redirect(url_for("admins.guardian_links"))


def _status_name(status):
    from spark.labels import LINK_STATUS_NAMES
    return str(LINK_STATUS_NAMES[status])


@bp.route("/guardian-links/codes", methods=["POST"])
def make_link_code():
    """Make a link code for a student; it is shown once, to hand to the guardian."""
    form = LinkCodeForStudentForm()
    students = guardian_links.students_for_links(current_user)
    _forms(students, code_form=form)
    if not form.validate_on_submit():
        return _queue_page(422, code_form=form)
    code = guardian_links.issue_link_code(current_user, _uuid_or_none(form.student.data), utcnow())
    if code is None:
        form.student.errors.append(_("Choose one of your students."))
        return _queue_page(422, code_form=form)
    student = next(s for s in students if str(s.id) == form.student.data)
    return _queue_page(code=guardian_links.format_code(code), code_student=student)


def _uuid_or_none(text):
    import uuid
    try:
        return uuid.UUID(text)
    except (TypeError, ValueError):
        return None


@bp.route("/guardian-links/invitations", methods=["POST"])
def invite_guardian():
    """Invite an existing guardian account to follow a student."""
    form = InviteGuardianForm()
    _forms(guardian_links.students_for_links(current_user), invite_form=form)
    if not form.validate_on_submit():
        return _queue_page(422, invite_form=form)
    guardian_id = guardian_links.find_guardian_account(form.identifier.data)
    if guardian_id is None:
        form.identifier.errors.append(_("No guardian account has this username or email."))
        return _queue_page(422, invite_form=form)
    try:
        link = guardian_links.invite_guardian(current_user, _uuid_or_none(form.student.data), guardian_id,
                                              form.relationship.data, utcnow())
    except guardian_links.LinkRefused as refused:
        form.identifier.errors.append(refused.message)
        return _queue_page(422, invite_form=form)
    if link is None:
        form.student.errors.append(_("Choose one of your students."))
        return _queue_page(422, invite_form=form)
    flash(_("The invitation is sent. The guardian accepts it when they next open Spark."), "success")
    return redirect(url_for("admins.guardian_links"))


@bp.route("/guardian-links/new-guardian", methods=["POST"])
def new_guardian():
    """Create a guardian account and invite it; the one-time password is shown once."""
    form = NewGuardianForm()
    _forms(guardian_links.students_for_links(current_user), new_form=form)
    if not form.validate_on_submit():
        return _queue_page(422, new_form=form)
    try:
        made = guardian_links.create_guardian_and_invite(
            current_user, _uuid_or_none(form.student.data), username=form.username.data,
            display_name=form.display_name.data, email=form.email.data, relationship=form.relationship.data,
            preferred_language=form.language.data, now=utcnow())
    except (guardian_links.LinkRefused, PasswordRejected) as refused:
        form.username.errors.append(refused.message)
        return _queue_page(422, new_form=form)
    except ValueError:
        form.username.errors.append(_("A username has 3 to 50 letters, digits, dots, dashes or underscores."))
        return _queue_page(422, new_form=form)
    if made is None:
        form.student.errors.append(_("Choose one of your students."))
        return _queue_page(422, new_form=form)
    return _queue_page(password=made[1], created=form.username.data.strip().lower())
