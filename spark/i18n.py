"""Which language and time zone a page is shown in (ARCHITECTURE.md, 9 and 6)."""
from flask import request, session
from flask_login import current_user

from spark.config import SUPPORTED_LANGUAGES

DEFAULT_TIMEZONE = "Asia/Kolkata"


def select_locale() -> str:
    """The user's chosen language, then the browser's, then the school's, then English."""
    chosen = current_user.preferred_language if current_user.is_authenticated else session.get("lang")
    if chosen in SUPPORTED_LANGUAGES:
        return chosen
    from_browser = request.accept_languages.best_match(SUPPORTED_LANGUAGES)
    if from_browser:
        return from_browser
    school = _current_school()
    if school is not None and school.default_language in SUPPORTED_LANGUAGES:
        return school.default_language
    return "en"


def select_timezone() -> str:
    """Dates and times are shown in the school's time zone."""
    school = _current_school()
    return (school.timezone if school is not None else None) or DEFAULT_TIMEZONE


def _current_school():
    if not current_user.is_authenticated or current_user.school_id is None:
        return None
    return current_user.school  # joined when the user was loaded: no query
