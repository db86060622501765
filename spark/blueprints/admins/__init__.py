"""The school admin's pages (and the platform admin's, who has no school).

The guardian link pages are for school staff: a teacher decides the links of the
students of their classes there too (STAFF_ENDPOINTS admit teachers).
"""
from flask import Blueprint, abort, request
from flask_login import current_user

from spark.models.enums import Role
from spark.security import role_required

bp = Blueprint("admins", __name__, url_prefix="/admin")

STAFF_ENDPOINTS = {"admins.guardian_links", "admins.decide_link", "admins.make_link_code",
                   "admins.invite_guardian", "admins.new_guardian"}


@bp.before_request
def only_admins():
    """Every page here is for admins only, but the guardian link pages, which teachers use too."""
    roles = (Role.ADMIN, Role.TEACHER) if request.endpoint in STAFF_ENDPOINTS else (Role.ADMIN,)
    refused = role_required(*roles)(lambda: None)()
    if refused is None and request.endpoint in STAFF_ENDPOINTS and current_user.school_id is None:
        abort(404)  # the platform admin has no students
    return refused


from spark.blueprints.admins import routes, users, links, badges, audit, platform  # noqa: E402,F401
