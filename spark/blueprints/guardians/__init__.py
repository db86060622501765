"""The guardian's pages."""
from flask import Blueprint

from spark.models.enums import Role
from spark.security import role_required

bp = Blueprint("guardians", __name__, url_prefix="/guardian")


@bp.before_request
@role_required(Role.GUARDIAN)
def only_guardians():
    """Every page here is for guardians only."""


from spark.blueprints.guardians import routes  # noqa: E402,F401
