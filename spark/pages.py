"""Rendering a page, or one block of it for htmx (STYLE.md: one template per page)."""
from flask import make_response, render_template, request
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
