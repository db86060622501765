"""Offline use (issue 6): the sync API, the service worker, the saved lessons and the staff's sync pages.

Unlike the role blueprints, this one serves several roles, so each view checks
its own (`spark.security.role_required`, or `api.student_only` for JSON).
"""
from flask import Blueprint

bp = Blueprint("sync", __name__)

# Each module registers its views on `bp`.
from spark.blueprints.sync import api, pages, staff  # noqa: E402,F401
