"""Views of the school's badges: list, create, edit, and who would earn one now."""
import json

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _

from spark import schools
from spark.blueprints.admins import bp
from spark.blueprints.admins.forms import BadgeForm
from spark.blueprints.admins.routes import my_school_id
from spark.models import Course
from spark.pages import render_page


def _courses(school_id):
    return list(Course.select().where((Course.school == school_id) | Course.school.is_null()).order_by(Course.title))


def criteria_from_form(form):
    """The criteria document the form describes (the JSON box wins when filled), or (None, error)."""
    if (form.criteria_json.data or "").strip():
        try:
            return json.loads(form.criteria_json.data), None
        except ValueError:
            return None, _("The JSON is not valid.")
    leaves = []
    for row in form.criteria_rows():
        metric = row.metric.data
        if not metric:
            continue
        if row.gte.data is None:
            return None, _("Give a number for each condition.")
        leaf = {"metric": metric, "gte": row.gte.data}
        if metric == "xp_in_subject":
            if not (row.subject.data or "").strip():
                return None, _("Give the subject for XP in a subject.")
            leaf["subject"] = row.subject.data.strip()
        if metric == "course_lessons_completed":
            if row.course.data not in {c.value for c in row.course.choices if c.value}:
                return None, _("Choose the course for lessons of a course.")
            leaf["course_id"] = row.course.data
        leaves.append(leaf)
    if not leaves:
        return None, _("Add at least one condition.")
    return {form.match.data: leaves}, None


def fill_form_from_criteria(form, criteria):
    """Show a badge's criteria in the rows when they fit them, else in the JSON box."""
    key = "all" if "all" in criteria else "any" if "any" in criteria else None
    leaves = criteria.get(key) if key else [criteria]
    simple = isinstance(leaves, list) and len(leaves) <= 3 and all("metric" in leaf for leaf in leaves)
    if not simple:
        form.criteria_json.data = json.dumps(criteria, ensure_ascii=False, indent=1)
        return
    form.match.data = key or "all"
    for row, leaf in zip(form.criteria_rows(), leaves):
        row.metric.data, row.gte.data = leaf["metric"], leaf.get("gte")
        row.subject.data, row.course.data = leaf.get("subject", ""), leaf.get("course_id", "")


@bp.route("/badges")
def badges():
    """The school's badges (editable) and the platform's (shown for reference)."""
    return render_page("admins/badges.html", badges=schools.school_badges(my_school_id()))


@bp.route("/badges/new", methods=["GET", "POST"])
@bp.route("/badges/<uuid:badge_id>", methods=["GET", "POST"])
def edit_badge(badge_id=None):
    """Create or edit a badge; "Preview" shows who would earn it now, without awarding it."""
    school_id = my_school_id()
    badge = schools.school_badge(school_id, badge_id) if badge_id else None
    if badge_id and badge is None:
        abort(404)
    form = BadgeForm(obj=badge, courses=_courses(school_id))
    if badge is not None and request.method == "GET":
        fill_form_from_criteria(form, badge.criteria)
    criteria, error, earners = (badge.criteria if badge else None), None, None
    if form.validate_on_submit():
        criteria, error = criteria_from_form(form)
        error = error or (criteria is not None and schools.criteria_problem(criteria)) or None
        if error is None and request.form.get("action") != "preview":
            values = {key: getattr(form, key).data for key in ("name", "description", "category", "rarity",
                                                               "xp_reward", "crystal_reward", "spark_reward",
                                                               "is_active")}
            values["criteria"] = criteria
            try:
                saved = schools.save_school_badge(school_id, badge_id, values)
            except schools.SchoolRefused as refused:
                form.name.errors.append(refused.message)
            else:
                flash(_("The badge is saved."), "success")
                return redirect(url_for("admins.edit_badge", badge_id=saved.id))
    if criteria is not None and error is None:
        earners = schools.who_would_earn(school_id, criteria)
    failed = bool(form.errors or error)
    return render_page("admins/badge.html", form=form, badge=badge, criteria_error=error, earners=earners,
                       status=422 if failed else 200)
