"""Rendering a page, or one block of it for htmx (STYLE.md: one template per page)."""
from flask import g, make_response, render_template, request
from flask_login import current_user
from jinja2_fragments.flask import render_block


def wants_fragment() -> bool:
    """An htmx request for part of a page; boosted navigation and history restores get the whole page."""
    headers = request.headers
    return (headers.get("HX-Request") == "true"
            and headers.get("HX-Boosted") != "true"
            and headers.get("HX-History-Restore-Request") != "true")


def render_page(template: str, block: str = "content", status: int = 200, **context):
    """Render the whole page, or only `block` of it when htmx asked for a fragment."""
    if wants_fragment():
        body = render_block(template, block, **context)
    else:
        body = render_template(template, **context)
    response = make_response(body, status)
    response.vary.add("HX-Request")
    return response


def unread_notifications() -> int:
    """The signed-in user's unread notifications, counted once per request (for the header)."""
    if "unread_notifications" not in g:
        from spark.notifications import unread_count
        g.unread_notifications = unread_count(current_user.id) if current_user.is_authenticated else 0
    return g.unread_notifications
