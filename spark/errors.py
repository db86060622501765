"""Error pages in the site's layout and the user's language."""
from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from spark.request_scope import roll_back_request_transaction

MESSAGES = {
    400: (_l("Something in that request was not right"),
          _l("Go back, reload the page and try again.")),
    403: (_l("This page is not for you"),
          _l("Your account cannot open this page. If you think it should, ask your teacher or school admin.")),
    404: (_l("We could not find that"),
          _l("The page or item does not exist, or it is not shared with you.")),
    405: (_l("That action is not allowed here"),
          _l("Go back and use the buttons on the page.")),
    413: (_l("That file is too big"),
          _l("Choose a smaller file and try again.")),
    429: (_l("Please wait a little"),
          _l("There were too many tries. Wait and try again.")),
    500: (_l("Something went wrong on our side"),
          _l("Nothing you did caused this. Your work was not saved; please try again in a minute.")),
}


def render_error(status: int, detail=None, retry_after=None):
    """The error page for a status code."""
    title, message = MESSAGES.get(status, MESSAGES[400 if status < 500 else 500])
    body = render_template("errors/error.html", status=status, title=title,
                           message=detail or message, retry_after=retry_after)
    return body, status


def handle_http_error(error: HTTPException):
    """Render a 4xx or 5xx raised by a view or by Flask itself."""
    status = error.code or 500
    if status >= 500:
        roll_back_request_transaction()
    retry_after = getattr(error, "retry_after", None)
    body, status = render_error(status, retry_after=retry_after)
    headers = {"Retry-After": str(retry_after)} if retry_after else {}
    return body, status, headers


def handle_csrf_error(error: CSRFError):
    """A form sent without a valid token: an expired page or a forged request."""
    return render_error(400, detail=_l("This form has expired. Reload the page and send it again."))


def init_app(app):
    """Register the handlers."""
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(HTTPException, handle_http_error)
    # Flask turns any unhandled exception into an InternalServerError (and logs it):
    # it gets the same page, after the request's writes are rolled back.
    app.register_error_handler(InternalServerError, handle_http_error)
