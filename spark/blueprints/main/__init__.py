"""Pages that belong to no role: the front door and the health check."""
from flask import Blueprint, abort, redirect, url_for
from flask_login import current_user, login_required

from spark import notifications
from spark.db import database
from spark.pages import render_page

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


@bp.route("/notifications")
@login_required
def notifications_page():
    """My notifications: unread first, with their priority; expired ones are hidden."""
    return render_page("notifications.html", items=notifications.notifications_for(current_user.id))


@bp.route("/notifications/<uuid:notification_id>/read", methods=["POST"])
@login_required
def mark_read(notification_id):
    """Mark one notification read; htmx swaps just that item."""
    if not notifications.mark_read(current_user.id, notification_id):
        abort(404)
    return redirect(url_for("main.notifications_page"))


@bp.route("/notifications/read", methods=["POST"])
@login_required
def mark_all_read():
    """Mark every notification read."""
    notifications.mark_all_read(current_user.id)
    return redirect(url_for("main.notifications_page"))
