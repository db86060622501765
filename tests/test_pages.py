"""What every page carries: security headers, cookies, languages, error pages."""
import re

import pytest

from spark.db import as_system
from spark.models import User
from tests.conftest import csrf_token


def test_security_headers(client, world):
    response = client.get("/sign-in")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(auth, world):
    auth.sign_in("student_a")
    for path in ("/student/", "/password"):
        html = auth.client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
        assert "<style" not in html and " style=" not in html
        assert " onclick=" not in html


def test_session_cookie_is_httponly_and_lax(auth, world):
    response = auth.sign_in("student_a")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_session_cookie_is_secure_over_https(app, db, world):
    client = app.test_client()
    page = client.get("/sign-in", base_url="https://localhost")
    response = client.post("/sign-in", base_url="https://localhost", data={
        "identifier": "student_a", "password": "correct horse battery", "csrf_token": csrf_token(page)})
    assert "Secure" in response.headers["Set-Cookie"]
    assert response.headers["Strict-Transport-Security"]


def test_signed_in_pages_are_not_cached(auth, world):
    auth.sign_in("student_a")
    assert "no-store" in auth.client.get("/student/").headers["Cache-Control"]


def test_hindi_from_the_browser(client, world):
    html = client.get("/sign-in", headers={"Accept-Language": "hi-IN,hi;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert 'lang="hi"' in html
    assert "साइन इन" in html


def test_language_switch_is_stored_on_the_account(auth, world):
    auth.sign_in("student_a2")
    page = auth.client.get("/student/")
    response = auth.client.post("/language", data={"language": "hi", "next": "/student/",
                                                   "csrf_token": csrf_token(page)})
    assert response.headers["Location"] == "/student/"
    with as_system():
        assert User.get_by_id(auth_user_id(world, "student_a2")).preferred_language == "hi"
    html = auth.client.get("/student/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'lang="hi"' in html


def test_language_switch_refuses_unknown_language(client, world):
    page = client.get("/sign-in")
    assert client.post("/language", data={"language": "xx", "csrf_token": csrf_token(page)}).status_code == 400


def test_language_switch_does_not_redirect_off_site(client, world):
    page = client.get("/sign-in")
    response = client.post("/language", data={"language": "hi", "next": "//evil.example",
                                               "csrf_token": csrf_token(page)})
    assert response.headers["Location"] == "/"


def test_anonymous_language_choice_comes_along_at_sign_in(client, world):
    page = client.get("/sign-in")
    client.post("/language", data={"language": "hi", "next": "/sign-in", "csrf_token": csrf_token(page)})
    page = client.get("/sign-in")
    assert 'lang="hi"' in page.get_data(as_text=True)


def auth_user_id(world, username):
    return world[username].id


def test_not_found_page_is_in_layout_and_language(client, world):
    response = client.get("/no-such-page", headers={"Accept-Language": "hi"})
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert 'lang="hi"' in html and "404" in html


def test_method_not_allowed_page(client, world):
    assert client.get("/sign-out").status_code == 405


def test_oversized_request_gets_friendly_413(app, client, world, monkeypatch):
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 1024)
    response = client.post("/sign-in", data={"identifier": "x" * 4096, "password": "y"})
    assert response.status_code == 413
    assert "That file is too big" in response.get_data(as_text=True)


def test_unexpected_error_gives_500_page_and_rolls_back(app, auth, world, monkeypatch):
    auth.sign_in("student_a")
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr("spark.blueprints.students.routes.student_home", broken)
    response = auth.client.get("/student/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.get_data(as_text=True)


def test_htmx_request_gets_only_the_content_block(auth, world):
    auth.sign_in("student_a")
    response = auth.client.get("/student/", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert "<html" not in html and "Anil Kumar" in html
    assert "HX-Request" in response.headers["Vary"]
    boosted = auth.client.get("/student/", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in boosted.get_data(as_text=True)


def test_health_check(client, world):
    assert client.get("/healthz").get_json() == {"status": "ok"}


@pytest.mark.parametrize("path", ["/sign-in"])
def test_pages_are_compressed(client, world, path):
    response = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("Content-Encoding") == "gzip"
