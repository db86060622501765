"""Views for signing in and out, changing a password and choosing a language."""
from urllib.parse import urlsplit

from flask import abort, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from spark import accounts
from spark.blueprints.auth import bp
from spark.blueprints.auth.forms import ChangePasswordForm, SignInForm
from spark.config import SUPPORTED_LANGUAGES
from spark.pages import render_page
from spark.passwords import PasswordRejected
from spark.request_scope import refresh_session, start_session

HOME_ENDPOINTS = {
    "STUDENT": "students.home",
    "TEACHER": "teachers.home",
    "GUARDIAN": "guardians.home",
    "ADMIN": "admins.home",
}


def home_url(user) -> str:
    """Where a user lands after signing in."""
    return url_for(HOME_ENDPOINTS[user.role])


def safe_next_url(candidate: str | None) -> str | None:
    """Keep a `next` URL only when it stays on this site (refuse //evil.example and the like)."""
    if not candidate or "\\" in candidate or any(ord(char) < 32 for char in candidate):
        return None
    parts = urlsplit(candidate)
    if parts.scheme or parts.netloc or not candidate.startswith("/") or candidate.startswith("//"):
        return None
    return candidate


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """Sign in with a username or email and a password."""
    next_url = safe_next_url(request.args.get("next"))
    if current_user.is_authenticated:
        return redirect(next_url or home_url(current_user))
    form = SignInForm()
    status, headers = 200, {}
    if form.validate_on_submit():
        try:
            user = accounts.sign_in(form.identifier.data, form.password.data,
                                    request.remote_addr, request.user_agent.string)
        except accounts.SignInThrottled as throttled:
            minutes = max(1, round(throttled.retry_after / 60))
            form.form_errors.append(_("Too many wrong tries for this account. Try again in %(num)d minutes.",
                                      num=minutes))
            status, headers = 429, {"Retry-After": str(throttled.retry_after)}
        except accounts.SignInRefused:
            form.form_errors.append(_("That username or password is not right."))
            status = 422
        except accounts.AccountInactive:
            form.form_errors.append(_("This account is switched off. Please ask your school."))
            status = 422
        else:
            chosen_language = session.get("lang")
            start_session(user)
            if chosen_language and not user.preferred_language:
                accounts.set_preferred_language(user, chosen_language)
            return redirect(next_url or home_url(user))
    elif form.errors:
        status = 422
    response = render_page("auth/sign_in.html", form=form, next_url=next_url, status=status)
    response.headers.update(headers)
    return response


@bp.route("/sign-out", methods=["POST"])
@login_required
def sign_out():
    """Sign out here and on every other device."""
    accounts.end_all_sessions(current_user)
    logout_user()
    session.clear()
    flash(_("You are signed out."), "success")
    return redirect(url_for("auth.sign_in"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password."""
    form = ChangePasswordForm()
    status = 200
    if form.validate_on_submit():
        try:
            accounts.change_password(current_user, form.current_password.data, form.new_password.data)
        except accounts.SignInRefused:
            form.current_password.errors.append(_("Your current password is not right."))
        except PasswordRejected as rejected:
            form.new_password.errors.append(rejected.message)
        else:
            refresh_session(current_user)
            flash(_("Your password is changed. You were signed out on your other devices."), "success")
            return redirect(home_url(current_user))
    if form.errors:
        status = 422
    return render_page("auth/change_password.html", form=form, status=status)


@bp.route("/language", methods=["POST"])
def choose_language():
    """Remember the interface language: on the account when signed in, else in the session."""
    language = request.form.get("language", "")
    if language not in SUPPORTED_LANGUAGES:
        abort(400)
    if current_user.is_authenticated:
        accounts.set_preferred_language(current_user, language)
    else:
        session["lang"] = language
    return redirect(safe_next_url(request.form.get("next")) or url_for("main.index"))
