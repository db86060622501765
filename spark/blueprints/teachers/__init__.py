"""The teacher's pages."""
from flask import Blueprint

from spark.models.enums import Role
from spark.security import role_required

bp = Blueprint("teachers", __name__, url_prefix="/teacher")


@bp.before_request
@role_required(Role.TEACHER)
def only_teachers():
    """Every page here is for teachers only."""


# Each module registers its views on `bp`.
from spark.blueprints.teachers import assignments, authoring, grading, routes  # noqa: E402,F401
