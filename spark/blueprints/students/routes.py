"""Views of the student's pages."""
from flask_login import current_user

from spark.blueprints.students import bp
from spark.classes import classes_of_student
from spark.levels import xp_for_level
from spark.pages import render_page


@bp.route("/")
def home():
    """Level, XP to the next level, streak, crystals, sparks and classes."""
    profile = current_user.profile
    level_start = xp_for_level(profile.level)
    next_level_at = xp_for_level(profile.level + 1)
    return render_page(
        "students/home.html",
        profile=profile,
        xp_into_level=profile.xp_points - level_start,
        xp_level_span=next_level_at - level_start,
        enrollments=classes_of_student(current_user.id),
    )
