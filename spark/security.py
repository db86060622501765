"""Security headers, cookie flags, and who may open which page."""
from functools import wraps

from flask import abort, flash, make_response, redirect, request, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_login import current_user

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    # No inline script anywhere: htmx and the service worker are files of our own.
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'none'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


def add_security_headers(response):
    """Headers every response carries."""
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.endpoint != "static" and current_user.is_authenticated:
        # Pages of a signed-in child must not be kept by shared caches or the back button of a shared phone.
        response.headers.setdefault("Cache-Control", "private, no-store")
    return response


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, marked Secure whenever the request came over HTTPS."""

    def get_cookie_secure(self, app):
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)


def role_required(*roles):
    """Let only signed-in users of these roles in: others get 403, anonymous users the sign-in page."""
    def decorator(view):
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                from spark.extensions import login_manager
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)
        return guarded
    return decorator


# What a user who must replace a one-time password may still open.
OPEN_WITH_ONE_TIME_PASSWORD = {"auth.change_password", "auth.sign_out", "auth.choose_language", "static",
                               "main.health"}


def require_own_password():
    """Before anything else, a user with a one-time password chooses their own."""
    if (not current_user.is_authenticated or not current_user.must_change_password
            or request.endpoint in OPEN_WITH_ONE_TIME_PASSWORD or request.path.startswith("/api/")):
        return None
    flash(_("Choose your own password before you go on: the one you were given works only once."), "info")
    target = url_for("auth.change_password")
    if request.headers.get("HX-Request") == "true":
        response = make_response("", 204)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target)


def send_to_sign_in():
    """Anyone not signed in (or whose session ended) goes to the sign-in page, then back here.

    An htmx request gets an HX-Redirect instead of a 302: following the redirect itself
    would swap the sign-in page into the part of the page that asked.
    """
    from spark.extensions import login_manager

    flash(login_manager.login_message, login_manager.login_message_category)
    target = url_for("auth.sign_in", next=request.full_path if request.query_string else request.path)
    if request.headers.get("HX-Request") == "true":
        response = make_response("", 401)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target)
