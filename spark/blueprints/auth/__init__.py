"""Signing in and out, passwords and the interface language."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from spark.blueprints.auth import routes  # noqa: E402,F401  (registers the views)
