"""Views of the admin's pages."""
from flask_login import current_user

from spark.blueprints.admins import bp
from spark.classes import classes_with_student_counts
from spark.pages import render_page
from spark.schools import school_overview, schools_with_counts


@bp.route("/")
def home():
    """A school admin sees their school's counts and classes; the platform admin, every school."""
    if current_user.school_id is None:
        return render_page("admins/platform.html", schools=schools_with_counts())
    return render_page("admins/home.html", school=current_user.school,
                       counts=school_overview(current_user.school_id),
                       classes=classes_with_student_counts(current_user.school_id))
