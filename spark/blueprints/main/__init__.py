"""Pages that belong to no role: the front door and the health check."""
from flask import Blueprint, redirect, url_for
from flask_login import current_user

from spark.db import database

bp = Blueprint("main", __name__)


@bp.route("/")
def index():
    """Send a signed-in user to their home, anyone else to the sign-in page."""
    if current_user.is_authenticated:
        from spark.blueprints.auth.routes import home_url
        return redirect(home_url(current_user))
    return redirect(url_for("auth.sign_in"))


@bp.route("/healthz")
def health():
    """For load balancers: the app is up and its database answers."""
    database.execute_sql("SELECT 1")
    return {"status": "ok"}
