"""One transaction per request, acting as the signed-in user (ARCHITECTURE.md, 3).

Before the view: open the transaction, set the actor from the signed session
(before any other query, so row-level security sees it), then load the user and
check that the session's token still matches. After the view: commit when the
response is not a server error, else roll back; the connection goes back to
the pool with nothing of this user left on it (the settings were local).
"""
from flask import g, request, session
from flask_login import AnonymousUserMixin, current_user, login_user
from peewee import JOIN

from spark.accounts import parse_session_token, session_token
from spark.db import database, set_acting_context
from spark.extensions import login_manager
from spark.models import Profile, School, User

SESSION_ROLE = "spark_role"
SESSION_SCHOOL = "spark_school"


class Anonymous(AnonymousUserMixin):
    """Nobody signed in."""

    role = None
    school_id = None
    preferred_language = None


def init_app(app):
    """Register the transaction hooks and Flask-Login's loader."""
    login_manager.anonymous_user = Anonymous
    login_manager.user_loader(load_signed_in_user)
    app.before_request(open_request_transaction)
    from spark.security import require_own_password
    app.before_request(require_own_password)
    app.after_request(finish_request_transaction)
    app.teardown_request(close_request_transaction)


def open_request_transaction():
    """Open the request's transaction and set who is acting, before any other query."""
    if request.endpoint == "static":
        return
    database.connect(reuse_if_open=True)
    g.transaction = database.atomic()
    g.transaction.__enter__()
    parsed = parse_session_token(session.get("_user_id"))
    set_acting_context(
        parsed[0] if parsed else None,
        session.get(SESSION_ROLE) if parsed else None,
        session.get(SESSION_SCHOOL) if parsed else None,
        request.remote_addr,
        request.user_agent.string,
    )
    current_user._get_current_object()  # load now, inside the transaction


def load_signed_in_user(token):
    """Flask-Login's loader: the user whose session token still matches, else nobody."""
    parsed = parse_session_token(token)
    if parsed is None:
        return None
    user_id, version = parsed
    user = (User
            .select(User, Profile, School)
            .join(Profile, JOIN.LEFT_OUTER, on=(Profile.user == User.id), attr="profile")
            .switch(User)
            .join(School, JOIN.LEFT_OUTER)
            .where(User.id == user_id)
            .first())
    if (user is None or not user.is_active or user.session_version != version
            or session.get(SESSION_ROLE) != user.role
            or session.get(SESSION_SCHOOL) != (str(user.school_id) if user.school_id else None)):
        set_acting_context(None, None, None, request.remote_addr, request.user_agent.string)
        return None
    return user


def start_session(user):
    """Sign a user in on this browser and act as them for the rest of the request."""
    session.clear()
    login_user(user)
    session[SESSION_ROLE] = user.role
    session[SESSION_SCHOOL] = str(user.school_id) if user.school_id else None
    session.permanent = True
    set_acting_context(user.id, user.role, user.school_id, request.remote_addr, request.user_agent.string)


def refresh_session(user):
    """Keep this browser signed in after the user's session version changed."""
    session["_user_id"] = session_token(user)


def finish_request_transaction(response):
    """Commit unless the response is a server error."""
    transaction = g.pop("transaction", None)
    if transaction is not None:
        failed = response.status_code >= 500
        transaction.__exit__(RuntimeError if failed else None, None, None)
    return response


def close_request_transaction(error=None):
    """Roll back what an exception left open and give the connection back to the pool."""
    transaction = g.pop("transaction", None)
    if transaction is not None:
        transaction.__exit__(type(error) if error else RuntimeError, error, None)
    if not database.is_closed() and not database.in_transaction():
        database.close()


def roll_back_request_transaction():
    """Abandon the request's writes now (a server error is being shown)."""
    transaction = g.pop("transaction", None)
    if transaction is not None:
        try:
            transaction.__exit__(RuntimeError, None, None)
        except Exception:  # the connection itself may be gone; the pool will replace it
            database.close()
