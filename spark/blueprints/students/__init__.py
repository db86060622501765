"""The student's pages."""
from flask import Blueprint

from spark.models.enums import Role
from spark.security import role_required

bp = Blueprint("students", __name__, url_prefix="/student")


@bp.before_request
@role_required(Role.STUDENT)
def only_students():
    """Every page here is for students only."""


from spark.blueprints.students import routes  # noqa: E402,F401
