"""Spark: a gamified, multilingual learning platform for schools."""
import hashlib
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from flask import Flask, url_for
from flask_babel import get_locale, lazy_gettext as _l
from jinja2 import StrictUndefined
from werkzeug.middleware.proxy_fix import ProxyFix

from spark import db, errors, labels, request_scope
from spark.config import INSTANCE_PATH, SUPPORTED_LANGUAGES, read_environment
from spark.extensions import babel, compress, csrf, login_manager
from spark.content_language import localized
from spark.i18n import select_locale, select_timezone
from spark.notifications import notification_text
from spark.pages import unread_notifications
from spark.security import SessionInterface, add_security_headers, send_to_sign_in

def create_app(test_config=None):
    """Build the Spark app; `test_config` overrides what the environment gives."""
    app = Flask(__name__, instance_path=str(INSTANCE_PATH))
    app.config.from_mapping(
        SESSION_COOKIE_NAME="spark_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(days=30),
        SEND_FILE_MAX_AGE_DEFAULT=timedelta(days=365),  # static URLs carry a content hash
        WTF_CSRF_TIME_LIMIT=None,  # a token lives as long as the session it belongs to
        BABEL_TRANSLATION_DIRECTORIES=str(Path(__file__).parent / "translations"),
        COMPRESS_MIMETYPES=["text/html", "text/css", "application/javascript", "text/javascript",
                            "application/json", "image/svg+xml", "application/manifest+json"],
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_BR_LEVEL=5,
        COMPRESS_MIN_SIZE=300,
    )
    app.config.update(read_environment(Path(app.instance_path)))
    if test_config:
        app.config.update(test_config)
    if app.config["TRUSTED_PROXIES"]:
        count = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)

    connect_database(app)
    app.session_interface = SessionInterface()
    app.jinja_env.undefined = StrictUndefined
    app.jinja_env.globals.update(
        static_url=static_url,
        get_locale=get_locale,
        languages=SUPPORTED_LANGUAGES,
        enrollment_status_names=labels.ENROLLMENT_STATUS_NAMES,
        link_status_names=labels.LINK_STATUS_NAMES,
        role_names=labels.ROLE_NAMES,
        progress_status_names=labels.PROGRESS_STATUS_NAMES,
        priority_names=labels.PRIORITY_NAMES,
        reward_reasons=labels.REWARD_REASONS,
        currency_names=labels.CURRENCY_NAMES,
        metric_names=labels.METRIC_NAMES,
        notification_text=notification_text,
        localized=localized,
        unread_notifications=unread_notifications,
    )

    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    csrf.init_app(app)
    compress.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = _l("Please sign in to open that page.")
    login_manager.login_message_category = "info"
    login_manager.unauthorized_handler(send_to_sign_in)
    # "strong" would sign a student out whenever their phone's network address changes.
    login_manager.session_protection = "basic"
    request_scope.init_app(app)
    errors.init_app(app)
    app.after_request(add_security_headers)

    register_blueprints(app)
    from spark.cli import register_commands
    register_commands(app)
    return app


def connect_database(app):
    """Bind the models to DATABASE_URL, or to the embedded PostgreSQL when it is unset."""
    app.config["DATABASE_URL"], app.config["DATABASE_OWNER_URL"] = db.database_urls(
        app.config["DATABASE_URL"], app.config["DATABASE_OWNER_URL"], Path(app.instance_path))
    db.open_database(app.config["DATABASE_URL"], app.config["DATABASE_POOL_SIZE"])


def register_blueprints(app):
    """One blueprint per role, plus sign-in and the shared pages."""
    from spark.blueprints import admins, auth, files, guardians, main, students, teachers

    for blueprint in (main.bp, auth.bp, students.bp, teachers.bp, guardians.bp, admins.bp, files.bp):
        app.register_blueprint(blueprint)
    from spark.blueprints import sync  # offline use (issue 6): sync API, service worker, saved lessons
    app.register_blueprint(sync.bp)


def static_url(filename: str) -> str:
    """URL of a static file with a hash of its content, so it can be cached for a year."""
    return url_for("static", filename=filename, v=_static_hash(filename))


@lru_cache(maxsize=256)
def _static_hash(filename: str) -> str:
    path = Path(__file__).parent / "static" / filename
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return "missing"
