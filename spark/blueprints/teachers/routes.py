"""Views of the teacher's pages."""
from flask import abort
from flask_login import current_user

from spark import access
from spark.blueprints.teachers import bp
from spark.classes import classes_taught_with_rosters, rosters_of
from spark.pages import render_page


@bp.route("/")
def home():
    """The teacher's classes, each with its roster."""
    return render_page("teachers/home.html", classes=classes_taught_with_rosters(current_user.id))


@bp.route("/classes/<uuid:class_id>")
def class_roster(class_id):
    """One class's roster: each student's level, XP and streak."""
    school_class = access.visible_class(current_user, class_id)
    if school_class is None:
        abort(404)
    return render_page("teachers/class_roster.html", school_class=school_class,
                       roster=rosters_of([school_class.id]).get(school_class.id, []))
