"""The student's pages."""
from flask import Blueprint

from spark.models.enums import Role
from spark.security import role_required

bp = Blueprint("students", __name__, url_prefix="/student")


@bp.before_request
@role_required(Role.STUDENT)
def only_students():
    """Every page here is for students only."""


# Each module registers its views on `bp`.
from spark.blueprints.students import assignments, routes  # noqa: E402,F401
