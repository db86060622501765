"""The school admin's pages (and the platform admin's, who has no school)."""
from flask import Blueprint

from spark.models.enums import Role
from spark.security import role_required

bp = Blueprint("admins", __name__, url_prefix="/admin")


@bp.before_request
@role_required(Role.ADMIN)
def only_admins():
    """Every page here is for admins only."""


from spark.blueprints.admins import routes  # noqa: E402,F401
