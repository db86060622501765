"""The JSON sync API: a student's device sends the actions it queued offline.

POST /api/sync, JSON, authenticated by the session cookie. CSRF-safe: the
app's CSRFProtect checks the `X-CSRFToken` header on every POST, and
`Content-Type: application/json` is required (a cross-site form cannot send
it). Every error is a JSON body with an `error` code, never an HTML page.
"""
import json
from functools import wraps

from flask import current_app, jsonify, request
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import CSRFError, generate_csrf
from werkzeug.exceptions import HTTPException

from spark import errors, offline, sync
from spark.accounts import utcnow
from spark.blueprints.sync import bp
from spark.blueprints.sync.pages import offline_urls
from spark.models.enums import Role

# 5,000 small actions fit well within this; a device sends at most 200 per batch.
MAX_BATCH_BYTES = 8 * 1024 * 1024


def api_error(status, code, **extra):
    """A JSON error the device can act on."""
    response = jsonify({"error": code, **extra})
    response.status_code = status
    return response


def student_only(view):
    """Signed-in students only: 401 for nobody, 403 for another role (as JSON, not a redirect)."""
    @wraps(view)
    def guarded(*args, **kwargs):
        if not current_user.is_authenticated:
            return api_error(401, "not_signed_in")
        if current_user.role != Role.STUDENT:
            return api_error(403, "students_only")
        return view(*args, **kwargs)
    return guarded


def is_api_request() -> bool:
    """True for the JSON endpoints of this blueprint."""
    return request.path.startswith("/api/")


@bp.errorhandler(CSRFError)
def csrf_refused(error):
    """A missing or stale CSRF token: JSON for the API, the usual page elsewhere."""
    if is_api_request():
        return api_error(400, "csrf", message="Send the X-CSRFToken header (GET /api/sync gives a fresh one).")
    return errors.handle_csrf_error(error)


@bp.errorhandler(HTTPException)
def http_error(error):
    """JSON errors for the API (wrong method, too large...), the usual page elsewhere."""
    if is_api_request():
        if error.code and error.code >= 500:
            from spark.request_scope import roll_back_request_transaction
            roll_back_request_transaction()
        return api_error(error.code or 500, error.name.lower().replace(" ", "_"))
    return errors.handle_http_error(error)


@bp.route("/api/sync", methods=["GET"])
@student_only
def sync_state():
    """Who the session is, a fresh CSRF token and the server's clock, before the device sends its queue."""
    return {"user_id": str(current_user.id), "csrf_token": generate_csrf(),
            "server_time": utcnow().isoformat(), "max_actions": sync.MAX_ACTIONS}


@bp.route("/api/sync", methods=["POST"])
@student_only
def sync_batch():
    """Apply a batch of offline actions, each once, and answer each one; tell the device what to keep saved."""
    if request.mimetype != "application/json":
        return api_error(415, "json_required", message="Send Content-Type: application/json.")
    if request.content_length is None:
        return api_error(411, "length_required")
    if request.content_length > MAX_BATCH_BYTES:
        return api_error(413, "batch_too_large", max_bytes=MAX_BATCH_BYTES)
    body = _json_body()
    if not isinstance(body, dict):
        return api_error(400, "malformed_json", message="The body must be a JSON object.")
    device_id = body.get("device_id")
    actions = body.get("actions", [])
    saved = body.get("saved", {})
    if not isinstance(device_id, str) or not 0 < len(device_id) <= 100 or not isinstance(actions, list) \
            or not isinstance(saved, dict):
        return api_error(400, "malformed_batch",
                         message="Send {device_id: text, actions: [...], saved: {lesson_id: version}}.")
    now = utcnow()
    if len(actions) > sync.MAX_ACTIONS:
        sync.log_refused_batch(current_user.id, device_id, f"{len(actions)} actions, more than {sync.MAX_ACTIONS}",
                               now)
        return api_error(413, "too_many_actions", max_actions=sync.MAX_ACTIONS,
                         message=f"Send at most {sync.MAX_ACTIONS} actions per batch.")
    outcome = sync.apply_batch(current_user.id, device_id, actions, now)
    current, removed = offline.refresh_saved(current_user.id, str(get_locale()))
    return {
        "sync_log_id": str(outcome.sync_log.id),
        "server_time": now.isoformat(),
        "results": outcome.results,
        "saved": [{"lesson_id": str(p.lesson.id), "version": p.version, "size_bytes": p.size_bytes,
                   "urls": offline_urls(p.lesson.id, [(quiz, len(questions)) for quiz, questions in p.quizzes],
                                        p.images)}
                  for p in current],
        "removed": [str(lesson_id) for lesson_id in removed],
    }


def _json_body():
    # Not request.get_json(): a deeply nested body raises RecursionError, which it would let through as a 500.
    try:
        return json.loads(request.get_data(cache=False))
    except (ValueError, RecursionError):
        current_app.logger.info("sync: unreadable JSON from user %s", current_user.id)
        return None
