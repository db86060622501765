"""Views of the guardian's pages: children, their week, link codes, invitations and consent."""
from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from spark import consent, guardian_links
from spark.accounts import utcnow
from spark.blueprints.guardians import bp
from spark.blueprints.guardians.forms import ConsentForm, InvitationAnswerForm, LinkCodeForm
from spark.classes import classes_of_student
from spark.guardian_week import children_weeks
from spark.guardians import links_of_guardian
from spark.pages import render_page


def _home(form, status=200):
    return render_page("guardians/home.html", links=links_of_guardian(current_user.id), form=form, status=status)


@bp.route("/")
def home():
    """The children this guardian follows, the links still waiting, and the link code form."""
    return _home(LinkCodeForm())


@bp.route("/links", methods=["POST"])
def request_link():
    """Ask to follow a child with the code their teacher (or the child) gave."""
    form = LinkCodeForm()
    if not form.validate_on_submit():
        return _home(form, 422)
    try:
        guardian_links.request_link(current_user, form.code.data, form.relationship.data)
    except guardian_links.LinkRefused as refused:
        form.code.errors.append(refused.message)
        return _home(form, 422)
    flash(_("Your request is sent. The school will check it; you will get a notification."), "success")
    return redirect(url_for("guardians.home"))


@bp.route("/invitations")
def invitations():
    """The schools' invitations waiting for my answer."""
    return render_page("guardians/invitations.html", invitations=guardian_links.invitations_for(current_user.id),
                       form=InvitationAnswerForm())


@bp.route("/invitations/<uuid:link_id>", methods=["POST"])
def answer_invitation(link_id):
    """Accept or decline one invitation; someone else's is not found."""
    form = InvitationAnswerForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        link = guardian_links.answer_invitation(current_user, link_id, form.answer.data == "accept", utcnow())
    except guardian_links.LinkRefused as refused:
        flash(str(refused.message), "error")
        return redirect(url_for("guardians.invitations"))
    if link is None:
        abort(404)
    flash(_("You now follow this child.") if form.answer.data == "accept" else _("Invitation declined."),
          "success")
    return redirect(url_for("guardians.home"))


@bp.route("/week")
def week():
    """This week of every approved child, side by side."""
    return render_page("guardians/week.html", weeks=children_weeks(current_user.id, utcnow()))


@bp.route("/children/<uuid:student_id>")
def child(student_id):
    """One approved child: the week, standing, classes and consent. Anyone else's child is not found."""
    weeks = children_weeks(current_user.id, utcnow(), student_id=student_id)
    if not weeks:
        abort(404)
    return render_page("guardians/child.html", week=weeks[0], student=weeks[0].student,
                       profile=weeks[0].profile, enrollments=classes_of_student(student_id),
                       consents=consent.consents_of([student_id])[student_id], features=consent.FEATURES,
                       form=ConsentForm())


@bp.route("/children/<uuid:student_id>/consent", methods=["POST"])
def set_consent(student_id):
    """Give or withdraw consent for one optional feature for an approved child."""
    form = ConsentForm()
    if not form.validate_on_submit() or form.feature.data not in consent.FEATURES:
        abort(400)
    decision = consent.set_consent(current_user, student_id, form.feature.data, form.granted.data == "yes")
    if decision is None:
        abort(404)
    flash(_("Your consent is saved.") if decision.granted else _("Your consent is withdrawn."), "success")
    return redirect(url_for("guardians.child", student_id=student_id) + "#consent")
